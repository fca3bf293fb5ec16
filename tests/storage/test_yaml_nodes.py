"""The safe YAML reader: YAML 1.2 scalars, refused YAML features, exact marks, limits."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careercoach.errors import AnswersError, BadInput, BankError
from careercoach.storage import input_files, yaml_nodes
from careercoach.storage.yaml_nodes import Document, load_document

PATH = Path("t.yaml")


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with libyaml's parser and with PyYAML's pure-Python one."""
    if request.param == "libyaml":
        if not yaml_nodes.LIBYAML:
            pytest.skip("PyYAML without libyaml")
    else:
        monkeypatch.setattr(yaml_nodes, "_C_PARSER", None)
    yield request.param


def load(text: str, **options: Any) -> Document:
    return load_document(PATH, text=text, **options)


def problems(text: str, **options: Any) -> list[str]:
    with pytest.raises(BadInput) as caught:
        load(text, **options)
    return caught.value.problems


# -- scalars: YAML 1.2's core schema ------------------------------------------------------


@pytest.mark.usefixtures("parser")
def test_only_true_and_false_are_booleans() -> None:
    doc = load("a: [true, True, TRUE, false, False, FALSE, yes, no, on, off, y, n, Yes, NO]\n")
    booleans = [True, True, True, False, False, False]
    assert doc.data == {"a": [*booleans, "yes", "no", "on", "off", "y", "n", "Yes", "NO"]}


@pytest.mark.usefixtures("parser")
def test_nulls() -> None:
    doc = load("a: [~, null, Null, NULL, '', \"null\", nil]\nb:\n")
    assert doc.data == {"a": [None, None, None, None, "", "null", "nil"], "b": None}


@pytest.mark.usefixtures("parser")
def test_numbers() -> None:
    doc = load(
        "a: [1, -1, +1, 012, 0o17, 0x1F, 1.5, 1e3, .5, +.5, 1.10, -2.5E-1]\n"
        "b: [1_000, 0b101, 1:20, 0x, 1e, 0o8, '1.10', \"2\"]\n"
        "c: [.inf, -.Inf, +.INF, .nan]\n"
    )
    assert doc.data["a"] == [1, -1, 1, 12, 15, 31, 1.5, 1000.0, 0.5, 0.5, 1.1, -0.25]
    assert [type(v) for v in doc.data["a"]] == [int] * 6 + [float] * 6
    assert doc.data["b"] == ["1_000", "0b101", "1:20", "0x", "1e", "0o8", "1.10", "2"]
    inf, minus_inf, plus_inf, nan = doc.data["c"]
    assert inf == math.inf and minus_inf == -math.inf and plus_inf == math.inf
    assert math.isnan(nan)


def test_a_number_too_long_to_convert_stays_text() -> None:
    digits = "9" * 5000
    assert load(f"a: {digits}\n").data == {"a": digits}


@pytest.mark.usefixtures("parser")
def test_quoted_and_block_scalars_are_text() -> None:
    doc = load("a: 'true'\nb: \"1.10\"\nc: |\n  x\n  y\nd: >\n  p\n  q\ne: 'b\tc'\n")
    assert doc.data == {"a": "true", "b": "1.10", "c": "x\ny\n", "d": "p q\n", "e": "b\tc"}


@pytest.mark.usefixtures("parser")
def test_keys_are_names_kept_as_written() -> None:
    doc = load("1: a\n'1.0': b\ntrue: c\nno: d\n~: e\n")
    assert doc.data == {"1": "a", "1.0": "b", "true": "c", "no": "d", "~": "e"}


@pytest.mark.usefixtures("parser")
def test_standard_scalar_tags_are_honoured() -> None:
    doc = load("a: !!str 12\nb: !!int '12'\nc: !!float 1\nd: !!bool true\ne: !!null ~\nf: ! 12\n")
    assert doc.data == {"a": "12", "b": 12, "c": 1.0, "d": True, "e": None, "f": "12"}
    assert type(doc.data["c"]) is float


def test_a_standard_tag_on_a_value_it_does_not_fit() -> None:
    assert problems("a: !!int x\nb: !!float yes\n") == [
        "t.yaml:1:4: 'x' is not a valid !!int",
        "t.yaml:2:4: 'yes' is not a valid !!float",
    ]


def test_json_is_yaml() -> None:
    doc = load('{"a": 1, "b": [true, null, "x", 2.5]}\n')
    assert doc.data == {"a": 1, "b": [True, None, "x", 2.5]}


