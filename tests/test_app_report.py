"""The Rapport page: the report's summary and decisions as the overview shows them, the
files to download, the public switch, and freezing the year (editors only)."""

from __future__ import annotations

import pytest
from pagetest import assert_clean, page_opener, texts
from test_app_access import AUTH, signed_in

from lagesbild.areas import attention, overview
from lagesbild.data import db
from lagesbild.i18n import t
from lagesbild.ui.data import connection

open_report = page_opener("app_pages/rapport.py")


def app_fetch(name, **params):
    """A query on the app's own connection (the database file is open in this process)."""
    return db.query(connection(), name, **params)


def test_summary_and_decisions_are_the_overviews(open_app, demo_db_path):
    app = open_report(open_app, demo_db_path, ar=2025)
    view = overview.build(app_fetch, 2025, None, "sv")
    findings = attention.build(app_fetch, 2025, None, "sv").findings
    summary = app.table[0].value
    assert summary["Område"].tolist() == [area.title for area in view.areas]
    assert summary["Nyckeltal"].tolist() == [area.value for area in view.areas]
    decisions = next(m.value for m in app.markdown if m.value.startswith("1. "))
    assert decisions.count("\n") == len(findings)       # approval + one per finding
    assert "2025 är inte fastställt" in texts(app)
    assert app.warning[0].value.startswith("INTERN")


def test_download_buttons_for_each_format_and_variant(open_app, demo_db_path):
    app = open_report(open_app, demo_db_path, ar=2025)
    buttons = app.get("download_button")
    assert [b.label for b in buttons] == ["Ladda ned PDF", "Ladda ned Word", "Ladda ned PowerPoint"]
    app.toggle(key="rapport_offentlig").set_value(True).run()
    assert_clean(app)
    assert app.info[-1].value.startswith("Offentlig version")
    assert not app.warning


def test_public_switch_hides_named_findings(open_app, demo_db_path):
    app = open_report(open_app, demo_db_path, ar=2025)
    app.toggle(key="rapport_offentlig").set_value(True).run()
    systems = app_fetch("classification_by_system", year=2025, municipality=None)["name"].tolist()
    assert systems
    shown = texts(app)
    assert not [name for name in systems if name in shown]


def test_an_editor_freezes_the_year(open_app, demo_copy):
    app = open_report(open_app, demo_copy, ar=2025)
    app.text_input[0].input("DIR 2026-02-10 § 12")
    app.checkbox[0].check()
    app.button[0].click().run()
    assert_clean(app)
    assert "2025 är fastställt: version 1" in texts(app)
    versions = app.table[-1].value
    assert versions.iloc[0, 0] == "1" and versions.iloc[0, 3] == "DIR 2026-02-10 § 12"
    assert connection().execute("SELECT year, version, note FROM frozen_years").fetchall() == [
        (2025, 1, "DIR 2026-02-10 § 12")]


def test_freezing_needs_the_confirmation(open_app, demo_copy):
    app = open_report(open_app, demo_copy, ar=2025)
    app.button[0].click().run()
    assert "2025 är inte fastställt" in texts(app)


@pytest.fixture
def reader_app(monkeypatch, demo_db_path):
    import gc
    from pathlib import Path

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LAGESBILD_DB", str(demo_db_path))
    st.cache_resource.clear()
    st.cache_data.clear()
    app = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "dashboard.py"),
                            default_timeout=30)
    app.secrets["auth"] = AUTH
    app.secrets["lagesbild"] = {"roller": {"läsare": ["ledamot@koping.se"]}}
    app.user = signed_in("ledamot@koping.se")
    app.query_params["ar"] = "2025"
    yield app.run()
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()


def test_a_reader_gets_the_report_but_cannot_freeze(reader_app):
    app = reader_app.switch_page("app_pages/rapport.py").run()
    assert_clean(app)
    assert len(app.get("download_button")) == 3
    assert not app.expander
    assert t("report_page.freeze.button", "sv") not in [b.label for b in app.button]
