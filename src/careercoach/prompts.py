"""Questions to a person, one at a time: the only module that imports questionary.

Every prompt uses questionary's ``unsafe_ask()``: ``ask()`` swallows Ctrl-C and returns
``None``. Ctrl-C and Ctrl-D become :class:`careercoach.errors.Interrupted` (exit 130), so
the command decides what to say. questionary is imported inside the functions: importing
this module costs nothing.

Every string shown (a bank's prompt, an option's label, a hint) goes through
:func:`careercoach.safe_text.clean` here, once: questionary takes plain strings, and a
control character in a bank must never reach the terminal.

The assessment prompts can return :data:`BACK`: the person asked for the previous
question, with the ``← Back`` choice of a list, the ``<`` key in a list, or ``<`` typed
alone in a number or text prompt.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

from careercoach.errors import Interrupted
from careercoach.safe_text import clean

_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")

T = TypeVar("T")


class GoBack:
    """The answer "take me to the previous question"."""

    _instance: GoBack | None = None

    def __new__(cls) -> GoBack:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "BACK"


BACK: Final = GoBack()
BACK_KEY = "<"
BACK_LABEL = "← Back"
# the words of scoring.LIKERT_LABELS, which the plan's explanations use ("3 (neutral)")
LIKERT_CHOICES: tuple[tuple[int, str], ...] = (
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Neutral"),
    (4, "Agree"),
    (5, "Strongly agree"),
)


def parse_number(text: str, *, percent: bool = False) -> float:
    """A number as a person types it: ``60000``, ``60,000``, ``1.5e3``, and with
    ``percent`` also ``25%`` (= 0.25). ``ValueError`` with a short reason otherwise.

    ``nan`` and ``inf`` parse; range checks are the caller's.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("enter a number")
    value = raw
    scale = 1.0
    if percent and value.endswith("%"):
        value, scale = value[:-1].rstrip(), 0.01
    if _THOUSANDS.fullmatch(value):
        value = value.replace(",", "")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"not a number: {raw!r}") from None
    return number * scale


@contextlib.contextmanager
def _asking() -> Iterator[None]:
    """Ctrl-C (KeyboardInterrupt) and Ctrl-D or a closed stdin (EOFError) → Interrupted."""
    try:
        yield
    except (KeyboardInterrupt, EOFError) as exc:
        raise Interrupted("interrupted") from exc


def _unsafe_ask(question: Any) -> Any:
    with _asking():
        answer = question.unsafe_ask()
    if answer is None:  # questionary's own interrupt path; unsafe_ask should not get here
        raise Interrupted("interrupted")
    return answer


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
            number = parse_number(text, percent=percent)
        except ValueError as exc:
            return str(exc)
        problem = validate(number) if validate else None
        return True if problem is None else problem

    question = questionary.text(clean(message), default=default, validate=check)
    return parse_number(str(_unsafe_ask(question)), percent=percent)


# -- the assessment's prompts ---------------------------------------------------------


@dataclass(frozen=True)
class Look:
    """How prompts look and behave: colour, and whether going back is possible."""

    no_color: bool = False
    can_go_back: bool = False


