"""``careercoach assess`` in a terminal, in-process: prompt_toolkit pipe input, no screen.

Every key a person would press is sent up front; the pipe is then closed, so a prompt
that waits for more than the test typed stops with Ctrl-D's exit (130) instead of hanging.
What a person reads between prompts (the welcome, the progress lines, the plan) is on
stdout; the prompts themselves draw on a DummyOutput.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from careercoach.cli import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "banks"
DOWN, UP, ENTER, SPACE, CTRL_C, CTRL_D = "\x1b[B", "\x1b[A", "\r", " ", "\x03", "\x04"
CLEAR = "\x15"  # Ctrl-U: empty the line
REVIEWED = ENTER  # the review after the last question: "Done, show my plan"
NO_COMMITMENT = ENTER  # the last question, once the plan is shown: nothing ticked
runner = CliRunner()


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A pretend terminal: stdin counts as one, keys come from a pipe."""
    monkeypatch.setattr("careercoach.ui.prompts.stdin_is_terminal", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def assess(terminal: Any, keys: str, *args: str) -> Any:
    terminal.send_text(keys)
    terminal.close()
    return runner.invoke(app, ["--bank-dir", str(FIXTURES), "assess", *args])


def stored(home: Path) -> list[tuple[int, str, str, str]]:
    with sqlite3.connect(home / "careercoach.db") as conn:
        return conn.execute(
            "SELECT assessment_id, bank, question, value FROM answers ORDER BY rowid"
        ).fetchall()


def status(home: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(home / "careercoach.db") as conn:
        return conn.execute("SELECT id, status FROM assessments ORDER BY id").fetchall()


# likert: "4" jumps to Agree; single: down once = the second option
WHOLE_RUN = "4" + ENTER + ENTER + "5" + ENTER + "2" + ENTER + "nothing more" + ENTER


def test_a_whole_run_stores_every_answer_and_prints_the_plan(
    terminal: Any, careercoach_home: Path
) -> None:
    result = assess(terminal, WHOLE_RUN + REVIEWED + NO_COMMITMENT, "--bank", "mini")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "careercoach: a career self-assessment." in out
    assert "Answer 1 question bank (about 2 minutes);" in out
    assert str(careercoach_home / "careercoach.db") in out
    assert "Tip: < goes back a question; Ctrl-C stops and keeps your answers." in out
    assert max(len(line) for line in out.splitlines() if "careercoach.db" not in line) <= 80
    progress = [line for line in out.splitlines() if line.startswith("Mini check")]
    assert progress == [
        "Mini check · question 1 of about 6 · about 2 min left",
        "Mini check · question 2 of about 6 · about 2 min left",
        "Mini check · question 3 of 5 · about 1 min left",
        "Mini check · question 4 of 5 · under a minute left",
        "Mini check · question 5 of 5 · under a minute left",
    ]
    assert "Your career action plan" in out
    assert "Saved as assessment 1. See it again with: careercoach plan" in out
    # the first run caches every bank it validated (6 built-in, 3 here) once its data
    # folder exists
    assert len(list((careercoach_home / "cache" / "banks").glob("*.json"))) == 9
    assert stored(careercoach_home) == [
        (1, "mini", "autopilot", "4"),
        (1, "mini", "last_move", '"up"'),
        (1, "mini", "years", "5"),
        (1, "mini", "learning", "2"),
        (1, "mini", "notes", '"nothing more"'),
    ]
    assert status(careercoach_home) == [(1, "finished")]
    plan = runner.invoke(app, ["plan", "--export", "json", "--output", "-"])
    assert plan.exit_code == 0, plan.output
    assert '"assessment_id": 1' in plan.output


def test_going_back_changes_an_answer_and_drops_the_one_no_longer_asked(
    terminal: Any, careercoach_home: Path
) -> None:
    keys = "".join(
        [
            "4" + ENTER,  # autopilot: agree
            DOWN + ENTER,  # last_move: lateral, which opens lateral_why
            SPACE + ENTER,  # lateral_why: pushed
            "<" + ENTER,  # years: back to lateral_why
            "<",  # lateral_why: back to last_move (the "<" key in a list)
            UP + ENTER,  # last_move: from lateral (shown) up to the promotion
            "7" + ENTER,  # years (lateral_why is no longer asked)
            "1" + ENTER,  # learning
            ENTER,  # notes: optional, skipped
        ]
    )
    result = assess(terminal, keys + REVIEWED + NO_COMMITMENT, "--bank", "mini")
    assert result.exit_code == 0, result.output
    progress = [line for line in result.output.splitlines() if line.startswith("Mini check")]
    assert [line.split(" · ")[1] for line in progress] == [
        "question 1 of about 6",  # lateral_why could open
        "question 2 of about 6",
        "question 3 of 6",  # lateral_why
        "question 4 of 6",  # years
        "question 3 of 6",  # back: lateral_why
        "question 2 of 6",  # back: last_move
        "question 3 of 5",  # years again, lateral_why gone
        "question 4 of 5",
        "question 5 of 5",
    ]
    assert stored(careercoach_home) == [
        (1, "mini", "autopilot", "4"),
        (1, "mini", "last_move", '"up"'),
        (1, "mini", "years", "7"),
        (1, "mini", "learning", "1"),
        (1, "mini", "notes", '""'),
    ]


def test_the_back_choice_in_a_list(terminal: Any, careercoach_home: Path) -> None:
    # last_move: the choices are 3 options, a blank separator and "← Back" (down 3 times)
    keys = "4" + ENTER + DOWN * 3 + ENTER + "2" + ENTER + ENTER + "3" + ENTER + "1" + ENTER + ENTER
    result = assess(terminal, keys + REVIEWED, "--bank", "mini")
    assert result.exit_code == 0, result.output
    assert stored(careercoach_home)[0] == (1, "mini", "autopilot", "2")


def test_multi_with_nothing_ticked_is_an_answer(terminal: Any, careercoach_home: Path) -> None:
    keys = "1" + ENTER + DOWN + ENTER + ENTER + "0" + ENTER + "1" + ENTER + ENTER
    result = assess(terminal, keys + REVIEWED + NO_COMMITMENT, "--bank", "mini")
    assert result.exit_code == 0, result.output
    assert (1, "mini", "lateral_why", "[]") in stored(careercoach_home)


def test_a_number_is_asked_again_until_it_fits(terminal: Any, careercoach_home: Path) -> None:
    keys = "".join(
        [
            "1" + ENTER + ENTER,  # autopilot, last_move
            "many" + ENTER + CLEAR,  # not a number: refused, the line is cleared
            "61" + ENTER + CLEAR,  # above the maximum
            "2.5" + ENTER + CLEAR,  # not whole
            "-1" + ENTER + CLEAR,  # below the minimum
            "12" + ENTER,  # taken
            "1" + ENTER + ENTER,  # learning, notes
        ]
    )
    result = assess(terminal, keys + REVIEWED, "--bank", "mini")
    assert result.exit_code == 0, result.output
    assert (1, "mini", "years", "12") in stored(careercoach_home)


def test_an_optional_text_can_be_left_empty(terminal: Any, careercoach_home: Path) -> None:
    result = assess(
        terminal,
        "1" + ENTER + ENTER + "3" + ENTER + "1" + ENTER + ENTER + REVIEWED,
        "--bank",
        "mini",
    )
    assert result.exit_code == 0, result.output
    assert stored(careercoach_home)[-1] == (1, "mini", "notes", '""')


def test_choosing_banks_all_ticked_at_first(terminal: Any, careercoach_home: Path) -> None:
    # every built-in and test bank is listed and ticked, in the order of banks list (the
    # README's, then by title); untick all but "extra"
    result_banks = runner.invoke(app, ["--bank-dir", str(FIXTURES), "banks", "list"])
    listed = [line.split()[0] for line in result_banks.output.splitlines()[1::2]]
    readme = ["stuck", "education", "new_eyes", "promotion", "connections", "leader"]
    ids = [*readme, "injection", "extra", "mini"]  # "# Injection ...", "Extra round", "Mini..."
    assert listed == ids
    keys = ""
    for bank_id in ids:
        keys += ("" if bank_id == "extra" else SPACE) + DOWN
    keys += ENTER + "5" + ENTER + "9" + ENTER
    result = assess(terminal, keys + REVIEWED + NO_COMMITMENT)
    assert result.exit_code == 0, result.output
    assert f"Choose from {len(ids)} question banks (about " in " ".join(result.output.split())
    assert "Extra round · question 1 of 2" in result.output
    assert stored(careercoach_home) == [
        (1, "extra", "ask_advice", "5"),
        (1, "extra", "team_size", "9"),
    ]


def test_two_banks_show_which_bank(terminal: Any, careercoach_home: Path) -> None:
    keys = "1" + ENTER + ENTER + "3" + ENTER + "1" + ENTER + ENTER + "5" + ENTER + "9" + ENTER
    result = assess(terminal, keys + REVIEWED + NO_COMMITMENT, "--bank", "mini", "--bank", "extra")
    assert result.exit_code == 0, result.output
    assert "Mini check (bank 1 of 2) · question 1 of about 6 · about 2 min left" in result.output
    assert "Extra round (bank 2 of 2) · question 2 of 2 · under a minute left" in result.output


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stopping_keeps_the_answers_and_says_how_to_resume(
    terminal: Any, careercoach_home: Path, key: str
) -> None:
    result = assess(terminal, "4" + ENTER + ENTER + key, "--bank", "mini")
    assert result.exit_code == 130
    # the command does not fit beside the message in 80 columns: a line of its own
    assert result.stderr == (
        "careercoach: 2 answers saved. Continue with:\n"
        f"careercoach --bank-dir {FIXTURES} assess --resume\n"
    )
    assert [row[2] for row in stored(careercoach_home)] == ["autopilot", "last_move"]
    assert status(careercoach_home) == [(1, "unfinished")]


def test_after_stopping_plan_history_and_checkin_point_to_resume(
    terminal: Any, careercoach_home: Path
) -> None:
    """They said "No finished assessment yet. Start one with: careercoach assess", as if
    the answers given were lost."""
    assert assess(terminal, "4" + ENTER + ENTER + CTRL_C, "--bank", "mini").exit_code == 130
    for command in ("plan", "checkin"):  # no plan to show, no check-in to tell of
        result = runner.invoke(app, [command])
        assert (result.exit_code, result.stdout) == (1, ""), command
        assert result.stderr.splitlines() == [
            "careercoach: no finished assessment yet; one is under way (2 answers saved)",
            "Finish it with: careercoach assess --resume",
        ], command
    history = runner.invoke(app, ["history"])  # a list, empty: exit 0
    assert (history.exit_code, history.stdout.splitlines()) == (
        0,
        [
            "No finished assessment yet; one is under way (2 answers saved).",
            "Finish it with: careercoach assess --resume",
        ],
    )


def test_stopping_before_the_first_answer_leaves_nothing(
    terminal: Any, careercoach_home: Path
) -> None:
    result = assess(terminal, CTRL_C, "--bank", "mini")
    assert result.exit_code == 130
    assert result.stderr == "careercoach: stopped before the first answer; nothing was saved.\n"
    assert status(careercoach_home) == []


def start_and_stop(careercoach_home: Path, keys: str) -> None:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        result = assess(pipe, keys + CTRL_C, "--bank", "mini")
    assert result.exit_code == 130


def test_resume_continues_at_the_first_unanswered_question(
    terminal: Any, careercoach_home: Path
) -> None:
    start_and_stop(careercoach_home, "4" + ENTER + DOWN + ENTER)  # autopilot, last_move
    result = assess(
        terminal,
        SPACE + ENTER + "3" + ENTER + "1" + ENTER + ENTER + REVIEWED + NO_COMMITMENT,
        "--resume",
    )
    assert result.exit_code == 0, result.output
    assert "Resuming your assessment (2 answered so far)." in result.output
    first = next(line for line in result.output.splitlines() if line.startswith("Mini check"))
    assert first == "Mini check · question 3 of 6 · about 1 min left"
    assert [row[2] for row in stored(careercoach_home)] == [
        "autopilot",
        "last_move",
        "lateral_why",
        "years",
        "learning",
        "notes",
    ]
    assert status(careercoach_home) == [(1, "finished")]


def test_without_a_flag_an_unfinished_assessment_is_offered(
    terminal: Any, careercoach_home: Path
) -> None:
    start_and_stop(careercoach_home, "4" + ENTER)
    result = assess(
        terminal, ENTER + ENTER + "3" + ENTER + "1" + ENTER + ENTER + REVIEWED + NO_COMMITMENT
    )  # resume
    assert result.exit_code == 0, result.output
    assert "Resuming your assessment (1 answered so far)." in result.output
    assert status(careercoach_home) == [(1, "finished")]


def test_the_resume_question_says_when_it_started_as_every_date_reads(
    terminal: Any, careercoach_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start_and_stop(careercoach_home, "4" + ENTER)
    asked: list[str] = []

    def choose_resume(message: str, *_: Any, **__: Any) -> bool:
        asked.append(message)
        return True

    monkeypatch.setattr("careercoach.ui.prompts.choose_resume", choose_resume)
    result = assess(terminal, ENTER + "3" + ENTER + "1" + ENTER + ENTER + NO_COMMITMENT)
    assert result.exit_code == 0, result.output
    # "Saturday 5 December 2026 at 08:59", local time: not "2026-12-05 08:59 UTC"
    pattern = r"started [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d\)\. Resume it"
    assert re.search(pattern, asked[0]), asked


def test_resuming_says_which_banks_it_goes_on_with(terminal: Any, careercoach_home: Path) -> None:
    """--bank names another bank: resuming (the first choice) goes on with the unfinished
    assessment's banks, and says so."""
    start_and_stop(careercoach_home, "4" + ENTER)
    result = assess(
        terminal,
        ENTER + ENTER + "3" + ENTER + "1" + ENTER + ENTER + REVIEWED + NO_COMMITMENT,
        "--bank",
        "extra",
    )
    assert result.exit_code == 0, result.output
    assert (
        "Resuming your assessment (1 answered so far).\n"
        "It goes on with mini; --bank extra is for a new assessment, after this one.\n"
    ) in result.output
    assert {row[1] for row in stored(careercoach_home)} == {"mini"}
    assert status(careercoach_home) == [(1, "finished")]


def test_resume_with_another_bank_says_it_is_left_out(
    terminal: Any, careercoach_home: Path
) -> None:
    start_and_stop(careercoach_home, "4" + ENTER)
    keys = ENTER + "3" + ENTER + "1" + ENTER + ENTER
    result = assess(
        terminal, keys + REVIEWED + NO_COMMITMENT, "--resume", "--bank", "extra", "--bank", "mini"
    )
    assert result.exit_code == 0, result.output
    assert "It goes on with mini; --bank extra is for a new assessment, after this one.\n" in (
        result.output
    )


def test_stopping_at_the_resume_question_counts_what_is_kept(
    terminal: Any, careercoach_home: Path
) -> None:
    start_and_stop(careercoach_home, "4" + ENTER + ENTER)
    result = assess(terminal, CTRL_C, "--bank", "extra")
    assert result.exit_code == 130
    assert result.stderr.startswith("careercoach: 2 answers saved. Continue with:\n")
    assert status(careercoach_home) == [(1, "unfinished")]


MONEY_BANK = """\
id: money
version: 1
title: Money
description: A salary and a chance, as people type them.
dimensions:
  - {id: worry, label: Worry}
questions:
  - {id: salary, type: number, prompt: Your yearly salary?, min: 0, max: 10000000}
  - id: completion
    type: number
    prompt: "How likely are you to finish, as a fraction? (0.8 means 80%)"
    min: 0.05
    max: 1
  - {id: worried, type: likert, prompt: I worry about money., dimension: worry}
"""


def test_numbers_as_people_type_them(terminal: Any, careercoach_home: Path, tmp_path: Path) -> None:
    """A salary with its currency sign and separators; a fraction as a percentage."""
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "money.yaml").write_text(MONEY_BANK, encoding="utf-8")
    terminal.send_text("$70,000" + ENTER + "80%" + ENTER + "3" + ENTER + REVIEWED)
    terminal.close()
    result = runner.invoke(app, ["--bank-dir", str(folder), "assess", "--bank", "money"])
    assert result.exit_code == 0, result.output
    assert stored(careercoach_home) == [
        (1, "money", "salary", "70000"),
        (1, "money", "completion", "0.8"),
        (1, "money", "worried", "3"),
    ]


def test_starting_over_discards_the_unfinished_one(terminal: Any, careercoach_home: Path) -> None:
    start_and_stop(careercoach_home, "4" + ENTER)
    keys = DOWN + ENTER + "2" + ENTER + ENTER + "3" + ENTER + "1" + ENTER + ENTER + REVIEWED
    result = assess(terminal, keys, "--bank", "mini")
    assert result.exit_code == 0, result.output
    assert status(careercoach_home) == [(2, "finished")]
    assert stored(careercoach_home)[0] == (2, "mini", "autopilot", "2")


def test_restart_discards_without_asking(terminal: Any, careercoach_home: Path) -> None:
    start_and_stop(careercoach_home, "4" + ENTER)
    keys = "2" + ENTER + ENTER + "3" + ENTER + "1" + ENTER + ENTER + REVIEWED
    result = assess(terminal, keys, "--bank", "mini", "--restart")
    assert result.exit_code == 0, result.output
    assert status(careercoach_home) == [(2, "finished")]


def test_resume_with_nothing_to_resume_starts_anew(terminal: Any, careercoach_home: Path) -> None:
    keys = "2" + ENTER + ENTER + "3" + ENTER + "1" + ENTER + ENTER + REVIEWED
    result = assess(terminal, keys, "--bank", "mini", "--resume")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "No unfinished assessment to resume; starting a new one.\n"
        "careercoach: a career self-assessment.\n"
    )
    assert status(careercoach_home) == [(1, "finished")]


def test_resume_and_restart_together_are_refused(terminal: Any, careercoach_home: Path) -> None:
    result = assess(terminal, "", "--resume", "--restart")
    assert result.exit_code == 2
    assert result.stderr == "careercoach: --resume and --restart cannot be combined\n"
    assert not careercoach_home.exists()


def test_no_terminal_writes_nothing(careercoach_home: Path) -> None:
    result = runner.invoke(app, ["--bank-dir", str(FIXTURES), "assess"], input="4\n")
    assert result.exit_code == 2
    assert result.stderr == (
        "careercoach: assess needs a terminal to ask its questions, and stdin is not one.\n"
        "To answer from a file instead: careercoach assess --answers FILE\n"
    )
    assert not careercoach_home.exists()


def test_an_unknown_bank_is_bad_input(terminal: Any, careercoach_home: Path) -> None:
    result = assess(terminal, "", "--bank", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("careercoach: ")
    assert "no such bank" in result.stderr and "nope" in result.stderr
    assert not careercoach_home.exists()


def test_an_unknown_bank_is_named_before_the_missing_terminal(careercoach_home: Path) -> None:
    result = runner.invoke(app, ["--bank-dir", str(FIXTURES), "assess", "--bank", "nope"])
    assert result.exit_code == 2
    assert "no such bank" in result.stderr and "nope" in result.stderr
    assert "terminal" not in result.stderr
    assert not careercoach_home.exists()


def test_each_prompt_is_built_once_as_it_is_asked(
    terminal: Any, careercoach_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No prompt is built ahead, none twice, and no thread but the main one builds."""
    import threading

    from careercoach.flows import prompt_asker

    built: list[tuple[str, bool]] = []
    real = prompt_asker.build_prompt

    def counting(question: Any, current: Any, look: Any) -> Any:
        built.append((question.id, threading.current_thread() is threading.main_thread()))
        return real(question, current, look)

    monkeypatch.setattr(prompt_asker, "build_prompt", counting)
    keys = "4" + ENTER + DOWN + ENTER + SPACE + ENTER + "5" + ENTER + "2" + ENTER + ENTER
    result = assess(terminal, keys + REVIEWED + NO_COMMITMENT, "--bank", "mini")
    assert result.exit_code == 0, result.output
    assert built == [
        ("autopilot", True),
        ("last_move", True),
        ("lateral_why", True),
        ("years", True),
        ("learning", True),
        ("notes", True),
    ]


# -- commitments, once the plan is shown ---------------------------------------------


def commitments(home: Path) -> list[tuple[int, str, str, str | None]]:
    with sqlite3.connect(home / "careercoach.db") as conn:
        return conn.execute(
            "SELECT assessment_id, action, due_on, if_then FROM commitments ORDER BY rowid"
        ).fetchall()


# strongly agree, never changed jobs, 5 years, strongly agree, a note: two actions
ACTIONS_RUN = (
    "5" + ENTER + DOWN + DOWN + ENTER + "5" + ENTER + "5" + ENTER + "a note" + ENTER + REVIEWED
)


def test_committing_to_an_action_with_a_day_and_an_if_then_line(
    terminal: Any, careercoach_home: Path
) -> None:
    keys = ACTIONS_RUN + SPACE + ENTER  # tick action 1
    keys += CLEAR + "2031-01-10" + ENTER
    keys += "If Monday fills up, then Tuesday at 9." + ENTER
    result = assess(terminal, keys, "--bank", "mini")
    assert result.exit_code == 0, result.output
    assert commitments(careercoach_home) == [
        (1, "mini.list_moves", "2031-01-10", "If Monday fills up, then Tuesday at 9.")
    ]
    assert result.output.endswith(
        "Committed to 1: Write down the last three moves you wanted and why they did not\n"
        "  happen.\n"
        "  By Friday 10 January 2031. If Monday fills up, then Tuesday at 9.\n"
    )
    shown = runner.invoke(app, ["--bank-dir", str(FIXTURES), "plan", "--export", "json", "-o", "-"])
    assert json.loads(shown.stdout)["commitments"] == [
        {
            "number": 1,
            "action_id": "mini.list_moves",
            "text": "Write down the last three moves you wanted and why they did not happen.",
            "by": "2031-01-10",
            "if_then": "If Monday fills up, then Tuesday at 9.",
            "done": False,
        }
    ]


def test_at_60_columns_the_commitments_wrap_between_words(
    terminal: Any, careercoach_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    keys = ACTIONS_RUN + SPACE + ENTER + CLEAR + "2031-01-10" + ENTER
    keys += "If Monday fills up, then Tuesday at nine in the morning." + ENTER
    result = assess(terminal, keys, "--bank", "mini")
    assert result.exit_code == 0, result.output
    after_plan = result.output.split("See it again with: careercoach plan\n")[1]
    assert after_plan.splitlines() == [
        "",
        "",
        "1. Write down the last three moves you wanted and why they",
        "   did not happen.",
        "Committed to 1: Write down the last three moves you wanted",
        "  and why they did not happen.",
        "  By Friday 10 January 2031. If Monday fills up, then",
        "  Tuesday at nine in the morning.",
    ]
    # the plan printed before the picker has no "Commit to an action with" hint: the
    # picker that follows says it
    assert "Commit to an action with" not in result.output


def test_the_day_is_asked_again_until_it_is_one_and_not_past(
    terminal: Any, careercoach_home: Path
) -> None:
    keys = ACTIONS_RUN + SPACE + ENTER
    keys += CLEAR + "2020-01-01" + ENTER + CLEAR + "soon" + ENTER + CLEAR + "2031-01-10" + ENTER
    keys += ENTER  # no if-then line
    result = assess(terminal, keys, "--bank", "mini")
    assert result.exit_code == 0, result.output
    assert "2020-01-01 is in the past; pick today (" in result.output
    assert "'soon' is not a date (use YYYY-MM-DD, e.g. " in result.output
    assert commitments(careercoach_home) == [(1, "mini.list_moves", "2031-01-10", None)]


def test_ctrl_c_after_the_day_keeps_the_commitment(terminal: Any, careercoach_home: Path) -> None:
    keys = ACTIONS_RUN + SPACE + ENTER + CLEAR + "2031-01-10" + ENTER + CTRL_C
    result = assess(terminal, keys, "--bank", "mini")
    assert result.exit_code == 130
    assert "stopped; your plan and the commitments you made are saved." in result.output
    assert commitments(careercoach_home) == [(1, "mini.list_moves", "2031-01-10", None)]
    assert status(careercoach_home) == [(1, "finished")]


def test_none_ticked_says_how_to_commit_later(terminal: Any, careercoach_home: Path) -> None:
    result = assess(terminal, ACTIONS_RUN + NO_COMMITMENT, "--bank", "mini")
    assert result.exit_code == 0, result.output
    assert result.output.endswith(
        "Commit to an action later with: careercoach plan --commit N --by YYYY-MM-DD\n"
    )
    assert commitments(careercoach_home) == []


# -- the review, before the plan ------------------------------------------------------


def test_the_review_changes_an_answer_and_asks_the_question_it_opens(
    terminal: Any, careercoach_home: Path
) -> None:
    keys = WHOLE_RUN  # autopilot 4, last_move up, years 5, learning 2, notes
    keys += DOWN * 2 + ENTER  # review: 2, the last job change
    keys += DOWN + ENTER  # from the promotion (shown) down to the lateral move
    keys += SPACE + ENTER  # what it opened: "I was pushed into it"
    keys += REVIEWED + NO_COMMITMENT
    result = assess(terminal, keys, "--bank", "mini")
    assert result.exit_code == 0, result.output
    assert sorted(stored(careercoach_home)) == [
        (1, "mini", "autopilot", "4"),
        (1, "mini", "last_move", '"lateral"'),
        (1, "mini", "lateral_why", '["pushed"]'),
        (1, "mini", "learning", "2"),
        (1, "mini", "notes", '"nothing more"'),
        (1, "mini", "years", "5"),
    ]
    # the plan is made from the answers as changed: the lateral move feeds "stalled"
    assert "Write down the last three moves you wanted" in result.output
    progress = [line for line in result.output.splitlines() if line.startswith("Mini check")]
    assert progress[-2:] == [
        # asked again: the answer on screen may open lateral_why, so "about 6", and
        # the total does not jump from 5 to 6 once it does
        "Mini check · question 2 of about 6 · under a minute left",
        "Mini check · question 3 of 6 · under a minute left",  # and what it opened
    ]


def test_ctrl_c_in_the_review_loses_nothing_and_resume_comes_back_to_it(
    terminal: Any, careercoach_home: Path
) -> None:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        stopped = assess(
            pipe, WHOLE_RUN + DOWN * 2 + ENTER + DOWN + ENTER + CTRL_C, "--bank", "mini"
        )
    assert stopped.exit_code == 130
    assert stopped.stderr.startswith("careercoach: 5 answers saved. Continue with:")
    assert status(careercoach_home) == [(1, "unfinished")]
    assert (1, "mini", "last_move", '"lateral"') in stored(careercoach_home)  # saved as given
    # resumed as always: at the first question without an answer (the one the change
    # opened), then on through the later ones, their answers shown (Enter keeps each)
    keys = SPACE + ENTER + ENTER * 3 + REVIEWED + NO_COMMITMENT
    result = assess(terminal, keys, "--resume")
    assert result.exit_code == 0, result.output
    assert "Resuming your assessment (5 answered so far)." in result.output
    assert (1, "mini", "lateral_why", '["pushed"]') in stored(careercoach_home)
    assert status(careercoach_home) == [(1, "finished")]
