"""Koppla kolumner: turning a file that matches neither the contract nor a profile into a
profile, without Streamlit.

The Data page asks, for one upload, which of the file's headers feeds each contract column
(:func:`suggest_columns` pre-fills the choice from the headers' names and their values'
shapes), which of our values each distinct source value of a controlled column means
(:func:`suggest_value` pre-fills what is obvious: case, "1 - Critical", "P1 - Kritisk",
"Hög (3)"), and in which format the file writes its times (:func:`guess_timestamp_format`).
:func:`draft_profile` makes the profile the page previews, dry-runs and saves; next month the
saved profile recognises the file by its headers and :func:`new_values` names only the
values that no mapping covers yet.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from lagesbild.data import contracts, profiles
from lagesbild.data.contracts import BOOLEAN, CHOICE, DATE, DECIMAL, INTEGER, MONTH, TIMESTAMP, Column, Kind
from lagesbild.data.profiles import Profile

# How many distinct values of a controlled column the page asks about; a column with more is
# most likely not the one meant (a title, an id) and the page says so instead.
MAX_VALUES_ASKED = 60
# How many values of each header are looked at to judge its shape.
SAMPLE_VALUES = 40
# Below this likeness (0–1) a header is not suggested for a column.
MIN_LIKENESS = 0.55

# Names real exports give the contract's columns (ServiceNow, TOPdesk, Jira, Zabbix, PRTG,
# KLASSA lists), beside the contract's own Swedish and English headers.
SOURCE_NAMES: Mapping[str, tuple[str, ...]] = {
    "incident_id": ("number", "nummer", "key", "issue key", "ärendenummer", "incident number", "id"),
    "title": ("short_description", "summary", "brief description", "kort beskrivning", "subject",
              "sammanfattning"),
    "reported_at": ("opened_at", "opened", "created", "call date", "created_at", "skapad",
                    "anmälningsdatum"),
    "resolved_at": ("resolved_at", "resolved", "completed date", "completed", "resolution date",
                    "löst", "avslutad"),
    "municipality": ("company", "branch", "customer", "organisation", "organization", "filial",
                     "kund"),
    "system_id": ("cmdb_ci", "object", "configuration item", "ci", "service", "tjänst", "objekt",
                  "system"),
    "category": ("category", "kategori"),
    "severity": ("priority", "prioritet", "urgency"),
    "significant": ("major call", "major incident", "större störning"),
    "month": ("period", "date", "datum", "date time", "månad"),
    "availability_pct": ("sli", "uptime", "availability", "coverage", "tillgänglighet"),
    "availability_target_pct": ("slo", "target", "mål"),
    "outage_minutes": ("downtime", "nertid", "driftstopp"),
    "name": ("system", "systemnamn", "name", "namn"),
    "owner": ("owner", "ägare", "systemägare", "assigned_to"),
}

# Formats tried on a file's times, most common in Swedish and international exports first.
TIMESTAMP_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d",
    "%d/%b/%y %I:%M %p", "%d/%b/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p",
    "%d-%m-%Y %H:%M", "%d-%m-%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S",
    "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%d-%m-%Y", "%d.%m.%Y",
)

_TIME_TYPES = (TIMESTAMP, DATE, MONTH)


def _normalise(text: str) -> str:
    return re.sub(r"[\s_\-./()]+", " ", text.strip().casefold()).strip()


def names_for(column: Column) -> tuple[str, ...]:
    """Every name a header may have for ``column``: the contract's and the sources'."""
    return tuple(_normalise(n) for n in (*column.headers, *SOURCE_NAMES.get(column.name, ())))


def likeness(header: str, column: Column) -> float:
    """How much ``header`` looks like a name of ``column``, 0–1."""
    wanted = _normalise(header)
    if not wanted:
        return 0.0
    best = 0.0
    for name in names_for(column):
        if wanted == name:
            return 1.0
        best = max(best, difflib.SequenceMatcher(None, wanted, name).ratio())
    return best


def fits(values: Sequence[str], column: Column) -> bool | None:
    """Whether a header's sample values have the shape ``column`` needs (None: cannot tell,
    e.g. no values)."""
    values = [v for v in values if v.strip()]
    if not values:
        return None
    if column.type in _TIME_TYPES:
        return guess_timestamp_format(values) is not None or all(_is_iso_month(v) for v in values)
    if column.type in (INTEGER, DECIMAL):
        return all(_number(v) is not None for v in values)
    if column.type in (CHOICE, BOOLEAN):
        # A source's own words are what the value mapping is for: only a match tells.
        return True if sum(suggest_value(column, v) is not None for v in values) * 2 >= len(values) else None
    return True


def suggest_columns(spec: Kind, headers: Sequence[str],
                    samples: Mapping[str, Sequence[str]] | None = None) -> dict[str, str | None]:
    """For each contract column the file header that most likely feeds it, or None. A header
    is suggested once, for the column it fits best; a header whose values have the wrong shape
    is not suggested."""
    samples = samples or {}
    scored = []
    for column in spec.columns:
        for header in dict.fromkeys(h for h in headers if h and h.strip()):
            score = likeness(header, column)
            if score < MIN_LIKENESS:
                continue
            shape = fits(samples.get(header, ()), column)
            if shape is False:
                continue
            scored.append((score + (0.05 if shape else 0.0), column.name, header))
    chosen: dict[str, str | None] = {c.name: None for c in spec.columns}
    used: set[str] = set()
    for _, name, header in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if chosen[name] is None and header not in used:
            chosen[name] = header
            used.add(header)
    return chosen


def controlled_columns(spec: Kind) -> list[Column]:
    """The columns whose values come from a controlled list (or yes/no)."""
    return [c for c in spec.columns if c.type in (CHOICE, BOOLEAN)]


def choices(column: Column, lang: str = "sv") -> dict[str, str]:
    """The values ``column`` accepts as canonical text -> label, in the contract's order."""
    if column.type == BOOLEAN:
        return {"ja": "ja" if lang == "sv" else "yes", "nej": "nej" if lang == "sv" else "no"}
    vocabulary = column.vocabulary
    out = {}
    for value in vocabulary.values:
        label = vocabulary.label(value, lang)
        out[str(value)] = f"{value} ({label})" if isinstance(value, int) else label
    return out


