"""``history``, ``compare``, ``forget``: coming back to past assessments."""

from __future__ import annotations

from typing import Annotated

import typer

from careercoach.cli.app import app, not_built


@app.command(epilog="\b\nExamples:\n  careercoach history\n  careercoach history --json")
def history(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
) -> None:
    """Past finished assessments, newest first."""
    not_built("careercoach history", 9)


@app.command(epilog="\b\nExamples:\n  careercoach compare\n  careercoach compare 2 5")
def compare(
    ctx: typer.Context,
    first: Annotated[int | None, typer.Argument(help="Earlier assessment id.")] = None,
    second: Annotated[int | None, typer.Argument(help="Later assessment id.")] = None,
) -> None:
    """What changed between two assessments (default: the last two)."""
    not_built("careercoach compare", 9)


@app.command(epilog="\b\nExamples:\n  careercoach forget --id 3\n  careercoach forget --all --yes")
def forget(
    ctx: typer.Context,
    id_: Annotated[int | None, typer.Option("--id", help="Delete this assessment.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Delete everything stored.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete stored assessments, for real."""
    not_built("careercoach forget", 9)
