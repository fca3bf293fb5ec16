"""The words every view of a plan uses for the return on a degree and for a bank's
verdict (which way the evidence points): split from ``plan_wording``, which re-exports
them. Plain text, never escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from careercoach.core.dates import count

if TYPE_CHECKING:
    from careercoach.core.models import Plan, Verdict
    from careercoach.core.roi import RoiResult, Scenario

LEANING_WORDS: dict[str, str] = {
    "for": "leans for",
    "against": "leans against",
    "mixed": "is mixed",
}


def verdict_heading(verdict: Verdict) -> str:
    """``Do you need more education? The evidence leans against.``: the bank's title (its
    id in plans stored before titles), then which way the evidence points."""
    leaning = LEANING_WORDS[verdict.leaning]
    title = verdict.title.strip() or verdict.bank
    if title.endswith(("?", ".", "!")):
        return f"{title} The evidence {leaning}."
    return f"{title}: the evidence {leaning}."


def hundredths(value: float) -> Decimal:
    """``value`` rounded half up to two decimals (``0.375``: ``0.38``), as a person would."""
    return Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def number(value: float | Decimal) -> str:
    """``0.75``, ``1``, ``2.5``: at most two decimals (half up), no trailing zeros."""
    rounded = value if isinstance(value, Decimal) else hundredths(value)
    text = f"{rounded:.2f}".rstrip("0").rstrip(".")
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


def licensed_job_caveat(plan: Plan, result: RoiResult) -> str | None:
    """When the plan found that the job wanted has its own entry requirement (education's
    ``job`` at moderate or high: a license, a board exam), what the typical salary
    compares, and that it is a rough guide for such a job; None otherwise, or without a
    typical salary. Names the levels of the table only: no figure of its own."""
    bench = result.benchmark
    licensed = any(
        (d.bank, d.id) == ("education", "job") and d.level != "low" for d in plan.dimensions
    )
    if bench is None or not licensed:
        return None
    labels = bench.estimate.table.labels

    def level(key: str) -> str:
        words = labels[key].lower()
        return f"{'an' if words[:1] in 'aeiou' else 'a'} {words}"

    degree, start = level(bench.estimate.degree), level(bench.estimate.from_level)
    return (
        f"The typical figure compares everyone whose highest qualification is {degree} "
        f"with everyone whose highest is {start}, in every field: a rough guide only. The "
        "job you want has its own entry requirement, so what people in that job are paid "
        "now, where you would work, is a better guide to your figure."
    )


def roi_verdict(plan: Plan, result: RoiResult) -> list[str]:
    """The verdict, then, as paragraphs of their own, what the typical salary compares
    when the job wanted is licensed (:func:`licensed_job_caveat`) and where it comes
    from (with its caveat): the terminal view's order."""
    from careercoach.ui.roi_report import salary_notes, verdict

    caveat = licensed_job_caveat(plan, result)
    first = " ".join(filter(None, [money_against_evidence(plan, result), verdict(result)]))
    return [first, *([caveat] if caveat else []), *salary_notes(result)]


def money_against_evidence(plan: Plan, result: RoiResult) -> str | None:
    """When the figures and the rest of the answers point different ways (the degree
    pays on the person's own figures while the evidence leans against it, or the other
    way round), one sentence that says so, to read before the figures' verdict; None
    when they agree, or there is no verdict."""
    leaning = plan.verdicts[0].leaning if plan.verdicts else None
    pays = round(result.npv) >= 0
    if leaning == "against" and pays:
        return (
            "The money works on your figures, but your other answers lean against the "
            "degree for now (see which way the evidence points): a return on paper settles "
            "the money only, so weigh those answers before you decide."
        )
    if leaning == "for" and not pays:
        return (
            "Your answers lean toward the degree, but the money does not work on your "
            "figures: look for a cheaper or part-time route to the same qualification "
            "before you decide."
        )
    return None
