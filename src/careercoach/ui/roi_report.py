"""The ROI block a person reads: costs, returns, the answer, and how it moves.

Shared by ``careercoach roi`` and the plan. Two forms of the same content:
:func:`roi_lines` (plain text lines, no colour, no box drawing, for ``--plain``, pasting
and exports) and :func:`roi_renderable` (a Rich renderable; nothing is printed here).
Both fit the width they are given (80 by default): below 70 columns each table stacks,
so that no number is ever cut. Numbers carry thousands separators and no currency: the calculator
works in whatever currency the person typed.

``notes`` are extra paragraphs (e.g. where the expected salary came from); they are data,
so they are cleaned of control characters and never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careercoach.core.roi import RoiResult, Scenario
from careercoach.safe_text import clean, for_terminal
from careercoach.ui.roi_words import (
    break_even_text,
    irr_text,
    money,
    payback,
    percent,
    salary_notes,
    short_percent,
    signed_money,
    verdict,
)
from careercoach.ui.text_cells import cells, pad, wrap

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

__all__ = [  # the number formats and the verdict live in roi_words; used from here too
    "READABLE_WIDTH",
    "STACK_BELOW",
    "TITLE",
    "WIDTH",
    "break_even_text",
    "irr_text",
    "money",
    "payback",
    "percent",
    "roi_lines",
    "roi_renderable",
    "roi_text",
    "salary_notes",
    "short_percent",
    "signed_money",
    "stacks",
    "verdict",
]

TITLE = "Does the degree pay?"
WIDTH = 80
READABLE_WIDTH = 100
"""The widest the report is laid out, however wide the terminal (lines stay readable)."""
STACK_BELOW = 70
"""Below this many columns the tables stack: each row's figures on lines of their own."""
_LABEL = 24  # label column of the summary
_VALUE = 14  # value column of the summary (fits "not by year 100")
_CASE = 24  # first column of the sensitivity table, plain form


# --- the content, shared by both forms -------------------------------------------------------


@dataclass(frozen=True)
class _Section:
    heading: str
    rows: list[tuple[str, str, str]]  # label, value, note


def _years_span(first: int, last: int) -> str:
    return f"year {first}" if first == last else f"years {first}-{last}"


def _cost_rows(result: RoiResult) -> list[tuple[str, str, str]]:
    inputs = result.inputs
    years = inputs.years
    per_year = "a year" if years == 1 else f"a year for {years} years"
    rows = [
        ("Tuition and fees", money(result.tuition), f"{money(result.yearly_tuition)} {per_year}")
    ]
    if inputs.full_time:
        rows.append(
            (
                "Salary given up",
                money(result.forgone_salary),
                f"after tax, {years} year{'s' if years != 1 else ''} full-time",
            )
        )
        rows.append(("Total outlay", money(result.total_outlay), "before any return"))
    else:
        rows.append(("Salary given up", "0", "studying part-time"))
    if inputs.loan > 0:
        span = _years_span(years + 1, years + inputs.loan_years)
        rows.append(
            (
                "Borrowed",
                money(inputs.loan),
                f"of the tuition, at {short_percent(inputs.loan_rate)}",
            )
        )
        rows.append(
            (
                "Loan repayments",
                money(result.loan_repaid),
                f"{money(result.yearly_payment)} a year, {span}",
            )
        )
    return rows


