"""``event add`` / ``event list``, ``checkin`` and ``export-data``."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careercoach.core.dates import human_date, human_time
from careercoach.paths import db_path
from careercoach.storage.store import Store

BANKS = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "banks"
runner = CliRunner()
MID = {
    "coasting": 4,
    "pushing": 2,
    "role": "lead",
    "team_size": 5,
    "signs": ["stalled", "passed"],
    "years": 6,
}
BOSS_WEEK = [
    "  [ ] Ask your new boss for half an hour on what they most want to accomplish",
    "      this year, and how they like to work with the people who report to them.",
    "  [ ] Hand your new boss a one-page summary of your area: what is going well,",
    "      what is not, and what you are doing about each.",
]


def cli(*args: str, **kwargs: Any) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args], **kwargs)


def assess(tmp_path: Path, answers: dict[str, Any] = MID) -> int:
    path = tmp_path / f"answers-{len(list(tmp_path.glob('answers-*')))}.json"
    path.write_text(json.dumps({"trial": answers}))
    result = cli("assess", "--answers", str(path))
    assert result.exit_code == 0, result.output
    return int(result.output.split("Saved as assessment ")[1].split(".")[0])


def plan_json() -> dict[str, Any]:
    result = cli("plan", "--export", "json", "--output", "-")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# -- event add ------------------------------------------------------------------------


def test_event_add_prints_this_weeks_actions_and_the_recheck() -> None:
    result = cli("event", "add", "new_boss", "--date", "2026-11-20", "--note", "Ana")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Recorded event 1: A new boss, 2026-11-20.",
        "",
        "This week:",
        *BOSS_WEEK,
        "",
        "This can change what you found.",
        "Worth taking: promotion, connections.",
        "Take a short re-check:",
        "  careercoach assess --bank promotion --bank connections",
    ]
    with Store() as store:
        (event,) = store.events()
    assert (event.trigger, event.label, event.happened_on, event.note) == (
        "new_boss",
        "A new boss",
        date(2026, 11, 20),
        "Ana",
    )
    assert (event.checkin_days, event.recheck) == (30, ("promotion", "connections"))


def test_event_add_at_50_columns_wraps_between_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 50 columns the actions came out 77 characters wide (the terminal broke "what t" /
    "hey"); the re-check command is split only before an option, with a continuation."""
    monkeypatch.setenv("COLUMNS", "50")
    result = cli("event", "add", "new_boss", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Recorded event 1: A new boss, 2026-11-20.",
        "",
        "This week:",
        "  [ ] Ask your new boss for half an hour on what",
        "      they most want to accomplish this year, and",
        "      how they like to work with the people who",
        "      report to them.",
        "  [ ] Hand your new boss a one-page summary of",
        "      your area: what is going well, what is not,",
        "      and what you are doing about each.",
        "",
        "This can change what you found.",
        "Worth taking: promotion, connections.",
        "Take a short re-check:",
        "  careercoach assess --bank promotion \\",
        "      --bank connections",
    ]


def test_event_list_and_checkin_at_50_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    assert cli("event", "list").stdout.splitlines() == [
        "No event recorded yet.",
        "Record one with: careercoach event add TRIGGER",
        "(e.g. new_boss)",
    ]
    assess(tmp_path)
    note = "Ana, who came over from the payments team in the spring"
    assert cli("event", "add", "new_boss", "--note", note).exit_code == 0
    today = date.today().isoformat()
    listed = cli("event", "list").stdout.splitlines()
    assert listed == [
        "Events, newest first (1):",
        f"  {today}  A new boss: Ana, who came over from",
        "              the payments team in the spring",
    ]
    checkin = cli("checkin").stdout.splitlines()
    assert [line for line in checkin if len(line) > 50] == []
    assert "Start the check-in with: careercoach checkin --run" in checkin


