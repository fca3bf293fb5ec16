"""Numbers past every range: a 310-digit answer, a flag of 2**63 or more, a bank bound of
.nan or .inf. Each is exit 2 and one line per problem (``file:line:col`` where there is a
file), never an OverflowError, and nothing is stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.cli.usage_errors import usage_error_line
from typer.testing import CliRunner

from careercoach.paths import db_path
from careercoach.ui.prompts import number_problem, parse_number

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BANKS = FIXTURES / "banks"
ANSWERS = FIXTURES / "plans" / "injection-answers.yaml"
TOO_BIG = 2**63
LARGEST = "9223372036854775807"
runner = CliRunner()


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


def refused(result: Any, stderr: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr == stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert "unexpected error" not in result.output


@pytest.mark.parametrize("digits", [310, 400])
def test_a_number_answer_of_hundreds_of_digits(tmp_path: Path, digits: int) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "mini:\n  autopilot: 4\n  last_move: up\n  learning: 3\n  notes: ''\n"
        f"  years: {'9' * digits}\n"
    )
    result = cli("assess", "--answers", str(path))
    refused(
        result,
        f"{path}:6:10: mini.years: got a number of more than 20 digits, expected a whole "
        "number from 0 to 60 (years)\n",
    )
    assert not db_path().exists()


@pytest.mark.parametrize(
    ("args", "where", "flag"),
    [
        (["plan", "--id", str(TOO_BIG)], "careercoach plan", "--id"),
        (["plan", "--id", str(-TOO_BIG - 1)], "careercoach plan", "--id"),
        (["forget", "--id", str(TOO_BIG), "--yes"], "careercoach forget", "--id"),
        (["history", "--limit", str(TOO_BIG)], "careercoach history", "--limit"),
        (["compare", str(TOO_BIG), "1"], "careercoach compare", "A"),
        (["compare", "1", str(TOO_BIG)], "careercoach compare", "B"),
    ],
    ids=[
        "plan --id",
        "plan --id negative",
        "forget --id",
        "history --limit",
        "compare A",
        "compare B",
    ],
)
def test_integer_flags_of_2_to_the_63_or_more(
    args: list[str], where: str, flag: str, tmp_path: Path
) -> None:
    assert cli("assess", "--answers", str(ANSWERS)).exit_code == 0
    before = db_path().read_bytes()
    value = next(arg for arg in args if arg.lstrip("-").isdigit() and len(arg) > 5)
    # the parser names the flag or argument (A or B) in its words; the rest is ours
    problem = usage_error_line(cli(*args), where, flag)
    assert problem.endswith(f"{value} is not a possible id or count (at most {LARGEST})")
    assert db_path().read_bytes() == before


def test_a_flag_of_many_digits_is_shown_short() -> None:
    value = "7" * 60
    problem = usage_error_line(cli("plan", "--id", value), "careercoach plan", "--id")
    assert problem.endswith(
        f"77777777777777777777… (60 digits) is not a possible id or count (at most {LARGEST})"
    )


NUMBER_QUESTION = """\
id: bounds
version: 1
title: Bounds
dimensions:
  - id: d
    label: D
    actions:
      - {{id: a, text: Act., horizon: week}}
questions:
  - id: years
    type: number
    prompt: How many years?
    min: {low}
    max: {high}
  - id: busy
    type: likert
    prompt: I am busy.
    dimension: d
    weight: {weight}
"""


@pytest.mark.parametrize(
    ("low", "high", "weight", "problems"),
    [
        (".nan", "60", "1", ["13:10: min: expected a finite number, got the number .nan"]),
        ("0", ".inf", "1", ["14:10: max: expected a finite number, got the number .inf"]),
        ("-.inf", "60", "1", ["13:10: min: expected a finite number, got the number -.inf"]),
        (
            "0",
            "9" * 320,
            "1",
            ["14:10: max: expected a finite number, got a number of more than 20 digits"],
        ),
        ("0", "60", ".NaN", ["19:13: weight: expected a finite number, got the number .nan"]),
    ],
    ids=["min .nan", "max .inf", "min -.inf", "max 320 digits", "weight .NaN"],
)
def test_non_finite_numbers_in_a_bank_are_refused(
    tmp_path: Path, low: str, high: str, weight: str, problems: list[str]
) -> None:
    path = tmp_path / "bounds.yaml"
    path.write_text(NUMBER_QUESTION.format(low=low, high=high, weight=weight))
    result = cli("banks", "validate", str(path))
    refused(result, "".join(f"{path}:{problem}\n" for problem in problems))


def test_banks_show_json_never_prints_nan(bank_dir: Path) -> None:
    (bank_dir / "bounds.yaml").write_text(NUMBER_QUESTION.format(low=".nan", high="60", weight=1))
    from careercoach.cli import app

    result = runner.invoke(app, ["--bank-dir", str(bank_dir), "banks", "show", "bounds", "--json"])
    assert result.exit_code == 2, result.output
    assert "NaN" not in result.stdout
    assert result.stderr.startswith(f"{bank_dir / 'bounds.yaml'}:13:10: min: expected a finite")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("nan", "Write a finite number, like 12."),
        ("-Infinity", "Write a finite number, like 12."),
        ("9" * 310, "Write a finite number, like 12."),
        ("1e400", "Write a finite number, like 12."),
        ("1e17", "That number is too large."),
    ],
)
def test_a_typed_number_past_every_range_is_refused(text: str, problem: str) -> None:
    number = parse_number(text)
    assert number_problem(number, minimum=None, maximum=None, integer=False) == problem
