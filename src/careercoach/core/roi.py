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

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

# The inputs, by the names SPEC.md gives them (also the bank's ``roi:`` keys).
INPUT_NAMES: tuple[str, ...] = (
    "cost",
    "years",
    "current_salary",
    "expected_salary",
    "full_time",
    "completion",
    "discount_rate",
    "tax_rate",
    "horizon",
)
REQUIRED: tuple[str, ...] = ("cost", "years", "current_salary", "expected_salary")
DEFAULTS: Mapping[str, bool | float | int] = {
    "full_time": False,
    "completion": 1.0,
    "discount_rate": 0.03,
    "tax_rate": 0.25,
    "horizon": 30,
}
# How ``problems`` names each input by default: its ``careercoach roi`` flag.
FLAGS: Mapping[str, str] = {
    "cost": "--cost",
    "years": "--years",
    "current_salary": "--current-salary",
    "expected_salary": "--expected-salary",
    "full_time": "--full-time",
    "completion": "--completion",
    "discount_rate": "--discount-rate",
    "tax_rate": "--tax-rate",
    "horizon": "--horizon",
}
# What each input means, in a few words (for prompts and messages).
DESCRIPTIONS: Mapping[str, str] = {
    "cost": "total tuition and fees",
    "years": "years of study",
    "current_salary": "current yearly salary",
    "expected_salary": "expected yearly salary after the degree",
    "full_time": "study full-time (give up the salary) or part-time",
    "completion": "chance of finishing, 0 < p <= 1",
    "discount_rate": "yearly real discount rate",
    "tax_rate": "tax rate on the salary difference",
    "horizon": "working years left, counted from now",
}

MAX_AMOUNT = 1e12
"""Largest money amount accepted (keeps every sum finite and exact enough)."""
MAX_HORIZON = 100
"""Longest horizon accepted, in years (keeps ``(1 + rate) ** -t`` finite for every rate)."""

# Payback: a running discounted sum counts as "reached 0" when it is within this fraction
# of the money moved so far (so rounding never moves the payback year: 3 x 100000/3).
_PAYBACK_REL_TOL = 1e-9


class InvalidInputs(ValueError):
    """Inputs the model cannot use; ``problems`` holds one message per bad input."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems: list[str] = list(problems)


@dataclass(frozen=True)
class RoiInputs:
    """Every input of the model, by the SPEC's names, with the SPEC's defaults."""

    cost: float
    years: int
    current_salary: float
    expected_salary: float
    full_time: bool = False
    completion: float = 1.0
    discount_rate: float = 0.03
    tax_rate: float = 0.25
    horizon: int = 30

    def to_json_dict(self) -> dict[str, Any]:
        """Every input by its SPEC name (``full_time`` as a bool)."""
        return {
            "cost": float(self.cost),
            "years": int(self.years),
            "current_salary": float(self.current_salary),
            "expected_salary": float(self.expected_salary),
            "full_time": bool(self.full_time),
            "completion": float(self.completion),
            "discount_rate": float(self.discount_rate),
            "tax_rate": float(self.tax_rate),
            "horizon": int(self.horizon),
        }


def _fmt(value: object) -> str:
    """A value as a person typed it: 2 not 2.0, 0.5, nan, 'text'."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return f"{value:.0f}"
    if isinstance(value, float):
        return f"{value:g}"
    return repr(value) if isinstance(value, str) else str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_whole(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


def check_input(name: str, value: object, *, label: str | None = None) -> str | None:
    """The problem with one input on its own, or ``None``; ``label`` names it (its flag).

    Cross-input rules (``horizon`` longer than ``years``) are in :func:`problems`.
    """
    label = label or FLAGS[name]
    got = f"(got {_fmt(value)})"
    if name == "full_time":
        return None if isinstance(value, bool) else f"{label} must be true or false {got}"
    if name in ("years", "horizon"):
        if not _is_whole(value) or float(value) < 1:  # type: ignore[arg-type]
            return f"{label} must be a whole number of at least 1 {got}"
        if name == "horizon" and float(value) > MAX_HORIZON:  # type: ignore[arg-type]
            return f"{label} must be at most {MAX_HORIZON} years {got}"
        return None
    if not _is_number(value):
        return f"{label} must be a number {got}"
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number):
        return f"{label} must be a finite number {got}"
    if name in ("cost", "current_salary", "expected_salary"):
        if number < 0:
            return f"{label} must be 0 or more {got}"
        if number > MAX_AMOUNT:
            return f"{label} must be at most {MAX_AMOUNT:,.0f} {got}"
        return None
    if name == "completion":
        if not 0 < number <= 1:
            return f"{label} must be more than 0 and at most 1 {got}"
        return None
    if name == "discount_rate":
        if not -0.5 < number <= 1:
            hint = f"; for {number:g}% write {number / 100:g}" if 1 < number <= 100 else ""
            return f"{label} must be more than -0.5 and at most 1 {got}{hint}"
        return None
    if name == "tax_rate":
        if not 0 <= number < 1:
            hint = f"; for {number:g}% write {number / 100:g}" if 1 < number < 100 else ""
            return f"{label} must be at least 0 and less than 1 {got}{hint}"
        return None
    raise KeyError(name)


