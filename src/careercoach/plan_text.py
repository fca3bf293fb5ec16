"""A plan as plain text lines (no colour, no box drawing): what ``assess --answers`` prints.

Every string that came from a bank or an answer goes through
:func:`careercoach.safe_text.for_terminal`. Lines are wrapped to ``width`` columns.
"""

from __future__ import annotations

import textwrap

from careercoach.models import HORIZONS, Plan
from careercoach.safe_text import for_terminal

HORIZON_TITLES = {"week": "This week", "month": "This month", "quarter": "This quarter"}


def _wrap(text: str, width: int, indent: str, rest: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=rest if rest is not None else indent,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _money(value: float) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value):,.0f}"


def roi_lines(roi: dict[str, object], width: int) -> list[str]:
    npv = roi.get("npv")
    payback = roi.get("payback_years")
    irr = roi.get("irr")
    parts = []
    if isinstance(npv, int | float):
        parts.append(f"net present value {_money(npv)}")
    parts.append(f"pays back in year {payback}" if payback is not None else "never pays back")
    if isinstance(irr, int | float):
        parts.append(f"internal rate of return {irr * 100:.1f}%")
    return _wrap("; ".join(parts) + ".", width, "  ")


def plain_lines(plan: Plan, *, width: int = 80) -> list[str]:
    """The plan for a person, as lines without colour or markup."""
    t = for_terminal
    lines: list[str] = []
    finished = plan.finished_at[:10]
    title = "Your action plan"
    if plan.assessment_id is not None:
        title += f" (assessment {plan.assessment_id}, {finished})"
    lines.append(title)
    if plan.previous_finished_at:
        lines.append(f"Previous assessment: {plan.previous_finished_at[:10]}")

    for warning in plan.warnings:
        lines += ["", *_wrap(f"Note: {t(warning)}", width, "", "  ")]

    if not plan.dimensions:
        lines += ["", "Nothing was scored: no answer fed any dimension."]

    if plan.focus:
        lines += ["", "Focus on"]
        for number, focus in enumerate(plan.focus, start=1):
            lines.append(f"  {number}. {t(focus.label)}: {focus.score} ({focus.level})")
            lines += _wrap(t(focus.why), width, "     ")

    if plan.dimensions:
        lines += ["", "Findings"]
        label_width = min(max(len(t(d.label)) for d in plan.dimensions), 48)
        for d in plan.dimensions:
            label = t(d.label)
            if len(label) > label_width:
                label = label[: label_width - 3] + "..."
            lines.append(f"  {label:<{label_width}}  {d.score:>3}  {d.level}")

    if plan.actions:
        lines += ["", "Actions"]
        for horizon in HORIZONS:
            chosen = [a for a in plan.actions if a.horizon == horizon]
            if not chosen:
                continue
            lines.append(f"  {HORIZON_TITLES[horizon]}")
            for action in chosen:
                mark = "[x]" if action.done else "[ ]"
                lines += _wrap(t(action.text), width, f"    {mark} ", "        ")

    for verdict in plan.verdicts:
        lines += ["", f"Verdict ({t(verdict.bank)}): leaning {verdict.leaning}"]
        lines += _wrap(t(verdict.text), width, "  ")
        if verdict.because:
            lines += _wrap("Because: " + "; ".join(t(b) for b in verdict.because), width, "  ")

    if plan.roi is not None:
        lines += ["", "Return on the degree", *roi_lines(plan.roi, width)]

    if plan.strengths:
        lines += ["", "Strengths"]
        for strength in plan.strengths:
            lines += _wrap(t(strength.text), width, "  - ", "    ")

    if plan.next_checkin:
        lines += ["", f"Next check-in: {plan.next_checkin}"]
        if plan.checkin_reason:
            lines += _wrap(t(plan.checkin_reason), width, "  ")
        if plan.recheck_banks:
            banks = " ".join(f"--bank {t(b)}" for b in plan.recheck_banks)
            lines += _wrap(f"Then run: careercoach assess {banks}", width, "  ")
    return lines
