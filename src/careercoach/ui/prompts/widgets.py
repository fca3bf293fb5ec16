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
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

from careercoach.errors import Interrupted
from careercoach.safe_text import clean
from careercoach.ui.prompts.layout import Label, LaidOut, Tokens, head

if TYPE_CHECKING:
    from prompt_toolkit.key_binding import KeyBindings

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


@dataclass(frozen=True)
class HelpAsked:
    """The answer "what does this mean?": nothing is answered; ``draft`` is what the
    person had pointed at, ticked or typed, to show again with the question."""

    draft: Any = None


HELP_KEY = "?"
"""In a list, the key that asks what the question means; in a number or text prompt,
typed alone as the whole answer (then Enter), so a "?" inside a written answer stays."""


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
    can_ask_help: bool = False
    """``?`` asks what the question means (the assessment's questions)."""


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


def instruction_text(parts: Sequence[str], look: Look) -> str:
    shown = list(parts)
    if look.can_go_back:
        shown.append(f"{BACK_KEY} back")
    if look.can_ask_help:
        shown.append(f"{HELP_KEY} for help")
    return "(" + ", ".join(shown) + ")"


def questionary_style() -> Any:
    """questionary's own colours, for every prompt."""
    from questionary.constants import DEFAULT_STYLE

    return DEFAULT_STYLE


@dataclass(frozen=True)
class Prompt(Generic[T]):
    """A question built and ready to show: :meth:`ask` shows it and returns the answer."""

    question: Any
    finish: Callable[[Any], T]

    def ask(self) -> T:
        """Show the question and wait for the answer; Ctrl-C/Ctrl-D raise Interrupted."""
        return self.finish(unsafe_ask(self.question))


def same(answer: Any) -> Any:
    return answer


# -- lists: one prompt_toolkit Application each -------------------------------------------
#
# questionary's select and checkbox build three Applications a prompt (two PromptSessions
# for the question line and the error line, and the list's own), each with its ~600
# default key bindings: most of the time between an answer and the next question. A list
# here is one Application: our laid-out question line, questionary's list control
# (InquirerControl: pointer, shortcuts, ticks) and an error line, with the keys below.


