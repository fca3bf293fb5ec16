"""``careercoach roi`` through CliRunner: JSON, text, every bad input, and the prompts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from careercoach.cli import app, roi
from careercoach.errors import Interrupted
from careercoach.ui import prompts

runner = CliRunner()

SOURCE = "https://www.bls.gov/careeroutlook/2024/data-on-display/education-pays.htm"
EXAMPLE = ["--cost", "60000", "--years", "2", "--current-salary", "70000"]


def run(*args: str) -> Any:
    return runner.invoke(app, ["roi", *args])


def run_json(*args: str) -> dict[str, Any]:
    result = run("--json", *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def problem_lines(result: Any) -> list[str]:
    """stderr's lines, without the ``careercoach: `` every line may start with."""
    return [line.removeprefix("careercoach: ") for line in result.stderr.splitlines()]


# --- JSON ------------------------------------------------------------------------------------


def test_json_by_hand() -> None:
    data = run_json(
        "--cost", "100", "--years", "1", "--current-salary", "0",
        "--expected-salary", "110", "--tax-rate", "0", "--horizon", "2",
    )  # fmt: skip
    sensitivity = data.pop("sensitivity")
    assert data == {
        "npv": 6.6,  # -100/1.03 + 110/1.03**2
        "payback_years": 2,
        "irr": 0.1,
        "break_even_salary": 103,  # 100 x 1.03
        "benchmark": None,
        "cash_flows": [-100.0, 110.0],
        "inputs": {
            "cost": 100.0,
            "years": 1,
            "current_salary": 0.0,
            "expected_salary": 110.0,
            "full_time": False,
            "completion": 1.0,
            "discount_rate": 0.03,
            "tax_rate": 0.0,
            "horizon": 2,
            "loan": 0.0,
            "loan_rate": 0.05,
            "loan_years": 10,
            "salary_growth": 0.0,
            "degree": None,
            "from_degree": None,
        },
        "expected_salary_source": None,
    }
    assert [row["case"] for row in sensitivity] == [
        "smaller_raise",
        "year_longer",
        "completion_60",
        "discount_0",
        "discount_7",
    ]
    # a year longer: 200 over 2 years, and no working year left in a horizon of 2
    assert sensitivity[1] == {
        "case": "year_longer",
        "label": "One more year of study",
        "npv": round(-100 / 1.03 - 100 / 1.03**2, 2),
        "payback_years": None,
        "irr": None,
    }
    assert sensitivity[3]["npv"] == 10.0


