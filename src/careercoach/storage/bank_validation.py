"""Validate one bank document: pydantic's shape errors and the cross-reference problems,
every one mapped back to the YAML node that caused it (``path:line:col``).

Every problem in a file is reported at once. Shape problems come from pydantic; the
cross-reference problems come from :func:`careercoach.core.models.reference_problems`. There
is no second validator here. Only a bank that is not in the cache
(:mod:`careercoach.storage.bank_cache`) comes this way.
"""

from __future__ import annotations

import difflib
import math
import re
import typing
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any, cast

from pydantic import BaseModel, TypeAdapter, ValidationError

from careercoach.core.models import (
    ID_PATTERN,
    QUESTION_MODELS,
    Action,
    AllOf,
    AnyOf,
    Audience,
    Bank,
    Comparison,
    Condition,
    Dimension,
    LikertQuestion,
    Loc,
    MultiQuestion,
    NotOf,
    NumberQuestion,
    Option,
    Question,
    RoiMapping,
    SingleQuestion,
    TextQuestion,
    TriggersSection,
    VerdictSection,
    reference_problems,
)
from careercoach.errors import BankError
from careercoach.storage.input_files import gc_paused
from careercoach.storage.yaml_nodes import Document


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"the number {'.nan' if math.isnan(value) else ('-' if value < 0 else '') + '.inf'}"
    if isinstance(value, int) and abs(value) >= 10**20:
        return "a number of more than 20 digits"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if value is None:
        return "nothing (null)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _plain(value: Any) -> str:
    """A key as it was written: ``true``, ``1``, ``label``."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _field_name(loc: Sequence[str | int]) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and part not in _TAGS:
            return part
    return ""


_TAG_MODELS: dict[str, type[BaseModel]] = {
    **QUESTION_MODELS,
    "comparison": Comparison,
    "all_of": AllOf,
    "any_of": AnyOf,
    "not_of": NotOf,
}
_TAGS = set(_TAG_MODELS)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``list[X]``, ``X | None``, ``dict[str, X]`` (None for a union)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    models = {m for arg in typing.get_args(annotation) if (m := _inner_model(arg))}
    return models.pop() if len(models) == 1 else None


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model that validates the mapping at ``loc`` (pydantic's loc, tags included)."""
    model: type[BaseModel] | None = Bank
    for part in loc:
        if isinstance(part, str) and part in _TAG_MODELS:
            model = _TAG_MODELS[part]
        elif isinstance(part, str) and model is not None:
            fields = {f.alias or name: f for name, f in model.model_fields.items()}
            field = fields.get(part)
            model = _inner_model(field.annotation) if field is not None else None
    return model


def _suggestion(loc: Loc) -> str:
    """`` (did you mean 'label'?)`` for an unknown key close to a known one."""
    model = _model_at(loc[:-1])
    if model is None or not isinstance(loc[-1], str):
        return ""
    known = [f.alias or name for name, f in model.model_fields.items()]
    close = difflib.get_close_matches(loc[-1], known, n=1, cutoff=0.7)
    return f" (did you mean '{close[0]}'?)" if close else ""


