"""``careercoach assess --edit [ID]``, in-process: prompt_toolkit pipe input, no screen.

The assessments are stored from answers files on the trial bank; the review's keys are
sent up front (a prompt waiting for more stops with Ctrl-D's exit, 130).
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
from tests.lock_holder import start_lock_holder
from typer.testing import CliRunner

from careercoach.cli import app

BANKS = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "banks"
DOWN, UP, ENTER, SPACE, CTRL_C = "\x1b[B", "\x1b[A", "\r", " ", "\x03"
runner = CliRunner()

# coasting 4, pushing 2, role lead (opens team_size), signs stalled and passed (stalled
# opens the optional note, left out): drive and reach both high; three actions
MID = {
    "coasting": 4,
    "pushing": 2,
    "role": "lead",
    "team_size": 5,
    "signs": ["stalled", "passed"],
    "years": 6,
}
# The review of MID: 1 coasting, 2 pushing, 3 role, 4 signs, 5 years, 6 note, 7 team_size
ROLE_TO_IC = DOWN * 3 + ENTER + "1" + ENTER  # closes team_size
UNTICK_PASSED = DOWN * 4 + ENTER + DOWN * 2 + SPACE + ENTER
DONE = ENTER


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A pretend terminal: stdin counts as one, keys come from a pipe."""
    monkeypatch.setattr("careercoach.ui.prompts.stdin_is_terminal", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def cli(*args: str) -> Any:
    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


def assess(tmp_path: Path, answers: dict[str, Any] = MID) -> int:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"trial": answers}))
    result = cli("assess", "--answers", str(path))
    assert result.exit_code == 0, result.output
    return int(result.output.split("Saved as assessment ")[1].split(".")[0])


def edit(terminal: Any, keys: str, *args: str) -> Any:
    terminal.send_text(keys)
    terminal.close()
    return cli("assess", "--edit", *args)


def plan_json(assessment_id: int) -> dict[str, Any]:
    result = cli("plan", "--id", str(assessment_id), "--export", "json", "--output", "-")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def actions(assessment_id: int) -> list[tuple[int, str, bool]]:
    return [(a["number"], a["id"], a["done"]) for a in plan_json(assessment_id)["actions"]]


def answers(home: Path, assessment_id: int) -> dict[str, Any]:
    with sqlite3.connect(home / "careercoach.db") as conn:
        rows = conn.execute(
            "SELECT question, value FROM answers WHERE assessment_id = ? ORDER BY question",
            (assessment_id,),
        ).fetchall()
    return {question: json.loads(value) for question, value in rows}


@pytest.mark.parametrize(
    "keys",
    [
        "3" + ENTER,  # the role's number
        "73" + ENTER,  # "73" is no answer's number: 3 anew
        "\x1b[6~" + "\x1b[H" + "\x1b[6~" + UP * 4 + ENTER,  # a page down (7), Home, again
        "\x1b[F" + UP * 4 + ENTER,  # End (7, the team's size), 4 up
    ],
)
def test_the_review_jumps_to_an_answer(
    terminal: Any, tmp_path: Path, careercoach_home: Path, keys: str
) -> None:
    assessment = assess(tmp_path)
    result = edit(terminal, keys + "1" + ENTER + DONE)
    assert result.exit_code == 0, result.output
    assert answers(careercoach_home, assessment)["role"] == "ic"


def test_the_latest_is_edited_by_default_and_stays_the_same_assessment(
    terminal: Any, tmp_path: Path, careercoach_home: Path
) -> None:
    first = assess(tmp_path)
    second = assess(tmp_path)
    before = plan_json(second)
    result = edit(terminal, ROLE_TO_IC + DONE)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Assessment 2, taken ")
    assert result.output.endswith(
        "Assessment 2 is changed, and its plan made again.\n"
        "See it again with: careercoach plan --id 2\n"
    )
    assert answers(careercoach_home, second) == {
        "coasting": 4,
        "pushing": 2,
        "role": "ic",
        "signs": ["stalled", "passed"],
        "years": 6,
    }
    assert answers(careercoach_home, first)["role"] == "lead"
    after = plan_json(second)
    # the same assessment, taken the same day: its horizons and check-in count from then
    assert after["assessment_id"] == 2
    assert after["finished_at"] == before["finished_at"]
    assert after["next_checkin"] == before["next_checkin"]
    assert [(d["id"], d["score"]) for d in before["dimensions"]] == [("reach", 100), ("drive", 67)]
    assert [(d["id"], d["score"]) for d in after["dimensions"]] == [("drive", 67), ("reach", 33)]
    listed = json.loads(cli("history", "--json").stdout)
    assert [(entry["id"], entry["edited_at"] is not None) for entry in listed] == [
        (2, True),
        (1, False),
    ]
    assert listed[0]["scores"] == {"trial.drive": 67, "trial.reach": 33}
    assert listed[0]["finished_at"] == before["finished_at"]


