"""What changed between two assessments (``compare``), and which two to compare.

Pure: the store reads the snapshots (:mod:`careercoach.storage.history`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from careercoach.core.done import DoneAction
from careercoach.core.trends import DimensionFigure, Direction, direction


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


class Snapshot(NamedTuple):
    """One finished assessment with what ``compare`` needs of its plan."""

    id: int
    finished_at: str
    banks: tuple[str, ...]
    dimensions: tuple[DimensionFigure, ...]
    actions: tuple[ActionFigure, ...]


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
    done_since: list[DoneAction]
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
    then: Snapshot, now: Snapshot, done: Iterable[DoneAction] = (), skipped: Sequence[int] = ()
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
