"""The files of the data folder are the person's own regular files, or they are refused
and left exactly as they are: links (dangling or not), FIFOs, devices, folders, files of
another user, a folder of another user; and the assessment lock is never followed."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from careercoach.errors import AlreadyRunning, StoreError
from careercoach.flows.assessment_lock import assessment_lock
from careercoach.paths import db_path
from careercoach.storage import db_file
from careercoach.storage.store import Store

AS_ROOT = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="giving a file to another user (chown) needs root",
)
LEFT_ALONE = "Move it away, or set CAREERCOACH_HOME to another folder."
PASSWD = "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def home(careercoach_home: Path) -> Path:
    careercoach_home.mkdir(mode=0o700, parents=True)
    return careercoach_home


@pytest.fixture
def passwd(tmp_path: Path) -> Path:
    """A stand-in for /etc/passwd: a file of someone's, 0644, outside the data folder."""
    path = tmp_path / "etc" / "passwd"
    path.parent.mkdir()
    path.write_text(PASSWD)
    path.chmod(0o644)
    return path


def read_history() -> None:
    """How ``history`` and ``compare`` read: only a database that is there, never made."""
    if Store.exists():
        with Store() as store:
            store.history_entries()


def opening(what: str) -> Callable[[], object]:
    """Each way a command opens the database: to write, to read, to check it is there."""
    return {
        "store": lambda: Store().close(),
        "reader": read_history,
        "exists": Store.exists,
    }[what]


OPENINGS = pytest.mark.parametrize("what", ["store", "reader", "exists"])


@OPENINGS
def test_a_database_that_is_a_link_is_refused_and_its_target_untouched(
    home: Path, passwd: Path, what: str
) -> None:
    db_path().symlink_to(passwd)
    with pytest.raises(StoreError) as caught:
        opening(what)()
    assert caught.value.problems == [
        f"{db_path()} is a symbolic link, not a file careercoach made; it was left as it is."
    ]
    assert caught.value.hint == LEFT_ALONE
    assert passwd.read_text() == PASSWD
    assert mode(passwd) == 0o644
    assert os.readlink(db_path()) == str(passwd)
    assert sorted(p.name for p in home.iterdir()) == ["careercoach.db"]


@OPENINGS
def test_a_dangling_link_is_refused_and_nothing_is_created(
    home: Path, tmp_path: Path, what: str
) -> None:
    target = tmp_path / "elsewhere" / "made-by-sqlite.db"
    target.parent.mkdir()
    db_path().symlink_to(target)
    with pytest.raises(StoreError, match="is a symbolic link"):
        opening(what)()
    assert list(target.parent.iterdir()) == []


@OPENINGS
def test_a_link_to_a_real_careercoach_database_is_refused_too(
    home: Path, tmp_path: Path, what: str
) -> None:
    """Even a link to a good database: a link is not a file careercoach made."""
    real = tmp_path / "real.db"
    with Store(real):
        pass
    before = real.read_bytes()
    db_path().symlink_to(real)
    with pytest.raises(StoreError, match="is a symbolic link"):
        opening(what)()
    assert real.read_bytes() == before


@pytest.mark.posix_fifo
@OPENINGS
def test_a_fifo_in_place_of_the_database_is_refused_without_hanging(home: Path, what: str) -> None:
    os.mkfifo(db_path(), 0o600)
    with pytest.raises(StoreError) as caught:
        opening(what)()
    assert caught.value.problems == [
        f"{db_path()} is a FIFO (named pipe), not a file careercoach made; it was left as it is."
    ]
    assert stat.S_ISFIFO(os.lstat(db_path()).st_mode)


@OPENINGS
def test_a_folder_in_place_of_the_database_is_refused(home: Path, what: str) -> None:
    db_path().mkdir()
    with pytest.raises(StoreError, match="is a folder, not a file careercoach made"):
        opening(what)()


@pytest.mark.parametrize("suffix", ["-journal", "-wal", "-shm"])
def test_a_journal_that_is_a_link_is_refused(
    home: Path, passwd: Path, tmp_path: Path, suffix: str
) -> None:
    """SQLite would roll a "hot journal" back into the database, or write through it."""
    with Store():
        pass
    before = db_path().read_bytes()
    Path(f"{db_path()}{suffix}").symlink_to(passwd)
    for what in ("store", "reader"):
        with pytest.raises(StoreError) as caught:
            opening(what)()
        assert caught.value.problems == [
            f"{db_path()}{suffix} is a symbolic link, not a file careercoach made; "
            "it was left as it is."
        ]
    assert db_path().read_bytes() == before
    assert passwd.read_text() == PASSWD
    assert mode(passwd) == 0o644


def test_a_lock_that_is_a_link_is_refused_and_its_target_kept(home: Path, passwd: Path) -> None:
    (home / "assess.lock").symlink_to(passwd)
    with pytest.raises(StoreError) as caught, assessment_lock(home):
        pass
    assert caught.value.problems == [
        f"{home / 'assess.lock'} is a symbolic link, not a file careercoach made; "
        "it was left as it is."
    ]
    assert passwd.read_text() == PASSWD
    assert mode(passwd) == 0o644


