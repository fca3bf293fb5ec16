"""Opening the database file: only the person's own regular file, and never a damaged one
for writing.

SQLite follows a symbolic link, creates the target of a dangling one, and with the system
SQLite here (3.40) its ``nofollow=1`` URI parameter still wrote through a link. So the
file is made and checked here first (:mod:`careercoach.storage.safe_files`), SQLite opens
it with ``mode=rw`` (it never creates a file), and the file SQLite opened is compared with
the one checked. Its journal (and a WAL file or shared-memory file, which careercoach never
makes) must be absent or a regular file of the person's own too: SQLite would roll a hot
journal back into the database.

SQLite may also accept writes into a file whose damaged pages it did not read, so the first
write of a run is preceded by ``PRAGMA quick_check`` (:func:`check_intact`); a file that
fails it is never written to.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from careercoach.errors import StoreError
from careercoach.storage.db_format import sqlite_error
from careercoach.storage.safe_files import check_entry, open_private_file, private_folder

if TYPE_CHECKING:
    import sqlite3

SIDECARS = ("-journal", "-wal", "-shm")
"""The files SQLite may open next to the database (careercoach uses the journal only)."""


def exists(path: Path) -> bool:
    """Whether the database is there (nothing is created); :class:`StoreError` when the
    folder or the file is not what it should be (a link, a device, someone else's)."""
    if not private_folder(path.parent, create=False):
        return False
    return check_entry(path)


def prepare(path: Path) -> None:
    """Create the folder (0700) and an empty database file (0600) before SQLite opens
    it, or check the ones there (tightening a folder or file others can read)."""
    private_folder(path.parent, create=True)
    fd, _ = open_private_file(path, create=True)
    os.close(fd)


def connect(path: Path, *, timeout: float = 5.0) -> sqlite3.Connection:
    """A connection (autocommit) to the existing database at ``path``, checked first.

    Raises :class:`StoreError` for a file that is not the person's own regular file, for
    a journal that is not, and when the file SQLite opened is not the one checked.
    """
    import sqlite3

    fd, _ = open_private_file(path, create=False)
    try:
        for suffix in SIDECARS:
            check_entry(Path(f"{path}{suffix}"))
        uri = f"file:{quote(str(path.absolute()))}?mode=rw"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
        except sqlite3.Error as exc:
            raise sqlite_error(exc, path) from None
        try:
            checked = os.fstat(fd)
            opened = os.lstat(path)
            if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
                checked.st_dev,
                checked.st_ino,
            ):
                raise StoreError(
                    f"{path} was replaced while careercoach opened it; it was left as it is.",
                    hint="Run the command again; if this repeats, move the file away.",
                )
        except BaseException:
            conn.close()
            raise
    finally:
        os.close(fd)
    return conn


def damaged(path: Path, detail: str) -> StoreError:
    """What a person reads when the database fails its check: what is wrong, what to do."""
    return StoreError(
        f"the database {path} is damaged ({detail}); nothing was written to it.",
        hint=(
            "Save what can still be read with: careercoach export-data --output "
            f"careercoach-data.json; then move {path} away, and careercoach starts a new one."
        ),
    )


def check_intact(conn: sqlite3.Connection, path: Path) -> None:
    """``PRAGMA quick_check``: raise :func:`damaged` unless the file is whole.

    It reads every page once (a few milliseconds for a thousand assessments; see
    docs/SPEC.md), so it runs once per run, before the first write.
    """
    import sqlite3

    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        text = str(exc)
        if any(word in text for word in ("malformed", "not a database", "corrupt")):
            raise damaged(path, text) from None
        raise sqlite_error(exc, path) from None
    if [tuple(row) for row in rows] != [("ok",)]:
        # One row may hold several lines, under a "*** in database main ***" heading.
        found = [
            line.strip()
            for row in rows
            for line in str(row[0]).splitlines()
            if line.strip() and not line.startswith("***")
        ] or ["quick_check gave no answer"]
        more = len(found) - 1
        raise damaged(
            path, found[0] + (f", and {more} more problem{'s' * (more != 1)}" if more else "")
        )


def damaged_row(path: Path, detail: str) -> StoreError:
    """What a person reads when a stored row is not what careercoach wrote (its JSON was
    changed by hand or by another program): the file, and what can be done."""
    return StoreError(
        f"the database {path} holds a row careercoach cannot read ({detail}); careercoach "
        "does not change that row.",
        hint=(
            f"Put back a copy of {path} from a backup, or move it away (careercoach then "
            "starts a new one)."
        ),
    )