def test_json_defaults_and_the_example() -> None:
    data = run_json(*EXAMPLE, "--expected-salary", "90000")
    assert data["inputs"] == {
        "cost": 60000.0,
        "years": 2,
        "current_salary": 70000.0,
        "expected_salary": 90000.0,
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
    assert data["cash_flows"] == [-30000.0] * 2 + [15000.0] * 28
    assert data["npv"] == 207900.48
    assert data["payback_years"] == 7
    assert data["irr"] == 0.224034


def test_json_full_time_and_the_other_inputs() -> None:
    data = run_json(
        *EXAMPLE, "--expected-salary", "90,000", "--full-time", "--completion", "90%",
        "--discount-rate", "0", "--tax-rate", "25%", "--horizon", "5",
    )  # fmt: skip
    assert data["inputs"]["full_time"] is True
    assert data["inputs"]["completion"] == 0.9
    assert data["inputs"]["tax_rate"] == 0.25
    # study: -30,000 tuition - 52,500 salary given up; after: 0.9 x 15,000
    assert data["cash_flows"] == [-82500.0, -82500.0, 13500.0, 13500.0, 13500.0]
    assert data["npv"] == -124500.0
    assert data["payback_years"] is None
    assert data["irr"] is not None and data["irr"] < 0


def test_part_time_is_the_default_and_can_be_said() -> None:
    assert (
        run_json(*EXAMPLE, "--expected-salary", "9e4", "--part-time")["inputs"]["full_time"]
        is False
    )


def test_degree_fills_the_expected_salary_and_says_where_from() -> None:
    data = run_json("--cost", "120000", "--years", "2", "--current-salary", "80000",
                    "--degree", "master")  # fmt: skip
    assert data["inputs"]["expected_salary"] == 93074.0  # 80,000 x 1737 / 1493
    source = data["expected_salary_source"]
    assert "2023" in source
    assert SOURCE in source
    assert "Master's degree 1,737 / Bachelor's degree 1,493" in source
    assert "not predictions for one person" in source


def test_degree_from_another_level() -> None:
    data = run_json(*EXAMPLE, "--degree", "bachelor", "--from", "some_college")
    assert data["inputs"]["expected_salary"] == 105353.0  # 70,000 x 1493 / 992 = 105,352.82
    assert "Some college, no degree 992" in data["expected_salary_source"]


def test_an_expected_salary_given_wins_over_the_degree() -> None:
    data = run_json(*EXAMPLE, "--expected-salary", "75000", "--degree", "master")
    assert data["inputs"]["expected_salary"] == 75000.0
    assert data["expected_salary_source"] is None


# --- text --------------------------------------------------------------------------------------


def test_text_says_it_plainly() -> None:
    result = run(*EXAMPLE, "--expected-salary", "90000")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "\x1b" not in result.stdout
    assert lines[:18] == [
        "Does the degree pay?",
        "",
        "What it costs",
        "  Tuition and fees                60,000   30,000 a year for 2 years",
        "  Salary given up                      0   studying part-time",
        "",
        "What it returns",
        "  Yearly gain after tax           15,000   years 3-30 (28 years)",
        "  Expected yearly gain            15,000   x 100% chance of finishing",
        "  Expected total gain            420,000   before discounting",
        "",
        "The answer (3% discount rate, 30 working years)",
        "  Net present value             +207,900   in today's money",
        "  Pays back                       year 7   discounted running total >= 0",
        "  Internal rate of return          22.4%   the yearly return that breaks even",
        "  Break-even salary               74,328   lowest salary after it that pays",
        "",
        "Pays off if you earn at least 74,328 a year after it (you expect 90,000). On",
    ]
    table = lines[lines.index("  What if                         NPV   Pays back     IRR") :]
    assert table[1:7] == [
        "  As entered                 +207,900      year 7   22.4%",
        "  Raise 20% smaller          +154,840      year 8   18.2%",
        "  One more year of study     +166,719     year 10   14.1%",
        "  60% chance of finishing    +101,779     year 10   13.7%",
        "  Discount rate 0%           +360,000      year 6   22.4%",
        "  Discount rate 7%           +104,775      year 8   22.4%",
    ]


def test_text_full_time_counts_the_salary_given_up() -> None:
    result = run(*EXAMPLE, "--expected-salary", "90000", "--full-time", "--completion", "0.9")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "  Salary given up                105,000   after tax, 2 years full-time" in out
    assert "  Total outlay                   165,000   before any return" in out
    assert "  Expected yearly gain            13,500   x 90% chance of finishing" in out
    assert "gains only with the 90% chance of finishing." in out


def test_text_when_it_does_not_pay() -> None:
    result = run(*EXAMPLE, "--expected-salary", "71000", "--horizon", "10")
    assert result.exit_code == 0, result.output
    assert "  Pays back               not by year 10   discounted running total >= 0" in (
        result.stdout
    )
    flat = " ".join(result.stdout.split())
    assert "Pays off only if you earn at least 81,568 a year after it (you expect 71,000)." in flat
    assert "On your figure it is not worth it: over 10 years it costs" in flat
    assert "It does not pay back within 10 years." in flat


def test_text_with_a_degree_names_the_source_and_the_caveat() -> None:
    result = run(*EXAMPLE, "--degree", "master")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "Expected salary 81,440 = current salary 70,000 x 1.163" in flat
    assert '"Education pays" 2023' in flat
    assert SOURCE in result.stdout.splitlines()
    assert "Medians are not predictions for one person" in flat


# --- bad input: exit 2, one line each, no traceback -------------------------------------------


BAD = [
    (["--cost", "-1"], "--cost must be 0 or more (got -1)"),
    (["--cost", "abc"], "--cost must be a number (got 'abc')"),
    (["--cost", "nan"], "--cost must be a finite number (got nan)"),
    (["--cost", "1e13"], "--cost must be at most 1,000,000,000,000 (got 10000000000000)"),
    (["--years", "0"], "--years must be a whole number of at least 1 (got 0)"),
    (["--years", "1.5"], "--years must be a whole number of at least 1 (got 1.5)"),
    (["--years", "two"], "--years must be a number (got 'two')"),
    (["--current-salary", "-5"], "--current-salary must be 0 or more (got -5)"),
    (["--expected-salary", "-5"], "--expected-salary must be 0 or more (got -5)"),
    (["--completion", "0"], "--completion must be more than 0 and at most 1 (got 0)"),
    (["--completion", "1.5"], "--completion must be more than 0 and at most 1 (got 1.5)"),
    (["--completion", "150%"], "--completion must be more than 0 and at most 1 (got 1.5)"),
    (
        ["--discount-rate", "-0.5"],
        "--discount-rate must be more than -0.5 and at most 1 (got -0.5)",
    ),
    (
        ["--discount-rate", "3"],
        "--discount-rate must be more than -0.5 and at most 1 (got 3); for 3% write 0.03 or 3%",
    ),
    (["--tax-rate", "1"], "--tax-rate must be at least 0 and less than 1 (got 1)"),
    (["--tax-rate", "-0.1"], "--tax-rate must be at least 0 and less than 1 (got -0.1)"),
    (["--horizon", "0"], "--horizon must be a whole number of at least 1 (got 0)"),
    (["--horizon", "101"], "--horizon must be at most 100 years (got 101)"),
    (
        ["--horizon", "2"],
        "--horizon must be longer than --years: the degree needs working years after it "
        "(got 2 with --years 2)",
    ),
    (
        ["--degree", "phd"],
        "--degree must be one of associate, bachelor, master, professional, doctorate (got 'phd')",
    ),
    (
        ["--degree", "master", "--from", "college"],
        "--from must be one of less_than_high_school, high_school, some_college, associate, "
        "bachelor, master, professional, doctorate (got 'college')",
    ),
    (
        ["--degree", "associate", "--from", "master"],
        "--from master is not below --degree associate: the BLS ratio only estimates a step up",
    ),
    (
        ["--completion", "80"],
        "--completion must be more than 0 and at most 1 (got 80); for 80% write 0.8 or 80%",
    ),
    (["--loan", "-1"], "--loan must be 0 or more (got -1)"),
    (
        ["--loan", "70000"],
        "--loan must be at most --cost, 60,000: the loan pays part of the cost (got 70000)",
    ),
    (["--loan-rate", "-0.6"], "--loan-rate must be between -0.5 and 1 (got -0.6)"),
    (
        ["--loan-rate", "1.5"],
        "--loan-rate must be between -0.5 and 1 (got 1.5); for 1.5% write 0.015 or 1.5%",
    ),
    (["--loan-years", "0"], "--loan-years must be a whole number of at least 1 (got 0)"),
    (["--salary-growth", "0.6"], "--salary-growth must be between -0.5 and 0.5 (got 0.6)"),
    (["--salary-growth", "-60%"], "--salary-growth must be between -0.5 and 0.5 (got -0.6)"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    defaults = {
        "--cost": "60000",
        "--years": "2",
        "--current-salary": "70000",
        "--expected-salary": "90000",
    }
    if "--degree" in args:
        del defaults["--expected-salary"]
    for flag in args[::2]:
        defaults.pop(flag, None)
    result = run(*args, *[x for pair in defaults.items() for x in pair])
    assert result.exit_code == 2, result.output
    assert problem_lines(result) == [message]
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_from_needs_degree() -> None:
    result = run(*EXAMPLE, "--expected-salary", "90000", "--from", "bachelor")
    assert result.exit_code == 2
    assert problem_lines(result) == [
        "--from needs --degree: it is the level the degree's typical raise starts from"
    ]


def test_every_problem_is_reported_at_once() -> None:
    result = run("--cost", "-1", "--years", "0", "--current-salary", "x", "--completion", "2")
    assert result.exit_code == 2
    assert problem_lines(result) == [
        "--cost must be 0 or more (got -1)",
        "--years must be a whole number of at least 1 (got 0)",
        "--current-salary must be a number (got 'x')",
        "--completion must be more than 0 and at most 1 (got 2); for 2% write 0.02 or 2%",
    ]


def test_missing_inputs_without_a_terminal_name_their_flags() -> None:
    result = run("--years", "2")
    assert result.exit_code == 2
    assert problem_lines(result) == [
        "--cost is required: total tuition and fees; give it, or run in a terminal to be asked",
        "--current-salary is required: current yearly salary; give it, or run in a terminal "
        "to be asked",
        "--expected-salary is required (or --degree to estimate it): expected yearly salary "
        "after the degree; give it, or run in a terminal to be asked",
    ]
    assert result.stdout == ""


def test_the_missing_expected_salary_alone() -> None:
    result = run(*EXAMPLE)
    assert result.exit_code == 2
    assert len(problem_lines(result)) == 1
    assert problem_lines(result)[0].startswith("--expected-salary is required")


# --- the prompts, in-process ----------------------------------------------------------------


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[PipeInput]:
    """A terminal for questionary: keys go in through ``keys.send_text``."""
    monkeypatch.setattr(roi, "_interactive", lambda: True)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        yield inp


def test_prompts_ask_for_what_is_missing(keys: PipeInput) -> None:
    keys.send_text("60,000\r2\r\r70000\r90000\r1\r")  # Enter keeps part-time
    data = run_json("--horizon", "10")
    assert data["inputs"] == {
        "cost": 60000.0,
        "years": 2,
        "current_salary": 70000.0,
        "expected_salary": 90000.0,
        "full_time": False,
        "completion": 1.0,
        "discount_rate": 0.03,
        "tax_rate": 0.25,
        "horizon": 10,
        "loan": 0.0,
        "loan_rate": 0.05,
        "loan_years": 10,
        "salary_growth": 0.0,
        "degree": None,
        "from_degree": None,
    }


def test_prompts_ask_the_expected_salary_even_with_a_degree(keys: PipeInput) -> None:
    # the years were given: how to study is asked first; then the salaries; 80% to finish
    keys.send_text("\r80000\r100000\r80%\r")
    data = run_json("--cost", "120000", "--years", "2", "--degree", "master")
    assert data["inputs"]["current_salary"] == 80000.0
    assert data["inputs"]["expected_salary"] == 100000.0
    assert data["inputs"]["completion"] == 0.8
    assert data["benchmark"]["expected_salary"] == 93074.0  # 80,000 x 1737 / 1493


def test_full_time_study_can_be_chosen_at_the_prompt(keys: PipeInput) -> None:
    keys.send_text("60000\r2\r\x1b[B\r70000\r90000\r0.9\r")  # down to full-time, Enter
    data = run_json("--horizon", "10")
    assert (data["inputs"]["full_time"], data["inputs"]["years"]) == (True, 2)


@pytest.fixture
def study_mode_not_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_prompt(*args: object, **kwargs: object) -> None:
        raise AssertionError("the study mode was asked")

    monkeypatch.setattr(prompts, "ask_single", no_prompt)


@pytest.mark.usefixtures("study_mode_not_asked")
def test_a_study_mode_given_as_a_flag_is_not_asked(keys: PipeInput) -> None:
    keys.send_text("60000\r2\r70000\r90000\r")
    data = run_json("--full-time", "--completion", "1", "--horizon", "10")
    assert data["inputs"]["full_time"] is True


@pytest.mark.usefixtures("study_mode_not_asked")
def test_the_study_mode_is_not_asked_when_nothing_else_is(keys: PipeInput) -> None:
    data = run_json(*EXAMPLE, "--expected-salary", "90000")
    assert data["inputs"]["full_time"] is False


def test_a_prompt_refuses_a_bad_answer_and_asks_again(keys: PipeInput) -> None:
    # -5 is refused (the prompt stays), erased with backspaces, then 60000 is taken;
    # 30 years of study is refused against the default horizon of 30, then 2.
    keys.send_text("-5\r\x7f\x7f60000\r30\r\x7f\x7f2\r\r70000\r90000\r1\r")
    data = run_json()
    assert data["inputs"]["cost"] == 60000.0
    assert data["inputs"]["years"] == 2


def test_ctrl_c_at_a_prompt_exits_130(keys: PipeInput) -> None:
    keys.send_text("\x03")
    result = run("--years", "2")
    assert result.exit_code == 130
    assert problem_lines(result) == ["interrupted: nothing was saved (roi keeps no data)"]


def test_ctrl_d_at_a_prompt_exits_130(keys: PipeInput) -> None:
    keys.send_text("\x04")
    result = run()
    assert result.exit_code == 130
    assert problem_lines(result) == ["interrupted: nothing was saved (roi keeps no data)"]


def test_the_prompt_validation_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """What each prompt says about a bad answer (as questionary shows it)."""
    monkeypatch.setattr(roi, "_interactive", lambda: True)
    seen: dict[str, list[str | None]] = {}

    def fake_ask(message: str, *, validate: Any, **_: Any) -> float:
        seen[message] = [validate(v) for v in (-1.0, 1.5, 40.0)]
        return {"Years": 2.0, "Your chance": 0.5}.get(message.split(" of", 1)[0], 50_000.0)

    def fake_single(message: str, options: list[tuple[str, str]], **_: Any) -> str:
        seen[message] = [option_id for option_id, _ in options]
        return "part_time"

    monkeypatch.setattr(prompts, "ask_number", fake_ask)
    monkeypatch.setattr(prompts, "ask_single", fake_single)
    result = run("--horizon", "10")
    assert result.exit_code == 0, result.output
    assert seen == {
        "How would you study?": ["part_time", "full_time"],
        "Total tuition and fees, all years together:": [
            "Total tuition and fees must be 0 or more (got -1)",
            None,
            None,
        ],
        "Years of study (whole years):": [
            "Years of study must be a whole number of at least 1 (got -1)",
            "Years of study must be a whole number of at least 1 (got 1.5)",
            "Years of study must be less than the horizon, 10 working years "
            "(change it with --horizon)",
        ],
        "Your current yearly salary:": [
            "Current yearly salary must be 0 or more (got -1)",
            None,
            None,
        ],
        "Your expected yearly salary after the degree:": [
            "Expected yearly salary after the degree must be 0 or more (got -1)",
            None,
            None,
        ],
        "Your chance of finishing (0.8 or 80% for 80%):": [
            "Chance of finishing must be more than 0 and at most 1 (got -1)",
            "Chance of finishing must be more than 0 and at most 1 (got 1.5)",
            "Chance of finishing must be more than 0 and at most 1 (got 40); for 40% write "
            "0.4 or 40%",
        ],
    }


# --- the number parser and the prompt adapter -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "percent", "value"),
    [
        ("60000", False, 60000.0),
        (" 60,000 ", False, 60000.0),
        ("1,234,567.5", False, 1234567.5),
        ("1.5e3", False, 1500.0),
        ("-0.2", False, -0.2),
        ("25%", True, 0.25),
        ("2.5 %", True, 0.025),
        ("0.03", True, 0.03),
    ],
)
def test_parse_number(text: str, percent: bool, value: float) -> None:
    assert prompts.parse_number(text, percent=percent) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "25%", "1,23", "12,34,567", "$5"])
