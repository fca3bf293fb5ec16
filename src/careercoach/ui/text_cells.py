"""The width of text on a terminal, in cells, and wrapping by that width; and the one
rule for how wide careercoach lays out its text (:func:`text_width`).

``textwrap`` counts characters, but a CJK character takes two cells and a combining mark
none: a question written in Japanese, wrapped by characters, comes out twice as wide as
the screen. :func:`wrap` gives ``textwrap``'s own result for text whose characters are all
one cell wide (every built-in bank, most of what people write), and otherwise fills lines
by cells, breaking between words and also between two wide characters (scripts that use
them put no spaces between words).
"""

from __future__ import annotations

import os
import re
import textwrap
import unicodedata

READABLE_WIDTH = 100
"""The widest careercoach lays out text, however wide the terminal: longer lines are
hard to read."""
MIN_WIDTH = 20
"""The narrowest: below it, nothing reads well anyway."""
FALLBACK_WIDTH = 80
"""Without ``COLUMNS`` and without a terminal (a pipe, a file)."""


def text_width() -> int:
    """How wide every view lays out its text: ``COLUMNS`` when it is set (whether or not
    the output is a terminal), else the terminal's width, else 80; at most
    :data:`READABLE_WIDTH`, at least :data:`MIN_WIDTH`.

    Asked each time a view is laid out, so that a resized terminal is followed.
    """
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(1).columns  # standard output
        except (OSError, ValueError):
            columns = FALLBACK_WIDTH
    return max(MIN_WIDTH, min(READABLE_WIDTH, columns or FALLBACK_WIDTH))


def char_cells(char: str) -> int:
    """Cells one character takes: 2 for wide and full-width ones, 0 for combining marks
    and zero-width formatting, else 1."""
    if char.isascii():
        return 1 if char.isprintable() else 0
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cells(text: str) -> int:
    """Cells ``text`` takes on one line."""
    if text.isascii():
        return len(text)
    return sum(char_cells(char) for char in text)


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, ending in ``…`` where it was cut."""
    if cells(text) <= width:
        return text
    kept, used = "", 0
    for char in text:
        size = char_cells(char)
        if used + size > width - 1:
            break
        kept, used = kept + char, used + size
    return kept + "…" if width >= 1 else ""


def pad(text: str, width: int) -> str:
    """``text`` with spaces after it to fill ``width`` cells (as ``f"{text:<{width}}"``)."""
    return text + " " * max(0, width - cells(text))


def _narrow(text: str) -> bool:
    return text.isascii() or all(char_cells(char) == 1 for char in text)


def wrap(
    text: str,
    width: int,
    *,
    initial_indent: str = "",
    subsequent_indent: str = "",
    break_long_words: bool = True,
    break_on_hyphens: bool = False,
) -> list[str]:
    """``text`` (whitespace collapsed) in lines of at most ``width`` cells, the first
    starting with ``initial_indent``, the others with ``subsequent_indent``.

    A word wider than a line is cut when ``break_long_words``, else left whole on a line
    of its own (it overflows); a run of wide characters is broken between any two of
    them either way. No lines for text without words.
    """
    if _narrow(text + initial_indent + subsequent_indent):
        return textwrap.wrap(
            text,
            width,
            initial_indent=initial_indent,
            subsequent_indent=subsequent_indent,
            break_long_words=break_long_words,
            break_on_hyphens=break_on_hyphens,
        )
    words = [(" " * len(gap), word) for gap, word in _WORDS.findall(text)]
    return _LineFiller(width, initial_indent, subsequent_indent).fill(
        words, break_long_words=break_long_words
    )


_GLUE = "\ue000"  # a private-use character: no text here has one; one cell wide
_PLACEHOLDER = re.compile(r"[A-Z][A-Z0-9_-]*(?:\.\.\.|…)?[.,;:)]?")


def glue_commands(text: str) -> str:
    """``text`` with the spaces inside each careercoach command (``careercoach plan
    --commit N --by YYYY-MM-DD``) made unbreakable (:data:`_GLUE`), so that it stays on
    one line and can be copied. A command is ``careercoach`` and what follows it: up to
    two command words, options with their values, placeholders (``N``, ``FILE``) and
    paths; the first other word ends it ("adds it to a calendar")."""
    words = text.split(" ")
    out: list[str] = []
    at = 0
    while at < len(words):
        if words[at].lstrip('("“') != "careercoach":
            out.append(words[at])
            at += 1
            continue
        end, commands, value_next, options_after_command = at + 1, 0, False, False
        while end < len(words) and words[end]:
            word = words[end]
            if word.startswith("-"):
                value_next = True
                options_after_command = commands > 0
            elif value_next or _PLACEHOLDER.fullmatch(word) or "/" in word:
                value_next = False
            elif commands < 2 and not options_after_command and word[:1].islower():
                commands += 1
            else:
                break
            end += 1
            if word[-1:] in '.,;:)"”':
                break
        out.append(_GLUE.join(words[at:end]))
        at = end
    return " ".join(out)


def wrap_words(text: str, width: int, *, indent: str = "", first: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between words, never inside a
    word nor inside a careercoach command (:func:`glue_commands`): one wider than a line gets a
    line of its own, whole. The first line starts with ``first``, the others with
    ``indent``."""
    glued = glue_commands(text)
    lines = wrap(
        glued,
        width,
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
    )
    return [line.replace(_GLUE, " ") for line in lines] or [first.rstrip()]