def test_event_add_moves_the_checkin_sooner(tmp_path: Path) -> None:
    assess(tmp_path)
    planned = plan_json()["next_checkin"]
    today = date.today()
    assert planned == (today + timedelta(days=90)).isoformat()
    result = cli("event", "add", "cost_cutting")
    assert result.exit_code == 0
    moved = today + timedelta(days=30)
    assert f"Your next check-in moves to {human_date(moved)} (in 4 weeks)." in (
        result.stdout.splitlines()
    )
    plan = plan_json()
    assert plan["next_checkin"] == moved.isoformat()
    assert plan["checkin_reason"] == (
        f"Sooner than planned, because of: Cost cutting ({today.isoformat()})."
    )
    assert plan["recheck_banks"] == ["stuck", "promotion"]


def as_if_finished(days_ago: int, checkin_in: int) -> None:
    """Make the stored assessment one finished ``days_ago``, its check-in ``checkin_in``
    days from today."""
    finished = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat(timespec="seconds")
    checkin_day = (date.today() + timedelta(days=checkin_in)).isoformat()
    with sqlite3.connect(db_path()) as conn:
        conn.execute("UPDATE assessments SET finished_at = ?", (finished,))
        conn.execute(
            "UPDATE plans SET plan = json_set(plan, '$.finished_at', ?, '$.next_checkin', ?)",
            (finished, checkin_day),
        )
    conn.close()


def test_an_event_recorded_later_than_it_happened_counts_from_the_day_recorded(
    tmp_path: Path,
) -> None:
    """An event after the assessment, recorded weeks later, moves the check-in to the day
    it was recorded, not to a day already past: an event from long ago made the check-in
    "overdue by 6 years and 10 months"."""
    assess(tmp_path)
    as_if_finished(days_ago=100, checkin_in=30)
    today = date.today()
    happened = today - timedelta(days=50)  # after the assessment; new_boss: 30 days
    added = cli("event", "add", "new_boss", "--date", happened.isoformat())
    assert added.exit_code == 0
    assert f"Your next check-in moves to {human_date(today)} (due today)." in (
        added.stdout.splitlines()
    )
    result = cli("checkin")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        f"Next check-in: {human_date(today)}, due today.",
        f"Sooner than planned, because of: A new boss ({happened.isoformat()}).",
    ]
    assert plan_json()["next_checkin"] == today.isoformat()


def test_an_event_dated_before_the_last_assessment_moves_nothing(tmp_path: Path) -> None:
    """Issue 19, item 10: ``event add someone_fired --date`` two months back, after an
    assessment of today, made the check-in "due today" and was listed as "since your last
    assessment"; that assessment was answered after it happened."""
    assess(tmp_path)
    planned = plan_json()["next_checkin"]
    checkin_before = cli("checkin").stdout
    two_months_back = (date.today() - timedelta(days=61)).isoformat()
    added = cli("event", "add", "someone_fired", "--date", two_months_back)
    assert added.exit_code == 0, added.output
    # it said "This week: ..." and "Take again: stuck." as if the check-in were due
    first, blank, *said = added.stdout.splitlines()
    assert (first, blank) == (f"Recorded event 1: Someone was fired, {two_months_back}.", "")
    finished = human_time(plan_json()["finished_at"])
    assert " ".join(said) == (
        f"It happened before your last assessment ({finished}), whose answers already "
        "reflect it, so it does not change the plan: your next check-in stays "
        f"{human_date(date.fromisoformat(planned))} (in 3 months). It is kept in your "
        "history (careercoach event list)."
    )
    assert plan_json()["next_checkin"] == planned
    checkin_after = cli("checkin")
    assert checkin_after.exit_code == 0
    assert checkin_after.stdout == checkin_before
    assert "  No event recorded." in checkin_after.stdout.splitlines()
    assert "due today" not in checkin_after.stdout


