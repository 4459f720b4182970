"""The login gate and each page's own check of the user's role.

With an ``[auth]`` section in ``.streamlit/secrets.toml`` every visitor signs in through
Streamlit's OIDC login (Microsoft Entra ID) and gets the role the configuration
(``[lagesbild.roller]``) or an administrator (table ``user_roles``) gives their address.
Without it the app runs in local mode: one user at this computer, with every right, and
only while the server listens on the loopback interface alone.

``st.secrets`` is read at call time (never imported by name), so tests can set it.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from lagesbild.data import ingest
from lagesbild.admin import user_roles
from lagesbild.access import Role, User, identity_email, parse_role_config, resolve_role
from lagesbild.i18n import DEFAULT_LANGUAGE, t
from lagesbild.pages import ALL_PAGES, STATEMENT_PAGE
from lagesbild.ui.components import escape_markdown
from lagesbild.ui.data import cursor
from lagesbild.ui.data import settings as _settings
from lagesbild.ui.filters import LANGUAGE_KEY, parse_language

AUTH_SECTION = "auth"
LOOPBACK = ("localhost", "::1")
# Headers a reverse proxy (deploy/nginx-lagesbild.conf) adds: a request carrying one came from
# wherever the proxy is reachable, though the server itself listens on loopback only.
PROXY_HEADERS = ("X-Forwarded-For", "X-Real-IP", "Forwarded")


def auth_configured() -> bool:
    """Whether sign-in is configured: an ``[auth]`` section in the secrets."""
    return st.secrets.load_if_toml_exists() and bool(st.secrets.get(AUTH_SECTION))


def configured_roles() -> dict[str, Role]:
    """Address -> role from ``[lagesbild.roller]``; RoleConfigError if it is malformed."""
    return parse_role_config(_settings().get("roller"))


def _language() -> str:
    chosen = st.session_state.get(LANGUAGE_KEY)
    if chosen is None:
        raw = st.query_params.get(LANGUAGE_KEY)
        chosen = parse_language(raw) if raw is not None else None
    return chosen or DEFAULT_LANGUAGE


def visitor_language() -> str:
    """The language chosen in the sidebar or the address, also for a visitor who may not read
    the data (the accessibility statement is for anyone)."""
    return _language()


def role_name(role: Role | None, lang: str) -> str:
    return t(f"access.role.{role.value}" if role else "access.role.none", lang)


def current_user() -> User | None:
    """The user of this session; None for a visitor who has not signed in.

    Local mode: the person at this machine, with full rights."""
    if not auth_configured():
        return User(email="", name=ingest.current_user(), role=Role.ADMIN, local=True)
    if st.user.get("is_logged_in") is not True:
        return None
    claims = st.user.to_dict()
    email = identity_email(claims)
    name = claims.get("name") if isinstance(claims.get("name"), str) else ""
    if not email:
        return User(email="", name=name, role=None)
    with cursor() as cur:
        granted = user_roles.granted_role(cur, email)
    return User(email=email, name=name or email, role=resolve_role(email, configured_roles(),
                                                                  granted))


def local_mode_exposed() -> str | None:
    """In local mode, the address the server listens on if other computers can reach it."""
    address = (st.get_option("server.address") or "").strip()
    if address in LOOPBACK or address.startswith("127."):
        return None
    return address or t("access.local.all_interfaces", _language())


def local_mode_proxied() -> str | None:
    """In local mode, the proxy header this session's request came with, if any."""
    headers = st.context.headers
    return next((name for name in PROXY_HEADERS if headers.get(name)), None)


# --- What a visitor sees instead of the data --------------------------------------------------

def login_view() -> None:
    """Title, one sentence and the sign-in button: nothing else."""
    lang = _language()
    st.title(t("access.login.title", lang), anchor=False)
    st.write(t("access.login.text", lang))
    st.button(t("access.login.button", lang), on_click=st.login, type="primary",
              icon=":material/login:")


def _ask(lang: str) -> str:
    contact = _settings().get("kontakt")
    if isinstance(contact, str) and contact.strip():
        return t("access.ask.contact", lang, contact=escape_markdown(contact.strip()))
    return t("access.ask.admin", lang)


def _logout_button(lang: str) -> None:
    st.button(t("access.logout.button", lang), on_click=st.logout, icon=":material/logout:")


def no_role_view(user: User) -> None:
    lang = _language()
    st.title(t("access.no_role.title", lang), anchor=False)
    if user.email:
        st.warning(t("access.no_role.text", lang, who=escape_markdown(user.email), ask=_ask(lang)),
                   icon=":material/block:")
    else:
        st.warning(t("access.no_email", lang), icon=":material/block:")
    _logout_button(lang)


def exposed_view(address: str) -> None:
    st.error(t("access.local.exposed", _language(), address=escape_markdown(address)),
             icon=":material/lan:")


def proxied_view(header: str) -> None:
    st.error(t("access.local.proxied", _language(), header=header), icon=":material/lan:")


def _blocking_view(user: User | None) -> Callable[[], None] | None:
    """What to show instead of any data, or None when the user may read."""
    if user is None:
        return login_view
    if user.local:
        address = local_mode_exposed()
        if address:
            return lambda: exposed_view(address)
        header = local_mode_proxied()
        return (lambda: proxied_view(header)) if header else None
    if user.role is None:
        return lambda: no_role_view(user)
    return None


def signed_in_user() -> User:
    """For the entrypoint: the user if they may read; otherwise the login page (or the
    reason there is nothing to see) on every address, and the run stops here.

    Every page's address leads to the same view, so a deep link runs no page file."""
    user = current_user()
    view = _blocking_view(user)
    if view is not None:
        # The accessibility statement is about what is published: anyone may read it.
        st.navigation(
            [st.Page(view, title="Lägesbild", url_path="start", default=True),
             *(st.Page(view, title="Lägesbild", url_path=page.url_path, visibility="hidden")
               for page in ALL_PAGES if page != STATEMENT_PAGE),
             st.Page(STATEMENT_PAGE.file, title=t(STATEMENT_PAGE.title_key, _language()),
                     url_path=STATEMENT_PAGE.url_path, visibility="hidden")],
            position="hidden").run()
        st.stop()
    return user


def require_role(needed: Role) -> User:
    """The current user if their role allows ``needed``; otherwise say why and stop the page."""
    user = current_user()
    view = _blocking_view(user)
    if view is not None:
        view()
        st.stop()
    if not user.may(needed):
        lang = _language()
        st.warning(t("access.too_low.page", lang, needed=role_name(needed, lang),
                     role=role_name(user.role, lang), ask=_ask(lang)), icon=":material/block:")
        st.stop()
    return user


def sidebar_user(user: User, lang: str) -> None:
    """Who is signed in, and the way out; in local mode, a calm line saying so."""
    with st.sidebar:
        if user.local:
            st.caption(f":material/computer: {t('access.local.notice', lang)}")
            return
        st.caption(t("access.signed_in_as", lang, who=escape_markdown(user.name or user.email),
                     role=role_name(user.role, lang)))
        _logout_button(lang)

