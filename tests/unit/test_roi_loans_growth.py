"""Issue 17: break-even salary, the typical raise beside the person's, loans and raises.

Checked by hand, against numpy-financial (flows built independently with ``npf.fv`` and
``npf.pmt``), and by the properties the issue lists.
"""

from __future__ import annotations

import math
import random
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import numpy_financial as npf
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from careercoach.core.models import LikertQuestion, Plan
from careercoach.core.planning import build_plan
from careercoach.core.roi import (
    RoiInputs,
    break_even_salary,
    cash_flows,
    evaluate,
    loan_balance,
    loan_payment,
    npv,
    problems,
    sensitivity,
)
from careercoach.core.scoring import score_banks
from careercoach.storage.banks import load_banks

# The issue's example: a $120,000 full-time master's, 75,000 now, 110,000 expected.
MBA = RoiInputs(
    cost=120_000,
    years=2,
    current_salary=75_000,
    expected_salary=110_000,
    full_time=True,
    degree="master",
)


# --- by hand ----------------------------------------------------------------------------------


def test_the_issue_example_break_even_and_benchmark() -> None:
    result = evaluate(MBA)
    # study: -60,000 - 56,250 a year; PV 222,441 = 0.75 x (S - 75,000) x 17.687 -> S 91,769
    assert result.break_even_salary == 91_769
    assert round(result.npv) == 241_842
    assert result.benchmark is not None
    data = result.to_json_dict()["benchmark"]
    source = data.pop("source")
    assert data == {
        "degree": "master",
        "from_degree": "bachelor",
        "expected_salary": 87_257.0,  # 75,000 x 1,737 / 1,493
        "npv": -59_848.94,
        "payback_years": None,
        "irr": 0.006908,
    }
    assert "Education pays" in source and "2023" in source


def test_break_even_does_not_depend_on_the_expected_salary() -> None:
    assert {break_even_salary(replace(MBA, expected_salary=s)) for s in (0, 80e3, 1e6)} == {91_769}


def test_break_even_of_a_free_part_time_course_is_the_current_salary() -> None:
    free = RoiInputs(cost=0, years=1, current_salary=50_000, expected_salary=50_000)
    assert break_even_salary(free) == 50_000


def test_no_break_even_when_no_salary_gets_there() -> None:
    # a 1% chance of finishing, 99% tax and 100% discount: each unit of salary adds
    # almost nothing, so no salary up to 10**12 repays 10**12
    hopeless = RoiInputs(
        cost=1e12, years=1, current_salary=0, expected_salary=1, completion=0.01,
        tax_rate=0.99, discount_rate=1.0, horizon=2,
    )  # fmt: skip
    assert break_even_salary(hopeless) is None
    assert evaluate(hopeless).to_json_dict()["break_even_salary"] is None


def test_loan_flows_by_hand() -> None:
    # 60,000 over 2 years, 40,000 of it borrowed at 10% over 2 years, tax 0, horizon 4:
    # drawn 20,000 a year; owed 22,000 + 20,000 = 42,000 at the end of study;
    # payment 42,000 x 0.1 / (1 - 1.1**-2) = 24,200
    inputs = RoiInputs(
        cost=60_000, years=2, current_salary=70_000, expected_salary=80_000, tax_rate=0,
        horizon=4, loan=40_000, loan_rate=0.1, loan_years=2,
    )  # fmt: skip
    assert loan_balance(inputs) == pytest.approx(42_000)
    assert loan_payment(42_000, 0.1, 2) == pytest.approx(24_200)
    assert cash_flows(inputs) == pytest.approx([-10_000, -10_000, -14_200, -14_200])
    result = evaluate(inputs)
    assert result.loan_owed == pytest.approx(42_000)
    assert result.loan_repaid == pytest.approx(48_400)


