"""Windows: the assessment lock still refuses a second run, and nothing reaches for a POSIX
call that is not there. Run here with the POSIX calls taken away and a recording
``msvcrt`` (the ``simulated_windows`` fixture, tests/conftest.py)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from careercoach.errors import AlreadyRunning, StoreError
from careercoach.flows.assessment_lock import assessment_lock
from careercoach.storage.platform_calls import LOCK_OFFSET
from conftest import FakeMsvcrt

SRC = Path(__file__).resolve().parents[2] / "src" / "careercoach"
POSIX_ONLY = re.compile(
    r"fcntl|msvcrt|getuid|geteuid|pread|pwrite|fchmod|set_blocking"
    r"|\bos\.O_(?:NOFOLLOW|NONBLOCK|CLOEXEC|NOCTTY|DIRECTORY)\b"
    r"|getattr\(os,"
)
"""The calls and ``os.open`` flags that Windows lacks, and any probe of what ``os`` has."""


def test_only_the_platform_module_names_a_posix_or_windows_call() -> None:
    named = sorted(
        f"{path.relative_to(SRC)}: {found}"
        for path in SRC.rglob("*.py")
        if path.name != "platform_calls.py"
        for found in sorted(set(POSIX_ONLY.findall(path.read_text(encoding="utf-8"))))
    )
    assert named == []


@pytest.fixture
def home(careercoach_home: Path) -> Path:
    careercoach_home.mkdir(mode=0o700, parents=True)
    return careercoach_home


def test_a_second_run_is_refused_on_windows(home: Path, simulated_windows: FakeMsvcrt) -> None:
    with assessment_lock(home):
        assert (home / "assess.lock").read_text() == str(os.getpid())
        with pytest.raises(AlreadyRunning) as caught, assessment_lock(home):
            pytest.fail("a second run got the lock")
        assert str(caught.value) == f"another assessment is running (process {os.getpid()})."
    assert (home / "assess.lock").read_text() == ""
    with assessment_lock(home):  # released
        pass


def test_the_windows_lock_is_one_byte_past_the_pid(
    home: Path, simulated_windows: FakeMsvcrt
) -> None:
    """A Windows lock is mandatory: on the pid itself, a second run could not read it."""
    with assessment_lock(home):
        pass
    assert simulated_windows.calls == [
        (LOCK_OFFSET, FakeMsvcrt.LK_NBLCK, 1),
        (LOCK_OFFSET, FakeMsvcrt.LK_UNLCK, 1),
    ]


@pytest.fixture
def posix_holder(home: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock (with the real POSIX calls)."""
    script = f"""
        import sys
        from pathlib import Path
        from careercoach.flows.assessment_lock import assessment_lock
        with assessment_lock(Path({str(home)!r})):
            print("locked", flush=True)
            sys.stdin.read()
    """
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "locked\n"
    yield holder
    holder.stdin.close()
    holder.wait()


def test_a_run_in_another_process_is_named_on_windows(
    home: Path, posix_holder: subprocess.Popen[str], simulated_windows: FakeMsvcrt
) -> None:
    with pytest.raises(AlreadyRunning) as caught, assessment_lock(home):
        pytest.fail("the lock of another process was taken")
    assert str(caught.value) == f"another assessment is running (process {posix_holder.pid})."
    assert (home / "assess.lock").read_text() == str(posix_holder.pid)  # not truncated


def test_a_lock_that_is_a_link_is_refused_without_o_nofollow(
    home: Path, tmp_path: Path, simulated_windows: FakeMsvcrt
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("my notes\n")
    (home / "assess.lock").symlink_to(target)
    with pytest.raises(StoreError) as caught, assessment_lock(home):
        pytest.fail("the lock was taken through a link")
    assert str(caught.value) == (
        f"{home / 'assess.lock'} is a symbolic link, not a file careercoach made; it was "
        "left as it is."
    )
    assert target.read_text() == "my notes\n"
    assert simulated_windows.calls == []


def test_no_mode_is_changed_or_reported_on_windows(
    careercoach_home: Path, simulated_windows: FakeMsvcrt, capsys: pytest.CaptureFixture[str]
) -> None:
    """Windows shows every folder as 0777 and chmod cannot make one private: the profile
    folder is private by its access list, so there is nothing to tighten or to warn about."""
    careercoach_home.mkdir(mode=0o755, parents=True)
    careercoach_home.chmod(0o755)
    with assessment_lock(careercoach_home):
        pass
    assert stat.S_IMODE(careercoach_home.stat().st_mode) == 0o755
    assert capsys.readouterr().err == ""
