"""Helpers for the browser tests (the fixtures are in conftest.py)."""

from __future__ import annotations

import re

from playwright.sync_api import Page

# How Streamlit marks the app once the page's script has run.
SCRIPT_DONE = "[data-testid=stApp][data-test-script-state=notRunning]"


def wait_for_script(page: Page) -> None:
    """Wait until the page's script has finished running."""
    page.wait_for_selector(SCRIPT_DONE)


def as_shown(text: str) -> re.Pattern:
    """``text`` as the page shows user text: an address may carry invisible word joiners
    (U+2060), which keep it from becoming a link."""
    return re.compile("\u2060?".join(re.escape(char) for char in text))
