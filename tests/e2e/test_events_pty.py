"""``event add`` in a real pty: it offers the re-check."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
from typer.testing import CliRunner

pytestmark = pytest.mark.e2e

BANKS = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "banks"
runner = CliRunner()
MID = {
    "coasting": 4,
    "pushing": 2,
    "role": "lead",
    "team_size": 5,
    "signs": ["stalled", "passed"],
    "years": 6,
}


def cli(*args: str) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args])


def assess(tmp_path: Path, answers: dict[str, Any] = MID) -> int:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"trial": answers}))
    result = cli("assess", "--answers", str(path))
    assert result.exit_code == 0, result.output
    return int(result.output.split("Saved as assessment ")[1].split(".")[0])


def spawn_careercoach(*args: str, banks: Path = BANKS) -> Any:
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "NO_COLOR": "1"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "careercoach", "--bank-dir", str(banks), *args],
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,  # only reached when something is wrong
    )
    child.logfile_read = io.StringIO()
    return child


def test_event_add_offers_the_recheck_in_a_terminal() -> None:
    child = spawn_careercoach("event", "add", "new_boss", "--date", "2026-11-20")
    try:
        child.expect_exact("careercoach assess --bank promotion --bank connections")
        child.expect_exact("Start the re-check now? [y/N]:")
        child.send("n\r")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
    finally:
        if child.isalive():
            child.terminate(force=True)
            print(child.logfile_read.getvalue())
