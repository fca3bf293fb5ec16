"""Bad ids are bad input (exit 2), said the same way everywhere, with a "did you mean"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRIAL_BANKS = FIXTURES / "answers" / "banks"
TRIAL_ANSWERS = FIXTURES / "answers" / "ok.yaml"
runner = CliRunner()


def builtin_ids() -> str:
    from careercoach.storage.banks import load_banks

    return ", ".join(entry.bank.id for entry in load_banks())


BUILTIN = builtin_ids()


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, list(args))


@pytest.fixture
def stored() -> int:
    result = cli("--bank-dir", str(TRIAL_BANKS), "assess", "--answers", str(TRIAL_ANSWERS))
    assert result.exit_code == 0, result.output
    return 1


@pytest.mark.parametrize(
    "args",
    [
        ["plan", "--id", "7"],
        ["plan", "--id", "7", "--export", "json", "--output", "-"],
        ["plan", "--id", "7", "--done", "trial.anything"],
        ["compare", "7"],
        ["compare", "1", "7"],
        ["forget", "--id", "7", "--yes"],
    ],
)
def test_an_unknown_assessment_is_bad_input_in_one_wording(stored: int, args: list[str]) -> None:
    result = cli("--bank-dir", str(TRIAL_BANKS), *args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "careercoach: no assessment 7 is stored\nSee the stored ones with: careercoach history\n",
    )


@pytest.mark.parametrize(
    "args", [["plan", "--id", "3"], ["compare", "3"], ["forget", "--id", "3", "--yes"]]
)
def test_an_unknown_assessment_with_nothing_stored(args: list[str]) -> None:
    """The same hint in every command (forget's said "See the stored ones with:
    careercoach history", plan's "Start one with: careercoach assess")."""
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (
        2,
        "careercoach: no assessment 3 is stored\nStart one with: careercoach assess\n",
    )


@pytest.mark.parametrize(
    "args", [["plan", "--id", "3"], ["compare", "3"], ["forget", "--id", "3", "--yes"]]
)
def test_an_unknown_assessment_once_everything_is_forgotten(stored: int, args: list[str]) -> None:
    """A database with no finished assessment in it says what an absent one says."""
    assert cli("forget", "--all", "--yes").exit_code == 0
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (
        2,
        "careercoach: no assessment 3 is stored\nStart one with: careercoach assess\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["plan"],
        ["plan", "--export", "md", "--output", "-"],
        ["plan", "--done", "1"],
        ["plan", "--commit", "1"],
        ["checkin"],
    ],
)
def test_no_finished_assessment_is_exit_1_in_one_wording(args: list[str]) -> None:
    """Every command that shows or changes the latest plan: exit 1, lower case after the
    prefix, and how to start (``checkin`` said it on stdout with exit 0)."""
    result = cli(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        "careercoach: no finished assessment yet\nStart one with: careercoach assess\n",
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["assess", "--bank", "STUCK", "--answers", str(TRIAL_ANSWERS)],
            f"careercoach: --bank STUCK: no such bank (banks: {BUILTIN}); did you mean 'stuck'?",
        ),
        (
            ["assess", "--bank", "promtion", "--answers", str(TRIAL_ANSWERS)],
            f"careercoach: --bank promtion: no such bank (banks: {BUILTIN}); "
            "did you mean 'promotion'?",
        ),
        (
            ["banks", "show", "Leader"],
            f"careercoach: banks show Leader: no such bank (banks: {BUILTIN}); "
            "did you mean 'leader'?",
        ),
        (
            ["banks", "show", "newyes"],
            f"careercoach: banks show newyes: no such bank (banks: {BUILTIN}); "
            "did you mean 'new_eyes'?",
        ),
        (
            ["banks", "show", "zzz"],
            f"careercoach: banks show zzz: no such bank (banks: {BUILTIN})",
        ),
    ],
)
def test_an_unknown_bank_says_which_was_meant(args: list[str], line: str) -> None:
    result = cli(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line + "\n")