def test_history_says_when_it_was_edited(terminal: Any, tmp_path: Path) -> None:
    from careercoach.core.dates import human_time

    assess(tmp_path)
    assert edit(terminal, ROLE_TO_IC + DONE, "1").exit_code == 0
    edited_at = json.loads(cli("history", "--json").stdout)[0]["edited_at"]
    lines = cli("history").stdout.splitlines()
    assert lines[2].startswith("#1  ")
    # the same words as the finish time above it ("Saturday 5 December 2026 at 09:57")
    assert lines[3] == f"    Edited {human_time(edited_at)}"
    assert re.fullmatch(r"    Edited \w+day \d+ \w+ \d{4} at \d\d:\d\d", lines[3])
    assert lines[4] == "    Banks: trial"


def test_an_id_picks_the_assessment(terminal: Any, tmp_path: Path, careercoach_home: Path) -> None:
    assess(tmp_path)
    assess(tmp_path)
    result = edit(terminal, ROLE_TO_IC + DONE, "1")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Assessment 1, taken ")
    assert answers(careercoach_home, 1)["role"] == "ic"
    assert answers(careercoach_home, 2)["role"] == "lead"
    assert [
        entry["edited_at"] is not None for entry in json.loads(cli("history", "--json").stdout)
    ] == [
        False,
        True,
    ]


def test_done_marks_and_commitments_stay_with_the_actions_that_remain(
    terminal: Any, tmp_path: Path
) -> None:
    assess(tmp_path)
    assert actions(1) == [
        (1, "drive_week", False),
        (2, "reach_month", False),
        (3, "drive_quarter", False),
    ]
    assert cli("plan", "--done", "1", "--done", "3").exit_code == 0
    for number, day in (("1", "2031-01-09"), ("2", "2031-01-10")):
        assert cli("plan", "--commit", number, "--by", day).exit_code == 0
    # role ic and "passed" unticked: reach falls to low, drive to moderate
    result = edit(terminal, ROLE_TO_IC + UNTICK_PASSED + DONE)
    assert result.exit_code == 0, result.output
    # said, not only kept unseen (the QA reading: "Assessment 1 is changed" alone)
    assert result.output.endswith(
        "Assessment 1 is changed, and its plan made again.\n"
        'Set aside while its action is not in the plan: your commitment to "Meet one new\n'
        'person a week." (by Friday 10 January 2031); it comes back if the action does.\n'
        'Set aside while its action is not in the plan: the done mark of "Finish one big\n'
        'thing."; it comes back if the action does.\n'
        "See it again with: careercoach plan --id 1\n"
    )
    assert actions(1) == [(1, "drive_week", True)]
    shown = plan_json(1)
    assert [(c["action_id"], c["by"], c["done"]) for c in shown["commitments"]] == [
        ("trial.drive_week", "2031-01-09", True)
    ]
    history = cli("history").stdout
    assert "    Actions done: 1 of 1\n" in history
    # the marks and commitments of the actions left out are kept, unseen
    data = json.loads(cli("export-data", "--output", "-").stdout)
    assert [(d["assessment_id"], d["action"]) for d in data["done_actions"]] == [
        (1, "drive_week"),
        (1, "drive_quarter"),
    ]
    assert [(c["action"], c["by"]) for c in data["commitments"]] == [
        ("trial.drive_week", "2031-01-09"),
        ("trial.reach_month", "2031-01-10"),
    ]
    assert data["assessments"][0]["edited_at"] is not None


def test_an_action_that_comes_back_brings_its_marks_back(terminal: Any, tmp_path: Path) -> None:
    assess(tmp_path)
    assert cli("plan", "--done", "3").exit_code == 0
    assert cli("plan", "--commit", "2", "--by", "2031-01-10").exit_code == 0
    from careercoach.flows.edit import run_edit

    terminal.send_text(ROLE_TO_IC + UNTICK_PASSED + DONE)
    run_edit(assessment_id=1, bank_dirs=[BANKS], no_color=True)
    assert actions(1) == [(1, "drive_week", False)]
    # back: role lead asks team_size again (it opens); "passed" ticked again
    terminal.send_text(
        DOWN * 3 + ENTER + "2" + ENTER + "5" + ENTER + DOWN * 4 + ENTER + DOWN * 2 + SPACE + ENTER
    )
    terminal.send_text(DONE)
    terminal.close()
    run_edit(assessment_id=1, bank_dirs=[BANKS], no_color=True)
    assert actions(1) == [
        (1, "drive_week", False),
        (2, "reach_month", False),
        (3, "drive_quarter", True),
    ]
    assert [(c["number"], c["action_id"]) for c in plan_json(1)["commitments"]] == [
        (2, "trial.reach_month")
    ]


