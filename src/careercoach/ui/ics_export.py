"""The plan as an iCalendar file (``plan --export ics``), written with the icalendar library.

What goes in: the next check-in as an all-day event with a reminder at nine in the
morning the day before, and each commitment as a to-do due on its day (completed once its
action is marked done). UIDs are stable (the assessment, the action), so importing a
newer export updates the same entries instead of adding copies; DTSTAMP is when the data
last changed and each entry's SEQUENCE counts its changes (a
:class:`~careercoach.core.calendar_revision.CalendarRevision`), so that a calendar takes
the newer copy. The library escapes the
iCalendar syntax; ``safe_text.clean`` removes the control characters first.

This is the only module that imports icalendar, and only ``plan --export ics`` imports it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from careercoach.safe_text import clean
from careercoach.ui.plan_wording import checkin_lines

if TYPE_CHECKING:
    from icalendar import Todo

    from careercoach.core.calendar_revision import CalendarRevision
    from careercoach.core.models import Commitment, Plan

PRODID = "-//careercoach//careercoach plan//EN"
UID_DOMAIN = "careercoach.invalid"
CHECKIN_SUMMARY = "Career check-in (careercoach)"
REMINDER_BEFORE = timedelta(hours=15)
"""Before the check-in day starts: 09:00 the day before."""


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def to_ics(plan: Plan, revision: CalendarRevision | None = None) -> str:
    """The check-in event and the commitments' to-dos as one VCALENDAR (CRLF lines).
    Without ``revision`` (a plan as it was made), DTSTAMP is when the assessment finished
    and every SEQUENCE 0."""
    from icalendar import Alarm, Calendar, Event

    from careercoach.core.calendar_revision import CalendarRevision

    if revision is None:
        revision = CalendarRevision(stamp=datetime.fromisoformat(plan.finished_at))
    stamp = revision.stamp
    which = f"assessment-{plan.assessment_id or 0}"
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")

    if plan.next_checkin is not None:
        day = date.fromisoformat(plan.next_checkin)
        event = Event()
        event.add("uid", f"{which}-checkin@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("sequence", revision.checkin)
        event.add("summary", CHECKIN_SUMMARY)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("description", "\n".join(_one_line(line) for line in checkin_lines(plan)))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Tomorrow: {CHECKIN_SUMMARY}")
        alarm.add("trigger", -REMINDER_BEFORE)
        event.add_component(alarm)
        calendar.add_component(event)

    for commitment in plan.commitments:
        sequence = revision.todos.get(commitment.action_id, 0)
        calendar.add_component(_todo(commitment, which, stamp, sequence))
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")


def _todo(commitment: Commitment, which: str, stamp: datetime, sequence: int) -> Todo:
    from icalendar import Todo

    todo = Todo()
    todo.add("uid", f"{which}-{clean(commitment.action_id)}@{UID_DOMAIN}")
    todo.add("dtstamp", stamp)
    todo.add("sequence", sequence)
    todo.add("summary", f"{commitment.number}. {_one_line(commitment.text)}")
    todo.add("due", date.fromisoformat(commitment.by))
    if commitment.if_then:
        todo.add("description", _one_line(commitment.if_then))
    todo.add("status", "COMPLETED" if commitment.done else "NEEDS-ACTION")
    return todo
