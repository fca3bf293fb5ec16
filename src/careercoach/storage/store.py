"""The SQLite store: assessments, their answers as given, finished plans and scores.

Rules (DESIGN.md, "Where things go wrong"):

- the folder is created 0700 and the file 0600 *before* SQLite opens it (a too-open
  existing folder or file is tightened), and only a regular file of the person's own is
  opened, never through a link (:mod:`careercoach.storage.db_file`);
- ``PRAGMA quick_check`` runs before the first write of each store: a damaged file is
  never written to;
- ``synchronous=FULL``, ``journal_mode=DELETE`` (never OFF/MEMORY, no WAL),
  ``busy_timeout`` 5000 ms, foreign keys on;
- the connection runs in autocommit mode (``isolation_level=None``) and every write is
  its own ``BEGIN IMMEDIATE`` … ``COMMIT``, so a committed answer survives a kill and a
  second writer waits instead of failing at once;
- the schema is versioned by ``PRAGMA user_version``; :data:`MIGRATIONS` is an ordered
  list of functions, each run inside one transaction with its version bump (never
  ``executescript``, which commits on its own). A newer version than we know, or a file
  that is not SQLite, is a :class:`StoreError`; such a file is never touched.

Typical use::

    with Store.open() as store:
        assessment_id = store.start_assessment(banks)
        store.save_answer(assessment_id, "stuck", "autopilot", 4)
        ...
        store.finish(assessment_id, plan)
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from careercoach import __version__
from careercoach.core.checkin import EventRecord
from careercoach.core.done import DoneAction, DoneItem
from careercoach.errors import NotFound, StoreError
from careercoach.storage import db_file, db_format
from careercoach.storage.commitments import commitments_data, m003_commitments
from careercoach.storage.db_format import check_schema, sqlite_error
from careercoach.storage.history import HistoryQueries

if TYPE_CHECKING:
    from careercoach.core.conditions import Answers, AnswerValue
    from careercoach.core.models import Bank, Plan

__all__ = ["AssessmentRecord", "BankRef", "DoneAction", "DoneItem", "EventRecord", "Store"]

BUSY_TIMEOUT_MS = 5000
Status = Literal["unfinished", "finished"]


# -- migrations -------------------------------------------------------------------------


def _m001_initial(conn: sqlite3.Connection) -> None:
    """Assessments, the answers as given, finished plans, and their scores."""
    conn.execute(
        """
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            banks TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'unfinished'
                CHECK (status IN ('unfinished', 'finished')),
            CHECK ((status = 'finished') = (finished_at IS NOT NULL))
        )
        """
    )
    conn.execute("CREATE INDEX assessments_by_status ON assessments (status, finished_at, id)")
    conn.execute(
        """
        CREATE TABLE answers (
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            bank TEXT NOT NULL,
            question TEXT NOT NULL,
            value TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, bank, question)
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE plans (
            assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
            plan TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE scores (
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            bank TEXT NOT NULL,
            dimension TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
            level TEXT NOT NULL,
            PRIMARY KEY (assessment_id, bank, dimension)
        )
        """
    )


def _m002_progress(conn: sqlite3.Connection) -> None:
    """Coming back: actions marked done, new-eyes events, and indexes for history."""
    conn.execute(
        """
        CREATE TABLE done_actions (
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            bank TEXT NOT NULL,
            dimension TEXT NOT NULL,
            action TEXT NOT NULL,
            score INTEGER NOT NULL,
            done_at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, bank, action)
        )
        """
    )
    conn.execute("CREATE INDEX done_actions_by_action ON done_actions (bank, action, done_at)")
    conn.execute(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            bank TEXT NOT NULL,
            trigger TEXT NOT NULL,
            label TEXT NOT NULL,
            happened_on TEXT NOT NULL,
            note TEXT,
            checkin_days INTEGER NOT NULL,
            recheck TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX events_by_date ON events (happened_on, id)")


Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = [_m001_initial, _m002_progress, m003_commitments]
"""Append only: migration ``n`` (1-based) brings ``user_version`` from ``n - 1`` to ``n``."""
SCHEMA_VERSION = len(MIGRATIONS)
if SCHEMA_VERSION != db_format.SCHEMA_VERSION:  # pragma: no cover - fails every test run
    raise RuntimeError("db_format.SCHEMA_VERSION must count the migrations")


# -- records ----------------------------------------------------------------------------


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

    @property
    def bank_ids(self) -> list[str]:
        return [bank.id for bank in self.banks]


def now() -> str:
    """The current time, UTC, ISO 8601 to the second (how every timestamp is stored)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- the store --------------------------------------------------------------------------


