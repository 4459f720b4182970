"""The command line: python -m lagesbild init|import|export|report|freeze ...

Exit status 0 on success, 1 when the input or the database refused the command (with the
reasons in Swedish on standard error), 2 when the command itself is malformed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from . import contracts, db, export, frozen, ingest, report
from .contracts import MUNICIPALITIES
from .i18n import t
from .i18n.cli import ARGPARSE

KIND_HELP = ", ".join(contracts.KINDS)


@contextmanager
def _argparse_in_swedish() -> Iterator[None]:
    """argparse's own words (usage, the help option, its errors) in Swedish while the command
    line is built and read. argparse looks them up through its module's gettext functions,
    and ships no Swedish catalogue."""
    english_gettext, english_ngettext = argparse._, argparse.ngettext
    argparse._ = lambda message: ARGPARSE.get(message, (message,))[0]
    argparse.ngettext = lambda one, other, count: argparse._(one if count == 1 else other)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = english_gettext, english_ngettext


def _year(raw: str) -> int:
    """A year as the command line takes it: four ASCII digits."""
    text = raw.strip()
    if len(text) != 4 or not text.isascii() or not text.isdigit():
        raise argparse.ArgumentTypeError(t("cli.year.invalid", value=repr(raw)))
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m lagesbild",
        description="Lägesbild: informations- och it-säkerhetens läge för förbundsdirektionen. "
                    "Databasen är data/lagesbild.duckdb om inte LAGESBILD_DB anger en annan fil.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO",
                                     help=t("cli.command"))

    init = commands.add_parser("init", help="skapa databasen (eller uppgradera dess schema)")
    init.add_argument("--demo", action="store_true", help="läs in demodata från data/demo")

    load = commands.add_parser("import", help="validera och läs in en CSV- eller XLSX-fil")
    load.add_argument("kind", metavar="SLAG", help=f"dataslag: {KIND_HELP}")
    load.add_argument("file", metavar="FIL", help=t("cli.import.file"))
    load.add_argument("--dry-run", action="store_true",
                      help="validera och visa vad som skulle ändras, utan att skriva något")

    out = commands.add_parser("export", help="exportera ett dataslag till CSV eller XLSX")
    out.add_argument("kind", metavar="SLAG", help=f"dataslag: {KIND_HELP}")
    out.add_argument("--format", required=True, choices=export.FORMATS, help=t("cli.export.format"))
    out.add_argument("--out", required=True, metavar="FIL", help=t("cli.export.out"))

    paper = commands.add_parser("report", help="skriv årsrapporten till förbundsdirektionen")
    paper.add_argument("--year", required=True, type=_year, metavar="ÅR", help=t("cli.report.year"))
    paper.add_argument("--format", required=True, choices=report.FORMATS, help=t("cli.report.format"))
    paper.add_argument("--out", required=True, metavar="FIL", help=t("cli.report.out"))
    paper.add_argument("--public", action="store_true",
                       help="offentlig version: bara sammanställda uppgifter, inga enskilda "
                            "incidenter, risker eller sårbara system")
    paper.add_argument("--lang", choices=("sv", "en"), default="sv", help="språk (sv eller en)")
    paper.add_argument("--kommun", metavar="KOMMUN", default=None,
                       help="bara en kommun (" + ", ".join(MUNICIPALITIES.values) + "); utan: hela förbundet")

    freeze = commands.add_parser("freeze", help="fastställ ett år: spara siffrorna bakom årets rapport")
    freeze.add_argument("--year", required=True, type=_year, metavar="ÅR", help=t("cli.freeze.year"))
    freeze.add_argument("--note", default="", metavar="TEXT", help="t.ex. direktionens beslut och paragraf")
    return parser


def _init(args) -> int:
    from . import demo  # only init needs the demo generator

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
    # The schema's own defaults (the threat catalogue) are not data: database_is_empty decides.
    return not db.query(con, "database_is_empty")["empty"].iloc[0]


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


def _check_year(year: int) -> None:
    this_year = dt.date.today().year
    if not 2000 <= year <= this_year:
        raise db.LagesbildError(f"Året {year} går inte att rapportera: ange ett år mellan 2000 och "
                                f"{this_year}.")


def _report(args) -> int:
    _check_year(args.year)
    municipality = None
    if args.kommun is not None:
        municipality = MUNICIPALITIES.spellings().get(args.kommun.strip().lower())
        if municipality is None:
            raise db.LagesbildError(f"Okänd kommun '{args.kommun}'. Giltiga: "
                                    f"{', '.join(MUNICIPALITIES.values)}.")
    con = db.connect(read_only=db.database_path().exists())
    try:
        paper = report.yearly_report(lambda name, **params: db.query(con, name, **params), args.year,
                                     municipality, args.lang, public=args.public)
    finally:
        con.close()
    content = report.render(paper, args.format)
    try:
        with open(args.out, "wb") as file:
            file.write(content)
    except OSError as exc:
        raise db.LagesbildError(f"Filen {args.out} kunde inte skrivas: {exc.strerror}.") from None
    variant = "offentlig version" if args.public else "intern version"
    print(f"Rapporten för {args.year} ({variant}; {paper.date_line.lower()}) är skriven till {args.out}.")
    return 0


def _freeze(args) -> int:
    _check_year(args.year)
    con = db.connect()
    try:
        version = frozen.freeze(con, args.year, frozen_by=ingest.current_user(), note=args.note)
    finally:
        con.close()
    print(f"{args.year} är fastställt (version {version}). Rapporten för {args.year} visar från "
          "och med nu de sparade siffrorna.")
    return 0


COMMANDS = {"init": _init, "import": _import, "export": _export, "report": _report, "freeze": _freeze}


def main(argv: list[str] | None = None) -> int:
    with _argparse_in_swedish():
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