def test_a_loan_repaid_after_the_horizon_still_counts() -> None:
    inputs = RoiInputs(
        cost=10_000, years=1, current_salary=0, expected_salary=0, tax_rate=0, horizon=2,
        loan=10_000, loan_rate=0, loan_years=4,
    )  # fmt: skip
    assert cash_flows(inputs) == [0.0, -2_500.0, -2_500.0, -2_500.0, -2_500.0]


def test_loan_payment_at_rate_zero_and_near_it() -> None:
    assert loan_payment(10_000, 0.0, 4) == 2_500.0
    assert loan_payment(10_000, 1e-12, 4) == pytest.approx(2_500.0, rel=1e-9)
    assert loan_payment(0.0, 0.05, 10) == 0.0


def test_growth_applies_to_both_salaries_from_year_two() -> None:
    # full-time, 1 year, growth 10%, tax 0: year 1 gives up 50,000; years 2-3 gain
    # 10,000 x 1.1 and 10,000 x 1.21
    inputs = RoiInputs(
        cost=0, years=1, current_salary=50_000, expected_salary=60_000, full_time=True,
        tax_rate=0, horizon=3, salary_growth=0.1,
    )  # fmt: skip
    assert cash_flows(inputs) == pytest.approx([-50_000, 11_000, 12_100])
    result = evaluate(inputs)
    assert result.forgone_salary == pytest.approx(50_000)
    assert result.expected_total_gain == pytest.approx(23_100)


def test_the_typical_raise_is_a_sensitivity_line() -> None:
    rows = {s.key: s for s in sensitivity(MBA)}
    assert rows["typical_raise"].label == "Typical raise for a master's"
    assert round(rows["typical_raise"].result.npv) == -59_849
    assert "typical_raise" not in {s.key for s in sensitivity(replace(MBA, degree=None))}


def test_a_pay_cut_line_is_a_deeper_cut() -> None:
    cut = RoiInputs(cost=10_000, years=1, current_salary=60_000, expected_salary=50_000)
    first = sensitivity(cut)[0]
    assert (first.key, first.label) == ("deeper_cut", "Pay cut 20% deeper")
    assert first.result.inputs.expected_salary == 48_000
    assert first.result.npv < evaluate(cut).npv


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"loan": -1.0}, "--loan must be 0 or more (got -1)"),
        (
            {"loan": 70_000.0},
            "--loan must be at most --cost, 60,000: the loan pays part of the cost (got 70000)",
        ),
        ({"loan_rate": -0.6}, "--loan-rate must be between -0.5 and 1 (got -0.6)"),
        ({"loan_rate": 5.0}, "--loan-rate must be between -0.5 and 1 (got 5); for 5% write 0.05"),
        ({"loan_years": 0}, "--loan-years must be a whole number of at least 1 (got 0)"),
        ({"loan_years": 101}, "--loan-years must be at most 100 years (got 101)"),
        ({"salary_growth": 0.6}, "--salary-growth must be between -0.5 and 0.5 (got 0.6)"),
        ({"salary_growth": -0.51}, "--salary-growth must be between -0.5 and 0.5 (got -0.51)"),
        (
            {"salary_growth": 2.0},
            "--salary-growth must be between -0.5 and 0.5 (got 2); for 2% write 0.02",
        ),
        (
            {"degree": "phd"},
            "--degree must be one of associate, bachelor, master, professional, doctorate "
            "(got 'phd')",
        ),
        (
            {"from_degree": "bachelor"},
            "--from needs --degree: it is the level the degree's typical raise starts from",
        ),
        (
            {"degree": "associate", "from_degree": "master"},
            "--from master is not below --degree associate: the BLS ratio only estimates a "
            "step up",
        ),
        ({"completion": 80.0}, "--completion must be more than 0 and at most 1 (got 80); "
         "for 80% write 0.8"),
    ],
)  # fmt: skip
def test_bad_loan_growth_and_degree_inputs(change: dict[str, object], message: str) -> None:
    base = RoiInputs(cost=60_000, years=2, current_salary=70_000, expected_salary=90_000)
    assert problems(replace(base, **change)) == [message]  # type: ignore[arg-type]


