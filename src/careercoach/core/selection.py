"""Which actions make the short plan, in which order (pure).

A plan a person acts on is short. From every action that applies (its dimension reaches
the action's level, and its ``when`` holds for the answers), :func:`select` keeps:

1. **One piece of advice once.** Actions that name the same ``advice`` (in any bank) are
   one action: the one of the area with the greater need is kept, and it names every area
   it serves. So is an action that shares more than half of its content words with one
   kept before it (:func:`near_duplicates`). An action also serves the areas of its bank
   it names in ``also`` that are needs (moderate or high).
2. **The short plan**: actions that serve a focus area, at most :data:`MAX_ACTIONS` (at
   most :data:`HORIZON_LIMITS` of each horizon, and at most one of each ``kind``). The
   areas that may be focus areas (moderate or high, one per ``topic``) are taken by need;
   each, in order, first gets its most urgent action that still fits (week before month
   before quarter; within a horizon, one written for a high need first), and an area
   that gets none is not a focus area; at most :data:`MAX_FOCUS` are. An area of the same
   ``topic`` as a focus area serves it. The places left go by need (the focus area's
   rank), then urgency. When the answers look careless (all the same, or nearly all
   neutral), at most :data:`MAX_ACTIONS_UNSURE`.
3. The short plan is ordered by horizon, then by the rank of the first focus area each
   action serves, and numbered 1, 2, ...; every other action that applies goes to
   ``more_actions`` (number 0), by horizon, then need.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from careercoach.core.bank_models import HORIZONS, Action, Horizon
from careercoach.core.conditions import AnswerValue, holds

MAX_ACTIONS = 7
MAX_FOCUS = 3
MAX_ACTIONS_UNSURE = 3
HORIZON_LIMITS: Mapping[Horizon, int] = {"week": 3, "month": 2, "quarter": 2}

STOP_WORDS = frozenset(
    """
    a about after again all also am an and any are as ask at be been before being both
    but by can could did do does doing done each even every few for from get gets give
    go goes had has have having how i if in into is it its just least less let like make
    makes many may me more most much must my near need needs next no nor not now of off
    on once one only or other others our out over own per put same say see set should so
    some such than that the their them then there these they this those through to too
    two under until up upon us use very want was way we well were what when where
    whether which while who whom why will with within without would you your yours week
    weeks month months quarter quarters day days today tomorrow friday first
    """.split()  # noqa: SIM905 (a list of 150 words reads better as text)
)
"""Words that say nothing about what an action asks: English function words, and the
words of timing that every action carries (its horizon says when)."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def content_words(text: str) -> frozenset[str]:
    """An action's content words: its words, lower-cased, minus :data:`STOP_WORDS`."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)


def near_duplicates(first: str, second: str) -> bool:
    """Whether two actions share more than half of the content words of the one with fewer."""
    return _overlap(content_words(first), content_words(second))


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    smaller = min(len(a), len(b))
    return smaller > 0 and 2 * len(a & b) > smaller


@dataclass(frozen=True, eq=False)
class Area:
    """A scored dimension as the selection sees it: its place by need, and its answers."""

    rank: int
    bank: str
    dimension: str
    label: str
    level: str
    actions: Sequence[Action]
    answers: Mapping[str, AnswerValue]
    topic: str = ""

    @property
    def key(self) -> str:
        """What the area measures: its ``topic``, else its own bank and dimension."""
        return self.topic or f"{self.bank}.{self.dimension}"


@dataclass(eq=False)
class Candidate:
    """An action that applies, with the areas it serves (its own first, by rank)."""

    area: Area
    index: int
    action: Action
    serves: list[Area] = field(default_factory=list)
    words: frozenset[str] = frozenset()

    @property
    def urgency(self) -> int:
        return HORIZONS.index(self.action.horizon)

    @property
    def order(self) -> tuple[int, int, int]:
        """Its place among its area's actions: urgency, then an action written for a high
        need (``level: high``) before the others, then bank order."""
        return (self.urgency, 0 if self.action.level == "high" else 1, self.index)


def _reaches(level: str, needed: str) -> bool:
    return level == "high" or (level == "moderate" and needed == "moderate")


def _applies(area: Area, action: Action) -> bool:
    if not _reaches(area.level, action.level):
        return False
    return action.when is None or holds(action.when, area.answers)


def _also(area: Area, action: Action, by_key: Mapping[tuple[str, str], Area]) -> list[Area]:
    """The other areas of its bank an action names in ``also`` that are needs (moderate
    or high), by need."""
    named = [by_key.get((area.bank, other)) for other in action.also]
    return sorted(
        (a for a in named if a is not None and a.level in ("moderate", "high")),
        key=lambda a: a.rank,
    )


def candidates(areas: Sequence[Area]) -> list[Candidate]:
    """Every action that applies, once per piece of advice, by need then urgency.

    ``areas`` come highest need first. An action whose ``advice`` was already kept, or
    that nearly duplicates one kept, adds its area to that one's ``serves`` instead.
    """
    by_key = {(area.bank, area.dimension): area for area in areas}
    applying = [
        Candidate(
            area, index, action, [area, *_also(area, action, by_key)], content_words(action.text)
        )
        for area in areas
        for index, action in enumerate(area.actions)
        if _applies(area, action)
    ]
    applying.sort(key=lambda c: (c.area.rank, *c.order))
    kept: list[Candidate] = []
    by_advice: dict[str, Candidate] = {}
    by_word: dict[str, list[int]] = {}  # content word -> places in ``kept`` (few share one)
    for candidate in applying:
        advice = candidate.action.advice
        same = by_advice.get(advice) if advice else None
        if same is None:
            sharing = sorted({place for w in candidate.words for place in by_word.get(w, ())})
            same = next(
                (kept[p] for p in sharing if _overlap(kept[p].words, candidate.words)), None
            )
        if same is not None:
            same.serves += [a for a in candidate.serves if a not in same.serves]
            continue
        for word in candidate.words:
            by_word.setdefault(word, []).append(len(kept))
        kept.append(candidate)
        if advice:
            by_advice[advice] = candidate
    return kept


def select(
    kept: Sequence[Candidate], may_focus: Sequence[Area], *, limit: int = MAX_ACTIONS
) -> tuple[list[Candidate], list[Candidate], list[Area]]:
    """The short plan (ordered), the rest (ordered) and the focus areas, from
    :func:`candidates`' output and the areas that may be focus areas (by need)."""
    focus: list[Area] = []
    chosen: list[Candidate] = []
    used = dict.fromkeys(HORIZONS, 0)
    kinds: set[str] = set()

    def focus_place(candidate: Candidate) -> int | None:
        keys = {a.key for a in candidate.serves}
        places = [place for place, area in enumerate(focus) if area.key in keys]
        return min(places) if places else None

    def fits(candidate: Candidate) -> bool:
        horizon = candidate.action.horizon
        return (
            len(chosen) < limit
            and used[horizon] < HORIZON_LIMITS[horizon]
            and candidate.action.kind not in kinds
        )

    def take(candidate: Candidate) -> None:
        chosen.append(candidate)
        used[candidate.action.horizon] += 1
        if candidate.action.kind:
            kinds.add(candidate.action.kind)

    for area in may_focus:
        if len(focus) >= MAX_FOCUS or len(chosen) >= limit:
            break
        if any(f.key == area.key for f in focus):
            continue
        own = [c for c in kept if c not in chosen and any(a.key == area.key for a in c.serves)]
        own.sort(key=lambda c: (c.urgency, c.area.rank, *c.order))
        first = next((c for c in own if fits(c)), None)
        if first is not None:
            focus.append(area)
            take(first)
    serving = [c for c in kept if c not in chosen and focus_place(c) is not None]
    serving.sort(key=lambda c: (focus_place(c), c.urgency, c.area.rank, *c.order))
    for candidate in serving:
        if fits(candidate):
            take(candidate)
    for candidate in chosen:  # an area of a focus area's topic serves that focus area too
        keys = {a.key for a in candidate.serves}
        candidate.serves += [f for f in focus if f.key in keys and f not in candidate.serves]
    chosen.sort(key=lambda c: (c.urgency, focus_place(c), c.area.rank, *c.order))
    others = sorted(
        (c for c in kept if c not in chosen), key=lambda c: (c.urgency, c.area.rank, *c.order)
    )
    return chosen, others, focus
