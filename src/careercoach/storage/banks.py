"""Find and load question banks: the files, the bank cache, clashes between bank ids.

A bank file is read once; its bytes are looked up in :mod:`careercoach.storage.bank_cache`, and
only a file that is not there is parsed and validated (:mod:`careercoach.storage.bank_validation`,
every problem at ``path:line:col``) and then cached.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from careercoach.core.models import Bank
from careercoach.errors import BadInput, BankError, did_you_mean
from careercoach.paths import builtin_questions_dir, env_bank_dirs
from careercoach.storage import bank_cache
from careercoach.storage.input_files import gc_paused, read_file

BANK_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadedBank:
    """A validated bank and the file it came from."""

    bank: Bank
    path: Path
    builtin: bool = False


def load_bank_file(path: Path, *, display: str | None = None) -> Bank:
    """Load one bank file: from the cache when its bytes validated before, else parsed and
    validated (every problem in it reported together) and then cached."""
    raw = read_file(path, display=display)
    cache_key = bank_cache.key(raw)
    with gc_paused():
        cached = bank_cache.get(cache_key)
        if cached is not None:
            return cached
        from careercoach.storage.bank_validation import bank_from_document
        from careercoach.storage.yaml_nodes import load_document

        bank = bank_from_document(load_document(path, raw=raw, display=display, keep_problems=True))
    bank_cache.put(cache_key, bank)
    return bank


def _id_where(path: Path) -> str:
    """``path:line:col`` of a bank file's ``id`` (just the path if it cannot be read)."""
    from careercoach.storage.yaml_nodes import load_document

    try:
        return load_document(path, keep_problems=True).where(("id",))
    except BadInput:
        return str(path)


def clash_message(path: Path, bank_id: str, first: Path) -> str:
    """A bank id defined by two files, naming both (and the line of each ``id``)."""
    return f"{_id_where(path)}: bank id '{bank_id}' is already defined in {_id_where(first)}"


def bank_files(folder: Path) -> list[Path]:
    """The bank files of one folder, sorted by name."""
    if not folder.exists():
        raise BadInput(f"{folder}: bank folder does not exist")
    if not folder.is_dir():
        raise BadInput(f"{folder}: is not a folder")
    return sorted(p for p in folder.iterdir() if p.suffix in BANK_SUFFIXES and p.is_file())


def _claimed_id(path: Path) -> str:
    """The id a bank file that failed to load says it has; its name when it says none."""
    from careercoach.storage.yaml_nodes import load_document

    try:
        data = load_document(path, keep_problems=True).data
    except BadInput:
        return path.stem
    claimed = data.get("id") if isinstance(data, dict) else None
    return claimed if isinstance(claimed, str) else path.stem


def skipped_warning(path: Path, problems: Sequence[str]) -> str:
    """One line for a bank skipped because it failed to load: its first problem, where
    (``path:line:col: warning: ...``), and how to see them all."""
    import re
    import shlex

    first = problems[0] if problems else f"{path}: cannot be loaded"
    shown = str(path)
    where, message = shown, first
    if first.startswith(shown):
        located = re.match(r"(?::\d+(?::\d+)?)?: ", first[len(shown) :])
        if located is not None:
            where = shown + located.group(0)[:-2]
            message = first[len(shown) + located.end() :]
    more = len(problems) - 1
    also = f" and {more} more problem{'s' if more != 1 else ''}" if more > 0 else ""
    return (
        f"{where}: warning: {message} (bank skipped{also}; see every problem with: "
        f"careercoach banks validate {shlex.quote(shown)})"
    )


def warn_line(line: str) -> None:
    """One line on stderr, cleaned of markup and escape sequences."""
    import sys

    from careercoach.safe_text import clean

    sys.stderr.write(clean(line) + "\n")
    sys.stderr.flush()


def load_banks(
    extra_dirs: Sequence[Path] = (),
    *,
    wanted: Sequence[str] = (),
    warn: Callable[[str], None] | None = warn_line,
) -> list[LoadedBank]:
    """The built-in banks, then each ``--bank-dir``, then ``CAREERCOACH_BANKS``.

    A bank someone added that fails to load and is not ``wanted`` (by ``--bank``) is
    skipped, with one line to ``warn`` (:func:`skipped_warning`; ``None``: quietly), so
    that it blocks no other bank. The problems of a wanted or built-in bank, a missing
    folder and a bank id defined twice (naming both files) are errors, all together.
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
                if builtin or _claimed_id(path) in wanted:
                    problems += exc.problems
                elif warn is not None:
                    warn(skipped_warning(path, exc.problems))
                continue
            if bank.id in by_id:
                problems.append(clash_message(path, bank.id, by_id[bank.id].path))
                continue
            entry = LoadedBank(bank, path, builtin)
            by_id[bank.id] = entry
            loaded.append(entry)
    if problems:
        raise BankError(*problems)
    return loaded


def select_banks(
    loaded: Sequence[LoadedBank], ids: Sequence[str], *, asked_by: str = "--bank"
) -> list[LoadedBank]:
    """The banks named by ``--bank`` (in the order given), or all when none are named.

    ``asked_by`` starts the message for an unknown id: the option or command that named it
    (``--bank``, ``banks show``).
    """
    if not ids:
        return list(loaded)
    by_id = {entry.bank.id: entry for entry in loaded}
    unknown = [bank_id for bank_id in ids if bank_id not in by_id]
    if unknown:
        known = ", ".join(by_id) or "none"
        raise BadInput(
            *(
                f"{asked_by} {bank_id}: no such bank (banks: {known})"
                + did_you_mean(bank_id, by_id)
                for bank_id in unknown
            )
        )
    return [by_id[bank_id] for bank_id in dict.fromkeys(ids)]
