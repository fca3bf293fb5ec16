"""``careercoach assess`` through a real pty, on the installed script.

A small test bank keeps each run short. Every wait is an ``expect`` on text the person
would see; there are no sleeps. Each child's output is logged to a file, printed when a
test fails.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
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
# the command does not fit beside the message in 80 columns: it gets a line of its own
RESUME_HINT = f"Continue with:\r\ncareercoach --bank-dir {FIXTURES} assess --resume\r\n"

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


def reviewed(child: Any) -> None:
    """The review after the last question: Enter on "Done, show my plan" (the first)."""
    child.expect_exact("Your answers: pick one to change it, or finish.")
    child.expect_exact("Done, show my plan")
    child.send("\r")


def no_commitment(child: Any) -> None:
    """The last question, once the plan is shown: pick actions to commit to; none."""
    child.expect_exact("Pick up to three actions to commit to (none is fine)")
    child.send("\r")
    child.expect_exact("Commit to an action later with: careercoach plan --commit N")


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
    child.expect_exact("Mini check · question 1 of about 6 · about 2 min left")
    answer(child, 1, 2)
    child.expect_exact(QUESTIONS[2][0])
    child.setwinsize(40, 120)  # SIGWINCH while the question is on screen
    child.expect_exact(QUESTIONS[2][0])  # drawn again for the new size
    child.setwinsize(12, 50)
    child.expect_exact("lateral move?")
    child.send(QUESTIONS[2][1])
    child.setwinsize(24, 80)
    answer(child, 4, 6)
    reviewed(child)
    child.expect_exact("Your career action plan")
    child.expect_exact("Saved as assessment 1. See it again with: careercoach plan")
    no_commitment(child)
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
    reviewed(child)
    child.expect_exact("Saved as assessment 1.")
    no_commitment(child)
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
    child.expect_exact(f"careercoach: {answered} answer{'s' if answered > 1 else ''} saved. ")
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
    third.expect_exact("You have an unfinished assessment (mini: 1 of 5 answered, started")
    third.expect_exact("Resume where you stopped (1 answered): go on with mini")
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


# -- every line fits 80 columns ---------------------------------------------------------

_CSI = re.compile(r"\x1b\[([?>=]?)([0-9;]*)([@A-Za-z])")
_ESC = re.compile(r"\x1b(?:\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMc])")


class Screen:
    """Just enough of a terminal to read back what was drawn: text, line feeds, relative
    cursor moves and erasing (colours and modes are ignored). Rows are never scrolled
    away, so the whole session can be read at the end."""

    def __init__(self, columns: int) -> None:
        self.columns = columns
        self.rows: list[list[str]] = [[]]
        self.row = self.col = 0

    def _line(self) -> list[str]:
        while len(self.rows) <= self.row:
            self.rows.append([])
        line = self.rows[self.row]
        line.extend(" " * (self.col - len(line)))
        return line

    def feed(self, data: str) -> None:
        at = 0
        while at < len(data):
            char = data[at]
            if char == "\x1b":
                csi = _CSI.match(data, at)
                if csi:
                    self._csi(*csi.groups())
                    at = csi.end()
                else:
                    other = _ESC.match(data, at)
                    at = other.end() if other else at + 1
                continue
            at += 1
            if char == "\r":
                self.col = 0
            elif char == "\n":
                self.row += 1
            elif char == "\b":
                self.col = max(0, self.col - 1)
            elif char >= " ":
                if self.col >= self.columns:  # the terminal's own wrap
                    self.row, self.col = self.row + 1, 0
                line = self._line()
                if self.col < len(line):
                    line[self.col] = char
                else:
                    line.append(char)
                self.col += 1

    def _csi(self, private: str, params: str, final: str) -> None:
        if private:
            return
        count = int(params.split(";", maxsplit=1)[0] or 1) if final in "ABCDG" else 0
        if final == "A":
            self.row = max(0, self.row - count)
        elif final == "B":
            self.row += count
        elif final == "C":
            self.col = min(self.columns - 1, self.col + count)
        elif final == "D":
            self.col = max(0, self.col - count)
        elif final == "G":
            self.col = count - 1
        elif final == "K" and params in ("", "0"):
            del self._line()[self.col :]
        elif final == "J" and params in ("", "0"):
            del self._line()[self.col :]
            del self.rows[self.row + 1 :]

    def lines(self) -> list[str]:
        return ["".join(line).rstrip() for line in self.rows]


WIDE_BANK = """\
id: wide
version: 1
title: A bank whose title is long enough to push the progress line past the edge
description: Every type of question, each with text longer than a line of a terminal.
dimensions:
  - id: need
    label: Need
    actions:
      - {id: act, text: Do the thing., horizon: week}
