"""The answers that put a focus area in the plan, quoted back (pure).

A focus area's description says what the need is in general; what the person said is
quoted beside it, so that nothing is claimed about them that an answer of theirs does not
show (a second coach's reading: "you resist most changes" was shown to someone who had
answered that statement with a neutral 3).
"""

from __future__ import annotations

from careercoach.core.models import LikertQuestion
from careercoach.core.scoring import DimensionResult, describe_answer

MAX_QUOTED = 2
"""At most this many statements are quoted for one focus area."""


def quoted_answers(result: DimensionResult) -> str:
    """``Your answers: “I could do my job in my sleep.” 5 (strongly agree).``: the (at most
    :data:`MAX_QUOTED`) agree/disagree statements that added most to the need, in bank
    order among equals; empty when none added anything (only ticked options did)."""
    leaning = [
        c
        for c in result.contributions
        if isinstance(c.question, LikertQuestion) and c.added > 0 and c.most > 0
    ]
    leaning.sort(key=lambda c: -(c.added / c.most))
    parts = [
        f"\u201c{' '.join(c.question.prompt.split())}\u201d {describe_answer(c.question, c.answer)}"
        for c in leaning[:MAX_QUOTED]
    ]
    return f"Your answers: {'; '.join(parts)}." if parts else ""
