"""Safe YAML to plain data, remembering where every value came from.

Why not ``yaml.safe_load``: it keeps the last of two duplicate keys silently, follows
aliases (a few hundred bytes can expand to gigabytes downstream), reads ``no`` as a
boolean (YAML 1.1) and forgets line numbers. Here the text is *parsed* into YAML events
(libyaml's C parser where the installed PyYAML has it) and a small builder of our own turns
the events into plain data, never constructing an object of any other kind. It:

- resolves plain scalars by YAML 1.2's core schema: only ``true``/``false`` are booleans,
  ``~``/``null``/empty are null, and decimal, octal (``0o``), hex ints and floats are numbers;
- refuses anchors and aliases (an alias is never followed), explicit tags other than the
  standard scalar ones, merge keys, keys that are lists or mappings, a second document,
  nesting deeper than :data:`MAX_DEPTH`, and duplicate keys (naming the first occurrence);
- keeps mapping keys as written (a key is a name: ``1``, ``true``, ``no`` as keys are text);
- records the mark (line, column; 1-based) of every key and value by its location, so that
  errors found later (pydantic, cross-references, answers) point at ``path:line:col``.

Events rather than PyYAML's composed node tree keep it linear (no node or mark objects are
kept), bounded (libyaml's composer recurses in C and crashes the interpreter on deeply
nested input; its event parser does not) and exact (an alias is reported where it is
written, not where its anchor is). One pass reads the data and its marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from careercoach.errors import BadInput, BankError
from careercoach.storage import input_files
from careercoach.storage.input_files import gc_paused, read_file
from careercoach.storage.yaml_messages import decode, position, syntax_message, tab_problems

MAX_DEPTH = 100
Loc = tuple[str | int, ...]

_STANDARD = "tag:yaml.org,2002:"
_STR = _STANDARD + "str"
_MERGE = _STANDARD + "merge"
_COLLECTION_TAGS = {None, "!", _STANDARD + "map", _STANDARD + "seq"}

_SPECIAL: dict[str, Any] = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
for _sign in ("", "+", "-"):
    for _spelling in (".inf", ".Inf", ".INF"):
        _SPECIAL[_sign + _spelling] = float("-inf") if _sign == "-" else float("inf")
for _spelling in (".nan", ".NaN", ".NAN"):
    _SPECIAL[_spelling] = float("nan")
_NUMBER_START = frozenset("0123456789+-.")
_INT10 = re.compile(r"[-+]?[0-9]+")
_INT8 = re.compile(r"0o[0-7]+")
_INT16 = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_MISSING = object()
_NEED_KEY = object()  # a mapping frame waiting for its next key
_SKIP = object()  # a mapping frame whose next value is to be dropped (its key was refused)


def _resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema resolution of a plain (unquoted, untagged) scalar."""
    value = _SPECIAL.get(text, _MISSING)
    if value is not _MISSING:
        return value
    if text[0] not in _NUMBER_START:  # text is not empty: "" is in _SPECIAL
        return text
    if _INT10.fullmatch(text):
        try:
            return int(text)
        except ValueError:  # more digits than int() converts: keep the text
            return text
    if _INT8.fullmatch(text):
        return int(text[2:], 8)
    if _INT16.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_STANDARD) if tag.startswith(_STANDARD) else tag


def _tagged(tag: str, text: str) -> tuple[Any, str | None]:
    """A scalar with an explicit tag: its value, and a problem (or None)."""
    if tag in {_STR, "!"}:
        return text, None
    kind = tag.removeprefix(_STANDARD)
    if not tag.startswith(_STANDARD) or kind not in {"int", "float", "bool", "null"}:
        return text, (
            f"YAML tag '{_shown_tag(tag)}' is not allowed (only !!str, !!int, !!float, "
            "!!bool and !!null)"
        )
    value = _resolve_plain(text)
    if kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "float":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif kind == "bool":
        ok = isinstance(value, bool)
    else:
        ok = value is None
    return (value, None) if ok else (text, f"'{text}' is not a valid {_shown_tag(tag)}")


