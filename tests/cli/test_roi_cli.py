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
    assert lines[:17] == [
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
        "",
        "Worth it on these numbers: over 30 years it returns 207,900 more than it costs,",
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
    assert "Not worth it on these numbers: over 10 years it costs" in result.stdout
    assert "It does not pay back within 10 years." in " ".join(result.stdout.split())


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
        "--discount-rate must be more than -0.5 and at most 1 (got 3); for 3% write 0.03",
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
        "--from master is not below --degree associate: the BLS ratio only estimates a step "
        "up; give --expected-salary instead",
    ),
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
        "--from needs --degree: it is the level the degree's ratio starts from"
    ]


def test_every_problem_is_reported_at_once() -> None:
    result = run("--cost", "-1", "--years", "0", "--current-salary", "x", "--completion", "2")
    assert result.exit_code == 2
    assert problem_lines(result) == [
        "--cost must be 0 or more (got -1)",
        "--years must be a whole number of at least 1 (got 0)",
        "--current-salary must be a number (got 'x')",
        "--completion must be more than 0 and at most 1 (got 2)",
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
    keys.send_text("60,000\r2\r\r70000\r90000\r")  # Enter keeps part-time
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
    }


def test_prompts_only_for_what_is_missing_and_a_degree_fills_the_rest(keys: PipeInput) -> None:
    keys.send_text("\r80000\r")  # the years were given: how to study is asked first
    data = run_json("--cost", "120000", "--years", "2", "--degree", "master")
    assert data["inputs"]["current_salary"] == 80000.0
    assert data["inputs"]["expected_salary"] == 93074.0


def test_full_time_study_can_be_chosen_at_the_prompt(keys: PipeInput) -> None:
    keys.send_text("60000\r2\r\x1b[B\r70000\r90000\r")  # down to full-time, Enter
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
    data = run_json("--full-time", "--horizon", "10")
    assert data["inputs"]["full_time"] is True


@pytest.mark.usefixtures("study_mode_not_asked")
def test_the_study_mode_is_not_asked_when_nothing_else_is(keys: PipeInput) -> None:
    data = run_json(*EXAMPLE, "--expected-salary", "90000")
    assert data["inputs"]["full_time"] is False


def test_a_prompt_refuses_a_bad_answer_and_asks_again(keys: PipeInput) -> None:
    # -5 is refused (the prompt stays), erased with backspaces, then 60000 is taken;
    # 30 years of study is refused against the default horizon of 30, then 2.
    keys.send_text("-5\r\x7f\x7f60000\r30\r\x7f\x7f2\r\r70000\r90000\r")
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
        return 2.0 if "Years" in message else 50_000.0

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
