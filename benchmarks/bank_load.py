"""Loading and validating a big question bank, and refusing an alias bomb.

Generates banks of 10,000 and 20,000 likert questions over 50 dimensions (each dimension
with a description and two actions; every third question reversed, every fifth weighted)
into a temporary folder, and times ``careercoach.storage.banks.load_bank_file`` on each: read,
parse (libyaml's event parser where PyYAML has it), build the data, validate with pydantic,
check the cross-references. The bank cache is kept out (``CAREERCOACH_HOME`` names a
folder that does not exist, so nothing is cached): every load validates. Each size is
loaded ``--runs`` times in this process after one warm-up load; the medians of wall and
CPU time are reported (CPU time is steadier on a busy machine), with the 20k/10k ratio,
which shows whether loading stays linear.

The alias bomb is the billion laughs in under 1 KB (nine levels of nine aliases: 10**9
strings if expanded); the loader must refuse it without expanding it.

Usage: .venv/bin/python benchmarks/bank_load.py [--runs 7] [--profile]
Goals: 10k <= 1.0 s; 20k <= 2.3 x 10k; the bomb refused in milliseconds.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from careercoach.errors import BankError
from careercoach.storage.banks import load_bank_file
from careercoach.storage.yaml_nodes import LIBYAML

GOAL_10K_S = 1.0
GOAL_RATIO = 2.3
DIMENSIONS = 50
SIZES = (10_000, 20_000)


def bank_yaml(questions: int, dimensions: int = DIMENSIONS) -> str:
    lines = [
        "id: big",
        "version: 1",
        "title: A generated bank",
        "description: Many likert questions, for the loader's benchmark.",
        "dimensions:",
    ]
    for d in range(dimensions):
        lines += [
            f"  - id: dim_{d}",
            f"    label: Dimension {d}",
            f"    description: What dimension {d} measures, in a sentence or two.",
            "    actions:",
            f"      - id: act_{d}_soon",
            f"        text: The first thing to do about dimension {d}, this week.",
            "        horizon: week",
            f"      - id: act_{d}_later",
            f"        text: A bigger step for dimension {d}, over the quarter.",
            "        horizon: quarter",
            "        level: high",
        ]
    lines.append("questions:")
    for q in range(questions):
        lines += [
            f"  - id: q_{q}",
            "    type: likert",
            f'    prompt: "Statement {q}: how true is this of your work right now?"',
            f"    dimension: dim_{q % dimensions}",
        ]
        if q % 3 == 0:
            lines.append("    reverse: true")
        if q % 5 == 0:
            lines.append("    weight: 1.5")
    return "\n".join(lines) + "\n"


def alias_bomb() -> str:
    """The billion laughs: nine levels of nine aliases each."""
    lines = ['a0: &a0 "lol"']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall, cpu) seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def refuse(path: Path) -> None:
    try:
        load_bank_file(path)
    except BankError:
        return
    raise SystemExit(f"{path}: the alias bomb was not refused")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="loads of each size (default 7)")
    parser.add_argument("--profile", action="store_true", help="cProfile one 10k load")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bank_load_") as folder:
        os.environ["CAREERCOACH_HOME"] = str(Path(folder) / "no-home")  # nothing cached
        paths = {}
        for size in SIZES:
            paths[size] = Path(folder) / f"bank_{size}.yaml"
            paths[size].write_text(bank_yaml(size), encoding="utf-8")
        bomb = Path(folder) / "bomb.yaml"
        bomb.write_text(alias_bomb(), encoding="utf-8")

        bank = load_bank_file(paths[SIZES[0]])  # warm-up: imports, pydantic's validators
        assert len(bank.questions) == SIZES[0]
        figures: dict[int, list[tuple[float, float]]] = {size: [] for size in SIZES}
        for _ in range(options.runs):
            for size in SIZES:
                figures[size].append(timed(partial(load_bank_file, paths[size])))
        bomb_times = [timed(partial(refuse, bomb)) for _ in range(options.runs)]

        def median(values: list[tuple[float, float]], index: int) -> float:
            return statistics.median(value[index] for value in values)

        print(f"bank load: libyaml {'in use' if LIBYAML else 'NOT available (pure Python)'}")
        print(f"{options.runs} loads of each, medians (min):")
        for size in SIZES:
            kib = paths[size].stat().st_size / 1024
            wall, cpu = median(figures[size], 0), median(figures[size], 1)
            low = min(value[0] for value in figures[size])
            print(
                f"  {size:>6,} questions ({kib:5,.0f} KiB): wall {wall:6.3f} s ({low:.3f}),"
                f" cpu {cpu:6.3f} s"
            )
        small, large = SIZES
        wall_ratio = median(figures[large], 0) / median(figures[small], 0)
        cpu_ratio = median(figures[large], 1) / median(figures[small], 1)
        print(
            f"  ratio {large // 1000}k/{small // 1000}k: wall {wall_ratio:.2f}, cpu {cpu_ratio:.2f}"
        )
        bomb_ms = 1000 * median(bomb_times, 0)
        print(f"  alias bomb ({bomb.stat().st_size} bytes): refused in {bomb_ms:.1f} ms")

        wall_10k = median(figures[small], 0)
        verdicts = [
            ("10k <= 1.0 s", wall_10k <= GOAL_10K_S),
            (f"20k/10k <= {GOAL_RATIO}", wall_ratio <= GOAL_RATIO),
        ]
        print(
            "goals: " + ", ".join(f"{name}: {'met' if ok else 'MISSED'}" for name, ok in verdicts)
        )

        if options.profile:
            profiler = cProfile.Profile()
            profiler.runcall(load_bank_file, paths[small])
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
