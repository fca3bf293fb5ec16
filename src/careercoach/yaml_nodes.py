"""Safe YAML to plain data, remembering where every value came from.

Why not ``yaml.safe_load``: it keeps the last of two duplicate keys silently, follows
aliases (a few hundred bytes can expand to gigabytes downstream), reads ``no`` as a
boolean (YAML 1.1) and forgets line numbers. Here the text is *composed* into a node tree
(libyaml's C parser where the installed PyYAML has it), then converted by our own small
constructor that:

- resolves plain scalars by YAML 1.2's core schema: only ``true``/``false`` are booleans,
  ``~``/``null``/empty are null, and decimal, octal (``0o``), hex ints and floats are numbers;
- refuses anchors and aliases, explicit tags other than the standard scalar ones, and
  duplicate keys (naming the first occurrence);
- records the mark (line, column) of every key and value by its location, so that errors
  found later (pydantic, cross-references, answers) point at ``path:line:col``.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from careercoach.errors import BadInput, BankError

MAX_BYTES = 16 * 1024 * 1024
Loc = tuple[str | int, ...]
_PLAIN = "!careercoach/plain"
_STR = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


class _Resolver(yaml.resolver.BaseResolver):
    """Tags plain scalars for our YAML 1.2 resolution and quoted ones as strings."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                return _PLAIN
            if implicit[1]:
                return _STR
        result: str = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
        return result


def _c_loader() -> type | None:
    try:
        from yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # PyYAML built without libyaml
        return None

    class _CNodeLoader(CParser, _Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Resolver.__init__(self)

    return _CNodeLoader


class _PyNodeLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _Resolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)


_C_LOADER = _c_loader()
LIBYAML = _C_LOADER is not None


@dataclass
class Document:
    """Plain data from a YAML file, and where each part of it was written."""

    path: str
    data: Any
    value_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def resolve(self, loc: Loc) -> Loc:
        """The longest part of ``loc`` that exists in the data.

        Components that are not in the data (pydantic's union tags, a missing key) are
        skipped, so an error always lands on the closest value that was written.
        """
        found: list[str | int] = []
        current = self.data
        for part in loc:
            in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
            in_list = (
                isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
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


class _Converter:
    """Node tree to plain data with marks; collects every problem instead of stopping."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[tuple[tuple[int, int], str]] = []
        self._seen: set[int] = set()

    def problem(self, node: yaml.Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(((mark.line + 1, mark.column + 1), message))

    def convert(self, node: yaml.Node, loc: Loc) -> Any:
        if id(node) in self._seen:
            # An alias yields the anchored node itself: point at the key that uses it.
            mark = self.doc.key_marks.get(loc) or (node.start_mark.line + 1, 1)
            self.problems.append(
                (mark, "YAML aliases (*name) are not allowed; write the value out")
            )
            return None
        self._seen.add(id(node))
        self.doc.value_marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, "tag:yaml.org,2002:seq")
            return [self.convert(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            self.problem(node, f"YAML tag '{node.tag}' is not allowed here")

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[Any, Any]:
        self._check_tag(node, "tag:yaml.org,2002:map")
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        key_marks = self.doc.key_marks
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                isinstance(key_node, yaml.ScalarNode)
                and key_node.value == "<<"
                and key_node.tag == _PLAIN
            ):
                self.problem(key_node, "YAML merge keys (<<) are not allowed")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "a key must be a plain value, not a list or mapping")
                continue
            key = self._scalar(key_node)  # a ScalarNode, checked above
            if not isinstance(key, str | int | float | bool) or key is None:
                key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_line:
                self.problem(
                    key_node, f"duplicate key '{key_node.value}' (first on line {first_line[key]})"
                )
                continue
            first_line[key] = line
            child: Loc = (*loc, key)
            key_marks[child] = (line, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, child)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        tag, text = node.tag, node.value
        if tag == _PLAIN:
            return _resolve_plain(text)
        if tag == _STR:
            return text
        if tag not in _ALLOWED_TAGS:
            self.problem(node, f"YAML tag '{tag}' is not allowed")
            return text
        value = _resolve_plain(text)
        expected: dict[str, Callable[[Any], bool]] = {
            "tag:yaml.org,2002:int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "tag:yaml.org,2002:float": lambda v: (
                isinstance(v, int | float) and not isinstance(v, bool)
            ),
            "tag:yaml.org,2002:bool": lambda v: isinstance(v, bool),
            "tag:yaml.org,2002:null": lambda v: v is None,
        }
        if not expected[tag](value):
            self.problem(node, f"'{text}' is not a valid {tag.rsplit(':', 1)[-1]}")
            return text
        return float(value) if tag.endswith("float") else value


def _resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema resolution of a plain scalar."""
    if _NULL.match(text):
        return None
    if _TRUE.match(text):
        return True
    if _FALSE.match(text):
        return False
    if _INT10.match(text):
        return int(text)
    if _INT8.match(text):
        return int(text[2:], 8)
    if _INT16.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def _decode(raw: bytes, path: str, error: type[BadInput]) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise error(
            f"{path}:{line}:{column}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
            "save the file as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


def _tab_problems(text: str, path: str) -> list[str]:
    """Tabs in indentation: YAML forbids them, and libyaml's message is cryptic."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            column = len(line) - len(stripped) + 1
            problems.append(f"{path}:{number}:{column}: a tab in the indentation; use spaces")
    return problems


def load_document(
    path: Path,
    *,
    text: str | None = None,
    display: str | None = None,
    error: type[BadInput] = BankError,
) -> Document:
    """Read, compose and convert one YAML (or JSON) file; raise ``error`` with every problem."""
    shown = display or str(path)
    if text is None:
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise error(
                    f"{shown}: the file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes"
                )
            raw = path.read_bytes()
        except IsADirectoryError:
            raise error(f"{shown}: is a folder, not a file") from None
        except FileNotFoundError:
            raise error(f"{shown}: no such file") from None
        except PermissionError:
            raise error(f"{shown}: permission denied") from None
        except OSError as exc:
            raise error(f"{shown}: cannot be read ({exc.strerror})") from None
        text = _decode(raw, shown, error)
    elif len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise error(f"{shown}: the text is over the limit of {MAX_BYTES:,} bytes")

    tabs = _tab_problems(text, shown)
    if tabs:
        raise error(*tabs)

    was_enabled = gc.isenabled()
    gc.disable()  # building a big node tree is superlinear with the cyclic GC on
    try:
        node = _compose(text, shown, error)
        doc = Document(shown, None)
        if node is None:
            raise error(f"{shown}: the file is empty")
        converter = _Converter(doc)
        doc.data = converter.convert(node, ())
    finally:
        if was_enabled:
            gc.enable()
    if converter.problems:
        raise error(
            *(f"{shown}:{line}:{col}: {msg}" for (line, col), msg in sorted(converter.problems))
        )
    return doc


def _compose(text: str, shown: str, error: type[BadInput]) -> yaml.Node | None:
    loader = _C_LOADER(text) if _C_LOADER is not None else _PyNodeLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        reason = " ".join(part for part in (exc.context, exc.problem) if part)
        raise error(f"{where}: YAML syntax error: {reason}") from None
    except yaml.YAMLError as exc:
        raise error(f"{shown}: YAML error: {exc}") from None
    except (ValueError, UnicodeError) as exc:  # e.g. characters libyaml refuses
        raise error(f"{shown}: cannot be read as YAML: {exc}") from None
    finally:
        dispose = getattr(loader, "dispose", None)
        if dispose is not None:
            dispose()
    return node