def test_parse_number_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"enter a number|not a number"):
        prompts.parse_number(text)


def test_ask_number_interrupts_on_ctrl_c() -> None:
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text("\x03")
        with pytest.raises(Interrupted):
            prompts.ask_number("How much?")


def test_ask_number_returns_the_number() -> None:
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text("12%\r")
        assert prompts.ask_number("Rate?", percent=True) == pytest.approx(0.12)


def test_importing_prompts_does_not_import_questionary() -> None:
    import subprocess
    import sys

    code = "import sys, careercoach.ui.prompts; print('questionary' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- issue 17: break-even, the typical raise beside the person's, loans, raises ----------------

MBA = ["--cost", "120000", "--years", "2", "--current-salary", "75000",
       "--expected-salary", "110000", "--full-time", "--degree", "master"]  # fmt: skip


def test_the_issue_example_json_carries_own_npv_break_even_and_benchmark() -> None:
    data = run_json(*MBA)
    assert data["npv"] == 241842.15  # on the person's own 110,000
    assert data["inputs"]["expected_salary"] == 110000.0
    assert data["inputs"]["degree"] == "master"
    assert data["break_even_salary"] == 91769
    assert data["expected_salary_source"] is None  # the person gave it
    benchmark = data["benchmark"]
    assert {k: v for k, v in benchmark.items() if k != "source"} == {
        "degree": "master",
        "from_degree": "bachelor",
        "expected_salary": 87257.0,
        "npv": -59848.94,
        "payback_years": None,
        "irr": 0.006908,
    }
    assert SOURCE in benchmark["source"]
    assert data["sensitivity"][-1] == {
        "case": "typical_raise",
        "label": "Typical raise for a master's",
        "npv": -59848.94,
        "payback_years": None,
        "irr": 0.006908,
    }


