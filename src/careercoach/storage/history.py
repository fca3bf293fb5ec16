"""Coming back: the figures behind ``history``, ``compare`` and ``checkin``.

Two halves, each small:

* pure functions over plain records (no clock, no database): the trend of each dimension,
  what changed between two assessments, which actions a new plan should not repeat, and
  when the next check-in is due after new-eyes events;
* :class:`Reader`, a read-only view of the store for ``history`` and ``compare``.

``history`` and ``compare`` must answer quickly even with a thousand assessments stored,
so the reader uses :mod:`sqlite3` and :mod:`json` only: importing ``careercoach.storage.store``
would build every pydantic model of ``careercoach.core.models`` (several hundred ms). It never
creates or migrates a database itself; an old file is migrated once through
:class:`careercoach.storage.store.Store`. Plans are never parsed whole: SQLite's ``json_extract``
picks out the dimensions, focus and actions of only the assessments shown.

A score measures a **need**: the higher, the more the plan acts on it. A falling score is
"better", a rising one "worse".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from careercoach.core.dates import span_text
from careercoach.errors import NotFound, UnknownAssessment

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

    from careercoach.core.models import Bank, Plan
    from careercoach.storage.store import Store

Direction = Literal["better", "worse", "same", "new", "gone"]
MIN_SCHEMA = 2
"""The store's data format that has every table read here (``done_actions``, ``events``)."""
TREND_WINDOW = 8
TREND_MINIMUM = 3
SPARKS = "▁▂▃▄▅▆▇█"
MISSING_SPARK = "·"


# -- records --------------------------------------------------------------------------


class DimensionFigure(NamedTuple):
    """A scored dimension of one plan."""

    bank: str
    id: str
    label: str
    score: int
    level: str

    @property
    def key(self) -> str:
        return f"{self.bank}.{self.id}"


class ActionFigure(NamedTuple):
    """A planned action of one plan."""

    bank: str
    dimension: str
    id: str
    text: str
    horizon: str

    @property
    def key(self) -> str:
        return f"{self.bank}.{self.id}"


class DoneFigure(NamedTuple):
    """An action marked done, with the plan it was in."""

    assessment_id: int
    bank: str
    dimension: str
    action: str
    done_at: str
    text: str = ""

    @property
    def key(self) -> str:
        return f"{self.bank}.{self.action}"


class Entry(NamedTuple):
    """One finished assessment as ``history`` shows it."""

    id: int
    finished_at: str
    banks: tuple[str, ...]
    top: tuple[DimensionFigure, ...]
    dimensions: tuple[DimensionFigure, ...]
    actions: int
    done: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "finished_at": self.finished_at,
            "banks": list(self.banks),
            "top": [_dimension_json(d) for d in self.top],
            "scores": {d.key: d.score for d in self.dimensions},
            "actions": self.actions,
            "actions_done": self.done,
        }


def _dimension_json(d: DimensionFigure) -> dict[str, Any]:
    return {"bank": d.bank, "id": d.id, "label": d.label, "score": d.score, "level": d.level}


class Snapshot(NamedTuple):
    """One finished assessment with what ``compare`` needs of its plan."""

    id: int
    finished_at: str
    banks: tuple[str, ...]
    dimensions: tuple[DimensionFigure, ...]
    actions: tuple[ActionFigure, ...]


# -- trends ---------------------------------------------------------------------------


def direction(change: int) -> Direction:
    """A falling score is better (less need), a rising one worse."""
    if change < 0:
        return "better"
    if change > 0:
        return "worse"
    return "same"


def spark(score: int | None) -> str:
    """One cell of a sparkline: ``▁`` (0) … ``█`` (100); ``·`` when not scored."""
    if score is None:
        return MISSING_SPARK
    return SPARKS[round(max(0, min(100, score)) * (len(SPARKS) - 1) / 100)]


