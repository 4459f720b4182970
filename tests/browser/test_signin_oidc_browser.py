"""A real sign-in round trip: an OpenID Connect provider on loopback (npm's `oidc-provider`,
tests/oidc), the app configured for it as for Microsoft Entra ID, and a browser signing in as
each role, as someone without a role, out again, and with a tampered or expired cookie."""

from __future__ import annotations

import shutil
import time

import pytest
from browsertest import as_shown, wait_for_script
from conftest import start_server
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from playwright.sync_api import Page, expect
from services import OidcProvider, free_port
from signin import (ADMIN, CLIENT_ID, CLIENT_SECRET, COOKIE_SECRET, EDITOR, NO_ROLE, READER,
                    USER_COOKIE, sign_in, write_secrets)

from lagesbild.access import Role
from lagesbild.i18n import t
from lagesbild.pages import ALL_PAGES

COOKIE_LIFETIME_DAYS = 30   # Streamlit's auth cookie; it accepts a signature a day older


def menu_titles(role: Role) -> list[str]:
    return [t(page.title_key) for page in ALL_PAGES if role.allows(page.role)]


@pytest.fixture(scope="module")
def signin_app(demo_db_path, tmp_path_factory):
    """The provider and an app configured to sign in through it, over the demo database."""
    directory = tmp_path_factory.mktemp("signin")
    port = free_port()
    app_url = f"http://127.0.0.1:{port}"
    provider = OidcProvider(directory, CLIENT_ID, CLIENT_SECRET, f"{app_url}/oauth2callback")
    secrets = write_secrets(directory / "secrets.toml", app_url, provider.metadata_url)
    shutil.copy(demo_db_path, directory / "demo.duckdb")
    try:
        server = start_server(directory / "demo.duckdb", directory,
                              ["--secrets.files", str(secrets)], port=port)
    except Exception:
        provider.stop()
        raise
    yield server, provider
    server.stop()
    provider.stop()


def _menu(page: Page) -> list[str]:
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav).to_be_visible()
    return [link.inner_text().splitlines()[-1].strip() for link in nav.get_by_role("link").all()]


def _refused(page: Page, needed: Role, role: Role) -> None:
    warning = t("access.too_low.page", needed=t(f"access.role.{needed.value}"),
                role=t(f"access.role.{role.value}"), ask=t("access.ask.contact", contact=ADMIN))
    expect(page.get_by_test_id("stMain").get_by_text(as_shown(warning))).to_be_visible()


@pytest.mark.parametrize("email, role", [(READER, Role.READER), (EDITOR, Role.EDITOR),
                                         (ADMIN, Role.ADMIN)])
def test_each_role_sees_its_menu_and_opens_only_its_pages(page: Page, signin_app, email, role):
    server, provider = signin_app
    sign_in(page, server.url, provider.issuer, email, "/oversikt?ar=2025")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text(t("access.signed_in_as", who=email.split("@")[0],
                                 role=t(f"access.role.{role.value}")))).to_be_visible()
    assert _menu(page) == menu_titles(role)
    expect(page.get_by_test_id("stMetric").first).to_be_visible()

    # The data page: editors and administrators upload there, a reader is turned away.
    page.goto(f"{server.url}/data")
    wait_for_script(page)
    if role.allows(Role.EDITOR):
        expect(page.get_by_test_id("stFileUploader")).to_be_visible()
    else:
        _refused(page, Role.EDITOR, role)
        expect(page.get_by_test_id("stFileUploader")).to_have_count(0)
    # Roles are given by administrators only.
    page.goto(f"{server.url}/behorigheter")
    wait_for_script(page)
    if role is Role.ADMIN:
        expect(page.get_by_role("heading", name=t("roles.form.heading"))).to_be_visible()
    else:
        _refused(page, Role.ADMIN, role)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_someone_without_a_role_sees_no_data(page: Page, signin_app):
    server, provider = signin_app
    sign_in(page, server.url, provider.issuer, NO_ROLE, "/incidenter")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=t("access.no_role.title"))).to_be_visible()
    expect(main.get_by_text(as_shown(NO_ROLE))).to_be_visible()
    for element in ("stMetric", "stPlotlyChart", "stDataFrame", "stSidebarNav"):
        expect(page.get_by_test_id(element)).to_have_count(0)