questions:
  - id: likert_long
    type: likert
    prompt: >-
      When I think about the work I did over the past twelve months, I could have done
      most of it in my sleep.
    help: >-
      Think of an ordinary week, not the one before a deadline, and of the tasks that
      take most of your hours.
    dimension: need
  - id: single_long
    type: single
    prompt: >-
      Which of these describes best what happened the last time you asked for
      something at work?
    options:
      - id: frozen
        label: >-
          I asked for a raise and my manager said the budget was frozen until the next
          fiscal year began
        scores: {need: 1}
      - {id: nothing, label: Nothing happened, scores: {}}
  - id: multi_long
    type: multi
    prompt: >-
      Which of the following were true of your two most recent performance reviews, if
      any of them?
    options:
      - {id: fine, label: "Fine, nothing more", scores: {need: 1}}
      - id: attitude
        label: >-
          My attitude came up, and I was told that people found it hard to approach me
          at times
        scores: {need: 1}
  - id: cost
    type: number
    prompt: >-
      What will the program cost in total, tuition and fees together, for all of the
      years?
    min: 0
    max: 10000000
    unit: total
  - id: completion
    type: number
    prompt: "How likely are you to finish, as a fraction? (0.8 means 80%)"
    min: 0.05
    max: 1
    unit: fraction
    required: false
  - id: changed
    type: text
    prompt: What changed at work around the time your career stopped moving?
    required: false