class Trend(NamedTuple):
    """One dimension over the last assessments, oldest first (``None``: not scored)."""

    bank: str
    id: str
    label: str
    scores: tuple[int | None, ...]

    @property
    def scored(self) -> list[int]:
        return [s for s in self.scores if s is not None]

    @property
    def first(self) -> int:
        return self.scored[0]

    @property
    def last(self) -> int:
        return self.scored[-1]

    @property
    def change(self) -> int:
        return self.last - self.first

    @property
    def direction(self) -> Direction:
        return direction(self.change)

    @property
    def sparkline(self) -> str:
        return "".join(spark(s) for s in self.scores)

    def to_json(self) -> dict[str, Any]:
        return {
            "bank": self.bank,
            "id": self.id,
            "label": self.label,
            "scores": list(self.scores),
            "change": self.change,
            "direction": self.direction,
        }


def trends(
    entries: Sequence[Entry], *, window: int = TREND_WINDOW, minimum: int = TREND_MINIMUM
) -> list[Trend]:
    """The trend of every dimension scored at least ``minimum`` times in the last
    ``window`` of ``entries`` (given newest first); none when fewer than ``minimum``
    assessments. Highest latest score first (ties: bank, then dimension id)."""
    recent = list(reversed(entries[:window]))
    if len(recent) < minimum:
        return []
    labels: dict[tuple[str, str], str] = {}
    for entry in recent:  # the newest label wins
        for d in entry.dimensions:
            labels[(d.bank, d.id)] = d.label
    found = []
    by_entry = [{(d.bank, d.id): d.score for d in entry.dimensions} for entry in recent]
    for (bank, dim), label in labels.items():
        scores = tuple(scored.get((bank, dim)) for scored in by_entry)
        if sum(s is not None for s in scores) >= minimum:
            found.append(Trend(bank, dim, label, scores))
    found.sort(key=lambda t: (-t.last, t.bank, t.id))
    return found


# -- compare --------------------------------------------------------------------------


class DimensionChange(NamedTuple):
    bank: str
    id: str
    label: str
    then: int | None
    now: int | None
    level_then: str | None
    level_now: str | None

    @property
    def change(self) -> int | None:
        if self.then is None or self.now is None:
            return None
        return self.now - self.then

    @property
    def direction(self) -> Direction:
        if self.then is None:
            return "new"
        if self.now is None:
            return "gone"
        return direction(self.now - self.then)

    def to_json(self) -> dict[str, Any]:
        return {
            "bank": self.bank,
            "id": self.id,
            "label": self.label,
            "then": self.then,
            "now": self.now,
            "change": self.change,
            "direction": self.direction,
            "level_then": self.level_then,
            "level_now": self.level_now,
        }


class Comparison(NamedTuple):
    then: Snapshot
    now: Snapshot
    dimensions: list[DimensionChange]
    done_since: list[DoneFigure]
    new_actions: list[ActionFigure]
    dropped_actions: list[ActionFigure]
    skipped: tuple[int, ...] = ()
    """Assessments between ``then`` and ``now`` passed over: they took none of ``now``'s
    banks (only when the pair was picked by :func:`pick_pair`)."""

    @property
    def banks_in_both(self) -> tuple[str, ...]:
        """The banks both assessments took, in ``now``'s order."""
        before = set(taken_banks(self.then))
        return tuple(b for b in taken_banks(self.now) if b in before)

    @property
    def banks_only_then(self) -> tuple[str, ...]:
        after = set(taken_banks(self.now))
        return tuple(b for b in taken_banks(self.then) if b not in after)

    @property
    def banks_only_now(self) -> tuple[str, ...]:
        before = set(taken_banks(self.then))
        return tuple(b for b in taken_banks(self.now) if b not in before)

    @property
    def compared(self) -> list[DimensionChange]:
        """The rows of the banks both assessments took: the others were not measured
        then (or now), which says nothing about a change."""
        both = set(self.banks_in_both)
        return [d for d in self.dimensions if d.bank in both]

    @property
    def new_dimensions(self) -> list[DimensionChange]:
        return [d for d in self.dimensions if d.direction == "new"]

    def counts(self, rows: Iterable[DimensionChange] | None = None) -> dict[Direction, int]:
        found: dict[Direction, int] = {"better": 0, "worse": 0, "same": 0, "new": 0, "gone": 0}
        for d in self.dimensions if rows is None else rows:
            found[d.direction] += 1
        return found

    def to_json(self) -> dict[str, Any]:
        def side(s: Snapshot) -> dict[str, Any]:
            return {"id": s.id, "finished_at": s.finished_at, "banks": list(s.banks)}

        def action(a: ActionFigure) -> dict[str, Any]:
            return {
                "bank": a.bank,
                "dimension": a.dimension,
                "id": a.id,
                "text": a.text,
                "horizon": a.horizon,
            }

        return {
            "then": side(self.then),
            "now": side(self.now),
            "skipped": list(self.skipped),
            "banks_in_both": list(self.banks_in_both),
            "banks_only_then": list(self.banks_only_then),
            "banks_only_now": list(self.banks_only_now),
            "dimensions": [d.to_json() for d in self.dimensions],
            "summary": self.counts(),
            "done_since": [
                {
                    "assessment_id": d.assessment_id,
                    "bank": d.bank,
                    "dimension": d.dimension,
                    "action": d.action,
                    "text": d.text,
                    "done_at": d.done_at,
                }
                for d in self.done_since
            ],
            "new_dimensions": [d.key for d in self.new_dimension_figures()],
            "new_actions": [action(a) for a in self.new_actions],
            "dropped_actions": [action(a) for a in self.dropped_actions],
        }

    def new_dimension_figures(self) -> list[DimensionFigure]:
        keys = {(d.bank, d.id) for d in self.new_dimensions}
        return [d for d in self.now.dimensions if (d.bank, d.id) in keys]


