"""Reminders by e-mail: before each board meeting, the overview's "Att uppmärksamma" as an
internal summary to the chair and the IT manager; and when a significant incident's or a
personal data breach's reporting deadline is near and nothing has been reported.

``python -m lagesbild remind`` sends what is due; a timer runs it (deploy/lagesbild-remind.*).
The settings are in ``.streamlit/secrets.toml`` (``[lagesbild.paminnelser]`` and
``[lagesbild.smtp]``); what was sent is kept in a small JSON file beside the database, so a
second run sends nothing twice. Nothing here imports Streamlit.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import smtplib
import ssl
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

import pandas as pd

from lagesbild.areas import attention
from lagesbild.access import normalize_email
from lagesbild.data.contracts import MUNICIPALITIES
from lagesbild.data.db import LagesbildError
from lagesbild.i18n import LANGUAGES, label, plural, t
from lagesbild.areas.sections import Fetch

SETTINGS_SECTION = "paminnelser"        # [lagesbild.paminnelser]
SMTP_SECTION = "smtp"                   # [lagesbild.smtp]
DEFAULT_DAYS_BEFORE_MEETING = 7
DEFAULT_HOURS_BEFORE_DEADLINE = 12
SMTP_TIMEOUT_S = 30
ENCRYPTIONS = ("starttls", "ssl", "ingen")


class ReminderConfigError(LagesbildError):
    """The reminder settings are malformed: the message names the key and what is wrong."""

    def __init__(self, text_key: str, **values):
        super().__init__(t(text_key, **values))


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    encryption: str             # starttls, ssl or ingen (loopback relays only)
    user: str | None
    password: str | None


@dataclass(frozen=True)
class Settings:
    meetings: tuple[dt.date, ...]
    days_before_meeting: int
    meeting_recipients: tuple[str, ...]     # the chair and the IT manager
    deadline_recipients: tuple[str, ...]
    hours_before_deadline: int
    sender: str
    smtp: Smtp
    app_url: str                            # "" when not given: the mail names pages only
    lang: str


@dataclass(frozen=True)
class Reminder:
    key: str                    # what was reminded of, kept in the sent file: "mote:2027-02-12"
    recipients: tuple[str, ...]
    subject: str
    body: str


# --- Settings ----------------------------------------------------------------------------------

def _addresses(raw: object, key: str) -> tuple[str, ...]:
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not values:
        raise ReminderConfigError("reminders.config.addresses", setting=key)
    addresses = []
    for value in values:
        email = normalize_email(value) if isinstance(value, str) else None
        if email is None:
            raise ReminderConfigError("reminders.config.bad_email", setting=key, value=str(value))
        addresses.append(email)
    return tuple(addresses)


def _whole(raw: object, key: str, default: int, low: int, high: int) -> int:
    if raw is None:
        return default
    if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
        raise ReminderConfigError("reminders.config.number", setting=key, value=str(raw), low=low,
                                  high=high)
    return raw


def _meetings(raw: object) -> tuple[dt.date, ...]:
    key = "motesdagar"
    if not isinstance(raw, list):
        raise ReminderConfigError("reminders.config.meetings", setting=key)
    dates = []
    for value in raw:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            dates.append(value)
            continue
        try:
            dates.append(dt.date.fromisoformat(str(value)))
        except ValueError:
            raise ReminderConfigError("reminders.config.bad_date", setting=key, value=str(value)) from None
    return tuple(sorted(dates))


def _smtp(raw: Mapping) -> Smtp:
    prefix = f"[lagesbild.{SMTP_SECTION}]"
    host = raw.get("server")
    if not isinstance(host, str) or not host.strip():
        raise ReminderConfigError("reminders.config.missing", setting=f"{prefix} server")
    encryption = raw.get("kryptering", "starttls")
    if encryption not in ENCRYPTIONS:
        raise ReminderConfigError("reminders.config.encryption", setting=f"{prefix} kryptering",
                                  value=str(encryption), known=", ".join(ENCRYPTIONS))
    port = _whole(raw.get("port"), f"{prefix} port", 465 if encryption == "ssl" else 587, 1, 65535)
    user, password = raw.get("anvandare"), raw.get("losenord")
    return Smtp(host.strip(), port, encryption, str(user) if user else None,
                str(password) if password else None)


def parse_settings(secrets: Mapping) -> Settings | None:
    """The reminder settings in a parsed secrets.toml; None when it has no
    ``[lagesbild.paminnelser]``. Raises ReminderConfigError naming what is wrong."""
    section = (secrets.get("lagesbild") or {})
    raw = section.get(SETTINGS_SECTION)
    if raw is None:
        return None
    prefix = f"[lagesbild.{SETTINGS_SECTION}]"
    recipients = _addresses(raw.get("mottagare"), f"{prefix} mottagare")
    deadline_recipients = (_addresses(raw["incidentmottagare"], f"{prefix} incidentmottagare")
                           if "incidentmottagare" in raw else recipients)
    sender = raw.get("avsandare")
    if sender is None or normalize_email(str(sender)) is None:
        raise ReminderConfigError("reminders.config.bad_email", setting=f"{prefix} avsandare",
                                  value=str(sender))
    lang = raw.get("sprak", "sv")
    if lang not in LANGUAGES:
        raise ReminderConfigError("reminders.config.language", setting=f"{prefix} sprak", value=str(lang))
    return Settings(
        meetings=_meetings(raw.get("motesdagar")),
        days_before_meeting=_whole(raw.get("dagar_fore_mote"), f"{prefix} dagar_fore_mote",
                                   DEFAULT_DAYS_BEFORE_MEETING, 0, 60),
        meeting_recipients=recipients,
        deadline_recipients=deadline_recipients,
        hours_before_deadline=_whole(raw.get("timmar_fore_frist"), f"{prefix} timmar_fore_frist",
                                     DEFAULT_HOURS_BEFORE_DEADLINE, 1, 72),
        sender=str(sender).strip(),
        smtp=_smtp(section.get(SMTP_SECTION) or {}),
        app_url=str(raw.get("adress", "")).rstrip("/"),
        lang=lang,
    )


def load_settings(path: Path) -> Settings:
    """The reminder settings in the secrets file at ``path``."""
    try:
        secrets = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReminderConfigError("reminders.config.no_file", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReminderConfigError("reminders.config.unreadable", path=str(path), reason=str(exc)) from None
    settings = parse_settings(secrets)
    if settings is None:
        raise ReminderConfigError("reminders.config.no_section", path=str(path))
    return settings


# --- What is due ---------------------------------------------------------------------------------

def long_date(day: dt.date, lang: str) -> str:
    """12 februari 2027 / 12 February 2027."""
    return f"{day.day} {t(f'month.{day.month}', lang)} {day.year}"


def _time(moment: dt.datetime, lang: str) -> str:
    return t("reminders.time", lang, date=long_date(moment.date(), lang),
             clock=moment.strftime("%H:%M"))


def meeting_year(meeting: dt.date) -> int:
    """The year the summary is about: the overview's default, the last complete year."""
    return meeting.year - 1


