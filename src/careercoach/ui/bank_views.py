"""What the ``banks`` commands print: plain lines, every bank string made harmless."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from careercoach.core.dates import count
from careercoach.core.models import (
    Bank,
    MultiQuestion,
    Question,
    SingleQuestion,
)
from careercoach.core.question_kinds import KINDS, kind_of
from careercoach.errors import BadInput, BankError
from careercoach.safe_text import for_terminal as safe
from careercoach.storage.banks import LoadedBank, bank_files, clash_message, load_bank_file
from careercoach.ui.text_cells import text_width, wrap

TEMPLATE_WIDTH = 80
"""An answers template is a file, read in an editor: 80 columns, whatever the terminal."""

SECONDS_PER_TYPE = {name: kind.seconds for name, kind in KINDS.items()}


def estimated_minutes(bank: Bank) -> int:
    """A person's time for a bank: by question type, conditional questions at half."""
    seconds = sum(kind_of(q).seconds * (0.5 if q.when is not None else 1.0) for q in bank.questions)
    return max(1, round(seconds / 60))


BANK_ORDER = ("stuck", "education", "new_eyes", "promotion", "connections", "leader")
"""The built-in banks in the order the README presents them: where a person starts."""


def bank_place(bank: Bank, *, builtin: bool) -> tuple[int, str, str]:
    """Where a bank goes in every list of banks (``banks list``, the picker): the built-in
    ones in :data:`BANK_ORDER`, then every other bank by title."""
    if builtin and bank.id in BANK_ORDER:
        return (BANK_ORDER.index(bank.id), "", bank.id)
    return (len(BANK_ORDER), bank.title.casefold(), bank.id)


LIST_MIN_TITLE = 16
"""Below this many columns for the title, ``banks list`` stacks each bank's lines."""


def bank_list_lines(loaded: Sequence[LoadedBank], width: int | None = None) -> list[str]:
    """id, questions, minutes, title, with the file (or ``built-in``) under the title; in
    the order of :func:`bank_place`; titles wrapped between words to ``width`` (default
    :func:`text_width`), a file's path whole on a line of its own where it does not fit
    its column. Where even the title's column would be too narrow: each bank stacked, its
    id and title, then its counts and file, indented."""
    if not loaded:
        return ["No banks found."]
    width = text_width() if width is None else width
    ordered = sorted(loaded, key=lambda entry: bank_place(entry.bank, builtin=entry.builtin))
    id_width = max(len("id"), *(len(safe(entry.bank.id)) for entry in ordered))
    left = id_width + len("  questions  minutes  ")
    if width - left < LIST_MIN_TITLE:
        return _stacked_bank_lines(ordered, width)
    lines = [f"{'id':<{id_width}}  questions  minutes  title"]
    for entry in ordered:
        bank = entry.bank
        counts = f"{safe(bank.id):<{id_width}}  {len(bank.questions):>9}  "
        counts += f"{estimated_minutes(bank):>7}  "
        title = wrap(safe(bank.title), width - left) or [""]
        lines.append(counts + title[0])
        lines += [" " * left + line for line in title[1:]]
        source = "built-in" if entry.builtin else safe(str(entry.path))
        fits = len(source) <= width - left
        lines.append((" " * left if fits else "  ") + source)
    return lines


def _stacked_bank_lines(ordered: Sequence[LoadedBank], width: int) -> list[str]:
    lines: list[str] = []
    for entry in ordered:
        bank = entry.bank
        lines += wrap(f"{safe(bank.id)}: {safe(bank.title)}", width, subsequent_indent="  ")
        source = "built-in" if entry.builtin else "file:"
        said = f"{count(len(bank.questions), 'question')}, about "
        said += f"{count(estimated_minutes(bank), 'minute')}; {source}"
        lines += wrap(said, width, initial_indent="  ", subsequent_indent="  ")
        if not entry.builtin:
            lines.append(f"  {safe(str(entry.path))}")  # whole, to be copied
    return lines


def _wrap(text: str, indent: str, rest: str | None = None) -> list[str]:
    """Wrapped to the text width; a bullet's (``- ``, ``* ``) continuation lines align with
    its text."""
    if rest is None:
        rest = " " * len(indent) if indent.rstrip().endswith(("-", "*")) else indent
    lines = wrap(
        safe(text),
        text_width(),
        initial_indent=indent,
        subsequent_indent=rest,
        break_on_hyphens=True,
    )
    return lines or [indent.rstrip()]


