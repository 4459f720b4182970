"""A workbook read through a profile meets the importer's own limits: an Excel bomb is
refused from the zip's directory before anything is unpacked (also when the Data page only
looks for a profile that knows the file), a hidden first sheet is passed over, and a cell
formatted as percent is read as the number it shows."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from hostile_files import Percent, Sheet, bomb_xlsx, xlsx_bytes

from lagesbild.admin import datapage
from lagesbild.data import db, profiles

ZABBIX = ["SLA", "Service", "Period", "SLO", "SLI", "Downtime"]


@pytest.fixture
def con(demo_copy):
    connection = db.connect(demo_copy)
    yield connection
    connection.close()


def zabbix() -> profiles.Profile:
    return profiles.find_profile("Zabbix, SLA-rapport")


def a_system(con) -> tuple[str, str, str]:
    return con.execute("SELECT system_id, name, municipality FROM systems WHERE municipality <> 'Gemensam' "
                       "ORDER BY system_id LIMIT 1").fetchall()[0]


def test_an_excel_bomb_is_refused_before_it_is_unpacked(con):
    data = bomb_xlsx(3_200_000_000)
    tracemalloc.start()
    begin = time.perf_counter()
    result = profiles.import_with_profile(con, zabbix(), data, file_name="bomb.xlsx", dry_run=True)
    seconds = time.perf_counter() - begin
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert not result.ok
    assert [p.code for p in result.problems] in (["xlsx_unpacked_too_large"], ["xlsx_compression"])
    assert seconds < 2 and peak < 64 * 1024 * 1024
    # Looking for a profile that knows the file does not unpack it either.
    with pytest.raises(db.LagesbildError):
        profiles.source_headers(data)
    assert datapage.recognised_profile(datapage.Upload("sla", "bomb.xlsx", data)) is None


def test_the_first_visible_sheet_is_read_and_percent_cells_as_shown(con):
    system_id, name, municipality = a_system(con)
    old = Sheet("Gammal", [["Månad", "System"], ["2019-01", "x"]], state="hidden")
    report = Sheet("SLA", [ZABBIX, ["Avtal", name, "2025-03", Percent(0.995), Percent(0.9987, format_id=164),
                                    "1h 30m"]])
    data = xlsx_bytes([old, report])
    assert profiles.profile_for_file(data, "sla").name == "Zabbix, SLA-rapport"
    result = profiles.import_with_profile(con, zabbix(), data, file_name="zabbix.xlsx")
    assert result.ok, result.summary()
    assert con.execute("SELECT municipality, availability_target_pct, availability_pct, outage_minutes FROM sla "
                       "WHERE system_id = ? AND month = DATE '2025-03-01'", [system_id]).fetchall() == [
        (municipality, 99.5, 99.87, 90.0)]


def zabbix_csv(rows: list[str]) -> bytes:
    return ("\r\n".join([",".join(ZABBIX), *rows]) + "\r\n").encode("utf-8")


def test_a_file_mixing_utf8_and_windows_1252_is_refused_naming_the_line(con):
    utf8 = zabbix_csv([f"Avtal,Lönesystem {i},2025-03,99.5,99.9,0" for i in range(2000)])
    assert len(utf8) > 65536
    data = utf8 + "Avtal,Lönesystem Köping,2025-03,99.5,99.9,0\r\n".encode("cp1252")
    result = profiles.import_with_profile(con, zabbix(), data, file_name="blandad.csv", dry_run=True)
    assert [(p.code, p.row) for p in result.problems] == [("mixed_encoding", 2002)]


def test_unicode_text_from_excel_is_read(con):
    system_id, name, municipality = a_system(con)
    data = "\r\n".join(["\t".join(ZABBIX), "\t".join(["Avtal", name, "2025-04", "99.5", "99.25", "15m"])])
    result = profiles.import_with_profile(con, zabbix(), (data + "\r\n").encode("utf-16"), file_name="u.txt")
    assert result.ok, result.summary()
    assert con.execute("SELECT availability_pct, outage_minutes FROM sla WHERE system_id = ? "
                       "AND month = DATE '2025-04-01'", [system_id]).fetchall() == [(99.25, 15.0)]
