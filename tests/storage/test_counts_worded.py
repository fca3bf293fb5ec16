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
    lines = welcome_lines([tiny], Path("/data/careercoach.db"), to_choose=False, width=100)
    assert lines[1].startswith("Answer 1 question bank (about 1 minute); at the end")
    lines = welcome_lines([tiny], Path("/data/careercoach.db"), to_choose=True, width=100)
    assert lines[1].startswith("Choose from 1 question bank (about 1 minute for all); at")


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (
            50,
            [
                "careercoach: a career self-assessment.",
                "Choose from 2 question banks (about 2 minutes for",
                "all); at the end you get a short, prioritized",
                "action plan. Each answer is saved the moment you",
                "give it, on this machine only, in",
                "  /data/careercoach.db",
                "Nothing is sent anywhere. You can stop at any time",
                "and resume later.",
            ],
        ),
        (
            120,
            [
                "careercoach: a career self-assessment.",
                "Choose from 2 question banks (about 2 minutes for all); at the end you get a"
                " short, prioritized action plan. Each answer",
                "is saved the moment you give it, on this machine only, in",
                "  /data/careercoach.db",
                "Nothing is sent anywhere. You can stop at any time and resume later.",
            ],
        ),
    ],
)
def test_the_welcome_is_one_paragraph_wrapped_between_words(
    tiny: Bank, width: int, expected: list[str]
) -> None:
    """No line break of its own after "(about N minutes);" or "action": one paragraph."""
    lines = welcome_lines([tiny, tiny], Path("/data/careercoach.db"), to_choose=True, width=width)
    assert lines == expected


def test_banks_show_says_1_question_about_1_minute(tiny: Bank, bank_dir: Path) -> None:
    lines = bank_detail_lines(LoadedBank(tiny, bank_dir / "tiny.yaml"))
    assert "1 question, about 1 minute." in lines


def test_banks_validate_says_1_dimension_1_question(tiny: Bank, bank_dir: Path) -> None:
    from careercoach.ui.bank_views import validate_paths

    path = bank_dir / "tiny.yaml"
    assert validate_paths([path]) == [f"{path}: ok (tiny: 1 dimension, 1 question)"]
