"""Shared fixtures: a private data folder, a bank folder, and a predictable terminal."""

from __future__ import annotations

import atexit
import errno
import fcntl
import importlib.abc
import os
import shutil
import sys
import tempfile
import types
from collections.abc import Iterator, Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]

# CI explores the same examples on every run, so a landing never hangs on a new random draw;
# a developer's runs keep exploring (and keep the failures they find in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
QUESTIONS = REPO / "questions"

# A developer's own banks must not reach what is built before each test's environment
# (below): module-scoped fixtures and module constants load the built-in banks, and the
# persona snapshots and the six-bank checks assume those alone.
os.environ.pop("CAREERCOACH_BANKS", None)


WINDOWS_LACKS = (
    "getuid",
    "geteuid",
    "pread",
    "pwrite",
    "fchmod",
    "O_NOFOLLOW",
    "O_NONBLOCK",
    "O_CLOEXEC",
    "O_NOCTTY",
    "O_DIRECTORY",
)
"""What ``os`` has on Linux and not on Windows (``fchmod`` until Python 3.13), and that
careercoach would reach for."""


class _NoFcntl(importlib.abc.MetaPathFinder):
    """``import fcntl`` fails, as on Windows."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == "fcntl":
            raise ModuleNotFoundError("No module named 'fcntl'", name=fullname)
        return None


class FakeMsvcrt(types.ModuleType):
    """``msvcrt.locking`` as careercoach uses it, recording each call.

    Linux has no ``msvcrt``, so the Windows branch of the lock runs against this stand-in.
    Its lock is a real one, an exclusive ``flock`` of the whole file: the one byte
    careercoach locks stands for the file, and a second run in this process or another
    (with the real POSIX lock or this one) is refused as on Windows. It cannot mimic that a
    Windows lock is mandatory; careercoach locks a byte past the pid (LOCK_OFFSET) so that
    a second run can still read it, and a test checks where the byte is.
    """

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.calls: list[tuple[int, int, int]] = []  # (position, mode, bytes)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        self.calls.append((os.lseek(fd, 0, os.SEEK_CUR), mode, nbytes))
        if mode == self.LK_UNLCK:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return
        assert mode == self.LK_NBLCK, "careercoach never waits for the lock"
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(errno.EACCES, "Permission denied") from None


def simulate_windows(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    """Take away what Windows lacks (``fcntl``, :data:`WINDOWS_LACKS`) and put a
    recording ``msvcrt`` in its place, until ``monkeypatch`` is undone."""
    monkeypatch.delitem(sys.modules, "fcntl", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_NoFcntl(), *sys.meta_path])
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    for name in WINDOWS_LACKS:
        monkeypatch.delattr(os, name, raising=False)
    return fake


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--simulated-windows",
        action="store_true",
        help="run without fcntl and the os calls Windows lacks, with a stand-in msvcrt",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Code that runs while tests are collected (cases built from the banks, which loads
    them and fills the bank cache) must not touch the real data or cache folders either."""
    folder = tempfile.mkdtemp(prefix="careercoach-tests-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["CAREERCOACH_HOME"] = folder


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--simulated-windows"):
        return
    owners = pytest.mark.skip(reason="checks POSIX owners or modes, which Windows does not have")
    fifo = pytest.mark.skip(reason="makes a FIFO, which Windows does not have")
    for item in items:
        if "posix_owners" in item.keywords:
            item.add_marker(owners)
        if "posix_fifo" in item.keywords:
            item.add_marker(fifo)


@pytest.fixture
def simulated_windows(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    """This test runs as on Windows (see :func:`simulate_windows`); the stand-in msvcrt."""
    return simulate_windows(monkeypatch)


@pytest.fixture(autouse=True)
def windows_when_asked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``--simulated-windows`` (scripts/test runs tests/cli so once), each test runs
    as on Windows. Per test, not for the whole run: pytest itself needs ``os.getuid``.
    careercoach looks these calls up when it makes them, so importing it earlier is fine."""
    if request.config.getoption("--simulated-windows"):
        simulate_windows(monkeypatch)


@pytest.fixture(autouse=True)
def careercoach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own CAREERCOACH_HOME (it is not created: the tool must do it)."""
    home = tmp_path / "home" / "careercoach"
    monkeypatch.setenv("CAREERCOACH_HOME", str(home))
    monkeypatch.delenv("CAREERCOACH_BANKS", raising=False)
    monkeypatch.delenv("CAREERCOACH_DEBUG", raising=False)
    # consistent terminal output (commitizen's consistent_terminal_output)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LINES", "24")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    yield home
    from careercoach.storage import bank_cache

    bank_cache._waiting.clear()  # banks one test validated before its home existed


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """An empty folder for a test's own bank files."""
    folder = tmp_path / "banks"
    folder.mkdir()
    return folder
