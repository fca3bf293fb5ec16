"""The SQLite store: permissions, pragmas, one committed transaction per write, migrations,
files it must not touch, and reading plans back."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from careercoach.core.models import Bank, Plan
from careercoach.errors import NotFound, StoreError, UnknownAssessment
from careercoach.flows.assessment import finish_assessment, load_plan, make_plan
from careercoach.paths import db_path
from careercoach.storage import store as store_module
from careercoach.storage.store import SCHEMA_VERSION, BankRef, Store

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


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def plan_for(assessment_id: int, q1: int = 5, q2: int = 4, day: int = 22) -> Plan:
    return make_plan(
        [BANK],
        {"demo": {"q1": q1, "q2": q2}},
        assessment_id=assessment_id,
        finished_at=datetime(2026, 11, day, 10, 0, tzinfo=UTC),
    )


# -- files ------------------------------------------------------------------------------


def test_folder_0700_and_file_0600_created_before_sqlite(careercoach_home: Path) -> None:
    old = os.umask(0o022)
    try:
        with Store():
            pass
    finally:
        os.umask(old)
    assert db_path() == careercoach_home / "careercoach.db"
    assert mode(careercoach_home) == 0o700
    assert mode(db_path()) == 0o600


def test_too_open_folder_and_file_are_tightened(careercoach_home: Path) -> None:
    careercoach_home.mkdir(parents=True)
    careercoach_home.chmod(0o755)
    db_path().touch()
    db_path().chmod(0o644)
    with Store():
        pass
    assert mode(careercoach_home) == 0o700
    assert mode(db_path()) == 0o600


def test_pragmas() -> None:
    with Store() as store:
        conn = store._conn
        assert conn.isolation_level is None
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.user_version() == SCHEMA_VERSION == len(store_module.MIGRATIONS)


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(careercoach_home: Path) -> None:
    careercoach_home.mkdir(parents=True)
    content = b"my precious notes, not a database\n" * 100
    db_path().write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Store()
    assert caught.value.problems == [
        f"{db_path()} is not a careercoach database (file is not a database); it was left as it is."
    ]
    assert caught.value.hint == "Move the file away, or set CAREERCOACH_HOME to another folder."
    assert db_path().read_bytes() == content


def test_a_newer_schema_is_refused_and_left_alone(careercoach_home: Path) -> None:
    careercoach_home.mkdir(parents=True)
    with sqlite3.connect(db_path()) as conn:
        conn.execute("CREATE TABLE future (x)")
        conn.execute("PRAGMA user_version = 99")
    before = db_path().read_bytes()
    with pytest.raises(StoreError) as caught:
        Store()
    assert caught.value.problems == [
        f"{db_path()} was written by a newer careercoach (data format 99; this one knows up "
        f"to {SCHEMA_VERSION}); it was left as it is."
    ]
    assert caught.value.exit_code == 1
    assert db_path().read_bytes() == before


def test_an_unwritable_home_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CAREERCOACH_HOME", str(blocker / "inside"))
    with pytest.raises(StoreError) as caught:
        Store()
    assert caught.value.problems[0].startswith(
        f"cannot create the data folder {blocker / 'inside'}"
    )


# -- migrations -------------------------------------------------------------------------


def test_a_failing_migration_leaves_no_trace(monkeypatch: pytest.MonkeyPatch) -> None:
    with Store():
        pass
    known = len(store_module.MIGRATIONS)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE test_scratch (id INTEGER PRIMARY KEY)")
        raise RuntimeError("half way")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, broken])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", known + 1)
    with pytest.raises(RuntimeError, match="half way"):
        Store()
    with sqlite3.connect(db_path()) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == known
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "test_scratch" not in tables
    assert {"assessments", "answers", "plans", "scores"} <= tables


def test_a_later_migration_runs_once(monkeypatch: pytest.MonkeyPatch) -> None:
    with Store() as store:
        first = store.start_assessment([BANK])
    known = len(store_module.MIGRATIONS)
    calls = []

    def add_scratch(conn: sqlite3.Connection) -> None:
        calls.append(1)
        conn.execute("CREATE TABLE test_scratch (id INTEGER PRIMARY KEY, kind TEXT)")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, add_scratch])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", known + 1)
    for _ in range(2):
        with Store() as store:
            assert store.user_version() == known + 1
            assert store.unfinished() == first
    assert calls == [1]


# -- writing ----------------------------------------------------------------------------


def test_each_answer_is_committed_at_once() -> None:
    with Store() as store:
        assessment_id = store.start_assessment([BANK])
        store.save_answer(assessment_id, "demo", "q1", 4)
        # another connection sees it while this one is still open
        with sqlite3.connect(db_path()) as other:
            rows = other.execute("SELECT bank, question, value FROM answers").fetchall()
        assert rows == [("demo", "q1", "4")]
        assert not store._conn.in_transaction


def test_an_answer_survives_a_kill(tmp_path: Path) -> None:
    code = (
        "import os, signal\n"
        "from careercoach.storage.store import Store\n"
        "from careercoach.core.models import Bank\n"
        "store = Store()\n"
        "i = store.start_assessment([])\n"
        "store.save_answer(i, 'demo', 'q1', 5)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, env={**os.environ})
    assert result.returncode == -9
    with Store() as store:
        assessment_id = store.unfinished()
        assert assessment_id is not None
        assert store.answers(assessment_id) == {"demo": {"q1": 5}}


def test_answers_are_upserted_deleted_and_read_back() -> None:
    with Store() as store:
        assessment_id = store.start_assessment([BANK])
        store.save_answer(assessment_id, "demo", "q1", 2)
        store.save_answer(assessment_id, "demo", "q2", 3)
        store.save_answer(assessment_id, "demo", "q1", 5)
        store.save_answer(assessment_id, "other", "m", ["a", "b"])
        store.save_answer(assessment_id, "other", "t", "naïve [text]")
        assert store.answers(assessment_id) == {
            "demo": {"q1": 5, "q2": 3},
            "other": {"m": ["a", "b"], "t": "naïve [text]"},
        }
        store.delete_answers(assessment_id, [("demo", "q2"), ("other", "m"), ("none", "x")])
        assert store.answers(assessment_id) == {"demo": {"q1": 5}, "other": {"t": "naïve [text]"}}


def test_start_unfinished_finish() -> None:
    with Store() as store:
        assert store.unfinished() is None
        assessment_id = store.start_assessment([BANK])
        assert store.unfinished() == assessment_id
        record = store.assessment(assessment_id)
        assert record is not None
        assert (record.status, record.finished_at, record.banks, record.tool_version) == (
            "unfinished",
            None,
            (BankRef("demo", 3),),
            "0.1.0",
        )
        assert record.bank_ids == ["demo"]
        store.save_answer(assessment_id, "demo", "q1", 5)
        store.save_answer(assessment_id, "demo", "q2", 4)
        plan = finish_assessment(store, assessment_id, [BANK])
        assert [(d.id, d.score) for d in plan.dimensions] == [("d", 75)]
        assert store.unfinished() is None
        record = store.assessment(assessment_id)
        assert record is not None and record.status == "finished"
        assert record.finished_at == plan.finished_at
        assert store.plan(assessment_id) == plan
        assert store.scores(assessment_id) == {("demo", "d"): 75}
        with pytest.raises(StoreError, match="is finished"):
            store.save_answer(assessment_id, "demo", "q1", 1)
        with pytest.raises(StoreError, match="is finished"):
            store.finish(assessment_id, plan)


def test_writing_to_an_assessment_that_does_not_exist() -> None:
    with Store() as store, pytest.raises(NotFound, match=r"^no assessment 7 is stored$"):
        store.save_answer(7, "demo", "q1", 1)


def test_discard() -> None:
    with Store() as store:
        first = store.start_assessment([BANK])
        store.save_answer(first, "demo", "q1", 1)
        second = store.start_assessment([BANK])
        assert store.discard(first) is True
        assert store.discard(first) is False
        assert store.assessment(first) is None
        assert store.answers(first) == {}
        assert store.unfinished() == second
        third = store.start_assessment([BANK])
        assert third == second + 1  # ids are never reused
        assert store.discard_all() == 2
        assert store.unfinished() is None


def test_record_finished_is_all_or_nothing() -> None:
    def broken(assessment_id: int) -> Plan:
        raise RuntimeError("no plan")

    with Store() as store:
        with pytest.raises(RuntimeError):
            store.record_finished([BANK], {"demo": {"q1": 5, "q2": 4}}, broken)
        assert store.finished() == []
        assert store.unfinished() is None
        assert store._read("SELECT count(*) FROM answers") == [(0,)]
        plan = store.record_finished([BANK], {"demo": {"q1": 5, "q2": 4}}, plan_for)
        assert plan.assessment_id is not None
        assert store.answers(plan.assessment_id) == {"demo": {"q1": 5, "q2": 4}}
        assert store.plan(plan.assessment_id) == plan


def test_a_database_locked_by_another_writer_is_reported_busy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Store() as store:
        assessment_id = store.start_assessment([BANK])
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 0)
    holder = sqlite3.connect(db_path(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store() as store, pytest.raises(StoreError) as caught:
            store.save_answer(assessment_id, "demo", "q1", 3)
        assert "is busy: another careercoach is using it" in caught.value.problems[0]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store() as store:
        assert store.answers(assessment_id) == {}


# -- reading plans back -----------------------------------------------------------------


def test_load_plan_with_nothing_stored_does_not_create_a_database() -> None:
    with pytest.raises(NotFound) as caught:
        load_plan(None)
    assert caught.value.problems == ["no finished assessment yet"]
    assert caught.value.hint == "Start one with: careercoach assess"
    with pytest.raises(UnknownAssessment, match=r"^no assessment 4 is stored$"):
        load_plan(4)
    assert not db_path().exists()


def test_load_plan_latest_by_id_and_previous() -> None:
    with Store() as store:
        store.record_finished([BANK], {"demo": {"q1": 1, "q2": 1}}, lambda i: plan_for(i, 1, 1, 20))
        store.record_finished([BANK], {"demo": {"q1": 5, "q2": 5}}, lambda i: plan_for(i, 5, 5, 21))
        unfinished = store.start_assessment([BANK])
    latest = load_plan(None)
    assert latest.assessment_id == 2
    assert latest.finished_at == "2026-11-21T10:00:00+00:00"
    assert latest.previous_finished_at == "2026-11-20T10:00:00+00:00"
    first = load_plan(1)
    assert [d.score for d in first.dimensions] == [0]
    assert first.previous_finished_at is None
    with pytest.raises(UnknownAssessment, match=r"^no assessment 9 is stored$"):
        load_plan(9)
    with pytest.raises(NotFound) as caught:
        load_plan(unfinished)
    assert caught.value.problems == [f"assessment {unfinished} is not finished"]
    with Store() as store:
        assert [r.id for r in store.finished()] == [2, 1]
        assert store.latest_finished() == store.assessment(2)
        assert store.previous_finished(1) is None


def test_load_plan_with_no_finished_assessment() -> None:
    with Store() as store:
        store.start_assessment([BANK])
    with pytest.raises(NotFound) as caught:
        load_plan(None)
    assert (caught.value.problems, caught.value.hint) == (
        ["no finished assessment yet"],
        "Start one with: careercoach assess",
    )


def test_load_plan_with_an_answered_unfinished_assessment_points_to_resume() -> None:
    with Store() as store:
        assessment_id = store.start_assessment([BANK])
        store.save_answer(assessment_id, BANK.id, BANK.questions[0].id, 3)
    with pytest.raises(NotFound) as caught:
        load_plan(None)
    assert caught.value.problems == [
        "no finished assessment yet; one is under way (1 answer saved)"
    ]
    assert caught.value.hint == "Finish it with: careercoach assess --resume"
