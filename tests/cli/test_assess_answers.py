"""``careercoach assess --answers FILE``: no prompt, the plan printed, the assessment stored;
every problem of a bad file reported at its line, exit 2, and nothing stored."""

from __future__ import annotations

import ast
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careercoach.core.conditions import is_asked
from careercoach.flows.assessment import load_plan
from careercoach.paths import db_path
from careercoach.storage.banks import load_banks

ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "answers"
BANKS = ANSWERS / "banks"
LIKERT = "a whole number from 1 (strongly disagree) to 5 (strongly agree)"

runner = CliRunner()


def run(*args: str, banks: bool = True) -> Any:
    from careercoach.cli import app

    prefix = ["--bank-dir", str(BANKS)] if banks else []
    return runner.invoke(app, [*prefix, "assess", *args])


def stored() -> int:
    """How many assessments the database holds (0 when there is no database)."""
    if not db_path().exists():
        return 0
    with sqlite3.connect(db_path()) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "assessments" not in tables:
            return 0
        count: int = conn.execute("SELECT count(*) FROM assessments").fetchone()[0]
    return count


def problems(result: Any) -> list[str]:
    return result.stderr.splitlines()


def at(name: str, line: int, col: int, message: str) -> str:
    return f"{ANSWERS / name}:{line}:{col}: {message}"


# -- the good path ----------------------------------------------------------------------


def test_a_valid_file_prints_the_plan_and_stores_it() -> None:
    result = run("--answers", str(ANSWERS / "ok.yaml"))
    assert result.exit_code == 0, result.output
    lines = [line.strip(" │") for line in result.stdout.splitlines()]
    assert lines[1] == "Your career action plan"
    assert lines[2].startswith("Assessment 1, ")
    assert "High need (67 of 100). You have lost momentum. Your answers: \u201cI coast" in lines
    assert "High need (100 of 100). Few people know your work." in lines
    assert "Drive " + "█" * 34 + "░" * 16 + "  67  high" in lines
    assert "Reach " + "█" * 50 + " 100  high" in lines
    assert [line for line in lines if "[ ] " in line] == [
        "1. [ ] Write down one goal for the year. (Drive)",
        "2. [ ] Meet one new person a week. (Reach)",
        "3. [ ] Finish one big thing. (Drive)",
    ]
    assert lines[-1] == "Saved as assessment 1. See it again with: careercoach plan"
    assert result.stderr == ""
    assert stored() == 1

    plan = load_plan(None)
    assert plan.assessment_id == 1
    assert plan.banks == ["trial"]
    assert [(d.id, d.score, d.level) for d in plan.dimensions] == [
        ("reach", 100, "high"),
        ("drive", 67, "high"),
    ]
    with sqlite3.connect(db_path()) as conn:
        row = conn.execute("SELECT banks, tool_version, status FROM assessments").fetchone()
        answers = dict(conn.execute("SELECT question, value FROM answers").fetchall())
        scores = conn.execute(
            "SELECT dimension, score, level FROM scores ORDER BY score"
        ).fetchall()
    assert json.loads(row[0]) == [{"id": "trial", "version": 2}]
    assert row[1:] == ("0.1.0", "finished")
    assert {k: json.loads(v) for k, v in answers.items()} == {
        "coasting": 4,
        "pushing": 2,
        "role": "lead",
        "signs": ["stalled", "passed"],
        "years": 6,
        "note": "The [bold]reorg[/] froze everything",
        "team_size": 5,
    }
    assert scores == [("drive", 67, "high"), ("reach", 100, "high")]


def test_a_json_file_works_too_and_the_second_run_knows_the_first() -> None:
    assert run("--answers", str(ANSWERS / "ok.yaml")).exit_code == 0
    result = run("--answers", str(ANSWERS / "ok.json"))
    assert result.exit_code == 0, result.output
    header = " ".join(line.strip(" │") for line in result.stdout.splitlines()[2:4])
    assert header.startswith("Assessment 2, ")
    assert "the same day as the one before." in header
    # one answer (the role) puts reach at 0: not enough for a strength (issue 16)
    assert "Reach: People know your work." not in result.stdout
    assert stored() == 2
    plan = load_plan(2)
    assert [(d.id, d.score) for d in plan.dimensions] == [("drive", 40), ("reach", 0)]
    assert plan.previous_finished_at == load_plan(1).finished_at


def test_with_bank_only_the_banks_named_are_assessed() -> None:
    result = run("--bank", "trial", "--answers", str(ANSWERS / "ok.yaml"))
    assert result.exit_code == 0, result.output
    assert load_plan(None).banks == ["trial"]


# -- bad files: exit 2, every problem at its line, nothing stored -----------------------

