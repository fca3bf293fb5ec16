"""``careercoach forget``: confirmation, and deleted text really gone from the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careercoach.paths import db_path
from careercoach.storage.store import Store

BANKS = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "banks"
runner = CliRunner()
MID = {
    "coasting": 4,
    "pushing": 2,
    "role": "lead",
    "team_size": 5,
    "signs": ["stalled", "passed"],
    "years": 6,
}
MARKER_ONE = "ZEBRA-4242-first-secret"
MARKER_TWO = "OKAPI-7777-second-secret"
EVENT_NOTE = "QUOKKA-1313-event-note"


def cli(*args: str, **kwargs: Any) -> Any:
    from careercoach.cli import app

    return runner.invoke(app, ["--bank-dir", str(BANKS), *args], **kwargs)


def assess(tmp_path: Path, note: str) -> int:
    path = tmp_path / f"{note}.json"
    path.write_text(json.dumps({"trial": {**MID, "note": note}}))
    result = cli("assess", "--answers", str(path))
    assert result.exit_code == 0, result.output
    return int(result.output.split("Saved as assessment ")[1].split(".")[0])


@pytest.fixture(autouse=True)
def no_secure_delete(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many SQLite builds (Debian's among them) zero deleted content already
    (SECURE_DELETE); others do not. Test as the others: only VACUUM clears the file."""
    configure = Store._configure

    def without(self: Store) -> None:
        configure(self)
        self._conn.execute("PRAGMA secure_delete = OFF")

    monkeypatch.setattr(Store, "_configure", without)


def raw() -> bytes:
    """The database file's bytes, with any journal SQLite left beside it."""
    data = db_path().read_bytes()
    for suffix in ("-journal", "-wal"):
        other = db_path().with_name(db_path().name + suffix)
        if other.exists():
            data += other.read_bytes()
    return data


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[int, int]:
    first = assess(tmp_path, MARKER_ONE)
    second = assess(tmp_path, MARKER_TWO)
    assert cli("plan", "--id", str(first), "--done", "drive_week").exit_code == 0
    assert cli("event", "add", "new_boss", "--note", EVENT_NOTE).exit_code == 0
    data = raw()
    assert MARKER_ONE.encode() in data
    assert MARKER_TWO.encode() in data
    assert EVENT_NOTE.encode() in data
    return first, second


def test_forget_one_assessment(seeded: tuple[int, int]) -> None:
    first, second = seeded
    result = cli("forget", "--id", str(first), "--yes")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Deleted assessment {first} (its answers, plan and scores, 1 done action).\n"
        "The database file was rebuilt, so nothing of it is left in the file.\n"
    )
    data = raw()
    assert MARKER_ONE.encode() not in data
    assert MARKER_TWO.encode() in data
    assert EVENT_NOTE.encode() in data  # events are not part of an assessment
    with Store() as store:
        assert store.assessment(first) is None
        assert store.answers(first) == {}
        assert store.done_actions() == []
        assert [r.id for r in store.finished()] == [second]
    assert [e["id"] for e in json.loads(cli("history", "--json").stdout)] == [second]


def test_forget_all(seeded: tuple[int, int]) -> None:
    result = cli("forget", "--all", "--yes")
    assert result.exit_code == 0
    assert result.stdout == (
        "Deleted 2 assessments and 1 event.\n"
        "The database file was rebuilt, so nothing of it is left in the file.\n"
    )
    data = raw()
    for marker in (MARKER_ONE, MARKER_TWO, EVENT_NOTE):
        assert marker.encode() not in data
    with Store() as store:
        assert store.export_data() == (
            {
                "format": "careercoach-data",
                "format_version": 1,
                "assessments": [],
                "done_actions": [],
                "events": [],
                "commitments": [],
            },
            [],
        )
    assert cli("history").stdout.startswith("No finished assessment yet.")


