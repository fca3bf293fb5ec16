"""One :class:`QuestionKind` per question type: what a ``type:`` of a bank brings.

A kind holds its type's model, the dimensions it feeds and how an answer scores, how an
answer reads in a plan, what an answer must be and the check of one (answers files), its
settings in a few words (``banks show``), and a person's time to answer one. Adding a
type touches this module (and its prompt, in ``ui/``, since core imports no terminal).

Scoring (see :mod:`careercoach.core.scoring`):

- likert: ``max(0, answer - 3) / 2`` (``max(0, 3 - answer) / 2`` if ``reverse``) times
  ``weight``, out of ``weight``: agreeing with a statement of the need adds half, strongly
  agreeing adds all, and neutral (3) adds nothing, as disagreeing does;
- single: the chosen option's score, out of the highest score any option gives;
- multi: the ticked options' scores added up, out of the same: a ticked option is evidence
  of the need, an option left unticked is no evidence either way;
- number and text feed no dimension.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Generic, TypeVar

from careercoach.core.conditions import AnswerValue
from careercoach.core.models import (
    LikertQuestion,
    Loc,
    MultiQuestion,
    NumberQuestion,
    Question,
    SingleQuestion,
    TextQuestion,
)

LIKERT_LABELS = {
    1: "strongly disagree",
    2: "disagree",
    3: "neutral",
    4: "agree",
    5: "strongly agree",
}
Q = TypeVar("Q")
Shares = dict[str, tuple[Fraction, Fraction]]
"""Each dimension an answer feeds: ``(added, most)``."""
Checked = tuple[AnswerValue | None, list[tuple[Loc, str]]]
"""An answer in its stored form, or the problems (``loc`` relative to the answer)."""


def exact(number: float) -> Fraction:
    """A bank number as the decimal it was written as (``0.1`` is one tenth, exactly)."""
    if isinstance(number, int):
        return Fraction(number)
    return Fraction(repr(number))


def likert_added(answer: int, weight: float, reverse: bool) -> Fraction:
    """A likert answer's contribution: ``max(0, answer-3)/2`` (reverse: ``max(0, 3-answer)/2``)
    × weight. Neutral and disagreeing add nothing."""
    steps = max(0, 3 - answer if reverse else answer - 3)
    return Fraction(steps, 2) * exact(weight)


def number_text(value: float) -> str:
    """A bank's number as written: ``5``, not ``5.0``."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e16 else repr(value)


MAX_EXACT_NUMBER = 2**53
"""No number answer may be larger (in size): beyond it a float is no longer exact, and
from about 10**308 on ``float()`` overflows."""


def given(value: Any) -> str:
    """A value from a file as a person would recognise it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and abs(value) >= 10**20:
        return "a number of more than 20 digits"  # (and str() stops at 4,300 digits)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__  # pragma: no cover - YAML gives nothing else


def whole(value: Any) -> int | None:
    """A whole number (``3`` or ``3.0``), else None (``true`` is not a number)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def as_written(answer: AnswerValue) -> str:
    """An answer in a plan as given: ``a, b`` for a list (``none`` when empty), ``5``."""
    if isinstance(answer, list):
        return ", ".join(answer) or "none"
    if isinstance(answer, float) and answer.is_integer():
        return str(int(answer))
    return str(answer)


class QuestionKind(Generic[Q]):
    """The default of every kind: feeds nothing, reads as written, blank when missing."""

    name: str
    model: type[Q]
    seconds: int
    """A person's time to answer one (``banks show`` and the progress line)."""

    def feeds(self, question: Q) -> list[str]:
        """The dimensions a question feeds, in the order it names them."""
        return []

    def shares(self, question: Q, answer: AnswerValue) -> Shares:
        """Each dimension the answer feeds: ``(added, most)``; empty when it feeds none
        or the answer no longer fits the question (a stale answer)."""
        return {}

    def describe(self, question: Q, answer: AnswerValue) -> str:
        """An answer as a person reads it in a plan."""
        return as_written(answer)

    def allowed(self, question: Q) -> str:
        """What an answer must be, in a few words."""
        raise NotImplementedError

    def check(self, question: Q, value: Any) -> Checked:
        """An answer from a file in its stored form, or what is wrong with it."""
        raise NotImplementedError

    def blank(self, value: Any) -> bool:
        """No answer given."""
        return value is None

    def settings(self, question: Q) -> str:
        """The question's settings in a few words (``banks show``)."""
        return self.name

    def template(self, question: Q) -> str:
        """What to write, in the comment above the question in ``banks template``."""
        return f"{self.name}: {self.allowed(question)}"

    def wrong(self, question: Q, value: Any) -> Checked:
        return None, [((), f"got {given(value)}, expected {self.allowed(question)}")]


