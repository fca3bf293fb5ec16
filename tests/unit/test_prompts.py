"""The prompts' own rules: what a number prompt reads, what its hint says, how a long
question is laid out; and what stopping and resuming say."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from careercoach.errors import Interrupted
from careercoach.flows.interactive import interrupted, resume_question
from careercoach.storage.banks import load_bank_file
from careercoach.ui import prompts
from careercoach.ui.prompts import Look, layout, number_hint, parse_number, wrap

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "banks"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$70,000", 70000.0),
        ("70,000 €", 70000.0),
        ("£ 1,250.50", 1250.5),
        ("¥1000", 1000.0),
        (" 60,000 ", 60000.0),
    ],
)
def test_a_currency_sign_is_ignored_where_asked(text: str, value: float) -> None:
    assert parse_number(text, currency=True) == pytest.approx(value)


@pytest.mark.parametrize("text", ["$", "$$5", "5$$", "€5€", "$ abc"])
def test_a_currency_sign_alone_or_twice_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError, match=r"not a number|enter a number"):
        parse_number(text, currency=True)


def test_without_currency_a_sign_is_still_refused() -> None:
    # `roi --cost $5` stays an error (the flags name their units)
    with pytest.raises(ValueError, match=r"not a number: '\$5'"):
        parse_number("$5")


def test_a_long_refusal_does_not_repeat_the_whole_line() -> None:
    with pytest.raises(ValueError) as caught:
        parse_number("x" * 200)
    assert str(caught.value) == "not a number: 'xxxxxxxxxxxxxxxxxxx…'"


@pytest.mark.parametrize(
    ("bounds", "integer", "unit", "hint"),
    [
        ((0, 60), True, "years", "Enter a whole number from 0 to 60 (years)."),
        ((0, 10_000_000), False, "total", "Enter a number from 0 to 10,000,000 (total)."),
        ((0.05, 1), False, "fraction", "Enter a number from 0.05 to 1 (fraction), or 5% to 100%."),
        ((0, 0.5), False, None, "Enter a number from 0 to 0.5, or 0% to 50%."),
        ((-0.5, 1), False, "a year", "Enter a number from -0.5 to 1 (a year), or -50% to 100%."),
        ((0.5, 12_345_678.5), False, None, "Enter a number from 0.5 to 12,345,678.5."),
        ((1000, None), False, None, "Enter a number, at least 1,000."),
        ((None, 10_000_000.5), False, None, "Enter a number, at most 10,000,000.5."),
        ((None, None), False, "per year", "Enter a number (per year)."),
    ],
)
def test_number_hints_read_as_a_sentence(
    bounds: tuple[float | None, float | None], integer: bool, unit: str | None, hint: str
) -> None:
    minimum, maximum = bounds
    percent = prompts.percent_range(minimum, maximum)
    assert number_hint(
        minimum=minimum, maximum=maximum, integer=integer, unit=unit, percent=percent
    ) == (hint)


def ask(keys: str, **question: object) -> object:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        return prompts.number_prompt("How much?", **question).ask()  # type: ignore[arg-type]


def test_a_fraction_question_takes_a_percentage() -> None:
    assert ask("80%\r", minimum=0.05, maximum=1) == pytest.approx(0.8)
    assert ask("0.8\r", minimum=0.05, maximum=1) == pytest.approx(0.8)
    # 4% is below the minimum of 0.05: asked again
    assert ask("4%\r\x1580 %\r", minimum=0.05, maximum=1) == pytest.approx(0.8)


def refusals(keys: str, **question: object) -> list[str]:
    """What a number prompt said to each refused reply, in turn (then the answer)."""
    said: list[str] = []

    def ask_and_see(text: str) -> object:
        from prompt_toolkit.validation import ValidationError

        prompt = prompts.number_prompt("How likely?", **question)  # type: ignore[arg-type]
        validator = prompt.question.application.current_buffer.validator
        assert validator is not None
        try:
            validator.validate(Document(text))
        except ValidationError as exc:
            said.append(exc.message)
        return None

    for text in keys.split("|"):
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
            ask_and_see(text)
    return said


def test_a_refused_number_says_why_in_a_sentence_with_an_example() -> None:
    fraction = {"minimum": 0.05, "maximum": 1}
    assert refusals("80|150|4%|many|0.5", **fraction) == [
        "80 is more than 1; for 80% write 0.8 or 80%.",  # as roi --completion 80 says
        "150 is more than 1 (100%).",
        "0.04 is less than 0.05 (5%).",
        "That is not a number; write it like 0.8 or 80%.",
    ]
    years = {"minimum": 0, "maximum": 60, "integer": True}
    assert refusals("61|2.5|x", **years) == [
        "61 is more than 60.",
        "2.5 is not a whole number; for example 2 or 3.",
        "That is not a number; write it like 12.",
    ]
    # each fits the one line under the prompt, at 50 columns
    assert all(len(text) <= 48 for text in refusals("80|150|4%|many", **fraction))


def test_a_percentage_is_not_a_number_where_the_range_goes_above_one() -> None:
    # "80%" refused (a salary of 0.8 is not what was meant), then 80 taken
    assert ask("80%\r\x1580\r", minimum=0, maximum=100) == 80


def test_money_is_read_with_its_sign_and_separators() -> None:
    assert ask("$70,000\r", minimum=0, maximum=10_000_000) == 70000
    assert ask("85,500.50 €\r", minimum=0, maximum=10_000_000) == pytest.approx(85500.5)


def test_wrap_breaks_between_words_and_indents() -> None:
    text = "When I think about the work I did over the past twelve months, I could do it"
    assert wrap(text, 40, first="? ", indent="  ") == [
        "? When I think about the work I did over",
        "  the past twelve months, I could do it",
    ]


def head(message: str, tail: str, width: int = 80) -> list[str]:
    tokens = layout.head(message, tail, "class:instruction", width)
    return prompts.fragment_text(tokens).split("\n")


def test_an_instruction_stays_beside_a_short_question() -> None:
    assert head("I could do my job in my sleep.", "(↑/↓ or 1-5, Enter, < back)") == [
        "? I could do my job in my sleep. (↑/↓ or 1-5, Enter, < back)"
    ]


def test_an_instruction_that_does_not_fit_goes_below_whole() -> None:
    message = "Which of the following were true of your two most recent performance reviews?"
    assert head(message, "(Space ticks, Enter; none is fine, < back)") == [
        "? Which of the following were true of your two most recent performance reviews?",
        "  (Space ticks, Enter; none is fine, < back)",
    ]


def test_a_japanese_question_and_its_instruction_fit_the_width() -> None:
    message = "私は今の仕事で成長していないと感じていて、上司にも相談できずにいます。"
    assert head(message, "(↑/↓ or 1-5, Enter, < back)", width=40) == [
        "? 私は今の仕事で成長していないと感じてい",  # 40 cells: 2 + 19 wide characters
        "  て、上司にも相談できずにいます。",
        "  (↑/↓ or 1-5, Enter, < back)",
    ]


def test_a_long_label_is_wrapped_under_itself() -> None:
    label = "I asked for a raise and my manager said the budget was frozen until next year"
    assert layout.label_lines(label, 40, 6).split("\n") == [
        "I asked for a raise and my manager",
        "      said the budget was frozen until",
        "      next year",
    ]


def test_stopping_says_so_in_one_line_of_80_columns() -> None:
    stopped = interrupted(3, [])
    assert stopped.problems == ["3 answers saved. Continue with: careercoach assess --resume"]
    assert stopped.hint is None
    assert interrupted(1, []).problems == [
        "1 answer saved. Continue with: careercoach assess --resume"
    ]
    assert interrupted(0, []).problems == ["stopped before the first answer; nothing was saved."]


def test_a_resume_command_too_long_for_the_line_gets_its_own() -> None:
    folder = Path("/home/someone/coaching/banks-for-clients")
    stopped = interrupted(12, [folder])
    assert stopped.problems == ["12 answers saved. Continue with:"]
    assert stopped.hint == f"careercoach --bank-dir {folder} assess --resume"


def test_the_resume_question_names_the_banks_of_each_choice() -> None:
    mini = load_bank_file(FIXTURES / "mini.yaml")
    extra = load_bank_file(FIXTURES / "extra.yaml")
    given = {"mini": {"autopilot": 4, "last_move": "lateral"}}
    known = {"mini": mini, "extra": extra}
    started = "Sunday 22 November 2026 at 10:04"
    assert resume_question(["mini"], given, started, known, ["extra"]) == (
        "You have an unfinished assessment (mini: 2 of 6 answered, started Sunday 22 November"
        " 2026 at 10:04). Resume it, or start over with extra?",
        "Resume where you stopped (2 answered): go on with mini",
        "Start over with extra: discard the 2 unfinished answers",
    )
    assert resume_question(["mini", "extra"], given, started, known, []) == (
        "You have an unfinished assessment (mini: 2 of 6 answered, extra: 0 of 2 answered,"
        " started Sunday 22 November 2026 at 10:04). Resume it, or start over?",
        "Resume where you stopped (2 answered): go on with mini and extra",
        "Start over: discard the 2 unfinished answers, then choose banks",
    )


def answered(keys: str, prompt: Callable[[], prompts.Prompt[Any]]) -> Any:
    """``prompt()`` answered with ``keys``: the answer, or the exception it raised."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        try:
            return prompt().ask()
        except Interrupted as exc:
            return exc