def test_edges_of_the_new_ranges_are_good() -> None:
    base = RoiInputs(cost=60_000, years=2, current_salary=70_000, expected_salary=90_000)
    for change in (
        {"loan": 60_000.0, "loan_rate": -0.5, "loan_years": 100},
        {"loan_rate": 1.0, "salary_growth": 0.5},
        {"salary_growth": -0.5},
    ):
        assert problems(replace(base, **change)) == []  # type: ignore[arg-type]


# --- against numpy-financial ---------------------------------------------------------------


def reference_flows(i: RoiInputs) -> list[float]:
    """The issue's model written again, with numpy-financial's annuity formulas."""
    keep = 1 - i.tax_rate
    n_loan = i.loan_years if i.loan > 0 else 0
    owed = -float(npf.fv(i.loan_rate, i.years, i.loan / i.years, 0)) if n_loan else 0.0
    payment = -float(npf.pmt(i.loan_rate, n_loan, owed)) if n_loan else 0.0
    flows = []
    for t in range(1, max(i.horizon, i.years + n_loan) + 1):
        grown = (1 + i.salary_growth) ** (t - 1)
        flow = 0.0
        if t <= i.years:
            flow -= (i.cost - i.loan) / i.years
            flow -= i.current_salary * grown * keep if i.full_time else 0.0
        elif t <= i.horizon:
            flow += i.completion * (i.expected_salary - i.current_salary) * grown * keep
        if i.years < t <= i.years + n_loan:
            flow -= payment
        flows.append(flow)
    return flows


def reference_npv(i: RoiInputs, salary: float | None = None) -> float:
    if salary is not None:
        i = replace(i, expected_salary=salary)
    return float(npf.npv(i.discount_rate, [0.0, *reference_flows(i)]))


def generated(count: int, seed: int) -> list[RoiInputs]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        years = rng.randint(1, 5)
        cost = rng.uniform(1_000, 250_000)
        current = rng.uniform(20_000, 150_000)
        cases.append(
            RoiInputs(
                cost=cost,
                years=years,
                current_salary=current,
                expected_salary=current + rng.uniform(-10_000, 80_000),
                full_time=rng.random() < 0.5,
                completion=rng.uniform(0.3, 1.0),
                discount_rate=rng.uniform(-0.02, 0.1),
                tax_rate=rng.uniform(0, 0.45),
                horizon=rng.randint(years + 1, 45),
                loan=rng.choice([0.0, rng.uniform(0, cost)]),
                loan_rate=rng.uniform(-0.02, 0.12),
                loan_years=rng.randint(1, 30),
                salary_growth=rng.choice([0.0, rng.uniform(-0.05, 0.08)]),
            )
        )
    return cases


CASES = generated(40, seed=17)


def test_generated_cases_cover_loans_growth_and_both_study_modes() -> None:
    assert sum(1 for i in CASES if i.loan > 0) >= 10
    assert sum(1 for i in CASES if i.salary_growth != 0) >= 10
    assert sum(1 for i in CASES if i.full_time) >= 10
    assert any(i.years + i.loan_years > i.horizon and i.loan > 0 for i in CASES)


@pytest.mark.parametrize("inputs", CASES, ids=lambda i: f"y{i.years}h{i.horizon}l{i.loan_years}")
def test_flows_and_npv_match_numpy_financial(inputs: RoiInputs) -> None:
    assert cash_flows(inputs) == pytest.approx(reference_flows(inputs), rel=1e-9, abs=1e-6)
    assert evaluate(inputs).npv == pytest.approx(reference_npv(inputs), rel=1e-9, abs=1e-5)


@pytest.mark.parametrize("inputs", CASES, ids=lambda i: f"y{i.years}h{i.horizon}l{i.loan_years}")
def test_break_even_against_numpy_financial(inputs: RoiInputs) -> None:
    salary = break_even_salary(inputs)
    assert salary is not None
    assert reference_npv(inputs, salary) >= 0
    assert reference_npv(inputs, salary - 1) < 0


