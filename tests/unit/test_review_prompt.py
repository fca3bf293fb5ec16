"""The review list's lines: a question cut between words to leave its answer whole, at
every width from 50 to 200 columns; bank and answer text shown as data."""

from __future__ import annotations

from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from careercoach.errors import Interrupted
from careercoach.ui import prompts
from careercoach.ui.prompts import Look, ReviewRow, review_label
from careercoach.ui.prompts.review import shorten
from careercoach.ui.text_cells import cells

LONG = (
    "When I think about the work I did over the past twelve months, I could have done "
    "most of it in my sleep."
)
PREFIX = 3  # " » " before each line


def test_a_line_that_fits_is_whole() -> None:
    assert review_label(3, "I coast through most weeks.", "4 (agree)", 77) == (
        "3. I coast through most weeks. → 4 (agree)"
    )


@pytest.mark.parametrize("columns", [50, 60, 70, 80, 100, 120, 200])
def test_a_long_question_is_cut_between_words_and_the_answer_kept(columns: int) -> None:
    width = min(columns, 100) - PREFIX  # text is laid out at most 100 columns wide
    line = review_label(12, LONG, "5 (strongly agree)", width)
    assert cells(line) <= width
    assert line.startswith("12. When I think about")
    assert line.endswith("… → 5 (strongly agree)")
    question = line[len("12. ") : -len("… → 5 (strongly agree)")]
    assert LONG.startswith(question + " ")  # cut after a whole word


@pytest.mark.parametrize("columns", [50, 80, 200])
def test_a_number_is_never_cut(columns: int) -> None:
    width = min(columns, 100) - PREFIX
    line = review_label(7, LONG, "1234567890123 years", width)
    assert line.endswith(" → 1234567890123 years")
    assert cells(line) <= width
    line = review_label(7, LONG, "98765432109876543210", width)
    assert line.endswith(" → 98765432109876543210")


def test_a_long_written_answer_is_cut_between_words_too() -> None:
    answer = "My projects stall because nobody above my manager knows what we ship " * 3
    line = review_label(6, "What stalled?", answer, 47)
    assert cells(line) <= 47
    assert line.startswith("6. What stalled? → My projects stall")
    assert line.endswith("…")
    assert answer.startswith(line[len("6. What stalled? → ") : -1] + " ")


def test_a_question_keeps_a_few_columns_beside_a_long_answer() -> None:
    line = review_label(1, "How many?", "x" * 40, 47)
    assert line.startswith("1. How…")


def test_bank_and_answer_text_is_data() -> None:
    line = review_label(1, "[bold]Who[/] decides?\x1b]0;pwned\x07", "A move\x1b[2J\u202e", 77)
    assert line.startswith("1. [bold]Who[/] decides?")  # markup is text, shown as written
    assert not {"\x1b", "\x07", "\u202e"} & set(line)  # no escape sequence reaches a screen


def test_shorten() -> None:
    assert shorten("one two three", 13) == "one two three"
    assert shorten("one two three", 12) == "one two…"
    assert shorten("one, two three", 8) == "one…"
    assert shorten("abcdefghij", 5) == "abcd…"
    assert shorten("a  b\nc", 10) == "a b c"


def answered(keys: str, rows: list[ReviewRow] | None = None) -> Any:
    """The review list of ``rows`` answered with ``keys``: the answer, or the exception."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        try:
            return prompts.review_prompt(rows or ROWS, look=Look(no_color=True)).ask()
        except Interrupted as exc:
            return exc


ROWS = [
    ReviewRow(1, "I coast through most weeks.", "4 (agree)", heading="Trial bank"),
    ReviewRow(2, "What is your role?", "Team lead"),
    ReviewRow(3, "I could do my job in my sleep.", "2 (disagree)", heading="Mini check"),
]


def test_enter_finishes_and_a_pick_gives_its_row() -> None:
    assert answered("\r") is None
    assert answered("\x1b[B\r") == 0  # down past the bank heading, which cannot be picked
    assert answered("\x1b[B\x1b[B\x1b[B\r") == 2
    assert answered("\x1b[A\r") == 2  # up from "Done" goes round to the last
    assert answered("<x?\r") is None  # no other key does anything
    assert isinstance(answered("\x03"), Interrupted)
    assert isinstance(answered("\x04"), Interrupted)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_without_the_arrow_gets_ascii_marks(encoding: str) -> None:
    line = review_label(2, LONG, "4 (agree)", 47, encoding=encoding)
    assert line == "2. When I think about the work... -> 4 (agree)"
    assert shorten("abcdefghij", 5, "...") == "ab..."
