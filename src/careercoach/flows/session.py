"""The interactive assessment: next question, save, back, resume, progress.

:class:`Session` is the loop, free of any terminal: it is given the banks, the answers
stored so far, and a ``recorder`` that stores each answer the moment it is given; its
:meth:`Session.run` takes an ``ask`` function (one :class:`Step` in, with the progress to
show; one answer, ``None`` for a skipped optional question, or
:data:`~careercoach.ui.prompts.BACK` out). :class:`PromptAsker` is the real ``ask`` (the
progress line, then questionary through :mod:`careercoach.ui.prompts`);
:func:`run_interactive` wires the loop to the store, the lock and the command line.

The walk: the questions that are asked (their ``when`` holds given the answers so far),
bank after bank, in bank order. Answering a question moves to the next one; going back
moves to the previous one and shows its answer. When an answer changes so that a later
question is no longer asked, that question's answer is dropped from the store at once.
Resuming starts at the first asked question without an answer.
"""

from __future__ import annotations

import math
import os
import shlex
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, cast

from careercoach.core.conditions import (
    Answers,
    AnswerValue,
    BankAnswers,
    asked_answers,
    asked_questions,
)
from careercoach.core.dates import count as plural
from careercoach.core.models import (
    Bank,
    LikertQuestion,
    MultiQuestion,
    NumberQuestion,
    Question,
    SingleQuestion,
    TextQuestion,
    condition_questions,
)
from careercoach.errors import AlreadyRunning, CareerCoachError, Interrupted, NoTerminal, StoreError
from careercoach.safe_text import clean
from careercoach.ui.bank_views import SECONDS_PER_TYPE, estimated_minutes
from careercoach.ui.prompts import BACK, GoBack, Look, Prompt, wrap
from careercoach.ui.text_cells import text_width

if TYPE_CHECKING:
    from careercoach.core.models import Plan
    from careercoach.storage.store import Store

