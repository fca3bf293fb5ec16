"""The inputs of the education ROI model: names, defaults, flags, and their checks.

Pure and stdlib only. :class:`RoiInputs` holds every input by the names SPEC.md gives
them (also the bank's ``roi:`` keys); :func:`problems` says what is wrong with a set of
them, one message per bad input naming it; :func:`inputs_from_mapping` builds them from a
bank's mapped answers. :mod:`careercoach.core.roi` re-exports all of it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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
    "loan",
    "loan_rate",
    "loan_years",
    "salary_growth",
    "degree",
    "from_degree",
)
REQUIRED: tuple[str, ...] = ("cost", "years", "current_salary", "expected_salary")
DEFAULTS: Mapping[str, bool | float | int | None] = {
    "full_time": False,
    "completion": 1.0,
    "discount_rate": 0.03,
    "tax_rate": 0.25,
    "horizon": 30,
    "loan": 0.0,
    "loan_rate": 0.05,
    "loan_years": 10,
    "salary_growth": 0.0,
    "degree": None,
    "from_degree": None,
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
    "loan": "--loan",
    "loan_rate": "--loan-rate",
    "loan_years": "--loan-years",
    "salary_growth": "--salary-growth",
    "degree": "--degree",
    "from_degree": "--from",
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
    "loan": "amount borrowed toward the cost",
    "loan_rate": "yearly interest rate of the loan",
    "loan_years": "years to repay the loan, from the end of study",
    "salary_growth": "yearly raise on both salaries, -0.5 to 0.5",
    "degree": "the degree, for the typical raise (BLS medians)",
    "from_degree": "your level now, for the typical raise",
}
# Inputs given as a fraction, where "5" may have been meant as 5%.
FRACTIONS: tuple[str, ...] = (
    "completion",
    "discount_rate",
    "tax_rate",
    "loan_rate",
    "salary_growth",
)

MAX_AMOUNT = 1e12
"""Largest money amount accepted (keeps every sum finite and exact enough)."""
MAX_HORIZON = 100
"""Longest horizon (and loan term) accepted, in years (keeps every power finite)."""


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
    loan: float = 0.0
    loan_rate: float = 0.05
    loan_years: int = 10
    salary_growth: float = 0.0
    degree: str | None = None
    from_degree: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        """Every input by its SPEC name (``full_time`` as a bool, no degree as null)."""
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
            "loan": float(self.loan),
            "loan_rate": float(self.loan_rate),
            "loan_years": int(self.loan_years),
            "salary_growth": float(self.salary_growth),
            "degree": self.degree,
            "from_degree": self.from_degree,
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


def _percent_hint(number: float, *, percent_sign: bool) -> str:
    """``; for 80% write 0.8`` (``or 80%`` where the reader accepts it) for a number that
    looks like a percentage typed without its sign."""
    if not 1 < number <= 100:
        return ""
    also = f" or {number:g}%" if percent_sign else ""
    return f"; for {number:g}% write {number / 100:g}{also}"


def check_input(
    name: str, value: object, *, label: str | None = None, percent_sign: bool = False
) -> str | None:
    """The problem with one input on its own, or ``None``; ``label`` names it (its flag).

    ``percent_sign``: the reader of the value accepts ``80%`` (the flags do), so a hint
    may suggest it. Cross-input rules (``horizon`` longer than ``years``, a loan within
    the cost, a level below the degree) are in :func:`problems`.
    """
    label = label or FLAGS[name]
    got = f"(got {_fmt(value)})"
    if name == "full_time":
        return None if isinstance(value, bool) else f"{label} must be true or false {got}"
    if name in ("degree", "from_degree"):
        return _level_problem(name, value, label)
    if name in ("years", "horizon", "loan_years"):
        if not _is_whole(value) or float(value) < 1:  # type: ignore[arg-type]
            return f"{label} must be a whole number of at least 1 {got}"
        if name != "years" and float(value) > MAX_HORIZON:  # type: ignore[arg-type]
            return f"{label} must be at most {MAX_HORIZON} years {got}"
        return None
    if not _is_number(value):
        return f"{label} must be a number {got}"
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number):
        return f"{label} must be a finite number {got}"
    hint = ""
    if name in FRACTIONS and not (name == "completion" and number < 2):  # 1.01 is no 1%
        hint = _percent_hint(number, percent_sign=percent_sign)
    if name in ("cost", "current_salary", "expected_salary", "loan"):
        if number < 0:
            return f"{label} must be 0 or more {got}"
        if number > MAX_AMOUNT:
            return f"{label} must be at most {MAX_AMOUNT:,.0f} {got}"
        return None
    ranges = {  # name: (low, low included, high, high included)
        "completion": (0.0, False, 1.0, True),
        "discount_rate": (-0.5, False, 1.0, True),
        "tax_rate": (0.0, True, 1.0, False),
        "loan_rate": (-0.5, True, 1.0, True),
        "salary_growth": (-0.5, True, 0.5, True),
    }
    if name not in ranges:
        raise KeyError(name)
    low, low_in, high, high_in = ranges[name]
    if (low <= number if low_in else low < number) and (
        number <= high if high_in else number < high
    ):
        return None
    if low_in and high_in:
        return f"{label} must be between {low:g} and {high:g} {got}{hint}"
    lower = f"at least {low:g}" if low_in else f"more than {low:g}"
    upper = f"at most {high:g}" if high_in else f"less than {high:g}"
    return f"{label} must be {lower} and {upper} {got}{hint}"


def mapped_question_problem(
    name: str,
    question_id: str,
    kind: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    option_ids: Collection[str] = (),
) -> str | None:
    """What is wrong with mapping the bank question ``question_id`` (of type ``kind``)
    onto the input ``name`` in a ``roi:`` section, or ``None``: the wrong type, options
    the calculator does not know, or a ``min``/``max`` that lets through an answer the
    calculator refuses (a loan rate of 2, zero loan years)."""
    from careercoach.core.education_pays import DEGREES, LEVELS

    if name == "full_time":
        if kind == "single" and set(option_ids) == {"full_time", "part_time"}:
            return None
        return f"'{question_id}' must be a single question with the options full_time and part_time"
    if name in ("degree", "from_degree"):  # options that are no level: no typical figure
        levels = DEGREES if name == "degree" else LEVELS
        if kind == "single" and set(option_ids) & set(levels):
            return None
        return (
            f"'{question_id}' must be a single question with at least one option among "
            f"{', '.join(levels)}"
        )
    if kind != "number":
        return f"'{question_id}' must be a number question"
    for key, bound in (("min", minimum), ("max", maximum)):
        if bound is None:
            continue
        value: float | int = int(bound) if _is_whole(bound) else bound
        problem = check_input(name, value, label=f"its {key}")
        if problem:
            return f"'{question_id}' allows answers the calculator refuses: {problem}"
    return None


def _level_problem(name: str, value: object, label: str) -> str | None:
    from careercoach.core.education_pays import DEGREES, LEVELS

    if value is None:
        return None
    allowed = DEGREES if name == "degree" else LEVELS
    if value in allowed:
        return None
    return f"{label} must be one of {', '.join(allowed)} (got {_fmt(value)})"


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
    bad: set[str] = set()
    for name in INPUT_NAMES:
        problem = check_input(name, getattr(inputs, name), label=label(name))
        if problem:
            found.append(problem)
            bad.add(name)

    def good(*names: str) -> bool:  # the rules across inputs need each one good alone
        return not bad.intersection(names)

    years, horizon = inputs.years, inputs.horizon
    if good("years", "horizon") and horizon <= years:
        found.append(
            f"{label('horizon')} must be longer than {label('years')}: the degree needs "
            f"working years after it (got {_fmt(horizon)} with {label('years')} {_fmt(years)})"
        )
    if good("loan", "cost") and inputs.loan > inputs.cost:
        found.append(
            f"{label('loan')} must be at most {label('cost')}, {inputs.cost:,.0f}: the loan "
            f"pays part of the cost (got {_fmt(inputs.loan)})"
        )
    if not good("degree", "from_degree"):
        pass
    elif inputs.from_degree is not None and inputs.degree is None:
        found.append(
            f"{label('from_degree')} needs {label('degree')}: it is the level the degree's "
            "typical raise starts from"
        )
    elif inputs.degree is not None and inputs.from_degree is not None:
        from careercoach.core.education_pays import step_problem

        if step_problem(inputs.degree, inputs.from_degree):
            found.append(
                f"{label('from_degree')} {inputs.from_degree} is not below {label('degree')} "
                f"{inputs.degree}: the BLS ratio only estimates a step up"
            )
    return found


def inputs_from_mapping(
    values: Mapping[str, object], *, names: Mapping[str, str] | Callable[[str], str] | None = None
) -> RoiInputs:
    """Inputs from ``{name: value}`` (a bank's mapped answers); missing optional ones default.

    ``full_time`` may be a bool or the option ids ``"full_time"`` / ``"part_time"``;
    ``degree`` and ``from_degree`` a level, or an option id that is none (no typical
    figure); ``years``, ``horizon``
    and ``loan_years`` may be whole floats. Raises :class:`InvalidInputs` listing
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
    from careercoach.core.education_pays import DEGREES, LEVELS

    for name, levels in (("degree", DEGREES), ("from_degree", LEVELS)):
        if isinstance(merged[name], str) and merged[name] not in levels:
            merged[name] = None  # an option such as "certificate": no typical figure
    for name in ("years", "horizon", "loan_years"):
        if _is_whole(merged[name]):
            merged[name] = int(merged[name])
    inputs = RoiInputs(**merged)
    bad = problems(inputs, names=names if names is not None else (lambda n: n))
    if bad:
        raise InvalidInputs(bad)
    return inputs
