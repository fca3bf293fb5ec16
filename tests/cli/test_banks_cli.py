"""``careercoach banks list / show``, and where banks come from: the built-in ones,
``--bank-dir`` and ``CAREERCOACH_BANKS``; a bank id defined twice names both files."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careercoach.cli import app
from careercoach.core.models import Bank, VerdictSection
from careercoach.storage.yaml_nodes import load_document
from careercoach.ui.text_cells import cells

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = REPO / "questions"
MINI = Path(__file__).resolve().parents[1] / "fixtures" / "good_banks" / "mini.yaml"

runner = CliRunner()


README_ORDER = ["stuck", "education", "new_eyes", "promotion", "connections", "leader"]
"""The built-in banks as the README presents them: ``banks list`` and the picker agree."""


def builtin_ids() -> list[str]:
    """The ids the built-in files declare (read without the code under test's loader), in
    the README's order."""
    ids = [load_document(path).data["id"] for path in sorted(QUESTIONS.glob("*.yaml"))]
    assert sorted(ids) == sorted(README_ORDER)
    return README_ORDER


def invoke(*args: str) -> Any:
    return runner.invoke(app, list(args))


def bank_file(folder: Path, name: str, bank_id: str) -> Path:
    """mini.yaml under another name and id."""
    folder.mkdir(parents=True, exist_ok=True)
    text = MINI.read_text(encoding="utf-8").replace("id: mini\n", f"id: {bank_id}\n", 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def listed_ids(output: str) -> list[str]:
    """The ids in ``banks list``: the first word of each line that is not the header or
    a file line (file lines start with spaces)."""
    return [line.split()[0] for line in output.splitlines()[1:] if not line.startswith(" ")]


# -- banks list -------------------------------------------------------------------------


def test_list_shows_every_built_in_bank() -> None:
    result = invoke("banks", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "questions", "minutes", "title"]
    assert listed_ids(result.stdout) == builtin_ids()
    assert lines.count(" " * lines[2].index("built-in") + "built-in") == len(builtin_ids())


def test_list_with_a_bank_dir_adds_its_banks_after_the_built_in_ones(tmp_path: Path) -> None:
    extra = bank_file(tmp_path / "coach", "mine.yaml", "mine")
    result = invoke("--bank-dir", str(extra.parent), "banks", "list")
    assert result.exit_code == 0, result.output
    assert listed_ids(result.stdout) == [*builtin_ids(), "mine"]
    lines = result.stdout.splitlines()
    assert lines[-2].split()[:3] == ["mine", "5", "1"]
    assert lines[-1].strip() == str(extra)


def test_bank_dir_is_repeatable(tmp_path: Path) -> None:
    one = bank_file(tmp_path / "one", "a.yaml", "coach_a").parent
    two = bank_file(tmp_path / "two", "b.yaml", "coach_b").parent
    result = invoke("--bank-dir", str(one), "--bank-dir", str(two), "banks", "list")
    assert result.exit_code == 0, result.output
    assert listed_ids(result.stdout) == [*builtin_ids(), "coach_a", "coach_b"]


def test_the_environment_variable_adds_colon_separated_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = bank_file(tmp_path / "one", "a.yaml", "env_a").parent
    two = bank_file(tmp_path / "two", "b.yaml", "env_b").parent
    monkeypatch.setenv("CAREERCOACH_BANKS", f"{one}{os.pathsep}{os.pathsep}{two}")
    result = invoke("banks", "list")
    assert result.exit_code == 0, result.output
    assert listed_ids(result.stdout) == [*builtin_ids(), "env_a", "env_b"]


def test_a_bank_dir_and_the_environment_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flag = bank_file(tmp_path / "flag", "a.yaml", "from_flag").parent
    env = bank_file(tmp_path / "env", "b.yaml", "from_env").parent
    monkeypatch.setenv("CAREERCOACH_BANKS", str(env))
    result = invoke("--bank-dir", str(flag), "banks", "list")
    assert result.exit_code == 0, result.output
    # the same title (mini's): by id
    assert listed_ids(result.stdout) == [*builtin_ids(), "from_env", "from_flag"]


@pytest.mark.parametrize("source", ["--bank-dir", "CAREERCOACH_BANKS"])
def test_a_bank_that_clashes_with_a_built_in_one_names_both_files(
    source: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clash = bank_file(tmp_path / "coach", "my_stuck.yaml", "stuck")
    if source == "--bank-dir":
        result = invoke("--bank-dir", str(clash.parent), "banks", "list")
    else:
        monkeypatch.setenv("CAREERCOACH_BANKS", str(clash.parent))
        result = invoke("banks", "list")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{clash}:2:5: bank id 'stuck' is already defined in {QUESTIONS / 'stuck.yaml'}:1:5"
    ]


def test_a_clash_between_two_coach_folders_names_both_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = bank_file(tmp_path / "one", "a.yaml", "twice")
    second = bank_file(tmp_path / "two", "b.yaml", "twice")
    monkeypatch.setenv("CAREERCOACH_BANKS", str(second.parent))
    result = invoke("--bank-dir", str(first.parent), "banks", "show", "stuck")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{second}:2:5: bank id 'twice' is already defined in {first}:2:5"
    ]


def test_a_bad_bank_in_a_bank_dir_is_skipped_unless_asked_for(tmp_path: Path) -> None:
    folder = tmp_path / "coach"
    folder.mkdir()
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "bad_banks" / "zero_weight.yaml", folder)
    bad = folder / "zero_weight.yaml"
    result = invoke("--bank-dir", str(folder), "banks", "list")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{bad}:27:13: warning: weight: must be greater than 0 (got 0) (bank skipped; "
        f"see every problem with: careercoach banks validate {bad})"
    ]
    result = invoke("--bank-dir", str(folder), "banks", "show", "mini")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{bad}:27:13: weight: must be greater than 0 (got 0)"]


