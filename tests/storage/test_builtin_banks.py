"""The built-in banks' content rules that a person would notice (issue 5)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from itertools import combinations
from typing import Any

import pytest

from careercoach.core.conditions import asked_questions, is_asked
from careercoach.core.models import (
    Bank,
    LikertQuestion,
    MultiQuestion,
    Plan,
    SingleQuestion,
    condition_questions,
)
from careercoach.core.planning import build_plan
from careercoach.core.scoring import feeds, score_banks
from careercoach.core.selection import near_duplicates
from careercoach.storage.banks import LoadedBank, load_banks

TRIGGERS = [
    "new_executive",
    "market_shift",
    "project_change",
    "cost_cutting",
    "stretch_growth",
    "new_boss",
    "new_coworkers",
    "someone_fired",
]


@pytest.fixture(scope="module")
def banks() -> dict[str, Bank]:
    loaded: list[LoadedBank] = load_banks()
    return {entry.bank.id: entry.bank for entry in loaded}


def test_question_counts(banks: dict[str, Bank]) -> None:
    counts = {bank_id: len(bank.questions) for bank_id, bank in banks.items()}
    assert sorted(counts) == [
        "connections",
        "education",
        "leader",
        "new_eyes",
        "promotion",
        "stuck",
    ]
    assert 18 <= counts.pop("stuck") <= 40
    assert all(8 <= count <= 30 for count in counts.values()), counts


def plan_of(bank: Bank, answers: dict[str, Any]) -> Plan:
    return build_plan(
        score_banks([bank], {bank.id: answers}),
        assessment_id=1,
        finished_at=datetime(2026, 11, 22, 10, 0, tzinfo=UTC),
        tool_version="0.1.0",
        tz=UTC,
    )


def week_actions_for(bank: Bank, trigger: str) -> set[str]:
    """The week actions of a plan where only ``trigger`` happened and its two questions
    were agreed with (4), every other answer at its least pressing."""
    answers: dict[str, Any] = {}
    for question in bank.questions:
        if not is_asked(question, answers):
            continue
        if isinstance(question, MultiQuestion):
            answers[question.id] = [trigger] if question.id == "recent_triggers" else []
        elif isinstance(question, LikertQuestion) and question.when is not None:
            answers[question.id] = 4  # the trigger's own questions
        elif isinstance(question, LikertQuestion):
            answers[question.id] = 5 if question.reverse else 1
    plan = plan_of(bank, answers)
    return {a.id for a in plan.actions if a.horizon == "week"}


def test_each_new_eyes_trigger_alone_has_a_week_action_of_its_own(
    banks: dict[str, Bank],
) -> None:
    bank = banks["new_eyes"]
    trigger_question = bank.question("recent_triggers")
    assert isinstance(trigger_question, MultiQuestion)
    assert [option.id for option in trigger_question.options] == TRIGGERS
    weeks = {trigger: week_actions_for(bank, trigger) for trigger in TRIGGERS}
    for trigger, actions in weeks.items():
        others = set().union(*(weeks[t] for t in TRIGGERS if t != trigger))
        assert actions - others, f"{trigger}: no week action of its own"


def test_a_mixed_education_verdict_does_not_send_you_to_find_an_roi_you_just_got(
    banks: dict[str, Bank],
) -> None:
    bank = banks["education"]
    # strongly agreeing with every need and neutral on the rest: every side at 50-67
    answers: dict[str, Any] = {
        q.id: 3 if q.reverse else 5 for q in bank.questions if isinstance(q, LikertQuestion)
    }
    answers |= {
        "program_in_mind": "yes_program",
        "program_cost": 60000,
        "program_years": 2,
        "current_salary": 70000,
        "expected_salary": 90000,
        "study_mode": "part_time",
        "completion_chance": 0.8,
    }
    plan = plan_of(bank, answers)
    assert plan.roi is not None
    (verdict,) = plan.verdicts
    assert verdict.leaning == "mixed"
    assert verdict.text == (
        "The evidence is mixed. Settle two things next: what the role you want requires "
        "(read ten postings and ask two people who hold it), and whether a "
        "program would pay you back. If this plan shows no return on investment yet, run "
        "careercoach roi with a real program's figures. Then take this bank again."
    )


# -- issue 16: only what applies, in words that fit everyone ------------------------------

GENDERED = re.compile(r"\b(she|her|hers|herself|he|him|his|himself)\b", re.IGNORECASE)


def bank_texts(bank: Bank) -> list[str]:
    """Every text of a bank that a person reads."""
    texts = [bank.title, bank.description]
    for dimension in bank.dimensions:
        texts += [dimension.label, dimension.description, dimension.strength or ""]
        texts += [action.text for action in dimension.actions]
    for question in bank.questions:
        texts += [question.prompt, question.help or ""]
        texts += [option.label for option in getattr(question, "options", [])]
    if bank.verdict is not None:
        for text in (bank.verdict.lean_for, bank.verdict.lean_against, bank.verdict.mixed):
            parts = text if isinstance(text, list) else [text]
            texts += [part if isinstance(part, str) else part.text for part in parts]
    return texts


def test_bank_text_is_gender_neutral(banks: dict[str, Bank]) -> None:
    found = [
        (bank_id, text)
        for bank_id, bank in banks.items()
        for text in bank_texts(bank)
        if GENDERED.search(text)
    ]
    assert found == []


def test_every_question_feeds_a_score_or_is_used_by_the_plan(banks: dict[str, Bank]) -> None:
    """Issue 16: the stuck symptoms fed nothing."""
    unused = []
    for bank in banks.values():
        named: set[str] = set()
        for question in bank.questions:
            if question.when is not None:
                named |= set(condition_questions(question.when))
        for dimension in bank.dimensions:
            for action in dimension.actions:
                if action.when is not None:
                    named |= set(condition_questions(action.when))
        if bank.audience is not None:
            named.add(bank.audience.question)
        if bank.roi is not None:
            named |= {v for v in bank.roi.model_dump().values() if v}
        for question in bank.questions:
            used = feeds(question) or question.type == "text" or question.id in named
            if not used:
                unused.append(f"{bank.id}.{question.id}")
    assert unused == []


def test_leader_answered_i_manage_nobody_asks_nothing_more(banks: dict[str, Bank]) -> None:
    leader = banks["leader"]
    first = leader.questions[0]
    assert isinstance(first, SingleQuestion)
    nobody = next(o for o in first.options if o.label == "I manage nobody")
    assert [q.id for q in asked_questions(leader, {first.id: nobody.id})] == [first.id]
    answers: dict[str, Any] = {first.id: nobody.id}
    answers |= {q.id: 5 for q in leader.questions if isinstance(q, LikertQuestion)}
    plan = plan_of(leader, answers)
    assert (plan.dimensions, plan.actions, plan.more_actions) == ([], [], [])


def test_promotion_stops_for_someone_on_their_way_out(banks: dict[str, Bank]) -> None:
    promotion = banks["promotion"]
    assert [q.id for q in asked_questions(promotion, {"plans_here": "leaving"})] == ["plans_here"]


def test_actions_in_every_bank_differ_from_each_other(banks: dict[str, Bank]) -> None:
    """No two actions of the built-in banks are near-duplicates unless they name the same
    advice (then a plan shows one of them)."""
    actions = [a for bank in banks.values() for d in bank.dimensions for a in d.actions]
    close = [
        (one.id, other.id)
        for one, other in combinations(actions, 2)
        if not (one.advice and one.advice == other.advice)
        and not (one.kind and one.kind == other.kind)
        and near_duplicates(one.text, other.text)
    ]
    assert close == []


def test_an_answers_file_that_goes_on_after_i_manage_nobody_is_told_why(
    banks: dict[str, Bank],
) -> None:
    from careercoach.storage.answers import check_answers

    checked = check_answers({"leader": {"manages": "nobody", "kp_no_lunch": 4}}, [banks["leader"]])
    assert [p.message for p in checked.problems] == [
        "leader.kp_no_lunch of this bank is not asked: your answer to leader.manages (nobody) "
        "ends the bank, so leave its other answers empty"
    ]
    checked = check_answers({"leader": {"manages": "nobody"}}, [banks["leader"]])
    assert (checked.problems, checked.answers) == ([], {"leader": {"manages": "nobody"}})


# -- regressions from the issue 16 report -------------------------------------------------


def most_pressing(bank: Bank) -> dict[str, Any]:
    """Every likert at its most pressing, the highest-scoring option of each single question
    (never one that ends the bank), every multi option ticked."""
    answers: dict[str, Any] = {}
    for question in bank.questions:
        if not is_asked(question, answers, bank):
            continue
        if isinstance(question, LikertQuestion):
            answers[question.id] = 1 if question.reverse else 5
        elif isinstance(question, SingleQuestion):
            ending = bank.audience.not_for if bank.audience else []
            kept = [o for o in question.options if o.id not in ending]
            answers[question.id] = max(kept, key=lambda o: sum(o.scores.values())).id
        elif isinstance(question, MultiQuestion):
            answers[question.id] = [o.id for o in question.options]
    return answers


def test_sideways_moves_now_count_toward_boredom(banks: dict[str, Bank]) -> None:
    stuck = banks["stuck"]
    answers = {q.id: 3 for q in stuck.questions if isinstance(q, LikertQuestion)}
    answers |= {"symptoms": [], "review_comments": []}

    def bored(extra: dict[str, Any]) -> int:
        (result,) = score_banks([stuck], {"stuck": answers | extra})
        score = result.dimension("bored").score
        assert score is not None
        return score

    # 4 likerts, all neutral: 0; ticking sideways moves adds 0.5 of 0.5: 0.5 / 4.5 = 11
    assert (bored({}), bored({"symptoms": ["lateral_moves"]})) == (0, 11)


def test_a_strength_is_not_claimed_from_a_question_never_asked(banks: dict[str, Bank]) -> None:
    connections = banks["connections"]
    answers = {q.id: 3 for q in connections.questions if isinstance(q, LikertQuestion)}
    answers |= {"tenure": "under_five", "transition": "none"}
    answers = {k: v for k, v in answers.items() if not k.startswith("mw_")}
    plan = plan_of(connections, answers)
    assert "market_worth" not in [s.dimension for s in plan.strengths]


def test_the_portfolio_action_is_not_offered_to_someone_whose_function_wants_no_portfolio(
    banks: dict[str, Bank],
) -> None:
    education = banks["education"]
    answers = most_pressing(education)

    def offered(given: dict[str, Any]) -> list[str]:
        plan = plan_of(education, given)
        return [a.id for a in plan.actions + plan.more_actions]

    assert "fn_portfolio" in offered(answers | {"fn_portfolio_counts": 5})
    assert "fn_portfolio" not in offered(answers | {"fn_portfolio_counts": 1})


def test_with_every_need_pressing_each_piece_of_advice_appears_once(
    banks: dict[str, Bank],
) -> None:
    """The report: "join an association" x4, "deliver what your boss needs" x4, two pairs
    of successor hand-overs, "tell your boss what you want next" x2."""
    every = list(banks.values())
    answers = {bank.id: most_pressing(bank) for bank in every}
    plan = build_plan(
        score_banks(every, answers),
        assessment_id=1,
        finished_at=datetime(2026, 11, 22, 10, 0, tzinfo=UTC),
        tool_version="0.1.0",
        tz=UTC,
    )
    advice_of = {
        (bank.id, a.id): a.advice for bank in every for d in bank.dimensions for a in d.actions
    }
    shown = [advice_of[(a.bank, a.id)] for a in plan.actions + plan.more_actions]
    keys = [key for key in shown if key]
    assert sorted(keys) == sorted(set(keys))
    assert len(plan.actions) == 7
    shared = {
        advice_of[(a.bank, a.id)]: sorted(f"{s.bank}.{s.dimension}" for s in a.serves)
        for a in plan.actions + plan.more_actions
        if advice_of[(a.bank, a.id)]
    }
    assert shared["grow_a_successor"] == ["leader.succession", "promotion.backfill"]
    assert shared["deliver_what_boss_needs"] == [
        "new_eyes.new_boss",
        "stuck.bored",
        "stuck.poor_fit",
        "stuck.under_performing",
    ]


def test_the_interactive_walk_stops_at_i_manage_nobody(banks: dict[str, Bank]) -> None:
    from careercoach.flows.session import Reply, Session, Step

    class Memory:
        def __init__(self) -> None:
            self.stored: dict[tuple[str, str], Any] = {}

        def save(self, bank: str, question: str, value: Any) -> None:
            self.stored[(bank, question)] = value

        def drop(self, keys: Any) -> None:
            for key in keys:
                self.stored.pop(key, None)

    asked: list[str] = []

    def ask(step: Step) -> Reply:
        asked.append(step.question.id)
        return "nobody"

    memory = Memory()
    answers = Session([banks["leader"]], memory).run(ask)
    assert (asked, answers, memory.stored) == (
        ["manages"],
        {"leader": {"manages": "nobody"}},
        {("leader", "manages"): "nobody"},
    )


def test_every_strength_has_its_own_name(banks: dict[str, Bank]) -> None:
    """Issue 16, second pass: "Falling behind on tools and systems: You keep up..." A
    dimension that can be a strength names it; one whose low score only says an event did
    not happen, or a requirement is absent, is never a strength (it has no sentence)."""
    named = {}
    for bank in banks.values():
        for dimension in bank.dimensions:
            if dimension.strength:
                assert dimension.strength_label, (bank.id, dimension.id)
                assert dimension.strength_label != dimension.label
                named[(bank.id, dimension.id)] = dimension.strength_label
            else:
                assert dimension.strength_label is None
    assert len(set(named.values())) == len(named)
    assert named[("stuck", "behind_on_tools")] == "Keeping up with tools"
    assert ("education", "job") not in named  # "no formal requirement you lack"
    assert ("new_eyes", "new_boss") not in named  # an event, not a strength


NEGATIONS = re.compile(r"\b(no|not|nor|none|nobody|nothing|never|without|\w+n't)\b", re.I)


def test_a_strength_praises_something_done_never_a_fault_absent(
    banks: dict[str, Bank],
) -> None:
    """A second coach's reading: "No grudge on show: You carry no visible grudge at work"
    read as a backhanded compliment, and "Secure without a degree" as praise for not
    needing one. A strength names what the person does or has, plainly."""
    negative = [
        (bank.id, dimension.id, text)
        for bank in banks.values()
        for dimension in bank.dimensions
        for text in (dimension.strength or "", dimension.strength_label or "")
        if NEGATIONS.search(text)
    ]
    assert negative == []
    pride = banks["education"].dimension("pride")
    assert (pride.strength, pride.strength_label) == (None, None)
    attitude = banks["stuck"].dimension("attitude")
    assert (attitude.strength_label, attitude.strength) == (
        "On good terms at work",
        "You get on well with the people you work with.",
    )


def test_twin_dimensions_share_a_topic(banks: dict[str, Bank]) -> None:
    topics: dict[str, list[str]] = {}
    for bank in banks.values():
        for dimension in bank.dimensions:
            if dimension.topic:
                topics.setdefault(dimension.topic, []).append(f"{bank.id}.{dimension.id}")
    assert topics == {
        "mentoring_others": ["connections.not_mentoring", "leader.mentoring_culture"],
        "credential": [
            "education.job",
            "education.industry",
            "education.function",
            "education.level",
        ],
        "successor": ["leader.succession", "promotion.backfill"],
    }


def test_a_middle_option_is_no_evidence_of_a_need(banks: dict[str, Bank]) -> None:
    """Issue 16, second pass: "5 to 10 years", "some of them" and "a general idea" scored
    as needs for the person who took the middle option everywhere."""
    for bank in banks.values():
        for question in bank.questions:
            if isinstance(question, SingleQuestion) and len(question.options) == 3:
                assert question.options[1].scores == {}, (bank.id, question.id)
