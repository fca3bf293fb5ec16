"""The review before the plan, and ``assess --edit``, through a real pty on the trial
bank: a changed answer that closes a conditional question and one that opens another,
at 50 and 120 columns; then the same assessment reopened and changed again."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

from .test_assess_pty import Screen
from .trial_bank import BANKS, assess, cli

pytestmark = pytest.mark.e2e

DOWN = "\x1b[B"
REVIEW = "Your answers: pick one to change it, or finish."


def spawn(columns: int, *args: str) -> Any:
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1"}
    env.pop("COLUMNS", None)  # the pty's own size speaks
    child = pexpect.spawn(
        sys.executable,
        ["-m", "careercoach", "--bank-dir", str(BANKS), "assess", *args],
        env=env,
        dimensions=(40, columns),
        encoding="utf-8",
        timeout=20,  # only reached when something is wrong
    )
    child.logfile_read = io.StringIO()
    child.delaybeforesend = None
    return child


def review_on_screen(child: Any, last: str) -> list[str]:
    """The review list on screen, once its ``last`` row is drawn (from its question line
    to that row)."""
    child.expect_exact(last)
    screen = Screen(200)  # wider than the terminal: a line too long would show whole
    screen.feed(child.logfile_read.getvalue())
    lines = screen.lines()
    start = max(at for at, line in enumerate(lines) if line.startswith("? " + REVIEW))
    shown = []
    for line in lines[start:]:
        if not line.strip():
            break
        shown.append(line.rstrip())
    return shown


def stored(home: Path, assessment_id: int = 1) -> dict[str, Any]:
    with sqlite3.connect(home / "careercoach.db") as conn:
        rows = conn.execute(
            "SELECT question, value FROM answers WHERE assessment_id = ? ORDER BY rowid",
            (assessment_id,),
        ).fetchall()
    return {question: json.loads(value) for question, value in rows}


def wait_for_review(child: Any) -> None:
    child.expect_exact(REVIEW)
    child.expect_exact("Done, show my")


@pytest.mark.parametrize("columns", [50, 120])
def test_the_review_changes_one_answer_that_closes_a_question_and_one_that_opens_one(
    careercoach_home: Path, columns: int
) -> None:
    child = spawn(columns, "--bank", "trial")
    try:
        for text, keys in [
            ("I coast through", "4\r"),
            ("I push myself", "2\r"),
            ("What is your role?", "\r"),  # individual contributor
            ("Which of these are true?", f" {DOWN} \r"),  # nobody asks, projects stall
            ("How many years", "6\r"),
            ("What stalled?", "the budget\r"),  # opened by "my projects stall"
        ]:
            child.expect_exact(text)
            child.send(keys)
        wait_for_review(child)
        child.send(DOWN * 4 + "\r")  # 4: which of these are true
        child.expect_exact("Which of these are true?")
        child.send(f"{DOWN} \r")  # untick "my projects stall": "What stalled?" closes
        wait_for_review(child)
        child.send(DOWN * 3 + "\r")  # 3: the role
        child.expect_exact("What is your role?")
        child.send("2\r")  # team lead, which opens the team's size
        child.expect_exact("How many people report to you?")
        child.send("5\r")
        wait_for_review(child)
        shown = review_on_screen(child, "6. How many people report to you? → 5")
        child.send("\r")  # done
        child.expect_exact("Your career action plan")
        child.expect_exact("Pick up to three actions to commit to")
        child.send("\r")
        child.expect(pexpect.EOF)
    finally:
        print(child.logfile_read.getvalue())
    child.close()
    assert child.exitstatus == 0
    assert stored(careercoach_home) == {
        "coasting": 4,
        "pushing": 2,
        "role": "lead",
        "signs": ["quiet"],
        "years": 6,
        "team_size": 5,
    }
    wide = [
        "? " + REVIEW + " (↑/↓, PgUp/PgDn, Home/End or 1-6, Enter)",
        " » Done, show my plan",
        "   1. I coast through most weeks. → 4 (agree)",
        "   2. I push myself to do better work. → 2 (disagree)",
        "   3. What is your role? → Team lead",
        "   4. Which of these are true? → Nobody asks for my view",
        "   5. How many years in this role? → 6 years",
        "   6. How many people report to you? → 5",
    ]
    narrow = [
        "? Your answers: pick one to change it, or finish.",
        "  (↑/↓, PgUp/PgDn, Home/End or 1-6, Enter)",
        " » Done, show my plan",
        "   1. I coast through most weeks. → 4 (agree)",
        "   2. I push myself to do better… → 2 (disagree)",
        "   3. What is your role? → Team lead",
        "   4. Which of these… → Nobody asks for my view",
        "   5. How many years in this role? → 6 years",
        "   6. How many people report to you? → 5",
    ]
    assert shown == (narrow if columns == 50 else wide)
    assert max(len(line) for line in shown) <= columns


def test_assess_edit_reopens_the_latest_and_makes_its_plan_again(
    careercoach_home: Path, tmp_path: Path
) -> None:
    assess(tmp_path)  # MID: role lead (team size 5), signs stalled and passed
    assert cli("plan", "--commit", "1", "--by", "2031-01-09").exit_code == 0  # drive_week
    assert cli("plan", "--commit", "2", "--by", "2031-01-10").exit_code == 0  # reach_month
    before = json.loads(cli("plan", "--export", "json", "--output", "-").stdout)
    child = spawn(80, "--edit")
    try:
        child.expect_exact("Assessment 1, taken ")
        wait_for_review(child)
        child.send(DOWN * 3 + "\r")  # the role
        child.expect_exact("What is your role?")
        child.send("1\r")  # individual contributor: the team's size is dropped
        wait_for_review(child)
        shown = review_on_screen(child, "6. What stalled? → (skipped)")
        child.send("\r")
        child.expect_exact("Assessment 1 is changed, and its plan made again.")
        child.expect(pexpect.EOF)
    finally:
        print(child.logfile_read.getvalue())
    child.close()
    assert child.exitstatus == 0
    assert shown[:3] == [
        "? " + REVIEW,
        "  (↑/↓, PgUp/PgDn, Home/End or 1-6, Enter)",  # 80 columns: under the question
        " » Done, show my new plan",
    ]
    assert [line.split(". ", 1)[1].split(" →")[0] for line in shown[3:]] == [
        "I coast through most weeks.",
        "I push myself to do better work.",
        "What is your role?",
        "Which of these are true?",
        "How many years in this role?",
        "What stalled?",  # optional, never answered: shown, not asked
    ]
    assert shown[-1].endswith("What stalled? → (skipped)")
    assert "team_size" not in stored(careercoach_home)
    after = json.loads(cli("plan", "--export", "json", "--output", "-").stdout)
    assert (after["assessment_id"], after["finished_at"]) == (1, before["finished_at"])
    assert [(d["id"], d["score"]) for d in after["dimensions"]] == [("drive", 67), ("reach", 33)]
    # reach is low now: its action leaves the plan, and its commitment rests unseen
    assert [a["id"] for a in after["actions"]] == ["drive_week", "drive_quarter"]
    assert [c["action_id"] for c in after["commitments"]] == ["trial.drive_week"]
    history = json.loads(cli("history", "--json").stdout)
    assert len(history) == 1 and history[0]["edited_at"] is not None


def test_after_a_resize_the_review_is_cut_for_the_new_width(
    careercoach_home: Path, tmp_path: Path
) -> None:
    assess(tmp_path)
    child = spawn(120, "--edit")
    try:
        wait_for_review(child)
        child.expect_exact("7. How many people report to you? → 5")  # all drawn, 120 wide
        child.setwinsize(40, 50)  # narrower, while the review is on screen
        child.expect_exact("Which of these… → My projects stall, I was…")  # cut anew
        shown = review_on_screen(child, "7. How many people report to you? → 5")
        child.send("\r")
        child.expect_exact("Nothing was changed: assessment 1 is as it was.")
        child.expect(pexpect.EOF)
    finally:
        print(child.logfile_read.getvalue())
    assert max(len(line) for line in shown) <= 50
    assert "   4. Which of these… → My projects stall, I was…" in shown


def test_the_review_jumps_by_page_to_the_ends_and_to_a_typed_number(
    careercoach_home: Path, tmp_path: Path
) -> None:
    """With every bank the review has over 150 answers: PgUp/PgDn, Home/End and an
    answer's number jump, where ↓ alone took 100 presses (the QA reading)."""
    page_down, page_up, home, end = "\x1b[6~", "\x1b[5~", "\x1b[H", "\x1b[F"
    assess(tmp_path)  # MID: 7 answers, the last the team's size (5)
    child = spawn(80, "--edit")
    try:
        wait_for_review(child)
        child.send(page_down + "\r")  # a screenful down: the last answer, 7
        child.expect_exact("How many people report to you?")
        child.send("\x15" + "6\r")
        wait_for_review(child)
        child.send(end + page_up + "\r")  # back up a screenful: Done, at the top
        child.expect_exact("Assessment 1 is changed, and its plan made again.")
        child.expect(pexpect.EOF)
        child.close()
        assert stored(careercoach_home)["team_size"] == 6
        child = spawn(80, "--edit")
        wait_for_review(child)
        child.send("73\r")  # 7, then "73" is no answer's number: 3 anew, the role
        child.expect_exact("What is your role?")
        child.send("1\r")  # individual contributor: the team's size closes
        wait_for_review(child)
        child.send(end + home + "\r")
        child.expect_exact("Assessment 1 is changed, and its plan made again.")
        child.expect(pexpect.EOF)
    finally:
        print(child.logfile_read.getvalue())
    child.close()
    assert child.exitstatus == 0
    assert (stored(careercoach_home)["role"], "team_size" in stored(careercoach_home)) == (
        "ic",
        False,
    )
