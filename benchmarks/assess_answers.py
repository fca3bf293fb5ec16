"""A whole ``careercoach assess --answers FILE`` run of every built-in bank, against floor
R: ``import typer, rich.console, yaml, sqlite3``, ``from pydantic import BaseModel, Field``
and one model with a constrained field (what any program with pydantic models pays).

The answers file answers every asked question of every built-in bank (generated from the
banks, so it keeps up with their content). Each round runs, each in a fresh process and in
rotating order: the floor, the assessment into an existing database (the usual case), and
the assessment into a fresh ``CAREERCOACH_HOME`` (the first run: the database is created
and migrated). Wall time and CPU time (user + system of the child) are reported as
medians; the ratio to the floor is the goal.

``PYTHONDONTWRITEBYTECODE`` is removed from the children's environment and one warm-up
round runs first, so both sides start from compiled bytecode as an installed tool does.

``--breakdown`` also times the phases of one run in a fresh process (after the CLI's own
imports, with the database and the bank cache of the rounds), to show where the time goes.

Usage: .venv/bin/python benchmarks/assess_answers.py [--runs 15] [--breakdown]
Budget: assess / floor R <= 1.6 (medians).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / ".venv" / "bin" / "careercoach"
GOAL = 1.6
FLOOR_R = (
    "import typer, rich.console, yaml, sqlite3\n"
    "from pydantic import BaseModel, Field\n"
    "class Model(BaseModel):\n"
    "    score: int = Field(ge=0)\n"
)
FLOOR = [sys.executable, "-c", FLOOR_R]
# For reference: what importing careercoach's command line costs before a command runs.
CLI_FLOOR = [sys.executable, "-c", "import careercoach.cli"]


def answers_for_builtin_banks() -> dict[str, dict[str, Any]]:
    """Every asked question of every built-in bank answered, varied but valid."""
    from careercoach.core.conditions import is_asked
    from careercoach.storage.banks import load_banks

    answers: dict[str, dict[str, Any]] = {}
    for loaded in load_banks([]):
        given: dict[str, Any] = {}
        for index, question in enumerate(loaded.bank.questions):
            if not is_asked(question, given, loaded.bank):
                continue
            if question.type == "likert":
                given[question.id] = [2, 4, 5, 1, 3][index % 5]
            elif question.type == "single":
                ending = loaded.bank.audience.not_for if loaded.bank.audience else []
                options = [o.id for o in question.options if o.id not in ending]
                given[question.id] = options[index % len(options)]
            elif question.type == "multi":
                given[question.id] = [o.id for o in question.options[: index % 3]]
            elif question.type == "number":
                low = question.min if question.min is not None else 0
                high = question.max if question.max is not None else low + 100
                value = low + (high - low) / 4
                given[question.id] = int(value) if question.integer else value
            else:
                given[question.id] = "Something changed at work."
        answers[loaded.bank.id] = given
    return answers


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one child process; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def breakdown(answers_file: Path, home: Path) -> None:
    """Phases of one run inside this process, after the CLI's own imports."""
    os.environ["CAREERCOACH_HOME"] = str(home)
    import careercoach.cli

    marks: list[tuple[str, float]] = [("start", time.perf_counter())]

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter()))

    import pydantic_core  # noqa: F401

    mark("import pydantic_core (in the floor)")
    from pydantic import BaseModel, Field  # noqa: F401

    mark("import BaseModel, Field (not in the floor)")
    import careercoach.core.models  # noqa: F401

    mark("define our models")
    from careercoach.storage.banks import load_banks

    loaded = load_banks([])
    mark("load the banks (cached after a first run)")
    from careercoach.storage.answers import load_answers_file

    checked = load_answers_file(answers_file, [entry.bank for entry in loaded])
    mark("read and check the answers")
    from careercoach.flows.assessment import make_plan

    plan = make_plan(checked.banks, checked.answers, assessment_id=1)
    mark("score and plan")
    from careercoach.storage.store import Store

    with Store() as store:
        store.record_finished(
            checked.banks,
            checked.answers,
            lambda i: plan.model_copy(update={"assessment_id": i}),
        )
    mark("store (create, migrate, one transaction)")
    import io

    from careercoach.ui.console import make_console
    from careercoach.ui.render import plan_view

    make_console(file=io.StringIO(), width=80).print(plan_view(plan, actions_per_horizon=5))
    mark("render the plan (Rich)")
    print("\nbreakdown (one run, in process, after the CLI's imports):")
    for (_, start), (name, end) in itertools.pairwise(marks):
        print(f"  {name:42s} {1000 * (end - start):6.1f} ms")
    print(f"  {'total':42s} {1000 * (marks[-1][1] - marks[0][1]):6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--breakdown", action="store_true")
    parser.add_argument("--phases", nargs=2, metavar=("ANSWERS", "HOME"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.phases:
        breakdown(Path(options.phases[0]), Path(options.phases[1]))
        return

    with tempfile.TemporaryDirectory(prefix="careercoach-bench-") as tmp:
        folder = Path(tmp)
        answers_file = folder / "answers.json"
        answers = answers_for_builtin_banks()
        answers_file.write_text(json.dumps(answers, indent=2), encoding="utf-8")
        count = sum(len(given) for given in answers.values())
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.pop("CAREERCOACH_BANKS", None)
        assess = [str(SCRIPT), "assess", "--answers", str(answers_file)]
        kept_home = {**env, "CAREERCOACH_HOME": str(folder / "kept")}

        def first_run() -> tuple[float, float]:
            home = folder / "fresh"
            result = timed(assess, {**env, "CAREERCOACH_HOME": str(home)})
            shutil.rmtree(home, ignore_errors=True)
            return result

        commands = {
            "floor": lambda: timed(FLOOR, env),
            "cli": lambda: timed(CLI_FLOOR, env),
            "usual": lambda: timed(assess, kept_home),
            "first": first_run,
        }
        for command in commands.values():  # warm-up: bytecode, page cache, the kept database
            command()
        figures: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        names = list(commands)
        for round_ in range(options.runs):
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                figures[name].append(commands[name]())

        def median(name: str, index: int) -> float:
            return statistics.median(value[index] for value in figures[name])

        labels = {
            "floor": "floor R: typer, rich, a model",
            "cli": "(ref) import careercoach.cli",
            "usual": "assess --answers (db exists)",
            "first": "assess --answers (first run)",
        }
        print(f"assess --answers: {len(answers)} built-in banks, {count} answers")
        print(f"{options.runs} rounds, medians (ratio to the floor; goal <= {GOAL}):")
        print(f"  {'':32s} {'wall':>9s} {'ratio':>6s} {'cpu':>9s} {'ratio':>6s}")
        for name in names:
            wall, cpu = median(name, 0), median(name, 1)
            print(
                f"  {labels[name]:32s} {1000 * wall:7.1f}ms {wall / median('floor', 0):5.2f}x "
                f"{1000 * cpu:7.1f}ms {cpu / median('floor', 1):5.2f}x"
            )
        if options.breakdown:
            subprocess.run(
                [sys.executable, __file__, "--phases", str(answers_file), str(folder / "kept")],
                env=env,
                check=True,
            )


if __name__ == "__main__":
    main()
