"""The words the terminal view and every export of a plan share.

The header, the horizon titles, the check-in lines, the ROI lines, how an action and a
commitment are named: one place, so that ``plan``, the Markdown, the HTML and the calendar
say the same thing. Everything here returns plain text (never escaped): each view passes
it through ``safe_text`` for its own output.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from careercoach.core.dates import count, human_date, human_time, local_time, span_text

if TYPE_CHECKING:
    from careercoach.core.models import (
        Commitment,
        DimensionScore,
        Horizon,
        OwnWords,
        Plan,
        PlannedAction,
    )
    from careercoach.core.roi import RoiResult, Scenario

TITLE = "Your career action plan"
HORIZON_TITLES: dict[str, str] = {
    "week": "This week",
    "month": "This month",
    "quarter": "This quarter",
}
LEANING_WORDS: dict[str, str] = {
    "for": "leans for",
    "against": "leans against",
    "mixed": "is mixed",
}
NO_PREVIOUS = "This is your first assessment."
NO_CHECKIN = "Come back in about three months, or sooner if something changes at work."
CHECKIN_ADVICE = "Run careercoach assess again then, or sooner if something changes at work."
PRIVACY_NOTE = "Made on this computer by careercoach {version}. Nothing was sent anywhere."
NO_ACTIONS = "Nothing needs action now: no dimension reached moderate."
COMMITMENTS_TITLE = "Your commitments"
OWN_WORDS_TITLE = "In your words"
MORE_ACTIONS_TITLE = "More that applies"
COMMIT_HINT = "Commit to an action with: careercoach plan --commit N --by YYYY-MM-DD"
CALENDAR_HINT = "careercoach plan --export ics puts your check-in and commitments in a calendar."


def previous_text(plan: Plan) -> str:
    """When the assessment before this one finished, and how long before this one."""
    if plan.previous_finished_at is None:
        return NO_PREVIOUS
    previous = local_time(plan.previous_finished_at).date()
    days = (local_time(plan.finished_at).date() - previous).days
    if days == 0:
        gap = "earlier the same day"
    elif days == 1:
        gap = "the day before this one"
    elif days > 0:
        gap = f"{span_text(days)} before this one"
    else:
        gap = f"{span_text(-days)} after this one"
    return f"Previous assessment: {human_date(previous)}, {gap}."


def header_lines(plan: Plan) -> list[str]:
    """The plan's header, one sentence a line (plain text; clean it for the output)."""
    which = f"Assessment {plan.assessment_id}, finished" if plan.assessment_id else "Finished"
    lines = [f"{which} {human_time(plan.finished_at)}."]
    if plan.banks:
        lines.append(f"Banks: {', '.join(plan.banks)}.")
    lines.append(previous_text(plan))
    return lines


def checkin_lines(plan: Plan) -> list[str]:
    """The next check-in: the date, why sooner than usual, which banks to take again."""
    if plan.next_checkin is None:
        return [NO_CHECKIN]
    day = date.fromisoformat(plan.next_checkin)
    days = (day - local_time(plan.finished_at).date()).days
    when = f"{span_text(days)} after this assessment" if days else "the day of this assessment"
    lines = [f"{human_date(day)} ({when})."]
    if plan.checkin_reason:
        lines.append(plan.checkin_reason)
    again = [bank for bank in plan.recheck_banks if bank in plan.banks]
    new = [bank for bank in plan.recheck_banks if bank not in plan.banks]
    if again:
        lines.append(f"Take again then: {', '.join(again)}.")
    if new:
        lines.append(f"Worth taking then: {', '.join(new)}.")
    lines.append(CHECKIN_ADVICE)
    return lines


def shown_dimensions(plan: Plan) -> list[DimensionScore]:
    """The findings a person reads: all but the new-eyes events that did not happen."""
    return [d for d in plan.dimensions if not (d.event and d.score == 0)]


def unreported_events_line(plan: Plan) -> str | None:
    """One line naming the events at work that were asked about and not reported."""
    quiet = [d.label for d in plan.dimensions if d.event and d.score == 0]
    if not quiet:
        return None
    return f"Not reported as happening at work: {', '.join(quiet)}."


def dimension_labels(plan: Plan) -> dict[tuple[str, str], str]:
    """``(bank, dimension) -> label`` for the plan's scored dimensions."""
    return {(d.bank, d.id): d.label for d in plan.dimensions}


def actions_by_horizon(plan: Plan) -> list[tuple[Horizon, list[int]]]:
    """The indexes of ``plan.actions`` per horizon (week, month, quarter), empty ones left out."""
    groups: dict[Horizon, list[int]] = {"week": [], "month": [], "quarter": []}
    for index, action in enumerate(plan.actions):
        groups[action.horizon].append(index)
    return [(horizon, indexes) for horizon, indexes in groups.items() if indexes]


def number(value: float) -> str:
    """``0.75``, ``1``, ``2.5``: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@dataclass(frozen=True)
class RoiBlock:
    """The plan's ROI, rebuilt from its inputs: the result and the sensitivity lines."""

    result: RoiResult
    scenarios: list[Scenario]


