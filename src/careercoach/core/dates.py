"""Dates and spans of time as a person reads them, in English whatever the locale.

One small stdlib-only module, so that the plan's exports and the fast history commands
say dates in the same words without the history commands importing the exporters.
"""

from __future__ import annotations

from datetime import date, datetime

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def local_time(iso: str) -> datetime:
    """An ISO 8601 time in the local time zone (a time without an offset counts as local)."""
    return datetime.fromisoformat(iso).astimezone()


def human_date(day: date) -> str:
    """``Sunday 22 November 2026``."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def human_time(iso: str) -> str:
    """``Sunday 22 November 2026 at 10:04``, local time."""
    moment = local_time(iso)
    return f"{human_date(moment.date())} at {moment:%H:%M}"


def count(n: int, unit: str) -> str:
    """``1 day``, ``3 days``."""
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def span_text(days: int) -> str:
    """A length of time as a person says it: ``5 days``, ``3 weeks``, ``4 months``,
    ``2 years and 1 month``."""
    if days < 14:
        return count(days, "day")
    if days < 61:
        return count(round(days / 7), "week")
    months = round(days / 30.4375)
    if months < 24:
        return count(months, "month")
    years, months = divmod(months, 12)
    return count(years, "year") + (f" and {count(months, 'month')}" if months else "")