@pytest.mark.parametrize("recorded_before", [60, 0])
def test_the_finish_screen_and_plan_give_the_same_checkin(
    recorded_before: int, tmp_path: Path
) -> None:
    """Issue 19, item 10: after ``event add new_boss``, the next assessment's finish screen
    said the check-in was in 3 months and ``plan`` a second later said 4 weeks. An event
    recorded before the assessment finished, on its day, is one it knew of (3 months);
    in the same second, it counts as after (4 weeks): either way both say the same."""
    assert cli("event", "add", "new_boss").exit_code == 0
    recorded = datetime.now(UTC) - timedelta(seconds=recorded_before)
    with sqlite3.connect(db_path()) as conn:
        conn.execute("UPDATE events SET recorded_at = ?", (recorded.isoformat("T", "seconds"),))
    conn.close()
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"trial": MID}))
    finished = cli("assess", "--answers", str(path))
    assert finished.exit_code == 0, finished.output
    planned = date.fromisoformat(plan_json()["next_checkin"])
    plan = cli("plan").stdout
    if recorded_before:
        assert planned == date.today() + timedelta(days=90)
        line = f"{human_date(planned)} (3 months after this assessment)."
        assert line in finished.stdout
        assert line in plan
        assert cli("checkin").stdout.splitlines()[0] == (
            f"Next check-in: {human_date(planned)}, in 3 months."
        )
    line = f"{human_date(planned)} ("
    assert line in finished.stdout
    assert line in plan


def test_an_event_in_the_future_is_refused() -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    result = cli("event", "add", "new_boss", "--date", tomorrow)
    assert result.exit_code == 2
    assert result.stderr == (
        f"careercoach: --date: {tomorrow} is in the future; record an event once it has "
        "happened (today is the default)\n"
    )
    assert not db_path().exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["bogus"],
            "careercoach: unknown trigger 'bogus' (triggers: new_executive, market_shift, "
            "project_change, cost_cutting, stretch_growth, new_boss, new_coworkers, "
            "someone_fired)",
        ),
        (
            ["new_boss", "--date", "2026-13-01"],
            "careercoach: --date: '2026-13-01' is not a date (use YYYY-MM-DD, e.g. 2026-11-20)",
        ),
        (
            ["new_boss", "--date", "yesterday"],
            "careercoach: --date: 'yesterday' is not a date (use YYYY-MM-DD, e.g. 2026-11-20)",
        ),
        (
            ["new_boss", "--note", "x" * 1001],
            "careercoach: --note: at most 1000 characters (this one has 1001)",
        ),
    ],
)
def test_event_add_bad_input(args: list[str], message: str) -> None:
    result = cli("event", "add", *args)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert not db_path().exists()


def test_event_add_a_near_miss_says_which_trigger() -> None:
    result = cli("event", "add", "new_bos")
    assert result.exit_code == 2
    assert result.stderr == "careercoach: unknown trigger 'new_bos'; did you mean 'new_boss'?\n"
    assert not db_path().exists()


PLAN_ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "answers.yaml"


def test_recheck_banks_taken_last_time_or_not() -> None:
    """The last assessment took stuck, education and new_eyes: stuck is taken "again",
    promotion and connections were never taken."""
    assert cli("assess", "--answers", str(PLAN_ANSWERS)).exit_code == 0
    as_if_finished(days_ago=1, checkin_in=90)
    added = cli("event", "add", "cost_cutting")  # today: sooner than the plan's date
    assert added.exit_code == 0, added.output
    assert added.stdout.splitlines()[-5:] == [
        "This can change what you found.",
        "Take again: stuck.",
        "Worth taking: promotion.",
        "Take a short re-check:",
        "  careercoach assess --bank stuck --bank promotion",
    ]
    lines = cli("checkin").stdout.splitlines()
    assert lines[-3:] == [
        "Take again: stuck.",
        "Worth taking: promotion, connections.",
        "Start the check-in with: careercoach checkin --run",
    ]


