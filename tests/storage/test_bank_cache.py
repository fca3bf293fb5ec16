"""The bank cache: a bank that validated once is built from JSON, never trusted blindly.

Each test has its own ``CAREERCOACH_HOME`` (not created: the conftest fixture); the cache
is only written once that folder exists.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from careercoach.core.models import LikertQuestion, NotOf, VerdictSection
from careercoach.errors import BankError
from careercoach.storage import bank_cache
from careercoach.storage.bank_validation import bank_from_document
from careercoach.storage.banks import load_bank_file
from careercoach.storage.yaml_nodes import load_document

REPO = Path(__file__).resolve().parents[2]
VALID_BANKS = sorted(
    [
        *(REPO / "questions").glob("*.yaml"),
        *(REPO / "tests" / "fixtures" / "banks").glob("*.yaml"),
        *(REPO / "tests" / "fixtures" / "answers" / "banks").glob("*.yaml"),
    ]
)

SMALL_BANK = """\
id: small
title: Small
dimensions:
  - id: drift
    label: Drift
    actions:
      - {id: talk, text: Talk to someone., horizon: week}
questions:
  - {id: q1, type: likert, prompt: I drift., dimension: drift}
  - id: q2
    type: likert
    prompt: Still drifting?
    dimension: drift
    when: {not: {question: q1, equals: 1}}
