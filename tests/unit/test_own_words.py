"""The person's own words: every non-empty written answer comes back in the plan."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from careercoach.core.models import Bank, OwnWords
from careercoach.core.planning import build_plan
from careercoach.core.scoring import score_banks

BANK: dict[str, Any] = {
    "id": "work",
    "title": "Work",
    "dimensions": [
        {"id": "boredom", "label": "Boredom"},
        {"id": "stuck", "label": "Not moving up"},
    ],
    "questions": [
        {
            "id": "sleep",
            "type": "likert",
            "prompt": "I could do my job asleep.",
            "dimension": "boredom",
        },
        {
            "id": "signs",
            "type": "multi",
            "prompt": "Which are true?",
            "options": [
                {"id": "passed", "label": "Passed over", "scores": {"stuck": 1}},
                {"id": "both", "label": "Both", "scores": {"stuck": 1, "boredom": 1}},
                {"id": "none", "label": "Neither"},
            ],
        },
        {"id": "hope", "type": "text", "prompt": "What would you like next?", "required": False},
        {
            "id": "why_sleep",
            "type": "text",
            "prompt": "What made it so easy?",
            "required": False,
            "when": {"question": "sleep", "gte": 4},
        },
        {
            "id": "what_changed",
            "type": "text",
            "prompt": "What changed then?",
            "required": False,
            "when": {"any": [{"question": "signs", "includes": "passed"}]},
        },
        {
            "id": "mixed",
            "type": "text",
            "prompt": "Tell more.",
            "required": False,
            "when": {"question": "signs", "includes": "both"},
        },
    ],
}


def words(answers: dict[str, Any]) -> list[OwnWords]:
    bank = Bank.model_validate(BANK)
    plan = build_plan(
        score_banks([bank], {"work": answers}),
        assessment_id=1,
        finished_at=datetime(2026, 12, 5, 9, 0, tzinfo=UTC),
        tool_version="0.1.0",
        tz=UTC,
    )
    return plan.own_words


def test_every_written_answer_is_quoted_with_its_bank_and_area() -> None:
    found = words(
        {
            "sleep": 5,
            "signs": ["passed", "both"],
            "hope": "  Lead the new *data* team.  ",
            "why_sleep": "Nine years of the same reports.",
            "what_changed": "Two reorgs moved me sideways.",
            "mixed": "Both, really.",
        }
    )
    assert [(w.question, w.text, w.dimension) for w in found] == [
        ("hope", "Lead the new *data* team.", None),
        ("why_sleep", "Nine years of the same reports.", "boredom"),
        ("what_changed", "Two reorgs moved me sideways.", "stuck"),
        ("mixed", "Both, really.", None),  # feeds two areas: the bank only
    ]
    assert found[0].prompt == "What would you like next?"
    assert {w.bank for w in found} == {"work"}


def test_blank_and_unasked_answers_are_left_out() -> None:
    found = words({"sleep": 2, "signs": ["none"], "hope": "   ", "why_sleep": "not asked"})
    assert found == []
