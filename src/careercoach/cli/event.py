"""``event add`` / ``event list``, ``checkin``, ``export-data``: between assessments."""

import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careercoach.cli.app import CoachGroup, app, state
from careercoach.cli.completion import complete_trigger

if TYPE_CHECKING:
    from careercoach.storage.history import EventFigure
    from careercoach.storage.store import EventRecord

MAX_NOTE = 1000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

event_app = typer.Typer(
    cls=CoachGroup,
    help="Record what changed at work (a new boss, cost cutting...) and list it.",
    epilog="\b\nExamples:\n  careercoach event add new_boss\n  careercoach event list",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(event_app, name="event")


def _echo_lines(lines: list[str]) -> None:
    sys.stdout.write("".join(line.rstrip() + "\n" for line in lines))
    sys.stdout.flush()


def _figure(record: "EventRecord") -> "EventFigure":
    from careercoach.storage.history import EventFigure

    return EventFigure(
        id=record.id,
        trigger=record.trigger,
        label=record.label,
        happened_on=date.fromisoformat(record.happened_on),
        note=record.note,
        checkin_days=record.checkin_days,
        recheck=record.recheck,
        recorded_at=record.recorded_at,
    )


def _parse_day(text: str) -> date:
    from careercoach.errors import BadInput

    try:
        if not _DAY.fullmatch(text):
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        raise BadInput(
            f"--date: '{text}' is not a date (use YYYY-MM-DD, e.g. 2026-11-20)"
        ) from None
    if day > date.today():
        raise BadInput(
            f"--date: {text} is in the future; record an event once it has happened "
            "(today is the default)"
        )
    return day


def _interactive() -> bool:
    from careercoach.ui.prompts import stdin_is_terminal

    return stdin_is_terminal() and sys.stdout.isatty()


@event_app.command(
    "add",
    epilog="""\b
Triggers: new_executive, market_shift, project_change, cost_cutting,
stretch_growth, new_boss, new_coworkers, someone_fired.

\b
Examples:
  careercoach event add new_boss
  careercoach event add cost_cutting --date 2026-11-20
  careercoach event add someone_fired --note "Sam, after the audit"
""",
)
def add_event(
    ctx: typer.Context,
    trigger: Annotated[
        str,
        typer.Argument(
            help="What happened (a trigger id, see below).",
            metavar="TRIGGER",
            autocompletion=complete_trigger,
        ),
    ],
    note: Annotated[
        str | None, typer.Option("--note", help="A few words to remember it by.", metavar="TEXT")
    ] = None,
    when: Annotated[
        str | None,
        typer.Option("--date", help="When it happened (default: today).", metavar="YYYY-MM-DD"),
    ] = None,
) -> None:
    """Record that something changed at work; see what to do this week."""
    from careercoach.errors import BadInput
    from careercoach.flows.assessment import load_banks
    from careercoach.safe_text import clean, for_terminal
    from careercoach.storage.history import find_triggers
    from careercoach.storage.store import Store
    from careercoach.ui.history_render import recheck_command, recheck_lines, wrap

    day = _parse_day(when) if when is not None else date.today()
    if note is not None:
        note = clean(note).strip() or None
        if note is not None and len(note) > MAX_NOTE:
            raise BadInput(f"--note: at most {MAX_NOTE} characters (this one has {len(note)})")
    triggers = find_triggers(load_banks(state(ctx).bank_dirs))
    info = triggers.get(trigger)
    if info is None:
        raise _unknown_trigger(trigger, list(triggers))
    with Store() as store:
        event_id = store.add_event(
            bank=info.bank,
            trigger=info.id,
            label=info.label,
            happened_on=day.isoformat(),
            note=note,
            checkin_days=info.checkin_days,
            recheck=info.recheck,
        )
    width = 80
    lines = wrap(
        f"Recorded event {event_id}: {for_terminal(info.label)}, {day.isoformat()}.", width
    )
    if info.week_actions:
        lines += ["", "This week:"]
        for text in info.week_actions:
            lines += wrap(for_terminal(text), width, "  [ ] ", "      ")
    lines += [""]
    moved, taken = _checkin_moved(info.checkin_days, day)
    lines += moved
    command = recheck_command(info.recheck) if info.recheck else "careercoach assess"
    if info.recheck:
        lines += wrap("This can change what you found.", width)
        lines += recheck_lines(info.recheck, taken, width)
        lines += wrap("Take a short re-check:", width)
    else:
        lines += wrap("Take a short re-check when you can:", width)
    lines.append(f"  {command}")
    _echo_lines(lines)
    if _interactive() and typer.confirm("Start the re-check now?", default=False):
        from careercoach.cli.assess import assess

        assess(ctx, bank=list(info.recheck) or None)


def _unknown_trigger(trigger: str, known: list[str]) -> Exception:
    """``unknown trigger 'new_bos'; did you mean 'new_boss'?`` (as ``banks validate`` says
    it), else every trigger there is."""
    import difflib

    from careercoach.errors import BadInput
    from careercoach.safe_text import clean

    close = difflib.get_close_matches(trigger.strip().lower(), known, n=1, cutoff=0.6)
    if close:
        shown = clean(trigger)
        shown = shown if len(shown) <= 30 else shown[:29] + "…"
        return BadInput(f"unknown trigger '{shown}'; did you mean '{close[0]}'?")
    listed = ", ".join(known) or "none (no loaded bank has a triggers: section)"
    return BadInput(f"unknown trigger '{clean(trigger)}' (triggers: {listed})")


def _checkin_moved(days: int, day: date) -> tuple[list[str], tuple[str, ...]]:
    """The check-in line after an event (sooner than the latest plan's date, or not), and
    the banks of the latest assessment."""
    from careercoach.core.dates import human_date
    from careercoach.storage.history import due_words, event_checkin
    from careercoach.storage.store import Store

    with Store() as store:
        latest = store.latest_finished()
        plan = store.plan(latest.id) if latest else None
    taken = tuple(latest.bank_ids) if latest else ()
    by = event_checkin(day, days, date.today())
    if plan is None or plan.next_checkin is None:
        return [], taken
    planned = date.fromisoformat(plan.next_checkin)
    if by >= planned:
        return [], taken
    return [
        f"Your next check-in moves to {human_date(by)} ({due_words(by, date.today())}).",
        "",
    ], taken


@event_app.command(
    "list",
    epilog="\b\nExamples:\n  careercoach event list\n  careercoach event list --json",
)
def list_events(
    json_: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
) -> None:
    """The events recorded, newest first."""
    from careercoach.storage.store import Store
    from careercoach.ui.history_render import event_json, event_list_lines, to_json
    from careercoach.ui.text_cells import text_width

    events = []
    if Store.exists():
        with Store() as store:
            events = [_figure(record) for record in store.events()]
    if json_:
        sys.stdout.write(to_json([event_json(e) for e in events]))
        return
    _echo_lines(event_list_lines(events, width=text_width()))


@app.command(
    epilog="""\b
Examples:
  careercoach checkin
  careercoach checkin --run
"""
)
def checkin(
    ctx: typer.Context,
    run: Annotated[
        bool, typer.Option("--run", help="Start the re-assessment now (in a terminal).")
    ] = False,
) -> None:
    """When your next check-in is due, and what changed since the last assessment."""
    from careercoach.flows.assessment import NO_ASSESSMENT
    from careercoach.storage import history as figures
    from careercoach.storage.commitments import with_commitments
    from careercoach.storage.history import with_progress
    from careercoach.storage.store import Store
    from careercoach.ui.history_render import checkin_lines, unfinished_lines
    from careercoach.ui.text_cells import text_width

    latest = None
    unfinished = None
    if Store.exists():
        with Store() as store:
            latest = store.latest_finished()
            started = store.unfinished() if latest is None else None
            if started is not None:
                unfinished = store.answer_count(started)
            if latest is not None:
                plan = store.plan(latest.id)
                assert plan is not None
                # the done marks, for the commitments (not the plan's moved check-in)
                commitments = with_commitments(store, with_progress(store, plan)).commitments
                since = figures.events_since([_figure(e) for e in store.events()], plan.finished_at)
                done = [d for d in store.done_actions() if d.done_at >= plan.finished_at]
                texts: dict[tuple[int, str, str], str] = {}
                for assessment_id in dict.fromkeys(d.assessment_id for d in done):
                    other = store.plan(assessment_id)
                    for a in other.actions if other else []:
                        texts[(assessment_id, a.bank, a.id)] = a.text
    if latest is None:
        if not run:
            _echo_lines(unfinished_lines(unfinished) if unfinished else [NO_ASSESSMENT])
            return
        from careercoach.cli.assess import assess

        assess(ctx)
        return
    assert plan is not None
    planned = date.fromisoformat(plan.next_checkin) if plan.next_checkin else None
    due = figures.checkin_due(planned, since)
    recheck = list(dict.fromkeys([*plan.recheck_banks, *due.recheck]))
    if run:
        from careercoach.cli.assess import assess

        banks = list(dict.fromkeys([*latest.bank_ids, *recheck]))
        assess(ctx, bank=banks)
        return
    _echo_lines(
        checkin_lines(
            due=due,
            today=date.today(),
            finished_at=plan.finished_at,
            events=since,
            done=[
                (texts.get((d.assessment_id, d.bank, d.action), f"{d.bank}.{d.action}"), d.done_at)
                for d in done
            ],
            recheck=recheck,
            taken=latest.bank_ids,
            commitments=commitments,
            width=text_width(),
        )
    )


@app.command(
    "export-data",
    epilog="""\b
Examples:
  careercoach export-data
  careercoach export-data --output my-careercoach.json
  careercoach export-data --output - > backup.json
""",
)
def export_data(
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write ('-' for stdout; default careercoach-data-YYYY-MM-DD.json here).",
            metavar="PATH",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write everything stored (assessments, answers, plans, done actions, events,
    commitments) as one JSON document: your data, to keep or take elsewhere."""
    from careercoach.safe_text import clean
    from careercoach.storage.output_file import write_file
    from careercoach.storage.store import Store
    from careercoach.ui.history_render import to_json

    with Store() as store:
        text = to_json(store.export_data())
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(output) if output else Path(f"careercoach-data-{date.today().isoformat()}.json")
    written = write_file(path, text, force=force)
    typer.echo(f"Data written to {clean(str(written))}")


def mark_done(assessment_id: int | None, refs: list[str], *, check: bool) -> None:
    """``plan --done ACTION_ID`` / ``plan --check``: record actions of a plan as done."""
    from careercoach.errors import BadInput, NoTerminal
    from careercoach.flows.assessment import load_plan
    from careercoach.safe_text import for_terminal
    from careercoach.storage.history import resolve_action
    from careercoach.storage.store import DoneItem, Store
    from careercoach.ui.history_render import wrap

    if check and refs:
        raise BadInput("--check and --done cannot be combined")
    plan = load_plan(assessment_id)
    assert plan.assessment_id is not None
    if not plan.actions:
        typer.echo(f"The plan of assessment {plan.assessment_id} has no actions to mark.")
        return
    scores = {(d.bank, d.id): d.score for d in plan.dimensions}

    def item(index: int) -> DoneItem:
        a = plan.actions[index]
        return DoneItem(a.bank, a.dimension, a.id, scores.get((a.bank, a.dimension), 0))

    lines: list[str] = []
    if check:
        from careercoach.ui import prompts

        if not prompts.stdin_is_terminal():
            raise NoTerminal(
                "plan --check shows a checklist in a terminal, and stdin is not one.",
                hint="Mark an action with: careercoach plan --done ACTION_ID",
            )
        keys = [f"{a.bank}.{a.id}" for a in plan.actions]
        ticked = prompts.ask_checklist(
            f"Which actions of assessment {plan.assessment_id} have you done?",
            [
                (key, f"{a.number or n}. {a.text}")
                for n, (key, a) in enumerate(zip(keys, plan.actions, strict=True), 1)
            ],
            [key for key, a in zip(keys, plan.actions, strict=True) if a.done],
        )
        chosen = [item(keys.index(key)) for key in ticked]
        with Store() as store:
            added, removed = store.set_done(plan.assessment_id, chosen)
        lines.append(f"Marked {added} done, unmarked {removed}.")
        count = len(chosen)
    else:
        command = "careercoach plan" + (
            f" --id {assessment_id}" if assessment_id is not None else ""
        )
        picked = list(
            dict.fromkeys(resolve_action(plan, ref, command=command).position for ref in refs)
        )
        with Store() as store:
            for index in picked:
                action = plan.actions[index]
                fresh = store.mark_done(plan.assessment_id, [item(index)])
                word = "Done:" if fresh else "Already done:"
                lines += wrap(for_terminal(action.text), 80, f"{word} ", "  ")
            count = len(store.done_actions(plan.assessment_id))
    lines.append(f"{count} of {len(plan.actions)} actions of assessment {plan.assessment_id} done.")
    _echo_lines(lines)
