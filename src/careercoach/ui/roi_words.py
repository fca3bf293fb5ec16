"""The words and numbers of the ROI report: number formats and the verdict.

Shared by :mod:`careercoach.ui.roi_report` (terminal) and the exports. The verdict never
stands alone: it gives the break-even salary beside the person's own expectation and, with
a degree, the typical one (the BLS ratio), then how each comes out; and it flags a raise
far above the typical one, as the education article warns not to assume it pays off.
"""

from __future__ import annotations

from careercoach.core.roi import DEGREE_NOUNS, RoiResult, raise_ratio

RAISE_CHECK = 1.5
"""A raise more than this many times the typical one for the degree is flagged."""


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


# --- the verdict ---------------------------------------------------------------------------


def break_even_text(result: RoiResult) -> str:
    """``91,769``, or ``none`` where no salary pays it back."""
    return "none" if result.break_even_salary is None else money(result.break_even_salary)


def _outcome(result: RoiResult) -> str:
    """How it comes out on one salary: what it returns or costs, payback, IRR."""
    inputs = result.inputs
    rate = f"{short_percent(inputs.discount_rate)} a year"
    horizon = f"{inputs.horizon} years"
    rounded = round(result.npv)
    if rounded > 0:
        text = (
            f"worth it: over {horizon} it returns {money(rounded)} more than it costs, in "
            f"today's money discounted at {rate}."
        )
        if result.payback_years is not None:
            text += f" It pays back in year {result.payback_years}"
            text += "." if result.irr is None else f" and earns {percent(result.irr)} a year."
        return text
    if rounded < 0:
        text = (
            f"not worth it: over {horizon} it costs {money(-rounded)} more than it returns, "
            f"in today's money discounted at {rate}."
        )
        if result.payback_years is None:
            text += f" It does not pay back within {horizon}."
        if result.irr is not None:
            text += f" Its return, {percent(result.irr)} a year, is below that rate."
        return text
    return f"break-even, in today's money discounted at {rate}."


def _typical_outcome(yours: int, typical: int) -> str:
    """How it comes out on the typical figure, said against how it came out on the
    person's own (``yours``, ``typical``: the rounded net present values): "too" and
    "either" only where the two agree; "though" where the typical figure pays and
    the person's does not."""
    if typical > 0:
        if yours > 0:
            return f" On the typical figure it pays too: it returns {money(typical)} more."
        return f" On the typical figure, though, it pays: it returns {money(typical)} more."
    if typical < 0:
        cost = f"it costs {money(-typical)} more than it returns."
        if yours < 0:
            return f" On the typical figure it does not pay either: {cost}"
        return f" On the typical figure it does not pay: {cost}"
    return " On the typical figure it breaks even."


def verdict(result: RoiResult, *, estimated: bool = False) -> str:
    """The decision with its condition: the break-even salary beside the person's own
    expectation and, with a degree, the typical one; then how each comes out.

    ``estimated``: the person gave no expected salary, so the typical one stands in.
    """
    inputs = result.inputs
    bench = result.benchmark
    noun = DEGREE_NOUNS[bench.degree] if bench is not None else ""
    if estimated and bench is not None:
        beside = (
            f"you gave none, so the typical one for {noun} is used: {money(bench.expected_salary)}"
        )
    elif bench is not None:
        beside = (
            f"you expect {money(inputs.expected_salary)}; typical for {noun}: "
            f"{money(bench.expected_salary)}"
        )
    else:
        beside = f"you expect {money(inputs.expected_salary)}"
    if result.break_even_salary is None:
        text = (
            f"No yearly salary after it pays it back within {inputs.horizon} working years "
            f"({beside})."
        )
    else:
        only = "" if round(result.npv) >= 0 else "only "
        text = (
            f"Pays off {only}if you earn at least {money(result.break_even_salary)} a year "
            f"after it ({beside})."
        )
    figure = "the typical figure" if estimated else "your figure"
    text += f" On {figure} it is {_outcome(result)}"
    if bench is not None and not estimated:
        text += _typical_outcome(round(result.npv), round(bench.result.npv))
    ratio = raise_ratio(result)
    if ratio is not None and ratio > RAISE_CHECK and bench is not None and not estimated:
        raise_ = inputs.expected_salary - inputs.current_salary
        typical_raise = bench.expected_salary - inputs.current_salary
        text += (
            f" Your raise, {money(raise_)}, is {ratio:.1f} times the typical one for {noun}, "
            f"{money(typical_raise)}: check real job postings for the role you want before "
            "you count on it."
        )
    if inputs.completion < 1:
        text += (
            f" Costs count in full; gains only with the {short_percent(inputs.completion)}"
            " chance of finishing."
        )
    return text


def salary_notes(result: RoiResult, *, estimated: bool = False) -> list[str]:
    """Where the typical salary comes from (with its caveat), when there is one."""
    if result.benchmark is None:
        return []
    what = "Expected salary" if estimated else "Typical salary"
    return [result.benchmark.estimate.note(what=what)]
