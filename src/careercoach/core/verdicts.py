"""Which way a bank's evidence points (``verdict:`` section), and why (pure).

The text names only the reasons that lean the verdict's way: a bank may write it as
sentences, each said only when it fits the person (see
:class:`~careercoach.core.bank_models.VerdictPart`), so that a verdict leaning against more
study for its cost does not also tell a person whose goals call for a degree that their
goals can be reached without one.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from fractions import Fraction
from typing import Literal

from careercoach.core.bank_models import VerdictPart, VerdictText
from careercoach.core.conditions import holds
from careercoach.core.models import Verdict
from careercoach.core.scoring import BankResult, DimensionResult

VERDICT_FOR_MIN = 50
VERDICT_AGAINST_BELOW = 34
VERDICT_MARGIN = 15
MAX_REASONS = 3


def _average(scores: Sequence[int]) -> Fraction:
    return Fraction(sum(scores), len(scores)) if scores else Fraction(0)


def _because(result: DimensionResult) -> str:
    """A reason as a person reads it: ``Cost and time strain: high (83 of 100)``; a score of 0
    says what it means (``A requirement of the job you want: none, by your answers``),
    since a bare "0 (low)" reads as a figure, not a reason."""
    if result.score == 0:
        return f"{result.dimension.label}: none, by your answers (0 of 100)"
    return f"{result.dimension.label}: {result.level} ({result.score} of 100)"


def has_evidence(result: DimensionResult) -> bool:
    """Whether any answer points either way: a score made only of neutral answers (0, no
    signal) is never given as a reason."""
    return any(c.added > 0 or c.against for c in result.contributions)


def _one_per_topic(
    drivers: Sequence[DimensionResult], focus: Collection[str]
) -> list[DimensionResult]:
    """Each topic once: twins (the same ``topic``) measure the same thing, so the plan
    names one, the one in focus if any, else the first (the strongest reason)."""
    in_focus = {
        d.dimension.topic: d
        for d in drivers
        if d.dimension.topic is not None and d.dimension.id in focus
    }
    seen: set[str] = set()
    kept = []
    for d in drivers:
        topic = d.dimension.topic
        if topic is None:
            kept.append(d)
        elif topic not in seen:
            seen.add(topic)
            kept.append(in_focus.get(topic, d))
    return kept


def _text(text: VerdictText, result: BankResult, leaning_ids: set[str]) -> str:
    """The verdict's text: its sentences that fit the person, joined."""
    if isinstance(text, str):
        return text
    scored = {d.dimension.id: d for d in result.scored}

    def a_need(ids: list[str]) -> bool:
        return any(
            i in scored and scored[i].level in ("moderate", "high") and has_evidence(scored[i])
            for i in ids
        )

    def fits(part: str | VerdictPart) -> bool:
        if isinstance(part, str):
            return True
        if part.if_leaning and not leaning_ids.intersection(part.if_leaning):
            return False
        if leaning_ids.intersection(part.unless_leaning):
            return False
        if (part.if_need and not a_need(part.if_need)) or a_need(part.unless_need):
            return False
        return part.when is None or holds(part.when, result.answers)

    return " ".join(p if isinstance(p, str) else p.text for p in text if fits(p))


def verdict(result: BankResult, focus: Collection[str] = ()) -> Verdict | None:
    """Which way a bank's evidence points, for a bank with a ``verdict:`` section.

    Leaning ``for`` when its ``for`` dimensions (those scored) average ≥ 50 and beat the
    ``against`` average (0 when none is scored) by ≥ 15; ``against`` when the ``for``
    average is < 34 or the ``against`` average beats it by ≥ 15; else ``mixed``. None
    when the bank has no such section or none of its ``for`` dimensions was scored.
    ``focus`` holds the ids of this bank's dimensions in the plan's focus: of twins (one
    ``topic``), the reasons name that one.
    """
    section = result.bank.verdict
    if section is None:
        return None
    scored = {d.dimension.id: d for d in result.scored}
    for_dims = [scored[i] for i in dict.fromkeys(section.for_) if i in scored]
    against_dims = [scored[i] for i in dict.fromkeys(section.against) if i in scored]
    if not any(has_evidence(d) for d in for_dims):
        return None
    for_avg = _average([d.score for d in for_dims if d.score is not None])
    against_avg = _average([d.score for d in against_dims if d.score is not None])

    def by_score(dims: list[DimensionResult], highest: bool) -> list[DimensionResult]:
        return sorted(dims, key=lambda d: -(d.score or 0) if highest else d.score or 0)

    leaning: Literal["for", "against", "mixed"]
    if for_avg >= VERDICT_FOR_MIN and for_avg - against_avg >= VERDICT_MARGIN:
        leaning, text = "for", section.lean_for
        drivers = by_score(for_dims, highest=True)
        leaning_dims = reason_dims = [d for d in for_dims if d.level in ("moderate", "high")]
    elif for_avg < VERDICT_AGAINST_BELOW or against_avg - for_avg >= VERDICT_MARGIN:
        leaning, text = "against", section.lean_against
        pushing = [d for d in against_dims if (d.score or 0) > for_avg and d.level != "low"]
        drivers = by_score(pushing, highest=True) + by_score(for_dims, highest=False)
        low_needs = [d for d in for_dims if d.level == "low"]
        # A low need is a reason in the text ("your goals can be reached without it")
        # only when the goals as a whole call for little, not beside a need that is high.
        leaning_dims = pushing + (low_needs if for_avg < VERDICT_AGAINST_BELOW else [])
        reason_dims = pushing + low_needs
    else:
        leaning, text = "mixed", section.mixed
        top_for = by_score(for_dims, highest=True)
        top_against = by_score(against_dims, highest=True)
        drivers = [*top_for[:1], *top_against[:1], *top_for[1:2], *top_against[1:2]]
        leaning_dims = reason_dims = drivers
    # Of twins, the one in focus stands for the topic; a topic whose stand-in does not
    # lean the verdict's way (a need in focus, under a verdict against) is no reason.
    reasons = [
        d
        for d in _one_per_topic([d for d in drivers if has_evidence(d)], focus)
        if any(d is r for r in reason_dims)
    ]
    return Verdict.model_construct(
        bank=result.bank.id,
        title=result.bank.title,
        leaning=leaning,
        text=_text(text, result, {d.dimension.id for d in leaning_dims if has_evidence(d)}),
        because=[_because(d) for d in reasons[:MAX_REASONS]],
    )
