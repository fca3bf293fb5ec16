"""Everything stored, at once: exported as one JSON document, or forgotten for real."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from careercoach.storage.assessments import AssessmentTables
from careercoach.storage.commitments import ALL_COMMITMENTS_SQL, CommitmentTables, commitment_data
from careercoach.storage.progress import EVENTS_SQL, ProgressTables, event_record
from careercoach.storage.tables import DamagedRow, damage_detail

DAMAGED_PAGE = "the file is damaged there"
"""Why a part of a damaged file (a page SQLite cannot read) is left out of an export."""


class Exported(NamedTuple):
    """What ``export-data`` writes, and what it had to leave out, one part a line
    (``the plan of assessment 2 (bad JSON at character 1)``)."""

    document: dict[str, Any]
    left_out: list[str]


class AllData(AssessmentTables, ProgressTables, CommitmentTables):
    """``export-data`` and ``forget``: they span every table."""

    def vacuum(self) -> None:
        """Rebuild the file so that deleted rows leave no trace in it."""
        with self._guard():
            self._conn.execute("VACUUM")

    def forget(self, assessment_id: int) -> bool:
        """Delete an assessment (answers, plan, scores, its done actions) for real, and
        rebuild the file. False if there was no such assessment."""
        with self._write() as conn:
            for table in ("done_actions", "answers", "plans", "scores"):
                conn.execute(f"DELETE FROM {table} WHERE assessment_id = ?", (assessment_id,))
            found = conn.execute("DELETE FROM assessments WHERE id = ?", (assessment_id,))
            deleted = found.rowcount > 0
        self.vacuum()
        return deleted

    def forget_all(self) -> tuple[int, int]:
        """Delete everything stored (assessments and all that hangs on them, events) and
        rebuild the file. Returns (assessments, events) deleted."""
        with self._write() as conn:
            for table in ("done_actions", "answers", "plans", "scores"):
                conn.execute(f"DELETE FROM {table}")
            assessments = conn.execute("DELETE FROM assessments").rowcount
            events = conn.execute("DELETE FROM events").rowcount
        self.vacuum()
        return assessments, events

    def _readable(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]] | None:
        """The rows, or None where SQLite finds the file damaged (a page it cannot read):
        ``export-data`` keeps every other part. Other errors (a lock, a full disk) stop it
        as everywhere else."""
        import sqlite3

        try:
            return list(self._conn.execute(sql, params).fetchall())
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError:
            return None

    def _assessment_data(self, row: tuple[Any, ...], left_out: list[str]) -> dict[str, Any]:
        """One assessment as exported: what can be read of it. A damaged column (the
        banks, an answer, the plan) or a damaged page (its answers, its plan) is left out,
        ``null``, and named in ``unreadable`` and in ``left_out``: ``export-data`` is how a
        person keeps what is left of a damaged database."""
        assessment_id = int(row[0])
        of = f"of assessment {assessment_id}"
        unreadable: list[str] = []
        banks: list[dict[str, Any]] | None = None
        try:
            banks = [{"id": bank.id, "version": bank.version} for bank in self._record(row).banks]
        except DamagedRow as exc:
            unreadable.append("banks")
            left_out.append(f"the bank list {of} ({exc.detail})")
        answers: dict[str, dict[str, Any]] = {}
        given = self._readable(
            "SELECT bank, question, value FROM answers WHERE assessment_id = ? ORDER BY rowid",
            (assessment_id,),
        )
        if given is None:
            unreadable.append("answers")
            left_out.append(f"the answers {of} ({DAMAGED_PAGE})")
        for bank, question, value in given or []:
            try:
                answers.setdefault(bank, {})[question] = json.loads(value)
            except ValueError as exc:
                unreadable.append(f"answers.{bank}.{question}")
                left_out.append(f"the answer {bank}.{question} {of} ({damage_detail(exc)})")
        plans = self._readable("SELECT plan FROM plans WHERE assessment_id = ?", (assessment_id,))
        plan = None
        if plans is None:
            unreadable.append("plan")
            left_out.append(f"the plan {of} ({DAMAGED_PAGE})")
        elif plans:
            try:
                plan = json.loads(plans[0][0])
            except ValueError as exc:
                unreadable.append("plan")
                left_out.append(f"the plan {of} ({damage_detail(exc)})")
        found: dict[str, Any] = {
            "id": assessment_id,
            "status": row[5],
            "started_at": row[1],
            "finished_at": row[2],
            "tool_version": row[4],
            "edited_at": row[6],
            "banks": banks,
            "answers": answers,
            "plan": plan,
        }
        if unreadable:
            found["unreadable"] = unreadable
        return found

    @staticmethod
    def _event_data(row: tuple[Any, ...], left_out: list[str]) -> dict[str, Any]:
        """One event as exported; a damaged one as its id, marked ``unreadable``."""
        try:
            e = event_record(row)
        except (ValueError, KeyError, TypeError) as exc:
            left_out.append(f"event {int(row[0])} ({damage_detail(exc)})")
            return {"id": int(row[0]), "unreadable": True}
        return {
            "id": e.id,
            "bank": e.bank,
            "trigger": e.trigger,
            "label": e.label,
            "date": e.happened_on.isoformat(),
            "note": e.note,
            "checkin_days": e.checkin_days,
            "recheck": list(e.recheck),
            "recorded_at": e.recorded_at,
        }

    def export_data(self) -> Exported:
        """Everything stored that can be read, as one JSON-ready document, and what was
        left out. A table on a damaged page is exported empty and named in the
        document's ``unreadable``; done actions and commitments are exported as stored."""
        left_out: list[str] = []
        unreadable: list[str] = []

        def table(name: str, sql: str) -> list[tuple[Any, ...]]:
            rows = self._readable(sql)
            if rows is None:
                unreadable.append(name)
                left_out.append(f"the {name.replace('_', ' ')} ({DAMAGED_PAGE})")
            return rows or []

        with self._guard():
            self._conn.execute("BEGIN")  # one consistent snapshot for all the reads
            try:
                assessments = [
                    self._assessment_data(row, left_out)
                    for row in table(
                        "assessments", f"SELECT {self._COLUMNS} FROM assessments ORDER BY id"
                    )
                ]
                done = [
                    dict(zip(self._DONE_COLUMNS.split(", "), row, strict=True))
                    for row in table(
                        "done_actions",
                        f"SELECT {self._DONE_COLUMNS} FROM done_actions "
                        "ORDER BY done_at, assessment_id, rowid",
                    )
                ]
                events = [
                    self._event_data(row, left_out)
                    for row in table("events", EVENTS_SQL + " ORDER BY id")
                ]
                commitments = [
                    commitment_data(row) for row in table("commitments", ALL_COMMITMENTS_SQL)
                ]
            finally:  # nothing was written; after a damaged page, COMMIT says it again
                self._conn.execute("ROLLBACK")
        document: dict[str, Any] = {
            "format": "careercoach-data",
            "format_version": 1,
            "assessments": assessments,
            "done_actions": done,
            "events": events,
            "commitments": commitments,
        }
        if unreadable:
            document["unreadable"] = unreadable
        return Exported(document, left_out)
