"""Actions marked done: the record, which of them a new plan repeats, and finding an
action of a plan by its id (``plan --done``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from careercoach.errors import BadInput
from careercoach.safe_text import clean

if TYPE_CHECKING:
    from careercoach.core.models import Plan


@dataclass(frozen=True)
class DoneItem:
    """An action of a plan to mark done, with its dimension's score in that plan."""

    bank: str
    dimension: str
    action: str
    score: int


@dataclass(frozen=True)
class DoneAction:
    """An action marked done (a row of ``done_actions``): its dimension's score in the plan
    where it was marked, and its text there when the reader looked it up."""

    assessment_id: int
    bank: str
    dimension: str
    action: str
    score: int
    done_at: str
    text: str = ""

    @property
    def key(self) -> str:
        return f"{self.bank}.{self.action}"


def repeat_action(
    bank: str, action: str, score: int, baseline: Mapping[tuple[str, str], int]
) -> bool:
    """Whether a new plan shows an action: yes unless it was marked done before, and then
    only if its dimension got worse since (scores higher than when it was marked)."""
    then = baseline.get((bank, action))
    return then is None or score > then


def without_done(plan: Plan, baseline: Mapping[tuple[str, str], int]) -> Plan:
    """A new plan without the actions marked done before, except those whose dimension
    got worse since (see :func:`repeat_action`); the others numbered 1, 2, ... again."""
    scores = {(d.bank, d.id): d.score for d in plan.dimensions}
    kept = [
        a
        for a in plan.actions
        if repeat_action(a.bank, a.id, scores.get((a.bank, a.dimension), 0), baseline)
    ]
    if len(kept) == len(plan.actions):
        return plan
    numbered = [a.model_copy(update={"number": n}) for n, a in enumerate(kept, start=1)]
    return plan.model_copy(update={"actions": numbered})


class ActionRef(NamedTuple):
    """An action of a plan picked by ``bank.action`` or a unique bare action id."""

    position: int
    bank: str
    dimension: str
    id: str


MAX_ERROR_LINE = 80 - len("careercoach: ")
"""An error line fits 80 columns with the ``careercoach: `` it is printed after."""
_WORD = re.compile(r"[a-z][a-z0-9]*")


def close_actions(ref: str, actions: Sequence[tuple[str, str, str]], n: int = 2) -> list[str]:
    """``bank.action`` of the actions (``(bank, id, text)``) that ``ref`` looks like a
    typo of: close to an id (bare, bank-qualified, or one of its ``_`` parts); failing
    that, close to a word of one action's text. At most ``n``, closest first."""
    import difflib

    word = ref.strip().lower()

    def best(candidates: dict[str, list[str]], unique: bool) -> list[str]:
        found: list[str] = []
        for match in difflib.get_close_matches(word, list(candidates), n=20, cutoff=0.75):
            keys = list(dict.fromkeys(candidates[match]))
            if unique and len(keys) > 1:
                continue  # a word many actions share points at none of them
            found += [k for k in keys if k not in found]
        return found[:n]

    ids: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    for bank, action, text in actions:
        key = f"{bank}.{action}"
        parts = [p for p in action.split("_") if len(p) >= 4]
        for candidate in (action, key, *parts):
            ids.setdefault(candidate, []).append(key)
        for w in dict.fromkeys(_WORD.findall(text.lower())):
            if len(w) >= 4:
                words.setdefault(w, []).append(key)
    return best(ids, unique=False) or best(words, unique=True)


def _did_you_mean(names: Sequence[str]) -> str:
    if len(names) == 1:
        return f"did you mean {names[0]}?"
    return f"did you mean {', '.join(names[:-1])} or {names[-1]}?"


def _numbered_action(plan: Plan, number: int, command: str) -> ActionRef:
    """The action shown as ``number.`` (a plan stored before numbers: its place, from 1)."""
    for position, a in enumerate(plan.actions):
        if (a.number or position + 1) == number:
            return ActionRef(position, a.bank, a.dimension, a.id)
    last = max((a.number or p + 1 for p, a in enumerate(plan.actions)), default=0)
    raise BadInput(
        f"no action {number} in plan {plan.assessment_id}: its actions are numbered 1 to {last}",
        hint=f"See them: {command}",
    )


def resolve_action(plan: Plan, ref: str, *, command: str = "careercoach plan") -> ActionRef:
    """The plan's action named ``ref``: its number (as the plan shows it), ``bank.action``
    or a unique bare action id; :class:`BadInput` (exit 2) otherwise: at most
    three lines of 80 columns, with the closest ids and where to see them all
    (``command``: how the person shows this plan)."""
    if ref.strip().isdecimal() and len(ref.strip()) <= 9:
        return _numbered_action(plan, int(ref), command)
    matches = [
        ActionRef(position, a.bank, a.dimension, a.id)
        for position, a in enumerate(plan.actions)
        if ref in (f"{a.bank}.{a.id}", a.id)
    ]
    if len(matches) == 1:
        return matches[0]
    which = f"assessment {plan.assessment_id}"
    if matches:
        names = ", ".join(f"{m.bank}.{m.id}" for m in matches)
        raise BadInput(f"'{clean(ref)}' is in several banks of {which}; say which: {names}")
    shown = clean(ref)
    if len(shown) > 30:
        shown = shown[:29] + "…"
    problems = [f"no action '{shown}' in plan {plan.assessment_id}"]
    close = close_actions(ref, [(a.bank, a.id, a.text) for a in plan.actions])
    while len(close) > 1 and len(_did_you_mean(close)) > MAX_ERROR_LINE:
        close = close[:-1]
    if close:
        problems.append(_did_you_mean(close))
    hint = f"See the ids: {command} --export json --output -"
    if len(hint) + len(" (or tick: --check)") <= 80:
        hint += " (or tick: --check)"
    raise BadInput(*problems, hint=hint)
