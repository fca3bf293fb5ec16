"""``careercoach plan``: show or export a stored plan.

Nothing heavy is imported at module level: ``--help`` must not load Rich or pydantic.
An export never imports Rich at all; only the terminal view does.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careercoach.cli.app import app, state
from careercoach.cli.completion import complete_export_format
from careercoach.cli.numbers import stored_int

if TYPE_CHECKING:
    from careercoach.core.models import Plan


def _load(assessment_id: int | None) -> "Plan":
    from careercoach.flows.assessment import load_plan

    return load_plan(assessment_id)


@app.command(
    short_help="Show or export an action plan.",
    epilog="""\b
Examples:
  careercoach plan
  careercoach plan --explain
  careercoach plan --export md
  careercoach plan --export json --output -
  careercoach plan --id 3 --export html \\
      --output plan.html --force
  careercoach plan --done 3
  careercoach plan --done stuck.up_over_deliver
  careercoach plan --check
  careercoach plan --commit 1 --by 2026-12-18 \\
      --if-then "If busy, then Friday"
  careercoach plan --uncommit 1
  careercoach plan --export ics
""",
)
def plan(
    ctx: typer.Context,
    id_: Annotated[
        int | None,
        typer.Option("--id", help="The assessment (default: the latest).", callback=stored_int),
    ] = None,
    export: Annotated[
        str | None,
        typer.Option(
            "--export",
            help="Write the plan as md, json, html or ics (a calendar).",
            metavar="FORMAT",
            autocompletion=complete_export_format,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the export ('-' for stdout; default "
            "careercoach-plan-YYYY-MM-DD.<format> here).",
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
    all_: Annotated[
        bool,
        typer.Option(
            "--all", help="Show every action, and the more that applies beyond the short plan."
        ),
    ] = False,
    done: Annotated[
        list[str] | None,
        typer.Option(
            "--done",
            help="Mark an action done: its number, bank.action or its id (repeatable).",
            metavar="N",
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Tick the actions you did in a checklist.")
    ] = False,
    commit: Annotated[
        str | None,
        typer.Option("--commit", help="Commit to action N (at most three).", metavar="N"),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="With --commit: the day you will have done it by (default: the end of its "
            "horizon).",
            metavar="YYYY-MM-DD",
        ),
    ] = None,
    if_then: Annotated[
        str | None,
        typer.Option(
            "--if-then",
            help='With --commit: "If ... gets in the way, then I will ...".',
            metavar="TEXT",
        ),
    ] = None,
    uncommit: Annotated[
        str | None,
        typer.Option("--uncommit", help="Drop the commitment to action N.", metavar="N"),
    ] = None,
) -> None:
    """Print the action plan of your latest assessment, or export it."""
    if commit is not None or uncommit is not None or by is not None or if_then is not None:
        from careercoach.flows.commitments import change_commitment

        others = [
            name
            for name, given in (("--done", done), ("--check", check), ("--export", export))
            if given
        ]
        typer.echo(change_commitment(id_, commit, uncommit, by, if_then, others=others))
        return
    if done or check:
        from careercoach.cli.plan_done import mark_done

        mark_done(id_, done or [], check=check)
        return
    from careercoach.cli.output import export_format

    fmt = export_format(export, output)
    plan = _load(id_)
    if fmt is None:
        from careercoach.cli.output import print_plan

        print_plan(
            plan, no_color=state(ctx).no_color, plain=plain, explain=explain, all_actions=all_
        )
        return

    from careercoach.safe_text import clean
    from careercoach.storage.output_file import write_file
    from careercoach.ui.export import default_filename, export_text

    revision = None
    if fmt == "ics":
        from careercoach.flows.calendar import revision_of

        revision = revision_of(plan)
    text = export_text(plan, fmt, explain=explain, revision=revision)
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(output) if output else Path(default_filename(plan, fmt))
    written = write_file(path, text, force=force)
    typer.echo(f"Plan written to {clean(str(written))}")
