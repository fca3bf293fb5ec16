"""What every part of the store works through: the connection and its transactions.

:class:`careercoach.storage.store.Store` opens the database (files, permissions, format,
migrations) and provides these; the parts (:mod:`~careercoach.storage.assessments`,
:mod:`~careercoach.storage.progress`, :mod:`~careercoach.storage.commitments`,
:mod:`~careercoach.storage.history`,
:mod:`~careercoach.storage.all_data`) each hold the queries of one concern.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from careercoach.errors import NotFound, StoreError, UnknownAssessment

Raw = TypeVar("Raw")
Parsed = TypeVar("Parsed")

if TYPE_CHECKING:
    import sqlite3


def now() -> str:
    """The current time, UTC, ISO 8601 to the second (how every timestamp is stored)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def status_of(conn: sqlite3.Connection, assessment_id: int) -> str:
    """``unfinished`` or ``finished``; :class:`NotFound` when there is no such assessment."""
    row = conn.execute("SELECT status FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
    if row is None:
        raise NotFound(f"no assessment {assessment_id} is stored")
    status: str = row[0]
    return status


class DamagedRow(StoreError):
    """A stored row that is not what careercoach wrote: JSON that does not parse, or JSON
    of the wrong shape (a field missing, a list where a mapping belongs). Exit 1, naming
    the file, the assessment and what the person can do."""

    def __init__(self, path: Path, what: str, detail: str, assessment_id: int | None) -> None:
        drop = (
            f"; drop that assessment with: careercoach forget --id {assessment_id}"
            if assessment_id is not None
            else ""
        )
        super().__init__(
            f"the database {path} holds {what} that careercoach cannot read ({detail}); "
            "it was left as it is",
            hint=f"Keep what can still be read with: careercoach export-data{drop}",
        )
        self.assessment_id = assessment_id
        self.detail = detail


def damage_detail(exc: Exception) -> str:
    """What is wrong with a row, in our words (not a library's, which change)."""
    import json

    from pydantic import ValidationError

    if isinstance(exc, json.JSONDecodeError):
        return f"bad JSON at character {exc.pos}"
    if isinstance(exc, ValidationError):
        count = exc.error_count()
        return f"{count} field{'' if count == 1 else 's'} missing or of the wrong kind"
    if isinstance(exc, KeyError):
        return f"no field {exc.args[0]!r}" if exc.args else "a field is missing"
    return "a value of the wrong kind"


class Tables:
    """The base of the store's parts: what :class:`~careercoach.storage.store.Store`
    provides them (declared here for the type checker, defined there)."""

    path: Path
    _conn: sqlite3.Connection

    def _parse_row(
        self,
        parse: Callable[[Raw], Parsed],
        raw: Raw,
        what: str,
        assessment_id: int | None = None,
    ) -> Parsed:
        """``parse(raw)`` of a stored row or column, every reader's one way through: JSON
        that does not parse or has the wrong shape (ValueError, which JSON and pydantic
        errors are; KeyError; TypeError) becomes :class:`DamagedRow`, never an "unexpected
        error"."""
        try:
            return parse(raw)
        except (ValueError, KeyError, TypeError) as exc:
            raise DamagedRow(self.path, what, damage_detail(exc), assessment_id) from None

    def unknown_assessment(self, assessment_id: int) -> UnknownAssessment:
        """The error for an assessment id that is not stored (exit 2), with the hint every
        command gives: how to start one when none is finished, else where to see them."""
        none = not self._read("SELECT 1 FROM assessments WHERE status = 'finished' LIMIT 1")
        return UnknownAssessment(assessment_id, none_stored=none)

    if TYPE_CHECKING:

        def _guard(self) -> AbstractContextManager[None]: ...

        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...
