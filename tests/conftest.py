"""Shared fixtures: a private data folder, a bank folder, and a predictable terminal."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = REPO / "questions"


def pytest_configure(config: pytest.Config) -> None:
    """Code that runs while tests are collected (cases built from the banks, which loads
    them) must not touch the real data folder either."""
    folder = tempfile.mkdtemp(prefix="careercoach-tests-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["CAREERCOACH_HOME"] = folder


@pytest.fixture(autouse=True)
def careercoach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own CAREERCOACH_HOME (it is not created: the tool must do it)."""
    home = tmp_path / "home" / "careercoach"
    monkeypatch.setenv("CAREERCOACH_HOME", str(home))
    monkeypatch.delenv("CAREERCOACH_BANKS", raising=False)
    monkeypatch.delenv("CAREERCOACH_DEBUG", raising=False)
    # consistent terminal output (commitizen's consistent_terminal_output)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    yield home


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """An empty folder for a test's own bank files."""
    folder = tmp_path / "banks"
    folder.mkdir()
    return folder
