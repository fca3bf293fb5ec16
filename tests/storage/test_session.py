"""The interactive loop without a terminal: a scripted ``ask`` and a recorder in memory."""

from __future__ import annotations

import itertools
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from tests.lock_holder import start_lock_holder

from careercoach.core.conditions import Answers, AnswerValue
from careercoach.core.models import Bank
from careercoach.errors import AlreadyRunning, CareerCoachError
from careercoach.flows.assessment_lock import assessment_lock
from careercoach.flows.interactive import resume_command
from careercoach.flows.session import Reply, Session, Step, time_left
from careercoach.storage.banks import load_bank_file
from careercoach.ui.prompts import BACK

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "banks"


@pytest.fixture(scope="module")
def mini() -> Bank:
    return load_bank_file(FIXTURES / "mini.yaml")


@pytest.fixture(scope="module")
def extra() -> Bank:
    return load_bank_file(FIXTURES / "extra.yaml")


class Memory:
    """A recorder that keeps what a store would hold, and the calls in order."""

    def __init__(self) -> None:
        self.stored: dict[tuple[str, str], AnswerValue] = {}
        self.calls: list[tuple[str, ...]] = []

    def save(self, bank: str, question: str, value: AnswerValue) -> None:
        self.stored[(bank, question)] = value
        self.calls.append(("save", f"{bank}.{question}"))

    def drop(self, keys: Sequence[tuple[str, str]]) -> None:
        for key in keys:
            self.stored.pop(key, None)
        self.calls.append(("drop", *(f"{bank}.{question}" for bank, question in keys)))


class Script:
    """An ``ask`` that gives the scripted replies in turn and remembers every step."""

    def __init__(self, *replies: Reply | Callable[[Step], Reply]) -> None:
        self.replies = list(replies)
        self.steps: list[Step] = []

    def __call__(self, step: Step) -> Reply:
        self.steps.append(step)
        assert self.replies, f"asked {step.question.id} after the script ended"
        reply = self.replies.pop(0)
        return reply(step) if callable(reply) else reply

    @property
    def asked(self) -> list[str]:
        return [step.question.id for step in self.steps]


def run(
    banks: list[Bank], script: Script, answers: Answers | None = None
) -> tuple[Answers, Memory]:
    memory = Memory()
    result = Session(banks, memory, answers or {}).run(script)
    assert not script.replies, "the session ended before the script did"
    return result, memory


def test_a_whole_walk_saves_each_answer_as_it_is_given(mini: Bank) -> None:
    seen: list[dict[tuple[str, str], AnswerValue]] = []
    memory = Memory()

    def ask(step: Step) -> Reply:
        seen.append(dict(memory.stored))
        replies: dict[str, Reply] = {
            "autopilot": 4,
            "last_move": "up",
            "years": 3,
            "learning": 2,
            "notes": "",
        }
        return replies[step.question.id]

    answers = Session([mini], memory).run(ask)
    assert answers == {
        "mini": {"autopilot": 4, "last_move": "up", "years": 3, "learning": 2, "notes": ""}
    }
    # before each question, every earlier answer is already stored
    assert [len(stored) for stored in seen] == [0, 1, 2, 3, 4]
    assert len(memory.stored) == 5


def test_the_total_is_steady_counting_what_could_still_open(mini: Bank) -> None:
    script = Script(4, "lateral", ["pushed"], 3, 2, "")
    run([mini], script)
    # lateral_why could open until last_move is answered: "about 6", then 6 (no jump)
    assert [(s.number, s.total, s.could_open) for s in script.steps] == [
        (1, 6, 1),
        (2, 6, 1),
        (3, 6, 0),  # the lateral move opened it
        (4, 6, 0),
        (5, 6, 0),
        (6, 6, 0),
    ]
    first = script.steps[0]
    assert first.progress() == "Mini check · question 1 of about 6 · about 2 min left"
    assert script.steps[2].progress() == "Mini check · question 3 of 6 · about 1 min left"
    assert script.steps[-1].progress() == "Mini check · question 6 of 6 · under a minute left"


