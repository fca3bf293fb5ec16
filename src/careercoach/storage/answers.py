"""Answers files (YAML or JSON): read, check against the banks, report every problem.

The file maps bank ids to ``{question id: answer}``. :func:`check_answers` is pure: it
takes the plain data and returns the answers that count plus every problem, each with the
location of the value (or key) to point at. :func:`load_answers_file` reads the file with
the project's safe YAML loader (JSON is YAML 1.2) and raises :class:`AnswersError` with
``path:line:col: bank.question: got ..., expected ...`` lines, all of them at once.
"""

from __future__ import annotations

import contextlib
import math
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
    LikertQuestion,
    Loc,
    MultiQuestion,
    NotOf,
    NumberQuestion,
    Question,
    SingleQuestion,
    TextQuestion,
    condition_questions,
)
from careercoach.errors import AnswersError, did_you_mean
from careercoach.storage.input_files import STDIN_NAME

if TYPE_CHECKING:
    from careercoach.storage.yaml_nodes import Document


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


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e16 else repr(value)


MAX_EXACT_NUMBER = 2**53
"""No number answer may be larger (in size): beyond it a float is no longer exact, and
from about 10**308 on ``float()`` overflows."""


def given(value: Any) -> str:
    """A value from the file as a person would recognise it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) and abs(value) >= 10**20:
        return "a number of more than 20 digits"  # (and str() stops at 4,300 digits)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__  # pragma: no cover - YAML gives nothing else


def _ids(question: SingleQuestion | MultiQuestion) -> str:
    return ", ".join(option.id for option in question.options)


def allowed(question: Question) -> str:
    """What an answer to ``question`` must be, in a few words."""
    if isinstance(question, LikertQuestion):
        return "a whole number from 1 (strongly disagree) to 5 (strongly agree)"
    if isinstance(question, SingleQuestion):
        return f"one of: {_ids(question)}"
    if isinstance(question, MultiQuestion):
        return f"a list of any of: {_ids(question)} ([] for none)"
    if isinstance(question, NumberQuestion):
        kind = "a whole number" if question.integer else "a number"
        if question.min is not None and question.max is not None:
            kind += f" from {_number(question.min)} to {_number(question.max)}"
        elif question.min is not None:
            kind += f" of at least {_number(question.min)}"
        elif question.max is not None:
            kind += f" of at most {_number(question.max)}"
        return kind + (f" ({question.unit})" if question.unit else "")
    return f"text (at most {question.max_length} characters; quote it if it looks like a number)"


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
    shown = _number(value) if isinstance(value, int | float) else value
    return f"{condition.question} {words[condition.operator]} {shown}"


def _grouped(condition: Condition) -> str:
    text = condition_text(condition)
    return text if isinstance(condition, Comparison) else f"({text})"


# -- one answer -------------------------------------------------------------------------


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def check_answer(question: Question, value: Any) -> tuple[AnswerValue | None, list[Problem]]:
    """The answer in its stored form, or the problems (``loc`` relative to the answer)."""

    def wrong(why: str = "", loc: Loc = ()) -> tuple[None, list[Problem]]:
        return None, [Problem(loc, f"got {given(value)}{why}, expected {allowed(question)}")]

    if isinstance(question, LikertQuestion):
        whole = _whole(value)
        if whole is None or not 1 <= whole <= 5:
            return wrong()
        return whole, []
    if isinstance(question, SingleQuestion):
        if not isinstance(value, str) or all(o.id != value for o in question.options):
            return wrong()
        return value, []
    if isinstance(question, MultiQuestion):
        if not isinstance(value, list):
            return wrong()
        ids = {o.id for o in question.options}
        problems: list[Problem] = []
        seen: set[str] = set()
        for index, item in enumerate(value):
            if not isinstance(item, str) or item not in ids:
                problems.append(
                    Problem(
                        (index,), f"got {given(item)} in the list, expected {allowed(question)}"
                    )
                )
            elif item in seen:
                problems.append(Problem((index,), f"got '{item}' twice, expected each option once"))
            else:
                seen.add(item)
        if problems:
            return None, problems
        chosen: list[str] = [str(item) for item in value]
        return chosen, []
    if isinstance(question, NumberQuestion):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return wrong()
        if isinstance(value, int) and abs(value) > MAX_EXACT_NUMBER:
            return wrong()  # past what a float holds exactly (and float() may overflow)
        if not math.isfinite(value):
            return wrong()
        if question.integer:
            whole = _whole(value)
            if whole is None:
                return wrong()
            value = whole
        if (question.min is not None and value < question.min) or (
            question.max is not None and value > question.max
        ):
            return wrong()
        number: AnswerValue = value
        return number, []
    assert isinstance(question, TextQuestion)
    if not isinstance(value, str):
        return wrong()
    if len(value) > question.max_length:
        return None, [
            Problem(
                (),
                f"got text of {len(value)} characters, expected {allowed(question)}",
            )
        ]
    return value, []


def _blank(question: Question, value: Any) -> bool:
    """No answer given: null, or empty text."""
    if value is None:
        return True
    return isinstance(question, TextQuestion) and isinstance(value, str) and not value.strip()


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
            if present:
                problems.append(
                    Problem(
                        (bank.id, question.id),
                        f"{name}: answered, but this question is not asked with your other "
                        + (
                            f"answers (it is asked only when {condition_text(question.when)})"
                            if not not_for_them(bank, counted) and question.when is not None
                            else f"answers (your answer to {bank.id}.{_audience_id(bank)} "
                            "says this bank is not for you)"
                        ),
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
    return counted


def _audience_id(bank: Bank) -> str:
    return bank.audience.question if bank.audience is not None else ""


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
