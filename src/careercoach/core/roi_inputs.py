"""The inputs of the education ROI model: names, defaults, flags, and their checks.

Pure and stdlib only. :class:`RoiInputs` holds every input by the names SPEC.md gives
them (also the bank's ``roi:`` keys); :func:`problems` says what is wrong with a set of
them, one message per bad input naming it; :func:`inputs_from_mapping` builds them from a
bank's mapped answers. :mod:`careercoach.core.roi` re-exports all of it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
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
