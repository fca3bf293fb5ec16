"""One interactive assessment at a time: the lock in the data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from careercoach.errors import AlreadyRunning

HOLDER_BYTES = 32
"""How much of the lock file is read for the holder's pid."""


@contextmanager
def assessment_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder/assess.lock`` while an interactive assessment runs.

    The lock is the system's (:mod:`careercoach.storage.platform_calls`, on POSIX and on
    Windows alike): the system releases it when the process ends in
    any way (even SIGKILL), so a stale lock cannot outlive its process. The file holds the
    pid of the holder, for the message a second run prints.
    """
    from careercoach.storage import platform_calls
    from careercoach.storage.safe_files import open_lock_file

    # The folder is checked and made private first; never a link, never truncated here.
    fd = open_lock_file(folder)
    try:
        if not platform_calls.try_lock(fd):
            holder = platform_calls.read_start(fd, HOLDER_BYTES)
            text = holder.decode("ascii", "replace").strip()
            raise AlreadyRunning(
                "another assessment is running"
                + (f" (process {text})" if text.isdigit() else "")
                + ".",
                hint="Finish or stop it (Ctrl-C in its terminal), then run this again.",
            )
        platform_calls.replace_content(fd, str(os.getpid()).encode("ascii"))
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            platform_calls.unlock(fd)
    finally:
        os.close(fd)
