"""``careercoach event add`` / ``event list``: what changed at work, and what to do."""

import sys
from datetime import date
from typing import Annotated, NamedTuple

import typer

from careercoach.cli.app import CoachGroup, app, state
from careercoach.cli.completion import complete_trigger
from careercoach.cli.output import echo_lines

MAX_NOTE = 1000
_DAY = r"\d{4}-\d{2}-\d{2}"

event_app = typer.Typer(
    cls=CoachGroup,
    help="Record what changed at work (a new boss, cost cutting and the like) and list it.",
    epilog="\b\nExamples:\n  careercoach event add new_boss\n  careercoach event list",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(event_app, name="event", short_help="Record a change at work.")


def _parse_day(text: str) -> date:
    import re

    from careercoach.errors import BadInput

    try:
        if not re.fullmatch(_DAY, text):
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
    short_help="Record a change at work.",
    epilog="""Triggers: new_executive, market_shift, project_change, cost_cutting,
stretch_growth, new_boss, new_coworkers, someone_fired.

\b
Examples:
  careercoach event add new_boss
  careercoach event add cost_cutting \\
      --date 2026-11-20
  careercoach event add someone_fired \\
      --note "Sam, after the audit"
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
    from careercoach.core.checkin import find_triggers
    from careercoach.errors import BadInput
    from careercoach.flows.assessment import load_banks
    from careercoach.safe_text import clean, for_terminal
    from careercoach.storage.store import Store
    from careercoach.ui.history_render import recheck_command, recheck_lines, wrap
    from careercoach.ui.text_cells import command_lines, text_width

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
    width = text_width()
    lines = wrap(
        f"Recorded event {event_id}: {for_terminal(info.label)}, {day.isoformat()}.", width
    )
    latest = _latest_plan(event_id)
    if latest is not None and not latest.is_news:
        # An event the latest assessment was answered after: the plan already reflects
        # it, so nothing of it is "this week" or moves the check-in (as `checkin` says).
        echo_lines([*lines, "", *wrap(latest.predates_words(), width)])
        return
    if info.week_actions:
        lines += ["", "This week:"]
        for text in info.week_actions:
            lines += wrap(for_terminal(text), width, "  [ ] ", "      ")
    lines += [""]
    moved, taken = _checkin_moved(latest, width)
    lines += moved
    command = recheck_command(info.recheck) if info.recheck else "careercoach assess"
    if info.recheck:
        lines += wrap("This can change what you found.", width)
        lines += recheck_lines(info.recheck, taken, width)
        lines += wrap("Take a short re-check:", width)
    else:
        lines += wrap("Take a short re-check when you can:", width)
    lines += command_lines(command, width)
    echo_lines(lines)
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


class LatestPlan(NamedTuple):
    """The latest finished assessment, as a new event stands to it."""

    finished_at: str
    due: date | None
    """Its check-in with the events since it (this one included, if it is one of them)."""
    due_before: date | None
    """The same without this event."""
    is_news: bool
    """Whether the event is one the plan did not know of (dated after the assessment, or
    on its day and recorded after it finished): only such an event moves the check-in."""
    taken: tuple[str, ...]
    """The banks it took."""

    def predates_words(self) -> str:
        """What an event dated before the assessment means: nothing moves."""
        from careercoach.core.checkin import due_words
        from careercoach.core.dates import human_date, human_time

        stays = ""
        if self.due is not None:
            when = due_words(self.due, date.today())
            stays = f": your next check-in stays {human_date(self.due)} ({when})"
        return (
            f"It happened before your last assessment ({human_time(self.finished_at)}), "
            f"whose answers already reflect it, so it does not change the plan{stays}. "
            "It is kept in your history (careercoach event list)."
        )


def _latest_plan(event_id: int) -> LatestPlan | None:
    """How the event ``event_id`` stands to the latest finished assessment (None when
    there is none), worked out as ``plan`` and ``checkin`` do."""
    from careercoach.core.checkin import checkin_due, events_since
    from careercoach.storage.store import Store

    with Store() as store:
        latest = store.latest_finished()
        plan = store.plan(latest.id) if latest else None
        events = store.events()
    if latest is None or plan is None:
        return None
    planned = date.fromisoformat(plan.next_checkin) if plan.next_checkin else None
    since = events_since(events, plan.finished_at)
    return LatestPlan(
        finished_at=plan.finished_at,
        due=checkin_due(planned, since).day,
        due_before=checkin_due(planned, [e for e in since if e.id != event_id]).day,
        is_news=any(e.id == event_id for e in since),
        taken=tuple(latest.bank_ids),
    )


def _checkin_moved(latest: LatestPlan | None, width: int) -> tuple[list[str], tuple[str, ...]]:
    """The check-in line after an event, when it brings the latest plan's check-in
    forward, and the banks of the latest assessment."""
    from careercoach.core.checkin import due_words
    from careercoach.core.dates import human_date
    from careercoach.ui.history_render import wrap

    if latest is None:
        return [], ()
    due, before = latest.due, latest.due_before
    if due is None or before is None or due >= before:
        return [], latest.taken
    moves = f"Your next check-in moves to {human_date(due)} ({due_words(due, date.today())})."
    return [*wrap(moves, width), ""], latest.taken


@event_app.command(
    "list",
    short_help="The events recorded, newest first.",
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
            events = store.events()
    if json_:
        sys.stdout.write(to_json([event_json(e) for e in events]))
        return
    echo_lines(event_list_lines(events, width=text_width()))
