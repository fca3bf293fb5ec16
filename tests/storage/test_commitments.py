"""The store's commitments: saved as given, kept by action id, gone with their assessment."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from careercoach.core.models import Plan
from careercoach.flows.assessment import load_plan, make_plan
from careercoach.storage.banks import load_banks
from careercoach.storage.store import Store

ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "ok.yaml"
BANKS = ANSWERS.parent / "banks"


def finished(store: Store) -> Plan:
    banks = [loaded.bank for loaded in load_banks([BANKS]) if loaded.bank.id == "trial"]
    answers = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    return store.record_finished(
        banks,
        answers,
        lambda assessment_id: make_plan(
            banks,
            answers,
            assessment_id=assessment_id,
            finished_at=datetime(2026, 12, 5, 9, 0, tzinfo=UTC),
        ),
    )


def test_a_commitment_follows_its_action_when_the_plan_is_rebuilt() -> None:
    with Store() as store:
        plan = finished(store)
        assert plan.assessment_id == 1
        first, second = plan.actions[0], plan.actions[1]
        assert store.save_commitment(1, f"trial.{second.id}", date(2031, 1, 10), "If x, then y.")
        assert not store.save_commitment(1, f"trial.{second.id}", date(2031, 1, 11), None)
        # the plan rebuilt with the actions in another order: the commitment goes along
        rebuilt = plan.model_copy(
            update={
                "actions": [
                    second.model_copy(update={"number": 1}),
                    first.model_copy(update={"number": 2}),
                ]
            }
        )
        shown = store.with_commitments(rebuilt)
    assert [(c.number, c.action_id, c.by, c.if_then) for c in shown.commitments] == [
        (1, f"trial.{second.id}", "2031-01-11", None)
    ]
    # and an action no longer in the plan: its commitment rests unseen
    alone = rebuilt.model_copy(update={"actions": [first.model_copy(update={"number": 1})]})
    with Store() as store:
        assert store.with_commitments(alone).commitments == []
        assert len(store.commitments(1)) == 1


def test_the_latest_plan_shows_its_commitments() -> None:
    with Store() as store:
        plan = finished(store)
        store.save_commitment(1, f"trial.{plan.actions[0].id}", date(2031, 1, 10), None)
    assert [(c.number, c.by) for c in load_plan().commitments] == [(1, "2031-01-10")]


def test_forgetting_an_assessment_forgets_its_commitments() -> None:
    with Store() as store:
        plan = finished(store)
        store.save_commitment(1, f"trial.{plan.actions[0].id}", date(2031, 1, 10), None)
        assert store.forget(1)
        assert store.commitments(1) == []
        plan = finished(store)
        assert plan.assessment_id == 2
        store.save_commitment(2, f"trial.{plan.actions[0].id}", date(2031, 1, 10), None)
        store.forget_all()
        assert store.commitments(2) == []


def test_export_data_carries_the_commitments() -> None:
    with Store() as store:
        plan = finished(store)
        store.save_commitment(1, f"trial.{plan.actions[0].id}", date(2031, 1, 10), "If x, then y.")
        document = store.export_data().document
    [entry] = document["commitments"]
    assert {key: entry[key] for key in ("assessment_id", "action", "by", "if_then")} == {
        "assessment_id": 1,
        "action": f"trial.{plan.actions[0].id}",
        "by": "2031-01-10",
        "if_then": "If x, then y.",
    }


def test_a_commitment_counts_its_changes_and_a_format_4_file_gains_the_count() -> None:
    """``plan --export ics`` raises a to-do's SEQUENCE by the times its commitment was
    changed; re-committing with the same day and line is no change."""
    import sqlite3

    from careercoach.paths import db_path
    from careercoach.storage import store as store_module

    with Store() as store:
        plan = finished(store)
        action = f"trial.{plan.actions[0].id}"
        store.save_commitment(1, action, date(2031, 1, 10), None)
    with sqlite3.connect(db_path()) as conn:  # as careercoach of data format 4 left it
        conn.execute("ALTER TABLE commitments DROP COLUMN changes")
        conn.execute("ALTER TABLE commitments DROP COLUMN changed_at")
        conn.execute("PRAGMA user_version = 4")
    conn.close()
    with Store() as store:
        assert store.user_version() == store_module.SCHEMA_VERSION == 5
        [record] = store.commitments(1)
        assert (record.changes, record.changed_at) == (0, None)
        store.save_commitment(1, action, date(2031, 1, 10), None)  # the same: no change
        store.save_commitment(1, action, date(2031, 1, 17), None)
        store.save_commitment(1, action, date(2031, 1, 17), "If ill, then Monday.")
        [record] = store.commitments(1)
    assert (record.changes, record.changed_at is not None) == (2, True)
    assert record.changed_at >= record.committed_at
