"""Writing an ``--output`` file: atomic for a regular file, 0600, never clobbering without
--force; a link stays a link, a device or FIFO is written to and never replaced, a write
error is one line (exit 1), a path that cannot be a file is one line (exit 2)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from careercoach.errors import EXIT_BAD_INPUT, BadInput, CareerCoachError
from careercoach.storage.output_file import write_file


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_write_new_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    assert write_file(target, "héllo\n") == target
    assert target.read_bytes() == "héllo\n".encode()
    assert mode(target) == 0o600
    assert leftovers(tmp_path) == []


def test_existing_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old\n")
    with pytest.raises(BadInput) as caught:
        write_file(target, "new\n")
    assert caught.value.exit_code == EXIT_BAD_INPUT
    assert str(caught.value) == f"{target} already exists; use --force to overwrite it"
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_force_replaces_and_makes_it_private(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old\n")
    target.chmod(0o644)
    write_file(target, "new\n", force=True)
    assert target.read_text() == "new\n"
    assert mode(target) == 0o600
    assert leftovers(tmp_path) == []


def test_failure_before_the_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old\n")

    def crash(*args: Any) -> None:
        raise KeyboardInterrupt  # as if killed between the write and the rename

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, "new\n" * 1000, force=True)
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_failed_rename_is_reported_and_cleaned_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old\n")

    def fail(*args: Any) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(CareerCoachError) as caught:
        write_file(target, "new\n", force=True)
    assert caught.value.exit_code == 1
    assert str(caught.value) == f"cannot write {target}: Input/output error"
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_failed_write_leaves_no_new_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.md"

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(CareerCoachError, match="No space left on device"):
        write_file(target, "new\n")
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_a_file_that_appears_meanwhile_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    real_link = os.link

    def racing_link(src: Any, dst: Any) -> None:
        Path(dst).write_text("someone else's\n")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(BadInput, match="already exists; use --force"):
        write_file(target, "new\n")
    assert target.read_text() == "someone else's\n"
    assert leftovers(tmp_path) == []


def test_without_hard_links_it_still_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: Any, dst: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "plan.md"
    write_file(target, "new\n")
    assert target.read_text() == "new\n"
    assert mode(target) == 0o600
    assert leftovers(tmp_path) == []


def test_file_and_folder_are_flushed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[bool] = []
    real_fsync = os.fsync

    def record(fd: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", record)
    write_file(tmp_path / "plan.md", "new\n")
    assert synced == [False, True]


def test_bad_targets(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such folder"):
        write_file(tmp_path / "missing" / "plan.md", "x")
    with pytest.raises(BadInput, match="is a folder"):
        write_file(tmp_path, "x")


# -- links, devices, FIFOs, names past the limit ----------------------------------------


def test_a_link_stays_a_link_and_its_file_is_written_with_force(tmp_path: Path) -> None:
    real = tmp_path / "real" / "plan.md"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "plan.md"
    link.symlink_to(real)
    with pytest.raises(BadInput, match="already exists; use --force"):
        write_file(link, "new\n")
    assert real.read_text() == "old\n"
    assert write_file(link, "new\n", force=True) == link
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert real.read_text() == "new\n"
    assert leftovers(tmp_path) == leftovers(real.parent) == []


def test_a_link_to_nothing_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "plan.md"
    link.symlink_to(tmp_path / "elsewhere.md")
    for force in (False, True):
        with pytest.raises(BadInput) as caught:
            write_file(link, "new\n", force=force)
        assert str(caught.value) == (
            f"{link} is a symbolic link to nothing ({tmp_path / 'elsewhere.md'}); give the "
            "file itself with --output"
        )
    assert link.is_symlink()
    assert not (tmp_path / "elsewhere.md").exists()


def char_device(path: Path, major: int, minor: int) -> Path:
    """A stand-in device node in tmp_path (the machine's own /dev is never written)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root (mknod)")
    return path


@pytest.mark.parametrize("force", [False, True])
def test_a_device_is_written_to_never_replaced(tmp_path: Path, force: bool) -> None:
    null = char_device(tmp_path / "null", 1, 3)
    assert write_file(null, "plan\n", force=force) == null
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert os.lstat(null).st_rdev == os.makedev(1, 3)
    assert leftovers(tmp_path) == []


def test_dev_null_stays_a_device(tmp_path: Path) -> None:
    """The real /dev/null: written to (harmless), checked to be still a device."""
    write_file("/dev/null", "plan\n", force=True)
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_full_device_is_one_line_exit_1(tmp_path: Path) -> None:
    full = char_device(tmp_path / "full", 1, 7)
    with pytest.raises(CareerCoachError) as caught:
        write_file(full, "plan\n", force=True)
    assert caught.value.exit_code == 1
    assert str(caught.value) == f"cannot write {full}: No space left on device"
    assert stat.S_ISCHR(os.lstat(full).st_mode)


def test_a_link_to_a_device_is_written_through(tmp_path: Path) -> None:
    """``--output /dev/stdout`` style: a link to a device stays a link, the device a device."""
    null = char_device(tmp_path / "null", 1, 3)
    link = tmp_path / "stdout"
    link.symlink_to(null)
    write_file(link, "plan\n", force=True)
    assert link.is_symlink()
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_a_fifo_is_written_to_never_replaced(tmp_path: Path) -> None:
    import subprocess

    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo, 0o600)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_file(fifo, "through the pipe\n")
    out, _ = reader.communicate(timeout=30)
    assert out == b"through the pipe\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_block_device_is_refused(tmp_path: Path) -> None:
    node = tmp_path / "disk"
    try:
        # A device number no driver has: even a mistake could write nowhere.
        os.mknod(node, stat.S_IFBLK | 0o600, os.makedev(251, 251))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root (mknod)")
    with pytest.raises(BadInput, match="is not a regular file"):
        write_file(node, "plan\n", force=True)
    assert stat.S_ISBLK(os.lstat(node).st_mode)


@pytest.mark.parametrize("length", [250, 300])
def test_a_name_too_long_is_one_line_exit_2(tmp_path: Path, length: int) -> None:
    target = tmp_path / ("p" * (length - 3) + ".md")
    if length <= 255:
        assert write_file(target, "new\n") == target  # a long name that fits still works
        return
    with pytest.raises(BadInput) as caught:
        write_file(target, "new\n")
    assert caught.value.exit_code == EXIT_BAD_INPUT
    assert str(caught.value) == (
        f"{target}: the file name is too long for this file system; give a shorter one with "
        "--output"
    )
    assert leftovers(tmp_path) == []


def test_a_file_in_the_path_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(BadInput) as caught:
        write_file(tmp_path / "notes.txt" / "plan.md", "new\n")
    assert str(caught.value) == (
        f"{tmp_path / 'notes.txt' / 'plan.md'}: a part of the path is a file, not a folder"
    )
