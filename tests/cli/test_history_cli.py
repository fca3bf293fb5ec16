"""``history``, ``compare`` and ``plan --done`` over assessments stored through
``careercoach assess --answers`` (the trial bank of tests/fixtures/answers/banks)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careercoach.paths import db_path
from careercoach.storage.store import Store
from careercoach.ui.history_render import human_time

BANKS = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "banks"
runner = CliRunner()

# The trial bank scores drive from coasting, pushing (reversed), role and signs, and
# reach from role and signs (see the bank). Each case: (drive, reach).
HIGH = {"coasting": 5, "pushing": 1, "role": "none", "signs": ["stalled", "passed"]}  # 100, 33
MID = {"coasting": 4, "pushing": 1, "role": "ic", "signs": ["stalled", "quiet"]}  # 71, 50
LOW = {"coasting": 2, "pushing": 4, "role": "ic", "signs": []}  # 0, 0
REACH_UP = {**MID, "role": "lead", "team_size": 5}  # 71, 100


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


def assess(tmp_path: Path, answers: dict[str, Any], note: str | None = None) -> int:
    given = {"years": 6, **answers}
    if note is not None:
        given["note"] = note
    path = tmp_path / f"answers-{len(list(tmp_path.glob('answers-*')))}.json"
    path.write_text(json.dumps({"trial": given}))
    result = cli("assess", "--answers", str(path))
    assert result.exit_code == 0, result.output
    last = result.output.strip().splitlines()[-1]
    return int(last.split("Saved as assessment ")[1].split(".")[0])


def history_json(*args: str) -> list[dict[str, Any]]:
    result = cli("history", "--json", *args)
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


# -- history --------------------------------------------------------------------------


def test_history_with_nothing_stored() -> None:
    result = cli("history")
    assert result.exit_code == 0
    assert result.stdout == (
        "No finished assessment yet.\n"
        "Start one with: careercoach assess\n"
        "(or from a file: careercoach assess --answers FILE)\n"
    )
    assert not db_path().exists()
    json_result = cli("history", "--json")
    assert (json_result.exit_code, json_result.stdout) == (0, "[]\n")


def test_history_lists_newest_first_with_trends(tmp_path: Path) -> None:
    ids = [assess(tmp_path, case) for case in (HIGH, MID, LOW)]
    entries = history_json()
    assert [e["id"] for e in entries] == ids[::-1]
    assert [e["scores"] for e in entries] == [
        {"trial.drive": 0, "trial.reach": 0},
        {"trial.drive": 71, "trial.reach": 50},
        {"trial.drive": 100, "trial.reach": 33},
    ]
    assert entries[1]["top"] == [
        {"bank": "trial", "id": "drive", "label": "Drive", "score": 71, "level": "high"},
        {"bank": "trial", "id": "reach", "label": "Reach", "score": 50, "level": "moderate"},
    ]
    assert [(e["actions"], e["actions_done"]) for e in entries] == [(0, 0), (3, 0), (2, 0)]
    when = [human_time(e["finished_at"]) for e in entries]
    result = cli("history")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Your assessments, newest first (3)",
        "",
        f"#{ids[2]}  {when[0]}",
        "    Banks: trial",
        "    Top findings: nothing at moderate or high.",
        f"#{ids[1]}  {when[1]}",
        "    Banks: trial",
        "    Top findings: Drive 71 (high); Reach 50 (moderate)",
        "    Actions done: 0 of 3",
        f"#{ids[0]}  {when[2]}",
        "    Banks: trial",
        "    Top findings: Drive 100 (high)",
        "    Actions done: 0 of 2",
        "",
        "Trends over the last 3 assessments, oldest to newest (a higher score is a",
        "greater need):",
        "Each mark is one assessment: ▁ = 0 … █ = 100; · = not measured that time.",
        "  Drive (trial)                                     █▆▁  100 →   0  ↓ 100 better",
        "  Reach (trial)                                     ▃▅▁   33 →   0  ↓  33 better",
    ]
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_history_before_three_says_when_trends_come(tmp_path: Path) -> None:
    assess(tmp_path, MID)
    result = cli("history")
    assert result.stdout.splitlines()[-1] == "Trends appear once you have three assessments."


def test_history_limit_and_all(tmp_path: Path) -> None:
    ids = [assess(tmp_path, case) for case in (HIGH, MID, LOW, MID)]
    assert [e["id"] for e in history_json("--limit", "2")] == ids[:1:-1]
    assert [e["id"] for e in history_json("--all")] == ids[::-1]
    result = cli("history", "-n", "1")
    assert result.stdout.splitlines()[0] == (
        "Your assessments, newest first (1 of 4; --all shows every one)"
    )
    # the trends cover the assessments shown, and one is too few for a trend
    assert result.stdout.splitlines()[-1] == (
        "Trends need three assessments shown: -n 3 or more, or --all."
    )
    assert "Trends over" not in result.stdout


def test_history_shows_done_actions(tmp_path: Path) -> None:
    assess(tmp_path, MID)
    assert cli("plan", "--done", "drive_week").exit_code == 0
    assert history_json()[0]["actions_done"] == 1
    assert "    Actions done: 1 of 3" in cli("history").stdout.splitlines()


# -- compare --------------------------------------------------------------------------


def test_compare_needs_two(tmp_path: Path) -> None:
    result = cli("compare")
    assert result.exit_code == 1
    assert result.stderr == (
        "careercoach: compare needs two finished assessments, and there is none yet\n"
        "Start one with: careercoach assess\n"
    )
    assess(tmp_path, MID)
    result = cli("compare")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "careercoach: compare needs two finished assessments, and there is 1"
    )


def test_compare_unknown_or_same_id(tmp_path: Path) -> None:
    first = assess(tmp_path, HIGH)
    second = assess(tmp_path, MID)
    result = cli("compare", str(first), "42")
    assert result.exit_code == 2
    assert result.stderr == (
        "careercoach: no assessment 42 is stored\nSee the stored ones with: careercoach history\n"
    )
    result = cli("compare", str(second))
    assert result.exit_code == 2
    assert "is the latest" in result.stderr
    result = cli("compare", str(first), str(first))
    assert result.exit_code == 2
    assert result.stderr == f"careercoach: give two different assessments (both are {first})\n"


def test_compare_the_last_two(tmp_path: Path) -> None:
    first = assess(tmp_path, HIGH)
    second = assess(tmp_path, MID)
    assert cli("plan", "--id", str(first), "--done", "drive_week").exit_code == 0
    result = cli("compare", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["then"]["id"], data["now"]["id"]) == (first, second)
    assert [
        (d["id"], d["then"], d["now"], d["change"], d["direction"]) for d in data["dimensions"]
    ] == [
        ("drive", 100, 71, -29, "better"),
        ("reach", 33, 50, 17, "worse"),
    ]
    assert data["summary"] == {"better": 1, "worse": 1, "same": 0, "new": 0, "gone": 0}
    assert [d["action"] for d in data["done_since"]] == ["drive_week"]
    assert [a["id"] for a in data["new_actions"]] == ["reach_month"]
    assert data["dropped_actions"] == []
    then_at, now_at = (
        human_time(data["then"]["finished_at"]),
        human_time(data["now"]["finished_at"]),
    )
    text = cli("compare")
    assert text.exit_code == 0
    assert text.stdout.splitlines() == [
        f"Then: assessment {first}, {then_at}",
        f"Now:  assessment {second}, {now_at} (the same day)",
        "A higher score is a greater need, so a falling score is better.",
        "",
        "Dimension                                               then   now  change",
        "Drive (trial)                                            100    71  ↓  29 better",
        "Reach (trial)                                             33    50  ↑  17 worse",
        "",
        "In short: 1 better, 1 worse.",
        "",
        f"Actions done since assessment {first} (1):",
        "  [x] Write down one goal for the year.",
        "",
        "New in the plan (1):",
        "  - Meet one new person a week.",
    ]
    assert max(len(line) for line in text.stdout.splitlines()) <= 80
    # the order of the arguments does not matter: the earlier one is "then"
    assert json.loads(cli("compare", str(second), str(first), "--json").stdout) == data


def test_compare_new_and_gone_dimensions(tmp_path: Path) -> None:
    """A dimension measured in one assessment only is "new" or "not measured now"."""
    first = assess(tmp_path, MID)
    second = assess(tmp_path, LOW)
    with Store() as store:  # drop reach from the older plan, as if its bank lacked it
        store._conn.execute(
            "UPDATE plans SET plan = json_set(plan, '$.dimensions', "
            "json_array(json_extract(plan, '$.dimensions[0]'))) WHERE assessment_id = ?",
            (first,),
        )
    data = json.loads(cli("compare", "--json").stdout)
    assert [(d["id"], d["then"], d["now"], d["direction"]) for d in data["dimensions"]] == [
        ("drive", 71, 0, "better"),
        ("reach", None, 0, "new"),
    ]
    assert data["new_dimensions"] == ["trial.reach"]
    lines = cli("compare", str(first), str(second)).stdout.splitlines()
    assert "Reach (trial)                                              —     0  new" in lines
    assert "In short: 1 better, 1 new." in lines
    assert "Measured for the first time: Reach." in lines


# -- plan --done and the next plan ----------------------------------------------------


def test_plan_done_marks_and_the_plan_shows_it(tmp_path: Path) -> None:
    assessment = assess(tmp_path, MID)
    result = cli("plan", "--done", "trial.drive_week", "--done", "reach_month")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Done: Write down one goal for the year.\n"
        "Done: Meet one new person a week.\n"
        f"2 of 3 actions of assessment {assessment} done.\n"
    )
    again = cli("plan", "--done", "drive_week")
    assert again.stdout.splitlines()[0] == "Already done: Write down one goal for the year."
    plan = json.loads(cli("plan", "--export", "json", "--output", "-").stdout)
    assert [(a["id"], a["done"]) for a in plan["actions"]] == [
        ("drive_week", True),
        ("reach_month", True),
        ("drive_quarter", False),
    ]
    assert "  1. [x] Write down one goal for the year. (Drive)" in cli("plan", "--plain").stdout


def test_plan_done_unknown_action(tmp_path: Path) -> None:
    """One short line, the closest ids, and where every id is shown (the plan shows none)."""
    assessment = assess(tmp_path, MID)
    result = cli("plan", "--done", "nope")
    assert result.exit_code == 2
    assert result.stderr == (
        f"careercoach: no action 'nope' in plan {assessment}\n"
        "See the ids: careercoach plan --export json --output - (or tick: --check)\n"
    )
    result = cli("plan", "--id", str(assessment), "--done", "drive_wek")
    assert result.exit_code == 2
    assert result.stderr == (
        f"careercoach: no action 'drive_wek' in plan {assessment}\n"
        "careercoach: did you mean trial.drive_week?\n"
        f"See the ids: careercoach plan --id {assessment} --export json --output - "
        "(or tick: --check)\n"
    )


def test_plan_done_without_an_assessment() -> None:
    result = cli("plan", "--done", "drive_week")
    assert (result.exit_code, result.stderr) == (
        1,
        "careercoach: no finished assessment yet\nStart one with: careercoach assess\n",
    )


def test_plan_check_needs_a_terminal(tmp_path: Path) -> None:
    assess(tmp_path, MID)
    result = cli("plan", "--check")
    assert result.exit_code == 2
    assert result.stderr == (
        "careercoach: plan --check shows a checklist in a terminal, and stdin is not one.\n"
        "Mark an action with: careercoach plan --done ACTION_ID\n"
    )


def test_plan_check_ticks_and_unticks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careercoach.ui import prompts

    assessment = assess(tmp_path, MID)
    assert cli("plan", "--done", "reach_month").exit_code == 0
    asked: list[Any] = []

    def fake(message: str, choices: Any, checked: Any) -> list[str]:
        asked.append((message, list(choices), list(checked)))
        return ["trial.drive_week", "trial.drive_quarter"]

    monkeypatch.setattr(prompts, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(prompts, "ask_checklist", fake)
    result = cli("plan", "--check")
    assert result.exit_code == 0, result.output
    assert asked == [
        (
            f"Which actions of assessment {assessment} have you done?",
            [
                ("trial.drive_week", "1. Write down one goal for the year."),
                ("trial.reach_month", "2. Meet one new person a week."),
                ("trial.drive_quarter", "3. Finish one big thing."),
            ],
            ["trial.reach_month"],
        )
    ]
    assert result.stdout == (
        f"Marked 2 done, unmarked 1.\n2 of 3 actions of assessment {assessment} done.\n"
    )
    with Store() as store:
        assert [d.action for d in store.done_actions(assessment)] == ["drive_week", "drive_quarter"]


def test_the_next_plan_skips_done_actions_unless_worse(tmp_path: Path) -> None:
    assess(tmp_path, MID)  # drive 71, reach 50
    assert cli("plan", "--done", "drive_week", "--done", "reach_month").exit_code == 0
    assess(tmp_path, REACH_UP)  # drive 71 (same), reach 100 (worse)
    plan = json.loads(cli("plan", "--export", "json", "--output", "-").stdout)
    assert [(d["id"], d["score"]) for d in plan["dimensions"]] == [("reach", 100), ("drive", 71)]
    assert [(a["id"], a["done"]) for a in plan["actions"]] == [
        ("reach_month", False),  # reach got worse: back in the plan
        ("drive_quarter", False),  # drive_week was done and drive did not get worse
    ]


# -- assessments of different banks --------------------------------------------------

OTHER = """\
id: other
version: 1
title: Another bank
description: A second bank, with long labels.
dimensions:
  - id: wide
    label: "An unusually long dimension label that goes on well past half the width"
    description: Long.
    actions:
      - {id: wide_week, text: "Do the wide thing this week.", horizon: week}
  - id: sometimes
    label: "Another long label, for a dimension measured only now and then"
    description: Sometimes.
    actions:
      - {id: sometimes_month, text: "Do the sometimes thing this month.", horizon: month}