def test_the_issue_example_text_shows_all_three() -> None:
    result = run(*MBA)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "  Net present value             +241,842   in today's money" in lines
    assert "  Break-even salary               91,769   lowest salary after it that pays" in lines
    assert "  Typical raise for a master's    -59,849   not by year 30    0.7%" in lines
    flat = " ".join(result.stdout.split())
    assert (
        "Pays off if you earn at least 91,769 a year after it (you expect 110,000; typical "
        "for a master's: 87,257). On your figure it is worth it: over 30 years it returns "
        "241,842 more than it costs, in today's money discounted at 3% a year. It pays back "
        "in year 13 and earns 10.0% a year. On the typical figure it does not pay: it costs "
        "59,849 more than it returns. Your raise, 35,000, is 2.9 times the typical one for a "
        "master's, 12,257: check real job postings for the role you want before you count "
        "on it."
    ) in flat
    assert "Typical salary 87,257 = current salary 75,000 x 1.163" in flat


def test_a_raise_close_to_the_typical_one_is_not_flagged() -> None:
    result = run(*MBA[:6], "--expected-salary", "90000", "--full-time", "--degree", "master")
    assert result.exit_code == 0, result.output
    assert "job postings" not in result.stdout  # 15,000 is 1.2 times the typical 12,257