def _value_text(value: Any) -> str:
    """A section's value as a person writes it: ``a, b`` and ``key: a, b; key2: c``."""
    if isinstance(value, list):
        return ", ".join(_value_text(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_value_text(item)}" for key, item in value.items())
    return str(value)


def bank_detail_lines(entry: LoadedBank) -> list[str]:
    """A readable description of one bank."""
    bank = entry.bank
    lines = _wrap(f"{bank.title}  [{bank.id}, version {bank.version}]", "")
    if bank.description:
        lines += _wrap(bank.description, "")
    source = "built-in" if entry.builtin else safe(str(entry.path))
    lines += [
        f"{count(len(bank.questions), 'question')}, "
        f"about {count(estimated_minutes(bank), 'minute')}.",
        # On a line of its own and never wrapped, so that it can be copied whole.
        f"File: {source}",
        "",
        "Dimensions (score 0-100: moderate from / high from):",
    ]
    for dim in bank.dimensions:
        thresholds = f"{dim.thresholds.moderate}/{dim.thresholds.high}"
        lines.append(f"  {dim.id}: {safe(dim.label)}  ({thresholds})")
        if dim.description:
            lines += _wrap(dim.description, "      ")
        for action in dim.actions:
            lines += _wrap(f"[{action.horizon}, {action.level}] {action.text}", "    - ")
    lines += ["", "Questions:"]
    for number, question in enumerate(bank.questions, start=1):
        lines += _wrap(
            f"{number}. {question.id} ({safe(kind_of(question).settings(question))})", "  "
        )
        lines += _wrap(question.prompt, "      ")
        if isinstance(question, SingleQuestion | MultiQuestion):
            for option in question.options:
                scores = ", ".join(f"{k} {v:g}" for k, v in option.scores.items())
                lines += _wrap(
                    f"{option.id}: {option.label}" + (f"  ({scores})" if scores else ""),
                    "      * ",
                )
        if question.when is not None:
            condition = question.when.model_dump(by_alias=True, exclude_none=True)
            lines += _wrap(f"only when {_condition_text(condition)}", "      ")
    for section in ("roi", "verdict", "triggers"):
        value = getattr(bank, section)
        if value is not None:
            lines += ["", f"Section {section}:"]
            dumped = value.model_dump(by_alias=True, exclude_none=True)
            for key, item in dumped.items():
                lines += _wrap(f"{key}: {_value_text(item)}", "  ", "    ")
    return lines


def _condition_text(condition: dict[str, Any]) -> str:
    if "all" in condition:
        return "(" + " and ".join(_condition_text(c) for c in condition["all"]) + ")"
    if "any" in condition:
        return "(" + " or ".join(_condition_text(c) for c in condition["any"]) + ")"
    if "not" in condition:
        return "not " + _condition_text(condition["not"])
    operator, value = next((k, v) for k, v in condition.items() if k != "question")
    symbol = {"equals": "=", "not_equals": "≠", "includes": "includes", "gte": "≥", "lte": "≤"}
    return f"{condition['question']} {symbol[operator]} {value}"


def _comment(text: str, indent: str, rest: str | None = None) -> list[str]:
    """``text`` as YAML comment lines: every line break and control character gone
    (:func:`~careercoach.safe_text.clean`), so no bank text can end the comment."""
    lines = wrap(
        safe(text),
        TEMPLATE_WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if rest is None else rest,
    )
    return lines or [indent.rstrip()]


def _template_question(number: int, question: Question, bank: Bank) -> list[str]:
    from careercoach.storage.answers import condition_text

    lines = _comment(f"{number}. {question.prompt}", "  # ", "  #    ")
    lines += _comment(kind_of(question).template(question), "  #    ")
    if isinstance(question, SingleQuestion | MultiQuestion):
        for option in question.options:
            lines += _comment(f"{option.id}: {option.label}", "  #      ")
    if question.when is not None:
        lines += _comment(
            f"Asked only when {condition_text(question.when)}: leave it empty otherwise.",
            "  #    ",
        )
    if not question.required:
        lines += _comment("Optional: you may leave it empty.", "  #    ")
    if bank.audience is not None and bank.audience.question == question.id:
        ends = " or ".join(bank.audience.not_for)
        lines += _comment(
            f"Answered {ends}, this bank ends here (it is not for you): then leave every "
            "other answer of this bank empty.",
            "  #    ",
        )
    return [*lines, f"  {question.id}:"]


def answers_template(entries: Sequence[LoadedBank]) -> str:
    """An answers file to fill in for ``banks template``: each bank's questions in order,
    with the prompt, the type and what is allowed as comments, and an empty answer."""
    lines = [
        "# careercoach answers file. Write each answer after its question id, then run:",
        "#   careercoach assess --answers THIS-FILE",
        "# An empty answer is no answer: fine where a question is optional or not asked.",
    ]
    for entry in entries:
        bank = entry.bank
        lines += ["", *_comment(f"{bank.title} ({count(len(bank.questions), 'question')})", "# ")]
        lines.append(f"{bank.id}:")
        for number, question in enumerate(bank.questions, start=1):
            lines += [
                *([""] if number > 1 else []),
                *_template_question(number, question, bank),
            ]
    return "\n".join(lines) + "\n"


def _expand(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            try:
                found = bank_files(path)
            except BadInput as exc:
                problems += exc.problems
                continue
            if not found:
                problems.append(f"{path}: no .yaml or .yml files in this folder")
            files += found
        else:
            files.append(path)
    return files, problems


def validate_paths(paths: Sequence[Path]) -> list[str]:
    """Validate bank files; return one ``ok`` line per file, or raise with every problem."""
    files, problems = _expand(paths)
    ok: list[str] = []
    first_file: dict[str, Path] = {}
    for path in files:
        try:
            bank = load_bank_file(path)
        except BadInput as exc:
            problems += exc.problems
            continue
        if bank.id in first_file:
            problems.append(clash_message(path, bank.id, first_file[bank.id]))
            continue
        first_file[bank.id] = path
        ok.append(
            f"{safe(str(path))}: ok ({bank.id}: {count(len(bank.dimensions), 'dimension')}, "
            f"{count(len(bank.questions), 'question')})"
        )
    if problems:
        raise BankError(*problems)
    return ok


def bank_json_schema() -> dict[str, Any]:
    """The JSON Schema of a bank file (draft 2020-12), from the models."""
    schema = Bank.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://careercoach.invalid/bank.schema.json",
        "title": "careercoach question bank",
        **{k: v for k, v in schema.items() if k != "title"},
    }