def _sections(result: RoiResult) -> list[_Section]:
    inputs = result.inputs
    first, last = inputs.years + 1, inputs.horizon
    span = f"{_years_span(first, last)} ({result.gain_years} years)" if first < last else ""
    span = span or ("no working years left" if result.gain_years == 0 else f"year {first}")
    if inputs.salary_growth:
        span = f"at today's pay, {span}"
    word = "gain" if result.yearly_gain >= 0 else "loss"
    returns = [
        (f"Yearly {word} after tax", money(abs(result.yearly_gain)), span),
        (
            f"Expected yearly {word}",
            money(abs(result.expected_yearly_gain)),
            f"x {short_percent(inputs.completion)} chance of finishing",
        ),
    ]
    if inputs.salary_growth:
        returns.append(
            ("Raises", f"{short_percent(inputs.salary_growth)} a year", "on both salaries")
        )
    returns.append(
        (f"Expected total {word}", money(abs(result.expected_total_gain)), "before discounting")
    )
    answer = [
        ("Net present value", signed_money(result.npv), "in today's money"),
        (
            "Pays back",
            payback(result),
            "discounted running total >= 0"
            if result.total_outlay > 0 or inputs.loan > 0
            else "nothing is paid up front",
        ),
        ("Internal rate of return", irr_text(result), "the yearly return that breaks even"),
        ("Break-even salary", break_even_text(result), "lowest salary after it that pays"),
    ]
    return [
        _Section("What it costs", _cost_rows(result)),
        _Section("What it returns", returns),
        _Section(
            f"The answer ({short_percent(inputs.discount_rate)} discount rate, "
            f"{inputs.horizon} working years)",
            answer,
        ),
    ]


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


def _wrap(text: str, width: int, indent: str = "", rest: str | None = None) -> list[str]:
    return wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=indent if rest is None else rest,
        break_long_words=False,
    )


def _fill(chunks: Sequence[str], width: int, indent: str) -> list[str]:
    """``chunks`` joined by spaces in lines of at most ``width`` cells, never breaking
    inside one (a figure stays beside its name); a chunk wider than a line stays whole."""
    lines: list[str] = []
    line = ""
    for chunk in chunks:
        if line and cells(f"{line} {chunk}") > width:
            lines.append(line)
            line = ""
        line = f"{line} {chunk}" if line else f"{indent}{chunk}"
    return [*lines, line] if line else lines


def _summary_lines(result: RoiResult, width: int, *, stacked: bool) -> list[str]:
    lines: list[str] = []
    for section in _sections(result):
        lines += _wrap(section.heading, width)
        for label, value, note in section.rows:
            if stacked:
                lines.append(f"  {label:<{_LABEL}}{value:>{_VALUE}}".rstrip())
                lines += _wrap(note, width, "    ")
            else:
                head = f"  {label:<{_LABEL}}{value:>{_VALUE}}   "
                lines += _wrap(note, width, head, " " * len(head)) or [head.rstrip()]
        lines.append("")
    return lines


def _table_lines(rows: list[_Row4], width: int, *, stacked: bool) -> list[str]:
    if stacked:
        lines = [_TABLE_HEAD[0]]
        for case, npv_text, back, irr_value in rows:
            lines += _wrap(case, width, "  ")
            back_text = f"pays back in {back}" if back.startswith("year") else f"does {back}"
            back_text = back_text.replace("does not by", "does not pay back by")
            chunks = [f"NPV {npv_text},", f"{back_text},", f"IRR {irr_value}"]
            lines += _fill(chunks, width, "    ")
        return lines
    widths = [max(cells(r[i]) for r in [_TABLE_HEAD, *rows]) for i in range(4)]
    widths[0] = max(widths[0], _CASE)
    return [
        (
            "  "
            + "   ".join(
                [pad(row[0], widths[0])]
                + [cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)]
            )
        ).rstrip()
        for row in [_TABLE_HEAD, *rows]
    ]


def stacks(result: RoiResult, scenarios: Sequence[Scenario], width: int) -> bool:
    """Whether the tables stack at ``width``: below :data:`STACK_BELOW` columns, or where
    a line of the side-by-side form would not fit (no number is ever cut)."""
    if width < STACK_BELOW:
        return True
    lines = _table_lines(_scenario_rows(result, scenarios), width, stacked=False)
    summary = [
        f"  {label:<{_LABEL}}{value:>{_VALUE}}"
        for section in _sections(result)
        for label, value, _ in section.rows
    ]
    return max(cells(line) for line in lines + summary) > width


