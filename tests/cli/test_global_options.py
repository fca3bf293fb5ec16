"""``--bank-dir``, ``--no-color`` and ``--debug`` work after the command as well as
before it (``careercoach plan --no-color``, ``careercoach assess --bank-dir X``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careercoach.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRIAL_BANKS = FIXTURES / "answers" / "banks"
TRIAL_ANSWERS = FIXTURES / "answers" / "ok.yaml"
ANSWERS = FIXTURES / "plans" / "answers.yaml"
# an SGR sequence that sets a foreground or background colour (30-49, 90-107, 38;5;n...)
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")

runner = CliRunner()


def test_bank_dir_after_the_command() -> None:
    before = runner.invoke(
        app, ["--bank-dir", str(TRIAL_BANKS), "assess", "--answers", str(TRIAL_ANSWERS)]
    )
    after = runner.invoke(
        app, ["assess", "--bank-dir", str(TRIAL_BANKS), "--answers", str(TRIAL_ANSWERS)]
    )
    assert (before.exit_code, after.exit_code) == (0, 0), after.output
    assert "Saved as assessment 1" in before.stdout
    assert "Saved as assessment 2" in after.stdout
    without = runner.invoke(app, ["assess", "--answers", str(TRIAL_ANSWERS)])
    assert without.exit_code == 2  # the trial bank is only in that folder


def test_bank_dir_before_and_after_add_up(tmp_path: Path) -> None:
    listed = runner.invoke(
        app,
        ["--bank-dir", str(TRIAL_BANKS), "banks", "list", "--bank-dir", str(FIXTURES / "banks")],
    )
    assert listed.exit_code == 0, listed.output
    ids = [line.split()[0] for line in listed.stdout.splitlines()[1:] if not line[0].isspace()]
    assert {"trial", "mini", "extra"} <= set(ids)


def test_no_color_after_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    assert runner.invoke(app, ["assess", "--answers", str(ANSWERS)]).exit_code == 0
    coloured = runner.invoke(app, ["plan"])
    after = runner.invoke(app, ["plan", "--no-color"])
    before = runner.invoke(app, ["--no-color", "plan"])
    assert COLOUR.search(coloured.stdout)
    assert not COLOUR.search(after.stdout)
    assert after.stdout == before.stdout


def test_debug_after_the_command() -> None:
    quiet = runner.invoke(app, ["banks", "list", "--bank-dir", "/nonexistent"])
    assert (quiet.exit_code, quiet.stderr) == (2, "/nonexistent: bank folder does not exist\n")
    loud = runner.invoke(app, ["banks", "list", "--bank-dir", "/nonexistent", "--debug"])
    assert loud.exit_code == 2
    assert loud.stderr.startswith("Traceback (most recent call last):\n")
    assert loud.stderr.endswith("\n/nonexistent: bank folder does not exist\n")


def test_the_help_says_so_once() -> None:
    top = runner.invoke(app, ["--help"]).stdout
    assert "The options below also work after the command (careercoach plan --no-color)." in top
    for option in ("--bank-dir DIR", "--no-color", "--debug"):
        assert option in top
        assert option not in runner.invoke(app, ["plan", "--help"]).stdout
