"""The built-in banks through the CLI: a bank that was not for the person, and education
answered neutral everywhere with the program's figures (see tests/unit/test_plan_edges.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

runner = CliRunner()


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--no-color", *args], env={"COLUMNS": "200"})


def assess(tmp_path: Path, answers: dict[str, Any]) -> Any:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    result = cli("assess", "--answers", str(path))
    assert result.exit_code == 0, result.output
    return result


def plan_json() -> dict[str, Any]:
    result = cli("plan", "--export", "json", "--output", "-")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_a_leader_bank_for_someone_who_manages_nobody(tmp_path: Path) -> None:
    result = assess(tmp_path, {"leader": {"manages": "nobody"}})
    assert (
        "\u201cDeveloping your bench\u201d was skipped as not for you: you answered "
        "\u201cI manage nobody\u201d." in result.stdout
    )
    assert "careercoach assess --bank stuck" in " ".join(result.stdout.split())
    assert "Nothing needs action now" not in result.stdout
    assert "No dimension was scored" not in result.stdout
    data = plan_json()
    assert data["skipped_banks"] == [
        {
            "bank": "leader",
            "title": "Developing your bench",
            "question": "manages",
            "answer": "nobody",
            "because": "I manage nobody",
        }
    ]
    assert (
        data["checkin_reason"] == "Now: none of the banks taken was for you, so take one that is."
    )
    history = cli("history")
    assert "    Top findings: leader skipped (not for you).\n" in history.stdout
    listed = json.loads(cli("history", "--json").stdout)
    assert [entry["skipped_banks"] for entry in listed] == [["leader"]]


def test_leader_skipped_and_stuck_answered_is_stucks_plan_with_one_line(tmp_path: Path) -> None:
    persona = Path(__file__).resolve().parents[1] / "personas" / "bored_analyst.yaml"
    path = tmp_path / "answers.yaml"
    path.write_text(
        "leader:\n  manages: nobody\n" + persona.read_text(encoding="utf-8"), encoding="utf-8"
    )
    assessed = cli("assess", "--answers", str(path))
    assert assessed.exit_code == 0, assessed.output
    out = assessed.stdout
    assert out.count("was skipped as not for you") == 1
    assert out.index("Not for you") < out.index("Focus first") < out.index("Actions")
    assert "nothing to plan" not in out
    assert [s["bank"] for s in plan_json()["skipped_banks"]] == ["leader"]


EDUCATION_FIGURES = {
    "qualification": "master",
    "program_in_mind": "yes_program",
    "program_cost": 60000,
    "program_years": 2,
    "current_salary": 70000,
    "expected_salary": 90000,
    "study_mode": "part_time",
    "completion_chance": 0.8,
    "program_loan": 0,
}


def test_education_answered_neutral_with_the_figures_draws_no_verdict(tmp_path: Path) -> None:
    from careercoach.cli import app

    template = runner.invoke(app, ["banks", "template", "education"]).stdout
    neutral = {
        line.strip()[:-1]: 3
        for line in template.splitlines()
        if line.startswith("  ") and not line.startswith("  #") and line.strip().endswith(":")
    }
    result = assess(tmp_path, {"education": {**neutral, **EDUCATION_FIGURES}})
    out = result.stdout
    assert "nothing to go on" not in out
    assert "only the figures you gave are worked out below" in out
    assert "Does the degree pay?" in out
    assert "Which way the evidence points" not in out
    assert "leans against" not in out
    data = plan_json()
    assert data["verdicts"] == []
    assert data["roi"] is not None
    markdown = cli("plan", "--export", "md", "--output", "-").stdout
    assert "## Which way the evidence points" not in markdown
    assert "nothing to go on" not in markdown


def test_the_checkin_after_no_bank_was_for_the_person_offers_another(tmp_path: Path) -> None:
    assess(tmp_path, {"leader": {"manages": "nobody"}})
    result = cli("checkin")
    assert result.exit_code == 0, result.output
    assert "Worth taking: stuck." in result.stdout
