"""What every part of the store works through: the connection and its transactions.

:class:`careercoach.storage.store.Store` opens the database (files, permissions, format,
migrations) and provides these; the parts (:mod:`~careercoach.storage.assessments`,
:mod:`~careercoach.storage.progress`, :mod:`~careercoach.storage.history`,
:mod:`~careercoach.storage.all_data`) each hold the queries of one concern.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careercoach.errors import NotFound

if TYPE_CHECKING:
    import sqlite3


def now() -> str:
    """The current time, UTC, ISO 8601 to the second (how every timestamp is stored)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def status_of(conn: sqlite3.Connection, assessment_id: int) -> str:
    """``unfinished`` or ``finished``; :class:`NotFound` when there is no such assessment."""
    row = conn.execute("SELECT status FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
    if row is None:
        raise NotFound(f"No assessment {assessment_id}.")
    status: str = row[0]
    return status


class Tables:
    """The base of the store's parts: what :class:`~careercoach.storage.store.Store`
    provides them (declared here for the type checker, defined there)."""

    path: Path
    _conn: sqlite3.Connection

    if TYPE_CHECKING:

        def _guard(self) -> AbstractContextManager[None]: ...

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...
