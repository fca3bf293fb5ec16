"""Answers files (YAML or JSON): read, check against the banks, report every problem.

The file maps bank ids to ``{question id: answer}``. :func:`check_answers` is pure: it
takes the plain data and returns the answers that count plus every problem, each with the
location of the value (or key) to point at. :func:`load_answers_file` reads the file with
the project's safe YAML loader (JSON is YAML 1.2) and raises :class:`AnswersError` with
``path:line:col: bank.question: got ..., expected ...`` lines, all of them at once.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careercoach.core.conditions import (
    Answers,
    AnswerValue,
    BankAnswers,
    is_asked,
    not_for_them,
)
from careercoach.core.models import (
    AllOf,
    AnyOf,
    Bank,
    Comparison,
    Condition,
    Loc,
    NotOf,
    Question,
    condition_questions,
)
from careercoach.core.question_kinds import MAX_EXACT_NUMBER, given, kind_of, number_text
from careercoach.errors import AnswersError, did_you_mean
from careercoach.storage.input_files import STDIN_NAME

if TYPE_CHECKING:
    from careercoach.storage.yaml_nodes import Document

__all__ = [
    "MAX_EXACT_NUMBER",
    "Checked",
    "Problem",
    "allowed",
    "check_answer",
    "check_answers",
    "condition_text",
    "given",
    "load_answers_file",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an answers file, and where (``key``: point at the key)."""

    loc: Loc | None
    message: str
    key: bool = False


@dataclass
class Checked:
    """The banks to assess (in order), their answers that count, and every problem."""

    banks: list[Bank] = field(default_factory=list)
    answers: Answers = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


# -- describing values and what is allowed ----------------------------------------------


def allowed(question: Question) -> str:
    """What an answer to ``question`` must be, in a few words."""
    return kind_of(question).allowed(question)


def condition_text(condition: Condition) -> str:
    """A ``when`` as words: ``tenure is not under_five``, ``all of (...)``."""
    if isinstance(condition, AllOf):
        return " and ".join(_grouped(part) for part in condition.all)
    if isinstance(condition, AnyOf):
        return " or ".join(_grouped(part) for part in condition.any)
    if isinstance(condition, NotOf):
        return f"not {_grouped(condition.not_)}"
    words = {
        "equals": "is",
        "not_equals": "is not",
        "includes": "includes",
        "gte": "is at least",
        "lte": "is at most",
    }
    value = condition.value
    shown = number_text(value) if isinstance(value, int | float) else value
    return f"{condition.question} {words[condition.operator]} {shown}"


def _grouped(condition: Condition) -> str:
    text = condition_text(condition)
    return text if isinstance(condition, Comparison) else f"({text})"


# -- one answer -------------------------------------------------------------------------


def check_answer(question: Question, value: Any) -> tuple[AnswerValue | None, list[Problem]]:
    """The answer in its stored form, or the problems (``loc`` relative to the answer)."""
    answer, problems = kind_of(question).check(question, value)
    return answer, [Problem(loc, message) for loc, message in problems]


def _blank(question: Question, value: Any) -> bool:
    """No answer given: null, or empty text."""
    return kind_of(question).blank(value)


# -- a whole file -----------------------------------------------------------------------


