"""``plan --check`` in a real pty: the checklist, ticking and unticking, long actions."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
from typer.testing import CliRunner

from careercoach.storage.store import Store

pytestmark = pytest.mark.e2e

BANKS = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "banks"
runner = CliRunner()
MID = {
    "coasting": 4,
    "pushing": 2,
    "role": "lead",
    "team_size": 5,
    "signs": ["stalled", "passed"],
    "years": 6,
}


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


def assess(tmp_path: Path, answers: dict[str, Any] = MID) -> int:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"trial": answers}))
    result = cli("assess", "--answers", str(path))
    assert result.exit_code == 0, result.output
    return int(result.output.split("Saved as assessment ")[1].split(".")[0])


def spawn_careercoach(*args: str, banks: Path = BANKS) -> Any:
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "careercoach", "--bank-dir", str(banks), *args],
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,  # only reached when something is wrong
    )
    child.logfile_read = io.StringIO()
    return child


def test_plan_check_in_a_terminal(tmp_path: Path) -> None:
    assessment = assess(tmp_path)
    assert cli("plan", "--done", "reach_month").exit_code == 0
    child = spawn_careercoach("plan", "--check")
    try:
        child.expect_exact(f"Which actions of assessment {assessment} have you done?")
        child.expect_exact("Finish one big thing.")
        child.send(" ")  # tick the first (Write down one goal...)
        child.send("\x1b[B")  # down to the second, ticked already
        child.send(" ")  # untick it
        child.send("\r")
        child.expect_exact("Marked 1 done, unmarked 1.")
        child.expect_exact(f"1 of 3 actions of assessment {assessment} done.")
        child.expect(pexpect.EOF)
    finally:
        if child.isalive():
            child.terminate(force=True)
            print(child.logfile_read.getvalue())
    with Store() as store:
        assert [d.action for d in store.done_actions(assessment)] == ["drive_week"]


LONG_ACTION_BANK = """\
id: long
title: Long actions
dimensions:
  - id: drift
    label: Drift
    actions:
      - id: talk
        horizon: week
        text: >-
          Book thirty minutes with your manager this week and ask which two results
          would matter most to the team by the end of the next quarter, then write
          them down where you will see them every morning.
questions:
  - {id: q1, type: likert, prompt: I drift., dimension: drift}
"""


def test_plan_check_wraps_a_long_action_under_itself(tmp_path: Path) -> None:
    """questionary drew each label on one line, cut at the edge of the screen; the
    checklist now wraps it between words, under its own start."""
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "long.yaml").write_text(LONG_ACTION_BANK, encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"long": {"q1": 5}}), encoding="utf-8")
    from careercoach.cli import app

    done = runner.invoke(app, ["--bank-dir", str(folder), "assess", "--answers", str(answers)])
    assert done.exit_code == 0, done.output
    child = spawn_careercoach("plan", "--check", banks=folder)
    try:
        child.expect_exact("1. Book thirty minutes with your manager this week and ask which two")
        child.expect_exact(
            "     results would matter most to the team by the end of the next quarter, then"
        )
        child.expect_exact("     write them down where you will see them every morning.")
        child.send(" \r")
        child.expect_exact("1 of 1 ticked")
        child.expect_exact("Marked 1 done, unmarked 0.")
        child.expect(pexpect.EOF)
    finally:
        if child.isalive():
            child.terminate(force=True)
            print(child.logfile_read.getvalue())
