"""The store's assessments: started, answered one answer at a time, finished with a
plan and its scores, read back."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from careercoach import __version__
from careercoach.errors import StoreError
from careercoach.storage.tables import Tables, now, status_of

if TYPE_CHECKING:
    import sqlite3

    from careercoach.core.conditions import Answers, AnswerValue
    from careercoach.core.models import Bank, Plan

Status = Literal["unfinished", "finished"]


@dataclass(frozen=True)
class BankRef:
    """A bank as an assessment used it."""

    id: str
    version: int


@dataclass(frozen=True)
class AssessmentRecord:
    """One row of ``assessments``."""

    id: int
    started_at: str
    finished_at: str | None
    banks: tuple[BankRef, ...]
    tool_version: str
    status: Status
    edited_at: str | None = None
    """When its answers were last changed (``assess --edit``); None if never."""

    @property
    def bank_ids(self) -> list[str]:
        return [bank.id for bank in self.banks]


def _bank_refs(raw: str) -> tuple[BankRef, ...]:
    return tuple(BankRef(str(b["id"]), int(b["version"])) for b in json.loads(raw))


ANSWERS_OF = "SELECT bank, question, value FROM answers WHERE assessment_id = ? ORDER BY rowid"


class AssessmentTables(Tables):
    """Assessments, their answers as given, finished plans and scores."""

    def start_assessment(self, banks: Sequence[Bank | BankRef]) -> int:
        """A new unfinished assessment of ``banks`` (in the order they will be asked)."""
        with self._write() as conn:
            return self._insert_assessment(conn, banks)

    @staticmethod
    def _insert_assessment(conn: sqlite3.Connection, banks: Sequence[Bank | BankRef]) -> int:
        refs = [{"id": bank.id, "version": bank.version} for bank in banks]
        cursor = conn.execute(
            "INSERT INTO assessments (started_at, banks, tool_version, status) "
            "VALUES (?, ?, ?, 'unfinished')",
            (now(), json.dumps(refs), __version__),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _unfinished(self, conn: sqlite3.Connection, assessment_id: int) -> None:
        if status_of(conn, assessment_id) != "unfinished":
            raise StoreError(f"assessment {assessment_id} is finished; its answers are kept")

    def save_answer(self, assessment_id: int, bank: str, question: str, value: AnswerValue) -> None:
        """Store (or replace) one answer of an unfinished assessment, committed at once."""
        with self._write() as conn:
            self._unfinished(conn, assessment_id)
            self._upsert_answer(conn, assessment_id, bank, question, value)

    @staticmethod
    def _upsert_answer(
        conn: sqlite3.Connection, assessment_id: int, bank: str, question: str, value: Any
    ) -> None:
        conn.execute(
            "INSERT INTO answers (assessment_id, bank, question, value, answered_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (assessment_id, bank, question) "
            "DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at",
            (assessment_id, bank, question, json.dumps(value, ensure_ascii=False), now()),
        )

    def delete_answers(self, assessment_id: int, keys: Iterable[tuple[str, str]]) -> None:
        """Remove answers ``(bank, question)`` of an unfinished assessment (one transaction)."""
        with self._write() as conn:
            self._unfinished(conn, assessment_id)
            conn.executemany(
                "DELETE FROM answers WHERE assessment_id = ? AND bank = ? AND question = ?",
                [(assessment_id, bank, question) for bank, question in keys],
            )

    def answers(self, assessment_id: int) -> Answers:
        """``{bank: {question: value}}`` as stored (in the order they were first given)."""
        return self._answers_of(self._read(ANSWERS_OF, (assessment_id,)), assessment_id)

    def _answers_of(self, rows: Iterable[Sequence[Any]], assessment_id: int) -> Answers:
        """The rows of :data:`ANSWERS_OF` as ``{bank: {question: value}}``."""
        found: Answers = {}
        for bank, question, value in rows:
            found.setdefault(bank, {})[question] = self._parse_row(
                json.loads,
                value,
                f"the answer {bank}.{question} of assessment {assessment_id}",
                assessment_id,
            )
        return found

    def unfinished(self) -> int | None:
        """The id of the most recent unfinished assessment, if any."""
        rows = self._read(
            "SELECT id FROM assessments WHERE status = 'unfinished' ORDER BY id DESC LIMIT 1"
        )
        return int(rows[0][0]) if rows else None

    def answer_count(self, assessment_id: int) -> int:
        """How many answers an assessment has."""
        rows = self._read("SELECT count(*) FROM answers WHERE assessment_id = ?", (assessment_id,))
        return int(rows[0][0])

    def finish(self, assessment_id: int, plan: Plan) -> None:
        """Mark an unfinished assessment finished with its plan and scores (one transaction)."""
        if plan.assessment_id != assessment_id:
            raise ValueError(f"the plan is for assessment {plan.assessment_id}")
        with self._write() as conn:
            self._unfinished(conn, assessment_id)
            self._finish(conn, assessment_id, plan)

    @staticmethod
    def _finish(conn: sqlite3.Connection, assessment_id: int, plan: Plan) -> None:
        conn.execute(
            "UPDATE assessments SET status = 'finished', finished_at = ?, tool_version = ? "
            "WHERE id = ?",
            (plan.finished_at, plan.tool_version, assessment_id),
        )
        conn.execute(
            "INSERT OR REPLACE INTO plans (assessment_id, plan) VALUES (?, ?)",
            (assessment_id, plan.model_dump_json()),
        )
        conn.executemany(
            "INSERT OR REPLACE INTO scores (assessment_id, bank, dimension, score, level) "
            "VALUES (?, ?, ?, ?, ?)",
            [(assessment_id, d.bank, d.id, d.score, d.level) for d in plan.dimensions],
        )

    def record_finished(
        self,
        banks: Sequence[Bank | BankRef],
        answers: Answers,
        make_plan: Callable[[int], Plan],
    ) -> Plan:
        """Store a whole assessment at once (``assess --answers``): its answers, then the
        plan ``make_plan(assessment_id)`` builds. One transaction: all or nothing."""
        with self._write() as conn:
            assessment_id = self._insert_assessment(conn, banks)
            for bank, given in answers.items():
                for question, value in given.items():
                    self._upsert_answer(conn, assessment_id, bank, question, value)
            plan = make_plan(assessment_id)
            if plan.assessment_id != assessment_id:
                raise ValueError(f"the plan is for assessment {plan.assessment_id}")
            self._finish(conn, assessment_id, plan)
        return plan

    def discard(self, assessment_id: int) -> bool:
        """Delete an assessment with its answers, plan and scores. False if there was none."""
        with self._write() as conn:
            for table in ("answers", "plans", "scores"):
                conn.execute(f"DELETE FROM {table} WHERE assessment_id = ?", (assessment_id,))
            cursor = conn.execute("DELETE FROM assessments WHERE id = ?", (assessment_id,))
            return cursor.rowcount > 0

    def discard_all(self) -> int:
        """Delete every assessment; returns how many there were."""
        with self._write() as conn:
            for table in ("answers", "plans", "scores"):
                conn.execute(f"DELETE FROM {table}")
            return conn.execute("DELETE FROM assessments").rowcount

    # -- reading --------------------------------------------------------------------------

    _COLUMNS = "id, started_at, finished_at, banks, tool_version, status, edited_at"

    def _record(self, row: tuple[Any, ...]) -> AssessmentRecord:
        assessment_id = int(row[0])
        refs = self._parse_row(
            _bank_refs,
            row[3],
            f"the bank list of assessment {assessment_id}",
            assessment_id,
        )
        return AssessmentRecord(assessment_id, row[1], row[2], refs, row[4], row[5], row[6])

    def assessment(self, assessment_id: int) -> AssessmentRecord | None:
        rows = self._read(f"SELECT {self._COLUMNS} FROM assessments WHERE id = ?", (assessment_id,))
        return self._record(rows[0]) if rows else None

    def finished(self, limit: int | None = None) -> list[AssessmentRecord]:
        """Finished assessments, newest first (by finishing time, then id)."""
        sql = (
            f"SELECT {self._COLUMNS} FROM assessments WHERE status = 'finished' "
            "ORDER BY finished_at DESC, id DESC"
        )
        rows = self._read(sql + " LIMIT ?", (limit,)) if limit is not None else self._read(sql)
        return [self._record(row) for row in rows]

    def latest_finished(self) -> AssessmentRecord | None:
        found = self.finished(limit=1)
        return found[0] if found else None

    def previous_finished(self, assessment_id: int) -> AssessmentRecord | None:
        """The finished assessment just before ``assessment_id`` (by finishing time, id)."""
        rows = self._read(
            f"SELECT {self._COLUMNS} FROM assessments AS a WHERE status = 'finished' AND "
            "EXISTS (SELECT 1 FROM assessments AS b WHERE b.id = ? AND b.finished_at IS NOT "
            "NULL AND (a.finished_at < b.finished_at OR (a.finished_at = b.finished_at "
            "AND a.id < b.id))) ORDER BY finished_at DESC, id DESC LIMIT 1",
            (assessment_id,),
        )
        return self._record(rows[0]) if rows else None

    def plan(self, assessment_id: int) -> Plan | None:
        """The stored plan of a finished assessment (None when there is none)."""
        rows = self._read("SELECT plan FROM plans WHERE assessment_id = ?", (assessment_id,))
        if not rows:
            return None
        from careercoach.core.models import Plan

        return self._parse_row(
            Plan.model_validate_json,
            rows[0][0],
            f"the plan of assessment {assessment_id}",
            assessment_id,
        )

    def scores(self, assessment_id: int) -> dict[tuple[str, str], int]:
        """``{(bank, dimension): score}`` of a finished assessment."""
        return {
            (bank, dimension): int(score)
            for bank, dimension, score in self._read(
                "SELECT bank, dimension, score FROM scores WHERE assessment_id = ?",
                (assessment_id,),
            )
        }
