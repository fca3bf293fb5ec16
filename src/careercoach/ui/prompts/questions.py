"""The questions of an assessment, one prompt per type (likert, single, multi, number,
text), and the other questions careercoach asks (which banks, resume or start over, which
actions are done, a number for ``roi``).

Every string shown (a bank's prompt, an option's label, a hint) goes through
:func:`careercoach.safe_text.clean`, once: questionary takes plain strings, and a
control character in a bank must never reach the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from careercoach.safe_text import clean
from careercoach.ui.prompts.numbers import (
    not_a_number,
    number_hint,
    number_problem,
    number_text,
    parse_number,
    percent_range,
)
from careercoach.ui.prompts.typed import typed_prompt
from careercoach.ui.prompts.widgets import (
    BACK_LABEL,
    GoBack,
    HelpAsked,
    Look,
    Prompt,
    checkbox_prompt,
    instruction_text,
    select_prompt,
    unsafe_ask,
)

# the words of scoring.LIKERT_LABELS, which the plan's explanations use ("3 (neutral)")
LIKERT_CHOICES: tuple[tuple[int, str], ...] = (
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Neutral"),
    (4, "Agree"),
    (5, "Strongly agree"),
)


def ask_number(
    message: str,
    *,
    validate: Callable[[float], str | None] | None = None,
    percent: bool = False,
    default: str = "",
) -> float:
    """Ask for one number until it parses and ``validate`` returns ``None``.

    ``validate`` returns the problem to show under the prompt, or ``None``. Raises
    :class:`Interrupted` on Ctrl-C or Ctrl-D.
    """
    import questionary

    def check(text: str) -> bool | str:
        try:
            number = parse_number(text, percent=percent, currency=True)
        except ValueError:
            return not_a_number(integer=False, percent=percent)
        problem = validate(number) if validate else None
        return True if problem is None else problem

    question = questionary.text(clean(message), default=default, validate=check)
    return parse_number(str(unsafe_ask(question)), percent=percent, currency=True)


def _is_likert(answer: Any) -> int | GoBack | HelpAsked:
    assert isinstance(answer, int | GoBack | HelpAsked)
    return answer


def _is_option(answer: Any) -> str | GoBack | HelpAsked:
    assert isinstance(answer, str | GoBack | HelpAsked)
    return answer


def likert_prompt(
    message: str, *, current: int | None = None, look: Look = Look()
) -> Prompt[int | GoBack | HelpAsked]:
    """Strongly disagree (1) … strongly agree (5); keys 1-5 jump to a point."""
    chosen = select_prompt(message, LIKERT_CHOICES, current=current, look=look, shortcuts=True)
    return replace(chosen, finish=_is_likert)


def ask_likert(
    message: str, *, current: int | None = None, look: Look = Look()
) -> int | GoBack | HelpAsked:
    """Ask :func:`likert_prompt`."""
    return likert_prompt(message, current=current, look=look).ask()


def single_prompt(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: str | None = None,
    look: Look = Look(),
) -> Prompt[str | GoBack | HelpAsked]:
    """One of ``options`` (``(id, label)``); the answer is the option's id."""
    shortcuts = len(options) <= 9
    chosen = select_prompt(message, options, current=current, look=look, shortcuts=shortcuts)
    return replace(chosen, finish=_is_option)


def ask_single(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: str | None = None,
    look: Look = Look(),
) -> str | GoBack | HelpAsked:
    """Ask :func:`single_prompt`."""
    return single_prompt(message, options, current=current, look=look).ask()


def multi_prompt(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: Sequence[str] | None = None,
    look: Look = Look(),
) -> Prompt[list[str] | GoBack | HelpAsked]:
    """Any number of ``options``, none included; the answer is the ticked ids in option
    order."""

    def said(answer: Any) -> str:
        if isinstance(answer, GoBack):
            return BACK_LABEL
        chosen = set(answer)
        picked = [clean(label) for option_id, label in options if option_id in chosen]
        return ", ".join(picked) or "none"

    ticked = checkbox_prompt(
        message,
        options,
        current=current,
        look=look,
        instruction=instruction_text(["Space ticks, Enter; none is fine"], look),
        said=said,
    )

    def finish(answer: Any) -> list[str] | GoBack | HelpAsked:
        if isinstance(answer, GoBack | HelpAsked):
            return answer
        chosen = set(answer)
        return [option_id for option_id, _ in options if option_id in chosen]

    return replace(ticked, finish=finish)


def ask_multi(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: Sequence[str] | None = None,
    look: Look = Look(),
) -> list[str] | GoBack | HelpAsked:
    """Ask :func:`multi_prompt`."""
    return multi_prompt(message, options, current=current, look=look).ask()


