"""The review before the plan: the answers in a list, to change any of them.

After the last question of an interactive assessment (and when ``assess --edit`` reopens
a finished one), :func:`review` shows every answer; finishing (Enter on "Done", the first
choice) goes on to the plan. Picking an answer asks that question again with its answer
shown; the conditions are checked again at once: the answers of questions no longer asked
are dropped, and the questions newly opened are asked, in order. ``<`` goes back to the
previous question of those; on the one picked, it puts every answer back as it was. Then
the list again.

Every answer goes through the session's recorder the moment it is given, so a Ctrl-C in
the review loses nothing. The loop is free of any terminal: it takes the ``ask`` of the
walk and a ``pick`` (the list in, the entry picked or ``None`` for done out).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from careercoach.core.conditions import AnswerValue
from careercoach.core.models import Bank, NumberQuestion, Question
from careercoach.core.question_kinds import kind_of
from careercoach.flows.session import Ask, Session
from careercoach.ui.prompts.review import DONE_LABEL


@dataclass(frozen=True)
class ReviewEntry:
    """One answer of the review: the question, and its answer as it reads."""

    number: int
    """Its place in the list, from 1, across banks."""
    bank: Bank
    question: Question
    answer: str


Pick = Callable[[Sequence[ReviewEntry]], "ReviewEntry | None"]
"""Show the review list; the entry picked, or None when the person is done."""

SKIPPED = "(skipped)"
LEFT_EMPTY = "(left empty)"


def answer_reads(question: Question, value: AnswerValue | None) -> str:
    """An answer as the review shows it: as the plan reads it (``4 (agree)``, option
    labels), a number with its unit; a skipped or empty optional answer said so."""
    if value is None:
        return SKIPPED
    if isinstance(value, str) and not value.strip():
        return LEFT_EMPTY
    said = kind_of(question).describe(question, value)
    if isinstance(question, NumberQuestion) and question.unit:
        said += f" {question.unit}"
    return said


def review_entries(session: Session) -> list[ReviewEntry]:
    """Every question asked, in the order of the walk, with its answer."""
    return [
        ReviewEntry(
            number,
            session.banks[index],
            question,
            answer_reads(question, session.answers[session.banks[index].id].get(question.id)),
        )
        for number, (index, question) in enumerate(session.walk(), start=1)
    ]


def review(session: Session, ask: Ask, pick: Pick) -> None:
    """Ask what is still unanswered, then show the list until the person is done; each
    answer picked is asked again (see the module's docstring)."""
    while True:
        session.fill(ask)
        chosen = pick(review_entries(session))
        if chosen is None:
            return
        session.revisit(ask, chosen.bank.id, chosen.question.id)


def pick_with_prompts(
    *,
    no_color: bool = False,
    out: Callable[[str], None] | None = None,
    done_label: str = DONE_LABEL,
) -> Pick:
    """The real ``pick``: a blank line, then the review list of
    :mod:`careercoach.ui.prompts.review`."""

    def pick(entries: Sequence[ReviewEntry]) -> ReviewEntry | None:
        from careercoach.ui import prompts

        several = len({entry.bank.id for entry in entries}) > 1
        rows = []
        for at, entry in enumerate(entries):
            first_of_bank = at == 0 or entries[at - 1].bank.id != entry.bank.id
            heading = entry.bank.title if several and first_of_bank else None
            rows.append(
                prompts.ReviewRow(entry.number, entry.question.prompt, entry.answer, heading)
            )
        if out is not None:
            out("")
        look = prompts.Look(no_color=no_color)
        picked = prompts.review_prompt(rows, look=look, done_label=done_label).ask()
        return None if picked is None else entries[picked]

    return pick
