"""The education return-on-investment model (SPEC.md, "The education ROI calculator").

Pure and stdlib only: ``careercoach roi`` and the plan's ``roi`` block both call it.

Yearly cash flows, year ``t = 1 .. horizon``, each at the end of its year:

* study years (``t <= years``): ``-cost / years``, and when studying full-time also
  ``-current_salary * (1 - tax_rate)`` (the salary given up, after tax);
* later years: ``completion * (expected_salary - current_salary) * (1 - tax_rate)``.

``flows[0]`` is year 1 (there is no year-0 flow). ``npv`` discounts year ``t`` by
``(1 + rate) ** t``; ``payback_year`` is the first year whose running discounted sum is
≥ 0; ``irr`` is the rate that makes the NPV zero, the one closest to 0 where there are
several, ``None`` where there is none.

Typical use::

    inputs = RoiInputs(cost=60_000, years=2, current_salary=70_000, expected_salary=90_000)
    problems(inputs)            # [] or one message per bad input, naming its flag
    result = evaluate(inputs)   # raises InvalidInputs when problems(inputs) is not empty
    result.to_json_dict()       # the SPEC's {"npv", "payback_years", "irr", ...}
    for scenario in sensitivity(inputs): ...

or, from a bank's ``roi:`` mapping, ``inputs_from_mapping({"cost": 60000, ...})``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

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
from careercoach.core.roi_rates import irr, npv, payback_year

__all__ = [
    "DEFAULTS",
    "DESCRIPTIONS",
    "FLAGS",
    "INPUT_NAMES",
    "MAX_AMOUNT",
    "MAX_HORIZON",
    "REQUIRED",
    "InvalidInputs",
    "RoiInputs",
    "RoiResult",
    "Scenario",
    "cash_flows",
    "check_input",
    "evaluate",
    "inputs_from_mapping",
    "irr",
    "npv",
    "payback_year",
    "problems",
    "scenario_inputs",
    "sensitivity",
    "sensitivity_json",
]


# --- the arithmetic ---------------------------------------------------------------------


def cash_flows(inputs: RoiInputs) -> list[float]:
    """Yearly flows for ``t = 1 .. horizon`` (index 0 is year 1), after tax."""
    years = int(inputs.years)
    keep = 1.0 - inputs.tax_rate
    study = -inputs.cost / years
    if inputs.full_time:
        study -= inputs.current_salary * keep
    gain = inputs.completion * (inputs.expected_salary - inputs.current_salary) * keep
    horizon = int(inputs.horizon)
    return [study + 0.0] * min(years, horizon) + [gain + 0.0] * max(horizon - years, 0)


# --- results ------------------------------------------------------------------------------


def _money(value: float) -> float:
    return round(value, 2) + 0.0


@dataclass(frozen=True)
class RoiResult:
    """What the model says for one set of inputs."""

    inputs: RoiInputs
    cash_flows: tuple[float, ...]
    npv: float
    payback_years: int | None
    irr: float | None

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
        return self.inputs.current_salary * (1 - self.inputs.tax_rate) * self.inputs.years

    @property
    def total_outlay(self) -> float:
        """Tuition plus the salary given up: everything paid before any return."""
        return self.tuition + self.forgone_salary

    @property
    def yearly_gain(self) -> float:
        """After-tax yearly gain once the degree is done (negative for a pay cut)."""
        return (self.inputs.expected_salary - self.inputs.current_salary) * (
            1 - self.inputs.tax_rate
        )

    @property
    def expected_yearly_gain(self) -> float:
        """``yearly_gain`` times the chance of finishing: the flow the model uses."""
        return self.yearly_gain * self.inputs.completion

    @property
    def gain_years(self) -> int:
        """Working years after the study, within the horizon."""
        return max(self.inputs.horizon - self.inputs.years, 0)

    def to_json_dict(self) -> dict[str, Any]:
        """SPEC's ``{"npv", "payback_years", "irr", "cash_flows", "inputs"}``.

        Money is rounded to cents and the IRR to 6 decimals (0.123457 is 12.3457%).
        """
        return {
            "npv": _money(self.npv),
            "payback_years": self.payback_years,
            "irr": None if self.irr is None else round(self.irr, 6) + 0.0,
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
    )


def evaluate(inputs: RoiInputs) -> RoiResult:
    """NPV, payback year and IRR for ``inputs``; :class:`InvalidInputs` if they are bad."""
    bad = problems(inputs)
    if bad:
        raise InvalidInputs(bad)
    return _evaluate(inputs)


class Scenario(NamedTuple):
    """One line of the sensitivity table."""

    key: str
    """Stable id: ``smaller_raise``, ``year_longer``, ``completion_60``, ``discount_0``,
    ``discount_7``."""
    label: str
    """What changed, in a few words a person reads."""
    result: RoiResult


def scenario_inputs(inputs: RoiInputs) -> list[tuple[str, str, RoiInputs]]:
    """The changed inputs behind :func:`sensitivity`, as ``(key, label, inputs)``."""
    raise_ = inputs.expected_salary - inputs.current_salary
    return [
        (
            "smaller_raise",
            "Raise 20% smaller",
            replace(inputs, expected_salary=inputs.current_salary + 0.8 * raise_),
        ),
        (
            "year_longer",
            "One more year of study",
            replace(inputs, years=inputs.years + 1, cost=inputs.cost + inputs.cost / inputs.years),
        ),
        ("completion_60", "60% chance of finishing", replace(inputs, completion=0.6)),
        ("discount_0", "Discount rate 0%", replace(inputs, discount_rate=0.0)),
        ("discount_7", "Discount rate 7%", replace(inputs, discount_rate=0.07)),
    ]


def sensitivity(inputs: RoiInputs) -> list[Scenario]:
    """How the answer moves: raise 20% smaller, a year longer (same yearly cost, so the
    total grows by ``cost/years``; the horizon stays), completion 60%, rates 0% and 7%.

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