def taken_banks(s: Snapshot) -> tuple[str, ...]:
    """The banks an assessment took (with any bank its plan scores, for old records)."""
    return tuple(dict.fromkeys([*s.banks, *(d.bank for d in s.dimensions)]))


def compare(
    then: Snapshot, now: Snapshot, done: Iterable[DoneFigure] = (), skipped: Sequence[int] = ()
) -> Comparison:
    """Per dimension the score then and now (the later plan's order, then the dimensions
    it no longer scores), the actions done in between, and the actions new to the plan
    or no longer in it, of the banks both took: an action of a bank taken only once was
    not measured the other time, not added or dropped."""
    before = {(d.bank, d.id): d for d in then.dimensions}
    after = {(d.bank, d.id): d for d in now.dimensions}
    rows = []
    for key, d in after.items():
        old = before.get(key)
        rows.append(
            DimensionChange(
                d.bank,
                d.id,
                d.label,
                old.score if old else None,
                d.score,
                old.level if old else None,
                d.level,
            )
        )
    for key, d in before.items():
        if key not in after:
            rows.append(DimensionChange(d.bank, d.id, d.label, d.score, None, d.level, None))
    both = set(taken_banks(then)) & set(taken_banks(now))
    old_actions = {a.key for a in then.actions}
    new_keys = {a.key for a in now.actions}
    return Comparison(
        then=then,
        now=now,
        dimensions=rows,
        done_since=list(done),
        new_actions=[a for a in now.actions if a.key not in old_actions and a.bank in both],
        dropped_actions=[a for a in then.actions if a.key not in new_keys and a.bank in both],
        skipped=tuple(skipped),
    )


class Pair(NamedTuple):
    """The two assessments ``compare`` shows by default, and why."""

    then: int
    now: int
    skipped: tuple[int, ...]
    """Assessments in between that took none of ``now``'s banks, newest first."""
    shared: tuple[str, ...]
    """The banks of ``now`` that ``then`` took too; empty when no earlier one took any."""


def pick_pair(taken: Sequence[tuple[int, Sequence[str]]]) -> Pair | None:
    """The latest assessment and the latest earlier one that took at least one of its
    banks (``taken``: ``(id, banks)`` newest first); the one before the latest when none
    did. None with fewer than two."""
    if len(taken) < 2:
        return None
    now, now_banks = taken[0]
    for index, (then, banks) in enumerate(taken[1:], start=1):
        shared = tuple(b for b in now_banks if b in banks)
        if shared:
            return Pair(then, now, tuple(i for i, _ in taken[1:index]), shared)
    return Pair(taken[1][0], now, (), ())


