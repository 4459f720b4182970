"""The command line beside a running server: the command asks the server that holds the file.

DuckDB lets one process hold a database file read-write, and then no other process may open
it, not even to read. The server keeps its connection (its page caches and its speed depend
on it), and listens on a loopback port for the commands of the command line: a named query,
an export, an import, a freeze, a backup. Every write, from a page or from a command, goes
through the server's one connection under one lock, so none can be lost or half-written.

Who may ask: whoever can read ``<database>.server`` beside the database, which holds the port
and a random token and is readable by the server's user only. That is whoever could open the
database file itself, so the link gives no one more than they had.

The server starts the link when it opens the database (the first visit after a start). When
no server holds the file, the commands open it themselves, waiting a bounded time for
another command to finish.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import os
import secrets
import socket
import socketserver
import struct
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from lagesbild import backup
from lagesbild.data import contracts, db, export, ingest, profiles
from lagesbild.report import frozen

LOG = logging.getLogger(__name__)
LINK_SUFFIX = ".server"
FRAME = struct.Struct(">IQ")            # header length, payload length
MAX_HEADER_BYTES = 1 << 20
MAX_PAYLOAD_BYTES = 1 << 30
CONNECT_TIMEOUT_S = 3.0
REQUEST_READ_TIMEOUT_S = 60.0
# A command waits this long for its answer: an import of a large file or a backup at a
# million rows takes seconds, not minutes.
ANSWER_TIMEOUT_S = float(os.environ.get("LAGESBILD_SERVER_TIMEOUT", "600"))
LOCK_WAIT_S = float(os.environ.get("LAGESBILD_LOCK_WAIT", "30"))


def link_path(database: Path | str) -> Path:
    return Path(f"{database}{LINK_SUFFIX}")


# --- Framing -------------------------------------------------------------------------------------

def _send(sock: socket.socket, header: dict, payload: bytes = b"") -> None:
    encoded = json.dumps(header, default=_encode_value).encode("utf-8")
    sock.sendall(FRAME.pack(len(encoded), len(payload)) + encoded)
    if payload:
        sock.sendall(payload)


def _receive(sock: socket.socket) -> tuple[dict, bytes]:
    header_length, payload_length = FRAME.unpack(_read_exactly(sock, FRAME.size))
    if header_length > MAX_HEADER_BYTES or payload_length > MAX_PAYLOAD_BYTES:
        raise ConnectionError("frame too large")
    header = json.loads(_read_exactly(sock, header_length), object_hook=_decode_value)
    return header, _read_exactly(sock, payload_length)


def _read_exactly(sock: socket.socket, count: int) -> bytes:
    chunks, left = [], count
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise ConnectionError("connection closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _encode_value(value):
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot send {type(value).__name__}")


def _decode_value(obj: dict):
    if obj.keys() == {"$datetime"}:
        return dt.datetime.fromisoformat(obj["$datetime"])
    if obj.keys() == {"$date"}:
        return dt.date.fromisoformat(obj["$date"])
    return obj


def _arrow_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


# --- The server side -----------------------------------------------------------------------------

class Link:
    """The listening side, in the process that holds the database.

    It holds the connection weakly and stops when the connection goes: the link never keeps
    a database open that its owner has let go of (a cache cleared, a server exiting)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, database: Path, write_lock: threading.Lock):
        self._connection = weakref.ref(con)
        self.database, self.write_lock = database, write_lock
        self.token = secrets.token_hex(32)
        self.path = link_path(database)
        link = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                link._handle(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        # A short poll interval: stop() waits for the loop, and runs when a connection goes.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.1,),
                                        name="lagesbild-link", daemon=True)

    def start(self) -> "Link":
        self._thread.start()
        self._write_link_file()
        connection = self._connection()
        if connection is not None:
            weakref.finalize(connection, self.stop)   # also runs when the interpreter exits
        LOG.info("Kommandoraden når servern via %s (port %s).", self.path, self.port)
        return self

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        connection = self._connection()
        if connection is None:
            raise db.LagesbildError("Servern håller på att stänga databasen; försök igen om en stund.")
        return connection

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        try:
            if json.loads(self.path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                self.path.unlink()
        except (OSError, ValueError):
            pass

    def _write_link_file(self) -> None:
        content = json.dumps({"pid": os.getpid(), "port": self.port, "token": self.token,
                              "database": str(self.database.resolve())})
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        # Created readable by this user only: the token is what lets a command in.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(content)
        os.replace(temporary, self.path)

    def _handle(self, sock: socket.socket) -> None:
        try:
            sock.settimeout(REQUEST_READ_TIMEOUT_S)
            request, payload = _receive(sock)
            if not hmac.compare_digest(str(request.get("token", "")), self.token):
                _send(sock, {"ok": False, "error": "Fel nyckel: kommandot får inte tala med servern."})
                return
            sock.settimeout(None)
            try:
                answer, body = self._answer(request.get("op"), request.get("args") or {}, payload)
                answer["ok"] = True
            except db.LagesbildError as exc:
                answer, body = {"ok": False, "error": str(exc)}, b""
            except Exception as exc:  # the command shows a sentence; the server log keeps the rest
                LOG.exception("Kommandot %s misslyckades i servern", request.get("op"))
                answer = {"ok": False, "error": f"Oväntat fel i servern ({type(exc).__name__}): {exc}"}
                body = b""
            _send(sock, answer, body)
        except (OSError, ConnectionError, ValueError) as exc:
            LOG.warning("Ett anrop från kommandoraden avbröts: %s", exc)

    def _answer(self, op: str, args: dict, payload: bytes) -> tuple[dict, bytes]:
        if op == "hello":
            with closing(self.con.cursor()) as cur:
                return {"schema_version": db.schema_version(cur), "database": str(self.database)}, b""
        if op == "query":
            return {}, self._query(args["name"], args.get("params") or {})
        if op == "export":
            with closing(self.con.cursor()) as cur:
                spec = contracts.kind(args["kind"])
                content = export.export_bytes(cur, spec.name, args["format"])
                count = cur.execute(f"SELECT count(*) FROM {spec.table}").fetchall()[0][0]
            return {"rows": count}, content
        if op == "import":
            with self._writing() as cur:
                if args.get("profile"):
                    # The command's own profile (as TOML), which may be a file only it can read.
                    result = profiles.import_with_profile(
                        cur, profiles.load_profile(args["profile"]), payload, file_name=args["file_name"],
                        dry_run=bool(args.get("dry_run")), changed_by=args.get("changed_by"),
                        defaults=args.get("defaults") or None)
                else:
                    result = ingest.import_file(cur, args["kind"], payload, file_name=args["file_name"],
                                                dry_run=bool(args.get("dry_run")),
                                                changed_by=args.get("changed_by"))
            return {"result_ok": result.ok, "summary": result.summary()}, b""
        if op == "freeze":
            with self._writing() as cur:
                version = frozen.freeze(cur, int(args["year"]), frozen_by=args["frozen_by"],
                                        note=args.get("note") or "")
            return {"version": version}, b""
        if op == "backup":
            # A snapshot read: it needs no write lock, and writes carry on while it runs.
            return {"path": str(backup.write_backup(self.con, Path(args["out"])))}, b""
        raise db.LagesbildError(f"Servern känner inte till kommandot {op!r}; är servern och "
                                "kommandoraden samma version av Lägesbild?")

    def _query(self, name: str, params: dict) -> bytes:
        try:
            sql, used = db.statement(name, **params)
        except (ValueError, TypeError, OSError):
            raise db.LagesbildError(f"Servern har ingen fråga {name!r} med de parametrarna; är "
                                    "servern och kommandoraden samma version av Lägesbild?") from None
        with closing(self.con.cursor()) as cur:
            # Only reading queries: the writes have their own operations, under the lock.
            if any(statement.type != duckdb.StatementType.SELECT
                   for statement in cur.extract_statements(sql)):
                raise db.LagesbildError(f"Frågan {name} är ingen läsande fråga.")
            return _arrow_bytes(cur.sql(sql, params=used).to_arrow_table())

    @contextmanager
    def _writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor under the server's write lock. The pages see the change by themselves:
        their caches are keyed by the data version, which every write raises."""
        with self.write_lock, closing(self.con.cursor()) as cur:
            yield cur


# --- The command side ----------------------------------------------------------------------------

@dataclass(frozen=True)
class RemoteImport:
    """An import's outcome as the server reported it."""

    ok: bool
    text: str

    def summary(self) -> str:
        return self.text


class Server:
    """A running server that holds the database, as the command line reaches it."""

    def __init__(self, port: int, token: str, database: Path):
        self.port, self.token, self.database = port, token, database

    def call(self, op: str, args: dict | None = None, payload: bytes = b"") -> tuple[dict, bytes]:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=CONNECT_TIMEOUT_S) as sock:
                sock.settimeout(ANSWER_TIMEOUT_S)
                _send(sock, {"token": self.token, "op": op, "args": args or {}}, payload)
                answer, body = _receive(sock)
        except (OSError, ConnectionError, ValueError) as exc:
            raise db.LagesbildError(
                f"Lägesbild-servern som har databasen {self.database} öppen svarade inte på "
                f"kommandot ({exc}). Inget ändrades av kommandot om servern inte bekräftade det; "
                "kontrollera serverns logg och försök igen.") from None
        if not answer.get("ok"):
            raise db.LagesbildError(answer.get("error") or "Servern avböjde kommandot.")
        return answer, body

    def query(self, name: str, **params) -> pd.DataFrame:
        _, body = self.call("query", {"name": name, "params": params})
        table = pa.ipc.open_stream(body).read_all()
        # Converted by DuckDB, as db.query converts: the same column types on both paths.
        return duckdb.connect().from_arrow(table).df()

    def export(self, kind: str, fmt: str) -> tuple[bytes, int]:
        answer, body = self.call("export", {"kind": kind, "format": fmt})
        return body, answer["rows"]

    def import_file(self, kind: str, data: bytes, *, file_name: str, dry_run: bool,
                    changed_by: str, profile: "profiles.Profile | None" = None,
                    defaults: dict[str, str] | None = None) -> RemoteImport:
        args = {"kind": kind, "file_name": file_name, "dry_run": dry_run, "changed_by": changed_by}
        if profile is not None:
            args.update(profile=profiles.to_toml(profile), defaults=defaults or {})
        answer, _ = self.call("import", args, data)
        return RemoteImport(answer["result_ok"], answer["summary"])

    def freeze(self, year: int, *, frozen_by: str, note: str) -> int:
        answer, _ = self.call("freeze", {"year": year, "frozen_by": frozen_by, "note": note})
        return answer["version"]

    def backup(self, out: Path) -> Path:
        answer, _ = self.call("backup", {"out": str(out.resolve())})
        return Path(answer["path"])


def running_server(database: Path | str | None = None) -> Server | None:
    """The server holding ``database`` (default: LAGESBILD_DB), or None when none answers.

    A link file left by a server that was killed names a port nobody answers on, or someone
    else who does not know the token: either way, None."""
    database = Path(database) if database is not None else db.database_path()
    try:
        link = json.loads(link_path(database).read_text(encoding="utf-8"))
        server = Server(int(link["port"]), str(link["token"]), database)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        server.call("hello")
    except db.LagesbildError:
        return None
    return server


def connect_waiting(path: Path | str | None = None, *, read_only: bool = False,
                    wait_s: float = LOCK_WAIT_S) -> duckdb.DuckDBPyConnection:
    """db.connect, waiting up to ``wait_s`` while another process holds the file briefly
    (another command, or a server closing it)."""
    deadline = time.monotonic() + wait_s
    delay = 0.05
    while True:
        try:
            return db.connect(path, read_only=read_only)
        except db.DatabaseLocked as exc:
            if time.monotonic() + delay > deadline:
                raise db.DatabaseLocked(
                    f"{exc} Väntade {wait_s:.0f} s utan att den blev ledig.") from None
        time.sleep(delay)
        delay = min(delay * 2, 0.5)
