"""Terminal width in cells, and wrapping by it: wide (CJK) text fits the screen."""

from __future__ import annotations

import os
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.ui.text_cells import cells, fit, pad, text_width, wrap

QUESTION_JA = "私は今の仕事で成長していないと感じていて、上司にも相談できずにいます。"


def test_cells_count_wide_characters_twice_and_marks_not_at_all() -> None:
    assert cells("career") == 6
    assert cells("上司") == 4
    assert cells("ｶﾀｶﾅ") == 4  # half-width katakana: one cell each
    assert cells("Ｆ") == 2  # full-width Latin
    assert cells("e\u0301") == 1  # e and a combining acute accent
    assert cells("a\u200bb") == 2  # a zero-width space takes no cell


def test_narrow_text_wraps_exactly_as_textwrap_does() -> None:
    text = "When I think about the work I did over the past twelve months, self-assessed"
    for width in (10, 25, 40):
        assert wrap(text, width, initial_indent="- ", subsequent_indent="  ") == (
            textwrap.wrap(
                text, width, initial_indent="- ", subsequent_indent="  ", break_on_hyphens=False
            )
        )


def test_a_japanese_question_is_broken_between_characters_to_fit() -> None:
    assert wrap(QUESTION_JA, 30, initial_indent="? ", subsequent_indent="  ") == [
        "? 私は今の仕事で成長していない",
        "  と感じていて、上司にも相談で",
        "  きずにいます。",
    ]


def test_mixed_text_breaks_between_words_and_wide_characters() -> None:
    text = "I feel 停滞 in my role and my manager にも相談できない situation"
    assert wrap(text, 30, initial_indent="- ", subsequent_indent="  ") == [
        "- I feel 停滞 in my role and",
        "  my manager にも相談できない",
        "  situation",
    ]


def test_a_long_narrow_word_is_left_whole_when_asked() -> None:
    text = "名前 supercalifragilisticexpialidocious 終"
    assert wrap(text, 12, break_long_words=False) == [
        "名前",
        "supercalifragilisticexpialidocious",
        "終",
    ]


def test_fit_cuts_by_cells_and_pad_fills_them() -> None:
    assert fit("上司との関係", 7) == "上司と…"
    assert fit("Boredom (stuck)", 10) == "Boredom (…"
    assert fit("short", 10) == "short"
    assert pad("上司", 6) == "上司  "
    assert cells(pad(fit("上司との関係", 7), 7)) == 7


@given(
    st.text(
        alphabet=st.sampled_from(list("ab cd 上司 相談 é\u0301 x-y ")),
        max_size=80,
    ),
    st.integers(min_value=4, max_value=40),
)
def test_every_line_fits_and_no_character_is_lost(text: str, width: int) -> None:
    lines = wrap(text, width, initial_indent="* ", subsequent_indent="  ")
    assert all(cells(line) <= width for line in lines)
    kept = "".join(line[2:] for line in lines).replace(" ", "")
    assert kept == text.replace(" ", "")


def _terminal(columns: int | None) -> object:
    def size(fd: int) -> os.terminal_size:
        if columns is None:
            raise OSError("not a terminal")
        return os.terminal_size((columns, 24))

    return size


@pytest.mark.parametrize(
    ("columns_variable", "terminal", "width"),
    [
        ("80", None, 80),  # COLUMNS without a terminal (a pipe, a file)
        ("60", 120, 60),  # COLUMNS over the terminal's own width
        ("200", None, 100),  # capped at a readable width
        ("10", None, 20),  # and never narrower than 20
        (None, 70, 70),  # the terminal's width
        (None, 250, 100),  # a wide terminal: still 100
        (None, None, 80),  # neither: 80
        ("junk", None, 80),
        ("0", 90, 90),
    ],
)
def test_one_width_rule_for_every_view(
    monkeypatch: pytest.MonkeyPatch, columns_variable: str | None, terminal: int | None, width: int
) -> None:
    if columns_variable is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns_variable)
    monkeypatch.setattr(os, "get_terminal_size", _terminal(terminal))
    assert text_width() == width


def test_a_command_in_a_sentence_is_never_split() -> None:
    from careercoach.ui.text_cells import wrap_words

    later = "Commit to an action later with: careercoach plan --commit N --by YYYY-MM-DD"
    assert wrap_words(later, 60) == [
        "Commit to an action later with:",
        "careercoach plan --commit N --by YYYY-MM-DD",
    ]
    # the command ends at the first word that is not part of it
    ics = "Or: careercoach plan --export ics adds it to a calendar."
    assert wrap_words(ics, 40, indent="  ") == [
        "Or: careercoach plan --export ics adds",
        "  it to a calendar.",
    ]
    resume = "Go on with: careercoach --bank-dir /srv/banks assess --resume, later."
    assert wrap_words(resume, 30) == [
        "Go on with:",
        "careercoach --bank-dir /srv/banks assess --resume,",  # whole, though wider
        "later.",
    ]


def test_a_command_is_split_only_before_an_option_with_a_continuation() -> None:
    from careercoach.ui.text_cells import command_lines

    command = "careercoach assess --bank promotion --bank connections --bank leader"
    assert command_lines(command, 50) == [
        "  careercoach assess --bank promotion \\",
        "      --bank connections --bank leader",
    ]
    assert command_lines(command, 120) == [f"  {command}"]
    assert command_lines("careercoach assess", 10) == ["  careercoach assess"]


@pytest.mark.parametrize(
    "text",
    [
        "careercoach assess --bank promotion --bank connections",
        "Take one, such as careercoach assess --bank stuck (careercoach banks list).",
        "Run careercoach assess again then.",
        "a (careercoach plan --commit N).",
        "",
        "two  spaces",
    ],
)
def test_command_runs_join_to_the_text(text: str) -> None:
    from careercoach.ui.text_cells import command_runs

    runs = command_runs(text)
    assert "".join(run for run, _ in runs) == text
    assert [run for run, is_command in runs if is_command] == [
        run
        for run in (
            "careercoach assess --bank promotion --bank connections",
            "careercoach assess --bank stuck",
            "careercoach plan --commit N",
        )
        if run in text
    ]
