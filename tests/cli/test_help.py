"""Every command answers --help with an example, and --version works."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from careercoach import __version__
from careercoach.cli import app

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
    result = runner.invoke(app, ["--bogus"])
    assert result.exit_code == 2
    assert "No such option: --bogus" in result.output


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
    ]
    assert not [line for line in listed if line.endswith("...")]
