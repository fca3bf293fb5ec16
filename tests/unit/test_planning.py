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
            {"id": a, "text": f"Do the {a.replace('_', '')} task.", "horizon": h, "level": lvl}
            for a, h, lvl in actions
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
        "Do the wweek task.",
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
    assert plan.focus[0].why == "High need (90 of 100). X has been bothering you."
    assert plan.focus[2].why == "Moderate need (60 of 100)."
    low = plan_for([ONE], {"one": {"x": 20, "y": 10, "z": 50}})
    assert [f.dimension for f in low.focus] == ["z"]


def two_likerts(did: str) -> list[dict[str, Any]]:
    return [
        {"id": f"{did}1", "type": "likert", "prompt": f"{did} 1", "dimension": did},
        {"id": f"{did}2", "type": "likert", "prompt": f"{did} 2", "dimension": did},
    ]


STRENGTHS = Bank.model_validate(
    {
        "id": "s",
        "title": "S",
        "dimensions": [
            dim("a", strength="A is fine."),
            dim("b", strength="B is fine."),
            dim("c", strength="C is fine."),
            dim("d"),
            dim("e", strength="E is fine.", strength_label="E done well"),
            dim("f", strength="F is fine."),
            dim("g", strength="G is fine.", topic="same"),
            dim("h", strength="H is fine.", topic="same"),
        ],
        "questions": [q for d in "abcdefgh" for q in two_likerts(d)],
    }
)


def strengths_for(answers: dict[str, int]) -> list[tuple[str, str]]:
    plan = build_plan(
        score_banks([STRENGTHS], {"s": answers}),
        assessment_id=1,
        finished_at=FINISHED,
        tool_version="0.1.0",
        tz=UTC,
    )
    return [(s.dimension, s.text) for s in plan.strengths]


def test_a_strength_needs_answers_that_point_away_from_the_need() -> None:
    """Issue 16: a strength was claimed from a question never asked, and neutral answers
    read as strengths. Now at least two answers, and more than half, must disagree, one of
    them firmly (strongly disagree, or agree with a healthy statement)."""
    answers = {"a1": 1, "a2": 2, "b1": 2, "b2": 3, "c1": 3, "c2": 3, "d1": 1, "d2": 1}
    answers |= {"f1": 2, "f2": 2}
    # a: both disagree, one strongly; b: one of two (not more than half); c: neutral;
    # d: no strength sentence (a low score that is only an absence); f: no firm answer
    assert strengths_for(answers) == [("a", "A is fine.")]
    assert strengths_for({"a1": 1}) == []  # one answer is not enough


def test_at_most_three_strengths_best_evidenced_first() -> None:
    answers = {"a1": 2, "a2": 4, "b1": 1, "b2": 2, "c1": 1, "c2": 1, "e1": 1, "e2": 1}
    answers |= {"f1": 1, "f2": 2}
    # a scores 25 (low, one of two away); c and e: both answers firm; b and f: one firm
    assert strengths_for(answers) == [("c", "C is fine."), ("e", "E is fine."), ("b", "B is fine.")]


def test_a_focus_area_quotes_the_statements_that_put_it_there_never_a_neutral_one() -> None:
    likerts = [
        {"id": f"x{n}", "type": "likert", "prompt": f"Statement {n}.", "dimension": "x"}
        for n in range(4)
    ]
    likerts[3]["reverse"] = True
    bank = Bank.model_validate(
        {
            "id": "s",
            "title": "S",
            "dimensions": [
                {
                    "id": "x",
                    "label": "X",
                    "description": "What X is.",
                    "actions": [{"id": "do_x", "text": "Do x.", "horizon": "week"}],
                }
            ],
            "questions": likerts,
        }
    )
    answers = {"x0": 3, "x1": 4, "x2": 5, "x3": 2}  # neutral, agree, strongly, reverse
    plan = build_plan(
        score_banks([bank], {"s": answers}),
        assessment_id=1,
        finished_at=FINISHED,
        tool_version="0.1.0",
        tz=UTC,
    )
    assert plan.focus[0].why == (
        "Moderate need (50 of 100). What X is. Your answers: \u201cStatement 2.\u201d "
        "5 (strongly agree); \u201cStatement 1.\u201d 4 (agree)."
    )


