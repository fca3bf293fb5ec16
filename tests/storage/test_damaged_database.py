"""A database with a damaged page is never written to: ``PRAGMA quick_check`` runs before
the first write of a run, and a file that fails it keeps every byte it had. What can still
be read can still be exported."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from careercoach.errors import StoreError
from careercoach.paths import db_path
from careercoach.storage.store import BankRef, Store

PAGE = 4096
HINT = (
    "Save what can still be read with: careercoach export-data --output "
    "careercoach-data.json; then move {path} away, and careercoach starts a new one."
)


def fill(assessments: int = 40) -> bytes:
    """A database of ours with many pages (rows written in one go, for speed)."""
    Store().close()
    with sqlite3.connect(db_path()) as conn:
        for number in range(1, assessments + 1):
            conn.execute(
                "INSERT INTO assessments (id, started_at, banks, tool_version) "
                "VALUES (?, '2026-01-01T00:00:00+00:00', ?, '0')",
                (number, json.dumps([{"id": "demo", "version": 1}])),
            )
            conn.executemany(
                "INSERT INTO answers VALUES (?, 'demo', ?, ?, '2026-01-01T00:00:00+00:00')",
                [(number, f"q{q}", f'"answer {number} {"x" * 60}"') for q in range(20)],
            )
    conn.close()
    return db_path().read_bytes()


def quick_check(data: bytes, scratch: Path) -> str:
    scratch.write_bytes(data)
    conn = sqlite3.connect(scratch)
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


def damage_one_page(data: bytes, scratch: Path) -> bytes:
    """Noise over the cell pointers of the first table page where it shows (not page 1,
    so the file still opens, its tables are still found, and an insert still works)."""
    for page in range(2, len(data) // PAGE):
        damaged = bytearray(data)
        start = (page - 1) * PAGE + 1000
        damaged[start : start + 40] = bytes((7 * i + 13) % 256 for i in range(40))
        if quick_check(bytes(damaged), scratch) != "ok":
            return bytes(damaged)
    raise AssertionError("no page whose damage quick_check sees")  # pragma: no cover


@pytest.fixture
def damaged(tmp_path: Path) -> bytes:
    data = damage_one_page(fill(), tmp_path / "scratch.db")
    db_path().write_bytes(data)
    # Before the check, SQLite took this insert (and said nothing):
    copy = tmp_path / "copy.db"
    copy.write_bytes(data)
    with sqlite3.connect(copy) as conn:
        conn.execute(
            "INSERT INTO assessments (started_at, banks, tool_version) VALUES ('x', '[]', '0')"
        )
    conn.close()
    assert copy.read_bytes() != data
    return data


def test_no_write_goes_into_a_damaged_file(damaged: bytes) -> None:
    with Store() as store, pytest.raises(StoreError) as caught:
        store.start_assessment([BankRef("demo", 1)])
    (problem,) = caught.value.problems
    assert problem.startswith(f"the database {db_path()} is damaged (")
    assert problem.endswith("); nothing was written to it.")
    assert "\n" not in problem
    assert "***" not in problem
    assert caught.value.hint == HINT.format(path=db_path())
    assert db_path().read_bytes() == damaged
    assert sorted(p.name for p in db_path().parent.iterdir()) == ["careercoach.db"]


def test_every_kind_of_write_is_refused(damaged: bytes) -> None:
    for write in (
        lambda store: store.discard_all(),
        lambda store: store.forget_all(),
        lambda store: store.record_finished([BankRef("demo", 1)], {}, lambda _: None),
    ):
        with Store() as store, pytest.raises(StoreError, match="is damaged"):
            write(store)
    assert db_path().read_bytes() == damaged


def test_what_can_be_read_is_still_read(damaged: bytes) -> None:
    """export-data reads; it is not refused for the damage it does not touch."""
    with Store() as store:
        assert store.assessment(1) is not None
    assert db_path().read_bytes() == damaged


def test_a_whole_file_is_checked_once_and_written(careercoach_home: Path) -> None:
    fill(3)
    with Store() as store:
        store.start_assessment([BankRef("demo", 1)])
        store.start_assessment([BankRef("demo", 1)])
        assert len(store.export_data().document["assessments"]) == 5


def test_an_interactive_assessment_is_refused_before_the_first_question(
    damaged: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No answer is typed into a run that could not keep it."""
    import io

    from careercoach.flows.interactive import run_interactive

    monkeypatch.setattr("careercoach.ui.prompts.stdin_is_terminal", lambda: True)
    asked: list[object] = []

    def ask(*args: object, **kwargs: object) -> object:
        asked.append(args)
        raise AssertionError("a question was asked")

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "banks"
    out = io.StringIO()
    with pytest.raises(StoreError, match="is damaged"):
        run_interactive(
            bank_ids=["mini"],
            bank_dirs=[fixtures],
            resume=False,
            restart=False,
            no_color=True,
            out=out,
            ask=ask,  # type: ignore[arg-type]
        )
    assert asked == []
    assert out.getvalue() == ""
    assert db_path().read_bytes() == damaged