# -- done actions in the next plan ----------------------------------------------------


def repeat_action(
    bank: str, action: str, score: int, baseline: Mapping[tuple[str, str], int]
) -> bool:
    """Whether a new plan shows an action: yes unless it was marked done before, and then
    only if its dimension got worse since (scores higher than when it was marked)."""
    then = baseline.get((bank, action))
    return then is None or score > then


# -- check-ins ------------------------------------------------------------------------


class EventFigure(NamedTuple):
    """A new-eyes event as the check-in rule sees it."""

    id: int
    trigger: str
    label: str
    happened_on: date
    note: str | None
    checkin_days: int
    recheck: tuple[str, ...]
    recorded_at: str

    @property
    def checkin_by(self) -> date:
        recorded = datetime.fromisoformat(self.recorded_at).astimezone().date()
        return event_checkin(self.happened_on, self.checkin_days, recorded)


def event_checkin(happened_on: date, checkin_days: int, recorded_on: date) -> date:
    """The check-in an event asks for: its day plus its ``checkin_days``, but never before
    the day it was recorded. An event entered long after it happened asks for a check-in
    now, not one that was overdue before anyone knew of it."""
    return max(happened_on + timedelta(days=checkin_days), recorded_on)


def events_since(events: Iterable[EventFigure], finished_at: str) -> list[EventFigure]:
    """The events a plan did not know about: recorded since it finished, or dated on or
    after the day it finished (local time). Oldest first."""
    finished = datetime.fromisoformat(finished_at)
    day = finished.astimezone().date()
    found = [
        e
        for e in events
        if e.happened_on >= day or datetime.fromisoformat(e.recorded_at) >= finished
    ]
    return sorted(found, key=lambda e: (e.happened_on, e.id))


class Due(NamedTuple):
    """When the next check-in is due, and the events that brought it forward."""

    day: date | None
    moved_by: tuple[EventFigure, ...] = ()

    @property
    def recheck(self) -> list[str]:
        return list(dict.fromkeys(b for e in self.moved_by for b in e.recheck))


def checkin_due(planned: date | None, events: Iterable[EventFigure]) -> Due:
    """The next check-in: the soonest of the plan's date and each event's day plus its
    ``checkin_days``. ``moved_by``: the events whose date is sooner than the plan's."""
    events = list(events)
    candidates = [e.checkin_by for e in events]
    if planned is not None:
        candidates.append(planned)
    if not candidates:
        return Due(None)
    day = min(candidates)
    moved = tuple(e for e in events if planned is None or e.checkin_by < planned)
    return Due(day, moved)


def due_words(day: date, today: date) -> str:
    """``due today``, ``in 5 days``, ``in 4 weeks``, ``overdue by 3 days``: the plan's
    words for the same span (its check-in reads "4 weeks after this assessment")."""
    days = (day - today).days
    if days == 0:
        return "due today"
    if days > 0:
        return f"in {span_text(days)}"
    return f"overdue by {span_text(-days)}"


# -- reading the store (sqlite3 and json only) ----------------------------------------


def not_stored(assessment_id: int) -> UnknownAssessment:
    """The error for an assessment id that is not stored (exit 2, bad input)."""
    return UnknownAssessment(assessment_id)


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


