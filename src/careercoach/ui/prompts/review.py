"""The review before the plan: every answer on a line of its own, to pick one to change.

A line is ``3. <the question> → <the answer>``, cut to the width of the moment (laid out
again after a resize): the question at a word boundary, with ``…``, so that the answer
shows as it reads; a long written answer is cut the same way, and an answer of one word
or number is never cut. Bank and answer text is data: cleaned, never read as markup.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from careercoach.safe_text import clean
from careercoach.ui import text_cells
from careercoach.ui.prompts.layout import Label
from careercoach.ui.prompts.widgets import Look, Prompt, list_keys, list_question

ARROW = " → "
ELLIPSIS = "…"
ASCII_MARKS = (" -> ", "...")
"""The arrow and the ellipsis on a terminal whose encoding has neither (``LC_ALL=C``,
``PYTHONIOENCODING=latin-1``), where prompt_toolkit would show ``?`` for them."""
MIN_QUESTION = 4
"""Columns the question keeps at least (``I c…``), however long the answer."""
DONE_LABEL = "Done, show my plan"
REVIEW_MESSAGE = "Your answers: pick one to change it, or finish."


def review_keys(last: int) -> str:
    """The review's keys: over 150 answers with every bank, so a page, the ends and an
    answer's number (typed, as the list questions' ``1-5``) jump."""
    number = f" or 1-{last}" if last > 1 else ""
    return f"(↑/↓, PgUp/PgDn, Home/End{number}, Enter)"


@dataclass(frozen=True)
class ReviewRow:
    """One answer in the review list."""

    number: int
    prompt: str
    answer: str
    heading: str | None = None
    """A bank's title, shown above its first answer (when the assessment has several)."""


def marks(encoding: str | None = None) -> tuple[str, str]:
    """The arrow and the ellipsis the terminal can show (its output's ``encoding``,
    standard output's by default)."""
    if encoding is None:
        encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        (ARROW + ELLIPSIS).encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return ASCII_MARKS
    return ARROW, ELLIPSIS


def shorten(text: str, width: int, ellipsis: str = ELLIPSIS) -> str:
    """``text`` on one line of at most ``width`` cells: whole where it fits, else cut
    after a word with ``ellipsis`` (a first word wider than the line is cut inside)."""
    text = " ".join(text.split())
    if text_cells.cells(text) <= width:
        return text
    kept = ""
    for word in text.split(" "):
        longer = f"{kept} {word}" if kept else word
        if text_cells.cells(longer) + len(ellipsis) > width:
            break
        kept = longer
    if not kept:
        cut = text_cells.fit(text, width - len(ellipsis) + 1) if width > len(ellipsis) else ""
        return cut.removesuffix("…") + ellipsis if cut else ellipsis[: max(width, 0)]
    return kept.rstrip(",;:-–—") + ellipsis


def review_label(
    number: int, prompt: str, answer: str, width: int, *, encoding: str | None = "utf-8"
) -> str:
    """``3. I coast through most… → 4 (agree)`` in at most ``width`` cells (where the
    number and an answer of one word fit at all); in ASCII marks where ``encoding`` (None:
    standard output's) has no arrow."""
    arrow, ellipsis = marks(encoding)
    head = f"{number}. "
    prompt, answer = clean(prompt), clean(answer)
    room = width - text_cells.cells(head) - len(arrow)
    answer_room = max((2 * room) // 3, room - text_cells.cells(prompt))
    if " " not in answer.strip():  # one word or one number: never cut
        answer_room = max(answer_room, text_cells.cells(answer))
    shown = shorten(answer, answer_room, ellipsis)
    question = shorten(prompt, max(room - text_cells.cells(shown), MIN_QUESTION), ellipsis)
    return f"{head}{question}{arrow}{shown}"


def review_prompt(
    rows: Sequence[ReviewRow],
    *,
    message: str = REVIEW_MESSAGE,
    done_label: str = DONE_LABEL,
    look: Look = Look(),
) -> Prompt[int | None]:
    """The review list: ``done_label`` first (where the pointer starts: Enter finishes),
    then each row; the answer is the index of the row picked, or ``None`` for done."""
    import questionary
    from questionary.prompts.common import InquirerControl

    done = clean(done_label)
    items: list[Any] = [questionary.Choice(done, value=-1)]
    labels: list[tuple[Any, Label]] = [(items[0], done)]
    answers: list[Any] = []  # the choice of each row
    for index, row in enumerate(rows):
        if row.heading is not None:
            separator = questionary.Separator(" ")
            items.append(separator)
            labels.append((separator, _heading(row.heading)))
        choice = questionary.Choice("", value=index)
        items.append(choice)
        answers.append(choice)
        labels.append((choice, _row_label(row)))
    control: Any = InquirerControl(
        items, None, use_indicator=False, use_shortcuts=False, show_cursor=False
    )

    def submit(event: Any) -> None:
        control.is_answered = True
        event.app.exit(result=control.get_pointed_at().value)

    def said(control: Any) -> str:
        chosen = control.get_pointed_at().value
        return done if chosen == -1 else f"change {rows[chosen].number}"

    bindings = list_keys(control, back=False, submit=submit)
    places = {row.number: items.index(choice) for row, choice in zip(rows, answers, strict=True)}
    jump = NumberJump(control, places)
    for digit in "0123456789":
        bindings.add(digit, eager=True)(jump.typed)
    question = list_question(
        control,
        clean(message),
        review_keys(max((row.number for row in rows), default=0)),
        said,
        bindings,
        look=look,
        labels=labels,
        prefix=3,  # " » "
    )
    return Prompt(question, _picked)


class NumberJump:
    """Typing an answer's number points at it: ``1`` then ``2`` is answer 12, digit by
    digit (answer 1 first). A digit that makes no answer's number starts a number anew;
    so does any move of the pointer (↑/↓, PgUp/PgDn) since the last digit."""

    def __init__(self, control: Any, places: dict[int, int]) -> None:
        self.control = control
        self.places = places
        """An answer's number → its place in the list."""
        self.typed_so_far = ""
        self.pointed: int | None = None

    def typed(self, event: Any) -> None:
        digit = event.key_sequence[0].key
        if self.control.pointed_at != self.pointed:
            self.typed_so_far = ""
        number = self.typed_so_far + digit
        if int(number) not in self.places:
            number = digit
        if int(number) in self.places:
            self.typed_so_far = number
            self.control.pointed_at = self.places[int(number)]
        else:
            self.typed_so_far = ""
        self.pointed = self.control.pointed_at


def _picked(answer: Any) -> int | None:
    return None if answer == -1 else int(answer)


def _heading(title: str) -> Callable[[int], str]:
    return lambda width: shorten(clean(title), width, marks(None)[1])


def _row_label(row: ReviewRow) -> Callable[[int], str]:
    return lambda width: review_label(row.number, row.prompt, row.answer, width, encoding=None)