def _c_parser() -> type[Any] | None:
    try:
        from yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # PyYAML built without libyaml
        return None
    parser: type[Any] = CParser
    return parser


class _PyParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's pure-Python parser, for installs without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


_C_PARSER = _c_parser()
LIBYAML = _C_PARSER is not None


class Problem(NamedTuple):
    """One problem found while reading a document: 1-based position and message.

    ``loc`` is set when the value at that location could not be read as written (an alias,
    a refused tag): other checks of that value would only repeat the problem.
    """

    line: int
    column: int
    message: str
    loc: Loc | None = None


@dataclass
class Document:
    """Plain data from a YAML file, and where each part of it was written."""

    path: str
    data: Any
    problems: list[Problem] = field(default_factory=list)
    """YAML-level problems, kept here (not raised) by ``load_document(keep_problems=True)``."""
    value_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict, repr=False)
    """1-based (line, column) where each value starts, by location."""
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict, repr=False)
    """1-based (line, column) of each mapping key, by the location of its value."""

    def resolve(self, loc: Loc) -> Loc:
        """The longest part of ``loc`` that exists in the data.

        Components that are not in the data (pydantic's union tags, a missing key) are
        skipped, so an error always lands on the closest value that was written.
        """
        found: list[str | int] = []
        current = self.data
        for part in loc:
            in_dict = isinstance(current, dict) and part in current
            in_list = (
                isinstance(current, list)
                and isinstance(part, int)
                and not isinstance(part, bool)
                and 0 <= part < len(current)
            )
            if in_dict or in_list:
                current = current[part]
                found.append(part)
        return tuple(found)

    def mark(self, loc: Loc, *, key: bool = False) -> tuple[int, int] | None:
        """1-based (line, column) of the value (or its key) at ``loc``, or of its parent."""
        found = self.resolve(loc)
        if key and found in self.key_marks:
            return self.key_marks[found]
        return self.value_marks.get(found)

    def where(self, loc: Loc = (), *, key: bool = False) -> str:
        """``path:line:col`` for a location (just ``path`` when nothing is known)."""
        mark = self.mark(loc, key=key)
        return f"{self.path}:{mark[0]}:{mark[1]}" if mark else self.path

    def problem_lines(self) -> list[str]:
        """The kept problems as ``path:line:col: message`` lines, in file order."""
        ordered = sorted(self.problems, key=lambda p: (p.line, p.column))
        return [f"{self.path}:{p.line}:{p.column}: {p.message}" for p in ordered]


class _Frame:
    """A mapping or sequence whose events are still arriving."""

    __slots__ = ("container", "is_map", "key", "key_position", "loc", "start")

    def __init__(self, container: Any, loc: Loc | None, start: Any, *, key_position: bool) -> None:
        self.container = container
        self.is_map = isinstance(container, dict)
        self.loc = loc  # None inside a part that is dropped: its marks are not kept
        self.start = start
        self.key: Any = _NEED_KEY
        self.key_position = key_position  # written where a key goes (refused at its end)


class _TooDeep(Exception):
    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark


class _Builder:
    """Events to plain data and the marks of its parts, collecting every problem."""

    def __init__(self) -> None:
        self.value_marks: dict[Loc, tuple[int, int]] = {}
        self.key_marks: dict[Loc, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.documents = 0
        self.root: Any = _MISSING

    def problem(self, mark: Any, message: str, loc: Loc | None = None) -> None:
        self.problems.append(Problem(mark.line + 1, mark.column + 1, message, loc))

    def run_text(self, text: str) -> Any:
        parser: Any = None
        try:
            parser = _C_PARSER(text) if _C_PARSER is not None else _PyParser(text)
            return self.run(parser)
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose is not None:
                dispose()

    def run(self, parser: Any) -> Any:
        """Consume the events of ``parser``; return the document's data (or _MISSING)."""
        stack: list[_Frame] = []
        root: Any = _MISSING
        while True:
            event = parser.get_event()
            kind = type(event)
            top = stack[-1] if stack else None
            if kind is yaml.ScalarEvent:
                value = self._scalar(event, top)
                if top is None:
                    root = value
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                mark = event.start_mark
                if len(stack) >= MAX_DEPTH:
                    raise _TooDeep(mark)
                if event.anchor is not None:
                    self._anchor(event)
                container: Any = {} if kind is yaml.MappingStartEvent else []
                key_position = top is not None and top.is_map and top.key is _NEED_KEY
                where = None if key_position else self._attach(top, container, mark)
                if event.tag not in _COLLECTION_TAGS:
                    self.problem(mark, f"YAML tag '{_shown_tag(event.tag)}' is not allowed", where)
                if top is None:
                    root = container
                stack.append(_Frame(container, where, mark, key_position=key_position))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.key_position:
                    parent = stack[-1]
                    self.problem(frame.start, "a key must be a plain value, not a list or mapping")
                    parent.key = _SKIP
            elif kind is yaml.AliasEvent:
                mark = event.start_mark
                message = f"YAML aliases (*{event.anchor}) are not allowed; write the value out"
                if top is not None and top.is_map and top.key is _NEED_KEY:
                    self.problem(mark, message)
                    top.key = _SKIP
                    continue
                self.problem(mark, message, self._attach(top, None, mark))
                if top is None:
                    root = None
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.problem(
                        event.start_mark,
                        "a second YAML document (---) is not allowed: one file, one document",
                    )
                    break
            elif kind is yaml.StreamEndEvent:
                break
        return root

    def _scalar(self, event: Any, top: _Frame | None) -> Any:
        """A scalar: a key of a mapping, or a value put into its parent."""
        if event.anchor is not None:
            self._anchor(event)
        problem = None
        if event.tag is None:
            value = _resolve_plain(event.value) if event.implicit[0] else event.value
        else:
            value, problem = _tagged(event.tag, event.value)
        mark = event.start_mark
        if top is not None and top.is_map and top.key is _NEED_KEY:
            if problem:
                self.problem(mark, problem)
            self._key(top, event)
            return value
        where = self._attach(top, value, mark)
        if problem:
            self.problem(mark, problem, where)
        return value

    def _attach(self, top: _Frame | None, value: Any, mark: Any) -> Loc | None:
        """Put a value into its parent; return its location (None when it is dropped)."""
        position = (mark.line + 1, mark.column + 1)
        if top is None:
            self.value_marks[()] = position
            return ()
        if top.is_map:
            key = top.key
            top.key = _NEED_KEY
            if key is _SKIP:
                return None
            top.container[key] = value
            loc: Loc | None = None if top.loc is None else (*top.loc, key)
        else:
            loc = None if top.loc is None else (*top.loc, len(top.container))
            top.container.append(value)
        if loc is not None:
            self.value_marks[loc] = position
        return loc

    def _anchor(self, event: Any) -> None:
        self.problem(
            event.start_mark,
            f"YAML anchors (&{event.anchor}) are not allowed; write the value out",
        )

    def _key(self, frame: _Frame, event: Any) -> None:
        mark = event.start_mark
        text: str = event.value
        if event.tag == _MERGE or (text == "<<" and event.tag is None and event.implicit[0]):
            self.problem(mark, "YAML merge keys (<<) are not allowed; write the keys out")
            frame.key = _SKIP
            return
        key = text  # a key is a name, kept as written: `1`, `true`, `no` are text here
        if key in frame.container:
            first = None if frame.loc is None else self.key_marks.get((*frame.loc, key))
            where = f" (first on line {first[0]})" if first else ""
            self.problem(mark, f"duplicate key '{text}'{where}")
            frame.key = _SKIP
            return
        frame.key = key
        if frame.loc is not None:
            self.key_marks[(*frame.loc, key)] = (mark.line + 1, mark.column + 1)


def load_document(
    path: Path,
    *,
    text: str | None = None,
    raw: bytes | None = None,
    display: str | None = None,
    error: type[BadInput] = BankError,
    keep_problems: bool = False,
) -> Document:
    """Read and convert one YAML (or JSON) file; raise ``error`` with every problem.

    ``text`` or ``raw`` (the file's bytes, from :func:`read_file`) stand for the file
    when given. Problems that leave no data to check (unreadable, not UTF-8, syntax, tabs,
    empty, too deep) are always raised. The others (duplicate keys, anchors and aliases,
    tags, merge keys) are raised too, unless ``keep_problems``: then they are left in
    ``Document.problems`` so the caller can report them with its own findings.
    """
    shown = display or str(path)
    if text is None:
        if raw is None:
            raw = read_file(path, display=display, error=error)
        text = decode(raw, shown, error)
    elif (
        len(text) * 4 > input_files.MAX_BYTES
        and len(text.encode("utf-8", "surrogatepass")) > input_files.MAX_BYTES
    ):
        raise error(f"{shown}: the text is over the limit of {input_files.MAX_BYTES:,} bytes")
    text = text.removeprefix("\ufeff")

    tabs = tab_problems(text, shown)
    if tabs:
        raise error(*tabs)

    with gc_paused():
        builder = _parse(text, shown, error)
    if builder.root is _MISSING:
        what = "holds only comments" if text.strip() else "is empty"
        raise error(f"{shown}:1:1: the file {what}: there is nothing to read")
    doc = Document(
        shown,
        builder.root,
        sorted(builder.problems, key=lambda p: (p.line, p.column)),
        builder.value_marks,
        builder.key_marks,
    )
    if doc.problems and not keep_problems:
        raise error(*doc.problem_lines())
    return doc


def _parse(text: str, shown: str, error: type[BadInput]) -> _Builder:
    builder = _Builder()

    def fail(line: int, column: int, message: str) -> BadInput:
        found = sorted(builder.problems, key=lambda p: (p.line, p.column))
        earlier = [f"{shown}:{p.line}:{p.column}: {p.message}" for p in found]
        return error(*earlier, f"{shown}:{line}:{column}: {message}")

    try:
        builder.root = builder.run_text(text)
    except _TooDeep as exc:
        mark = exc.mark
        raise fail(
            mark.line + 1, mark.column + 1, f"nested more than {MAX_DEPTH} levels deep"
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        deeper = _too_deep_before(text, mark.index) if mark else None
        if deeper is not None:
            raise fail(*deeper, f"nested more than {MAX_DEPTH} levels deep") from None
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise fail(line, column, syntax_message(exc, text)) from None
    except yaml.reader.ReaderError as exc:
        index = exc.position
        if _C_PARSER is not None:  # libyaml counts bytes of the UTF-8 text
            index = len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore"))
        line, column = position(text, index)
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise fail(
            line,
            column,
            f"the control character U+{character:04X} is not allowed; remove it",
        ) from None
    except UnicodeError as exc:  # e.g. a lone surrogate in text given to us
        line, column = position(text, getattr(exc, "start", 0))
        raise fail(line, column, "not valid Unicode text (a lone surrogate)") from None
    except yaml.YAMLError as exc:
        raise error(f"{shown}: YAML error: {exc}") from None
    return builder


def _too_deep_before(text: str, index: int) -> tuple[int, int] | None:
    """Where the text before a parser's error first nests deeper than MAX_DEPTH, if it does.

    A YAML scanner reads up to 1,024 characters ahead before it hands over an event (a
    possible simple key), so a parser with a nesting limit of its own (libyaml 0.2.6 stops
    at 1,000) can refuse deep text before our builder has seen level MAX_DEPTH + 1. Reading
    only the text the parser accepted gives our limit its say at the same place, whichever
    library, and whichever version of it, is installed.
    """
    builder = _Builder()
    try:
        builder.run_text(text[:index])
    except _TooDeep as exc:
        return exc.mark.line + 1, exc.mark.column + 1
    except (yaml.YAMLError, UnicodeError):
        pass
    return None
