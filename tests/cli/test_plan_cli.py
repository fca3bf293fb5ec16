"""``careercoach plan`` end to end: assess from an answers file, then show and export."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from careercoach.cli import app
from careercoach.core.models import Plan
from careercoach.ui.export import default_filename
from careercoach.ui.html_export import to_html
from careercoach.ui.markdown_export import to_markdown

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "fixtures" / "plans" / "answers.yaml"
INJECTION_BANKS = ROOT / "fixtures" / "banks"
INJECTION_ANSWERS = ROOT / "fixtures" / "plans" / "injection-answers.yaml"
SGR = re.compile(r"\x1b\[([0-9;]*)m")
BOX_DRAWING = re.compile("[\u2500-\u259f]")

runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def colour_codes(text: str) -> list[str]:
    """SGR parameters that set a colour (not bold, dim, italic, reset)."""
    found = []
    for params in SGR.findall(text):
        for p in params.split(";"):
            if p and (30 <= int(p) <= 49 or 90 <= int(p) <= 107):
                found.append(p)
    return found


@pytest.fixture
def assessed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Plan:
    """One finished assessment from the fixed answers; the current folder is a temp one."""
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("assess", "--answers", str(ANSWERS))
    assert code == 0, out + err
    code, out, err = invoke("plan", "--export", "json", "--output", "-")
    assert code == 0, err
    return Plan.model_validate_json(out)


def test_no_assessment_says_how_to_start() -> None:
    code, out, err = invoke("plan")
    assert (code, out, err) == (
        1,
        "",
        "careercoach: no finished assessment yet\nStart one with: careercoach assess\n",
    )


def test_unknown_assessment() -> None:
    code, _, err = invoke("plan", "--id", "999")
    assert code == 2
    assert err == ("careercoach: no assessment 999 is stored\nStart one with: careercoach assess\n")


def test_plan_in_the_terminal(assessed: Plan) -> None:
    code, out, err = invoke("plan")
    assert code == 0, err
    assert out.startswith("╭")
    assert "Your career action plan" in out
    assert f"Assessment {assessed.assessment_id}, " in out
    assert "  Boredom" + " " * 29 + "█" * 21 + "░" * 7 + "  75  high" in out
    per_horizon = Counter(action.horizon for action in assessed.actions)
    assert per_horizon == {"week": 3, "month": 2, "quarter": 2}  # the short plan
    assert out.count("[ ] ") == 3 + 2 + 2
    assert "more (careercoach plan --all" not in out
    assert "Net present value             +134,484" in out
    assert "\x1b" not in out  # NO_COLOR (conftest) and not a terminal
    lines = out.split("\n")
    assert max(len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)
    assert invoke("plan", "--id", str(assessed.assessment_id))[1] == out


def test_all_shows_every_action(assessed: Plan) -> None:
    code, out, _ = invoke("plan", "--all")
    assert code == 0
    # the short plan, then what else applies (issue 16: shown with plan --all)
    assert len(assessed.actions) == 7
    assert out.count("[ ] ") == len(assessed.actions) + len(assessed.more_actions)
    assert "More that applies" in out
    assert "more (careercoach plan --all" not in out
    assert "more apply beyond this plan" not in out
    code, short, _ = invoke("plan")
    assert short.count("[ ] ") == 7
    assert (
        f"  {len(assessed.more_actions)} more apply beyond this plan: careercoach plan --all"
        in short
    )


def test_wider_terminal(assessed: Plan) -> None:
    """Wider than 100 columns, the plan stays 100 wide: longer lines are hard to read."""
    code, out, _ = invoke("plan", env={"COLUMNS": "120"})
    assert code == 0
    assert max(len(line) for line in out.split("\n")) == 100
    assert "  Boredom" + " " * 30 + "█" * 35 + "░" * 12 + "  75  high" in out


def test_plain_and_explain(assessed: Plan) -> None:
    code, out, _ = invoke("plan", "--plain", "--explain", "--all")
    assert code == 0
    assert not BOX_DRAWING.search(out)
    assert "  Boredom                                75  high\n" in out
    assert "How each score was made" in out
    assert "(reverse-scored)" in out
    assert out.count("[ ] ") == 7 + len(assessed.more_actions)


def test_colour_on_a_terminal_and_off_with_no_color(assessed: Plan) -> None:
    terminal = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": ""}
    code, coloured, _ = invoke("plan", env=terminal)
    assert code == 0
    assert colour_codes(coloured)
    code, flagged, _ = invoke("--no-color", "plan", env=terminal)
    assert code == 0
    assert SGR.search(flagged)  # bold is not a colour
    assert colour_codes(flagged) == []
    code, env_off, _ = invoke("plan", env={**terminal, "NO_COLOR": "1"})
    assert colour_codes(env_off) == []
    assert SGR.sub("", env_off) == SGR.sub("", coloured)


def test_export_md_to_the_default_file(assessed: Plan, tmp_path: Path) -> None:
    name = default_filename(assessed, "md")
    assert re.fullmatch(r"careercoach-plan-\d{4}-\d{2}-\d{2}\.md", name)
    code, out, err = invoke("plan", "--export", "md")
    assert code == 0, err
    target = tmp_path / name
    assert out == f"Plan written to {target}\n"
    assert target.read_text(encoding="utf-8") == to_markdown(assessed)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(
        p.name for p in tmp_path.iterdir() if p.name.startswith((".", "careercoach"))
    ) == [name]

    # a second export refuses, and the file stays as it was
    target.write_text("my notes\n", encoding="utf-8")
    code, out, err = invoke("plan", "--export", "md")
    assert code == 2
    assert out == ""
    assert err == f"careercoach: {name} already exists; use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "my notes\n"

    code, out, _ = invoke("plan", "--export", "md", "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8") == to_markdown(assessed)


def test_export_md_is_a_checklist(assessed: Plan) -> None:
    code, out, _ = invoke("plan", "--export", "md", "--output", "-")
    assert code == 0
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    tasks = [t for t in tokens if t.type == "inline" and t.content.startswith("[ ] ")]
    assert len(tasks) == len(assessed.actions)


def test_export_json_to_stdout(assessed: Plan) -> None:
    code, out, _ = invoke("plan", "--export", "json", "--output", "-")
    assert code == 0
    data = json.loads(out)
    assert list(data)[:6] == [
        "assessment_id",
        "finished_at",
        "tool_version",
        "dimensions",
        "actions",
        "roi",
    ]
    assert data["dimensions"][0] == {
        "bank": "stuck",
        "id": "bored",
        "label": "Boredom",
        "score": 75,
        "level": "high",
        "event": False,
        "topic": None,
        "evidence": True,
    }
    assert data["roi"]["payback_years"] == 8
    assert out.startswith("{\n  ")


def test_export_html_with_output_path(assessed: Plan, tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.html"
    target.parent.mkdir()
    code, out, _ = invoke("plan", "--export", "html", "-o", str(target))
    assert code == 0
    assert out == f"Plan written to {target}\n"
    assert target.read_text(encoding="utf-8") == to_html(assessed)


def test_output_extension_picks_the_format(assessed: Plan, tmp_path: Path) -> None:
    code, _, _ = invoke("plan", "--output", "mine.json")
    assert code == 0
    assert json.loads((tmp_path / "mine.json").read_text()) == assessed.model_dump(mode="json")
    code, _, err = invoke("plan", "--output", "mine.txt")
    assert code == 2
    assert err == "careercoach: --output needs --export with one of md, json, html, ics\n"


def test_unknown_format_is_bad_input(assessed: Plan, tmp_path: Path) -> None:
    code, out, err = invoke("plan", "--export", "pdf")
    assert code == 2
    assert out == ""
    assert err == "careercoach: --export: unknown format 'pdf'; use one of md, json, html, ics\n"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == []


def test_unknown_format_is_checked_before_the_plan_is_looked_up() -> None:
    code, _, err = invoke("plan", "--export", "docx")
    assert code == 2
    assert "use one of md, json, html, ics" in err


def test_missing_folder_is_bad_input(assessed: Plan, tmp_path: Path) -> None:
    code, _, err = invoke("plan", "--export", "md", "-o", str(tmp_path / "nope" / "p.md"))
    assert code == 2
    assert err == f"{tmp_path / 'nope'}: no such folder\n"


def test_a_hostile_bank_is_shown_literally(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke(
        "--bank-dir",
        str(INJECTION_BANKS),
        "assess",
        "--bank",
        "injection",
        "--answers",
        str(INJECTION_ANSWERS),
    )
    assert code == 0, out + err
    terminal = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": ""}
    for args in (["plan"], ["plan", "--plain", "--explain"]):
        code, out, _ = invoke(*args, env=terminal)
        assert code == 0
        visible = SGR.sub("", out)
        assert "\x1b" not in visible
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", visible)
        assert "# Hostile | cell [bold red]x[/] [/] ]0;title" in visible
        assert "[ ] - [ ] fake task [bold red]x[/] [/] ]0;title [2J" in visible

    code, md, _ = invoke("plan", "--export", "md", "-o", "-")
    assert code == 0
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Your career action plan",
        "Focus first",
        "Actions",
        "This week",
        "This month",
        "This quarter",
        "Strengths to build on",
        "Where you stand",
        "Next check-in",
    ]
    kinds = {c.type for t in tokens for c in (t.children or [])} | {t.type for t in tokens}
    assert not kinds & {"link_open", "image", "html_inline", "html_block", "code_inline"}
    tasks = [t for t in tokens if t.type == "inline" and t.content.startswith("[ ] ")]
    assert len(tasks) == 3


def test_plan_help_loads_no_rich() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "careercoach", "plan", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "80"},
    )
    modules = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "careercoach.cli.plan" in modules
    loaded = {
        "rich.console",
        "careercoach.ui.render",
        "careercoach.ui.console",
        "careercoach.ui.export",
    }
    assert modules & loaded == set()


# -- numbers, commitments and the calendar ---------------------------------------------


def test_done_takes_the_number_the_plan_shows(assessed: Plan) -> None:
    code, out, err = invoke("plan", "--done", "2")
    assert code == 0, err
    assert out.startswith(f"Done: {assessed.actions[1].text[:40]}")
    code, out, _ = invoke("plan", "--export", "json", "--output", "-")
    assert [a["done"] for a in json.loads(out)["actions"][:3]] == [False, True, False]


@pytest.mark.parametrize("ref", ["0", "99", "1000000"])
def test_done_with_a_number_not_in_the_plan(assessed: Plan, ref: str) -> None:
    code, out, err = invoke("plan", "--done", ref)
    assert code == 2
    assert out == ""
    last = len(assessed.actions)
    assert err.splitlines() == [
        f"careercoach: no action {ref} in plan 1: its actions are numbered 1 to {last}",
        "See them: careercoach plan",
    ]


def test_commit_then_export_ics_has_the_checkin_and_the_todo(assessed: Plan) -> None:
    from datetime import date, timedelta

    import icalendar

    code, out, err = invoke(
        "plan", "--commit", "1", "--by", "2031-01-10", "--if-then", "If busy,\x1b[2J then Friday."
    )
    assert code == 0, err
    *said, when = out.splitlines()
    assert " ".join(line.strip() for line in said) == f"Committed to 1: {assessed.actions[0].text}"
    assert when == "  By Friday 10 January 2031. If busy,[2J then Friday."
    code, out, err = invoke("plan", "--export", "ics")
    assert code == 0, err
    name = f"careercoach-plan-{datetime_day(assessed)}.ics"
    assert out == f"Plan written to {Path(name).absolute()}\n"
    calendar = icalendar.Calendar.from_ical(Path(name).read_bytes())
    [event] = calendar.walk("VEVENT")
    assert assessed.next_checkin is not None
    assert event.decoded("dtstart") == date.fromisoformat(assessed.next_checkin)
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(hours=15)
    [todo] = calendar.walk("VTODO")
    assert todo.decoded("due") == date(2031, 1, 10)
    assert str(todo["summary"]) == f"1. {assessed.actions[0].text}"
    assert str(todo["description"]) == "If busy,[2J then Friday."


def datetime_day(plan: Plan) -> str:
    from careercoach.core.dates import local_time

    return local_time(plan.finished_at).date().isoformat()


def test_commitments_come_first_in_the_plan_and_its_json(assessed: Plan) -> None:
    from datetime import date, timedelta

    assert invoke("plan", "--commit", "3")[0] == 0  # the end of its horizon
    assert invoke("plan", "--commit", "1", "--by", "2031-01-10")[0] == 0
    assert invoke("plan", "--done", "1")[0] == 0
    _, out, _ = invoke("plan", "--export", "json", "--output", "-")
    first, third = assessed.actions[0], assessed.actions[2]
    days = {"week": 7, "month": 30, "quarter": 91}[third.horizon]
    assert json.loads(out)["commitments"] == [
        {
            "number": 1,
            "action_id": f"{first.bank}.{first.id}",
            "text": first.text,
            "by": "2031-01-10",
            "if_then": None,
            "done": True,
        },
        {
            "number": 3,
            "action_id": f"{third.bank}.{third.id}",
            "text": third.text,
            "by": (date.today() + timedelta(days=days)).isoformat(),
            "if_then": None,
            "done": False,
        },
    ]
    _, out, _ = invoke("plan", "--plain")
    lines = out.splitlines()
    assert lines[lines.index("") + 1] == "Your commitments"  # first after the header
    assert lines[lines.index("Your commitments") + 1].startswith(f"  1. {first.text[:40]}")
    assert lines.index("Your commitments") < lines.index("Focus first")
    assert "     By Friday 10 January 2031. Done." in lines


def test_a_fourth_commitment_is_refused_and_uncommit_frees_a_place(assessed: Plan) -> None:
    for n in ("1", "2", "3"):
        assert invoke("plan", "--commit", n)[0] == 0
    code, out, err = invoke("plan", "--commit", "4")
    assert (code, out) == (2, "")
    assert err == (
        "careercoach: you have committed to 3 actions already (1, 2, 3); "
        "drop one first with --uncommit N\n"
    )
    assert invoke("plan", "--commit", "2", "--by", "2031-02-01")[0] == 0  # a change: fine
    assert invoke("plan", "--uncommit", "2") == (0, "Dropped the commitment to 2.\n", "")
    assert invoke("plan", "--uncommit", "2") == (0, "2 had no commitment.\n", "")
    assert invoke("plan", "--commit", "4")[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--commit", "1", "--by", "2020-01-01"], "--by: 2020-01-01 is in the past; pick today ("),
        (
            ["--commit", "1", "--by", "10/01/2031"],
            "--by: '10/01/2031' is not a date (use YYYY-MM-DD",
        ),
        (
            ["--commit", "1", "--by", "2031-02-30"],
            "--by: '2031-02-30' is not a date (use YYYY-MM-DD",
        ),
        (["--commit", "99"], "no action 99 in plan 1: its actions are numbered 1 to "),
        (["--commit", "x.nope"], "no action 'x.nope' in plan 1"),
        (["--by", "2031-01-10"], "--by and --if-then go with --commit N"),
        (["--if-then", "x"], "--by and --if-then go with --commit N"),
        (["--uncommit", "1", "--by", "2031-01-10"], "--by and --if-then go with --commit N, not"),
        (["--commit", "1", "--uncommit", "2"], "--commit and --uncommit cannot be combined"),
        (["--commit", "1", "--done", "2"], "--commit cannot be combined with --done"),
        (["--commit", "1", "--export", "md"], "--commit cannot be combined with --export"),
        (["--commit", "1", "--if-then", "x" * 301], "--if-then: at most 300 characters in the"),
    ],
)
def test_bad_commitments_are_one_line_and_exit_2(
    assessed: Plan, args: list[str], message: str
) -> None:
    code, out, err = invoke("plan", *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"careercoach: {message}")
    assert "Traceback" not in err
    code, out, _ = invoke("plan", "--export", "json", "--output", "-")
    assert json.loads(out)["commitments"] == []


def test_checkin_shows_the_commitments_first(assessed: Plan) -> None:
    assert (
        invoke("plan", "--commit", "2", "--by", "2031-01-10", "--if-then", "If x, then y.")[0] == 0
    )
    assert invoke("plan", "--commit", "1", "--by", "2031-02-01")[0] == 0
    assert invoke("plan", "--done", "1")[0] == 0
    code, out, err = invoke("checkin")
    assert code == 0, err
    lines = out.splitlines()
    first, second = assessed.actions[0].text, assessed.actions[1].text
    assert lines[0] == "Your commitments:"
    assert lines[1].startswith(f"  [x] 1. {first[:30]}")
    assert "         By Saturday 1 February 2031. Done." in lines
    at = next(i for i, line in enumerate(lines) if line.startswith("  [ ] 2. "))
    assert lines[at].startswith(f"  [ ] 2. {second[:30]}")
    assert "         By Friday 10 January 2031. If x, then y." in lines
    assert lines.index("         By Saturday 1 February 2031. Done.") < at
    assert any(line.startswith("Next check-in: ") for line in lines[at:])


def test_a_commitment_past_its_day_and_not_done_says_overdue() -> None:
    from datetime import date

    from careercoach.core.models import Commitment
    from careercoach.ui.history_render import commitment_lines

    late = Commitment(number=2, action_id="a.b", text="Call Sam.", by="2026-12-01")
    done = late.model_copy(update={"done": True})
    assert commitment_lines([late, done], date(2026, 12, 5), 80) == [
        "Your commitments:",
        "  [ ] 2. Call Sam.",
        "         By Tuesday 1 December 2026. Overdue.",
        "  [x] 2. Call Sam.",
        "         By Tuesday 1 December 2026. Done.",
        "",
    ]


def test_the_next_plan_numbers_its_actions_without_gaps(assessed: Plan) -> None:
    """An action done before is left out of the next plan: the others are 1, 2, 3...,
    not 1, 3, 4 (plan --done 2 would have named nothing)."""
    assert invoke("plan", "--done", "2")[0] == 0
    assert invoke("assess", "--answers", str(ANSWERS))[0] == 0
    _, out, _ = invoke("plan", "--export", "json", "--output", "-")
    actions = json.loads(out)["actions"]
    assert len(actions) == len(assessed.actions) - 1
    assert [a["number"] for a in actions] == list(range(1, len(actions) + 1))


def test_ticking_more_than_three_asks_again(
    assessed: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercoach.flows.assessment import load_plan
    from careercoach.flows.commitments import ask_commitments
    from careercoach.ui import prompts

    asked: list[list[str]] = []
    replies = iter([["0", "1", "2", "3"], ["1", "3"]])

    def checklist(message: str, choices: Any, checked: Any, **_: Any) -> list[str]:
        asked.append(list(checked))
        assert message == "Pick up to three actions to commit to (none is fine)"
        assert choices[1] == ("1", f"2. {assessed.actions[1].text}")
        return next(replies)

    monkeypatch.setattr(prompts, "ask_checklist", checklist)
    monkeypatch.setattr(prompts, "ask_text", lambda *args, **kwargs: None)  # Enter: defaults
    said: list[str] = []
    ask_commitments(load_plan(), write=said.append)
    assert asked == [[], ["0", "1", "2", "3"]]  # asked again with the four still ticked
    assert "Pick at most 3 (4 are ticked)." in said
    assert [(c.number, c.if_then) for c in load_plan().commitments] == [(2, None), (4, None)]


def test_output_ending_in_ics_writes_a_calendar(assessed: Plan) -> None:
    import icalendar

    code, out, err = invoke("plan", "--output", "mine.ics")
    assert (code, err) == (0, "")
    assert out == f"Plan written to {Path('mine.ics').absolute()}\n"
    calendar = icalendar.Calendar.from_ical(Path("mine.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == 1


@pytest.mark.parametrize("columns", [50, 60, 80, 120])
def test_a_commitment_is_said_wrapped_between_words(assessed: Plan, columns: int) -> None:
    by = ("--by", "2031-01-10", "--if-then", "If Monday fills up, then Tuesday at nine.")
    code, out, err = invoke("plan", "--commit", "1", *by, env={"COLUMNS": str(columns)})
    assert code == 0, err
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= min(columns, 100)
    assert lines[0].startswith("Committed to 1: ")
    assert all(line.startswith("  ") for line in lines[1:])  # under the first
    words = " ".join(line.strip() for line in lines)
    assert words == (
        f"Committed to 1: {assessed.actions[0].text} By Friday 10 January 2031. If Monday "
        "fills up, then Tuesday at nine."
    )


def calendar_entries(*args: str) -> tuple[Any, Any, str]:
    """The check-in event and the one to-do of ``plan --export ics``, and the file."""
    import icalendar

    code, out, err = invoke("plan", "--export", "ics", "--output", "-", *args)
    assert code == 0, err
    calendar = icalendar.Calendar.from_ical(out)
    [event] = calendar.walk("VEVENT")
    [todo] = calendar.walk("VTODO")
    return event, todo, out


def stored_times() -> dict[str, Any]:
    code, out, err = invoke("export-data", "--output", "-")
    assert code == 0, err
    return dict(json.loads(out))


def test_an_updated_calendar_has_a_higher_sequence_and_the_time_of_the_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It kept SEQUENCE 0 and the assessment's time as DTSTAMP while the check-in moved and
    the to-do was completed, so a calendar that had the first file kept it."""
    from datetime import date, datetime

    monkeypatch.chdir(tmp_path)
    code, out, err = invoke("assess", "--answers", str(ANSWERS), "--bank", "stuck")
    assert code == 0, out + err
    assessed = Plan.model_validate_json(invoke("plan", "--export", "json", "-o", "-")[1])
    assert invoke("plan", "--commit", "1", "--by", "2031-01-10")[0] == 0
    event, todo, first = calendar_entries()
    data = stored_times()
    [commitment] = data["commitments"]
    uid, todo_uid = str(event["uid"]), str(todo["uid"])
    assert (uid, todo_uid) == (
        "assessment-1-checkin@careercoach.invalid",
        f"assessment-1-{commitment['action']}@careercoach.invalid",
    )
    assert (event["sequence"], todo["sequence"]) == (0, 0)
    assert event.decoded("dtstamp") == datetime.fromisoformat(commitment["committed_at"])
    assert calendar_entries()[2] == first  # the same data, the same file
    planned = event.decoded("dtstart")
    assert planned == date.fromisoformat(assessed.next_checkin or "")

    today = date.today().isoformat()
    code, _, err = invoke("event", "add", "new_boss", "--date", today)
    assert code == 0, err
    event, todo, _ = calendar_entries()
    [recorded] = stored_times()["events"]
    assert (str(event["uid"]), event["sequence"], todo["sequence"]) == (uid, 1, 0)
    assert event.decoded("dtstart") < planned
    assert event.decoded("dtstamp") == datetime.fromisoformat(recorded["recorded_at"])

    assert invoke("plan", "--done", "1")[0] == 0
    event, todo, _ = calendar_entries()
    [done] = stored_times()["done_actions"]
    assert (str(todo["uid"]), todo["sequence"], str(todo["status"])) == (todo_uid, 1, "COMPLETED")
    assert event["sequence"] == 1
    assert event.decoded("dtstamp") == datetime.fromisoformat(done["done_at"])

    assert invoke("plan", "--commit", "1", "--by", "2031-02-10")[0] == 0
    assert invoke("plan", "--commit", "1", "--by", "2031-02-10")[0] == 0  # no change
    _, todo, _ = calendar_entries()
    assert (todo["sequence"], todo.decoded("due")) == (2, date(2031, 2, 10))


def test_the_commitment_said_ends_its_if_then_as_the_plan_does(assessed: Plan) -> None:
    """``plan --commit`` said "... Tuesday morning" where ``plan`` says "... morning."."""
    by = ("--by", "2031-01-10", "--if-then", "If Monday fills up, then Tuesday morning")
    code, out, err = invoke("plan", "--commit", "1", *by, env={"COLUMNS": "120"})
    assert code == 0, err
    said = "By Friday 10 January 2031. If Monday fills up, then Tuesday morning."
    assert out.splitlines()[-1] == f"  {said}"
    shown = invoke("plan", env={"COLUMNS": "120"})[1]
    assert said in " ".join(shown.split())