class Reader:
    """Read-only queries for ``history`` and ``compare`` over one connection."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None) -> Reader | None:
        """A reader on the database, or None when there is none (nothing is created).

        A file in an older format is migrated first (through the store); a file SQLite
        cannot read gets the store's own error.
        """
        import sqlite3

        from careercoach.paths import db_path
        from careercoach.storage import db_file
        from careercoach.storage.db_format import check_schema

        path = path or db_path()
        # A file where the folder should be, a link or someone else's file: not "nothing yet".
        if not db_file.exists(path):
            return None

        conn: sqlite3.Connection | None = None
        try:
            conn = db_file.connect(path)
            conn.execute("PRAGMA busy_timeout = 5000")
            version = check_schema(conn, path)  # another program's file, a newer format
        except sqlite3.Error:
            version = -1
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        if version < MIN_SCHEMA:
            if conn is not None:
                conn.close()
            from careercoach.storage.store import Store

            Store(path).close()  # migrates, or raises StoreError saying what is wrong
            conn = db_file.connect(path)
        assert conn is not None
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA query_only = ON")
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        import sqlite3

        try:
            return list(self.conn.execute(sql, params).fetchall())
        except sqlite3.Error as exc:
            from careercoach.paths import db_path
            from careercoach.storage.db_format import sqlite_error

            raise sqlite_error(exc, self.path or db_path()) from None

    def count(self) -> int:
        """How many finished assessments there are."""
        return int(self._rows("SELECT count(*) FROM assessments WHERE status = 'finished'")[0][0])

    def unfinished_answers(self) -> int | None:
        """How many answers the latest unfinished assessment has, None without one."""
        rows = self._rows(
            "SELECT (SELECT count(*) FROM answers WHERE assessment_id = a.id) "
            "FROM assessments AS a WHERE a.status = 'unfinished' ORDER BY a.id DESC LIMIT 1"
        )
        return int(rows[0][0]) if rows else None

    def entries(self, limit: int | None = None) -> list[Entry]:
        """Finished assessments, newest first (by finishing time, then id)."""
        sql = (
            "SELECT a.id, a.finished_at, a.banks, json_extract(p.plan, '$.focus'), "
            "json_extract(p.plan, '$.dimensions'), json_array_length(p.plan, '$.actions'), "
            "(SELECT count(*) FROM done_actions AS d WHERE d.assessment_id = a.id) "
            "FROM assessments AS a LEFT JOIN plans AS p ON p.assessment_id = a.id "
            "WHERE a.status = 'finished' ORDER BY a.finished_at DESC, a.id DESC"
        )
        rows = self._rows(sql + " LIMIT ?", (limit,)) if limit is not None else self._rows(sql)
        return [
            Entry(
                id=int(row[0]),
                finished_at=row[1],
                banks=_bank_ids(row[2]),
                top=_top(row[3]),
                dimensions=_dimensions(row[4]),
                actions=int(row[5] or 0),
                done=int(row[6]),
            )
            for row in rows
        ]

    def latest_two(self) -> list[int]:
        """The ids of the two newest finished assessments, older first."""
        rows = self._rows(
            "SELECT id FROM assessments WHERE status = 'finished' "
            "ORDER BY finished_at DESC, id DESC LIMIT 2"
        )
        return [int(row[0]) for row in reversed(rows)]

    def taken(self) -> list[tuple[int, tuple[str, ...]]]:
        """``(id, banks)`` of every finished assessment, newest first (for
        :func:`pick_pair`; the banks list is small, the plans are not read)."""
        rows = self._rows(
            "SELECT id, banks FROM assessments WHERE status = 'finished' "
            "ORDER BY finished_at DESC, id DESC"
        )
        return [(int(row[0]), _bank_ids(row[1])) for row in rows]

    def snapshot(self, assessment_id: int) -> Snapshot:
        """A finished assessment; :class:`NotFound` naming the id otherwise."""
        rows = self._rows(
            "SELECT a.id, a.finished_at, a.banks, a.status, "
            "json_extract(p.plan, '$.dimensions'), json_extract(p.plan, '$.actions') "
            "FROM assessments AS a LEFT JOIN plans AS p ON p.assessment_id = a.id "
            "WHERE a.id = ?",
            (assessment_id,),
        )
        if not rows:
            raise not_stored(assessment_id)
        row = rows[0]
        if row[3] != "finished":
            raise NotFound(
                f"assessment {assessment_id} is not finished",
                hint="Finish it with: careercoach assess --resume",
            )
        return Snapshot(
            id=int(row[0]),
            finished_at=row[1],
            banks=_bank_ids(row[2]),
            dimensions=_dimensions(row[4]),
            actions=_actions(row[5]),
        )

    def done_between(self, then: Snapshot, now: Snapshot) -> list[DoneFigure]:
        """Actions marked done in the plans from ``then`` up to, not including, ``now``
        (by finishing time), in the order they were marked, with their text."""
        rows = self._rows(
            "SELECT d.assessment_id, d.bank, d.dimension, d.action, d.done_at, "
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
        for assessment_id, bank, dimension, action, done_at, planned in rows:
            if assessment_id not in texts:
                texts[assessment_id] = {(a.bank, a.id): a.text for a in _actions(planned)}
            text = texts[assessment_id].get((bank, action), "")
            found.append(DoneFigure(int(assessment_id), bank, dimension, action, done_at, text))
        return found


# -- new-eyes triggers in the banks ---------------------------------------------------


class TriggerInfo(NamedTuple):
    """What a bank's ``triggers:`` section says about one trigger."""

    bank: str
    id: str
    label: str
    week_actions: tuple[str, ...]
    recheck: tuple[str, ...]
    checkin_days: int


