"""Writing an ``--output`` file: whole or not at all, and never replacing what is not a file.

A regular file is written atomically: the text goes to a temporary file in the same
folder, is flushed to disk, and then takes the place of the target in one rename; the
folder is flushed too. A crash at any point leaves either the old file or the new one.

What is not a regular file is never replaced (docs/SPEC.md, "Hostile surroundings"):

- a character device or a FIFO (``/dev/stdout``, ``/dev/null``, a named pipe) is written
  to directly, as a shell's ``>`` would; a block device is refused (a disk is not a file);
- a symbolic link stays a link: the file it points to is written (with ``--force``, as
  for any existing file); a link to nothing is refused;
- a write error, such as a full disk, is one line and exit 1; a path that cannot be a
  file (a folder, a missing folder, a name too long) is one line and exit 2.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from careercoach.errors import BadInput, CareerCoachError
from careercoach.safe_text import clean
from careercoach.storage.platform_calls import posix_open_flags


def _shown(path: Path) -> str:
    return clean(str(path))


def _exists_message(path: Path) -> BadInput:
    return BadInput(f"{_shown(path)} already exists; use --force to overwrite it")


def _path_error(path: Path, exc: OSError) -> CareerCoachError:
    """Why ``path`` cannot be looked at, as a bad ``--output`` (exit 2) where it is one."""
    if exc.errno == errno.ENAMETOOLONG:
        return BadInput(
            f"{_shown(path)}: the file name is too long for this file system; "
            "give a shorter one with --output"
        )
    if exc.errno == errno.ENOTDIR:
        return BadInput(f"{_shown(path)}: a part of the path is a file, not a folder")
    if exc.errno == errno.ELOOP:
        return BadInput(f"{_shown(path)}: too many symbolic links (a loop?)")
    if exc.errno == errno.EACCES:
        return BadInput(f"{_shown(path)}: permission denied")
    return CareerCoachError(f"cannot write {_shown(path)}: {exc.strerror or exc}")


def _stat(path: Path) -> os.stat_result | None:
    """``path``'s status through any link; None when nothing is there."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise BadInput(
                f"{_shown(path)} is a symbolic link to nothing ({_shown(Path(os.readlink(path)))});"
                " give the file itself with --output"
            ) from None
        return None
    except OSError as exc:
        raise _path_error(path, exc) from None


def write_file(path: str | os.PathLike[str], text: str, *, force: bool = False) -> Path:
    """Write ``text`` (UTF-8) to ``path``: a new regular file is made 0600, atomically.

    Without ``force`` an existing file is never replaced (``BadInput``, exit 2), even
    when it appears between the check and the rename. Returns the absolute path given.
    """
    target = Path(path)
    data = text.encode("utf-8")
    st = _stat(target)
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise BadInput(f"{_shown(target)} is a folder; give a file name with --output")
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            _write_in_place(target, data)
            return target.absolute()
        if not stat.S_ISREG(st.st_mode):
            raise BadInput(
                f"{_shown(target)} is not a regular file (a block device or a socket); "
                "give a file name with --output"
            )
        if not force:
            raise _exists_message(target)
    real = target
    if st is not None and os.path.islink(target):
        real = Path(os.path.realpath(target))
        if not _same_file(real, st):
            # A link the path cannot follow (/dev/stdout to a deleted file): in place.
            _write_in_place(target, data, truncate=True)
            return target.absolute()
    _write_atomically(real, data, force=force)
    return target.absolute()


def _same_file(path: Path, st: os.stat_result) -> bool:
    try:
        found = os.stat(path)
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (st.st_dev, st.st_ino)


def _write_in_place(target: Path, data: bytes, *, truncate: bool = False) -> None:
    """A device or a FIFO: opened (through any link) and written, never replaced."""
    flags = os.O_WRONLY | posix_open_flags("O_NOCTTY", "O_CLOEXEC")
    if truncate:
        flags |= os.O_TRUNC
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        raise _path_error(target, exc) from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise CareerCoachError(f"cannot write {_shown(target)}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _write_atomically(target: Path, data: bytes, *, force: bool) -> None:
    folder = target.parent
    if not folder.is_dir():
        raise BadInput(f"{_shown(folder)}: no such folder")
    try:
        # Named after the target (an interrupted export is recognisable), cut so that a
        # long target name cannot push the temporary one past the name limit (255 bytes).
        stem = target.name.encode("utf-8", "surrogateescape")[:200].decode("utf-8", "ignore")
        fd, tmp_name = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise CareerCoachError(f"cannot write in {_shown(folder)}: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:  # mkstemp made it 0600
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, target)
        else:
            _publish_new(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, FileExistsError):
            if exc.errno == errno.ENAMETOOLONG:
                raise _path_error(target, exc) from None
            raise CareerCoachError(
                f"cannot write {_shown(target)}: {exc.strerror or exc}"
            ) from None
        raise
    _fsync_folder(folder)


def _publish_new(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the name ``target`` only if nothing has that name (no clobbering)."""
    try:
        os.link(tmp, target)  # atomic, and fails if target exists
    except FileExistsError:
        raise _exists_message(target) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise
        # No hard links here (some network and FAT file systems): check, then rename.
        if target.exists():
            raise _exists_message(target) from None
        os.replace(tmp, target)
        return
    tmp.unlink()


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | posix_open_flags("O_DIRECTORY"))
    except OSError:  # e.g. Windows cannot open a folder
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