def stdin_is_terminal() -> bool:
    """Whether a person can answer prompts (stdin is a terminal)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):  # closed or detached stdin
        return False


@functools.cache
def _share_default_bindings() -> None:
    """Build prompt_toolkit's default key bindings once, not once per Application.

    questionary makes three Applications for each list prompt (two PromptSessions and
    the prompt's own), and each ``Application.__init__`` rebuilds the ~600 default
    bindings (``load_key_bindings``): most of the time between an answer and the next
    question. Those bindings hold no state of their own (their filters look at the app
    that runs them), so one set can serve every prompt of the process.
    """
    from prompt_toolkit.application import application

    build = getattr(application, "load_key_bindings", None)
    if callable(build):
        shared = build()
        application.load_key_bindings = lambda: shared  # type: ignore[attr-defined]


def _kwargs(look: Look) -> dict[str, Any]:
    """Keyword arguments for every questionary prompt (passed on to prompt_toolkit)."""
    _share_default_bindings()
    # no syntax highlighting anywhere: skip merging Pygments' style rules into each prompt
    kwargs: dict[str, Any] = {"include_default_pygments_style": False}
    if look.no_color or os.environ.get("NO_COLOR", "") != "":
        from prompt_toolkit.output import ColorDepth

        kwargs["color_depth"] = ColorDepth.DEPTH_1_BIT
    return kwargs


def _list_keys(back: bool) -> Any:
    """Ctrl-D and SIGINT stop a list prompt like Ctrl-C (questionary ignores them), ``<``
    goes back."""
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _eof(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    # SIGINT (Ctrl-C pressed before the list took the terminal, or kill -INT) reaches a
    # list as a <sigint> key, which prompt_toolkit's defaults ignore: stop as Ctrl-C does
    @bindings.add("<sigint>")
    def _sigint(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    if back:

        @bindings.add(BACK_KEY, eager=True)
        def _back(event: Any) -> None:
            event.app.exit(result=BACK)

    return bindings


def _with_keys(question: Any, back: bool) -> Any:
    from prompt_toolkit.key_binding import merge_key_bindings

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, _list_keys(back)])
    return question


def _instruction(parts: Sequence[str], look: Look) -> str:
    shown = list(parts)
    if look.can_go_back:
        shown.append(f"{BACK_KEY} back")
    return "(" + ", ".join(shown) + ")"


@dataclass(frozen=True)
class Prompt(Generic[T]):
    """A question built and ready to show: :meth:`ask` shows it and returns the answer.

    Building (questionary and prompt_toolkit objects) and asking are apart so that the
    next question can be built while the last answer is being written to disk.
    """

    question: Any
    finish: Callable[[Any], T]

    def ask(self, *, when_shown: Callable[[], None] | None = None) -> T:
        """Show the question and wait for the answer; Ctrl-C/Ctrl-D raise Interrupted.

        ``when_shown`` runs once, right after the question is first drawn: work for the
        time the person reads it. It must not fail (an exception is dropped).
        """
        if when_shown is not None:
            _after_first_render(self.question, when_shown)
        return self.finish(_unsafe_ask(self.question))


def _after_first_render(question: Any, callback: Callable[[], None]) -> None:
    app = question.application

    def shown(_app: Any) -> None:
        app.after_render.remove_handler(shown)
        with contextlib.suppress(Exception):
            callback()

    app.after_render.add_handler(shown)


def _select(
    message: str,
    choices: Sequence[tuple[Any, str]],
    *,
    current: Any,
    look: Look,
    shortcuts: bool,
) -> Any:
    """A questionary select with the Back choice and keys (not yet shown)."""
    import questionary

    items: list[Any] = [
        questionary.Choice(
            clean(label),
            value=value,
            shortcut_key=str(index + 1) if shortcuts and index < 9 else False,
        )
        for index, (value, label) in enumerate(choices)
    ]
    if look.can_go_back:
        items += [
            questionary.Separator(" "),
            # "<) ← Back" beside "1) ...", naming the key that goes back at once (a title
            # given as formatted text gets no shortcut prefix of questionary's own)
            questionary.Choice(
                [("class:text", f"{BACK_KEY}) {BACK_LABEL}" if shortcuts else BACK_LABEL)],
                value=BACK,
                shortcut_key=False,
            ),
        ]
    values = [value for value, _ in choices]
    keys = f"↑/↓ or 1-{len(choices)}, Enter" if shortcuts and len(choices) <= 9 else "↑/↓, Enter"
    question = questionary.select(
        clean(message),
        choices=items,
        default=current if current in values else None,
        use_shortcuts=shortcuts,
        instruction=_instruction([keys], look),
        **_kwargs(look),
    )
    return _with_keys(question, look.can_go_back)


def _is_likert(answer: Any) -> int | GoBack:
    assert isinstance(answer, int | GoBack)
    return answer


def _is_option(answer: Any) -> str | GoBack:
    assert isinstance(answer, str | GoBack)
    return answer


def likert_prompt(
    message: str, *, current: int | None = None, look: Look = Look()
) -> Prompt[int | GoBack]:
    """Strongly disagree (1) … strongly agree (5); keys 1-5 jump to a point."""
    question = _select(message, LIKERT_CHOICES, current=current, look=look, shortcuts=True)
    return Prompt(question, _is_likert)


def ask_likert(message: str, *, current: int | None = None, look: Look = Look()) -> int | GoBack:
    """Ask :func:`likert_prompt`."""
    return likert_prompt(message, current=current, look=look).ask()


def single_prompt(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: str | None = None,
    look: Look = Look(),
) -> Prompt[str | GoBack]:
    """One of ``options`` (``(id, label)``); the answer is the option's id."""
    shortcuts = len(options) <= 9
    question = _select(message, options, current=current, look=look, shortcuts=shortcuts)
    return Prompt(question, _is_option)


def ask_single(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: str | None = None,
    look: Look = Look(),
) -> str | GoBack:
    """Ask :func:`single_prompt`."""
    return single_prompt(message, options, current=current, look=look).ask()


def multi_prompt(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: Sequence[str] | None = None,
    look: Look = Look(),
) -> Prompt[list[str] | GoBack]:
    """Any number of ``options``, none included; the answer is the ticked ids in option
    order."""
    import questionary

    ticked = set(current or ())
    items = [
        questionary.Choice(clean(label), value=option_id, checked=option_id in ticked)
        for option_id, label in options
    ]
    question = questionary.checkbox(
        clean(message),
        choices=items,
        instruction=_instruction(["Space ticks, Enter; none is fine"], look),
        **_kwargs(look),
    )

    def finish(answer: Any) -> list[str] | GoBack:
        if isinstance(answer, GoBack):
            return answer
        chosen = set(answer)
        return [option_id for option_id, _ in options if option_id in chosen]

    return Prompt(_with_keys(question, look.can_go_back), finish)


def ask_multi(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: Sequence[str] | None = None,
    look: Look = Look(),
) -> list[str] | GoBack:
    """Ask :func:`multi_prompt`."""
    return multi_prompt(message, options, current=current, look=look).ask()


def _text(
    message: str,
    check: Callable[[str], bool | str],
    finish: Callable[[str], T],
    *,
    default: str,
    hint: str,
    look: Look,
) -> Prompt[T | GoBack]:
    """A one-line text prompt; ``<`` alone goes back (where there is a question before)."""
    import questionary

    def validate(text: str) -> bool | str:
        if text.strip() == BACK_KEY:
            return True if look.can_go_back else "this is the first question"
        return check(text)

    def done(answer: Any) -> T | GoBack:
        text = str(answer)
        if text.strip() == BACK_KEY and look.can_go_back:
            return BACK
        return finish(text)

    question = questionary.text(
        clean(message),
        default=default,
        validate=validate,
        instruction=_instruction([hint], look),
        **_kwargs(look),
    )
    return Prompt(question, done)


def _bound(number: float) -> str:
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:g}"


