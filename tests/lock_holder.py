"""Another process holding the assessment lock, as an interactive assess does."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def start_lock_holder(folder: Path) -> subprocess.Popen[str]:
    """A child that holds the lock of ``folder`` until its stdin closes (or it is killed)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys
                from pathlib import Path
                from careercoach.flows.assessment_lock import assessment_lock
                with assessment_lock(Path({str(folder)!r})):
                    print("locked", flush=True)
                    sys.stdin.read()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline() == "locked\n"
    return holder
