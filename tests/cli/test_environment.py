"""The environment speaks too: ``CAREERCOACH_HOME`` and ``CAREERCOACH_BANKS`` naming
something that cannot be used, and a data folder others can read. Each fault: exit 1
(the environment) or 2 (bad input), a message that says what to do, no traceback, and
nothing of the person's lost."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careercoach.paths import db_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BANKS = FIXTURES / "banks"
ANSWERS = FIXTURES / "plans" / "injection-answers.yaml"
SCRIPT = Path(sys.executable).with_name("careercoach")
NO_FOLDER_HINT = "Set CAREERCOACH_HOME to a folder (or to a path where one can be created).\n"

runner = CliRunner()


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


def assess() -> Any:
    return cli("assess", "--answers", str(ANSWERS))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


COMMANDS = {
    "assess --answers": ["assess", "--answers", str(ANSWERS)],
    "plan": ["plan"],
    "history": ["history"],
    "compare": ["compare"],
    "event list": ["event", "list"],
    "forget": ["forget", "--all", "--yes"],
}
command = pytest.mark.parametrize("args", list(COMMANDS.values()), ids=list(COMMANDS))


# -- CAREERCOACH_HOME ---------------------------------------------------------------------


@command
def test_home_is_a_file(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "notes.txt"
    home.write_text("my notes\n")
    monkeypatch.setenv("CAREERCOACH_HOME", str(home))
    result = cli(*args)
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"careercoach: the data folder {home} is a file, not a folder.\n{NO_FOLDER_HINT}"
    )
    assert result.stdout == ""
    assert home.read_text() == "my notes\n"


@command
def test_home_under_a_file(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path that can never be created (works as root too, unlike chmod)."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("my notes\n")
    monkeypatch.setenv("CAREERCOACH_HOME", str(blocker / "careercoach"))
    result = cli(*args)
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"careercoach: cannot create the data folder {blocker / 'careercoach'}: {blocker} is "
        f"a file, not a folder.\n{NO_FOLDER_HINT}"
    )
    assert blocker.read_text() == "my notes\n"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="runs as root, where permission bits do not stop writes "
    "(test_home_under_a_file covers an unusable home for root too)",
)
def test_home_in_a_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = tmp_path / "locked"
    parent.mkdir(mode=0o500)
    monkeypatch.setenv("CAREERCOACH_HOME", str(parent / "careercoach"))
    try:
        result = assess()
    finally:
        parent.chmod(0o700)
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"careercoach: cannot create the data folder {parent / 'careercoach'}: Permission "
        "denied\nSet CAREERCOACH_HOME to a folder you can write to.\n"
    )


def test_a_missing_home_is_created_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "a" / "b" / "careercoach"
    monkeypatch.setenv("CAREERCOACH_HOME", str(home))
    old = os.umask(0o022)
    try:
        result = assess()
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert mode(home) == 0o700
    assert mode(home / "careercoach.db") == 0o600


@pytest.mark.parametrize(
    ("args", "code", "start"),
    [
        (["history"], 0, "careercoach assess"),
        (["plan"], 1, "careercoach assess"),
        (["compare"], 1, "careercoach assess"),
        (["event", "list"], 0, "careercoach event add"),
    ],
    ids=["history", "plan", "compare", "event list"],
)
def test_reading_with_a_missing_home_creates_nothing(
    args: list[str], code: int, start: str, careercoach_home: Path
) -> None:
    result = cli(*args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert start in result.output  # says how to begin
    assert not careercoach_home.exists()


def test_home_with_a_tilde_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("CAREERCOACH_HOME", "~/coach-data")
    result = assess()
    assert result.exit_code == 0, result.output
    assert (tmp_path / "coach-data" / "careercoach.db").is_file()
    assert not Path("~").exists()


@pytest.mark.posix_owners
def test_too_open_folder_is_tightened_with_a_notice(careercoach_home: Path) -> None:
    assert assess().exit_code == 0
    careercoach_home.chmod(0o755)
    before = db_path().read_bytes()
    result = cli("plan")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"careercoach: others could open the data folder {careercoach_home} (0755); "
        "it is now 0700.\n"
    )
    assert mode(careercoach_home) == 0o700
    assert db_path().read_bytes() == before


@pytest.mark.posix_owners
def test_too_open_database_is_tightened_with_a_notice(careercoach_home: Path) -> None:
    assert assess().exit_code == 0
    db_path().chmod(0o644)
    result = assess()
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"careercoach: others could read the database {db_path()} (0644); it is now 0600.\n"
    )
    assert mode(db_path()) == 0o600
    assert "Saved as assessment 2." in result.stdout  # the first one is still there


def test_private_folder_and_file_say_nothing(careercoach_home: Path) -> None:
    assert assess().exit_code == 0
    result = cli("plan")
    assert result.stderr == ""


# -- CAREERCOACH_BANKS and --bank-dir -----------------------------------------------------


BANK_COMMANDS = {
    "assess --answers": ["assess", "--answers", str(ANSWERS)],
    "banks list": ["banks", "list"],
    "banks show": ["banks", "show", "injection"],
}
bank_command = pytest.mark.parametrize(
    "args", list(BANK_COMMANDS.values()), ids=list(BANK_COMMANDS)
)


@bank_command
def test_banks_env_names_a_missing_folder(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, careercoach_home: Path
) -> None:
    missing = tmp_path / "no-such-banks"
    monkeypatch.setenv("CAREERCOACH_BANKS", f"{BANKS}{os.pathsep}{missing}")
    from careercoach.cli import app

    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"{missing}: bank folder does not exist\n"
    assert result.stdout == ""
    assert not careercoach_home.exists()


@bank_command
def test_banks_env_names_a_file(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERCOACH_BANKS", f"{BANKS}{os.pathsep}{ANSWERS}")
    from careercoach.cli import app

    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"{ANSWERS}: is not a folder\n"


@bank_command
def test_bank_dir_flag_names_a_missing_folder(args: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "no-such-banks"
    result = cli("--bank-dir", str(missing), *args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"{missing}: bank folder does not exist\n"


def test_banks_env_with_empty_parts_is_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERCOACH_BANKS", f"{os.pathsep}{BANKS}{os.pathsep}{os.pathsep}")
    from careercoach.cli import app

    result = runner.invoke(app, ["banks", "show", "injection"])
    assert result.exit_code == 0, result.output
