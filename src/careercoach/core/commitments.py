"""Commitments: the few actions a person promises to do, by a day, with an if-then line.

Research on goal pursuit (implementation intentions: what, when, and "if this gets in the
way, then I will...") finds that a plan is acted on when it ends in a few such promises.
The rules here are pure; the store keeps the commitments (``storage/commitments.py``),
keyed by the action's id, so that they stay with an action when its plan is rebuilt.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careercoach.core.models import Horizon, PlannedAction

MAX_COMMITMENTS = 3
MAX_IF_THEN = 300
HORIZON_DAYS: dict[str, int] = {"week": 7, "month": 30, "quarter": 91}
"""How far off the end of each horizon is, counted from the day of committing."""
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class CommitmentProblem(ValueError):
    """A date or an if-then line that cannot be taken; the message says why in one line."""


def default_due(horizon: Horizon, today: date) -> date:
    """The end of an action's horizon: a week, a month (30 days) or a quarter (91) from today."""
    return today + timedelta(days=HORIZON_DAYS[horizon])


def parse_due(text: str, today: date) -> date:
    """``YYYY-MM-DD``, today or later; :class:`CommitmentProblem` otherwise."""
    shown = text.strip()
    try:
        if not _DAY.fullmatch(shown):
            raise ValueError
        day = date.fromisoformat(shown)
    except ValueError:
        if len(shown) > 30:
            shown = shown[:29] + "…"
        raise CommitmentProblem(
            f"'{shown}' is not a date (use YYYY-MM-DD, e.g. {default_due('week', today)})"
        ) from None
    if day < today:
        raise CommitmentProblem(f"{day} is in the past; pick today ({today}) or a later day")
    return day


def check_if_then(text: str | None) -> str | None:
    """The if-then line on one line, without surrounding spaces; None when empty."""
    if text is None:
        return None
    line = " ".join(text.split())
    if len(line) > MAX_IF_THEN:
        raise CommitmentProblem(
            f"at most {MAX_IF_THEN} characters in the if-then line (this one has {len(line)})"
        )
    return line or None


def action_key(action: PlannedAction) -> str:
    """``bank.action``: what a commitment is kept by (the plan JSON's ``action_id``)."""
    return f"{action.bank}.{action.id}"
