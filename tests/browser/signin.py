"""Signing in through the test OIDC provider (tests/services.py) in a real browser."""

from __future__ import annotations

from pathlib import Path

from browsertest import wait_for_script
from playwright.sync_api import Page

from lagesbild.i18n import t

CLIENT_ID = "lagesbild-test"
CLIENT_SECRET = "client-secret-only-for-the-sign-in-test-5d2e"
COOKIE_SECRET = "cookie-secret-only-for-the-sign-in-test-a81f"
USER_COOKIE = "_streamlit_user"     # Streamlit's signed identity cookie

ADMIN, EDITOR, READER, NO_ROLE = ("it-chef@example.se", "systemforvaltare@example.se",
                                  "ordforande@example.se", "okand@example.se")


def write_secrets(path: Path, app_url: str, metadata_url: str) -> Path:
    """secrets.toml for an app at ``app_url`` signing in through the provider at
    ``metadata_url``, with one address per role (and NO_ROLE given none)."""
    path.write_text(f"""
[auth]
redirect_uri = "{app_url}/oauth2callback"
cookie_secret = "{COOKIE_SECRET}"
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"
server_metadata_url = "{metadata_url}"
# Streamlit asks for prompt=select_account, which not every provider takes.
client_kwargs = {{ prompt = "login" }}

[lagesbild]
kontakt = "{ADMIN}"

[lagesbild.roller]
admin = ["{ADMIN}"]
"redaktör" = ["{EDITOR}"]
"läsare" = ["{READER}"]
""", encoding="utf-8")
    return path


def sign_in(page: Page, app_url: str, issuer: str, email: str, path: str = "/") -> None:
    """From the app's login page through the provider's login and consent, back to the app
    (which opens its start page), then to ``path``."""
    page.goto(f"{app_url}/")
    wait_for_script(page)
    page.get_by_role("button", name=t("access.login.button")).click()
    page.wait_for_url(f"{issuer}/**")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill("any")
    page.locator("button[type=submit]").click()
    page.get_by_role("button", name="Continue").click()      # the provider's consent
    page.wait_for_url(f"{app_url}/**")
    wait_for_script(page)
    if path != "/":
        page.goto(f"{app_url}{path}")
        wait_for_script(page)
