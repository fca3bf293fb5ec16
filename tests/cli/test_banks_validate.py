"""``careercoach banks validate``: every malformed bank in tests/fixtures/bad_banks is
refused with exit 2 and one ``path:line:col: message`` line per problem, at the exact
place; the good banks pass with one ``ok`` line each.

Each bad bank is tests/fixtures/good_banks/mini.yaml with ONE fault. The table below holds,
next to each file, every line the loader must print for it: the line, the column (None
where the parsers differ on it) and a phrase of the message. A fault that makes two lines
(an anchor and its alias, a misspelt key that also leaves one missing) lists both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careercoach.cli import app
from careercoach.storage.input_files import MAX_BYTES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BAD = FIXTURES / "bad_banks"
GOOD = FIXTURES / "good_banks"
QUESTIONS = Path(__file__).resolve().parents[2] / "questions"

runner = CliRunner()

Expected = tuple[int, int | None, str]

# file (without .yaml): [(line, column, phrase), ...] in the order printed
CASES: dict[str, list[Expected]] = {
    # -- reading the file
    "empty_file": [(1, 1, "the file is empty: there is nothing to read")],
    "comments_only": [(1, 1, "the file holds only comments: there is nothing to read")],
    "latin1_byte": [(15, 14, "not valid UTF-8 (byte 0xfc); save the file as UTF-8")],
    "control_character": [(15, 14, "the control character U+0007 is not allowed")],
    "tab_indent": [(15, 1, "a tab in the indentation; use spaces")],
    # -- YAML syntax (libyaml and PyYAML word these differently: the phrase is shared)
    "syntax_unclosed_bracket": [
        (9, 13, "flow sequence that starts at line 8, column 12"),
    ],
    "syntax_colon_in_value": [
        (49, 25, "a ': ' inside a value? put the whole value in quotes"),
    ],
    "too_deep": [(46, 108, "nested more than 100 levels deep")],
    # -- YAML features a bank may not use
    "duplicate_key": [(16, 5, "duplicate key 'label' (first on line 15)")],
    "alias": [
        (15, 12, "YAML anchors (&name) are not allowed; write the value out"),
        (49, 13, "YAML aliases (*name) are not allowed; write the value out"),
    ],
    "merge_key": [
        (18, 9, "missing key 'text'"),
        (19, 9, "YAML merge keys (<<) are not allowed; write the keys out"),
    ],
    "python_tag": [(15, 12, "YAML tag '!!python/object/apply:os.system' is not allowed")],
    "key_is_a_list": [(16, 5, "a key must be a plain value, not a list or mapping")],
    "second_document": [(62, 1, "a second YAML document (---) is not allowed")],
    # -- the top level
    "top_level_list": [(1, 1, "the top level must be a mapping (key: value lines), got a list")],
    "top_level_text": [(1, 1, "the top level must be a mapping (key: value lines), got the text")],
    # -- keys
    "unknown_key": [(16, 5, "unknown key 'colour'")],
    "misspelled_key": [
        (23, 5, "missing key 'dimension'"),
        (26, 5, "unknown key 'dimensoin' (did you mean 'dimension'?)"),
    ],
    "missing_prompt": [(40, 5, "missing key 'prompt'")],
    "missing_type": [(40, 5, "missing key 'type' (likert, single, multi, number or text)")],
    # -- types, and YAML 1.1 surprises
    "wrong_type_weight": [(27, 13, "weight: expected a number, got the text 'heavy'")],
    "quoted_boolean": [(51, 15, "required: expected true or false, got the text 'false'")],
    "yes_for_boolean": [(45, 14, "integer: expected true or false, got the text 'yes'")],
    "quoted_version": [(3, 10, "version: expected a whole number, got the text '1'")],
    "yaml11_number_for_text": [
        (15, 12, "label: expected text, got the number 1.1 (quote it to keep it as written)")
    ],
    "unknown_question_type": [(41, 11, "type: the text 'numeric' is not a question type")],
    "question_not_a_mapping": [
        (47, 5, "a question must be a mapping (id, type, prompt, ...), got the text")
    ],
    "when_equals_a_list": [(52, 49, "equals: expected text or a number, got a list")],
    "unknown_horizon": [
        (13, 18, "horizon: the text 'year' is not one of 'week', 'month' or 'quarter'")
    ],
    "unknown_level": [(21, 16, "level: the text 'low' is not one of 'moderate' or 'high'")],
    # -- ids
    "bad_id_uppercase": [(47, 9, "id: 'What_changed' is not a valid id: use lowercase letters")],
    "bad_id_dash": [(11, 13, "id: 'over-deliver' is not a valid id")],
    "duplicate_dimension_id": [
        (14, 9, "duplicate dimension id 'bored' (first used by dimension 1)")
    ],
    "duplicate_question_id": [
        (40, 9, "duplicate question id 'autopilot' (first used by question 1)")
    ],
    "duplicate_option_id": [(39, 14, "duplicate option id 'passed_over' (first used by option 1)")],
    "duplicate_action_id": [(18, 13, "duplicate action id 'over_deliver'")],
    # -- values out of range
    "empty_options": [(31, 14, "options: must not be empty")],
    "min_above_max": [(44, 10, "max: must not be below min (70)")],
    "negative_weight": [(27, 13, "weight: must be greater than 0 (got -1)")],
    "zero_weight": [(27, 13, "weight: must be greater than 0 (got 0)")],
    "negative_score": [(33, 61, "scores: stuck: must be at least 0 (got -1.0)")],
    "thresholds_reversed": [(16, 38, "high: must not be below moderate (70)")],
    # -- cross-references
    "unknown_dimension_likert": [
        (26, 16, "unknown dimension 'boredom' (dimensions: bored, stuck)")
    ],
    "unknown_dimension_scores": [
        (38, 68, "unknown dimension 'bord' in scores (dimensions: bored, stuck)")
    ],
    "when_unknown_question": [(52, 70, "'when' names unknown question 'tenure'")],
    "when_later_question": [(47, 22, "'when' names question 'what_changed', which comes later")],
    "when_not_a_mapping": [(52, 11, "when: a condition must be a mapping")],
    "when_two_operators": [
        (52, 59, "when: a comparison needs exactly one of equals, not_equals, includes, gte, lte")
    ],
    "verdict_unknown_dimension": [(55, 20, "unknown dimension 'luck'")],
    "trigger_not_an_option": [(61, 13, "'new_bos' is not an option of 'signs'")],
    "good_news_not_an_option": [(62, 15, "'growth' is not an option of 'signs'")],
    "action_when_unknown_question": [(22, 32, "'when' names unknown question 'tenur'")],
    "action_also_unknown_dimension": [
        (14, 16, "'also' names unknown dimension 'stuk' (dimensions: bored, stuck)")
    ],
    "audience_not_first": [(23, 13, "'last_moves' must be the bank's first question")],
    "audience_not_single": [(23, 13, "'autopilot' must be a single question")],
    "strength_label_repeats_label": [
        (10, 21, "strength_label must name the strength, not repeat the label")
    ],
    "strength_label_without_strength": [
        (16, 21, "strength_label needs a strength sentence ('strength')")
    ],
}


def validate(*paths: Path | str) -> Any:
    return runner.invoke(app, ["banks", "validate", *map(str, paths)])


def problems(result: Any) -> list[str]:
    lines: list[str] = result.stderr.splitlines()
    return lines


def test_the_corpus_is_big_enough_and_every_file_has_its_expectation() -> None:
    files = {path.stem for path in BAD.glob("*.yaml")}
    assert files == set(CASES)
    assert len(files) >= 25


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_bank_is_refused_at_the_exact_place(name: str) -> None:
    path = BAD / f"{name}.yaml"
    result = validate(path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = problems(result)
    expected = CASES[name]
    assert len(lines) == len(expected), lines
    for line, (number, column, phrase) in zip(lines, expected, strict=True):
        prefix = f"{path}:{number}:" if column is None else f"{path}:{number}:{column}: "
        assert line.startswith(prefix), line
        assert phrase in line, line


def test_the_mini_bank_the_corpus_starts_from_is_valid() -> None:
    result = validate(GOOD / "mini.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{GOOD / 'mini.yaml'}: ok (mini: 2 dimensions, 5 questions)\n"


def test_every_built_in_bank_validates_with_one_ok_line_each() -> None:
    files = sorted(QUESTIONS.glob("*.yaml"))
    assert len(files) >= 6
    result = validate(*files)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(files)
    for path, line in zip(files, lines, strict=True):
        assert line.startswith(f"{path}: ok ({path.stem}: ")
        assert line.endswith(" questions)")


def test_a_folder_validates_each_of_its_bank_files() -> None:
    result = validate(QUESTIONS)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == len(list(QUESTIONS.glob("*.yaml")))


def test_yaml_1_1_words_are_text_in_a_bank(tmp_path: Path) -> None:
    """``no``, ``yes``, ``on``, ``off`` where text is expected are the words themselves."""
    text = (GOOD / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("label: Boredom", "label: no").replace("label: Stuck", "label: on")
    text = text.replace("label: Promotions", "label: yes").replace("A new boss}", "off}")
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["--bank-dir", str(tmp_path), "banks", "show", "mini", "--json"])
    assert result.exit_code == 0, result.output
    assert '"label": "no"' in result.stdout
    assert '"label": "on"' in result.stdout
    assert '"label": "yes"' in result.stdout
    assert '"label": "off"' in result.stdout


def test_shape_and_cross_reference_problems_are_reported_in_one_run(tmp_path: Path) -> None:
    text = (GOOD / "mini.yaml").read_text(encoding="utf-8")
    faults = [
        ("weight: 1.5", "weight: heavy"),  # shape (pydantic)
        ("scores: {stuck: 1.0}}", "scores: {stuk: 1.0}}"),  # cross-reference
        ("question: years, gte: 2", "question: tenure, gte: 2"),  # cross-reference
        ("    label: Stuck\n", "    label: Stuck\n    label: Stalled\n"),  # YAML
        ("    prompt: How many years", "    promt: How many years"),  # shape, twice
    ]
    for old, new in faults:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path = tmp_path / "several.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate(path)
    assert result.exit_code == 2
    assert problems(result) == [
        f"{path}:16:5: duplicate key 'label' (first on line 15)",
        f"{path}:28:13: weight: expected a number, got the text 'heavy'",
        f"{path}:34:54: unknown dimension 'stuk' in scores (dimensions: bored, stuck)",
        f"{path}:41:5: missing key 'prompt'",
        f"{path}:43:5: unknown key 'promt' (did you mean 'prompt'?)",
        f"{path}:53:70: 'when' names unknown question 'tenure'",
    ]


def test_references_to_a_broken_question_are_not_reported_as_unknown(tmp_path: Path) -> None:
    """A question with a shape error still has an id that a later ``when`` may name."""
    text = (GOOD / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("    min: 0\n", "    min: zero\n")  # breaks the question 'years'
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    result = validate(path)
    assert result.exit_code == 2
    assert problems(result) == [f"{path}:43:10: min: expected a number, got the text 'zero'"]


def test_every_file_is_checked_and_all_problems_are_printed_together() -> None:
    paths = [BAD / "unknown_key.yaml", GOOD / "mini.yaml", BAD / "zero_weight.yaml"]
    result = validate(*paths)
    assert result.exit_code == 2
    assert problems(result) == [
        f"{BAD / 'unknown_key.yaml'}:16:5: unknown key 'colour'",
        f"{BAD / 'zero_weight.yaml'}:27:13: weight: must be greater than 0 (got 0)",
    ]


def test_two_files_with_the_same_bank_id_name_both_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    text = (GOOD / "mini.yaml").read_text(encoding="utf-8")
    first.write_text(text, encoding="utf-8")
    second.write_text("# the same bank again\n\n" + text, encoding="utf-8")
    result = validate(first, second)
    assert result.exit_code == 2
    assert problems(result) == [
        f"{second}:4:5: bank id 'mini' is already defined in {first}:2:5",
    ]


def test_a_missing_file_and_a_folder_without_banks(tmp_path: Path) -> None:
    result = validate(tmp_path / "nowhere.yaml", tmp_path)
    assert result.exit_code == 2
    assert problems(result) == [
        f"{tmp_path}: no .yaml or .yml files in this folder",
        f"{tmp_path / 'nowhere.yaml'}: no such file",
    ]


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: the loader must refuse it from its size
    result = validate(path)
    assert result.exit_code == 2
    assert problems(result) == [
        f"{path}: the file is 16,777,217 bytes; the limit is 16,777,216 bytes"
    ]


def alias_bomb() -> str:
    """The billion laughs: nine levels of nine aliases each, 10**9 strings if expanded."""
    lines = ['a0: &a0 "lol"']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_without_being_expanded(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    assert path.stat().st_size < 1024
    result = validate(path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = problems(result)
    refused = [line for line in lines if "are not allowed; write the value out" in line]
    assert len(refused) == 10 + 81  # every anchor and every alias, each at its place
    assert refused[:3] == [
        f"{path}:1:5: YAML anchors (&a0) are not allowed; write the value out",
        f"{path}:2:5: YAML anchors (&a1) are not allowed; write the value out",
        f"{path}:2:10: YAML aliases (*a0) are not allowed; write the value out",
    ]
    assert refused[-1] == f"{path}:10:50: YAML aliases (*a8) are not allowed; write the value out"
    # and, being no bank at all, what a bank needs
    assert f"{path}:1:1: missing key 'questions'" in lines


# -- docs/bank-format.md shows what the loader does --------------------------------------

DOC = Path(__file__).resolve().parents[2] / "docs" / "bank-format.md"


def _doc_blocks(language: str) -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    blocks = text.split(f"```{language}\n")[1:]
    return [block.split("```", 1)[0] for block in blocks]


def test_the_example_bank_in_the_docs_is_the_mini_bank() -> None:
    example = _doc_blocks("yaml")[0]
    first, rest = example.split("\n", 1)
    assert first == "# yaml-language-server: $schema=./careercoach-bank.schema.json"
    assert rest == (GOOD / "mini.yaml").read_text(encoding="utf-8").split("\n", 1)[1]


def test_the_error_example_in_the_docs_is_what_the_loader_prints(tmp_path: Path) -> None:
    """The doc's five lines are test_shape_and_cross_reference_problems_... minus one."""
    (example,) = [block for block in _doc_blocks("text") if "duplicate key" in block]
    shown = example.replace("my-banks/stuck.yaml", "{path}").splitlines()
    text = (GOOD / "mini.yaml").read_text(encoding="utf-8")
    for old, new in [
        ("weight: 1.5", "weight: heavy"),
        ("scores: {stuck: 1.0}}", "scores: {stuk: 1.0}}"),
        ("question: years, gte: 2", "question: tenure, gte: 2"),
        ("    label: Stuck\n", "    label: Stuck\n    label: Stalled\n"),
        ("    prompt: How many years", "    promt: How many years"),
    ]:
        text = text.replace(old, new)
    path = tmp_path / "stuck.yaml"
    path.write_text(text, encoding="utf-8")
    printed = problems(validate(path))
    assert [line.format(path=path) for line in shown] == [
        line for line in printed if "missing key" not in line
    ]
