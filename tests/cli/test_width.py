"""One width rule for every view: ``COLUMNS`` is honoured without a terminal, and text
is capped at 100 columns however wide the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from careercoach.cli import app

ANSWERS = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "answers.yaml"

runner = CliRunner()


def widest(columns: str, *args: str) -> int:
    result = runner.invoke(app, list(args), env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    return max(len(line) for line in result.stdout.splitlines())


def test_the_plan_follows_columns_up_to_100() -> None:
    assert runner.invoke(app, ["assess", "--answers", str(ANSWERS)]).exit_code == 0
    assert 50 < widest("60", "plan") <= 60
    assert 80 < widest("200", "plan") <= 100


@pytest.mark.parametrize("command", [("banks", "show", "stuck"), ("history",)])
def test_wrapped_views_stop_at_100_columns(command: tuple[str, ...]) -> None:
    assert runner.invoke(app, ["assess", "--answers", str(ANSWERS)]).exit_code == 0
    assert 80 < widest("200", *command) <= 100


def test_messages_on_a_terminal_wrap_between_words_and_keep_commands_whole() -> None:
    from careercoach.cli.app import report_lines
    from careercoach.flows.interactive import interrupted

    nothing = interrupted(0, [])
    assert report_lines(nothing.problems, nothing.hint, 50) == [
        "careercoach: stopped before the first answer;",
        "nothing was saved.",
    ]
    folder = Path("/home/someone/coaching/banks-for-clients")
    kept = interrupted(12, [folder])
    assert report_lines(kept.problems, kept.hint, 50) == [
        "careercoach: 12 answers saved. Continue with:",
        f"careercoach --bank-dir {folder} assess --resume",  # whole, wider than the line
    ]
    hint = "Add its folder with --bank-dir, or start over with: careercoach assess --restart"
    assert report_lines(["a.yaml:3:5: a problem in a file, never wrapped: " * 2], hint, 50) == [
        "a.yaml:3:5: a problem in a file, never wrapped: " * 2,
        "Add its folder with --bank-dir, or start over",
        "with: careercoach assess --restart",
    ]
    # not a terminal (a log, a script): one line per problem, as it was
    assert report_lines(nothing.problems, None, None) == [
        "careercoach: stopped before the first answer; nothing was saved."
    ]


@pytest.mark.parametrize("columns", [50, 60, 80, 120])
def test_banks_list_follows_columns_in_the_pickers_order(columns: int) -> None:
    result = runner.invoke(app, ["banks", "list"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    ids = [line.split()[0] for line in lines[1:] if not line.startswith(" ")]
    assert ids == ["stuck", "education", "new_eyes", "promotion", "connections", "leader"]
    if columns == 50:
        title = lines[lines.index(next(x for x in lines if x.startswith("new_eyes"))) :][:4]
        assert title == [
            "new_eyes            23        2  Look at your",
            "                                 organization",
            "                                 through new eyes",
            "                                 built-in",
        ]


@pytest.mark.parametrize("columns", [50, 60, 80, 120])
def test_compare_and_history_wrap_area_names_and_cut_nothing(columns: int) -> None:
    for _ in range(3):
        assert runner.invoke(app, ["assess", "--answers", str(ANSWERS)]).exit_code == 0
    for command in (["compare"], ["history", "--all"]):
        result = runner.invoke(app, command, env={"COLUMNS": str(columns)})
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines) <= min(columns, 100), command
        cut = [line for line in lines if "…" in line and "▁ = 0 … █ = 100" not in line]
        assert cut == [], command
        assert label(lines, "Falling behind") == "Falling behind on tools and systems (stuck)"
        assert label(lines, "An attitude") == "An attitude that shows (stuck)"


def label(lines: list[str], start: str) -> str:
    """A table row's label, read back: its first line's text before the figures, and the
    text of the indented lines under it."""
    at = next(n for n, line in enumerate(lines) if line.strip().startswith(start))
    lead = len(lines[at]) - len(lines[at].lstrip())
    parts = [lines[at].strip().split("  ")[0]]
    for line in lines[at + 1 :]:
        if len(line) - len(line.lstrip()) <= lead:
            break
        parts.append(line.strip().split("  ")[0])
    return " ".join(parts)
