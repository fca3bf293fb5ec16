"""``careercoach assess``: the assessment, interactive or from an answers file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from careercoach.cli.app import app, not_built


@app.command(
    epilog="""\b
Examples:
  careercoach assess
  careercoach assess --bank stuck --bank promotion
  careercoach assess --answers my-answers.yaml
  careercoach assess --resume
"""
)
def assess(
    ctx: typer.Context,
    bank: Annotated[
        list[str] | None,
        typer.Option("--bank", "-b", help="Assess only this bank (repeatable).", metavar="ID"),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            "-a",
            help="Answer from a YAML or JSON file instead of prompts.",
            metavar="FILE",
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the unfinished assessment.")
    ] = False,
    restart: Annotated[
        bool, typer.Option("--restart", help="Discard the unfinished assessment, start anew.")
    ] = False,
) -> None:
    """Answer the question banks and get your action plan."""
    not_built("careercoach assess", 4)
