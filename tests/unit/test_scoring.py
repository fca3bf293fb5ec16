"""Scoring, rule by rule, with hand-computed numbers; then properties over random banks."""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.core.models import Bank, Thresholds
from careercoach.core.scoring import (
    describe_answer,
    dimension_score,
    level_for,
    likert_added,
    score_bank,
    score_banks,
)


def bank(questions: list[dict[str, Any]], dimensions: list[dict[str, Any]] | None = None) -> Bank:
    return Bank.model_validate(
        {
            "id": "demo",
            "title": "Demo",
            "dimensions": dimensions
            or [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}],
            "questions": questions,
        }
    )


def likert(qid: str, dim: str = "a", **extra: Any) -> dict[str, Any]:
    return {"id": qid, "type": "likert", "prompt": qid, "dimension": dim, **extra}


def choice(
    qid: str, kind: str, options: dict[str, dict[str, float]], **extra: Any
) -> dict[str, Any]:
    return {
        "id": qid,
        "type": kind,
        "prompt": qid,
        "options": [{"id": o, "label": o.title(), "scores": s} for o, s in options.items()],
        **extra,
    }


def scores(b: Bank, answers: dict[str, Any]) -> dict[str, int | None]:
    return {d.dimension.id: d.score for d in score_bank(b, answers).dimensions}


# -- likert -----------------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "expected"), [(1, 0), (2, 0), (3, 0), (4, 50), (5, 100)])
def test_only_agreeing_with_a_need_adds_to_it(answer: int, expected: int) -> None:
    """Neutral (3) is no evidence of a need; agree adds half, strongly agree all (issue 16:
    someone answering 3 everywhere scored "moderate" almost everywhere)."""
    assert scores(bank([likert("q")]), {"q": answer})["a"] == expected


@pytest.mark.parametrize(("answer", "expected"), [(1, 100), (2, 50), (3, 0), (4, 0), (5, 0)])
def test_reverse_likert_counts_disagreeing_as_the_need(answer: int, expected: int) -> None:
    assert scores(bank([likert("q", reverse=True)]), {"q": answer})["a"] == expected


def test_weights_scale_contribution_and_most() -> None:
    # q1: (4-3)/2 * 1 = 0.5 of 1; q2: (3-1)/2 * 3 = 3 of 3 (reverse, answered 1)
    # q3: 0 of 0.5 (answered 2) -> 3.5 / 4.5 = 77.78 -> 78
    b = bank([likert("q1"), likert("q2", reverse=True, weight=3), likert("q3", weight=0.5)])
    result = score_bank(b, {"q1": 4, "q2": 1, "q3": 2}).dimension("a")
    assert (result.added, result.most) == (Fraction(7, 2), Fraction(9, 2))
    assert result.score == 78


# -- single and multi -------------------------------------------------------------------


def test_single_adds_the_chosen_option_out_of_the_highest_option() -> None:
    b = bank([choice("s", "single", {"x": {"a": 1, "b": 0.5}, "y": {"b": 2}, "w": {}})])
    assert scores(b, {"s": "x"}) == {"a": 100, "b": 25, "c": None}
    assert scores(b, {"s": "y"}) == {"a": 0, "b": 100, "c": None}
    assert scores(b, {"s": "w"}) == {"a": 0, "b": 0, "c": None}


def test_a_ticked_option_is_evidence_and_an_unticked_one_is_none() -> None:
    """Issue 16: review comments the bored analyst did not tick counted against boredom."""
    b = bank(
        [
            choice("m", "multi", {"x": {"a": 1}, "y": {"a": 2, "b": 1}, "z": {"a": 1}}),
            likert("l"),
        ]
    )
    # ticked: what the ticked options give, out of the same; unticked: nothing at all
    assert scores(b, {"m": ["x", "z"]}) == {"a": 100, "b": None, "c": None}
    assert scores(b, {"m": ["y"]}) == {"a": 100, "b": 100, "c": None}
    assert scores(b, {"m": []}) == {"a": None, "b": None, "c": None}
    assert scores(b, {"m": [], "l": 5}) == scores(b, {"l": 5}) == {"a": 100, "b": None, "c": None}
    # x (1 of 1) and a likert answered 2 (0 of 1): 50
    assert scores(b, {"m": ["x"], "l": 2})["a"] == 50


def test_contributions_add_across_question_types() -> None:
    # a: likert 4 -> 0.5 of 1; single y -> 0 of 1; multi [p] -> 0.5 of 0.5
    # total 1 / 2.5 = 40
    b = bank(
        [
            likert("l"),
            choice("s", "single", {"x": {"a": 1}, "y": {}}),
            choice("m", "multi", {"p": {"a": 0.5}, "q": {"a": 1}}),
        ]
    )
    assert scores(b, {"l": 4, "s": "y", "m": ["p"]})["a"] == 40


