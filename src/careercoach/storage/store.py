"""The SQLite store: assessments, their answers as given, finished plans and scores.

This module opens the database; the queries live in one module per concern, each a part
of :class:`Store`: :mod:`~careercoach.storage.assessments` (assessments, answers, plans,
scores), :mod:`~careercoach.storage.progress` (done actions, events),
:mod:`~careercoach.storage.commitments` (commitments),
:mod:`~careercoach.storage.history` (``history`` and ``compare``),
:mod:`~careercoach.storage.all_data` (``export-data``, ``forget``),
:mod:`~careercoach.storage.edits` (``assess --edit``).

Rules (docs/SPEC.md, "Hostile surroundings" under its extensions):

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

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from careercoach.core.checkin import EventRecord
from careercoach.core.done import DoneAction, DoneItem
from careercoach.errors import StoreError
from careercoach.storage import db_file, db_format
from careercoach.storage.all_data import AllData
from careercoach.storage.assessments import AssessmentRecord, BankRef, Status
from careercoach.storage.commitments import m003_commitments, m005_commitment_changes
from careercoach.storage.db_format import check_schema, sqlite_error
from careercoach.storage.edits import EditTables, m004_edited_at
from careercoach.storage.history import HistoryQueries
from careercoach.storage.tables import now

__all__ = [
    "AssessmentRecord",
    "BankRef",
    "DoneAction",
    "DoneItem",
    "EventRecord",
    "Status",
    "Store",
    "now",
]

BUSY_TIMEOUT_MS = 5000


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
MIGRATIONS: list[Migration] = [
    _m001_initial,
    _m002_progress,
    m003_commitments,
    m004_edited_at,
    m005_commitment_changes,
]
"""Append only: migration ``n`` (1-based) brings ``user_version`` from ``n - 1`` to ``n``."""
SCHEMA_VERSION = len(MIGRATIONS)
if SCHEMA_VERSION != db_format.SCHEMA_VERSION:  # pragma: no cover - fails every test run
    raise RuntimeError("db_format.SCHEMA_VERSION must count the migrations")


# -- the store --------------------------------------------------------------------------


class Store(AllData, HistoryQueries, EditTables):
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
