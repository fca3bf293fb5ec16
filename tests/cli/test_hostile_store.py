"""Exit codes and messages when the data folder is hostile: a linked database, a damaged
one, a data format no careercoach writes, ``forget`` while an assessment is answered, a
disk that fills in the middle of one. No traceback, no "unexpected error", no answer lost,
nothing outside the data folder changed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from tests.lock_holder import start_lock_holder
from typer.testing import CliRunner

from careercoach.paths import db_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BANKS = FIXTURES / "banks"
ANSWERS = FIXTURES / "plans" / "injection-answers.yaml"
LEFT_ALONE = "Move it away, or set CAREERCOACH_HOME to another folder.\n"
runner = CliRunner()


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


def assess() -> Any:
    result = cli("assess", "--answers", str(ANSWERS))
    assert result.exit_code == 0, result.output
    return result


def calm(result: Any) -> None:
    assert "Traceback" not in result.output
    assert "unexpected error" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["plan"],
        ["plan", "--explain"],
        ["history"],
        ["compare"],
        ["assess", "--answers", str(ANSWERS)],
        ["forget", "--all", "--yes"],
        ["export-data", "--output", "-"],
        ["event", "list"],
    ],
    ids=lambda args: " ".join(args[:2]) if args[0] != "assess" else "assess --answers",
)
def test_a_linked_database_is_refused_by_every_command(
    args: list[str], careercoach_home: Path, tmp_path: Path
) -> None:
    """The /etc/passwd case, with a stand-in: its mode and bytes stay as they were."""
    careercoach_home.mkdir(mode=0o700, parents=True)
    passwd = tmp_path / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\n")
    passwd.chmod(0o644)
    db_path().symlink_to(passwd)
    result = cli(*args)
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"careercoach: {db_path()} is a symbolic link, not a file careercoach made; it was "
        f"left as it is.\n{LEFT_ALONE}"
    )
    calm(result)
    assert passwd.read_text() == "root:x:0:0:root:/root:/bin/bash\n"
    assert passwd.stat().st_mode & 0o777 == 0o644


def test_a_negative_data_format_is_named_not_migrated(careercoach_home: Path) -> None:
    assess()
    with sqlite3.connect(db_path()) as conn:
        conn.execute("PRAGMA user_version = -1")
    conn.close()
    before = db_path().read_bytes()
    for args in (["plan"], ["history"], ["assess", "--answers", str(ANSWERS)]):
        result = cli(*args)
        assert result.exit_code == 1, result.output
        assert result.stderr == (
            f"careercoach: {db_path()} has a data format careercoach never writes (-1); it "
            "was left as it is.\nMove the file away, or set CAREERCOACH_HOME to another "
            "folder.\n"
        )
    assert db_path().read_bytes() == before


# -- forget while an assessment is answered ---------------------------------------------


@pytest.fixture
def lock_holder(careercoach_home: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the assessment lock, as an interactive assess does."""
    holder = start_lock_holder(careercoach_home)
    yield holder
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait()


@pytest.mark.parametrize("args", [["--all"], ["--id", "1"]], ids=["--all", "--id"])
def test_forget_refuses_while_an_assessment_is_answered(
    args: list[str], careercoach_home: Path, lock_holder: subprocess.Popen[str]
) -> None:
    assess()
    before = db_path().read_bytes()
    result = cli("forget", *args, "--yes")
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"careercoach: an assessment is being answered (process {lock_holder.pid}); nothing "
        "was deleted.\nFinish or stop it (Ctrl-C in its terminal), then run forget again.\n"
    )
    assert result.stdout == ""
    assert db_path().read_bytes() == before


def test_forget_goes_ahead_once_the_assessment_is_over(careercoach_home: Path) -> None:
    assess()
    result = cli("forget", "--all", "--yes")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Deleted 1 assessment and 0 events.\n")


