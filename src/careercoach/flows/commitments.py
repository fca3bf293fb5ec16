"""Committing to actions: at the end of ``assess`` in a terminal, and ``plan --commit N``.

A plan is acted on when it ends in a few commitments (what, by when, and "if this gets in
the way, then I will..."). At the end of an interactive assessment the person picks up to
three actions (none is fine); for each, a day (the end of its horizon unless they say
otherwise) and an optional if-then line. Each is saved the moment it is given, as
answers are: a Ctrl-C keeps what was already said.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from careercoach.core.commitments import (
    MAX_COMMITMENTS,
    CommitmentProblem,
    action_key,
    check_if_then,
    default_due,
    parse_due,
)
from careercoach.errors import BadInput, Interrupted
from careercoach.safe_text import clean, for_terminal

if TYPE_CHECKING:
    from careercoach.core.models import Plan, PlannedAction
    from careercoach.storage.store import Store
    from careercoach.ui.prompts import Look

PICK = "Pick up to three actions to commit to (none is fine)"
BY_WHEN = "By when? (YYYY-MM-DD)"
IF_THEN = "If something gets in the way, then what will you do?"
LATER = "Commit to an action later with: careercoach plan --commit N --by YYYY-MM-DD"


def _command(assessment_id: int | None) -> str:
    return "careercoach plan" + (f" --id {assessment_id}" if assessment_id is not None else "")


def _lines(text: str, *, first: str = "", indent: str = "") -> list[str]:
    """``text`` wrapped between words to the width of the moment, a command kept whole."""
    from careercoach.ui.text_cells import text_width, wrap_words

    return wrap_words(text, text_width(), first=first, indent=indent)


def _summary(action: PlannedAction, number: int, due: date, if_then: str | None) -> list[str]:
    from careercoach.core.dates import human_date
    from careercoach.ui.plan_wording import as_sentence

    lines = _lines(f"Committed to {number}: {for_terminal(action.text)}", indent="  ")
    when = f"By {human_date(due)}." + (f" {as_sentence(for_terminal(if_then))}" if if_then else "")
    return lines + _lines(when, first="  ", indent="  ")


def change_commitment(
    assessment_id: int | None,
    commit: str | None,
    uncommit: str | None,
    by: str | None,
    if_then: str | None,
    *,
    others: Sequence[str] = (),
) -> str:
    """``plan --commit N [--by DAY] [--if-then TEXT]`` / ``plan --uncommit N``: save or
    drop a commitment; returns what to tell the person. Exit 2 (:class:`BadInput`, one
    line) for options that do not go together, a number not in the plan, a day that is
    not a date or has passed, a fourth commitment."""
    from careercoach.core.done import resolve_action
    from careercoach.flows.assessment import load_plan
    from careercoach.storage.store import Store

    if commit is None and uncommit is None:
        raise BadInput("--by and --if-then go with --commit N")
    if others:
        raise BadInput(
            f"--{'un' if commit is None else ''}commit cannot be combined with {others[0]}"
        )
    if commit is not None and uncommit is not None:
        raise BadInput("--commit and --uncommit cannot be combined")
    if uncommit is not None and (by is not None or if_then is not None):
        raise BadInput("--by and --if-then go with --commit N, not --uncommit")
    plan = load_plan(assessment_id)
    assert plan.assessment_id is not None
    if not plan.actions:
        raise BadInput(f"the plan of assessment {plan.assessment_id} has no actions to commit to")
    ref = resolve_action(plan, commit or uncommit or "", command=_command(assessment_id))
    action = plan.actions[ref.position]
    number = action.number or ref.position + 1
    key = action_key(action)
    if uncommit is not None:
        with Store() as store:
            dropped = store.drop_commitment(plan.assessment_id, key)
        return f"Dropped the commitment to {number}." if dropped else f"{number} had no commitment."

    today = date.today()
    try:
        due = parse_due(by, today) if by is not None else default_due(action.horizon, today)
    except CommitmentProblem as exc:
        raise BadInput(f"--by: {exc}") from None
    try:
        line = check_if_then(clean(if_then) if if_then is not None else None)
    except CommitmentProblem as exc:
        raise BadInput(f"--if-then: {exc}") from None
    committed = {c.action_id for c in plan.commitments}
    if key not in committed and len(committed) >= MAX_COMMITMENTS:
        numbers = ", ".join(str(c.number) for c in plan.commitments)
        raise BadInput(
            f"you have committed to {MAX_COMMITMENTS} actions already ({numbers}); "
            "drop one first with --uncommit N"
        )
    with Store() as store:
        store.save_commitment(plan.assessment_id, key, due, line)
    return "\n".join(_summary(action, number, due, line))


def ask_commitments(
    plan: Plan, *, no_color: bool = False, write: Callable[[str], None] | None = None
) -> None:
    """After an interactive assessment: pick up to three actions, then for each a day and
    an if-then line, each saved as soon as it is given. Ctrl-C or Ctrl-D stops
    (:class:`Interrupted`, exit 130) keeping what was saved."""
    if not plan.actions or plan.assessment_id is None:
        return
    from careercoach.storage.store import Store
    from careercoach.ui.prompts import Look

    out = write or _stdout
    look = Look(no_color=no_color)
    out("")
    try:
        picked = _pick(plan, out, look)
        if not picked:
            for line in _lines(LATER):
                out(line)
            return
        with Store() as store:
            for position in picked:
                _commit_one(store, plan, position, out, look)
    except Interrupted:
        raise Interrupted(
            "stopped; your plan and the commitments you made are saved.", hint=LATER
        ) from None


def _stdout(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _pick(plan: Plan, out: Callable[[str], None], look: Look) -> list[int]:
    from careercoach.ui import prompts

    choices = [
        (str(position), f"{action.number or position + 1}. {action.text}")
        for position, action in enumerate(plan.actions)
    ]
    ticked: list[str] = []
    while True:
        ticked = prompts.ask_checklist(PICK, choices, ticked, look=look)
        if len(ticked) <= MAX_COMMITMENTS:
            return [int(position) for position in ticked]
        for line in _lines(f"Pick at most {MAX_COMMITMENTS} ({len(ticked)} are ticked)."):
            out(line)


def _commit_one(
    store: Store, plan: Plan, position: int, out: Callable[[str], None], look: Look
) -> None:
    from careercoach.ui import prompts

    assert plan.assessment_id is not None
    action = plan.actions[position]
    number = action.number or position + 1
    key = action_key(action)
    today = date.today()
    out("")
    for text in _lines(f"{number}. {for_terminal(action.text)}", indent=" " * len(f"{number}. ")):
        out(text)
    suggested = default_due(action.horizon, today).isoformat()
    while True:
        reply = prompts.ask_text(BY_WHEN, required=False, current=suggested, look=look)
        try:
            due = parse_due(reply if isinstance(reply, str) else suggested, today)
            break
        except CommitmentProblem as exc:
            for text in _lines(str(exc)):
                out(text)
    store.save_commitment(plan.assessment_id, key, due, None)  # saved before the next question
    line = None
    while True:
        reply = prompts.ask_text(IF_THEN, required=False, look=look)
        try:
            line = check_if_then(reply if isinstance(reply, str) else None)
            break
        except CommitmentProblem as exc:
            for text in _lines(str(exc)):
                out(text)
    if line is not None:
        store.save_commitment(plan.assessment_id, key, due, line)
    for text in _summary(action, number, due, line):
        out(text)
