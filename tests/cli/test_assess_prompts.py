"""The assessment's prompts, in-process (pipe input): "what does this mean?" on every
type of question, and the bank picker's order.

In a list ``?`` is a key; in a number or text prompt it is ``?`` typed alone, then Enter,
so that a "?" inside a written answer is kept. Either way the help is shown, nothing is
answered, and the same question comes back, with what was pointed at or ticked.
"""

from __future__ import annotations

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
DOWN, ENTER, SPACE = "\x1b[B", "\r", " "
runner = CliRunner()


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setattr("careercoach.ui.prompts.stdin_is_terminal", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def stored(home: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(home / "careercoach.db") as conn:
        return conn.execute("SELECT question, value FROM answers ORDER BY rowid").fetchall()


def about(out: str) -> list[list[str]]:
    """Each block ``?`` printed: its title and the lines under it."""
    lines = out.splitlines()
    blocks = []
    for at, line in enumerate(lines):
        if line == "About this question":
            block = [line]
            for below in lines[at + 1 :]:
                if not below.startswith("  "):
                    break
                block.append(below)
            blocks.append(block)
    return blocks


def test_question_mark_on_every_type_shows_help_then_asks_again(
    terminal: Any, careercoach_home: Path
) -> None:
    keys = "".join(
        [
            "?", "4", ENTER,  # likert: help, then Agree
            "?", DOWN, ENTER,  # single: help, then the lateral move
            SPACE, "?", ENTER,  # multi: "pushed" ticked, help, still ticked
            "?", ENTER, "5", ENTER,  # number: "?" alone, then 5
            "2", ENTER,
            "?", ENTER, "why me?", ENTER,  # text: "?" alone; a "?" inside is kept
            ENTER,  # the review: done
            ENTER,  # no commitment
        ]
    )  # fmt: skip
    terminal.send_text(keys)
    terminal.close()
    result = runner.invoke(app, ["--bank-dir", str(FIXTURES), "assess", "--bank", "mini"])
    assert result.exit_code == 0, result.output
    scores = "  Why: Your answer scores the area below, which chooses the advice in your plan."
    assert about(result.output) == [
        ["About this question", scores, "  Area: Restlessness (Mini check)"],
        [
            "About this question",
            scores,
            "  Your answer decides which questions come next.",
            "  Area: Stalled career (Mini check)",
        ],
        [
            "About this question",
            "  Why: It follows up your answer to “Your last job change was...” Your answer",
            "  scores the area below, which chooses the advice in your plan.",
            "  Area: Stalled career (Mini check)",
        ],
        [
            "About this question",
            "  Why: It is kept with your answers; it scores nothing.",
            "  Area: none",
        ],
        [
            "About this question",
            "  Why: Your plan quotes your words back to you; they score nothing.",
            "  Area: none",
        ],
    ]
    assert stored(careercoach_home) == [
        ("autopilot", "4"),
        ("last_move", '"lateral"'),
        ("lateral_why", '["pushed"]'),
        ("years", "5"),
        ("learning", "2"),
        ("notes", '"why me?"'),
    ]
    progress = [line for line in result.output.splitlines() if line.startswith("Mini check")]
    assert len(progress) == 6  # each question's progress once: help does not move on


def test_the_bank_picker_offers_banks_in_the_readme_order_then_by_title(
    terminal: Any, careercoach_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercoach.errors import Interrupted

    offered: list[tuple[str, str]] = []

    def choose_banks(banks: list[tuple[str, str]], **_: Any) -> list[str]:
        offered.extend(banks)
        raise Interrupted("interrupted")

    monkeypatch.setattr("careercoach.ui.prompts.choose_banks", choose_banks)
    terminal.close()
    result = runner.invoke(app, ["--bank-dir", str(FIXTURES), "assess"])
    assert result.exit_code == 130
    assert [bank_id for bank_id, _ in offered] == [
        "stuck",
        "education",
        "new_eyes",
        "promotion",
        "connections",
        "leader",
        "injection",  # "# Injection ..."
        "extra",  # "Extra round"
        "mini",  # "Mini check"
    ]
    assert offered[0][1].startswith("Are you stuck? (")
