"""``careercoach banks``: list, show, validate and describe question banks, and print an
answers file to fill in."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from careercoach.cli.app import CoachGroup, app, state
from careercoach.cli.completion import complete_bank_id

banks_app = typer.Typer(
    cls=CoachGroup,
    help="List, show and validate question banks; answers templates.",
    epilog="\b\nExamples:\n  careercoach banks list\n  careercoach banks validate my-bank.yaml\n"
    "  careercoach banks template stuck \\\n      > answers.yaml",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(banks_app, name="banks", short_help="List, show and check banks.")


@banks_app.command(
    "list",
    short_help="List the loaded banks.",
    epilog="\b\nExamples:\n  careercoach banks list\n  careercoach --bank-dir ~/banks banks list",
)
def list_banks(ctx: typer.Context) -> None:
    """List the loaded banks: id, title, questions, file."""
    from careercoach.storage.banks import load_banks
    from careercoach.ui.bank_views import bank_list_lines

    loaded = load_banks(state(ctx).bank_dirs)
    typer.echo("\n".join(bank_list_lines(loaded)))


@banks_app.command(
    "show",
    short_help="Show one bank's questions.",
    epilog="\b\nExamples:\n  careercoach banks show stuck\n  careercoach banks show stuck --json",
)
def show_bank(
    ctx: typer.Context,
    bank_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The bank's id.", autocompletion=complete_bank_id),
    ],
    json_: Annotated[
        bool, typer.Option("--json", help="The validated bank as JSON, every field.")
    ] = False,
) -> None:
    """Show one bank: its dimensions, actions and questions."""
    from careercoach.storage.banks import load_banks, select_banks
    from careercoach.ui.bank_views import bank_detail_lines

    loaded = load_banks(state(ctx).bank_dirs, wanted=[bank_id])
    entry = select_banks(loaded, [bank_id], asked_by="banks show")[0]
    if json_:
        from careercoach.ui.history_render import to_json  # C1 and bidi escaped, as \uXXXX

        data = entry.bank.model_dump(mode="json", by_alias=True)
        typer.echo(to_json(data), nl=False)
    else:
        typer.echo("\n".join(bank_detail_lines(entry)))


@banks_app.command(
    "template",
    short_help="Print an answers file to fill in.",
    epilog="""\b
Examples:
  careercoach banks template stuck \\
      > answers.yaml
  careercoach banks template stuck promotion \\
      > answers.yaml
  (fill it in, then:
  careercoach assess --answers answers.yaml)
""",
)
def bank_template(
    ctx: typer.Context,
    bank_ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...", help="The banks to answer, in order.", autocompletion=complete_bank_id
        ),
    ],
) -> None:
    """Print an answers file to fill in: every question, its type and allowed values."""
    from careercoach.storage.banks import load_banks, select_banks
    from careercoach.ui.bank_views import answers_template

    loaded = load_banks(state(ctx).bank_dirs, wanted=bank_ids)
    sys.stdout.write(answers_template(select_banks(loaded, bank_ids, asked_by="banks template")))
    sys.stdout.flush()


@banks_app.command(
    "validate",
    short_help="Check bank files.",
    epilog="""\b
Examples:
  careercoach banks validate my-bank.yaml
  careercoach banks validate banks/*.yaml
  careercoach banks validate banks/
""",
)
def validate_banks(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", help="Bank files or folders of them.")
    ],
) -> None:
    """Check bank files: exit 0 when all are valid, else 2 with every problem."""
    from careercoach.ui.bank_views import validate_paths

    ok_lines = validate_paths(paths)
    typer.echo("\n".join(ok_lines))


@banks_app.command(
    "schema",
    short_help="Print the JSON Schema of a bank.",
    epilog="""\b
Examples:
  careercoach banks schema > schema.json
  (then, as the first line of a bank file,
  for the YAML language server:
  # yaml-language-server: $schema=schema.json)
""",
)
def bank_schema() -> None:
    """Print the JSON Schema of a bank file, for editors."""
    import json

    from careercoach.ui.bank_views import bank_json_schema

    sys.stdout.write(json.dumps(bank_json_schema(), indent=2) + "\n")
