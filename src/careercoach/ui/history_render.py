"""What ``history``, ``compare``, ``event`` and ``checkin`` print: plain lines and JSON.

Plain text on purpose: these commands must start fast (importing Rich costs more than
the whole query), and plain lines read the same with or without colour, at 80 columns,
in a pipe and to a screen reader. Every string that came from a bank or a person goes
through :func:`careercoach.safe_text.for_terminal`; lines are wrapped to ``width``.
Nothing here prints.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from careercoach.core.checkin import Due, EventRecord, due_words
from careercoach.core.compare import Comparison, DimensionChange
from careercoach.core.dates import count, human_date, human_time, local_time, span_text
from careercoach.core.trends import TREND_MINIMUM, Entry, Trend
from careercoach.safe_text import for_terminal
from careercoach.ui import text_cells

if TYPE_CHECKING:
    from careercoach.core.models import Commitment

ARROWS = {"better": "↓", "worse": "↑", "same": "="}
NO_HISTORY = [
    "No finished assessment yet.",
    "Start one with: careercoach assess",
    "(or from a file: careercoach assess --answers FILE)",
]


def unfinished_lines(answered: int) -> list[str]:
    """What ``plan``, ``history`` and ``checkin`` say instead of "no finished assessment
    yet" when one was started and stopped before its end."""
    return [
        f"No finished assessment yet; one is under way ({count(answered, 'answer')} saved).",
        "Finish it with: careercoach assess --resume",
    ]


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def to_json(value: Any) -> str:
    """Indented JSON; characters that could trouble a terminal are escaped."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


def wrap(text: str, width: int, indent: str = "", rest: str | None = None) -> list[str]:
    """``text`` wrapped between words (:func:`text_cells.wrap_words`: a careercoach command
    kept whole), its first line after ``indent``, the others after ``rest``."""
    return text_cells.wrap_words(text, width, first=indent, indent=indent if rest is None else rest)


def _t(text: str) -> str:
    return for_terminal(text)


MIN_LABEL = 16
"""The narrowest a table's label column gets; narrower, each row is stacked: the label
on its own lines, the figures under it."""


def _row(label: str, figures: str, label_w: int, width: int, lead: str = "") -> list[str]:
    """One row of a table whose first column is a label: the label wrapped between words
    in its column (continuation lines indented two more), the figures on its first line;
    where the column would be narrower than :data:`MIN_LABEL`, the label over the whole
    width and the figures on a line of their own. Never a label cut with "…"."""
    if label_w < MIN_LABEL:
        return [*wrap(label, width, lead, lead + "  "), f"{lead}  {figures}".rstrip()]
    lines = wrap(label, label_w, "", "  ")
    first = f"{lead}{text_cells.pad(lines[0], label_w)}  {figures}".rstrip()
    return [first, *(f"{lead}{line}" for line in lines[1:])]


def _finding(label: str, score: int, level: str) -> str:
    return f"{_t(label)} {score} ({level})"


# -- history --------------------------------------------------------------------------


def history_lines(
    entries: Sequence[Entry],
    total: int,
    trend_rows: Sequence[Trend],
    *,
    width: int = 80,
) -> list[str]:
    """The list of assessments, newest first, then the trends (of those shown)."""
    if not entries:
        return list(NO_HISTORY)
    shown = len(entries)
    if shown < total:
        head = f"Your assessments, newest first ({shown} of {total}; --all shows every one)"
    else:
        head = f"Your assessments, newest first ({total})"
    lines = [*wrap(head, width), ""]
    for entry in entries:
        lines.append(f"#{entry.id}  {human_time(entry.finished_at)}")
        if entry.edited_at:
            lines.append(f"    Edited {human_time(entry.edited_at)}")
        lines += wrap("Banks: " + ", ".join(_t(b) for b in entry.banks), width, "    ")
        findings = [_finding(d.label, d.score, d.level) for d in entry.top]
        if not findings and set(entry.banks) - set(entry.skipped):
            findings.append("nothing at moderate or high")
        findings += [f"{_t(bank)} skipped (not for you)" for bank in entry.skipped]
        end = "" if entry.top else "."
        lines += wrap("Top findings: " + "; ".join(findings) + end, width, "    ", "      ")
        if entry.actions:
            lines.append(f"    Actions done: {entry.done} of {entry.actions}")
    if trend_rows:
        lines += ["", *trend_lines(trend_rows, width=width)]
    else:
        lines += ["", *wrap(no_trend_text(total, shown), width)]
    return lines


def no_trend_text(total: int, shown: int) -> str:
    """Why ``history`` shows no trend, for ``total`` finished assessments of which the
    last ``shown`` are listed (the trends cover those)."""
    if total < TREND_MINIMUM:
        return "Trends appear once you have three assessments."
    if shown < TREND_MINIMUM:
        return "Trends need three assessments shown: -n 3 or more, or --all."
    if total > shown:
        return f"No dimension was measured in three of the last {shown} assessments."
    return "No dimension was measured in three assessments yet."


LEGEND = "Each mark is one assessment: ▁ = 0 … █ = 100; · = not measured that time."


def trend_lines(rows: Sequence[Trend], *, width: int = 80) -> list[str]:
    """``Boredom (stuck)   ▇▅▃·▂  83 → 25  ↓ 58 better``, one line a dimension."""
    count = len(rows[0].scores)
    lines = wrap(
        f"Trends over the last {count} assessments, oldest to newest "
        "(a higher score is a greater need):",
        width,
    )
    lines += wrap(LEGEND, width)
    tail = f"  {'':<{count}}  100 → 100  ↑ 100 better"
    label_w = width - len(tail) - 2
    for row in rows:
        arrow = ARROWS.get(row.direction, "=")
        figures = (
            f"{row.sparkline:<{count}}  "
            f"{row.first:>3} → {row.last:>3}  {arrow} {abs(row.change):>3} {row.direction}"
        )
        lines += _row(f"{_t(row.label)} ({_t(row.bank)})", figures, label_w, width, "  ")
    return lines


# -- compare --------------------------------------------------------------------------


def _change_cell(d: DimensionChange) -> str:
    if d.direction == "new":
        return "new"
    if d.direction == "gone":
        return "not measured now"
    assert d.change is not None
    return f"{ARROWS[d.direction]} {abs(d.change):>3} {d.direction}"


def _score(score: int | None) -> str:
    return "—" if score is None else str(score)


def _ids(ids: Sequence[int]) -> str:
    names = [f"#{i}" for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def pair_lines(comparison: Comparison, shared: Sequence[str] | None, width: int) -> list[str]:
    """Why these two, when ``compare`` picked them (``shared``: the banks in common)."""
    now = comparison.now
    if shared is None:
        return []
    if not shared:
        return wrap(
            f"No earlier assessment took a bank of #{now.id} "
            f"({', '.join(_t(b) for b in now.banks)}); compared with the one before it.",
            width,
        )
    if not comparison.skipped:
        return []
    return wrap(
        f"Compared with #{comparison.then.id}, the latest earlier assessment that took one "
        f"of the same banks ({', '.join(_t(b) for b in shared)}); {_ids(comparison.skipped)} took "
        "other banks.",
        width,
    )


def _only_line(assessment: int, banks: Sequence[str], comparison: Comparison) -> str:
    side = comparison.then if assessment == comparison.then.id else comparison.now
    parts = []
    for bank in banks:
        count = sum(1 for d in side.dimensions if d.bank == bank)
        parts.append(f"{_t(bank)} ({count} dimension{'' if count == 1 else 's'})")
    return f"Only in #{assessment}: " + ", ".join(parts) + "."


def compare_lines(
    comparison: Comparison, *, width: int = 80, shared: Sequence[str] | None = None
) -> list[str]:
    """``shared``: the banks in common when ``compare`` picked the pair itself (None when
    the person named the two)."""
    then, now = comparison.then, comparison.now
    days = (local_time(now.finished_at).date() - local_time(then.finished_at).date()).days
    apart = "the same day" if days == 0 else f"{span_text(abs(days))} later"
    lines = wrap(f"Then: assessment {then.id}, {human_time(then.finished_at)}", width)
    lines += wrap(f"Now:  assessment {now.id}, {human_time(now.finished_at)} ({apart})", width)
    lines += pair_lines(comparison, shared, width)
    lines += wrap("A higher score is a greater need, so a falling score is better.", width)
    lines.append("")
    rows = comparison.compared
    if rows:
        cells = [_change_cell(d) for d in rows]
        tail_w = len("  then   now  ") + max(len("↑ 100 better"), *(len(c) for c in cells))
        label_w = width - tail_w
        lines += _row("Dimension", "then   now  change", label_w, width)
        for d, change in zip(rows, cells, strict=True):
            figures = f"{_score(d.then):>4}  {_score(d.now):>4}  {change}"
            lines += _row(f"{_t(d.label)} ({_t(d.bank)})", figures, label_w, width)
    elif comparison.banks_in_both:
        lines.append("Neither assessment scored any dimension.")
    else:
        lines += wrap("The two took no bank in common, so no score can be compared.", width)
    only = [
        (then.id, comparison.banks_only_then),
        (now.id, comparison.banks_only_now),
    ]
    for assessment, banks in only:
        if banks:
            lines += wrap(_only_line(assessment, banks, comparison), width, "", "  ")
    if rows:
        counts = comparison.counts(rows)
        parts = [f"{counts[k]} {k}" for k in ("better", "worse", "same") if counts[k]]
        if counts["new"]:
            parts.append(f"{counts['new']} new")
        if counts["gone"]:
            parts.append(f"{counts['gone']} not measured now")
        lines += ["", *wrap("In short: " + ", ".join(parts) + ".", width)]
    both = set(comparison.banks_in_both)
    new_dims = [d for d in comparison.new_dimension_figures() if d.bank in both]
    if new_dims:
        lines += wrap(
            "Measured for the first time: " + "; ".join(_t(d.label) for d in new_dims) + ".",
            width,
        )
    lines.append("")
    done = comparison.done_since
    if done:
        lines.append(f"Actions done since assessment {then.id} ({len(done)}):")
        for item in done:
            lines += wrap(_t(item.text or item.key), width, "  [x] ", "      ")
    else:
        lines += text_cells.wrap_words(
            f"No action marked done since assessment {then.id} "
            "(mark one with: careercoach plan --done ACTION_ID).",
            width,
        )
    if comparison.new_actions:
        lines += ["", f"New in the plan ({len(comparison.new_actions)}):"]
        for action in comparison.new_actions:
            lines += wrap(_t(action.text), width, "  - ", "    ")
    if comparison.dropped_actions:
        lines += ["", f"No longer in the plan ({len(comparison.dropped_actions)}):"]
        for action in comparison.dropped_actions:
            lines += wrap(_t(action.text), width, "  - ", "    ")
    return lines


# -- events and check-ins -------------------------------------------------------------


def event_line(event: EventRecord, width: int = 80) -> list[str]:
    text = f"{event.happened_on.isoformat()}  {_t(event.label)}"
    if event.note:
        text += f": {_t(event.note)}"
    return wrap(text, width, "  ", "              ")


def event_list_lines(events: Sequence[EventRecord], *, width: int = 80) -> list[str]:
    if not events:
        return [
            "No event recorded yet.",
            *wrap("Record one with: careercoach event add TRIGGER (e.g. new_boss)", width),
        ]
    lines = [f"Events, newest first ({len(events)}):"]
    for event in events:
        lines += event_line(event, width)
    return lines


def event_json(event: EventRecord) -> dict[str, Any]:
    return {
        "id": event.id,
        "trigger": event.trigger,
        "label": event.label,
        "date": event.happened_on.isoformat(),
        "note": event.note,
        "checkin_days": event.checkin_days,
        "recheck": list(event.recheck),
        "recorded_at": event.recorded_at,
    }


def recheck_lines(recheck: Sequence[str], taken: Sequence[str], width: int = 80) -> list[str]:
    """``Take again: ...`` for the banks of the last assessment, ``Worth taking: ...`` for
    the others (never taken, or not the last time)."""
    again = [b for b in recheck if b in taken]
    fresh = [b for b in recheck if b not in taken]
    lines: list[str] = []
    if again:
        lines += wrap("Take again: " + ", ".join(_t(b) for b in again) + ".", width)
    if fresh:
        lines += wrap("Worth taking: " + ", ".join(_t(b) for b in fresh) + ".", width)
    return lines


def recheck_command(banks: Sequence[str]) -> str:
    return "careercoach assess" + "".join(f" --bank {b}" for b in banks)


def commitment_lines(commitments: Sequence[Commitment], today: date, width: int) -> list[str]:
    """``[ ] 1. The action`` / ``By Friday 11 December 2026. If ... Overdue.``, each."""
    from careercoach.ui import plan_wording

    if not commitments:
        return []
    lines = ["Your commitments:"]
    for commitment in commitments:
        text, tail = plan_wording.commitment_lines(commitment)
        if not commitment.done and date.fromisoformat(commitment.by) < today:
            tail += " Overdue."
        head = f"  [{'x' if commitment.done else ' '}] {commitment.number}. "
        lines += wrap(_t(text), width, head, " " * len(head))
        lines += wrap(_t(tail), width, " " * len(head))
    return [*lines, ""]


def checkin_lines(
    *,
    due: Due,
    today: date,
    finished_at: str,
    events: Sequence[EventRecord],
    done: Sequence[tuple[str, str]],
    recheck: Sequence[str],
    taken: Sequence[str] = (),
    commitments: Sequence[Commitment] = (),
    width: int = 80,
) -> list[str]:
    """The commitments of the last plan first, then when the next check-in is due and
    what changed since the last assessment.

    ``done``: ``(text, done_at)`` of the actions marked done since then; ``taken``: the
    banks of the last assessment (the others in ``recheck`` were not taken then).
    """
    lines = commitment_lines(commitments, today, width)
    if due.day is None:
        lines += wrap("No check-in date is set: come back in about three months.", width)
    else:
        lines += wrap(f"Next check-in: {human_date(due.day)}, {due_words(due.day, today)}.", width)
    if due.moved_by:
        names = "; ".join(f"{_t(e.label)} ({e.happened_on.isoformat()})" for e in due.moved_by)
        lines += wrap(f"Sooner than planned, because of: {names}.", width)
    last = local_time(finished_at).date()
    since = (today - last).days
    ago = "today" if since == 0 else f"{span_text(since)} ago" if since > 0 else "in the future"
    lines += ["", *wrap(f"Since your last assessment ({human_date(last)}, {ago}):", width)]
    if events:
        lines.append(f"  Events ({len(events)}):")
        for event in events:
            lines += ["  " + line for line in event_line(event, width - 2)]
    else:
        lines.append("  No event recorded.")
    if done:
        lines.append(f"  Actions done ({len(done)}):")
        for text, _ in done:
            lines += wrap(_t(text), width, "    [x] ", "        ")
    else:
        lines.append("  No action marked done.")
    lines.append("")
    lines += recheck_lines(recheck, taken, width)
    lines += wrap("Start the check-in with: careercoach checkin --run", width)
    return lines
