"""The data folder and the files in it, opened so that nothing else can be slipped in.

What the data folder holds is the person's answers; what careercoach writes there must go
into files it made itself, in a folder that is theirs. So (docs/SPEC.md, "Hostile
surroundings" under its extensions):

- the data folder must belong to the person running careercoach (as ``ssh`` wants of
  ``~/.ssh``): one that belongs to someone else is refused; one of theirs that others can
  open is made 0700, saying so;
- each file in it (the database, its journal, the assessment lock) is opened with
  ``O_NOFOLLOW`` and checked with ``fstat`` on the opened descriptor: a symbolic link, a
  device, a FIFO or a folder is refused, and so is a file of another user. Nothing that
  fails a check is changed in any way (no ``chmod``, no truncation, no write).

On Windows there are no POSIX owners or modes to check: the data folder is private by
where it is (:mod:`careercoach.storage.platform_calls` says why); the other checks hold.

Every refusal is a :class:`StoreError` (exit 1) that names the file and says what to do.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from careercoach.errors import StoreError
from careercoach.safe_text import for_message
from careercoach.storage.db_format import check_folder
from careercoach.storage.platform_calls import (
    another_users,
    block_again,
    make_private,
    nofollow_flag,
    opened_through_link,
    posix_open_flags,
    posix_owners,
)

WRITABLE_HINT = "Set CAREERCOACH_HOME to a folder you can write to."
LOCK_NAME = "assess.lock"


def notice(text: str) -> None:
    """A one-line notice on stderr (something was fixed, nothing went wrong)."""
    if sys.stderr is None:  # pragma: no cover - cli.main puts a stand-in there
        return
    sys.stderr.write(f"careercoach: {for_message(text)}\n")
    sys.stderr.flush()


def kind(st: os.stat_result) -> str:
    """What a file that is not a regular file is, in words."""
    mode = st.st_mode
    for test, name in (
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _not_regular(path: Path, what: str) -> StoreError:
    return StoreError(
        f"{path} is {what}, not a file careercoach made; it was left as it is.",
        hint="Move it away, or set CAREERCOACH_HOME to another folder.",
    )


def _not_yours(path: Path, uid: int, *, folder: bool = False) -> StoreError:
    if folder:
        return StoreError(
            f"the data folder {path} belongs to another user (uid {uid}); careercoach keeps "
            "your answers only in a folder of your own, so nothing was read or written.",
            hint="Set CAREERCOACH_HOME to a folder of yours (or chown this one to you).",
        )
    return StoreError(
        f"{path} belongs to another user (uid {uid}), so careercoach did not make it; it "
        "was left as it is.",
        hint="Move it away, or set CAREERCOACH_HOME to another folder.",
    )


def _folder_error(folder: Path, exc: OSError) -> StoreError:
    import errno

    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) and folder.is_dir():
        return StoreError(
            f"the data folder {folder} cannot be written to ({exc.strerror or exc}).",
            hint=WRITABLE_HINT,
        )
    return StoreError(
        f"cannot create the data folder {folder}: {exc.strerror or exc}", hint=WRITABLE_HINT
    )


def private_folder(folder: Path, *, create: bool) -> bool:
    """Check the data folder (creating it 0700 with ``create``); whether it exists.

    The folder itself may be a symbolic link to a folder (a data folder kept on another
    disk); what it leads to must belong to the person running careercoach. One of theirs
    that others can open is tightened to 0700, with a notice.
    """
    check_folder(folder)
    if not folder.is_dir():
        if not create:
            return False
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)  # whatever the umask
        except OSError as exc:
            raise _folder_error(folder, exc) from None
    if not posix_owners():
        return True  # Windows: private by its folder, not by owner and mode (platform_calls)
    st = folder.stat()
    if another_users(st):
        raise _not_yours(folder, st.st_uid, folder=True)
    mode = stat.S_IMODE(st.st_mode)
    if mode & 0o077:
        tight = mode & 0o700
        try:
            os.chmod(folder, tight)
        except OSError as exc:
            raise _folder_error(folder, exc) from None
        notice(f"others could open the data folder {folder} ({mode:04o}); it is now {tight:04o}.")
    return True


def check_entry(path: Path) -> bool:
    """Whether ``path`` exists in the data folder, as a regular file of the person's own.

    Raises :class:`StoreError` for a symbolic link (dangling or not), a device, a FIFO, a
    folder, or a file of another user. Nothing is opened or changed.
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StoreError(f"{path} cannot be checked: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(path, kind(st))
    if another_users(st):
        raise _not_yours(path, st.st_uid)
    return True


def open_private_file(
    path: Path, *, create: bool, flags: int = os.O_RDONLY, what: str = "the database"
) -> tuple[int, bool]:
    """Open ``path`` in the data folder without following a link: ``(fd, created)``.

    A new file is made 0600 (``O_EXCL``). An existing one must be a regular file of the
    person's own (checked with ``fstat`` on the descriptor, so it is the file that was
    opened); if others can read it, it is tightened to 0600 with a notice. Anything else
    is refused, unchanged. ``O_NONBLOCK`` keeps a FIFO from hanging the open.
    """
    base = flags | nofollow_flag() | posix_open_flags("O_CLOEXEC")
    created = False
    fd = -1
    if create:
        try:
            fd = os.open(path, base | os.O_CREAT | os.O_EXCL, 0o600)
            created = True
        except FileExistsError:
            pass
        except OSError as exc:
            raise StoreError(
                f"cannot create {what} {path}: {exc.strerror or exc}", hint=WRITABLE_HINT
            ) from None
    if fd < 0:
        try:
            fd = os.open(path, base | posix_open_flags("O_NONBLOCK"))
        except OSError as exc:
            try:
                st = os.lstat(path)
            except OSError:
                st = None
            if st is not None and not stat.S_ISREG(st.st_mode):
                raise _not_regular(path, kind(st)) from None
            raise StoreError(f"cannot open {what} {path}: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(path, kind(st))
        if opened_through_link(fd, path):
            raise _not_regular(path, "a symbolic link")
        if another_users(st):
            raise _not_yours(path, st.st_uid)
        mode = stat.S_IMODE(st.st_mode)
        if mode & 0o077 and posix_owners():
            tight = mode & 0o600
            try:
                make_private(fd, tight)
            except OSError as exc:
                raise StoreError(
                    f"others can read {what} {path} ({mode:04o}), and it cannot be made "
                    f"private: {exc.strerror or exc}.",
                    hint=WRITABLE_HINT,
                ) from None
            notice(f"others could read {what} {path} ({mode:04o}); it is now {tight:04o}.")
        if not created:
            block_again(fd)
    except BaseException:
        os.close(fd)
        raise
    return fd, created


def open_lock_file(folder: Path) -> int:
    """The descriptor of ``folder/assess.lock``, made 0600 if new, never truncated.

    The folder is checked (and made private) first; the lock is a file of the person's
    own, never a link: its target would be the one written.
    """
    private_folder(folder, create=True)
    fd, _ = open_private_file(
        folder / LOCK_NAME, create=True, flags=os.O_RDWR, what="the assessment lock"
    )
    return fd