class LikertKind(QuestionKind[LikertQuestion]):
    name, model, seconds = "likert", LikertQuestion, 8

    def feeds(self, question: LikertQuestion) -> list[str]:
        return [question.dimension]

    def shares(self, question: LikertQuestion, answer: AnswerValue) -> Shares:
        if not isinstance(answer, int) or isinstance(answer, bool) or not 1 <= answer <= 5:
            return {}
        added = likert_added(answer, question.weight, question.reverse)
        return {question.dimension: (added, exact(question.weight))}

    def describe(self, question: LikertQuestion, answer: AnswerValue) -> str:
        if isinstance(answer, int):
            return f"{answer} ({LIKERT_LABELS.get(answer, '?')})"
        return as_written(answer)

    def allowed(self, question: LikertQuestion) -> str:
        return "a whole number from 1 (strongly disagree) to 5 (strongly agree)"

    def check(self, question: LikertQuestion, value: Any) -> Checked:
        number = whole(value)
        if number is None or not 1 <= number <= 5:
            return self.wrong(question, value)
        return number, []

    def settings(self, question: LikertQuestion) -> str:
        extra = ", reverse" if question.reverse else ""
        weight = f", weight {question.weight:g}" if question.weight != 1 else ""
        return f"likert → {question.dimension}{extra}{weight}"


ChoiceQuestion = TypeVar("ChoiceQuestion", SingleQuestion, MultiQuestion)


class _ChoiceKind(QuestionKind[ChoiceQuestion]):
    """Single and multi: options whose scores feed dimensions."""

    def feeds(self, question: ChoiceQuestion) -> list[str]:
        named: dict[str, None] = {}
        for option in question.options:
            named.update(dict.fromkeys(option.scores))
        return list(named)

    def chosen(self, question: ChoiceQuestion, answer: AnswerValue) -> set[str] | None:
        """The options an answer chose; None when it does not fit the question."""
        raise NotImplementedError

    def share(self, added: Fraction, given: list[Fraction]) -> tuple[Fraction, Fraction] | None:
        """``(added, most)`` for one dimension, from what the chosen options add and what
        each option gives it; None when the answer is no evidence for it."""
        raise NotImplementedError

    def shares(self, question: ChoiceQuestion, answer: AnswerValue) -> Shares:
        chosen = self.chosen(question, answer)
        if chosen is None:
            return {}
        result: Shares = {}
        for dimension_id in self.feeds(question):
            given = [exact(o.scores.get(dimension_id, 0)) for o in question.options]
            added = sum(
                (g for o, g in zip(question.options, given, strict=True) if o.id in chosen),
                Fraction(0),
            )
            share = self.share(added, given)
            if share is not None:
                result[dimension_id] = share
        return result

    def describe(self, question: ChoiceQuestion, answer: AnswerValue) -> str:
        labels = {o.id: o.label for o in question.options}
        chosen = [answer] if isinstance(answer, str) else answer
        if isinstance(chosen, list):
            return ", ".join(labels.get(str(c), str(c)) for c in chosen) or "none"
        return as_written(answer)

    @staticmethod
    def ids(question: ChoiceQuestion) -> str:
        return ", ".join(option.id for option in question.options)


class SingleKind(_ChoiceKind[SingleQuestion]):
    name, model, seconds = "single", SingleQuestion, 12

    def chosen(self, question: SingleQuestion, answer: AnswerValue) -> set[str] | None:
        fits = isinstance(answer, str) and any(o.id == answer for o in question.options)
        return {answer} if fits and isinstance(answer, str) else None

    def share(self, added: Fraction, given: list[Fraction]) -> tuple[Fraction, Fraction] | None:
        return added, max(given)

    def allowed(self, question: SingleQuestion) -> str:
        return f"one of: {self.ids(question)}"

    def template(self, question: SingleQuestion) -> str:
        return "single: one of these ids"

    def check(self, question: SingleQuestion, value: Any) -> Checked:
        if not isinstance(value, str) or all(o.id != value for o in question.options):
            return self.wrong(question, value)
        return value, []


