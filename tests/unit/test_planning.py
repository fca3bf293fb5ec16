"""The plan: ordering, actions by level and horizon, focus, strengths, verdicts, check-in,
answer-quality warnings, explanations and the ROI block."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from careercoach.core import roi
from careercoach.core.models import Bank, Plan
from careercoach.core.planning import build_plan
from careercoach.core.scoring import score_banks

FINISHED = datetime(2026, 11, 22, 10, 4, 5, tzinfo=UTC)


def dim(did: str, *actions: tuple[str, str, str], **extra: Any) -> dict[str, Any]:
    return {
        "id": did,
        "label": did.upper(),
        "actions": [
            {"id": a, "text": f"Do {a}.", "horizon": h, "level": lvl} for a, h, lvl in actions
        ],
        **extra,
    }


def graded(did: str) -> dict[str, Any]:
    """A single question feeding ``did``: option ``pN`` scores N (0 .. 100)."""
    return {
        "id": f"q_{did}",
        "type": "single",
        "prompt": f"How much {did}?",
        "options": [{"id": f"p{n}", "label": f"{n}", "scores": {did: n / 100}} for n in range(101)],
    }


def make_bank(bid: str, dims: list[dict[str, Any]], **extra: Any) -> Bank:
    return Bank.model_validate(
        {
            "id": bid,
            "title": bid.title(),
            "dimensions": dims,
            "questions": [graded(d["id"]) for d in dims],
            **extra,
        }
    )


def plan_for(banks: list[Bank], scores: dict[str, dict[str, int]], **kwargs: Any) -> Plan:
    answers = {
        b: {f"q_{d}": f"p{score}" for d, score in per_bank.items()}
        for b, per_bank in scores.items()
    }
    return build_plan(
        score_banks(banks, answers),
        assessment_id=kwargs.pop("assessment_id", 3),
        finished_at=kwargs.pop("finished_at", FINISHED),
        tool_version="0.1.0",
        tz=kwargs.pop("tz", UTC),
        **kwargs,
    )


ONE = make_bank(
    "one",
    [
        dim(
            "x",
            ("x_quarter", "quarter", "high"),
            ("x_week", "week", "moderate"),
            ("x_month", "month", "moderate"),
            description="X has been bothering you",
        ),
        dim("y", ("y_week", "week", "moderate"), strength="Y is fine."),
        dim("z", ("z_week", "week", "moderate"), ("z_high", "month", "high")),
    ],
)
TWO = make_bank("two", [dim("w", ("w_week", "week", "moderate"), ("w_month", "month", "moderate"))])


def test_dimensions_sorted_by_score_then_bank_then_dimension_order() -> None:
    plan = plan_for([ONE, TWO], {"one": {"x": 50, "y": 100, "z": 50}, "two": {"w": 50}})
    assert [(d.bank, d.id, d.score, d.level) for d in plan.dimensions] == [
        ("one", "y", 100, "high"),
        ("one", "x", 50, "moderate"),
        ("one", "z", 50, "moderate"),
        ("two", "w", 50, "moderate"),
    ]
    plan = plan_for([TWO, ONE], {"one": {"x": 50, "y": 100, "z": 50}, "two": {"w": 50}})
    assert [d.id for d in plan.dimensions] == ["y", "w", "x", "z"]


def test_unscored_dimensions_are_left_out() -> None:
    plan = plan_for([ONE], {"one": {"z": 70}})
    assert [d.id for d in plan.dimensions] == ["z"]
    assert [f.dimension for f in plan.focus] == ["z"]
    assert plan.strengths == []


def test_actions_by_level_then_horizon_then_score() -> None:
    plan = plan_for([ONE, TWO], {"one": {"x": 70, "y": 10, "z": 40}, "two": {"w": 80}})
    # w 80 high, x 70 high, z 40 moderate, y 10 low (no actions)
    assert [a.id for a in plan.actions] == [
        "w_week",
        "x_week",
        "z_week",
        "w_month",
        "x_month",
        "x_quarter",
    ]
    first = plan.actions[0]
    assert (first.bank, first.dimension, first.text, first.horizon, first.done) == (
        "two",
        "w",
        "Do w_week.",
        "week",
        False,
    )


def test_high_actions_only_at_high_moderate_actions_from_moderate() -> None:
    ids = lambda score: [a.id for a in plan_for([ONE], {"one": {"z": score}}).actions]  # noqa: E731
    assert ids(33) == []
    assert ids(34) == ["z_week"]
    assert ids(66) == ["z_week"]
    assert ids(67) == ["z_week", "z_high"]


def test_action_ties_keep_bank_then_dimension_then_action_order() -> None:
    plan = plan_for([TWO, ONE], {"one": {"x": 50, "z": 50}, "two": {"w": 50}})
    assert [a.id for a in plan.actions] == ["w_week", "x_week", "z_week", "w_month", "x_month"]


def test_focus_is_at_most_three_moderate_or_high_with_a_reason() -> None:
    plan = plan_for([ONE, TWO], {"one": {"x": 90, "y": 35, "z": 60}, "two": {"w": 75}})
    assert [(f.dimension, f.score, f.level) for f in plan.focus] == [
        ("x", 90, "high"),
        ("w", 75, "high"),
        ("z", 60, "moderate"),
    ]
    assert plan.focus[0].why == "Scored 90 of 100 (high). X has been bothering you."
    assert plan.focus[2].why == "Scored 60 of 100 (moderate)."
    low = plan_for([ONE], {"one": {"x": 20, "y": 10, "z": 50}})
    assert [f.dimension for f in low.focus] == ["z"]


def test_strengths_are_the_low_dimensions_lowest_first() -> None:
    plan = plan_for([ONE], {"one": {"x": 30, "y": 5, "z": 80}})
    assert [(s.dimension, s.label, s.text) for s in plan.strengths] == [
        ("y", "Y", "Y is fine."),
        ("x", "X", "X is not holding you back (score 30, low)."),
    ]


# -- verdicts ---------------------------------------------------------------------------

VERDICT_BANK = make_bank(
    "edu",
    [dim("f1", label="Goal"), dim("f2"), dim("a1", label="Cost")],
    verdict={
        "for": ["f1", "f2"],
        "against": ["a1"],
        "lean_for": "Go for it.",
        "lean_against": "Not now.",
        "mixed": "It depends.",
    },
)


def verdict_of(scores: dict[str, int]) -> tuple[str, str, list[str]] | None:
    plan = plan_for([VERDICT_BANK], {"edu": scores})
    if not plan.verdicts:
        return None
    (v,) = plan.verdicts
    assert v.bank == "edu"
    return v.leaning, v.text, v.because


def test_verdict_for() -> None:
    assert verdict_of({"f1": 100, "f2": 75, "a1": 25}) == (
        "for",
        "Go for it.",
        ["Goal: 100 (high)", "F2: 75 (high)"],
    )
    # no against dimension scored counts as 0: 50 >= 50 and 50 - 0 >= 15
    assert verdict_of({"f1": 50, "f2": 50}) == (
        "for",
        "Go for it.",
        ["Goal: 50 (moderate)", "F2: 50 (moderate)"],
    )


def test_verdict_against() -> None:
    # the for average is below 34
    assert verdict_of({"f1": 30, "f2": 35, "a1": 0}) == (
        "against",
        "Not now.",
        ["Goal: 30 (low)", "F2: 35 (moderate)"],
    )
    # the against average beats the for average by 15
    assert verdict_of({"f1": 60, "f2": 40, "a1": 65}) == (
        "against",
        "Not now.",
        ["Cost: 65 (moderate)", "F2: 40 (moderate)", "Goal: 60 (moderate)"],
    )


def test_verdict_mixed() -> None:
    # for average 50, against 40: margin 10 < 15
    assert verdict_of({"f1": 55, "f2": 45, "a1": 40}) == (
        "mixed",
        "It depends.",
        ["Goal: 55 (moderate)", "Cost: 40 (moderate)", "F2: 45 (moderate)"],
    )
    # for average 45 (< 50, >= 34), nothing against
    assert verdict_of({"f1": 45, "f2": 45}) == (
        "mixed",
        "It depends.",
        ["Goal: 45 (moderate)", "F2: 45 (moderate)"],
    )


def test_no_verdict_without_a_scored_for_dimension_or_a_section() -> None:
    assert verdict_of({"a1": 90}) is None
    assert plan_for([ONE], {"one": {"x": 50}}).verdicts == []


# -- check-in ---------------------------------------------------------------------------

TRIGGERS = Bank.model_validate(
    {
        "id": "eyes",
        "title": "New eyes",
        "dimensions": [dim("d")],
        "questions": [
            {
                "id": "changes",
                "type": "multi",
                "prompt": "What changed?",
                "options": [
                    {"id": "new_boss", "label": "A new boss", "scores": {"d": 1}},
                    {"id": "layoffs", "label": "Layoffs", "scores": {"d": 1}},
                ],
            }
        ],
        "triggers": {
            "question": "changes",
            "checkin_days": 30,
            "recheck": {"new_boss": ["one", "two"], "layoffs": ["two", "stuck"]},
        },
    }
)


def test_next_checkin_is_90_days_after_finishing() -> None:
    plan = plan_for([ONE], {"one": {"x": 50}})
    assert plan.finished_at == "2026-11-22T10:04:05+00:00"
    assert plan.next_checkin == "2027-02-20"
    assert plan.checkin_reason is None
    assert plan.recheck_banks == []


def test_next_checkin_counts_days_in_the_given_time_zone() -> None:
    late = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
    tokyo = timezone(timedelta(hours=9))
    assert plan_for([ONE], {"one": {"x": 50}}, finished_at=late, tz=tokyo).next_checkin == (
        "2027-02-21"
    )


def test_a_fired_trigger_brings_the_checkin_forward() -> None:
    results = score_banks([TRIGGERS, ONE], {"eyes": {"changes": ["new_boss", "layoffs"]}})
    plan = build_plan(
        results, assessment_id=None, finished_at=FINISHED, tool_version="0.1.0", tz=UTC
    )
    assert plan.next_checkin == "2026-12-22"
    assert plan.checkin_reason == (
        "Sooner than the usual 3 months, since something changed at work: a new boss; layoffs."
    )
    assert plan.recheck_banks == ["one", "two", "stuck"]


def test_a_trigger_question_with_nothing_chosen_keeps_90_days() -> None:
    results = score_banks([TRIGGERS], {"eyes": {"changes": []}})
    plan = build_plan(
        results, assessment_id=None, finished_at=FINISHED, tool_version="0.1.0", tz=UTC
    )
    assert plan.next_checkin == "2027-02-20"
    assert plan.checkin_reason is None


# -- answer quality ---------------------------------------------------------------------

LIKERTS = Bank.model_validate(
    {
        "id": "lk",
        "title": "Likerts",
        "dimensions": [dim("d")],
        "questions": [
            {"id": f"q{i}", "type": "likert", "prompt": f"Q{i}", "dimension": "d"}
            for i in range(10)
        ],
    }
)


def warnings_for(values: list[int]) -> list[str]:
    answers = {"lk": {f"q{i}": v for i, v in enumerate(values)}}
    plan = build_plan(
        score_banks([LIKERTS], answers),
        assessment_id=None,
        finished_at=FINISHED,
        tool_version="0.1.0",
    )
    return plan.warnings


def test_identical_likert_answers_warn_from_five() -> None:
    assert warnings_for([4, 4, 4, 4]) == []
    assert warnings_for([4, 4, 4, 4, 4]) == [
        "All 5 of your agree/disagree answers were the same (4), so the scores may not "
        "describe you. If that was not deliberate, run careercoach assess again."
    ]
    assert warnings_for([3] * 10) == [
        "All 10 of your agree/disagree answers were the same (3), so the scores may not "
        "describe you. If that was not deliberate, run careercoach assess again."
    ]


def test_more_than_80_percent_neutral_warns() -> None:
    assert warnings_for([3, 3, 3, 3, 3, 3, 3, 3, 4, 2]) == []  # exactly 80%
    assert warnings_for([3, 3, 3, 3, 3, 3, 3, 3, 3, 2]) == [
        "9 of your 10 agree/disagree answers were neutral (3), so the scores may understate "
        "what needs your attention. Where you lean one way, say so."
    ]
    assert warnings_for([1, 5, 2, 4, 3]) == []


# -- explain ----------------------------------------------------------------------------


def test_explain_lists_each_answer_added_out_of_most() -> None:
    b = Bank.model_validate(
        {
            "id": "ex",
            "title": "Ex",
            "dimensions": [dim("d", label="Drive"), dim("e")],
            "questions": [
                {"id": "l1", "type": "likert", "prompt": "I coast.", "dimension": "d"},
                {
                    "id": "l2",
                    "type": "likert",
                    "prompt": "I push.",
                    "dimension": "d",
                    "reverse": True,
                    "weight": 2,
                },
                {
                    "id": "m",
                    "type": "multi",
                    "prompt": "Which?",
                    "options": [
                        {"id": "o1", "label": "One", "scores": {"d": 1, "e": 0.5}},
                        {"id": "o2", "label": "Two", "scores": {"d": 1}},
                    ],
                },
            ],
        }
    )
    plan = build_plan(
        score_banks([b], {"ex": {"l1": 4, "l2": 2, "m": ["o1"]}}),
        assessment_id=1,
        finished_at=FINISHED,
        tool_version="0.1.0",
    )
    # d: 0.75/1 + 1.5/2 + 1/2 = 3.25/5 = 65; e: 0.5/0.5 = 100
    assert [(x.dimension, x.label, x.score) for x in plan.explain] == [
        ("e", "E", 100),
        ("d", "Drive", 65),
    ]
    assert [item.model_dump() for item in plan.explain[1].items] == [
        {
            "question": "l1",
            "prompt": "I coast.",
            "answer": "4 (agree)",
            "added": 0.75,
            "most": 1.0,
            "reverse": False,
        },
        {
            "question": "l2",
            "prompt": "I push.",
            "answer": "2 (disagree)",
            "added": 1.5,
            "most": 2.0,
            "reverse": True,
        },
        {
            "question": "m",
            "prompt": "Which?",
            "answer": "One",
            "added": 1.0,
            "most": 2.0,
            "reverse": False,
        },
    ]


# -- ROI --------------------------------------------------------------------------------


def roi_bank(bid: str = "school") -> Bank:
    number = lambda qid: {"id": qid, "type": "number", "prompt": qid, "required": False}  # noqa: E731
    return Bank.model_validate(
        {
            "id": bid,
            "title": "School",
            "dimensions": [dim("d")],
            "questions": [
                {"id": "l", "type": "likert", "prompt": "L", "dimension": "d"},
                number("tuition"),
                number("study_years"),
                number("pay_now"),
                number("pay_after"),
                {
                    "id": "mode",
                    "type": "single",
                    "prompt": "How?",
                    "required": False,
                    "options": [
                        {"id": "full_time", "label": "Full time"},
                        {"id": "part_time", "label": "Part time"},
                    ],
                },
            ],
            "roi": {
                "cost": "tuition",
                "years": "study_years",
                "current_salary": "pay_now",
                "expected_salary": "pay_after",
                "full_time": "mode",
            },
        }
    )


def roi_plan(banks: list[Bank], answers: dict[str, dict[str, Any]]) -> Plan:
    return build_plan(
        score_banks(banks, answers), assessment_id=1, finished_at=FINISHED, tool_version="0.1.0"
    )


ROI_ANSWERS = {"tuition": 60000, "study_years": 2, "pay_now": 70000, "pay_after": 90000}


def test_roi_from_the_mapped_answers() -> None:
    plan = roi_plan([roi_bank()], {"school": {**ROI_ANSWERS, "mode": "full_time"}})
    expected = roi.evaluate(
        roi.RoiInputs(
            cost=60000, years=2, current_salary=70000, expected_salary=90000, full_time=True
        )
    ).to_json_dict()
    assert plan.roi == expected
    assert plan.roi is not None and plan.roi["inputs"]["full_time"] is True
    assert plan.model_dump(mode="json")["roi"] == expected


def test_roi_comes_from_the_first_bank_whose_mapped_questions_were_answered() -> None:
    partial = {k: v for k, v in ROI_ANSWERS.items() if k != "pay_after"}
    plan = roi_plan(
        [roi_bank("first"), roi_bank("second")],
        {"first": partial, "second": {**ROI_ANSWERS, "tuition": 30000}},
    )
    assert plan.roi is not None
    assert plan.roi["inputs"]["cost"] == 30000
    assert plan.roi["inputs"]["full_time"] is False
    assert roi_plan([roi_bank()], {"school": partial}).roi is None


def test_roi_inputs_the_calculator_refuses_become_a_warning() -> None:
    plan = roi_plan([roi_bank()], {"school": {**ROI_ANSWERS, "study_years": 0}})
    assert plan.roi is None
    assert plan.warnings == [
        "The return on the degree could not be worked out: school.study_years must be a "
        "whole number of at least 1 (got 0)."
    ]


# -- the JSON ---------------------------------------------------------------------------


def test_plan_json_starts_with_the_spec_fields() -> None:
    plan = plan_for([ONE], {"one": {"x": 70}})
    data = plan.model_dump(mode="json")
    assert list(data)[:7] == [
        "assessment_id",
        "finished_at",
        "tool_version",
        "dimensions",
        "actions",
        "roi",
        "banks",
    ]
    assert data["dimensions"] == [
        {"bank": "one", "id": "x", "label": "X", "score": 70, "level": "high", "event": False}
    ]
    assert data["banks"] == ["one"]
    assert Plan.model_validate(data) == plan


def test_a_trigger_that_did_not_happen_is_no_strength() -> None:
    bank = Bank.model_validate(
        {
            "id": "eyes",
            "title": "Eyes",
            "dimensions": [
                dim("new_boss", strength="No new boss."),
                dim("habit", strength="You still notice things."),
            ],
            "questions": [
                {
                    "id": "recent",
                    "type": "multi",
                    "prompt": "What happened?",
                    "options": [
                        {"id": "new_boss", "label": "A new boss", "scores": {"new_boss": 1}}
                    ],
                },
                {
                    "id": "notice",
                    "type": "likert",
                    "prompt": "I stopped noticing.",
                    "dimension": "habit",
                },
            ],
            "triggers": {"question": "recent", "checkin_days": 30},
        }
    )
    plan = build_plan(
        score_banks([bank], {"eyes": {"recent": [], "notice": 1}}),
        assessment_id=1,
        finished_at=FINISHED,
        tool_version="0.1.0",
        tz=UTC,
    )
    assert [(d.id, d.score) for d in plan.dimensions] == [("new_boss", 0), ("habit", 0)]
    assert [s.text for s in plan.strengths] == ["You still notice things."]
