"""Validated banks kept as JSON, by the hash of their file, so later runs skip validation.

Reading six banks means parsing their YAML and validating it with pydantic; on a run of
``assess --answers`` that was more than the run's own work. A bank that validated is
stored here as plain JSON under the SHA-256 of its file's bytes and of this careercoach's
version (a new version may validate differently); the next run that reads the same bytes
builds the models straight from that JSON (``model_construct``: no parsing of YAML, no
validation, no schema building).

The cache is only ever a shortcut: an entry that is missing, unreadable, from another
format, or that does not build is ignored (and written again), and failing to write one is
never an error. It lives in ``cache/banks`` under ``CAREERCOACH_HOME`` (the cache never
creates that folder: banks validated before an assessment creates it wait in memory until
then, :func:`put_waiting`), else in the platform's user cache folder; folders 0700, files
0600. ``forget --all`` empties it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from careercoach import __version__
from careercoach.core.models import (
    QUESTION_MODELS,
    Action,
    AllOf,
    AnyOf,
    Audience,
    Bank,
    Comparison,
    Condition,
    Dimension,
    NotOf,
    Option,
    Question,
    RoiMapping,
    Thresholds,
    TriggersSection,
    VerdictPart,
    VerdictSection,
)
from careercoach.paths import HOME_ENV
from careercoach.storage.platform_calls import (
    another_users,
    nofollow_flag,
    opened_through_link,
    posix_open_flags,
    posix_owners,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

FORMAT = 3
"""Bumped whenever the shape of the models changes without a version change."""
KEEP_DAYS = 60
"""Entries not written for this long are removed when a new one is written."""


def _top_dir() -> Path:
    """The folder the cache is made in: the data folder, or careercoach's cache folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("careercoach", appauthor=False))


def cache_dir() -> Path:
    """``$CAREERCOACH_HOME/cache/banks``, else ``banks`` in the platform's cache folder."""
    return _top_dir() / "banks"


def _make_folders(folder: Path) -> None:
    """Create the cache folder, each folder careercoach owns 0700 from the start.

    Under ``CAREERCOACH_HOME`` the data folder itself is never created for a cache (a
    command that fails on bad input leaves no folder behind): with no data folder yet,
    nothing is cached (``OSError``).
    """
    top = _top_dir()
    if os.environ.get(HOME_ENV) and not top.parent.is_dir():
        raise FileNotFoundError(top.parent)
    top.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.mkdir(mode=0o700, exist_ok=True)


def key(raw: bytes) -> str:
    """The cache key of a bank file's bytes (under this version and format)."""
    digest = hashlib.sha256(f"careercoach {__version__} bank-cache {FORMAT}\n".encode())
    digest.update(raw)
    return digest.hexdigest()


def _trusted(folder: Path) -> bool:
    """Entries are built without validation: only from a folder no one else can write to,
    and that is itself a folder (a link could lead anywhere). Where files have no POSIX
    owner (Windows), the cache sits in the person's own profile, which is private."""
    st = folder.lstat()
    if not stat.S_ISDIR(st.st_mode) or another_users(st):
        return False
    return not posix_owners() or not st.st_mode & 0o022


def _read_entry(path: Path) -> str:
    """An entry's text: a regular file of ours, never through a link (``OSError`` else)."""
    fd = os.open(path, os.O_RDONLY | nofollow_flag() | posix_open_flags("O_NONBLOCK"))
    with open(fd, encoding="utf-8") as entry:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or another_users(st) or opened_through_link(fd, path):
            raise OSError(f"{path} is not an entry of ours")
        return entry.read()