def number_problem(
    number: float, *, minimum: float | None, maximum: float | None, integer: bool
) -> str | None:
    """Why ``number`` is not an acceptable answer, or ``None``."""
    if math.isnan(number) or math.isinf(number):
        return "enter a finite number"
    if integer and not float(number).is_integer():
        return "enter a whole number"
    if minimum is not None and number < minimum:
        return f"enter at least {_bound(minimum)}"
    if maximum is not None and number > maximum:
        return f"enter at most {_bound(maximum)}"
    return None


def number_hint(
    *, minimum: float | None, maximum: float | None, integer: bool, unit: str | None
) -> str:
    """``a whole number from 0 to 60 years`` and the like."""
    kind = "a whole number" if integer else "a number"
    if minimum is not None and maximum is not None:
        kind += f" from {_bound(minimum)} to {_bound(maximum)}"
    elif minimum is not None:
        kind += f", at least {_bound(minimum)}"
    elif maximum is not None:
        kind += f", at most {_bound(maximum)}"
    return f"{kind} {clean(unit)}" if unit else kind


def _number_text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))


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
) -> Prompt[int | float | GoBack | None]:
    """A number in range, asked again (with the reason under the prompt) until it fits.

    Whole numbers come back as ``int``. ``None``: left empty where ``required`` is false.
    """

    def check(text: str) -> bool | str:
        if not text.strip() and not required:
            return True
        try:
            number = parse_number(text)
        except ValueError as exc:
            return str(exc)
        problem = number_problem(number, minimum=minimum, maximum=maximum, integer=integer)
        return True if problem is None else problem

    def finish(text: str) -> int | float | None:
        if not text.strip():
            return None
        number = parse_number(text)
        return int(number) if number.is_integer() else number

    hint = number_hint(minimum=minimum, maximum=maximum, integer=integer, unit=unit)
    if not required:
        hint += ", Enter to skip"
    default = "" if current is None else _number_text(current)
    return _text(message, check, finish, default=default, hint=hint, look=look)


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
) -> int | float | GoBack | None:
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
) -> Prompt[str | GoBack | None]:
    """Free text (one line, surrounding spaces dropped). ``None``: skipped (optional)."""

    def check(text: str) -> bool | str:
        if not text.strip():
            return True if not required else "an answer is needed here"
        if len(text.strip()) > max_length:
            return f"at most {max_length:,} characters (now {len(text.strip()):,})"
        return True

    def finish(text: str) -> str | None:
        return text.strip() or None

    hint = "optional, Enter to skip" if not required else "type, then Enter"
    return _text(message, check, finish, default=current or "", hint=hint, look=look)