def test_a_yaml_1_1_directive_does_not_bring_back_yes_and_no() -> None:
    assert load("%YAML 1.1\n---\na: yes\n").data == {"a": "yes"}


# -- refused: duplicate keys, anchors and aliases, merge keys, tags ----------------------


@pytest.mark.usefixtures("parser")
def test_a_duplicate_key_names_the_first_line() -> None:
    text = "a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\na: 4\n"
    assert problems(text) == [
        "t.yaml:5:3: duplicate key 'c' (first on line 3)",
        "t.yaml:6:1: duplicate key 'a' (first on line 1)",
    ]


def test_the_first_of_duplicate_keys_is_kept_when_problems_are_kept() -> None:
    doc = load("a: 1\na: 2\n", keep_problems=True)
    assert doc.data == {"a": 1}
    assert doc.problem_lines() == ["t.yaml:2:1: duplicate key 'a' (first on line 1)"]


def test_a_quoted_key_duplicates_the_plain_one() -> None:
    assert problems("a: 1\n'a': 2\n") == ["t.yaml:2:1: duplicate key 'a' (first on line 1)"]


@pytest.mark.usefixtures("parser")
def test_anchors_and_aliases_are_refused_where_they_are_written() -> None:
    text = "a: &x 1\nb:\n  - *x\n  - [1, *x]\n"
    assert problems(text) == [
        "t.yaml:1:4: YAML anchors (&x) are not allowed; write the value out",
        "t.yaml:3:5: YAML aliases (*x) are not allowed; write the value out",
        "t.yaml:4:9: YAML aliases (*x) are not allowed; write the value out",
    ]


def test_an_alias_is_never_followed() -> None:
    doc = load("a: &x [1, 2]\nb: *x\n", keep_problems=True)
    assert doc.data == {"a": [1, 2], "b": None}
    assert [p.loc for p in doc.problems] == [None, ("b",)]


def test_an_alias_as_a_key_is_refused() -> None:
    assert problems("a: &k x\n*k : 2\n") == [
        "t.yaml:1:4: YAML anchors (&k) are not allowed; write the value out",
        "t.yaml:2:1: YAML aliases (*k) are not allowed; write the value out",
    ]


def test_an_undefined_alias_is_refused_too() -> None:
    assert problems("a: *nowhere\n") == [
        "t.yaml:1:4: YAML aliases (*nowhere) are not allowed; write the value out"
    ]


@pytest.mark.usefixtures("parser")
def test_merge_keys_are_refused() -> None:
    assert problems("a: {x: 1}\nb:\n  <<: {x: 1}\n  y: 2\n") == [
        "t.yaml:3:3: YAML merge keys (<<) are not allowed; write the keys out"
    ]


def test_a_quoted_double_angle_is_an_ordinary_key() -> None:
    assert load('"<<": 1\n').data == {"<<": 1}


@pytest.mark.usefixtures("parser")
def test_tags_other_than_the_standard_scalar_ones_are_refused() -> None:
    text = (
        "a: !!python/object/apply:os.system [echo hi]\n"
        "b: !!python/name:os.system\n"
        "c: !custom 1\n"
        "d: !!set {x}\n"
        "e: !!binary aGk=\n"
    )
    assert problems(text) == [
        "t.yaml:1:4: YAML tag '!!python/object/apply:os.system' is not allowed",
        "t.yaml:2:4: YAML tag '!!python/name:os.system' is not allowed "
        "(only !!str, !!int, !!float, !!bool and !!null)",
        "t.yaml:3:4: YAML tag '!custom' is not allowed (only !!str, !!int, !!float, !!bool "
        "and !!null)",
        "t.yaml:4:4: YAML tag '!!set' is not allowed",
        "t.yaml:5:4: YAML tag '!!binary' is not allowed (only !!str, !!int, !!float, !!bool "
        "and !!null)",
    ]


def test_a_refused_tag_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    with pytest.raises(BankError):
        load(text)
    assert not marker.exists()


def test_a_collection_as_a_key_is_refused() -> None:
    assert problems("? [a, b]\n: 1\nc: 2\n") == [
        "t.yaml:1:3: a key must be a plain value, not a list or mapping"
    ]


# -- the file as a whole ----------------------------------------------------------------


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_bytes(b"")
    with pytest.raises(BankError) as caught:
        load_document(path)
    assert caught.value.problems == [f"{path}:1:1: the file is empty: there is nothing to read"]


