"""Answers + bank → scores (pure, deterministic, independent of answer order).

Each answered question that is asked adds, to each dimension it feeds, its contribution
and the most it could have added:

- likert: ``max(0, answer - 3) / 2`` (``max(0, 3 - answer) / 2`` if ``reverse``) times
  ``weight``, out of ``weight``: agreeing with a statement of the need adds half, strongly
  agreeing adds all, and neutral (3) adds nothing, as disagreeing does;
- single: the chosen option's score, out of the highest score any option gives;
- multi: the ticked options' scores added up, out of the same: a ticked option is evidence
  of the need, an option left unticked is no evidence either way.

A neutral answer is no evidence of a need; an answer that points away from it
(:attr:`Contribution.against`) is what a strength needs.

A dimension's score is ``floor(100 * added / most + 0.5)``; a dimension that no answered
question feeds (or only with ``most`` 0) has no score. Arithmetic is exact (fractions,
with bank numbers read as the decimals the bank wrote), so ``0.345`` rounds to 35 and
the order of the answers cannot change a score.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from careercoach.core.conditions import AnswerValue, BankAnswers, asked_answers
from careercoach.core.models import (
    Bank,
    Dimension,
    Level,
    LikertQuestion,
    MultiQuestion,
    Question,
    SingleQuestion,
    Thresholds,
)

LIKERT_LABELS = {
    1: "strongly disagree",
    2: "disagree",
    3: "neutral",
    4: "agree",
    5: "strongly agree",
}


def exact(number: float) -> Fraction:
    """A bank number as the decimal it was written as (``0.1`` is one tenth, exactly)."""
    if isinstance(number, int):
        return Fraction(number)
    return Fraction(repr(number))


@dataclass(frozen=True)
class Contribution:
    """What one answer added to one dimension, out of how much."""

    question: Question
    answer: AnswerValue
    added: Fraction
    most: Fraction

    @property
    def reverse(self) -> bool:
        return isinstance(self.question, LikertQuestion) and self.question.reverse

    @property
    def against(self) -> bool:
        """Whether the answer points away from the need: a likert answered 1 or 2 (4 or 5
        if reverse), or a single option that scores nothing. A neutral answer or an
        unticked option is no evidence either way."""
        if isinstance(self.question, LikertQuestion) and isinstance(self.answer, int):
            return self.answer >= 4 if self.question.reverse else self.answer <= 2
        return isinstance(self.question, SingleQuestion) and self.added == 0 and self.most > 0


@dataclass(frozen=True)
class DimensionResult:
    """One dimension of one bank: its answers' contributions, score and level."""

    bank: Bank
    dimension: Dimension
    contributions: tuple[Contribution, ...]
    added: Fraction
    most: Fraction
    score: int | None
    level: Level | None


@dataclass(frozen=True)
class BankResult:
    """A bank's scores, with the answers that counted (those to asked questions)."""

    bank: Bank
    answers: BankAnswers
    dimensions: tuple[DimensionResult, ...]

    @property
    def scored(self) -> list[DimensionResult]:
        """The dimensions with a score, in bank order."""
        return [d for d in self.dimensions if d.score is not None]

    def dimension(self, dimension_id: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.dimension.id == dimension_id)


def dimension_score(added: Fraction, most: Fraction) -> int | None:
    """``floor(100 * added / most + 0.5)``, or None when nothing could be added."""
    if most <= 0:
        return None
    return math.floor(100 * added / most + Fraction(1, 2))


def level_for(score: int, thresholds: Thresholds) -> Level:
    """``high`` from ``thresholds.high``, ``moderate`` from ``thresholds.moderate``."""
    if score >= thresholds.high:
        return "high"
    if score >= thresholds.moderate:
        return "moderate"
    return "low"


def likert_added(answer: int, weight: float, reverse: bool) -> Fraction:
    """A likert answer's contribution: ``max(0, answer-3)/2`` (reverse: ``max(0, 3-answer)/2``)
    × weight. Neutral and disagreeing add nothing."""
    steps = max(0, 3 - answer if reverse else answer - 3)
    return Fraction(steps, 2) * exact(weight)


