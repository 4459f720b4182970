"""Texts of the access part (login, roles, local mode, the roles page): key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    # --- Login -----------------------------------------------------------------------------
    "access.login.title": ("Lägesbild", "Lägesbild"),
    "access.login.text": ("Logga in med ditt konto i kommunen eller kommunalförbundet för att se "
                          "lägesbilden.",
                          "Sign in with your municipal or association account to see the "
                          "situation picture."),
    "access.login.button": ("Logga in", "Sign in"),
    "access.logout.button": ("Logga ut", "Sign out"),
    "access.signed_in_as": ("Inloggad som {who} ({role})", "Signed in as {who} ({role})"),

    # --- A user without the rights ----------------------------------------------------------
    "access.no_role.title": ("Ingen behörighet", "No access"),
    "access.no_role.text": ("Du är inloggad som {who}, men den adressen har ingen behörighet i "
                            "Lägesbild. {ask}",
                            "You are signed in as {who}, but that address has no access to "
                            "Lägesbild. {ask}"),
    "access.ask.contact": ("Be {contact} om behörighet.", "Ask {contact} for access."),
    "access.ask.admin": ("Be förbundets administratör för Lägesbild att ge dig en roll.",
                         "Ask the association's Lägesbild administrator to give you a role."),
    "access.no_email": ("Inloggningen gav ingen e-postadress, så Lägesbild kan inte avgöra din "
                        "behörighet. Be administratören kontrollera att Entra ID skickar "
                        "anspråket email eller preferred_username.",
                        "The sign-in gave no e-mail address, so Lägesbild cannot tell your "
                        "access. Ask the administrator to check that Entra ID sends the email or "
                        "preferred_username claim."),
    "access.too_low.page": ("Den här sidan kräver rollen {needed}. Du har rollen {role}. {ask}",
                            "This page needs the role {needed}. Your role is {role}. {ask}"),

    # --- Local mode -------------------------------------------------------------------------
    "access.local.notice": ("Lokalt läge: utan inloggning, bara på den här datorn.",
                            "Local mode: no sign-in, on this computer only."),
    "access.local.exposed": ("Lägesbild körs utan inloggning men tar emot anslutningar från "
                             "andra datorer (server.address = {address}). Därför visas inga "
                             "uppgifter. Konfigurera inloggning ([auth] i .streamlit/secrets.toml) "
                             "eller starta servern med --server.address 127.0.0.1.",
                             "Lägesbild runs without sign-in but accepts connections from other "
                             "computers (server.address = {address}). No figures are shown. "
                             "Configure sign-in ([auth] in .streamlit/secrets.toml) or start the "
                             "server with --server.address 127.0.0.1."),
    "access.local.proxied": ("Lägesbild körs utan inloggning men nås genom en proxy (begäran har "
                             "huvudet {header}), alltså från andra datorer. Därför visas inga "
                             "uppgifter. Konfigurera inloggning ([auth] i .streamlit/secrets.toml) "
                             "innan appen ställs bakom en proxy.",
                             "Lägesbild runs without sign-in but is reached through a proxy (the "
                             "request has the header {header}), so from other computers. No "
                             "figures are shown. Configure sign-in ([auth] in "
                             ".streamlit/secrets.toml) before putting the app behind a proxy."),
    "access.local.all_interfaces": ("alla nätverksgränssnitt", "all network interfaces"),

    # --- Role names -------------------------------------------------------------------------
    "access.role.läsare": ("läsare", "reader"),
    "access.role.redaktör": ("redaktör", "editor"),
    "access.role.admin": ("admin", "administrator"),
    "access.role.none": ("ingen roll", "no role"),

    # --- Configuration errors ---------------------------------------------------------------
    "access.config.unknown_role": ("Rollkonfigurationen ([lagesbild.roller] i "
                                   ".streamlit/secrets.toml) nämner rollen \"{name}\", som inte "
                                   "finns. Rollerna är {known}.",
                                   "The role configuration ([lagesbild.roller] in "
                                   ".streamlit/secrets.toml) names the role \"{name}\", which "
                                   "does not exist. The roles are {known}."),
    "access.config.not_a_list": ("Rollkonfigurationen ([lagesbild.roller] i "
                                 ".streamlit/secrets.toml): rollen \"{name}\" ska vara en lista "
                                 "med e-postadresser, till exempel [\"anna@koping.se\"].",
                                 "The role configuration ([lagesbild.roller] in "
                                 ".streamlit/secrets.toml): the role \"{name}\" must be a list of "
                                 "e-mail addresses, such as [\"anna@koping.se\"]."),
    "access.config.bad_email": ("Rollkonfigurationen ([lagesbild.roller] i "
                                ".streamlit/secrets.toml): \"{value}\" under rollen \"{name}\" "
                                "är ingen e-postadress.",
                                "The role configuration ([lagesbild.roller] in "
                                ".streamlit/secrets.toml): \"{value}\" under the role \"{name}\" "
                                "is not an e-mail address."),

    # --- The roles page (Behörigheter) ------------------------------------------------------
    "roles.heading": ("Behörigheter", "Roles"),
    "roles.intro": ("Läsare ser alla sidor för direktionen och rapporten. Redaktörer kan "
                    "dessutom läsa in, redigera och fastställa år. Administratörer kan dessutom "
                    "ge och ta bort roller. Den som har en roll både i konfigurationen och här får "
                    "den högre.",
                    "Readers see every board page and the report. Editors can also import, edit "
                    "and freeze years. Administrators can also give and remove roles. Someone "
                    "with a role both in the configuration and here gets the higher one."),
    "roles.local": ("Lokalt läge: utan inloggning gäller inga roller, och den som använder "
                    "datorn har alla rättigheter. Rollerna nedan används när inloggning är "
                    "konfigurerad.",
                    "Local mode: without sign-in no roles apply, and whoever uses this computer "
                    "has every right. The roles below apply once sign-in is configured."),
    "roles.config.heading": ("Roller i konfigurationen", "Roles in the configuration"),
    "roles.config.caption": ("Skrivskyddade här: de ändras i [lagesbild.roller] i "
                             ".streamlit/secrets.toml på servern.",
                             "Read-only here: they are changed in [lagesbild.roller] in "
                             ".streamlit/secrets.toml on the server."),
    "roles.config.none": ("Konfigurationen ger inga roller.", "The configuration gives no roles."),
    "roles.table.heading": ("Roller givna i appen", "Roles given in the app"),
    "roles.table.none": ("Inga roller är givna i appen ännu.", "No roles have been given in the "
                         "app yet."),
    "roles.column.email": ("E-postadress", "E-mail address"),
    "roles.column.role": ("Roll", "Role"),
    "roles.column.granted_by": ("Given av", "Given by"),
    "roles.column.granted_at": ("Given", "Given"),
    "roles.form.heading": ("Ge, ändra eller ta bort en roll", "Give, change or remove a role"),
    "roles.form.email": ("E-postadress", "E-mail address"),
    "roles.form.role": ("Roll", "Role"),
    "roles.form.submit": ("Spara", "Save"),
    "roles.form.remove": ("Ingen roll (ta bort)", "No role (remove)"),
    "roles.invalid_email": ("\"{value}\" är ingen e-postadress. Skriv hela adressen, till exempel "
                            "anna@koping.se.",
                            "\"{value}\" is not an e-mail address. Write the whole address, such "
                            "as anna@koping.se."),
    "roles.own_role": ("Du kan inte ändra din egen roll här. Be en annan administratör.",
                       "You cannot change your own role here. Ask another administrator."),
    "roles.done.granted": ("{email} har nu rollen {role}.", "{email} now has the role {role}."),
    "roles.done.changed": ("{email} har nu rollen {role}.", "{email} now has the role {role}."),
    "roles.done.removed": ("Rollen som {email} hade fått i appen är borttagen.",
                           "The role {email} had been given in the app is removed."),
    "roles.done.unchanged": ("{email} hade redan den rollen; inget ändrades.",
                             "{email} already had that role; nothing changed."),
    "roles.still_configured": ("{email} har fortfarande rollen {role} genom konfigurationen.",
                               "{email} still has the role {role} through the configuration."),
}
