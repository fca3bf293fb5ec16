"""The education return-on-investment model (SPEC.md, "The education ROI calculator").

Pure and stdlib only: ``careercoach roi`` and the plan's ``roi`` block both call it.

Yearly cash flows, year ``t = 1 ..``, each at the end of its year, after tax, with
``g_t = (1 + salary_growth) ** (t - 1)`` (raises on both paths):

* study years (``t <= years``): ``-(cost - loan) / years`` (the borrowed part is paid
  later), and when studying full-time also ``-current_salary * g_t * (1 - tax_rate)``
  (the salary given up);
* working years (``years < t <= horizon``):
  ``completion * (expected_salary - current_salary) * g_t * (1 - tax_rate)``;
* loan years (``years < t <= years + loan_years``): ``-payment``, the standard
  amortization payment over ``loan_years`` at ``loan_rate`` of what is owed at the end of
  study (``loan / years`` drawn each study year, with interest from then on). A loan
  repaid after the horizon still counts: the flows then run to its last payment.

``npv``, ``payback_year`` and ``irr`` are in :mod:`careercoach.core.roi_rates`;
``break_even_salary`` is the lowest whole salary after the degree at which the NPV is
≥ 0; with a ``degree``, ``benchmark`` is the same model on the BLS ratio's salary.

Typical use::

    inputs = RoiInputs(cost=60_000, years=2, current_salary=70_000, expected_salary=90_000)
    problems(inputs)            # [] or one message per bad input, naming its flag
    result = evaluate(inputs)   # raises InvalidInputs when problems(inputs) is not empty
    result.to_json_dict()       # the SPEC's {"npv", "payback_years", "irr", ...}
    for scenario in sensitivity(inputs): ...

or, from a bank's ``roi:`` mapping, ``inputs_from_mapping({"cost": 60000, ...})``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from careercoach.core.roi_inputs import (
    DEFAULTS,
    DESCRIPTIONS,
    FLAGS,
    INPUT_NAMES,
    MAX_AMOUNT,
    MAX_HORIZON,
    REQUIRED,
    InvalidInputs,
    RoiInputs,
    check_input,
    inputs_from_mapping,
    problems,
)
from careercoach.core.roi_rates import irr, npv, npv_not_negative, payback_year

if TYPE_CHECKING:
    from careercoach.core.education_pays import SalaryEstimate

__all__ = [
    "DEFAULTS",
    "DESCRIPTIONS",
    "FLAGS",
    "INPUT_NAMES",
    "MAX_AMOUNT",
    "MAX_HORIZON",
    "REQUIRED",
    "Benchmark",
    "InvalidInputs",
    "RoiInputs",
    "RoiResult",
    "Scenario",
    "break_even_salary",
    "cash_flows",
    "check_input",
    "evaluate",
    "inputs_from_mapping",
    "irr",
    "loan_balance",
    "loan_payment",
    "npv",
    "payback_year",
    "problems",
    "scenario_inputs",
    "sensitivity",
    "sensitivity_json",
]

DEGREE_NOUNS = {
    "associate": "an associate degree",
    "bachelor": "a bachelor's",
    "master": "a master's",
    "professional": "a professional degree",
    "doctorate": "a doctorate",
}
"""A degree level in a sentence: "typical for a master's"."""


# --- the arithmetic ---------------------------------------------------------------------


def loan_payment(amount: float, rate: float, years: int) -> float:
    """The equal yearly payment that repays ``amount`` at ``rate`` over ``years``:
    ``amount * rate / (1 - (1 + rate) ** -years)``, ``amount / years`` at rate 0."""
    if amount == 0:
        return 0.0
    if rate == 0:
        return amount / years
    # 1 - (1 + rate) ** -years, without losing digits for rates near 0
    repaid_share = -math.expm1(-years * math.log1p(rate))
    # rate / repaid_share first: amount * rate underflows to 0 for a subnormal rate
    return amount * (rate / repaid_share)


def loan_balance(inputs: RoiInputs) -> float:
    """What is owed at the end of study: ``loan / years`` drawn at the end of each study
    year, with interest at ``loan_rate`` from then on (none on the last year's draw)."""
    years = int(inputs.years)
    draw = inputs.loan / years
    return math.fsum(draw * (1.0 + inputs.loan_rate) ** (years - t) for t in range(1, years + 1))


def _growth(inputs: RoiInputs, t: int) -> float:
    return (1.0 + inputs.salary_growth) ** (t - 1)


def cash_flows(inputs: RoiInputs) -> list[float]:
    """Yearly flows (index 0 is year 1), after tax: to the horizon, or to the last loan
    payment when that is later."""
    years, horizon = int(inputs.years), int(inputs.horizon)
    keep = 1.0 - inputs.tax_rate
    loan_years = int(inputs.loan_years) if inputs.loan > 0 else 0
    payment = loan_payment(loan_balance(inputs), inputs.loan_rate, loan_years or 1)
    gap = inputs.completion * (inputs.expected_salary - inputs.current_salary) * keep
    flows: list[float] = []
    for t in range(1, max(horizon, years + loan_years) + 1):
        flow = 0.0
        if t <= min(years, horizon):
            flow -= (inputs.cost - inputs.loan) / years
            if inputs.full_time:
                flow -= inputs.current_salary * _growth(inputs, t) * keep
        elif years < t <= horizon:
            flow += gap * _growth(inputs, t)
        if years < t <= years + loan_years:
            flow -= payment
        flows.append(flow + 0.0)
    return flows


def _pays_at_salary(inputs: RoiInputs, salary: float) -> bool:
    flows = cash_flows(replace(inputs, expected_salary=salary))
    return npv_not_negative(inputs.discount_rate, flows)


def break_even_salary(inputs: RoiInputs) -> int | None:
    """The lowest whole yearly salary after the degree at which the NPV is ≥ 0, every
    other input kept (an NPV within a billionth of the money moved counts as 0, as for
    the payback year); ``None`` when no salary up to ``MAX_AMOUNT`` gets there (or no
    working year is left after the study).

    The NPV is linear in the salary, so one step gives the estimate; a few whole-unit
    steps then settle it on the model's own NPV (NPV ≥ 0 there, < 0 one unit below).
    """
    years, horizon = int(inputs.years), int(inputs.horizon)
    keep = 1.0 - inputs.tax_rate
    slope = math.fsum(
        inputs.completion * keep * _growth(inputs, t) / (1.0 + inputs.discount_rate) ** t
        for t in range(years + 1, horizon + 1)
    )  # NPV gained per unit of salary
    if not slope > 0:
        return None
    no_raise = replace(inputs, expected_salary=inputs.current_salary)
    at_current = npv(inputs.discount_rate, cash_flows(no_raise))
    estimate = inputs.current_salary - at_current / slope
    if not estimate <= MAX_AMOUNT:
        return None
    low, high = math.floor(estimate) - 1, math.ceil(estimate) + 1  # NPV < 0 at low, ≥ 0 at high
    step = 1
    while low >= 0 and _pays_at_salary(inputs, low):
        low, step = low - step, step * 2
    step = 1
    while not _pays_at_salary(inputs, high):
        if high > MAX_AMOUNT:
            return None
        high, step = high + step, step * 2
    while high - low > 1:  # bisect the whole units
        middle = (low + high) // 2
        if _pays_at_salary(inputs, middle):
            high = middle
        else:
            low = middle
    return max(high, 0)


# --- results ------------------------------------------------------------------------------


def _money(value: float) -> float:
    return round(value, 2) + 0.0


@dataclass(frozen=True)
class Benchmark:
    """The same model on the typical salary for the degree (the BLS ratio)."""

    estimate: SalaryEstimate
    result: RoiResult

    @property
    def degree(self) -> str:
        return self.estimate.degree

    @property
    def from_degree(self) -> str:
        return self.estimate.from_level

    @property
    def expected_salary(self) -> float:
        return self.estimate.expected_salary

    def to_json_dict(self) -> dict[str, Any]:
        """``{degree, from_degree, expected_salary, npv, payback_years, irr, source}``."""
        data = self.result.to_json_dict()
        return {
            "degree": self.degree,
            "from_degree": self.from_degree,
            "expected_salary": float(self.expected_salary),
            "npv": data["npv"],
            "payback_years": data["payback_years"],
            "irr": data["irr"],
            "source": self.estimate.source_text(),
        }


@dataclass(frozen=True)
class RoiResult:
    """What the model says for one set of inputs."""

    inputs: RoiInputs
    cash_flows: tuple[float, ...]
    npv: float
    payback_years: int | None
    irr: float | None
    break_even_salary: int | None = None
    benchmark: Benchmark | None = None

    @property
    def tuition(self) -> float:
        """Total tuition and fees (``cost``)."""
        return self.inputs.cost

    @property
    def yearly_tuition(self) -> float:
        """Tuition and fees per study year (``cost / years``)."""
        return self.inputs.cost / self.inputs.years

    @property
    def forgone_salary(self) -> float:
        """After-tax salary given up over the study years (0 when part-time)."""
        if not self.inputs.full_time:
            return 0.0
        keep = 1 - self.inputs.tax_rate
        return math.fsum(
            self.inputs.current_salary * keep * _growth(self.inputs, t)
            for t in range(1, self.inputs.years + 1)
        )

    @property
    def total_outlay(self) -> float:
        """Tuition plus the salary given up: everything paid before any return."""
        return self.tuition + self.forgone_salary

    @property
    def loan_owed(self) -> float:
        """What is owed when study ends: the loan with the interest of the study years."""
        return loan_balance(self.inputs)

    @property
    def yearly_payment(self) -> float:
        """The loan's yearly payment (0 without a loan)."""
        return loan_payment(self.loan_owed, self.inputs.loan_rate, self.inputs.loan_years)

    @property
    def loan_repaid(self) -> float:
        """Every loan payment added up (the amount borrowed plus all its interest)."""
        return self.yearly_payment * self.inputs.loan_years

    @property
    def yearly_gain(self) -> float:
        """After-tax yearly gain at today's salaries (negative for a pay cut); with
        ``salary_growth`` each later year's gain grows from it."""
        return (self.inputs.expected_salary - self.inputs.current_salary) * (
            1 - self.inputs.tax_rate
        )

    @property
    def expected_yearly_gain(self) -> float:
        """``yearly_gain`` times the chance of finishing."""
        return self.yearly_gain * self.inputs.completion

    @property
    def expected_total_gain(self) -> float:
        """Every working year's expected gain, grown, before discounting."""
        return math.fsum(
            self.expected_yearly_gain * _growth(self.inputs, t)
            for t in range(self.inputs.years + 1, self.inputs.horizon + 1)
        )

    @property
    def gain_years(self) -> int:
        """Working years after the study, within the horizon."""
        return max(self.inputs.horizon - self.inputs.years, 0)

    def to_json_dict(self) -> dict[str, Any]:
        """SPEC's ``{"npv", "payback_years", "irr", "break_even_salary", "benchmark",
        "cash_flows", "inputs"}``.

        Money is rounded to cents and the IRR to 6 decimals (0.123457 is 12.3457%).
        """
        return {
            "npv": _money(self.npv),
            "payback_years": self.payback_years,
            "irr": None if self.irr is None else round(self.irr, 6) + 0.0,
            "break_even_salary": self.break_even_salary,
            "benchmark": None if self.benchmark is None else self.benchmark.to_json_dict(),
            "cash_flows": [_money(v) for v in self.cash_flows],
            "inputs": self.inputs.to_json_dict(),
        }


def _evaluate(inputs: RoiInputs) -> RoiResult:
    flows = cash_flows(inputs)
    return RoiResult(
        inputs=inputs,
        cash_flows=tuple(flows),
        npv=npv(inputs.discount_rate, flows) + 0.0,
        payback_years=payback_year(inputs.discount_rate, flows),
        irr=irr(flows),
        break_even_salary=break_even_salary(inputs),
        benchmark=_benchmark(inputs),
    )


def _benchmark(inputs: RoiInputs) -> Benchmark | None:
    """The same model on the typical salary; ``None`` without a degree, or without a
    current salary for the BLS ratio to scale (0 times any ratio says nothing)."""
    if inputs.degree is None or inputs.current_salary <= 0:
        return None
    from careercoach.core.education_pays import expected_salary

    estimate = expected_salary(inputs.current_salary, inputs.degree, inputs.from_degree)
    typical = replace(
        inputs, expected_salary=estimate.expected_salary, degree=None, from_degree=None
    )
    return Benchmark(estimate=estimate, result=_evaluate(typical))


def evaluate(inputs: RoiInputs) -> RoiResult:
    """NPV, payback year, IRR, break-even salary and (with a degree) the benchmark for
    ``inputs``; :class:`InvalidInputs` if they are bad."""
    bad = problems(inputs)
    if bad:
        raise InvalidInputs(bad)
    return _evaluate(inputs)


def raise_ratio(result: RoiResult) -> float | None:
    """The person's raise over the typical one for the degree (``None`` without a
    benchmark, or when the typical raise is not above 0)."""
    if result.benchmark is None:
        return None
    typical = result.benchmark.expected_salary - result.inputs.current_salary
    if typical <= 0:
        return None
    return (result.inputs.expected_salary - result.inputs.current_salary) / typical


class Scenario(NamedTuple):
    """One line of the sensitivity table."""

    key: str
    """Stable id: ``smaller_raise`` (``deeper_cut`` for a pay cut), ``year_longer``,
    ``completion_60``, ``discount_0``, ``discount_7``, and ``typical_raise`` with a
    degree."""
    label: str
    """What changed, in a few words a person reads."""
    result: RoiResult


def scenario_inputs(inputs: RoiInputs) -> list[tuple[str, str, RoiInputs]]:
    """The changed inputs behind :func:`sensitivity`, as ``(key, label, inputs)``.

    Each scenario is a worse case than the one entered, except the discount rates (the
    two sides) and the typical raise: for a pay cut, the cut 20% deeper.
    """
    degree, from_degree = inputs.degree, inputs.from_degree
    inputs = replace(inputs, degree=None, from_degree=None)  # no benchmark of each line
    change = inputs.expected_salary - inputs.current_salary
    if change < 0:
        worse: tuple[str, str, RoiInputs] = (
            "deeper_cut",
            "Pay cut 20% deeper",
            replace(inputs, expected_salary=max(inputs.current_salary + 1.2 * change, 0.0)),
        )
    else:
        worse = (
            "smaller_raise",
            "Raise 20% smaller",
            replace(inputs, expected_salary=inputs.current_salary + 0.8 * change),
        )
    scenarios = [
        worse,
        (
            "year_longer",
            "One more year of study",
            replace(
                inputs,
                years=inputs.years + 1,
                cost=inputs.cost + inputs.cost / inputs.years,
            ),
        ),
        ("completion_60", "60% chance of finishing", replace(inputs, completion=0.6)),
        ("discount_0", "Discount rate 0%", replace(inputs, discount_rate=0.0)),
        ("discount_7", "Discount rate 7%", replace(inputs, discount_rate=0.07)),
    ]
    if degree is not None and inputs.current_salary > 0:
        from careercoach.core.education_pays import expected_salary

        typical = expected_salary(inputs.current_salary, degree, from_degree)
        scenarios.append(
            (
                "typical_raise",
                f"Typical raise for {DEGREE_NOUNS[degree]}",
                replace(inputs, expected_salary=typical.expected_salary),
            )
        )
    return scenarios


def sensitivity(inputs: RoiInputs) -> list[Scenario]:
    """How the answer moves: raise 20% smaller (a pay cut 20% deeper), a year longer
    (same yearly cost, so the total grows by ``cost/years``; the horizon stays),
    completion 60%, rates 0% and 7%, and the typical raise for the degree if known.

    A year longer may leave no working years inside the horizon: that line then shows
    the cost alone (it is not an error).
    """
    bad = problems(inputs)
    if bad:
        raise InvalidInputs(bad)
    return [
        Scenario(key, label, _evaluate(changed)) for key, label, changed in scenario_inputs(inputs)
    ]


def sensitivity_json(scenarios: Sequence[Scenario]) -> list[dict[str, Any]]:
    """The sensitivity lines for JSON: ``case``, ``label``, ``npv``, ``payback_years``, ``irr``."""
    rows: list[dict[str, Any]] = []
    for scenario in scenarios:
        data = scenario.result.to_json_dict()
        rows.append(
            {
                "case": scenario.key,
                "label": scenario.label,
                "npv": data["npv"],
                "payback_years": data["payback_years"],
                "irr": data["irr"],
            }
        )
    return rows