# --- properties -------------------------------------------------------------------------------


def money(high: float) -> st.SearchStrategy[float]:
    return st.integers(0, round(high * 100)).map(lambda cents: cents / 100)


@st.composite
def with_loans(draw: st.DrawFn) -> RoiInputs:
    years = draw(st.integers(1, 6))
    current = draw(money(300_000))
    return RoiInputs(
        cost=draw(money(500_000)),
        years=years,
        current_salary=current,
        expected_salary=current + draw(money(200_000)),
        full_time=draw(st.booleans()),
        completion=draw(st.floats(0.05, 1.0)),
        discount_rate=draw(st.floats(-0.2, 0.5)),
        tax_rate=draw(st.floats(0, 0.9)),
        horizon=draw(st.integers(years + 1, 60)),
        loan_rate=draw(st.floats(-0.5, 1.0)),
        loan_years=draw(st.integers(1, 40)),
        salary_growth=draw(st.floats(-0.5, 0.5)),
    )


def tolerance(inputs: RoiInputs) -> float:
    """Rounding in a sum of this many flows of this size."""
    return 1e-9 * max(npv(inputs.discount_rate, [abs(f) for f in cash_flows(inputs)]), 1.0)


@settings(max_examples=200)
@given(with_loans(), st.floats(0, 1), st.floats(0, 1))
@example(  # a subnormal rate: amount * rate underflowed to 0, and the loan was never repaid
    RoiInputs(
        cost=0.01,
        years=1,
        current_salary=0.0,
        expected_salary=0.0,
        full_time=False,
        discount_rate=5e-324,
        tax_rate=0.0,
        horizon=2,
        loan_rate=5e-324,
        loan_years=1,
    ),
    0.0,
    1.0,
)
def test_a_larger_loan_never_raises_npv_at_a_rate_at_or_above_the_discount_rate(
    inputs: RoiInputs, share1: float, share2: float
) -> None:
    inputs = replace(inputs, loan_rate=max(inputs.loan_rate, inputs.discount_rate))
    small, large = sorted((share1 * inputs.cost, share2 * inputs.cost))
    less, more = replace(inputs, loan=small), replace(inputs, loan=large)
    assert evaluate(more).npv <= evaluate(less).npv + tolerance(more) + tolerance(less)


def test_borrowing_below_the_discount_rate_is_a_subsidy() -> None:
    cheap = replace(MBA, loan_rate=0.0, loan_years=10)
    assert evaluate(replace(cheap, loan=100_000)).npv > evaluate(cheap).npv


@settings(max_examples=200)
@given(with_loans(), st.floats(-0.5, 0.5), st.floats(-0.5, 0.5))
def test_part_time_with_a_gain_a_higher_growth_never_lowers_npv(
    inputs: RoiInputs, g1: float, g2: float
) -> None:
    inputs = replace(inputs, full_time=False, expected_salary=inputs.expected_salary + 1)
    low, high = sorted((g1, g2))
    slow, fast = replace(inputs, salary_growth=low), replace(inputs, salary_growth=high)
    assert evaluate(fast).npv >= evaluate(slow).npv - tolerance(fast) - tolerance(slow)


@settings(max_examples=200)
@given(with_loans(), st.floats(0, 1))
def test_break_even_is_at_or_above_the_current_salary_when_it_costs(
    inputs: RoiInputs, share: float
) -> None:
    inputs = replace(inputs, cost=max(inputs.cost, 0.01), loan=share * max(inputs.cost, 0.01))
    salary = break_even_salary(inputs)
    if salary is not None:  # None: no salary up to 10**12 gets there
        assert salary >= inputs.current_salary


