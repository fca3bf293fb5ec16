"""``careercoach assess`` through a real pty, on the installed script.

A small test bank keeps each run short. Every wait is an ``expect`` on text the person
would see; there are no sleeps. Each child's output is logged to a file, printed when a
test fails.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest

pytestmark = pytest.mark.e2e

SCRIPT = Path(sys.executable).with_name("careercoach")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "banks"
TIMEOUT = 20  # only reached when something is wrong
DOWN, CTRL_C, CTRL_D = "\x1b[B", "\x03", "\x04"
# an SGR sequence that sets a foreground or background colour (30-49, 90-107, 38;5;n...)
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")
RESUME_HINT = (
    "careercoach: stopped; your answers so far are saved. Continue with: "
    f"careercoach --bank-dir {FIXTURES} assess --resume"
)

# The mini bank, taking the path through the lateral move (six questions): the text
# each question shows, and the keys that answer it.
QUESTIONS = [
    ("I could do my job in my sleep.", "4\r"),
    ("Your last job change was...", DOWN + "\r"),
    ("What was true of that lateral move?", " \r"),
    ("How many years have you been in this role?", "5\r"),
    ("I have not learned anything new at work this year.", "2\r"),
    ("Anything else your coach should know?", "no\r"),
]
ANSWERS = [
    ("autopilot", "4"),
    ("last_move", '"lateral"'),
    ("lateral_why", '["pushed"]'),
    ("years", "5"),
    ("learning", "2"),
    ("notes", '"no"'),
]


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Any]:
    """Start ``careercoach --bank-dir FIXTURES assess ...`` in an 80x24 pty."""
    children: list[Any] = []
    logs: list[Path] = []

    def start(*args: str, colour_flag: bool = False) -> Any:
        env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm-256color"}
        if colour_flag:  # no NO_COLOR: --no-color alone must do it
            env.pop("NO_COLOR", None)
        else:
            env["NO_COLOR"] = "1"
        log = tmp_path / f"pty-{len(logs) + 1}.log"
        child = pexpect.spawn(
            str(SCRIPT),
            [
                *(["--no-color"] if colour_flag else []),
                "--bank-dir",
                str(FIXTURES),
                "assess",
                *args,
            ],
            env=env,
            dimensions=(24, 80),
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        child.logfile_read = log.open("w", encoding="utf-8")
        child.delaybeforesend = None  # expect() already waits for the screen
        children.append(child)
        logs.append(log)
        return child

    yield start
    for child in children:
        if child.isalive():
            child.terminate(force=True)
        child.logfile_read.close()
    for log in logs:  # pytest shows this only when the test failed
        print(f"--- {log.name} ---\n{log.read_text(encoding='utf-8')}")


def answer(child: Any, first: int, last: int) -> None:
    """Answer questions ``first`` .. ``last`` (1-based), each after seeing its text."""
    for text, keys in QUESTIONS[first - 1 : last]:
        child.expect_exact(text)
        child.send(keys)


def ended(child: Any) -> tuple[int | None, int | None]:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.signalstatus


def database(home: Path) -> sqlite3.Connection:
    return sqlite3.connect(home / "careercoach.db")


def stored(home: Path) -> list[tuple[str, str]]:
    with database(home) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute("SELECT question, value FROM answers ORDER BY rowid").fetchall()
    return [(str(q), str(v)) for q, v in rows]


def test_a_whole_run_without_colour_and_a_resize_mid_question(
    spawn: Any, careercoach_home: Path, tmp_path: Path
) -> None:
    child = spawn("--bank", "mini", colour_flag=True)
    child.expect_exact("Mini check · question 1 of 5 · about 2 min left")
    answer(child, 1, 2)
    child.expect_exact(QUESTIONS[2][0])
    child.setwinsize(40, 120)  # SIGWINCH while the question is on screen
    child.expect_exact(QUESTIONS[2][0])  # drawn again for the new size
    child.setwinsize(12, 50)
    child.expect_exact("lateral move?")
    child.send(QUESTIONS[2][1])
    child.setwinsize(24, 80)
    answer(child, 4, 6)
    child.expect_exact("Your career action plan")
    child.expect_exact("Saved as assessment 1. See it again with: careercoach plan")
    assert ended(child) == (0, None)
    screen = (tmp_path / "pty-1.log").read_text(encoding="utf-8")
    assert "\x1b[1m" in screen or "\x1b[0;1m" in screen  # bold is not colour
    assert COLOUR.findall(screen) == []
    assert stored(careercoach_home) == ANSWERS
    with database(careercoach_home) as conn:
        assert conn.execute("SELECT status FROM assessments").fetchall() == [("finished",)]


@pytest.mark.parametrize("k", [1, 3, 5])
def test_sigkill_after_k_answers_then_resume(spawn: Any, careercoach_home: Path, k: int) -> None:
    child = spawn("--bank", "mini")
    answer(child, 1, k)
    child.expect_exact(QUESTIONS[k][0])  # the next question is on screen
    child.kill(signal.SIGKILL)
    assert ended(child) == (None, signal.SIGKILL)
    assert stored(careercoach_home) == ANSWERS[:k]

    child = spawn("--resume")
    child.expect_exact(f"Resuming your assessment ({k} answered so far).")
    child.expect_exact(f"Mini check · question {k + 1} of ")
    answer(child, k + 1, len(QUESTIONS))
    child.expect_exact("Saved as assessment 1.")
    assert ended(child) == (0, None)
    assert stored(careercoach_home) == ANSWERS


@pytest.mark.parametrize(
    ("answered", "key"),
    [(1, CTRL_C), (3, CTRL_D)],  # Ctrl-C on a list, Ctrl-D on the number prompt
    ids=["ctrl-c", "ctrl-d"],
)
def test_stopping_says_how_to_resume(
    spawn: Any, careercoach_home: Path, answered: int, key: str
) -> None:
    child = spawn("--bank", "mini")
    answer(child, 1, answered)
    child.expect_exact(QUESTIONS[answered][0])
    child.send(key)
    child.expect_exact(RESUME_HINT)
    assert ended(child) == (130, None)
    assert stored(careercoach_home) == ANSWERS[:answered]


def test_a_second_run_is_refused_while_one_is_running(spawn: Any, careercoach_home: Path) -> None:
    first = spawn("--bank", "mini")
    answer(first, 1, 1)
    first.expect_exact(QUESTIONS[1][0])
    second = spawn("--bank", "mini")
    second.expect_exact(f"careercoach: another assessment is running (process {first.pid}).")
    assert ended(second) == (1, None)
    first.kill(signal.SIGKILL)  # the lock goes with the process
    ended(first)
    third = spawn()
    third.expect_exact("You have an unfinished assessment.")
    third.expect_exact("Resume where you stopped (1 answered")
    third.send("\r")
    third.expect_exact("Resuming your assessment (1 answered so far).")
    third.expect_exact(QUESTIONS[1][0])
    third.kill(signal.SIGINT)  # as a Ctrl-C that comes as a signal, not a key
    assert ended(third) == (130, None)


@pytest.mark.parametrize("stdin", ["devnull", "pipe"])
def test_without_a_terminal_it_stops_before_writing(careercoach_home: Path, stdin: str) -> None:
    result = subprocess.run(
        [str(SCRIPT), "--bank-dir", str(FIXTURES), "assess", "--bank", "mini"],
        stdin=subprocess.DEVNULL if stdin == "devnull" else None,
        input="4\n" if stdin == "pipe" else None,
        capture_output=True,
        text=True,
        env={**os.environ, "CI": "true"},
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "careercoach: assess needs a terminal to ask its questions, and stdin is not one.\n"
        "To answer from a file instead: careercoach assess --answers FILE\n"
    )
    assert result.stdout == ""
    assert not careercoach_home.exists()
