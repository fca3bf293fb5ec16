"""``careercoach assess``: the assessment, interactive or from an answers file."""

from pathlib import Path
from typing import Annotated

import typer

from careercoach.cli.app import app, state
from careercoach.cli.completion import complete_bank_id


@app.command(
    epilog="""\b
Examples:
  careercoach assess
  careercoach assess --bank stuck --bank promotion
  careercoach assess --answers my-answers.yaml
  some-script | careercoach assess --answers -
  careercoach assess --resume
"""
)
def assess(
    ctx: typer.Context,
    bank: Annotated[
        list[str] | None,
        typer.Option(
            "--bank",
            "-b",
            help="Assess only this bank (repeatable).",
            metavar="ID",
            autocompletion=complete_bank_id,
        ),
    ] = None,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            "-a",
            help="Answer from a YAML or JSON file instead of prompts ('-' for stdin).",
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
    if answers is not None:
        if resume or restart:
            from careercoach.errors import BadInput

            raise BadInput("--answers cannot be combined with --resume or --restart")
        _assess_from_file(ctx, None if answers == "-" else Path(answers), bank or [])
        return
    _assess_interactive(ctx, bank or [], resume=resume, restart=restart)


def _assess_interactive(
    ctx: typer.Context, bank_ids: list[str], *, resume: bool, restart: bool
) -> None:
    """The questions in the terminal, each answer saved as given; then the plan."""
    from careercoach.errors import BadInput

    if resume and restart:
        raise BadInput("--resume and --restart cannot be combined")
    from careercoach.cli.output import print_plan
    from careercoach.flows.interactive import run_interactive

    options = state(ctx)
    plan = run_interactive(
        bank_ids=bank_ids,
        bank_dirs=options.bank_dirs,
        resume=resume,
        restart=restart,
        no_color=options.no_color,
    )
    typer.echo("")
    print_plan(plan, no_color=options.no_color)
    typer.echo(f"Saved as assessment {plan.assessment_id}. See it again with: careercoach plan")
    from careercoach.flows.commitments import ask_commitments

    ask_commitments(plan, no_color=options.no_color)


def _assess_from_file(ctx: typer.Context, path: Path | None, bank_ids: list[str]) -> None:
    """No prompt: check the file (``None``: stdin), store the finished assessment, print
    the plan."""
    from careercoach.cli.output import print_plan
    from careercoach.flows.assessment import assess_from_file

    options = state(ctx)
    plan = assess_from_file(path, bank_ids, options.bank_dirs)
    print_plan(plan, no_color=options.no_color)
    typer.echo("")
    typer.echo(f"Saved as assessment {plan.assessment_id}. See it again with: careercoach plan")