def number_prompt(
    message: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    integer: bool = False,
    unit: str | None = None,
    required: bool = True,
    current: float | None = None,
    look: Look = Look(),
) -> Prompt[int | float | GoBack | HelpAsked | None]:
    """A number in range, asked again (with the reason under the prompt) until it fits.

    ``$70,000`` and ``70,000 €`` are read as 70000; where the range lies within 0..1,
    ``80%`` is read as 0.8. Whole numbers come back as ``int``. ``None``: left empty
    where ``required`` is false.
    """
    percent = percent_range(minimum, maximum)

    def parse(text: str) -> float:
        return parse_number(text, percent=percent, currency=True)

    def check(text: str) -> bool | str:
        if not text.strip() and not required:
            return True
        try:
            number = parse(text)
        except ValueError:
            return not_a_number(integer=integer, percent=percent)
        problem = number_problem(
            number, minimum=minimum, maximum=maximum, integer=integer, percent=percent
        )
        return True if problem is None else problem

    def finish(text: str) -> int | float | None:
        if not text.strip():
            return None
        number = parse(text)
        return int(number) if number.is_integer() else number

    hint = number_hint(
        minimum=minimum, maximum=maximum, integer=integer, unit=unit, percent=percent
    )
    if not required:
        hint += " Leave it empty to skip."
    default = "" if current is None else number_text(current)
    return typed_prompt(message, check, finish, default=default, hint=hint, look=look)


def ask_number_answer(
    message: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    integer: bool = False,
    unit: str | None = None,
    required: bool = True,
    current: float | None = None,
    look: Look = Look(),
) -> int | float | GoBack | HelpAsked | None:
    """Ask :func:`number_prompt`."""
    return number_prompt(
        message,
        minimum=minimum,
        maximum=maximum,
        integer=integer,
        unit=unit,
        required=required,
        current=current,
        look=look,
    ).ask()


def text_prompt(
    message: str,
    *,
    required: bool = True,
    max_length: int = 2000,
    current: str | None = None,
    look: Look = Look(),
) -> Prompt[str | GoBack | HelpAsked | None]:
    """Free text (one line, surrounding spaces dropped). ``None``: skipped (optional)."""

    def check(text: str) -> bool | str:
        if not text.strip():
            return True if not required else "an answer is needed here"
        if len(text.strip()) > max_length:
            return f"at most {max_length:,} characters (now {len(text.strip()):,})"
        return True

    def finish(text: str) -> str | None:
        return text.strip() or None

    hint = "Optional: Enter alone skips." if not required else "Type your answer, then Enter."
    return typed_prompt(message, check, finish, default=current or "", hint=hint, look=look)


def ask_text(
    message: str,
    *,
    required: bool = True,
    max_length: int = 2000,
    current: str | None = None,
    look: Look = Look(),
) -> str | GoBack | HelpAsked | None:
    """Ask :func:`text_prompt`."""
    return text_prompt(
        message, required=required, max_length=max_length, current=current, look=look
    ).ask()


def choose_banks(banks: Sequence[tuple[str, str]], *, look: Look = Look()) -> list[str]:
    """Which banks to answer (``(id, label)``), every one ticked to start with."""

    def said(answer: Any) -> str:
        chosen = set(answer)
        return ", ".join(clean(bank_id) for bank_id, _ in banks if bank_id in chosen)

    ticked = checkbox_prompt(
        "Which banks do you want to answer?",
        banks,
        current=[bank_id for bank_id, _ in banks],
        look=Look(no_color=look.no_color),
        instruction="(↑/↓, Space unticks, Enter starts)",
        said=said,
        validate=lambda chosen: True if chosen else "tick at least one bank",
    )
    chosen = set(ticked.ask())
    return [bank_id for bank_id, _ in banks if bank_id in chosen]


def choose_resume(
    message: str, resume_label: str, restart_label: str, *, look: Look = Look()
) -> bool:
    """Resume the unfinished assessment (True) or start over (False)."""
    choices = [(True, resume_label), (False, restart_label)]
    chosen = select_prompt(
        message, choices, current=True, look=Look(no_color=look.no_color), shortcuts=False
    )
    return bool(chosen.ask())


def ask_checklist(
    message: str,
    choices: Sequence[tuple[str, str]],
    checked: Sequence[str] = (),
    *,
    look: Look = Look(),
) -> list[str]:
    """A checklist of ``choices`` (``(id, label)``), ``checked`` ones ticked to start
    with; returns the ticked ids in choice order (none is fine). Long labels wrap under
    themselves, as the assessment's multi questions do."""

    def said(answer: Any) -> str:
        return f"{len(answer)} of {len(choices)} ticked"

    ticked = checkbox_prompt(
        message,
        choices,
        current=checked,
        look=look,
        instruction="(↑/↓, Space ticks or unticks, Enter saves)",
        said=said,
    )
    chosen = set(ticked.ask())
    return [choice_id for choice_id, _ in choices if choice_id in chosen]