def test_time_left_counts_open_questions_by_type_and_undecided_ones_at_half(mini: Bank) -> None:
    script = Script(4, "lateral", ["pushed"], 3, 2, "")
    run([mini], script)
    # likert 8 + single 12 + number 15 + likert 8 + text 45, and the multi (20) at half
    assert script.steps[0].seconds_left == 98
    # the multi is now asked: full time; likert and single are answered
    assert script.steps[2].seconds_left == 20 + 15 + 8 + 45
    assert script.steps[-1].seconds_left == 45


def test_going_back_the_total_stays_an_upper_bound(mini: Bank) -> None:
    """Back on a question, its answer may still change: what it could open counts again
    ("about"), so that a changed answer does not make the total jump up."""
    script = Script(4, "up", BACK, "lateral", ["pushed"], 3, 2, "")
    run([mini], script)
    assert [s.progress().split(" · ")[1] for s in script.steps] == [
        "question 1 of about 6",
        "question 2 of about 6",
        "question 3 of 5",  # years: "up" closed lateral_why
        "question 2 of about 6",  # back: last_move may open it again
        "question 3 of 6",  # lateral_why: opened
        "question 4 of 6",
        "question 5 of 6",
        "question 6 of 6",
    ]


OPENS_MANY = """\
id: opens
version: 1
title: Opens many
dimensions:
  - id: d
    label: D
    actions: [{id: a, text: Do one thing., horizon: week}]
questions:
  - {id: warm, type: likert, prompt: One., dimension: d}
  - id: program
    type: single
    prompt: A program in mind?
    options: [{id: "yes", label: "Yes", scores: {}}, {id: "no", label: "No", scores: {}}]
""" + "".join(
    f"  - {{id: n{n}, type: number, prompt: N{n}?, min: 0, max: 9,"
    f" when: {{question: program, equals: 'yes'}}}}\n"
    for n in range(1, 8)
)


def test_the_time_left_does_not_go_up_when_an_answer_opens_questions(tmp_path: Path) -> None:
    path = tmp_path / "opens.yaml"
    path.write_text(OPENS_MANY, encoding="utf-8")
    bank = load_bank_file(path)
    script = Script(3, "yes", *range(1, 6), BACK, 5, 6, 7)
    run([bank], script)
    assert [s.progress().split(" · ", 1)[1] for s in script.steps] == [
        "question 1 of about 9 · about 1 min left",
        "question 2 of about 9 · about 1 min left",
        # seven numbers opened (15 s each, counted at half while they could open): the
        # time left stays as it was rather than going up to "about 2 min"
        "question 3 of 9 · about 1 min left",
        "question 4 of 9 · about 1 min left",
        "question 5 of 9 · about 1 min left",
        "question 6 of 9 · about 1 min left",
        "question 7 of 9 · under a minute left",
        "question 8 of 9 · under a minute left",
        "question 7 of 9 · under a minute left",  # n5 again, after going back
        "question 8 of 9 · under a minute left",
        "question 9 of 9 · under a minute left",
    ]
    seconds = [s.seconds_left for s in script.steps]
    forward = [pair for at, pair in enumerate(itertools.pairwise(seconds)) if at != 7]
    assert all(b <= a for a, b in forward), seconds


def test_time_left_wording() -> None:
    assert time_left(59) == "under a minute left"
    assert time_left(60) == "about 1 min left"
    assert time_left(89) == "about 1 min left"
    assert time_left(90) == "about 2 min left"