def roi_lines(
    result: RoiResult,
    scenarios: Sequence[Scenario] = (),
    *,
    notes: Sequence[str] = (),
    title: str | None = TITLE,
    width: int = WIDTH,
    estimated: bool = False,
) -> list[str]:
    """The ROI block as plain text lines (no trailing newlines), at most ``width`` wide
    (a URL longer than the width stays whole). Below :data:`STACK_BELOW` columns each
    row's note, and each what-if line's figures, go on a line of their own."""
    stacked = stacks(result, scenarios, width)
    lines: list[str] = []
    if title:
        lines += [clean(title), ""]
    lines += _summary_lines(result, width, stacked=stacked)
    lines += _wrap(verdict(result, estimated=estimated), width)
    for note in notes:
        lines.append("")
        lines += _wrap(clean(note), width)
    if scenarios:
        lines.append("")
        lines += _table_lines(_scenario_rows(result, scenarios), width, stacked=stacked)
        lines += _wrap(_TABLE_FOOT, width, "  ")
    return lines


def roi_text(
    result: RoiResult,
    scenarios: Sequence[Scenario] = (),
    *,
    notes: Sequence[str] = (),
    title: str | None = TITLE,
    width: int = WIDTH,
    estimated: bool = False,
) -> str:
    """:func:`roi_lines` joined, ending in a newline."""
    lines = roi_lines(result, scenarios, notes=notes, title=title, width=width, estimated=estimated)
    return "\n".join(lines) + "\n"


# --- Rich -----------------------------------------------------------------------------------


def roi_renderable(
    result: RoiResult,
    scenarios: Sequence[Scenario] = (),
    *,
    notes: Sequence[str] = (),
    title: str | None = TITLE,
    estimated: bool = False,
) -> RenderableType:
    """The ROI block as a Rich renderable, laid out when printed for the width it gets
    (stacked below :data:`STACK_BELOW` columns, as :func:`roi_lines`)."""
    return _AtWidth(
        lambda width: _rich_block(
            result, scenarios, notes=notes, title=title, width=width, estimated=estimated
        )
    )


class _AtWidth:
    """A renderable made at print time for the width it gets."""

    def __init__(self, make: Callable[[int], RenderableType]) -> None:
        self.make = make

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.make(options.max_width)


def _rich_block(
    result: RoiResult,
    scenarios: Sequence[Scenario],
    *,
    notes: Sequence[str],
    title: str | None,
    width: int,
    estimated: bool,
) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    stacked = stacks(result, scenarios, width)
    parts: list[RenderableType] = []
    if title:
        parts += [Text(for_terminal(title), style="bold"), Text("")]
    if stacked:
        headings = {section.heading for section in _sections(result)}
        for line in _summary_lines(result, width, stacked=True):
            parts.append(Text(line, style="bold" if line in headings else ""))
    else:
        for section in _sections(result):
            parts.append(Text(section.heading, style="bold"))
            grid = Table.grid(padding=0)
            grid.add_column(width=_LABEL, no_wrap=True)
            grid.add_column(justify="right", width=_VALUE, no_wrap=True)
            grid.add_column()
            for label, value, note in section.rows:
                grid.add_row(Text(label), Text(value), Text("   " + note, style="dim"))
            parts += [_indent(grid), Text("")]
    parts.append(Text(verdict(result, estimated=estimated)))
    for note in notes:
        parts += [Text(""), Text(for_terminal(note))]
    if not scenarios:
        return Group(*parts)
    rows = _scenario_rows(result, scenarios)
    parts.append(Text(""))
    if stacked:
        lines = _table_lines(rows, width, stacked=True)
        parts += [Text(lines[0], style="bold"), *(Text(line) for line in lines[1:])]
    else:
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
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        parts.append(_indent(table))
    parts.append(_indent(Text(_TABLE_FOOT, style="dim")))
    return Group(*parts)


def _indent(renderable: RenderableType) -> RenderableType:
    from rich.padding import Padding

    return Padding(renderable, (0, 0, 0, 2), expand=False)
