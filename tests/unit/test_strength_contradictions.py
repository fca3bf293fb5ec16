"""A strength is never praised above an answer that says the opposite (a coach's reading
of issue 16: "Results you can show" sat above "If asked tomorrow to show in figures the
value I add, I would be stuck." 4)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from careercoach.core.models import Bank
from careercoach.core.planning import build_plan
from careercoach.core.scoring import score_banks

FINISHED = datetime(2026, 11, 22, 10, 4, 5, tzinfo=UTC)


def likerts(did: str, count: int) -> list[dict[str, Any]]:
    return [
        {"id": f"{did}{n}", "type": "likert", "prompt": f"{did} {n}", "dimension": did}
        for n in range(count)
    ]


def strengths_of(banks: list[Bank], answers: dict[str, dict[str, int]]) -> list[str]:
    plan = build_plan(
        score_banks(banks, answers),
        assessment_id=1,
        finished_at=FINISHED,
        tool_version="0.1.0",
        tz=UTC,
    )
    return [f"{s.bank}.{s.dimension}" for s in plan.strengths]


ONE = Bank.model_validate(
    {
        "id": "one",
        "title": "One",
        "dimensions": [{"id": "x", "label": "X lacking", "strength": "X is fine."}],
        "questions": likerts("x", 4),
    }
)


def test_a_firm_answer_toward_the_need_keeps_a_low_dimension_from_being_a_strength() -> None:
    # three strongly disagree (score 33: low), but one agrees: the person said the need
    assert strengths_of([ONE], {"one": {"x0": 1, "x1": 1, "x2": 1, "x3": 5}}) == []
    assert strengths_of([ONE], {"one": {"x0": 1, "x1": 1, "x2": 1, "x3": 4}}) == []
    # a neutral answer says nothing either way: still a strength
    assert strengths_of([ONE], {"one": {"x0": 1, "x1": 1, "x2": 1, "x3": 3}}) == ["one.x"]


def test_a_reverse_statement_strongly_disagreed_with_is_firm_toward_the_need() -> None:
    questions = likerts("x", 4)
    questions[3]["reverse"] = True
    bank = Bank.model_validate(
        {
            "id": "one",
            "title": "One",
            "dimensions": ONE.model_dump()["dimensions"],
            "questions": questions,
        }
    )
    assert strengths_of([bank], {"one": {"x0": 1, "x1": 1, "x2": 1, "x3": 1}}) == []
    assert strengths_of([bank], {"one": {"x0": 1, "x1": 1, "x2": 1, "x3": 2}}) == ["one.x"]


def test_a_strength_is_not_shown_while_a_need_it_names_as_its_opposite_is_there() -> None:
    praised = Bank.model_validate(
        {
            "id": "praised",
            "title": "Praised",
            "dimensions": [
                {
                    "id": "results",
                    "label": "Results you cannot show",
                    "strength": "You can show your results.",
                    "strength_unless_need": ["other.cannot_show_value", "absent.bank"],
                }
            ],
            "questions": likerts("results", 2),
        }
    )
    other = Bank.model_validate(
        {
            "id": "other",
            "title": "Other",
            "dimensions": [{"id": "cannot_show_value", "label": "Value you cannot show"}],
            "questions": likerts("cannot_show_value", 1),
        }
    )
    low = {"praised": {"results0": 1, "results1": 1}}
    assert strengths_of([praised, other], low | {"other": {"cannot_show_value0": 4}}) == []
    assert strengths_of([praised, other], low | {"other": {"cannot_show_value0": 2}}) == [
        "praised.results"
    ]
    assert strengths_of([praised], low) == ["praised.results"]
