"""Every command answers --help with an example, and --version works."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.cli.usage_errors import usage_error_line
from typer.testing import CliRunner

from careercoach import __version__
from careercoach.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"

runner = CliRunner()

COMMANDS = [
    [],
    ["assess"],
    ["plan"],
    ["history"],
    ["compare"],
    ["forget"],
    ["roi"],
    ["banks"],
    ["banks", "list"],
    ["banks", "template"],
    ["completion"],
]


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"careercoach {__version__}\n"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "top")
def test_help_has_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    assert "careercoach " + " ".join(command) in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80


def test_unknown_option_is_a_usage_error() -> None:
    usage_error_line(runner.invoke(app, ["--bogus"]), "careercoach", "--bogus")


def test_top_help_lists_the_commands_in_order_of_use_without_cut_lines() -> None:
    result = runner.invoke(app, ["--help"])
    listed = result.output.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed if line.strip()] == [
        "assess",
        "plan",
        "history",
        "compare",
        "checkin",
        "event",
        "roi",
        "banks",
        "export-data",
        "forget",
        "completion",
    ]
    assert not [line for line in listed if line.endswith("...")]


def _builtin_banks() -> dict[str, Any]:
    from careercoach.storage.banks import load_banks

    return {loaded.bank.id: loaded.bank for loaded in load_banks([])}


def test_every_action_id_in_the_examples_exists() -> None:
    """``plan --help`` showed ``--done stuck.over_deliver``, an action no bank has."""
    actions = {
        f"{bank.id}.{action.id}"
        for bank in _builtin_banks().values()
        for dim in bank.dimensions
        for action in dim.actions
    }
    texts = [runner.invoke(app, ["plan", "--help"]).stdout, README.read_text("utf-8")]
    named = [found for text in texts for found in re.findall(r"--done ([a-z_]+\.[a-z_]+)", text)]
    assert len(named) == 2
    assert [name for name in named if name not in actions] == []


def test_the_readme_answers_excerpt_names_real_questions_and_options() -> None:
    """The README's example answered ``stuck.last_moves``, a question of no built-in bank.
    An excerpt may leave questions out; anything else wrong in it is a mistake."""
    from careercoach.storage.answers import check_answers

    readme = README.read_text("utf-8")
    excerpt = readme.split("An answers file names each bank", 1)[1]
    block = excerpt.split("```yaml\n", 1)[1].split("```", 1)[0]
    checked = check_answers(yaml.safe_load(block), list(_builtin_banks().values()))
    wrong = [p.message for p in checked.problems if ": missing" not in p.message]
    assert wrong == []
    assert checked.answers["stuck"]["symptoms"] == ["lateral_moves"]


EVERY_COMMAND = [
    *COMMANDS,
    ["checkin"],
    ["event"],
    ["event", "add"],
    ["event", "list"],
    ["export-data"],
    ["banks", "show"],
    ["banks", "validate"],
    ["banks", "schema"],
]


@pytest.mark.parametrize("columns", [50, 80, 120])
def test_help_never_breaks_inside_an_option_or_a_file_name(columns: int) -> None:
    """Click's own wrapping broke "--expected-" / "salary" and "careercoach-data-" /
    "YYYY-MM-DD.json" at 80 columns."""
    for command in EVERY_COMMAND:
        result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": str(columns)})
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert [line for line in lines if re.search(r"\w-$", line)] == [], command
        assert wider_than(lines, columns) == [], command
    roi = runner.invoke(app, ["roi", "--help"], env={"COLUMNS": str(columns)}).output
    assert "--expected-salary" in roi.split("Options:")[0] + roi.split("Options:")[1]
    data = runner.invoke(app, ["export-data", "--help"], env={"COLUMNS": str(columns)}).output
    assert "careercoach-data-YYYY-MM-DD.json" in data


def wider_than(lines: list[str], columns: int) -> list[str]:
    """Lines wider than ``columns``: none, not even an example's command (written as
    shell lines with ``\\`` continuations) or a file name in an option's help (put under
    its option when the column beside it is too narrow)."""
    return [line for line in lines if len(line) > columns]


GROUPS = [[], ["banks"], ["event"]]


@pytest.mark.parametrize("columns", [50, 80, 120])
def test_no_command_description_is_cut_short(columns: int) -> None:
    """Click shortened a command's description to fit the column, with "..." where it cut
    ("assess       Answer the question banks and..." at 50 columns)."""
    for command in EVERY_COMMAND:
        output = runner.invoke(app, [*command, "--help"], env={"COLUMNS": str(columns)}).output
        listed = output.split("Commands:\n", 1)[1].split("\n\n")[0] if command in GROUPS else ""
        assert "..." not in listed, (command, listed)


def test_top_help_at_50_columns_gives_each_command_one_line() -> None:
    output = runner.invoke(app, ["--help"], env={"COLUMNS": "50"}).output
    listed = output.split("Commands:\n", 1)[1].splitlines()
    assert listed == [
        "  assess       Answer questions, get a plan.",
        "  plan         Show or export an action plan.",
        "  history      Past assessments, with trends.",
        "  compare      Compare two assessments.",
        "  checkin      When the next check-in is due.",
        "  event        Record a change at work.",
        "  roi          Does a degree pay for itself?",
        "  banks        List, show and check banks.",
        "  export-data  Everything stored, as JSON.",
        "  forget       Delete stored assessments.",
        "  completion   Print shell completion code.",
    ]


def test_examples_at_50_columns_are_whole_shell_lines() -> None:
    """An example wider than 50 columns was broken mid-word ("--curre" / "nt-salary")."""
    output = runner.invoke(app, ["roi", "--help"], env={"COLUMNS": "50"}).output
    examples = output.split("Examples:\n", 1)[1].splitlines()
    assert examples[:3] == [
        "    careercoach roi --cost 60000 --years 2 \\",
        "        --current-salary 70000 \\",
        "        --expected-salary 90000",
    ]
