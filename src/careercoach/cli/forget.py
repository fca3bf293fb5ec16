"""``careercoach forget``: delete stored assessments, for real."""

from contextlib import ExitStack
from typing import Annotated

import typer

from careercoach.cli.app import app
from careercoach.cli.numbers import stored_int


@app.command(
    short_help="Delete stored assessments.",
    epilog="""Deleted rows are gone for real: the database file is rebuilt (VACUUM) so
their text is not left in it.

\b
Examples:
  careercoach forget --id 3
  careercoach forget --all --yes
""",
)
def forget(
    id_: Annotated[
        int | None, typer.Option("--id", help="Delete this assessment.", callback=stored_int)
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Delete everything stored.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete stored assessments (answers, plans, done actions), for real."""
    from careercoach.core.dates import human_time
    from careercoach.errors import BadInput, UnknownAssessment
    from careercoach.storage.store import Store
    from careercoach.storage.tables import DamagedRow
    from careercoach.ui.prompts import stdin_is_terminal

    if id_ is not None and all_:
        raise BadInput("--id and --all cannot be combined")
    if id_ is None and not all_:
        raise BadInput("say what to delete: --id N (one assessment) or --all (everything)")
    if not Store.exists():
        if id_ is not None:
            raise UnknownAssessment(id_, none_stored=True)
        typer.echo("Nothing is stored; nothing to delete.")
        return
    with Store() as store:
        if id_ is not None:
            try:
                record = store.assessment(id_)
            except DamagedRow:  # a damaged row is what forget --id is there to drop
                when = "its stored rows are damaged"
            else:
                if record is None:
                    raise store.unknown_assessment(id_)
                finished = record.finished_at
                when = f"finished {human_time(finished)}" if finished else "unfinished"
            question = f"Delete assessment {id_} ({when}) with its answers and plan, for good?"
        else:
            question = "Delete every assessment, done action and event stored, for good?"
        if not yes:
            if not stdin_is_terminal():
                raise BadInput(
                    "forget asks for confirmation in a terminal, and stdin is not one; "
                    "add --yes to delete without asking"
                )
            if not _confirm(question):
                typer.echo("Nothing was deleted.")
                return
        with _no_assessment_running():
            if id_ is not None:
                done = len(store.done_actions(id_))
                store.forget(id_)
                extra = f", {done} done action" + ("" if done == 1 else "s") if done else ""
                typer.echo(f"Deleted assessment {id_} (its answers, plan and scores{extra}).")
            else:
                assessments, events = store.forget_all()
                from careercoach.storage import bank_cache

                bank_cache.clear()  # bank text only, but "everything stored" means it too
                typer.echo(
                    f"Deleted {assessments} assessment{'' if assessments == 1 else 's'} and "
                    f"{events} event{'' if events == 1 else 's'}."
                )
    typer.echo("The database file was rebuilt, so nothing of it is left in the file.")


YES, NO = ("y", "yes"), ("", "n", "no")


def _confirm(question: str) -> bool:
    """``question [y/N]:`` wrapped between words to the text width, the ``?`` never on a
    line of its own; asked again, whole, after a reply that is neither yes nor no (Enter
    alone is no)."""
    from careercoach.ui.text_cells import text_width, wrap

    room = text_width() - len(" [y/N]: ")  # the last line keeps room for the choices
    *before, last = wrap(question, max(room, 10)) or [question]
    while True:
        for line in before:
            typer.echo(line)
        reply = typer.prompt(f"{last} [y/N]", default="", show_default=False)
        if reply.strip().lower() in YES:
            return True
        if reply.strip().lower() in NO:
            return False
        typer.echo("Please answer y (delete) or n (keep).")


def _no_assessment_running() -> ExitStack:
    """The assessment lock, held while deleting: an assessment being answered in another
    terminal would lose its answers (and die). Refused, naming that process."""
    import re

    from careercoach.errors import AlreadyRunning
    from careercoach.flows.assessment_lock import assessment_lock
    from careercoach.paths import data_dir

    held = ExitStack()
    try:
        held.enter_context(assessment_lock(data_dir()))
    except AlreadyRunning as exc:
        found = re.search(r"process \d+", exc.problems[0])
        where = f" ({found.group(0)})" if found else ""
        raise AlreadyRunning(
            f"an assessment is being answered{where}; nothing was deleted.",
            hint="Finish or stop it (Ctrl-C in its terminal), then run forget again.",
        ) from None
    return held