questions:
  - id: q1
    type: likert
    prompt: Wide?
    dimension: wide
  - id: q2
    type: likert
    prompt: Sometimes?
    dimension: sometimes
    required: false
"""


@pytest.fixture
def other_bank(tmp_path: Path) -> Path:
    folder = tmp_path / "other-banks"
    folder.mkdir()
    (folder / "other.yaml").write_text(OTHER)
    return folder


def cli2(other: Path, *args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), "--bank-dir", str(other), *args])


def assess2(tmp_path: Path, other: Path, answers: dict[str, Any]) -> int:
    path = tmp_path / f"answers-{len(list(tmp_path.glob('answers-*')))}.json"
    path.write_text(json.dumps(answers))
    result = cli2(other, "assess", "--answers", str(path))
    assert result.exit_code == 0, result.output
    return int(result.output.split("Saved as assessment ")[1].split(".")[0])


def trial(answers: dict[str, Any]) -> dict[str, Any]:
    return {"trial": {"years": 6, **answers}}


def test_compare_skips_assessments_of_other_banks(tmp_path: Path, other_bank: Path) -> None:
    first = assess2(tmp_path, other_bank, trial(MID))
    between = assess2(tmp_path, other_bank, {"other": {"q1": 5}})
    last = assess2(tmp_path, other_bank, trial(LOW))
    result = cli2(other_bank, "compare")
    assert result.exit_code == 0, result.output
    data = json.loads(cli2(other_bank, "compare", "--json").stdout)
    assert (data["then"]["id"], data["now"]["id"], data["skipped"]) == (first, last, [between])
    then_at, now_at = (human_time(data[k]["finished_at"]) for k in ("then", "now"))
    assert result.stdout.splitlines() == [
        f"Then: assessment {first}, {then_at}",
        f"Now:  assessment {last}, {now_at} (the same day)",
        f"Compared with #{first}, the latest earlier assessment that took one of the same banks",
        f"(trial); #{between} took other banks.",
        "A higher score is a greater need, so a falling score is better.",
        "",
        "Dimension                                               then   now  change",
        "Drive (trial)                                             71     0  ↓  71 better",
        "Reach (trial)                                             50     0  ↓  50 better",
        "",
        "In short: 2 better.",
        "",
        f"No action marked done since assessment {first} (mark one with:",
        "careercoach plan --done ACTION_ID).",
        "",
        "No longer in the plan (3):",
        "  - Write down one goal for the year.",
        "  - Meet one new person a week.",
        "  - Finish one big thing.",
    ]


def test_compare_of_banks_taken_once_summarizes_them(tmp_path: Path, other_bank: Path) -> None:
    """Dimensions and actions of a bank only one of the two took were not measured the
    other time: one line each, not "new" or "no longer in the plan"."""
    first = assess2(tmp_path, other_bank, {**trial(MID), "other": {"q1": 5, "q2": 5}})
    second = assess2(tmp_path, other_bank, {"other": {"q1": 4}})
    result = cli2(other_bank, "compare")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[4:] == [
        "Dimension                                           then   now  change",
        "An unusually long dimension label that goes on       100    50  ↓  50 better",
        "  well past half the width (other)",
        "Another long label, for a dimension measured only    100     —  not measured now",
        "  now and then (other)",
        f"Only in #{first}: trial (2 dimensions).",
        "",
        "In short: 1 better, 1 not measured now.",
        "",
        f"No action marked done since assessment {first} (mark one with:",
        "careercoach plan --done ACTION_ID).",
        "",
        "No longer in the plan (1):",
        "  - Do the sometimes thing this month.",
    ]
    data = json.loads(cli2(other_bank, "compare", "--json").stdout)
    assert (data["banks_in_both"], data["banks_only_then"], data["banks_only_now"]) == (
        ["other"],
        ["trial"],
        [],
    )
    # named ids are compared as given, even with no bank in common
    third = assess2(tmp_path, other_bank, trial(LOW))
    named = cli2(other_bank, "compare", str(second), str(third))
    assert named.stdout.splitlines()[3:] == [
        "",
        "The two took no bank in common, so no score can be compared.",
        f"Only in #{second}: other (1 dimension).",
        f"Only in #{third}: trial (2 dimensions).",
        "",
        f"No action marked done since assessment {second} (mark one with:",
        "careercoach plan --done ACTION_ID).",
    ]


def test_compare_with_no_earlier_assessment_of_the_same_banks(
    tmp_path: Path, other_bank: Path
) -> None:
    first = assess2(tmp_path, other_bank, trial(MID))
    last = assess2(tmp_path, other_bank, {"other": {"q1": 5}})
    lines = cli2(other_bank, "compare").stdout.splitlines()
    assert lines[2:9] == [
        f"No earlier assessment took a bank of #{last} (other); compared with the one before",
        "it.",
        "A higher score is a greater need, so a falling score is better.",
        "",
        "The two took no bank in common, so no score can be compared.",
        f"Only in #{first}: trial (2 dimensions).",
        f"Only in #{last}: other (1 dimension).",
    ]


def test_history_says_why_no_trend_when_the_banks_differ(tmp_path: Path, other_bank: Path) -> None:
    for answers in (trial(MID), {"other": {"q1": 5}}, trial(LOW), {"other": {"q1": 3}}):
        assess2(tmp_path, other_bank, answers)
    lines = cli2(other_bank, "history").stdout.splitlines()
    assert lines[-2:] == ["", "No dimension was measured in three assessments yet."]


def test_history_help_reads_naturally() -> None:
    lines = cli("history", "--help").stdout.splitlines()
    assert "  -n, --limit N  Show the last N (default 10)." in lines
    assert not [line for line in lines if "int range" in line or "x>=1" in line]


def test_every_line_fits_80_columns(tmp_path: Path, other_bank: Path) -> None:
    """history, compare, event and checkin over a store of several banks with long
    labels, gaps in the trends and a dimension no longer measured."""
    seeded = [
        {**trial(HIGH), "other": {"q1": 5, "q2": 4}},
        {"other": {"q1": 4}},
        trial(MID),
        {"other": {"q1": 2, "q2": 5}},
        {**trial(LOW), "other": {"q1": 1}},
    ]
    ids = [assess2(tmp_path, other_bank, answers) for answers in seeded]
    note = "A note long enough to need wrapping, about the reorganization " * 3
    runs = [
        ["history"],
        ["history", "--all"],
        ["compare"],
        ["compare", str(ids[0]), str(ids[2])],
        ["compare", str(ids[1]), str(ids[3])],
        ["event", "add", "new_boss", "--note", note],
        ["event", "add", "cost_cutting"],
        ["event", "list"],
        ["checkin"],
        ["plan", "--done", "succession_planning_for_the_whole_team"],
        ["plan", "--done", "drive_wek"],
        ["forget", "--id", "99", "--yes"],
        ["event", "add", "new_bos"],
    ]
    for args in runs:
        result = cli2(other_bank, *args)
        assert result.exit_code in (0, 1, 2), (args, result.output)
        lines = result.stdout.splitlines() + result.stderr.splitlines()
        assert lines, args
        too_long = [line for line in lines if len(line) > 80]
        assert not too_long, (args, too_long)
    compared = cli2(other_bank, "compare").stdout
    assert "75     —  not measured now" not in compared
    assert "   100     —  not measured now" in compared  # the row that went to 84 columns
    assert "▁" in cli2(other_bank, "history").stdout  # trends with long labels


def test_built_in_banks_fit_80_columns(tmp_path: Path) -> None:
    """Long labels of the built-in banks: every line of history and compare fits."""
    from careercoach.cli import app

    answers = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "answers.yaml"
    for _ in range(3):
        assert runner.invoke(app, ["assess", "--answers", str(answers)]).exit_code == 0
    for args in (["history"], ["compare"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert len(lines) > 10
        assert max(len(line) for line in lines) <= 80, "\n".join(lines)


def test_history_all_and_n_show_trends_over_exactly_the_assessments_shown(tmp_path: Path) -> None:
    """Nine assessments: the first (drive 100) once fell out of an 8-wide window, hiding
    it; and ``-n 3`` once showed trends over 8 (issue 19, item 12)."""
    ids = [assess(tmp_path, case) for case in (HIGH, *[MID] * 7, LOW)]
    assert len(ids) == 9
    for args in (("--all",), ("-n", "9")):
        result = cli("history", *args)
        assert result.exit_code == 0, result.output
        assert "Trends over the last 9 assessments" in result.stdout
        drive = next(line for line in result.stdout.splitlines() if "Drive (trial)" in line)
        assert drive.endswith("100 →   0  ↓ 100 better")
    # -n 3 shows three assessments, and the trends cover exactly those three
    three = cli("history", "-n", "3")
    assert "Trends over the last 3 assessments" in three.stdout
    drive = next(line for line in three.stdout.splitlines() if "Drive (trial)" in line)
    assert drive.endswith(" 71 →   0  ↓  71 better")
    # the default shows the last 10, so the nine here, and the trends cover all nine
    assert "Trends over the last 9 assessments" in cli("history").stdout
