"""In a real pty, the interactive assessment refuses a data folder it cannot use, with
the same message as the other commands, before any question."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from careercoach.paths import db_path

pytestmark = pytest.mark.e2e

BANKS = Path(__file__).resolve().parents[1] / "fixtures" / "banks"
SCRIPT = Path(sys.executable).with_name("careercoach")
MOVE_AWAY = "Move the file away, or set CAREERCOACH_HOME to another folder.\n"
NO_FOLDER_HINT = "Set CAREERCOACH_HOME to a folder (or to a path where one can be created).\n"


def place(content: bytes) -> bytes:
    db_path().parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    db_path().write_bytes(content)
    db_path().chmod(0o600)
    return content


def test_interactive_assess_refuses_too(careercoach_home: Path) -> None:
    """In a real pty: the same message before any question, the file intact."""
    before = place(os.urandom(4096).replace(b"SQLite", b"sqlite"))
    child = pexpect.spawn(
        str(Path(sys.executable).with_name("careercoach")),
        ["--bank-dir", str(BANKS), "assess", "--bank", "mini"],
        env={**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1"},
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    said = child.before.replace("\r\n", "\n")
    assert words(said) == words(
        f"careercoach: {db_path()} is not a careercoach database (file is not a database); "
        f"it was left as it is.\n{MOVE_AWAY}"
    )
    assert str(db_path()) in said.splitlines()  # wrapped between words: the path whole
    assert db_path().read_bytes() == before


@pytest.mark.parametrize("path_length", [0, 73], ids=["short", "73"])
def test_home_is_a_file_interactive(tmp_path: Path, path_length: int) -> None:
    """The interactive assessment (with its lock file) says the same, in a real pty.

    A 73-character path leaves room for "is a" after it on an 80-column line: the test
    asserted the path alone on its line and failed for such a temporary folder."""
    folder = tmp_path
    pad = path_length - len(str(tmp_path / "notes.txt")) - 1
    if pad > 0:
        folder = tmp_path / ("d" * pad)
        folder.mkdir()
    home = folder / "notes.txt"
    home.write_text("my notes\n")
    child = pexpect.spawn(
        str(SCRIPT),
        ["--bank-dir", str(BANKS), "assess", "--bank", "mini"],
        env={**os.environ, "CAREERCOACH_HOME": str(home), "PROMPT_TOOLKIT_NO_CPR": "1"},
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    said = child.before.replace("\r\n", "\n")
    assert words(said) == words(
        f"careercoach: the data folder {home} is a file, not a folder.\n{NO_FOLDER_HINT}"
    )
    lines = said.splitlines()
    # wrapped between words: the path whole on one line, with or without words after it
    assert [line for line in lines if str(home) in line.split()] != []
    assert [line for line in lines if len(line) > 80 and line.strip() != str(home)] == []
    assert home.read_text() == "my notes\n"


def words(text: str) -> list[str]:
    """The words of a message, however it was wrapped (stderr is a terminal here)."""
    return text.split()
