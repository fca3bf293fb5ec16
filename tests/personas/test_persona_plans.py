"""Hand-written people and the plans they get (issue 16).

Each ``*.yaml`` here is an answers file written by hand for one imagined person, opening
with who they are and what a career coach would want their plan to lead with. For each:
the first focus area is the one the coach named, the short plan holds at most seven
actions (three this week, two this month, two this quarter) numbered from 1, no two of
them are near-duplicates, and no action that applies contradicts the person's answers.
Their Markdown plans are snapshots (``__snapshots__/``): read them as the person would.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from careercoach.core.conditions import Answers, holds
from careercoach.core.models import Bank, Plan
from careercoach.core.planning import build_plan
from careercoach.core.scoring import score_banks
from careercoach.core.selection import near_duplicates
from careercoach.storage.answers import load_answers_file
from careercoach.storage.banks import load_banks
from careercoach.ui.markdown_export import to_markdown

HERE = Path(__file__).resolve().parent

LEADS: dict[str, tuple[str, str] | None] = {
    "bored_analyst": ("stuck", "bored"),
    "mba_at_29": ("education", "cost_barrier"),
    "team_lead_new_boss": ("new_eyes", "new_boss"),
    "passed_over": ("promotion", "visibility"),
    "non_manager": ("connections", "narrow_network"),
    "thriving": ("connections", "not_mentoring"),
    "all_neutral": None,  # nothing leads: the answers say too little
    "angry_after_reorg": ("stuck", "attitude"),
    "long_tenure_manager": ("connections", "market_worth"),
    "first_time_supervisor": ("connections", "mentor_gap"),
    "nurse_practitioner": ("education", "job"),
    "behind_on_tools": ("stuck", "behind_on_tools"),
    "leaving_for_study": ("education", "job"),
}
"""What each person's plan must lead with (the coach's view, in each file's header)."""


class MarkdownSnapshot(SingleFileSnapshotExtension):
    file_extension = "md"
    _write_mode = WriteMode.TEXT


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The Markdown shows times in local time: make it UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="module")
def banks() -> list[Bank]:
    return [loaded.bank for loaded in load_banks()]


def plan_for(name: str, banks: list[Bank]) -> tuple[Plan, Answers]:
    answers_file = load_answers_file(HERE / f"{name}.yaml", banks)
    plan = build_plan(
        score_banks(answers_file.banks, answers_file.answers),
        assessment_id=1,
        finished_at=datetime(2026, 12, 5, 9, 0, tzinfo=UTC),
        tool_version="test",
        tz=UTC,
    )
    return plan, {bank: dict(given) for bank, given in answers_file.answers.items()}


def test_every_persona_file_has_a_lead_and_says_what_a_coach_wants() -> None:
    files = sorted(path.stem for path in HERE.glob("*.yaml"))
    assert files == sorted(LEADS)
    assert len(files) >= 12
    for name in files:
        header = (HERE / f"{name}.yaml").read_text(encoding="utf-8").split("\n\n")[0]
        assert "A coach would lead with:" in header.replace("\n#", ""), name


def test_the_personas_answer_all_six_banks(banks: list[Bank]) -> None:
    answered = set()
    for name in LEADS:
        _, answers = plan_for(name, banks)
        answered |= set(answers)
    assert answered == {bank.id for bank in banks}


@pytest.mark.usefixtures("utc")
@pytest.mark.parametrize("name", sorted(LEADS))
def test_a_persona_gets_the_plan_a_coach_would_write(
    name: str, banks: list[Bank], snapshot: SnapshotAssertion
) -> None:
    plan, answers = plan_for(name, banks)
    lead = LEADS[name]
    first = (plan.focus[0].bank, plan.focus[0].dimension) if plan.focus else None
    assert first == lead, [(f.bank, f.dimension, f.score) for f in plan.focus]

    horizons = [action.horizon for action in plan.actions]
    assert len(plan.actions) <= 7
    assert horizons.count("week") <= 3
    assert horizons.count("month") <= 2
    assert horizons.count("quarter") <= 2
    assert [action.number for action in plan.actions] == list(range(1, len(plan.actions) + 1))
    assert all(action.number == 0 for action in plan.more_actions)

    for one, other in combinations(plan.actions, 2):
        assert not near_duplicates(one.text, other.text), (one.id, other.id)

    by_bank = {bank.id: bank for bank in banks}
    for action in [*plan.actions, *plan.more_actions]:
        dimension = by_bank[action.bank].dimension(action.dimension)
        written = next(a for a in dimension.actions if a.id == action.id)
        if written.when is not None:
            assert holds(written.when, answers[action.bank]), action.id

    assert Plan.model_validate(plan.model_dump()) == plan
    assert to_markdown(plan) == snapshot(extension_class=MarkdownSnapshot)


def test_the_all_neutral_person_is_warned_and_gets_little(banks: list[Bank]) -> None:
    plan, _ = plan_for("all_neutral", banks)
    assert plan.warnings == [
        "All 75 of your agree/disagree answers were neutral (3), so they show no need and "
        "no strength: this plan has nothing to go on. Run careercoach assess again, and "
        "wherever you lean even a little, agree or disagree."
    ]
    assert {d.level for d in plan.dimensions} <= {"low", "moderate"}
    assert len(plan.actions) <= 3
    assert plan.strengths == []  # neutral answers put nothing low


def test_the_bored_analyst_reads_boredom_first_and_its_actions_lead(banks: list[Bank]) -> None:
    plan, _ = plan_for("bored_analyst", banks)
    assert (plan.dimensions[0].id, plan.dimensions[0].score, plan.dimensions[0].level) == (
        "bored",
        85,
        "high",
    )
    assert [a.id for a in plan.actions][:2] == ["bored_time_log", "bored_boss_need"]
    shared = next(a for a in plan.actions if a.id == "bored_boss_need")
    assert [(s.bank, s.dimension) for s in shared.serves] == [
        ("stuck", "bored"),
        ("stuck", "under_performing"),
    ]


def test_a_non_manager_gets_nothing_from_the_leader_bank(banks: list[Bank]) -> None:
    plan, answers = plan_for("non_manager", banks)
    assert answers["leader"] == {"manages": "nobody"}
    assert [d for d in plan.dimensions if d.bank == "leader"] == []
    assert [a for a in [*plan.actions, *plan.more_actions] if a.bank == "leader"] == []
    assert "leader" not in plan.recheck_banks


def test_someone_leaving_to_study_gets_no_promotion_or_hand_over_advice(
    banks: list[Bank],
) -> None:
    plan, _ = plan_for("leaving_for_study", banks)
    actions = [a.id for a in [*plan.actions, *plan.more_actions]]
    assert [d for d in plan.dimensions if d.bank == "promotion"] == []
    assert not [a for a in actions if a.startswith(("bf_", "su_"))]
    assert "cost_schedule" not in actions  # a study timetable around a job she is leaving
    assert "cost_employer_help" not in actions  # her employer will not pay, she said
