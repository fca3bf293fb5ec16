"""The person's own words: every written answer, to quote back in the plan (pure).

A written (``text``) answer scores nothing, yet it is often the truest line of an
assessment; the plan quotes each non-empty one beside the bank it was written for, and
beside the area it is about when that can be told: a text question asked because of an
earlier answer (its ``when``) is about the one dimension that answer feeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careercoach.core.models import (
    AllOf,
    AnyOf,
    Comparison,
    LikertQuestion,
    MultiQuestion,
    NotOf,
    OwnWords,
    SingleQuestion,
    TextQuestion,
)

if TYPE_CHECKING:
    from careercoach.core.models import Bank, Condition
    from careercoach.core.scoring import BankResult


def own_words(results: Sequence[BankResult]) -> list[OwnWords]:
    """Each non-empty written answer of an asked question, in bank and question order."""
    found = []
    for result in results:
        for question in result.bank.questions:
            if not isinstance(question, TextQuestion):
                continue
            value = result.answers.get(question.id)
            if not isinstance(value, str) or not value.strip():
                continue
            found.append(
                OwnWords.model_construct(
                    bank=result.bank.id,
                    question=question.id,
                    prompt=question.prompt,
                    text=value.strip(),
                    dimension=area(result.bank, question.when),
                )
            )
    return found


def area(bank: Bank, when: Condition | None) -> str | None:
    """The one dimension the answers a ``when`` asks for feed; None for none or several."""
    if when is None:
        return None
    dimensions = set(_fed(bank, when))
    return dimensions.pop() if len(dimensions) == 1 else None


def _fed(bank: Bank, condition: Condition) -> list[str]:
    """The dimensions fed by what ``condition`` looks for (a ``not`` looks for nothing)."""
    if isinstance(condition, AllOf):
        return [d for part in condition.all for d in _fed(bank, part)]
    if isinstance(condition, AnyOf):
        return [d for part in condition.any for d in _fed(bank, part)]
    if isinstance(condition, NotOf) or not isinstance(condition, Comparison):
        return []
    question = bank.question(condition.question)
    if isinstance(question, LikertQuestion):
        return [question.dimension]
    if isinstance(question, SingleQuestion | MultiQuestion) and condition.operator in (
        "equals",
        "includes",
    ):
        return [
            dimension
            for option in question.options
            if option.id == condition.value
            for dimension, weight in option.scores.items()
            if weight > 0
        ]
    return []