class Store(HistoryQueries):
    """One open database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path | None = None) -> None:
        from careercoach.paths import db_path

        self.path = path or db_path()
        self._intact = False  # checked before the first write (db_file.check_intact)
        db_file.prepare(self.path)
        self._conn = db_file.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            with self._guard():
                # Whose file is it? Decided before anything is written (setting the
                # journal mode rewrites the header of a file in WAL mode).
                self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                version = check_schema(self._conn, self.path, SCHEMA_VERSION)
                self._configure()
                self._migrate(version)
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        return cls(path)

    @staticmethod
    def exists(path: Path | None = None) -> bool:
        """Whether a database file is there (reading commands need not create one)."""
        from careercoach.paths import db_path

        return db_file.exists(path or db_path())

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------

    def _error(self, exc: sqlite3.Error) -> StoreError:
        return sqlite_error(exc, self.path)

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: committed on success, else rolled back."""
        self.check_intact()
        with self._guard():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def check_intact(self) -> None:
        """Refuse to write to a damaged file (``PRAGMA quick_check``, once per store)."""
        if not self._intact:
            db_file.check_intact(self._conn, self.path)
            self._intact = True

    def _configure(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise StoreError(f"the database {self.path} cannot leave journal mode {mode}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")

    def user_version(self) -> int:
        with self._guard():
            version: int = self._conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    def _migrate(self, version: int) -> None:
        for number, migration in enumerate(MIGRATIONS, start=1):
            if number <= version:
                continue
            with self._write() as conn:
                current = check_schema(conn, self.path, SCHEMA_VERSION)  # now, inside the lock
                if current >= number:  # another process got there first
                    continue
                migration(conn)
                conn.execute(f"PRAGMA user_version = {number}")

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._guard():
            return list(self._conn.execute(sql, params).fetchall())

    # -- assessments --------------------------------------------------------------------

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

    @staticmethod
    def _status(conn: sqlite3.Connection, assessment_id: int) -> str:
        row = conn.execute(
            "SELECT status FROM assessments WHERE id = ?", (assessment_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"No assessment {assessment_id}.")
        status: str = row[0]
        return status

    def _unfinished(self, conn: sqlite3.Connection, assessment_id: int) -> None:
        if self._status(conn, assessment_id) != "unfinished":
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
        found: Answers = {}
        for bank, question, value in self._read(
            "SELECT bank, question, value FROM answers WHERE assessment_id = ? ORDER BY rowid",
            (assessment_id,),
        ):
            found.setdefault(bank, {})[question] = json.loads(value)
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
        from careercoach.core.models import plan_json

        conn.execute(
            "UPDATE assessments SET status = 'finished', finished_at = ?, tool_version = ? "
            "WHERE id = ?",
            (plan.finished_at, plan.tool_version, assessment_id),
        )
        conn.execute(
            "INSERT OR REPLACE INTO plans (assessment_id, plan) VALUES (?, ?)",
            (assessment_id, plan_json(plan)),
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

    # -- reading ------------------------------------------------------------------------

    _COLUMNS = "id, started_at, finished_at, banks, tool_version, status"

    @staticmethod
    def _record(row: tuple[Any, ...]) -> AssessmentRecord:
        refs = tuple(BankRef(str(b["id"]), int(b["version"])) for b in json.loads(row[3]))
        return AssessmentRecord(int(row[0]), row[1], row[2], refs, row[4], row[5])

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
        from pydantic import ValidationError

        from careercoach.core.models import Plan

        try:
            return Plan.model_validate_json(rows[0][0])
        except ValidationError as exc:
            raise StoreError(
                f"the stored plan of assessment {assessment_id} cannot be read "
                f"({exc.error_count()} problems); it was left as it is"
            ) from None

    def scores(self, assessment_id: int) -> dict[tuple[str, str], int]:
        """``{(bank, dimension): score}`` of a finished assessment."""
        return {
            (bank, dimension): int(score)
            for bank, dimension, score in self._read(
                "SELECT bank, dimension, score FROM scores WHERE assessment_id = ?",
                (assessment_id,),
            )
        }

    # -- coming back: done actions, events, forgetting, export ---------------------------

    def mark_done(self, assessment_id: int, items: Iterable[DoneItem]) -> int:
        """Record actions of a finished assessment's plan as done (one transaction).
        Returns how many were not marked before."""
        with self._write() as conn:
            if self._status(conn, assessment_id) != "finished":
                raise StoreError(f"assessment {assessment_id} is not finished")
            stamp = now()
            added = 0
            for item in items:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO done_actions (assessment_id, bank, dimension, "
                    "action, score, done_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (assessment_id, item.bank, item.dimension, item.action, item.score, stamp),
                )
                added += cursor.rowcount
            return added

    def set_done(self, assessment_id: int, items: Iterable[DoneItem]) -> tuple[int, int]:
        """Make ``items`` exactly the done actions of an assessment's plan (a checklist):
        new ones are marked, unticked ones unmarked. Returns (marked, unmarked)."""
        chosen = list(items)
        with self._write() as conn:
            if self._status(conn, assessment_id) != "finished":
                raise StoreError(f"assessment {assessment_id} is not finished")
            keep = {(item.bank, item.action) for item in chosen}
            before = conn.execute(
                "SELECT bank, action FROM done_actions WHERE assessment_id = ?", (assessment_id,)
            ).fetchall()
            gone = [(bank, action) for bank, action in before if (bank, action) not in keep]
            conn.executemany(
                "DELETE FROM done_actions WHERE assessment_id = ? AND bank = ? AND action = ?",
                [(assessment_id, bank, action) for bank, action in gone],
            )
            stamp = now()
            added = 0
            for item in chosen:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO done_actions (assessment_id, bank, dimension, "
                    "action, score, done_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (assessment_id, item.bank, item.dimension, item.action, item.score, stamp),
                )
                added += cursor.rowcount
            return added, len(gone)

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
            EventRecord(
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
            for row in self._read(
                "SELECT id, bank, trigger, label, happened_on, note, checkin_days, recheck, "
                "recorded_at FROM events ORDER BY happened_on DESC, id DESC"
            )
        ]

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

    def export_data(self) -> dict[str, Any]:
        """Everything stored, as one JSON-ready document (the same data, the same document)."""
        with self._guard():
            self._conn.execute("BEGIN")  # one consistent snapshot for all the reads
            try:
                assessments = []
                for record in self._read(f"SELECT {self._COLUMNS} FROM assessments ORDER BY id"):
                    found = self._record(record)
                    rows = self._read("SELECT plan FROM plans WHERE assessment_id = ?", (found.id,))
                    assessments.append(
                        {
                            "id": found.id,
                            "status": found.status,
                            "started_at": found.started_at,
                            "finished_at": found.finished_at,
                            "tool_version": found.tool_version,
                            "banks": [
                                {"id": bank.id, "version": bank.version} for bank in found.banks
                            ],
                            "answers": self.answers(found.id),
                            "plan": json.loads(rows[0][0]) if rows else None,
                        }
                    )
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
                events = [
                    {
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
                    for e in sorted(self.events(), key=lambda e: e.id)
                ]
                commitments = commitments_data(self)
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
