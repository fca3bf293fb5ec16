"""The Typer application, its global options, and the one place errors become exit codes.

Commands live in the sibling modules (one per command group) and register themselves on
``app``. Everything heavy is imported inside the commands, so ``--help`` and ``--version``
stay fast.
"""

import json
import os
import re
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer._click.core import Context as ClickContext
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from careercoach import __version__
from careercoach.errors import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    CareerCoachError,
    NotBuiltYet,
)


@dataclass
class State:
    """Global options, shared with every command through ``ctx.obj``."""

    bank_dirs: list[Path] = field(default_factory=list)
    debug: bool = False
    no_color: bool = False


# "path:line:col: ", "path:line: " or "path: " where path looks like a file.
_LOCATED = re.compile(r"^(?:[^:\s]+?:\d+(?::\d+)?|[^:\s]*[/\\][^:]*?|[^:\s]+\.(?:ya?ml|json)): ")


def _report(lines: list[str], hint: str | None = None) -> None:
    """One line per problem on stderr.

    A problem located in a file keeps the ``path:line:col: message`` form that editors and
    CI annotators parse; every other line says who is speaking.
    """
    from careercoach.safe_text import for_message

    for line in lines:
        prefix = "" if _LOCATED.match(line) else "careercoach: "
        sys.stderr.write(f"{prefix}{for_message(line)}\n")
    if hint:
        sys.stderr.write(f"{for_message(hint)}\n")
    sys.stderr.flush()


class OneLineUsageError(UsageError):
    """A bad flag or argument, said in one line (Click's own takes four): what is wrong,
    and where the help is."""

    def show(self, file: Any = None) -> None:
        from careercoach.safe_text import for_message

        where = "careercoach"
        if self.ctx is not None:
            where = self.ctx.command_path
            # A parse error of a subcommand comes with its group's context.
            if self.ctx.invoked_subcommand:
                where += f" {self.ctx.invoked_subcommand}"
        message = for_message(self.format_message()).rstrip(".")
        sys.stderr.write(f"{where}: {message} (see {where} --help)\n")
        sys.stderr.flush()


def _one_line(exc: UsageError, ctx: ClickContext | None = None) -> UsageError:
    """``exc`` said in one line; ``ctx`` stands in for the context a parser error lacks."""
    if isinstance(exc, NoArgsIsHelpError | OneLineUsageError):
        return exc  # the help itself, or already converted
    return OneLineUsageError(exc.format_message(), exc.ctx or ctx)


# The order of ``careercoach --help``: the main job first, then coming back, then tools.
COMMAND_ORDER = (
    "assess",
    "plan",
    "history",
    "compare",
    "checkin",
    "event",
    "roi",
    "banks",
    "export-data",
    "forget",
)
# One line each in ``careercoach --help`` (Click would cut the docstrings' first lines).
SHORT_HELP = {
    "checkin": "When your next check-in is due, and what changed since.",
    "export-data": "Write everything stored as one JSON document.",
    "history": "Past assessments, newest first, with trends.",
    "compare": "What changed between two assessments.",
    "forget": "Delete stored assessments, for real.",
    "plan": "Show or export the action plan of an assessment.",
    "event": "Record a change at work (a new boss...) and what to do.",
}


class CoachGroup(TyperGroup):
    """Catches our errors once, for the real script and for ``CliRunner`` alike."""

    def list_commands(self, ctx: ClickContext) -> list[str]:
        rank = {name: index for index, name in enumerate(COMMAND_ORDER)}
        return sorted(super().list_commands(ctx), key=lambda name: rank.get(name, len(rank)))

    def format_commands(self, ctx: ClickContext, formatter: Any) -> None:
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and name in SHORT_HELP:
                command.short_help = SHORT_HELP[name]
        super().format_commands(ctx, formatter)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: ClickContext | None = None,
        **extra: Any,
    ) -> ClickContext:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageError as exc:  # a bad global option
            raise _one_line(exc) from None

    def invoke(self, ctx: ClickContext) -> Any:
        debug = "--debug" in sys.argv or os.environ.get("CAREERCOACH_DEBUG") == "1"
        try:
            return super().invoke(ctx)
        except UsageError as exc:  # a bad command, or a bad option of one
            raise _one_line(exc, ctx) from None
        except CareerCoachError as exc:
            if debug or (isinstance(ctx.obj, State) and ctx.obj.debug):
                traceback.print_exc()
            _report(exc.problems, exc.hint)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            _report(["interrupted"])
            ctx.exit(EXIT_INTERRUPTED)
        except json.JSONDecodeError as exc:  # only stored rows are read with json.loads
            from careercoach.paths import db_path
            from careercoach.storage.db_file import damaged_row

            if debug or (isinstance(ctx.obj, State) and ctx.obj.debug):
                traceback.print_exc()
            damaged = damaged_row(db_path(), f"bad JSON at character {exc.pos}: {exc.msg}")
            _report(damaged.problems, damaged.hint)
            ctx.exit(damaged.exit_code)
        except (typer.Exit, typer.Abort, typer.TyperException, BrokenPipeError):
            # A reader that stopped early (| head, a closed pager): Click exits quietly.
            raise
        except Exception as exc:
            if debug or (isinstance(ctx.obj, State) and ctx.obj.debug):
                traceback.print_exc()
            _report(
                [f"unexpected error: {type(exc).__name__}: {exc}"],
                "Run again with --debug for the traceback.",
            )
            ctx.exit(EXIT_FAILURE)


HELP = """\
A career self-assessment coach for the terminal.

Answer a few question banks (15-25 minutes), get a short, prioritized action plan, and
come back every quarter to see what moved. Nothing leaves this machine.

Example:

    careercoach assess
"""

app = typer.Typer(
    name="careercoach",
    cls=CoachGroup,
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careercoach {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    bank_dir: Annotated[
        list[Path] | None,
        typer.Option(
            "--bank-dir",
            help="Add a folder of bank files (repeatable; also CAREERCOACH_BANKS, ':'-separated).",
            metavar="DIR",
        ),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour (NO_COLOR too).")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Global options."""
    ctx.obj = State(bank_dirs=list(bank_dir or []), debug=debug, no_color=no_color)


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State()


def not_built(what: str, issue: int) -> NoReturn:
    raise NotBuiltYet(f"'{what}' is not built yet (tracked in issue {issue}).")


def main() -> None:
    """Console-script entry point."""
    from careercoach.cli.streams import usable_streams

    usable_streams()  # closed streams, legacy encodings: before anything is printed
    if sys.argv[1:] == ["--version"]:
        # The one answer that needs no command tree: Typer builds it from every command's
        # signature (about 30-40 ms here) before it parses anything.
        sys.stdout.write(f"careercoach {__version__}\n")
        sys.stdout.flush()
        return
    if os.environ.get("_CAREERCOACH_COMPLETE"):  # a completion script asking
        from careercoach.cli.completion import register_shells

        register_shells()
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # here, not at interpreter exit, where EPIPE is only printed
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_FAILURE)
