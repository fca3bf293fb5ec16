"""The store's edits of a finished assessment (``assess --edit``): a changed answer is
saved and the assessment's plan and scores are rebuilt with it, in one transaction.

So a finished assessment always has the plan of its stored answers, whenever the editing
stops (Ctrl-C, a closed terminal, a kill): there is no half-edited state to resume. It
stays the same assessment (the same id, the same ``finished_at``, which the plan's
horizons and check-in count from); ``edited_at`` says when it was last changed.

The column comes with migration 4 (:func:`m004_edited_at`, run by the store).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from careercoach.errors import StoreError
from careercoach.storage.assessments import ANSWERS_OF, AssessmentTables, BankRef
from careercoach.storage.tables import now, status_of

if TYPE_CHECKING:
    import sqlite3

    from careercoach.core.conditions import Answers, AnswerValue
    from careercoach.core.models import Bank, Plan


def m004_edited_at(conn: sqlite3.Connection) -> None:
    """When a finished assessment's answers were last changed (``assess --edit``);
    NULL for one never edited."""
    conn.execute("ALTER TABLE assessments ADD COLUMN edited_at TEXT")


class EditTables(AssessmentTables):
    """Changing the answers of a finished assessment (a part of the store)."""

    def edit_answers(
        self,
        assessment_id: int,
        *,
        saves: Mapping[tuple[str, str], AnswerValue] | None = None,
        drops: Sequence[tuple[str, str]] = (),
        make_plan: Callable[[Answers], Plan],
        banks: Sequence[Bank | BankRef] | None = None,
    ) -> Plan:
        """Save ``saves`` and delete ``drops`` (``(bank, question)``) of a finished
        assessment, then store the plan ``make_plan(answers)`` builds from its answers as
        they now are, its scores, and ``edited_at``: all in one transaction. ``banks``:
        the banks as the plan was made with them (a newer version of one is recorded)."""
        with self._write() as conn:
            if status_of(conn, assessment_id) != "finished":
                raise StoreError(f"assessment {assessment_id} is not finished")
            for (bank, question), value in (saves or {}).items():
                self._upsert_answer(conn, assessment_id, bank, question, value)
            conn.executemany(
                "DELETE FROM answers WHERE assessment_id = ? AND bank = ? AND question = ?",
                [(assessment_id, bank, question) for bank, question in drops],
            )
            plan = make_plan(
                self._answers_of(conn.execute(ANSWERS_OF, (assessment_id,)), assessment_id)
            )
            if plan.assessment_id != assessment_id:
                raise ValueError(f"the plan is for assessment {plan.assessment_id}")
            conn.execute("DELETE FROM scores WHERE assessment_id = ?", (assessment_id,))
            self._finish(conn, assessment_id, plan)
            conn.execute(
                "UPDATE assessments SET edited_at = ? WHERE id = ?", (now(), assessment_id)
            )
            if banks is not None:
                refs = [{"id": bank.id, "version": bank.version} for bank in banks]
                conn.execute(
                    "UPDATE assessments SET banks = ? WHERE id = ?",
                    (json.dumps(refs), assessment_id),
                )
        return plan

    def done_baseline_before(
        self, assessment_id: int, finished_at: str
    ) -> dict[tuple[str, str], int]:
        """The :meth:`done_baseline` the plan of ``assessment_id`` was first made with:
        the marks of the other assessments made before it finished (its own marks tick
        its actions; they never hide them)."""
        found: dict[tuple[str, str], int] = {}
        for bank, action, score in self._read(
            "SELECT bank, action, score FROM done_actions WHERE assessment_id != ? AND "
            "done_at <= ? ORDER BY done_at, assessment_id, rowid",
            (assessment_id, finished_at),
        ):
            found[(bank, action)] = int(score)
        return found
