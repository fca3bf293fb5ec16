"""``history`` and ``compare`` with 1,000 stored assessments: wall time of the real
command, as a subprocess, against the start-up floor (``careercoach --version``).

Goal: each ≤ 300 ms (median of several runs) on the development machine.

The store is seeded through its own methods (one realistic plan of the stuck and
education banks, with its answers and its "how each score was made" section, stored
1,000 times with shifting scores a week apart), with ``synchronous=OFF`` for the seeding
only. Run: ``.venv/bin/python benchmarks/history.py [--runs N] [--count N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "tests" / "fixtures" / "plans" / "answers.yaml"
GOAL_MS = 300.0


def seed(home: Path, count: int) -> float:
    """Store ``count`` finished assessments in ``home``; returns the seconds it took."""
    os.environ["CAREERCOACH_HOME"] = str(home)
    from careercoach.flows.assessment import load_banks, make_plan
    from careercoach.storage.answers import load_answers_file
    from careercoach.storage.store import DoneItem, Store

    started = time.perf_counter()
    checked = load_answers_file(ANSWERS, load_banks())
    base = make_plan(checked.banks, checked.answers, assessment_id=1)
    first = datetime(2006, 1, 1, 9, 0, tzinfo=UTC)
    with Store() as store:
        store._conn.execute("PRAGMA synchronous = OFF")  # seeding only
        for n in range(count):
            dims = [
                d.model_copy(update={"score": (d.score + 13 * n + 7 * i) % 101})
                for i, d in enumerate(base.dimensions)
            ]
            when = (first + timedelta(days=7 * n)).isoformat(timespec="seconds")
            plan_id = store.record_finished(
                checked.banks,
                checked.answers,
                lambda i, dims=dims, when=when: base.model_copy(
                    update={"assessment_id": i, "finished_at": when, "dimensions": dims}
                ),
            ).assessment_id
            assert plan_id is not None
            if n % 3 == 0 and base.actions:
                a = base.actions[0]
                store.mark_done(plan_id, [DoneItem(a.bank, a.dimension, a.id, 50)])
    return time.perf_counter() - started


def command() -> list[str]:
    script = Path(sys.executable).parent / "careercoach"
    return [str(script)] if script.exists() else [sys.executable, "-m", "careercoach"]


def run_once(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [*command(), *args], env=env, capture_output=True, text=True, check=False
    )
    elapsed = (time.perf_counter() - started) * 1000
    if result.returncode != 0:
        raise SystemExit(f"careercoach {' '.join(args)} failed:\n{result.stderr}")
    return elapsed


def timed(cases: list[list[str]], runs: int, env: dict[str, str]) -> list[list[float]]:
    """Each case ``runs`` times, taking turns (so a busy moment hits every case alike)."""
    found: list[list[float]] = [[] for _ in cases]
    for _ in range(runs):
        for index, args in enumerate(cases):
            found[index].append(run_once(args, env))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--count", type=int, default=1000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        seconds = seed(home, options.count)
        size = (home / "careercoach.db").stat().st_size
        print(f"seeded {options.count} assessments in {seconds:.1f} s ({size / 1e6:.1f} MB)")
        env = {**os.environ, "CAREERCOACH_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "80"}
        cases = [
            ["--version"],
            ["compare", "--help"],  # the floor of a command with options (typer + pydantic)
            ["history"],
            ["history", "--json"],
            ["compare"],
            ["compare", "--json"],
            ["history", "--all", "--json"],
        ]
        timed([["history"]], 2, env)  # warm the file cache and the .pyc files
        print(f"{'command':<34}{'median':>9}{'min':>9}{'max':>9}  (ms, {options.runs} runs)")
        verdicts = []
        floor = 0.0
        for args, times in zip(cases, timed(cases, options.runs, env), strict=True):
            median = statistics.median(times)
            name = "careercoach " + " ".join(args)
            print(f"{name:<34}{median:>9.0f}{min(times):>9.0f}{max(times):>9.0f}")
            if "--help" in args:
                floor = median
            elif args[0] in ("history", "compare") and "--all" not in args:
                verdicts.append((name, median))
        print()
        for name, median in verdicts:
            status = "ok" if median <= GOAL_MS else "OVER"
            print(
                f"{status:<5} {name}: {median:.0f} ms (goal ≤ {GOAL_MS:.0f} ms; "
                f"{median - floor:+.0f} ms over the floor)"
            )
        print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
