"""The store's reading for history and compare: light records, newest first."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from careercoach.core.models import DimensionScore, Plan, PlannedAction
from careercoach.errors import NotFound, UnknownAssessment
from careercoach.storage import store as store_module
from careercoach.storage.store import BankRef, DoneItem, Store


def stored_plan(assessment_id: int, finished_at: str, scores: dict[str, int]) -> Plan:
    return Plan(
        assessment_id=assessment_id,
        finished_at=finished_at,
        tool_version="0",
        dimensions=[
            DimensionScore(bank="b", id=k, label=k.upper(), score=v, level="moderate")
            for k, v in scores.items()
        ],
        actions=[
            PlannedAction(bank="b", dimension=k, id=f"do_{k}", text=f"Do {k}.", horizon="week")
            for k in scores
        ],
    )


def seed(store: Store, when: str, scores: dict[str, int]) -> int:
    return (
        store.record_finished(
            [BankRef("b", 1)], {"b": {}}, lambda i: stored_plan(i, when, scores)
        ).assessment_id
        or 0
    )


def test_store_reads_history_entries_snapshots_and_done() -> None:
    with Store() as store:
        first = seed(store, "2026-01-01T10:00:00+00:00", {"x": 80, "y": 30})
        second = seed(store, "2026-04-01T10:00:00+00:00", {"x": 50})
        third = seed(store, "2026-02-01T10:00:00+00:00", {"x": 60})  # finished in between
        store.mark_done(first, [DoneItem("b", "x", "do_x", 80)])
        store.mark_done(second, [DoneItem("b", "x", "do_x", 50)])
        unfinished = store.start_assessment([BankRef("b", 1)])
    with Store() as reader:
        assert reader.finished_count() == 3
        assert reader.unfinished_answers() == 0
        assert [e.id for e in reader.history_entries()] == [second, third, first]
        assert [e.id for e in reader.history_entries(2)] == [second, third]
        newest = reader.history_entries(1)[0]
        assert (newest.actions, newest.done, newest.banks) == (1, 1, ("b",))
        assert reader.latest_two() == [third, second]
        then, now = reader.snapshot(first), reader.snapshot(second)
        assert [d.key for d in then.dimensions] == ["b.x", "b.y"]
        done = reader.done_between(then, now)
        assert [(d.assessment_id, d.action, d.score, d.text) for d in done] == [
            (first, "do_x", 80, "Do x.")
        ]
        assert reader.taken() == [(second, ("b",)), (third, ("b",)), (first, ("b",))]
        with pytest.raises(UnknownAssessment, match=r"^no assessment 99 is stored$"):
            reader.snapshot(99)
        with pytest.raises(NotFound, match=rf"^assessment {unfinished} is not finished$"):
            reader.snapshot(unfinished)


def test_store_reads_history_migrates_an_old_file_first() -> None:
    import sqlite3

    from careercoach.paths import db_path

    with Store():
        pass
    with sqlite3.connect(db_path()) as conn:  # back to format 1, as an older version left it
        conn.execute("DROP TABLE done_actions")
        conn.execute("DROP TABLE events")
        conn.execute("DROP TABLE commitments")
        conn.execute("ALTER TABLE assessments DROP COLUMN edited_at")
        conn.execute("PRAGMA user_version = 1")
    with Store() as reader:
        assert reader.history_entries() == []
        assert reader.user_version() == store_module.SCHEMA_VERSION


def test_history_and_compare_modules_import_no_pydantic_models() -> None:
    """``history`` and ``compare`` answer fast: the store reads them without pydantic."""
    code = (
        "import sys, careercoach.storage.store, careercoach.ui.history_render; "
        "print(sorted(m for m in sys.modules if m.startswith(('careercoach.core.models', "
        "'pydantic', 'rich', 'yaml'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_now_is_utc() -> None:  # the stored stamps that events_since compares
    assert datetime.fromisoformat(store_module.now()).tzinfo == UTC
