"""Whose database file is this, and can its folder be one? Checked without writing, and
without pydantic (``history`` opens the file through here too, and must start fast).

:data:`SCHEMA_VERSION` is the newest data format (``PRAGMA user_version``) this version
knows: one per migration in :data:`careercoach.storage.store.MIGRATIONS`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from careercoach.errors import StoreError

if TYPE_CHECKING:
    import sqlite3

SCHEMA_VERSION = 5
OUR_TABLES = frozenset({"assessments", "answers"})
"""Tables every careercoach database has from format 1 on: a file at format 1 or later
without them, or at format 0 with any table at all, belongs to another program."""


def check_schema(conn: sqlite3.Connection, path: Path, newest: int = SCHEMA_VERSION) -> int:
    """The file's data format (``user_version``, at most ``newest``); nothing is written.

    Raises :class:`StoreError` for a SQLite file of another program, or of a newer
    careercoach: such a file must be left exactly as it is. SQLite's own errors (a file
    that is not SQLite, or a damaged one) pass through to the caller.
    """
    # One statement, so one snapshot: another process may be creating the tables and
    # setting the version in between two reads.
    rows = conn.execute(
        "SELECT v.user_version, m.name FROM pragma_user_version AS v "
        "LEFT JOIN sqlite_master AS m ON m.type = 'table'"
    ).fetchall()
    version = int(rows[0][0])
    tables = {str(name) for _, name in rows if name is not None}
    tables = {name for name in tables if not name.startswith("sqlite_")}
    # A newer format may have other tables: it is named as such, whatever it holds.
    if version > newest:
        raise StoreError(
            f"{path} was written by a newer careercoach (data format {version}; this "
            f"one knows up to {newest}); it was left as it is.",
            hint="Upgrade careercoach (pip install -U careercoach), or set CAREERCOACH_HOME "
            "to another folder.",
        )
    if version < 0:
        raise StoreError(
            f"{path} has a data format careercoach never writes ({version}); it was left as it is.",
            hint="Move the file away, or set CAREERCOACH_HOME to another folder.",
        )
    if (version == 0 and tables) or (version > 0 and not tables >= OUR_TABLES):
        raise StoreError(
            f"{path} is not a careercoach database (it holds the tables of another "
            "program); it was left as it is.",
            hint="Move the file away, or set CAREERCOACH_HOME to another folder.",
        )
    return version


def check_folder(folder: Path) -> None:
    """Raise :class:`StoreError` when the data folder cannot be one: it, or a folder above
    it, is a file. (A missing folder is fine: the commands that write create it.)"""
    for above in (folder, *folder.parents):
        if above.exists() or above.is_symlink():
            if above.is_dir():
                return
            raise StoreError(
                f"the data folder {folder} is a file, not a folder."
                if above == folder
                else f"cannot create the data folder {folder}: {above} is a file, not a folder.",
                hint="Set CAREERCOACH_HOME to a folder (or to a path where one can be created).",
            )


def sqlite_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """What a person reads when SQLite fails on the database at ``path``."""
    import sqlite3

    text = str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "encrypted" in text
    ):
        return StoreError(
            f"{path} is not a careercoach database ({text}); it was left as it is.",
            hint="Move the file away, or set CAREERCOACH_HOME to another folder.",
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            f"the database {path} is busy: another careercoach is using it ({text}).",
            hint="Wait for it to finish and try again.",
        )
    return StoreError(f"the database {path} cannot be used: {text}")
