"""The assessment's prompts at 50, 60, 80 and 120 columns, and across a resize, through a
real pty: every line the assessment draws fits the terminal (so no word is broken at its
edge), nothing is cut with "…", and ``?`` shows what a question means.

``COLUMNS`` is removed from the child's environment: the pty's own size speaks, as in a
person's terminal.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest

from .test_assess_pty import CTRL_C, FIXTURES, QUESTIONS, SCRIPT, TIMEOUT, Screen, ended

pytestmark = pytest.mark.e2e

PLAN_TITLE = "Your career action plan"


@pytest.fixture
def home() -> Iterator[Path]:
    """A data folder with a short path: the welcome shows it, whole, on a line of its own."""
    folder = Path(tempfile.mkdtemp(prefix="cc-", dir="/tmp"))
    yield folder / "h"
    shutil.rmtree(folder, ignore_errors=True)


def spawn(home: Path, columns: int) -> Any:
    env = {
        **os.environ,
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm",
        "NO_COLOR": "1",
        "CAREERCOACH_HOME": str(home),
    }
    env.pop("COLUMNS", None)  # the pty's own size speaks
    child = pexpect.spawn(
        str(SCRIPT),
        ["--bank-dir", str(FIXTURES), "assess", "--bank", "mini"],
        env=env,
        dimensions=(50, columns),
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    child.logfile_read = io.StringIO()
    child.delaybeforesend = None
    return child


def drawn(child: Any, columns: int) -> list[str]:
    """The lines drawn up to the plan (the plan's own layout is the renderer's)."""
    screen = Screen(columns)
    screen.feed(child.logfile_read.getvalue().split(PLAN_TITLE, 1)[0])
    return screen.lines()


def finish(child: Any) -> None:
    child.expect_exact("Done, show my plan")  # the review: finish
    child.send("\r")
    child.expect_exact(PLAN_TITLE)
    child.expect_exact("Pick up to three actions to commit to")
    child.send("\r")
    assert ended(child) == (0, None)


IF_THEN = "If the week fills up with meetings, then I will block Friday morning for it."


def commit_to_the_first(child: Any) -> None:
    """After the plan: tick the first action, keep the day offered, say an if-then line
    longer than any of the four widths."""
    child.expect_exact("Done, show my plan")  # the review: finish
    child.send("\r")
    child.expect_exact(PLAN_TITLE)
    child.expect_exact("Pick up to three actions to commit to")
    child.send(" \r")
    child.expect_exact("By when?")
    child.send("\r")
    child.expect_exact("If something gets in the way")
    child.send(IF_THEN + "\r")
    child.expect_exact("Committed to 1:")
    assert ended(child) == (0, None)


def after_the_plan(child: Any) -> list[str]:
    """The lines drawn after the plan (the picker, the day, the if-then, the summary), read
    back 200 columns wide."""
    screen = Screen(200)
    screen.feed(child.logfile_read.getvalue().split("See it again with:", 1)[1])
    return screen.lines()


def overflowing(lines: list[str], columns: int) -> list[str]:
    return [line for line in lines if len(line) > columns or "…" in line]


@pytest.mark.parametrize("columns", [50, 60, 80, 120])
def test_every_line_of_an_assessment_fits_the_terminal(home: Path, columns: int) -> None:
    child = spawn(home, columns)
    try:
        child.expect_exact(QUESTIONS[0][0])
        child.send("?")  # what does this mean?
        child.expect_exact("About this question")
        child.expect_exact("Area: Restlessness (Mini check)")
        for text, keys in QUESTIONS:
            child.expect_exact(text[:20])  # the start of its question, on its first line
            child.send(keys)
        commit_to_the_first(child)
        # a Screen as wide as the terminal wraps what is wider, as the terminal did: the
        # same run read back 200 columns wide shows any such line whole
        lines = drawn(child, 200)
        assert overflowing(lines, columns) == []
        after = after_the_plan(child)
        assert overflowing(after, columns) == []
        # the if-then line, echoed and summed up, indented under its first line
        said = [line for line in after if line.startswith("  ") and "If the week" in line]
        assert len(said) == 2, after
        assert "Commit to an action with" not in child.logfile_read.getvalue()  # said once
        end = next(at for at, line in enumerate(lines) if line.startswith("Nothing is sent"))
        welcome = " ".join(lines[:end])
        assert "at the end you get a short, prioritized action plan." in welcome
        progress = [line for line in lines if line.startswith("Mini check")]
        assert progress[0].startswith("Mini check · question 1 of ")
    finally:
        print(child.logfile_read.getvalue())


def test_after_a_resize_the_questions_are_laid_out_for_the_new_width(home: Path) -> None:
    child = spawn(home, 120)
    try:
        for text, keys in QUESTIONS[:2]:
            child.expect_exact(text)
            child.send(keys)
        child.expect_exact("I chose it to learn")  # the whole question, 120 columns wide
        before = len(child.logfile_read.getvalue())
        child.setwinsize(50, 50)  # narrower, while a question is on screen
        child.expect_exact("I chose it to learn")  # drawn again, whole
        redrawn = Screen(50)  # the redraw erases the old frame and starts at its top
        redrawn.feed(child.logfile_read.getvalue()[before:])
        assert [line for line in redrawn.lines() if line] == [
            "? What was true of that lateral move?",
            "  (Space ticks, Enter; none is fine, < back, ? for",
            "  help)",
            " » ○ I was pushed into it",
            "   ○ I chose it to learn",
        ]
        child.send(QUESTIONS[2][1])
        for text, keys in QUESTIONS[3:]:
            child.expect_exact(text[:20])
            child.send(keys)
        finish(child)
        after = child.logfile_read.getvalue()[before:].split(PLAN_TITLE, 1)[0]
        screen = Screen(200)
        screen.feed(after)
        assert overflowing(screen.lines(), 50) == []
        assert any(line.startswith("? Anything else your coach") for line in screen.lines())
    finally:
        print(child.logfile_read.getvalue())


def test_stopping_at_the_first_question_says_so_between_words_at_50(home: Path) -> None:
    child = spawn(home, 50)
    try:
        child.expect_exact(QUESTIONS[0][0])
        child.send(CTRL_C)
        assert ended(child) == (130, None)
        screen = Screen(200)
        screen.feed(child.logfile_read.getvalue().split(QUESTIONS[0][0], 1)[1])
        assert [line for line in screen.lines() if line.startswith("careercoach")] + [
            line for line in screen.lines() if line.startswith("nothing")
        ] == ["careercoach: stopped before the first answer;", "nothing was saved."]
    finally:
        print(child.logfile_read.getvalue())
