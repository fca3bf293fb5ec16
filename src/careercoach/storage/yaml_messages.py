"""The words of the YAML reader's problems: where a character is, what a byte that is not
UTF-8, a tab in the indentation or libyaml's terse syntax errors mean for a person."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from careercoach.errors import BadInput

if TYPE_CHECKING:
    import yaml

_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)


def position(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of a character index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes, path: str, error: type[BadInput]) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise error(
            f"{path}:{line}:{column}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
            "save the file as UTF-8"
        ) from None
    return text


def tab_problems(text: str, path: str) -> list[str]:
    """Tabs in indentation: YAML forbids them, and the parsers' messages are cryptic."""
    problems = []
    for match in _TAB_INDENT.finditer(text):
        line, column = position(text, match.end() - 1)
        problems.append(f"{path}:{line}:{column}: a tab in the indentation; use spaces")
    return problems


_SYNTAX_HINTS = {
    "mapping values are not allowed": (
        "a ': ' inside a value? put the whole value in quotes, or check the indentation"
    ),
    "did not find expected key": "check the indentation of this line and the one before",
    "could not find expected ':'": "a key without ':', or a value that needs quotes",
    "did not find expected '-' indicator": "check the indentation of this list item",
}


def syntax_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    """libyaml's terse messages, with the spot that opened the construct and a hint."""
    mark = exc.problem_mark
    problem = exc.problem or "invalid YAML"
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "YAML syntax error: a tab character here; YAML needs spaces"
    if mark is not None and "cannot start any token" in problem and mark.index < len(text):
        character = text[mark.index]
        problem = f"a value cannot start with '{character}'; put the value in quotes"
    message = f"YAML syntax error: {problem}"
    hint = next((h for key, h in _SYNTAX_HINTS.items() if key in problem), None)
    if hint:
        message += f" ({hint})"
    context, context_mark = exc.context, exc.context_mark
    same = mark is not None and context_mark is not None and context_mark.index == mark.index
    if context and context_mark is not None and not same:
        message += (
            f"; {context.removeprefix('while ')} that starts at line "
            f"{context_mark.line + 1}, column {context_mark.column + 1}"
        )
    return message
