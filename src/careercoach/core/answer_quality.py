"""The answer-quality warnings: when the agree/disagree answers look careless (pure).

A plan from neutral answers only has nothing to say about any need, and says so first;
a plan from answers all the same, or mostly neutral, says that its scores may not
describe the person.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from careercoach.core.models import LikertQuestion
from careercoach.core.scoring import BankResult

CARELESS_MIN_LIKERT = 5
NEUTRAL_SHARE = Fraction(4, 5)

ALL_NEUTRAL = (
    "Your answers do not tell me enough yet: every agree/disagree answer was neutral (3), "
    "and a neutral answer shows no need and no strength, so this plan has nothing to go "
    "on. Run careercoach assess again now, and wherever you lean even a little, agree or "
    "disagree."
)
"""The answer-quality warning that leads a plan from neutral answers only."""

ALL_NEUTRAL_WITH_ROI = (
    "Your answers do not tell me enough yet: every agree/disagree answer was neutral (3), "
    "and a neutral answer shows no need and no strength, so nothing here says whether you "
    "need more study; only the figures you gave are worked out below. Run careercoach "
    "assess again now, and wherever you lean even a little, agree or disagree."
)
"""The same warning when the person's own figures gave the plan an ROI to show."""


def answer_warnings(results: Sequence[BankResult]) -> list[str]:
    """Plain sentences when the agree/disagree answers look careless."""
    likert = [
        answer
        for result in results
        for question in result.bank.questions
        if isinstance(question, LikertQuestion)
        and isinstance(answer := result.answers.get(question.id), int)
    ]
    if len(likert) < CARELESS_MIN_LIKERT:
        return []
    if set(likert) == {3}:
        return [ALL_NEUTRAL]
    if len(set(likert)) == 1:
        return [
            f"All {len(likert)} of your agree/disagree answers were the same ({likert[0]}), "
            "so the scores may not describe you. If that was not deliberate, run "
            "careercoach assess again."
        ]
    neutral = sum(1 for answer in likert if answer == 3)
    if Fraction(neutral, len(likert)) > NEUTRAL_SHARE:
        return [
            f"{neutral} of your {len(likert)} agree/disagree answers were neutral (3), so "
            "the scores may understate what needs your attention. Where you lean one way, "
            "say so."
        ]
    return []
