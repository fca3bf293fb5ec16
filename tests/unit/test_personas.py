"""A persona for every dimension of every built-in bank: answers that push that dimension up
and the others down must make it the top finding, at level high, with at least one action.

Personas are built from the bank itself, so the test keeps up with the content:

- likert: 5 if it feeds the target (1 if reverse), else the answer that scores 0;
- single: the option maximizing the target's score minus the others' scores (never one
  that says the bank is not for them);
- multi: the options that score the target and nothing else;
- number: its minimum, or 0; text: skipped; questions whose ``when`` is false: skipped.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from careercoach.core.conditions import AnswerValue, BankAnswers, is_asked
from careercoach.core.models import (
    Bank,
    LikertQuestion,
    MultiQuestion,
    NumberQuestion,
    Option,
    Plan,
    SingleQuestion,
)
from careercoach.core.planning import build_plan
from careercoach.core.scoring import score_banks
from careercoach.errors import BankError
from careercoach.storage.banks import load_bank_file

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"


def persona(bank: Bank, target: str) -> BankAnswers:
    """Answers of ``bank`` that feed ``target`` as much as they can and nothing else."""

    def others(option: Option) -> float:
        return sum(score for dim, score in option.scores.items() if dim != target)

    answers: BankAnswers = {}
    for question in bank.questions:
        if not is_asked(question, answers):
            continue
        value: AnswerValue
        if isinstance(question, LikertQuestion):
            feeds = question.dimension == target
            value = (1 if question.reverse else 5) if feeds else (5 if question.reverse else 1)
        elif isinstance(question, SingleQuestion):
            ending = bank.audience.not_for if bank.audience else []
            value = max(
                (o for o in question.options if o.id not in ending),
                key=lambda o: o.scores.get(target, 0) - others(o),
            ).id  # max keeps the first of equals; never the answer that ends the bank
        elif isinstance(question, MultiQuestion):
            value = [
                o.id for o in question.options if o.scores.get(target, 0) > 0 and others(o) == 0
            ]
        elif isinstance(question, NumberQuestion):
            low = question.min if question.min is not None else 0
            value = int(low) if question.integer else low
        else:
            continue
        answers[question.id] = value
    return answers


def _cases() -> list[Any]:
    files = sorted(QUESTIONS.glob("*.yaml"))
    if not files:
        return []
    cases: list[Any] = []
    for path in files:
        try:
            bank = load_bank_file(path)
        except BankError as exc:
            cases.append(pytest.param(None, str(exc), id=f"{path.name}-does-not-load"))
            continue
        cases += [pytest.param(bank, d.id, id=f"{bank.id}.{d.id}") for d in bank.dimensions]
    return cases


CASES = _cases()


def test_the_builtin_banks_are_found() -> None:
    assert sorted(QUESTIONS.glob("*.yaml")), f"no bank files in {QUESTIONS}"
    assert CASES, f"no bank could be loaded from {QUESTIONS}"


@pytest.mark.parametrize(("bank", "target"), CASES)
def test_a_persona_makes_its_dimension_the_top_finding(bank: Bank | None, target: str) -> None:
    assert bank is not None, target  # the bank file did not load: target holds why
    answers = persona(bank, target)
    plan = build_plan(
        score_banks([bank], {bank.id: answers}),
        assessment_id=None,
        finished_at=datetime(2026, 11, 22, tzinfo=UTC),
        tool_version="test",
        tz=UTC,
    )
    assert plan.dimensions, f"nothing scored for {bank.id}.{target} with {answers}"
    top = plan.dimensions[0]
    others = [(d.id, d.score) for d in plan.dimensions[1:] if d.score >= top.score]
    assert (top.id, top.level) == (target, "high"), (
        f"top finding {top.id} {top.score} ({top.level}); ties or above: {others}"
    )
    assert not others, f"{target} shares the top score {top.score} with {others}"
    assert plan.focus[0].dimension == target
    actions = [a.id for a in plan.actions if a.dimension == target]
    assert actions, f"{bank.id}.{target} is high but has no action"
    # The engine builds its plan without validating it: what it built must validate, and
    # pydantic must serialise it (as the store does) without a type it did not expect.
    assert Plan.model_validate(plan.model_dump()) == plan
    assert Plan.model_validate_json(plan.model_dump_json(warnings="error")) == plan
