"""Fixtures shared by the plan's renderer and exporter tests."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from careercoach.core.models import Commitment, OwnWords, Plan

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
    """Every text field holds markup, Markdown, HTML and terminal escape sequences; so do
    a written answer quoted back (over several lines) and a commitment's if-then line."""
    plan = load_plan("injection.json")
    hostile = plan.actions[0].text
    return plan.model_copy(
        update={
            "own_words": [
                OwnWords(
                    bank="inj",
                    question="notes",
                    prompt=hostile,
                    text=f"{hostile}\n> not a quote\n# not a heading\n</blockquote>",
                    dimension="alpha",
                )
            ],
            "commitments": [
                Commitment(
                    number=1, action_id="inj.a1", text=hostile, by="2031-01-10", if_then=hostile
                )
            ],
        }
    )


@pytest.fixture
def coach() -> Plan:
    """A plan with every section (commitments, own words, numbered and more actions, ROI,
    verdict, strengths, events), made from the banks in tests/fixtures/plan_banks, which
    belong to the tests: editing a built-in bank changes none of the snapshots made of it.
    (Built once with build_plan from those banks, then shaped by hand into a short plan of
    six actions with two more, two commitments and one action done.)"""
    return load_plan("coach.json")


class TextSnapshot(SingleFileSnapshotExtension):
    """A snapshot as a text file of its own, read as the person reads it."""

    _write_mode = WriteMode.TEXT
    file_extension = "txt"


class MarkdownSnapshot(TextSnapshot):
    file_extension = "md"


class HtmlSnapshot(TextSnapshot):
    file_extension = "html"


@pytest.fixture
def text_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """``pytest --snapshot-update`` rewrites it after a change you have read."""
    return snapshot.use_extension(TextSnapshot)


@pytest.fixture
def md_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(MarkdownSnapshot)


@pytest.fixture
def html_snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(HtmlSnapshot)
