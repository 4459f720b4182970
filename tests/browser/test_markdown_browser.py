"""Data text shown through escape_markdown, in the real renderer: exactly as typed, with no
link, icon, colour, list, heading or formatting made of it."""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from pathlib import Path

import pytest
from browsertest import wait_for_script
from conftest import start_server
from playwright.sync_api import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile_texts import HOSTILE_TEXTS  # noqa: E402

PROBE = str(Path(__file__).with_name("markdown_probe.py"))


@pytest.fixture(scope="module")
def probe_server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("probe")
    os.environ["LAGESBILD_PROBE_TEXTS"] = json.dumps(HOSTILE_TEXTS)
    server = start_server(directory / "unused.duckdb", directory, script=PROBE)
    yield server
    server.stop()


def visible(text: str) -> str:
    """The text as a reader sees it: without the invisible format characters."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def test_hostile_text_shows_as_typed(page: Page, probe_server):
    page.goto(probe_server.url)
    wait_for_script(page)
    page.locator(f".st-key-probe_{len(HOSTILE_TEXTS) - 1} td").wait_for()
    for index, text in enumerate(HOSTILE_TEXTS):
        block = page.locator(f".st-key-probe_{index}")
        # The markdown, the caption and the table's cell (not its header).
        shown = block.locator("[data-testid=stMarkdownContainer]:not(th *), "
                              "[data-testid=stCaptionContainer]").all()
        assert len(shown) == 3, text
        for element in shown:
            assert visible(element.text_content().strip()) == text
            inside = element.evaluate(
                "e => [...e.querySelectorAll('a, img, ol, ul, li, h1, h2, h3, blockquote, strong, em, "
                "code, del, span[role=img], .stMarkdownColoredText, .stMarkdownColoredBackground, "
                ".katex')].map(n => n.tagName + '.' + n.className)")
            assert inside == [], (text, inside)