RESUME_COMMAND = "careercoach assess --resume"
BACK_TIP = "Tip: < goes back a question; Ctrl-C stops and keeps your answers."
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
    """m: the bank's questions that will be asked, given the answers so far."""
    seconds_left: int
    """Estimated time to the end of the assessment, this question included."""
    current: AnswerValue | None
    """The answer already given (going back, or walking forward again), else None."""
    can_go_back: bool
    first: bool
    """The first question shown in this run (the back tip goes with it)."""

    def progress(self) -> str:
        """``Are you stuck? (bank 1 of 2) · question 3 of 12 · about 4 min left``."""
        bank = f" (bank {self.bank_number} of {self.bank_count})" if self.bank_count > 1 else ""
        return (
            f"{clean(self.bank.title)}{bank} · question {self.number} of {self.total} · "
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
        later asked question without an answer at its type's time, and each question whose
        ``when`` waits on an unanswered one at half (as
        :func:`~careercoach.ui.bank_views.estimated_minutes` counts)."""
        seconds = 0.0
        for at in range(position, len(walk)):
            index, question = walk[at]
            if at == position or not self.is_answered(self.banks[index], question):
                seconds += SECONDS_PER_TYPE[question.type]
        asked = {(index, question.id) for index, question in walk}
        first_bank = walk[position][0] if position < len(walk) else len(self.banks)
        for index in range(first_bank, len(self.banks)):
            bank = self.banks[index]
            given = self.answers[bank.id]
            for question in bank.questions:
                if (
                    (index, question.id) not in asked
                    and question.when is not None
                    and any(named not in given for named in condition_questions(question.when))
                ):
                    seconds += SECONDS_PER_TYPE[question.type] / 2
        return round(seconds)

    def step(self, walk: Sequence[tuple[int, Question]], position: int, *, first: bool) -> Step:
        index, question = walk[position]
        bank = self.banks[index]
        in_bank = [q for i, q in walk if i == index]
        return Step(
            bank=bank,
            question=question,
            bank_number=index + 1,
            bank_count=len(self.banks),
            number=next(n for n, q in enumerate(in_bank, start=1) if q.id == question.id),
            total=len(in_bank),
            seconds_left=self.seconds_left(walk, position),
            current=self.answers[bank.id].get(question.id),
            can_go_back=position > 0,
            first=first,
        )

    def run(self, ask: Ask, *, start: int | None = None) -> Answers:
        """Ask until the last asked question is answered; returns the answers that count.

        Each answer is with the recorder before the next question is asked.
        """
        position = self.first_unanswered() if start is None else start
        first = True
        while True:
            walk = self.walk()
            if position >= len(walk):
                return self.counted()
            step = self.step(walk, position, first=first)
            first = False
            reply = ask(step)
            if isinstance(reply, GoBack):
                position = max(0, position - 1)
                continue
            self.answer(step.bank, step.question, reply)
            position += 1

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


# -- asking through questionary ---------------------------------------------------------


def _options(question: SingleQuestion | MultiQuestion) -> list[tuple[str, str]]:
    return [(option.id, option.label) for option in question.options]


def build_prompt(question: Question, current: AnswerValue | None, look: Look) -> Prompt[Reply]:
    """The matching prompt of :mod:`careercoach.ui.prompts` for one question, not yet shown."""
    from careercoach.ui import prompts

    message = question.prompt
    prompt: Prompt[Any]
    if isinstance(question, LikertQuestion):
        value = current if isinstance(current, int) else None
        prompt = prompts.likert_prompt(message, current=value, look=look)
    elif isinstance(question, SingleQuestion):
        choice = current if isinstance(current, str) else None
        prompt = prompts.single_prompt(message, _options(question), current=choice, look=look)
    elif isinstance(question, MultiQuestion):
        ticked = current if isinstance(current, list) else None
        prompt = prompts.multi_prompt(message, _options(question), current=ticked, look=look)
    elif isinstance(question, NumberQuestion):
        prompt = prompts.number_prompt(
            message,
            minimum=question.min,
            maximum=question.max,
            integer=question.integer,
            unit=question.unit,
            required=question.required,
            current=current if isinstance(current, int | float) else None,
            look=look,
        )
    else:
        assert isinstance(question, TextQuestion)
        text = prompts.text_prompt(
            message,
            required=question.required,
            max_length=question.max_length,
            current=current if isinstance(current, str) else None,
            look=look,
        )
        # An optional text left empty is stored as "" (answered: nothing to add), so that
        # a resumed run goes on after it; an answers file reads "" as not given, the same.
        prompt = replace(text, finish=lambda answer: text.finish(answer) or "")
    return cast("Prompt[Reply]", prompt)


def ask_question(question: Question, current: AnswerValue | None, look: Look) -> Reply:
    """Ask one question through the matching prompt of :mod:`careercoach.ui.prompts`."""
    return build_prompt(question, current, look).ask()


class PromptAsker:
    """The real ``ask``: the progress line (and the question's help), then the prompt."""

    def __init__(self, *, no_color: bool = False, out: Callable[[str], None] | None = None):
        self.no_color = no_color
        self.write = out or _stdout

    def __call__(self, step: Step) -> Reply:
        look = Look(no_color=self.no_color, can_go_back=step.can_go_back)
        prompt = build_prompt(step.question, step.current, look)
        if step.first:
            self.write(BACK_TIP)
        self.write("")
        width = text_width()
        for line in wrap(step.progress(), width, first="", indent="  "):
            self.write(line)
        if step.question.help:
            for line in wrap(clean(step.question.help), width, indent="  "):
                self.write(line)
        return prompt.ask()


def ask_with_prompts(
    *, no_color: bool = False, out: Callable[[str], None] | None = None
) -> PromptAsker:
    """The real ``ask`` (see :class:`PromptAsker`)."""
    return PromptAsker(no_color=no_color, out=out)


def _stdout(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


# -- one assessment at a time -----------------------------------------------------------


@contextmanager
def assessment_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder/assess.lock`` while an interactive assessment runs.

    An advisory ``flock``: the system releases it when the process ends in any way (even
    SIGKILL), so a stale lock cannot outlive its process. The file holds the pid of the
    holder, for the message a second run prints.
    """
    from careercoach.storage.safe_files import open_lock_file

    # The folder is checked and made private first; never a link, never truncated here.
    fd = open_lock_file(folder)
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no lock, as before
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise AlreadyRunning(
                "another assessment is running"
                + (f" (process {holder})" if holder.isdigit() else "")
                + ".",
                hint="Finish or stop it (Ctrl-C in its terminal), then run this again.",
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# -- the command ------------------------------------------------------------------------


@dataclass
class StoreRecorder:
    """A :class:`Recorder` that commits each answer to the store at once.

    A new assessment is created with its first answer, so a run stopped before any
    answer leaves nothing behind to resume.
    """

    store: Store
    banks: Sequence[Bank]
    assessment_id: int | None = None

    def ensure(self) -> int:
        if self.assessment_id is None:
            self.assessment_id = self.store.start_assessment(self.banks)
        return self.assessment_id

    def save(self, bank: str, question: str, value: AnswerValue) -> None:
        self.store.save_answer(self.ensure(), bank, question, value)

    def drop(self, keys: Sequence[tuple[str, str]]) -> None:
        if self.assessment_id is not None and keys:
            self.store.delete_answers(self.assessment_id, keys)


def resume_command(bank_dirs: Sequence[Path]) -> str:
    """The exact command that resumes (with the ``--bank-dir`` folders of this run)."""
    dirs = "".join(f"--bank-dir {shlex.quote(str(folder))} " for folder in bank_dirs)
    return RESUME_COMMAND.replace("assess", f"{dirs}assess", 1)


def interrupted(saved: int, bank_dirs: Sequence[Path]) -> Interrupted:
    """What stopping says: how many answers are kept, and the command that goes on.

    One line, no wider than :func:`~careercoach.ui.text_cells.text_width` (``careercoach: ``
    included), where the command fits; else the command on a line of its own, whole.
    """
    if not saved:
        return Interrupted("stopped before the first answer; nothing was saved.")
    command = resume_command(bank_dirs)
    said = f"{saved} answer{'s' if saved != 1 else ''} saved. Continue with:"
    if len(f"careercoach: {said} {command}") <= text_width():
        return Interrupted(f"{said} {command}")
    return Interrupted(said, hint=command)


def welcome_lines(banks: Sequence[Bank], db: Path, *, to_choose: bool) -> list[str]:
    """What it is, how long it takes, where the answers go."""
    minutes = sum(estimated_minutes(bank) for bank in banks)
    count = f"{len(banks)} question bank{'s' if len(banks) != 1 else ''}"
    what = (
        f"Choose from {count} (about {plural(minutes, 'minute')} for all);"
        if to_choose
        else f"Answer {count} (about {plural(minutes, 'minute')});"
    )
    return [
        "careercoach: a career self-assessment.",
        what,
        "at the end you get a short, prioritized action plan.",
        "Each answer is saved the moment you give it, on this machine only, in",
        f"  {clean(str(db))}",
        "Nothing is sent anywhere. You can stop at any time and resume later.",
    ]


def _bank_label(bank: Bank) -> str:
    count = len(bank.questions)
    return f"{bank.title} ({plural(count, 'question')}, about {estimated_minutes(bank)} min)"


def _stored_banks(ids: Sequence[str], known: Mapping[str, Bank]) -> list[Bank]:
    from careercoach.errors import BadInput

    missing = [bank_id for bank_id in ids if bank_id not in known]
    if missing:
        raise BadInput(
            *(
                f"the unfinished assessment uses bank '{bank_id}', which is not loaded"
                for bank_id in missing
            ),
            hint="Add its folder with --bank-dir, or start over with: careercoach assess --restart",
        )
    return [known[bank_id] for bank_id in ids]


def run_interactive(
    *,
    bank_ids: Sequence[str],
    bank_dirs: Sequence[Path],
    resume: bool,
    restart: bool,
    no_color: bool,
    out: IO[str] | None = None,
    ask: Ask | None = None,
) -> Plan:
    """``careercoach assess`` in a terminal; returns the finished plan (not printed).

    Stops with :class:`NoTerminal` (exit 2) before anything is written when stdin is not a
    terminal, and with :class:`Interrupted` (exit 130) on Ctrl-C or Ctrl-D, saying how to
    resume.
    """
    from careercoach.ui import prompts

    if not prompts.stdin_is_terminal():
        raise NoTerminal(
            "assess needs a terminal to ask its questions, and stdin is not one.",
            hint="To answer from a file instead: careercoach assess --answers FILE",
        )
    stream = out or sys.stdout

    def write(line: str) -> None:
        stream.write(line + "\n")
        stream.flush()

    from careercoach.flows.assessment import finish_assessment
    from careercoach.paths import data_dir, db_path
    from careercoach.storage import bank_cache
    from careercoach.storage.banks import load_banks, select_banks
    from careercoach.storage.store import Store

    loaded = load_banks(bank_dirs, wanted=bank_ids)
    chosen = [entry.bank for entry in select_banks(loaded, bank_ids)] if bank_ids else []
    known = {entry.bank.id: entry.bank for entry in loaded}
    look = Look(no_color=no_color)
    recorder: StoreRecorder | None = None
    session: Session | None = None
    unfinished_kept = 0  # answers of the unfinished assessment kept (not discarded)
    try:
        with assessment_lock(data_dir()), Store() as store:
            store.check_intact()  # a damaged file is refused before the first answer
            bank_cache.put_waiting()  # the data folder exists now: cache a first run's banks
            assessment_id = store.unfinished()
            if assessment_id is not None and restart:
                store.discard(assessment_id)
                assessment_id = None
            elif assessment_id is not None and not resume:
                unfinished_kept = store.answer_count(assessment_id)
                assessment_id = _ask_resume(store, assessment_id, look, chosen, known)
                unfinished_kept = unfinished_kept if assessment_id is not None else 0
            elif assessment_id is None and resume:
                write("No unfinished assessment to resume; starting a new one.")

            given: Answers = {}
            if assessment_id is not None:
                record = store.assessment(assessment_id)
                assert record is not None
                banks = _stored_banks(record.bank_ids, known)
                given = store.answers(assessment_id)
                count = sum(len(answers) for answers in given.values())
                write(f"Resuming your assessment ({count} answered so far).")
                left_out = [bank.id for bank in chosen if bank.id not in record.bank_ids]
                if left_out:
                    note = (
                        f"It goes on with {_names(record.bank_ids)}; --bank "
                        f"{_names(left_out)} is for a new assessment, after this one."
                    )
                    for line in wrap(note, text_width()):
                        write(line)
            else:
                offered = chosen or list(known.values())
                for line in welcome_lines(offered, db_path(), to_choose=not chosen):
                    write(line)
                banks = chosen
                if not banks:
                    write("")
                    picked = prompts.choose_banks(
                        [(bank.id, _bank_label(bank)) for bank in known.values()], look=look
                    )
                    banks = [known[bank_id] for bank_id in picked]
            recorder = StoreRecorder(store, banks, assessment_id)
            session = Session(banks, recorder, given)
            try:
                session.run(ask or ask_with_prompts(no_color=no_color, out=write))
            except StoreError as exc:  # a full disk: say what is kept, and how to go on
                raise _with_resume_hint(exc, store, recorder, bank_dirs) from None
            return finish_assessment(store, recorder.ensure(), banks)
    except (Interrupted, KeyboardInterrupt) as exc:
        saved = unfinished_kept
        if session is not None and recorder is not None and recorder.assessment_id is not None:
            saved = session.answered_count()
        raise interrupted(saved, bank_dirs) from exc


def _with_resume_hint(
    exc: StoreError, store: Store, recorder: StoreRecorder, bank_dirs: Sequence[Path]
) -> StoreError:
    """``exc``, with how many earlier answers are kept and the command that goes on."""
    try:
        kept = store.answer_count(recorder.assessment_id) if recorder.assessment_id else 0
    except CareerCoachError:
        kept = 0
    if kept:
        said = f"{kept} earlier answer{'s' if kept != 1 else ''} kept"
        exc.hint = f"{said}; once this is fixed, continue with: {resume_command(bank_dirs)}"
    return exc


def _names(ids: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    shown = [clean(bank_id) for bank_id in ids] or ["its banks"]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def resume_question(
    bank_ids: Sequence[str],
    given: Answers,
    started: str,
    known: Mapping[str, Bank],
    new_banks: Sequence[str],
) -> tuple[str, str, str]:
    """The question that offers the unfinished assessment, and its two choices, each
    naming the banks it goes on with."""
    parts = []
    for bank_id in bank_ids:
        answered = len(given.get(bank_id, {}))
        bank = known.get(bank_id)
        of = f" of {len(asked_questions(bank, given.get(bank_id, {})))}" if bank else ""
        parts.append(f"{clean(bank_id)}: {answered}{of} answered")
    count = sum(len(answers) for answers in given.values())
    message = f"You have an unfinished assessment ({', '.join(parts)}, started {started})."
    resume = f"Resume where you stopped ({count} answered): go on with {_names(bank_ids)}"
    unfinished = f"discard the {count} unfinished answer{'s' if count != 1 else ''}"
    if new_banks:
        message += f" Resume it, or start over with {_names(new_banks)}?"
        restart = f"Start over with {_names(new_banks)}: {unfinished}"
    else:
        message += " Resume it, or start over?"
        restart = f"Start over: {unfinished}, then choose banks"
    return message, resume, restart


def _ask_resume(
    store: Store,
    assessment_id: int,
    look: Look,
    chosen: Sequence[Bank],
    known: Mapping[str, Bank],
) -> int | None:
    """Ask whether to resume the unfinished assessment; discard it if not."""
    from careercoach.ui import prompts

    record = store.assessment(assessment_id)
    started = record.started_at.replace("T", " ")[:16] + " UTC" if record else "earlier"
    bank_ids = record.bank_ids if record else []
    message, resume, restart = resume_question(
        bank_ids, store.answers(assessment_id), started, known, [bank.id for bank in chosen]
    )
    if prompts.choose_resume(message, resume, restart, look=look):
        return assessment_id
    store.discard(assessment_id)
    return None


__all__ = [
    "BACK",
    "Answers",
    "BankAnswers",
    "Session",
    "Step",
    "run_interactive",
]
