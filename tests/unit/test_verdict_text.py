"""A verdict says only the reasons that lean its way (a coach's fourth reading: "your goals
can be reached without it, or the cost or the classroom format weighs against it" read to
a person whose focus area was the degree her level expects), and lists a topic once."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError
from tests.unit.test_planning import dim, make_bank, plan_for

GOALS = ["f1", "f2"]


def bank(**verdict: Any) -> Any:
    return make_bank(
        "edu",
        [
            dim("f1", ("f1_week", "week", "moderate"), label="Goal", topic="credential"),
            dim("f2", ("f2_week", "week", "moderate"), label="Twin goal", topic="credential"),
            dim("a1", label="Cost"),
            dim("a2", label="Classroom"),
        ],
        verdict={
            "for": GOALS,
            "against": ["a1", "a2"],
            "lean_for": "Go for it.",
            "lean_against": "Not now.",
            "mixed": "It depends.",
            **verdict,
        },
    )


AGAINST = [
    "Not now.",
    {"text": "Your goals need none.", "if_leaning": GOALS, "unless_need": GOALS},
    {"text": "The cost weighs.", "if_leaning": ["a1"]},
    {"text": "The classroom weighs.", "if_leaning": ["a2"]},
    {"text": "Find a cheaper route.", "if_leaning": ["a1", "a2"], "if_need": GOALS},
    {"text": "Goals need little.", "if_leaning": GOALS, "unless_leaning": ["a1", "a2"]},
]


def text_and_reasons(scores: dict[str, int], **verdict: Any) -> tuple[str, list[str]]:
    (v,) = plan_for([bank(**verdict)], {"edu": scores}).verdicts
    return v.text, v.because


def test_a_verdict_against_names_only_the_reasons_that_lean() -> None:
    # weak goals, a heavy cost, a classroom that suits: no word on the classroom
    assert text_and_reasons({"f1": 0, "f2": 10, "a1": 90, "a2": 0}, lean_against=AGAINST) == (
        "Not now. Your goals need none. The cost weighs.",  # the cost leans: not "little"
        ["Cost: high (90 of 100)", "Goal: none, by your answers (0 of 100)"],
    )
    # a goal that needs the degree (the twin in focus) against a heavy cost: the goals are
    # not said to need none, the cheaper route is offered, and the need is no reason against
    # (the twin in focus stands for the topic: "Goal: none" would contradict the focus)
    assert text_and_reasons({"f1": 0, "f2": 75, "a1": 100, "a2": 25}, lean_against=AGAINST) == (
        "Not now. The cost weighs. Find a cheaper route.",
        ["Cost: high (100 of 100)"],
    )


def test_a_sentence_unless_another_reason_leans() -> None:
    assert text_and_reasons({"f1": 0, "f2": 10, "a1": 0, "a2": 0}, lean_against=AGAINST)[0] == (
        "Not now. Your goals need none. Goals need little."
    )


def test_a_sentence_is_dropped_for_a_decided_person_or_a_job_that_needs_the_degree() -> None:
    lean_for = [
        "Go for it.",
        {
            "text": "A degree is not everything.",
            "unless_need": ["f1"],
            "when": {"not": {"question": "q_a2", "equals": "p25"}},
        },
    ]
    assert text_and_reasons({"f1": 25, "f2": 100, "a1": 0, "a2": 0}, lean_for=lean_for)[0] == (
        "Go for it. A degree is not everything."
    )
    assert text_and_reasons({"f1": 50, "f2": 100, "a1": 0, "a2": 0}, lean_for=lean_for)[0] == (
        "Go for it."
    )
    assert text_and_reasons({"f1": 25, "f2": 100, "a1": 0, "a2": 25}, lean_for=lean_for)[0] == (
        "Go for it."
    )


def test_twins_are_one_reason_the_one_in_focus() -> None:
    assert text_and_reasons({"f1": 100, "f2": 75, "a1": 0, "a2": 0}) == (
        "Go for it.",
        ["Goal: high (100 of 100)"],
    )


def test_a_verdict_sentence_naming_an_unknown_dimension_or_question_is_a_problem() -> None:
    with pytest.raises(ValidationError) as raised:
        bank(
            lean_for=[
                {"text": "A.", "if_leaning": ["nope"]},
                {"text": "B.", "when": {"question": "q_missing", "equals": "x"}},
            ]
        )
    assert (
        "verdict.lean_for.0.if_leaning.0: unknown dimension 'nope'; "
        "verdict.lean_for.1.when: unknown question 'q_missing'"
    ) in str(raised.value)


def test_a_verdict_sentence_needs_its_text() -> None:
    with pytest.raises(ValidationError):
        bank(lean_for=[{"if_leaning": ["f1"]}])
