""" "What does this mean?": what ``?`` shows about an assessment question.

Three parts, each told from the bank itself, so that a coach's bank gets them too: the
question's ``help`` (where the bank has one), why it is asked (it follows up an earlier
answer, decides whether the bank applies, goes into the ROI estimate, scores an area, opens
later questions, or is quoted back), and the areas (dimension labels) it feeds.
"""

from __future__ import annotations

from careercoach.core.models import Bank, Question, TextQuestion, condition_questions
from careercoach.core.own_words import area
from careercoach.core.scoring import feeds
from careercoach.safe_text import clean
from careercoach.ui.prompts.layout import wrap

ABOUT_TITLE = "About this question"


def _quoted(text: str) -> str:
    return f"“{clean(text)}”"


def _listed(names: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def why_asked(bank: Bank, question: Question) -> list[str]:
    """Why ``question`` is asked: one sentence for each reason that holds."""
    reasons: list[str] = []
    if question.when is not None:
        earlier = [bank.question(named).prompt for named in condition_questions(question.when)]
        shown = list(dict.fromkeys(_quoted(prompt) for prompt in earlier))
        stop = "" if earlier[-1].rstrip().endswith(("?", ".", "!", "…")) else "."
        reasons.append(f"It follows up your answer to {_listed(shown)}{stop}")
    if bank.audience is not None and bank.audience.question == question.id:
        reasons.append("It tells whether this bank is for you; some answers end it here.")
    if bank.roi is not None and question.id in bank.roi.model_dump().values():
        reasons.append("It goes into the estimate of what the education would pay back.")
    fed = feeds(question)
    if fed:
        which = "the areas below, which choose" if len(fed) > 1 else "the area below, which chooses"
        reasons.append(f"Your answer scores {which} the advice in your plan.")
    opens = any(
        question.id in condition_questions(later.when)
        for later in bank.questions
        if later.when is not None
    )
    if opens:
        reasons.append("Your answer decides which questions come next.")
    if isinstance(question, TextQuestion):
        reasons.append("Your plan quotes your words back to you; they score nothing.")
    elif not reasons:
        reasons.append("It is kept with your answers; it scores nothing.")
    return reasons


def areas(bank: Bank, question: Question) -> list[str]:
    """The labels of the areas (dimensions) ``question`` feeds; for a written answer, the
    area the plan quotes it beside."""
    fed = feeds(question)
    if not fed and isinstance(question, TextQuestion):
        beside = area(bank, question.when)
        fed = [beside] if beside else []
    return [clean(bank.dimension(dimension_id).label) for dimension_id in fed]


def about_lines(bank: Bank, question: Question, width: int) -> list[str]:
    """What ``?`` shows, laid out ``width`` wide: the help, why, and the areas."""
    lines = [ABOUT_TITLE]
    if question.help:
        lines += wrap(clean(question.help), width, indent="  ")
    lines += wrap(" ".join(why_asked(bank, question)), width, first="  Why: ", indent="  ")
    labels = areas(bank, question)
    fed = f"{_listed(labels)} ({clean(bank.title)})" if labels else "none"
    lines += wrap(fed, width, first="  Areas: " if len(labels) > 1 else "  Area: ", indent="  ")
    return lines
