"""Interactive ``assess`` in a terminal whose locale is C (ASCII) with Python's UTF-8 mode
off: the progress line's ``·`` becomes ``-`` and the run goes to its plan, instead of
dying on UnicodeEncodeError after the first answer."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.e2e

SCRIPT = Path(sys.executable).with_name("careercoach")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "banks"
KEYS = [
    ("I could do my job in my sleep.", "4\r"),
    ("Your last job change was...", "\r"),
    ("How many years have you been in this role?", "5\r"),
    ("I have not learned anything new at work this year.", "2\r"),
    ("Anything else your coach should know?", "no\r"),
    ("Done, show my plan", "\r"),  # the review: finish
]


@pytest.mark.parametrize(
    ("locale", "progress"),
    [
        ({"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}, "-"),
        ({"PYTHONIOENCODING": "latin-1"}, "·"),  # latin-1 has the middle dot
    ],
    ids=["C locale", "latin-1"],
)
def test_a_legacy_terminal_gets_stand_ins(
    careercoach_home: Path, tmp_path: Path, locale: dict[str, str], progress: str
) -> None:
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1"}
    env.pop("PYTHONIOENCODING", None)
    env.update(locale)
    log = (tmp_path / "pty.log").open("w", encoding="latin-1")
    child = pexpect.spawn(
        str(SCRIPT),
        ["--bank-dir", str(FIXTURES), "assess", "--bank", "mini"],
        env=env,
        dimensions=(24, 80),
        encoding="latin-1",
        timeout=20,
    )
    child.logfile_read = log
    child.delaybeforesend = None
    try:
        child.expect_exact(
            f"Mini check {progress} question 1 of about 6 {progress} about 2 min left"
        )
        for text, keys in KEYS:
            child.expect_exact(text)
            child.send(keys)
        child.expect_exact("Saved as assessment 1.")
        child.expect(pexpect.EOF)
    finally:
        child.close()
        log.close()
    screen = (tmp_path / "pty.log").read_text(encoding="latin-1")
    assert child.exitstatus == 0, screen
    assert "Traceback" not in screen
    assert "1. I could do my job in my sleep. -> 4 (agree)" in screen  # the review: ASCII
    assert "unexpected error" not in screen
    with sqlite3.connect(careercoach_home / "careercoach.db") as conn:
        assert conn.execute("SELECT status FROM assessments").fetchall() == [("finished",)]
    conn.close()
