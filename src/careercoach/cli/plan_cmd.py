"""``careercoach plan``: show or export a stored plan."""

from __future__ import annotations

from typing import Annotated

import typer

from careercoach.cli.app import app, not_built


@app.command(
    epilog="""\b
Examples:
  careercoach plan
  careercoach plan --explain
  careercoach plan --export md
  careercoach plan --export json --output -
  careercoach plan --id 3 --export html --output plan.html --force
"""
)
def plan(
    ctx: typer.Context,
    id_: Annotated[
        int | None, typer.Option("--id", help="The assessment (default: the latest).")
    ] = None,
    export: Annotated[
        str | None,
        typer.Option("--export", help="Write the plan as md, json or html.", metavar="FORMAT"),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the export ('-' for stdout).",
            metavar="PATH",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show which answers made each score.")
    ] = False,
    plain: Annotated[
        bool, typer.Option("--plain", help="No box drawing (screen readers, pasting).")
    ] = False,
) -> None:
    """Print the action plan of your latest assessment, or export it."""
    not_built("careercoach plan", 4)
