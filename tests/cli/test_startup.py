"""Start-up stays fast: --help and --version import nothing heavy (checked in a subprocess)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("questionary", "prompt_toolkit", "pydantic", "yaml", "sqlite3", "rich.console")


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


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_start_up_imports_nothing_heavy(args: list[str]) -> None:
    modules = imported_modules(*args)
    assert "careercoach.cli" in modules
    assert heavy(modules, HEAVY) == []


@pytest.mark.parametrize(
    "args", [["banks", "--help"], ["assess", "--help"], ["plan", "--help"], ["roi", "--help"]]
)
def test_command_help_imports_only_what_typer_needs(args: list[str]) -> None:
    """Typer >= 0.2x coerces every parameter through pydantic, so a command's help loads
    pydantic; nothing of ours may add to that."""
    modules = imported_modules(*args)
    assert heavy(modules, tuple(h for h in HEAVY if h != "pydantic")) == []
