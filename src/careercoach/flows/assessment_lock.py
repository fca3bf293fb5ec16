"""One interactive assessment at a time: the lock in the data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from careercoach.errors import AlreadyRunning


@contextmanager
def assessment_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder/assess.lock`` while an interactive assessment runs.

    An advisory ``flock``: the system releases it when the process ends in any way (even
    SIGKILL), so a stale lock cannot outlive its process. The file holds the pid of the
    holder, for the message a second run prints.
    """
    from careercoach.storage.safe_files import open_lock_file

    # The folder is checked and made private first; never a link, never truncated here.
    fd = open_lock_file(folder)
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no lock, as before
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise AlreadyRunning(
                "another assessment is running"
                + (f" (process {holder})" if holder.isdigit() else "")
                + ".",
                hint="Finish or stop it (Ctrl-C in its terminal), then run this again.",
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