def test_going_back_shows_the_previous_answer_and_drops_answers_no_longer_asked(
    mini: Bank,
) -> None:
    script = Script(4, "lateral", ["pushed"], BACK, BACK, "up", 7, 2, "")
    answers, memory = run([mini], script)
    assert script.asked == [
        "autopilot",
        "last_move",
        "lateral_why",
        "years",
        "lateral_why",
        "last_move",
        "years",  # lateral_why is no longer asked
        "learning",
        "notes",
    ]
    back_to_multi, back_to_single = script.steps[4], script.steps[5]
    assert back_to_multi.current == ["pushed"]
    assert back_to_single.current == "lateral"
    assert ("drop", "mini.lateral_why") in memory.calls
    assert ("mini", "lateral_why") not in memory.stored
    assert answers["mini"] == {
        "autopilot": 4,
        "last_move": "up",
        "years": 7,
        "learning": 2,
        "notes": "",
    }


def test_walking_forward_again_shows_answers_and_saves_only_changes(mini: Bank) -> None:
    script = Script(4, "up", BACK, BACK, 5, "up", 3, 2, "")
    _, memory = run([mini], script)
    # years (back), last_move (back), autopilot, last_move, years
    assert [s.current for s in script.steps[2:7]] == [None, "up", 4, "up", None]
    saves = [call[1] for call in memory.calls if call[0] == "save"]
    assert saves == [
        "mini.autopilot",
        "mini.last_move",
        "mini.autopilot",  # changed 4 → 5
        "mini.years",
        "mini.learning",
        "mini.notes",
    ]
    assert memory.stored[("mini", "autopilot")] == 5


def test_back_on_the_first_question_stays_there(mini: Bank) -> None:
    script = Script(BACK, 4, "up", 3, 2, "")
    run([mini], script)
    assert script.steps[0].can_go_back is False
    assert script.steps[1].question.id == "autopilot"
    assert script.steps[2].can_go_back is True


def test_multi_with_none_ticked_is_an_answer(mini: Bank) -> None:
    answers, memory = run([mini], Script(1, "lateral", [], 0, 1, "fine"))
    assert answers["mini"]["lateral_why"] == []
    assert memory.stored[("mini", "lateral_why")] == []


def test_an_optional_question_left_empty_is_skipped_not_stored(mini: Bank) -> None:
    answers, memory = run([mini], Script(1, "up", 0, 1, None))
    assert "notes" not in answers["mini"]
    assert ("mini", "notes") not in memory.stored


def test_resume_starts_at_the_first_unanswered_question(mini: Bank) -> None:
    script = Script(3, 2, "")
    given: Answers = {"mini": {"autopilot": 4, "last_move": "up"}}
    answers, _ = run([mini], script, given)
    first = script.steps[0]
    assert (first.question.id, first.number, first.total, first.current) == ("years", 3, 5, None)
    assert first.first and first.can_go_back
    assert answers["mini"]["autopilot"] == 4


def test_resume_going_back_shows_stored_answers(mini: Bank) -> None:
    script = Script(BACK, "up", 3, 2, "")
    run([mini], script, {"mini": {"autopilot": 4, "last_move": "up"}})
    assert [s.question.id for s in script.steps[:2]] == ["years", "last_move"]
    assert script.steps[1].current == "up"


def test_stale_answers_are_dropped_when_the_session_starts(mini: Bank) -> None:
    memory = Memory()
    memory.stored = {("mini", "last_move"): "up", ("mini", "lateral_why"): ["pushed"]}
    session = Session(
        [mini], memory, {"mini": {"last_move": "up", "lateral_why": ["pushed"], "gone": 1}}
    )
    assert memory.calls == [("drop", "mini.lateral_why", "mini.gone")]
    assert session.answers == {"mini": {"last_move": "up"}}


def test_a_finished_walk_asks_nothing(mini: Bank) -> None:
    given: Answers = {
        "mini": {"autopilot": 4, "last_move": "up", "years": 3, "learning": 2, "notes": ""}
    }
    answers, memory = run([mini], Script(), given)
    assert answers == given
    assert memory.calls == []


