"""The interactive assessment's walk: next question, save, back, progress.

:class:`Session` is the loop, free of any terminal: it is given the banks, the answers
stored so far, and a ``recorder`` that stores each answer the moment it is given; its
:meth:`Session.run` takes an ``ask`` function (one :class:`Step` in, with the progress to
show; one answer, ``None`` for a skipped optional question, or
:data:`~careercoach.ui.prompts.BACK` out). The real ``ask`` is
:class:`~careercoach.flows.prompt_asker.PromptAsker`;
:func:`~careercoach.flows.interactive.run_interactive` wires the loop to the store, the
lock and the command line.

The walk: the questions that are asked (their ``when`` holds given the answers so far),
bank after bank, in bank order. Answering a question moves to the next one; going back
moves to the previous one and shows its answer. When an answer changes so that a later
question is no longer asked, that question's answer is dropped from the store at once.
Resuming starts at the first asked question without an answer. The review
(:mod:`careercoach.flows.review`) asks one question again and then what that opened
(:meth:`Session.revisit`), with going back as in the walk.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from careercoach.core.conditions import (
    Answers,
    AnswerValue,
    asked_answers,
    asked_questions,
)
from careercoach.core.models import Bank, Question, condition_questions
from careercoach.safe_text import clean
from careercoach.ui.bank_views import SECONDS_PER_TYPE
from careercoach.ui.prompts import GoBack

Reply = AnswerValue | GoBack | None
"""What a prompt gives back: an answer, ``None`` (an optional question skipped), or BACK."""


# -- one step of the walk ---------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """The question on screen, and where it stands."""

    bank: Bank
    question: Question
    bank_number: int
    """1-based position of the bank in the assessment."""
    bank_count: int
    number: int
    """n of "question n of m" (1-based, within the bank)."""
    total: int
    """m: the bank's questions asked given the answers before this one, and those that
    could still open (their ``when`` names this question or a later one, whose answer may
    still change): an upper bound, so that answering never makes it go up."""
    seconds_left: int
    """Estimated time to the end of the assessment, this question included; never more
    than at the question before, unless the person went back."""
    current: AnswerValue | None
    """The answer already given (going back, or walking forward again), else None."""
    can_go_back: bool
    first: bool
    """The first question shown in this run (the back tip goes with it)."""
    could_open: int = 0
    """How many of ``total`` could still open: where there are any, m is "about m"."""
    could_end: bool = False
    """The question on screen is the bank's ``audience`` question: its answer can end the
    bank, so m is "about m" too."""

    def progress(self) -> str:
        """``Are you stuck? (bank 1 of 2) · question 3 of about 12 · about 4 min left``:
        "about" while questions could still open, so that the total does not jump up."""
        bank = f" (bank {self.bank_number} of {self.bank_count})" if self.bank_count > 1 else ""
        about = "about " if self.could_open or self.could_end else ""
        return (
            f"{clean(self.bank.title)}{bank} · question {self.number} of {about}{self.total} · "
            f"{time_left(self.seconds_left)}"
        )


def time_left(seconds: int) -> str:
    """``about 4 min left``; ``under a minute left``."""
    if seconds < 60:
        return "under a minute left"
    return f"about {math.floor(seconds / 60 + 0.5)} min left"


class Recorder(Protocol):
    """Where answers go the moment they are given (the store, or a test's list)."""

    def save(self, bank: str, question: str, value: AnswerValue) -> None: ...

    def drop(self, keys: Sequence[tuple[str, str]]) -> None: ...


Ask = Callable[[Step], Reply]


@dataclass
class Session:
    """The walk through ``banks`` (in assessment order), starting from ``answers``."""

    banks: Sequence[Bank]
    recorder: Recorder
    answers: Answers = field(default_factory=dict)
    skipped: set[tuple[str, str]] = field(default_factory=set)
    """Optional questions left empty in this run (not stored: nothing was said)."""

    def __post_init__(self) -> None:
        given = self.answers
        self.answers = {bank.id: dict(given.get(bank.id, {})) for bank in self.banks}
        self._prune()

    # -- the walk -----------------------------------------------------------------------

    def walk(self) -> list[tuple[int, Question]]:
        """Every question asked given the answers so far: ``(bank index, question)``."""
        return [
            (index, question)
            for index, bank in enumerate(self.banks)
            for question in asked_questions(bank, self.answers[bank.id])
        ]

    def is_answered(self, bank: Bank, question: Question) -> bool:
        return question.id in self.answers[bank.id] or (bank.id, question.id) in self.skipped

    def first_unanswered(self) -> int:
        """Where a resumed run starts: the first asked question without an answer."""
        walk = self.walk()
        for position, (index, question) in enumerate(walk):
            if not self.is_answered(self.banks[index], question):
                return position
        return len(walk)

    def answered_count(self) -> int:
        return sum(len(given) for given in self.answers.values())

    def seconds_left(self, walk: Sequence[tuple[int, Question]], position: int) -> int:
        """Time for what is left from ``position`` on: the question on screen and every
        later asked question without an answer at its type's time, and each question that
        could still open (:meth:`could_open`) at half (as
        :func:`~careercoach.ui.bank_views.estimated_minutes` counts)."""
        seconds = 0.0
        for at in range(position, len(walk)):
            index, question = walk[at]
            if at == position or not self.is_answered(self.banks[index], question):
                seconds += SECONDS_PER_TYPE[question.type]
        first_bank = walk[position][0] if position < len(walk) else len(self.banks)
        for index in range(first_bank, len(self.banks)):
            for question in self.could_open(walk, index, position):
                seconds += SECONDS_PER_TYPE[question.type] / 2
        return round(seconds)

    def could_open(
        self, walk: Sequence[tuple[int, Question]], index: int, position: int
    ) -> list[Question]:
        """The questions of bank ``index`` not asked now that could still be: their ``when``
        names a question not settled, that is not asked before ``position`` (the answer on
        screen, and those after it, may still change: the person can go back)."""
        bank = self.banks[index]
        settled = {question.id for at, question in walk[:position] if at == index}
        asked = {question.id for at, question in walk if at == index}
        return [
            question
            for question in bank.questions
            if question.id not in asked
            and question.when is not None
            and any(named not in settled for named in condition_questions(question.when))
        ]

    def step(
        self,
        walk: Sequence[tuple[int, Question]],
        position: int,
        *,
        first: bool,
        ceiling: int | None = None,
    ) -> Step:
        """The step at ``position``; its time left at most ``ceiling`` (the time left shown
        at the question before: an opened question does not make the time go up)."""
        index, question = walk[position]
        bank = self.banks[index]
        in_bank = [q for i, q in walk if i == index]
        could_open = len(self.could_open(walk, index, position))
        seconds = self.seconds_left(walk, position)
        could_end = bank.audience is not None and bank.audience.question == question.id
        # the audience question's answer on screen may still change: count (and time) the
        # questions the bank has whatever it says, as at a first run ("of about 19", not
        # "of about 1" when the answer being changed had ended the bank)
        reopened = self._opened_by_audience(bank, question, in_bank) if could_end else []
        seconds += sum(SECONDS_PER_TYPE[q.type] for q in reopened)
        return Step(
            bank=bank,
            question=question,
            bank_number=index + 1,
            bank_count=len(self.banks),
            number=next(n for n, q in enumerate(in_bank, start=1) if q.id == question.id),
            total=len(in_bank) + len(reopened) + could_open,
            could_open=could_open,
            could_end=could_end,
            seconds_left=seconds if ceiling is None else min(seconds, ceiling),
            current=self.answers[bank.id].get(question.id),
            can_go_back=position > 0,
            first=first,
        )

    def _opened_by_audience(
        self, bank: Bank, audience: Question, in_bank: Sequence[Question]
    ) -> list[Question]:
        """The questions of ``bank`` asked were the ``audience`` question not answered,
        that are not asked now (its answer ended the bank)."""
        open_answers = {q: v for q, v in self.answers[bank.id].items() if q != audience.id}
        now = {q.id for q in in_bank}
        return [q for q in asked_questions(bank, open_answers) if q.id not in now]

    def run(self, ask: Ask, *, start: int | None = None) -> Answers:
        """Ask until the last asked question is answered; returns the answers that count.

        Each answer is with the recorder before the next question is asked.
        """
        position = self.first_unanswered() if start is None else start
        first = True
        ceiling: int | None = None  # the time left shown last, unless the person went back
        while True:
            walk = self.walk()
            if position >= len(walk):
                return self.counted()
            step = self.step(walk, position, first=first, ceiling=ceiling)
            first = False
            reply = ask(step)
            if isinstance(reply, GoBack):
                position = max(0, position - 1)
                ceiling = None
                continue
            self.answer(step.bank, step.question, reply)
            position += 1
            ceiling = step.seconds_left

    # -- the review (flows/review.py) --------------------------------------------------

    def fill(self, ask: Ask) -> int:
        """Ask each asked question still without an answer, in walk order, with no going
        back: before the review list, those a bank added since (editing). The questions
        an answer changed in the review opens are asked by :meth:`revisit`. Returns how
        many were asked."""
        asked = 0
        while True:
            walk = self.walk()
            position = self.first_unanswered()
            if position >= len(walk):
                return asked
            step = replace(self.step(walk, position, first=False), can_go_back=False)
            reply = ask(step)
            if isinstance(reply, GoBack):  # not offered here; ask again
                continue
            self.answer(step.bank, step.question, reply)
            asked += 1

    def revisit(self, ask: Ask, bank_id: str, question_id: str) -> bool:
        """Ask one answered question again, its answer shown, then the questions its
        answer opened, in walk order (the answers it made moot are dropped): a run of its
        own, where BACK goes to the previous question of the run, and on the first one
        puts back every answer as it was before and leaves. Returns whether an answer
        changed."""
        before = {bank: dict(given) for bank, given in self.answers.items()}
        skipped_before = set(self.skipped)
        run = [(bank_id, question_id)]
        at = 0
        while at < len(run):
            walk = self.walk()
            keys = [(self.banks[index].id, question.id) for index, question in walk]
            position = keys.index(run[at])
            step = replace(self.step(walk, position, first=False), can_go_back=True)
            reply = ask(step)
            if isinstance(reply, GoBack):
                if at == 0:
                    self._put_back(before, skipped_before)
                    return False
                at -= 1
                continue
            self.answer(step.bank, step.question, reply)
            keys = [(self.banks[index].id, question.id) for index, question in self.walk()]
            later = keys[keys.index(run[at]) + 1 :]
            # what is next in the run: a question of it still asked (walking forward again
            # after going back), or one opened and not answered yet
            run = run[: at + 1] + [
                (bank, question)
                for bank, question in later
                if (bank, question) in run[at + 1 :]
                or not self.is_answered(self._bank(bank), self._question(bank, question))
            ]
            at += 1
        return self.answers != before

    def _bank(self, bank_id: str) -> Bank:
        return next(bank for bank in self.banks if bank.id == bank_id)

    def _question(self, bank_id: str, question_id: str) -> Question:
        return next(q for q in self._bank(bank_id).questions if q.id == question_id)

    def _put_back(self, answers: Answers, skipped: set[tuple[str, str]]) -> None:
        """Make the answers ``answers`` again (the recorder told of each difference)."""
        gone = [
            (bank.id, question)
            for bank in self.banks
            for question in self.answers[bank.id]
            if question not in answers[bank.id]
        ]
        if gone:
            self.recorder.drop(gone)
        for bank in self.banks:
            for question, value in answers[bank.id].items():
                if self.answers[bank.id].get(question) != value:
                    self.recorder.save(bank.id, question, value)
        self.answers = {bank.id: dict(answers[bank.id]) for bank in self.banks}
        self.skipped = set(skipped)

    def skip_unanswered_optional(self) -> None:
        """Count the optional questions asked but left without an answer as skipped (an
        edit does not ask them again; the review still offers them)."""
        for index, question in self.walk():
            bank = self.banks[index]
            if not question.required and question.id not in self.answers[bank.id]:
                self.skipped.add((bank.id, question.id))

    def answer(self, bank: Bank, question: Question, reply: AnswerValue | None) -> None:
        """Record one reply, then drop the answers it made moot."""
        key = (bank.id, question.id)
        given = self.answers[bank.id]
        if reply is None:
            if question.id in given:
                del given[question.id]
                self.recorder.drop([key])
            self.skipped.add(key)
        else:
            self.skipped.discard(key)
            if question.id not in given or given[question.id] != reply:
                self.recorder.save(bank.id, question.id, reply)
            given[question.id] = reply
        self._prune()

    def _prune(self) -> None:
        """Drop answers to questions that are no longer asked (or not in the bank)."""
        moot = self._moot()
        if moot:
            self.recorder.drop(moot)

    def _moot(self) -> list[tuple[str, str]]:
        """Forget answers to questions no longer asked (or not in the bank): their keys."""
        moot: list[tuple[str, str]] = []
        for bank in self.banks:
            given = self.answers[bank.id]
            counted = asked_answers(bank, given)
            for question_id in [q for q in given if q not in counted]:
                del given[question_id]
                moot.append((bank.id, question_id))
            asked = {q.id for q in asked_questions(bank, given)}
            self.skipped -= {(b, q) for b, q in self.skipped if b == bank.id and q not in asked}
        return moot

    def counted(self) -> Answers:
        return {bank.id: dict(asked_answers(bank, self.answers[bank.id])) for bank in self.banks}