def meeting_reminders(fetch: Fetch, settings: Settings, today: dt.date) -> list[Reminder]:
    """A summary for each meeting at most ``days_before_meeting`` days ahead (today included)."""
    lang = settings.lang
    reminders = []
    for meeting in settings.meetings:
        if not 0 <= (meeting - today).days <= settings.days_before_meeting:
            continue
        year = meeting_year(meeting)
        found = attention.build(fetch, year, None, lang)
        lines = [t("reminders.meeting.intro", lang, date=long_date(meeting, lang), year=year), ""]
        if found.findings:
            lines += [found.headline, ""]
            for finding in found.findings:
                where = finding.link_label
                if settings.app_url:
                    where += f": {settings.app_url}/{finding.page}?ar={year}"
                lines += [f"- {t(f'status.{finding.status.value}', lang)}: {finding.sentence}",
                          f"  {t('reminders.meeting.see', lang, where=where)}"]
        else:
            lines.append(found.nothing_message)
        lines += ["", t("reminders.meeting.internal", lang)]
        reminders.append(Reminder(
            key=f"mote:{meeting.isoformat()}", recipients=settings.meeting_recipients,
            subject=t("reminders.meeting.subject", lang, date=long_date(meeting, lang)),
            body="\n".join(lines) + "\n"))
    return reminders


