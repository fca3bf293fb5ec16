"""The trend of each score over the last assessments (``history``).

A score measures a **need**: the higher, the more the plan acts on it. A falling score is
"better", a rising one "worse". Pure: plain records in, plain records out; the store reads
them (:mod:`careercoach.storage.history`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, NamedTuple

Direction = Literal["better", "worse", "same", "new", "gone"]
TREND_MINIMUM = 3
SPARKS = "▁▂▃▄▅▆▇█"
MISSING_SPARK = "·"


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


class Entry(NamedTuple):
    """One finished assessment as ``history`` shows it."""

    id: int
    finished_at: str
    banks: tuple[str, ...]
    top: tuple[DimensionFigure, ...]
    dimensions: tuple[DimensionFigure, ...]
    actions: int
    done: int
    edited_at: str | None = None
    """When its answers were last changed (``assess --edit``), else None."""
    skipped: tuple[str, ...] = ()
    """The banks the person said are not for them (the plan's ``skipped_banks``)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "finished_at": self.finished_at,
            "banks": list(self.banks),
            "top": [_dimension_json(d) for d in self.top],
            "scores": {d.key: d.score for d in self.dimensions},
            "actions": self.actions,
            "actions_done": self.done,
            "edited_at": self.edited_at,
            "skipped_banks": list(self.skipped),
        }


def _dimension_json(d: DimensionFigure) -> dict[str, Any]:
    return {"bank": d.bank, "id": d.id, "label": d.label, "score": d.score, "level": d.level}


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
    entries: Sequence[Entry], *, window: int | None = None, minimum: int = TREND_MINIMUM
) -> list[Trend]:
    """The trend of every dimension scored at least ``minimum`` times in the last
    ``window`` of ``entries`` (given newest first; every one without a window); none when
    fewer than ``minimum`` assessments. Highest latest score first (ties: bank, then
    dimension id)."""
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
