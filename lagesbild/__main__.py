"""The command line: python -m lagesbild init|import|export|report|freeze|profiles|backup|restore ...

Exit status 0 on success, 1 when the input or the database refused the command (with the
reasons in Swedish on standard error), 2 when the command itself is malformed.

While a Lägesbild server holds the database, import, export, report, freeze and backup ask
that server to do the database's part (lagesbild.server_link); otherwise they open the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lagesbild import backup, report, server_link
from lagesbild.data import contracts, db, export, ingest
from lagesbild.report import frozen
from lagesbild.data.contracts import MUNICIPALITIES
from lagesbild.i18n import t
from lagesbild.i18n.cli import ARGPARSE

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
    load.add_argument("--profile", metavar="NAMN|FIL", default=None,
                      help="läs filen genom en importprofil (namn eller TOML-fil); utan: en profil "
                           "vars [match]-rubriker alla finns i filen, annars importformatet")
    load.add_argument("--set", action="append", default=[], metavar="KOLUMN=VÄRDE",
                      help="standardvärde för en kolumn utöver profilens, t.ex. --set system_id=Lönesystem")

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

    listing = commands.add_parser("profiles", help="lista importprofilerna (levererade och egna)")
    listing.add_argument("--export", metavar="MAPP", default=None,
                         help="kopiera de egna profilerna till en mapp")

    freeze = commands.add_parser("freeze", help="fastställ ett år: spara siffrorna bakom årets rapport")
    freeze.add_argument("--year", required=True, type=_year, metavar="ÅR", help=t("cli.freeze.year"))
    freeze.add_argument("--note", default="", metavar="TEXT", help="t.ex. direktionens beslut och paragraf")

    copy = commands.add_parser("backup", help="skriv en säkerhetskopia (går medan servern kör)")
    copy.add_argument("--out", required=True, metavar="MAPP",
                      help="mappen där säkerhetskopian läggs, som en egen undermapp")
    copy.add_argument("--keep", type=int, metavar="ANTAL",
                      help="ta sedan bort äldre säkerhetskopior i mappen så att så här många finns kvar")

    back = commands.add_parser("restore", help="läs tillbaka en säkerhetskopia till en ny eller tom databas")
    back.add_argument("folder", metavar="MAPP", help="säkerhetskopians mapp (lagesbild-ÅÅÅÅMMDD-TTMMSS)")
    back.add_argument("--ersatt", action="store_true",
                      help="ersätt en databas som redan har uppgifter (den gamla sparas bredvid)")

    remind = commands.add_parser("remind", help="skicka de påminnelser som är aktuella: inför "
                                 "direktionens möten och nära rapporteringsfrister")
    remind.add_argument("--secrets", default=".streamlit/secrets.toml", metavar="FIL",
                        help="inställningarna ([lagesbild.paminnelser], [lagesbild.smtp])")
    remind.add_argument("--dry-run", action="store_true",
                        help="visa vad som skulle skickas, utan att skicka något")
    return parser


def _init(args) -> int:
    from lagesbild import demo  # only init needs the demo generator

    server = server_link.running_server()
    if server is not None:
        if args.demo:
            raise db.LagesbildError(f"Lägesbild-servern har databasen {db.database_path()} öppen; "
                                    "demodata läses bara in i en tom databas utan server.")
        answer, _ = server.call("hello")
        print(f"Databasen {db.database_path()} är klar (schemaversion {answer['schema_version']}; "
              "Lägesbild-servern har den öppen).")
        return 0
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
    from lagesbild.data import profiles  # only imports through a profile need it

    profile, matched = _import_profile(args, profiles)
    defaults = _settings(args.set)
    server = server_link.running_server()
    if server is not None:
        result = server.import_file(args.kind, _read_input(args.file), file_name=Path(args.file).name,
                                    dry_run=args.dry_run, changed_by=ingest.current_user(),
                                    profile=profile, defaults=defaults)
    else:
        con = server_link.connect_waiting()
        try:
            if profile is None:
                result = ingest.import_file(con, args.kind, args.file, dry_run=args.dry_run)
            else:
                result = profiles.import_with_profile(con, profile, args.file, dry_run=args.dry_run,
                                                      defaults=defaults)
        finally:
            con.close()
    if profile is not None:
        how = "känd på rubrikerna" if matched else "vald"
        print(f"Profil: {profile.name} ({how}).", file=sys.stderr if not result.ok else sys.stdout)
    if not result.ok:
        print(result.summary(), file=sys.stderr)
        return 1
    print(("Provläsning: " if args.dry_run else "") + result.summary())
    return 0


def _import_profile(args, profiles):
    """The profile to read the file with, and whether it was recognised by the headers
    rather than named: none for a file in the import format."""
    if args.profile:
        profile = profiles.find_profile(args.profile)
        try:
            wanted = contracts.kind(args.kind).name
        except KeyError:
            raise db.LagesbildError(f"Okänt dataslag '{args.kind}'. Giltiga: {KIND_HELP}.") from None
        if profile.kind != wanted:
            raise db.LagesbildError(f"Profilen {profile.name} är för dataslaget {profile.kind}, inte {wanted}.")
        return profile, False
    try:
        contracts.kind(args.kind)
        profile = profiles.profile_for_file(args.file, args.kind)
    except (KeyError, db.LagesbildError):
        # Not readable here, or an unknown kind: the importer itself says why.
        profile = None
    if profile is None and args.set:
        raise db.LagesbildError("--set gäller bara import genom en profil, och ingen profil känner igen filen.")
    return profile, profile is not None


def _settings(pairs: list[str]) -> dict[str, str]:
    settings = {}
    for pair in pairs:
        column, sep, value = pair.partition("=")
        if not sep or not column.strip():
            raise db.LagesbildError(f"--set {pair}: skriv KOLUMN=VÄRDE, t.ex. --set system_id=Lönesystem.")
        settings[column.strip()] = value.strip()
    return settings


def _profiles(args) -> int:
    from lagesbild.data import profiles

    if args.export:
        target = Path(args.export)
        own = sorted(profiles.user_profiles_dir().glob("*.toml"))
        try:
            target.mkdir(parents=True, exist_ok=True)
            for path in own:
                shutil.copy2(path, target / path.name)
        except OSError as exc:
            raise db.LagesbildError(f"Mappen {target} kunde inte skrivas: {exc.strerror}.") from None
        print(f"{len(own)} egna profiler kopierade från {profiles.user_profiles_dir()} till {target}.")
        return 0
    for profile in profiles.list_profiles():
        origin = "levererad" if profile.shipped else "egen"
        print(f"{profile.name}\t{profile.kind}\t{origin}\t{profile.path}")
        if profile.match_headers:
            print(f"\tkänns igen på: {', '.join(profile.match_headers)}")
    print(f"Egna profiler sparas i {profiles.user_profiles_dir()}.")
    return 0


def _export(args) -> int:
    try:
        spec = contracts.kind(args.kind)
    except KeyError:
        raise db.LagesbildError(f"Okänt dataslag '{args.kind}'. Giltiga: {KIND_HELP}.") from None
    server = server_link.running_server()
    try:
        if server is not None:
            content, count = server.export(spec.name, args.format)
            Path(args.out).write_bytes(content)
        else:
            con = server_link.connect_waiting(read_only=db.database_path().exists())
            try:
                count = export.export_file(con, spec.name, args.format, args.out)
            finally:
                con.close()
    except OSError as exc:
        raise db.LagesbildError(f"Filen {args.out} kunde inte skrivas: {exc.strerror}.") from None
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
    server = server_link.running_server()
    if server is not None:
        paper = report.yearly_report(server.query, args.year, municipality, args.lang,
                                     public=args.public)
    else:
        con = server_link.connect_waiting(read_only=db.database_path().exists())
        try:
            paper = report.yearly_report(lambda name, **params: db.query(con, name, **params),
                                         args.year, municipality, args.lang, public=args.public)
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
    server = server_link.running_server()
    if server is not None:
        version = server.freeze(args.year, frozen_by=ingest.current_user(), note=args.note)
    else:
        con = server_link.connect_waiting()
        try:
            version = frozen.freeze(con, args.year, frozen_by=ingest.current_user(), note=args.note)
        finally:
            con.close()
    print(f"{args.year} är fastställt (version {version}). Rapporten för {args.year} visar från "
          "och med nu de sparade siffrorna.")
    return 0


def _read_input(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise db.LagesbildError(f"Filen {path} kunde inte läsas: {exc.strerror}.") from None


def _backup(args) -> int:
    if args.keep is not None and args.keep < 1:
        raise db.LagesbildError("--keep ska vara minst 1: den nya säkerhetskopian sparas alltid.")
    out = Path(args.out)
    server = server_link.running_server()
    if server is not None:
        written = server.backup(out)
    else:
        if not db.database_path().exists():
            raise db.DatabaseError(f"Databasen {db.database_path()} finns inte; det finns inget "
                                   "att säkerhetskopiera.")
        con = server_link.connect_waiting(read_only=True)
        try:
            written = backup.write_backup(con, out)
        finally:
            con.close()
    manifest = backup.read_manifest(written)
    rows = sum(entry["rows"] for entry in manifest["tables"].values())
    print(f"Säkerhetskopian är skriven till {written} ({len(manifest['tables'])} tabeller, "
          f"{rows} rader, schemaversion {manifest['schema_version']}).")
    if args.keep is not None:
        removed = backup.prune(out, keep=args.keep)
        if removed:
            noun = "säkerhetskopia" if len(removed) == 1 else "säkerhetskopior"
            print(f"{len(removed)} äldre {noun} togs bort: "
                  + ", ".join(path.name for path in removed) + ".")
    return 0


def _restore(args) -> int:
    target = db.database_path()
    if server_link.running_server(target) is not None:
        raise db.LagesbildError(f"Lägesbild-servern har databasen {target} öppen. Stoppa servern "
                                "innan du läser tillbaka en säkerhetskopia.")
    restored = backup.restore(args.folder, target, replace=args.ersatt)
    upgraded = (f", uppgraderad från schemaversion {restored.backup_version}"
                if restored.backup_version != restored.schema_version else "")
    print(f"Säkerhetskopian {args.folder} är återläst till {restored.path} ({restored.rows} rader, "
          f"schemaversion {restored.schema_version}{upgraded}).")
    if restored.replaced is not None:
        print(f"Den tidigare databasen sparades som {restored.replaced}.")
    return 0



def _remind(args) -> int:
    from pathlib import Path

    from lagesbild import reminders
    from lagesbild.i18n import t

    settings = reminders.load_settings(Path(args.secrets))
    now = dt.datetime.now().replace(microsecond=0)
    server = server_link.running_server()
    if server is not None:
        due = reminders.due(server.query, settings, now)
    else:
        con = (server_link.connect_waiting(read_only=True) if db.database_path().exists()
               else db.connect())
        try:
            due = reminders.due(lambda name, **params: db.query(con, name, **params), settings, now)
        finally:
            con.close()
    sent_path = reminders.sent_file(db.database_path())
    if args.dry_run:
        sent = reminders.already_sent(sent_path)
        due = [reminder for reminder in due if reminder.key not in sent]
        key = "reminders.would_send"
    else:
        due = reminders.send_due(due, settings, sent_path, now)
        key = "reminders.sent"
    for reminder in due:
        print(t(key, to=", ".join(reminder.recipients), subject=reminder.subject))
    if not due:
        print(t("reminders.none_due"))
    return 0


COMMANDS = {"init": _init, "import": _import, "export": _export, "report": _report, "freeze": _freeze,
            "profiles": _profiles, "backup": _backup, "restore": _restore, "remind": _remind}


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
