"""``careercoach completion bash|zsh|fish``: the shell completion script, and the values
it completes beyond commands and options (bank ids, trigger names).

The work is Typer's: its scripts call ``careercoach`` back with ``_CAREERCOACH_COMPLETE``
set, and Typer's ``main`` answers with the commands, options and values that fit. Typer
0.28 documents no call that prints the script of a named shell (``--show-completion``
guesses the shell from the parent process, and ``add_completion`` would add it and
``--install-completion`` to every help). So this module uses the functions that
:mod:`typer.completion` defines and exports: ``get_completion_inspect_parameters``
(which registers Typer's shells) and ``shell_complete`` with the ``source_SHELL``
instruction, the same path as ``_CAREERCOACH_COMPLETE=source_bash careercoach``. No
private module is imported. Another command's start-up imports nothing more than this
small module.
"""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from careercoach.cli.app import app

if TYPE_CHECKING:
    from careercoach.core.models import Bank

PROG_NAME = "careercoach"
COMPLETE_VAR = "_CAREERCOACH_COMPLETE"
"""The variable the scripts set when they ask for completions (Typer's naming)."""


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def register_shells() -> None:
    """Make Typer answer the scripts' completion requests (call before ``app()``): Typer
    registers its bash, zsh and fish support when it builds its completion options."""
    from typer.completion import get_completion_inspect_parameters

    get_completion_inspect_parameters()


@app.command(
    epilog="""\b
Examples (then open a new shell):
  careercoach completion bash >> ~/.bashrc
  careercoach completion zsh > ~/.zfunc/_careercoach
    (with fpath+=~/.zfunc before compinit in ~/.zshrc)
  careercoach completion fish > ~/.config/fish/completions/careercoach.fish
"""
)
def completion(
    ctx: typer.Context,
    shell: Annotated[Shell, typer.Argument(help="bash, zsh or fish.", metavar="SHELL")],
) -> None:
    """Print the shell completion script (bash, zsh or fish)."""
    from typer.completion import shell_complete

    register_shells()
    command = ctx.find_root().command
    code = shell_complete(command, {}, PROG_NAME, COMPLETE_VAR, f"source_{shell.value}")
    if code:
        raise typer.Exit(code)


# -- values to complete -----------------------------------------------------------------


def _banks(ctx: typer.Context) -> list["Bank"]:
    """Every bank that loads, quietly: a completion prints no warning and no error (a
    broken bank or a missing folder just completes nothing of its own)."""
    from pathlib import Path

    from careercoach.errors import CareerCoachError
    from careercoach.storage.banks import load_banks

    folders = ctx.find_root().params.get("bank_dir") or []
    try:
        return [entry.bank for entry in load_banks([Path(f) for f in folders], warn=None)]
    except CareerCoachError:
        return []


def complete_bank_id(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Bank ids starting with what is typed, with their titles."""
    from careercoach.safe_text import clean

    return [(b.id, clean(b.title)) for b in _banks(ctx) if b.id.startswith(incomplete)]


def complete_trigger(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Trigger names (``event add new_boss``) starting with what is typed, with labels."""
    from careercoach.core.checkin import find_triggers
    from careercoach.safe_text import clean

    triggers = find_triggers(_banks(ctx))
    return [
        (name, clean(info.label)) for name, info in triggers.items() if name.startswith(incomplete)
    ]