def error_message(error: Any) -> str:
    """A pydantic error as one sentence a coach understands."""
    kind: str = error["type"]
    loc: tuple[str | int, ...] = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = _field_name(loc)
    if len(loc) >= 2 and loc[-2] == "scores" and isinstance(loc[-1], str):
        name = f"scores: {loc[-1]}"
    if kind == "extra_forbidden":
        return f"unknown key '{_plain(loc[-1])}'{_suggestion(loc)}"
    if kind == "invalid_key":
        return f"unknown key '{_plain(loc[-1])}'"
    if loc and loc[-1] == "[key]":  # a key of a mapping such as ``scores``
        name = _field_name(loc[:-2])
        if kind == "string_pattern_mismatch":
            return (
                f"{name}: '{value}' is not a valid id: use lowercase letters, digits and _, "
                "starting with a letter"
            )
        return f"{name}: the key {_describe(value)} is not an id"
    if kind == "missing":
        return f"missing key '{loc[-1]}'"
    if kind == "string_type":
        hint = ""
        if isinstance(value, bool):
            hint = " (quote it if you mean the word)"
        elif isinstance(value, int | float):
            hint = " (quote it to keep it as written)"
        return f"{name}: expected text, got {_describe(value)}{hint}"
    if kind == "string_pattern_mismatch":
        return (
            f"{name}: '{value}' is not a valid id: use lowercase letters, digits and _, "
            "starting with a letter"
        )
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"{name}: expected a whole number, got {_describe(value)}"
    if kind == "finite_number" or (kind == "float_type" and isinstance(value, int)):
        # .nan, .inf, 310 digits: a bound or weight that compares with nothing
        return f"{name}: expected a finite number, got {_describe(value)}"
    if kind in {"float_type", "float_parsing"}:
        return f"{name}: expected a number, got {_describe(value)}"
    if kind == "bool_type":
        return f"{name}: expected true or false, got {_describe(value)}"
    if kind in {"list_type"}:
        return f"{name}: expected a list, got {_describe(value)}"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        if not loc:
            return f"the top level must be a mapping (key: value lines), got {_describe(value)}"
        return f"{name}: expected a mapping, got {_describe(value)}"
    if kind == "literal_error":
        return f"{name}: {_describe(value)} is not one of {ctx.get('expected', '')}"
    if kind == "too_short":
        return f"{name}: must not be empty"
    if kind == "string_too_short":
        return f"{name}: must not be empty"
    if kind == "string_too_long":
        length = len(value) if isinstance(value, str) else "?"
        return f"{name}: {length} characters, more than the {ctx.get('max_length')} allowed"
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bound = {
            "greater_than": "greater than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }[kind]
        limit = next(iter(ctx.values()), "")
        return f"{name}: must be {bound} {limit:g} (got {value!r})"
    if kind == "question_type":
        if not isinstance(value, dict):
            return f"a question must be a mapping (id, type, prompt, ...), got {_describe(value)}"
        if "type" not in value:
            return "missing key 'type' (likert, single, multi, number or text)"
        return (
            f"type: {_describe(value['type'])} is not a question type: "
            "use likert, single, multi, number or text"
        )
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        if "when" in loc:  # a condition's own rule: name the condition, not its part
            name = "when"
        return f"{name}: {message}" if name else message
    message = str(error["msg"])
    return f"{name}: {message[0].lower()}{message[1:]}" if name else message


_UNION_MEMBERS = {"str": "text", "int": "a number", "float": "a number", "bool": "true or false"}


def _union_message(loc: Loc, kinds: list[str], value: Any) -> str:
    expected = " or ".join(dict.fromkeys(_UNION_MEMBERS[kind] for kind in kinds))
    return f"{_field_name(loc)}: expected {expected}, got {_describe(value)}"


def _shape_problems(doc: Document, exc: ValidationError) -> list[tuple[Loc, bool, str]]:
    """pydantic's errors as (location in the data, point at its key, message)."""
    errors = exc.errors(include_url=False)
    members: dict[Loc, list[str]] = {}
    for err in errors:
        loc: Loc = tuple(err["loc"])
        if loc and loc[-1] in _UNION_MEMBERS and err["type"].endswith("_type"):
            members.setdefault(loc[:-1], []).append(str(loc[-1]))
    problems: list[tuple[Loc, bool, str]] = []
    for err in errors:
        loc = tuple(err["loc"])
        kind = err["type"]
        value = err.get("input")
        kinds = members.get(loc[:-1], []) if loc else []
        if len(kinds) > 1 and loc[-1] in kinds:
            # One value that is none of ``str | int | float``: say so once.
            problems.append((loc[:-1], False, _union_message(loc[:-1], kinds, value)))
            continue
        key = kind in {"extra_forbidden", "invalid_key"}
        if loc and loc[-1] == "[key]":
            loc, key = loc[:-1], True
        if kind == "question_type" and isinstance(value, dict) and "type" in value:
            loc = (*loc, "type")
        problems.append((loc, key, error_message(err)))
    return problems


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        in_dict = isinstance(data, dict) and part in data
        if in_dict or (isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)):
            data = data[part]
    return data