def suggest_value(column: Column, source_value: str) -> str | None:
    """The canonical value (as text) that ``source_value`` obviously means, or None. Obvious
    is: an accepted spelling in any case, or one once a numbering around it is taken away
    ("1 - Critical", "P1 - Kritisk", "Hög (3)", "3 Allvarlig")."""
    spellings = _spellings(column)
    text = source_value.strip().casefold()
    if text in spellings:
        return spellings[text]
    for part in _word_parts(text):
        if part in spellings:
            return spellings[part]
    return None


def _spellings(column: Column) -> dict[str, str]:
    if column.type == BOOLEAN:
        return {s: ("ja" if v else "nej") for s, v in contracts.BOOLEAN_SPELLINGS.items()}
    spellings = {s: str(v) for s, v in column.vocabulary.spellings().items()}
    if all(isinstance(v, int) for v in column.vocabulary.values):
        # A bare number is a source's own numbering (priority 1 is the most urgent), never
        # obviously our level: only words are matched.
        spellings = {s: v for s, v in spellings.items() if not s.isdigit()}
    return spellings


def _word_parts(text: str) -> list[str]:
    """The words of a numbered or named value: '1 - critical' -> ['critical'], 'p1 - kritisk'
    -> ['kritisk'], 'hög (3)' and '3 (hög)' -> ['hög'], and a municipality as its
    organisation is named: 'köpings kommun' -> ['köpings', 'köping']."""
    stripped = re.sub(r"\(\s*\w{0,2}\d+\s*\)", " ", text)
    stripped = re.sub(r"^\s*[a-z]?\d+\s*[-–:.)]?\s*", " ", stripped)
    stripped = re.sub(r"\s*[-–:]\s*[a-z]?\d+\s*$", " ", stripped)
    words = " ".join(stripped.replace("(", " ").replace(")", " ").split())
    parts = [words] if words and words != text else []
    organisation = re.fullmatch(r"(.+?)\s+(kommun|kommunalförbund|stad)", words or text)
    if organisation:
        name = organisation.group(1)
        parts += [name, name[:-1]] if name.endswith("s") else [name]
    return parts


def guess_timestamp_format(values: Sequence[str]) -> str | None:
    """The first format of :data:`TIMESTAMP_FORMATS` that reads every value; where day and
    month could be either way round, the values decide (a day above 12)."""
    values = [v.strip() for v in values if v and v.strip()]
    if not values:
        return None
    for fmt in TIMESTAMP_FORMATS:
        if all(_parses(v, fmt) for v in values):
            return fmt
    return None


def _parses(value: str, fmt: str) -> bool:
    try:
        dt.datetime.strptime(value, fmt)
        return True
    except ValueError:
        return False


def _is_iso_month(value: str) -> bool:
    return re.fullmatch(r"\d{4}-\d{2}", value.strip()) is not None


