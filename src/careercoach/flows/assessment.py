"""Orchestration: answers → check → score → plan → store, and reading plans back.

The pure work is in :mod:`careercoach.core.scoring` and :mod:`careercoach.core.planning`; this
module wires it to the bank loader, the answers file and the store. Commands call it;
it never prints.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from careercoach import __version__
from careercoach.errors import NotFound, UnknownAssessment, no_finished_assessment

if TYPE_CHECKING:
    from careercoach.core.conditions import AnswerValue
    from careercoach.core.models import Bank, Plan
    from careercoach.storage.store import Store


def finished_now() -> datetime:
    """The finishing time: now, UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def make_plan(
    banks: Sequence[Bank],
    answers: Mapping[str, Mapping[str, AnswerValue]],
    *,
    assessment_id: int | None,
    finished_at: datetime | None = None,
    done: Mapping[tuple[str, str], int] | None = None,
) -> Plan:
    """Score ``banks`` (in assessment order) with ``answers`` and build the plan.

    ``done`` (``Store.done_baseline()``): actions marked done before are left out unless
    their dimension got worse since."""
    from careercoach.core.planning import build_plan
    from careercoach.core.scoring import score_banks

    plan = build_plan(
        score_banks(banks, answers),
        assessment_id=assessment_id,
        finished_at=finished_at or finished_now(),
        tool_version=__version__,
    )
    if not done:
        return plan
    from careercoach.core.done import without_done

    return without_done(plan, done)


def load_banks(extra_dirs: Sequence[Path] = ()) -> list[Bank]:
    """Every loaded bank (built-in, ``--bank-dir``, ``CAREERCOACH_BANKS``), in load order."""
    from careercoach.storage.banks import load_banks as load

    return [loaded.bank for loaded in load(extra_dirs)]


def assess_from_file(
    path: Path | None, bank_ids: Sequence[str] = (), extra_dirs: Sequence[Path] = ()
) -> Plan:
    """``careercoach assess --answers FILE``: check the file (``None``: standard input),
    then store the finished assessment (answers, plan, scores) in one transaction and
    return its plan.

    The banks asked for (``--bank``, else those the file answers) must load; another
    bank that fails to is skipped with a warning. Raises
    :class:`~careercoach.errors.AnswersError` listing every problem of the file; nothing
    is stored then (the database is not even opened).
    """
    from careercoach.storage import bank_cache
    from careercoach.storage.answers import answers_bank_ids, check_answers_file, read_answers
    from careercoach.storage.banks import load_banks as load
    from careercoach.storage.banks import select_banks
    from careercoach.storage.store import Store

    if bank_ids:
        loaded = load(extra_dirs, wanted=bank_ids)
        select_banks(loaded, bank_ids)  # unknown --bank ids: exit 2 before reading the file
        doc = read_answers(path)
    else:
        doc = read_answers(path)
        loaded = load(extra_dirs, wanted=answers_bank_ids(doc))
    checked = check_answers_file(doc, [entry.bank for entry in loaded], bank_ids)
    finished_at = finished_now()
    with Store() as store:
        done = store.done_baseline()
        plan = store.record_finished(
            checked.banks,
            checked.answers,
            lambda assessment_id: make_plan(
                checked.banks,
                checked.answers,
                assessment_id=assessment_id,
                finished_at=finished_at,
                done=done,
            ),
        )
        plan = _with_previous(store, _as_it_stands(store, plan))
    bank_cache.put_waiting()  # the data folder exists now: a first run caches its banks
    return plan


def finish_assessment(store: Store, assessment_id: int, banks: Sequence[Bank]) -> Plan:
    """Finish an unfinished assessment whose answers are in ``store``: score its stored
    answers with ``banks`` (in assessment order), store the plan and scores, return the
    plan (with ``previous_finished_at``)."""
    plan = make_plan(
        banks,
        store.answers(assessment_id),
        assessment_id=assessment_id,
        done=store.done_baseline(),
    )
    store.finish(assessment_id, plan)
    return _with_previous(store, _as_it_stands(store, plan))


def _as_it_stands(store: Store, plan: Plan) -> Plan:
    """A stored plan with its done marks and the events since it finished: what the
    finish screen and ``plan`` show alike, so both give the same check-in."""
    from careercoach.core.checkin import with_progress

    assert plan.assessment_id is not None
    return with_progress(plan, store.done_actions(plan.assessment_id), store.events())


def _with_previous(store: Store, plan: Plan) -> Plan:
    """``plan`` with the day of the assessment before it. A damaged earlier row only drops
    that comparison, with a one-line warning: the plan just made is stored already."""
    from careercoach.storage.tables import DamagedRow

    assert plan.assessment_id is not None
    try:
        previous = store.previous_finished(plan.assessment_id)
    except DamagedRow as exc:
        from careercoach.storage.banks import warn_line

        warn_line(f"careercoach: warning: no comparison with the previous assessment: {exc}")
        return plan
    if previous is None:
        return plan
    return plan.model_copy(update={"previous_finished_at": previous.finished_at})


def none_finished(store: Store) -> NotFound:
    """No finished assessment: say how to start one, or how to finish the one under way."""
    started = store.unfinished()
    return no_finished_assessment(0 if started is None else store.answer_count(started))


def load_plan(assessment_id: int | None = None) -> Plan:
    """The plan of a finished assessment: ``assessment_id``, or the latest when None.

    Raises :class:`~careercoach.errors.NotFound` ("no finished assessment yet", and how to
    start one), or :class:`~careercoach.errors.UnknownAssessment` for an id
    that is not stored. Does not create a database.
    """
    from careercoach.storage.store import Store

    if not Store.exists():
        if assessment_id is None:
            raise no_finished_assessment()
        raise UnknownAssessment(assessment_id, none_stored=True)
    with Store() as store:
        return shown_plan(store, stored_plan(store, assessment_id)[1])


def stored_plan(store: Store, assessment_id: int | None) -> tuple[int, Plan]:
    """A finished assessment's id and its plan as stored: ``assessment_id``, or the latest
    when None. Raises as :func:`load_plan` does, and for an unfinished one says how to
    finish it."""
    if assessment_id is None:
        latest = store.latest_finished()
        if latest is None:
            raise none_finished(store)
        assessment_id = latest.id
    plan = store.plan(assessment_id)
    if plan is None:
        record = store.assessment(assessment_id)
        if record is not None and record.status == "unfinished":
            raise NotFound(
                f"assessment {assessment_id} is not finished",
                hint="Finish it with: careercoach assess --resume",
            )
        raise store.unknown_assessment(assessment_id)
    return assessment_id, plan


def shown_plan(store: Store, plan: Plan) -> Plan:
    """A stored plan as ``plan`` shows it: its done marks, the events since, its
    commitments, and the day of the assessment before it."""
    return _with_previous(store, store.with_commitments(_as_it_stands(store, plan)))