def _condition_ref(condition: Any, question_id: str) -> Loc | None:
    """Where, inside a ``when``, the comparison naming ``question_id`` is written."""
    if isinstance(condition, dict):
        if condition.get("question") == question_id:
            return ("question",)
        for key in ("all", "any", "not"):
            if key in condition:
                found = _condition_ref(condition[key], question_id)
                if found is not None:
                    return (key, *found)
    elif isinstance(condition, list):
        for index, part in enumerate(condition):
            found = _condition_ref(part, question_id)
            if found is not None:
                return (index, *found)
    return None


_QUOTED = re.compile(r"'([^']*)'")


def _reference_location(doc: Document, loc: Loc, message: str) -> tuple[Loc, bool]:
    """Point a cross-reference problem at the exact value (or key) that is wrong."""
    if loc and loc[-1] == "when":
        named = _QUOTED.findall(message)
        inner = _condition_ref(_value_at(doc.data, loc), named[-1]) if named else None
        return (loc if inner is None else (*loc, *inner)), False
    return loc, len(loc) >= 2 and loc[-2] in {"scores", "recheck"}


# -- partial validation: cross-references despite shape errors ---------------------


@cache
def _adapters() -> tuple[TypeAdapter[Any], TypeAdapter[Any]]:
    return TypeAdapter(Question), TypeAdapter(Condition)


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


_ID = re.compile(ID_PATTERN)


def _valid(validate: Callable[[Any], Any], raw: Any) -> Any:
    try:
        return validate(raw)
    except ValidationError:
        return None


def _partial_action(index: int, raw: Any) -> Action:
    action = _valid(Action.model_validate, raw)
    if action is not None:
        return cast(Action, action)
    raw_id = raw.get("id") if isinstance(raw, dict) else None
    return Action.model_construct(
        id=raw_id if isinstance(raw_id, str) else f"\0action{index}", text="", horizon="week"
    )


def _partial_dimension(raw: Any) -> Dimension | None:
    dimension = _valid(Dimension.model_validate, raw)
    if dimension is not None:
        return cast(Dimension, dimension)
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        return None  # no id to be named by
    actions = raw.get("actions")
    return Dimension.model_construct(
        id=raw["id"],
        label="",
        actions=[_partial_action(i, a) for i, a in enumerate(actions)]
        if isinstance(actions, list)
        else [],
    )


def _partial_option(index: int, raw: Any) -> Option:
    option = _valid(Option.model_validate, raw)
    if option is not None:
        return cast(Option, option)
    fields = raw if isinstance(raw, dict) else {}
    raw_id, scores = fields.get("id"), fields.get("scores")
    return Option.model_construct(
        id=raw_id if isinstance(raw_id, str) else f"\0option{index}",
        label="",
        scores={key: 0.0 for key in scores if _is_id(key)} if isinstance(scores, dict) else {},
    )


def _partial_question(index: int, raw: Any) -> Question:
    question_adapter, condition_adapter = _adapters()
    question = _valid(question_adapter.validate_python, raw)
    if question is not None:
        return cast(Question, question)
    fields = raw if isinstance(raw, dict) else {}
    raw_id = fields.get("id")
    common: dict[str, Any] = {
        "id": raw_id if isinstance(raw_id, str) else f"\0question{index}",
        "when": _valid(condition_adapter.validate_python, fields.get("when"))
        if fields.get("when") is not None
        else None,
    }
    kind = fields.get("type")
    if kind == "likert" and _is_id(fields.get("dimension")):
        return LikertQuestion.model_construct(
            type="likert", dimension=fields["dimension"], **common
        )
    if kind in ("single", "multi"):
        options = fields.get("options")
        model = SingleQuestion if kind == "single" else MultiQuestion
        return model.model_construct(
            type=kind,
            options=[_partial_option(i, o) for i, o in enumerate(options)]
            if isinstance(options, list)
            else [],
            **common,
        )
    if kind == "number":
        return NumberQuestion.model_construct(type="number", **common)
    return TextQuestion.model_construct(type="text", **common)  # no type: nothing to check