@pytest.mark.parametrize("text", ["# a comment\n", "\n\n  \n", "  # indented\n\n# more\n"])
def test_a_file_with_nothing_to_read(text: str) -> None:
    assert len(problems(text)) == 1
    assert problems(text)[0].startswith("t.yaml:1:1: the file ")


def test_an_explicit_null_document_is_not_empty() -> None:
    assert load("---\n~\n").data is None


@pytest.mark.usefixtures("parser")
def test_a_second_document_is_refused() -> None:
    assert load("---\na: 1\n...\n").data == {"a": 1}
    assert problems("a: 1\n---\nb: 2\n") == [
        "t.yaml:2:1: a second YAML document (---) is not allowed: one file, one document"
    ]


def test_a_byte_order_mark_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\nb: x\n")
    doc = load_document(path)
    assert doc.data == {"a": 1, "b": "x"}
    assert doc.where(("b",)) == f"{path}:2:4"


def test_bad_utf8_names_the_line_the_column_and_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: 1\nlabel: Ça, Stück\n".encode().replace("ü".encode(), b"\xfc"))
    with pytest.raises(BankError) as caught:
        load_document(path)
    # the column counts characters: 'Ç' before it is one column, not two bytes
    assert caught.value.problems == [
        f"{path}:2:14: not valid UTF-8 (byte 0xfc); save the file as UTF-8"
    ]


@pytest.mark.usefixtures("parser")
def test_a_control_character_is_refused_at_its_place() -> None:
    assert problems("a: 1\nb: é\x07\n") == [
        "t.yaml:2:5: the control character U+0007 is not allowed; remove it"
    ]


def test_a_lone_surrogate_in_given_text_is_refused() -> None:
    assert problems("a: 1\nb: '\ud800'\n") == [
        "t.yaml:2:5: not valid Unicode text (a lone surrogate)"
    ]


@pytest.mark.usefixtures("parser")
def test_tabs_in_the_indentation_are_each_reported() -> None:
    assert problems("a:\n  - 1\n\t- 2\n  \t- 3\n") == [
        "t.yaml:3:1: a tab in the indentation; use spaces",
        "t.yaml:4:3: a tab in the indentation; use spaces",
    ]


@pytest.mark.usefixtures("parser")
def test_a_tab_inside_a_quoted_value_is_fine() -> None:
    assert load("a: 'b\tc'\nb: \"d\te\"\n").data == {"a": "b\tc", "b": "d\te"}


@pytest.mark.usefixtures("parser")
def test_a_syntax_error_says_where_the_construct_started() -> None:
    (problem,) = problems("a:\n  b: [1, 2\n  c: 3\n")
    assert problem.startswith("t.yaml:3:")
    # what the construct is called is the YAML parser's word; where it starts is ours
    assert problem.endswith(" that starts at line 2, column 6")


@pytest.mark.usefixtures("parser")
def test_a_colon_inside_a_plain_value_gets_a_hint() -> None:
    (problem,) = problems("prompt: Note: this is hard\n")
    assert problem.startswith("t.yaml:1:13: YAML syntax error: ")
    assert problem.endswith(
        "(a ': ' inside a value? put the whole value in quotes, or check the indentation)"
    )


def test_problems_found_before_a_syntax_error_are_reported_with_it() -> None:
    assert problems("a: 1\na: 2\nb: [\n") == [
        "t.yaml:2:1: duplicate key 'a' (first on line 1)",
        "t.yaml:4:1: YAML syntax error: did not find expected node content",
    ]


@pytest.mark.usefixtures("parser")
def test_nesting_is_limited() -> None:
    depth = yaml_nodes.MAX_DEPTH
    assert load("[" * depth + "]" * depth + "\n").data is not None
    assert problems("a: " + "[" * (depth + 1) + "]" * (depth + 1) + "\n") == [
        f"t.yaml:1:{3 + depth}: nested more than {depth} levels deep"
    ]


@pytest.mark.parametrize("depth", [101, 999, 1_000, 1_001, 1_025, 200_000])
def test_too_deep_is_one_message_at_one_place_whichever_parser(parser: str, depth: int) -> None:
    """Our limit speaks, at the 101st bracket, below and above any parser's own limit.

    libyaml 0.2.6 refuses nesting past 1,000 levels by itself, reading ahead of the events
    our builder counts; older libyaml and the pure-Python parser do not. The person sees
    the same line either way. (200,000 levels used to crash the interpreter.)
    """
    text = "[" * depth + "]" * depth + "\n"
    assert problems(text) == ["t.yaml:1:101: nested more than 100 levels deep"]