"""


@pytest.fixture
def home(careercoach_home: Path) -> Path:
    careercoach_home.mkdir(parents=True)
    return careercoach_home


def entries() -> list[Path]:
    folder = bank_cache.cache_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@pytest.mark.parametrize(
    "path", VALID_BANKS, ids=[f"{p.parent.name}/{p.name}" for p in VALID_BANKS]
)
def test_a_cached_bank_is_the_bank_that_validated(path: Path) -> None:
    validated = bank_from_document(load_document(path, keep_problems=True))
    data = json.loads(json.dumps(validated.model_dump(mode="json")))
    built = bank_cache.construct_bank(data)
    assert built == validated
    assert built.model_dump(mode="json") == data
    assert [type(q) for q in built.questions] == [type(q) for q in validated.questions]


def test_the_aliased_fields_come_back() -> None:
    path = REPO / "questions" / "education.yaml"
    validated = bank_from_document(load_document(path, keep_problems=True))
    built = bank_cache.construct_bank(json.loads(json.dumps(validated.model_dump(mode="json"))))
    assert isinstance(built.verdict, VerdictSection)
    assert built.verdict.for_ == validated.verdict.for_ != []  # type: ignore[union-attr]


def test_a_second_load_is_built_from_the_cache(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_BANK, encoding="utf-8")
    first = load_bank_file(path)
    assert len(entries()) == 1

    def no_validation(*args: object, **kwargs: object) -> None:
        raise AssertionError("the bank was validated again")

    monkeypatch.setattr("careercoach.storage.bank_validation.bank_from_document", no_validation)
    second = load_bank_file(path)
    assert second == first
    when = second.questions[1].when
    assert isinstance(when, NotOf)
    assert (when.not_.question, when.not_.value) == ("q1", 1)  # type: ignore[union-attr]


def test_an_edited_bank_is_validated_again(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_BANK, encoding="utf-8")
    load_bank_file(path)
    path.write_text(SMALL_BANK.replace("dimension: drift}", "dimension: drfit}"), encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank_file(path)
    assert caught.value.problems == [
        f"{path}:9:57: unknown dimension 'drfit' (dimensions: drift)",
    ]


def test_a_damaged_entry_is_ignored_and_written_again(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_BANK, encoding="utf-8")
    first = load_bank_file(path)
    (entry,) = entries()
    for damage in ("{not json", '{"key": "other", "bank": {}}', '{"key": "%s"}', "[]"):
        entry.write_text(damage.replace("%s", entry.stem), encoding="utf-8")
        assert load_bank_file(path) == first
        assert json.loads(entry.read_text(encoding="utf-8"))["key"] == entry.stem


@pytest.mark.parametrize("mode", [0o720, 0o702, 0o777])
def test_a_cache_folder_others_can_write_to_is_not_used(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_BANK, encoding="utf-8")
    load_bank_file(path)
    bank_cache.cache_dir().chmod(mode)
    validated: list[Path] = []
    real = bank_from_document

    def counting(doc: Any) -> Any:
        validated.append(path)
        return real(doc)

    monkeypatch.setattr("careercoach.storage.bank_validation.bank_from_document", counting)
    load_bank_file(path)
    assert validated == [path]


def test_the_key_is_of_the_bytes_and_of_this_version(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = SMALL_BANK.encode()
    key = bank_cache.key(raw)
    assert key == bank_cache.key(raw)
    assert key != bank_cache.key(raw + b"\n")
    monkeypatch.setattr(bank_cache, "__version__", "99.0.0")
    assert key != bank_cache.key(raw)


def test_no_data_folder_is_created_for_the_cache(careercoach_home: Path) -> None:
    load_bank_file(REPO / "questions" / "stuck.yaml")
    assert not careercoach_home.exists()


def test_a_bank_waits_for_the_data_folder(careercoach_home: Path) -> None:
    bank = load_bank_file(REPO / "questions" / "stuck.yaml")
    bank_cache.put_waiting()  # still no data folder: nothing is created
    assert not careercoach_home.exists()
    load_bank_file(REPO / "questions" / "stuck.yaml")
    careercoach_home.mkdir(parents=True)  # as storing an assessment does
    bank_cache.put_waiting()
    (entry,) = entries()
    assert bank_cache.construct_bank(json.loads(entry.read_text("utf-8"))["bank"]) == bank
    bank_cache.put_waiting()  # written once
    assert len(entries()) == 1


def test_the_cache_is_private(home: Path) -> None:
    load_bank_file(REPO / "questions" / "stuck.yaml")
    (entry,) = entries()
    for folder in (home / "cache", home / "cache" / "banks"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert [p.name for p in (home / "cache" / "banks").iterdir()] == [entry.name]  # no .tmp


def test_a_cache_that_cannot_be_written_is_no_error(home: Path) -> None:
    (home / "cache").write_text("not a folder", encoding="utf-8")
    bank = load_bank_file(REPO / "questions" / "stuck.yaml")
    assert bank.id == "stuck"
    assert load_bank_file(REPO / "questions" / "stuck.yaml") == bank


def test_old_entries_are_removed_when_one_is_written(home: Path) -> None:
    folder = home / "cache" / "banks"
    folder.mkdir(parents=True)
    old, recent = folder / f"{'0' * 64}.json", folder / f"{'1' * 64}.json"
    for entry, days in ((old, bank_cache.KEEP_DAYS + 1), (recent, bank_cache.KEEP_DAYS - 1)):
        entry.write_text("{}", encoding="utf-8")
        then = time.time() - days * 86400
        os.utime(entry, (then, then))
    load_bank_file(REPO / "questions" / "stuck.yaml")
    assert not old.exists()
    assert recent.exists()
    assert len(entries()) == 2


def test_clear_empties_the_cache(home: Path) -> None:
    load_bank_file(REPO / "questions" / "stuck.yaml")
    assert entries()
    bank_cache.clear()
    assert entries() == []
    bank_cache.clear()  # nothing there: no error


def test_likert_defaults_survive_the_round_trip(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_BANK, encoding="utf-8")
    load_bank_file(path)
    cached = load_bank_file(path)
    question = cached.questions[0]
    assert isinstance(question, LikertQuestion)
    assert (question.reverse, question.weight, question.required) == (False, 1.0, True)
    assert (cached.dimensions[0].thresholds.moderate, cached.dimensions[0].thresholds.high) == (
        34,
        67,
    )


def test_banks_in_the_cache_are_read_without_the_yaml_parser(home: Path) -> None:
    code = (
        "import sys\n"
        "from careercoach.storage.banks import load_banks\n"
        "load_banks([])\n"
        "heavy = ('yaml', 'careercoach.storage.bank_validation')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout == "['careercoach.storage.bank_validation', 'yaml']\n"
    assert runs[1].stdout == "[]\n"
