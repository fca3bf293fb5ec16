"""The ROI block a person reads: costs, returns, the answer, and how it moves.

Shared by ``careercoach roi`` and the plan. Two forms of the same content:
:func:`roi_lines` (plain text lines, no colour, no box drawing, for ``--plain``, pasting
and exports) and :func:`roi_renderable` (a Rich renderable; nothing is printed here).
Both fit 80 columns. Numbers carry thousands separators and no currency: the calculator
works in whatever currency the person typed.

``notes`` are extra paragraphs (e.g. where the expected salary came from); they are data,
so they are cleaned of control characters and never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercoach.core.roi import RoiResult, Scenario
from careercoach.safe_text import clean, for_terminal
from careercoach.ui.text_cells import wrap

if TYPE_CHECKING:
    from rich.console import RenderableType

TITLE = "Does the degree pay?"
WIDTH = 80
_LABEL = 24  # label column of the summary
_VALUE = 14  # value column of the summary (fits "not by year 100")
_CASE = 24  # first column of the sensitivity table, plain form


# --- number formats -----------------------------------------------------------------------


def money(value: float) -> str:
    """``123,457`` (rounded to a whole amount; never ``-0``)."""
    rounded = round(value)
    return f"{rounded + 0:,}"


def signed_money(value: float) -> str:
    """``+123,457`` / ``-9,876`` / ``0``."""
    rounded = round(value)
    if rounded == 0:
        return "0"
    return f"{rounded:+,}"


def percent(rate: float, *, digits: int = 1) -> str:
    """An IRR-like rate: ``22.4%`` (``-7.0%``; ``1,234.5%`` for large ones)."""
    text = f"{rate * 100:,.{digits}f}"
    if text.strip("-0.,") == "":
        text = text.lstrip("-")
    return f"{text}%"


def short_percent(rate: float) -> str:
    """An input rate as typed: ``3%``, ``2.5%``, ``60%``."""
    return f"{round(rate * 100, 6):g}%"


def payback(result: RoiResult) -> str:
    """``year 7``, or ``not by year 30``."""
    if result.payback_years is None:
        return f"not by year {result.inputs.horizon}"
    return f"year {result.payback_years}"


def irr_text(result: RoiResult) -> str:
    return "none" if result.irr is None else percent(result.irr)


# --- the content, shared by both forms -------------------------------------------------------


@dataclass(frozen=True)
class _Section:
    heading: str
    rows: list[tuple[str, str, str]]  # label, value, note


def _sections(result: RoiResult) -> list[_Section]:
    inputs = result.inputs
    years = inputs.years
    per_year = "a year" if years == 1 else f"a year for {years} years"
    costs = [
        ("Tuition and fees", money(result.tuition), f"{money(result.yearly_tuition)} {per_year}")
    ]
    if inputs.full_time:
        costs.append(
            (
                "Salary given up",
                money(result.forgone_salary),
                f"after tax, {years} year{'s' if years != 1 else ''} full-time",
            )
        )
        costs.append(("Total outlay", money(result.total_outlay), "before any return"))
    else:
        costs.append(("Salary given up", "0", "studying part-time"))

    first, last = years + 1, inputs.horizon
    span = f"year {first}" if first == last else f"years {first}-{last} ({result.gain_years} years)"
    if result.gain_years == 0:
        span = "no working years left"
    word = "gain" if result.yearly_gain >= 0 else "loss"
    expected_total = result.expected_yearly_gain * result.gain_years
    returns = [
        (f"Yearly {word} after tax", money(abs(result.yearly_gain)), span),
        (
            f"Expected yearly {word}",
            money(abs(result.expected_yearly_gain)),
            f"x {short_percent(inputs.completion)} chance of finishing",
        ),
        (f"Expected total {word}", money(abs(expected_total)), "before discounting"),
    ]
    answer = [
        ("Net present value", signed_money(result.npv), "in today's money"),
        (
            "Pays back",
            payback(result),
            "discounted running total >= 0"
            if result.total_outlay > 0
            else "nothing is paid up front",
        ),
        ("Internal rate of return", irr_text(result), "the yearly return that breaks even"),
    ]
    return [
        _Section("What it costs", costs),
        _Section("What it returns", returns),
        _Section(
            f"The answer ({short_percent(inputs.discount_rate)} discount rate, "
            f"{inputs.horizon} working years)",
            answer,
        ),
    ]


def verdict(result: RoiResult) -> str:
    """The decision in one or two plain sentences."""
    inputs = result.inputs
    rate = f"{short_percent(inputs.discount_rate)} a year"
    horizon = f"{inputs.horizon} years"
    rounded = round(result.npv)
    if rounded > 0:
        text = (
            f"Worth it on these numbers: over {horizon} it returns {money(rounded)} more than "
            f"it costs, in today's money discounted at {rate}."
        )
        if result.payback_years is not None:
            text += f" It pays back in year {result.payback_years}"
            text += "." if result.irr is None else f" and earns {percent(result.irr)} a year."
    elif rounded < 0:
        text = (
            f"Not worth it on these numbers: over {horizon} it costs {money(-rounded)} more "
            f"than it returns, in today's money discounted at {rate}."
        )
        if result.payback_years is None:
            text += f" It does not pay back within {horizon}."
        if result.irr is not None:
            text += f" Its return, {percent(result.irr)} a year, is below that rate."
    else:
        text = f"Break-even on these numbers, in today's money discounted at {rate}."
    if inputs.completion < 1:
        text += (
            f" Costs count in full; gains only with the {short_percent(inputs.completion)}"
            " chance of finishing."
        )
    return text


_Row4 = tuple[str, str, str, str]


def _scenario_rows(result: RoiResult, scenarios: Sequence[Scenario]) -> list[_Row4]:
    rows: list[_Row4] = [
        ("As entered", signed_money(result.npv), payback(result), irr_text(result))
    ]
    for scenario in scenarios:
        r = scenario.result
        rows.append((clean(scenario.label), signed_money(r.npv), payback(r), irr_text(r)))
    return rows


_TABLE_HEAD: _Row4 = ("What if", "NPV", "Pays back", "IRR")
_TABLE_FOOT = (
    "A year longer keeps the yearly cost; the horizon stays. NPV and payback use "
    "the discount rate of each line."
)


# --- plain text -----------------------------------------------------------------------------


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    return wrap(
        text, width, initial_indent=indent, subsequent_indent=indent, break_long_words=False
    )


def roi_lines(
    result: RoiResult,
    scenarios: Sequence[Scenario] = (),
    *,
    notes: Sequence[str] = (),
    title: str | None = TITLE,
    width: int = WIDTH,
) -> list[str]:
    """The ROI block as plain text lines (no trailing newlines), at most ``width`` wide
    (a URL longer than the width stays whole)."""
    lines: list[str] = []
    if title:
        lines += [clean(title), ""]
    for section in _sections(result):
        lines.append(section.heading)
        for label, value, note in section.rows:
            lines.append(f"  {label:<{_LABEL}}{value:>{_VALUE}}   {note}".rstrip())
        lines.append("")
    lines += _wrap(verdict(result), width)
    for note in notes:
        lines.append("")
        lines += _wrap(clean(note), width)
    if scenarios:
        lines.append("")
        rows = _scenario_rows(result, scenarios)
        widths = [max(len(cells[i]) for cells in [_TABLE_HEAD, *rows]) for i in range(4)]
        widths[0] = max(widths[0], _CASE)
        for row in [_TABLE_HEAD, *rows]:
            cells = [row[0].ljust(widths[0])] + [
                cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)
            ]
            lines.append(("  " + "   ".join(cells)).rstrip())
        lines += _wrap(_TABLE_FOOT, width, "  ")
    return lines


def roi_text(
    result: RoiResult,
    scenarios: Sequence[Scenario] = (),
    *,
    notes: Sequence[str] = (),
    title: str | None = TITLE,
    width: int = WIDTH,
) -> str:
    """:func:`roi_lines` joined, ending in a newline."""
    return "\n".join(roi_lines(result, scenarios, notes=notes, title=title, width=width)) + "\n"


# --- Rich -----------------------------------------------------------------------------------


def roi_renderable(
    result: RoiResult,
    scenarios: Sequence[Scenario] = (),
    *,
    notes: Sequence[str] = (),
    title: str | None = TITLE,
) -> RenderableType:
    """The ROI block as a Rich renderable (a ``Group``); print it on any ``Console``."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    if title:
        parts += [Text(for_terminal(title), style="bold"), Text("")]
    for section in _sections(result):
        parts.append(Text(section.heading, style="bold"))
        grid = Table.grid(padding=0)
        grid.add_column(width=_LABEL, no_wrap=True)
        grid.add_column(justify="right", width=_VALUE, no_wrap=True)
        grid.add_column()
        for label, value, note in section.rows:
            grid.add_row(Text(label), Text(value), Text("   " + note, style="dim"))
        parts += [_indent(grid), Text("")]
    parts.append(Text(verdict(result)))
    for note in notes:
        parts += [Text(""), Text(for_terminal(note))]
    if scenarios:
        table = Table(
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            padding=(0, 1),
            header_style="bold",
        )
        table.add_column(_TABLE_HEAD[0], min_width=_CASE, no_wrap=True)
        for head in _TABLE_HEAD[1:]:
            table.add_column(head, justify="right", no_wrap=True)
        for row in _scenario_rows(result, scenarios):
            table.add_row(*(Text(cell) for cell in row))
        parts += [Text(""), _indent(table), _indent(Text(_TABLE_FOOT, style="dim"))]
    return Group(*parts)


def _indent(renderable: RenderableType) -> RenderableType:
    from rich.padding import Padding

    return Padding(renderable, (0, 0, 0, 2), expand=False)
