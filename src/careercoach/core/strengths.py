"""Which low scores a plan names as strengths, and under what name (pure).

A strength is claimed only where the answers really point away from the need: most of
the questions that fed the dimension were answered away from it, and at least one firmly
(a healthy statement agreed with, 4 or 5, or a statement of the need strongly disagreed
with, 1). A dimension without a ``strength`` sentence (one whose low score only says a
requirement is absent) is never a strength, and dimensions of one ``topic`` give one.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Protocol

from careercoach.core.models import LikertQuestion, SingleQuestion, Strength
from careercoach.core.scoring import Contribution, DimensionResult

STRENGTH_MIN_ANSWERS = 2
MAX_STRENGTHS = 3


class Scored(Protocol):
    """A scored dimension with its place (planning's ``Ranked``)."""

    @property
    def result(self) -> DimensionResult: ...

    @property
    def score(self) -> int: ...

    @property
    def bank_id(self) -> str: ...


def is_trigger(result: DimensionResult) -> bool:
    """A new-eyes trigger dimension: an event that did not happen is no strength."""
    section = result.bank.triggers
    if section is None:
        return False
    question = next((q for q in result.bank.questions if q.id == section.question), None)
    options = getattr(question, "options", [])
    return any(option.id == result.dimension.id for option in options)


def firmly_away(contribution: Contribution) -> bool:
    """An answer that clearly says all is well: a healthy statement (``reverse``) agreed
    with (4 or 5), or a statement of the need strongly disagreed with (1)."""
    question, answer = contribution.question, contribution.answer
    if not isinstance(question, LikertQuestion) or not isinstance(answer, int):
        return False
    return answer >= 4 if question.reverse else answer == 1


def firmly_toward(contribution: Contribution) -> bool:
    """An answer that clearly says the need is there: a statement of the need agreed
    with (4 or 5), a healthy statement (``reverse``) strongly disagreed with (1), or an
    option scoring the most a single question can give."""
    question, answer = contribution.question, contribution.answer
    if isinstance(question, LikertQuestion) and isinstance(answer, int):
        return answer == 1 if question.reverse else answer >= 4
    return (
        isinstance(question, SingleQuestion)
        and contribution.most > 0
        and contribution.added == contribution.most
    )


def answered_away(result: DimensionResult) -> bool:
    """Whether the answers really put a dimension low: at least two of the questions that
    fed it, and more than half, were answered away from the need, at least one of them
    firmly (:func:`firmly_away`), and none firmly toward it (:func:`firmly_toward`): a
    strength is not praised above an answer that says the opposite. A neutral answer, an
    unticked option or a question not asked says nothing."""
    against = sum(1 for c in result.contributions if c.against)
    return (
        against >= STRENGTH_MIN_ANSWERS
        and 2 * against > len(result.contributions)
        and any(firmly_away(c) for c in result.contributions)
        and not any(firmly_toward(c) for c in result.contributions)
    )


def _evidence(result: DimensionResult) -> Fraction:
    """How firmly the answers point away from the need: per question that fed the
    dimension, 1 for a firm answer, 1/2 for one merely away, 0 otherwise."""
    if not result.contributions:
        return Fraction(0)
    points = sum(
        (
            Fraction(1) if firmly_away(c) else Fraction(1, 2) if c.against else Fraction(0)
            for c in result.contributions
        ),
        Fraction(0),
    )
    return points / len(result.contributions)


def strengths(ranked: Sequence[Scored], needs: frozenset[str] = frozenset()) -> list[Strength]:
    """At most three dimensions scored low that the answers really put there
    (:func:`answered_away`) and that have a ``strength`` sentence, the firmest evidence
    first: the most firm answers (:func:`firmly_away`); ties: the larger share of answers
    away from the need (:func:`_evidence`), the lowest score, then the order given.
    One per ``topic``, and none of a topic in
    ``needs`` (the keys of the areas the plan acts on), nor one whose
    ``strength_unless_need`` names a key in ``needs``.

    Trigger dimensions (one per new-eyes event) are left out: a low score there only says
    the event did not happen.
    """
    low = [
        r
        for r in ranked
        if r.result.level == "low"
        and not is_trigger(r.result)
        and (r.result.dimension.strength or "").strip()
        and answered_away(r.result)
        and not set(r.result.dimension.strength_unless_need) & needs
    ]
    order = {id(r): place for place, r in enumerate(ranked)}
    low.sort(
        key=lambda r: (
            -sum(1 for c in r.result.contributions if firmly_away(c)),
            -_evidence(r.result),
            r.score,
            order[id(r)],
        )
    )
    found: list[Strength] = []
    seen = set(needs)
    for r in low:
        dimension = r.result.dimension
        key = dimension.topic or f"{r.bank_id}.{dimension.id}"
        if key in seen:
            continue
        seen.add(key)
        found.append(
            Strength.model_construct(
                bank=r.bank_id,
                dimension=dimension.id,
                label=dimension.strength_label or dimension.label,
                text=dimension.strength or "",
            )
        )
        if len(found) == MAX_STRENGTHS:
            break
    return found