def _number(value: str) -> float | None:
    text = value.strip().replace("\u00a0", "").replace(" ", "").rstrip("%").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def draft_profile(kind: str, name: str, headers: Sequence[str], columns: Mapping[str, str | None],
                  values: Mapping[str, Mapping[str, str | None]] | None = None,
                  timestamp_format: str | None = None, timezone: str | None = None,
                  system_id_by_name: bool = False,
                  defaults: Mapping[str, str | None] | None = None) -> Profile:
    """The profile a mapping makes: ``columns`` contract column -> header (None: not in the
    file), ``values`` contract column -> source value -> our value (None: not chosen),
    ``defaults`` the value of a column the file does not have. It recognises the file by the
    headers it reads."""
    spec = contracts.KINDS[kind]
    mapped = {c: h for c, h in columns.items() if h}
    data: dict = {"kind": spec.name, "name": name,
                  "match": {"headers": list(dict.fromkeys(mapped.values()))},
                  "columns": mapped}
    chosen_values = {column: {source: ours for source, ours in mapping.items() if ours}
                     for column, mapping in (values or {}).items() if column in mapped}
    chosen_values = {c: m for c, m in chosen_values.items() if m}
    if chosen_values:
        data["values"] = chosen_values
    options: dict = {}
    if timestamp_format and any(spec.column(c).type in _TIME_TYPES for c in mapped):
        options["timestamp_format"] = timestamp_format
    if timezone and timezone != profiles.STORED_ZONE:
        options["timezone"] = timezone
    if system_id_by_name and "system_id" in mapped:
        options["system_id_by_name"] = True
    if options:
        data["options"] = options
    chosen_defaults = {c: v for c, v in (defaults or {}).items() if v and not mapped.get(c)}
    if chosen_defaults:
        data["defaults"] = chosen_defaults
    missing = [h for h in mapped.values() if h not in headers]
    if missing:
        raise profiles.ProfileError(f"Kolumnen '{missing[0]}' finns inte i filen.",
                                    f"The column '{missing[0]}' is not in the file.")
    return profiles.profile_from_dict(data, name)


def with_values(profile: Profile, values: Mapping[str, Mapping[str, str | None]]) -> Profile:
    """``profile`` with more value mappings (the new values of a later file)."""
    merged = {column: dict(mapping) for column, mapping in profile.values.items()}
    for column, mapping in values.items():
        for source, ours in mapping.items():
            if ours:
                merged.setdefault(column, {})[profiles._fold(source)] = ours
    return replace(profile, values=merged)


def new_values(profile: Profile, source: Path | str | bytes) -> dict[str, list[tuple[str, int]]]:
    """Per mapped controlled column, the file's values that neither the profile's mapping nor
    the contract's own spellings cover, with how many rows hold each: what a later file asks
    for."""
    spec = profile.spec
    empty = {profiles._fold(v) for v in profile.empty_values}
    found: dict[str, list[tuple[str, int]]] = {}
    for column in controlled_columns(spec):
        header = profile.columns.get(column.name)
        if not header or (column.name == "system_id" and profile.system_id_by_name):
            continue
        mapping = profile.values.get(column.name, {})
        spellings = _spellings(column) | {str(v).casefold(): str(v) for v in choices(column)}
        unknown = [(value, count) for value, count in profiles.source_values(source, header)
                   if profiles._fold(value) not in mapping and profiles._fold(value) not in empty
                   and value.strip().casefold() not in spellings]
        if unknown:
            found[column.name] = unknown
    return found


def source_samples(source: Path | str | bytes, limit: int = MAX_VALUES_ASKED + 1
                   ) -> tuple[list[str], dict[str, list[tuple[str, int]]]]:
    """The file's headers and, per header, its distinct values (trimmed) with how many rows
    hold each, most frequent first, at most ``limit``: read once for every column."""
    def sample(con, opened) -> tuple[list[str], dict[str, list[tuple[str, int]]]]:
        found: dict[str, list[tuple[str, int]]] = {}
        for index, header in enumerate(opened.headers):
            if not header or not header.strip() or header in found:
                continue
            column = f"s.{profiles._ident(f'c{index}')}"
            found[header] = [tuple(row) for row in con.execute(
                f"SELECT trim({column}) AS v, count(*) AS n FROM {opened.relation} AS s "
                f"WHERE nullif(trim({column}), '') IS NOT NULL GROUP BY v ORDER BY n DESC, v "
                f"LIMIT $limit", {**opened.params, "limit": int(limit)}).fetchall()]
        return list(opened.headers), found
    return profiles._with_read(source, sample)