def test_check_unticking_keeps_the_marks_of_actions_not_shown(
    terminal: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercoach.flows.edit import run_edit

    assess(tmp_path)
    assert cli("plan", "--done", "1", "--done", "3").exit_code == 0
    terminal.send_text(ROLE_TO_IC + UNTICK_PASSED + DONE)
    run_edit(assessment_id=1, bank_dirs=[BANKS], no_color=True)
    terminal.send_text(SPACE + ENTER)  # plan --check: untick drive_week, the one shown
    terminal.close()
    result = cli("plan", "--check")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Marked 0 done, unmarked 1.\n0 of 1 actions of assessment 1 done.\n"
    done = json.loads(cli("export-data", "--output", "-").stdout)["done_actions"]
    assert [d["action"] for d in done] == ["drive_quarter"]


def test_nothing_changed_says_so(terminal: Any, tmp_path: Path) -> None:
    assess(tmp_path)
    before = plan_json(1)
    result = edit(terminal, DOWN + ENTER + ENTER + DONE)  # coasting: Enter keeps "Agree"
    assert result.exit_code == 0, result.output
    assert result.output.endswith(
        "Nothing was changed: assessment 1 is as it was.\n"
        "See it again with: careercoach plan --id 1\n"
    )
    assert plan_json(1) == before
    assert json.loads(cli("history", "--json").stdout)[0]["edited_at"] is None


def test_ctrl_c_keeps_every_change_with_its_plan(
    terminal: Any, tmp_path: Path, careercoach_home: Path
) -> None:
    assess(tmp_path)
    result = edit(terminal, ROLE_TO_IC + CTRL_C)
    assert result.exit_code == 130
    assert result.stderr == (
        "careercoach: stopped; every change you made is saved, and the plan is made again "
        "with it.\nGo on changing answers with: careercoach assess --edit 1\n"
    )
    assert answers(careercoach_home, 1)["role"] == "ic"
    assert [(d["id"], d["score"]) for d in plan_json(1)["dimensions"]] == [
        ("drive", 67),
        ("reach", 33),
    ]


def test_ctrl_c_before_any_change(terminal: Any, tmp_path: Path) -> None:
    assess(tmp_path)
    result = edit(terminal, CTRL_C)
    assert (result.exit_code, result.stderr) == (
        130,
        "careercoach: stopped; nothing was changed.\n",
    )


def test_an_unknown_id_is_bad_input_in_the_words_of_plan(terminal: Any, tmp_path: Path) -> None:
    assess(tmp_path)
    result = edit(terminal, "", "7")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "careercoach: no assessment 7 is stored\nSee the stored ones with: careercoach history\n",
    )


def test_an_unknown_id_with_nothing_stored(terminal: Any, careercoach_home: Path) -> None:
    result = edit(terminal, "", "3")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "careercoach: no assessment 3 is stored"
    assert not careercoach_home.exists()


def test_nothing_to_edit_says_how_to_start(terminal: Any) -> None:
    result = edit(terminal, "")
    assert (result.exit_code, result.stderr) == (
        1,
        "careercoach: no finished assessment yet\nStart one with: careercoach assess\n",
    )


def test_without_a_terminal_it_is_bad_input_in_one_line(
    tmp_path: Path, careercoach_home: Path
) -> None:
    assess(tmp_path)
    before = (careercoach_home / "careercoach.db").read_bytes()
    result = cli("assess", "--edit")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "careercoach: assess --edit shows your answers in a terminal, and stdin is not one.\n",
    )
    assert (careercoach_home / "careercoach.db").read_bytes() == before


def test_an_unknown_id_is_named_before_the_missing_terminal(
    tmp_path: Path, careercoach_home: Path
) -> None:
    assess(tmp_path)
    known = cli("assess", "--edit", "1")
    unknown = cli("assess", "--edit", "7")
    assert (known.exit_code, unknown.exit_code, unknown.stdout) == (2, 2, "")
    assert unknown.stderr.splitlines()[0] == "careercoach: no assessment 7 is stored"
    assert "terminal" in known.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--answers", "x.yaml"], "--edit cannot be combined with --answers"),
        (["--bank", "trial"], "--edit cannot be combined with --bank"),
        (["--resume"], "--edit cannot be combined with --resume"),
        (
            ["2", "--bank", "trial", "--answers", "-"],
            "--edit cannot be combined with --answers or --bank",
        ),
    ],
)
def test_edit_with_another_way_of_answering_is_a_usage_error(args: list[str], line: str) -> None:
    result = cli("assess", "--edit", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"careercoach: {line}\n")


def test_an_id_without_edit_is_a_usage_error() -> None:
    result = cli("assess", "3")
    assert (result.exit_code, result.stderr) == (
        2,
        "careercoach: an assessment id (3) is only for --edit: careercoach assess --edit 3\n",
    )


