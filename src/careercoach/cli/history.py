"""``careercoach history``: past assessments, newest first, with trends.

It reads through the store's light queries (:mod:`careercoach.storage.history`) and
prints plain lines: it must answer fast with many assessments.
"""

import sys
from typing import Annotated

import typer

from careercoach.cli.app import app
from careercoach.cli.numbers import stored_int
from careercoach.cli.output import echo_lines

DEFAULT_LIMIT = 10


def _at_least_one(value: int) -> int:
    """``--limit`` of 1 or more (said as Click says a range, which the help leaves out)."""
    stored_int(value)
    if value < 1:
        raise typer.BadParameter(f"{value} is not in the range x>=1.")
    return value


@app.command(
    short_help="Past assessments, with trends.",
    epilog="""\b
Examples:
  careercoach history
  careercoach history --limit 3
  careercoach history --all --json
""",
)
def history(
    json_: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            "-n",
            callback=_at_least_one,
            metavar="N",
            show_default=False,
            help=f"Show the last N (default {DEFAULT_LIMIT}).",
        ),
    ] = DEFAULT_LIMIT,
    all_: Annotated[bool, typer.Option("--all", help="Show every assessment.")] = False,
) -> None:
    """Past finished assessments, newest first, with the trend of each score."""
    from careercoach.core import trends as figures
    from careercoach.storage.store import Store
    from careercoach.ui import history_render as show
    from careercoach.ui.text_cells import text_width

    unfinished = None
    if not Store.exists():
        entries, total = [], 0
    else:
        with Store() as reader:
            # The trends cover exactly the assessments shown: the last N, or every one
            # with --all (issue 19: a window of its own hid a drop).
            entries = reader.history_entries(None if all_ else limit)
            total = len(entries) if all_ else reader.finished_count()
            if not entries:
                unfinished = reader.unfinished_answers()
    if json_:
        sys.stdout.write(show.to_json([entry.to_json() for entry in entries]))
        return
    if unfinished:
        echo_lines(show.unfinished_lines(unfinished))
        return
    rows = figures.trends(entries)
    echo_lines(show.history_lines(entries, total, rows, width=text_width()))
