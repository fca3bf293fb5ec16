"""``careercoach banks schema``: a JSON Schema (draft 2020-12) that every built-in bank
satisfies and that editors can use to flag a bank's shape errors as the coach types."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from typer.testing import CliRunner

from careercoach.cli import app
from careercoach.storage.yaml_nodes import load_document

TESTS = Path(__file__).resolve().parents[1]
QUESTIONS = TESTS.parent / "questions"
BAD = TESTS / "fixtures" / "bad_banks"
MINI = TESTS / "fixtures" / "good_banks" / "mini.yaml"


@cache
def schema() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["banks", "schema"])
    assert result.exit_code == 0, result.output
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def data(path: Path) -> Any:
    """A bank file as plain data, read the way the loader reads it (YAML 1.2)."""
    return load_document(path).data


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema()["title"] == "careercoach question bank"
    Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize("path", sorted(QUESTIONS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_built_in_bank_satisfies_the_schema(path: Path) -> None:
    errors = [error.message for error in validator().iter_errors(data(path))]
    assert errors == []


def test_the_aliases_for_and_not_are_the_names_in_the_schema() -> None:
    bank = data(MINI)
    bank["questions"][-1]["when"] = {"not": {"question": "last_moves", "equals": "up"}}
    assert bank["verdict"]["for"] == ["bored"]
    assert list(validator().iter_errors(bank)) == []
    bank["verdict"]["for_"] = bank["verdict"].pop("for")
    (error,) = validator().iter_errors(bank)
    reasons = error.context or []
    missing = [
        [name for name in sub.validator_value if name not in sub.instance]
        for sub in reasons
        if sub.validator == "required"
    ]
    assert missing == [["for"]]
    unexpected = [sub.instance for sub in reasons if sub.validator == "additionalProperties"]
    assert len(unexpected) == 1
    assert "for_" in unexpected[0]


def fault(error: Any) -> tuple[str, list[str | int]]:
    """What the schema says is wrong, and where: its keyword and the path in the bank (the
    validator's own sentences are its wording, not ours)."""
    return error.validator, list(error.absolute_path)


# A bad bank fails the schema: (file in bad_banks, the schema keyword it breaks, where)
SHAPE_FAULTS: list[tuple[str, str, list[str | int]]] = [
    ("unknown_key", "additionalProperties", ["dimensions", 1]),
    ("unknown_horizon", "enum", ["dimensions", 0, "actions", 0, "horizon"]),
    ("unknown_level", "enum", ["dimensions", 1, "actions", 0, "level"]),
    ("quoted_version", "type", ["version"]),
    ("yaml11_number_for_text", "type", ["dimensions", 1, "label"]),
    ("bad_id_dash", "pattern", ["dimensions", 0, "actions", 0, "id"]),
    ("top_level_list", "type", []),
    ("top_level_text", "type", []),
    ("wrong_type_weight", "oneOf", ["questions", 0]),
    ("zero_weight", "oneOf", ["questions", 0]),
    ("empty_options", "oneOf", ["questions", 1]),
    ("missing_prompt", "oneOf", ["questions", 3]),
    ("yes_for_boolean", "oneOf", ["questions", 3]),
]


@pytest.mark.parametrize(
    ("name", "keyword", "where"), SHAPE_FAULTS, ids=[n for n, _, _ in SHAPE_FAULTS]
)
def test_a_bank_with_a_shape_fault_fails_the_schema(
    name: str, keyword: str, where: list[str | int]
) -> None:
    errors = [fault(error) for error in validator().iter_errors(data(BAD / f"{name}.yaml"))]
    assert errors == [(keyword, where)]


def test_the_wrong_branch_of_a_question_is_explained_in_its_context() -> None:
    """Inside the question union the validator still finds the wrong value."""
    (error,) = validator().iter_errors(data(BAD / "zero_weight.yaml"))
    reasons = [fault(sub) for sub in error.context or []]
    assert ("exclusiveMinimum", ["questions", 0, "weight"]) in reasons


@pytest.mark.parametrize(
    "name", ["unknown_dimension_likert", "when_later_question", "duplicate_question_id"]
)
def test_cross_references_are_beyond_the_schema_and_left_to_the_loader(name: str) -> None:
    """The schema checks the shape only; ``banks validate`` checks what refers to what."""
    assert list(validator().iter_errors(data(BAD / f"{name}.yaml"))) == []
    result = CliRunner().invoke(app, ["banks", "validate", str(BAD / f"{name}.yaml")])
    assert result.exit_code == 2
