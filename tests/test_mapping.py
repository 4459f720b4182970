"""Koppla kolumner's rules: which header is suggested for a column, which of our values a
source value obviously means, the guessed time format, and the profile a mapping makes."""

from __future__ import annotations

import datetime as dt

import pytest

from lagesbild.data import contracts, profiles
from lagesbild.admin import mapping

INCIDENTS = contracts.KINDS["incidents"]
SEVERITY = INCIDENTS.column("severity")
MUNICIPALITY = INCIDENTS.column("municipality")


def test_headers_are_suggested_by_name_and_shape():
    headers = ["Ärendenr", "Kort beskrivning", "Skapad", "Löst", "Stängd", "Prio", "Kund", "CI"]
    samples = {"Ärendenr": ["A-1"], "Skapad": ["2025-03-04 13:58"], "Löst": ["2025-03-05 08:00"],
               "Kund": ["Köpings kommun"], "Prio": ["1 - Critical"]}
    suggested = mapping.suggest_columns(INCIDENTS, headers, samples)
    assert suggested["title"] == "Kort beskrivning"
    assert suggested["reported_at"] == "Skapad"
    assert suggested["resolved_at"] == "Löst"
    assert suggested["municipality"] == "Kund"
    # The administrative close is never offered as the time the incident was resolved.
    assert "Stängd" not in suggested.values()
    # Each header is suggested for one column at most.
    chosen = [h for h in suggested.values() if h]
    assert len(chosen) == len(set(chosen))


def test_a_header_whose_values_are_not_times_is_not_suggested_for_a_time():
    samples = {"created": ["Skrivaren på plan 2", "Lösenord"]}
    assert mapping.suggest_columns(INCIDENTS, ["created"], samples)["reported_at"] is None
    samples = {"created": ["2025-03-04 13:58:00"]}
    assert mapping.suggest_columns(INCIDENTS, ["created"], samples)["reported_at"] == "created"


@pytest.mark.parametrize("source, ours", [
    ("kritisk", "4"), ("KRITISK", "4"), ("Critical", "4"), ("1 - Critical", "4"), ("2 - High", "3"),
    ("P1 - Kritisk", "4"), ("Hög (3)", "3"), ("4 (Kritisk)", "4"), ("Kritisk (4)", "4"),
    ("3 - Moderate", None), ("Highest", None), ("1", None), ("5 - Planning", None),
])
def test_severity_values_are_suggested_only_where_the_words_say_it(source, ours):
    # A bare number is the source's own numbering (priority 1 is the most urgent).
    assert mapping.suggest_value(SEVERITY, source) == ours


@pytest.mark.parametrize("source, ours", [
    ("Köpings kommun", "Köping"), ("Arboga kommun", "Arboga"), ("Kungsörs kommun", "Kungsör"),
    ("Surahammars kommun", "Surahammar"), ("Västra Mälardalens kommunalförbund", "Gemensam"),
    ("VMKF", "Gemensam"), ("Västerås stad", None),
])
def test_municipalities_are_recognised_by_the_organisations_names(source, ours):
    assert mapping.suggest_value(MUNICIPALITY, source) == ours


@pytest.mark.parametrize("values, fmt", [
    (["2025-03-04 13:58:00"], "%Y-%m-%d %H:%M:%S"),
    (["04/Mar/25 1:58 PM", "12/Apr/25 10:02 AM"], "%d/%b/%y %I:%M %p"),
    (["3/1/2025 12:00:00 AM", "3/2/2025 12:00:00 AM"], "%m/%d/%Y %I:%M:%S %p"),
    (["13-03-2025 14:00"], "%d-%m-%Y %H:%M"),
    (["04.03.2025 14:00"], "%d.%m.%Y %H:%M"),
    (["igår"], None),
])
def test_the_time_format_is_guessed_from_every_value(values, fmt):
    assert mapping.guess_timestamp_format(values) == fmt
    if fmt:
        # The guess reads every value, so it is a format the values really have.
        assert all(dt.datetime.strptime(v, fmt) for v in values)


def test_a_mapping_makes_a_profile_that_reads_back_the_same(tmp_path):
    headers = ["Ärendenr", "Kort beskrivning", "Skapad", "Prio", "Kund"]
    columns = {"incident_id": "Ärendenr", "title": "Kort beskrivning", "reported_at": "Skapad",
               "severity": "Prio", "municipality": "Kund", "resolved_at": None}
    values = {"severity": {"1 - Critical": "4", "3 - Moderate": "2", "9 - Okänd": None},
              "municipality": {"Köpings kommun": "Köping"}}
    profile = mapping.draft_profile("incidents", "Vår servicedesk", headers, columns, values,
                                    "%d/%m/%Y %H:%M", "UTC", False,
                                    {"cause": "Okänd", "category": "Övrigt", "personal_data_breach": "nej",
                                     "significant": "nej", "incident_id": "ignored: mapped"})
    assert dict(profile.columns) == {k: v for k, v in columns.items() if v}
    assert profile.values["severity"] == {"1 - critical": "4", "3 - moderate": "2"}
    assert profile.timestamp_format == "%d/%m/%Y %H:%M" and profile.timezone == "UTC"
    assert "incident_id" not in profile.defaults and profile.defaults["cause"] == "Okänd"
    assert set(profile.match_headers) == set(columns.values()) - {None}
    path = profiles.save_profile(profile, tmp_path)
    again = profiles.load_profile(path)
    assert (again.columns, again.values, again.defaults, again.timestamp_format, again.timezone,
            again.match_headers) == (profile.columns, profile.values, profile.defaults,
                                     profile.timestamp_format, profile.timezone, profile.match_headers)
    assert profiles.match_profile(headers + ["Annat"], "incidents", [again]).name == "Vår servicedesk"


def test_a_mapping_to_a_header_the_file_lacks_is_refused():
    with pytest.raises(profiles.ProfileError, match="'Skapad' finns inte"):
        mapping.draft_profile("incidents", "X", ["Nr"], {"incident_id": "Nr", "reported_at": "Skapad"})


def test_new_values_are_only_those_no_mapping_covers(tmp_path):
    profile = mapping.draft_profile(
        "incidents", "Nya värden", ["Nr", "Prio", "Kund"],
        {"incident_id": "Nr", "severity": "Prio", "municipality": "Kund"},
        {"severity": {"1 - Critical": "4"}})
    rows = ["Nr;Prio;Kund", "A-1;1 - Critical;Köping", "A-2;2 - High;Köping", "A-3;2 - High;Arboga",
            "A-4;Kritisk;Kungsörs kommun"]
    found = mapping.new_values(profile, ("\n".join(rows) + "\n").encode())
    # "Kritisk", "Köping" and "Arboga" are the contract's own spellings; "1 - Critical" is mapped.
    assert found == {"severity": [("2 - High", 2)], "municipality": [("Kungsörs kommun", 1)]}
    extended = mapping.with_values(profile, {"severity": {"2 - High": "3"},
                                             "municipality": {"Kungsörs kommun": "Kungsör"}})
    assert mapping.new_values(extended, ("\n".join(rows) + "\n").encode()) == {}


def test_samples_read_every_column_once_with_counts():
    rows = ["a,b,b", "1,x,y", "1,x,z", "2,,w"]
    headers, samples = mapping.source_samples(("\n".join(rows) + "\n").encode())
    assert headers == ["a", "b", "b"]
    assert samples == {"a": [("1", 2), ("2", 1)], "b": [("x", 2)]}
