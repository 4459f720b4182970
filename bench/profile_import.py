"""The import through a profile: the generated incidents rewritten as a ServiceNow incident
list export (field names as headers, display values, times in UTC, systems by name,
municipalities as the companies' names) and imported through the shipped ServiceNow profile
into a database holding only the system register, against DuckDB's read_csv of that file.

    python bench/profile_import.py [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from lagesbild.data import db, ingest, profiles  # noqa: E402

PROFILE = "ServiceNow, listexport"
COMPANIES = {"Arboga": "Arboga kommun", "Köping": "Köpings kommun", "Kungsör": "Kungsörs kommun",
             "Surahammar": "Surahammars kommun", "Gemensam": "Västra Mälardalens kommunalförbund"}
PRIORITIES = {4: "1 - Critical", 3: "2 - High", 2: "3 - Moderate", 1: "4 - Low"}


def servicenow_file(csv_dir: Path) -> Path:
    """The contract incidents and systems of ``csv_dir`` as a ServiceNow list export."""
    target = csv_dir / "servicenow_incident.csv"
    if target.exists():
        return target
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE systems AS SELECT * FROM read_csv(?, all_varchar = true)",
                    [str(csv_dir / "systems.csv")])
        con.execute("CREATE TABLE incidents AS SELECT * FROM read_csv(?, all_varchar = true)",
                    [str(csv_dir / "incidents.csv")])
        utc = "strftime(timezone('UTC', timezone('Europe/Stockholm', CAST({} AS TIMESTAMP))), '%Y-%m-%d %H:%M:%S')"
        # An incident open across the autumn's repeated hour can read as resolved before it
        # was reported once stored in local time; the benchmark leaves those few out.
        back = "timezone('Europe/Stockholm', timezone('UTC', CAST({} AS TIMESTAMP)))"
        con.execute(
            f"""COPY (
            SELECT i.Incidentid AS number, i.Rubrik AS short_description,
                   {utc.format('i.Anmäld')} AS opened_at, {utc.format('i.Åtgärdad')} AS resolved_at,
                   {utc.format("CAST(i.Åtgärdad AS TIMESTAMP) + INTERVAL 3 DAY")} AS closed_at,
                   CASE WHEN i.Åtgärdad IS NULL THEN 'In Progress' ELSE 'Closed' END AS state,
                   map($pk, $pv)[CAST(i.Allvarlighetsgrad AS INTEGER)] AS priority,
                   '2 - Medium' AS impact, '2 - Medium' AS urgency,
                   CASE i.Kategori WHEN 'Tillgänglighet' THEN 'Network' WHEN 'Skadlig kod' THEN 'Malware'
                        WHEN 'Bedrägeri' THEN 'Phishing' WHEN 'Övrigt' THEN 'Inquiry / Help'
                        ELSE i.Kategori END AS category,
                   '' AS subcategory, 'Servicedesk VMKF' AS assignment_group, 'Tekniker' AS assigned_to,
                   s.Systemnamn AS cmdb_ci, map($ck, $cv)[i.Kommun] AS company, '' AS location,
                   'Användare' AS caller_id, 'Phone' AS contact_type, 'Solved (Permanently)' AS close_code,
                   'true' AS made_sla, {utc.format('coalesce(i.Åtgärdad, i.Anmäld)')} AS sys_updated_on
            FROM incidents AS i LEFT JOIN systems AS s ON s.Systemid = i.Systemid
            WHERE i.Åtgärdad IS NULL OR {back.format(utc.format('i.Åtgärdad'))}
                  >= {back.format(utc.format('i.Anmäld'))}
            ORDER BY i.Incidentid) TO '{_sql_path(target)}' (HEADER, DELIMITER ',')""",
            {"pk": list(PRIORITIES), "pv": list(PRIORITIES.values()),
             "ck": list(COMPANIES), "cv": list(COMPANIES.values())})
    finally:
        con.close()
    return target


def _sql_path(path: Path) -> str:
    # A path of the benchmark's own output folder: COPY takes no parameter for its target.
    text = str(path)
    if "'" in text:
        raise SystemExit(f"unexpected quote in {text}")
    return text


def profile_import(csv_dir: Path, database: Path) -> tuple[float, int]:
    """Seconds to import the ServiceNow file through its profile into a database holding the
    system register only, and the rows imported."""
    database.unlink(missing_ok=True)
    Path(f"{database}.wal").unlink(missing_ok=True)
    source = servicenow_file(csv_dir)
    con = db.connect(database)
    try:
        systems = ingest.import_file(con, "systems", csv_dir / "systems.csv", changed_by="bench")
        if not systems.ok:
            raise SystemExit(systems.summary())
        profile = profiles.find_profile(PROFILE)
        begin = time.perf_counter()
        result = profiles.import_with_profile(con, profile, source, changed_by="bench")
        seconds = time.perf_counter() - begin
        if not result.ok:
            raise SystemExit(result.summary())
        return seconds, result.rows
    finally:
        con.close()
        database.unlink(missing_ok=True)
        Path(f"{database}.wal").unlink(missing_ok=True)


def main() -> None:
    from bench.run import OUT, floor, generated

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        csv_dir, _ = generated(size)
        ours, theirs = [], []
        for _ in range(args.runs):  # alternated, so a busy moment weighs on both alike
            seconds, rows = profile_import(csv_dir, OUT / str(size) / "profile.duckdb")
            ours.append(seconds)
            theirs.append(floor(servicenow_file(csv_dir)))
        seconds, base = statistics.median(ours), statistics.median(theirs)
        print(f"{size}: {rows} rows through the profile in {seconds:.3f} s; read_csv {base:.3f} s; "
              f"{seconds / base:.1f}× (medians of {args.runs})", flush=True)


if __name__ == "__main__":
    main()