# -- a disk that fills during an interactive assess -----------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setattr("careercoach.ui.prompts.stdin_is_terminal", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def test_a_full_disk_mid_assessment_says_what_is_kept_and_how_to_go_on(
    terminal: Any, careercoach_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercoach.storage.db_format import sqlite_error
    from careercoach.storage.store import Store

    real = Store.save_answer
    calls = []

    def filling(self: Store, *args: Any) -> None:
        calls.append(args)
        if len(calls) == 3:  # SQLite's own error for a full disk
            raise sqlite_error(sqlite3.OperationalError("database or disk is full"), self.path)
        real(self, *args)

    monkeypatch.setattr(Store, "save_answer", filling)
    terminal.send_text("4\r\r5\r")
    terminal.close()
    result = cli("assess", "--bank", "mini")
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"careercoach: the database {db_path()} cannot be used: database or disk is full\n"
        f"2 earlier answers kept; once this is fixed, continue with: careercoach --bank-dir "
        f"{BANKS} assess --resume\n"
    )
    calm(result)
    with sqlite3.connect(db_path()) as conn:
        kept = conn.execute("SELECT question, value FROM answers ORDER BY rowid").fetchall()
    conn.close()
    assert [(question, json.loads(value)) for question, value in kept] == [
        ("autopilot", 4),
        ("last_move", "up"),
    ]


@contextmanager
def read_only_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, mode: str, database: bool = False
) -> Iterator[Path]:
    """A data folder on a read-only file system (a tmpfs mounted for the test), with a
    database of assessments in it when asked."""
    home = tmp_path / "ro"
    home.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size=4m,mode={mode}", "tmpfs", str(home)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a read-only file system needs root and mount")
    try:
        monkeypatch.setenv("CAREERCOACH_HOME", str(home))
        if database:
            assess()
            db_path().chmod(0o644)
        subprocess.run(["mount", "-o", "remount,ro", str(home)], check=True)
        yield home
    finally:
        subprocess.run(["umount", str(home)], check=True)


@pytest.mark.posix_owners
def test_a_read_only_home_says_it_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with read_only_home(tmp_path, monkeypatch, mode="0755") as home:
        result = cli("assess", "--answers", str(ANSWERS))
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"careercoach: the data folder {home} cannot be written to (Read-only file "
        "system).\nSet CAREERCOACH_HOME to a folder you can write to.\n"
    )
    calm(result)


@pytest.mark.posix_owners
def test_a_read_only_database_others_can_read_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with read_only_home(tmp_path, monkeypatch, mode="0700", database=True) as home:
        result = cli("plan")
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"careercoach: others can read the database {home / 'careercoach.db'} (0644), and it "
        "cannot be made private: Read-only file system.\nSet CAREERCOACH_HOME to a folder "
        "you can write to.\n"
    )
    calm(result)


@pytest.mark.posix_owners
@pytest.mark.skipif(os.geteuid() != 0, reason="planting a file of another user needs root")
def test_answers_never_go_into_a_database_someone_else_planted(careercoach_home: Path) -> None:
    """The issue's case: a data folder others could write to, a database planted in it."""
    careercoach_home.mkdir(parents=True)
    careercoach_home.chmod(0o777)
    planted = careercoach_home / "careercoach.db"
    with sqlite3.connect(planted) as conn:
        conn.execute("CREATE TABLE assessments (id INTEGER PRIMARY KEY)")
    conn.close()
    os.chown(planted, 4321, 4321)
    planted.chmod(0o666)
    before = planted.read_bytes()
    result = cli("assess", "--answers", str(ANSWERS))
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"careercoach: others could open the data folder {careercoach_home} (0777); it is "
        "now 0700.\n"
        f"careercoach: {planted} belongs to another user (uid 4321), so careercoach did not "
        f"make it; it was left as it is.\n{LEFT_ALONE}"
    )
    calm(result)
    assert planted.read_bytes() == before
    assert planted.stat().st_mode & 0o777 == 0o666
