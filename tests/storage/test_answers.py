"""Checking answers (pure): each form of answer, what is allowed, conditions, selection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from careercoach.core.models import Bank
from careercoach.errors import AnswersError
from careercoach.storage.answers import (
    Problem,
    allowed,
    check_answer,
    check_answers,
    load_answers_file,
)
from careercoach.storage.banks import load_bank_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "answers"
TRIAL = load_bank_file(FIXTURES / "banks" / "trial.yaml")
OTHER = Bank.model_validate(
    {
        "id": "other",
        "title": "Other",
        "dimensions": [{"id": "d", "label": "D"}],
        "questions": [
            {"id": "q", "type": "likert", "prompt": "Q", "dimension": "d"},
            {"id": "why", "type": "text", "prompt": "Why?", "max_length": 10},
            {"id": "rate", "type": "number", "prompt": "Rate?", "required": False},
            {
                "id": "then",
                "type": "likert",
                "prompt": "Then?",
                "dimension": "d",
                "when": {"not": {"question": "rate", "gte": 5}},
            },
        ],
    }
)
GOOD: dict[str, Any] = {
    "coasting": 4,
    "pushing": 2,
    "role": "ic",
    "signs": [],
    "years": 6,
}


def messages(checked_problems: list[Problem]) -> list[tuple[Any, str]]:
    return [(p.loc, p.message) for p in checked_problems]


@pytest.mark.parametrize(
    ("question", "value", "expected"),
    [
        ("coasting", 1, 1),
        ("coasting", 5, 5),
        ("coasting", 4.0, 4),
        ("role", "lead", "lead"),
        ("signs", [], []),
        ("signs", ["passed", "quiet"], ["passed", "quiet"]),
        ("years", 0, 0),
        ("years", 50, 50),
        ("years", 7.0, 7),
        ("note", "words", "words"),
    ],
)
def test_good_answers_in_their_stored_form(question: str, value: Any, expected: Any) -> None:
    answer, problems = check_answer(TRIAL.question(question), value)
    assert problems == []
    assert answer == expected
    assert type(answer) is type(expected)


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        ("coasting", 0, "got 0"),
        ("coasting", 6, "got 6"),
        ("coasting", 3.5, "got 3.5"),
        ("coasting", "3", "got '3'"),
        ("coasting", True, "got true"),
        ("coasting", None, "got nothing"),
        ("role", "boss", "got 'boss'"),
        ("role", ["ic"], "got a list"),
        ("signs", "quiet", "got 'quiet'"),
        ("signs", {"quiet": 1}, "got a mapping"),
        ("years", -1, "got -1"),
        ("years", 2.5, "got 2.5"),
        ("years", float("nan"), "got nan"),
        ("years", float("inf"), "got inf"),
        ("years", False, "got false"),
        ("note", 42, "got 42"),
    ],
)
def test_bad_answers_say_what_was_given_and_what_is_allowed(
    question: str, value: Any, message: str
) -> None:
    q = TRIAL.question(question)
    answer, problems = check_answer(q, value)
    assert answer is None
    assert messages(problems) == [((), f"{message}, expected {allowed(q)}")]


def test_bad_options_in_a_list_are_each_located() -> None:
    answer, problems = check_answer(TRIAL.question("signs"), ["quiet", 3, "nope", "quiet"])
    assert answer is None
    expected = allowed(TRIAL.question("signs"))
    assert messages(problems) == [
        ((1,), f"got 3 in the list, expected {expected}"),
        ((2,), f"got 'nope' in the list, expected {expected}"),
        ((3,), "got 'quiet' twice, expected each option once"),
    ]


def test_what_is_allowed() -> None:
    assert allowed(TRIAL.question("coasting")) == (
        "a whole number from 1 (strongly disagree) to 5 (strongly agree)"
    )
    assert allowed(TRIAL.question("role")) == "one of: ic, lead, none"
    assert allowed(TRIAL.question("signs")) == (
        "a list of any of: quiet, stalled, passed ([] for none)"
    )
    assert allowed(TRIAL.question("years")) == "a whole number from 0 to 50 (years)"
    assert allowed(OTHER.question("rate")) == "a number"
    assert allowed(OTHER.question("why")) == (
        "text (at most 10 characters; quote it if it looks like a number)"
    )


def test_text_longer_than_allowed() -> None:
    answer, problems = check_answer(OTHER.question("why"), "x" * 11)
    assert answer is None
    assert messages(problems) == [
        ((), "got text of 11 characters, expected " + allowed(OTHER.question("why")))
    ]


def test_a_good_file_gives_the_answers_that_count() -> None:
    checked = check_answers({"trial": GOOD}, [TRIAL, OTHER])
    assert checked.problems == []
    assert [b.id for b in checked.banks] == ["trial"]
    assert checked.answers == {"trial": GOOD}


def test_null_for_an_optional_question_is_no_answer() -> None:
    checked = check_answers({"other": {"q": 3, "why": "because", "rate": None, "then": 2}}, [OTHER])
    assert checked.problems == []
    assert checked.answers == {"other": {"q": 3, "why": "because", "then": 2}}


def test_null_or_blank_for_a_required_question_is_missing() -> None:
    checked = check_answers({"other": {"q": None, "why": "  ", "then": 2}}, [OTHER])
    assert messages(checked.problems) == [
        (
            ("other", "q"),
            "other.q: got nothing, expected a whole number from 1 (strongly disagree) to 5 "
            "(strongly agree)",
        ),
        (("other", "why"), "other.why: got '  ', expected " + allowed(OTHER.question("why"))),
    ]


def test_a_not_condition_on_an_unanswered_question_asks() -> None:
    # "then" is asked unless rate >= 5; rate is optional and not given, so it is asked
    checked = check_answers({"other": {"q": 3, "why": "x"}}, [OTHER])
    assert messages(checked.problems) == [
        (
            ("other",),
            "other.then: missing, expected a whole number from 1 (strongly disagree) to 5 "
            "(strongly agree)",
        )
    ]
    checked = check_answers({"other": {"q": 3, "why": "x", "rate": 5}}, [OTHER])
    assert checked.problems == []


def test_questions_hanging_on_a_wrong_answer_are_not_blamed() -> None:
    # role is wrong, so whether team_size is asked is unknown: no "not asked", no "missing"
    checked = check_answers({"trial": {**GOOD, "role": "boss", "team_size": 3}}, [TRIAL])
    assert [p.message.split(":")[0] for p in checked.problems] == ["trial.role"]
    # but its own form is still checked
    checked = check_answers({"trial": {**GOOD, "role": "boss", "team_size": "many"}}, [TRIAL])
    assert [p.message.split(":")[0] for p in checked.problems] == ["trial.role", "trial.team_size"]


def test_a_missing_required_answer_does_not_make_its_followers_unasked_errors() -> None:
    data = {k: v for k, v in GOOD.items() if k != "role"}
    checked = check_answers({"trial": {**data, "team_size": 3}}, [TRIAL])
    assert [p.message for p in checked.problems] == [
        "trial.role: missing, expected one of: ic, lead, none"
    ]


def test_banks_in_load_order_without_selection_and_in_the_given_order_with() -> None:
    data = {"other": {"q": 1, "why": "x", "then": 1}, "trial": GOOD}
    assert [b.id for b in check_answers(data, [TRIAL, OTHER]).banks] == ["trial", "other"]
    chosen = check_answers(data, [TRIAL, OTHER], ["other", "trial"])
    assert [b.id for b in chosen.banks] == ["other", "trial"]
    only = check_answers(data, [TRIAL, OTHER], ["other"])
    assert list(only.answers) == ["other"]


def test_answers_to_banks_not_selected_are_not_checked() -> None:
    checked = check_answers(
        {"trial": {"bogus": 1}, "other": {"q": 1, "why": "x", "then": 1}}, [TRIAL, OTHER], ["other"]
    )
    assert checked.problems == []


def test_an_empty_mapping_answers_no_bank() -> None:
    checked = check_answers({}, [TRIAL, OTHER])
    assert messages(checked.problems) == [
        (None, "no bank answered: name at least one of trial, other")
    ]


def test_load_answers_file_sorts_problems_by_line(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "trial:\n  years: 99\n  coasting: 9\n  role: ic\n  signs: []\n  pushing: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(AnswersError) as caught:
        load_answers_file(path, [TRIAL])
    assert caught.value.problems == [
        f"{path}:2:10: trial.years: got 99, expected a whole number from 0 to 50 (years)",
        f"{path}:3:13: trial.coasting: got 9, expected a whole number from 1 (strongly "
        "disagree) to 5 (strongly agree)",
    ]
    assert caught.value.exit_code == 2


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(AnswersError) as caught:
        load_answers_file(path, [TRIAL])
    # one problem, at the file (the wording is the YAML loader's)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}")
    assert caught.value.exit_code == 2


def test_a_json_file_indented_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(
        '{\n\t"trial": {\n\t\t"coasting": 9, "pushing": 2, "role": "ic",\n'
        '\t\t"signs": [],\t"years": 6\n\t}\n}\n',
        encoding="utf-8",
    )
    with pytest.raises(AnswersError) as caught:
        load_answers_file(path, [TRIAL])
    assert caught.value.problems == [
        f"{path}:3:15: trial.coasting: got 9, expected a whole number from 1 (strongly "
        "disagree) to 5 (strongly agree)"
    ]
    path.write_text(path.read_text(encoding="utf-8").replace("9", "4"), encoding="utf-8")
    assert load_answers_file(path, [TRIAL]).answers == {"trial": GOOD}
