"""The one place a Rich ``Console`` is made.

Every command that prints Rich renderables asks :func:`make_console` for its console, so
that all of them agree on the rules: no markup and no highlighting of any string (text is
data: see ``safe_text``), no emoji codes, colour off with ``NO_COLOR`` or ``--no-color``,
and the width every view lays out to (:func:`careercoach.ui.text_cells.text_width`).

Import this module inside a command function, never at the top of a ``cli`` module:
``rich.console`` costs tens of milliseconds that ``--help`` should not pay.
"""

from __future__ import annotations

import os
from typing import IO, Literal

from rich.console import Console

from careercoach.ui.text_cells import MIN_WIDTH, text_width

ColorSystem = Literal["auto", "standard", "256", "truecolor", "windows"]


def colour_disabled(no_color: bool = False) -> bool:
    """``--no-color``, or ``NO_COLOR`` set to anything but the empty string (no-color.org)."""
    return no_color or os.environ.get("NO_COLOR", "") != ""


def make_console(
    *,
    no_color: bool = False,
    file: IO[str] | None = None,
    width: int | None = None,
    stderr: bool = False,
    color_system: ColorSystem | None = "auto",
) -> Console:
    """A console for careercoach output.

    ``file`` defaults to the current ``sys.stdout`` (``sys.stderr`` with ``stderr``) at
    print time, so that test runners that swap it see the output. ``width`` fixes the
    width (tests, snapshots); otherwise it is :func:`text_width`. ``color_system=None``
    turns every style off (snapshots).
    """
    return Console(
        file=file,
        stderr=stderr,
        width=max(width, MIN_WIDTH) if width is not None else text_width(),
        no_color=colour_disabled(no_color),
        color_system=color_system,
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
