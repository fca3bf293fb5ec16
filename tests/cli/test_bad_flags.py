"""Bad flags and arguments, command by command: exit 2, one line per problem on stderr
(what is wrong, and where the help is), nothing on stdout, no traceback, nothing
written to the data folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.cli.usage_errors import usage_error_line
from typer.testing import CliRunner

from careercoach.paths import db_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BANKS = FIXTURES / "banks"
ANSWERS = FIXTURES / "plans" / "injection-answers.yaml"
BUILT_IN = "connections, education, leader, new_eyes, promotion, stuck, extra, injection, mini"
TRIGGERS = (
    "new_executive, market_shift, project_change, cost_cutting, stretch_growth, new_boss, "
    "new_coworkers, someone_fired"
)
ROI = ["roi", "--cost", "100", "--years", "2", "--current-salary", "1"]

runner = CliRunner()


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


# Problems careercoach words itself: the exact line.
CASES: dict[str, tuple[list[str], str]] = {
    "assess --answers missing file": (
        ["assess", "--answers", "/nonexistent/answers.yaml"],
        "/nonexistent/answers.yaml: no such file",
    ),
    "assess --answers with --resume": (
        ["assess", "--answers", str(ANSWERS), "--resume"],
        "careercoach: --answers cannot be combined with --resume or --restart",
    ),
    "assess --resume with --restart": (
        ["assess", "--resume", "--restart"],
        "careercoach: --resume and --restart cannot be combined",
    ),
    "assess unknown --bank": (
        ["assess", "--bank", "nosuch", "--answers", str(ANSWERS)],
        f"careercoach: --bank nosuch: no such bank (banks: {BUILT_IN})",
    ),
    "plan --export unknown format": (
        ["plan", "--export", "pdf"],
        "careercoach: --export: unknown format 'pdf'; use one of md, json, html, ics",
    ),
    "plan --output without a format": (
        ["plan", "--output", "plan.txt"],
        "careercoach: --output needs --export with one of md, json, html, ics",
    ),
    "plan --done with --check": (
        ["plan", "--done", "x", "--check"],
        "careercoach: --check and --done cannot be combined",
    ),
    "forget without --id or --all": (
        ["forget"],
        "careercoach: say what to delete: --id N (one assessment) or --all (everything)",
    ),
    "forget with --id and --all": (
        ["forget", "--id", "1", "--all"],
        "careercoach: --id and --all cannot be combined",
    ),
    "roi --cost not a number": (
        ["roi", "--cost", "abc", "--years", "2", "--current-salary", "1", "--expected-salary", "2"],
        "careercoach: --cost must be a number (got 'abc')",
    ),
    "roi --years 0": (
        ["roi", "--cost", "100", "--years", "0", "--current-salary", "1", "--expected-salary", "2"],
        "careercoach: --years must be a whole number of at least 1 (got 0)",
    ),
    "roi --completion 0": (
        [*ROI, "--expected-salary", "2", "--completion", "0"],
        "careercoach: --completion must be more than 0 and at most 1 (got 0)",
    ),
    "roi --tax-rate 1": (
        [*ROI, "--expected-salary", "2", "--tax-rate", "1"],
        "careercoach: --tax-rate must be at least 0 and less than 1 (got 1)",
    ),
    "roi --discount-rate -0.5": (
        [*ROI, "--expected-salary", "2", "--discount-rate", "-0.5"],
        "careercoach: --discount-rate must be more than -0.5 and at most 1 (got -0.5)",
    ),
    "roi --horizon not past --years": (
        [*ROI, "--expected-salary", "2", "--horizon", "2"],
        "careercoach: --horizon must be longer than --years: the degree needs working years "
        "after it (got 2 with --years 2)",
    ),
    "roi unknown --degree": (
        [*ROI, "--degree", "phd"],
        "careercoach: --degree must be one of associate, bachelor, master, professional, "
        "doctorate (got 'phd')",
    ),
    "banks show unknown id": (
        ["banks", "show", "nosuch"],
        f"careercoach: banks show nosuch: no such bank (banks: {BUILT_IN})",
    ),
    "banks validate missing file": (
        ["banks", "validate", "/nonexistent/bank.yaml"],
        "/nonexistent/bank.yaml: no such file",
    ),
    "event add unknown trigger": (
        ["event", "add", "bogus"],
        f"careercoach: unknown trigger 'bogus' (triggers: {TRIGGERS})",
    ),
    "event add bad date": (
        ["event", "add", "new_boss", "--date", "2026-13-01"],
        "careercoach: --date: '2026-13-01' is not a date (use YYYY-MM-DD, e.g. 2026-11-20)",
    ),
}

# Problems the parser finds: the command, what was wrong, where the help is (the
# parser's own sentence is not checked: see usage_errors.py).
USAGE_CASES: dict[str, tuple[list[str], str, tuple[str, ...]]] = {
    "global option after the command, without its value": (
        ["assess", "--bank-dir"],
        "careercoach assess",
        ("--bank-dir",),
    ),
    "assess unknown option": (["assess", "--bogus"], "careercoach assess", ("--bogus",)),
    "assess --answers without a file": (
        ["assess", "--answers"],
        "careercoach assess",
        ("--answers",),
    ),
    "plan --id not a number": (["plan", "--id", "abc"], "careercoach plan", ("--id", "'abc'")),
    "plan unknown option": (["plan", "--bogus"], "careercoach plan", ("--bogus",)),
    "history --limit 0": (
        ["history", "--limit", "0"],
        "careercoach history",
        ("--limit", "0 is not in the range x>=1"),
    ),
    "history misspelt option": (
        ["history", "--limt", "3"],
        "careercoach history",
        ("--limt", "--limit"),
    ),
    "history extra argument": (["history", "extra"], "careercoach history", ("extra",)),
    "compare not a number": (["compare", "x"], "careercoach compare", ("'x'",)),
    "compare three ids": (["compare", "1", "2", "3"], "careercoach compare", ("3",)),
    "roi --full-time with a value": (
        [*ROI, "--expected-salary", "2", "--full-time=3"],
        "careercoach roi",
        ("--full-time",),
    ),
    "banks show without an id": (["banks", "show"], "careercoach banks show", ("ID",)),
    "banks validate without a path": (
        ["banks", "validate"],
        "careercoach banks validate",
        ("PATH",),
    ),
    "banks unknown subcommand": (["banks", "nosuch"], "careercoach banks", ("nosuch",)),
    "banks list extra argument": (["banks", "list", "extra"], "careercoach banks list", ("extra",)),
    "event add without a trigger": (["event", "add"], "careercoach event add", ("TRIGGER",)),
    "event list unknown option": (
        ["event", "list", "--bogus"],
        "careercoach event list",
        ("--bogus",),
    ),
    "checkin unknown option": (["checkin", "--bogus"], "careercoach checkin", ("--bogus",)),
    "export-data --output without a path": (
        ["export-data", "--output"],
        "careercoach export-data",
        ("--output",),
    ),
}


@pytest.mark.parametrize(("args", "line"), list(CASES.values()), ids=list(CASES))
def test_bad_flag(args: list[str], line: str, careercoach_home: Path) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr == line + "\n"
    assert result.stdout == ""
    assert not careercoach_home.exists()  # nothing written


@pytest.mark.parametrize(
    ("args", "where", "named"), list(USAGE_CASES.values()), ids=list(USAGE_CASES)
)
def test_bad_flag_the_parser_finds(
    args: list[str], where: str, named: tuple[str, ...], careercoach_home: Path
) -> None:
    usage_error_line(cli(*args), where, *named)
    assert not careercoach_home.exists()  # nothing written


def test_roi_missing_inputs_without_a_terminal_is_one_line_each() -> None:
    result = cli("roi", "--cost", "100", "--years", "2")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "careercoach: --current-salary is required: current yearly salary; give it, or run "
        "in a terminal to be asked",
        "careercoach: --expected-salary is required (or --degree to estimate it): expected "
        "yearly salary after the degree; give it, or run in a terminal to be asked",
    ]


def test_a_flag_value_cannot_steer_the_terminal() -> None:
    result = cli("plan", "--id", "7\x1b[2J\x9b31m\u202e")
    usage_error_line(result, "careercoach plan", "--id", "'7\\x1b[2J\\x9b31m\\u202e'")
    assert not any(c in result.stderr for c in "\x1b\x9b\u202e")


def test_export_flags_leave_an_existing_file_alone(tmp_path: Path) -> None:
    assert cli("assess", "--answers", str(ANSWERS)).exit_code == 0
    target = tmp_path / "plan.md"
    target.write_text("mine\n")
    cases = [
        (
            ["--output", str(target)],
            f"careercoach: {target} already exists; use --force to overwrite it",
        ),
        (
            ["--output", str(tmp_path)],
            f"careercoach: {tmp_path} is a folder; give a file name with --output",
        ),
        (["--output", str(tmp_path / "nope" / "plan.md")], f"{tmp_path / 'nope'}: no such folder"),
    ]
    before = db_path().read_bytes()
    for extra, line in cases:
        result = cli("plan", "--export", "md", *extra)
        assert result.exit_code == 2, result.output
        assert result.stderr == line + "\n"
    assert target.read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "plan.md"]
    assert db_path().read_bytes() == before


def test_help_still_shows_the_help() -> None:
    """No arguments is not an error to shorten: the help is the answer."""
    from careercoach.cli import app

    for args in ([], ["banks"], ["event"]):
        result = runner.invoke(app, args)
        assert "Usage: careercoach" in result.output
        assert "Examples:" in result.output or "Example:" in result.output


def test_the_scripts_version_fast_path_says_the_same() -> None:
    """``careercoach --version`` answers before the command tree is built; with anything
    else on the line Typer parses as usual."""
    import subprocess
    import sys

    from careercoach import __version__

    script = Path(sys.executable).with_name("careercoach")
    fast = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert (fast.returncode, fast.stdout, fast.stderr) == (0, f"careercoach {__version__}\n", "")
    assert fast.stdout == cli("--version").stdout
    slow = subprocess.run(
        [str(script), "--version", "--bogus"], capture_output=True, text=True, check=False
    )
    usage_error_line(slow, "careercoach", "--bogus")


def test_debug_is_read_from_the_options_not_from_the_words_on_the_line() -> None:
    """``--debug`` given as the value of another option is that value, not a switch."""
    from careercoach.cli import app

    as_value = runner.invoke(app, ["--bank-dir", "--debug", "banks", "list"])
    assert as_value.exit_code == 2
    assert as_value.stderr == "careercoach: --debug: bank folder does not exist\n"
    as_switch = runner.invoke(app, ["--debug", "--bank-dir", "/nonexistent", "banks", "list"])
    assert as_switch.exit_code == 2
    assert as_switch.stderr.startswith("Traceback (most recent call last):\n")
    assert as_switch.stderr.endswith("\n/nonexistent: bank folder does not exist\n")


def test_a_bare_group_shows_its_help_on_stderr_and_exits_2() -> None:
    from careercoach.cli import app

    for args, usage_line in (
        ([], "Usage: careercoach [OPTIONS] COMMAND [ARGS]..."),
        (["banks"], "Usage: careercoach banks [OPTIONS] COMMAND [ARGS]..."),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.splitlines()[0] == usage_line
