"""``--help`` in a real terminal 50, 60, 80 and 120 columns wide (``COLUMNS`` removed: the
pty's own size speaks): no line is wider than the terminal, so it breaks no word or
example command at the edge, and no command's description is cut with "...".
"""

from __future__ import annotations

import io
import os
from typing import Any

import pexpect
import pytest

from .test_assess_pty import SCRIPT, TIMEOUT, Screen, ended

pytestmark = pytest.mark.e2e

COMMANDS = [[], ["roi"], ["plan"], ["banks"], ["banks", "template"], ["completion"]]


def help_read_back(command: list[str], columns: int) -> list[str]:
    """The help as the terminal got it, read back 200 columns wide: a line the program
    wrote wider than the terminal shows whole."""
    env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1"}
    env.pop("COLUMNS", None)
    child: Any = pexpect.spawn(
        str(SCRIPT),
        [*command, "--help"],
        env=env,
        dimensions=(60, columns),
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    child.logfile_read = io.StringIO()
    assert ended(child) == (0, None)
    screen = Screen(200)
    screen.feed(child.logfile_read.getvalue())
    return screen.lines()


@pytest.mark.parametrize("columns", [50, 60, 80, 120])
def test_help_fits_the_terminal(columns: int) -> None:
    for command in COMMANDS:
        lines = help_read_back(command, columns)
        assert [line for line in lines if len(line) > columns] == [], command
        listed = [line for line in lines if line.endswith("...") and "[ARGS]" not in line]
        assert listed == [], command
    top = help_read_back([], columns)
    assert "  assess       Answer questions, get a plan." in top
