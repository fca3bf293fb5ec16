"""``careercoach assess --edit [ID]``: reopen a finished assessment at the review.

The assessment stays the same one (its id, and the day it was taken, which its plan's
horizons and check-in count from). Each changed answer is saved the moment it is given,
and the plan and scores are rebuilt with it in the same transaction
(:meth:`~careercoach.storage.edits.EditTables.edit_answers`): whenever the editing stops,
the stored plan is that of the stored answers. Done marks and commitments are kept by
action id: shown with their action wherever it now stands, and kept unseen while it is
not in the plan (an answer changed back brings them back).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from careercoach.core.conditions import AnswerValue
from careercoach.core.dates import human_date, local_time
from careercoach.errors import BadInput, Interrupted, NoTerminal, UnknownAssessment
from careercoach.flows.assessment_lock import assessment_lock
from careercoach.flows.review import Pick, pick_with_prompts, review
from careercoach.flows.session import Ask, Session
from careercoach.safe_text import clean
from careercoach.ui.prompts import wrap
from careercoach.ui.text_cells import text_width

if TYPE_CHECKING:
    from careercoach.core.conditions import Answers
    from careercoach.core.models import Bank, Plan
    from careercoach.storage.store import Store

DONE_LABEL = "Done, show my new plan"


@dataclass
class EditRecorder:
    """A :class:`~careercoach.flows.session.Recorder` for a finished assessment: each
    change is saved with the plan rebuilt from the answers as they now are."""

    store: Store
    assessment_id: int
    banks: Sequence[Bank]
    finished_at: datetime
    baseline: Mapping[tuple[str, str], int]
    changes: int = 0

    def save(self, bank: str, question: str, value: AnswerValue) -> None:
        self._change({(bank, question): value}, ())

    def drop(self, keys: Sequence[tuple[str, str]]) -> None:
        if keys:
            self._change({}, keys)

    def _change(
        self, saves: Mapping[tuple[str, str], AnswerValue], drops: Sequence[tuple[str, str]]
    ) -> None:
        from careercoach.flows.assessment import make_plan

        def rebuild(answers: Answers) -> Plan:
            return make_plan(
                self.banks,
                answers,
                assessment_id=self.assessment_id,
                finished_at=self.finished_at,
                done=self.baseline,
            )

        self.store.edit_answers(
            self.assessment_id, saves=saves, drops=drops, make_plan=rebuild, banks=self.banks
        )
        self.changes += 1


@dataclass(frozen=True)
class Edited:
    """What ``assess --edit`` did: the plan as it now stands, and whether it changed."""

    plan: Plan
    changes: int
    set_aside: tuple[str, ...] = ()
    """One sentence for each done mark or commitment whose action the edit took out of
    the plan (:func:`set_aside_lines`)."""


SET_ASIDE = "Set aside while its action is not in the plan: {}; it comes back if the action does."


def set_aside_lines(before: Plan, after: Plan) -> list[str]:
    """What an edit set aside, unseen, one sentence each: the commitments and done marks
    shown in ``before`` whose action is not in ``after`` (kept, and shown again when an
    answer brings the action back)."""
    staying = {f"{action.bank}.{action.id}" for action in after.actions}
    lines = [
        SET_ASIDE.format(
            f'your commitment to "{clean(commitment.text)}" '
            f"(by {human_date(date.fromisoformat(commitment.by))})"
        )
        for commitment in before.commitments
        if commitment.action_id not in staying
    ]
    lines += [
        SET_ASIDE.format(f'the done mark of "{clean(action.text)}"')
        for action in before.actions
        if action.done and f"{action.bank}.{action.id}" not in staying
    ]
    return lines


def run_edit(
    *,
    assessment_id: int | None,
    bank_dirs: Sequence[Path],
    no_color: bool,
    out: IO[str] | None = None,
    ask: Ask | None = None,
    pick: Pick | None = None,
) -> Edited:
    """Reopen a finished assessment (the latest when ``assessment_id`` is None) at the
    review; returns its plan as it now stands (not printed).

    Bad input (exit 2) for an id that is not stored, then without a terminal on stdin,
    before anything is changed; Ctrl-C stops with :class:`Interrupted` (exit 130), every change
    given so far kept.
    """
    from careercoach.ui import prompts

    stream = out or sys.stdout

    def write(line: str) -> None:
        stream.write(line + "\n")
        stream.flush()

    from careercoach.errors import no_finished_assessment
    from careercoach.flows.assessment import shown_plan, stored_plan
    from careercoach.flows.interactive import picker_order
    from careercoach.flows.prompt_asker import ask_with_prompts
    from careercoach.paths import data_dir
    from careercoach.storage.store import Store

    if not Store.exists():
        if assessment_id is None:
            raise no_finished_assessment()
        raise UnknownAssessment(assessment_id, none_stored=True)
    recorder: EditRecorder | None = None
    try:
        with assessment_lock(data_dir()), Store() as store:
            store.check_intact()
            assessment_id, plan = stored_plan(store, assessment_id)
            shown_before = shown_plan(store, plan)
            banks, builtin = _banks_of(store, assessment_id, bank_dirs)
            # the arguments first (an unknown id is named, exit 2), then the terminal
            if not prompts.stdin_is_terminal():
                raise NoTerminal(
                    "assess --edit shows your answers in a terminal, and stdin is not one."
                )
            finished_at = datetime.fromisoformat(plan.finished_at)
            recorder = EditRecorder(
                store,
                assessment_id,
                banks,
                finished_at,
                store.done_baseline_before(assessment_id, plan.finished_at),
            )
            taken = human_date(local_time(plan.finished_at).date())
            said = (
                f"Assessment {assessment_id}, taken {taken}: change any answer, and the "
                "plan is made again with it (the same assessment, the same day)."
            )
            for line in wrap(said, text_width()):
                write(line)
            # the review in the picker's order (``banks list``'s), whatever the stored
            # order (an assessment made from an answers file stores its banks by id)
            shown = picker_order(banks, builtin)
            session = Session(shown, recorder, store.answers(assessment_id))
            session.skip_unanswered_optional()
            asker = ask or ask_with_prompts(no_color=no_color, out=write)
            review(
                session,
                asker,
                pick or pick_with_prompts(no_color=no_color, out=write, done_label=DONE_LABEL),
            )
            stored = store.plan(assessment_id)
            assert stored is not None
            shown_after = shown_plan(store, stored)
            return Edited(
                shown_after, recorder.changes, tuple(set_aside_lines(shown_before, shown_after))
            )
    except (Interrupted, KeyboardInterrupt) as exc:
        raise _stopped(recorder, assessment_id) from exc


def _stopped(recorder: EditRecorder | None, assessment_id: int | None) -> Interrupted:
    """What stopping an edit says: every change is kept, with the plan made from it."""
    if recorder is None or not recorder.changes:
        return Interrupted("stopped; nothing was changed.")
    return Interrupted(
        "stopped; every change you made is saved, and the plan is made again with it.",
        hint=f"Go on changing answers with: careercoach assess --edit {assessment_id}",
    )


def _banks_of(
    store: Store, assessment_id: int, bank_dirs: Sequence[Path]
) -> tuple[list[Bank], list[str]]:
    """The banks the assessment was taken with, as loaded now (in its order), and the
    ids of those that are built in."""
    from careercoach.storage.banks import load_banks

    record = store.assessment(assessment_id)
    assert record is not None
    entries = load_banks(bank_dirs, wanted=record.bank_ids)
    loaded = {entry.bank.id: entry.bank for entry in entries}
    missing = [bank_id for bank_id in record.bank_ids if bank_id not in loaded]
    if missing:
        raise BadInput(
            *(
                f"assessment {assessment_id} uses bank '{clean(bank_id)}', which is not loaded"
                for bank_id in missing
            ),
            hint="Add its folder with --bank-dir",
        )
    builtin = [entry.bank.id for entry in entries if entry.builtin]
    return [loaded[bank_id] for bank_id in record.bank_ids], builtin
