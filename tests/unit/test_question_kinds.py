"""One kind per question type: each bank type has one, and each holds its type's rules."""

from __future__ import annotations

from fractions import Fraction

from careercoach.core.models import (
    QUESTION_MODELS,
    LikertQuestion,
    MultiQuestion,
    NumberQuestion,
    Option,
    SingleQuestion,
    TextQuestion,
)
from careercoach.core.question_kinds import KINDS, kind_of


def options() -> list[Option]:
    return [
        Option(id="a", label="A", scores={"x": 2}),
        Option(id="b", label="B", scores={"x": 1, "y": 3}),
    ]


def test_every_question_type_has_its_kind_with_its_model() -> None:
    assert {name: kind.model for name, kind in KINDS.items()} == QUESTION_MODELS
    assert {name: kind.seconds for name, kind in KINDS.items()} == {
        "likert": 8,
        "single": 12,
        "multi": 20,
        "number": 15,
        "text": 45,
    }


def test_likert() -> None:
    q = LikertQuestion(id="q", prompt="P", type="likert", dimension="x", reverse=True, weight=2)
    kind = kind_of(q)
    assert kind.feeds(q) == ["x"]
    assert kind.shares(q, 2) == {"x": (Fraction(1), Fraction(2))}  # reversed: disagree adds half
    assert kind.shares(q, 6) == {}  # a stale answer counts for nothing
    assert kind.describe(q, 4) == "4 (agree)"
    assert kind.check(q, 3.0) == (3, [])
    assert kind.check(q, True) == (
        None,
        [
            (
                (),
                "got true, expected a whole number from 1 (strongly disagree) "
                "to 5 (strongly agree)",
            )
        ],
    )
    assert kind.settings(q) == "likert → x, reverse, weight 2"


def test_single_and_multi() -> None:
    single = SingleQuestion(id="s", prompt="P", type="single", options=options())
    multi = MultiQuestion(id="m", prompt="P", type="multi", options=options())
    assert kind_of(single).feeds(single) == ["x", "y"]
    assert kind_of(single).shares(single, "b") == {
        "x": (Fraction(1), Fraction(2)),
        "y": (Fraction(3), Fraction(3)),
    }
    assert kind_of(multi).shares(multi, ["a"]) == {"x": (Fraction(2), Fraction(2))}
    assert kind_of(multi).shares(multi, ["a", "b"]) == {
        "x": (Fraction(3), Fraction(3)),
        "y": (Fraction(3), Fraction(3)),
    }
    assert kind_of(multi).describe(multi, []) == "none"
    assert kind_of(single).describe(single, "a") == "A"
    assert kind_of(multi).check(multi, ["a", "a"]) == (
        None,
        [((1,), "got 'a' twice, expected each option once")],
    )
    assert kind_of(single).allowed(single) == "one of: a, b"


def test_number_and_text() -> None:
    number = NumberQuestion(id="n", prompt="P", type="number", min=0, max=10, integer=True)
    text = TextQuestion(id="t", prompt="P", type="text", max_length=5)
    assert kind_of(number).feeds(number) == []
    assert kind_of(number).check(number, 4.0) == (4, [])
    assert kind_of(number).check(number, 11)[1] == [
        ((), "got 11, expected a whole number from 0 to 10")
    ]
    assert kind_of(number).settings(number) == "number, whole (≥ 0, ≤ 10)"
    assert kind_of(text).blank("  ")
    assert not kind_of(number).blank(0)
    assert kind_of(text).check(text, "toolong")[1] == [
        (
            (),
            "got text of 7 characters, expected text (at most 5 characters; quote it if it "
            "looks like a number)",
        )
    ]


def test_every_question_kind_has_a_prompt_and_nothing_else_does() -> None:
    from careercoach.core.question_kinds import KINDS
    from careercoach.flows.prompt_asker import PROMPT_BUILDERS

    assert (
        sorted(PROMPT_BUILDERS) == sorted(KINDS) == ["likert", "multi", "number", "single", "text"]
    )
