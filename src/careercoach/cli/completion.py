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

Two things are changed in Typer's scripts (:func:`completion_script`): the blank line
they start with goes (zsh's ``compinit`` reads only a file whose first line is
``#compdef``), and the zsh script, when zsh autoloads it from ``fpath`` as
``_careercoach`` on the first Tab, completes at once as well as registering the function
for the Tabs to come (Typer's only registers, so the first Tab of every new shell did
nothing). Sourced or eval'd, it only registers.
"""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from careercoach.cli.app import app

if TYPE_CHECKING:
    from careercoach.core.models import Bank

PROG_NAME = "careercoach"
FUNCTION = "_careercoach_completion"
"""The shell function Typer's scripts define (its name made from the program's)."""
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
    short_help="Print shell completion code.",
    epilog="""\b
Examples (then open a new shell):
  careercoach completion bash >> ~/.bashrc
  careercoach completion zsh \\
      > ~/.zfunc/_careercoach
    (with fpath+=~/.zfunc before compinit
    in ~/.zshrc)
  cd ~/.config/fish/completions
  careercoach completion fish > careercoach.fish
""",
)
def completion(
    ctx: typer.Context,
    shell: Annotated[Shell, typer.Argument(help="bash, zsh or fish.", metavar="SHELL")],
) -> None:
    """Print the shell completion script (bash, zsh or fish)."""
    typer.echo(completion_script(ctx, shell), nl=False)


ZSH_REGISTER = f"compdef {FUNCTION} {PROG_NAME}"
"""The last line of Typer's zsh script: it registers the function for later Tabs."""
ZSH_AUTOLOAD = f"""\
{ZSH_REGISTER}
if [[ "${{funcstack[1]}}" == _{PROG_NAME} ]]; then
  # autoloaded from fpath as _{PROG_NAME}: this Tab asks for completions too
  {FUNCTION} "$@"
fi"""


def completion_script(ctx: typer.Context, shell: Shell) -> str:
    """The script for ``shell``: Typer's, starting on its first line (``#compdef
    careercoach`` for zsh), and for zsh one that also completes when autoloaded."""
    import contextlib
    import io

    from typer.completion import shell_complete

    register_shells()
    printed = io.StringIO()  # Typer prints the script; it returns nothing
    with contextlib.redirect_stdout(printed):
        shell_complete(
            ctx.find_root().command, {}, PROG_NAME, COMPLETE_VAR, f"source_{shell.value}"
        )
    script = printed.getvalue().lstrip()
    if shell is Shell.zsh:
        lines = script.rstrip("\n").split("\n")
        if lines[-1] == ZSH_REGISTER:
            script = "\n".join([*lines[:-1], ZSH_AUTOLOAD])
    return script.rstrip("\n") + "\n"


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


def complete_export_format(incomplete: str) -> list[tuple[str, str]]:
    """The export formats (``plan --export``) starting with what is typed."""
    from careercoach.ui.export import FORMAT_TITLES

    return [(name, title) for name, title in FORMAT_TITLES.items() if name.startswith(incomplete)]