def find_triggers(banks: Iterable[Bank]) -> dict[str, TriggerInfo]:
    """Every trigger of every bank with a ``triggers:`` section (the first bank wins a
    clash), in option order: its label (the dimension of the same id, else the option),
    the ``week`` actions of that dimension, the banks to take again, the check-in days."""
    found: dict[str, TriggerInfo] = {}
    for bank in banks:
        section = bank.triggers
        if section is None:
            continue
        question = bank.question(section.question)
        dimensions = {d.id: d for d in bank.dimensions}
        for option in getattr(question, "options", []):
            if option.id in found:
                continue
            dimension = dimensions.get(option.id)
            found[option.id] = TriggerInfo(
                bank=bank.id,
                id=option.id,
                label=dimension.label if dimension else option.label,
                week_actions=tuple(
                    a.text for a in (dimension.actions if dimension else []) if a.horizon == "week"
                ),
                recheck=tuple(section.recheck.get(option.id, [])),
                checkin_days=section.checkin_days,
            )
    return found


# -- done actions and events on a stored plan -----------------------------------------


def without_done(plan: Plan, baseline: Mapping[tuple[str, str], int]) -> Plan:
    """A new plan without the actions marked done before, except those whose dimension
    got worse since (see :func:`repeat_action`); the others numbered 1, 2, ... again."""
    scores = {(d.bank, d.id): d.score for d in plan.dimensions}
    kept = [
        a
        for a in plan.actions
        if repeat_action(a.bank, a.id, scores.get((a.bank, a.dimension), 0), baseline)
    ]
    if len(kept) == len(plan.actions):
        return plan
    numbered = [a.model_copy(update={"number": n}) for n, a in enumerate(kept, start=1)]
    return plan.model_copy(update={"actions": numbered})


def with_progress(store: Store, plan: Plan) -> Plan:
    """A stored plan as it stands now: its actions marked done ticked, and its check-in
    brought forward by the events recorded since it finished."""
    assert plan.assessment_id is not None
    done = {(d.bank, d.action) for d in store.done_actions(plan.assessment_id)}
    update: dict[str, Any] = {}
    if done:
        update["actions"] = [
            a.model_copy(update={"done": True}) if (a.bank, a.id) in done else a
            for a in plan.actions
        ]
    events = [
        EventFigure(
            e.id,
            e.trigger,
            e.label,
            date.fromisoformat(e.happened_on),
            e.note,
            e.checkin_days,
            e.recheck,
            e.recorded_at,
        )
        for e in store.events()
    ]
    since = events_since(events, plan.finished_at)
    planned = date.fromisoformat(plan.next_checkin) if plan.next_checkin else None
    due = checkin_due(planned, since)
    if due.moved_by and due.day is not None:
        names = "; ".join(f"{e.label} ({e.happened_on.isoformat()})" for e in due.moved_by)
        update["next_checkin"] = due.day.isoformat()
        update["checkin_reason"] = f"Sooner than planned, because of: {names}."
        update["recheck_banks"] = list(dict.fromkeys([*plan.recheck_banks, *due.recheck]))
    return plan.model_copy(update=update) if update else plan


class ActionRef(NamedTuple):
    """An action of a plan picked by ``bank.action`` or a unique bare action id."""

    position: int
    bank: str
    dimension: str
    id: str


