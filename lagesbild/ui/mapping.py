"""The Data page's "Koppla kolumner": the form that maps an unknown file's columns and values
onto a kind's contract, and the question about a known profile's new values. The rules (what
to suggest, how a profile is made) are in :mod:`lagesbild.admin.mapping`."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import streamlit as st

from lagesbild.data import contracts, profiles
from lagesbild.admin import datapage, mapping
from lagesbild.formatting import fmt_int
from lagesbild.i18n import plural, t
from lagesbild.ui.components import escape_markdown
from lagesbild.ui.data import fetch

ZONES = ("Europe/Stockholm", "UTC")
_SAMPLES_KEY = "mapping_samples"


def _samples(upload: datapage.Upload) -> tuple[list[str], dict[str, list[tuple[str, int]]]]:
    """The file's headers and values, read once per file."""
    kept = st.session_state.get(_SAMPLES_KEY)
    if kept is None or kept[0] != upload.sha256:
        kept = (upload.sha256, mapping.source_samples(upload.data))
        st.session_state[_SAMPLES_KEY] = kept
    return kept[1]


def column_mapping(upload: datapage.Upload, lang: str) -> profiles.Profile | None:
    """Draw the mapping form; the profile it makes once the user asks to check the file
    with it (or to save it), else None."""
    spec = contracts.KINDS[upload.kind]
    headers, samples = _samples(upload)
    values_of = {h: [v for v, _ in found] for h, found in samples.items()}
    key = f"mapping_{upload.kind}_{upload.sha256[:12]}"
    st.subheader(t("mapping.heading", lang), anchor=False)
    st.caption(t("mapping.intro", lang))

    suggested = mapping.suggest_columns(spec, headers, values_of)
    options = [""] + list(dict.fromkeys(h for h in headers if h and h.strip()))
    chosen: dict[str, str | None] = {}
    defaults: dict[str, str | None] = {}
    st.markdown(f"**{t('mapping.columns', lang)}**")
    left, right = st.columns(2)
    for index, column in enumerate(spec.columns):
        label = t("mapping.required", lang, column=column.header) if column.required else column.header
        with left if index % 2 == 0 else right:
            header = st.selectbox(
                label, options, index=options.index(suggested[column.name]) if suggested[column.name] else 0,
                format_func=lambda h: h or t("mapping.not_in_file", lang), key=f"{key}_col_{column.name}")
            chosen[column.name] = header or None
            if not header and column.required and column.type in (contracts.CHOICE, contracts.BOOLEAN):
                allowed = mapping.choices(column, lang)
                default_options = [""] + list(allowed)
                picked = st.selectbox(
                    t("mapping.default", lang, column=column.header), default_options,
                    format_func=lambda v, allowed=allowed: allowed.get(v, t("mapping.no_default", lang)),
                    key=f"{key}_default_{column.name}")
                defaults[column.name] = picked or None

    values = _value_choices(spec, chosen, samples, key, lang)
    timestamp_format, timezone = _time_choices(spec, chosen, values_of, key, lang)
    by_name = False
    if chosen.get("system_id"):
        register = fetch("system_register_names")
        ids = {str(i).strip().casefold() for i in register["system_id"]}
        sample = values_of.get(chosen["system_id"], [])
        likely_names = bool(sample) and sum(v.strip().casefold() in ids for v in sample) * 2 < len(sample)
        by_name = st.checkbox(t("mapping.system_by_name", lang), value=likely_names,
                              key=f"{key}_system_by_name")

    name = st.text_input(t("mapping.save_name", lang), value=_suggested_name(upload), key=f"{key}_name")
    check_column, save_column = st.columns(2)
    checking = check_column.button(t("mapping.check", lang), type="primary", key=f"{key}_check")
    saving = save_column.button(t("mapping.save", lang), key=f"{key}_save")
    if not (checking or saving):
        return None
    try:
        profile = mapping.draft_profile(upload.kind, name.strip() or _suggested_name(upload), headers,
                                        chosen, values, timestamp_format, timezone, by_name, defaults)
    except profiles.ProfileError as error:
        st.error(escape_markdown(error.message(lang)), icon=":material/error:")
        return None
    if saving:
        path = profiles.save_profile(profile)
        st.success(t("mapping.saved", lang, profile=escape_markdown(profile.name),
                     path=escape_markdown(str(path))), icon=":material/check_circle:")
    return profile


