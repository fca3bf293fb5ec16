"""Counts said in words agree with their number: "about 1 minute", "1 question"."""

from __future__ import annotations

from pathlib import Path

import pytest

from careercoach.core.models import Bank
from careercoach.flows.interactive import welcome_lines
from careercoach.storage.banks import LoadedBank, load_bank_file
from careercoach.ui.bank_views import bank_detail_lines

ONE_QUESTION = """\
id: tiny
version: 1
title: Tiny
dimensions:
  - id: restless
    label: Restlessness
questions:
  - id: autopilot
    type: likert
    prompt: I could do my job in my sleep.
    dimension: restless
"""


@pytest.fixture
def tiny(bank_dir: Path) -> Bank:
    path = bank_dir / "tiny.yaml"
    path.write_text(ONE_QUESTION, encoding="utf-8")
    return load_bank_file(path)


def test_welcome_says_about_1_minute(tiny: Bank) -> None:
    lines = welcome_lines([tiny], Path("/data/careercoach.db"), to_choose=False)
    assert lines[1] == "Answer 1 question bank (about 1 minute);"
    lines = welcome_lines([tiny], Path("/data/careercoach.db"), to_choose=True)
    assert lines[1] == "Choose from 1 question bank (about 1 minute for all);"


def test_banks_show_says_1_question_about_1_minute(tiny: Bank, bank_dir: Path) -> None:
    lines = bank_detail_lines(LoadedBank(tiny, bank_dir / "tiny.yaml"))
    assert "1 question, about 1 minute." in lines


def test_banks_validate_says_1_dimension_1_question(tiny: Bank, bank_dir: Path) -> None:
    from careercoach.ui.bank_views import validate_paths

    path = bank_dir / "tiny.yaml"
    assert validate_paths([path]) == [f"{path}: ok (tiny: 1 dimension, 1 question)"]
