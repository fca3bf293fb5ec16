"""The Typer application, its global options, and the one place errors become exit codes.

Commands live in the sibling modules (one per command group) and register themselves on
``app``. Everything heavy is imported inside the commands, so ``--help`` and ``--version``
stay fast.
"""

import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Any, TypeGuard

import typer
from typer.core import TyperGroup, TyperOption

from careercoach import __version__
from careercoach.cli.help_format import CoachContext
from careercoach.errors import (
    EXIT_BAD_INPUT,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    CareerCoachError,
)


class State:
    """Global options, shared with every command through ``ctx.obj`` (a plain class: a
    dataclass would load ``dataclasses`` for every ``--help``)."""

    def __init__(
        self, bank_dirs: list[Path] | None = None, debug: bool = False, no_color: bool = False
    ) -> None:
        self.bank_dirs: list[Path] = list(bank_dirs or [])
        self.debug = debug
        self.no_color = no_color


# "path:line:col: ", "path:line: " or "path: " where path looks like a file.
_LOCATED = r"^(?:[^:\s]+?:\d+(?::\d+)?|[^:\s]*[/\\][^:]*?|[^:\s]+\.(?:ya?ml|json)): "


def report_lines(lines: list[str], hint: str | None, width: int | None) -> list[str]:
    """What :func:`_report` writes: one line per problem, ``careercoach: `` before each one
    not located in a file; with a ``width`` (stderr is a terminal), each wrapped between
    words, a command kept whole. A ``path:line:col: message`` line is never wrapped: editors
    and CI annotators parse it."""
    import re

    from careercoach.safe_text import for_message
    from careercoach.ui.text_cells import wrap_words

    shown: list[str] = []
    for line in lines:
        located = re.match(_LOCATED, line) is not None
        text = f"{'' if located else 'careercoach: '}{for_message(line)}"
        shown += [text] if width is None or located else wrap_words(text, width)
    if hint:
        text = for_message(hint)
        shown += [text] if width is None else wrap_words(text, width)
    return shown


def _report(lines: list[str], hint: str | None = None) -> None:
    """One line per problem on stderr (wrapped to the width where stderr is a terminal).

    A problem located in a file keeps the ``path:line:col: message`` form that editors and
    CI annotators parse; every other line says who is speaking.
    """
    width = None
    if sys.stderr.isatty():
        from careercoach.ui.text_cells import text_width

        width = text_width()
    sys.stderr.write("".join(f"{line}\n" for line in report_lines(lines, hint, width)))
    sys.stderr.flush()


def _is_usage_error(exc: BaseException) -> TypeGuard[typer.TyperException]:
    """A bad flag, argument or command: one of Click's errors (in typer, Click's errors
    derive from the public ``typer.TyperException``) that exits 2."""
    return isinstance(exc, typer.TyperException) and exc.exit_code == EXIT_BAD_INPUT


def _say_usage_error(exc: typer.TyperException, ctx: Any) -> None:
    """A bad flag or argument, said in one line (Click's own takes four): what is wrong,
    and where the help is. ``ctx`` stands in for the context a parser error lacks."""
    from careercoach.safe_text import for_message

    where = "careercoach"
    context = getattr(exc, "ctx", None) or ctx
    if context is not None:
        where = context.command_path
        # A parse error of a subcommand comes with its group's context.
        if context.invoked_subcommand:
            where += f" {context.invoked_subcommand}"
    message = for_message(exc.format_message()).rstrip(".")
    sys.stderr.write(f"{where}: {message} (see {where} --help)\n")
    sys.stderr.flush()


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