def ask_text(
    message: str,
    *,
    required: bool = True,
    max_length: int = 2000,
    current: str | None = None,
    look: Look = Look(),
) -> str | GoBack | None:
    """Ask :func:`text_prompt`."""
    return text_prompt(
        message, required=required, max_length=max_length, current=current, look=look
    ).ask()


def choose_banks(banks: Sequence[tuple[str, str]], *, look: Look = Look()) -> list[str]:
    """Which banks to answer (``(id, label)``), every one ticked to start with."""
    import questionary

    items = [
        questionary.Choice(clean(label), value=bank_id, checked=True) for bank_id, label in banks
    ]
    question = questionary.checkbox(
        "Which banks do you want to answer?",
        choices=items,
        validate=lambda chosen: True if chosen else "tick at least one bank",
        instruction="(↑/↓, Space unticks, Enter starts)",
        **_kwargs(look),
    )
    answer = _unsafe_ask(_with_keys(question, back=False))
    chosen = set(answer)
    return [bank_id for bank_id, _ in banks if bank_id in chosen]


def choose_resume(resume_label: str, restart_label: str, *, look: Look = Look()) -> bool:
    """Resume the unfinished assessment (True) or start over (False)."""
    import questionary

    question = questionary.select(
        "You have an unfinished assessment.",
        choices=[
            questionary.Choice(clean(resume_label), value=True),
            questionary.Choice(clean(restart_label), value=False),
        ],
        instruction="(↑/↓, Enter)",
        **_kwargs(look),
    )
    answer = _unsafe_ask(_with_keys(question, back=False))
    return bool(answer)


def ask_checklist(
    message: str, choices: Sequence[tuple[str, str]], checked: Sequence[str] = ()
) -> list[str]:
    """A checklist of ``choices`` (``(id, label)``), ``checked`` ones ticked to start
    with; returns the ticked ids in choice order (none is fine)."""
    import questionary

    ticked = set(checked)
    items = [
        questionary.Choice(clean(label), value=choice_id, checked=choice_id in ticked)
        for choice_id, label in choices
    ]
    question = questionary.checkbox(
        clean(message),
        choices=items,
        instruction="(↑/↓, Space ticks or unticks, Enter saves)",
        **_kwargs(Look()),
    )
    chosen = set(_unsafe_ask(_with_keys(question, back=False)))
    return [choice_id for choice_id, _ in choices if choice_id in chosen]
