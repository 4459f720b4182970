"""Reminders by e-mail, sent by `python -m lagesbild remind` to a local SMTP server (aiosmtpd)
started by the test: before a board meeting the overview's findings, near a reporting
deadline the incident; nothing when nothing is due, nothing twice."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import os
import subprocess
import sys
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from services import free_port

from lagesbild.areas import attention
from lagesbild.data import db
from lagesbild import reminders
from lagesbild.i18n import t

ROOT = Path(__file__).resolve().parent.parent
CHAIR, IT_MANAGER, SENDER = "ordforande@koping.se", "it-chef@vmkf.se", "lagesbild@vmkf.se"


class Inbox:
    """aiosmtpd's handler: keeps every message the server takes."""

    def __init__(self):
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), parsed))
        return "250 OK"


@pytest.fixture
def inbox():
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), ready_timeout=10)
    controller.start()
    yield handler, controller.port
    controller.stop()


def write_settings(path: Path, port: int, meetings: list[dt.date], **extra) -> Path:
    lines = [
        "[lagesbild.paminnelser]",
        f"motesdagar = [{', '.join(repr(day.isoformat()) for day in meetings)}]",
        f'mottagare = ["{CHAIR}", "{IT_MANAGER}"]',
        f'incidentmottagare = ["{IT_MANAGER}"]',
        f'avsandare = "{SENDER}"',
        'adress = "https://lagesbild.vmkf.se"',
        *(f"{key} = {value!r}" for key, value in extra.items()),
        "[lagesbild.smtp]",
        'server = "127.0.0.1"',
        f"port = {port}",
        'kryptering = "ingen"',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def remind(database: Path, secrets: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LAGESBILD_DB": str(database)}
    return subprocess.run([sys.executable, "-m", "lagesbild", "remind", "--secrets", str(secrets),
                           *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def body(message: email.message.EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def add_incident(database: Path, incident_id: str, reported_at: dt.datetime, *, significant: bool,
                 breach: bool, reported_to_authority_at: dt.datetime | None = None) -> None:
    con = db.connect(database)
    try:
        con.execute(
            "INSERT INTO incidents (incident_id, title, reported_at, municipality, category, cause, "
            "severity, personal_data_breach, significant, reported_to_authority_at) "
            "VALUES (?, 'Utpressningsvirus på filservern', ?, 'Köping', 'Skadlig kod', 'Angrepp', "
            "4, ?, ?, ?)",
            [incident_id, reported_at, breach, significant, reported_to_authority_at])
    finally:
        con.close()


def test_before_a_meeting_the_chair_and_it_manager_get_the_findings(inbox, demo_copy, tmp_path):
    handler, port = inbox
    meeting = dt.date.today() + dt.timedelta(days=3)
    secrets = write_settings(tmp_path / "secrets.toml", port, [meeting])

    result = remind(demo_copy, secrets)
    assert result.returncode == 0, result.stderr
    assert len(handler.messages) == 1
    recipients, message = handler.messages[0]
    assert recipients == [CHAIR, IT_MANAGER]
    assert message["From"] == SENDER
    month = t(f"month.{meeting.month}")
    assert message["Subject"] == (f"Lägesbild: att uppmärksamma inför direktionens möte "
                                  f"{meeting.day} {month} {meeting.year}")
    text = body(message)
    # The overview's own list for the year before the meeting, every finding, in order.
    con = db.connect(demo_copy, read_only=True)
    try:
        expected = attention.build(lambda name, **params: db.query(con, name, **params),
                                   meeting.year - 1, None, "sv")
    finally:
        con.close()
    assert expected.findings, "the demo data has findings to send"
    assert expected.headline in text
    positions = [text.index(finding.sentence) for finding in expected.findings]
    assert positions == sorted(positions)
    for finding in expected.findings:
        assert (f"https://lagesbild.vmkf.se/{finding.page}?ar={meeting.year - 1}") in text
    assert "Åtgärda: " in text and "ordföranden och it-chefen" in text
    assert f"{CHAIR}, {IT_MANAGER}" in result.stdout

    # A second run the same day sends nothing again.
    again = remind(demo_copy, secrets)
    assert again.returncode == 0, again.stderr
    assert len(handler.messages) == 1
    assert again.stdout.strip() == t("reminders.none_due")


def test_nothing_is_sent_when_nothing_is_due(inbox, demo_copy, tmp_path):
    handler, port = inbox
    today = dt.date.today()
    # One meeting too far ahead, one already held: no summary.
    secrets = write_settings(tmp_path / "secrets.toml", port,
                             [today + dt.timedelta(days=8), today - dt.timedelta(days=1)])
    result = remind(demo_copy, secrets)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == t("reminders.none_due")
    assert handler.messages == []
    assert not reminders.sent_file(demo_copy).exists()


def test_a_near_reporting_deadline_is_sent_once_to_the_it_manager(inbox, demo_copy, tmp_path):
    handler, port = inbox
    now = dt.datetime.now().replace(microsecond=0)
    # Significant: early warning 24 h after discovery, due in 4 h (within the 12 h default).
    add_incident(demo_copy, "INC-T-1", now - dt.timedelta(hours=20), significant=True, breach=True)
    # A breach only: 72 h to IMY, due in 2 h.
    add_incident(demo_copy, "INC-T-2", now - dt.timedelta(hours=70), significant=False, breach=True)
    # Not due: reported already; deadline 22 h away; deadline passed an hour ago.
    add_incident(demo_copy, "INC-T-3", now - dt.timedelta(hours=20), significant=True, breach=False,
                 reported_to_authority_at=now - dt.timedelta(hours=19))
    add_incident(demo_copy, "INC-T-4", now - dt.timedelta(hours=2), significant=True, breach=False)
    add_incident(demo_copy, "INC-T-5", now - dt.timedelta(hours=25), significant=True, breach=False)
    secrets = write_settings(tmp_path / "secrets.toml", port, [])

    result = remind(demo_copy, secrets)
    assert result.returncode == 0, result.stderr
    subjects = {message["Subject"]: (recipients, body(message))
                for recipients, message in handler.messages}
    assert set(subjects) == {
        "Lägesbild: rapporteringsfristen för INC-T-1 går ut om 3 timmar",
        "Lägesbild: rapporteringsfristen för INC-T-2 går ut om 1 timme",
    } or set(subjects) == {
        # The run may start a second after the incidents were written.
        "Lägesbild: rapporteringsfristen för INC-T-1 går ut om 4 timmar",
        "Lägesbild: rapporteringsfristen för INC-T-2 går ut om 2 timmar",
    }
    by_incident = {subject.split()[3]: value for subject, value in subjects.items()}
    recipients, significant = by_incident["INC-T-1"]
    assert recipients == [IT_MANAGER]
    deadline = now - dt.timedelta(hours=20) + dt.timedelta(hours=24)
    assert "betydande incident" in significant and "inom 24 timmar" in significant
    assert f"senast {deadline.day} {t(f'month.{deadline.month}')} {deadline.year} kl. " \
           f"{deadline:%H:%M}" in significant
    assert "också en personuppgiftsincident" in significant
    _, breach = by_incident["INC-T-2"]
    assert "personuppgiftsincident" in breach and "inom 72 timmar" in breach and "IMY" in breach

    again = remind(demo_copy, secrets)
    assert again.returncode == 0 and len(handler.messages) == 2


def test_dry_run_shows_what_would_be_sent_and_sends_nothing(inbox, demo_copy, tmp_path):
    handler, port = inbox
    secrets = write_settings(tmp_path / "secrets.toml", port, [dt.date.today()])
    result = remind(demo_copy, secrets, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Skulle skicka till ordforande@koping.se, it-chef@vmkf.se: ")
    assert handler.messages == [] and not reminders.sent_file(demo_copy).exists()


def test_an_unreachable_mail_server_is_a_sentence_and_nothing_is_recorded(demo_copy, tmp_path):
    secrets = write_settings(tmp_path / "secrets.toml", free_port(), [dt.date.today()])
    result = remind(demo_copy, secrets)
    assert result.returncode == 1
    assert result.stderr.startswith("E-postservern 127.0.0.1:") and "Traceback" not in result.stderr
    assert not reminders.sent_file(demo_copy).exists()


@pytest.mark.parametrize("change, message", [
    ({"mottagare": "['inte en adress']"},
     "[lagesbild.paminnelser] mottagare: 'inte en adress' är ingen e-postadress."),
    ({"motesdagar": "['2027-02-30']"},
     "motesdagar: '2027-02-30' är inget datum (ÅÅÅÅ-MM-DD)."),
    ({"dagar_fore_mote": "-1"},
     "[lagesbild.paminnelser] dagar_fore_mote: '-1' ska vara ett heltal från 0 till 60."),
])
def test_malformed_settings_are_named(tmp_path, change, message):
    secrets = write_settings(tmp_path / "secrets.toml", 25, [dt.date.today()])
    lines = secrets.read_text(encoding="utf-8").splitlines()
    for key, value in change.items():
        lines = [line for line in lines if not line.startswith(f"{key} =")]
        lines.insert(1, f"{key} = {value}")
    secrets.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(reminders.ReminderConfigError) as refused:
        reminders.load_settings(secrets)
    assert str(refused.value) == message


def test_the_command_names_a_missing_settings_file(demo_copy, tmp_path):
    result = remind(demo_copy, tmp_path / "saknas.toml")
    assert result.returncode == 1
    assert result.stderr.strip() == t("reminders.config.no_file", path=str(tmp_path / "saknas.toml"))