_WORDS = re.compile(r"(\s*)(\S+)")
"""Each word with the whitespace before it (kept inside a line, as ``textwrap`` does)."""


NO_LINE_START = frozenset(
    "、。，．・：；？！」』）〕］｝〉》】〟ゝゞーぁぃぅぇぉっゃゅょァィゥェォッャュョ"
)
"""Characters a line must not start with (Japanese line-breaking rules, kinsoku): they
stay with the character before them."""


def _pieces(word: str, *, break_long_words: bool) -> list[str]:
    """The places a word may break: around each wide character, and (when long words
    break) between any two characters of a narrow run. Never before a mark, nor before
    closing punctuation and small kana (:data:`NO_LINE_START`)."""
    pieces: list[str] = []
    run = ""
    for char in word:
        if char in NO_LINE_START and (run or pieces):
            if run:
                run += char
            else:
                pieces[-1] += char
        elif char_cells(char) == 2:
            if run:
                pieces.append(run)
                run = ""
            pieces.append(char)
        elif char_cells(char) == 0 and (run or pieces):
            if run:
                run += char
            else:
                pieces[-1] += char  # a mark stays with the character it marks
        else:
            run += char
    if run:
        pieces.append(run)
    if break_long_words:
        return [part for piece in pieces for part in _chars(piece)]
    return pieces


def _chars(piece: str) -> list[str]:
    """Each character of ``piece`` with the marks (and closing punctuation) that follow."""
    parts: list[str] = []
    for char in piece:
        if parts and (char_cells(char) == 0 or char in NO_LINE_START):
            parts[-1] += char
        else:
            parts.append(char)
    return parts


class _LineFiller:
    """Greedy filling by cells (the wide-text case of :func:`wrap`)."""

    def __init__(self, width: int, first: str, rest: str) -> None:
        self.width = width
        self.rest = rest
        self.lines: list[str] = []
        self.line = first
        self.room = width - cells(first)
        self.empty = True

    def _new_line(self) -> None:
        self.lines.append(self.line.rstrip())
        self.line = self.rest
        self.room = self.width - cells(self.rest)
        self.empty = True

    def _add(self, text: str, gap: str) -> None:
        self.line += gap + text
        self.room -= cells(gap + text)
        self.empty = False

    def fill(self, words: list[tuple[str, str]], *, break_long_words: bool) -> list[str]:
        for space, word in words:
            gap = "" if self.empty else space
            size = cells(word)
            if size + len(gap) <= self.room:
                self._add(word, gap)
                continue
            fits_a_line = size <= self.width - cells(self.rest)
            if not self.empty and fits_a_line and _narrow(word):
                self._new_line()
                self._add(word, "")
                continue
            for piece in _pieces(word, break_long_words=break_long_words):
                if cells(piece) + len(gap) > self.room and not self.empty:
                    self._new_line()
                    gap = ""
                self._add(piece, gap)
                gap = ""
        if not self.empty:
            self.lines.append(self.line)
        return self.lines


def command_lines(command: str, width: int, indent: str = "  ") -> list[str]:
    """A shell command to copy, in lines of at most ``width`` cells where it can be: broken
    only before an option (``--bank connections`` stays together), each line but the last
    ending in `` \\`` and the next indented four more, so that it pastes as one command.
    A command that fits is one line."""
    units = re.split(r" (?=-)", command)
    lines = [indent + units[0]]
    for unit in units[1:]:
        if cells(f"{lines[-1]} {unit} \\") <= width:
            lines[-1] += f" {unit}"
        else:
            lines[-1] += " \\"
            lines.append(f"{indent}    {unit}")
    return lines


def command_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` in runs, each with whether it is a careercoach command with an option
    (``careercoach assess --bank stuck``; :func:`glue_commands` finds where one ends), a
    command's surrounding brackets and punctuation left to the prose. Joined, the runs
    are ``text``."""
    runs: list[tuple[str, bool]] = []

    def add(piece: str, is_command: bool) -> None:
        if not piece:
            return
        if runs and not is_command and not runs[-1][1]:
            runs[-1] = (runs[-1][0] + piece, False)
        else:
            runs.append((piece, is_command))

    for at, word in enumerate(glue_commands(text).split(" ")):
        if at:
            add(" ", False)
        whole = word.replace(_GLUE, " ")
        start = len(whole) - len(whole.lstrip('("“'))
        core = whole[start:].rstrip('.,;:)"”')
        if _GLUE in word and core.startswith("careercoach ") and " -" in core:
            add(whole[:start], False)
            add(core, True)
            add(whole[start + len(core) :], False)
        else:
            add(whole, False)
    return runs