def test_the_strength_with_the_most_firm_answers_comes_first() -> None:
    """A second coach's reading: the thriving person's strengths were not their best,
    since two firm answers out of two outranked four firm answers out of five. The
    firmest evidence is the most firm answers; the share away breaks ties."""
    likerts = [
        *[
            {"id": f"x{n}", "type": "likert", "prompt": f"x {n}", "dimension": "x"}
            for n in range(5)
        ],
        *[
            {"id": f"y{n}", "type": "likert", "prompt": f"y {n}", "dimension": "y"}
            for n in range(2)
        ],
        *[
            {"id": f"z{n}", "type": "likert", "prompt": f"z {n}", "dimension": "z"}
            for n in range(3)
        ],
    ]
    bank = Bank.model_validate(
        {
            "id": "s",
            "title": "S",
            "dimensions": [
                dim("y", strength="Y is fine."),
                dim("z", strength="Z is fine."),
                dim("x", strength="X is fine."),
            ],
            "questions": likerts,
        }
    )
    answers = {"x0": 1, "x1": 1, "x2": 1, "x3": 1, "x4": 2, "y0": 1, "y1": 1}
    answers |= {"z0": 1, "z1": 1, "z2": 2}
    plan = build_plan(
        score_banks([bank], {"s": answers}),
        assessment_id=1,
        finished_at=FINISHED,
        tool_version="0.1.0",
        tz=UTC,
    )
    # x: four firm of five; z: two firm of three; y: two firm of two (the larger share)
    assert [s.dimension for s in plan.strengths] == ["x", "y", "z"]


def test_a_strength_carries_its_own_name_not_the_needs() -> None:
    """Issue 16, second pass: "Falling behind on tools: You keep up with tools" read as a
    dig. A strength is headed by its ``strength_label`` (the need's label only without)."""
    plan = build_plan(
        score_banks([STRENGTHS], {"s": {"e1": 1, "e2": 1, "f1": 1, "f2": 1}}),
        assessment_id=1,
        finished_at=FINISHED,
        tool_version="0.1.0",
        tz=UTC,
    )
    assert [(s.dimension, s.label) for s in plan.strengths] == [("e", "E done well"), ("f", "F")]


def test_dimensions_of_one_topic_give_one_strength() -> None:
    answers = {"g1": 1, "g2": 1, "h1": 1, "h2": 1}
    assert strengths_for(answers) == [("g", "G is fine.")]


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
        ["Goal: high (100 of 100)", "F2: high (75 of 100)"],
    )
    # no against dimension scored counts as 0: 50 >= 50 and 50 - 0 >= 15
    assert verdict_of({"f1": 50, "f2": 50}) == (
        "for",
        "Go for it.",
        ["Goal: moderate (50 of 100)", "F2: moderate (50 of 100)"],
    )


def test_verdict_against() -> None:
    # the for average is below 34
    assert verdict_of({"f1": 30, "f2": 35, "a1": 0}) == (
        "against",
        "Not now.",
        ["Goal: low (30 of 100)"],
    )
    # the against average beats the for average by 15: the cost is the reason; needs
    # scored moderate do not lean against more study, so they are no reasons against it
    assert verdict_of({"f1": 60, "f2": 40, "a1": 65}) == (
        "against",
        "Not now.",
        ["Cost: moderate (65 of 100)"],
    )
    # an against dimension scored low is no reason against, even above the for average;
    # a reason scored 0 says what it means (a coach's reading: "0 (low)" read as a figure)
    assert verdict_of({"f1": 0, "f2": 10, "a1": 20}) == (
        "against",
        "Not now.",
        ["Goal: none, by your answers (0 of 100)", "F2: low (10 of 100)"],
    )