LONG = (
    "When I think about the work I did over the past twelve months, I could have done "
    "most of it in my sleep."
)
OPTIONS = [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")]


def test_list_keys() -> None:
    look = Look(no_color=True, can_go_back=True)
    assert answered("4\r", lambda: prompts.likert_prompt(LONG, look=look)) == 4
    assert answered("\x1b[B\x1b[B\r", lambda: prompts.likert_prompt(LONG, current=2)) == 4
    assert answered("jjk\r", lambda: prompts.single_prompt("One?", OPTIONS)) == "b"
    assert answered(" \x1b[B \r", lambda: prompts.multi_prompt("Two?", OPTIONS)) == ["a", "b"]
    assert answered("\r", lambda: prompts.multi_prompt("Two?", OPTIONS)) == []
    assert answered("a\r", lambda: prompts.multi_prompt("Two?", OPTIONS)) == ["a", "b", "c"]
    assert answered("aa\r", lambda: prompts.multi_prompt("Two?", OPTIONS)) == []
    assert answered(" i\r", lambda: prompts.multi_prompt("Two?", OPTIONS)) == ["b", "c"]
    assert answered("xyz\r", lambda: prompts.single_prompt("One?", OPTIONS)) == "a"


def test_a_list_left_by_back_ctrl_c_or_ctrl_d() -> None:
    look = Look(no_color=True, can_go_back=True)
    assert answered("<", lambda: prompts.likert_prompt("One?", look=look)) is prompts.BACK
    back_choice = "\x1b[B" * 5 + "\r"  # past the five points (the blank line is skipped)
    assert answered(back_choice, lambda: prompts.likert_prompt("One?", look=look)) is prompts.BACK
    assert answered("<\r", lambda: prompts.likert_prompt("One?")) == 1  # no question before
    for key in ("\x03", "\x04"):
        assert isinstance(answered(key, lambda: prompts.likert_prompt("One?")), Interrupted)
        assert isinstance(answered(key, lambda: prompts.multi_prompt("Two?", OPTIONS)), Interrupted)


def test_a_checklist_that_needs_a_tick_says_so_and_waits() -> None:
    banks = [("stuck", "Stuck"), ("leader", "Leader")]
    assert answered(" \x1b[B \r \r", lambda: _banks_prompt(banks)) == ["leader"]


def _banks_prompt(banks: list[tuple[str, str]]) -> prompts.Prompt[Any]:
    """``choose_banks`` as a Prompt, to answer in a test (it asks at once)."""
    from careercoach.ui.prompts.widgets import checkbox_prompt

    return checkbox_prompt(
        "Which banks?",
        banks,
        current=[bank_id for bank_id, _ in banks],
        look=Look(),
        instruction="(Space unticks)",
        said=", ".join,
        validate=lambda chosen: True if chosen else "tick at least one bank",
    )


def test_what_a_question_means_its_help_why_and_area() -> None:
    from careercoach.ui.prompts.about import about_lines

    bank = load_bank_file(Path(__file__).resolve().parents[2] / "questions" / "education.yaml")
    assert about_lines(bank, bank.question("program_cost"), 60) == [
        "About this question",
        "  In your own currency, for the whole program.",
        "  Why: It follows up your answer to “Do you have a specific",
        "  program in mind (a degree, a certificate or a course)?” It",
        "  goes into the estimate of what the education would pay",
        "  back.",
        "  Area: none",
    ]


def drawn_at(columns: int, keys: str, prompt: Callable[[], prompts.Prompt[Any]]) -> list[str]:
    """The lines ``prompt()`` draws on a terminal ``columns`` wide, answered with ``keys``
    (a VT100 output into a string, read back by the pty tests' screen)."""
    import io

    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output
    from tests.e2e.test_assess_pty import Screen

    drawn = io.StringIO()
    output = Vt100_Output(drawn, lambda: Size(rows=30, columns=columns), term="xterm")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        pipe.send_text(keys)
        prompt().ask()
    screen = Screen(200)  # wider than the terminal: a line drawn too wide shows whole
    screen.feed(drawn.getvalue())
    return [line for line in screen.lines() if line]


def test_a_long_text_answer_is_echoed_indented_and_between_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    said = "I was moved sideways twice in the last three years and my project was cancelled."
    lines = drawn_at(60, said + "\r", lambda: prompts.text_prompt("Anything else?", required=False))
    assert lines[-3:] == [
        "? Anything else?",
        "  I was moved sideways twice in the last three years and my",
        "  project was cancelled.",
    ]
