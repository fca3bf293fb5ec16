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
import math
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Final, Generic, TypeAlias, TypeVar

from careercoach.errors import Interrupted
from careercoach.safe_text import clean
from careercoach.ui import text_cells

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples

_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_CURRENCY = "$€£¥"

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


def parse_number(text: str, *, percent: bool = False, currency: bool = False) -> float:
    """A number as a person types it: ``60000``, ``60,000``, ``1.5e3``, with ``percent``
    also ``25%`` (= 0.25), and with ``currency`` also ``$70,000`` or ``70,000 €`` (one
    currency sign, before or after, is ignored). ``ValueError`` with a short reason
    otherwise.

    ``nan`` and ``inf`` parse; range checks are the caller's.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("enter a number")
    value = raw
    scale = 1.0
    if currency and value[:1] in _CURRENCY:
        value = value[1:].lstrip()
    elif currency and value[-1:] in _CURRENCY:
        value = value[:-1].rstrip()
    if percent and value.endswith("%"):
        value, scale = value[:-1].rstrip(), 0.01
    if _THOUSANDS.fullmatch(value):
        value = value.replace(",", "")
    try:
        number = float(value)
    except ValueError:
        shown = raw if len(raw) <= 20 else raw[:19] + "…"
        raise ValueError(f"not a number: {shown!r}") from None
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
            number = parse_number(text, percent=percent, currency=True)
        except ValueError as exc:
            return str(exc)
        problem = validate(number) if validate else None
        return True if problem is None else problem

    question = questionary.text(clean(message), default=default, validate=check)
    return parse_number(str(_unsafe_ask(question)), percent=percent, currency=True)


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


def _kwargs(look: Look) -> dict[str, Any]:
    """Keyword arguments for every questionary prompt (passed on to prompt_toolkit)."""
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


# -- lines that fit the screen ----------------------------------------------------------
#
# prompt_toolkit breaks a line that is wider than the terminal wherever the edge falls,
# mid-word. So every prompt is laid out here, between words, at most `text_cells.text_width()`
# wide: the question (from a bank, any length), then its instruction or, once answered,
# the answer, on the question's last line where it fits and on lines of their own where
# it does not.
#
# A list prompt (select, checkbox) gets its question and instruction laid out before
# questionary sees them, and erases itself when done: what it reads once answered is
# printed after it (`_echo`). A text prompt is a prompt_toolkit `PromptSession` of our
# own, whose message is the laid-out question, waiting and answered alike.

Tokens: TypeAlias = "StyleAndTextTuples"


def wrap(text: str, width: int, *, indent: str = "", first: str | None = None) -> list[str]:
    """``text`` in lines at most ``width`` wide, broken between words (a word wider than a
    line is cut); the first line starts with ``first`` (else ``indent``), the others with
    ``indent``."""
    start = indent if first is None else first
    lines = text_cells.wrap(text, width, initial_indent=start, subsequent_indent=indent)
    return lines or [start.rstrip()]


def _head_lines(message: str, tail: str, width: int) -> tuple[list[str], list[str] | None]:
    """The lines of ``? message`` (continuation lines indented two columns), and those of
    ``tail`` below it, or ``None`` where ``tail`` fits on the message's last line."""
    lines = wrap(message, width, first="? ", indent="  ")
    if not tail or text_cells.cells(lines[-1]) + 1 + text_cells.cells(tail) <= width:
        return lines, None
    return lines, wrap(tail, width, indent="  ")


def _head(message: str, tail: str, tail_style: str, width: int) -> Tokens:
    """``? message tail`` wrapped between words, continuation lines indented two columns;
    ``tail`` (the instruction, or the answer) goes on the message's last line where it
    fits, else on lines of its own below."""
    lines, below = _head_lines(message, tail, width)
    tokens: Tokens = [("class:qmark", "?"), ("class:question", lines[0][1:])]
    for line in lines[1:]:
        tokens += [("", "\n"), ("class:question", line)]
    if below is None and tail:
        tokens += [("", " "), (tail_style, tail)]
    for line in below or []:
        tokens += [("", "\n"), (tail_style, line)]
    return tokens


