"""The revision of a stored plan's calendar (``plan --export ics``): read from the store,
worked out in :mod:`careercoach.core.calendar_revision`."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from careercoach.core.calendar_revision import (
    CalendarRevision,
    CommitmentChanges,
    calendar_revision,
)

if TYPE_CHECKING:
    from careercoach.core.models import Plan


def revision_of(plan: Plan) -> CalendarRevision:
    """What has changed since ``plan``'s assessment finished: its events, done marks and
    commitments. A plan that is not stored (no id, or no database) has none."""
    from careercoach.core.checkin import events_since
    from careercoach.storage.store import Store

    if plan.assessment_id is None or not Store.exists():
        return CalendarRevision(stamp=datetime.fromisoformat(plan.finished_at))
    with Store() as store:
        record = store.assessment(plan.assessment_id)
        return calendar_revision(
            plan.finished_at,
            events_since(store.events(), plan.finished_at),
            store.done_actions(plan.assessment_id),
            [
                CommitmentChanges(c.action, c.committed_at, c.changes, c.changed_at)
                for c in store.commitments(plan.assessment_id)
            ],
            edited_at=record.edited_at if record is not None else None,
        )