def test_a_dangling_lock_link_creates_nothing(home: Path, tmp_path: Path) -> None:
    target = tmp_path / "planted"
    (home / "assess.lock").symlink_to(target)
    with pytest.raises(StoreError, match="is a symbolic link"), assessment_lock(home):
        pass
    assert not target.exists()


@pytest.mark.posix_owners
def test_the_lock_is_opened_after_the_folder_is_made_private(careercoach_home: Path) -> None:
    careercoach_home.mkdir(mode=0o777, parents=True)
    careercoach_home.chmod(0o777)
    with assessment_lock(careercoach_home):
        assert mode(careercoach_home) == 0o700
        assert mode(careercoach_home / "assess.lock") == 0o600


def test_an_existing_lock_is_not_truncated_before_it_is_held(home: Path) -> None:
    """A second run must not wipe the holder's pid (it is what the message names)."""
    with assessment_lock(home):
        pid = (home / "assess.lock").read_text()
        with pytest.raises(AlreadyRunning), assessment_lock(home):
            pass
        assert (home / "assess.lock").read_text() == pid


@pytest.mark.posix_owners
def test_a_too_open_database_of_ones_own_is_tightened(home: Path) -> None:
    with Store():
        pass
    db_path().chmod(0o644)
    with Store():
        pass
    assert mode(db_path()) == 0o600


@pytest.mark.posix_owners
@AS_ROOT
@OPENINGS
def test_a_database_of_another_user_is_refused(home: Path, what: str) -> None:
    with Store():
        pass
    os.chown(db_path(), 4321, 4321)
    db_path().chmod(0o666)
    before = db_path().read_bytes()
    with pytest.raises(StoreError) as caught:
        opening(what)()
    assert caught.value.problems == [
        f"{db_path()} belongs to another user (uid 4321), so careercoach did not make it; "
        "it was left as it is."
    ]
    assert db_path().read_bytes() == before
    assert mode(db_path()) == 0o666  # not tightened: not ours to change


@pytest.mark.posix_owners
@AS_ROOT
@OPENINGS
def test_a_data_folder_of_another_user_is_refused(careercoach_home: Path, what: str) -> None:
    """As ssh does with ~/.ssh: answers go only into a folder of one's own."""
    careercoach_home.mkdir(parents=True)
    careercoach_home.chmod(0o777)
    os.chown(careercoach_home, 4321, 4321)
    (careercoach_home / "careercoach.db").touch()  # planted
    with pytest.raises(StoreError) as caught:
        opening(what)()
    assert caught.value.problems == [
        f"the data folder {careercoach_home} belongs to another user (uid 4321); careercoach "
        "keeps your answers only in a folder of your own, so nothing was read or written."
    ]
    assert (
        caught.value.hint == "Set CAREERCOACH_HOME to a folder of yours (or chown this one to you)."
    )
    assert mode(careercoach_home) == 0o777
    assert (careercoach_home / "careercoach.db").read_bytes() == b""


@pytest.mark.posix_owners
@AS_ROOT
def test_a_lock_planted_by_another_user_is_refused(home: Path) -> None:
    (home / "assess.lock").write_text("")
    os.chown(home / "assess.lock", 4321, 4321)
    with (
        pytest.raises(StoreError, match=r"belongs to another user \(uid 4321\)"),
        assessment_lock(home),
    ):
        pass


def test_a_folder_that_is_a_link_to_ones_own_folder_is_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data folder may live on another disk, behind a link; its files may not."""
    real = tmp_path / "disk" / "careercoach"
    real.mkdir(parents=True, mode=0o700)
    link = tmp_path / "linked-home"
    link.symlink_to(real)
    monkeypatch.setenv("CAREERCOACH_HOME", str(link))
    with Store() as store:
        store.start_assessment([])
    assert (real / "careercoach.db").is_file()
    assert db_file.exists(link / "careercoach.db")


# -- the bank cache -----------------------------------------------------------------------


def test_a_bank_cache_folder_that_is_a_link_is_neither_read_nor_filled(
    home: Path, tmp_path: Path
) -> None:
    from careercoach.storage import bank_cache
    from careercoach.storage.banks import load_bank_file

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (home / "cache").mkdir(mode=0o700)
    bank_cache.cache_dir().symlink_to(elsewhere)
    bank = tmp_path / "mini.yaml"
    bank.write_text((Path(__file__).parents[1] / "fixtures" / "banks" / "mini.yaml").read_text())
    load_bank_file(bank)
    assert list(elsewhere.iterdir()) == []  # nothing written through the link


def test_a_cache_entry_that_is_a_link_is_not_read(home: Path, tmp_path: Path) -> None:
    from careercoach.storage import bank_cache
    from careercoach.storage.banks import load_bank_file

    bank = tmp_path / "mini.yaml"
    bank.write_text((Path(__file__).parents[1] / "fixtures" / "banks" / "mini.yaml").read_text())
    first = load_bank_file(bank)
    (entry,) = bank_cache.cache_dir().glob("*.json")
    planted = tmp_path / "planted.json"
    planted.write_text(entry.read_text().replace("Mini check", "Planted check"))
    entry.unlink()
    entry.symlink_to(planted)
    assert bank_cache.get(entry.stem) is None
    assert load_bank_file(bank) == first  # validated again from the file
