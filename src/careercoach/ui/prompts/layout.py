"""Prompts laid out to the screen.

prompt_toolkit breaks a line that is wider than the terminal wherever the edge falls,
mid-word. So every prompt is laid out here, between words, at most
:func:`~careercoach.ui.text_cells.text_width` wide: the question (from a bank, any
length), then its instruction or, once answered, the answer, on the question's last line
where it fits and on lines of their own where it does not.

Every prompt draws that layout itself: a list (select, checkbox) is an Application of
our own around questionary's list control, a text prompt a ``PromptSession`` of our own;
the question line is laid out here, waiting and answered alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from careercoach.ui import text_cells

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples

Tokens: TypeAlias = "StyleAndTextTuples"


def wrap(text: str, width: int, *, indent: str = "", first: str | None = None) -> list[str]:
    """``text`` in lines at most ``width`` wide, broken between words (a word wider than a
    line is cut); the first line starts with ``first`` (else ``indent``), the others with
    ``indent``."""
    start = indent if first is None else first
    lines = text_cells.wrap(text, width, initial_indent=start, subsequent_indent=indent)
    return lines or [start.rstrip()]


def head_lines(message: str, tail: str, width: int) -> tuple[list[str], list[str] | None]:
    """The lines of ``? message`` (continuation lines indented two columns), and those of
    ``tail`` below it, or ``None`` where ``tail`` fits on the message's last line."""
    lines = wrap(message, width, first="? ", indent="  ")
    if not tail or text_cells.cells(lines[-1]) + 1 + text_cells.cells(tail) <= width:
        return lines, None
    return lines, wrap(tail, width, indent="  ")


def head(message: str, tail: str, tail_style: str, width: int) -> Tokens:
    """``? message tail`` wrapped between words, continuation lines indented two columns;
    ``tail`` (the instruction, or the answer) goes on the message's last line where it
    fits, else on lines of its own below."""
    lines, below = head_lines(message, tail, width)
    tokens: Tokens = [("class:qmark", "?"), ("class:question", lines[0][1:])]
    for line in lines[1:]:
        tokens += [("", "\n"), ("class:question", line)]
    if below is None and tail:
        tokens += [("", " "), (tail_style, tail)]
    for line in below or []:
        tokens += [("", "\n"), (tail_style, line)]
    return tokens


def label_lines(text: str, width: int, prefix: int) -> str:
    """A choice's label wrapped to fit after the ``prefix`` columns questionary draws
    before it (pointer, shortcut, tick box), continuation lines aligned under it."""
    pad = " " * prefix
    return "\n".join(wrap(text, width, indent=pad))[prefix:]


def fragment_text(tokens: Tokens) -> str:
    """The plain text of ``tokens``."""
    return "".join(fragment[1] for fragment in tokens)


Label: TypeAlias = "str | Callable[[int], str]"
"""A choice's label: text to wrap, or what to show in a given number of columns (a label
that is cut to one line rather than wrapped, such as an answer in the review)."""


class LaidOut:
    """A prompt's question line (waiting: with ``instruction``; left: without) and its
    choices' labels (``(choice, label)``, wrapped after ``prefix`` columns), laid out for
    the width of the moment: :meth:`follow` lays them out again where it changed (the
    terminal was resized)."""

    def __init__(
        self, message: str, instruction: str, labels: Sequence[tuple[Any, Label]], prefix: int
    ) -> None:
        self.message, self.instruction = message, instruction
        self.labels, self.prefix = labels, prefix
        self.width = 0
        self.waiting: Tokens = []
        self.left: Tokens = []
        self.follow()

    def follow(self, _app: Any = None) -> None:
        """Lay out again where the width changed since the last frame."""
        width = text_cells.text_width()
        if width == self.width:
            return
        self.width = width
        self.waiting = head(self.message, self.instruction, "class:instruction", width)
        self.left = head(self.message, "", "", width)
        for choice, label in self.labels:
            if callable(label):
                choice.title = label(width - self.prefix)
            else:
                choice.title = label_lines(label, width, self.prefix)