def _partial_references(data: Any) -> list[tuple[Loc, str]]:
    """Cross-reference problems of a bank that failed validation.

    Each dimension, question and section is validated on its own; the ones that fail
    are stood in for by what can still be read of them (their ids, options, ``when``),
    so that references to them are not reported as unknown. The stand-ins keep every
    question at its index; dimensions without an id are left out and their indices
    mapped back.
    """
    if not isinstance(data, dict):
        return []
    raw_dimensions, raw_questions = data.get("dimensions"), data.get("questions")
    if not isinstance(raw_dimensions, list) or not raw_dimensions:
        return []  # every dimension reference would be "unknown": say nothing
    if not isinstance(raw_questions, list):
        raw_questions = []
    kept = [(i, d) for i, d in enumerate(map(_partial_dimension, raw_dimensions)) if d]
    original = [i for i, _ in kept]
    sections = {
        name: _valid(model.model_validate, data.get(name))
        for name, model in (
            ("roi", RoiMapping),
            ("verdict", VerdictSection),
            ("triggers", TriggersSection),
            ("audience", Audience),
        )
    }
    partial = Bank.model_construct(
        dimensions=[d for _, d in kept],
        questions=[_partial_question(i, q) for i, q in enumerate(raw_questions)],
        **sections,
    )
    try:
        found = reference_problems(partial)
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - a stand-in we missed
        return []
    problems = []
    for found_loc, found_message in found:
        loc, message = found_loc, found_message
        if len(loc) > 1 and loc[0] == "dimensions" and isinstance(loc[1], int):
            loc = ("dimensions", original[loc[1]], *loc[2:])
            message = re.sub(
                r"first used by dimension (\d+)",
                lambda m: f"first used by dimension {original[int(m.group(1)) - 1] + 1}",
                message,
            )
        if "\0" not in message:
            problems.append((loc, message))
    return problems


# -- the loader -----------------------------------------------------------------------


def bank_from_document(doc: Document) -> Bank:
    """Validate a composed document as a bank; raise BankError with every problem.

    The problems reported together: those the YAML reader kept (``doc.problems``), the
    shape errors from pydantic and the cross-reference problems (checked on what could be
    validated even when the shape is wrong).
    """
    references: list[tuple[Loc, str]] = []
    shape: list[tuple[Loc, bool, str]] = []
    with gc_paused():
        try:
            bank: Bank | None = Bank.model_validate(
                doc.data, context={"reference_problems": references}
            )
        except ValidationError as exc:
            bank = None
            shape = _shape_problems(doc, exc)
            references = _partial_references(doc.data)
    if bank is not None and not references and not doc.problems:
        return bank

    unreadable = [p.loc for p in doc.problems if p.loc is not None]

    def shadowed(loc: Loc) -> bool:
        found = doc.resolve(loc)
        return any(found[: len(bad)] == bad for bad in unreadable)

    located: list[tuple[int, int, str]] = [(p.line, p.column, p.message) for p in doc.problems]
    checks = [
        *shape,
        *((*_reference_location(doc, loc, message), message) for loc, message in references),
    ]
    for loc, key, message in checks:
        if not shadowed(loc):
            mark = doc.mark(loc, key=key)
            line, column = mark if mark else (0, 0)
            located.append((line, column, message))
    raise BankError(*_ordered(doc.path, located))


def _ordered(path: str, located: Iterable[tuple[int, int, str]]) -> list[str]:
    """``path:line:col: message`` lines by position, each once."""
    lines = (
        f"{path}:{line}:{column}: {message}" if line else f"{path}: {message}"
        for line, column, message in sorted(located, key=lambda item: (item[0], item[1]))
    )
    return list(dict.fromkeys(lines))