def test_the_plan_and_checkin_say_the_reason_and_the_span_alike() -> None:
    """The plan: "(4 weeks after this assessment)" and a noun phrase for what changed
    (the trigger's label, "A new boss", not the answer "I got a new boss"); checkin: "in
    4 weeks"."""
    assert cli("assess", "--answers", str(PLAN_ANSWERS)).exit_code == 0
    plan = plan_json()
    assert plan["checkin_reason"] == (
        "Sooner than the usual 3 months, since something changed at work: a new boss."
    )
    text = cli("plan", "--plain").stdout
    due = date.fromisoformat(plan["next_checkin"])
    assert f"  {human_date(due)} (4 weeks after this assessment)." in text.splitlines()
    assert cli("checkin").stdout.splitlines()[0] == (
        f"Next check-in: {human_date(due)}, in 4 weeks."
    )


def test_event_note_is_shown_literally() -> None:
    note = "[bold]Ana[/] \x1b]0;owned\x07 \u202eevil"
    assert (
        cli("event", "add", "someone_fired", "--date", "2026-11-01", "--note", note).exit_code == 0
    )
    result = cli("event", "list")
    assert result.stdout.splitlines() == [
        "Events, newest first (1):",
        "  2026-11-01  Someone was fired: [bold]Ana[/] ]0;owned evil",
    ]


# -- event list -----------------------------------------------------------------------


def test_event_list_empty() -> None:
    result = cli("event", "list")
    assert result.stdout == (
        "No event recorded yet.\nRecord one with: careercoach event add TRIGGER (e.g. new_boss)\n"
    )
    assert cli("event", "list", "--json").stdout == "[]\n"
    assert not db_path().exists()


def test_event_list_newest_first() -> None:
    for trigger, day in (("new_boss", "2026-10-01"), ("market_shift", "2026-11-05")):
        assert cli("event", "add", trigger, "--date", day).exit_code == 0
    assert cli("event", "list").stdout.splitlines() == [
        "Events, newest first (2):",
        "  2026-11-05  A change in the market",
        "  2026-10-01  A new boss",
    ]
    data = json.loads(cli("event", "list", "--json").stdout)
    assert [(e["id"], e["trigger"], e["date"], e["note"]) for e in data] == [
        (2, "market_shift", "2026-11-05", None),
        (1, "new_boss", "2026-10-01", None),
    ]
    assert data[0]["recheck"] == ["stuck", "education"]


# -- checkin --------------------------------------------------------------------------


def test_checkin_without_an_assessment() -> None:
    result = cli("checkin")  # as `plan` says it: there is no check-in to tell of
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        "careercoach: no finished assessment yet\nStart one with: careercoach assess\n",
    )


def test_checkin_says_what_changed(tmp_path: Path) -> None:
    assess(tmp_path)
    today = date.today()
    assert cli("plan", "--done", "drive_week").exit_code == 0
    assert cli("event", "add", "new_boss", "--note", "Ana").exit_code == 0
    result = cli("checkin")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"Next check-in: {human_date(today + timedelta(days=30))}, in 4 weeks.",
        f"Sooner than planned, because of: A new boss ({today.isoformat()}).",
        "",
        f"Since your last assessment ({human_date(today)}, today):",
        "  Events (1):",
        f"    {today.isoformat()}  A new boss: Ana",
        "  Actions done (1):",
        "    [x] Write down one goal for the year.",
        "",
        "Worth taking: promotion, connections.",
        "Start the check-in with: careercoach checkin --run",
    ]


def test_checkin_with_nothing_new(tmp_path: Path) -> None:
    assess(tmp_path)
    today = date.today()
    assert cli("checkin").stdout.splitlines() == [
        f"Next check-in: {human_date(today + timedelta(days=90))}, in 3 months.",
        "",
        f"Since your last assessment ({human_date(today)}, today):",
        "  No event recorded.",
        "  No action marked done.",
        "",
        "Start the check-in with: careercoach checkin --run",
    ]


def test_checkin_run_needs_a_terminal(tmp_path: Path) -> None:
    assess(tmp_path)
    result = cli("checkin", "--run")
    assert result.exit_code == 2
    assert result.stderr.startswith("careercoach: ")
    assert "stdin is not one" in result.stderr


