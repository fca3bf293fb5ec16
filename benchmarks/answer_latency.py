"""Answer-to-next-question latency of ``careercoach assess``, in a real pty.

Runs the installed script (``.venv/bin/careercoach``) under pexpect on a generated bank
whose questions cycle through every type, answers each one, and times from the moment
the answer's Enter is written to the moment the NEXT question's own text appears on the
screen. (questionary redraws the answered prompt as ``? <prompt> <answer>`` first; each
prompt here carries a unique ``Qnn`` tag, so only the next question's text can match.)

Before each answer the benchmark waits ``--think`` seconds (default 0.25) once the
question is on screen, as a person reading it would (nobody answers faster);
``--think 0`` answers as soon as the question shows.

``PROMPT_TOOLKIT_NO_CPR=1`` is set as in the pty tests: a pty never answers
prompt_toolkit's cursor-position request, which would otherwise add a wait that a real
terminal does not have. Each answer is committed to SQLite (synchronous=FULL) before
the next question is drawn, so the figures include one fsync'd transaction.

Usage: .venv/bin/python benchmarks/answer_latency.py [--runs 3] [--questions 40] [--think 0.25]
Budget: median <= 100 ms, p90 <= 150 ms (100 ms is the edge of what a person perceives
as instant).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / ".venv" / "bin" / "careercoach"
MEDIAN_BUDGET_MS = 100.0
P90_BUDGET_MS = 150.0
TYPES = ("likert", "single", "multi", "number", "text")
# what to type for each type (Enter last): the first point, the first option, none
# ticked, a number, a word
KEYS = {"likert": "\r", "single": "\r", "multi": "\r", "number": "3\r", "text": "ok\r"}


def bank_yaml(count: int) -> str:
    lines = [
        "id: latency",
        "title: Latency",
        "dimensions:",
        "  - id: dim",
        "    label: Dimension",
        "questions:",
    ]
    for number in range(1, count + 1):
        kind = TYPES[(number - 1) % len(TYPES)]
        lines += [
            f"  - id: q{number}",
            f"    type: {kind}",
            f'    prompt: "Q{number:02d} a statement about work, answered as a {kind}"',
        ]
        if kind == "likert":
            lines.append("    dimension: dim")
        elif kind in ("single", "multi"):
            lines.append("    options:")
            for option in ("alpha", "beta", "gamma"):
                lines.append(f"      - {{id: {option}, label: {option}, scores: {{dim: 1}}}}")
        elif kind == "number":
            lines += ["    min: 0", "    max: 100", "    integer: true"]
    return "\n".join(lines) + "\n"


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(
    count: int, folder: Path, run: int, think: float
) -> tuple[float, list[tuple[str, float]], float | None]:
    env = {
        **os.environ,
        "CAREERCOACH_HOME": str(folder / f"home{run}"),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm-256color",
    }
    env.pop("NO_COLOR", None)
    started = time.perf_counter()
    child = pexpect.spawn(
        str(SCRIPT),
        ["--bank-dir", str(folder / "banks"), "assess", "--bank", "latency"],
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=20,
    )
    child.delaybeforesend = None  # no pexpect pause before each write
    samples: list[tuple[str, float]] = []
    try:
        child.expect_exact("Q01 a statement")
        first = time.perf_counter() - started
        cpu_start = cpu_seconds(child.pid)
        for number in range(1, count + 1):
            kind = TYPES[(number - 1) % len(TYPES)]
            if think:
                time.sleep(think)  # reading the question
            sent = time.perf_counter()
            child.send(KEYS[kind])
            if number < count:
                child.expect_exact(f"Q{number + 1:02d} a statement")
            else:
                cpu_end = cpu_seconds(child.pid)
                child.expect_exact("Done, show my plan")  # the review of the answers
            samples.append((kind, (time.perf_counter() - sent) * 1000))
        child.send("\r")  # the review: finish
        child.expect_exact("Saved as assessment")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    if child.exitstatus != 0:
        sys.exit(f"run {run}: careercoach exited with {child.exitstatus}")
    cpu = None
    if cpu_start is not None and cpu_end is not None:
        cpu = (cpu_end - cpu_start) * 1000 / (count - 1)
    return first, samples[:-1], cpu  # the last sample is the review, not a question


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--think", type=float, default=0.25, help="reading time, seconds")
    args = parser.parse_args()
    if not SCRIPT.exists():
        sys.exit(f"{SCRIPT} is missing: install the project into .venv first")
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "banks").mkdir()
        (folder / "banks" / "latency.yaml").write_text(bank_yaml(args.questions))
        starts: list[float] = []
        samples: list[tuple[str, float]] = []
        cpus: list[float] = []
        for run in range(args.runs):
            first, found, cpu = one_run(args.questions, folder, run, args.think)
            starts.append(first * 1000)
            samples += found
            if cpu is not None:
                cpus.append(cpu)
    times = sorted(ms for _, ms in samples)
    median = statistics.median(times)
    p90 = times[int(0.9 * (len(times) - 1))]
    print(
        f"answer → next question, {len(times)} answers over {args.runs} runs "
        f"({args.questions} questions each, {args.think:g} s to read each question):"
    )
    print(
        f"  median {median:.1f} ms   p90 {p90:.1f} ms   min {times[0]:.1f} ms   "
        f"max {times[-1]:.1f} ms"
    )
    for kind in TYPES:
        after = [ms for previous, ms in samples if previous == kind]
        if after:
            print(f"  after a {kind:<6} answer: median {statistics.median(after):.1f} ms")
    if cpus:
        print(
            f"  careercoach's own CPU time per answer: {statistics.median(cpus):.1f} ms "
            "(reading time included)"
        )
    print(f"start-up to the first question: median {statistics.median(starts):.0f} ms")
    print(
        f"machine: {os.cpu_count()} CPUs, load average {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after"
    )
    verdict = "ok" if median <= MEDIAN_BUDGET_MS and p90 <= P90_BUDGET_MS else "OVER"
    print(f"budget: median <= {MEDIAN_BUDGET_MS:.0f} ms, p90 <= {P90_BUDGET_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
