"""``careercoach assess``: the assessment, interactive or from an answers file."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from careercoach.cli.app import app, state
from careercoach.cli.completion import complete_bank_id
from careercoach.cli.numbers import stored_int


@app.command(
    short_help="Answer questions, get a plan.",
    epilog="""\b
Examples:
  careercoach assess
  careercoach assess --bank stuck \\
      --bank promotion
  careercoach assess --answers my-answers.yaml
  some-script | careercoach assess --answers -
  careercoach assess --resume
  careercoach assess --edit   # the latest one
  careercoach assess --edit 3
""",
)
def assess(
    ctx: typer.Context,
    assessment_id: Annotated[
        int | None,
        typer.Argument(
            metavar="[ID]",
            help="With --edit: the assessment to change (default: the latest).",
            callback=stored_int,
            show_default=False,
        ),
    ] = None,
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
    edit: Annotated[
        bool,
        typer.Option(
            "--edit",
            help="Change answers of a finished assessment (the latest, or ID); "
            "its plan is made again.",
        ),
    ] = False,
) -> None:
    """Answer the question banks and get your action plan."""
    from careercoach.errors import BadInput

    if edit:
        clash = [
            flag
            for flag, given in (
                ("--answers", answers is not None),
                ("--bank", bool(bank)),
                ("--resume", resume),
                ("--restart", restart),
            )
            if given
        ]
        if clash:
            raise BadInput(f"--edit cannot be combined with {' or '.join(clash)}")
        _assess_edit(ctx, assessment_id)
        return
    if assessment_id is not None:
        raise BadInput(
            f"an assessment id ({assessment_id}) is only for --edit: "
            f"careercoach assess --edit {assessment_id}"
        )
    if answers is not None:
        if resume or restart:
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
    from careercoach.cli.output import print_plan, say
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
    print_plan(plan, no_color=options.no_color, commit_hint=False)  # the picker follows
    say(f"Saved as assessment {plan.assessment_id}. See it again with: careercoach plan")
    from careercoach.flows.commitments import ask_commitments

    ask_commitments(plan, no_color=options.no_color)


def _assess_from_file(ctx: typer.Context, path: Path | None, bank_ids: list[str]) -> None:
    """No prompt: check the file (``None``: stdin), store the finished assessment, print
    the plan."""
    from careercoach.cli.output import print_plan, say
    from careercoach.flows.assessment import assess_from_file

    options = state(ctx)
    if path is None and _stdin_is_terminal():  # a person at a terminal, not a pipe
        say(READING_STDIN, stderr=True)
    plan = assess_from_file(path, bank_ids, options.bank_dirs)
    print_plan(plan, no_color=options.no_color)
    typer.echo("")
    say(f"Saved as assessment {plan.assessment_id}. See it again with: careercoach plan")


def _assess_edit(ctx: typer.Context, assessment_id: int | None) -> None:
    """The review of a finished assessment; then its plan, made again where it changed."""
    from careercoach.cli.output import echo_lines, print_plan
    from careercoach.flows.edit import run_edit
    from careercoach.ui.text_cells import text_width, wrap

    options = state(ctx)
    edited = run_edit(
        assessment_id=assessment_id, bank_dirs=options.bank_dirs, no_color=options.no_color
    )
    plan = edited.plan
    typer.echo("")
    print_plan(plan, no_color=options.no_color)
    if edited.changes:
        said = f"Assessment {plan.assessment_id} is changed, and its plan made again."
    else:
        said = f"Nothing was changed: assessment {plan.assessment_id} is as it was."
    again = f"See it again with: careercoach plan --id {plan.assessment_id}"
    texts = (said, *edited.set_aside, again)
    echo_lines([line for text in texts for line in wrap(text, text_width())])


READING_STDIN = (
    "careercoach: reading the answers file from standard input; end it with Ctrl-D "
    "(a file to fill in: careercoach banks template ID)"
)


def _stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()
