"""``careercoach compare``: what changed between two assessments."""

import sys
from typing import Annotated

import typer

from careercoach.cli.app import app
from careercoach.cli.numbers import stored_int
from careercoach.cli.output import echo_lines


@app.command(
    short_help="Compare two assessments.",
    epilog="""A higher score is a greater need: a falling score is better.

\b
Examples:
  careercoach compare
  careercoach compare 2 5
  careercoach compare 2 --json
""",
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
    from careercoach.core import compare as figures
    from careercoach.errors import START_HINT, BadInput, NotFound, UnknownAssessment
    from careercoach.storage.store import Store
    from careercoach.ui import history_render as show
    from careercoach.ui.text_cells import text_width

    if not Store.exists():
        if first is not None:
            raise UnknownAssessment(first, none_stored=True)
        raise NotFound(
            "compare needs two finished assessments, and there is none yet",
            hint=START_HINT,
        )
    shared: tuple[str, ...] | None = None
    skipped: tuple[int, ...] = ()
    with Store() as reader:
        if first is None:
            taken = reader.taken()
            pair = figures.pick_pair(taken)
            if pair is None:
                raise NotFound(
                    f"compare needs two finished assessments, and there is {len(taken)}",
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
    echo_lines(show.compare_lines(result, width=text_width(), shared=shared))
