"""The trial bank's helpers for the pty tests: store an assessment through the CLI, then
spawn the console script in a real pty on the same bank folder."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pexpect
from typer.testing import CliRunner

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
