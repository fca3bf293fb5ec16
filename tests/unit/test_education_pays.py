"""The BLS "Education pays" table shipped with the package, and salaries derived from it."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from careercoach.core import education_pays
from careercoach.core.education_pays import (
    DEGREES,
    LEVELS,
    default_from,
    expected_salary,
    load,
    step_problem,
)

# Median usual weekly earnings, 2023 (shared/data/bls-education-pays.md).
TABLE_2023 = {
    "doctorate": 2109,
    "professional": 2206,
    "master": 1737,
    "bachelor": 1493,
    "associate": 1058,
    "some_college": 992,
    "high_school": 899,
    "less_than_high_school": 708,
}
SOURCE = "https://www.bls.gov/careeroutlook/2024/data-on-display/education-pays.htm"


def test_the_data_file_is_inside_the_package() -> None:
    data_file = resources.files("careercoach").joinpath("data", "bls_education_pays.json")
    data = json.loads(data_file.read_text("utf-8"))
    assert data["year"] == 2023
    assert data["source"] == SOURCE
    assert {row["level"]: row["median_weekly_earnings"] for row in data["rows"]} == TABLE_2023
    assert {row["level"]: row["unemployment_rate"] for row in data["rows"]} == {
        "doctorate": 1.6,
        "professional": 1.2,
        "master": 2.0,
        "bachelor": 2.2,
        "associate": 2.7,
        "some_college": 3.3,
        "high_school": 3.9,
        "less_than_high_school": 5.6,
    }


def test_load() -> None:
    table = load()
    assert table.year == 2023
    assert table.source == SOURCE
    assert table.publisher == "US Bureau of Labor Statistics"
    assert dict(table.weekly_earnings) == TABLE_2023
    assert table.labels["master"] == "Master's degree"
    assert set(table.labels) == set(LEVELS)
    assert "not predictions for one person" in table.caveat


def test_default_from() -> None:
    assert [default_from(d) for d in DEGREES] == [
        "high_school",
        "high_school",
        "bachelor",
        "bachelor",
        "bachelor",
    ]


@pytest.mark.parametrize(
    ("current", "degree", "start", "expected"),
    [
        (80_000, "master", None, 93_074),  # 80,000 x 1737/1493 = 93,074.35
        (30_000, "bachelor", None, 49_822),  # 30,000 x 1493/899 = 49,822.02
        (30_000, "associate", None, 35_306),  # 30,000 x 1058/899 = 35,305.89
        (40_000, "bachelor", "some_college", 60_202),  # 40,000 x 1493/992 = 60,201.61
        (90_000, "professional", None, 132_981),  # 90,000 x 2206/1493 = 132,980.58
        (90_000, "doctorate", "master", 109_275),  # 90,000 x 2109/1737 = 109,274.61
        (25_000, "associate", "less_than_high_school", 37_359),  # 25,000 x 1058/708
    ],
)
def test_expected_salary(current: float, degree: str, start: str | None, expected: int) -> None:
    estimate = expected_salary(current, degree, start)
    table = TABLE_2023
    begin = start or default_from(degree)
    assert estimate.expected_salary == round(current * table[degree] / table[begin])
    assert estimate.expected_salary == expected
    assert estimate.from_level == begin
    assert estimate.ratio == table[degree] / table[begin]


def test_source_text_names_year_source_and_the_caveat() -> None:
    estimate = expected_salary(80_000, "master")
    assert estimate.source_text() == (
        'US Bureau of Labor Statistics, "Education pays" 2023 '
        f"({SOURCE}): median weekly earnings Master's degree 1,737 / "
        "Bachelor's degree 1,493 = 1.163 x current salary. "
        "Medians are not predictions for one person."
    )
    note = estimate.note()
    assert note.startswith("Expected salary 93,074 = current salary 80,000 x 1.163")
    assert "2023" in note
    assert SOURCE in note
    assert "Medians are not predictions for one person" in note


@pytest.mark.parametrize(
    ("degree", "start", "problem"),
    [
        ("associate", "master", "master is not below associate"),
        ("bachelor", "bachelor", "bachelor is not below bachelor"),
        ("doctorate", "professional", "professional is not below doctorate"),
        ("phd", "bachelor", "unknown degree 'phd'"),
        ("master", "college", "unknown level 'college'"),
    ],
)
def test_only_a_step_up_is_estimated(degree: str, start: str, problem: str) -> None:
    found = step_problem(degree, start)
    assert found is not None
    assert found.startswith(problem)
    with pytest.raises(ValueError, match=problem):
        expected_salary(50_000, degree, start)


def test_every_degree_has_a_default_step() -> None:
    for degree in DEGREES:
        assert step_problem(degree, default_from(degree)) is None
        assert expected_salary(50_000, degree).expected_salary > 50_000


def test_load_is_read_once() -> None:
    assert education_pays.load() is education_pays.load()