def test_an_unfinished_assessment_is_not_edited(terminal: Any, careercoach_home: Path) -> None:
    from careercoach.storage.store import Store

    with Store() as store:
        started = store.start_assessment([])
    result = edit(terminal, "", str(started))
    assert (result.exit_code, result.stderr) == (
        1,
        "careercoach: assessment 1 is not finished\nFinish it with: careercoach assess --resume\n",
    )


def test_one_edit_at_a_time_as_one_assessment(
    terminal: Any, tmp_path: Path, careercoach_home: Path
) -> None:
    assess(tmp_path)
    holder = start_lock_holder(careercoach_home)
    try:
        result = edit(terminal, ROLE_TO_IC + DONE)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"careercoach: another assessment is running (process {holder.pid})."
    )
    assert json.loads(cli("history", "--json").stdout)[0]["edited_at"] is None


def test_compare_sees_the_new_scores(terminal: Any, tmp_path: Path) -> None:
    assess(tmp_path)
    assess(tmp_path)
    assert edit(terminal, ROLE_TO_IC + DONE, "2").exit_code == 0
    result = cli("compare")
    assert result.exit_code == 0, result.output
    reach = next(line for line in result.stdout.splitlines() if line.lstrip().startswith("Reach"))
    assert "100" in reach and "33" in reach


def test_forget_covers_an_edited_assessment(terminal: Any, tmp_path: Path) -> None:
    assess(tmp_path)
    assert cli("plan", "--done", "3").exit_code == 0
    assert cli("plan", "--commit", "2", "--by", "2031-01-10").exit_code == 0
    assert edit(terminal, ROLE_TO_IC + UNTICK_PASSED + DONE).exit_code == 0  # both now unseen
    assert cli("forget", "--id", "1", "--yes").exit_code == 0
    data = json.loads(cli("export-data", "--output", "-").stdout)
    assert (data["assessments"], data["done_actions"], data["commitments"]) == ([], [], [])


def test_compare_lists_only_the_done_actions_still_in_the_plan(
    terminal: Any, tmp_path: Path
) -> None:
    assess(tmp_path)
    assert cli("plan", "--done", "1", "--done", "3").exit_code == 0
    assert edit(terminal, ROLE_TO_IC + UNTICK_PASSED + DONE).exit_code == 0  # 3 leaves
    assess(tmp_path, {"coasting": 2, "pushing": 4, "role": "ic", "signs": [], "years": 7})
    result = cli("compare")
    assert result.exit_code == 0, result.output
    assert (
        "Actions done since assessment 1 (1):\n  [x] Write down one goal for the year.\n"
        in result.stdout
    )


def test_a_bank_no_longer_loaded_is_named(terminal: Any, tmp_path: Path) -> None:
    assess(tmp_path)
    terminal.close()
    result = runner.invoke(app, ["assess", "--edit"])  # without the trial bank's folder
    assert (result.exit_code, result.stderr) == (
        2,
        "careercoach: assessment 1 uses bank 'trial', which is not loaded\n"
        "Add its folder with --bank-dir\n",
    )


def test_the_review_of_a_file_assessment_shows_banks_in_the_picker_order(
    tmp_path: Path, careercoach_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answers file's banks are stored by id; the review shows them as ``banks list``
    does (other banks than the built-in ones: by title)."""
    import io
    from collections.abc import Sequence

    from careercoach.flows.edit import run_edit
    from careercoach.flows.review import ReviewEntry

    folder = tmp_path / "banks"
    folder.mkdir()
    trial = (BANKS / "trial.yaml").read_text()
    (folder / "trial.yaml").write_text(trial)
    (folder / "aardvark.yaml").write_text(
        trial.replace("id: trial", "id: aardvark").replace("title: Trial bank", "title: Zulu")
    )
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"trial": MID, "aardvark": MID}))
    made = runner.invoke(app, ["--bank-dir", str(folder), "assess", "--answers", str(path)])
    assert made.exit_code == 0, made.output
    monkeypatch.setattr("careercoach.ui.prompts.stdin_is_terminal", lambda: True)
    shown: list[list[tuple[int, str]]] = []

    def pick(entries: Sequence[ReviewEntry]) -> None:
        shown.append([(entry.number, entry.bank.id) for entry in entries])

    def ask(_step: Any) -> Any:
        raise AssertionError("nothing is asked")

    run_edit(
        assessment_id=None, bank_dirs=[folder], no_color=True, out=io.StringIO(), ask=ask, pick=pick
    )
    assert [bank for _, bank in shown[0]] == ["trial"] * 7 + ["aardvark"] * 7
    assert [number for number, _ in shown[0]] == list(range(1, 15))
