"""The zsh script installed as the ``completion --help`` example says (a file in
``fpath`` that ``compinit`` finds), in a real zsh: the first Tab of a new shell
completes."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

SCRIPT = Path(sys.executable).parent / "careercoach"

pytestmark = [
    pytest.mark.skipif(shutil.which("zsh") is None, reason="no zsh here"),
    pytest.mark.skipif(not SCRIPT.exists(), reason="no installed careercoach script"),
]


def zsh_with_completion_file(home: Path) -> pexpect.spawn:
    """A new interactive zsh whose ``~/.zshrc`` puts ``~/.zfunc`` on ``fpath`` before
    ``compinit``, with ``careercoach completion zsh > ~/.zfunc/_careercoach`` done."""
    zfunc = home / ".zfunc"
    zfunc.mkdir()
    script = subprocess.run(
        [str(SCRIPT), "completion", "zsh"], capture_output=True, text=True, check=True
    ).stdout
    (zfunc / "_careercoach").write_text(script)
    (home / ".zshrc").write_text(
        "fpath=(~/.zfunc $fpath)\nautoload -Uz compinit\ncompinit -u -D\nPS1='ready> '\n"
    )
    env = {
        "HOME": str(home),
        "ZDOTDIR": str(home),
        "PATH": os.pathsep.join([str(SCRIPT.parent), os.environ.get("PATH", "")]),
        "TERM": "dumb",
        "CAREERCOACH_HOME": str(home / "cc"),
    }
    child = pexpect.spawn(
        "zsh", ["-i"], env=env, dimensions=(24, 100), encoding="utf-8", timeout=30
    )
    child.logfile_read = io.StringIO()
    child.expect_exact("ready> ")
    return child


def test_the_first_tab_of_a_new_zsh_completes(tmp_path: Path) -> None:
    child = zsh_with_completion_file(tmp_path)
    try:
        child.send("careercoach ba\t")
        child.send("\r")  # zle completes the Tab before it reads the Enter
        index = child.expect_exact(["Usage: careercoach banks", "No such command 'ba'"])
        assert index == 0, "the first Tab completed nothing"
        child.expect_exact("ready> ")
        child.send("careercoach plan --export h\t")
        child.expect_exact("--export html")
    finally:
        child.terminate(force=True)