MAX_ERROR_LINE = 80 - len("careercoach: ")
"""An error line fits 80 columns with the ``careercoach: `` it is printed after."""
_WORD = re.compile(r"[a-z][a-z0-9]*")


def close_actions(ref: str, actions: Sequence[tuple[str, str, str]], n: int = 2) -> list[str]:
    """``bank.action`` of the actions (``(bank, id, text)``) that ``ref`` looks like a
    typo of: close to an id (bare, bank-qualified, or one of its ``_`` parts); failing
    that, close to a word of one action's text. At most ``n``, closest first."""
    import difflib

    word = ref.strip().lower()

    def best(candidates: dict[str, list[str]], unique: bool) -> list[str]:
        found: list[str] = []
        for match in difflib.get_close_matches(word, list(candidates), n=20, cutoff=0.75):
            keys = list(dict.fromkeys(candidates[match]))
            if unique and len(keys) > 1:
                continue  # a word many actions share points at none of them
            found += [k for k in keys if k not in found]
        return found[:n]

    ids: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    for bank, action, text in actions:
        key = f"{bank}.{action}"
        parts = [p for p in action.split("_") if len(p) >= 4]
        for candidate in (action, key, *parts):
            ids.setdefault(candidate, []).append(key)
        for w in dict.fromkeys(_WORD.findall(text.lower())):
            if len(w) >= 4:
                words.setdefault(w, []).append(key)
    return best(ids, unique=False) or best(words, unique=True)


def _did_you_mean(names: Sequence[str]) -> str:
    if len(names) == 1:
        return f"did you mean {names[0]}?"
    return f"did you mean {', '.join(names[:-1])} or {names[-1]}?"


def _numbered_action(plan: Plan, number: int, command: str) -> ActionRef:
    """The action shown as ``number.`` (a plan stored before numbers: its place, from 1)."""
    from careercoach.errors import BadInput

    for position, a in enumerate(plan.actions):
        if (a.number or position + 1) == number:
            return ActionRef(position, a.bank, a.dimension, a.id)
    last = max((a.number or p + 1 for p, a in enumerate(plan.actions)), default=0)
    raise BadInput(
        f"no action {number} in plan {plan.assessment_id}: its actions are numbered 1 to {last}",
        hint=f"See them: {command}",
    )


def resolve_action(plan: Plan, ref: str, *, command: str = "careercoach plan") -> ActionRef:
    """The plan's action named ``ref``: its number (as the plan shows it), ``bank.action``
    or a unique bare action id; :class:`BadInput` (exit 2) otherwise: at most
    three lines of 80 columns, with the closest ids and where to see them all
    (``command``: how the person shows this plan)."""
    from careercoach.errors import BadInput
    from careercoach.safe_text import clean

    if ref.strip().isdecimal() and len(ref.strip()) <= 9:
        return _numbered_action(plan, int(ref), command)
    matches = [
        ActionRef(position, a.bank, a.dimension, a.id)
        for position, a in enumerate(plan.actions)
        if ref in (f"{a.bank}.{a.id}", a.id)
    ]
    if len(matches) == 1:
        return matches[0]
    which = f"assessment {plan.assessment_id}"
    if matches:
        names = ", ".join(f"{m.bank}.{m.id}" for m in matches)
        raise BadInput(f"'{clean(ref)}' is in several banks of {which}; say which: {names}")
    shown = clean(ref)
    if len(shown) > 30:
        shown = shown[:29] + "…"
    problems = [f"no action '{shown}' in plan {plan.assessment_id}"]
    close = close_actions(ref, [(a.bank, a.id, a.text) for a in plan.actions])
    while len(close) > 1 and len(_did_you_mean(close)) > MAX_ERROR_LINE:
        close = close[:-1]
    if close:
        problems.append(_did_you_mean(close))
    hint = f"See the ids: {command} --export json --output -"
    if len(hint) + len(" (or tick: --check)") <= 80:
        hint += " (or tick: --check)"
    raise BadInput(*problems, hint=hint)
