"""The banks a person said are not for them (pure).

A bank's ``audience`` question can end it ("I manage nobody" in ``leader``): nothing more
is asked, scored or advised. The plan still says so, near the top, so that a plan with
nothing from that bank does not read as a clean bill of health; and when every bank
taken ended that way there is nothing to plan from, and the plan says which bank to take
instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from careercoach.core.conditions import not_for_them
from careercoach.core.models import SkippedBank
from careercoach.core.scoring import BankResult, describe_answer

INSTEAD = "stuck"
"""The bank to take when none taken was for the person: the built-in one for anyone whose
career stopped moving (it has no ``audience`` question). Built-in banks always load."""


def skipped_banks(results: Sequence[BankResult]) -> list[SkippedBank]:
    """The banks whose ``audience`` answer ended them, in assessment order."""
    skipped = []
    for result in results:
        audience = result.bank.audience
        if audience is None or not not_for_them(result.bank, result.answers):
            continue
        answer = result.answers[audience.question]
        assert isinstance(answer, str)  # not_for_them: an option id
        skipped.append(
            SkippedBank.model_construct(
                bank=result.bank.id,
                title=result.bank.title,
                question=audience.question,
                answer=answer,
                because=describe_answer(result.bank.question(audience.question), answer),
            )
        )
    return skipped


def nothing_to_plan(results: Sequence[BankResult]) -> bool:
    """Whether every bank taken said it is not for the person: no area could be scored."""
    return bool(results) and all(not_for_them(r.bank, r.answers) for r in results)
