"""The store's reading for ``history`` and ``compare``: light records, fast.

``history`` and ``compare`` must answer quickly even with a thousand assessments stored.
Plans are never parsed whole into models: SQLite's ``json_extract`` picks out the
dimensions, focus and actions of only the assessments shown, into the plain records of
:mod:`careercoach.core.trends` and :mod:`careercoach.core.compare`.
"""

from __future__ import annotations

import json
from typing import Any

from careercoach.core.compare import ActionFigure, Snapshot
from careercoach.core.done import DoneAction
from careercoach.core.trends import DimensionFigure, Entry
from careercoach.errors import NotFound
from careercoach.storage.tables import Tables


def _dimensions(raw: str | None) -> tuple[DimensionFigure, ...]:
    return tuple(
        DimensionFigure(str(d["bank"]), str(d["id"]), str(d["label"]), int(d["score"]), d["level"])
        for d in json.loads(raw or "[]")
    )


def _top(raw: str | None) -> tuple[DimensionFigure, ...]:
    return tuple(
        DimensionFigure(
            str(d["bank"]), str(d["dimension"]), str(d["label"]), int(d["score"]), d["level"]
        )
        for d in json.loads(raw or "[]")
    )


def _actions(raw: str | None) -> tuple[ActionFigure, ...]:
    return tuple(
        ActionFigure(
            str(a["bank"]), str(a["dimension"]), str(a["id"]), str(a["text"]), a["horizon"]
        )
        for a in json.loads(raw or "[]")
    )


def _bank_ids(raw: str) -> tuple[str, ...]:
    return tuple(str(b["id"]) for b in json.loads(raw))


def _skipped(raw: str | None) -> tuple[str, ...]:
    """The ids of the banks that were not for the person (none in plans before these)."""
    return tuple(str(b["bank"]) for b in json.loads(raw or "[]"))


def _entry(row: tuple[Any, ...]) -> Entry:
    return Entry(
        id=int(row[0]),
        finished_at=row[1],
        banks=_bank_ids(row[2]),
        top=_top(row[3]),
        dimensions=_dimensions(row[4]),
        actions=int(row[5] or 0),
        done=int(row[6]),
        edited_at=row[7],
        skipped=_skipped(row[8]),
    )


def _snapshot(row: tuple[Any, ...]) -> Snapshot:
    return Snapshot(
        id=int(row[0]),
        finished_at=row[1],
        banks=_bank_ids(row[2]),
        dimensions=_dimensions(row[4]),
        actions=_actions(row[5]),
    )


def _action_texts(raw: str | None) -> dict[tuple[str, str], str]:
    return {(a.bank, a.id): a.text for a in _actions(raw)}


