"""``when`` conditions: every operator, answered or not, and which questions are asked."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from careercoach.core.conditions import asked_answers, asked_questions, holds
from careercoach.core.models import Bank, Condition

CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)


def cond(data: dict[str, Any]) -> Condition:
    result: Condition = CONDITION.validate_python(data)
    return result


@pytest.mark.parametrize(
    ("condition", "answers", "expected"),
    [
        ({"question": "q", "equals": "a"}, {"q": "a"}, True),
        ({"question": "q", "equals": "a"}, {"q": "b"}, False),
        ({"question": "q", "equals": 4}, {"q": 4}, True),
        ({"question": "q", "equals": 4}, {"q": 4.0}, True),
        ({"question": "q", "equals": "4"}, {"q": 4}, False),
        ({"question": "q", "equals": "a"}, {"q": ["a"]}, False),
        ({"question": "q", "not_equals": "a"}, {"q": "b"}, True),
        ({"question": "q", "not_equals": "a"}, {"q": "a"}, False),
        ({"question": "q", "includes": "x"}, {"q": ["x", "y"]}, True),
        ({"question": "q", "includes": "x"}, {"q": []}, False),
        ({"question": "q", "includes": "x"}, {"q": "x"}, True),
        ({"question": "q", "gte": 3}, {"q": 3}, True),
        ({"question": "q", "gte": 3}, {"q": 2}, False),
        ({"question": "q", "gte": 2.5}, {"q": 2.75}, True),
        ({"question": "q", "lte": 3}, {"q": 3}, True),
        ({"question": "q", "lte": 3}, {"q": 4}, False),
        ({"question": "q", "gte": 3}, {"q": "many"}, False),
        ({"question": "q", "lte": 3}, {"q": ["a"]}, False),
    ],
)
def test_comparisons(condition: dict[str, Any], answers: dict[str, Any], expected: bool) -> None:
    assert holds(cond(condition), answers) is expected


@pytest.mark.parametrize("operator", ["equals", "not_equals", "includes", "gte", "lte"])
def test_a_comparison_on_an_unanswered_question_is_false_and_its_not_true(operator: str) -> None:
    value = "a" if operator in ("equals", "not_equals", "includes") else 1
    comparison = {"question": "q", operator: value}
    assert holds(cond(comparison), {}) is False
    assert holds(cond({"not": comparison}), {}) is True


def test_all_any_not() -> None:
    a = {"question": "a", "equals": 1}
    b = {"question": "b", "equals": 1}
    answers = {"a": 1, "b": 2}
    assert holds(cond({"all": [a, b]}), answers) is False
    assert holds(cond({"all": [a]}), answers) is True
    assert holds(cond({"any": [a, b]}), answers) is True
    assert holds(cond({"any": [b]}), answers) is False
    assert holds(cond({"not": {"any": [b]}}), answers) is True
    assert holds(cond({"all": [a, {"not": b}]}), answers) is True


BANK = Bank.model_validate(
    {
        "id": "b",
        "title": "B",
        "dimensions": [{"id": "d", "label": "D"}],
        "questions": [
            {
                "id": "first",
                "type": "single",
                "prompt": "First?",
                "options": [{"id": "yes", "label": "Yes"}, {"id": "no", "label": "No"}],
            },
            {
                "id": "second",
                "type": "likert",
                "prompt": "Second",
                "dimension": "d",
                "when": {"question": "first", "equals": "yes"},
            },
            {
                "id": "third",
                "type": "likert",
                "prompt": "Third",
                "dimension": "d",
                "when": {"question": "second", "gte": 4},
            },
            {"id": "fourth", "type": "likert", "prompt": "Fourth", "dimension": "d"},
        ],
    }
)


def test_asked_questions_follow_the_answers() -> None:
    ids = lambda answers: [q.id for q in asked_questions(BANK, answers)]  # noqa: E731
    assert ids({}) == ["first", "fourth"]
    assert ids({"first": "no"}) == ["first", "fourth"]
    assert ids({"first": "yes"}) == ["first", "second", "fourth"]
    assert ids({"first": "yes", "second": 5}) == ["first", "second", "third", "fourth"]


def test_answers_to_questions_no_longer_asked_do_not_count_or_open_others() -> None:
    # "second" was answered while "first" was yes; then "first" changed to no
    stale = {"first": "no", "second": 5, "third": 5, "fourth": 2, "unknown": 1}
    assert asked_answers(BANK, stale) == {"first": "no", "fourth": 2}