def near_deadlines(fetch: Fetch, now: dt.datetime, hours: int) -> pd.DataFrame:
    """Unreported significant incidents and personal data breaches whose deadline
    (incidents_reporting.deadline_hours after reported_at) falls within the next ``hours``."""
    # An incident reported up to 72 hours ago may be of last year.
    years = sorted({now.year, (now - dt.timedelta(hours=72)).year})
    rows = pd.concat([fetch("incidents_reporting", year=year, municipality=None) for year in years],
                     ignore_index=True)
    if rows.empty:
        return rows
    deadline = rows["reported_at"] + pd.to_timedelta(rows["deadline_hours"], unit="h")
    near = (rows["reported_to_authority_at"].isna() & (deadline > now)
            & (deadline <= now + dt.timedelta(hours=hours)))
    return rows[near].assign(deadline=deadline[near]).sort_values("deadline", kind="stable")


def deadline_reminders(fetch: Fetch, settings: Settings, now: dt.datetime) -> list[Reminder]:
    lang = settings.lang
    reminders = []
    for row in near_deadlines(fetch, now, settings.hours_before_deadline).itertuples():
        deadline = row.deadline.to_pydatetime()
        what = "significant" if row.significant else "breach"
        left = max(1, int((deadline - now).total_seconds() // 3600))
        lines = [
            t(f"reminders.deadline.{what}", lang, incident=f"{row.incident_id} {row.title}",
              municipality=label(MUNICIPALITIES, row.municipality, lang),
              reported=_time(row.reported_at.to_pydatetime(), lang),
              deadline=_time(deadline, lang), hours=int(row.deadline_hours)),
        ]
        if row.significant and row.personal_data_breach:
            lines.append(t("reminders.deadline.also_breach", lang))
        lines += ["", t("reminders.deadline.none_yet", lang)]
        reminders.append(Reminder(
            key=f"frist:{row.incident_id}", recipients=settings.deadline_recipients,
            subject=plural("reminders.deadline.subject", left, lang, incident=row.incident_id,
                           hours=left),
            body="\n".join(lines) + "\n"))
    return reminders


def due(fetch: Fetch, settings: Settings, now: dt.datetime) -> list[Reminder]:
    return deadline_reminders(fetch, settings, now) + meeting_reminders(fetch, settings, now.date())


# --- What was sent, and sending ------------------------------------------------------------------

def sent_file(database: Path) -> Path:
    """Where the keys of the reminders already sent are kept: beside the database."""
    return database.with_name(database.stem + ".paminnelser.json")


def already_sent(path: Path) -> dict[str, str]:
    try:
        sent = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (ValueError, UnicodeDecodeError):
        raise LagesbildError(t("reminders.sent_unreadable", path=str(path))) from None
    return sent if isinstance(sent, dict) else {}


def _record(path: Path, sent: dict[str, str]) -> None:
    # Written whole to a new file, then renamed: a stopped run leaves the old file or the new.
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(json.dumps(sent, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(partial, path)


def message(reminder: Reminder, sender: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = ", ".join(reminder.recipients)
    mail["Subject"] = reminder.subject
    mail["Date"] = formatdate(localtime=True)
    mail["Message-ID"] = make_msgid(domain=sender.split("@")[-1])
    mail.set_content(reminder.body)
    return mail


def _connect(smtp: Smtp) -> smtplib.SMTP:
    if smtp.encryption == "ssl":
        return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=SMTP_TIMEOUT_S,
                                context=ssl.create_default_context())
    connection = smtplib.SMTP(smtp.host, smtp.port, timeout=SMTP_TIMEOUT_S)
    if smtp.encryption == "starttls":
        connection.starttls(context=ssl.create_default_context())
    return connection


def send_due(reminders: list[Reminder], settings: Settings, sent_path: Path,
             now: dt.datetime) -> list[Reminder]:
    """Send the reminders not sent before, recording each as soon as the server took it;
    the ones sent now."""
    sent = already_sent(sent_path)
    pending = [reminder for reminder in reminders if reminder.key not in sent]
    if not pending:
        return []
    try:
        with _connect(settings.smtp) as connection:
            if settings.smtp.user:
                connection.login(settings.smtp.user, settings.smtp.password or "")
            for reminder in pending:
                connection.send_message(message(reminder, settings.sender))
                sent[reminder.key] = now.isoformat(timespec="seconds")
                _record(sent_path, sent)
    except (OSError, smtplib.SMTPException) as exc:
        raise LagesbildError(t("reminders.smtp_failed", host=settings.smtp.host,
                               port=settings.smtp.port, reason=str(exc) or type(exc).__name__)) from None
    return pending