class MultiKind(_ChoiceKind[MultiQuestion]):
    name, model, seconds = "multi", MultiQuestion, 20

    def chosen(self, question: MultiQuestion, answer: AnswerValue) -> set[str] | None:
        ids = {o.id for o in question.options}
        if isinstance(answer, list) and all(isinstance(a, str) and a in ids for a in answer):
            return {str(a) for a in answer}
        return None

    def share(self, added: Fraction, given: list[Fraction]) -> tuple[Fraction, Fraction] | None:
        return (added, added) if added > 0 else None  # only what was ticked is evidence

    def allowed(self, question: MultiQuestion) -> str:
        return f"a list of any of: {self.ids(question)} ([] for none)"

    def template(self, question: MultiQuestion) -> str:
        return "multi: a list of any of these ids, like [a, b] ([] for none)"

    def check(self, question: MultiQuestion, value: Any) -> Checked:
        if not isinstance(value, list):
            return self.wrong(question, value)
        ids = {o.id for o in question.options}
        problems: list[tuple[Loc, str]] = []
        seen: set[str] = set()
        for index, item in enumerate(value):
            if not isinstance(item, str) or item not in ids:
                message = f"got {given(item)} in the list, expected {self.allowed(question)}"
                problems.append(((index,), message))
            elif item in seen:
                problems.append(((index,), f"got '{item}' twice, expected each option once"))
            else:
                seen.add(item)
        if problems:
            return None, problems
        chosen: list[str] = [str(item) for item in value]
        return chosen, []


class NumberKind(QuestionKind[NumberQuestion]):
    name, model, seconds = "number", NumberQuestion, 15

    def allowed(self, question: NumberQuestion) -> str:
        kind = "a whole number" if question.integer else "a number"
        if question.min is not None and question.max is not None:
            kind += f" from {number_text(question.min)} to {number_text(question.max)}"
        elif question.min is not None:
            kind += f" of at least {number_text(question.min)}"
        elif question.max is not None:
            kind += f" of at most {number_text(question.max)}"
        return kind + (f" ({question.unit})" if question.unit else "")

    def check(self, question: NumberQuestion, value: Any) -> Checked:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self.wrong(question, value)
        if isinstance(value, int) and abs(value) > MAX_EXACT_NUMBER:
            return self.wrong(question, value)  # past what a float holds exactly
        if not math.isfinite(value):
            return self.wrong(question, value)
        number: AnswerValue = value
        if question.integer:
            found = whole(value)
            if found is None:
                return self.wrong(question, value)
            number = found
        assert isinstance(number, int | float)
        if (question.min is not None and number < question.min) or (
            question.max is not None and number > question.max
        ):
            return self.wrong(question, value)
        return number, []

    def settings(self, question: NumberQuestion) -> str:
        bounds = []
        if question.min is not None:
            bounds.append(f"≥ {question.min:g}")
        if question.max is not None:
            bounds.append(f"≤ {question.max:g}")
        unit = f" {question.unit}" if question.unit else ""
        integer = ", whole" if question.integer else ""
        return f"number{unit}{integer}" + (f" ({', '.join(bounds)})" if bounds else "")


class TextKind(QuestionKind[TextQuestion]):
    name, model, seconds = "text", TextQuestion, 45

    def allowed(self, question: TextQuestion) -> str:
        return (
            f"text (at most {question.max_length} characters; quote it if it looks like a number)"
        )

    def check(self, question: TextQuestion, value: Any) -> Checked:
        if not isinstance(value, str):
            return self.wrong(question, value)
        if len(value) > question.max_length:
            message = f"got text of {len(value)} characters, expected {self.allowed(question)}"
            return None, [((), message)]
        return value, []

    def blank(self, value: Any) -> bool:
        return value is None or (isinstance(value, str) and not value.strip())

    def template(self, question: TextQuestion) -> str:
        return self.allowed(question)


KINDS: dict[str, QuestionKind[Any]] = {
    kind.name: kind for kind in (LikertKind(), SingleKind(), MultiKind(), NumberKind(), TextKind())
}
"""Every question type, by its ``type:`` in a bank."""


def kind_of(question: Question) -> QuestionKind[Any]:
    """The kind of a question (by its ``type``)."""
    return KINDS[question.type]