class CoachGroup(TyperGroup):
    """careercoach and its command groups: the help when bare, our errors caught once (for
    the real script and for ``CliRunner`` alike), and bad usage said in one line."""

    def list_commands(self, ctx: Any) -> list[str]:
        rank = {name: index for index, name in enumerate(COMMAND_ORDER)}
        return sorted(super().list_commands(ctx), key=lambda name: rank.get(name, len(rank)))

    context_class = CoachContext

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _take_global_options(command)
            command.context_class = CoachContext  # its help wraps between words only
        return command

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            # as Click does: the help on stderr, exit 2 (no command is a usage error)
            typer.echo(ctx.get_help(), err=True, color=ctx.color)
            ctx.exit(EXIT_BAD_INPUT)
        return super().parse_args(ctx, args)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: Any = None,
        **extra: Any,
    ) -> Any:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except Exception as exc:  # a bad global option
            if not _is_usage_error(exc):
                raise
            _say_usage_error(exc, None)
            raise typer.Exit(EXIT_BAD_INPUT) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except typer.TyperException as exc:
            if not _is_usage_error(exc):
                raise
            _say_usage_error(exc, ctx)  # a bad command, or a bad option of one
            ctx.exit(EXIT_BAD_INPUT)
        except (typer.Exit, typer.Abort, BrokenPipeError):
            # A reader that stopped early (| head, a closed pager): Click exits quietly.
            raise
        except CareerCoachError as exc:
            if _debug(ctx):
                traceback.print_exc()
            _report(exc.problems, exc.hint)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            _report(["interrupted"])
            ctx.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            from json import JSONDecodeError

            if _debug(ctx):
                traceback.print_exc()
            if isinstance(exc, JSONDecodeError):  # only stored rows are read with json.loads
                from careercoach.paths import db_path
                from careercoach.storage.db_file import damaged_row

                damaged = damaged_row(db_path(), f"bad JSON at character {exc.pos}: {exc.msg}")
                _report(damaged.problems, damaged.hint)
                ctx.exit(damaged.exit_code)
            _report(
                [f"unexpected error: {type(exc).__name__}: {exc}"],
                "Run again with --debug for the traceback.",
            )
            ctx.exit(EXIT_FAILURE)


BANK_DIR_HELP = "Add a folder of bank files (repeatable; also CAREERCOACH_BANKS, ':'-separated)."
NO_COLOR_HELP = "No colour (NO_COLOR too)."
DEBUG_HELP = "Show tracebacks on errors."


class OptionOffHelp(TyperOption):
    """An option left out of its command's help, and still offered by shell completion
    (Click completes no ``hidden`` option)."""

    def get_help_record(self, ctx: Any) -> tuple[str, str] | None:
        return None


def _take_global_options(command: Any) -> None:
    """Let ``command`` take the global options too, after its name (``careercoach plan
    --no-color``, ``careercoach assess --bank-dir X``): they go to the same :class:`State`
    as before it. Options the command has of its own are left alone. They are hidden from
    the command's help: ``careercoach --help`` lists them, once. Shell completion offers
    them (``careercoach assess --<Tab>``), which it would not for a ``hidden`` option."""
    own = {name for param in command.params for name in param.opts}
    options = [
        OptionOffHelp(
            param_decls=["--bank-dir"],
            multiple=True,
            metavar="DIR",
            help=BANK_DIR_HELP,
            expose_value=False,
            callback=_bank_dirs_after,
        ),
        OptionOffHelp(
            param_decls=["--no-color"],
            is_flag=True,
            help=NO_COLOR_HELP,
            expose_value=False,
            callback=_no_color_after,
        ),
        OptionOffHelp(
            param_decls=["--debug"],
            is_flag=True,
            help=DEBUG_HELP,
            expose_value=False,
            callback=_debug_after,
        ),
    ]
    command.params += [option for option in options if not own & set(option.opts)]


def _root_state(ctx: Any) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def _bank_dirs_after(ctx: Any, _param: Any, folders: tuple[str, ...]) -> None:
    _root_state(ctx).bank_dirs += [Path(folder) for folder in folders]


def _no_color_after(ctx: Any, _param: Any, given: bool) -> None:
    if given:
        _root_state(ctx).no_color = True


def _debug_after(ctx: Any, _param: Any, given: bool) -> None:
    if given:
        _root_state(ctx).debug = True


def _debug(ctx: Any) -> bool:
    """Whether tracebacks are shown: ``--debug`` as parsed, or ``CAREERCOACH_DEBUG=1``."""
    root = ctx.find_root().obj
    return os.environ.get("CAREERCOACH_DEBUG") == "1" or (isinstance(root, State) and root.debug)


HELP = """\
A career self-assessment coach for the terminal.

Answer a few question banks (15-25 minutes), get a short, prioritized action plan, and
come back every quarter to see what moved. Nothing leaves this machine.

The options below also work after the command (careercoach plan --no-color).

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
        typer.Option("--bank-dir", help=BANK_DIR_HELP, metavar="DIR"),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help=NO_COLOR_HELP)] = False,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Global options (also taken after the command: see :func:`_take_global_options`)."""
    ctx.obj = State(bank_dirs=list(bank_dir or []), debug=debug, no_color=no_color)


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State()


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