def test_logout_ends_the_session_here_and_at_the_provider(page: Page, signin_app):
    server, provider = signin_app
    sign_in(page, server.url, provider.issuer, READER)
    assert any(c["name"] == USER_COOKIE for c in page.context.cookies(server.url))
    page.get_by_test_id("stSidebar").get_by_role("button", name=t("access.logout.button")).click()
    # The provider asks to confirm signing out of it too, then sends the browser back.
    page.wait_for_url(f"{provider.issuer}/**")
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(f"{server.url}/**")
    wait_for_script(page)
    expect(page.get_by_role("button", name=t("access.login.button"))).to_be_visible()
    assert not any(c["name"] == USER_COOKIE for c in page.context.cookies(server.url))
    # Signing in again asks for the login again: the provider's session ended too.
    page.get_by_role("button", name=t("access.login.button")).click()
    page.wait_for_url(f"{provider.issuer}/**")
    expect(page.locator("input[name=login]")).to_be_visible()


def _signed(payload: str, seconds_ago: float, secret: str = COOKIE_SECRET) -> str:
    """``payload`` as Streamlit signs its user cookie, as if signed ``seconds_ago``."""
    class Backdated(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time() - seconds_ago)

    return URLSafeTimedSerializer(secret, salt=USER_COOKIE, signer=Backdated).dumps(payload)


def _visit_with_cookie(page: Page, server, value: str) -> None:
    page.context.clear_cookies()
    page.context.add_cookies([{"name": USER_COOKIE, "value": value, "url": server.url}])
    page.goto(f"{server.url}/oversikt")
    wait_for_script(page)


def _payload_of_signed_in(page: Page, server, provider, email: str) -> str:
    sign_in(page, server.url, provider.issuer, email)
    cookie = next(c["value"] for c in page.context.cookies(server.url) if c["name"] == USER_COOKIE)
    return URLSafeTimedSerializer(COOKIE_SECRET, salt=USER_COOKIE).loads(cookie)


def test_a_tampered_or_expired_cookie_signs_no_one_in(page: Page, signin_app):
    server, provider = signin_app
    payload = _payload_of_signed_in(page, server, provider, READER)
    login_button = page.get_by_role("button", name=t("access.login.button"))
    signed_in = page.get_by_test_id("stSidebar").get_by_text(
        t("access.signed_in_as", who="ordforande", role=t("access.role.läsare")))

    # The control: the same identity signed now with the server's secret is signed in, so
    # what refuses the others below is what was changed, not the way the cookie is made.
    _visit_with_cookie(page, server, _signed(payload, seconds_ago=60))
    expect(signed_in).to_be_visible()

    forged = payload.replace(READER, ADMIN)
    assert forged != payload
    genuine = _signed(payload, seconds_ago=0)
    body, timestamp, signature = genuine.rsplit(".", 2)
    tampered = [
        # Another identity under the genuine cookie's signature.
        _signed(forged, 0).rsplit(".", 2)[0] + f".{timestamp}.{signature}",
        # Another identity signed with a secret that is not the server's.
        _signed(forged, 0, secret="not-the-servers-secret"),
        # The genuine cookie signed longer ago than its lifetime.
        _signed(payload, seconds_ago=(COOKIE_LIFETIME_DAYS + 2) * 86_400),
    ]
    for value in tampered:
        _visit_with_cookie(page, server, value)
        expect(login_button).to_be_visible()
        for element in ("stMetric", "stPlotlyChart", "stSidebarNav"):
            expect(page.get_by_test_id(element)).to_have_count(0)
    assert COOKIE_SECRET not in server.log() and CLIENT_SECRET not in server.log()