def test_two_banks_in_order_with_progress_and_back_across_them(mini: Bank, extra: Bank) -> None:
    script = Script(4, "up", 3, 2, "", BACK, "later", 5, 12)
    answers, _ = run([mini, extra], script)
    assert script.asked == [
        "autopilot",
        "last_move",
        "years",
        "learning",
        "notes",
        "ask_advice",
        "notes",
        "ask_advice",
        "team_size",
    ]
    advice = script.steps[5]
    assert advice.can_go_back
    assert advice.progress().startswith("Extra round (bank 2 of 2) · question 1 of 2")
    assert script.steps[0].progress().startswith("Mini check (bank 1 of 2) · question 1 of about 6")
    assert script.steps[0].seconds_left == 98 + 8 + 15
    assert answers == {
        "mini": {"autopilot": 4, "last_move": "up", "years": 3, "learning": 2, "notes": "later"},
        "extra": {"ask_advice": 5, "team_size": 12},
    }


def test_each_answer_is_recorded_before_the_next_question_is_asked(mini: Bank) -> None:
    events: list[str] = []

    class Recorder(Memory):
        def save(self, bank: str, question: str, value: AnswerValue) -> None:
            events.append(f"save {question}")
            super().save(bank, question, value)

    class Logged(Script):
        def __call__(self, step: Step) -> Reply:
            events.append(f"ask {step.question.id}")
            return super().__call__(step)

    Session([mini], Recorder()).run(Logged(4, "lateral", BACK, "up", 3, 2, ""))
    assert events == [
        "ask autopilot",
        "save autopilot",
        "ask last_move",
        "save last_move",
        "ask lateral_why",  # back: nothing to write
        "ask last_move",
        "save last_move",
        "ask years",
        "save years",
        "ask learning",
        "save learning",
        "ask notes",
        "save notes",
    ]


def test_resume_command_names_the_bank_folders() -> None:
    assert resume_command([]) == "careercoach assess --resume"
    assert (
        resume_command([Path("/tmp/my banks")])
        == "careercoach --bank-dir '/tmp/my banks' assess --resume"
    )


# -- one assessment at a time ---------------------------------------------------------


def test_a_second_run_is_told_another_is_running(tmp_path: Path) -> None:
    with assessment_lock(tmp_path):
        with pytest.raises(AlreadyRunning) as caught, assessment_lock(tmp_path):
            pass
        assert str(caught.value) == f"another assessment is running (process {os.getpid()})."
        assert isinstance(caught.value, CareerCoachError)
        assert caught.value.exit_code == 1
    with assessment_lock(tmp_path):  # released
        pass


def test_the_lock_of_a_killed_process_is_not_stale(tmp_path: Path) -> None:
    holder = start_lock_holder(tmp_path)
    with pytest.raises(AlreadyRunning, match=f"process {holder.pid}"), assessment_lock(tmp_path):
        pass
    holder.kill()  # SIGKILL: no cleanup runs
    holder.wait()
    assert (tmp_path / "assess.lock").read_text() == str(holder.pid)  # the pid is left behind
    with assessment_lock(tmp_path):  # ...but the lock went with the process
        pass


# -- the store under two writers ------------------------------------------------------

