"""Every command that shows text from data, over the injection bank (and a person's
hostile note, answers and flag values): no escape sequence, C1 control or bidi override
from the data reaches the output, on stdout or stderr.

The test terminal has no colour (NO_COLOR, TERM=dumb), so Rich itself writes no escape
sequence here: any ESC in the output came from the data. safe_text's own properties
(arbitrary text, Rich never raising) are tested in tests/unit/test_safe_text.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BANKS = FIXTURES / "banks"
INJECTION = BANKS / "injection.yaml"
ANSWERS = FIXTURES / "plans" / "injection-answers.yaml"
HOSTILE = "boss \x1b]0;title\x07 \x1b[2J \x9b31m \u202eevil\u202c \u2066iso\u2069 [bold]x[/] [/]"
# What must never come out: C0 controls but tab and line feed, DEL, C1 controls, bidi
# embeddings, overrides and isolates.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

runner = CliRunner()


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    """Two finished assessments of the injection bank, the second with a hostile written
    answer; one action done, one commitment with a hostile if-then line, one event with a
    hostile note."""
    assert cli("assess", "--answers", str(ANSWERS)).exit_code == 0
    written = tmp_path / "written.json"
    answers = {
        "injection": {"hostile_q": 5, "harmless_q": 4, "harmless_q2": 5, "hostile_note": HOSTILE}
    }
    written.write_text(json.dumps(answers), encoding="utf-8")
    assert cli("assess", "--answers", str(written)).exit_code == 0
    assert cli("plan", "--done", "act_week").exit_code == 0
    assert cli("plan", "--commit", "2", "--if-then", HOSTILE).exit_code == 0
    assert cli("event", "add", "new_boss", "--note", HOSTILE).exit_code == 0
    return tmp_path


def harmless(result: Any) -> None:
    for name, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        found = FORBIDDEN.findall(text)
        assert found == [], (name, found, text)
    assert "Traceback" not in result.output


SHOWN = {
    "banks list": ["banks", "list"],
    "banks show": ["banks", "show", "injection"],
    "banks show --json": ["banks", "show", "injection", "--json"],
    "banks validate": ["banks", "validate", str(INJECTION)],
    "assess --answers": ["assess", "--answers", str(ANSWERS)],
    "plan": ["plan"],
    "plan --plain": ["plan", "--plain"],
    "plan --explain": ["plan", "--explain"],
    "plan --export md": ["plan", "--export", "md", "--output", "-"],
    "plan --export html": ["plan", "--export", "html", "--output", "-"],
    "plan --export json": ["plan", "--export", "json", "--output", "-"],
    "plan --export ics": ["plan", "--export", "ics", "--output", "-"],
    "plan --done": ["plan", "--done", "act_month"],
    "plan --commit": ["plan", "--commit", "3", "--if-then", HOSTILE],
    "history": ["history"],
    "history --json": ["history", "--json"],
    "compare": ["compare"],
    "compare --json": ["compare", "--json"],
    "event list": ["event", "list"],
    "event list --json": ["event", "list", "--json"],
    "checkin": ["checkin"],
    "export-data": ["export-data", "--output", "-"],
}


@pytest.mark.parametrize("args", list(SHOWN.values()), ids=list(SHOWN))
def test_output_carries_no_control_from_data(stored: Path, args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code == 0, result.output
    harmless(result)


def test_the_data_is_there_literally(stored: Path) -> None:
    """Shown, not dropped: the markup and the text around the escapes are in the output."""
    result = cli("plan", "--plain")
    assert "# Hostile | cell [bold red]x[/] [/] ]0;title" in result.stdout
    assert "]0;title" in cli("banks", "show", "injection").stdout
    events = cli("event", "list").stdout
    assert "boss ]0;title [2J 31m evil iso [bold]x[/] [/]" in events
    assert "\u201cboss ]0;title [2J 31m evil iso [bold]x[/] [/]\u201d" in result.stdout
    assert "By " in result.stdout and ". boss ]0;title [2J 31m evil iso" in result.stdout
    markdown = cli("plan", "--export", "md", "--output", "-").stdout
    assert "> \u201cboss \\]0;title \\[2J 31m evil iso \\[bold\\]x\\[/\\] \\[/\\]\u201d" in markdown
    assert "[2J 31m evil iso [bold]x[/] [/]" in cli("checkin").stdout


ERRORS = {
    "unknown --bank": (["assess", "--bank", "x\x1b[2J", "--answers", str(ANSWERS)], 2),
    "unknown action": (["plan", "--done", "x\x1b]0;t\x07"], 2),
    "unknown action to commit to": (["plan", "--commit", "x\x1b]0;t\x07"], 2),
    "bad commitment day": (["plan", "--commit", "1", "--by", "\x1b[2J\u202e"], 2),
    "unknown bank to show": (["banks", "show", "x\x1b[31m\u202e"], 2),
    "unknown trigger": (["event", "add", "x\x9b2J"], 2),
    "bad date": (["event", "add", "new_boss", "--date", "\x1b[2J"], 2),
    "bad flag value": (["history", "--limit", "\x1b[2J"], 2),
    "unknown option": (["history", "--x\x1b[2J"], 2),
    "unknown command": (["\x1b[2J"], 2),
    "missing answers file": (["assess", "--answers", "/nonexistent/\x1b[2J.yaml"], 2),
    "export to a missing folder": (
        ["plan", "--export", "md", "--output", "/nonexistent/\x1b]0;t\x07/plan.md"],
        2,
    ),
}


@pytest.mark.parametrize(("args", "code"), list(ERRORS.values()), ids=list(ERRORS))
def test_error_messages_carry_no_control_from_input(
    stored: Path, args: list[str], code: int
) -> None:
    result = cli(*args)
    assert result.exit_code == code, result.output
    assert result.stderr != ""
    harmless(result)


def test_answers_file_errors_carry_no_control(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        'injection:\n  "\\e[2Jbad\\u202e": 3\n  hostile_q: "\\e]0;t\\a"\n"\\x9bnope": {}\n',
        encoding="utf-8",
    )
    result = cli("assess", "--answers", str(answers))
    assert result.exit_code == 2, result.output
    assert len(result.stderr.splitlines()) >= 3
    harmless(result)


def test_bank_file_errors_carry_no_control(tmp_path: Path) -> None:
    bank = tmp_path / "bad.yaml"
    bank.write_text(
        INJECTION.read_text(encoding="utf-8").replace(
            "version: 1", 'version: 1\n"\\e]0;t\\a\\u202e": 1\nlabel: "\\e[2J"'
        ),
        encoding="utf-8",
    )
    result = cli("banks", "validate", str(bank))
    assert result.exit_code == 2, result.output
    assert result.stderr.count(str(bank)) >= 2
    harmless(result)


def test_a_hostile_home_path_is_shown_harmless(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "f\x1b]0;t\x07"
    blocker.write_text("x")
    monkeypatch.setenv("CAREERCOACH_HOME", str(blocker / "home"))
    for args in (["history"], ["plan"], ["assess", "--answers", str(ANSWERS)]):
        result = cli(*args)
        assert result.exit_code == 1, result.output
        harmless(result)