class HistoryQueries(Tables):
    """The reading of :class:`careercoach.storage.store.Store` for ``history`` and
    ``compare`` (a part of the store, not a store of its own)."""

    def finished_count(self) -> int:
        """How many finished assessments there are."""
        return int(self._read("SELECT count(*) FROM assessments WHERE status = 'finished'")[0][0])

    def unfinished_answers(self) -> int | None:
        """How many answers the latest unfinished assessment has, None without one."""
        rows = self._read(
            "SELECT (SELECT count(*) FROM answers WHERE assessment_id = a.id) "
            "FROM assessments AS a WHERE a.status = 'unfinished' ORDER BY a.id DESC LIMIT 1"
        )
        return int(rows[0][0]) if rows else None

    def history_entries(self, limit: int | None = None) -> list[Entry]:
        """Finished assessments, newest first (by finishing time, then id)."""
        sql = (
            "SELECT a.id, a.finished_at, a.banks, json_extract(p.plan, '$.focus'), "
            "json_extract(p.plan, '$.dimensions'), json_array_length(p.plan, '$.actions'), "
            # the done marks of actions in the plan (an edit may have taken some out)
            "(SELECT count(*) FROM done_actions AS d WHERE d.assessment_id = a.id AND "
            "EXISTS (SELECT 1 FROM json_each(p.plan, '$.actions') AS j WHERE "
            "json_extract(j.value, '$.bank') = d.bank AND "
            "json_extract(j.value, '$.id') = d.action)), a.edited_at, "
            "json_extract(p.plan, '$.skipped_banks') "
            "FROM assessments AS a LEFT JOIN plans AS p ON p.assessment_id = a.id "
            "WHERE a.status = 'finished' ORDER BY a.finished_at DESC, a.id DESC"
        )
        rows = self._read(sql + " LIMIT ?", (limit,)) if limit is not None else self._read(sql)
        return [
            self._parse_row(
                _entry,
                row,
                f"the plan or bank list of assessment {row[0]}",
                int(row[0]),
            )
            for row in rows
        ]

    def latest_two(self) -> list[int]:
        """The ids of the two newest finished assessments, older first."""
        rows = self._read(
            "SELECT id FROM assessments WHERE status = 'finished' "
            "ORDER BY finished_at DESC, id DESC LIMIT 2"
        )
        return [int(row[0]) for row in reversed(rows)]

    def taken(self) -> list[tuple[int, tuple[str, ...]]]:
        """``(id, banks)`` of every finished assessment, newest first (for
        :func:`pick_pair`; the banks list is small, the plans are not read)."""
        rows = self._read(
            "SELECT id, banks FROM assessments WHERE status = 'finished' "
            "ORDER BY finished_at DESC, id DESC"
        )
        return [
            (
                int(row[0]),
                self._parse_row(
                    _bank_ids,
                    row[1],
                    f"the bank list of assessment {row[0]}",
                    int(row[0]),
                ),
            )
            for row in rows
        ]

    def snapshot(self, assessment_id: int) -> Snapshot:
        """A finished assessment; :class:`NotFound` naming the id otherwise."""
        rows = self._read(
            "SELECT a.id, a.finished_at, a.banks, a.status, "
            "json_extract(p.plan, '$.dimensions'), json_extract(p.plan, '$.actions') "
            "FROM assessments AS a LEFT JOIN plans AS p ON p.assessment_id = a.id "
            "WHERE a.id = ?",
            (assessment_id,),
        )
        if not rows:
            raise self.unknown_assessment(assessment_id)
        row = rows[0]
        if row[3] != "finished":
            raise NotFound(
                f"assessment {assessment_id} is not finished",
                hint="Finish it with: careercoach assess --resume",
            )
        return self._parse_row(
            _snapshot,
            row,
            f"the plan or bank list of assessment {assessment_id}",
            assessment_id,
        )

    def done_between(self, then: Snapshot, now: Snapshot) -> list[DoneAction]:
        """Actions marked done in the plans from ``then`` up to, not including, ``now``
        (by finishing time), in the order they were marked, with their text."""
        rows = self._read(
            "SELECT d.assessment_id, d.bank, d.dimension, d.action, d.score, d.done_at, "
            "json_extract(p.plan, '$.actions') "
            "FROM done_actions AS d JOIN assessments AS a ON a.id = d.assessment_id "
            "LEFT JOIN plans AS p ON p.assessment_id = d.assessment_id "
            "WHERE a.status = 'finished' AND (a.finished_at > ? OR (a.finished_at = ? "
            "AND a.id >= ?)) AND (a.finished_at < ? OR (a.finished_at = ? AND a.id < ?)) "
            "ORDER BY d.done_at, d.assessment_id, d.rowid",
            (
                then.finished_at,
                then.finished_at,
                then.id,
                now.finished_at,
                now.finished_at,
                now.id,
            ),
        )
        texts: dict[int, dict[tuple[str, str], str]] = {}
        found = []
        for assessment_id, bank, dimension, action, score, done_at, planned in rows:
            if assessment_id not in texts:
                texts[assessment_id] = self._parse_row(
                    _action_texts,
                    planned,
                    f"the plan of assessment {assessment_id}",
                    int(assessment_id),
                )
            text = texts[assessment_id].get((bank, action))
            if text is None:  # not in that plan now (its answers were edited): not shown
                continue
            found.append(
                DoneAction(int(assessment_id), bank, dimension, action, int(score), done_at, text)
            )
        return found
