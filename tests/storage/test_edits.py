"""The store's edits of a finished assessment: migration 4 (``edited_at``) on an older
file, a change saved with its plan in one transaction, and the done marks a plan made
again is compared with."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from careercoach.core.conditions import Answers
from careercoach.core.done import DoneItem
from careercoach.core.models import Bank, Plan
from careercoach.errors import StoreError
from careercoach.flows.assessment import make_plan
from careercoach.paths import db_path
from careercoach.storage import store as store_module
from careercoach.storage.store import Store

BANK = Bank.model_validate(
    {
        "id": "demo",
        "version": 3,
        "title": "Demo",
        "dimensions": [
            {"id": "d", "label": "D", "actions": [{"id": "a", "text": "Act.", "horizon": "week"}]}
        ],
        "questions": [
            {"id": "q1", "type": "likert", "prompt": "Q1", "dimension": "d"},
            {"id": "q2", "type": "likert", "prompt": "Q2", "dimension": "d"},
        ],
    }
)
TAKEN = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def planned(assessment_id: int, answers: Answers) -> Plan:
    return make_plan([BANK], answers, assessment_id=assessment_id, finished_at=TAKEN)


def finished(store: Store, q1: int = 5, q2: int = 4) -> int:
    answers = {"demo": {"q1": q1, "q2": q2}}
    plan = store.record_finished([BANK], answers, lambda at: planned(at, answers))
    assert plan.assessment_id is not None
    return plan.assessment_id


def test_an_older_database_opens_and_gains_the_column(careercoach_home: Path) -> None:
    careercoach_home.mkdir(parents=True)
    conn = sqlite3.connect(db_path())  # a file as careercoach 3 left it
    for number, migration in enumerate(store_module.MIGRATIONS[:3], start=1):
        migration(conn)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        "INSERT INTO assessments (started_at, finished_at, banks, tool_version, status) "
        "VALUES ('2026-11-22T09:50:00+00:00', '2026-11-22T10:00:00+00:00', "
        "'[{\"id\": \"demo\", \"version\": 3}]', '0.1.0', 'finished')"
    )
    conn.execute(
        "INSERT INTO plans (assessment_id, plan) VALUES (1, ?)",
        (planned(1, {"demo": {"q1": 5, "q2": 4}}).model_dump_json(),),
    )
    conn.commit()
    conn.close()
    with Store() as store:
        assert store.user_version() == store_module.SCHEMA_VERSION
        record = store.assessment(1)
        assert record is not None
        assert (record.finished_at, record.edited_at) == ("2026-11-22T10:00:00+00:00", None)
        assert store.history_entries()[0].edited_at is None
        assert store.export_data().document["assessments"][0]["edited_at"] is None
        # and it can be edited
        store.edit_answers(1, saves={("demo", "q1"): 1}, make_plan=lambda a: planned(1, a))
        record = store.assessment(1)
        assert record is not None and record.edited_at is not None
    with sqlite3.connect(db_path()) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(assessments)")]
    assert columns[-1] == "edited_at"


def test_a_change_is_saved_with_its_plan_and_scores() -> None:
    with Store() as store:
        assessment_id = finished(store)
        before = store.plan(assessment_id)
        assert before is not None
        seen: list[Answers] = []

        def rebuild(answers: Answers) -> Plan:
            seen.append(answers)
            return planned(assessment_id, answers)

        plan = store.edit_answers(
            assessment_id, saves={("demo", "q1"): 1}, drops=[("demo", "q2")], make_plan=rebuild
        )
        assert seen == [{"demo": {"q1": 1}}]  # the answers as they now are, in the transaction
        assert store.answers(assessment_id) == {"demo": {"q1": 1}}
        assert store.plan(assessment_id) == plan
        assert store.scores(assessment_id) == {("demo", "d"): 0}
        record = store.assessment(assessment_id)
        assert record is not None
        assert record.finished_at == before.finished_at == "2026-11-22T10:00:00+00:00"
        assert record.status == "finished" and record.edited_at is not None


def test_a_plan_that_fails_leaves_everything_as_it_was() -> None:
    with Store() as store:
        assessment_id = finished(store)
        before = (store.answers(assessment_id), store.plan(assessment_id))

        def broken(_answers: Answers) -> Plan:
            raise RuntimeError("planning failed")

        with pytest.raises(RuntimeError):
            store.edit_answers(assessment_id, saves={("demo", "q1"): 1}, make_plan=broken)
        assert (store.answers(assessment_id), store.plan(assessment_id)) == before
        record = store.assessment(assessment_id)
        assert record is not None and record.edited_at is None


def test_only_a_finished_assessment_is_edited() -> None:
    with Store() as store:
        started = store.start_assessment([BANK])
        with pytest.raises(StoreError, match=f"assessment {started} is not finished"):
            store.edit_answers(
                started, saves={("demo", "q1"): 1}, make_plan=lambda a: planned(1, a)
            )
        assert store.answers(started) == {}


def test_a_plan_made_again_is_compared_with_the_marks_made_before_it_was_taken() -> None:
    with Store() as store:
        first = finished(store)
        second = finished(store)
        store.mark_done(first, [DoneItem("demo", "d", "a", 90)])  # before the second
        store.mark_done(second, [DoneItem("demo", "d", "b", 80)])  # its own: ticks, never hides
        store.mark_done(first, [DoneItem("demo", "d", "c", 70)])  # after the second was taken
        with store._guard():
            for action, day in (("a", "21"), ("b", "22"), ("c", "23")):
                store._conn.execute(
                    "UPDATE done_actions SET done_at = ? WHERE action = ?",
                    (f"2026-11-{day}T09:00:00+00:00", action),
                )
        assert store.done_baseline_before(second, TAKEN.isoformat()) == {("demo", "a"): 90}
        assert store.done_baseline() == {("demo", "a"): 90, ("demo", "b"): 80, ("demo", "c"): 70}


def test_a_newer_version_of_a_bank_is_recorded_with_the_change() -> None:
    newer = BANK.model_copy(update={"version": 4})
    with Store() as store:
        assessment_id = finished(store)
        store.edit_answers(
            assessment_id,
            saves={("demo", "q1"): 2},
            make_plan=lambda a: planned(assessment_id, a),
            banks=[newer],
        )
        record = store.assessment(assessment_id)
        assert record is not None
        assert [(bank.id, bank.version) for bank in record.banks] == [("demo", 4)]
