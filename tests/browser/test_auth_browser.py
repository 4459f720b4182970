"""With sign-in configured, a visitor who has not signed in sees the login page and nothing
else, at the root and at any page's address, as the first request on a fresh server."""

from __future__ import annotations

import pytest
from browsertest import wait_for_script
from conftest import start_server
from playwright.sync_api import Page, expect

from lagesbild.i18n import t

CLIENT_SECRET = "client-secret-only-for-this-test-7f3a"
COOKIE_SECRET = "cookie-secret-only-for-this-test-91c2"
# The provider is never contacted until someone presses "Logga in": nothing listens here.
SECRETS = f"""
[auth]
redirect_uri = "http://127.0.0.1:8501/oauth2callback"
cookie_secret = "{COOKIE_SECRET}"
client_id = "lagesbild-test"
client_secret = "{CLIENT_SECRET}"
server_metadata_url = "http://127.0.0.1:9/tenant/v2.0/.well-known/openid-configuration"

[lagesbild.roller]
admin = ["it-chef@example.se"]
"""

DATA_ELEMENTS = ("stMetric", "stPlotlyChart", "stDataFrame", "stTable", "stFileUploader",
                 "stDataEditor")


@pytest.fixture
def auth_server(tmp_path):
    """A newly started server with sign-in configured, over a database that does not exist."""
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(SECRETS, encoding="utf-8")
    server = start_server(tmp_path / "ny.duckdb", tmp_path, ["--secrets.files", str(secrets)])
    yield server
    server.stop()


def test_anonymous_visitor_sees_only_the_login_page(page: Page, auth_server, tmp_path):
    for path in ("/", "/incidenter?ar=2024", "/risker", "/data", "/behorigheter"):
        page.goto(f"{auth_server.url}{path}")
        wait_for_script(page)
        main = page.get_by_test_id("stMain")
        expect(main.get_by_role("heading", name=t("access.login.title"))).to_be_visible()
        expect(main.get_by_text(t("access.login.text"))).to_be_visible()
        expect(page.get_by_role("button", name=t("access.login.button"))).to_be_visible()
        for element in DATA_ELEMENTS:
            expect(page.get_by_test_id(element)).to_have_count(0)
        # No menu, no filters, no "page not found" dialog, no error.
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
        expect(page.get_by_role("combobox")).to_have_count(0)
        expect(page.get_by_role("dialog")).to_have_count(0)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        html = page.content()
        assert CLIENT_SECRET not in html and COOKIE_SECRET not in html
    # Nothing read any data: the database was never even created.
    assert not (tmp_path / "ny.duckdb").exists()
    assert CLIENT_SECRET not in auth_server.log() and COOKIE_SECRET not in auth_server.log()
