"""Several processes on one database at once: writers wait for each other (BEGIN
IMMEDIATE and the busy timeout) instead of failing with "database is locked", and no
answer is lost. Each process waits at a barrier (a line on stdin) so that they really
start together; nothing here is timed.

The second *interactive* session (refused by the assessment lock) is tested from the
outside, through two pty children, in tests/e2e/test_assess_pty.py."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from careercoach.paths import db_path
from careercoach.storage.store import SCHEMA_VERSION, Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCRIPT = Path(sys.executable).with_name("careercoach")
TIMEOUT = 120  # only reached when something is wrong

WRITER = """\
import sys
from careercoach.storage.store import BankRef, Store

count = int(sys.argv[1])
with Store() as store:
    assessment_id = store.start_assessment([BankRef("demo", 1)])
    print(assessment_id, flush=True)
    sys.stdin.readline()  # the barrier
    for i in range(count):
        store.save_answer(assessment_id, "demo", f"q{i}", i)
        if i % 10 == 0:
            store.answers(assessment_id)  # a read between the writes
print("done", flush=True)
"""

OPENER = """\
import sys
from careercoach.storage.store import Store

print("ready", flush=True)
sys.stdin.readline()  # the barrier
with Store() as store:
    print(store.user_version(), flush=True)
"""


def start(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


def release(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    """Open the barrier for all at once; their exit codes and output."""
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    results = []
    for process in processes:
        out, err = process.communicate(timeout=TIMEOUT)
        results.append((process.returncode, out, err))
    return results


def test_writers_at_once_lose_no_answer() -> None:
    with Store():  # the schema, so that the writers race on answers alone
        pass
    count, writers = 60, 3
    processes = [start(WRITER, str(count)) for _ in range(writers)]
    ids = []
    for process in processes:
        assert process.stdout is not None
        ids.append(int(process.stdout.readline()))
    results = release(processes)
    for code, out, err in results:
        assert (code, out, err) == (0, "done\n", "")
    assert sorted(ids) == list(range(1, writers + 1))
    with Store() as store:
        for assessment_id in ids:
            assert store.answers(assessment_id) == {"demo": {f"q{i}": i for i in range(count)}}


def test_first_use_by_several_processes_migrates_once() -> None:
    processes = [start(OPENER) for _ in range(4)]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
    results = release(processes)
    for code, out, err in results:
        assert (code, out, err) == (0, f"{SCHEMA_VERSION}\n", "")
    with sqlite3.connect(db_path()) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master")]
    conn.close()
    assert len(names) == len(set(names))
    assert {"assessments", "answers", "plans", "scores", "done_actions", "events"} <= set(names)


def test_assess_answers_runs_at_once_all_stored() -> None:
    answers = FIXTURES / "plans" / "injection-answers.yaml"
    args = [str(SCRIPT), "--bank-dir", str(FIXTURES / "banks"), "assess", "--answers"]
    processes = [
        subprocess.Popen(
            [*args, str(answers)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    saved = []
    for process in processes:
        out, err = process.communicate(timeout=TIMEOUT)
        assert (process.returncode, err) == (0, "")
        found = re.search(r"Saved as assessment (\d+)\.", out)
        assert found is not None
        saved.append(int(found.group(1)))
    assert sorted(saved) == [1, 2, 3]
    with Store() as store:
        assert sorted(record.id for record in store.finished()) == [1, 2, 3]
        for assessment_id in saved:
            assert store.answers(assessment_id) == {
                "injection": {"hostile_q": 5, "harmless_q": 4, "harmless_q2": 5}
            }