BAD_FILES = {
    "unknown_bank.yaml": [
        at(
            "unknown_bank.yaml",
            7,
            1,
            "trail: no such bank (banks: connections, education, leader, new_eyes, "
            "promotion, stuck, trial); did you mean 'trial'?",
        )
    ],
    "unknown_question.yaml": [
        at(
            "unknown_question.yaml",
            3,
            3,
            "trial.pushin: no such question in bank 'trial'; did you mean 'pushing'?",
        )
    ],
    "not_asked.yaml": [
        at(
            "not_asked.yaml",
            7,
            3,
            "trial.team_size: answered, but this question is not asked with your other "
            "answers (it is asked only when role is lead)",
        ),
        at(
            "not_asked.yaml",
            8,
            3,
            "trial.note: answered, but this question is not asked with your other answers "
            "(it is asked only when signs includes stalled)",
        ),
    ],
    "likert_out_of_range.yaml": [
        at("likert_out_of_range.yaml", 2, 13, f"trial.coasting: got 7, expected {LIKERT}")
    ],
    "likert_not_whole.yaml": [
        at("likert_not_whole.yaml", 3, 12, f"trial.pushing: got 2.5, expected {LIKERT}")
    ],
    "wrong_type.yaml": [
        at("wrong_type.yaml", 2, 13, f"trial.coasting: got 'four', expected {LIKERT}"),
        at(
            "wrong_type.yaml",
            6,
            10,
            "trial.years: got '6', expected a whole number from 0 to 50 (years)",
        ),
    ],
    "boolean.yaml": [
        at("boolean.yaml", 2, 13, f"trial.coasting: got true, expected {LIKERT}"),
        at("boolean.yaml", 4, 9, "trial.role: got 'yes', expected one of: ic, lead, none"),
    ],
    "unknown_option.yaml": [
        at(
            "unknown_option.yaml",
            4,
            9,
            "trial.role: got 'manager', expected one of: ic, lead, none",
        ),
        at(
            "unknown_option.yaml",
            5,
            18,
            "trial.signs: got 'loud' in the list, expected a list of any of: quiet, stalled, "
            "passed ([] for none)",
        ),
    ],
    "multi_not_a_list.yaml": [
        at(
            "multi_not_a_list.yaml",
            5,
            10,
            "trial.signs: got 'quiet', expected a list of any of: quiet, stalled, passed "
            "([] for none)",
        )
    ],
    "number_out_of_range.yaml": [
        at(
            "number_out_of_range.yaml",
            6,
            10,
            "trial.years: got 51, expected a whole number from 0 to 50 (years)",
        ),
        at(
            "number_out_of_range.yaml",
            7,
            14,
            "trial.team_size: got 0, expected a whole number from 1 to 500",
        ),
    ],
    "number_not_whole.yaml": [
        at(
            "number_not_whole.yaml",
            6,
            10,
            "trial.years: got 2.5, expected a whole number from 0 to 50 (years)",
        )
    ],
    "missing_required.yaml": [
        at("missing_required.yaml", 1, 1, f"trial.pushing: missing, expected {LIKERT}"),
        at(
            "missing_required.yaml",
            1,
            1,
            "trial.team_size: missing, expected a whole number from 1 to 500",
        ),
    ],
    "not_a_mapping.yaml": [
        at(
            "not_a_mapping.yaml",
            1,
            1,
            "got a list, expected a mapping of bank ids to their answers",
        )
    ],
    "bank_not_a_mapping.yaml": [
        at(
            "bank_not_a_mapping.yaml",
            1,
            8,
            "trial: got a list, expected a mapping of question ids to answers",
        )
    ],
    "duplicate_key.yaml": [
        at("duplicate_key.yaml", 4, 3, "duplicate key 'coasting' (first on line 2)")
    ],
    "bad.json": [at("bad.json", 4, 16, f"trial.pushing: got 9, expected {LIKERT}")],
    "many_errors.yaml": [
        at("many_errors.yaml", 1, 1, f"trial.pushing: missing, expected {LIKERT}"),
        at("many_errors.yaml", 2, 13, f"trial.coasting: got 0, expected {LIKERT}"),
        at("many_errors.yaml", 3, 9, "trial.role: got 'boss', expected one of: ic, lead, none"),
        at(
            "many_errors.yaml", 4, 20, "trial.signs: got 'stalled' twice, expected each option once"
        ),
        at(
            "many_errors.yaml",
            5,
            10,
            "trial.years: got -1, expected a whole number from 0 to 50 (years)",
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_lists_every_problem_at_its_line_and_stores_nothing(name: str) -> None:
    result = run("--answers", str(ANSWERS / name))
    assert result.exit_code == 2, result.output
    assert problems(result) == BAD_FILES[name]
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert stored() == 0


def test_a_yaml_syntax_error_names_its_line() -> None:
    # the wording after the location belongs to the YAML loader; the place is ours to check
    result = run("--answers", str(ANSWERS / "syntax_error.yaml"))
    assert result.exit_code == 2, result.output
    (line,) = problems(result)
    assert line.startswith(at("syntax_error.yaml", 4, 8, "YAML syntax error: "))
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert stored() == 0


def test_a_bad_file_after_a_good_one_adds_nothing() -> None:
    assert run("--answers", str(ANSWERS / "ok.yaml")).exit_code == 0
    assert run("--answers", str(ANSWERS / "many_errors.yaml")).exit_code == 2
    assert stored() == 1


def test_a_bank_named_with_bank_must_be_answered() -> None:
    result = run("--bank", "trial", "--bank", "stuck", "--answers", str(ANSWERS / "ok.yaml"))
    assert result.exit_code == 2
    assert problems(result) == [
        f"{ANSWERS / 'ok.yaml'}: stuck: no answers in the file, but --bank stuck asks for them"
    ]
    assert stored() == 0


def test_an_unknown_bank_named_with_bank() -> None:
    result = run("--bank", "nope", "--answers", str(ANSWERS / "ok.yaml"))
    assert result.exit_code == 2
    assert problems(result) == [
        "careercoach: --bank nope: no such bank (banks: connections, education, leader, "
        "new_eyes, promotion, stuck, trial)"
    ]
    assert stored() == 0


def test_a_missing_file() -> None:
    result = run("--answers", str(ANSWERS / "nowhere.yaml"))
    assert result.exit_code == 2
    assert problems(result) == [f"{ANSWERS / 'nowhere.yaml'}: no such file"]
    assert stored() == 0


def test_answers_cannot_be_combined_with_resume() -> None:
    result = run("--resume", "--answers", str(ANSWERS / "ok.yaml"))
    assert result.exit_code == 2
    assert problems(result) == [
        "careercoach: --answers cannot be combined with --resume or --restart"
    ]


def test_bank_text_is_printed_harmlessly(bank_dir: Path, tmp_path: Path) -> None:
    (bank_dir / "evil.yaml").write_text(
        'id: evil\ntitle: Evil\ndimensions:\n  - id: d\n    label: "\\e]0;owned\\a[bold]D[/]"\n'
        '    actions: [{id: a, text: "Run\\e[2J now", horizon: week}]\n'
        "questions:\n  - {id: q, type: likert, prompt: Q, dimension: d}\n",
        encoding="utf-8",
    )
    answers = tmp_path / "evil-answers.yaml"
    answers.write_text("evil: {q: 5}\n", encoding="utf-8")
    from careercoach.cli import app

    result = runner.invoke(app, ["--bank-dir", str(bank_dir), "assess", "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "  1. ]0;owned[bold]D[/]\n" in result.stdout
    assert "  1. [ ] Run[2J now (]0;owned[bold]D[/])" in result.stdout


# -- the built-in banks, end to end -----------------------------------------------------


def builtin_answers() -> dict[str, dict[str, Any]]:
    """Answer every asked question of every built-in bank, varied but valid."""
    answers: dict[str, dict[str, Any]] = {}
    for loaded in load_banks([]):
        given: dict[str, Any] = {}
        for index, question in enumerate(loaded.bank.questions):
            if not is_asked(question, given, loaded.bank):
                continue
            if question.type == "likert":
                given[question.id] = [2, 4, 5, 1, 3][index % 5]
            elif question.type == "single":
                ending = loaded.bank.audience.not_for if loaded.bank.audience else []
                options = [o.id for o in question.options if o.id not in ending]
                given[question.id] = options[index % len(options)]
            elif question.type == "multi":
                given[question.id] = [o.id for o in question.options[: index % 3]]
            elif question.type == "number":
                low = question.min if question.min is not None else 0
                given[question.id] = int(low) if question.integer else low
            else:
                given[question.id] = "Something changed."
        answers[loaded.bank.id] = given
    return answers


def test_every_builtin_bank_at_once(tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    path.write_text(json.dumps(builtin_answers()), encoding="utf-8")
    result = run("--answers", str(path), banks=False)
    assert result.exit_code == 0, result.output
    plan = load_plan(None)
    assert plan.banks == [loaded.bank.id for loaded in load_banks([])]
    assert plan.dimensions and plan.explain
    assert "Saved as assessment 1." in result.stdout


def loaded_by_a_run(answers: Path, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a whole ``assess --answers`` run, in a fresh process, loaded."""
    code = (
        "import sys\n"
        "from careercoach.cli import app\n"
        "try:\n"
        f"    app([{'--bank-dir'!r}, {str(BANKS)!r}, 'assess', '--answers', {str(answers)!r}])\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        f"print(sorted(m for m in {modules!r} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    loaded: list[str] = ast.literal_eval(result.stdout.splitlines()[-1])
    return loaded


def test_assess_answers_does_not_import_the_prompt_library(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text((ANSWERS / "ok.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert loaded_by_a_run(path, ("questionary", "prompt_toolkit")) == []


def test_assess_answers_validates_no_bank_once_the_banks_are_cached(
    tmp_path: Path, careercoach_home: Path
) -> None:
    """The run's own data is trusted: with the banks in the cache, no bank is validated
    (the plan is stored through pydantic's own serializer, which it builds once).

    The first run starts without a data folder: it caches its banks once the assessment
    is stored (it used to wait for a second run)."""
    assert not careercoach_home.exists()
    path = tmp_path / "answers.yaml"
    path.write_text((ANSWERS / "ok.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    heavy = ("careercoach.storage.bank_validation",)
    assert "careercoach.storage.bank_validation" in loaded_by_a_run(
        path, heavy
    )  # the first validates
    assert loaded_by_a_run(path, heavy) == []