def _check_bank(bank: Bank, data: Mapping[Any, Any], checked: Checked) -> BankAnswers:
    questions = {q.id: q for q in bank.questions}
    problems = checked.problems
    for key in data:
        if key not in questions:
            problems.append(
                Problem(
                    (bank.id, key),
                    f"{bank.id}.{key}: no such question in bank '{bank.id}'"
                    + did_you_mean(str(key), questions),
                    key=True,
                )
            )
    counted: BankAnswers = {}
    unsure: set[str] = set()  # wrong or missing: what hangs on these is unknown
    after_the_end: list[str] = []  # answered, though the audience answer ended the bank

    def report(wrong: list[Problem], name: str, question_id: str) -> None:
        problems.extend(
            Problem((bank.id, question_id, *(p.loc or ())), f"{name}: {p.message}") for p in wrong
        )

    for question in bank.questions:
        name = f"{bank.id}.{question.id}"
        present = question.id in data and not _blank(question, data[question.id])
        value = data.get(question.id)
        if question.when is not None and unsure.intersection(condition_questions(question.when)):
            # whether it is asked depends on a wrong answer: check only its form
            unsure.add(question.id)
            if present:
                report(check_answer(question, value)[1], name, question.id)
            continue
        if not is_asked(question, counted, bank):
            if present and not_for_them(bank, counted):
                after_the_end.append(question.id)
            elif present:
                assert question.when is not None  # asked but for its `when`, which is false
                problems.append(
                    Problem(
                        (bank.id, question.id),
                        f"{name}: answered, but this question is not asked with your other "
                        f"answers (it is asked only when {condition_text(question.when)})",
                        key=True,
                    )
                )
            continue
        if not present:
            if question.required:
                unsure.add(question.id)
                shown = "missing" if question.id not in data else f"got {given(value)}"
                problems.append(
                    Problem(
                        (bank.id, question.id) if question.id in data else (bank.id,),
                        f"{name}: {shown}, expected {allowed(question)}",
                        key=question.id not in data,
                    )
                )
            continue
        answer, wrong = check_answer(question, value)
        if wrong or answer is None:
            unsure.add(question.id)
            report(wrong, name, question.id)
        else:
            counted[question.id] = answer
    if after_the_end:
        problems.append(_ended_bank(bank, counted, after_the_end))
    return counted


def _ended_bank(bank: Bank, counted: BankAnswers, answered: list[str]) -> Problem:
    """One problem for every answer given after the audience answer ended the bank (as
    ``plans_here: leaving``), at the first of them: one cause, so one line, not one per
    answer."""
    assert bank.audience is not None
    audience = bank.audience.question
    first = f"{bank.id}.{answered[0]}"
    which = first if len(answered) == 1 else f"{first} and {len(answered) - 1} more answers"
    verb = "is" if len(answered) == 1 else "are"
    return Problem(
        (bank.id, answered[0]),
        f"{which} of this bank {verb} not asked: your answer to {bank.id}.{audience} "
        f"({counted.get(audience)}) ends the bank, so leave its other answers empty",
        key=True,
    )


def check_answers(data: Any, banks: Sequence[Bank], selected: Sequence[str] = ()) -> Checked:
    """Check an answers file's data against the loaded ``banks``.

    With ``selected`` (``--bank``), those banks are assessed, in that order, and the file
    must answer each; answers to other (known) banks are ignored. Without, the banks the
    file names are assessed, in the order they were loaded.
    """
    checked = Checked()
    by_id = {bank.id: bank for bank in banks}
    known = ", ".join(by_id) or "none"
    if not isinstance(data, dict):
        checked.problems.append(
            Problem((), f"got {given(data)}, expected a mapping of bank ids to their answers")
        )
        return checked
    for key in data:
        if key not in by_id:
            checked.problems.append(
                Problem(
                    (key,),
                    f"{key}: no such bank (banks: {known})" + did_you_mean(str(key), by_id),
                    key=True,
                )
            )
    if selected:
        chosen = []
        for bank_id in dict.fromkeys(selected):
            if bank_id not in by_id:
                checked.problems.append(
                    Problem(
                        None,
                        f"--bank {bank_id}: no such bank (banks: {known})"
                        + did_you_mean(bank_id, by_id),
                    )
                )
            elif bank_id not in data:
                checked.problems.append(
                    Problem(
                        None,
                        f"{bank_id}: no answers in the file, but --bank {bank_id} asks for them",
                    )
                )
            else:
                chosen.append(by_id[bank_id])
    else:
        chosen = [bank for bank in banks if bank.id in data]
        if not chosen and not checked.problems:
            checked.problems.append(
                Problem(None, f"no bank answered: name at least one of {known}")
            )
    for bank in chosen:
        section = data[bank.id]
        if not isinstance(section, dict):
            checked.problems.append(
                Problem(
                    (bank.id,),
                    f"{bank.id}: got {given(section)}, "
                    "expected a mapping of question ids to answers",
                )
            )
            continue
        checked.banks.append(bank)
        checked.answers[bank.id] = _check_bank(bank, section, checked)
    return checked


