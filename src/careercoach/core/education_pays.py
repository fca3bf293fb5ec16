"""Expected salary after a degree, from the BLS "Education pays" table shipped as data.

The table (``data/bls_education_pays.json``: year, source URL, rows of median weekly
earnings by educational attainment) gives a ratio, not a prediction: a person's expected
salary is their current salary times the median weekly earnings at the degree over the
median at their current level. Every figure derived from it carries the year and the
source, and says that medians are not predictions for one person.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

DATA_FILE = "bls_education_pays.json"

# Attainment levels, lowest first; professional and doctoral degrees share a rank.
LEVELS: tuple[str, ...] = (
    "less_than_high_school",
    "high_school",
    "some_college",
    "associate",
    "bachelor",
    "master",
    "professional",
    "doctorate",
)
DEGREES: tuple[str, ...] = ("associate", "bachelor", "master", "professional", "doctorate")
_RANK: Mapping[str, int] = {
    "less_than_high_school": 0,
    "high_school": 1,
    "some_college": 2,
    "associate": 3,
    "bachelor": 4,
    "master": 5,
    "professional": 6,
    "doctorate": 6,
}
_GRADUATE = frozenset({"master", "professional", "doctorate"})


@dataclass(frozen=True)
class EducationPays:
    """The table: median weekly earnings (USD) by level, and where it comes from."""

    year: int
    source: str
    publisher: str
    title: str
    caveat: str
    weekly_earnings: Mapping[str, float]
    labels: Mapping[str, str]


@functools.cache
def load() -> EducationPays:
    """The shipped table (read once)."""
    text = resources.files("careercoach").joinpath("data", DATA_FILE).read_text("utf-8")
    data = json.loads(text)
    rows = data["rows"]
    return EducationPays(
        year=int(data["year"]),
        source=str(data["source"]),
        publisher=str(data["publisher"]),
        title=str(data["title"]),
        caveat=str(data["caveat"]),
        weekly_earnings={str(r["level"]): float(r["median_weekly_earnings"]) for r in rows},
        labels={str(r["level"]): str(r["label"]) for r in rows},
    )


def default_from(degree: str) -> str:
    """The level a person is assumed to start from: a bachelor's for a graduate degree,
    a high school diploma otherwise."""
    return "bachelor" if degree in _GRADUATE else "high_school"


def step_problem(degree: str, from_level: str) -> str | None:
    """Why ``degree`` from ``from_level`` cannot be estimated, or ``None`` if it can."""
    if degree not in DEGREES:
        return f"unknown degree {degree!r} (one of: {', '.join(DEGREES)})"
    if from_level not in LEVELS:
        return f"unknown level {from_level!r} (one of: {', '.join(LEVELS)})"
    if _RANK[from_level] >= _RANK[degree]:
        return f"{from_level} is not below {degree}: the ratio only estimates a step up"
    return None


@dataclass(frozen=True)
class SalaryEstimate:
    """An expected salary from the table, with everything needed to say where it came from."""

    expected_salary: float
    current_salary: float
    degree: str
    from_level: str
    ratio: float
    table: EducationPays

    def source_text(self) -> str:
        """One line for ``roi --json``'s ``expected_salary_source``."""
        t = self.table
        return (
            f'{t.publisher}, "Education pays" {t.year} ({t.source}): median weekly '
            f"earnings {t.labels[self.degree]} {t.weekly_earnings[self.degree]:,.0f} / "
            f"{t.labels[self.from_level]} {t.weekly_earnings[self.from_level]:,.0f} = "
            f"{self.ratio:.3f} x current salary. Medians are not predictions for one person."
        )

    def note(self, what: str = "Expected salary") -> str:
        """A short paragraph for the text report (the report wraps it); ``what`` names
        the figure (``Typical salary`` beside the person's own)."""
        t = self.table
        return (
            f"{what} {self.expected_salary:,.0f} = current salary "
            f"{self.current_salary:,.0f} x {self.ratio:.3f}, the ratio of median weekly "
            f"earnings in {t.year}, {t.labels[self.degree]} "
            f"{t.weekly_earnings[self.degree]:,.0f} to {t.labels[self.from_level]} "
            f"{t.weekly_earnings[self.from_level]:,.0f}. Medians are not predictions for "
            "one person: field, occupation, place and experience move pay more than the "
            "degree alone. "
            f'Source: {t.publisher}, "Education pays" {t.year}, {t.source}'
        )


def expected_salary(
    current_salary: float, degree: str, from_level: str | None = None
) -> SalaryEstimate:
    """``current_salary`` times weekly earnings at ``degree`` over those at ``from_level``
    (default :func:`default_from`), rounded to a whole amount. ``ValueError`` on a level
    that is unknown or not below the degree."""
    start = from_level or default_from(degree)
    problem = step_problem(degree, start)
    if problem:
        raise ValueError(problem)
    table = load()
    ratio = table.weekly_earnings[degree] / table.weekly_earnings[start]
    return SalaryEstimate(
        expected_salary=float(round(current_salary * ratio)),
        current_salary=current_salary,
        degree=degree,
        from_level=start,
        ratio=ratio,
        table=table,
    )
