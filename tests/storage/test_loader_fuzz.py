"""Whatever text reaches the bank loader, it returns a Bank or raises our own error
(a :class:`careercoach.errors.BadInput`) whose every line names the file: never another
exception, never a traceback for a coach to read."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careercoach.core.models import Bank
from careercoach.errors import BadInput
from careercoach.storage.bank_validation import bank_from_document
from careercoach.storage.yaml_nodes import Document, load_document

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "good_banks" / "mini.yaml"
MINI_TEXT = MINI.read_text(encoding="utf-8")
MINI_DATA = load_document(MINI).data

FRAGMENTS = [
    # the format's keys and values
    "id: ",
    "version: ",
    "title: ",
    "dimensions:",
    "questions:",
    "  - id: q",
    "type: likert",
    "type: single",
    "type: multi",
    "type: number",
    "type: text",
    "prompt: ",
    "dimension: ",
    "options:",
    "scores: {",
    "when: {question: ",
    "equals: ",
    "includes: ",
    "all: [",
    "any: [",
    "not: {",
    "thresholds: {moderate: ",
    "actions:",
    "horizon: week",
    "weight: ",
    "min: ",
    "max: ",
    "roi: {cost: ",
    "verdict: {for: [",
    "triggers: {question: ",
    "recheck: {",
    # YAML's own syntax
    "&a ",
    "*a",
    "!!",
    "!!python/object/apply:os.system ",
    "!!str ",
    "!x ",
    "<<: ",
    "? ",
    "- ",
    ": ",
    "\n",
    "\n  ",
    "\t",
    "{",
    "[",
    "}",
    "]",
    ",",
    "'",
    '"',
    "|\n",
    ">-\n",
    "#",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    # scalars YAML 1.1 and 1.2 disagree on, and odd ones
    "yes",
    "no",
    "on",
    "~",
    "null",
    "1.10",
    "0x1F",
    "0o17",
    "1_000",
    ".inf",
    ".nan",
    "9" * 40,
    # characters
    "é",
    "ß",
    "😀",
    "\u202e",
    "\ufeff",
    "\x00",
    "\x07",
    "\x85",
    "\r\n",
]

# Any character but surrogates (a str from a file never holds one).
characters = st.characters(exclude_categories=["Cs"])
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(characters, max_size=6))
yamlish = st.lists(pieces, max_size=60).map("".join)


def check(text: str, *, keep_problems: bool) -> Bank | None:
    """Load ``text`` as a bank; our error is fine, anything else fails the test."""
    try:
        doc = load_document(Path("fuzz.yaml"), text=text, keep_problems=keep_problems)
        return bank_from_document(doc)
    except BadInput as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.startswith("fuzz.yaml"), problem
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=yamlish, keep_problems=st.booleans())
def test_any_text_gives_a_bank_or_our_error(text: str, keep_problems: bool) -> None:
    check(text, keep_problems=keep_problems)


@st.composite
def mutated_banks(draw: st.DrawFn) -> str:
    """The valid mini bank with a few lines deleted, repeated, cut or spliced."""
    lines = MINI_TEXT.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "repeat", "cut", "splice", "swap"]))
        line = lines[index]
        if operation == "delete":
            del lines[index]
        elif operation == "repeat":
            lines.insert(index, line)
        elif operation == "cut":
            lines[index] = line[: draw(st.integers(0, len(line)))] + "\n"
        elif operation == "splice":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(pieces) + line[at:]
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        if not lines:
            break
    return "".join(lines)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated_banks(), keep_problems=st.booleans())
def test_a_damaged_bank_gives_a_bank_or_our_error(text: str, keep_problems: bool) -> None:
    check(text, keep_problems=keep_problems)


def _locations(data: Any, loc: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [loc]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _locations(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _locations(value, (*loc, index))
    return found


LOCATIONS = _locations(MINI_DATA)[1:]
values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(allow_nan=True)
    | st.sampled_from(["bored", "stuck", "autopilot", "years", "mini", "x", "Bad-Id", ""]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "type", "question", "equals", "all", "not", "label", "scores"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=6,
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(st.tuples(st.sampled_from(LOCATIONS), values), min_size=1, max_size=3))
def test_a_bank_of_any_shape_gives_a_bank_or_our_error(
    changes: list[tuple[tuple[str | int, ...], Any]],
) -> None:
    """Wrong values anywhere: the partial checks of cross-references must cope with them."""
    data = copy.deepcopy(MINI_DATA)
    for loc, value in changes:
        parent = data
        try:
            for part in loc[:-1]:
                parent = parent[part]
            parent[loc[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
    try:
        bank_from_document(Document("fuzz.yaml", data))
    except BadInput as exc:
        assert all(problem.startswith("fuzz.yaml") for problem in exc.problems)


def test_the_mini_bank_itself_loads() -> None:
    bank = check(MINI_TEXT, keep_problems=True)
    assert bank is not None
    assert bank.id == "mini"