def problems(
    inputs: RoiInputs, *, names: Mapping[str, str] | Callable[[str], str] | None = None
) -> list[str]:
    """One message per bad input, each naming it (by default by its flag), in SPEC order.

    ``names`` maps an input name to how the messages should call it (a mapping or a
    function), e.g. a bank question ``education.tuition`` instead of ``--cost``.
    """

    def label(name: str) -> str:
        if names is None:
            return FLAGS[name]
        if callable(names):
            return names(name)
        return names.get(name, FLAGS[name])

    found: list[str] = []
    for name in INPUT_NAMES:
        problem = check_input(name, getattr(inputs, name), label=label(name))
        if problem:
            found.append(problem)
    years, horizon = inputs.years, inputs.horizon
    if (
        _is_whole(years)
        and _is_whole(horizon)
        and years >= 1
        and 1 <= horizon <= MAX_HORIZON
        and horizon <= years
    ):
        found.append(
            f"{label('horizon')} must be longer than {label('years')}: the degree needs "
            f"working years after it (got {_fmt(horizon)} with {label('years')} {_fmt(years)})"
        )
    return found


def inputs_from_mapping(
    values: Mapping[str, object], *, names: Mapping[str, str] | Callable[[str], str] | None = None
) -> RoiInputs:
    """Inputs from ``{name: value}`` (a bank's mapped answers); missing optional ones default.

    ``full_time`` may be a bool or the option ids ``"full_time"`` / ``"part_time"``;
    ``years`` and ``horizon`` may be whole floats. Raises :class:`InvalidInputs` listing
    every problem (unknown names, missing required inputs, bad values).
    """
    found: list[str] = []
    unknown = sorted(set(values) - set(INPUT_NAMES))
    found.extend(
        f"unknown ROI input {name!r} (known: {', '.join(INPUT_NAMES)})" for name in unknown
    )

    def label(name: str) -> str:
        if names is None:
            return name
        return names(name) if callable(names) else names.get(name, name)

    found.extend(
        f"{label(name)} is required ({DESCRIPTIONS[name]})"
        for name in REQUIRED
        if values.get(name) is None
    )
    if found:
        raise InvalidInputs(found)
    merged: dict[str, Any] = {**DEFAULTS, **{k: v for k, v in values.items() if v is not None}}
    full_time = merged["full_time"]
    if full_time in ("full_time", "part_time"):
        merged["full_time"] = full_time == "full_time"
    for name in ("years", "horizon"):
        if _is_whole(merged[name]):
            merged[name] = int(merged[name])
    inputs = RoiInputs(**merged)
    bad = problems(inputs, names=names if names is not None else (lambda n: n))
    if bad:
        raise InvalidInputs(bad)
    return inputs


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


def _discounted(rate: float, flows: Sequence[float]) -> list[float]:
    if not rate > -1:
        raise ValueError(f"the discount rate must be more than -1 (got {rate})")
    base = 1.0 + rate
    terms: list[float] = []
    for t, flow in enumerate(flows, start=1):
        if flow == 0:
            terms.append(0.0)
            continue
        try:
            factor = base**-t  # underflows to 0 for huge rates
        except OverflowError:  # rates near -1 over many years
            factor = math.inf
        terms.append(flow * factor)
    return terms


def npv(rate: float, flows: Sequence[float]) -> float:
    """Net present value: ``sum(flows[t-1] / (1 + rate) ** t)`` for ``t = 1 ..`` (fsum)."""
    return math.fsum(_discounted(rate, flows))


def payback_year(rate: float, flows: Sequence[float]) -> int | None:
    """The first year ``t`` whose running sum of discounted flows is ≥ 0, else ``None``."""
    running: list[float] = []
    scale = 0.0
    for t, term in enumerate(_discounted(rate, flows), start=1):
        running.append(term)
        scale += abs(term)
        if math.fsum(running) >= -_PAYBACK_REL_TOL * scale:
            return t
    return None


