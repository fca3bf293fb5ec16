"""When the next check-in is due: the plan's date, brought forward by new-eyes events
recorded since; the triggers a bank offers; a stored plan as it stands now.

Pure: the store reads the events and done actions, the banks come loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from careercoach.core.dates import span_text
from careercoach.core.done import DoneAction

if TYPE_CHECKING:
    from careercoach.core.models import Bank, Plan


@dataclass(frozen=True)
class EventRecord:
    """A new-eyes event (a row of ``events``): a trigger that happened on a day."""

    id: int
    bank: str
    trigger: str
    label: str
    happened_on: date
    note: str | None
    checkin_days: int
    recheck: tuple[str, ...]
    recorded_at: str

    @property
    def checkin_by(self) -> date:
        recorded = datetime.fromisoformat(self.recorded_at).astimezone().date()
        return event_checkin(self.happened_on, self.checkin_days, recorded)


def event_checkin(happened_on: date, checkin_days: int, recorded_on: date) -> date:
    """The check-in an event asks for: its day plus its ``checkin_days``, but never before
    the day it was recorded. An event entered long after it happened asks for a check-in
    now, not one that was overdue before anyone knew of it."""
    return max(happened_on + timedelta(days=checkin_days), recorded_on)


def events_since(events: Iterable[EventRecord], finished_at: str) -> list[EventRecord]:
    """The events a plan did not know about: dated after the day it finished (local
    time), or on that day and recorded after it finished. Oldest first.

    An event dated before the assessment happened before its answers were given, so the
    plan already reflects it, whenever it was recorded: it neither moves the check-in nor
    is listed as new. The same holds for one recorded before the assessment finished on
    its day (``event add new_boss``, then ``assess``)."""
    finished = datetime.fromisoformat(finished_at)
    day = finished.astimezone().date()
    found = [
        e
        for e in events
        if e.happened_on > day
        or (e.happened_on == day and datetime.fromisoformat(e.recorded_at) >= finished)
    ]
    return sorted(found, key=lambda e: (e.happened_on, e.id))


class Due(NamedTuple):
    """When the next check-in is due, and the events that brought it forward."""

    day: date | None
    moved_by: tuple[EventRecord, ...] = ()

    @property
    def recheck(self) -> list[str]:
        return list(dict.fromkeys(b for e in self.moved_by for b in e.recheck))


def checkin_due(planned: date | None, events: Iterable[EventRecord]) -> Due:
    """The next check-in: the soonest of the plan's date and each event's day plus its
    ``checkin_days``. ``moved_by``: the events whose date is sooner than the plan's."""
    events = list(events)
    candidates = [e.checkin_by for e in events]
    if planned is not None:
        candidates.append(planned)
    if not candidates:
        return Due(None)
    day = min(candidates)
    moved = tuple(e for e in events if planned is None or e.checkin_by < planned)
    return Due(day, moved)


def due_words(day: date, today: date) -> str:
    """``due today``, ``in 5 days``, ``in 4 weeks``, ``overdue by 3 days``: the plan's
    words for the same span (its check-in reads "4 weeks after this assessment")."""
    days = (day - today).days
    if days == 0:
        return "due today"
    if days > 0:
        return f"in {span_text(days)}"
    return f"overdue by {span_text(-days)}"


class TriggerInfo(NamedTuple):
    """What a bank's ``triggers:`` section says about one trigger."""

    bank: str
    id: str
    label: str
    week_actions: tuple[str, ...]
    recheck: tuple[str, ...]
    checkin_days: int


def find_triggers(banks: Iterable[Bank]) -> dict[str, TriggerInfo]:
    """Every trigger of every bank with a ``triggers:`` section (the first bank wins a
    clash), in option order: its label (the dimension of the same id, else the option),
    the ``week`` actions of that dimension, the banks to take again, the check-in days."""
    found: dict[str, TriggerInfo] = {}
    for bank in banks:
        section = bank.triggers
        if section is None:
            continue
        question = bank.question(section.question)
        dimensions = {d.id: d for d in bank.dimensions}
        for option in getattr(question, "options", []):
            if option.id in found:
                continue
            dimension = dimensions.get(option.id)
            found[option.id] = TriggerInfo(
                bank=bank.id,
                id=option.id,
                label=dimension.label if dimension else option.label,
                week_actions=tuple(
                    a.text for a in (dimension.actions if dimension else []) if a.horizon == "week"
                ),
                recheck=tuple(section.recheck.get(option.id, [])),
                checkin_days=section.checkin_days,
            )
    return found


def with_progress(plan: Plan, done: Iterable[DoneAction], events: Iterable[EventRecord]) -> Plan:
    """A stored plan as it stands now: its actions marked ``done`` ticked, and its
    check-in brought forward by the ``events`` recorded since it finished."""
    ticked = {(d.bank, d.action) for d in done if d.assessment_id == plan.assessment_id}
    update: dict[str, Any] = {}
    if ticked:
        update["actions"] = [
            a.model_copy(update={"done": True}) if (a.bank, a.id) in ticked else a
            for a in plan.actions
        ]
    since = events_since(events, plan.finished_at)
    planned = date.fromisoformat(plan.next_checkin) if plan.next_checkin else None
    due = checkin_due(planned, since)
    if due.moved_by and due.day is not None:
        names = "; ".join(f"{e.label} ({e.happened_on.isoformat()})" for e in due.moved_by)
        update["next_checkin"] = due.day.isoformat()
        update["checkin_reason"] = f"Sooner than planned, because of: {names}."
        update["recheck_banks"] = list(dict.fromkeys([*plan.recheck_banks, *due.recheck]))
    return plan.model_copy(update=update) if update else plan