def _suggested_name(upload: datapage.Upload) -> str:
    stem = upload.file_name.rsplit(".", 1)[0].strip() or upload.kind
    return f"{stem} ({contracts.KINDS[upload.kind].label('sv').lower()})"


def _value_choices(spec, chosen, samples, key, lang) -> dict[str, dict[str, str | None]]:
    values: dict[str, dict[str, str | None]] = {}
    for column in mapping.controlled_columns(spec):
        header = chosen.get(column.name)
        if not header:
            continue
        found = samples.get(header, [])
        if len(found) > mapping.MAX_VALUES_ASKED:
            st.warning(t("mapping.too_many_values", lang, header=escape_markdown(header),
                         limit=mapping.MAX_VALUES_ASKED, column=column.header))
            continue
        values[column.name] = value_questions(column, found, f"{key}_val_{column.name}", lang)
    return values


def value_questions(column: contracts.Column, found: list[tuple[str, int]], key: str,
                    lang: str) -> dict[str, str | None]:
    """One choice per source value of ``column`` (pre-filled where obvious); returns source
    value -> the chosen canonical value (None: not chosen)."""
    if not found:
        return {}
    allowed = mapping.choices(column, lang)
    options = [""] + list(allowed)
    st.markdown(f"**{t('mapping.values', lang, column=column.header)}**")
    st.caption(t("mapping.values_intro", lang))
    answers: dict[str, str | None] = {}
    left, right = st.columns(2)
    for index, (value, rows) in enumerate(found):
        suggestion = mapping.suggest_value(column, value)
        label = plural("mapping.value_label", rows, lang, value=value, rows=fmt_int(rows, lang))
        with left if index % 2 == 0 else right:
            picked = st.selectbox(escape_markdown(label), options,
                                  index=options.index(suggestion) if suggestion in options else 0,
                                  format_func=lambda v: allowed.get(v, t("mapping.choose", lang)),
                                  key=f"{key}_{index}")
        answers[value] = picked or None
    return answers


def _time_choices(spec, chosen, values_of, key, lang) -> tuple[str | None, str]:
    time_headers = [chosen[c.name] for c in spec.columns
                    if c.type in (contracts.TIMESTAMP, contracts.DATE) and chosen.get(c.name)]
    if not time_headers:
        return None, profiles.STORED_ZONE
    st.markdown(f"**{t('mapping.times', lang)}**")
    sample = [v for h in time_headers for v in values_of.get(h, [])][:mapping.SAMPLE_VALUES]
    guessed = mapping.guess_timestamp_format(sample)
    fmt = st.text_input(t("mapping.format", lang), value=guessed or "", help=t("mapping.format_help", lang),
                        key=f"{key}_format")
    zone = st.selectbox(t("mapping.timezone", lang), ZONES, key=f"{key}_zone")
    example = next(iter(sample), None)
    if fmt and example:
        try:
            stamp = dt.datetime.strptime(example, fmt)
        except ValueError:
            stamp = None
        if stamp is not None:
            local = stamp.replace(tzinfo=zoneinfo.ZoneInfo(zone)).astimezone(
                zoneinfo.ZoneInfo(profiles.STORED_ZONE))
            st.caption(escape_markdown(t("mapping.format_guessed", lang, format=fmt, example=example,
                                         stored=local.strftime("%Y-%m-%d %H:%M"))))
    elif not guessed:
        st.caption(t("mapping.format_unknown", lang))
    return fmt.strip() or None, zone


def new_value_questions(checked: datapage.Checked, lang: str) -> profiles.Profile | None:
    """For a file a profile recognised but whose values it does not all know: one choice per
    new value; the profile with the answers added once the user asks, else None."""
    profile = checked.profile
    unknown = mapping.new_values(profile, checked.upload.data)
    if not unknown:
        return None
    spec = profile.spec
    key = f"mapping_new_{checked.sha256[:12]}"
    st.subheader(t("mapping.new_values", lang), anchor=False)
    st.caption(t("mapping.new_values_intro", lang, profile=escape_markdown(profile.name)))
    answers = {name: value_questions(spec.column(name), found, f"{key}_{name}", lang)
               for name, found in unknown.items()}
    if not st.button(t("mapping.add_values", lang), type="primary", key=f"{key}_add"):
        return None
    extended = mapping.with_values(profile, answers)
    profiles.save_profile(extended)
    return extended