def test_a_degree_alone_stands_in_and_says_so() -> None:
    result = run(*EXAMPLE, "--degree", "master")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert (
        "Pays off if you earn at least 74,328 a year after it (you gave none, so the typical "
        "one for a master's is used: 81,440). On the typical figure it is worth it"
    ) in flat
    assert "Expected salary 81,440 = current salary 70,000 x 1.163" in flat


def test_loans_and_raises_from_flags() -> None:
    data = run_json(
        *EXAMPLE, "--expected-salary", "90000", "--loan", "40,000", "--loan-rate", "6%",
        "--loan-years", "5", "--salary-growth", "2%", "--tax-rate", "0", "--horizon", "8",
    )  # fmt: skip
    assert {k: data["inputs"][k] for k in ("loan", "loan_rate", "loan_years", "salary_growth")} == {
        "loan": 40000.0,
        "loan_rate": 0.06,
        "loan_years": 5,
        "salary_growth": 0.02,
    }
    # study: 10,000 a year paid; owed 20,000 x 1.06 + 20,000 = 41,200, repaid over 5 years
    # at 6%: 9,780.62 a year; gains 20,000 x 1.02**(t-1) from year 3
    payment = 41_200 * 0.06 / (1 - 1.06**-5)
    expected = [-10_000.0, -10_000.0] + [
        round(20_000 * 1.02 ** (t - 1) - (payment if t <= 7 else 0), 2) for t in range(3, 9)
    ]
    assert data["cash_flows"] == pytest.approx(expected, abs=0.01)


