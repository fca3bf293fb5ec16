"""What leads a plan, right under its header, in every view alike.

The banks a person said are not for them (their ``audience`` answer), and the
answer-quality warning of answers that said too little. When either leaves the plan with
nothing to say (no bank was for them, or every answer was neutral), the views leave out
the findings and the "nothing needs action" line, which would read as a clean bill of
health, and the check-in says what to do now. Plain text: each view escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercoach.core.not_for_you import INSTEAD
from careercoach.ui.plan_wording import (
    THIN_ANSWERS_CHECKIN,
    THIN_ANSWERS_TITLE,
    answers_too_thin,
    thin_answers_text,
)

if TYPE_CHECKING:
    from careercoach.core.models import Plan

NOT_FOR_YOU_TITLE = "Not for you"
TAKE_ANOTHER_BANK = (
    f"Take a bank that fits you instead, such as careercoach assess --bank {INSTEAD} "
    "(careercoach banks list shows every bank)."
)
NOT_FOR_YOU_CHECKIN = "Now: take a bank that fits you; that plan sets the next date."


def nothing_to_plan(plan: Plan) -> bool:
    """True when every bank taken said it is not for the person (its ``audience``
    answer): no area was scored, and the views say so instead of "nothing needs action"
    and "no dimension was scored", which would read as a clean bill of health."""
    skipped = {s.bank for s in plan.skipped_banks}
    return bool(plan.banks) and set(plan.banks) <= skipped


def says_nothing_yet(plan: Plan) -> bool:
    """The answers said too little, or every bank was not for the person: no findings,
    no actions line, and a check-in of "now" (:func:`now_checkin`)."""
    return answers_too_thin(plan) or nothing_to_plan(plan)


def now_checkin(plan: Plan) -> str | None:
    """The check-in of a plan that says nothing yet: what to do now; else None."""
    if nothing_to_plan(plan):
        return NOT_FOR_YOU_CHECKIN
    return THIN_ANSWERS_CHECKIN if answers_too_thin(plan) else None


def skipped_lines(plan: Plan) -> list[str]:
    """One line a bank that was not for the person (``“Developing your bench” was
    skipped as not for you: you answered “I manage nobody”.``; a bank id is for a
    command, not a sentence), then, when no bank was for them, that there is nothing to
    plan from and which bank to take instead."""
    lines = [
        f"\u201c{s.title}\u201d was skipped as not for you: you answered \u201c{s.because}\u201d."
        for s in plan.skipped_banks
    ]
    if nothing_to_plan(plan):
        these = "this bank" if len(plan.banks) == 1 else "these banks"
        lines.append(f"So there is nothing to plan from {these}. {TAKE_ANOTHER_BANK}")
    return lines


@dataclass(frozen=True)
class LeadSection:
    """A section that leads a plan, right under its header (every view alike)."""

    title: str
    paragraphs: list[str]
    """Plain text: escape for the output."""
    anchor: str
    """The HTML section's id."""


def lead_sections(plan: Plan) -> list[LeadSection]:
    """What a person must read first: the banks that were not for them, and the
    answer-quality warning of answers that said too little."""
    out = []
    if plan.skipped_banks:
        out.append(LeadSection(NOT_FOR_YOU_TITLE, skipped_lines(plan), "not-for-you"))
    if answers_too_thin(plan):
        texts = [thin_answers_text(warning) for warning in plan.warnings]
        out.append(LeadSection(THIN_ANSWERS_TITLE, texts, "warnings"))
    return out
