"""Frozen years (fastställd lägesbild): the figures behind a year's report, stored when an
editor freezes the year, so the report given to the board can be reproduced exactly after
the data is corrected.

Freezing runs the report's queries (for the whole association and each municipality) and
stores their results as one snapshot, with who and when. A report of a frozen year reads
every figure from its newest snapshot; a report of a later year compares with a frozen
year's stored figures (and says so). A year is frozen again only as a new version: versions
are never changed or deleted.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass
from functools import lru_cache

import duckdb
import pandas as pd
import pyarrow as pa

from lagesbild.data import db
from lagesbild.data.contracts import MUNICIPALITIES
from lagesbild.formatting import fmt_date
from lagesbild.i18n import t
from lagesbild.data.ingest import log_change
from lagesbild.report import model
from lagesbild.areas.sections import Fetch

SNAPSHOT_FORMAT = 1


@dataclass(frozen=True)
class FrozenYear:
    year: int
    version: int
    frozen_at: dt.datetime
    frozen_by: str
    content_sha256: str
    results: dict[str, pd.DataFrame]    # query key -> its stored result

    def dated(self, lang: str) -> str:
        """The report's date line: when, by whom, which version."""
        return t("report.frozen", lang, date=fmt_date(self.frozen_at.date()), who=self.frozen_by,
                 version=self.version)


def query_key(name: str, params: dict) -> str:
    """A query and its parameters as one text, the same however the parameters were passed."""
    return json.dumps([name, sorted(params.items())], ensure_ascii=False, default=str)


# --- Recording and storing -----------------------------------------------------------------------

def record(fetch: Fetch, year: int) -> dict[str, pd.DataFrame]:
    """Every query result the report of ``year`` reads, for the whole association and for
    each municipality."""
    results: dict[str, pd.DataFrame] = {}

    def recording_fetch(name: str, **params) -> pd.DataFrame:
        key = query_key(name, params)
        # Many queries do not depend on the municipality: each runs once.
        if key not in results:
            results[key] = fetch(name, **params)
        return results[key]

    for municipality in (None, *MUNICIPALITIES.values):
        model.build(recording_fetch, year, municipality, "sv")
    return results


def encode(results: dict[str, pd.DataFrame]) -> str:
    """The results as JSON text: each frame as an Arrow stream (exact types), in base64."""
    frames = {}
    for key, frame in sorted(results.items()):
        sink = io.BytesIO()
        table = pa.Table.from_pandas(frame, preserve_index=False)
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        frames[key] = base64.b64encode(sink.getvalue()).decode("ascii")
    return json.dumps({"format": SNAPSHOT_FORMAT, "results": frames}, ensure_ascii=False)


@lru_cache(maxsize=16)
def decode(content: str) -> dict[str, pd.DataFrame]:
    """The results stored by ``encode``. Cached: callers get copies through ``FrozenFetch``."""
    stored = json.loads(content)
    if stored.get("format") != SNAPSHOT_FORMAT:
        raise db.LagesbildError("Den fastställda lägesbilden är sparad i ett format som den här "
                                "versionen av Lägesbild inte kan läsa.")
    frames = {}
    for key, data in stored["results"].items():
        with pa.ipc.open_stream(base64.b64decode(data)) as reader:
            frames[key] = reader.read_all().to_pandas()
    return frames


def freeze(con: duckdb.DuckDBPyConnection, year: int, *, frozen_by: str, note: str = "",
           now: dt.datetime | None = None) -> int:
    """Freeze ``year`` as a new version and log it; return the version number."""
    cur = con.cursor()
    try:
        cur.execute("BEGIN TRANSACTION")
        try:
            content = encode(record(lambda name, **params: db.query(cur, name, **params), year))
            sha256 = hashlib.sha256(content.encode("utf-8")).hexdigest()
            version = db.execute(cur, "frozen_year_insert", year=year,
                                 frozen_at=now or dt.datetime.now().replace(microsecond=0),
                                 frozen_by=frozen_by, note=note or None, content=content,
                                 content_sha256=sha256).fetchall()[0][0]
            log_change(cur, action="freeze", kind="year", changed_by=frozen_by,
                       file_name=str(year), file_sha256=sha256, inserted=1, updated=0, unchanged=0)
            cur.execute("COMMIT")
        except Exception:
            cur.execute("ROLLBACK")
            raise
    finally:
        cur.close()
    return version


# --- Reading -------------------------------------------------------------------------------------

