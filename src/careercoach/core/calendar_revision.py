"""What an importing calendar needs to take an updated ``plan --export ics``.

RFC 5545 (3.8.7.2, 3.8.7.4) and iTIP (RFC 5546, 2.1.4): a calendar keeps the copy of an
entry (same UID) with the higher SEQUENCE, and on a tie the later DTSTAMP; a change of
DTSTART, DUE or STATUS must raise SEQUENCE. Both are worked out here from what is
stored, never from the clock, so that the same data gives the same file and a later
change gives a higher number:

* ``stamp`` (DTSTAMP): when the data last changed: the assessment finishing (or its last
  edit, ``assess --edit``), or a later event, done mark or commitment (made or changed);
* the check-in's SEQUENCE: the events recorded since the assessment (each can move it),
  plus one once the assessment was edited (its answers can move it too; later edits
  leave it, and the later DTSTAMP tells a calendar which copy is newer);
* a to-do's SEQUENCE: the times its commitment was changed, plus one once its action is
  marked done.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from careercoach.core.checkin import EventRecord
from careercoach.core.done import DoneAction


@dataclass(frozen=True)
class CommitmentChanges:
    """What the store knows of one commitment's history."""

    action_id: str
    """``bank.action``."""
    committed_at: str
    changes: int = 0
    changed_at: str | None = None


@dataclass(frozen=True)
class CalendarRevision:
    stamp: datetime
    checkin: int = 0
    todos: Mapping[str, int] = field(default_factory=dict)
    """SEQUENCE by ``bank.action``."""


def calendar_revision(
    finished_at: str,
    events_since: Iterable[EventRecord],
    done: Iterable[DoneAction],
    commitments: Iterable[CommitmentChanges],
    edited_at: str | None = None,
) -> CalendarRevision:
    """The revision of a plan's calendar: ``events_since`` are the events it did not know
    of (:func:`careercoach.core.checkin.events_since`), ``done`` its done marks,
    ``edited_at`` when its answers were last edited (None: never)."""
    events = list(events_since)
    done_ids = {f"{d.bank}.{d.action}": d.done_at for d in done}
    kept = list(commitments)
    times = [finished_at, *(e.recorded_at for e in events), *done_ids.values()]
    times += [edited_at] if edited_at is not None else []
    times += [c.committed_at for c in kept]
    times += [c.changed_at for c in kept if c.changed_at is not None]
    return CalendarRevision(
        stamp=max(datetime.fromisoformat(t) for t in times),
        checkin=len(events) + (edited_at is not None),
        todos={c.action_id: c.changes + (c.action_id in done_ids) for c in kept},
    )
