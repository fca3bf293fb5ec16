"""The number and text prompts: one line typed, on a line of its own under the question;
``<`` alone goes back, ``?`` alone asks what the question means."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from careercoach.safe_text import clean
from careercoach.ui import text_cells
from careercoach.ui.prompts.layout import LaidOut, Tokens, fragment_text
from careercoach.ui.prompts.widgets import (
    BACK,
    BACK_KEY,
    HELP_KEY,
    GoBack,
    HelpAsked,
    Look,
    Prompt,
    prompt_kwargs,
    questionary_style,
)

T = TypeVar("T")

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
) -> Prompt[T | GoBack | HelpAsked]:
    """A one-line text prompt; ``<`` alone goes back (where there is a question before),
    ``?`` alone asks for help (where :attr:`Look.can_ask_help`).

    While it waits: the question, the hint (a sentence), and the answer typed on a line of
    its own. Once answered: ``? <question> <answer>``, as a list's answer reads.
    """
    import questionary
    from prompt_toolkit import PromptSession
    from prompt_toolkit.document import Document
    from prompt_toolkit.filters import is_done
    from prompt_toolkit.layout.processors import ConditionalProcessor
    from prompt_toolkit.lexers import SimpleLexer
    from prompt_toolkit.validation import ValidationError, Validator

    class Check(Validator):
        """The typed text's problem, shown under the prompt until Enter is pressed on an
        acceptable answer."""

        def validate(self, document: Document) -> None:
            text = document.text
            verdict = True if look.can_go_back and text.strip() == BACK_KEY else check(text)
            if look.can_ask_help and text.strip() == HELP_KEY:
                verdict = True
            if text.strip() == BACK_KEY and not look.can_go_back:
                verdict = "this is the first question"
            if verdict is not True:
                problem = verdict or "not a valid answer"
                raise ValidationError(message=problem, cursor_position=len(text))

    def done(answer: Any) -> T | GoBack | HelpAsked:
        text = str(answer)
        if text.strip() == BACK_KEY and look.can_go_back:
            return BACK
        if text.strip() == HELP_KEY and look.can_ask_help:
            return HelpAsked()
        return finish(text)

    if look.can_go_back and look.can_ask_help:
        hint += f" Type {BACK_KEY} to go back, {HELP_KEY} for help."
    elif look.can_go_back:
        hint += f" Type {BACK_KEY} to go back."
    elif look.can_ask_help:
        hint += f" Type {HELP_KEY} for help."
    shown = clean(message)
    laid = LaidOut(shown, hint, (), 0)

    def tokens() -> Tokens:
        laid.follow()  # a resized terminal: the question laid out anew
        if not session.app.is_done:
            return [*laid.waiting, ("", "\n"), ("class:qmark", "  " + INPUT_MARK)]
        # the answer (drawn here: the buffer is hidden once done) follows on the question's
        # last line where it fits, else on lines of its own, indented, broken between words
        answer = clean(session.default_buffer.text)
        last = text_cells.cells(fragment_text(laid.left).rsplit("\n", 1)[-1])
        if last + 1 + text_cells.cells(answer) <= laid.width:
            return [*laid.left, ("", " "), ("class:answer", answer)]
        below = text_cells.wrap_words(answer, laid.width, first="  ", indent="  ")
        return [*laid.left, ("", "\n"), ("class:answer", "\n".join(below))]

    typed_indent = " " * (2 + len(INPUT_MARK))

    session: PromptSession[str] = PromptSession(
        tokens,
        style=questionary_style(),
        validator=Check(),
        lexer=SimpleLexer("class:answer"),
        # a line typed wider than the screen goes on under the typed text, not at column 0
        prompt_continuation=lambda _width, _line, _wraps: typed_indent,
        input_processors=[ConditionalProcessor(_hidden(), is_done)],
        **prompt_kwargs(look),
    )
    session.default_buffer.reset(Document(default))
    return Prompt(questionary.Question(session.app), done)


def _hidden() -> Any:
    """A processor that draws nothing: the typed line, once answered, is drawn by the
    prompt's own tokens (wrapped between words, indented)."""
    from prompt_toolkit.layout.processors import Processor, Transformation, TransformationInput

    class Hidden(Processor):
        def apply_transformation(self, transformation_input: TransformationInput) -> Transformation:
            return Transformation([], lambda _i: 0, lambda _i: 0)

    return Hidden()