def _questionary_head(message: str, instruction: str, width: int) -> tuple[str, str]:
    """``message`` and ``instruction`` laid out for questionary, which draws them as
    ``? <message> <instruction>``: the same lines as :func:`_head`."""
    lines, below = _head_lines(message, instruction, width)
    shown = "\n".join(lines)[2:]
    return shown, instruction if below is None else "\n" + "\n".join(below)


def _label(text: str, width: int, prefix: int) -> str:
    """A choice's label wrapped to fit after the ``prefix`` columns questionary draws
    before it (pointer, shortcut, tick box), continuation lines aligned under it."""
    pad = " " * prefix
    return "\n".join(wrap(text, width, indent=pad))[prefix:]


def _style() -> Any:
    """questionary's own colours, for what is drawn beside its prompts."""
    from questionary.constants import DEFAULT_STYLE

    return DEFAULT_STYLE


def _echo(message: str, answer: str, look: Look, width: int) -> None:
    """Print what a list prompt reads once left: ``? message answer`` laid out as it was
    asked (``answer`` empty: stopped, or gone back by key)."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    tokens = _head(message, answer, "class:answer", width)
    print_formatted_text(FormattedText(tokens), style=_style(), **_kwargs(look))


@dataclass(frozen=True)
class Prompt(Generic[T]):
    """A question built and ready to show: :meth:`ask` shows it and returns the answer."""

    question: Any
    finish: Callable[[Any], T]
    echo: Callable[[Any], None] | None = None
    """Prints what the question reads once left, given the raw answer (``None`` when it
    was stopped); for a prompt that erases itself when done."""

    def ask(self) -> T:
        """Show the question and wait for the answer; Ctrl-C/Ctrl-D raise Interrupted."""
        try:
            answer = _unsafe_ask(self.question)
        except Interrupted:
            if self.echo is not None:
                self.echo(None)
            raise
        if self.echo is not None:
            self.echo(answer)
        return self.finish(answer)


def _same(answer: Any) -> Any:
    return answer


def _list_prompt(
    message: str,
    instruction: str,
    build: Callable[[str, str, dict[str, Any]], Any],
    said: Callable[[Any], str],
    *,
    look: Look,
    back: bool,
    width: int,
) -> Prompt[Any]:
    """A select or checkbox, ``build(message, instruction, kwargs)``, laid out to the
    screen and said again, once left, as ``? message said(answer)``."""
    shown, instruction_shown = _questionary_head(message, instruction, width)
    question = build(shown, instruction_shown, {**_kwargs(look), "erase_when_done": True})

    def echo(answer: Any) -> None:
        _echo(message, "" if answer is None else said(answer), look, width)

    return Prompt(_with_keys(question, back), _same, echo)


def _select(
    message: str,
    choices: Sequence[tuple[Any, str]],
    *,
    current: Any,
    look: Look,
    shortcuts: bool,
) -> Prompt[Any]:
    """A questionary select with the Back choice and keys (not yet shown)."""
    import questionary

    width = text_cells.text_width()
    prefix = 6 if shortcuts else 3  # " » " and "1) "
    labels = [(value, clean(label)) for value, label in choices]
    items: list[Any] = [
        questionary.Choice(
            _label(label, width, prefix),
            value=value,
            shortcut_key=str(index + 1) if shortcuts and index < 9 else False,
        )
        for index, (value, label) in enumerate(labels)
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

    def build(shown: str, instruction: str, kwargs: dict[str, Any]) -> Any:
        return questionary.select(
            shown,
            choices=items,
            default=current if current in values else None,
            use_shortcuts=shortcuts,
            instruction=instruction,
            qmark="?",
            **kwargs,
        )

    def said(answer: Any) -> str:
        return next((label for value, label in labels if value == answer), BACK_LABEL)

    return _list_prompt(
        clean(message),
        _instruction([keys], look),
        build,
        said,
        look=look,
        back=look.can_go_back,
        width=width,
    )


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
    chosen = _select(message, LIKERT_CHOICES, current=current, look=look, shortcuts=True)
    return replace(chosen, finish=_is_likert)


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
    chosen = _select(message, options, current=current, look=look, shortcuts=shortcuts)
    return replace(chosen, finish=_is_option)


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

    def said(answer: Any) -> str:
        if isinstance(answer, GoBack):
            return BACK_LABEL
        chosen = set(answer)
        picked = [clean(label) for option_id, label in options if option_id in chosen]
        return ", ".join(picked) or "none"

    ticked = _checkbox(
        message,
        options,
        current=current,
        look=look,
        instruction=_instruction(["Space ticks, Enter; none is fine"], look),
        said=said,
    )

    def finish(answer: Any) -> list[str] | GoBack:
        if isinstance(answer, GoBack):
            return answer
        chosen = set(answer)
        return [option_id for option_id, _ in options if option_id in chosen]

    return replace(ticked, finish=finish)


def _checkbox(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: Sequence[str] | None,
    look: Look,
    instruction: str,
    said: Callable[[Any], str],
    validate: Callable[[list[str]], bool | str] | None = None,
) -> Prompt[Any]:
    """A questionary checkbox laid out to the screen: labels wrapped under themselves,
    the question, then ``instruction`` or (once answered) ``said(answer)``."""
    import questionary

    ticked = set(current or ())
    width = text_cells.text_width()
    items = [
        # " » " and "● " before each label
        questionary.Choice(
            _label(clean(label), width, 5), value=option_id, checked=option_id in ticked
        )
        for option_id, label in options
    ]

    def build(shown: str, instruction: str, kwargs: dict[str, Any]) -> Any:
        return questionary.checkbox(
            shown,
            choices=items,
            instruction=instruction,
            qmark="?",
            validate=validate or (lambda _chosen: True),
            **kwargs,
        )

    return _list_prompt(
        clean(message), instruction, build, said, look=look, back=look.can_go_back, width=width
    )


def ask_multi(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: Sequence[str] | None = None,
    look: Look = Look(),
) -> list[str] | GoBack:
    """Ask :func:`multi_prompt`."""
    return multi_prompt(message, options, current=current, look=look).ask()


INPUT_MARK = "> "
"""Where the answer to a number or text prompt is typed, on a line of its own."""


def _text(
    message: str,
    check: Callable[[str], bool | str],
    finish: Callable[[str], T],
    *,
    default: str,
    hint: str,
    look: Look,
) -> Prompt[T | GoBack]:
    """A one-line text prompt; ``<`` alone goes back (where there is a question before).

    While it waits: the question, the hint (a sentence), and the answer typed on a line of
    its own. Once answered: ``? <question> <answer>``, as a list's answer reads.
    """
    import questionary
    from prompt_toolkit import PromptSession
    from prompt_toolkit.document import Document
    from prompt_toolkit.lexers import SimpleLexer
    from prompt_toolkit.validation import ValidationError, Validator

    class Check(Validator):
        """The typed text's problem, shown under the prompt until Enter is pressed on an
        acceptable answer."""

        def validate(self, document: Document) -> None:
            text = document.text
            verdict = True if look.can_go_back and text.strip() == BACK_KEY else check(text)
            if text.strip() == BACK_KEY and not look.can_go_back:
                verdict = "this is the first question"
            if verdict is not True:
                problem = verdict or "not a valid answer"
                raise ValidationError(message=problem, cursor_position=len(text))

    def done(answer: Any) -> T | GoBack:
        text = str(answer)
        if text.strip() == BACK_KEY and look.can_go_back:
            return BACK
        return finish(text)

    if look.can_go_back:
        hint += f" Type {BACK_KEY} to go back."
    shown = clean(message)
    width = text_cells.text_width()
    waiting = [
        *_head(shown, hint, "class:instruction", width),
        ("", "\n"),
        ("class:qmark", "  " + INPUT_MARK),
    ]
    asked = _head(shown, "", "", width)

    def tokens() -> Tokens:
        if not session.app.is_done:
            return waiting
        # the answer follows on the question's last line where it fits
        last = text_cells.cells(fragment_text(asked).rsplit("\n", 1)[-1])
        room = last + 1 + text_cells.cells(session.default_buffer.text) <= width
        return [*asked, ("", " " if room else "\n  ")]

    session: PromptSession[str] = PromptSession(
        tokens,
        style=_style(),
        validator=Check(),
        lexer=SimpleLexer("class:answer"),
        **_kwargs(look),
    )
    session.default_buffer.reset(Document(default))
    return Prompt(questionary.Question(session.app), done)


def fragment_text(tokens: Tokens) -> str:
    """The plain text of ``tokens``."""
    return "".join(fragment[1] for fragment in tokens)


def _bound(number: float) -> str:
    """``10,000,000``, ``0.05``, ``1,234,567.5``: never ``1e+07``."""
    from decimal import Decimal

    if float(number).is_integer():
        return f"{number:,.0f}"
    return format(Decimal(repr(float(number))), ",f")


def number_problem(
    number: float, *, minimum: float | None, maximum: float | None, integer: bool
) -> str | None:
    """Why ``number`` is not an acceptable answer, or ``None``."""
    if math.isnan(number) or math.isinf(number):
        return "enter a finite number"
    if abs(number) > 2**53:  # as an answers file (storage.answers.MAX_EXACT_NUMBER)
        return "enter a smaller number"
    if integer and not float(number).is_integer():
        return "enter a whole number"
    if minimum is not None and number < minimum:
        return f"enter at least {_bound(minimum)}"
    if maximum is not None and number > maximum:
        return f"enter at most {_bound(maximum)}"
    return None


def percent_range(minimum: float | None, maximum: float | None) -> bool:
    """Whether a number question also takes a percentage (``80%`` = 0.8): its range goes
    no higher than 1, so a fraction is what it asks for."""
    del minimum  # a rate may go below 0 (-0.5 to 1): a percentage still reads right
    return maximum is not None and maximum <= 1


def number_hint(
    *,
    minimum: float | None,
    maximum: float | None,
    integer: bool,
    unit: str | None,
    percent: bool = False,
) -> str:
    """``Enter a whole number from 0 to 60 (years).`` and the like: one sentence."""
    kind = "a whole number" if integer else "a number"
    if minimum is not None and maximum is not None:
        kind += f" from {_bound(minimum)} to {_bound(maximum)}"
    elif minimum is not None:
        kind += f", at least {_bound(minimum)},"
    elif maximum is not None:
        kind += f", at most {_bound(maximum)},"
    if unit:
        kind += f" ({clean(unit)})"
    if percent and maximum is not None:
        low = _bound(round(minimum * 100, 9)) if minimum is not None else "0"
        kind += f", or {low}% to {_bound(round(maximum * 100, 9))}%"
    return f"Enter {kind.rstrip(',')}."


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
        except ValueError as exc:
            return str(exc)
        problem = number_problem(number, minimum=minimum, maximum=maximum, integer=integer)
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

    hint = "Optional: Enter alone skips." if not required else "Type your answer, then Enter."
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

    def said(answer: Any) -> str:
        chosen = set(answer)
        return ", ".join(clean(bank_id) for bank_id, _ in banks if bank_id in chosen)

    ticked = _checkbox(
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
    chosen = _select(
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

    ticked = _checkbox(
        message,
        choices,
        current=checked,
        look=look,
        instruction="(↑/↓, Space ticks or unticks, Enter saves)",
        said=said,
    )
    chosen = set(ticked.ask())
    return [choice_id for choice_id, _ in choices if choice_id in chosen]
