"""A broken bank someone added blocks nothing it is not asked for: one warning line, the
bank skipped. Asked for by ``--bank``, it is bad input (exit 2) with every problem."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BAD = FIXTURES / "bad_banks"
OK = FIXTURES / "answers" / "ok.yaml"
runner = CliRunner()


def cli(*args: str, env: dict[str, str] | None = None) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, list(args), env=env)


@pytest.fixture
def banks(bank_dir: Path) -> Path:
    """A bank folder with the trial bank and a bank missing a prompt (id ``mini``)."""
    shutil.copy(FIXTURES / "answers" / "banks" / "trial.yaml", bank_dir)
    shutil.copy(BAD / "missing_prompt.yaml", bank_dir / "mine.yaml")
    return bank_dir


def warning(path: Path, where: str, message: str, more: str = "") -> str:
    return (
        f"{path}:{where}: warning: {message} (bank skipped{more}; see every problem with: "
        f"careercoach banks validate {path})\n"
    )


def test_a_broken_bank_not_asked_for_is_skipped_with_one_warning(banks: Path) -> None:
    result = cli("--bank-dir", str(banks), "assess", "--answers", str(OK))
    assert result.exit_code == 0, result.output
    assert result.stderr == warning(banks / "mine.yaml", "40:5", "missing key 'prompt'")
    assert "Saved as assessment 1." in result.stdout


def test_the_same_from_careercoach_banks(banks: Path) -> None:
    result = cli("banks", "list", env={"CAREERCOACH_BANKS": str(banks)})
    assert result.exit_code == 0
    assert result.stderr == warning(banks / "mine.yaml", "40:5", "missing key 'prompt'")
    assert "trial" in result.stdout
    assert "mini" not in result.stdout


def test_a_syntax_error_is_skipped_too_and_more_problems_are_counted(bank_dir: Path) -> None:
    shutil.copy(BAD / "syntax_unclosed_bracket.yaml", bank_dir / "a.yaml")
    (bank_dir / "b.yaml").write_text(
        "id: b\nversion: 1\ntitle: B\ndimensions: []\nquestions: []\nextra: 1\n",
        encoding="utf-8",
    )
    result = cli("--bank-dir", str(bank_dir), "banks", "show", "stuck")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines(keepends=True)
    assert len(lines) == 2
    assert lines[0].startswith(f"{bank_dir / 'a.yaml'}:9:13: warning: YAML syntax error: ")
    assert lines[0].endswith(
        f"(bank skipped; see every problem with: careercoach banks validate "
        f"{bank_dir / 'a.yaml'})\n"
    )
    validated = cli("banks", "validate", str(bank_dir / "b.yaml"))
    problems = validated.stderr.splitlines()
    assert len(problems) > 1
    first = problems[0].removeprefix(f"{bank_dir / 'b.yaml'}:")
    where, message = first.split(": ", 1)
    assert lines[1] == warning(
        bank_dir / "b.yaml", where, message, f" and {len(problems) - 1} more problems"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--bank", "mini", "--answers", str(OK)],
        ["banks", "show", "mini"],
        ["banks", "template", "mini"],
    ],
)
def test_a_broken_bank_asked_for_is_bad_input(banks: Path, args: list[str]) -> None:
    result = cli("--bank-dir", str(banks), *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"{banks / 'mine.yaml'}:40:5: missing key 'prompt'\n"


def test_a_broken_bank_an_answers_file_answers_is_bad_input(banks: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("mini:\n  autopilot: 3\n", encoding="utf-8")
    result = cli("--bank-dir", str(banks), "assess", "--answers", str(answers))
    assert result.exit_code == 2
    assert result.stderr == f"{banks / 'mine.yaml'}:40:5: missing key 'prompt'\n"


def test_a_broken_bank_named_by_its_file_when_it_has_no_readable_id(bank_dir: Path) -> None:
    shutil.copy(BAD / "syntax_unclosed_bracket.yaml", bank_dir / "mine.yaml")
    result = cli("--bank-dir", str(bank_dir), "banks", "show", "mine")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bank_dir / 'mine.yaml'}:9:13: YAML syntax error: ")
