"""Login and roles in the app: what an anonymous visitor, a user without a role, a reader, an
administrator and the local user each see, page by page."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import streamlit as st
from pagetest import shown as reader_text, texts
from streamlit.testing.v1 import AppTest

from lagesbild.data import db
from lagesbild.admin import user_roles
from lagesbild.access import Role
from lagesbild.i18n import t
from lagesbild.pages import ALL_PAGES, BOARD_PAGES, MAINTENANCE_PAGES, STATEMENT_PAGE

ROOT = Path(__file__).resolve().parent.parent
CLIENT_SECRET = "client-secret-value-only-in-tests-5d1e"
COOKIE_SECRET = "cookie-secret-value-only-in-tests-a07c"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": COOKIE_SECRET,
    "client_id": "lagesbild",
    "client_secret": CLIENT_SECRET,
    "server_metadata_url": "https://login.microsoftonline.com/tenant/v2.0/"
                           ".well-known/openid-configuration",
}
ADMIN = "it-chef@vmkf.se"
READER = "ledamot@koping.se"
EDITOR = "redaktor@vmkf.se"
ROLES = {"admin": [ADMIN], "läsare": [READER.upper()]}
DATA_ELEMENTS = ("metric", "plotly_chart", "arrow_data_frame", "table", "file_uploader",
                 "selectbox", "multiselect")


def signed_in(email: str, name: str = "Anna Berg") -> dict:
    return {"is_logged_in": True, "email": email, "name": name}


@pytest.fixture
def run_app(monkeypatch):
    """``run_app(db_path, user, script=..., settings=...)``: run a script of the app (the
    entrypoint unless told) with sign-in configured and ``user`` as st.user."""
    def run(path, user, script="dashboard.py", settings=None, **query_params) -> AppTest:
        monkeypatch.setenv("LAGESBILD_DB", str(path))
        st.cache_resource.clear()
        st.cache_data.clear()
        app = AppTest.from_file(str(ROOT / script), default_timeout=30)
        app.secrets["auth"] = AUTH
        app.secrets["lagesbild"] = {"roller": ROLES} if settings is None else settings
        app.user = user
        app.query_params.update(query_params)
        return app.run()

    yield run
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()


def data_shown(app) -> dict[str, int]:
    """How many data-bearing elements of each type the page holds (none expected)."""
    counts = {kind: len(app.get(kind)) for kind in DATA_ELEMENTS}
    return {kind: count for kind, count in counts.items() if count}


def everything_shown(app) -> str:
    """Every element's content, the sidebar's too, as text to search for secrets."""
    return "\n".join(str(node.proto) for node in _leaves(app._tree) if hasattr(node, "proto"))


def _leaves(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _leaves(child)


def assert_login_page(app) -> None:
    assert not app.exception, [e.value for e in app.exception]
    assert [title.value for title in app.title] == [t("access.login.title")]
    assert t("access.login.text") in texts(app)
    assert [button.label for button in app.button] == [t("access.login.button")]
    assert data_shown(app) == {}
    assert len(app.sidebar.children) == 0
    shown = everything_shown(app)
    assert CLIENT_SECRET not in shown and COOKIE_SECRET not in shown


@pytest.mark.parametrize("user", [{"is_logged_in": False}, {"email": "test@example.com"}],
                         ids=["logged-out", "no-login-flag"])
def test_anonymous_visitor_sees_the_login_page_and_no_data(run_app, tmp_path, user):
    fresh = tmp_path / "ny.duckdb"
    app = run_app(fresh, user, ar="2024")
    assert_login_page(app)
    # Nothing read any data: the database was not even created.
    assert not fresh.exists()


@pytest.mark.parametrize("page", [page for page in ALL_PAGES if page != STATEMENT_PAGE],
                         ids=lambda page: page.url_path)
def test_every_page_shows_only_the_login_page_to_an_anonymous_visitor(run_app, demo_copy, page):
    # The page file run on its own, without the entrypoint: it checks access itself.
    app = run_app(demo_copy, {"is_logged_in": False}, script=page.file)
    assert_login_page(app)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_anyone_may_read_the_accessibility_statement(run_app, tmp_path, lang):
    """It is about what is published: no sign-in, no role, and no data read to show it."""
    fresh = tmp_path / "ny.duckdb"
    query = {"lang": "en"} if lang == "en" else {}
    alone = run_app(fresh, {"is_logged_in": False}, script=STATEMENT_PAGE.file, **query)
    assert not alone.exception
    assert [title.value for title in alone.title] == [t("nav.statement", lang)]
    assert t("statement.report", lang) in [text.value for text in alone.markdown]
    # Through the entrypoint at its address, while signed out.
    app = run_app(fresh, {"is_logged_in": False}, **query)
    app.switch_page(STATEMENT_PAGE.file).run()
    assert [title.value for title in app.title] == [t("nav.statement", lang)]
    assert not fresh.exists()


def test_the_login_page_speaks_english_when_asked(run_app, tmp_path):
    app = run_app(tmp_path / "ny.duckdb", {"is_logged_in": False}, lang="en")
    assert [button.label for button in app.button] == [t("access.login.button", "en")]


def test_a_signed_in_user_without_a_role_is_told_so_and_sees_no_data(run_app, demo_copy):
    app = run_app(demo_copy, signed_in("okand@arboga.se"),
                  settings={"roller": ROLES, "kontakt": "it-chef@vmkf.se"})
    assert not app.exception
    message = reader_text(" ".join(warning.value for warning in app.warning))
    assert "okand@arboga.se" in message and "ingen behörighet" in message
    assert "Be it-chef@vmkf.se om behörighet." in message
    assert [button.label for button in app.button] == [t("access.logout.button")]
    assert data_shown(app) == {}
    shown = everything_shown(app)
    assert CLIENT_SECRET not in shown and COOKIE_SECRET not in shown
    # Each page says the same when opened on its own.
    for page in (BOARD_PAGES[0], MAINTENANCE_PAGES[0]):
        app = run_app(demo_copy, signed_in("okand@arboga.se"), script=page.file)
        assert "okand@arboga.se" in reader_text(" ".join(w.value for w in app.warning))
        assert data_shown(app) == {}


def test_signing_out_leads_back_to_the_login_page(run_app, demo_copy):
    app = run_app(demo_copy, signed_in("okand@arboga.se"))
    app.button[0].click().run()
    assert_login_page(app)


def test_a_reader_sees_the_board_pages_and_nothing_to_maintain(run_app, demo_copy):
    app = run_app(demo_copy, signed_in(READER), ar="2024")
    assert not app.exception and not app.error
    assert app.metric, "the overview shows its figures"
    sidebar = " ".join(caption.value for caption in app.sidebar.caption)
    assert "Anna Berg" in sidebar and t("access.role.läsare") in sidebar
    assert t("access.logout.button") in [button.label for button in app.sidebar.button]
    for page in BOARD_PAGES[1:3]:
        app.switch_page(page.file).run()
        assert not app.exception and not app.error
        assert app.get("plotly_chart")
        assert not app.get("file_uploader") and not app.get("data_editor")
    # The maintenance pages are out of the reader's menu (the browser test sees the menu);
    # their addresses run the page, which says in Swedish which role it needs ...
    for page in MAINTENANCE_PAGES:
        app.switch_page(page.file).run()
        assert not app.exception
        needed = t(f"access.role.{page.role.value}")
        assert any(needed in warning.value for warning in app.warning), page.url_path
        assert not any(app.main.get(kind) for kind in ("metric", "plotly_chart", "dataframe",
                                                       "file_uploader", "data_editor"))
    # ... and each refuses a reader by itself.
    for page in MAINTENANCE_PAGES:
        alone = run_app(demo_copy, signed_in(READER), script=page.file)
        assert not alone.exception
        needed = t(f"access.role.{page.role.value}")
        assert any(needed in warning.value for warning in alone.warning), page.url_path
        assert data_shown(alone) == {}
        assert not alone.text_input and not alone.button


def test_a_role_given_in_the_app_counts_and_the_higher_role_wins(run_app, demo_copy):
    con = db.connect(demo_copy)
    user_roles.set_role(con, EDITOR, Role.EDITOR, changed_by=ADMIN)
    user_roles.set_role(con, READER, Role.EDITOR, changed_by=ADMIN)   # configured as reader
    con.close()
    for email in (EDITOR, READER):
        app = run_app(demo_copy, signed_in(email), ar="2024")
        assert not app.exception and not app.error
        app.switch_page(MAINTENANCE_PAGES[0].file).run()    # the data page: editors only
        assert not app.exception and not app.warning
        app.switch_page("app_pages/behorigheter.py").run()
        assert any(t("access.role.admin") in warning.value for warning in app.warning)
        assert not app.text_input


def test_an_administrator_gives_a_role_and_it_is_logged(run_app, demo_copy):
    app = run_app(demo_copy, signed_in(ADMIN), ar="2024")
    app.switch_page("app_pages/behorigheter.py").run()
    assert not app.exception and not app.error
    # The configuration's roles are listed, read-only.
    configured = app.dataframe[-1].value
    assert sorted(configured.iloc[:, 0]) == [ADMIN, READER]

    app.text_input(key="roles_email").input("  Nils.Holm@Kungsor.SE ")
    app.selectbox(key="roles_role").set_value(Role.EDITOR)
    app.button(key="roles_save").click().run()
    assert not app.exception and not app.error
    assert "nils.holm@kungsor.se" in reader_text(app.success[0].value)
    assert "nils.holm@kungsor.se" in app.dataframe[0].value.iloc[:, 0].tolist()

    app.text_input(key="roles_email").input("nils.holm")
    app.button(key="roles_save").click().run()
    assert "nils.holm" in app.error[0].value and "e-postadress" in app.error[0].value

    app.text_input(key="roles_email").input(ADMIN.upper())
    app.selectbox(key="roles_role").set_value(None)
    app.button(key="roles_save").click().run()
    assert app.error[0].value == t("roles.own_role")

    con = db.connect(demo_copy)    # the app holds it read-write; so must we, in one process
    try:
        assert con.execute("SELECT email, role, granted_by FROM user_roles").fetchall() == [
            ("nils.holm@kungsor.se", "redaktör", ADMIN)]
        assert con.execute("SELECT changed_by, action, kind, file_name FROM change_log "
                           "WHERE action = 'role'").fetchall() == [
            (ADMIN, "role", "roller", "nils.holm@kungsor.se: redaktör")]
    finally:
        con.close()


def test_a_malformed_role_configuration_is_reported_without_secrets(run_app, demo_copy):
    app = run_app(demo_copy, signed_in(ADMIN), settings={"roller": {"chef": [ADMIN]}})
    assert not app.exception
    assert "chef" in app.error[0].value and "[lagesbild.roller]" in app.error[0].value
    assert data_shown(app) == {}
    shown = everything_shown(app)
    assert CLIENT_SECRET not in shown and COOKIE_SECRET not in shown


def test_local_mode_says_so_and_opens_every_page(open_app, demo_copy):
    app = open_app(demo_copy, ar="2024")
    assert not app.exception and not app.error
    assert t("access.local.notice") in " ".join(caption.value for caption in app.sidebar.caption)
    assert not app.sidebar.button     # no sign-out: nobody signed in
    assert app.metric
    for page in MAINTENANCE_PAGES:
        app.switch_page(page.file).run()
        assert not app.exception and not app.warning, page.url_path


@pytest.mark.parametrize("address", ["0.0.0.0", None])
def test_local_mode_shows_no_data_when_other_computers_can_connect(open_app, demo_copy,
                                                                   monkeypatch, address):
    option = st.get_option
    monkeypatch.setattr(st, "get_option",
                        lambda name: address if name == "server.address" else option(name))
    app = open_app(demo_copy, ar="2024")
    assert not app.exception
    assert (address or t("access.local.all_interfaces")) in app.error[0].value
    assert "127.0.0.1" in app.error[0].value
    assert data_shown(app) == {}


def test_local_mode_shows_no_data_when_reached_through_a_proxy(open_app, demo_copy, monkeypatch):
    # The server listens on 127.0.0.1, but nginx in front of it answers the network.
    from lagesbild.ui import access
    monkeypatch.setattr(access, "local_mode_proxied", lambda: "X-Forwarded-For")
    app = open_app(demo_copy, ar="2024")
    assert not app.exception
    assert app.error[0].value == t("access.local.proxied", header="X-Forwarded-For")
    assert data_shown(app) == {}
