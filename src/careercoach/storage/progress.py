"""Coming back: actions marked done, and new-eyes events."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from careercoach.core.checkin import EventRecord
from careercoach.core.done import DoneAction, DoneItem
from careercoach.errors import StoreError
from careercoach.storage.tables import Tables, now, status_of

if TYPE_CHECKING:
    import sqlite3

EVENTS_SQL = (
    "SELECT id, bank, trigger, label, happened_on, note, checkin_days, recheck, recorded_at "
    "FROM events"
)


def event_record(row: tuple[Any, ...]) -> EventRecord:
    """A row of :data:`EVENTS_SQL` (ValueError, KeyError or TypeError when damaged)."""
    return EventRecord(
        int(row[0]),
        row[1],
        row[2],
        row[3],
        date.fromisoformat(row[4]),
        row[5],
        int(row[6]),
        tuple(json.loads(row[7])),
        row[8],
    )


def _finished_only(conn: sqlite3.Connection, assessment_id: int) -> None:
    """Done marks belong to a finished assessment's plan."""
    if status_of(conn, assessment_id) != "finished":
        raise StoreError(f"assessment {assessment_id} is not finished")


def _insert_done(conn: sqlite3.Connection, assessment_id: int, items: Iterable[DoneItem]) -> int:
    """Mark ``items`` done, now; returns how many were not marked before."""
    stamp = now()
    added = 0
    for item in items:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO done_actions (assessment_id, bank, dimension, action, "
            "score, done_at) VALUES (?, ?, ?, ?, ?, ?)",
            (assessment_id, item.bank, item.dimension, item.action, item.score, stamp),
        )
        added += cursor.rowcount
    return added


class ProgressTables(Tables):
    """Done actions and events (the tables of data format 2)."""

    def mark_done(self, assessment_id: int, items: Iterable[DoneItem]) -> int:
        """Record actions of a finished assessment's plan as done (one transaction).
        Returns how many were not marked before."""
        with self._write() as conn:
            _finished_only(conn, assessment_id)
            return _insert_done(conn, assessment_id, items)

    def set_done(
        self,
        assessment_id: int,
        items: Iterable[DoneItem],
        among: Iterable[tuple[str, str]] | None = None,
    ) -> tuple[int, int]:
        """Make ``items`` exactly the done actions of an assessment's plan (a checklist):
        new ones are marked, unticked ones unmarked. Only the actions ``among``
        (``(bank, action)``: those the checklist showed) are unmarked; a mark of an action
        no longer in the plan (its answers were edited) stays. Returns (marked, unmarked)."""
        chosen = list(items)
        shown = None if among is None else set(among)
        with self._write() as conn:
            _finished_only(conn, assessment_id)
            keep = {(item.bank, item.action) for item in chosen}
            before = conn.execute(
                "SELECT bank, action FROM done_actions WHERE assessment_id = ?", (assessment_id,)
            ).fetchall()
            gone = [
                (bank, action)
                for bank, action in before
                if (bank, action) not in keep and (shown is None or (bank, action) in shown)
            ]
            conn.executemany(
                "DELETE FROM done_actions WHERE assessment_id = ? AND bank = ? AND action = ?",
                [(assessment_id, bank, action) for bank, action in gone],
            )
            return _insert_done(conn, assessment_id, chosen), len(gone)

    _DONE_COLUMNS = "assessment_id, bank, dimension, action, score, done_at"

    def done_actions(self, assessment_id: int | None = None) -> list[DoneAction]:
        """Done actions (of one assessment's plan, or all), in the order they were marked."""
        where = "WHERE assessment_id = ? " if assessment_id is not None else ""
        params = (assessment_id,) if assessment_id is not None else ()
        return [
            DoneAction(int(row[0]), row[1], row[2], row[3], int(row[4]), row[5])
            for row in self._read(
                f"SELECT {self._DONE_COLUMNS} FROM done_actions {where}"
                "ORDER BY done_at, assessment_id, rowid",
                params,
            )
        ]

    def done_baseline(self) -> dict[tuple[str, str], int]:
        """``{(bank, action): score}``: for every action ever marked done, its
        dimension's score in the plan where it was last marked (what a new plan compares
        against to decide whether to repeat it)."""
        found: dict[tuple[str, str], int] = {}
        for bank, action, score in self._read(
            "SELECT bank, action, score FROM done_actions ORDER BY done_at, assessment_id, rowid"
        ):
            found[(bank, action)] = int(score)
        return found

    def add_event(
        self,
        *,
        bank: str,
        trigger: str,
        label: str,
        happened_on: str,
        note: str | None,
        checkin_days: int,
        recheck: Sequence[str],
    ) -> int:
        """Record a new-eyes event (``happened_on``: ``YYYY-MM-DD``); returns its id."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO events (bank, trigger, label, happened_on, note, checkin_days, "
                "recheck, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    bank,
                    trigger,
                    label,
                    happened_on,
                    note,
                    checkin_days,
                    json.dumps(list(recheck)),
                    now(),
                ),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def events(self) -> list[EventRecord]:
        """Every recorded event, newest first (by the day it happened, then id)."""
        return [
            self._parse_row(
                event_record,
                row,
                f"event {row[0]}",
            )
            for row in self._read(EVENTS_SQL + " ORDER BY happened_on DESC, id DESC")
        ]
