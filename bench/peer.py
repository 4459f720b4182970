"""The peer: page datasets computed the way a typical Streamlit dashboard computes them,
with pandas over DataFrames loaded once from the tables.

Each function returns the same figures as the named query in ``queries/`` (the benchmark
checks that they agree before it compares their speed).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np
import pandas as pd

TABLES = ("incidents", "sla", "systems", "classifications", "risks", "recommendations", "followups")


def load_frames(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    return {table: con.execute(f"SELECT * FROM {table}").df() for table in TABLES}


def _reference_date(year: int) -> pd.Timestamp:
    return pd.Timestamp(min(dt.date(year, 12, 31), dt.date.today()))


def _in_municipality(frame: pd.DataFrame, municipality: str | None) -> pd.DataFrame:
    return frame if municipality is None else frame[frame["municipality"] == municipality]


def overview_incidents(frames, year, municipality):
    incidents = _in_municipality(frames["incidents"], municipality)
    incidents = incidents[incidents["reported_at"].dt.year.isin([year - 1, year])]
    grouped = incidents.groupby(incidents["reported_at"].dt.year).agg(
        incidents=("incident_id", "size"),
        serious=("severity", lambda s: int((s >= 3).sum())),
        personal_data_breaches=("personal_data_breach", "sum"))
    return grouped.reindex([year - 1, year], fill_value=0).reset_index(names="year")


def overview_sla(frames, year, municipality):
    sla = _in_municipality(frames["sla"], municipality)
    sla = sla[sla["month"].dt.year.isin([year - 1, year])].assign(
        year=lambda f: f["month"].dt.year,
        target_met=lambda f: f["availability_pct"] >= f["availability_target_pct"])
    grouped = sla.groupby("year").agg(
        system_months=("system_id", "size"), system_months_met=("target_met", "sum"),
        tickets=("tickets", "sum"), tickets_within_target=("tickets_within_target", "sum"))
    grouped = grouped.reindex([year - 1, year], fill_value=0)
    grouped["availability_met_pct"] = 100.0 * grouped["system_months_met"] / grouped["system_months"]
    grouped["tickets_within_target_pct"] = 100.0 * grouped["tickets_within_target"] / grouped["tickets"]
    return grouped.reset_index(names="year")


def overview_classification(frames, year, municipality):
    systems = _in_municipality(frames["systems"], municipality)[["system_id"]]
    rows = []
    for one_year in (year - 1, year):
        reference = _reference_date(one_year)
        made = frames["classifications"]
        made = made[made["classified_on"] <= reference].sort_values("classified_on")
        latest = made.groupby("system_id").tail(1)
        joined = systems.merge(latest, on="system_id", how="left")
        current = (joined["next_review"] >= reference) | (
            joined["next_review"].isna() & (joined["classified_on"] > reference - pd.DateOffset(months=12)))
        never = joined["classified_on"].isna()
        count = len(joined)
        rows.append({"year": one_year, "systems": count,
                     "classified_current": int(current.sum()),
                     "overdue": int((~current & ~never).sum()), "never_classified": int(never.sum()),
                     "coverage_pct": 100.0 * current.sum() / count if count else np.nan})
    return pd.DataFrame(rows)


def overview_risks(frames, year, municipality):
    rows = []
    for one_year in (year - 1, year):
        risks = frames["risks"]
        risks = risks[risks["assessed_on"] <= _reference_date(one_year)].sort_values("assessed_on")
        latest = risks.groupby("risk_id").tail(1)
        active = latest[latest["status"] == "Aktiv"]
        score = active["likelihood"] * active["consequence"]
        rows.append({"year": one_year, "risks_assessed": len(latest), "active": len(active),
                     "low": int((score <= 2).sum()), "medium": int(((score >= 3) & (score <= 6)).sum()),
                     "high": int(((score >= 8) & (score <= 12)).sum()), "extreme": int((score >= 16).sum())})
    return pd.DataFrame(rows)


def overview_recommendations(frames, year, municipality):
    rows = []
    for one_year in (year - 1, year):
        followups = frames["followups"]
        followups = followups[followups["assessed_on"] <= _reference_date(one_year)]
        latest = followups.sort_values("assessed_on").groupby("rec_id").tail(1)
        status = frames["recommendations"][["rec_id"]].merge(latest, on="rec_id", how="left")["status"]
        rows.append({"year": one_year, "recommendations": len(status), "done": int((status == "Ja").sum()),
                     "partly": int((status == "Delvis").sum()), "not_done": int((status == "Nej").sum()),
                     "not_assessed": int(status.isna().sum())})
    return pd.DataFrame(rows)


def _reported_in(frames, year, municipality):
    incidents = _in_municipality(frames["incidents"], municipality)
    reported = incidents["reported_at"]
    return incidents[(reported >= pd.Timestamp(year - 1, 1, 1)) & (reported < pd.Timestamp(year + 1, 1, 1))]


def incidents_by_month(frames, year, municipality):
    incidents = _reported_in(frames, year, municipality)
    counts = incidents.groupby([incidents["reported_at"].dt.year.rename("year"),
                                incidents["reported_at"].dt.month.rename("month"),
                                incidents["severity"].rename("severity")]).size()
    grid = pd.MultiIndex.from_product([[year - 1, year], range(1, 13), range(1, 5)],
                                      names=["year", "month", "severity"])
    return counts.reindex(grid, fill_value=0).rename("incidents").reset_index()


def _by(column):
    def count(frames, year, municipality):
        incidents = _reported_in(frames, year, municipality)
        this_year = incidents["reported_at"].dt.year == year
        return (incidents.assign(now=this_year, before=~this_year)
                .groupby(column).agg(incidents=("now", "sum"), previous_incidents=("before", "sum"))
                .reset_index())
    return count


def incidents_resolution_time(frames, year, municipality):
    incidents = _reported_in(frames, year, municipality)
    incidents = incidents.assign(
        year=incidents["reported_at"].dt.year,
        hours=(incidents["resolved_at"] - incidents["reported_at"]).dt.total_seconds() / 3600)
    grouped = incidents.groupby(["year", "severity"])["hours"].agg(
        resolved="count", reported="size", median_hours="median",
        p90_hours=lambda h: h.quantile(0.9))
    grid = pd.MultiIndex.from_product([[year - 1, year], range(1, 5)], names=["year", "severity"])
    grouped = grouped.reindex(grid)
    grouped["resolved"] = grouped["resolved"].fillna(0)
    grouped["unresolved"] = grouped["reported"].fillna(0) - grouped["resolved"]
    return grouped.drop(columns="reported").reset_index()


def sla_by_system(frames, year, municipality):
    sla = _in_municipality(frames["sla"], municipality)
    sla = sla[sla["month"].dt.year == year]
    below = sla[sla["availability_pct"] < sla["availability_target_pct"]]
    grouped = sla.groupby("system_id").agg(
        months=("month", "nunique"), availability_pct=("availability_pct", "mean"),
        target_pct=("availability_target_pct", "mean"), outage_minutes=("outage_minutes", "sum"),
        tickets=("tickets", "sum"), tickets_within_target=("tickets_within_target", "sum"))
    grouped["months_below_target"] = below.groupby("system_id")["month"].nunique().reindex(
        grouped.index, fill_value=0)
    systems = frames["systems"].set_index("system_id")[["name", "sla_tier", "municipality"]]
    return grouped.join(systems).reset_index()


# Query name in queries/ -> the pandas function computing the same dataset, and the columns
# that identify a row (results are compared after sorting on them).
PEERS = {
    "overview_incidents": (overview_incidents, ["year"]),
    "overview_sla": (overview_sla, ["year"]),
    "overview_classification": (overview_classification, ["year"]),
    "overview_risks": (overview_risks, ["year"]),
    "overview_recommendations": (overview_recommendations, ["year"]),
    "incidents_by_month": (incidents_by_month, ["year", "month", "severity"]),
    "incidents_by_category": (_by("category"), ["category"]),
    "incidents_by_cause": (_by("cause"), ["cause"]),
    "incidents_by_municipality": (_by("municipality"), ["municipality"]),
    "incidents_resolution_time": (incidents_resolution_time, ["year", "severity"]),
    "sla_by_system": (sla_by_system, ["system_id"]),
}
