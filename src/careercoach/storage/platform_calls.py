"""Every call that differs between POSIX (Linux, macOS) and Windows, in one place.

pipx installs careercoach on Windows too, where ``fcntl``, ``os.getuid``/``os.geteuid``,
``os.pread``/``os.pwrite``, ``os.fchmod`` (before Python 3.13) and the ``os.open`` flags
``O_NOFOLLOW``, ``O_NONBLOCK``, ``O_CLOEXEC``, ``O_NOCTTY`` and ``O_DIRECTORY`` do not
exist. No other module of careercoach names them (a test greps for it); each asks here.
Each function looks at what the running Python has when it is called, not at
``sys.platform``, so the tests can take the POSIX calls away on Linux and run the Windows
path (``pytest --simulated-windows``, see tests/simulated_windows.py).

**Owners and modes.** On POSIX the data folder must be the person's own and closed to
others (as ``ssh`` wants of ``~/.ssh``). On Windows a file has no POSIX owner (``st_uid``
is 0) and its mode shows only the read-only flag (always 0o666 or 0o777), so those checks
could only refuse every folder or warn on every run, and ``chmod`` cannot make anything
private there. Privacy comes from the folder instead: the default data folder is in the
person's profile (``%LOCALAPPDATA%``), whose access list lets in only that person,
SYSTEM and the administrators. So where there are no POSIX owners, careercoach checks
neither owner nor mode; a ``CAREERCOACH_HOME`` elsewhere is kept as private as the folder
the person chose. Links, devices and folders are refused the same on both.

**The lock.** POSIX: ``flock`` on the whole file. Windows: ``msvcrt.locking`` on one byte
at :data:`LOCK_OFFSET`, past the holder's pid, because a Windows lock is mandatory: a
second process could not read a locked pid. Both are released by the system when the
process ends in any way, so a lock never outlives its process.
"""

from __future__ import annotations

import os
import stat
from importlib import import_module
from types import ModuleType
from typing import Literal

PosixOpenFlag = Literal["O_NONBLOCK", "O_CLOEXEC", "O_NOCTTY", "O_DIRECTORY"]

LOCK_OFFSET = 4096
"""Where the one locked byte is on Windows: past the pid that a second run reads."""


def _windows_locks() -> ModuleType | None:
    """``msvcrt``, or None. Imported by name: mypy checks this module as Linux sees it,
    where typeshed has no ``msvcrt``."""
    try:
        return import_module("msvcrt")
    except ImportError:  # pragma: no cover - neither POSIX nor Windows
        return None


def posix_owners() -> bool:
    """Whether files have a POSIX owner and mode here (not on Windows)."""
    return hasattr(os, "geteuid")


def another_users(st: os.stat_result) -> bool:
    """Whether a file belongs to someone other than the person running careercoach
    (never, where files have no POSIX owner)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and st.st_uid != geteuid()


def nofollow_flag() -> int:
    """``O_NOFOLLOW`` where it exists, else 0 (see :func:`opened_through_link`)."""
    return getattr(os, "O_NOFOLLOW", 0)


def posix_open_flags(*names: PosixOpenFlag) -> int:
    """The ``os.open`` flags among ``names`` that this system has, or-ed (each it lacks
    counts 0). Windows has none of them and needs none: it has no FIFO whose open waits
    for a writer (``O_NONBLOCK``) and no controlling terminal (``O_NOCTTY``), Python makes
    every descriptor non-inheritable anyway (``O_CLOEXEC``), and a folder cannot be
    opened there at all (``O_DIRECTORY``)."""
    flags = 0
    for name in names:
        flags |= getattr(os, name, 0)
    return flags


def block_again(fd: int) -> None:
    """Make reads of ``fd`` wait again after an open with ``O_NONBLOCK`` (which is there
    only so that opening a FIFO does not wait for a writer); nothing where there is no
    such flag."""
    if posix_open_flags("O_NONBLOCK"):
        os.set_blocking(fd, True)


def make_private(fd: int, mode: int) -> None:
    """Set the mode of the open file ``fd``. Called only where :func:`posix_owners`
    (Windows has ``os.fchmod`` only from Python 3.13, where a mode means little)."""
    os.fchmod(fd, mode)


def opened_through_link(fd: int, path: os.PathLike[str] | str) -> bool:
    """Whether ``fd`` may have been opened through a link at ``path``, where ``open``
    could not be told not to follow one (no ``O_NOFOLLOW``): ``path`` is a link now, or is
    no longer the file opened. Nothing was written through ``fd`` yet, so refusing it then
    leaves the link's target as it was."""
    if nofollow_flag():
        return False
    try:
        now = os.lstat(path)
    except OSError:
        return True
    opened = os.fstat(fd)
    return stat.S_ISLNK(now.st_mode) or (now.st_dev, now.st_ino) != (
        opened.st_dev,
        opened.st_ino,
    )


def try_lock(fd: int) -> bool:
    """Take the exclusive lock on the open file ``fd`` without waiting: whether it was
    free. Where the system has neither lock (no platform careercoach supports), there is
    nothing to take, and it counts as taken."""
    try:
        import fcntl
    except ImportError:
        msvcrt = _windows_locks()
        if msvcrt is None:  # pragma: no cover - neither POSIX nor Windows
            return True
        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def unlock(fd: int) -> None:
    """Release what :func:`try_lock` took (closing ``fd`` or ending the process does too)."""
    try:
        import fcntl
    except ImportError:
        msvcrt = _windows_locks()
        if msvcrt is None:  # pragma: no cover - neither POSIX nor Windows
            return
        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def read_start(fd: int, size: int) -> bytes:
    """Up to ``size`` bytes from the start of ``fd`` (a seek and a read: Windows has no
    ``pread``)."""
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, size)


def replace_content(fd: int, data: bytes) -> None:
    """Make ``data`` the whole content of ``fd`` (no ``pwrite`` either)."""
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