def test_a_missing_bank_dir_is_an_error(tmp_path: Path) -> None:
    result = invoke("--bank-dir", str(tmp_path / "nowhere"), "banks", "list")
    assert result.exit_code == 2
    assert f"{tmp_path / 'nowhere'}: bank folder does not exist" in result.stderr
    assert "Traceback" not in result.output


# -- banks show -------------------------------------------------------------------------


def test_show_describes_a_bank() -> None:
    result = invoke("banks", "show", "stuck")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Are you stuck?  [stuck, version 1]"
    assert "Dimensions (score 0-100: moderate from / high from):" in lines
    assert "Questions:" in lines
    assert "  bored: Boredom  (34/67)" in lines
    assert max(len(line) for line in lines) <= 80


def test_show_wraps_an_action_under_its_own_bullet() -> None:
    """Continuation lines of an action are indented, not made into bullets of their own."""
    result = invoke("banks", "show", "stuck")
    lines = result.stdout.splitlines()
    start = lines.index(
        "    - [week, moderate] List the routine work you could do in your sleep, such as"
    )
    assert lines[start + 1] == (
        "      reports or tasks you set up long ago, and next to each, how you could hand"
    )


@pytest.mark.parametrize("bank_id", builtin_ids())
def test_show_json_round_trips_through_the_model(bank_id: str) -> None:
    result = invoke("banks", "show", bank_id, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == bank_id
    again = Bank.model_validate(data, by_alias=True)
    assert again.model_dump(mode="json", by_alias=True) == data


def test_show_json_has_every_field_with_its_default() -> None:
    result = invoke("banks", "show", "stuck", "--json")
    data = json.loads(result.stdout)
    assert set(data) == {
        "id",
        "version",
        "title",
        "description",
        "dimensions",
        "questions",
        "audience",
        "roi",
        "verdict",
        "triggers",
    }
    dimension = data["dimensions"][0]
    assert set(dimension) == {
        "id",
        "label",
        "description",
        "thresholds",
        "strength",
        "strength_label",
        "topic",
        "strength_unless_need",
        "actions",
    }
    likert = next(q for q in data["questions"] if q["type"] == "likert")
    assert set(likert) == {
        "id",
        "type",
        "prompt",
        "help",
        "required",
        "when",
        "dimension",
        "reverse",
        "weight",
    }


def test_show_json_writes_the_aliases_for_and_not(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace(
        "    when: {all: [{question: last_moves, equals: lateral}, {question: years, gte: 2}]}",
        "    when: {not: {question: last_moves, equals: up}}",
    )
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    result = invoke("--bank-dir", str(tmp_path), "banks", "show", "mini", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["verdict"]["for"] == ["bored"]
    assert "for_" not in data["verdict"]
    when = data["questions"][-1]["when"]
    assert set(when) == {"not"}
    assert when["not"]["question"] == "last_moves"
    again = Bank.model_validate(data, by_alias=True)
    assert isinstance(again.verdict, VerdictSection)
    assert again.verdict.for_ == ["bored"]
    assert again.model_dump(mode="json", by_alias=True) == data


def test_show_an_unknown_bank_exits_2_naming_the_known_ones() -> None:
    result = invoke("banks", "show", "nope")
    assert result.exit_code == 2
    assert result.stdout == ""
    known = ", ".join(sorted(builtin_ids()))  # a list to search in: alphabetical
    assert result.stderr.splitlines() == [
        f"careercoach: banks show nope: no such bank (banks: {known})"
    ]


def test_show_a_coach_bank_names_its_file(tmp_path: Path) -> None:
    path = bank_file(tmp_path / "coach", "mine.yaml", "mine")
    result = invoke("--bank-dir", str(path.parent), "banks", "show", "mine")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    count = lines.index("5 questions, about 1 minute.")
    assert lines[count + 1] == f"File: {path}"


JAPANESE_BANK = """\
id: ja
title: キャリアの停滞について考える質問集です。今の仕事で成長しているかどうかを確かめます
dimensions:
  - id: stall
    label: 成長の停滞と上司との関係の難しさ
    description: 今の仕事で新しいことを学んでおらず、上司にも相談できていない状態を示します。
    actions:
      - id: talk
        text: 今週中に上司と三十分の面談を設定し、来年に学びたいことを三つ具体的に伝えてください。
        horizon: week
questions:
  - id: q1
    type: likert
    prompt: "私は今の仕事で成長していないと感じていて、上司にも相談できずにいます。\\
      どうすればいいでしょうか。"
    dimension: stall
"""


def test_show_fits_a_japanese_bank_into_80_columns(tmp_path: Path) -> None:
    """Wide characters take two cells: wrapping by characters made these lines twice the
    width of the screen."""
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "ja.yaml").write_text(JAPANESE_BANK, encoding="utf-8")
    result = invoke("--bank-dir", str(folder), "banks", "show", "ja")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(cells(line) for line in lines if not line.startswith("File: ")) <= 80
    assert lines[:2] == [
        "キャリアの停滞について考える質問集です。今の仕事で成長しているかどうかを確かめま",
        "す  [ja, version 1]",
    ]
    # A line never starts with a full stop: "す。" stays together.
    assert "      す。" in lines


def test_show_keeps_the_count_line_short_under_a_long_path(tmp_path: Path) -> None:
    """The path shared the count's line, which then ran past 80 columns for any path
    longer than about 40 characters."""
    folder = tmp_path / "a-coach-with-a-rather-long-folder-name" / "banks-for-this-quarter"
    path = bank_file(folder, "mine.yaml", "mine")
    result = invoke("--bank-dir", str(folder), "banks", "show", "mine")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert f"File: {path}" in lines
    assert [line for line in lines if cells(line) > 80] == [f"File: {path}"]
