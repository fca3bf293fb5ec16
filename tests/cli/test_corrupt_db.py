"""A ``careercoach.db`` that is damaged, foreign or newer: ``assess --answers``, ``plan``
and ``history`` each stop with exit 1 and a message that says what is wrong and what to
do, never a traceback, and the file keeps every byte it had."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.storage.test_damaged_database import damage_one_page, fill
from typer.testing import CliRunner

from careercoach.paths import db_path
from careercoach.storage.db_format import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BANKS = FIXTURES / "banks"
ANSWERS = FIXTURES / "plans" / "injection-answers.yaml"
MOVE_AWAY = "Move the file away, or set CAREERCOACH_HOME to another folder.\n"

runner = CliRunner()

COMMANDS = {
    "assess --answers": ["assess", "--answers", str(ANSWERS)],
    "plan": ["plan"],
    "history": ["history"],
}


def cli(args: list[str]) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


def real_database() -> bytes:
    """The bytes of a database holding three finished assessments."""
    for _ in range(3):
        result = cli(COMMANDS["assess --answers"])
        assert result.exit_code == 0, result.output
    data = db_path().read_bytes()
    db_path().unlink()
    return data


def place(content: bytes) -> bytes:
    db_path().parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    db_path().write_bytes(content)
    db_path().chmod(0o600)
    return content


def refused(args: list[str], before: bytes, message: str, hint: str = MOVE_AWAY) -> None:
    """The command stops with exit 1, one message and its hint, and the file is intact."""
    result = cli(args)
    assert result.exit_code == 1, result.output
    assert result.stderr == f"careercoach: {message}\n{hint}"
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert db_path().read_bytes() == before
    # Nothing beside the file (no journal, no WAL); the bank cache may sit there.
    beside = sorted(p.name for p in db_path().parent.iterdir() if p.name != "cache")
    assert beside == ["careercoach.db"]


command = pytest.mark.parametrize("args", list(COMMANDS.values()), ids=list(COMMANDS))


@command
def test_random_bytes(args: list[str]) -> None:
    before = place(os.urandom(4096).replace(b"SQLite", b"sqlite"))
    refused(
        args,
        before,
        f"{db_path()} is not a careercoach database (file is not a database); "
        "it was left as it is.",
    )


@command
def test_text_file_with_our_name(args: list[str]) -> None:
    before = place(b"my precious notes, not a database\n" * 100)
    refused(
        args,
        before,
        f"{db_path()} is not a careercoach database (file is not a database); "
        "it was left as it is.",
    )


@command
def test_truncated_to_half(args: list[str]) -> None:
    data = real_database()
    before = place(data[: len(data) // 2])
    refused(
        args,
        before,
        f"{db_path()} is not a careercoach database (database disk image is malformed); "
        "it was left as it is.",
    )


@command
def test_truncated_inside_the_header(args: list[str]) -> None:
    before = place(real_database()[:60])
    refused(
        args,
        before,
        f"{db_path()} is not a careercoach database (database disk image is malformed); "
        "it was left as it is.",
    )


@command
def test_a_page_overwritten_with_garbage(args: list[str]) -> None:
    data = bytearray(real_database())
    data[4096 : 2 * 4096] = os.urandom(4096)  # page 2: a table's root page
    before = place(bytes(data))
    result = cli(args)
    assert result.exit_code == 1, result.output
    if args[0] == "assess":  # a write: the check before it finds the damage
        assert result.stderr.startswith(f"careercoach: the database {db_path()} is damaged (")
        assert result.stderr.endswith(
            "); nothing was written to it.\nSave what can still be read with: careercoach "
            f"export-data --output careercoach-data.json; then move {db_path()} away, and "
            "careercoach starts a new one.\n"
        )
    else:
        assert result.stderr.startswith(f"careercoach: {db_path()} is not a careercoach database (")
        assert result.stderr.endswith(f"); it was left as it is.\n{MOVE_AWAY}")
    assert db_path().read_bytes() == before


def newer(version: int) -> bytes:
    place(real_database())
    with sqlite3.connect(db_path()) as conn:
        conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    return db_path().read_bytes()


@command
def test_a_newer_data_format(args: list[str]) -> None:
    before = newer(99)
    refused(
        args,
        before,
        f"{db_path()} was written by a newer careercoach (data format 99; this one knows "
        f"up to {SCHEMA_VERSION}); it was left as it is.",
        "Upgrade careercoach (pip install -U careercoach), or set CAREERCOACH_HOME to "
        "another folder.\n",
    )


def foreign(version: int, *, wal: bool = False) -> Callable[[], bytes]:
    def make() -> bytes:
        db_path().parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        conn = sqlite3.connect(db_path())
        if wal:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.com')")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
        conn.close()
        db_path().chmod(0o600)
        return db_path().read_bytes()

    return make


FOREIGN = (
    " is not a careercoach database (it holds the tables of another program); it was left as it is."
)


@command
@pytest.mark.parametrize(
    "make",
    [foreign(0), foreign(2), foreign(0, wal=True)],
    ids=["format-0", "format-2", "wal-mode"],
)
def test_another_programs_database(args: list[str], make: Callable[[], bytes]) -> None:
    before = make()
    refused(args, before, f"{db_path()}{FOREIGN}")


def test_our_own_damage_is_not_repaired_by_writing_over_it() -> None:
    """Every command that would write (forget, event add, plan --done) refuses too."""
    before = place(b"\x00" * 100 + os.urandom(8000))
    for args in (
        ["forget", "--all", "--yes"],
        ["event", "add", "new_boss"],
        ["plan", "--done", "act_week"],
        ["compare"],
        ["export-data", "--output", "-"],
    ):
        result = cli(args)
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr.endswith(MOVE_AWAY), (args, result.stderr)
        assert "Traceback" not in result.output
    assert db_path().read_bytes() == before


def test_export_data_keeps_every_part_it_can_read_and_names_the_rest(
    tmp_path: Path,
) -> None:
    """The damaged page holds answers: those of the assessment on it are left out, with
    one warning line, and everything else is exported (exit 0)."""
    damaged = damage_one_page(fill(), tmp_path / "scratch.db")
    db_path().write_bytes(damaged)
    scratch = tmp_path / "probe.db"
    scratch.write_bytes(damaged)
    probe = sqlite3.connect(scratch)
    unreadable = []
    for number in range(1, 41):
        try:
            probe.execute("SELECT * FROM answers WHERE assessment_id = ?", (number,)).fetchall()
        except sqlite3.DatabaseError:
            unreadable.append(number)
    probe.close()
    assert unreadable  # the damage is where the answers are

    result = cli(["export-data", "--output", "-"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"careercoach: warning: left out of the export: the answers of assessment {number} "
        "(the file is damaged there)"
        for number in unreadable
    ]
    document = json.loads(result.stdout)
    assessments = document["assessments"]
    assert [a["id"] for a in assessments] == list(range(1, 41))
    for exported in assessments:
        if exported["id"] in unreadable:
            assert (exported["answers"], exported["unreadable"]) == ({}, ["answers"])
        else:
            assert len(exported["answers"]["demo"]) == 20
            assert "unreadable" not in exported
    assert (document["events"], document["done_actions"], document["commitments"]) == ([], [], [])
    assert "unreadable" not in document
    assert db_path().read_bytes() == damaged
