"""Fixtures shared by the plan's renderer and exporter tests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.core.models import Plan

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates are shown in local time: make it UTC for a test."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def load_plan(name: str) -> Plan:
    return Plan.model_validate_json((PLANS / name).read_text(encoding="utf-8"))


@pytest.fixture
def sample() -> Plan:
    """The plan the engine makes from tests/fixtures/plans/answers.yaml (see test_export)."""
    return load_plan("sample.json")


@pytest.fixture
def injection() -> Plan:
    """Every text field holds markup, Markdown, HTML and terminal escape sequences."""
    return load_plan("injection.json")
