"""Crash consistency: whatever kills careercoach, and wherever, what was committed is
there, nothing else is, and the file is sound; an export is the old file or the new one,
never a part of either; every connection writes durably.

The interactive runs go through a real pty on the installed script with the small test
bank; each wait is an ``expect`` on what the person sees (no sleeps). The export is
stopped at chosen points through a hook that pauses the real command at an ``os`` call.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pexpect
import pytest
from typer.testing import CliRunner

SCRIPT = Path(sys.executable).with_name("careercoach")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BANKS = FIXTURES / "banks"
INJECTION_ANSWERS = FIXTURES / "plans" / "injection-answers.yaml"
TIMEOUT = 20  # only reached when something is wrong
DOWN = "\x1b[B"

# The mini bank through the lateral move: each question's text, the keys that answer it,
# and the answer as stored.
QUESTIONS = [
    ("I could do my job in my sleep.", "4\r", ("autopilot", "4")),
    ("Your last job change was...", DOWN + "\r", ("last_move", '"lateral"')),
    ("What was true of that lateral move?", " \r", ("lateral_why", '["pushed"]')),
    ("How many years have you been in this role?", "5\r", ("years", "5")),
    ("I have not learned anything new at work this year.", "2\r", ("learning", "2")),
    ("Anything else your coach should know?", "no\r", ("notes", '"no"')),
]
ANSWERS = [stored for _, _, stored in QUESTIONS]
SIGNALS = pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGHUP], ids=["SIGKILL", "SIGHUP"])


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Any]:
    """``careercoach --bank-dir FIXTURES assess ARGS`` in an 80x24 pty, with its own home."""
    children: list[tuple[Any, Path]] = []

    def start(home: Path, *args: str) -> Any:
        env = {
            **os.environ,
            "CAREERCOACH_HOME": str(home),
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "NO_COLOR": "1",
            "TERM": "xterm-256color",
        }
        log = tmp_path / f"pty-{len(children) + 1}.log"
        child = pexpect.spawn(
            str(SCRIPT),
            ["--bank-dir", str(BANKS), "assess", *args],
            env=env,
            dimensions=(24, 80),
            encoding="utf-8",
            timeout=TIMEOUT,
        )
        child.logfile_read = log.open("w", encoding="utf-8")
        child.delaybeforesend = None
        children.append((child, log))
        return child

    yield start
    for child, log in children:
        if child.isalive():
            child.terminate(force=True)
        child.logfile_read.close()
        print(f"--- {log.name} ---\n{log.read_text(encoding='utf-8')}")


def answer(child: Any, count: int) -> None:
    """Answer the first ``count`` questions, each once its text is on screen."""
    for text, keys, _ in QUESTIONS[:count]:
        child.expect_exact(text)
        child.send(keys)


def killed(child: Any, sig: int) -> None:
    child.kill(sig)
    child.expect(pexpect.EOF)
    child.close()
    assert (child.exitstatus, child.signalstatus) == (None, sig)


def state(home: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """The stored answers and the assessments' statuses, after checking that the file is
    sound and that each assessment is whole: finished exactly when its plan and scores are
    stored."""
    conn = sqlite3.connect(home / "careercoach.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        statuses = []
        for assessment_id, status in conn.execute("SELECT id, status FROM assessments"):
            plans = conn.execute(
                "SELECT count(*) FROM plans WHERE assessment_id = ?", (assessment_id,)
            ).fetchone()[0]
            scores = conn.execute(
                "SELECT count(*) FROM scores WHERE assessment_id = ?", (assessment_id,)
            ).fetchone()[0]
            assert (plans == 1 and scores > 0) == (status == "finished")
            statuses.append(str(status))
        rows = conn.execute("SELECT question, value FROM answers ORDER BY rowid").fetchall()
    finally:
        conn.close()
    return [(str(q), str(v)) for q, v in rows], statuses


# -- an assessment killed ---------------------------------------------------------------


def signal_for(k: int) -> int:
    """SIGKILL and SIGHUP in turn (SIGHUP: the terminal closed)."""
    return signal.SIGHUP if k % 2 else signal.SIGKILL


@pytest.mark.e2e
def test_killed_with_the_next_question_on_screen(spawn: Any, tmp_path: Path) -> None:
    """After k answers, with question k + 1 on screen: exactly the k answers are stored."""
    for k in range(len(QUESTIONS)):
        home = tmp_path / f"home-{k}"
        child = spawn(home, "--bank", "mini")
        answer(child, k)
        child.expect_exact(QUESTIONS[k][0])
        killed(child, signal_for(k))
        answers, statuses = state(home)
        assert answers == ANSWERS[:k], k
        # the assessment is created with its first answer: none before it
        assert statuses == (["unfinished"] if k else []), k


@pytest.mark.e2e
@pytest.mark.parametrize("k", [0, 2, 5])
def test_killed_right_after_enter(spawn: Any, tmp_path: Path, k: int) -> None:
    """Killed the moment answer k + 1 is sent: the answer is in whole or not at all, and
    after the last one the assessment is unfinished or finished with its plan, never
    half of it."""
    home = tmp_path / "home"
    child = spawn(home, "--bank", "mini")
    answer(child, k)
    text, keys, _ = QUESTIONS[k]
    child.expect_exact(text)
    child.send(keys)
    killed(child, signal_for(k + 1))
    answers, statuses = state(home)
    assert answers in (ANSWERS[:k], ANSWERS[: k + 1])
    if k + 1 < len(QUESTIONS):
        assert statuses == (["unfinished"] if answers else [])
    else:
        assert statuses in (["unfinished"], ["finished"])


@pytest.mark.e2e
def test_hung_up_at_the_resume_question_changes_nothing(spawn: Any, tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = spawn(home, "--bank", "mini")
    answer(child, 2)
    child.expect_exact(QUESTIONS[2][0])
    killed(child, signal.SIGKILL)
    before = (home / "careercoach.db").read_bytes()

    child = spawn(home)
    child.expect_exact("Resume where you stopped (2 answered")
    killed(child, signal.SIGHUP)
    assert (home / "careercoach.db").read_bytes() == before
    assert state(home) == (ANSWERS[:2], ["unfinished"])

    child = spawn(home, "--resume")  # and it goes on where it stopped
    child.expect_exact("Resuming your assessment (2 answered so far).")
    for text, keys, _ in QUESTIONS[2:]:
        child.expect_exact(text)
        child.send(keys)
    child.expect_exact("Done, show my plan")  # the review: finish
    child.send("\r")
    child.expect_exact("Saved as assessment 1.")
    child.expect_exact("Pick up to three actions to commit to")
    child.send("\r")  # none
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert state(home) == (ANSWERS, ["finished"])


# -- an export killed -------------------------------------------------------------------

# Runs the real ``careercoach`` command, pausing at one ``os`` call of the export's
# atomic write (before or after it) until it is killed.
HOOK = """\
import os, sys