# -- rounding ---------------------------------------------------------------------------


def test_half_rounds_up_not_to_even() -> None:
    # 0.5 / 4 = 12.5 -> 13 ; 2.5 / 4 = 62.5 -> 63 (round() gives 12 and 62)
    b = bank([likert("q1"), likert("q2"), likert("q3"), likert("q4")])
    assert scores(b, {"q1": 4, "q2": 1, "q3": 1, "q4": 1})["a"] == 13
    assert scores(b, {"q1": 5, "q2": 5, "q3": 4, "q4": 1})["a"] == 63


def test_rounding_is_exact_on_the_decimals_the_bank_wrote() -> None:
    # 0.29 / 0.4 = 72.5 -> 73; float arithmetic gives 72.49999... -> 72
    b = bank([choice("s", "single", {"x": {"a": 0.29}, "y": {"a": 0.4}})])
    assert scores(b, {"s": "x"})["a"] == 73


@pytest.mark.parametrize(
    ("added", "most", "expected"),
    [
        (Fraction(0), Fraction(1), 0),
        (Fraction(1), Fraction(1), 100),
        (Fraction(1, 3), Fraction(1), 33),
        (Fraction(2, 3), Fraction(1), 67),
        (Fraction(1, 200), Fraction(1), 1),
        (Fraction(1), Fraction(0), None),
    ],
)
def test_dimension_score(added: Fraction, most: Fraction, expected: int | None) -> None:
    assert dimension_score(added, most) == expected


# -- levels -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "expected"),
    [(0, "low"), (33, "low"), (34, "moderate"), (66, "moderate"), (67, "high"), (100, "high")],
)
def test_default_levels(score: int, expected: str) -> None:
    assert level_for(score, Thresholds()) == expected


def test_custom_thresholds() -> None:
    dims = [{"id": "a", "label": "A", "thresholds": {"moderate": 50, "high": 90}}]
    b = bank([likert("q1"), likert("q2")], dims)
    levels = {
        (x, y): score_bank(b, {"q1": x, "q2": y}).dimension("a").level
        for x, y in [(3, 4), (4, 4), (4, 5), (5, 5)]
    }  # 25, 50, 75, 100
    assert levels == {(3, 4): "low", (4, 4): "moderate", (4, 5): "moderate", (5, 5): "high"}


# -- what has no score ------------------------------------------------------------------


def test_a_dimension_nothing_fed_has_no_score_and_no_level() -> None:
    b = bank([likert("q1"), likert("q2", dim="b")])
    result = score_bank(b, {"q1": 5})
    assert [(d.dimension.id, d.score, d.level) for d in result.dimensions] == [
        ("a", 100, "high"),
        ("b", None, None),
        ("c", None, None),
    ]
    assert [d.dimension.id for d in result.scored] == ["a"]


def test_a_dimension_whose_most_is_zero_has_no_score() -> None:
    b = bank([choice("s", "single", {"x": {"a": 0}, "y": {"a": 0, "b": 1}})])
    assert scores(b, {"s": "y"}) == {"a": None, "b": 100, "c": None}


def test_number_and_text_questions_feed_nothing() -> None:
    b = bank(
        [
            {"id": "n", "type": "number", "prompt": "n"},
            {"id": "t", "type": "text", "prompt": "t"},
            likert("q"),
        ]
    )
    assert scores(b, {"n": 5, "t": "words", "q": 4}) == {"a": 50, "b": None, "c": None}


def test_a_question_not_asked_is_not_scored_even_if_answered() -> None:
    b = bank(
        [
            choice("gate", "single", {"open": {}, "shut": {}}),
            likert("inner", when={"question": "gate", "equals": "open"}),
            likert("outer"),
        ]
    )
    assert scores(b, {"gate": "shut", "inner": 5, "outer": 1})["a"] == 0
    assert scores(b, {"gate": "open", "inner": 5, "outer": 1})["a"] == 50


def test_answers_that_no_longer_fit_their_question_are_skipped() -> None:
    b = bank([likert("q1"), likert("q2"), choice("s", "single", {"x": {"b": 1}})])
    assert scores(b, {"q1": 7, "q2": 5, "s": "gone"}) == {"a": 100, "b": None, "c": None}


def test_score_banks_keeps_bank_order_and_takes_each_banks_answers() -> None:
    first = bank([likert("q")])
    second = Bank.model_validate({**first.model_dump(by_alias=True), "id": "other"})
    results = score_banks([second, first], {"demo": {"q": 5}, "other": {"q": 1}})
    assert [(r.bank.id, r.dimension("a").score) for r in results] == [("other", 0), ("demo", 100)]