_LEADING_TABS = re.compile(r"^[ \t]+", re.MULTILINE)


def _tabs_as_spaces(text: str) -> str | None:
    """JSON text with indenting tabs made spaces (JSON allows them, YAML does not; a tab
    cannot occur raw inside a JSON string). One space per tab keeps every line and
    column. None when there is nothing to change."""
    if "\t" not in text:
        return None
    return _LEADING_TABS.sub(lambda m: m.group(0).replace("\t", " "), text)


def _json_text(path: Path, raw: bytes) -> str | None:
    """A ``.json`` file's text with indenting tabs made spaces; None when there is nothing
    to change or the bytes are not UTF-8 (the loader then says why)."""
    if path.suffix.lower() != ".json":
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeError:
        return None
    return _tabs_as_spaces(text)


@dataclass(frozen=True)
class AnswersFile:
    """A checked answers file: the banks it assesses, in order, and their answers
    (``path`` None: it came from standard input)."""

    path: Path | None
    banks: list[Bank]
    answers: Answers


def read_answers(path: Path | None) -> Document:
    """An answers file as plain data with its marks; ``None`` reads standard input
    (``--answers -``), named ``<stdin>`` in messages. Nothing is checked yet."""
    from careercoach.storage.input_files import read_file, read_stdin
    from careercoach.storage.yaml_nodes import load_document

    if path is not None:
        raw = read_file(path, error=AnswersError)  # once: a pipe cannot be read twice
        return load_document(path, text=_json_text(path, raw), raw=raw, error=AnswersError)

    raw = read_stdin(error=AnswersError)
    text = None
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):  # JSON (or YAML flow)
        with contextlib.suppress(UnicodeError):  # the loader reads ``raw`` and says where
            text = _tabs_as_spaces(raw.decode("utf-8-sig"))
    return load_document(
        Path(STDIN_NAME), text=text, raw=raw, display=STDIN_NAME, error=AnswersError
    )


def answers_bank_ids(doc: Document) -> list[str]:
    """The bank ids an answers file names (its top-level keys), to load those banks as
    asked for."""
    return [key for key in doc.data if isinstance(key, str)] if isinstance(doc.data, dict) else []


def load_answers_file(
    path: Path | None, banks: Sequence[Bank], selected: Sequence[str] = ()
) -> AnswersFile:
    """Read and check an answers file (``None``: standard input); :class:`AnswersError`
    lists every problem."""
    return check_answers_file(read_answers(path), banks, selected)


def check_answers_file(
    doc: Document, banks: Sequence[Bank], selected: Sequence[str] = ()
) -> AnswersFile:
    """Check a read answers file; :class:`AnswersError` lists every problem at
    ``path:line:col``."""
    checked = check_answers(doc.data, banks, selected)
    if checked.problems:
        located = []
        for problem in checked.problems:
            mark = None if problem.loc is None else doc.mark(problem.loc, key=problem.key)
            if mark is None:
                located.append(((0, 0), f"{doc.path}: {problem.message}"))
            else:
                located.append((mark, f"{doc.path}:{mark[0]}:{mark[1]}: {problem.message}"))
        located.sort(key=lambda pair: pair[0])
        raise AnswersError(*dict.fromkeys(line for _, line in located))
    path = None if doc.path == STDIN_NAME else Path(doc.path)
    return AnswersFile(path, checked.banks, checked.answers)