def test_forget_an_unfinished_assessment(tmp_path: Path) -> None:
    with Store() as store:
        from careercoach.storage.store import BankRef

        unfinished = store.start_assessment([BankRef("trial", 2)])
        store.save_answer(unfinished, "trial", "note", MARKER_ONE)
    assert MARKER_ONE.encode() in raw()
    result = cli("forget", "--id", str(unfinished), "--yes")
    assert result.exit_code == 0
    assert MARKER_ONE.encode() not in raw()


def test_forget_needs_yes_without_a_terminal(seeded: tuple[int, int]) -> None:
    first, _ = seeded
    before = raw()
    for args in (["--id", str(first)], ["--all"]):
        result = cli("forget", *args)
        assert result.exit_code == 2
        assert result.stderr == (
            "careercoach: forget asks for confirmation in a terminal, and stdin is not one; "
            "add --yes to delete without asking\n"
        )
    assert raw() == before


def test_forget_asks_in_a_terminal(
    seeded: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercoach.ui import prompts

    first, _ = seeded
    monkeypatch.setattr(prompts, "stdin_is_terminal", lambda: True)
    declined = cli("forget", "--id", str(first), input="n\n")
    assert declined.exit_code == 0
    assert declined.stdout.endswith("for good? [y/N]: n\nNothing was deleted.\n")
    assert MARKER_ONE.encode() in raw()
    accepted = cli("forget", "--all", input="y\n")
    assert accepted.exit_code == 0
    assert "Delete every assessment, done action and event stored, for good? [y/N]: y" in (
        accepted.stdout
    )
    assert MARKER_ONE.encode() not in raw()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ([], 2, "careercoach: say what to delete: --id N (one assessment) or --all (everything)"),
        (
            ["--id", "1", "--all"],
            2,
            "careercoach: --id and --all cannot be combined",
        ),
        (["--id", "9", "--yes"], 2, "careercoach: no assessment 9 is stored"),
    ],
)
def test_forget_bad_requests(
    seeded: tuple[int, int], args: list[str], code: int, message: str
) -> None:
    result = cli("forget", *args)
    assert result.exit_code == code
    assert result.stderr.splitlines()[0] == message


def test_forget_with_nothing_stored() -> None:
    result = cli("forget", "--all", "--yes")
    assert (result.exit_code, result.stdout) == (0, "Nothing is stored; nothing to delete.\n")
    assert not db_path().exists()
    missing = cli("forget", "--id", "1", "--yes")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "careercoach: no assessment 1 is stored\nStart one with: careercoach assess\n",
    )


def test_forget_all_empties_the_bank_cache(seeded: tuple[int, int]) -> None:
    from careercoach.storage import bank_cache

    assert list(bank_cache.cache_dir().glob("*.json"))
    assert cli("forget", "--all", "--yes").exit_code == 0
    assert list(bank_cache.cache_dir().glob("*.json")) == []


def test_the_forget_question_wraps_between_words_at_50_columns(
    seeded: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercoach.ui import prompts

    monkeypatch.setattr(prompts, "stdin_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "50")
    declined = cli("forget", "--all", input="n\n")
    assert declined.exit_code == 0
    assert declined.stdout == (
        "Delete every assessment, done action and\n"
        "event stored, for good? [y/N]: n\n"
        "Nothing was deleted.\n"
    )


def test_a_reply_neither_yes_nor_no_asks_the_whole_question_again(
    seeded: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from careercoach.ui import prompts

    monkeypatch.setattr(prompts, "stdin_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "50")
    answered = cli("forget", "--all", input="maybe\nYes\n")
    assert answered.exit_code == 0
    assert answered.stdout.splitlines()[:5] == [
        "Delete every assessment, done action and",
        "event stored, for good? [y/N]: maybe",
        "Please answer y (delete) or n (keep).",
        "Delete every assessment, done action and",
        "event stored, for good? [y/N]: Yes",
    ]
    assert MARKER_ONE.encode() not in raw()
    kept = cli("forget", "--all", input="\n")  # Enter alone: no
    assert kept.stdout.endswith("Nothing was deleted.\n")
