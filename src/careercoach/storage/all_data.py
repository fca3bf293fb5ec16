"""Everything stored, at once: exported as one JSON document, or forgotten for real."""

from __future__ import annotations

import json
from typing import Any

from careercoach.storage.assessments import AssessmentTables
from careercoach.storage.commitments import CommitmentTables
from careercoach.storage.progress import EVENTS_SQL, ProgressTables, event_record
from careercoach.storage.tables import DamagedRow


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

    def _assessment_data(self, row: tuple[Any, ...]) -> dict[str, Any]:
        """One assessment as exported: what can be read of it. A damaged column (the
        banks, an answer, the plan) is left out, ``null``, and named in ``unreadable``:
        ``export-data`` is how a person keeps what is left of a damaged database."""
        assessment_id = int(row[0])
        unreadable: list[str] = []
        banks: list[dict[str, Any]] | None = None
        try:
            banks = [{"id": bank.id, "version": bank.version} for bank in self._record(row).banks]
        except DamagedRow:
            unreadable.append("banks")
        answers: dict[str, dict[str, Any]] = {}
        for bank, question, value in self._read(
            "SELECT bank, question, value FROM answers WHERE assessment_id = ? ORDER BY rowid",
            (assessment_id,),
        ):
            try:
                answers.setdefault(bank, {})[question] = json.loads(value)
            except ValueError:
                unreadable.append(f"answers.{bank}.{question}")
        plans = self._read("SELECT plan FROM plans WHERE assessment_id = ?", (assessment_id,))
        plan = None
        if plans:
            try:
                plan = json.loads(plans[0][0])
            except ValueError:
                unreadable.append("plan")
        found: dict[str, Any] = {
            "id": assessment_id,
            "status": row[5],
            "started_at": row[1],
            "finished_at": row[2],
            "tool_version": row[4],
            "banks": banks,
            "answers": answers,
            "plan": plan,
        }
        if unreadable:
            found["unreadable"] = unreadable
        return found

    @staticmethod
    def _event_data(row: tuple[Any, ...]) -> dict[str, Any]:
        """One event as exported; a damaged one as its id, marked ``unreadable``."""
        try:
            e = event_record(row)
        except (ValueError, KeyError, TypeError):
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

    def export_data(self) -> dict[str, Any]:
        """Everything stored, as one JSON-ready document (the same data, the same document)."""
        with self._guard():
            self._conn.execute("BEGIN")  # one consistent snapshot for all the reads
            try:
                assessments = [
                    self._assessment_data(row)
                    for row in self._read(f"SELECT {self._COLUMNS} FROM assessments ORDER BY id")
                ]
                done = [
                    {
                        "assessment_id": d.assessment_id,
                        "bank": d.bank,
                        "dimension": d.dimension,
                        "action": d.action,
                        "score": d.score,
                        "done_at": d.done_at,
                    }
                    for d in self.done_actions()
                ]
                events = [self._event_data(row) for row in self._read(EVENTS_SQL + " ORDER BY id")]
                commitments = self.commitments_data()
            finally:
                self._conn.execute("COMMIT")
        return {
            "format": "careercoach-data",
            "format_version": 1,
            "assessments": assessments,
            "done_actions": done,
            "events": events,
            "commitments": commitments,
        }