def test_too_deep_in_flow_mappings_and_block_lists(parser: str) -> None:
    assert problems("x: " + "{a: " * 2_000 + "1" + "}" * 2_000 + "\n") == [
        "t.yaml:1:400: nested more than 100 levels deep"
    ]
    assert problems("- " * 3_000 + "x\n") == ["t.yaml:1:201: nested more than 100 levels deep"]


def test_a_syntax_error_after_deep_but_allowed_nesting_is_a_syntax_error(parser: str) -> None:
    text = "[" * 100 + "]" * 100 + "\n: [\n"
    assert "nested" not in problems(text)[0]


# -- the size limit ---------------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(input_files, "MAX_BYTES", 64)
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 62 + "\n", encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_document(path)
    assert caught.value.problems == [f"{path}: the file is 66 bytes; the limit is 64 bytes"]
    path.write_text("a: " + "x" * 60 + "\n", encoding="utf-8")
    assert load_document(path).data == {"a": "x" * 60}


def test_text_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(input_files, "MAX_BYTES", 16)
    assert problems("a: ééééééééé\n") == ["t.yaml: the text is over the limit of 16 bytes"]


# -- errors of the caller's kind, and files that cannot be read --------------------------


def test_the_error_type_is_the_callers(tmp_path: Path) -> None:
    with pytest.raises(AnswersError):
        load_document(PATH, text="a: 1\na: 2\n", error=AnswersError)
    with pytest.raises(AnswersError) as caught:
        load_document(tmp_path / "nowhere.yaml", error=AnswersError)
    assert caught.value.problems == [f"{tmp_path / 'nowhere.yaml'}: no such file"]


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(BankError) as caught:
        load_document(tmp_path)
    assert caught.value.problems == [f"{tmp_path}: is a folder, not a file"]


def test_the_display_name_replaces_the_path(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_document(path, display="built-in/x.yaml")
    assert caught.value.problems == ["built-in/x.yaml:2:1: duplicate key 'a' (first on line 1)"]


# -- marks ------------------------------------------------------------------------------


TEXT = """\
id: mini
dimensions:
  - id: bored
    label: Boredom
  - {id: stuck, label: Stuck}
questions: []
"""


@pytest.mark.usefixtures("parser")
def test_marks_of_values_and_keys() -> None:
    doc = load(TEXT)
    assert doc.mark(("id",)) == (1, 5)
    assert doc.mark(("id",), key=True) == (1, 1)
    assert doc.mark(("dimensions", 0)) == (3, 5)
    assert doc.mark(("dimensions", 0, "label")) == (4, 12)
    assert doc.mark(("dimensions", 0, "label"), key=True) == (4, 5)
    assert doc.mark(("dimensions", 1, "label")) == (5, 24)
    assert doc.mark(("questions",)) == (6, 12)
    assert doc.mark(()) == (1, 1)


def test_a_location_that_is_not_in_the_data_lands_on_its_closest_parent() -> None:
    doc = load(TEXT)
    # pydantic's union tags and missing keys are skipped
    assert doc.where(("dimensions", 1, "likert", "actions")) == "t.yaml:5:5"
    assert doc.where(("dimensions", 7)) == "t.yaml:3:3"
    assert doc.where(("nowhere",)) == "t.yaml:1:1"


def test_marks_of_a_document_built_in_code_are_empty() -> None:
    doc = Document("inline", {"a": 1})
    assert doc.where(("a",)) == "inline"
    assert doc.value_marks == {}


def test_marks_are_the_same_with_or_without_a_problem_in_the_file() -> None:
    clean = load(TEXT)
    with_problem = load(TEXT + "id: again\n", keep_problems=True)
    assert [p.message for p in with_problem.problems] == ["duplicate key 'id' (first on line 1)"]
    for loc in [("id",), ("dimensions", 0, "label"), ("dimensions", 1, "id"), ("questions",)]:
        assert clean.mark(loc) == with_problem.mark(loc)
        assert clean.mark(loc, key=True) == with_problem.mark(loc, key=True)


def test_the_python_parser_reads_what_libyaml_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    bank = (Path(__file__).parents[1] / "fixtures" / "good_banks" / "mini.yaml").read_text(
        encoding="utf-8"
    )
    fast = load(bank)
    monkeypatch.setattr(yaml_nodes, "_C_PARSER", None)
    slow = load(bank)
    assert fast.data == slow.data
    assert fast.value_marks == slow.value_marks
    assert fast.key_marks == slow.key_marks
