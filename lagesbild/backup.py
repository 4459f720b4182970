"""Backups of the database as a folder of Parquet files, restores from them, and pruning.

A backup is one folder, ``lagesbild-YYYYMMDD-HHMMSS``, with one Parquet file per table and
``manifest.json``: the schema version, every table's file, row count and SHA-256, and the
sequences' positions. Plain files, so the IT department's ordinary file backup takes them,
and readable without Lägesbild (any Parquet reader).

Consistent while the server writes: every table is read in one transaction, one moment of
the database. Never mistaken for complete when interrupted: the folder is written under a
hidden ``.partial`` name, the manifest last, and only then renamed; a restore accepts only a
folder with the final name whose manifest reads and whose checksums hold.

A restore builds a new database file beside the target (the schema of the backup's version,
the rows, then the migrations up to this version of Lägesbild) and renames it into place
only when it is complete: the target is either untouched or the restored database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import logging
import re
import shutil
import threading
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from lagesbild.data import db
from lagesbild import demo

MANIFEST = "manifest.json"
FORMAT = "lagesbild-backup"
FORMAT_VERSION = 1
NAME_PREFIX = "lagesbild-"
NAME_PATTERN = re.compile(r"lagesbild-(\d{8}-\d{6})(-\d+)?")
PARTIAL_PREFIX = ".partial-"
# A partial folder this old belongs to no running backup (one takes seconds): pruning removes it.
PARTIAL_STALE_AFTER = dt.timedelta(hours=24)
ROWS_PER_BATCH = 65_536
LOG = logging.getLogger(__name__)
# A file we did not write (a restore's target) is opened without loading extensions for it.
SAFE_OPEN = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


class BackupError(db.LagesbildError):
    pass


@dataclass(frozen=True)
class Restored:
    path: Path
    backup_version: int
    schema_version: int
    rows: int
    replaced: Path | None   # where the database that was there before was kept


def write_backup(con: duckdb.DuckDBPyConnection, parent: Path | str, *,
                 now: dt.datetime | None = None) -> Path:
    """Write a complete backup folder into ``parent`` and return its path."""
    parent = Path(parent)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Mappen {parent} för säkerhetskopior kunde inte skapas: "
                          f"{exc.strerror}.") from None
    name = _free_name(parent, NAME_PREFIX + now.strftime("%Y%m%d-%H%M%S"))
    partial = parent / f"{PARTIAL_PREFIX}{name}-{os.getpid()}"
    try:
        partial.mkdir()
        manifest = _write_tables(con, partial)
        manifest["created_at"] = now.isoformat()
        _write_file(partial / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
        _fsync_dir(partial)
        final = parent / name
        partial.rename(final)
        _fsync_dir(parent)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupError(f"Säkerhetskopian i {parent} kunde inte skrivas: {exc.strerror}. "
                          "Ingen ofullständig kopia finns kvar.") from None
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def _write_tables(con: duckdb.DuckDBPyConnection, folder: Path) -> dict:
    cur = con.cursor()
    try:
        # One read transaction: every table as of the same moment, whatever commits meanwhile.
        cur.execute("BEGIN TRANSACTION")
        try:
            version = db.schema_version(cur)
            tables = {}
            for table in _table_names(cur):
                path = folder / f"{table}.parquet"
                reader = cur.sql(f'SELECT * FROM "{table}"').to_arrow_reader(ROWS_PER_BATCH)
                rows = 0
                with pq.ParquetWriter(path, reader.schema) as writer:
                    for batch in reader:
                        writer.write_batch(batch)
                        rows += batch.num_rows
                tables[table] = {"file": path.name, "rows": rows, "sha256": _sha256_synced(path)}
            sequences = dict(cur.execute(
                "SELECT sequence_name, coalesce(last_value, start_value - 1) FROM duckdb_sequences() "
                "WHERE schema_name = 'main' AND NOT temporary ORDER BY sequence_name").fetchall())
        finally:
            cur.execute("ROLLBACK")
    finally:
        cur.close()
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": version,
            "duckdb_version": duckdb.__version__, "tables": tables, "sequences": sequences}


def _table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    # Names from the catalogue, never from a user: safe to quote into the SQL.
    return [row[0] for row in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND NOT temporary ORDER BY table_name").fetchall()]


def _free_name(parent: Path, name: str) -> str:
    candidate, n = name, 1
    while (parent / candidate).exists():
        n += 1
        candidate = f"{name}-{n}"
    return candidate


def _write_file(path: Path, content: bytes) -> None:
    with open(path, "wb") as file:
        file.write(content)
        file.flush()
        os.fsync(file.fileno())


def _sha256_synced(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb+") as file:
        os.fsync(file.fileno())
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- Reading and checking a backup ---------------------------------------------------------------

def read_manifest(folder: Path | str) -> dict:
    """The manifest of a complete backup whose every file matches its checksum; else a
    BackupError saying what is wrong."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BackupError(f"Säkerhetskopian {folder} finns inte (ange mappen som backup skapade).")
    if folder.name.startswith(PARTIAL_PREFIX):
        raise BackupError(f"{folder} är en avbruten säkerhetskopia och kan inte läsas tillbaka. "
                          "Använd en komplett (lagesbild-ÅÅÅÅMMDD-TTMMSS).")
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        inside = sorted(p.name for p in complete_backups(folder))
        hint = (f" Mappen innehåller säkerhetskopior; ange en av dem, till exempel "
                f"{folder / inside[-1]}." if inside else "")
        raise BackupError(f"{folder} är ingen komplett säkerhetskopia: {MANIFEST} saknas.{hint}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise ValueError
        version = manifest["schema_version"]
        tables = manifest["tables"]
        if not isinstance(version, int) or not isinstance(tables, dict) or not tables:
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BackupError(f"{manifest_path} är skadad eller ofullständig; säkerhetskopian kan inte "
                          "läsas tillbaka.") from None
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BackupError(f"Säkerhetskopian {folder} är skriven av en nyare version av Lägesbild; "
                          "uppdatera Lägesbild innan du läser tillbaka den.")
    if version > db.latest_version():
        raise BackupError(f"Säkerhetskopian har schemaversion {version}, men den här versionen av "
                          f"Lägesbild känner bara till version {db.latest_version()}. Uppdatera "
                          "Lägesbild innan du läser tillbaka den.")
    for table, entry in tables.items():
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", table) or entry.get("file") != f"{table}.parquet":
            raise BackupError(f"{manifest_path} nämner en okänd fil för tabellen {table!r}.")
        path = folder / entry["file"]
        if not path.is_file():
            raise BackupError(f"Filen {path} saknas; säkerhetskopian är ofullständig.")
        if _sha256(path) != entry.get("sha256"):
            raise BackupError(f"Filen {path} stämmer inte med sin kontrollsumma i {MANIFEST}: den "
                              "är ändrad eller skadad. Säkerhetskopian läses inte tillbaka.")
    return manifest


def complete_backups(parent: Path | str) -> list[Path]:
    """The backup folders in ``parent`` that have a manifest, oldest first (names sort by time)."""
    parent = Path(parent)
    if not parent.is_dir():
        return []
    found = [p for p in parent.iterdir()
             if p.is_dir() and NAME_PATTERN.fullmatch(p.name) and (p / MANIFEST).is_file()]
    return sorted(found, key=_backup_sort_key)


def _backup_sort_key(path: Path) -> tuple[str, int]:
    match = NAME_PATTERN.fullmatch(path.name)
    return match.group(1), int((match.group(2) or "-1")[1:])


def backup_time(path: Path) -> dt.datetime:
    return dt.datetime.strptime(NAME_PATTERN.fullmatch(path.name).group(1), "%Y%m%d-%H%M%S")


# --- Restoring -----------------------------------------------------------------------------------

def restore(folder: Path | str, target: Path | str, *, replace: bool = False) -> Restored:
    """Restore the backup in ``folder`` as the database ``target``.

    ``target`` must be missing or hold no data of its own (empty, or only the demo data)
    unless ``replace``; then the database that was there is kept beside it."""
    folder, target = Path(folder), Path(target)
    manifest = read_manifest(folder)
    _check_target(target, replace)
    building = target.with_name(f"{target.name}.restoring-{os.getpid()}")
    _remove_database_files(building)
    try:
        con = duckdb.connect(str(building))
        try:
            rows = _load(con, folder, manifest)
            version = db.migrate(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        kept = None
        if target.exists():
            kept = target.with_name(f"{target.name}.before-restore-"
                                    f"{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}")
            target.rename(kept)
            wal = Path(f"{target}.wal")
            if wal.exists():
                wal.rename(Path(f"{kept}.wal"))
        try:
            building.rename(target)
        except OSError:
            if kept is not None:   # the old database goes back where it was
                kept.rename(target)
                if Path(f"{kept}.wal").exists():
                    Path(f"{kept}.wal").rename(Path(f"{target}.wal"))
            raise
        _fsync_dir(target.parent)
    except (OSError, duckdb.Error) as exc:
        _remove_database_files(building)
        reason = (exc.strerror if isinstance(exc, OSError) and exc.strerror
                  else (str(exc).strip().splitlines() or [""])[0])
        raise BackupError(f"Säkerhetskopian kunde inte läsas tillbaka till {target}: {reason}. "
                          "Databasen är orörd.") from None
    except BaseException:
        _remove_database_files(building)
        raise
    return Restored(target, manifest["schema_version"], version, rows, kept)


def _check_target(target: Path, replace: bool) -> None:
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        return
    try:
        con = duckdb.connect(str(target), config=SAFE_OPEN)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise BackupError(f"Databasen {target} används av en annan process (till exempel "
                              "Lägesbild-servern). Stoppa servern innan du läser tillbaka en "
                              "säkerhetskopia.") from None
        raise BackupError(f"Databasen {target} kunde inte öppnas: {exc}") from None
    except duckdb.Error as exc:
        raise BackupError(f"Filen {target} är ingen Lägesbild-databas; ange en annan fil "
                          f"med LAGESBILD_DB ({exc}).") from None
    try:
        has_tables = con.execute("SELECT count(*) FROM duckdb_tables() "
                                 "WHERE schema_name = 'main'").fetchall()[0][0] > 0
        own_data = has_tables and db.schema_version(con) > 0 and not (
            db.query(con, "database_is_empty")["empty"].iloc[0] or demo.is_demo(con))
    except (duckdb.Error, db.LagesbildError):
        own_data = True   # not a database we understand: never overwritten silently
    finally:
        con.close()
    if own_data and not replace:
        raise BackupError(f"Databasen {target} innehåller redan uppgifter. Läs tillbaka till en "
                          "ny fil (LAGESBILD_DB=...) eller ange --ersatt för att ersätta den; den "
                          "gamla databasen sparas då bredvid.")


def _load(con: duckdb.DuckDBPyConnection, folder: Path, manifest: dict) -> int:
    """The schema at the backup's version, then every table's rows exactly as backed up."""
    db.migrate(con, target=manifest["schema_version"])
    known = set(_table_names(con))
    unknown = sorted(set(manifest["tables"]) - known)
    if unknown:
        raise BackupError(f"Säkerhetskopian har tabeller som schemaversion "
                          f"{manifest['schema_version']} inte har: {', '.join(unknown)}.")
    rows = 0
    con.execute("BEGIN TRANSACTION")
    for table, entry in manifest["tables"].items():
        # The migrations' own rows (the threat catalogue, the schema versions) give way to
        # the backup's.
        con.execute(f'DELETE FROM "{table}"')
        parquet = pq.ParquetFile(folder / entry["file"])
        for batch in parquet.iter_batches(batch_size=ROWS_PER_BATCH):
            con.register("restored_batch", batch)
            con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM restored_batch')
            con.unregister("restored_batch")
            rows += batch.num_rows
        if con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0] != entry["rows"]:
            raise BackupError(f"Tabellen {table} fick inte lika många rader som säkerhetskopian "
                              "anger; den lästes inte tillbaka.")
    for sequence, last_value in manifest.get("sequences", {}).items():
        _advance_sequence(con, sequence, int(last_value))
    con.execute("COMMIT")
    return rows


def _advance_sequence(con: duckdb.DuckDBPyConnection, sequence: str, last_value: int) -> None:
    # DuckDB cannot set a sequence; drawing from it up to the backed-up value puts it there,
    # so a restored change log continues with the next number, as the original would.
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", sequence):
        raise BackupError(f"Säkerhetskopian nämner en okänd sekvens {sequence!r}.")
    current = con.execute("SELECT coalesce(last_value, start_value - 1) FROM duckdb_sequences() "
                          "WHERE sequence_name = ?", [sequence]).fetchall()
    if not current:
        return
    missing = last_value - current[0][0]
    if missing > 0:
        con.execute("SELECT max(nextval(?)) FROM range(?)", [sequence, missing])


def _remove_database_files(path: Path) -> None:
    for leftover in (path, Path(f"{path}.wal")):
        leftover.unlink(missing_ok=True)


# --- Retention -----------------------------------------------------------------------------------

def prune(parent: Path | str, *, keep: int, keep_days: int | None = None,
          now: dt.datetime | None = None) -> list[Path]:
    """Remove the complete backups beyond the newest ``keep`` and, with ``keep_days``, those
    older than that many days (never the newest), and partial folders left by interrupted
    runs. Nothing else in ``parent`` is touched. Returns what was removed."""
    parent = Path(parent)
    now = now or dt.datetime.now()
    backups = complete_backups(parent)
    doomed = backups[:-keep] if keep > 0 else backups[:-1]
    if keep_days:
        oldest_kept = now - dt.timedelta(days=keep_days)
        doomed += [p for p in backups[:-1] if backup_time(p) < oldest_kept and p not in doomed]
    if parent.is_dir():
        doomed += [p for p in parent.iterdir()
                   if p.is_dir() and p.name.startswith(PARTIAL_PREFIX + NAME_PREFIX)
                   and now - dt.datetime.fromtimestamp(p.stat().st_mtime) > PARTIAL_STALE_AFTER]
    for path in doomed:
        shutil.rmtree(path)
    return sorted(doomed)


# --- Nightly settings ----------------------------------------------------------------------------

@dataclass(frozen=True)
class NightlySettings:
    folder: Path
    at: dt.time
    keep: int
    keep_days: int | None


DEFAULT_TIME = dt.time(2, 0)
DEFAULT_KEEP = 14


def nightly_settings(section: Mapping | None) -> NightlySettings | None:
    """The ``[lagesbild.backup]`` settings, or None when no folder is set (no nightly backup)."""
    if not section or not section.get("folder"):
        return None
    where = "[lagesbild.backup] i .streamlit/secrets.toml"
    folder = Path(str(section["folder"])).expanduser()
    if not folder.is_absolute():
        raise BackupError(f"{where}: folder ska vara en absolut sökväg, inte '{folder}'.")
    text = str(section.get("time", DEFAULT_TIME.strftime("%H:%M")))
    try:
        at = dt.time.fromisoformat(text)
    except ValueError:
        raise BackupError(f"{where}: time ska vara en tid som 02:00, inte '{text}'.") from None
    keep = section.get("keep", DEFAULT_KEEP)
    if not isinstance(keep, int) or isinstance(keep, bool) or keep < 1:
        raise BackupError(f"{where}: keep ska vara ett heltal från 1 (antal säkerhetskopior som "
                          f"sparas), inte '{keep}'.")
    keep_days = section.get("keep_days")
    if keep_days is not None and (not isinstance(keep_days, int) or isinstance(keep_days, bool)
                                  or keep_days < 1):
        raise BackupError(f"{where}: keep_days ska vara ett heltal från 1, inte '{keep_days}'.")
    return NightlySettings(folder, at, keep, keep_days)


def next_run(settings: NightlySettings, now: dt.datetime) -> dt.datetime:
    """When the nightly backup runs next: today at the set time if still ahead, else tomorrow;
    at once when the newest backup in the folder is more than a day old (a night the server
    was down)."""
    newest = complete_backups(settings.folder)
    if not newest or now - backup_time(newest[-1]) > dt.timedelta(days=1, hours=1):
        return now
    today = dt.datetime.combine(now.date(), settings.at)
    return today if today > now else today + dt.timedelta(days=1)


class Nightly:
    """The server's own nightly backup: at the set time, a backup into the folder and the
    retention applied. One per server process (started with its connection); a failed run
    is logged and tried again an hour later."""

    RETRY_AFTER = dt.timedelta(hours=1)
    LONGEST_SLEEP_S = 60.0   # wakes this often, so a changed clock (summer time) is noticed

    def __init__(self, con: duckdb.DuckDBPyConnection, settings: NightlySettings,
                 clock: Callable[[], dt.datetime] = dt.datetime.now):
        # Held weakly: the schedule ends with the connection, never keeps it open.
        self._connection = weakref.ref(con)
        self.settings, self.clock = settings, clock
        self._stopped = threading.Event()
        weakref.finalize(con, self._stopped.set)
        self._thread = threading.Thread(target=self._run, name="lagesbild-nightly-backup",
                                        daemon=True)

    def start(self) -> "Nightly":
        self._thread.start()
        LOG.info("Nattlig säkerhetskopia kl. %s till %s (sparar %s).", self.settings.at,
                 self.settings.folder, self.settings.keep)
        return self

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        due = next_run(self.settings, self.clock())
        while not self._stopped.is_set():
            left = (due - self.clock()).total_seconds()
            if left > 0:
                self._stopped.wait(min(left, self.LONGEST_SLEEP_S))
                continue
            try:
                self.run_once()
                due = next_run(self.settings, self.clock())
            except Exception:
                LOG.exception("Den nattliga säkerhetskopian till %s misslyckades",
                              self.settings.folder)
                due = self.clock() + self.RETRY_AFTER

    def run_once(self) -> Path:
        con = self._connection()
        if con is None:
            raise BackupError("Databasen är stängd; ingen säkerhetskopia skrevs.")
        written = write_backup(con, self.settings.folder, now=self.clock())
        del con
        removed = prune(self.settings.folder, keep=self.settings.keep,
                        keep_days=self.settings.keep_days, now=self.clock())
        LOG.info("Säkerhetskopian %s är skriven; %s gamla togs bort.", written, len(removed))
        return written