# -- export-data ----------------------------------------------------------------------


def test_export_data_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = assess(tmp_path)
    assess(tmp_path, {**MID, "note": "A [b]note[/b] ünïcode"})
    assert cli("plan", "--id", str(first), "--done", "drive_week").exit_code == 0
    assert cli("event", "add", "new_boss", "--date", "2026-11-01", "--note", "Ana").exit_code == 0
    result = cli("export-data", "--output", "-")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    with Store() as store:
        assert store.export_data() == (document, [])
        assert document["assessments"][1]["answers"] == store.answers(first + 1)
    assert [a["id"] for a in document["assessments"]] == [first, first + 1]
    assert document["assessments"][1]["answers"]["trial"]["note"] == "A [b]note[/b] ünïcode"
    assert document["assessments"][0]["plan"]["assessment_id"] == first
    assert [(d["assessment_id"], d["action"]) for d in document["done_actions"]] == [
        (first, "drive_week")
    ]
    assert [(e["trigger"], e["date"], e["note"]) for e in document["events"]] == [
        ("new_boss", "2026-11-01", "Ana")
    ]
    assert cli("export-data", "--output", "-").stdout == result.stdout  # the same document

    monkeypatch.chdir(tmp_path)
    written = cli("export-data")
    name = f"careercoach-data-{date.today().isoformat()}.json"
    assert written.exit_code == 0
    assert written.stdout == f"Data written to {tmp_path / name}\n"
    assert (tmp_path / name).read_text() == result.stdout
    assert ((tmp_path / name).stat().st_mode & 0o777) == 0o600


def test_export_data_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("keep me")
    result = cli("export-data", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"careercoach: {target} already exists; use --force to overwrite it\n"
    assert target.read_text() == "keep me"
    forced = cli("export-data", "--output", str(target), "--force")
    assert forced.exit_code == 0
    assert json.loads(target.read_text())["assessments"] == []


@pytest.mark.parametrize(
    "command", [["event"], ["event", "add"], ["event", "list"], ["checkin"], ["export-data"]]
)
def test_help_has_examples(command: list[str]) -> None:
    result = cli(*command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "careercoach " + " ".join(command) in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_the_help_lists_every_builtin_trigger_in_order() -> None:
    """The list in ``event add --help`` is written by hand (help must not load the banks):
    it must name the built-in triggers, all of them, in the bank's order."""
    from careercoach.core.checkin import find_triggers
    from careercoach.flows.assessment import load_banks

    help_text = " ".join(cli("event", "add", "--help").stdout.split())
    listed = help_text.split("Triggers: ", 1)[1].split(".", 1)[0].split(", ")
    assert listed == list(find_triggers(load_banks()))


def test_reported_good_news_is_named_in_the_checkin_reason(tmp_path: Path) -> None:
    """A plan listed "growth or stretch" under "Reported at work" and left it out of the
    check-in's reason without a word."""
    answers = tmp_path / "new_eyes.yaml"
    answers.write_text(
        "new_eyes:\n"
        "  recent_triggers: [new_boss, stretch_growth]\n"
        + "".join(
            f"  {q}: {v}\n"
            for q, v in {
                "grow_no_openings_seen": 4,
                "grow_not_first_thought": 4,
                "boss_goals_unknown": 4,
                "boss_sees_problem": 4,
                "sv_notice_less": 2,
                "sv_who_rising": 2,
                "sv_hear_late": 2,
                "sv_recent_surprise": 2,
            }.items()
        ),
        encoding="utf-8",
    )
    assert cli("assess", "--answers", str(answers)).exit_code == 0
    assert plan_json()["checkin_reason"] == (
        "Sooner than the usual 3 months, since something changed at work: a new boss. "
        "Growth or stretch is good news, which does not bring it forward."
    )
    reported = [d["label"] for d in plan_json()["dimensions"] if d["event"] and d["score"]]
    assert reported == ["A new boss", "Growth or stretch"]
