"""``history``, ``compare``, ``forget``: coming back to past assessments.

``history`` and ``compare`` read through :class:`careercoach.storage.history.Reader` (sqlite3
and json only) and print plain lines: they must answer fast with many assessments.
"""

import sys
from contextlib import ExitStack
from typing import Annotated

import typer

from careercoach.cli.app import app
from careercoach.cli.numbers import stored_int

DEFAULT_LIMIT = 10


def _at_least_one(value: int) -> int:
    """``--limit`` of 1 or more (said as Click says a range, which the help leaves out)."""
    stored_int(value)
    if value < 1:
        raise typer.BadParameter(f"{value} is not in the range x>=1.")
    return value


def _echo_lines(lines: list[str]) -> None:
    sys.stdout.write("".join(line.rstrip() + "\n" for line in lines))
    sys.stdout.flush()


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
    from careercoach.storage import history as figures
    from careercoach.ui import history_render as show
    from careercoach.ui.text_cells import text_width

    reader = figures.Reader.open()
    unfinished = None
    if reader is None:
        entries, total = [], 0
        trend_entries: list[figures.Entry] = []
    else:
        with reader:
            fetch = None if all_ else max(limit, figures.TREND_WINDOW)
            fetched = reader.entries(fetch)
            total = len(fetched) if all_ else reader.count()
            if not fetched:
                unfinished = reader.unfinished_answers()
        entries = fetched if all_ else fetched[:limit]
        trend_entries = fetched
    if json_:
        sys.stdout.write(show.to_json([entry.to_json() for entry in entries]))
        return
    if unfinished:
        _echo_lines(show.unfinished_lines(unfinished))
        return
    rows = figures.trends(trend_entries)
    _echo_lines(show.history_lines(entries, total, rows, width=text_width()))


@app.command(
    epilog="""\b
A higher score is a greater need: a falling score is better.

\b
Examples:
  careercoach compare
  careercoach compare 2 5
  careercoach compare 2 --json
"""
)
def compare(
    first: Annotated[
        int | None,
        typer.Argument(
            help="An assessment id (default: the latest earlier one with a bank in common).",
            metavar="A",
            callback=stored_int,
        ),
    ] = None,
    second: Annotated[
        int | None,
        typer.Argument(
            help="Another assessment id (default: the latest).", metavar="B", callback=stored_int
        ),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What changed between two assessments (default: the latest and the latest
    earlier one that took one of its banks)."""
    from careercoach.errors import BadInput, NotFound, UnknownAssessment
    from careercoach.storage import history as figures
    from careercoach.ui import history_render as show
    from careercoach.ui.text_cells import text_width

    reader = figures.Reader.open()
    if reader is None:
        if first is not None:
            raise UnknownAssessment(first, none_stored=True)
        raise NotFound(
            "compare needs two finished assessments, and there is none yet.",
            hint="Start one with: careercoach assess",
        )
    shared: tuple[str, ...] | None = None
    skipped: tuple[int, ...] = ()
    with reader:
        if first is None:
            taken = reader.taken()
            pair = figures.pick_pair(taken)
            if pair is None:
                raise NotFound(
                    f"compare needs two finished assessments, and there is {len(taken)}.",
                    hint="Take another one later with: careercoach assess",
                )
            then, now = reader.snapshot(pair.then), reader.snapshot(pair.now)
            shared, skipped = pair.shared, pair.skipped
        else:
            a = reader.snapshot(first)
            if second is None:
                latest = reader.latest_two()[-1]
                if latest == first:
                    raise BadInput(
                        f"assessment {first} is the latest; name an earlier one to compare "
                        "it with (see: careercoach history)"
                    )
                b = reader.snapshot(latest)
            else:
                b = reader.snapshot(second)
            if a.id == b.id:
                raise BadInput(f"give two different assessments (both are {a.id})")
            then, now = sorted((a, b), key=lambda s: (s.finished_at, s.id))
        result = figures.compare(then, now, reader.done_between(then, now), skipped)
    if json_:
        sys.stdout.write(show.to_json(result.to_json()))
        return
    _echo_lines(show.compare_lines(result, width=text_width(), shared=shared))


@app.command(
    epilog="""\b
Deleted rows are gone for real: the database file is rebuilt (VACUUM) so
their text is not left in it.

\b
Examples:
  careercoach forget --id 3
  careercoach forget --all --yes
"""
)
def forget(
    id_: Annotated[
        int | None, typer.Option("--id", help="Delete this assessment.", callback=stored_int)
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Delete everything stored.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete stored assessments (answers, plans, done actions), for real."""
    from careercoach.core.dates import human_time
    from careercoach.errors import BadInput
    from careercoach.storage.history import not_stored
    from careercoach.storage.store import Store
    from careercoach.ui.prompts import stdin_is_terminal

    if id_ is not None and all_:
        raise BadInput("--id and --all cannot be combined")
    if id_ is None and not all_:
        raise BadInput("say what to delete: --id N (one assessment) or --all (everything)")
    if not Store.exists():
        if id_ is not None:
            raise not_stored(id_)
        typer.echo("Nothing is stored; nothing to delete.")
        return
    with Store() as store:
        if id_ is not None:
            record = store.assessment(id_)
            if record is None:
                raise not_stored(id_)
            when = (
                f"finished {human_time(record.finished_at)}" if record.finished_at else "unfinished"
            )
            question = f"Delete assessment {id_} ({when}) with its answers and plan, for good?"
        else:
            question = "Delete every assessment, done action and event stored, for good?"
        if not yes:
            if not stdin_is_terminal():
                raise BadInput(
                    "forget asks for confirmation in a terminal, and stdin is not one; "
                    "add --yes to delete without asking"
                )
            if not typer.confirm(question, default=False):
                typer.echo("Nothing was deleted.")
                return
        with _no_assessment_running():
            if id_ is not None:
                done = len(store.done_actions(id_))
                store.forget(id_)
                extra = f", {done} done action" + ("" if done == 1 else "s") if done else ""
                typer.echo(f"Deleted assessment {id_} (its answers, plan and scores{extra}).")
            else:
                assessments, events = store.forget_all()
                from careercoach.storage import bank_cache

                bank_cache.clear()  # bank text only, but "everything stored" means it too
                typer.echo(
                    f"Deleted {assessments} assessment{'' if assessments == 1 else 's'} and "
                    f"{events} event{'' if events == 1 else 's'}."
                )
    typer.echo("The database file was rebuilt, so nothing of it is left in the file.")


def _no_assessment_running() -> ExitStack:
    """The assessment lock, held while deleting: an assessment being answered in another
    terminal would lose its answers (and die). Refused, naming that process."""
    import re

    from careercoach.errors import AlreadyRunning
    from careercoach.flows.session import assessment_lock
    from careercoach.paths import data_dir

    held = ExitStack()
    try:
        held.enter_context(assessment_lock(data_dir()))
    except AlreadyRunning as exc:
        found = re.search(r"process \d+", exc.problems[0])
        where = f" ({found.group(0)})" if found else ""
        raise AlreadyRunning(
            f"an assessment is being answered{where}; nothing was deleted.",
            hint="Finish or stop it (Ctrl-C in its terminal), then run forget again.",
        ) from None
    return held