@settings(max_examples=100)
@given(with_loans())
@example(  # found on a fresh machine: the tolerance must scale with the break-even's flows
    RoiInputs(
        cost=499999.99,
        years=5,
        current_salary=0.0,
        expected_salary=0.0,
        full_time=False,
        discount_rate=0.5,
        tax_rate=0.0,
        horizon=7,
        loan_rate=0.0,
        loan_years=1,
        salary_growth=-0.5,
    )
)
def test_break_even_is_the_lowest_whole_salary_that_pays(inputs: RoiInputs) -> None:
    salary = break_even_salary(inputs)
    if salary is None:
        return
    rate = inputs.discount_rate
    paid, short = (
        replace(inputs, expected_salary=salary),
        replace(inputs, expected_salary=salary - 1),
    )
    at, below = npv(rate, cash_flows(paid)), npv(rate, cash_flows(short))
    # "Within a billionth of the money moved" is of the money moved at that salary, which
    # can be far more than at the person's own figure (a raise that shrinks 50% a year).
    assert at >= -tolerance(paid)
    assert below < tolerance(short)
    assert math.isfinite(at)


# --- the education bank feeds the plan's roi: the degree and the loan -------------------------


def education_plan(**figures: object) -> Plan:
    bank = next(entry.bank for entry in load_banks() if entry.bank.id == "education")
    answers: dict[str, Any] = {q.id: 3 for q in bank.questions if isinstance(q, LikertQuestion)}
    answers |= {
        "program_in_mind": "yes_program",
        "program_cost": 120_000,
        "program_years": 2,
        "current_salary": 75_000,
        "expected_salary": 110_000,
        "study_mode": "full_time",
        "completion_chance": 1,
        "qualification": "master",
        "program_loan": 0,
        **figures,
    }
    return build_plan(
        score_banks([bank], {bank.id: answers}),
        assessment_id=None,
        finished_at=datetime(2026, 12, 5, tzinfo=UTC),
        tool_version="test",
    )


def test_the_plan_shows_the_benchmark_for_the_qualification_the_bank_asked() -> None:
    plan = education_plan()
    assert plan.roi is not None
    assert plan.roi["break_even_salary"] == 91_769
    assert plan.roi["benchmark"]["npv"] == -59_848.94
    assert plan.roi["inputs"]["degree"] == "master"


def test_a_certificate_has_no_benchmark_and_a_loan_counts() -> None:
    plan = education_plan(qualification="certificate", program_loan=60_000)
    assert plan.roi is not None
    assert plan.roi["benchmark"] is None
    assert plan.roi["inputs"]["loan"] == 60_000
    without = education_plan(qualification="certificate").roi
    assert without is not None
    assert plan.roi["npv"] < without["npv"]  # 5% interest, above the 3% discount rate


def test_a_loan_over_the_cost_is_a_plan_warning() -> None:
    plan = education_plan(program_loan=200_000)
    assert plan.roi is None
    assert plan.warnings[-1:] == [
        "The return on the degree could not be worked out: education.program_loan must be "
        "at most education.program_cost, 120,000: the loan pays part of the cost (got 200000)."
    ]


def test_the_verdict_when_no_salary_pays_it_back() -> None:
    from careercoach.ui.roi_report import verdict

    hopeless = RoiInputs(
        cost=1e12, years=1, current_salary=0, expected_salary=1, completion=0.5,
        tax_rate=0.99, discount_rate=1.0, horizon=2,
    )  # fmt: skip
    assert verdict(evaluate(hopeless)).startswith(
        "No yearly salary after it pays it back within 2 working years (you expect 1). On "
        "your figure it is not worth it: over 2 years it costs 500,000,000,000 more than it "
        "returns"
    )


def test_the_verdict_never_says_worth_it_alone() -> None:
    from careercoach.ui.roi_report import verdict

    for inputs in CASES:
        text = verdict(evaluate(inputs))
        assert text.startswith(("Pays off if you earn at least ", "Pays off only if you earn"))
        assert f"(you expect {round(inputs.expected_salary):,}" in text
