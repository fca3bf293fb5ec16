"""A reader that stops early (``| head``, a pager closed at once) gets no error message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "careercoach"


@pytest.mark.parametrize(
    "args", [["banks", "schema"], ["banks", "show", "stuck", "--json"], ["--help"]], ids=" ".join
)
def test_a_closed_pipe_is_not_an_error(args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: every write fails with EPIPE
    try:
        result = subprocess.run(
            [str(SCRIPT), *args], stdout=write_end, stderr=subprocess.PIPE, text=True, check=False
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 1