def latest(fetch: Fetch, year: int) -> FrozenYear | None:
    """The newest frozen version of ``year``, or None when the year is not frozen."""
    rows = fetch("frozen_year_content", year=year)
    if rows.empty:
        return None
    row = rows.iloc[0]
    return FrozenYear(year=int(row["year"]), version=int(row["version"]),
                      frozen_at=pd.Timestamp(row["frozen_at"]).to_pydatetime(),
                      frozen_by=str(row["frozen_by"]), content_sha256=str(row["content_sha256"]),
                      results=decode(str(row["content"])))


class FrozenFetch:
    """A fetch for the report of one year: frozen figures where a year is frozen, live
    figures elsewhere.

    - A query of a frozen year (its ``year`` parameter) is answered from that year's snapshot.
    - In a live result, the rows of a frozen earlier year (a ``year`` column) are replaced by
      the snapshot's rows, and a ``previous_<figure>`` column comparing with a frozen year
      takes the snapshot's ``<figure>``: comparisons use what the board was given.
    """

    def __init__(self, live: Fetch, frozen: dict[int, FrozenYear], report_year: int):
        self.live = live
        self.frozen = frozen
        self.report_year = report_year

    def __call__(self, name: str, **params) -> pd.DataFrame:
        year = params.get("year")
        # A query without a year (e.g. the first year with data) belongs to the report's year.
        snapshot = self.frozen.get(self.report_year if year is None else year)
        if snapshot is not None:
            stored = snapshot.results.get(query_key(name, params))
            if stored is not None:
                return stored.copy()
            if year is not None:
                raise db.LagesbildError(
                    f"Den fastställda lägesbilden för {year} saknar uppgifter som rapporten "
                    "behöver (den fastställdes med en äldre version av Lägesbild). "
                    "Fastställ året på nytt för att få en rapport.")
        frame = self.live(name, **params)
        if year is None:
            return frame
        if "year" in frame.columns:
            return self._frozen_rows(name, params, frame)
        return self._frozen_previous(name, params, frame, year)

    def _stored(self, name: str, params: dict, year: int) -> pd.DataFrame | None:
        snapshot = self.frozen.get(year)
        if snapshot is None:
            return None
        return snapshot.results.get(query_key(name, {**params, "year": year}))

    def _frozen_rows(self, name: str, params: dict, frame: pd.DataFrame) -> pd.DataFrame:
        pieces = []
        for year in pd.unique(frame["year"]):
            stored = self._stored(name, params, int(year))
            if stored is not None and "year" in stored.columns:
                pieces.append(stored[stored["year"] == year])
            else:
                pieces.append(frame[frame["year"] == year])
        return pd.concat(pieces, ignore_index=True) if pieces else frame

    def _frozen_previous(self, name: str, params: dict, frame: pd.DataFrame,
                         year: int) -> pd.DataFrame:
        compared = [c for c in frame.columns if c.startswith("previous_")
                    and c.removeprefix("previous_") in frame.columns]
        stored = self._stored(name, params, year - 1) if compared else None
        if stored is None or frame.empty:
            return frame
        key = frame.columns[0]
        frame = frame.copy()
        for column in compared:
            figure = column.removeprefix("previous_")
            before = dict(zip(stored[key], stored[figure]))
            frame[column] = frame[key].map(before).fillna(0).astype(frame[column].dtype)
        return frame


@dataclass(frozen=True)
class ReportSource:
    """What a report of a year reads: its fetch, and what its date line and comparison note say."""

    fetch: Fetch
    frozen: FrozenYear | None             # the year itself, when frozen
    compared_with: FrozenYear | None      # the year before, when frozen

    def dated(self, lang: str) -> str:
        return self.frozen.dated(lang) if self.frozen else ""

    def comparison_note(self, lang: str) -> str:
        if self.frozen is not None or self.compared_with is None:
            return ""
        return t("report.compared_with_frozen", lang, year=self.compared_with.year,
                 date=fmt_date(self.compared_with.frozen_at.date()))


def report_source(fetch: Fetch, year: int) -> ReportSource:
    """The figures a report of ``year`` uses: frozen where frozen, else live."""
    frozen_years = {int(y) for y in fetch("frozen_years")["year"]}
    snapshots = {y: latest(fetch, y) for y in frozen_years if y <= year}
    if not snapshots:
        return ReportSource(fetch, None, None)
    return ReportSource(FrozenFetch(fetch, snapshots, year), snapshots.get(year), snapshots.get(year - 1))
