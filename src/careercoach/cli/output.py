"""Printing what the commands show: the one place a Rich console writes to stdout."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careercoach.core.models import Plan

ACTIONS_PER_HORIZON = 5
"""The terminal view shows this many actions of each horizon unless asked for all."""


def print_plan(
    plan: Plan,
    *,
    no_color: bool = False,
    plain: bool = False,
    explain: bool = False,
    all_actions: bool = False,
) -> None:
    """Print the plan's terminal view (``assess`` at the end, and ``plan``)."""
    from careercoach.ui.console import make_console
    from careercoach.ui.render import plan_view

    console = make_console(no_color=no_color)
    view = plan_view(
        plan,
        plain=plain,
        explain=explain,
        actions_per_horizon=None if all_actions else ACTIONS_PER_HORIZON,
    )
    with console.capture() as capture:
        console.print(view)
    # Rich pads lines to the width: drop the trailing blanks (pasting, screen readers).
    text = "\n".join(line.rstrip(" ") for line in capture.get().split("\n"))
    sys.stdout.write(text)
    sys.stdout.flush()
