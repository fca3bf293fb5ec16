"""The calendar's DTSTAMP and SEQUENCE, worked out from what is stored (never the clock)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from careercoach.core.calendar_revision import CommitmentChanges, calendar_revision
from careercoach.core.checkin import EventRecord
from careercoach.core.done import DoneAction

FINISHED = "2026-11-22T10:00:00+00:00"


def event(recorded_at: str) -> EventRecord:
    return EventRecord(1, "new_eyes", "new_boss", "A new boss", date(2026, 11, 30), None, 30,
                       (), recorded_at)  # fmt: skip


def test_nothing_since_the_assessment_is_sequence_0_at_its_time() -> None:
    revision = calendar_revision(FINISHED, [], [], [])
    assert (revision.stamp, revision.checkin, dict(revision.todos)) == (
        datetime(2026, 11, 22, 10, tzinfo=UTC),
        0,
        {},
    )


def test_each_change_counts_where_it_belongs_and_the_latest_is_the_stamp() -> None:
    revision = calendar_revision(
        FINISHED,
        [event("2026-11-30T08:00:00+00:00"), event("2026-12-01T08:00:00+00:00")],
        [DoneAction(1, "stuck", "bored", "over_deliver", 75, "2026-12-02T09:30:00+00:00")],
        [
            CommitmentChanges("stuck.over_deliver", "2026-11-22T10:01:00+00:00"),
            CommitmentChanges(
                "stuck.ask_boss", "2026-11-22T10:02:00+00:00", 2, "2026-12-03T07:00:00+00:00"
            ),
        ],
        edited_at="2026-11-25T12:00:00+00:00",
    )
    assert revision.stamp == datetime(2026, 12, 3, 7, tzinfo=UTC)
    assert revision.checkin == 3  # two events, and the edit of the answers
    assert dict(revision.todos) == {"stuck.over_deliver": 1, "stuck.ask_boss": 2}
