"""A stored row that is not what careercoach wrote (issue 18, item 11): JSON that does not
parse, or JSON of the wrong shape. Every reader names the database file, the assessment
and what to do (exit 1); ``forget --id`` drops it, ``export-data`` keeps what can be read,
and ``assess --answers`` still stores the new assessment, only without the comparison."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careercoach.paths import db_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BANKS = FIXTURES / "banks"
ANSWERS = FIXTURES / "plans" / "injection-answers.yaml"
runner = CliRunner()

# Each damage: SQL run on assessment 2 (the latest of two), and what the message calls it.
DAMAGES = {
    "banks-not-json": "UPDATE assessments SET banks = '{not json' WHERE id = 2",
    "banks-of-the-wrong-shape": "UPDATE assessments SET banks = '[[\"stuck\", 1]]' WHERE id = 2",
    "answer-not-json": "UPDATE answers SET value = '{not json' WHERE assessment_id = 2",
    "plan-missing-a-field": (
        "UPDATE plans SET plan = json_remove(plan, '$.finished_at') WHERE assessment_id = 2"
    ),
    "plan-dimensions-a-mapping": (
        "UPDATE plans SET plan = json_set(plan, '$.dimensions', json('{\"a\": 1}')) "
        "WHERE assessment_id = 2"
    ),
}
HINT = (
    "Keep what can still be read with: careercoach export-data; drop that assessment with: "
    "careercoach forget --id 2\n"
)


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


def two_assessments_the_latest_damaged(damage: str) -> bytes:
    for _ in range(2):
        result = cli("assess", "--answers", str(ANSWERS))
        assert result.exit_code == 0, result.output
    with sqlite3.connect(db_path()) as conn:
        assert conn.execute(DAMAGES[damage]).rowcount >= 1
    conn.close()
    return db_path().read_bytes()


def calm(result: Any) -> None:
    assert "Traceback" not in result.output
    assert "unexpected error" not in result.output


def says_damaged(result: Any) -> None:
    assert result.exit_code == 1, result.output
    first, hint = result.stderr.split("\n", 1)
    assert first.startswith(f"careercoach: the database {db_path()} holds ")
    assert "of assessment 2 that careercoach cannot read (" in first
    assert first.endswith("); it was left as it is")
    assert hint == HINT


READERS_OF = {
    "banks-not-json": [["plan"], ["history"], ["compare"], ["checkin"]],
    "banks-of-the-wrong-shape": [["plan"], ["history"], ["compare"], ["checkin"]],
    # answers are read only by export-data and by resuming (tests/storage/test_damaged_rows.py)
    "plan-missing-a-field": [["plan"], ["checkin"]],
    "plan-dimensions-a-mapping": [["plan"], ["history"], ["compare"], ["checkin"]],
}


@pytest.mark.parametrize(
    ("damage", "args"),
    [(damage, args) for damage, readers in READERS_OF.items() for args in readers],
    ids=lambda value: value if isinstance(value, str) else " ".join(value),
)
def test_a_reader_names_the_file_the_assessment_and_what_to_do(
    damage: str, args: list[str], careercoach_home: Path
) -> None:
    before = two_assessments_the_latest_damaged(damage)
    result = cli(*args)
    calm(result)
    says_damaged(result)
    assert db_path().read_bytes() == before


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_forget_id_drops_a_damaged_assessment(damage: str, careercoach_home: Path) -> None:
    two_assessments_the_latest_damaged(damage)
    result = cli("forget", "--id", "2", "--yes")
    calm(result)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Deleted assessment 2 (its answers, plan and scores).\n")
    history = cli("history", "--json")
    assert history.exit_code == 0, history.output
    assert [entry["id"] for entry in json.loads(history.stdout)] == [1]


@pytest.mark.parametrize(
    ("damage", "unreadable"),
    [
        ("banks-not-json", ["banks"]),
        ("banks-of-the-wrong-shape", ["banks"]),
        ("answer-not-json", None),  # every answer of 2, by name
        ("plan-missing-a-field", None),
        ("plan-dimensions-a-mapping", None),
    ],
)
def test_export_data_keeps_what_can_be_read(
    damage: str, unreadable: list[str] | None, careercoach_home: Path
) -> None:
    before = two_assessments_the_latest_damaged(damage)
    result = cli("export-data", "--output", "-")
    calm(result)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    first, second = data["assessments"]
    assert "unreadable" not in first
    assert first["plan"]["assessment_id"] == 1
    assert first["banks"] is not None
    warned = "careercoach: warning: left out of the export: "
    if damage == "answer-not-json":
        assert second["answers"] == {}
        questions = [f"{bank}.{q}" for bank, given in first["answers"].items() for q in given]
        assert second["unreadable"] == [f"answers.{question}" for question in questions]
        assert result.stderr.splitlines() == [
            f"{warned}the answer {question} of assessment 2 (bad JSON at character 1)"
            for question in questions
        ]
    elif unreadable is not None:
        assert (second["banks"], second["unreadable"]) == (None, unreadable)
        assert second["plan"]["assessment_id"] == 2
        detail = (
            "bad JSON at character 1" if damage == "banks-not-json" else "a value of the wrong kind"
        )
        assert result.stderr == f"{warned}the bank list of assessment 2 ({detail})\n"
    else:  # the plan's JSON parses: exported as it is stored
        assert "unreadable" not in second
        assert second["plan"]["assessment_id"] == 2
        assert result.stderr == ""
    assert db_path().read_bytes() == before


@pytest.mark.parametrize("damage", ["banks-not-json", "banks-of-the-wrong-shape"])
def test_assess_answers_stores_the_new_one_and_only_drops_the_comparison(
    damage: str, careercoach_home: Path
) -> None:
    two_assessments_the_latest_damaged(damage)
    result = cli("assess", "--answers", str(ANSWERS))
    calm(result)
    assert result.exit_code == 0, result.output
    detail = (
        "bad JSON at character 1" if damage == "banks-not-json" else "a value of the wrong kind"
    )
    assert result.stderr.splitlines() == [
        f"careercoach: warning: no comparison with the previous assessment: the database "
        f"{db_path()} holds the bank list of assessment 2 that careercoach cannot read "
        f"({detail}); it was left as it is"
    ]
    assert result.stdout.strip().splitlines()[-1].startswith("Saved as assessment 3")
    with sqlite3.connect(db_path()) as conn:
        assert conn.execute("SELECT count(*) FROM plans").fetchone() == (3,)
    conn.close()


def test_a_damaged_event_is_named_and_export_data_keeps_the_rest(careercoach_home: Path) -> None:
    result = cli("assess", "--answers", str(ANSWERS))
    assert result.exit_code == 0, result.output
    for trigger in ("new_boss", "someone_fired"):
        assert cli("event", "add", trigger).exit_code == 0
    with sqlite3.connect(db_path()) as conn:
        conn.execute("UPDATE events SET recheck = '[' WHERE id = 1")
    conn.close()
    checkin = cli("checkin")
    calm(checkin)
    assert checkin.exit_code == 1
    assert checkin.stderr == (
        f"careercoach: the database {db_path()} holds event 1 that careercoach cannot read "
        "(bad JSON at character 1); it was left as it is\n"
        "Keep what can still be read with: careercoach export-data\n"
    )
    exported = cli("export-data", "--output", "-")
    calm(exported)
    assert exported.exit_code == 0, exported.output
    assert exported.stderr == (
        "careercoach: warning: left out of the export: event 1 (bad JSON at character 1)\n"
    )
    events = json.loads(exported.stdout)["events"]
    assert events[0] == {"id": 1, "unreadable": True}
    assert (events[1]["id"], events[1]["trigger"]) == (2, "someone_fired")


def test_export_data_keeps_a_done_mark_of_the_wrong_kind_as_stored(careercoach_home: Path) -> None:
    """A done action whose score is text (SQLite keeps what it is given) is exported as it
    is stored: export-data is a copy of the data, not a reading of it."""
    assert cli("assess", "--answers", str(ANSWERS)).exit_code == 0
    assert cli("plan", "--done", "1").exit_code == 0
    with sqlite3.connect(db_path()) as conn:
        conn.execute("UPDATE done_actions SET score = 'high'")
    conn.close()
    exported = cli("export-data", "--output", "-")
    calm(exported)
    assert (exported.exit_code, exported.stderr) == (0, "")
    (done,) = json.loads(exported.stdout)["done_actions"]
    assert (done["assessment_id"], done["score"]) == (1, "high")
