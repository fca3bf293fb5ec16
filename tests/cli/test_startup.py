"""Start-up stays fast: --help and --version import nothing heavy (checked in a subprocess)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("questionary", "prompt_toolkit", "pydantic", "yaml", "sqlite3", "rich.console")
# Light, but more than a minimal Typer app loads for its help: what a command needs of
# them it imports in its body (json), or does without (a plain class, no dataclass; no
# ``from __future__ import annotations`` in the modules every start loads).
BEYOND_TYPER = ("json", "dataclasses", "__future__")


def imported_modules(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "careercoach", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def heavy(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m in names or m.split(".")[0] in names)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["banks", "--help"],
        ["assess", "--help"],
        ["plan", "--help"],
        ["roi", "--help"],
        ["history", "--help"],
        ["compare", "--help"],
        ["event", "--help"],
        ["completion", "--help"],
        ["completion", "bash"],
    ],
    ids=" ".join,
)
def test_start_up_imports_nothing_heavy(args: list[str]) -> None:
    """Typer 0.29 would load pydantic for every command (see the pin in pyproject.toml)."""
    modules = imported_modules(*args)
    assert "careercoach.cli" in modules
    assert heavy(modules, HEAVY) == []
    assert heavy(modules, BEYOND_TYPER) == []
