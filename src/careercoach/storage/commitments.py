"""The store's commitments: one row per action a person committed to, saved as given.

A commitment belongs to an assessment and is kept by its action's id (``bank.action``),
not by its place: when the plan of that assessment is rebuilt, a commitment stays with
its action wherever the action now stands, and rests unseen while the action is not in
the plan. Its number and its text come from the plan; whether it is done comes from the
action's own mark (``plan --done``).

The table comes with migration 3 (:func:`m003_commitments`, run by the store); its queries
are a part of the store (:class:`CommitmentTables`), whose writes are ``BEGIN IMMEDIATE``
transactions, each committed at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from careercoach.core.commitments import action_key
from careercoach.errors import StoreError
from careercoach.storage.tables import Tables, now, status_of

if TYPE_CHECKING:
    import sqlite3

    from careercoach.core.models import Plan


def m003_commitments(conn: sqlite3.Connection) -> None:
    """Commitments: an action of a finished assessment's plan, a day, an if-then line."""
    conn.execute(
        """
        CREATE TABLE commitments (
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            due_on TEXT NOT NULL,
            if_then TEXT,
            committed_at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, action)
        )
        """
    )


def m005_commitment_changes(conn: sqlite3.Connection) -> None:
    """How often a commitment was changed (its day or its if-then line), and when last:
    what a calendar needs to take the changed to-do (``plan --export ics``)."""
    conn.execute("ALTER TABLE commitments ADD COLUMN changes INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE commitments ADD COLUMN changed_at TEXT")


@dataclass(frozen=True)
class CommitmentRecord:
    assessment_id: int
    action: str
    """``bank.action``."""
    due_on: date
    if_then: str | None
    committed_at: str
    changes: int = 0
    """How many times its day or if-then line was changed after it was made."""
    changed_at: str | None = None


ALL_COMMITMENTS_SQL = (
    "SELECT assessment_id, action, due_on, if_then, committed_at, changes, changed_at "
    "FROM commitments ORDER BY assessment_id, committed_at, rowid"
)


def commitment_data(row: tuple[Any, ...]) -> dict[str, Any]:
    """A row of :data:`ALL_COMMITMENTS_SQL` as ``export-data`` writes it (as stored)."""
    return {
        "assessment_id": row[0],
        "action": row[1],
        "by": row[2],
        "if_then": row[3],
        "committed_at": row[4],
        "changes": row[5],
        "changed_at": row[6],
    }


class CommitmentTables(Tables):
    """Commitments (the table of data format 3)."""

    def save_commitment(
        self, assessment_id: int, action: str, due_on: date, if_then: str | None
    ) -> bool:
        """Save (or change) a commitment to ``action`` (``bank.action``) of a finished
        assessment's plan. True when it is new."""
        with self._write() as conn:
            if status_of(conn, assessment_id) != "finished":
                raise StoreError(f"assessment {assessment_id} is not finished")
            before = conn.execute(
                "SELECT 1 FROM commitments WHERE assessment_id = ? AND action = ?",
                (assessment_id, action),
            ).fetchone()
            conn.execute(
                "INSERT INTO commitments (assessment_id, action, due_on, if_then, committed_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (assessment_id, action) DO UPDATE SET "
                "due_on = excluded.due_on, if_then = excluded.if_then, changes = changes + 1, "
                "changed_at = excluded.committed_at "
                "WHERE due_on IS NOT excluded.due_on OR if_then IS NOT excluded.if_then",
                (assessment_id, action, due_on.isoformat(), if_then, now()),
            )
            return before is None

    def drop_commitment(self, assessment_id: int, action: str) -> bool:
        """Drop the commitment to ``action``; False when there was none."""
        with self._write() as conn:
            cursor = conn.execute(
                "DELETE FROM commitments WHERE assessment_id = ? AND action = ?",
                (assessment_id, action),
            )
            return cursor.rowcount > 0

    def commitments(self, assessment_id: int) -> list[CommitmentRecord]:
        """The commitments of an assessment, in the order they were first made."""
        return [
            CommitmentRecord(
                int(row[0]), row[1], date.fromisoformat(row[2]), row[3], row[4], int(row[5]), row[6]
            )
            for row in self._read(
                "SELECT assessment_id, action, due_on, if_then, committed_at, changes, "
                "changed_at FROM commitments WHERE assessment_id = ? ORDER BY committed_at, rowid",
                (assessment_id,),
            )
        ]

    def with_commitments(self, plan: Plan) -> Plan:
        """``plan`` with its commitments filled in, in the order of its actions: those
        whose action is in the plan, each with the action's number, text and done mark."""
        from careercoach.core.models import Commitment

        if plan.assessment_id is None:
            return plan
        stored = {c.action: c for c in self.commitments(plan.assessment_id)}
        if not stored:
            return plan
        found = []
        for position, action in enumerate(plan.actions):
            record = stored.get(action_key(action))
            if record is None:
                continue
            found.append(
                Commitment(
                    number=action.number or position + 1,
                    action_id=record.action,
                    text=action.text,
                    by=record.due_on.isoformat(),
                    if_then=record.if_then,
                    done=action.done,
                )
            )
        return plan.model_copy(update={"commitments": found})