def test_verdict_mixed() -> None:
    # for average 50, against 40: margin 10 < 15
    assert verdict_of({"f1": 55, "f2": 45, "a1": 40}) == (
        "mixed",
        "It depends.",
        ["Goal: moderate (55 of 100)", "Cost: moderate (40 of 100)", "F2: moderate (45 of 100)"],
    )
    # for average 45 (< 50, >= 34), nothing against
    assert verdict_of({"f1": 45, "f2": 45}) == (
        "mixed",
        "It depends.",
        ["Goal: moderate (45 of 100)", "F2: moderate (45 of 100)"],
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
        "Your answers do not tell me enough yet: every agree/disagree answer was neutral "
        "(3), and a neutral answer shows no need and no strength, so this plan has nothing "
        "to go on. Run careercoach assess again now, and wherever you lean even a little, "
        "agree or disagree."
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
    # d: 0.5/1 + 1/2 + 1/1 (only the ticked option) = 2.5/4 = 62.5 -> 63; e: 0.5/0.5 = 100
    assert [(x.dimension, x.label, x.score) for x in plan.explain] == [
        ("e", "E", 100),
        ("d", "Drive", 63),
    ]
    assert [item.model_dump() for item in plan.explain[1].items] == [
        {
            "question": "l1",
            "prompt": "I coast.",
            "answer": "4 (agree)",
            "added": 0.5,
            "most": 1.0,
            "reverse": False,
        },
        {
            "question": "l2",
            "prompt": "I push.",
            "answer": "2 (disagree)",
            "added": 1.0,
            "most": 2.0,
            "reverse": True,
        },
        {
            "question": "m",
            "prompt": "Which?",
            "answer": "One",
            "added": 1.0,
            "most": 1.0,
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
        {
            "bank": "one",
            "id": "x",
            "label": "X",
            "score": 70,
            "level": "high",
            "event": False,
            "topic": None,
            "evidence": True,
        }
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
    # not ticked: no evidence, so no focus or strength; listed at 0 as an event not reported
    assert [(d.id, d.score, d.event) for d in plan.dimensions] == [
        ("habit", 0, False),
        ("new_boss", 0, True),
    ]
    assert plan.strengths == []  # one answer is not enough for a strength


# -- the short plan (issue 16) ------------------------------------------------------------

FULL = [
    ("weeka", "week", "moderate"),
    ("weekb", "week", "moderate"),
    ("weekc", "week", "moderate"),
    ("montha", "month", "moderate"),
    ("monthb", "month", "moderate"),
    ("quartera", "quarter", "moderate"),
    ("quarterb", "quarter", "moderate"),
]


def full_dim(did: str) -> dict[str, Any]:
    return {
        "id": did,
        "label": did.upper(),
        "actions": [
            {"id": f"{did}_{a}", "text": f"Do the {did}{a} task.", "horizon": h, "level": lvl}
            for a, h, lvl in FULL
        ],
    }


MANY = make_bank("many", [full_dim(d) for d in ("p", "q", "r", "s")])


def test_the_short_plan_is_seven_numbered_actions_each_focus_area_first() -> None:
    plan = plan_for([MANY], {"many": {"p": 90, "q": 80, "r": 70, "s": 60}})
    assert [f.dimension for f in plan.focus] == ["p", "q", "r"]
    assert [(a.number, a.id) for a in plan.actions] == [
        (1, "p_weeka"),
        (2, "q_weeka"),
        (3, "r_weeka"),
        (4, "p_montha"),
        (5, "p_monthb"),
        (6, "p_quartera"),
        (7, "p_quarterb"),
    ]
    more = [(a.number, a.id) for a in plan.more_actions]
    assert len(more) == 4 * 7 - 7
    assert more[:3] == [(0, "p_weekb"), (0, "p_weekc"), (0, "q_weekb")]
    assert {a.dimension for a in plan.more_actions} == {"p", "q", "r", "s"}


def test_each_focus_area_gets_its_most_urgent_action_before_places_go_by_need() -> None:
    three_weeks = make_bank(
        "t",
        [
            full_dim("p"),
            dim("q", ("q_quarter", "quarter", "moderate"), ("q_week", "week", "moderate")),
        ],
    )
    plan = plan_for([three_weeks], {"t": {"p": 90, "q": 50}})
    # q's week action is taken first; then p, the greater need, fills the places left
    assert [a.id for a in plan.actions] == [
        "p_weeka",
        "p_weekb",
        "q_week",
        "p_montha",
        "p_monthb",
        "p_quartera",
        "p_quarterb",
    ]


def test_careless_answers_get_at_most_three_actions() -> None:
    bank = Bank.model_validate(
        {
            "id": "lk",
            "title": "Lk",
            "dimensions": [full_dim("d")],
            "questions": [
                {"id": f"q{i}", "type": "likert", "prompt": f"Q{i}", "dimension": "d"}
                for i in range(6)
            ],
        }
    )
    plan = build_plan(
        score_banks([bank], {"lk": {f"q{i}": 5 for i in range(6)}}),
        assessment_id=None,
        finished_at=FINISHED,
        tool_version="0.1.0",
    )
    assert plan.warnings and len(plan.actions) == 3


def advice_bank(bid: str, did: str, text: str, advice: str | None) -> Bank:
    action = {"id": f"{did}_a", "text": text, "horizon": "week"}
    if advice:
        action["advice"] = advice
    return make_bank(bid, [{"id": did, "label": did.title(), "actions": [action]}])


def test_the_same_advice_from_two_banks_is_shown_once_naming_both_areas() -> None:
    first = advice_bank("b1", "tools", "Watch the best colleague use the new system.", "watch")
    second = advice_bank("b2", "boredom", "Spend a morning next to a colleague at work.", "watch")
    plan = plan_for([first, second], {"b1": {"tools": 60}, "b2": {"boredom": 80}})
    (action,) = plan.actions
    assert (action.bank, action.id) == ("b2", "boredom_a")  # the greater need's wording
    assert [(s.bank, s.dimension, s.label) for s in action.serves] == [
        ("b2", "boredom", "Boredom"),
        ("b1", "tools", "Tools"),
    ]
    assert plan.more_actions == []


def test_an_action_names_the_other_areas_of_its_bank_it_works_on() -> None:
    """A second coach's reading: "set a target that beats last month's figure" was tagged
    Boredom alone, though it is the under-performer's step too. ``also`` names the other
    dimensions of its bank an action works on; the plan names those that are needs."""
    target = {"id": "beat", "text": "Beat last month's figure.", "horizon": "month"}
    bank = make_bank(
        "s",
        [
            {"id": "bored", "label": "Boredom", "actions": [{**target, "also": ["under"]}]},
            {"id": "under", "label": "Under-performing", "actions": []},
        ],
    )
    both = plan_for([bank], {"s": {"bored": 80, "under": 50}})
    assert [(a.id, [s.label for s in a.serves]) for a in both.actions] == [
        ("beat", ["Boredom", "Under-performing"])
    ]
    assert [f.dimension for f in both.focus] == ["bored"]  # one action, one focus area
    alone = plan_for([bank], {"s": {"bored": 80, "under": 20}})  # not a need: not named
    assert [[s.label for s in a.serves] for a in alone.actions] == [["Boredom"]]


def test_the_same_advice_kept_once_keeps_the_areas_the_other_named_in_also() -> None:
    kept = advice_bank("b1", "boredom", "Beat last month's figure on one measure.", "beat")
    other_action = {"id": "fit_a", "text": "Beat your figure.", "horizon": "week"}
    other = make_bank(
        "b2",
        [
            {
                "id": "fit",
                "label": "Fit",
                "actions": [{**other_action, "advice": "beat", "also": ["pace"]}],
            },
            {"id": "pace", "label": "Pace", "actions": []},
        ],
    )
    plan = plan_for([kept, other], {"b1": {"boredom": 80}, "b2": {"fit": 60, "pace": 50}})
    (action,) = [a for a in plan.actions if a.id == "boredom_a"]
    assert [s.dimension for s in action.serves] == ["boredom", "fit", "pace"]


def test_twins_an_action_serves_are_named_once() -> None:
    """A second coach's reading: "(No successor ready; also Nobody ready behind you)"
    named one area twice. Dimensions of one ``topic`` are one area beside an action."""
    from careercoach.ui.plan_wording import action_label

    def twin(bid: str, did: str, text: str) -> Bank:
        action = {"id": f"{did}_a", "text": text, "horizon": "week", "advice": "grow"}
        return make_bank(
            bid, [{"id": did, "label": did.title(), "topic": "successor", "actions": [action]}]
        )

    lead = twin("lead", "succession", "Grow a successor over the quarter.")
    promo = twin("promo", "backfill", "Grow a successor this quarter.")
    plan = plan_for([lead, promo], {"lead": {"succession": 80}, "promo": {"backfill": 60}})
    (action,) = plan.actions
    assert [s.dimension for s in action.serves] == ["succession", "backfill"]
    assert action_label(plan, action) == "Succession"


def test_near_duplicate_advice_is_shown_once() -> None:
    first = advice_bank("b1", "x", "Join a professional association and attend its meetings.", None)
    second = advice_bank("b2", "y", "Join one professional association; attend meetings.", None)
    plan = plan_for([first, second], {"b1": {"x": 60}, "b2": {"y": 50}})
    assert [(a.id, [s.dimension for s in a.serves]) for a in plan.actions] == [("x_a", ["x", "y"])]


def test_content_words_and_near_duplicates() -> None:
    from careercoach.core.selection import content_words, near_duplicates

    assert content_words("Ask your boss this week for 20 minutes on the problem.") == {
        "boss",
        "minutes",
        "problem",
    }
    assert content_words("Rewrite your résumé, don't wait") == {
        "rewrite",
        "résumé",
        "don't",
        "wait",
    }
    # 2 shared of the smaller set's 3: more than half
    assert near_duplicates("boss minutes problem", "boss minutes coffee lunch")
    # 2 shared of 4 each: exactly half is not more than half
    assert not near_duplicates("boss minutes problem plan", "boss minutes coffee lunch")
    assert not near_duplicates("", "the week")


def test_an_action_whose_when_the_answers_contradict_is_left_out() -> None:
    bank = Bank.model_validate(
        {
            "id": "w",
            "title": "W",
            "dimensions": [
                {
                    "id": "d",
                    "label": "D",
                    "actions": [
                        {
                            "id": "boss_goals",
                            "text": "Ask your new boss about goals.",
                            "horizon": "week",
                            "when": {"not": {"question": "goals_known", "gte": 4}},
                        },
                        {"id": "other", "text": "Write a summary.", "horizon": "week"},
                    ],
                }
            ],
            "questions": [
                {"id": "need", "type": "likert", "prompt": "Need", "dimension": "d"},
                {
                    "id": "goals_known",
                    "type": "likert",
                    "prompt": "Known",
                    "dimension": "d",
                    "reverse": True,
                },
            ],
        }
    )

    def ids(answers: dict[str, int]) -> list[str]:
        plan = build_plan(
            score_banks([bank], {"w": answers}),
            assessment_id=None,
            finished_at=FINISHED,
            tool_version="0.1.0",
        )
        return [a.id for a in [*plan.actions, *plan.more_actions]]

    assert ids({"need": 5, "goals_known": 1}) == ["boss_goals", "other"]
    assert ids({"need": 5, "goals_known": 5}) == ["other"]


AUDIENCE = Bank.model_validate(
    {
        "id": "lead",
        "title": "Lead",
        "audience": {"question": "manages", "not_for": ["nobody"]},
        "dimensions": [dim("d", ("d_week", "week", "moderate"))],
        "questions": [
            {
                "id": "manages",
                "type": "single",
                "prompt": "How many?",
                "required": False,
                "options": [
                    {"id": "nobody", "label": "I manage nobody"},
                    {"id": "some", "label": "Some"},
                ],
            },
            {"id": "q", "type": "likert", "prompt": "Q", "dimension": "d"},
        ],
    }
)


def test_a_bank_not_for_this_person_asks_nothing_more_and_scores_nothing() -> None:
    from careercoach.core.conditions import asked_questions

    assert [q.id for q in asked_questions(AUDIENCE, {"manages": "nobody"})] == ["manages"]
    assert [q.id for q in asked_questions(AUDIENCE, {"manages": "some"})] == ["manages", "q"]
    assert [q.id for q in asked_questions(AUDIENCE, {})] == ["manages", "q"]
    plan = build_plan(
        score_banks([AUDIENCE], {"lead": {"manages": "nobody", "q": 5}}),
        assessment_id=None,
        finished_at=FINISHED,
        tool_version="0.1.0",
    )
    assert (plan.dimensions, plan.actions, plan.more_actions) == ([], [], [])
    plan = build_plan(
        score_banks([AUDIENCE], {"lead": {"manages": "some", "q": 5}}),
        assessment_id=None,
        finished_at=FINISHED,
        tool_version="0.1.0",
    )
    assert [a.id for a in plan.actions] == ["d_week"]


def test_a_plan_stored_before_serves_and_numbers_still_loads() -> None:
    stored = {
        "assessment_id": 1,
        "finished_at": "2026-01-01T00:00:00+00:00",
        "tool_version": "0.1.0",
        "dimensions": [],
        "actions": [
            {"bank": "b", "dimension": "d", "id": "a", "text": "Do it.", "horizon": "week"}
        ],
    }
    plan = Plan.model_validate(stored)
    assert (plan.actions[0].number, plan.actions[0].serves, plan.more_actions) == (0, [], [])


# -- issue 16, second pass: focus areas, events, kinds, good news, neutral answers ---------


def test_an_area_with_no_action_that_fits_is_not_a_focus_area() -> None:
    """A focus area always has an action in the short plan: one whose actions are all
    month actions, after two areas took both month places, gives way to the next area."""
    bank = make_bank(
        "m",
        [
            dim("a", ("a_month", "month", "moderate")),
            dim("b", ("b_month", "month", "moderate")),
            dim("c", ("c_month", "month", "moderate")),
            dim("d", ("d_week", "week", "moderate")),
        ],
    )
    plan = plan_for([bank], {"m": {"a": 90, "b": 80, "c": 70, "d": 60}})
    assert [f.dimension for f in plan.focus] == ["a", "b", "d"]
    assert [a.id for a in plan.actions] == ["d_week", "a_month", "b_month"]
    for focus in plan.focus:
        assert any(
            (s.bank, s.dimension) == (focus.bank, focus.dimension)
            for a in plan.actions
            for s in a.serves
        )


def test_an_event_ranks_below_a_need_of_the_same_score() -> None:
    events = Bank.model_validate(
        {
            "id": "eyes",
            "title": "New eyes",
            "dimensions": [dim("new_boss", ("boss_week", "week", "moderate"))],
            "questions": [
                {
                    "id": "changes",
                    "type": "multi",
                    "prompt": "What changed?",
                    "options": [
                        {"id": "new_boss", "label": "A new boss", "scores": {"new_boss": 1}}
                    ],
                },
                {"id": "q", "type": "likert", "prompt": "Q", "dimension": "new_boss"},
            ],
            "triggers": {"question": "changes"},
        }
    )
    results = score_banks(
        [events, ONE], {"eyes": {"changes": ["new_boss"], "q": 4}, "one": {"q_x": "p75"}}
    )
    plan = build_plan(
        results, assessment_id=None, finished_at=FINISHED, tool_version="0.1.0", tz=UTC
    )
    assert [(d.id, d.score) for d in plan.dimensions] == [("x", 75), ("new_boss", 75)]
    assert [f.dimension for f in plan.focus] == ["x", "new_boss"]


def test_a_short_plan_holds_one_action_of_each_kind() -> None:
    bank = make_bank(
        "k",
        [
            dim("a", ("a_week", "week", "moderate"), ("a_month", "month", "moderate")),
            dim("b", ("b_week", "week", "moderate"), ("b_month", "month", "moderate")),
        ],
    )
    data = bank.model_dump(by_alias=True)
    data["dimensions"][0]["actions"][0]["kind"] = "boss_meeting"
    data["dimensions"][1]["actions"][0]["kind"] = "boss_meeting"
    plan = plan_for([Bank.model_validate(data)], {"k": {"a": 90, "b": 80}})
    assert [a.id for a in plan.actions] == ["a_week", "a_month", "b_month"]
    assert "b_week" in [a.id for a in plan.more_actions]


def test_good_news_does_not_bring_the_checkin_forward() -> None:
    data = TRIGGERS.model_dump(by_alias=True)
    data["triggers"]["good_news"] = ["new_boss"]
    growth = Bank.model_validate(data)
    plan = build_plan(
        score_banks([growth], {"eyes": {"changes": ["new_boss"]}}),
        assessment_id=None,
        finished_at=FINISHED,
        tool_version="0.1.0",
        tz=UTC,
    )
    assert (plan.next_checkin, plan.checkin_reason, plan.recheck_banks) == ("2027-02-20", None, [])


def test_the_checkin_reason_says_why_reported_good_news_is_not_among_its_reasons() -> None:
    """A six-bank plan listed eight events under "Reported at work" and seven in the
    check-in's reason, silently leaving out the good news (growth or stretch)."""
    data = TRIGGERS.model_dump(by_alias=True)
    data["triggers"]["good_news"] = ["new_boss"]
    growth = Bank.model_validate(data)
    plan = build_plan(
        score_banks([growth], {"eyes": {"changes": ["new_boss", "layoffs"]}}),
        assessment_id=None,
        finished_at=FINISHED,
        tool_version="0.1.0",
        tz=UTC,
    )
    assert plan.checkin_reason == (
        "Sooner than the usual 3 months, since something changed at work: layoffs. "
        "A new boss is good news, which does not bring it forward."
    )


def test_neutral_answers_only_ask_to_answer_again_now() -> None:
    plan = build_plan(
        score_banks([STRENGTHS], {"s": {f"{d}{n}": 3 for d in "abcde" for n in (1, 2)}}),
        assessment_id=None,
        finished_at=FINISHED,
        tool_version="0.1.0",
        tz=UTC,
    )
    assert plan.next_checkin == "2026-11-22"
    assert plan.checkin_reason == (
        "Now: neutral answers say nothing about what you need, so answer again first."
    )
