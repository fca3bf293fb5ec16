"""Scripting: ``assess --answers -`` (stdin), ``banks template``, and ``plan --output``'s
extension choosing the export format."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careercoach.core.conditions import AnswerValue, is_asked
from careercoach.core.models import (
    Bank,
    LikertQuestion,
    MultiQuestion,
    NumberQuestion,
    Question,
    SingleQuestion,
)
from careercoach.flows.assessment import load_plan
from careercoach.storage.banks import load_banks
from careercoach.storage.input_files import MAX_BYTES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRIAL_BANKS = FIXTURES / "answers" / "banks"
OK = FIXTURES / "answers" / "ok.yaml"
runner = CliRunner()


def cli(*args: str, stdin: str | bytes | None = None) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, list(args), input=stdin)


def saved_as(result: Any) -> int:
    return int(
        result.stdout.strip().splitlines()[-1].split("Saved as assessment ")[1].split(".")[0]
    )


# -- assess --answers - ---------------------------------------------------------------


def test_answers_from_stdin_are_assessed_like_a_file() -> None:
    from_file = cli("--bank-dir", str(TRIAL_BANKS), "assess", "--answers", str(OK))
    from_stdin = cli(
        "--bank-dir", str(TRIAL_BANKS), "assess", "--answers", "-", stdin=OK.read_text()
    )
    assert (from_file.exit_code, from_stdin.exit_code) == (0, 0)
    assert saved_as(from_stdin) == 2
    first, second = load_plan(1), load_plan(2)
    assert [(d.id, d.score) for d in second.dimensions] == [
        (d.id, d.score) for d in first.dimensions
    ]
    assert "Saved as assessment 2." in from_stdin.stdout


def test_a_person_at_a_terminal_is_told_what_stdin_waits_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = ("--bank-dir", str(TRIAL_BANKS), "assess", "--answers", "-")
    piped = cli(*args, stdin=OK.read_text())
    assert piped.exit_code == 0
    assert piped.stderr == ""  # a pipe: nothing to say
    monkeypatch.setattr("careercoach.cli.assess._stdin_is_terminal", lambda: True)
    from careercoach.cli import app

    typed = runner.invoke(app, list(args), input=OK.read_text(), env={"COLUMNS": "60"})
    assert typed.exit_code == 0
    assert typed.stderr.splitlines() == [
        "careercoach: reading the answers file from standard input;",
        "end it with Ctrl-D (a file to fill in:",
        "careercoach banks template ID)",
    ]


def test_json_from_stdin_may_indent_with_tabs() -> None:
    data = {"trial": {"coasting": 4, "pushing": 2, "role": "ic", "signs": [], "years": 6}}
    result = cli(
        "--bank-dir",
        str(TRIAL_BANKS),
        "assess",
        "--answers",
        "-",
        stdin=json.dumps(data, indent="\t"),
    )
    assert result.exit_code == 0, result.output
    assert load_plan(1).banks == ["trial"]


def test_problems_in_stdin_are_located_at_stdin_line_col() -> None:
    text = "trial:\n  coasting: four\n  pushing: 2\n  role: ic\n  signs: []\n  years: 6\n"
    result = cli("--bank-dir", str(TRIAL_BANKS), "assess", "--answers", "-", stdin=text)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "<stdin>:2:13: trial.coasting: got 'four', expected a whole number from 1 "
        "(strongly disagree) to 5 (strongly agree)\n"
    )
    assert not (load_plan_or_none())


def load_plan_or_none() -> bool:
    from careercoach.paths import db_path

    return db_path().exists()


def test_a_yaml_syntax_error_in_stdin_is_located() -> None:
    result = cli("assess", "--answers", "-", stdin="stuck:\n  a: b\n   c: d\n")
    assert result.exit_code == 2
    assert result.stderr.startswith("<stdin>:3:")


def test_empty_stdin_and_stdin_over_the_limit() -> None:
    empty = cli("assess", "--answers", "-", stdin="")
    assert (empty.exit_code, empty.stderr) == (
        2,
        "<stdin>:1:1: the file is empty: there is nothing to read\n",
    )
    big = cli("assess", "--answers", "-", stdin=b"#" * (MAX_BYTES + 1))
    assert (big.exit_code, big.stderr) == (
        2,
        f"careercoach: <stdin>: the input is over the limit of {MAX_BYTES:,} bytes\n",
    )


def test_answers_from_a_pipe_in_a_real_process(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "careercoach", "--bank-dir", str(TRIAL_BANKS)]
    result = subprocess.run(
        [*command, "assess", "--answers", "-"],
        input=OK.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.decode()
        .strip()
        .endswith("Saved as assessment 1. See it again with: careercoach plan")
    )


# -- banks template ---------------------------------------------------------------------


def valid_answer(question: Question) -> AnswerValue:
    """Some answer the question allows."""
    if isinstance(question, LikertQuestion):
        return 3
    if isinstance(question, SingleQuestion):
        return question.options[-1].id
    if isinstance(question, MultiQuestion):
        return [question.options[0].id]
    if isinstance(question, NumberQuestion):
        return int(question.min or 0) if question.integer else (question.min or 0) + 0.5
    return "Something to say: with a colon"


def fill_in(template: str, banks: dict[str, Bank]) -> str:
    """The template with an answer after every question id that is asked, as a person
    would fill it in; the other lines as they are."""
    lines = []
    bank: Bank | None = None
    given: dict[str, AnswerValue] = {}
    for written in template.splitlines():
        line = written
        top = re.fullmatch(r"([a-z][a-z0-9_]*):", line)
        if top:
            bank, given = banks[top.group(1)], {}
        question_id = re.fullmatch(r"  ([a-z][a-z0-9_]*):", line)
        if question_id and bank is not None:
            question = next(q for q in bank.questions if q.id == question_id.group(1))
            if is_asked(question, given, bank):
                given[question.id] = valid_answer(question)
                line += " " + json.dumps(given[question.id])
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("bank_ids", [["mini"], ["stuck", "promotion"], ["education"]])
def test_a_filled_in_template_loads_with_assess_answers(
    bank_ids: list[str], tmp_path: Path
) -> None:
    extra = ["--bank-dir", str(FIXTURES / "banks")]
    result = cli(*extra, "banks", "template", *bank_ids)
    assert (result.exit_code, result.stderr) == (0, "")
    banks = {entry.bank.id: entry.bank for entry in load_banks([FIXTURES / "banks"])}
    filled = tmp_path / "answers.yaml"
    filled.write_text(fill_in(result.stdout, banks), encoding="utf-8")
    assessed = cli(*extra, "assess", "--answers", str(filled))
    assert assessed.exit_code == 0, assessed.output
    assert sorted(load_plan(1).banks) == sorted(bank_ids)


def test_the_template_describes_every_question() -> None:
    result = cli("--bank-dir", str(FIXTURES / "banks"), "banks", "template", "mini")
    assert result.exit_code == 0
    assert result.stdout == (
        "# careercoach answers file. Write each answer after its question id, then run:\n"
        "#   careercoach assess --answers THIS-FILE\n"
        "# An empty answer is no answer: fine where a question is optional or not asked.\n"
        "\n"
        "# Mini check (6 questions)\n"
        "mini:\n"
        "  # 1. I could do my job in my sleep.\n"
        "  #    likert: a whole number from 1 (strongly disagree) to 5 (strongly agree)\n"
        "  autopilot:\n"
        "\n"
        "  # 2. Your last job change was...\n"
        "  #    single: one of these ids\n"
        "  #      up: A promotion\n"
        "  #      lateral: A lateral move]0;pwned\n"  # the escape sequence is gone
        "  #      none: I have never changed jobs\n"
        "  last_move:\n"
        "\n"
        "  # 3. What was true of that lateral move?\n"
        "  #    multi: a list of any of these ids, like [a, b] ([] for none)\n"
        "  #      pushed: I was pushed into it\n"
        "  #      chose: I chose it to learn\n"
        "  #    Asked only when last_move is lateral: leave it empty otherwise.\n"
        "  lateral_why:\n"
        "\n"
        "  # 4. How many years have you been in this role?\n"
        "  #    number: a whole number from 0 to 60 (years)\n"
        "  years:\n"
        "\n"
        "  # 5. I have not learned anything new at work this year.\n"
        "  #    likert: a whole number from 1 (strongly disagree) to 5 (strongly agree)\n"
        "  learning:\n"
        "\n"
        "  # 6. Anything else your coach should know?\n"
        "  #    text (at most 2000 characters; quote it if it looks like a number)\n"
        "  #    Optional: you may leave it empty.\n"
        "  notes:\n"
    )


def test_bank_text_cannot_break_out_of_a_template_comment(bank_dir: Path) -> None:
    (bank_dir / "sly.yaml").write_text(
        'id: sly\nversion: 1\ntitle: "Sly\\nsly: 5"\n'
        "dimensions: [{id: d, label: D}]\n"
        "questions:\n"
        '  - {id: q, type: likert, dimension: d, prompt: "Q\\u2028q: 1\\rr: 2\\x85s: 3"}\n',
        encoding="utf-8",
    )
    result = cli("--bank-dir", str(bank_dir), "banks", "template", "sly")
    assert result.exit_code == 0, result.output
    body = [line for line in result.stdout.splitlines() if not line.lstrip().startswith("#")]
    assert body == ["", "sly:", "  q:"]


def test_template_of_an_unknown_bank() -> None:
    result = cli("banks", "template", "stuk")
    assert result.exit_code == 2
    assert result.stderr.startswith("careercoach: banks template stuk: no such bank (banks: ")
    assert result.stderr.endswith("; did you mean 'stuck'?\n")


# -- plan --output's extension ----------------------------------------------------------


@pytest.fixture
def assessed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("--bank-dir", str(TRIAL_BANKS), "assess", "--answers", str(OK)).exit_code == 0


@pytest.mark.parametrize(
    ("name", "start"),
    [("plan.html", "<!DOCTYPE html>"), ("plan.HTM", "<!DOCTYPE html>"), ("plan.md", "# ")],
)
def test_the_output_extension_chooses_the_format(
    assessed: None, tmp_path: Path, name: str, start: str
) -> None:
    result = cli("plan", "--output", name)
    assert (result.exit_code, result.stderr) == (0, "")
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
    as_json = cli("plan", "--output", "plan.json")
    assert as_json.exit_code == 0
    assert json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))["assessment_id"] == 1


def test_an_export_that_disagrees_with_the_extension_warns_and_writes(
    assessed: None, tmp_path: Path
) -> None:
    result = cli("plan", "--export", "md", "--output", "x.html")
    assert result.exit_code == 0
    assert result.stderr == (
        "careercoach: warning: --output x.html ends in .html, but --export is md; "
        "writing md as asked\n"
    )
    assert (tmp_path / "x.html").read_text(encoding="utf-8").startswith("# ")
    agreeing = cli("plan", "--export", "html", "--output", "y.html")
    assert (agreeing.exit_code, agreeing.stderr) == (0, "")
    unknown = cli("plan", "--export", "md", "--output", "notes.txt")
    assert (unknown.exit_code, unknown.stderr) == (0, "")


def test_stdin_that_is_not_utf8_is_located() -> None:
    result = cli("assess", "--answers", "-", stdin=b"stuck:\n  a: caf\xe9\n")
    assert (result.exit_code, result.stderr) == (
        2,
        "<stdin>:2:9: not valid UTF-8 (byte 0xe9); save the file as UTF-8\n",
    )


def test_the_template_says_which_answer_ends_a_bank() -> None:
    """``plans_here`` read as an ordinary optional question: nothing said that ``leaving``
    ends the bank."""
    lines = cli("banks", "template", "promotion", "leader").stdout.splitlines()
    for question, ends in (("plans_here", "leaving"), ("manages", "nobody")):
        at = lines.index(f"  {question}:")
        assert lines[at - 3 : at] == [
            "  #    Optional: you may leave it empty.",
            f"  #    Answered {ends}, this bank ends here (it is not for you): then leave",
            "  #    every other answer of this bank empty.",
        ]


def test_answers_after_the_end_of_a_bank_are_one_problem(tmp_path: Path) -> None:
    """``plans_here: leaving`` with the rest filled in anyway gave one error line per
    answer (25 for a filled-in template); one cause, one line, at the first of them."""
    answers = tmp_path / "leaving.yaml"
    answers.write_text(
        "promotion:\n"
        "  plans_here: leaving\n"
        "  so_just_the_job: 4\n"
        "  so_meet_not_exceed: 2\n"
        "  res_uneven: 5\n",
        encoding="utf-8",
    )
    result = cli("assess", "--answers", str(answers))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"{answers}:3:3: promotion.so_just_the_job and 2 more answers of this bank are not "
        "asked: your answer to promotion.plans_here (leaving) ends the bank, so leave its "
        "other answers empty\n",
    )
