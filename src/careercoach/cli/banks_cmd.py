"""``careercoach banks``: list, show, validate and describe question banks."""

from __future__ import annotations

import typer

from careercoach.cli.app import app, not_built

banks_app = typer.Typer(
    help="List, show and validate question banks.",
    epilog="\b\nExamples:\n  careercoach banks list\n  careercoach banks validate my-bank.yaml",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(banks_app, name="banks")


@banks_app.command("list", epilog="\b\nExample:\n  careercoach banks list")
def list_banks(ctx: typer.Context) -> None:
    """List the loaded banks: id, title, questions, file."""
    not_built("careercoach banks list", 3)