"""


@pytest.fixture
def short_home() -> Iterator[Path]:
    """A data folder with a short path (pytest's own are longer than a line under xdist)."""
    folder = Path(tempfile.mkdtemp(prefix="cc-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


# a text prompt's hint, then the line where the answer is typed: the whole prompt is drawn
# (a read from the pty may end anywhere in a frame)
INPUT_LINE = re.compile(r"Type < to go back, \? for help\.(?:\x1b\[[0-9;?]*[A-Za-z]|\r|\n)*  > ")


def test_every_line_fits_80_columns_and_answers_read_back(short_home: Path, tmp_path: Path) -> None:
    """A terminal wider than 80 columns shows what an 80-column one would have had to
    wrap: no line the session draws (prompts, answers, progress, help, the resume
    question, the message on Ctrl-C) is wider than 80 columns."""
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks" / "wide.yaml").write_text(WIDE_BANK, encoding="utf-8")
    mini = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    (tmp_path / "banks" / "mini.yaml").write_text(mini, encoding="utf-8")
    # The welcome shows the database's path: keep it short, as a person's is.
    env = {
        **os.environ,
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "NO_COLOR": "1",
        "CAREERCOACH_HOME": str(short_home / "home"),
    }
    screens: list[str] = []

    def run(*args: str) -> Any:
        child = pexpect.spawn(
            str(SCRIPT),
            ["--bank-dir", "banks", "assess", *args],  # a short path: the command fits
            cwd=str(tmp_path),
            env=env,
            dimensions=(60, 100),
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        child.logfile_read = io.StringIO()
        child.delaybeforesend = None
        return child

    def screen(child: Any) -> list[str]:
        drawn = Screen(100)
        drawn.feed(child.logfile_read.getvalue())
        screens.append(child.logfile_read.getvalue())
        return drawn.lines()

    def now(child: Any) -> list[str]:
        drawn = Screen(100)
        drawn.feed(child.logfile_read.getvalue())
        return drawn.lines()

    def shows(child: Any, text: str | re.Pattern[str], *expected: str) -> None:
        """Wait for ``text``, then find the ``expected`` lines, in a row, on the screen."""
        if isinstance(text, re.Pattern):
            child.expect(text)
        else:
            child.expect_exact(text)
        lines = now(child)
        at = lines.index(expected[0]) if expected[0] in lines else -1
        assert lines[at : at + len(expected)] == list(expected), lines

    try:
        child = run("--bank", "wide")
        shows(
            child,
            "(↑/↓ or 1-5, Enter, ? for help)",
            "A bank whose title is long enough to push the progress line past the edge ·",
            "  question 1 of 6 · about 2 min left",
            "  Think of an ordinary week, not the one before a deadline, and of the tasks",
            "  that take most of your hours.",
            "? When I think about the work I did over the past twelve months, I could have",
            "  done most of it in my sleep. (↑/↓ or 1-5, Enter, ? for help)",
        )
        child.send("4\r")
        shows(
            child,
            "(↑/↓ or 1-2, Enter, < back, ? for help)",
            "? Which of these describes best what happened the last time you asked for",
            "  something at work? (↑/↓ or 1-2, Enter, < back, ? for help)",
            " » 1) I asked for a raise and my manager said the budget was frozen until the",
            "      next fiscal year began",
            "   2) Nothing happened",
        )
        child.send("1\r")
        shows(
            child,
            "(Space ticks, Enter; none is fine, < back, ? for help)",
            "? Which of the following were true of your two most recent performance reviews,",
            "  if any of them? (Space ticks, Enter; none is fine, < back, ? for help)",
        )
        child.send("\r")  # nothing ticked
        shows(
            child,
            INPUT_LINE,
            "? What will the program cost in total, tuition and fees together, for all of the",
            "  years?",
            "  Enter a number from 0 to 10,000,000 (total). Type < to go back, ? for help.",
            "  >",
        )
        child.send("$70,000\r")
        shows(
            child,
            INPUT_LINE,
            "? How likely are you to finish, as a fraction? (0.8 means 80%)",
            "  Enter a number from 0.05 to 1 (fraction), or 5% to 100%. Leave it empty to",
            "  skip. Type < to go back, ? for help.",
            "  >",
        )
        child.send("80%\r")
        shows(
            child,
            "Type < to go back, ? for help.",
            "? What changed at work around the time your career stopped moving?",
            "  Optional: Enter alone skips. Type < to go back, ? for help.",
        )
        child.send(CTRL_C)
        assert ended(child) == (130, None)
        lines = screen(child)
        assert [line for line in lines if len(line) > 80 and "careercoach.db" not in line] == []
        for echo in [
            [
                "? When I think about the work I did over the past twelve months, I could have",
                "  done most of it in my sleep. Agree",
            ],
            [
                "? Which of these describes best what happened the last time you asked for",
                "  something at work?",
                "  I asked for a raise and my manager said the budget was frozen until the next",
                "  fiscal year began",
            ],
            [
                "? Which of the following were true of your two most recent performance reviews,",
                "  if any of them? none",
            ],
            [
                "? What will the program cost in total, tuition and fees together, for all of the",
                "  years? $70,000",
            ],
            ["? How likely are you to finish, as a fraction? (0.8 means 80%) 80%"],
            [
                "careercoach: 5 answers saved. Continue with:",
                "careercoach --bank-dir banks assess --resume",
            ],
        ]:
            at = lines.index(echo[0])
            assert lines[at : at + len(echo)] == echo
        with database(short_home / "home") as conn:
            stored = dict(conn.execute("SELECT question, value FROM answers").fetchall())
        assert stored["multi_long"] == "[]"
        assert stored["cost"] == "70000"
        assert stored["completion"] == "0.8"

        child = run("--bank", "mini")  # another bank than the unfinished one's
        child.expect_exact("Start over with mini: discard the 5 unfinished answers")
        lines = now(child)
        at = next(n for n, line in enumerate(lines) if line.startswith("? You have"))
        assert lines[at].startswith(
            "? You have an unfinished assessment (wide: 5 of 6 answered, started "
        )
        # the date as every other date reads: "Saturday 5 December 2026 at 08:59"
        assert re.search(r"\d{4} at \d\d:\d\d\)\. Resume it, or start over", lines[at + 1])
        assert lines[at + 1].endswith("Resume it, or start over with mini? (↑/↓, Enter)")
        assert lines[at + 2 : at + 4] == [
            " » Resume where you stopped (5 answered): go on with wide",
            "   Start over with mini: discard the 5 unfinished answers",
        ]
        child.send(CTRL_C)
        child.expect_exact("careercoach: 5 answers saved. Continue with:")
        assert ended(child) == (130, None)
        lines = screen(child)
        assert [line for line in lines if len(line) > 80 and "careercoach.db" not in line] == []
    finally:
        for number, drawn in enumerate(screens):  # shown when the test failed
            print(f"--- run {number + 1} ---\n{drawn}")
