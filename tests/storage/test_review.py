"""The review before the plan, without a terminal: a scripted ``ask``, a scripted
``pick`` and a recorder in memory (as the session's tests drive the walk)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from tests.storage.test_session import Memory, Script

from careercoach.core.models import Bank
from careercoach.flows.review import ReviewEntry, answer_reads, review, review_entries
from careercoach.flows.session import Session
from careercoach.storage.banks import load_bank_file
from careercoach.ui.prompts import BACK

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def mini() -> Bank:
    return load_bank_file(FIXTURES / "banks" / "mini.yaml")


@pytest.fixture(scope="module")
def trial() -> Bank:
    return load_bank_file(FIXTURES / "answers" / "banks" / "trial.yaml")


class Picks:
    """A ``pick`` that picks the questions named in turn (``None``: done), and keeps
    each list it was shown as ``(number, question id, answer)``."""

    def __init__(self, *question_ids: str | None) -> None:
        self.question_ids = list(question_ids)
        self.shown: list[list[tuple[int, str, str]]] = []

    def __call__(self, entries: Sequence[ReviewEntry]) -> ReviewEntry | None:
        self.shown.append([(e.number, e.question.id, e.answer) for e in entries])
        assert self.question_ids, "the review was shown after the script ended"
        wanted = self.question_ids.pop(0)
        return next((e for e in entries if e.question.id == wanted), None)


LATERAL = {"autopilot": 4, "last_move": "lateral", "lateral_why": ["pushed"], "years": 5}
FINISHED = {"mini": {**LATERAL, "learning": 2, "notes": "no"}}


def test_done_at_once_shows_every_answer_as_it_reads_and_changes_nothing(mini: Bank) -> None:
    memory = Memory()
    picks = Picks(None)
    review(Session([mini], memory, FINISHED), Script(), picks)
    assert picks.shown == [
        [
            (1, "autopilot", "4 (agree)"),
            (2, "last_move", "A lateral move\x1b]0;pwned\x07"),  # cleaned where it is shown
            (3, "lateral_why", "I was pushed into it"),
            (4, "years", "5 years"),
            (5, "learning", "2 (disagree)"),
            (6, "notes", "no"),
        ]
    ]
    assert memory.calls == []


def test_a_changed_answer_that_closes_a_question_drops_its_answer_at_once(mini: Bank) -> None:
    memory = Memory()
    script = Script("up")
    picks = Picks("last_move", None)
    review(Session([mini], memory, FINISHED), script, picks)
    assert script.asked == ["last_move"]
    step = script.steps[0]
    assert (step.current, step.can_go_back, step.first) == ("lateral", True, False)
    assert memory.calls == [("save", "mini.last_move"), ("drop", "mini.lateral_why")]
    assert [question for _, question, _ in picks.shown[1]] == [
        "autopilot",
        "last_move",
        "years",
        "learning",
        "notes",
    ]
    assert picks.shown[1][1] == (2, "last_move", "A promotion")


def test_a_changed_answer_that_opens_a_question_asks_it_next(mini: Bank) -> None:
    answers = {"mini": {"autopilot": 4, "last_move": "up", "years": 5, "learning": 2}}
    memory = Memory()
    script = Script("lateral", ["chose"])
    picks = Picks("last_move", None)
    session = Session([mini], memory, answers)
    session.skip_unanswered_optional()  # notes, never answered: not asked again
    review(session, script, picks)
    assert script.asked == ["last_move", "lateral_why"]
    opened = script.steps[1]
    assert (opened.current, opened.can_go_back) == (None, True)
    assert memory.calls == [("save", "mini.last_move"), ("save", "mini.lateral_why")]
    assert picks.shown[0][-1] == (5, "notes", "(skipped)")
    assert picks.shown[1][2] == (3, "lateral_why", "I chose it to learn")


def test_closing_one_question_and_opening_another_in_one_review(trial: Bank) -> None:
    given = {
        "trial": {
            "coasting": 4,
            "pushing": 2,
            "role": "ic",
            "signs": ["stalled"],
            "years": 6,
            "note": "it did",
        }
    }
    memory = Memory()
    script = Script(["quiet"], "lead", 7)
    picks = Picks("signs", "role", None)
    session = Session([trial], memory, given)
    review(session, script, picks)
    assert script.asked == ["signs", "role", "team_size"]
    assert memory.calls == [
        ("save", "trial.signs"),
        ("drop", "trial.note"),
        ("save", "trial.role"),
        ("save", "trial.team_size"),
    ]
    assert session.counted() == {
        "trial": {
            "coasting": 4,
            "pushing": 2,
            "role": "lead",
            "signs": ["quiet"],
            "years": 6,
            "team_size": 7,
        }
    }
    assert [q for _, q, _ in picks.shown[-1]] == [
        "coasting",
        "pushing",
        "role",
        "signs",
        "years",
        "team_size",
    ]


def test_back_or_the_same_answer_changes_nothing(mini: Bank) -> None:
    memory = Memory()
    script = Script(BACK, 4)
    picks = Picks("autopilot", "autopilot", None)
    review(Session([mini], memory, FINISHED), script, picks)
    assert script.asked == ["autopilot", "autopilot"]
    assert memory.calls == []
    assert picks.shown[0] == picks.shown[1] == picks.shown[2]


def test_back_from_a_question_the_change_opened_goes_to_the_changed_one(mini: Bank) -> None:
    """The QA reading: the reopened question offered no "< back" and ignored it."""
    answers = {"mini": {"autopilot": 4, "last_move": "up", "years": 5, "learning": 2}}
    memory = Memory()
    script = Script("lateral", BACK, "none")
    picks = Picks("last_move", None)
    session = Session([mini], memory, answers)
    session.skip_unanswered_optional()
    review(session, script, picks)
    assert [(s.question.id, s.current, s.can_go_back) for s in script.steps] == [
        ("last_move", "up", True),
        ("lateral_why", None, True),
        ("last_move", "lateral", True),
    ]
    assert session.answers["mini"]["last_move"] == "none"
    assert "lateral_why" not in session.answers["mini"]


def test_back_on_the_changed_question_puts_every_answer_back(mini: Bank) -> None:
    """Back from the opened question, then back again: the list, as it was."""
    answers = {"mini": {"autopilot": 4, "last_move": "up", "years": 5, "learning": 2}}
    memory = Memory()
    script = Script("lateral", BACK, BACK)
    picks = Picks("last_move", None)
    session = Session([mini], memory, answers)
    session.skip_unanswered_optional()
    review(session, script, picks)
    assert script.asked == ["last_move", "lateral_why", "last_move"]
    assert [s.current for s in script.steps] == ["up", None, "lateral"]
    assert memory.calls == [("save", "mini.last_move"), ("save", "mini.last_move")]
    assert memory.stored[("mini", "last_move")] == "up"
    assert session.answers == answers
    assert picks.shown[1] == picks.shown[0]


def test_what_is_still_unanswered_is_asked_before_the_list(mini: Bank) -> None:
    answers = {"mini": {"autopilot": 4, "last_move": "up", "learning": 2, "notes": ""}}
    memory = Memory()
    script = Script(9)
    picks = Picks(None)
    review(Session([mini], memory, answers), script, picks)
    assert script.asked == ["years"]
    assert script.steps[0].can_go_back is False
    assert picks.shown[0][2] == (3, "years", "9 years")
    assert picks.shown[0][4] == (5, "notes", "(left empty)")


def test_two_banks_are_numbered_across_them(mini: Bank, trial: Bank) -> None:
    given = {
        "mini": FINISHED["mini"],
        "trial": {"coasting": 1, "pushing": 5, "role": "ic", "signs": [], "years": 0},
    }
    picks = Picks(None)
    review(Session([mini, trial], Memory(), given), Script(), picks)
    assert [(n, q) for n, q, _ in picks.shown[0]][5:] == [
        (6, "notes"),
        (7, "coasting"),
        (8, "pushing"),
        (9, "role"),
        (10, "signs"),
        (11, "years"),
    ]
    assert picks.shown[0][9] == (10, "signs", "none")


def test_answers_read_as_in_the_plan(trial: Bank) -> None:
    by_id = {question.id: question for question in trial.questions}
    assert answer_reads(by_id["coasting"], 5) == "5 (strongly agree)"
    assert answer_reads(by_id["role"], "none") == "Between jobs"
    assert answer_reads(by_id["signs"], ["quiet", "passed"]) == (
        "Nobody asks for my view, I was passed over"
    )
    assert answer_reads(by_id["team_size"], 120000) == "120000"
    assert answer_reads(by_id["years"], 12) == "12 years"
    assert answer_reads(by_id["note"], None) == "(skipped)"


def test_review_entries_follow_the_walk(mini: Bank) -> None:
    session = Session([mini], Memory(), {"mini": {"autopilot": 2, "last_move": "up"}})
    assert [(e.number, e.question.id) for e in review_entries(session)] == [
        (1, "autopilot"),
        (2, "last_move"),
        (3, "years"),
        (4, "learning"),
        (5, "notes"),
    ]
