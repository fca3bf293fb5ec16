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
    epilog="""\b
Examples:
  careercoach history
  careercoach history --limit 3
  careercoach history --all --json
"""
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
        trend_entries: list[figures.Entry] = []
    else:
        with Store() as reader:
            # Trends cover what was asked for: every assessment with --all, the last N
            # with -n N (never fewer than the default window, so -n 1 still has trends).
            fetch = None if all_ else max(limit, figures.TREND_WINDOW)
            fetched = reader.history_entries(fetch)
            total = len(fetched) if all_ else reader.finished_count()
            if not fetched:
                unfinished = reader.unfinished_answers()
        entries = fetched if all_ else fetched[:limit]
        trend_entries = fetched
    if json_:
        sys.stdout.write(show.to_json([entry.to_json() for entry in entries]))
        return
    if unfinished:
        echo_lines(show.unfinished_lines(unfinished))
        return
    window = len(trend_entries)
    rows = figures.trends(trend_entries, window=window)
    echo_lines(show.history_lines(entries, total, rows, width=text_width(), window=window))