name, when = os.environ["PAUSE_AT"].split(":")
real = getattr(os, name)
calls = 0

def pause():
    sys.stdout.write(f"PAUSED {name} {when}\\n")
    sys.stdout.flush()
    sys.stdin.readline()  # never answered: the test kills us here

def hooked(*args, **kwargs):
    global calls
    calls += 1
    if calls == 1 and when == "before":
        pause()
    result = real(*args, **kwargs)
    if calls == 1 and when == "after":
        pause()
    return result

setattr(os, name, hooked)
from careercoach.cli import main

sys.argv[0] = "careercoach"
main()
"""

OLD = "the old plan, which must survive whole\n" * 50


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    """A home with a finished assessment; the Markdown export it makes; the env to run."""
    tmp_path = tmp_path_factory.mktemp("exported")
    home = tmp_path / "home"
    env = {**os.environ, "CAREERCOACH_HOME": str(home), "NO_COLOR": "1"}
    subprocess.run(
        [str(SCRIPT), "--bank-dir", str(BANKS), "assess", "--answers", str(INJECTION_ANSWERS)],
        env=env,
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )
    new = subprocess.run(
        [str(SCRIPT), "plan", "--export", "md", "--output", "-"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    ).stdout
    hook = tmp_path / "hook.py"
    hook.write_text(HOOK)
    return hook, new, env


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("point", "force", "after"),
    [
        ("fsync:before", True, "old"),  # the temporary file written, not yet on disk
        ("replace:before", True, "old"),  # on disk, not yet renamed
        ("replace:after", True, "new"),  # renamed, the folder not yet flushed
        ("link:before", False, "none"),  # a new file: not yet linked in
        ("link:after", False, "new"),  # linked, the temporary name not yet removed
    ],
    ids=str,
)
def test_export_killed_is_old_or_new_never_partial(
    exported: tuple[Path, str, dict[str, str]], tmp_path: Path, point: str, force: bool, after: str
) -> None:
    hook, new, env = exported
    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan.md"
    if force:
        target.write_text(OLD)
    process = subprocess.Popen(
        [sys.executable, str(hook), "plan", "--export", "md", "--output", str(target)]
        + (["--force"] if force else []),
        env={**env, "PAUSE_AT": point},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    try:
        assert process.stdout.readline() == f"PAUSED {point.replace(':', ' ')}\n"
    finally:
        process.kill()
        process.communicate(timeout=TIMEOUT)
    assert process.returncode == -signal.SIGKILL
    expected = {"old": OLD, "new": new}.get(after)
    if expected is None:
        assert not target.exists()
    else:
        assert target.read_text() == expected
    # what else is left is the hidden temporary file, whole, never the target's name
    leftovers = [p for p in out.iterdir() if p != target]
    for extra in leftovers:
        assert extra.name.startswith(".plan.md.") and extra.name.endswith(".tmp")
        assert extra.read_text() == new
    # and the next export goes through
    again = subprocess.run(
        [str(SCRIPT), "plan", "--export", "md", "--output", str(target), "--force"],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert target.read_text() == new


# -- durability settings on every connection ----------------------------------------------


class Checked(sqlite3.Connection):
    """A connection that records its durability settings when it is closed."""

    seen: ClassVar[list[tuple[str, int, str]]] = []

    def close(self) -> None:
        mode = str(self.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        sync = int(self.execute("PRAGMA synchronous").fetchone()[0])
        Checked.seen.append(("closed", sync, mode))
        super().close()


def test_every_connection_of_every_command_is_durable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """sqlite3.connect wrapped for whole CLI runs: each connection any command opens is
    closed with ``synchronous`` FULL and a journal that is neither off nor in memory."""
    real = sqlite3.connect
    opened: list[Checked] = []

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(*args, factory=Checked, **kwargs)
        assert isinstance(conn, Checked)
        opened.append(conn)
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    Checked.seen = []
    from careercoach.cli import app

    runner = CliRunner()
    out = tmp_path / "plan.json"
    runs = [
        ["assess", "--answers", str(INJECTION_ANSWERS)],
        ["assess", "--answers", str(INJECTION_ANSWERS)],
        ["plan"],
        ["plan", "--export", "json", "--output", str(out)],
        ["plan", "--done", "act_week"],
        ["history"],
        ["history", "--json"],
        ["compare"],
        ["event", "add", "new_boss"],
        ["event", "list"],
        ["checkin"],
        ["export-data", "--output", "-"],
        ["forget", "--id", "1", "--yes"],
        ["forget", "--all", "--yes"],
    ]
    for args in runs:
        result = runner.invoke(app, ["--bank-dir", str(BANKS), *args])
        assert result.exit_code == 0, (args, result.output)
    assert json.loads(out.read_text())["assessment_id"] == 2
    assert len(opened) >= len(runs)
    assert len(Checked.seen) == len(opened)  # every connection was closed
    for _, sync, mode in Checked.seen:
        assert sync == 2  # FULL
        assert mode not in ("off", "memory")
        assert mode == "delete"
