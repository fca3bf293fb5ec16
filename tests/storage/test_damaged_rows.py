"""Every reader of the store goes through one helper for a stored row: corrupt JSON, or
JSON of the wrong shape, is :class:`DamagedRow` naming the file and the assessment (issue
18, item 11), never a JSONDecodeError, KeyError, TypeError or ValidationError."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from tests.storage.test_store import BANK, plan_for

from careercoach.paths import db_path
from careercoach.storage.store import Store
from careercoach.storage.tables import DamagedRow


def stored(damage: str) -> int:
    with Store() as store:
        store.finish(store.start_assessment([BANK]), plan_for(1))
        second = store.start_assessment([BANK])
        store.save_answer(second, "demo", "q1", 5)
        store.save_answer(second, "demo", "q2", 4)
        store.finish(second, plan_for(second, day=23))
    with sqlite3.connect(db_path()) as conn:
        assert conn.execute(damage, (second,)).rowcount >= 1
    conn.close()
    return second


BANKS_NOT_JSON = "UPDATE assessments SET banks = '{not json' WHERE id = ?"
BANKS_A_MAPPING = 'UPDATE assessments SET banks = \'{"id": "demo"}\' WHERE id = ?'
ANSWER_NOT_JSON = "UPDATE answers SET value = '[1,' WHERE assessment_id = ?"
PLAN_MISSING_A_FIELD = (
    "UPDATE plans SET plan = json_remove(plan, '$.finished_at') WHERE assessment_id = ?"
)
PLAN_A_LIST = "UPDATE plans SET plan = '[1, 2]' WHERE assessment_id = ?"
DIMENSIONS_A_MAPPING = (
    "UPDATE plans SET plan = json_set(plan, '$.dimensions', json('{\"a\": 1}')) "
    "WHERE assessment_id = ?"
)
ACTIONS_WITHOUT_TEXT = (
    "UPDATE plans SET plan = json_remove(plan, '$.actions[0].text') WHERE assessment_id = ?"
)
EVENT_RECHECK_NOT_JSON = "UPDATE events SET recheck = '[' WHERE id = ?"

READS: list[tuple[str, str, Callable[[Store, int], Any], str]] = [
    (BANKS_NOT_JSON, "the bank list", lambda s, i: s.assessment(i), "bad JSON at character 1"),
    (BANKS_A_MAPPING, "the bank list", lambda s, i: s.finished(), "a value of the wrong kind"),
    (BANKS_NOT_JSON, "the bank list", lambda s, i: s.taken(), "bad JSON at character 1"),
    (
        BANKS_NOT_JSON,
        "the plan or bank list",
        lambda s, i: s.history_entries(),
        "bad JSON at character 1",
    ),
    (ANSWER_NOT_JSON, "the answer demo.q1", lambda s, i: s.answers(i), "bad JSON at character 3"),
    (
        PLAN_MISSING_A_FIELD,
        "the plan",
        lambda s, i: s.plan(i),
        "1 field missing or of the wrong kind",
    ),
    (PLAN_A_LIST, "the plan", lambda s, i: s.plan(i), "1 field missing or of the wrong kind"),
    (
        DIMENSIONS_A_MAPPING,
        "the plan or bank list",
        lambda s, i: s.snapshot(i),
        "a value of the wrong kind",
    ),
    (
        DIMENSIONS_A_MAPPING,
        "the plan or bank list",
        lambda s, i: s.history_entries(),
        "a value of the wrong kind",
    ),
    (ACTIONS_WITHOUT_TEXT, "the plan or bank list", lambda s, i: s.snapshot(i), "no field 'text'"),
]


@pytest.mark.parametrize(("damage", "what", "read", "detail"), READS)
def test_every_reader_names_the_file_and_the_assessment(
    damage: str, what: str, read: Callable[[Store, int], Any], detail: str
) -> None:
    damaged = stored(damage)
    with Store() as store, pytest.raises(DamagedRow) as raised:
        read(store, damaged)
    assert raised.value.assessment_id == damaged
    assert raised.value.problems == [
        f"the database {db_path()} holds {what} of assessment {damaged} that careercoach "
        f"cannot read ({detail}); it was left as it is"
    ]
    assert raised.value.hint == (
        "Keep what can still be read with: careercoach export-data; drop that assessment "
        f"with: careercoach forget --id {damaged}"
    )
    assert raised.value.exit_code == 1


def test_a_damaged_event_names_the_event() -> None:
    with Store() as store:
        event = store.add_event(
            bank="demo",
            trigger="new_boss",
            label="New boss",
            happened_on="2026-11-01",
            note=None,
            checkin_days=28,
            recheck=(),
        )
    with sqlite3.connect(db_path()) as conn:
        conn.execute(EVENT_RECHECK_NOT_JSON, (event,))
    conn.close()
    with Store() as store, pytest.raises(DamagedRow) as raised:
        store.events()
    assert raised.value.problems == [
        f"the database {db_path()} holds event {event} that careercoach cannot read "
        "(bad JSON at character 1); it was left as it is"
    ]
    assert raised.value.hint == "Keep what can still be read with: careercoach export-data"


def test_forget_deletes_a_damaged_assessment() -> None:
    damaged = stored(PLAN_A_LIST)
    with Store() as store:
        assert store.forget(damaged)
        assert [record.id for record in store.finished()] == [1]
