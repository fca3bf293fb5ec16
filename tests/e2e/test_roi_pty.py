"""``careercoach roi`` in a real terminal: the prompts, a refused answer, Ctrl-C."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterator
from typing import Any

import pexpect
import pytest

pytestmark = pytest.mark.e2e

TIMEOUT = 20  # only reached when something is wrong; no test waits on it otherwise


@pytest.fixture
def spawn() -> Iterator[Any]:
    children: list[tuple[Any, io.StringIO]] = []

    def start(*args: str, columns: int = 80) -> Any:
        env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1"}
        env.pop("COLUMNS", None)  # the pty's own size speaks
        log = io.StringIO()
        child = pexpect.spawn(
            sys.executable,
            ["-m", "careercoach", "roi", *args],
            env=env,
            dimensions=(24, columns),
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        child.logfile_read = log
        children.append((child, log))
        return child

    yield start
    for child, log in children:
        if child.isalive():
            child.terminate(force=True)
            print("--- pty output ---\n" + log.getvalue())  # shown when the test fails


def test_prompts_then_the_answer(spawn: Any) -> None:
    child = spawn("--horizon", "10")
    child.expect_exact("Total tuition and fees, all years together:")
    child.send("60,000\r")
    child.expect_exact("Years of study (whole years):")
    child.send("2\r")
    child.expect_exact("How would you study?")
    child.expect_exact("Full-time: give up the salary while studying")
    child.send("\r")  # part-time, the first choice
    child.expect_exact("Your current yearly salary:")
    child.send("70000\r")
    child.expect_exact("Your expected yearly salary after the degree:")
    child.send("90000\r")
    child.expect_exact("Your chance of finishing (0.8 or 80% for 80%):")
    child.send("100%\r")
    child.expect_exact("Does the degree pay?")
    child.expect_exact("Net present value")
    child.expect_exact("+41,847")
    child.expect_exact("Discount rate 7%")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_refused_answer_says_why(spawn: Any) -> None:
    child = spawn("--cost", "60000", "--current-salary", "70000", "--expected-salary", "9e4")
    child.expect_exact("Years of study (whole years):")
    child.send("0\r")
    child.expect_exact("Years of study must be a whole number of at least 1 (got 0)")
    child.send("\x7f2\r")
    child.expect_exact("How would you study?")
    child.send("2\r")  # the shortcut key of full-time, then Enter
    child.expect_exact("Your chance of finishing")
    child.send("80\r")
    child.expect_exact("Chance of finishing must be more than 0 and at most 1 (got 80)")
    child.send("%\r")
    child.expect_exact("Does the degree pay?")
    child.expect_exact("Salary given up")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_at_the_study_mode_exits_130(spawn: Any) -> None:
    child = spawn("--cost", "60000")
    child.expect_exact("Years of study (whole years):")
    child.send("2\r")
    child.expect_exact("How would you study?")
    child.sendcontrol("c")
    child.expect_exact("interrupted: nothing was saved (roi keeps no data)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_ctrl_c_at_a_prompt_exits_130(spawn: Any) -> None:
    child = spawn("--years", "2")
    child.expect_exact("How would you study?")  # the years were given: this comes first
    child.send("\r")
    child.expect_exact("Total tuition and fees, all years together:")
    child.sendcontrol("c")
    child.expect_exact("interrupted: nothing was saved (roi keeps no data)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


MBA = ["--cost", "120000", "--years", "2", "--current-salary", "75000",
       "--expected-salary", "110000", "--full-time", "--degree", "master"]  # fmt: skip


@pytest.mark.parametrize("columns", [50, 60, 80, 120])
def test_the_report_fits_the_terminal_without_cutting_a_number(spawn: Any, columns: int) -> None:
    child = spawn(*MBA, columns=columns)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before)  # bold and dim stay on
    lines = text.replace("\r\n", "\n").splitlines()
    assert "…" not in text
    assert max(len(line.rstrip()) for line in lines if "https://" not in line) <= columns
    flat = " ".join(text.split())
    for figure in ("+241,842", "91,769", "-59,849", "10.0%", "0.7%"):
        assert figure in flat
    stacked = "    NPV +241,842, pays back in year 13, IRR 10.0%" in lines
    assert stacked == (columns < 70)