def _strip_zeros(flows: Sequence[float]) -> list[float]:
    """Drop leading and trailing zero flows: they do not move the roots of the NPV."""
    values = [float(v) for v in flows]
    start = next((i for i, v in enumerate(values) if v != 0), len(values))
    end = len(values)
    while end > start and values[end - 1] == 0:
        end -= 1
    return values[start:end]


# For c = the stripped flows c_1..c_n, two bounded functions with the sign of the NPV:
#   rate >= 0, x = 1/(1+rate) in (0, 1]:  sum c_t x**(t-1)  = NPV·(1+rate)  -> c_1 as rate -> inf
#   rate <= 0, y = 1+rate     in (0, 1]:  sum c_t y**(n-t)  = NPV·y**n      -> c_n as rate -> -1
# Both equal sum(c) at rate 0, so together they cover (-1, inf) with no overflow.
def _in_x(c: Sequence[float], x: float) -> float:
    acc = 0.0
    for value in reversed(c):
        acc = acc * x + value
    return acc


def _in_y(c: Sequence[float], y: float) -> float:
    acc = 0.0
    for value in c:
        acc = acc * y + value
    return acc


def _bisect(fn: Callable[[float], float], lo: float, hi: float, f_lo: float) -> float:
    """A root of ``fn`` in ``[lo, hi]`` where ``fn(lo)`` and ``fn(hi)`` differ in sign."""
    for _ in range(2000):
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            break
        f_mid = fn(mid)
        if f_mid == 0:
            return mid
        if (f_mid < 0) == (f_lo < 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2


# The scan grid, in the variables above: 0 is the open end (rate -1 or +inf), 1 is rate 0.
# Steps of 0.005 near rate 0 (in rate for negative rates, in x for positive ones: rates
# 0.5%, 1.0%, ... then coarser up to about 200 = x 0.005), plus a few points near the ends.
_GRID: tuple[float, ...] = (0.0, 1e-6, 1e-4, 1e-3, *(i / 200 for i in range(1, 201)))


def _sign_changes(c: Sequence[float]) -> int:
    signs = [v > 0 for v in c if v != 0]
    return sum(1 for a, b in itertools.pairwise(signs) if a != b)


def _representable(rate: float) -> float | None:
    """``rate`` if a float holds it inside (-1, inf), else ``None``."""
    return rate + 0.0 if -1.0 < rate < math.inf else None


def irr(flows: Sequence[float]) -> float | None:
    """The internal rate of return: the rate in (-1, inf) where ``npv`` is 0.

    The one closest to 0 where there are several, ``None`` where there is none (all
    flows of one sign, or all zero). One sign change in the flows (costs, then gains)
    means exactly one root (Descartes' rule), found by bisection over the whole range;
    otherwise a grid of rates is scanned for sign changes and each bracket bisected
    (two roots closer together than the grid step can be missed; so can a root where
    the NPV touches 0 without changing sign). A root too close to -1 or too large for
    a float (flows many orders of magnitude apart) counts as none.
    """
    c = _strip_zeros(flows)
    changes = _sign_changes(c)
    if changes == 0:
        return None
    at_zero = math.fsum(c)
    if at_zero == 0:
        return 0.0

    def by_x(x: float) -> float:
        return _in_x(c, x)

    def by_y(y: float) -> float:
        return _in_y(c, y)

    def rate_of_y(y: float) -> float:
        return y - 1.0

    def rate_of_x(x: float) -> float:
        return 1.0 / x - 1.0 if x > 0 else math.inf

    if changes == 1:
        # One root: on the side of rate 0 whose far end has the other sign.
        if (c[0] < 0) != (at_zero < 0):  # x in (0, 1): a positive rate
            return _representable(rate_of_x(_bisect(by_x, 0.0, 1.0, c[0])))
        return _representable(rate_of_y(_bisect(by_y, 0.0, 1.0, c[-1])))

    sides: tuple[tuple[Callable[[float], float], Callable[[float], float]], ...] = (
        (by_y, rate_of_y),
        (by_x, rate_of_x),
    )
    roots: list[float] = []
    for fn, to_rate in sides:
        prev: tuple[float, float] | None = None
        for point in _GRID:
            value = fn(point)
            if value == 0:
                roots.append(to_rate(point))
                prev = None
                continue
            if prev is not None and (prev[1] < 0) != (value < 0):
                roots.append(to_rate(_bisect(fn, prev[0], point, prev[1])))
            prev = (point, value)
    found = [r for r in roots if _representable(r) is not None]
    return min(found, key=abs) + 0.0 if found else None


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
