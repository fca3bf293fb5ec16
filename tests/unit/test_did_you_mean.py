"""The "did you mean" of an unknown id: case first, then the closest spelling."""

from __future__ import annotations

import pytest

from careercoach.errors import did_you_mean

IDS = ["stuck", "promotion", "new_eyes", "connections", "leader", "education"]


@pytest.mark.parametrize(
    ("word", "said"),
    [
        ("STUCK", "; did you mean 'stuck'?"),
        ("Promotion", "; did you mean 'promotion'?"),
        ("promtion", "; did you mean 'promotion'?"),
        ("neweyes", "; did you mean 'new_eyes'?"),
        ("LEADR", "; did you mean 'leader'?"),
        ("zzz", ""),
        ("stuck", ""),  # nothing to suggest for the id itself
    ],
)
def test_did_you_mean(word: str, said: str) -> None:
    assert did_you_mean(word, IDS) == said


def test_nothing_to_choose_from() -> None:
    assert did_you_mean("stuck", []) == ""