def feeds(question: Question) -> list[str]:
    """The dimensions a question feeds, in the order it names them."""
    if isinstance(question, LikertQuestion):
        return [question.dimension]
    if isinstance(question, SingleQuestion | MultiQuestion):
        named: dict[str, None] = {}
        for option in question.options:
            named.update(dict.fromkeys(option.scores))
        return list(named)
    return []


def _fits(question: Question, answer: AnswerValue) -> bool:
    """Whether an answer has the form its question takes (stale answers are skipped)."""
    if isinstance(question, LikertQuestion):
        return isinstance(answer, int) and not isinstance(answer, bool) and 1 <= answer <= 5
    if isinstance(question, SingleQuestion):
        return isinstance(answer, str) and any(o.id == answer for o in question.options)
    if isinstance(question, MultiQuestion):
        ids = {o.id for o in question.options}
        return isinstance(answer, list) and all(isinstance(a, str) and a in ids for a in answer)
    return False


def contributions(question: Question, answer: AnswerValue) -> dict[str, tuple[Fraction, Fraction]]:
    """Each dimension the answer feeds: ``(added, most)``. Empty when it feeds none."""
    if not _fits(question, answer):
        return {}
    if isinstance(question, LikertQuestion):
        assert isinstance(answer, int)
        weight = exact(question.weight)
        return {
            question.dimension: (likert_added(answer, question.weight, question.reverse), weight)
        }
    assert isinstance(question, SingleQuestion | MultiQuestion)
    assert isinstance(answer, str | list)
    chosen = {answer} if isinstance(answer, str) else set(answer)
    result: dict[str, tuple[Fraction, Fraction]] = {}
    for dimension_id in feeds(question):
        given = [exact(o.scores.get(dimension_id, 0)) for o in question.options]
        added = sum(
            (g for o, g in zip(question.options, given, strict=True) if o.id in chosen),
            Fraction(0),
        )
        if isinstance(question, SingleQuestion):
            result[dimension_id] = (added, max(given))
        elif added > 0:  # multi: only what was ticked is evidence
            result[dimension_id] = (added, added)
    return result


def score_bank(bank: Bank, answers: Mapping[str, AnswerValue]) -> BankResult:
    """Score one bank. Answers to questions that are not asked, or not of the bank, are
    ignored; so are answers whose form no longer fits their question."""
    counted = asked_answers(bank, answers)
    per_dimension: dict[str, list[Contribution]] = {d.id: [] for d in bank.dimensions}
    for question in bank.questions:
        if question.id not in counted:
            continue
        answer = counted[question.id]
        for dimension_id, (added, most) in contributions(question, answer).items():
            if dimension_id in per_dimension:
                per_dimension[dimension_id].append(Contribution(question, answer, added, most))
    results = []
    for dimension in bank.dimensions:
        items = tuple(per_dimension[dimension.id])
        added = sum((c.added for c in items), Fraction(0))
        most = sum((c.most for c in items), Fraction(0))
        score = dimension_score(added, most)
        level = None if score is None else level_for(score, dimension.thresholds)
        results.append(DimensionResult(bank, dimension, items, added, most, score, level))
    return BankResult(bank, counted, tuple(results))


def score_banks(
    banks: Sequence[Bank], answers: Mapping[str, Mapping[str, AnswerValue]]
) -> list[BankResult]:
    """Score each bank, in the order given, with its answers (none: every score is None)."""
    return [score_bank(bank, answers.get(bank.id, {})) for bank in banks]


def describe_answer(question: Question, answer: AnswerValue) -> str:
    """An answer as a person reads it: ``4 (agree)``, an option's label, ``none``."""
    if isinstance(question, LikertQuestion) and isinstance(answer, int):
        return f"{answer} ({LIKERT_LABELS.get(answer, '?')})"
    if isinstance(question, SingleQuestion | MultiQuestion):
        labels = {o.id: o.label for o in question.options}
        chosen = [answer] if isinstance(answer, str) else answer
        if isinstance(chosen, list):
            return ", ".join(labels.get(str(c), str(c)) for c in chosen) or "none"
    if isinstance(answer, list):
        return ", ".join(answer) or "none"
    if isinstance(answer, float) and answer.is_integer():
        return str(int(answer))
    return str(answer)
