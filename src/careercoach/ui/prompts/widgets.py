"""The building blocks of every prompt: questionary and prompt_toolkit, wrapped once.

Every prompt uses questionary's ``unsafe_ask()``: ``ask()`` swallows Ctrl-C and returns
``None``. Ctrl-C and Ctrl-D become :class:`careercoach.errors.Interrupted` (exit 130), so
the command decides what to say. questionary and prompt_toolkit are imported inside the
functions: importing this module costs nothing.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

from careercoach.errors import Interrupted
from careercoach.safe_text import clean
from careercoach.ui import text_cells
from careercoach.ui.prompts.layout import (
    Tokens,
    fragment_text,
    head,
    label_lines,
    questionary_head,
)

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


@contextlib.contextmanager
def asking() -> Iterator[None]:
    """Ctrl-C (KeyboardInterrupt) and Ctrl-D or a closed stdin (EOFError) → Interrupted."""
    try:
        yield
    except (KeyboardInterrupt, EOFError) as exc:
        raise Interrupted("interrupted") from exc


def unsafe_ask(question: Any) -> Any:
    with asking():
        answer = question.unsafe_ask()
    if answer is None:  # questionary's own interrupt path; unsafe_ask should not get here
        raise Interrupted("interrupted")
    return answer


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


def prompt_kwargs(look: Look) -> dict[str, Any]:
    """Keyword arguments for every questionary prompt (passed on to prompt_toolkit)."""
    # no syntax highlighting anywhere: skip merging Pygments' style rules into each prompt
    kwargs: dict[str, Any] = {"include_default_pygments_style": False}
    if look.no_color or os.environ.get("NO_COLOR", "") != "":
        from prompt_toolkit.output import ColorDepth

        kwargs["color_depth"] = ColorDepth.DEPTH_1_BIT
    return kwargs


def list_keys(back: bool) -> Any:
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


def with_keys(question: Any, back: bool) -> Any:
    from prompt_toolkit.key_binding import merge_key_bindings

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, list_keys(back)])
    return question


def instruction_text(parts: Sequence[str], look: Look) -> str:
    shown = list(parts)
    if look.can_go_back:
        shown.append(f"{BACK_KEY} back")
    return "(" + ", ".join(shown) + ")"


def questionary_style() -> Any:
    """questionary's own colours, for what is drawn beside its prompts."""
    from questionary.constants import DEFAULT_STYLE

    return DEFAULT_STYLE


def echo_answered(message: str, answer: str, look: Look, width: int) -> None:
    """Print what a list prompt reads once left: ``? message answer`` laid out as it was
    asked (``answer`` empty: stopped, or gone back by key)."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    tokens = head(message, answer, "class:answer", width)
    print_formatted_text(FormattedText(tokens), style=questionary_style(), **prompt_kwargs(look))


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
            answer = unsafe_ask(self.question)
        except Interrupted:
            if self.echo is not None:
                self.echo(None)
            raise
        if self.echo is not None:
            self.echo(answer)
        return self.finish(answer)


def same(answer: Any) -> Any:
    return answer


def list_prompt(
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
    shown, instruction_shown = questionary_head(message, instruction, width)
    question = build(shown, instruction_shown, {**prompt_kwargs(look), "erase_when_done": True})

    def echo(answer: Any) -> None:
        echo_answered(message, "" if answer is None else said(answer), look, width)

    return Prompt(with_keys(question, back), same, echo)


def select_prompt(
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
            label_lines(label, width, prefix),
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

    return list_prompt(
        clean(message),
        instruction_text([keys], look),
        build,
        said,
        look=look,
        back=look.can_go_back,
        width=width,
    )


def checkbox_prompt(
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
            label_lines(clean(label), width, 5), value=option_id, checked=option_id in ticked
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

    return list_prompt(
        clean(message), instruction, build, said, look=look, back=look.can_go_back, width=width
    )


INPUT_MARK = "> "
"""Where the answer to a number or text prompt is typed, on a line of its own."""


def typed_prompt(
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
        *head(shown, hint, "class:instruction", width),
        ("", "\n"),
        ("class:qmark", "  " + INPUT_MARK),
    ]
    asked = head(shown, "", "", width)

    def tokens() -> Tokens:
        if not session.app.is_done:
            return waiting
        # the answer follows on the question's last line where it fits
        last = text_cells.cells(fragment_text(asked).rsplit("\n", 1)[-1])
        room = last + 1 + text_cells.cells(session.default_buffer.text) <= width
        return [*asked, ("", " " if room else "\n  ")]

    session: PromptSession[str] = PromptSession(
        tokens,
        style=questionary_style(),
        validator=Check(),
        lexer=SimpleLexer("class:answer"),
        **prompt_kwargs(look),
    )
    session.default_buffer.reset(Document(default))
    return Prompt(questionary.Question(session.app), done)
