"""Scores → plan: ordering, actions, focus, strengths, verdicts, check-in date (pure).

:func:`build_plan` is the one entry point; the helpers are public so that their rules can
be tested one at a time. Nothing here reads a file, a clock or a database: the caller
passes the finishing time and, for the check-in date, the time zone to count days in.

The plan's models are built with ``model_construct``: they are this module's own output,
made from validated banks and checked answers, and validating them again would cost every
run pydantic's schema building. The tests validate the plans built for every persona.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any

from careercoach.core.answer_quality import ALL_NEUTRAL, ALL_NEUTRAL_WITH_ROI, answer_warnings
from careercoach.core.conditions import AnswerValue, not_for_them
from careercoach.core.dates import span_text
from careercoach.core.focus_evidence import quoted_answers
from careercoach.core.models import (
    DimensionScore,
    ExplainItem,
    Explanation,
    Focus,
    Plan,
    PlannedAction,
    ServedArea,
)
from careercoach.core.not_for_you import INSTEAD, nothing_to_plan, skipped_banks
from careercoach.core.own_words import own_words
from careercoach.core.scoring import BankResult, DimensionResult, describe_answer
from careercoach.core.selection import (
    MAX_ACTIONS,
    MAX_ACTIONS_UNSURE,
    Area,
    Candidate,
    candidates,
    select,
)
from careercoach.core.strengths import is_trigger as _is_trigger
from careercoach.core.strengths import strengths
from careercoach.core.verdicts import has_evidence, verdict

DEFAULT_CHECKIN_DAYS = 90
ROI_REQUIRED = ("cost", "years", "current_salary", "expected_salary")


@dataclass(frozen=True)
class Ranked:
    """A scored dimension with its place: bank order, dimension order, and the answers
    that counted in its bank (what an action's ``when`` is checked against)."""

    bank_index: int
    dimension_index: int
    result: DimensionResult
    answers: Mapping[str, AnswerValue] = field(default_factory=dict)

    @property
    def score(self) -> int:
        assert self.result.score is not None
        return self.result.score

    @property
    def bank_id(self) -> str:
        return self.result.bank.id


def ranked_dimensions(results: Sequence[BankResult]) -> list[Ranked]:
    """Every scored dimension, highest score first (ties: a need before an event at work,
    then bank order, then dimension order)."""
    ranked = [
        Ranked(b, d, dim, result.answers)
        for b, result in enumerate(results)
        for d, dim in enumerate(result.dimensions)
        if dim.score is not None
    ]
    ranked.sort(key=lambda r: (-r.score, _is_trigger(r.result), r.bank_index, r.dimension_index))
    return ranked


def _dimension_score(r: Ranked) -> DimensionScore:
    assert r.result.level is not None
    return DimensionScore.model_construct(
        bank=r.bank_id,
        id=r.result.dimension.id,
        label=r.result.dimension.label,
        score=r.score,
        level=r.result.level,
        event=_is_trigger(r.result),
        topic=r.result.dimension.topic,
        evidence=has_evidence(r.result),
    )


def _areas(ranked: Sequence[Ranked]) -> list[Area]:
    areas = []
    for rank, r in enumerate(ranked):
        assert r.result.level is not None
        dimension = r.result.dimension
        areas.append(
            Area(
                rank,
                r.bank_id,
                dimension.id,
                dimension.label,
                r.result.level,
                dimension.actions,
                r.answers,
                dimension.topic or "",
            )
        )
    return areas


def _planned(candidate: Candidate, number: int = 0) -> PlannedAction:
    return PlannedAction.model_construct(
        bank=candidate.area.bank,
        dimension=candidate.area.dimension,
        id=candidate.action.id,
        text=candidate.action.text,
        horizon=candidate.action.horizon,
        number=number,
        serves=[
            ServedArea.model_construct(bank=a.bank, dimension=a.dimension, label=a.label)
            for a in candidate.serves
        ],
    )


def planned_actions(
    ranked: Sequence[Ranked], *, limit: int = MAX_ACTIONS
) -> tuple[list[Focus], list[PlannedAction], list[PlannedAction]]:
    """The focus areas, the short plan, numbered 1.., and the other actions that apply
    (number 0); the rules are :mod:`careercoach.core.selection`'s."""
    areas = _areas(ranked)
    may_focus = [a for a in areas if a.level in ("moderate", "high")]
    chosen, others, focus = select(candidates(areas), may_focus, limit=limit)
    return (
        focus_areas([ranked[area.rank] for area in focus]),
        [_planned(c, number) for number, c in enumerate(chosen, start=1)],
        [_planned(c) for c in others],
    )


def plan_dimensions(
    results: Sequence[BankResult], ranked: Sequence[Ranked]
) -> list[DimensionScore]:
    """The scored dimensions, and the new-eyes events asked about and not reported (score
    0, ``event``: an unticked option is no evidence, but the views name these events in one
    line), highest score first (ties: a need before an event, then bank order, then
    dimension order)."""
    keyed = [
        ((-r.score, _is_trigger(r.result), r.bank_index, r.dimension_index), _dimension_score(r))
        for r in ranked
    ]
    for b, result in enumerate(results):
        section = result.bank.triggers
        chosen = result.answers.get(section.question) if section else None
        if not isinstance(chosen, list):
            continue
        for d, dim in enumerate(result.dimensions):
            if dim.score is None and _is_trigger(dim) and dim.dimension.id not in chosen:
                unreported = DimensionScore.model_construct(
                    bank=result.bank.id,
                    id=dim.dimension.id,
                    label=dim.dimension.label,
                    score=0,
                    level="low",
                    event=True,
                    evidence=False,
                )
                keyed.append(((0, True, b, d), unreported))
    keyed.sort(key=lambda pair: pair[0])
    return [score for _, score in keyed]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in ".!?":
        text += "."
    return text


def focus_areas(chosen: Sequence[Ranked]) -> list[Focus]:
    """The focus areas (chosen by :func:`planned_actions`), each with its reason: the
    score, what the need is, and the statements the person agreed with that put it there
    (:func:`~careercoach.core.focus_evidence.quoted_answers`)."""
    focus = []
    for r in chosen:
        assert r.result.level is not None
        dimension = r.result.dimension
        # "High need (100 of 100)", not "Scored 100 of 100 (high)": a coach read that as
        # a perfect grade for falling behind. An event at work is a priority, not a need.
        kind = "priority" if _is_trigger(r.result) else "need"
        why = f"{r.result.level.capitalize()} {kind} ({r.score} of 100)."
        if dimension.description.strip():
            why += " " + _sentence(dimension.description)
        if quotes := quoted_answers(r.result):
            why += " " + quotes
        focus.append(
            Focus.model_construct(
                bank=r.bank_id,
                dimension=dimension.id,
                label=dimension.label,
                score=r.score,
                level=r.result.level,
                why=why,
            )
        )
    return focus


@dataclass(frozen=True)
class Checkin:
    """When to come back, and why sooner than usual when a trigger fired."""

    days: int = DEFAULT_CHECKIN_DAYS
    reason: str | None = None
    recheck: tuple[str, ...] = ()


def _clause(label: str) -> str:
    """A label inside a sentence: ``A new boss`` → ``a new boss`` (``I``, ``CEO`` kept)."""
    word = label.split(" ", 1)[0]
    if word == "I" or word[1:] != word[1:].lower():
        return label
    return label[:1].lower() + label[1:]


def checkin(results: Sequence[BankResult]) -> Checkin:
    """Days until the next check-in: 90 by default; a bank with a ``triggers:`` section
    whose trigger question had any option chosen that is not ``good_news`` asks for its
    ``checkin_days`` instead (the soonest wins). ``recheck`` lists the banks its
    ``recheck`` names for the chosen triggers (bank order of first mention), less any bank
    whose answers in this assessment said it is not for this person."""
    found = Checkin()
    not_for_them_ids = {r.bank.id for r in results if not_for_them(r.bank, r.answers)}
    for result in results:
        section = result.bank.triggers
        if section is None:
            continue
        ticked = result.answers.get(section.question)
        if not isinstance(ticked, list):
            continue
        chosen = [option for option in ticked if option not in section.good_news]
        if not chosen or section.checkin_days >= found.days:
            continue
        question = result.bank.question(section.question)
        named = {d.id: d.label for d in result.bank.dimensions}  # "A new boss"
        labels = [_clause(named.get(o) or describe_answer(question, [o])) for o in chosen]
        good = [
            _clause(named.get(o) or describe_answer(question, [o]))
            for o in ticked
            if o in section.good_news
        ]
        recheck = [
            bank
            for option in chosen
            for bank in section.recheck.get(option, [])
            if bank not in not_for_them_ids
        ]
        found = Checkin(
            days=section.checkin_days,
            reason=(
                f"Sooner than the usual {span_text(DEFAULT_CHECKIN_DAYS)}, since something "
                f"changed at work: {'; '.join(labels)}.{_good_news_clause(good)}"
            ),
            recheck=tuple(dict.fromkeys(recheck)),
        )
    return found


def _good_news_clause(labels: Sequence[str]) -> str:
    """`` Growth or stretch is good news, which does not bring it forward.``: why an event
    reported at work is not among the reasons for a sooner check-in (empty for none)."""
    if not labels:
        return ""
    named = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
    verb = "is good news, which does" if len(labels) == 1 else "are good news, which do"
    return f" {named[:1].upper()}{named[1:]} {verb} not bring it forward."


def next_checkin(finished_at: datetime, days: int, tz: tzinfo | None = None) -> str:
    """The check-in date (``YYYY-MM-DD``): ``days`` after finishing, counted in ``tz``
    (default: the local time zone)."""
    local = finished_at.astimezone(tz)
    return (local.date() + timedelta(days=days)).isoformat()


RETAKE_NOW = Checkin(
    days=0,
    reason="Now: neutral answers say nothing about what you need, so answer again first.",
)
"""The check-in of a plan from neutral answers only: today, after answering again."""

TAKE_ANOTHER_NOW = Checkin(
    days=0,
    reason="Now: none of the banks taken was for you, so take one that is.",
    recheck=(INSTEAD,),
)
"""The check-in of a plan whose every bank was not for the person: today, with another
bank (``checkin --run`` adds it)."""


def explanations(ranked: Sequence[Ranked]) -> list[Explanation]:
    """For each scored dimension (plan order): which answers added how much, out of how much."""
    return [
        Explanation.model_construct(
            bank=r.bank_id,
            dimension=r.result.dimension.id,
            label=r.result.dimension.label,
            score=r.score,
            items=[
                ExplainItem.model_construct(
                    question=c.question.id,
                    prompt=c.question.prompt,
                    answer=describe_answer(c.question, c.answer),
                    added=float(c.added),
                    most=float(c.most),
                    reverse=c.reverse,
                )
                for c in r.result.contributions
            ],
        )
        for r in ranked
    ]


def roi_block(results: Sequence[BankResult]) -> tuple[dict[str, Any] | None, list[str]]:
    """The ROI of the first bank with a ``roi:`` section whose mapped questions were
    answered, and any warning when the answers cannot feed the calculator."""
    for result in results:
        mapping = result.bank.roi
        if mapping is None:
            continue
        mapped = {name: value for name, value in mapping if isinstance(value, str)}
        if any(mapped[name] not in result.answers for name in ROI_REQUIRED):
            continue
        from careercoach.core import roi  # only when there is something to compute

        values: dict[str, object] = {}
        for name, question_id in mapped.items():
            if question_id in result.answers:
                values[name] = result.answers[question_id]
        question_of = {
            name: f"{result.bank.id}.{question_id}" for name, question_id in mapped.items()
        }
        try:
            inputs = roi.inputs_from_mapping(values, names=question_of)
            return roi.evaluate(inputs).to_json_dict(), []
        except roi.InvalidInputs as exc:
            return None, [
                "The return on the degree could not be worked out: " + "; ".join(exc.problems) + "."
            ]
    return None, []


def _need_keys(ranked: Sequence[Ranked]) -> frozenset[str]:
    """What the moderate and high dimensions measure: each one's ``bank.dimension``, and
    its topic where it has one."""
    return frozenset(
        key
        for r in ranked
        if r.result.level in ("moderate", "high")
        for key in (f"{r.bank_id}.{r.result.dimension.id}", r.result.dimension.topic)
        if key is not None
    )


def build_plan(
    results: Sequence[BankResult],
    *,
    assessment_id: int | None,
    finished_at: datetime,
    tool_version: str,
    tz: tzinfo | None = None,
) -> Plan:
    """The action plan for scored banks (in assessment order).

    ``finished_at`` must be time-zone aware; it is written in ISO 8601 to the second.
    """
    ranked = ranked_dimensions(results)
    roi_json, roi_warnings = roi_block(results)
    warnings = answer_warnings(results)
    if warnings[:1] == [ALL_NEUTRAL] and roi_json is not None:
        warnings[0] = ALL_NEUTRAL_WITH_ROI
    if nothing_to_plan(results):
        when = TAKE_ANOTHER_NOW
    elif warnings[:1] in ([ALL_NEUTRAL], [ALL_NEUTRAL_WITH_ROI]):
        when = RETAKE_NOW
    else:
        when = checkin(results)
    focus, actions, more_actions = planned_actions(
        ranked, limit=MAX_ACTIONS_UNSURE if warnings else MAX_ACTIONS
    )
    verdicts = [
        v
        for v in (
            verdict(result, {f.dimension for f in focus if f.bank == result.bank.id})
            for result in results
        )
        if v is not None
    ]
    return Plan.model_construct(
        assessment_id=assessment_id,
        finished_at=finished_at.isoformat(timespec="seconds"),
        tool_version=tool_version,
        dimensions=plan_dimensions(results, ranked),
        actions=actions,
        roi=roi_json,
        banks=[result.bank.id for result in results],
        focus=focus,
        strengths=strengths(ranked, _need_keys(ranked)),
        verdicts=verdicts,
        warnings=warnings + roi_warnings,
        next_checkin=next_checkin(finished_at, when.days, tz),
        checkin_reason=when.reason,
        recheck_banks=list(when.recheck),
        explain=explanations(ranked),
        more_actions=more_actions,
        own_words=own_words(results),
        skipped_banks=skipped_banks(results),
    )
