"""Reading an input file (a bank, an answers file): its bytes within the size limit, with
one clear error for each way reading fails; and pausing the garbage collector while a big
tree of objects is built from it.

No YAML here: a bank found in the cache is read through this module alone.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from careercoach.errors import BadInput, BankError
from careercoach.storage.platform_calls import block_again, posix_open_flags

MAX_BYTES = 16 * 1024 * 1024
"""No input file may be larger: 16 MiB is far beyond any bank a person writes."""

STDIN_NAME = "<stdin>"
"""How standard input is named in messages (``<stdin>:3:7: ...``)."""


def read_file(
    path: Path, *, display: str | None = None, error: type[BadInput] = BankError
) -> bytes:
    """The bytes of an input file, within the size limit; ``error`` when they cannot be had.

    At most the limit plus one byte is read, whatever the file is: a device or a pipe
    reports a size of 0 (``/dev/zero`` never ends). A FIFO is opened without waiting for
    a writer (``O_NONBLOCK``), then read as usual: with no writer it reads as empty.
    """
    shown = display or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | posix_open_flags("O_NONBLOCK", "O_CLOEXEC"))
    except IsADirectoryError:
        raise error(f"{shown}: is a folder, not a file") from None
    except FileNotFoundError:
        raise error(f"{shown}: no such file") from None
    except PermissionError:
        raise error(f"{shown}: permission denied") from None
    except OSError as exc:
        raise error(f"{shown}: cannot be read ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        size = st.st_size
        if stat.S_ISREG(st.st_mode) and size > MAX_BYTES:
            raise error(f"{shown}: the file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes")
        block_again(fd)
        chunks: list[bytes] = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except IsADirectoryError:
        raise error(f"{shown}: is a folder, not a file") from None
    except OSError as exc:
        raise error(f"{shown}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if left <= 0:
        raise error(f"{shown}: the input is over the limit of {MAX_BYTES:,} bytes")
    return b"".join(chunks)


def read_stdin(*, error: type[BadInput] = BankError) -> bytes:
    """Standard input's bytes (``--answers -``), within the same limit as a file's: at
    most the limit plus one byte is read, to tell that there is more."""
    import sys

    stream = sys.stdin
    if stream is None:
        raise error(f"{STDIN_NAME}: there is no standard input to read")
    try:
        binary = getattr(stream, "buffer", None)
        data = (
            binary.read(MAX_BYTES + 1)
            if binary is not None
            else stream.read(MAX_BYTES + 1).encode("utf-8", "surrogateescape")
        )
    except OSError as exc:
        raise error(f"{STDIN_NAME}: cannot be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise error(f"{STDIN_NAME}: the input is over the limit of {MAX_BYTES:,} bytes")
    return bytes(data)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (building big trees is superlinear with it on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
