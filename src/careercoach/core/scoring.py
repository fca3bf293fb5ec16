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
    Question,
    SingleQuestion,
    Thresholds,
)
from careercoach.core.question_kinds import LIKERT_LABELS, exact, kind_of, likert_added

__all__ = [
    "LIKERT_LABELS",
    "BankResult",
    "Contribution",
    "DimensionResult",
    "contributions",
    "describe_answer",
    "dimension_score",
    "exact",
    "feeds",
    "level_for",
    "likert_added",
    "score_bank",
    "score_banks",
]


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


def feeds(question: Question) -> list[str]:
    """The dimensions a question feeds, in the order it names them."""
    return kind_of(question).feeds(question)


def contributions(question: Question, answer: AnswerValue) -> dict[str, tuple[Fraction, Fraction]]:
    """Each dimension the answer feeds: ``(added, most)``. Empty when it feeds none, or
    when the answer no longer fits its question (stale answers are skipped)."""
    return kind_of(question).shares(question, answer)


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
    return kind_of(question).describe(question, answer)