def roi_block(plan: Plan) -> RoiBlock | str | None:
    """The ROI rebuilt from ``plan.roi["inputs"]``; a message when that cannot be done;
    ``None`` when the plan has no ROI."""
    if plan.roi is None:
        return None
    from careercoach.core import roi

    try:
        inputs = roi.RoiInputs(**plan.roi["inputs"])
        return RoiBlock(roi.evaluate(inputs), roi.sensitivity(inputs))
    except (KeyError, TypeError, ValueError) as exc:
        return f"The return on education could not be worked out from this plan ({exc})."


def roi_input_line(result: RoiResult) -> str:
    """The inputs in one sentence."""
    from careercoach.ui.roi_report import money, short_percent

    i = result.inputs
    return (
        f"Inputs: {money(i.cost)} over {count(i.years, 'year')}, "
        f"{'full-time' if i.full_time else 'part-time'}; salary {money(i.current_salary)} now, "
        f"{money(i.expected_salary)} expected after; {short_percent(i.completion)} chance of "
        f"finishing; {short_percent(i.discount_rate)} discount rate; "
        f"{short_percent(i.tax_rate)} tax; {count(i.horizon, 'working year')}."
    )


def roi_summary_rows(result: RoiResult) -> list[tuple[str, str]]:
    """What it costs, what it returns, and the answer, as (label, value) rows."""
    from careercoach.ui.roi_report import break_even_text, irr_text, money, payback, signed_money

    word = "gain" if result.yearly_gain >= 0 else "loss"
    rows = [("Tuition and fees", money(result.tuition))]
    if result.inputs.full_time:
        rows.append(("Salary given up (after tax)", money(result.forgone_salary)))
    rows += [
        (f"Yearly {word} after tax, once qualified", money(abs(result.yearly_gain))),
        ("Net present value", signed_money(result.npv)),
        ("Pays back", payback(result)),
        ("Internal rate of return", irr_text(result)),
        ("Break-even salary", break_even_text(result)),
    ]
    return rows


def roi_scenario_rows(block: RoiBlock) -> list[tuple[str, str, str, str]]:
    """The sensitivity table: what if, NPV, pays back, IRR (the first row: as entered)."""
    from careercoach.ui.roi_report import irr_text, payback, signed_money

    rows = [("As entered", signed_money(block.result.npv), payback(block.result))]
    rows += [(s.label, signed_money(s.result.npv), payback(s.result)) for s in block.scenarios]
    irrs = [block.result, *(s.result for s in block.scenarios)]
    return [(*row, irr_text(r)) for row, r in zip(rows, irrs, strict=True)]


def roi_verdict(result: RoiResult) -> str:
    """The verdict, and where a typical salary in it comes from (with its caveat)."""
    from careercoach.ui.roi_report import salary_notes, verdict

    return " ".join([verdict(result), *salary_notes(result)])


# -- actions, commitments, own words ----------------------------------------------------


def action_label(plan: Plan, action: PlannedAction) -> str:
    """The areas an action serves: its own (its dimension's id if the plan lacks the
    label), then ``; also ...`` the others the same advice stands for."""
    own = dimension_labels(plan).get((action.bank, action.dimension), action.dimension)
    others = [
        area.label
        for area in action.serves
        if (area.bank, area.dimension) != (action.bank, action.dimension) and area.label != own
    ]
    if not others:
        return own
    return f"{own}; also {', '.join(dict.fromkeys(others))}"


def action_marker(action: PlannedAction) -> str:
    """``3.``: the number ``plan --done 3`` knows it by; empty for an unnumbered action
    (``more_actions``, plans stored before numbers existed)."""
    return f"{action.number}." if action.number else ""


def more_by_horizon(plan: Plan) -> list[tuple[Horizon, list[PlannedAction]]]:
    """``plan.more_actions`` per horizon (week, month, quarter), empty ones left out."""
    groups: dict[Horizon, list[PlannedAction]] = {"week": [], "month": [], "quarter": []}
    for action in plan.more_actions:
        groups[action.horizon].append(action)
    return [(horizon, actions) for horizon, actions in groups.items() if actions]


def due_text(commitment: Commitment) -> str:
    """``by Friday 11 December 2026``."""
    return f"by {human_date(date.fromisoformat(commitment.by))}"


def commitment_lines(commitment: Commitment) -> tuple[str, str]:
    """The commitment in two parts: ``"Action text"`` and ``"By Friday 11 December 2026.
    If ..., then ... Done."`` (plain text)."""
    tail = "B" + due_text(commitment)[1:] + "."
    if commitment.if_then:
        tail += f" {commitment.if_then}"
        if not tail.endswith((".", "!", "?")):
            tail += "."
    if commitment.done:
        tail += " Done."
    return commitment.text, tail


def own_words_where(plan: Plan, words: OwnWords) -> str:
    """Where a written answer belongs: ``stuck`` or ``stuck, about Boredom``."""
    if words.dimension is None:
        return words.bank
    label = dimension_labels(plan).get((words.bank, words.dimension), words.dimension)
    return f"{words.bank}, about {label}"


def own_words_source(plan: Plan, words: OwnWords) -> str:
    """What a written answer answered, and where it belongs: ``What changed then?
    (stuck, about Not moving up)``."""
    return f"{' '.join(words.prompt.split())} ({own_words_where(plan, words)})"


def quoted(text: str) -> str:
    """A written answer in quotation marks, as one paragraph (line breaks become spaces)."""
    return "\u201c" + " ".join(text.split()) + "\u201d"
