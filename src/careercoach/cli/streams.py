"""Standard streams as a run finds them: closed (``>&-``, ``<&-``, ``2>&-``), or in an
encoding that cannot write ``·``, ``→`` or ``█`` (``PYTHONIOENCODING=latin-1``,
``LC_ALL=C`` without UTF-8 mode). Set up once, in ``main()``, before anything is printed.

- A closed stream reads and writes as ``/dev/null``: the command does its work (an
  assessment from a file is stored), prints nowhere, and exits with its own code (a bad
  flag is still exit 2 with ``2>&-``). The descriptor is filled too, so that no file the
  run opens (an export, the lock) can take the number 0, 1 or 2.
- A stream whose encoding cannot write a character writes an ASCII stand-in for it
  (``→`` as ``->``, ``█`` as ``#``), else ``?``, instead of raising UnicodeEncodeError.
"""

import codecs
import os
import sys
from typing import TextIO

ERRORS = "careercoach-ascii"
"""The codec error handler that writes stand-ins (see :func:`register_stand_ins`)."""

STAND_INS = {
    "·": "-",
    "•": "*",
    "→": "->",
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "…": "...",
    "—": "--",
    "–": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "«": "<<",
    "»": ">>",
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "≈": "~",
    "±": "+/-",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "▁": "_",
    "▂": "_",
    "▃": "-",
    "▄": "-",
    "▅": "=",
    "▆": "=",
    "▇": "#",
    "█": "#",
    "░": ".",
    "▒": ":",
    "▓": "%",
}


def _stand_in(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object[exc.start : exc.end]
    return "".join(STAND_INS.get(char, "?") for char in text), exc.end


def _fill_closed_descriptors() -> None:
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)


def _encodes_everything(stream: TextIO) -> bool:
    try:
        return codecs.lookup(stream.encoding or "ascii").name.startswith("utf")
    except LookupError:
        return False


def register_stand_ins() -> None:
    """Make the :data:`ERRORS` codec error handler known (as often as called)."""
    codecs.register_error(ERRORS, _stand_in)


def usable_streams() -> None:
    """Make ``sys.stdin``, ``sys.stdout`` and ``sys.stderr`` safe to use (see above)."""
    _fill_closed_descriptors()
    if sys.stdin is None:
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - for the run
    if sys.stdout is None:
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    register_stand_ins()
    for stream in (sys.stdout, sys.stderr):
        if not _encodes_everything(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=ERRORS)