def get(cache_key: str) -> Bank | None:
    """The cached bank for ``cache_key``, or None (missing, unreadable, not buildable, or
    in a folder that others could write to)."""
    folder = cache_dir()
    try:
        if not _trusted(folder):
            return None
        text = _read_entry(folder / f"{cache_key}.json")
        entry = json.loads(text)
        if entry.get("key") != cache_key:
            return None
        return construct_bank(entry["bank"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


_waiting: dict[str, Bank] = {}
"""Banks validated before the data folder existed, for :func:`put_waiting`."""


def put(cache_key: str, bank: Bank) -> None:
    """Store a validated bank under ``cache_key``; any failure is silently skipped.

    With no data folder yet, the bank waits in memory: a run that goes on to create the
    folder (by storing an assessment) calls :func:`put_waiting`, so even the first run
    leaves its banks cached.
    """
    folder = cache_dir()
    try:
        _make_folders(folder)
        if not _trusted(folder):
            return  # a link, or a folder others can write to: not ours to fill
    except FileNotFoundError:
        _waiting[cache_key] = bank
        return
    except OSError:
        return
    target = folder / f"{cache_key}.json"
    temporary = folder / f".{cache_key}.{os.getpid()}.tmp"
    text = json.dumps(
        {"key": cache_key, "bank": bank.model_dump(mode="json")},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    try:
        temporary.unlink(missing_ok=True)  # one left by a killed run (a link is removed)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | nofollow_flag(), 0o600)
        with open(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return
    _prune(folder, keep=target)


def put_waiting() -> None:
    """Cache the banks that :func:`put` kept waiting for the data folder, now that it may
    exist (called once an assessment has been stored)."""
    for cache_key, bank in list(_waiting.items()):
        put(cache_key, bank)
    _waiting.clear()  # written, or still no folder: not tried again in this run


def _prune(folder: Path, *, keep: Path) -> None:
    """Remove entries older than :data:`KEEP_DAYS` (banks edited since, old versions)."""
    oldest = time.time() - KEEP_DAYS * 86400
    try:
        for entry in folder.iterdir():
            stale = entry.suffix in (".json", ".tmp") and entry.stat().st_mtime < oldest
            if stale and entry != keep:
                entry.unlink(missing_ok=True)
    except OSError:
        return


def clear() -> None:
    """Remove every cached bank (``forget --all``)."""
    folder = cache_dir()
    try:
        if folder.is_symlink():
            return  # never delete through a link: what it leads to is not ours
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.suffix in (".json", ".tmp"):
            entry.unlink(missing_ok=True)


# -- building the models from trusted data ---------------------------------------------
#
# The data is what ``model_dump(mode="json")`` gave for a bank that validated: every
# field is present, under its field name (``not_``, ``for_``).


def construct_bank(data: dict[str, Any]) -> Bank:
    """The :class:`Bank` whose ``model_dump(mode="json")`` is ``data``, not validated."""
    return Bank.model_construct(
        **{
            **data,
            "dimensions": [_dimension(d) for d in data["dimensions"]],
            "questions": [_question(q) for q in data["questions"]],
            "roi": _section(RoiMapping, data["roi"]),
            "verdict": None if data["verdict"] is None else _verdict(data["verdict"]),
            "triggers": _section(TriggersSection, data["triggers"]),
            "audience": _section(Audience, data["audience"]),
        }
    )


def _section(model: type[BaseModel], data: dict[str, Any] | None) -> Any:
    return None if data is None else model.model_construct(**data)


def _verdict(data: dict[str, Any]) -> VerdictSection:
    def text(value: Any) -> Any:
        if isinstance(value, str):
            return value
        return [
            part
            if isinstance(part, str)
            else VerdictPart.model_construct(
                **{
                    **part,
                    "when": None if part["when"] is None else _condition(part["when"]),
                }
            )
            for part in value
        ]

    return VerdictSection.model_construct(
        **{key: text(data[key]) for key in ("lean_for", "lean_against", "mixed")},
        for_=data["for_"],
        against=data["against"],
    )


def _dimension(data: dict[str, Any]) -> Dimension:
    return Dimension.model_construct(
        **{
            **data,
            "thresholds": Thresholds.model_construct(**data["thresholds"]),
            "actions": [_action(a) for a in data["actions"]],
        }
    )


def _action(data: dict[str, Any]) -> Action:
    return Action.model_construct(
        **{**data, "when": None if data["when"] is None else _condition(data["when"])}
    )


def _question(data: dict[str, Any]) -> Question:
    fields = {**data, "when": None if data["when"] is None else _condition(data["when"])}
    if "options" in data:
        fields["options"] = [Option.model_construct(**o) for o in data["options"]]
    return cast(Question, QUESTION_MODELS[data["type"]].model_construct(**fields))


def _condition(data: dict[str, Any]) -> Condition:
    if "all" in data:
        return AllOf.model_construct(all=[_condition(c) for c in data["all"]])
    if "any" in data:
        return AnyOf.model_construct(any=[_condition(c) for c in data["any"]])
    if "not_" in data:
        return NotOf.model_construct(not_=_condition(data["not_"]))
    return Comparison.model_construct(**data)
