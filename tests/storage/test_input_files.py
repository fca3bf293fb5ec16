"""Input files (banks, answers files) are read up to the limit plus one byte, whatever
they are: a device that never ends is refused, a FIFO never hangs the run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careercoach.errors import AnswersError, BankError
from careercoach.storage import input_files
from careercoach.storage.input_files import read_file


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_that_never_ends_is_refused(device: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(input_files, "MAX_BYTES", 4096)
    with pytest.raises(BankError) as caught:
        read_file(Path(device))
    assert caught.value.problems == [f"{device}: the input is over the limit of 4,096 bytes"]


def test_a_fifo_without_a_writer_reads_as_empty(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    assert read_file(fifo, error=AnswersError) == b""


def test_a_pipe_is_read_whole(tmp_path: Path) -> None:
    """``--answers <(cat answers.yaml)``: the shell passes /dev/fd/N, a pipe."""
    read_end, write_end = os.pipe()
    os.write(write_end, b"mini:\n  years: 5\n")
    os.close(write_end)
    try:
        assert read_file(Path(f"/dev/fd/{read_end}"), error=AnswersError) == b"mini:\n  years: 5\n"
    finally:
        os.close(read_end)


def test_a_regular_file_over_the_limit_gives_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(input_files, "MAX_BYTES", 10)
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 11)
    with pytest.raises(BankError) as caught:
        read_file(path)
    assert caught.value.problems == [f"{path}: the file is 11 bytes; the limit is 10 bytes"]
    path.write_bytes(b"x" * 10)
    assert read_file(path) == b"x" * 10
