"""Evaluate a question's ``when`` over the answers given so far (pure).

A condition is structured data, never code: ``{question, equals | not_equals | includes |
gte | lte: value}``, ``{all: [...]}``, ``{any: [...]}``, ``{not: {...}}``. A comparison on
a question that was not answered is false, so ``not`` of it is true.

Answers are plain values, one per question id, as an answers file or a prompt gives them:
likert ``int`` 1..5, single ``str`` (an option id), multi ``list[str]`` (option ids),
number ``int | float``, text ``str``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias

from careercoach.core.models import AllOf, AnyOf, Bank, Condition, NotOf, Question

AnswerValue: TypeAlias = int | float | str | list[str]
BankAnswers: TypeAlias = dict[str, AnswerValue]
"""One bank's answers: question id to value."""
Answers: TypeAlias = dict[str, BankAnswers]
"""A whole assessment's answers: bank id to that bank's answers."""


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _equal(answer: AnswerValue, value: object) -> bool:
    if isinstance(answer, list):
        return False
    if _is_number(answer) and _is_number(value):
        return answer == value
    if isinstance(answer, str) and isinstance(value, str):
        return answer == value
    return False


def holds(condition: Condition, answers: Mapping[str, AnswerValue]) -> bool:
    """Whether ``condition`` is true for one bank's ``answers``."""
    if isinstance(condition, AllOf):
        return all(holds(part, answers) for part in condition.all)
    if isinstance(condition, AnyOf):
        return any(holds(part, answers) for part in condition.any)
    if isinstance(condition, NotOf):
        return not holds(condition.not_, answers)
    if condition.question not in answers:
        return False
    answer = answers[condition.question]
    operator, value = condition.operator, condition.value
    if operator == "equals":
        return _equal(answer, value)
    if operator == "not_equals":
        return not _equal(answer, value)
    if operator == "includes":
        if isinstance(answer, list):
            return value in answer
        return isinstance(answer, str) and answer == value
    if not (_is_number(answer) and _is_number(value)):
        return False
    assert isinstance(answer, int | float) and isinstance(value, int | float)
    return answer >= value if operator == "gte" else answer <= value


def not_for_them(bank: Bank, answers: Mapping[str, AnswerValue]) -> bool:
    """Whether the answer to the bank's ``audience`` question says the bank does not apply
    (``leader`` answered "I manage nobody"): then nothing more is asked or scored."""
    audience = bank.audience
    if audience is None:
        return False
    answer = answers.get(audience.question)
    return isinstance(answer, str) and answer in audience.not_for


def is_asked(
    question: Question, answers: Mapping[str, AnswerValue], bank: Bank | None = None
) -> bool:
    """Whether ``question`` is asked, given the answers to the questions before it (and,
    with its ``bank``, whether the bank's audience question ended the bank)."""
    if (
        bank is not None
        and bank.audience is not None
        and question.id != bank.audience.question
        and not_for_them(bank, answers)
    ):
        return False
    return question.when is None or holds(question.when, answers)


def asked_answers(bank: Bank, answers: Mapping[str, AnswerValue]) -> BankAnswers:
    """The answers that count: those to questions of ``bank`` that are asked.

    Questions are taken in bank order, and each ``when`` sees only the answers that count
    so far, so an answer left over from a question that is no longer asked (the person
    went back and changed an earlier answer) neither counts nor opens later questions.
    """
    counted: BankAnswers = {}
    for question in bank.questions:
        if question.id in answers and is_asked(question, counted, bank):
            counted[question.id] = answers[question.id]
    return counted


def asked_questions(bank: Bank, answers: Mapping[str, AnswerValue]) -> list[Question]:
    """The questions of ``bank`` that are asked given ``answers``, in bank order.

    A question whose ``when`` names a question not answered yet is not in the list; it
    may join it once that question is answered.
    """
    counted: BankAnswers = {}
    asked: list[Question] = []
    for question in bank.questions:
        if is_asked(question, counted, bank):
            asked.append(question)
            if question.id in answers:
                counted[question.id] = answers[question.id]
    return asked