def test_describe_answer() -> None:
    b = bank(
        [likert("l"), choice("s", "single", {"x": {}}), choice("m", "multi", {"x": {}, "y": {}})]
    )
    assert describe_answer(b.question("l"), 4) == "4 (agree)"
    assert describe_answer(b.question("s"), "x") == "X"
    assert describe_answer(b.question("m"), ["x", "y"]) == "X, Y"
    assert describe_answer(b.question("m"), []) == "none"


# -- properties -------------------------------------------------------------------------

DIMS = ["a", "b", "c"]
weights = st.sampled_from([0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 10.0])
option_scores = st.dictionaries(
    st.sampled_from(DIMS), st.sampled_from([0, 0.1, 0.2, 0.3, 0.5, 1.0, 2.5]), max_size=3
)


@st.composite
def banks_and_answers(draw: st.DrawFn) -> tuple[Bank, dict[str, Any]]:
    questions: list[dict[str, Any]] = []
    answers: dict[str, Any] = {}
    for index in range(draw(st.integers(1, 8))):
        qid = f"q{index}"
        kind = draw(st.sampled_from(["likert", "single", "multi"]))
        if kind == "likert":
            questions.append(
                likert(
                    qid,
                    draw(st.sampled_from(DIMS)),
                    reverse=draw(st.booleans()),
                    weight=draw(weights),
                )
            )
            if draw(st.booleans()):
                answers[qid] = draw(st.integers(1, 5))
        else:
            count = draw(st.integers(1, 4))
            options = {f"o{i}": draw(option_scores) for i in range(count)}
            questions.append(choice(qid, kind, options))
            if draw(st.booleans()):
                ids = list(options)
                answers[qid] = (
                    draw(st.sampled_from(ids))
                    if kind == "single"
                    else draw(st.lists(st.sampled_from(ids), unique=True))
                )
    return bank(questions), answers


@given(banks_and_answers())
def test_every_score_is_within_0_and_100(case: tuple[Bank, dict[str, Any]]) -> None:
    b, answers = case
    for result in score_bank(b, answers).dimensions:
        assert result.score is None or 0 <= result.score <= 100
        assert (result.score is None) == (result.level is None)


@given(banks_and_answers(), st.randoms(use_true_random=False))
def test_scores_do_not_depend_on_answer_order(
    case: tuple[Bank, dict[str, Any]], rnd: random.Random
) -> None:
    b, answers = case
    items = list(answers.items())
    rnd.shuffle(items)
    shuffled = {
        k: (sorted(v, key=lambda _: rnd.random()) if isinstance(v, list) else v) for k, v in items
    }
    assert scores(b, shuffled) == scores(b, answers)


@given(st.integers(1, 5), weights)
def test_reversing_a_likert_item_mirrors_its_contribution(answer: int, weight: float) -> None:
    forward = likert_added(answer, weight, reverse=False)
    backward = likert_added(answer, weight, reverse=True)
    assert backward == likert_added(6 - answer, weight, reverse=False)
    assert forward * backward == 0  # at most one direction is evidence of the need
    assert likert_added(3, weight, reverse=False) == likert_added(3, weight, reverse=True) == 0
    plain = bank([likert("q", weight=weight)])
    mirrored = bank([likert("q", weight=weight, reverse=True)])
    assert scores(mirrored, {"q": answer})["a"] == scores(plain, {"q": 6 - answer})["a"]


@given(banks_and_answers())
@settings(max_examples=200)
def test_a_one_dimension_bank_answered_at_max_scores_100(case: tuple[Bank, dict[str, Any]]) -> None:
    b, _ = case
    # fold every dimension into "a", then answer every question at its maximum
    one = Bank.model_validate(
        {
            "id": "one",
            "title": "One",
            "dimensions": [{"id": "a", "label": "A"}],
            "questions": [
                {**q, "dimension": "a"}
                if q["type"] == "likert"
                else {
                    **q,
                    "options": [
                        {**o, "scores": {"a": max(o["scores"].values(), default=0)}}
                        for o in q["options"]
                    ],
                }
                for q in b.model_dump(by_alias=True, exclude_none=True)["questions"]
            ],
        }
    )
    best: dict[str, Any] = {}
    for q in one.questions:
        if q.type == "likert":
            best[q.id] = 1 if q.reverse else 5
        elif q.type == "single":
            best[q.id] = max(q.options, key=lambda o: o.scores["a"]).id
        elif q.type == "multi":
            best[q.id] = [o.id for o in q.options]
    result = score_bank(one, best).dimension("a")
    assert result.score in (100, None)
    assert result.score == 100 or result.most == 0
