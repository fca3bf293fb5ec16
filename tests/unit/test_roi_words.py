"""The ROI verdict's sentence about the typical figure, said against the person's own:
"too" and "either" only where the two agree."""

from __future__ import annotations

import re

import pytest

from careercoach.core.roi import evaluate
from careercoach.core.roi_inputs import RoiInputs
from careercoach.ui.roi_words import verdict


def sentences_on_each_figure(current: int, expected: int) -> tuple[str, str]:
    """How it comes out on the person's figure (its first clause) and on the typical
    one, for a 60,000, two-year master's finished with an 80% chance."""
    result = evaluate(
        RoiInputs(
            cost=60_000,
            years=2,
            current_salary=current,
            expected_salary=expected,
            degree="master",
            completion=0.8,
        )
    )
    text = verdict(result)
    (yours,) = re.findall(r"On your figure it is [^:]*:", text)
    (typical,) = re.findall(r"On the typical figure[^.]*\.", text)
    return yours, typical


@pytest.mark.parametrize(
    ("current", "expected", "yours", "typical"),
    [
        (
            70_000,
            100_000,
            "On your figure it is worth it:",
            "On the typical figure it pays too: it returns 63,999 more.",
        ),
        (  # the QA case: `roi --cost 60000 --years 2 --current-salary 70000 ...`
            70_000,
            63_000,
            "On your figure it is not worth it:",
            "On the typical figure, though, it pays: it returns 63,999 more.",
        ),
        (
            30_000,
            60_000,
            "On your figure it is worth it:",
            "On the typical figure it does not pay: it costs 5,373 more than it returns.",
        ),
        (
            30_000,
            20_000,
            "On your figure it is not worth it:",
            "On the typical figure it does not pay either: it costs 5,373 more than it returns.",
        ),
    ],
)
def test_the_typical_figure_is_said_against_the_persons_own(
    current: int, expected: int, yours: str, typical: str
) -> None:
    assert sentences_on_each_figure(current, expected) == (yours, typical)