def test_text_names_the_loan_and_the_raises() -> None:
    result = run(*EXAMPLE, "--expected-salary", "90000", "--loan", "40000", "--loan-years",
                 "5", "--salary-growth", "0.02")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "  Borrowed                        40,000   of the tuition, at 5%" in lines
    # owed 20,000 x 1.05 + 20,000 = 41,000; 41,000 x 0.05 / (1 - 1.05**-5) = 9,470 a year
    assert "  Loan repayments                 47,350   9,470 a year, years 3-7" in lines
    assert "  Yearly gain after tax           15,000   at today's pay, years 3-30 (28 years)" in (
        lines
    )
    assert "  Raises                       2% a year   on both salaries" in lines


# --- narrow and wide terminals (issue 19): the tables stack below 70 columns --------------------


def run_at(columns: int, *args: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run(*args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines if "https://" not in line) <= min(columns, 100)
    assert "…" not in result.stdout
    return lines


@pytest.mark.parametrize("columns", [50, 60])
def test_narrow_terminals_stack_the_tables(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = run_at(columns, *MBA, monkeypatch=monkeypatch)
    assert lines[2:6] == [
        "What it costs",
        "  Tuition and fees               120,000",
        "    60,000 a year for 2 years",
        "  Salary given up                112,500",
    ]
    table = lines[lines.index("What if") :]
    assert table[1:5] == [
        "  As entered",
        "    NPV +241,842, pays back in year 13, IRR 10.0%",
        "  Raise 20% smaller",
        "    NPV +148,986, pays back in year 16, IRR 7.6%",
    ]
    typical = table.index("  Typical raise for a master's")
    if columns == 50:
        assert table[typical + 1 : typical + 3] == [
            "    NPV -59,849, does not pay back by year 30,",
            "    IRR 0.7%",
        ]
    else:
        assert table[typical + 1] == "    NPV -59,849, does not pay back by year 30, IRR 0.7%"


@pytest.mark.parametrize("columns", [80, 120])
def test_wide_terminals_keep_the_tables_side_by_side(
    columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = run_at(columns, *MBA, monkeypatch=monkeypatch)
    assert "  Tuition and fees               120,000   60,000 a year for 2 years" in lines
    assert "  As entered                     +241,842          year 13   10.0%" in lines
    verdict = lines[lines.index("  Break-even salary               91,769   lowest salary "
                                "after it that pays") + 2]  # fmt: skip
    if columns == 80:
        assert verdict == (
            "Pays off if you earn at least 91,769 a year after it (you expect 110,000;"
        )
    else:  # wrapped at a readable 100, not 120
        assert verdict == (
            "Pays off if you earn at least 91,769 a year after it (you expect 110,000; typical "
            "for a master's:"
        )


def test_a_pay_cut_row_reads_as_a_deeper_cut() -> None:
    result = run(*EXAMPLE, "--expected-salary", "60000")
    assert result.exit_code == 0, result.output
    assert "Raise 20% smaller" not in result.stdout
    assert "  Pay cut 20% deeper" in result.stdout


# --- a bank's roi: mapping is checked like the flags (banks validate) ---------------------------

BANK_WITH_BAD_ROI = """\
id: school
title: School
dimensions:
  - id: d
    label: D
questions:
  - {id: q, type: likert, prompt: "Q", dimension: d}
  - {id: cost, type: number, prompt: "Cost", min: 0}
  - {id: years, type: number, prompt: "Years", min: 1, integer: true}
  - {id: now, type: number, prompt: "Now", min: 0}
  - {id: later, type: number, prompt: "Later", min: 0}
  - {id: loan, type: number, prompt: "Loan", min: -5}
  - {id: rate, type: number, prompt: "Rate", min: 0, max: 6}
  - {id: term, type: number, prompt: "Term", min: 0, max: 30, integer: true}
  - {id: growth, type: number, prompt: "Growth", min: -1, max: 0.1}
  - id: level
    type: single
    prompt: "Level"
    options:
      - {id: msc, label: M}
      - {id: phd, label: P}
roi:
  cost: cost
  years: years
  current_salary: now
  expected_salary: later
  loan: loan
  loan_rate: rate
  loan_years: term
  salary_growth: growth
  degree: level
"""


def test_banks_validate_checks_the_roi_mapping_like_the_flags(tmp_path: Any) -> None:
    path = tmp_path / "school.yaml"
    path.write_text(BANK_WITH_BAD_ROI, encoding="utf-8")
    result = runner.invoke(app, ["banks", "validate", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"{path}:27:9: 'loan' allows answers the calculator refuses: its min must be 0 or "
        "more (got -5)",
        f"{path}:28:14: 'rate' allows answers the calculator refuses: its max must be between "
        "-0.5 and 1 (got 6); for 6% write 0.06",
        f"{path}:29:15: 'term' allows answers the calculator refuses: its min must be a whole "
        "number of at least 1 (got 0)",
        f"{path}:30:18: 'growth' allows answers the calculator refuses: its min must be "
        "between -0.5 and 0.5 (got -1)",
        f"{path}:31:11: 'level' must be a single question with at least one option among "
        "associate, bachelor, master, professional, doctorate",
    ]
    assert "Traceback" not in result.output


def test_a_degree_alone_needs_a_current_salary_to_scale() -> None:
    result = run("--cost", "40000", "--years", "4", "--current-salary", "0", "--degree", "bachelor")
    assert result.exit_code == 2
    assert problem_lines(result) == [
        "--degree alone scales --current-salary by the BLS ratio, and 0 scales to 0: give "
        "--expected-salary"
    ]


def test_no_typical_figure_without_a_current_salary() -> None:
    data = run_json("--cost", "40000", "--years", "4", "--current-salary", "0",
                    "--expected-salary", "40000", "--degree", "bachelor")  # fmt: skip
    assert data["benchmark"] is None
    assert "typical_raise" not in [row["case"] for row in data["sensitivity"]]


def test_the_expected_salary_question_shows_the_typical_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(roi, "_interactive", lambda: True)
    asked: list[str] = []

    def fake_ask(message: str, **_: Any) -> float:
        asked.append(message)
        return 0.9 if message.startswith("Your chance") else 100_000.0

    monkeypatch.setattr(prompts, "ask_number", fake_ask)
    result = run("--cost", "120000", "--years", "2", "--current-salary", "75000", "--full-time",
                 "--degree", "master")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert asked == [
        "Your expected yearly salary after the degree (typical for a master's: 87,257):",
        "Your chance of finishing (0.8 or 80% for 80%):",
    ]
