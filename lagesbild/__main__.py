"""The command line: python -m lagesbild init|import|export ...

Exit status 0 on success, 1 when the input or the database refused the command (with the
reasons in Swedish on standard error), 2 when the command itself is malformed.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from . import contracts, db, demo, export, ingest

KIND_HELP = ", ".join(contracts.KINDS)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lagesbild",
        description="Lägesbild: informations- och it-säkerhetens läge för förbundsdirektionen. "
                    "Databasen är data/lagesbild.duckdb om inte LAGESBILD_DB anger en annan fil.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")

    init = commands.add_parser("init", help="skapa databasen (eller uppgradera dess schema)")
    init.add_argument("--demo", action="store_true", help="läs in demodata från data/demo")

    load = commands.add_parser("import", help="validera och läs in en CSV- eller XLSX-fil")
    load.add_argument("kind", metavar="SLAG", help=f"dataslag: {KIND_HELP}")
    load.add_argument("file", metavar="FIL")
    load.add_argument("--dry-run", action="store_true",
                      help="validera och visa vad som skulle ändras, utan att skriva något")

    out = commands.add_parser("export", help="exportera ett dataslag till CSV eller XLSX")
    out.add_argument("kind", metavar="SLAG", help=f"dataslag: {KIND_HELP}")
    out.add_argument("--format", required=True, choices=export.FORMATS)
    out.add_argument("--out", required=True, metavar="FIL")
    return parser


def _init(args) -> int:
    con = db.connect()
    try:
        if args.demo:
            if _has_data(con) and not demo.is_demo(con):
                raise db.LagesbildError(
                    f"Databasen {db.database_path()} innehåller redan egna uppgifter; demodata läses "
                    "bara in i en tom databas. Ange en annan fil med LAGESBILD_DB.")
            demo.load_demo(con)
            print(f"Databasen {db.database_path()} är skapad med demodata.")
        else:
            print(f"Databasen {db.database_path()} är klar (schemaversion {db.schema_version(con)}).")
    finally:
        con.close()
    return 0


def _has_data(con) -> bool:
    return any(con.execute(f"SELECT count(*) FROM {k.table}").fetchall()[0][0]
               for k in contracts.KINDS.values())


def _import(args) -> int:
    con = db.connect()
    try:
        result = ingest.import_file(con, args.kind, args.file, dry_run=args.dry_run)
    finally:
        con.close()
    if not result.ok:
        print(result.summary(), file=sys.stderr)
        return 1
    print(("Provläsning: " if args.dry_run else "") + result.summary())
    return 0


def _export(args) -> int:
    try:
        spec = contracts.kind(args.kind)
    except KeyError:
        raise db.LagesbildError(f"Okänt dataslag '{args.kind}'. Giltiga: {KIND_HELP}.") from None
    con = db.connect(read_only=db.database_path().exists())
    try:
        count = export.export_file(con, spec.name, args.format, args.out)
    except OSError as exc:
        raise db.LagesbildError(f"Filen {args.out} kunde inte skrivas: {exc.strerror}.") from None
    finally:
        con.close()
    print(f"{count} rader ur {spec.label_sv.lower()} exporterade till {args.out}.")
    return 0


COMMANDS = {"init": _init, "import": _import, "export": _export}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except db.LagesbildError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 1
    except Exception as exc:  # a user gets a sentence, a developer can ask for the traceback
        if os.environ.get("LAGESBILD_DEBUG"):
            traceback.print_exc()
        print(f"Oväntat fel ({type(exc).__name__}): {exc}. Kör med LAGESBILD_DEBUG=1 för detaljer.",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
