"""``careercoach assess`` in a terminal: the lock, the welcome, resume or start over, the
walk through the questions, the review of the answers, and what stopping says."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from careercoach.core.conditions import Answers, AnswerValue, asked_questions
from careercoach.core.dates import count as plural
from careercoach.core.models import Bank
from careercoach.errors import CareerCoachError, Interrupted, NoTerminal, StoreError
from careercoach.flows.assessment_lock import assessment_lock
from careercoach.flows.prompt_asker import ask_with_prompts
from careercoach.flows.review import Pick, pick_with_prompts, review
from careercoach.flows.session import Ask, Session
from careercoach.safe_text import clean
from careercoach.ui.bank_views import bank_place, estimated_minutes
from careercoach.ui.prompts import Look, wrap
from careercoach.ui.text_cells import text_width

if TYPE_CHECKING:
    from careercoach.core.models import Plan
    from careercoach.storage.store import Store

RESUME_COMMAND = "careercoach assess --resume"


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


def welcome_lines(
    banks: Sequence[Bank], db: Path, *, to_choose: bool, width: int | None = None
) -> list[str]:
    """What it is; then one paragraph (how long it takes, where the answers go) wrapped
    between words to ``width`` (default :func:`~careercoach.ui.text_cells.text_width`);
    the database's path on a line of its own, whole (a path broken in two cannot be
    copied)."""
    width = text_width() if width is None else width
    minutes = sum(estimated_minutes(bank) for bank in banks)
    count = f"{len(banks)} question bank{'s' if len(banks) != 1 else ''}"
    what = (
        f"Choose from {count} (about {plural(minutes, 'minute')} for all);"
        if to_choose
        else f"Answer {count} (about {plural(minutes, 'minute')});"
    )
    paragraph = (
        f"{what} at the end you get a short, prioritized action plan. Each answer is "
        "saved the moment you give it, on this machine only, in"
    )
    lines = wrap("careercoach: a career self-assessment.", width) + wrap(paragraph, width)
    lines.append(f"  {clean(str(db))}")
    return lines + wrap(
        "Nothing is sent anywhere. You can stop at any time and resume later.", width
    )


def _bank_label(bank: Bank) -> str:
    count = len(bank.questions)
    return f"{bank.title} ({plural(count, 'question')}, about {estimated_minutes(bank)} min)"


def picker_order(banks: Sequence[Bank], builtin: Sequence[str]) -> list[Bank]:
    """The banks as the picker offers them: in the order ``banks list`` shows them
    (:func:`~careercoach.ui.bank_views.bank_place`)."""
    return sorted(banks, key=lambda bank: bank_place(bank, builtin=bank.id in builtin))


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
    pick: Pick | None = None,
) -> Plan:
    """``careercoach assess`` in a terminal; returns the finished plan (not printed).

    After the last question, the review (:mod:`careercoach.flows.review`): every answer
    in a list, any of them to change, before the plan is made.

    Stops with :class:`BadInput` (exit 2) for an unknown ``--bank``, then with
    :class:`NoTerminal` (exit 2) before anything is written when stdin is not a terminal,
    and with :class:`Interrupted` (exit 130) on Ctrl-C or Ctrl-D, saying how to resume.
    """
    from careercoach.storage.banks import load_banks, select_banks
    from careercoach.ui import prompts

    # the arguments first (an unknown --bank is named, exit 2), then the terminal
    loaded = load_banks(bank_dirs, wanted=bank_ids)
    chosen = [entry.bank for entry in select_banks(loaded, bank_ids)] if bank_ids else []
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
    from careercoach.storage.store import Store

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
                for line in wrap(
                    "No unfinished assessment to resume; starting a new one.", text_width()
                ):
                    write(line)

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
                    builtin = [entry.bank.id for entry in loaded if entry.builtin]
                    offered = picker_order(list(known.values()), builtin)
                    picked = prompts.choose_banks(
                        [(bank.id, _bank_label(bank)) for bank in offered], look=look
                    )
                    banks = [known[bank_id] for bank_id in picked]
            recorder = StoreRecorder(store, banks, assessment_id)
            session = Session(banks, recorder, given)
            asker = ask or ask_with_prompts(no_color=no_color, out=write)
            try:
                session.run(asker)
                review(session, asker, pick or pick_with_prompts(no_color=no_color, out=write))
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
    started = _started(record.started_at) if record else "earlier"
    bank_ids = record.bank_ids if record else []
    message, resume, restart = resume_question(
        bank_ids, store.answers(assessment_id), started, known, [bank.id for bank in chosen]
    )
    if prompts.choose_resume(message, resume, restart, look=look):
        return assessment_id
    store.discard(assessment_id)
    return None


def _started(started_at: str) -> str:
    """``Saturday 5 December 2026 at 08:59`` (local time), as every other date reads."""
    from careercoach.core.dates import human_time

    try:
        return human_time(started_at)
    except ValueError:  # a damaged row: still offer to resume
        return "earlier"
