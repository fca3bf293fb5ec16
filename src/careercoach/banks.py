"""Find and load question banks: safe YAML, then the models, errors at ``path:line:col``.

Every problem in a file is reported at once. Shape problems come from pydantic and are
mapped back to the YAML node that caused them; cross-reference problems come from
:func:`careercoach.models.reference_problems`. There is no second validator here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from careercoach.errors import BadInput, BankError
from careercoach.models import Bank, Loc
from careercoach.paths import builtin_questions_dir, env_bank_dirs
from careercoach.yaml_nodes import Document, load_document

BANK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadedBank:
    """A validated bank and the file it came from."""

    bank: Bank
    path: Path
    builtin: bool = False


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if value is None:
        return "nothing (null)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _field_name(loc: Sequence[str | int]) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and part not in _TAGS:
            return part
    return ""


_TAGS = {"likert", "single", "multi", "number", "text", "comparison", "all_of", "any_of", "not_of"}


def error_message(error: Any) -> str:
    """A pydantic error as one sentence a coach understands."""
    kind: str = error["type"]
    loc: tuple[str | int, ...] = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = _field_name(loc)
    if kind == "extra_forbidden":
        return f"unknown key '{loc[-1]}'"
    if kind == "missing":
        return f"missing key '{loc[-1]}'"
    if kind == "string_type":
        hint = ""
        if isinstance(value, bool):
            hint = " (quote it if you mean the word)"
        elif isinstance(value, int | float):
            hint = " (quote it to keep it as written)"
        return f"{name}: expected text, got {_describe(value)}{hint}"
    if kind == "string_pattern_mismatch":
        return (
            f"{name}: '{value}' is not a valid id: use lowercase letters, digits and _, "
            "starting with a letter"
        )
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"{name}: expected a whole number, got {_describe(value)}"
    if kind in {"float_type", "float_parsing"}:
        return f"{name}: expected a number, got {_describe(value)}"
    if kind == "bool_type":
        return f"{name}: expected true or false, got {_describe(value)}"
    if kind in {"list_type"}:
        return f"{name}: expected a list, got {_describe(value)}"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        if not loc:
            return f"the top level must be a mapping (key: value lines), got {_describe(value)}"
        return f"{name}: expected a mapping, got {_describe(value)}"
    if kind == "literal_error":
        return f"{name}: {_describe(value)} is not one of {ctx.get('expected', '')}"
    if kind == "too_short":
        return f"{name}: must not be empty"
    if kind == "string_too_short":
        return f"{name}: must not be empty"
    if kind == "string_too_long":
        return f"{name}: is longer than {ctx.get('max_length')} characters"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bound = {
            "greater_than": "greater than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        limit = next(iter(ctx.values()), "")
        return f"{name}: must be {bound} {limit:g} (got {value!r})"
    if kind == "question_type":
        return f"type: {_describe(value.get('type') if isinstance(value, dict) else value)} " + (
            "is not a question type: use likert, single, multi, number or text"
        )
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        return f"{name}: {message}" if name else message
    message = str(error["msg"])
    return f"{name}: {message[0].lower()}{message[1:]}" if name else message


def _located(doc: Document, loc: Loc, message: str, *, key: bool = False) -> str:
    return f"{doc.where(loc, key=key)}: {message}"


def bank_from_document(doc: Document) -> Bank:
    """Validate a composed document as a bank; raise BankError with every problem."""
    references: list[tuple[Loc, str]] = []
    try:
        bank = Bank.model_validate(doc.data, context={"reference_problems": references})
    except ValidationError as exc:
        problems = [
            _located(
                doc, tuple(err["loc"]), error_message(err), key=err["type"] == "extra_forbidden"
            )
            for err in exc.errors(include_url=False)
        ]
        raise BankError(*_ordered(problems)) from None
    if references:
        raise BankError(*_ordered(_located(doc, loc, msg) for loc, msg in references))
    return bank


def _ordered(problems: Iterable[str]) -> list[str]:
    """Sort by line and column (numerically), keeping each message once."""

    def position(problem: str) -> tuple[int, int]:
        parts = problem.split(":")
        numbers = [int(p) for p in parts[1:3] if p.isdigit()] if len(parts) > 2 else []
        padded = [*numbers, 0, 0]
        return padded[0], padded[1]

    return sorted(dict.fromkeys(problems), key=position)


def load_bank_file(path: Path, *, display: str | None = None) -> Bank:
    """Load and validate one bank file."""
    return bank_from_document(load_document(path, display=display))


def bank_files(folder: Path) -> list[Path]:
    """The bank files of one folder, sorted by name."""
    if not folder.exists():
        raise BadInput(f"{folder}: bank folder does not exist")
    if not folder.is_dir():
        raise BadInput(f"{folder}: is not a folder")
    return sorted(p for p in folder.iterdir() if p.suffix in BANK_SUFFIXES and p.is_file())


def load_banks(extra_dirs: Sequence[Path] = ()) -> list[LoadedBank]:
    """The built-in banks, then each ``--bank-dir``, then ``CAREERCOACH_BANKS``.

    Every file is loaded and every problem of every file reported together; a bank id
    defined twice is an error naming both files.
    """
    sources: list[tuple[Path, bool]] = [(builtin_questions_dir(), True)]
    sources += [(folder, False) for folder in [*extra_dirs, *env_bank_dirs()]]
    problems: list[str] = []
    loaded: list[LoadedBank] = []
    by_id: dict[str, LoadedBank] = {}
    seen_files: set[Path] = set()
    for folder, builtin in sources:
        try:
            files = bank_files(folder)
        except BadInput as exc:
            problems += exc.problems
            continue
        for path in files:
            resolved = path.resolve()
            if resolved in seen_files:
                continue
            seen_files.add(resolved)
            try:
                bank = load_bank_file(path)
            except BadInput as exc:
                problems += exc.problems
                continue
            if bank.id in by_id:
                problems.append(
                    f"{path}: bank id '{bank.id}' is already defined in {by_id[bank.id].path}"
                )
                continue
            entry = LoadedBank(bank, path, builtin)
            by_id[bank.id] = entry
            loaded.append(entry)
    if problems:
        raise BankError(*problems)
    return loaded


def select_banks(loaded: Sequence[LoadedBank], ids: Sequence[str]) -> list[LoadedBank]:
    """The banks named by ``--bank`` (in the order given), or all when none are named."""
    if not ids:
        return list(loaded)
    by_id = {entry.bank.id: entry for entry in loaded}
    unknown = [bank_id for bank_id in ids if bank_id not in by_id]
    if unknown:
        known = ", ".join(by_id) or "none"
        raise BadInput(*(f"--bank {bank_id}: no such bank (banks: {known})" for bank_id in unknown))
    return [by_id[bank_id] for bank_id in dict.fromkeys(ids)]
