"""Standard streams as a shell may hand them over: closed (``>&-``, ``<&-``, ``2>&-``) or
in a legacy encoding (``PYTHONIOENCODING=latin-1``; ``LC_ALL=C`` with UTF-8 mode off).
The installed script runs to its own exit code, quietly: no traceback, no "unexpected
error", and an assessment from a file is stored even when nothing can be printed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("careercoach")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BANKS = FIXTURES / "banks"
ANSWERS = FIXTURES / "plans" / "injection-answers.yaml"


def run(
    args: list[str], *, closing: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The script with ``closing`` (``>&-``...) applied by a shell, stderr and stdout kept
    where they are not closed."""
    command = ["sh", "-c", f'exec "$0" "$@" {closing}', str(SCRIPT), "--bank-dir", str(BANKS)]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, **(env or {})},
        check=False,
        timeout=60,
    )


def assess() -> None:
    assert run(["assess", "--answers", str(ANSWERS)]).returncode == 0


def stored(home: Path) -> int:
    with sqlite3.connect(home / "careercoach.db") as conn:
        count = int(conn.execute("SELECT count(*) FROM assessments").fetchone()[0])
    conn.close()
    return count


def quiet(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "unexpected error" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["banks", "list"],
        ["--help"],
        ["--version"],
        ["plan"],
        ["history"],
        ["banks", "show", "mini"],
    ],
    ids=" ".join,
)
def test_a_closed_stdout_ends_quietly_with_exit_0(args: list[str]) -> None:
    assess()
    result = run(args, closing=">&-")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_an_assessment_from_a_file_is_stored_with_stdout_closed(careercoach_home: Path) -> None:
    result = run(["assess", "--answers", str(ANSWERS)], closing=">&-")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert stored(careercoach_home) == 1


def test_a_closed_stderr_keeps_the_exit_code_of_bad_input() -> None:
    result = run(["plan", "--id", "x"], closing="2>&-")
    assert result.returncode == 2
    assert result.stdout == ""


def test_a_closed_stderr_keeps_exit_1_of_a_failure() -> None:
    result = run(["plan"], closing="2>&-")  # nothing stored yet
    assert result.returncode == 1
    assert result.stdout == ""


def test_a_closed_stdin_is_no_terminal() -> None:
    result = run(["roi"], closing="<&-")
    assert result.returncode == 2
    quiet(result)
    assert result.stderr.startswith("careercoach: --cost is required: ")


def test_all_three_closed() -> None:
    result = run(["plan", "--id", "x"], closing="<&- >&- 2>&-")
    assert result.returncode == 2


LEGACY = {
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "C locale": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
}


@pytest.mark.parametrize("encoding", list(LEGACY))
@pytest.mark.parametrize(
    "args",
    [["plan"], ["plan", "--explain"], ["history"], ["banks", "show", "stuck"], ["banks", "list"]],
    ids=" ".join,
)
def test_a_legacy_encoding_gets_ascii_stand_ins(args: list[str], encoding: str) -> None:
    assess()
    assess()  # a second one: history draws a trend
    result = subprocess.run(
        [str(SCRIPT), "--bank-dir", str(BANKS), *args],
        capture_output=True,
        env={**os.environ, **LEGACY[encoding]},
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    text = result.stdout.decode("latin-1")
    assert text.strip()
    for symbol in "·→█…—":
        assert symbol not in text


def test_the_stand_ins_read_as_what_they_replace() -> None:
    from careercoach.cli.streams import ERRORS, register_stand_ins

    register_stand_ins()
    text = "Mini check · question 1 of 5 → ▁▃▅█ … “done” é"
    assert text.encode("ascii", ERRORS) == b'Mini check - question 1 of 5 -> _-=# ... "done" ?'
    assert text.encode("latin-1", ERRORS) == (
        'Mini check · question 1 of 5 -> _-=# ... "done" é'.encode("latin-1")
    )


def test_invisible_characters_in_a_message_are_shown_as_escapes(tmp_path: Path) -> None:
    bank = tmp_path / "mini.yaml"
    bank.write_text((BANKS / "mini.yaml").read_text().replace("id: mini", 'id: "mini\\u202e"', 1))
    result = run(["banks", "validate", str(bank)])
    assert result.returncode == 2
    assert result.stderr == (
        f"{bank}:3:5: id: 'mini\\u202e' is not a valid id: use lowercase letters, digits and "
        "_, starting with a letter\n"
    )


def test_output_to_dev_stdout_writes_through_and_replaces_nothing() -> None:
    assess()
    result = run(["plan", "--export", "md", "--output", "/dev/stdout", "--force"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Your career action plan")
    assert result.stdout.endswith("Plan written to /dev/stdout\n")
    assert os.path.islink("/dev/stdout")
    assert os.path.exists("/dev/null")
    assert not os.path.isfile("/dev/null")  # still the device


def test_output_to_dev_full_is_one_line_exit_1() -> None:
    assess()
    result = run(["plan", "--export", "md", "--output", "/dev/full", "--force"])
    assert result.returncode == 1
    assert result.stderr == "careercoach: cannot write /dev/full: No space left on device\n"
    assert not os.path.isfile("/dev/full")


def test_an_output_name_too_long_is_one_line_exit_2(tmp_path: Path) -> None:
    assess()
    target = tmp_path / ("p" * 297 + ".md")
    result = run(["export-data", "--output", str(target)])
    assert result.returncode == 2
    assert result.stderr == (  # "path: message", as for any file
        f"{target}: the file name is too long for this file system; give a "
        "shorter one with --output\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["banks", "validate", "/dev/zero"],
        ["assess", "--answers", "/dev/zero"],
        ["assess", "--answers", "/dev/urandom"],
    ],
    ids=" ".join,
)
def test_a_device_as_input_is_refused_not_read_forever(
    args: list[str], careercoach_home: Path
) -> None:
    result = run(args)
    assert result.returncode == 2
    assert result.stderr == (f"{args[-1]}: the input is over the limit of 16,777,216 bytes\n")
    assert not (careercoach_home / "careercoach.db").exists()


def test_a_fifo_as_input_does_not_hang(tmp_path: Path, careercoach_home: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    result = run(["assess", "--answers", str(fifo)])
    assert result.returncode == 2
    assert result.stderr == f"{fifo}:1:1: the file is empty: there is nothing to read\n"
