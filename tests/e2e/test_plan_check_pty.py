"""``plan --check`` in a real pty: the checklist, ticking and unticking, long actions."""

from __future__ import annotations

import json
from pathlib import Path

import pexpect
from tests.e2e.trial_bank import assess, cli, runner, spawn_careercoach

from careercoach.storage.store import Store


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
