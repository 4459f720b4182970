"""Texts of the reminder e-mails and of their settings' messages (lagesbild.reminders)."""

TEXT = {
    "reminders.time": ("{date} kl. {clock}", "{date} at {clock}"),

    # --- Before a board meeting ----------------------------------------------------------------
    "reminders.meeting.subject": ("Lägesbild: att uppmärksamma inför direktionens möte {date}",
                                  "Lägesbild: for the board's attention before its meeting on {date}"),
    "reminders.meeting.intro": ("Inför förbundsdirektionens möte {date}: det här visar Lägesbild "
                                "under Att uppmärksamma för {year}, viktigast först.",
                                "Before the board's meeting on {date}: this is what Lägesbild shows "
                                "for {year} under For the board's attention, most important first."),
    "reminders.meeting.see": ("Se {where}", "See {where}"),
    "reminders.meeting.internal": ("Intern sammanställning till ordföranden och it-chefen; den "
                                   "kan namnge system och risker och ska inte spridas vidare.",
                                   "Internal summary for the chair and the IT manager; it may name "
                                   "systems and risks and is not to be passed on."),

    # --- A reporting deadline ------------------------------------------------------------------
    "reminders.deadline.subject.one": ("Lägesbild: rapporteringsfristen för {incident} går ut "
                                       "om {hours} timme",
                                       "Lägesbild: the reporting deadline for {incident} ends in "
                                       "{hours} hour"),
    "reminders.deadline.subject.other": ("Lägesbild: rapporteringsfristen för {incident} går ut "
                                         "om {hours} timmar",
                                         "Lägesbild: the reporting deadline for {incident} ends in "
                                         "{hours} hours"),
    "reminders.deadline.significant": (
        "{incident} ({municipality}, upptäckt {reported}) är en betydande incident enligt "
        "cybersäkerhetslagen. En tidig varning ska lämnas till MSB:s CSIRT-enhet (CERT-SE) "
        "inom {hours} timmar från upptäckten, alltså senast {deadline}.",
        "{incident} ({municipality}, discovered {reported}) is a significant incident under the "
        "Cybersecurity Act. An early warning is due to MSB's CSIRT unit (CERT-SE) within "
        "{hours} hours of discovery, that is by {deadline}."),
    "reminders.deadline.breach": (
        "{incident} ({municipality}, upptäckt {reported}) är en personuppgiftsincident. Den ska "
        "anmälas till Integritetsskyddsmyndigheten (IMY) inom {hours} timmar från upptäckten, "
        "alltså senast {deadline}.",
        "{incident} ({municipality}, discovered {reported}) is a personal data breach. It is to "
        "be notified to the Swedish Authority for Privacy Protection (IMY) within {hours} hours "
        "of discovery, that is by {deadline}."),
    "reminders.deadline.also_breach": (
        "Den är också en personuppgiftsincident: anmälan till IMY inom 72 timmar.",
        "It is also a personal data breach: notification to IMY within 72 hours."),
    "reminders.deadline.none_yet": (
        "Lägesbild har ingen tidpunkt för rapporten ännu. Är den redan lämnad: för in tidpunkten "
        "i incidentregistret.",
        "Lägesbild has no time of reporting yet. If the report has been made: enter its time in "
        "the incident register."),

    # --- The command ---------------------------------------------------------------------------
    "reminders.none_due": ("Inga påminnelser att skicka.", "No reminders to send."),
    "reminders.sent": ("Skickat till {to}: {subject}", "Sent to {to}: {subject}"),
    "reminders.would_send": ("Skulle skicka till {to}: {subject}", "Would send to {to}: {subject}"),
    "reminders.smtp_failed": ("E-postservern {host}:{port} tog inte emot påminnelserna ({reason}). "
                              "Det som redan skickats är noterat och skickas inte igen.",
                              "The mail server {host}:{port} did not take the reminders ({reason}). "
                              "What was already sent is recorded and will not be sent again."),
    "reminders.sent_unreadable": ("Filen {path}, som håller reda på skickade påminnelser, går inte "
                                  "att läsa. Flytta undan den så skapas en ny (påminnelser som redan "
                                  "skickats kan då skickas igen).",
                                  "The file {path}, which keeps track of the reminders sent, cannot "
                                  "be read. Move it away and a new one is made (reminders already "
                                  "sent may then be sent again)."),

    # --- The settings ----------------------------------------------------------------------------
    "reminders.config.no_file": ("Inställningsfilen {path} finns inte. Påminnelserna ställs in i "
                                 "[lagesbild.paminnelser] och [lagesbild.smtp] i .streamlit/secrets.toml.",
                                 "The settings file {path} does not exist. Reminders are set in "
                                 "[lagesbild.paminnelser] and [lagesbild.smtp] in .streamlit/secrets.toml."),
    "reminders.config.unreadable": ("Inställningsfilen {path} går inte att läsa som TOML: {reason}.",
                                    "The settings file {path} cannot be read as TOML: {reason}."),
    "reminders.config.no_section": ("{path} har ingen [lagesbild.paminnelser]: inga påminnelser är "
                                    "inställda.",
                                    "{path} has no [lagesbild.paminnelser]: no reminders are set up."),
    "reminders.config.addresses": ("{setting} ska vara en lista med minst en e-postadress.",
                                   "{setting} must be a list of at least one e-mail address."),
    "reminders.config.bad_email": ("{setting}: '{value}' är ingen e-postadress.",
                                   "{setting}: '{value}' is not an e-mail address."),
    "reminders.config.number": ("{setting}: '{value}' ska vara ett heltal från {low} till {high}.",
                                "{setting}: '{value}' must be a whole number from {low} to {high}."),
    "reminders.config.meetings": ("{setting} ska vara en lista med mötesdagar, t.ex. "
                                  "[\"2027-02-12\", \"2027-04-23\"].",
                                  "{setting} must be a list of meeting dates, e.g. "
                                  "[\"2027-02-12\", \"2027-04-23\"]."),
    "reminders.config.bad_date": ("{setting}: '{value}' är inget datum (ÅÅÅÅ-MM-DD).",
                                  "{setting}: '{value}' is not a date (YYYY-MM-DD)."),
    "reminders.config.missing": ("{setting} saknas.", "{setting} is missing."),
    "reminders.config.encryption": ("{setting}: '{value}' är okänt; välj {known}.",
                                    "{setting}: '{value}' is unknown; choose {known}."),
    "reminders.config.language": ("{setting}: '{value}' är okänt; välj sv eller en.",
                                  "{setting}: '{value}' is unknown; choose sv or en."),
}