def list_keys(
    control: Any,
    *,
    back: bool,
    submit: Callable[[Any], None],
    help_draft: Callable[[], Any] | None = None,
) -> KeyBindings:
    r"""The keys of every list: ↑/↓ (also j/k, Ctrl-N/Ctrl-P) move, PgUp/PgDn a screenful,
    Home/End to the first or last choice, Enter ``submit``\ s,
    Ctrl-C and SIGINT stop (KeyboardInterrupt), Ctrl-D stops (EOFError), ``<`` goes back
    where there is a question before, ``?`` asks for help where there is a ``help_draft``
    (what the person has chosen so far); other keys do nothing."""
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    def down(_event: Any) -> None:
        control.select_next()
        while not control.is_selection_valid():
            control.select_next()

    def up(_event: Any) -> None:
        control.select_previous()
        while not control.is_selection_valid():
            control.select_previous()

    for key in ("down", "j", "c-n"):
        bindings.add(key, eager=True)(down)
    for key in ("up", "k", "c-p"):
        bindings.add(key, eager=True)(up)

    def page(event: Any) -> int:
        """A screenful: the terminal's rows less the question line and one of context."""
        return max(1, int(event.app.output.get_size().rows) - 2)

    @bindings.add("pagedown", eager=True)
    def _page_down(event: Any) -> None:
        point_near(control, control.pointed_at + page(event), forward=True)

    @bindings.add("pageup", eager=True)
    def _page_up(event: Any) -> None:
        point_near(control, control.pointed_at - page(event), forward=False)

    @bindings.add("home", eager=True)
    def _home(_event: Any) -> None:
        point_near(control, 0, forward=True)

    @bindings.add("end", eager=True)
    def _end(_event: Any) -> None:
        point_near(control, len(control.choices) - 1, forward=False)

    @bindings.add("enter", eager=True)
    def _enter(event: Any) -> None:
        submit(event)

    # SIGINT (Ctrl-C pressed before the list took the terminal, or kill -INT) reaches a
    # list as a <sigint> key: stop as Ctrl-C does
    @bindings.add("c-c", eager=True)
    @bindings.add("<sigint>")
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add("c-d", eager=True)
    def _eof(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    if back:

        @bindings.add(BACK_KEY, eager=True)
        def _back(event: Any) -> None:
            event.app.exit(result=BACK)

    if help_draft is not None:
        draft = help_draft

        @bindings.add(HELP_KEY, eager=True)
        def _help(event: Any) -> None:
            event.app.exit(result=HelpAsked(draft()))

    @bindings.add("<any>")
    def _other(_event: Any) -> None:
        """No other text goes in."""

    return bindings


def selectable(control: Any) -> list[int]:
    """The places in the list that can be pointed at (not a separator, not disabled)."""
    from questionary import Separator

    return [
        at
        for at, choice in enumerate(control.choices)
        if not isinstance(choice, Separator) and not choice.disabled
    ]


def point_near(control: Any, wanted: int, *, forward: bool) -> None:
    """Point at the choice at ``wanted`` (kept within the list, no wrapping round), or
    the nearest one that can be pointed at: the next after it if ``forward``, else the
    one before it (and the other way at the end of the list)."""
    places = selectable(control)
    if not places:
        return
    after = [at for at in places if at >= wanted]
    before = [at for at in places if at <= wanted]
    if forward:
        control.pointed_at = after[0] if after else places[-1]
    else:
        control.pointed_at = before[-1] if before else places[0]


def list_question(
    control: Any,
    message: str,
    instruction: str,
    said: Callable[[Any], str],
    bindings: Any,
    *,
    look: Look,
    labels: Sequence[tuple[Any, Label]],
    prefix: int,
) -> Any:
    """The Application of a list prompt, as a questionary ``Question``: the question line
    (``instruction`` while it waits, ``said(control)`` once answered, nothing more when it
    was left another way: back, Ctrl-C), the list while it waits, and an error line.

    Laid out for the width of the moment: before each frame the width is asked again, and
    where it changed (the terminal was resized) the question line and the ``labels``
    (``(choice, label)``, wrapped after ``prefix`` columns) are laid out anew."""
    import questionary
    from prompt_toolkit.application import Application
    from prompt_toolkit.filters import Condition, is_done
    from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    laid = LaidOut(message, instruction, labels, prefix)

    def question_line() -> Tokens:
        if not app.is_done:
            return laid.waiting
        if control.is_answered:
            return head(message, said(control), "class:answer", laid.width)
        return laid.left

    layout = Layout(
        HSplit(
            [
                Window(
                    FormattedTextControl(question_line, show_cursor=False),
                    dont_extend_height=True,
                ),
                ConditionalContainer(Window(control), filter=~is_done),
                ConditionalContainer(
                    Window(FormattedTextControl(lambda: control.error_message or "")),
                    filter=Condition(lambda: control.error_message is not None) & ~is_done,
                ),
            ]
        )
    )
    app: Application[Any] = Application(
        layout=layout, key_bindings=bindings, style=questionary_style(), **prompt_kwargs(look)
    )
    app.before_render += laid.follow
    return questionary.Question(app)


def select_prompt(
    message: str,
    choices: Sequence[tuple[Any, str]],
    *,
    current: Any,
    look: Look,
    shortcuts: bool,
) -> Prompt[Any]:
    """One of ``choices`` (``(value, label)``), with the Back choice and keys; keys 1-9
    jump to a choice where there are ``shortcuts`` (not yet shown)."""
    import questionary
    from questionary.prompts.common import InquirerControl

    prefix = 6 if shortcuts else 3  # " » " and "1) "
    labels = [(value, clean(label)) for value, label in choices]
    items: list[Any] = [
        questionary.Choice(
            label,  # laid out by list_question
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
    default = current if current in values else None
    control: Any = InquirerControl(
        items,
        default,
        use_indicator=False,
        use_shortcuts=shortcuts,
        initial_choice=default,
        show_cursor=False,
    )

    def submit(event: Any) -> None:
        control.is_answered = True
        event.app.exit(result=control.get_pointed_at().value)

    bindings = list_keys(
        control,
        back=look.can_go_back,
        submit=submit,
        # no draft: the pointer alone is no answer, and the list marks its draft as one
        help_draft=(lambda: None) if look.can_ask_help else None,
    )
    for index, item in enumerate(items[: len(choices)]):
        if shortcuts and index < 9:
            bindings.add(item.shortcut_key, eager=True)(_point_at(control, index))

    def said(control: Any) -> str:
        chosen = control.get_pointed_at().value
        return next((label for value, label in labels if value == chosen), BACK_LABEL)

    keys = f"↑/↓ or 1-{len(choices)}, Enter" if shortcuts and len(choices) <= 9 else "↑/↓, Enter"
    instruction = instruction_text([keys], look)
    laid_out = list(zip(items, [label for _, label in labels], strict=False))
    question = list_question(
        control,
        clean(message),
        instruction,
        said,
        bindings,
        look=look,
        labels=laid_out,
        prefix=prefix,
    )
    return Prompt(question, same)


def _point_at(control: Any, index: int) -> Callable[[Any], None]:
    def point(_event: Any) -> None:
        control.pointed_at = index

    return point


def checkbox_prompt(
    message: str,
    options: Sequence[tuple[str, str]],
    *,
    current: Sequence[str] | None,
    look: Look,
    instruction: str,
    said: Callable[[list[str]], str],
    validate: Callable[[list[str]], bool | str] | None = None,
) -> Prompt[Any]:
    """Any of ``options`` (``(id, label)``): labels wrapped under themselves, the
    question, then ``instruction`` or (once answered) ``said(ticked ids)``. Space ticks,
    ``a`` ticks all (or none), ``i`` inverts; Enter answers where ``validate`` (of the
    ticked ids) returns True, else its words show under the list."""
    import questionary
    from prompt_toolkit.formatted_text import FormattedText
    from questionary.prompts.common import InquirerControl

    ticked = set(current or ())
    items = [
        questionary.Choice(clean(label), value=option_id, checked=option_id in ticked)
        for option_id, label in options
    ]
    control: Any = InquirerControl(items, show_cursor=False)

    def chosen() -> list[str]:
        return [choice.value for choice in control.get_selected_values()]

    def check() -> bool:
        verdict = True if validate is None else validate(chosen())
        if verdict is True:
            control.error_message = None
            return True
        problem = str(verdict or "not a valid answer")
        shown = FormattedText([("class:validation-toolbar", problem)])
        control.error_message = shown if control.submission_attempted else None
        return False

    def submit(event: Any) -> None:
        control.submission_attempted = True
        if check():
            control.is_answered = True
            event.app.exit(result=chosen())

    bindings = list_keys(
        control,
        back=look.can_go_back,
        submit=submit,
        help_draft=chosen if look.can_ask_help else None,
    )
    selectable = [choice.value for choice in control.choices if not choice.disabled]

    @bindings.add(" ", eager=True)
    def _toggle(_event: Any) -> None:
        pointed = control.get_pointed_at().value
        if pointed in control.selected_options:
            control.selected_options.remove(pointed)
        else:
            control.selected_options.append(pointed)
        check()

    @bindings.add("a", eager=True)
    def _all(_event: Any) -> None:
        every = all(value in control.selected_options for value in selectable)
        control.selected_options = [] if every else list(selectable)
        check()

    @bindings.add("i", eager=True)
    def _invert(_event: Any) -> None:
        control.selected_options = [v for v in selectable if v not in control.selected_options]
        check()

    def said_of(_control: Any) -> str:
        return said(chosen())

    question = list_question(
        control,
        clean(message),
        instruction,
        said_of,
        bindings,
        look=look,
        labels=[(item, clean(label)) for item, (_, label) in zip(items, options, strict=True)],
        prefix=5,  # " » " and "● " before each label
    )
    return Prompt(question, same)
