"""Printing what the commands show: the one place a Rich console writes to stdout."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careercoach.core.models import Plan

ACTIONS_PER_HORIZON = 5
"""The terminal view shows this many actions of each horizon unless asked for all."""

FORMAT_OF_SUFFIX = {
    "md": "md",
    "markdown": "md",
    "json": "json",
    "html": "html",
    "htm": "html",
    "ics": "ics",
}
"""The export format a file name's extension stands for."""


def export_format(export: str | None, output: str | None) -> str | None:
    """The export format of ``plan``: ``--export``, else the one ``--output``'s extension
    stands for (``plan.html``: html); None for the terminal view.

    An ``--export`` that disagrees with the extension (``--export md --output x.html``)
    wins, with a one-line warning on stderr: the file is still written.
    """
    from careercoach.errors import BadInput
    from careercoach.safe_text import clean
    from careercoach.ui.export import FORMATS, check_format

    suffix = Path(output).suffix.lower().lstrip(".") if output and output != "-" else ""
    implied = FORMAT_OF_SUFFIX.get(suffix)
    if export is not None:
        fmt = check_format(export)
        if implied is not None and implied != fmt:
            assert output is not None
            sys.stderr.write(
                f"careercoach: warning: --output {clean(output)} ends in .{clean(suffix)}, "
                f"but --export is {fmt}; writing {fmt} as asked\n"
            )
            sys.stderr.flush()
        return fmt
    if output is None:
        return None
    if implied is not None:
        return implied
    raise BadInput(f"--output needs --export with one of {', '.join(FORMATS)}")


def print_plan(
    plan: "Plan",
    *,
    no_color: bool = False,
    plain: bool = False,
    explain: bool = False,
    all_actions: bool = False,
    commit_hint: bool = True,
) -> None:
    """Print the plan's terminal view (``assess`` at the end, and ``plan``); without the
    hint on committing where the commitment picker follows."""
    from careercoach.ui.console import make_console
    from careercoach.ui.render import plan_view

    console = make_console(no_color=no_color)
    view = plan_view(
        plan,
        plain=plain,
        explain=explain,
        actions_per_horizon=None if all_actions else ACTIONS_PER_HORIZON,
        commit_hint=commit_hint,
    )
    with console.capture() as capture:
        console.print(view)
    # Rich pads lines to the width: drop the trailing blanks (pasting, screen readers).
    text = "\n".join(line.rstrip(" ") for line in capture.get().split("\n"))
    sys.stdout.write(text)
    sys.stdout.flush()


def echo_lines(lines: list[str]) -> None:
    """Plain lines to stdout, trailing blanks dropped."""
    sys.stdout.write("".join(line.rstrip() + "\n" for line in lines))
    sys.stdout.flush()


def say(text: str, *, stderr: bool = False) -> None:
    """One of our sentences on stdout (or stderr), wrapped between words to the width
    every view uses, a command kept whole."""
    from careercoach.ui.text_cells import text_width, wrap_words

    stream = sys.stderr if stderr else sys.stdout
    stream.write("".join(f"{line}\n" for line in wrap_words(text, text_width())))
    stream.flush()
