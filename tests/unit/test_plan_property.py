"""A property of every plan the built-in banks can give (issue 16): whatever the answers,
the plan is short (at most 3 focus areas and 7 actions: 3 this week, 2 this month, 2
this quarter), numbered 1..n, free of near-duplicate advice, and no action in it or in
``more_actions`` contradicts an answer (its ``when`` holds)."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careercoach.core.conditions import AnswerValue, BankAnswers, holds, is_asked
from careercoach.core.models import (
    Bank,
    LikertQuestion,
    MultiQuestion,
    NumberQuestion,
    SingleQuestion,
)
from careercoach.core.planning import build_plan
from careercoach.core.scoring import score_banks
from careercoach.core.selection import near_duplicates
from careercoach.storage.banks import load_banks

BANKS: list[Bank] = [loaded.bank for loaded in load_banks()]


def draw_answers(data: st.DataObject, bank: Bank) -> BankAnswers:
    """Answers to every question the bank asks, given the answers before it."""
    answers: BankAnswers = {}
    for question in bank.questions:
        if not is_asked(question, answers, bank):
            continue
        value: AnswerValue
        if isinstance(question, LikertQuestion):
            value = data.draw(st.integers(1, 5))
        elif isinstance(question, SingleQuestion):
            value = data.draw(st.sampled_from([o.id for o in question.options]))
        elif isinstance(question, MultiQuestion):
            options = st.sampled_from([o.id for o in question.options])
            value = data.draw(st.lists(options, unique=True))
        elif isinstance(question, NumberQuestion):
            low = question.min if question.min is not None else 0
            high = question.max if question.max is not None else low + 1000
            if question.integer:
                value = data.draw(st.integers(int(low), int(high)))
            else:
                value = data.draw(st.floats(low, high, allow_nan=False))
        else:
            continue
        answers[question.id] = value
    return answers


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_plan_is_short_numbered_and_says_each_thing_once(data: st.DataObject) -> None:
    chosen = data.draw(st.lists(st.sampled_from(BANKS), min_size=1, unique_by=lambda b: b.id))
    answers = {bank.id: draw_answers(data, bank) for bank in chosen}
    plan = build_plan(
        score_banks(chosen, answers),
        assessment_id=None,
        finished_at=datetime(2026, 12, 5, 9, 0, tzinfo=UTC),
        tool_version="test",
        tz=UTC,
    )
    horizons = [action.horizon for action in plan.actions]
    assert len(plan.focus) <= 3
    assert len(plan.actions) <= 7
    assert horizons.count("week") <= 3
    assert horizons.count("month") <= 2
    assert horizons.count("quarter") <= 2
    assert [a.number for a in plan.actions] == list(range(1, len(plan.actions) + 1))
    for one, other in combinations(plan.actions, 2):
        assert not near_duplicates(one.text, other.text), (one.id, other.id)
    focus = {(f.bank, f.dimension) for f in plan.focus}
    by_bank = {bank.id: bank for bank in chosen}
    for action in plan.actions:
        assert focus & {(s.bank, s.dimension) for s in action.serves}, action.id
    for area in focus:  # a focus area always has an action
        assert any(area in {(s.bank, s.dimension) for s in a.serves} for a in plan.actions)
    kinds = [
        next(a for a in by_bank[x.bank].dimension(x.dimension).actions if a.id == x.id).kind
        for x in plan.actions
    ]
    assert len([k for k in kinds if k]) == len({k for k in kinds if k}), kinds
    labels = {d.label for d in plan.dimensions}
    assert not [s.label for s in plan.strengths if s.label in labels]
    for action in [*plan.actions, *plan.more_actions]:
        dimension = by_bank[action.bank].dimension(action.dimension)
        written = next(a for a in dimension.actions if a.id == action.id)
        if written.when is not None:
            assert holds(written.when, answers[action.bank]), action.id