WRITER = """
import sys
from pathlib import Path
from careercoach.storage.store import Store

path, assessment, name, count = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
sys.stdin.readline()  # start together
with Store(path) as store:
    for n in range(count):
        store.save_answer(assessment, name, f"q{n}", n)
"""


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    from careercoach.storage.store import Store

    db = tmp_path / "data" / "careercoach.db"
    with Store(db) as store:
        first = store.start_assessment([])
        second = store.start_assessment([])
    count = 100
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(assessment), name, str(count)],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for assessment, name in ((first, "one"), (second, "two"))
    ]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [(writer.wait(), writer.communicate()[1]) for writer in writers]
    assert results == [(0, "")] * 2
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute(
            "SELECT assessment_id, bank, count(*) FROM answers GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall()
    assert rows == [(first, "one", count), (second, "two", count)]


# -- the prompts' own rules -----------------------------------------------------------


def test_likert_points_use_the_words_of_the_plan() -> None:
    from careercoach.core.scoring import LIKERT_LABELS
    from careercoach.ui.prompts import LIKERT_CHOICES

    assert {point: label.lower() for point, label in LIKERT_CHOICES} == LIKERT_LABELS


def test_number_problems_say_what_is_allowed() -> None:
    from careercoach.ui.prompts import number_hint, number_problem

    def problem(number: float) -> str | None:
        return number_problem(number, minimum=0, maximum=60, integer=True)

    assert problem(12) is None
    assert problem(61) == "61 is more than 60."
    assert problem(-1) == "-1 is less than 0."
    assert problem(2.5) == "2.5 is not a whole number; for example 2 or 3."
    assert problem(float("nan")) == "Write a finite number, like 12."
    assert number_problem(1e9, minimum=None, maximum=None, integer=False) is None
    assert number_hint(minimum=0, maximum=60, integer=True, unit="years") == (
        "Enter a whole number from 0 to 60 (years)."
    )
    assert number_hint(minimum=1000, maximum=None, integer=False, unit=None) == (
        "Enter a number, at least 1,000."
    )
    assert number_hint(minimum=0, maximum=1e7, integer=False, unit="total") == (
        "Enter a number from 0 to 10,000,000 (total)."
    )


def test_bank_text_reaches_the_screen_without_its_escape_sequences() -> None:
    import io

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.vt100 import Vt100_Output

    from careercoach.ui.prompts import Look, ask_single

    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=24, columns=80), term="xterm")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        pipe.send_text("\x1b[B\r")
        answer = ask_single(
            "Pick\x1b[2J one\x9b",
            [("a", "Plain"), ("b", "Title\x1b]0;pwned\x07 \u202eevil")],
            look=Look(no_color=True),
        )
    assert answer == "b"
    drawn = screen.getvalue()
    assert "Pick[2J one" in drawn  # the ESC is gone, so the rest is plain text
    assert "Title]0;pwned evil" in drawn
    for sequence in ("\x1b]0;", "\x07", "\x1b[2J", "\x9b", "\u202e"):
        assert sequence not in drawn


def lead_bank() -> Bank:
    return Bank.model_validate(
        {
            "id": "lead",
            "title": "Lead",
            "audience": {"question": "manages", "not_for": ["nobody"]},
            "dimensions": [{"id": "d", "label": "D"}],
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
                {"id": "q1", "type": "likert", "prompt": "Q1", "dimension": "d"},
                {"id": "q2", "type": "likert", "prompt": "Q2", "dimension": "d"},
            ],
        }
    )


def test_the_audience_question_says_about_since_its_answer_can_end_the_bank() -> None:
    """The QA reading: leader's first question said "question 1 of 19", then "I manage
    nobody" ended the bank there. The total is an upper bound: "of about 3"."""
    bank = lead_bank()
    script = Script("some", 4, 2)
    run([bank], script)
    assert [s.progress().split(" · ")[1] for s in script.steps] == [
        "question 1 of about 3",
        "question 2 of 3",
        "question 3 of 3",
    ]
    ended = Script("nobody")
    run([bank], ended)
    assert [s.progress().split(" · ")[1] for s in ended.steps] == ["question 1 of about 3"]


def test_the_audience_question_asked_again_counts_what_its_answer_could_open() -> None:
    """The QA reading: in the review, "I manage nobody" changed showed "question 1 of
    about 1 · under a minute left"; a first run says "of about 3"."""
    bank = lead_bank()
    session = Session([bank], Memory(), {"lead": {"manages": "nobody"}})
    script = Script("some", 4, 2)
    session.revisit(script, "lead", "manages")
    assert [s.progress().split(" · ", 1)[1] for s in script.steps] == [
        "question 1 of about 3 · under a minute left",
        "question 2 of 3 · under a minute left",
        "question 3 of 3 · under a minute left",
    ]
    assert (
        script.steps[0].seconds_left
        == Session([bank], Memory())
        .step(Session([bank], Memory()).walk(), 0, first=True)
        .seconds_left
    )
