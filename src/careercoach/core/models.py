"""Pydantic models: a question bank, and the plan that an assessment produces.

Importing this module builds no validator (``defer_build``, no default instances, no
postponed annotations for pydantic to compile): a run that only reads trusted data (the
bank cache, the engine's own output) never pays for pydantic's schema building.

Banks are validated strictly: unknown keys, wrong types and YAML 1.1 surprises are
errors, never silent conversions. Shape errors come from pydantic; the cross-references
(a likert's dimension, option score keys, ``when`` naming an earlier question, the
``roi``/``verdict``/``triggers`` sections) are checked by :func:`reference_problems`, which
returns each problem with the location of the offending value so that the loader can point
at its line.
"""

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Horizon = Literal["week", "month", "quarter"]
ActionLevel = Literal["moderate", "high"]
Level = Literal["low", "moderate", "high"]
HORIZONS: tuple[Horizon, ...] = ("week", "month", "quarter")
LEVELS: tuple[Level, ...] = ("low", "moderate", "high")
Loc = tuple[str | int, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, defer_build=True, allow_inf_nan=False
    )


# -- dimensions and actions -----------------------------------------------------------


class Thresholds(_Strict):
    """Scores from which a dimension counts as moderate and high (0-100)."""

    moderate: Annotated[int, Field(ge=0, le=100)] = 34
    high: Annotated[int, Field(ge=0, le=100)] = 67

    @field_validator("high")
    @classmethod
    def _ordered(cls, high: int, info: ValidationInfo) -> int:
        moderate = info.data.get("moderate")
        if moderate is not None and moderate > high:
            raise ValueError(f"must not be below moderate ({moderate})")
        return high


# Constructed, not validated: validating a default instance would build pydantic's
# validators as this module is imported. (Frozen, so one instance serves every bank.)
_DEFAULT_THRESHOLDS = Thresholds.model_construct()


class Action(_Strict):
    """Advice shown when its dimension reaches ``level``."""

    id: Id
    text: Text
    horizon: Horizon
    level: ActionLevel = "moderate"


class Dimension(_Strict):
    """What a bank measures: a need, scored 0-100 (higher: the plan should act on it)."""

    id: Id
    label: Text
    description: str = ""
    thresholds: Thresholds = Field(default_factory=lambda: _DEFAULT_THRESHOLDS)
    strength: str | None = Field(
        default=None, description="Shown as a strength when the dimension scores low."
    )
    actions: list[Action] = []


# -- conditions -----------------------------------------------------------------------

Scalar = str | int | float


class Comparison(_Strict):
    """``{question, equals | not_equals | includes | gte | lte: value}``."""

    question: Id
    equals: Scalar | None = None
    not_equals: Scalar | None = None
    includes: str | None = None
    gte: int | float | None = None
    lte: int | float | None = None

    @model_validator(mode="after")
    def _one_operator(self) -> "Comparison":
        given = [op for op in COMPARISON_OPERATORS if getattr(self, op) is not None]
        if len(given) != 1:
            raise ValueError(
                "a comparison needs exactly one of equals, not_equals, includes, gte, lte"
                + (f" (got {', '.join(given)})" if given else "")
            )
        return self

    @property
    def operator(self) -> str:
        return next(op for op in COMPARISON_OPERATORS if getattr(self, op) is not None)

    @property
    def value(self) -> Scalar:
        value: Scalar = getattr(self, self.operator)
        return value


COMPARISON_OPERATORS = ("equals", "not_equals", "includes", "gte", "lte")


class AllOf(_Strict):
    all: list["Condition"] = Field(min_length=1)


class AnyOf(_Strict):
    any: list["Condition"] = Field(min_length=1)


class NotOf(_Strict):
    model_config = ConfigDict(populate_by_name=True)
    not_: "Condition" = Field(alias="not")


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for key, tag in (("all", "all_of"), ("any", "any_of"), ("not", "not_of")):
            if key in value:
                return tag
        return "comparison"
    if isinstance(value, BaseModel):
        return {AllOf: "all_of", AnyOf: "any_of", NotOf: "not_of"}.get(type(value), "comparison")
    return None


Condition = Annotated[
    Annotated[Comparison, Tag("comparison")]
    | Annotated[AllOf, Tag("all_of")]
    | Annotated[AnyOf, Tag("any_of")]
    | Annotated[NotOf, Tag("not_of")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition",
        custom_error_message="a condition must be a mapping: {question, equals: ...}, "
        "{all: [...]}, {any: [...]} or {not: {...}}",
    ),
]


def condition_questions(condition: Condition) -> list[str]:
    """Every question id a condition names, in order."""
    if isinstance(condition, Comparison):
        return [condition.question]
    if isinstance(condition, AllOf):
        return [q for part in condition.all for q in condition_questions(part)]
    if isinstance(condition, AnyOf):
        return [q for part in condition.any for q in condition_questions(part)]
    return condition_questions(condition.not_)


# -- questions ------------------------------------------------------------------------


class _QuestionBase(_Strict):
    id: Id
    prompt: Text
    help: str | None = None
    required: bool = True
    when: Condition | None = None


class LikertQuestion(_QuestionBase):
    """1..5, strongly disagree .. strongly agree."""

    type: Literal["likert"]
    dimension: Id
    reverse: bool = False
    weight: Annotated[float, Field(gt=0, le=1000)] = 1.0


class Option(_Strict):
    id: Id
    label: Text
    scores: dict[Id, Annotated[float, Field(ge=0, le=1000)]] = {}


class SingleQuestion(_QuestionBase):
    """One option."""

    type: Literal["single"]
    options: list[Option] = Field(min_length=1)


class MultiQuestion(_QuestionBase):
    """Any number of options, none included; their scores add up."""

    type: Literal["multi"]
    options: list[Option] = Field(min_length=1)


class NumberQuestion(_QuestionBase):
    type: Literal["number"]
    min: float | None = None
    max: float | None = None
    integer: bool = False
    unit: str | None = None

    @field_validator("max")
    @classmethod
    def _range(cls, maximum: float | None, info: ValidationInfo) -> float | None:
        minimum = info.data.get("min")
        if maximum is not None and minimum is not None and minimum > maximum:
            raise ValueError(f"must not be below min ({minimum:g})")
        return maximum


class TextQuestion(_QuestionBase):
    type: Literal["text"]
    max_length: Annotated[int, Field(ge=1, le=100_000)] = 2000


QUESTION_MODELS: dict[str, type[_QuestionBase]] = {
    "likert": LikertQuestion,
    "single": SingleQuestion,
    "multi": MultiQuestion,
    "number": NumberQuestion,
    "text": TextQuestion,
}
"""The model of each question ``type``."""
QUESTION_TYPES = tuple(QUESTION_MODELS)


def _question_kind(value: Any) -> str | None:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return kind if kind in QUESTION_TYPES else None


Question = Annotated[
    Annotated[LikertQuestion, Tag("likert")]
    | Annotated[SingleQuestion, Tag("single")]
    | Annotated[MultiQuestion, Tag("multi")]
    | Annotated[NumberQuestion, Tag("number")]
    | Annotated[TextQuestion, Tag("text")],
    Discriminator(
        _question_kind,
        custom_error_type="question_type",
        custom_error_message="type must be one of likert, single, multi, number, text",
    ),
]
ChoiceQuestion = SingleQuestion | MultiQuestion


# -- named sections -------------------------------------------------------------------


class RoiMapping(_Strict):
    """Which ``number`` question asks for each input of the ROI calculator."""

    cost: Id
    years: Id
    current_salary: Id
    expected_salary: Id
    full_time: Id | None = None
    completion: Id | None = None
    discount_rate: Id | None = None
    tax_rate: Id | None = None
    horizon: Id | None = None


class VerdictSection(_Strict):
    """Which way the evidence of a bank points (used by ``education``)."""

    for_: list[Id] = Field(alias="for", min_length=1)
    against: list[Id] = []
    lean_for: Text
    lean_against: Text
    mixed: Text

    model_config = ConfigDict(populate_by_name=True)


class TriggersSection(_Strict):
    """New-eyes triggers: the multi question that lists them, and what follows one."""

    question: Id
    checkin_days: Annotated[int, Field(ge=1, le=365)] = 30
    recheck: dict[Id, list[Id]] = {}


class Bank(_Strict):
    """One question bank (one YAML file)."""

    id: Id
    version: Annotated[int, Field(ge=1)] = 1
    title: Text
    description: str = ""
    dimensions: list[Dimension] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    roi: RoiMapping | None = None
    verdict: VerdictSection | None = None
    triggers: TriggersSection | None = None

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> "Bank":
        problems = reference_problems(self)
        sink = info.context.get("reference_problems") if info.context else None
        if isinstance(sink, list):
            sink.extend(problems)
        elif problems:
            raise ValueError("; ".join(f"{_loc_text(loc)}: {msg}" for loc, msg in problems))
        return self

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)


def _loc_text(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def _duplicates(items: list[Any], where: Loc, what: str) -> list[tuple[Loc, str]]:
    first: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        if item.id in first:
            problems.append(
                (
                    (*where, index, "id"),
                    f"duplicate {what} id '{item.id}' (first used by {what} {first[item.id] + 1})",
                )
            )
        else:
            first[item.id] = index
    return problems


def reference_problems(bank: "Bank") -> list[tuple[Loc, str]]:
    """Every cross-reference problem in a bank, each with the location to point at."""
    problems = _duplicates(bank.dimensions, ("dimensions",), "dimension")
    problems += _duplicates(bank.questions, ("questions",), "question")
    actions = [
        ((("dimensions", d_index, "actions", a_index, "id")), action.id)
        for d_index, dim in enumerate(bank.dimensions)
        for a_index, action in enumerate(dim.actions)
    ]
    seen_actions: dict[str, Loc] = {}
    for loc, action_id in actions:
        if action_id in seen_actions:
            problems.append((loc, f"duplicate action id '{action_id}'"))
        seen_actions.setdefault(action_id, loc)

    dimension_ids = {d.id for d in bank.dimensions}
    dimension_list = ", ".join(sorted(dimension_ids))
    questions_by_id: dict[str, Question] = {}
    position: dict[str, int] = {}
    for index, question in enumerate(bank.questions):
        where: Loc = ("questions", index)
        if isinstance(question, LikertQuestion) and question.dimension not in dimension_ids:
            problems.append(
                (
                    (*where, "dimension"),
                    f"unknown dimension '{question.dimension}' (dimensions: {dimension_list})",
                )
            )
        if isinstance(question, SingleQuestion | MultiQuestion):
            problems += _duplicates(question.options, (*where, "options"), "option")
            for o_index, option in enumerate(question.options):
                for key in option.scores:
                    if key not in dimension_ids:
                        problems.append(
                            (
                                (*where, "options", o_index, "scores", key),
                                f"unknown dimension '{key}' in scores "
                                f"(dimensions: {dimension_list})",
                            )
                        )
        if question.when is not None:
            for named in condition_questions(question.when):
                if named == question.id:
                    problems.append(((*where, "when"), f"'when' names its own question '{named}'"))
                elif named not in questions_by_id:
                    later = any(q.id == named for q in bank.questions[index + 1 :])
                    problems.append(
                        (
                            (*where, "when"),
                            f"'when' names question '{named}', which comes later"
                            if later
                            else f"'when' names unknown question '{named}'",
                        )
                    )
        questions_by_id.setdefault(question.id, question)
        position.setdefault(question.id, index)

    problems += _section_problems(bank, questions_by_id, dimension_ids)
    return problems


def _section_problems(
    bank: "Bank", questions: dict[str, Question], dimension_ids: set[str]
) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    if bank.roi is not None:
        for name, question_id in bank.roi.model_dump(exclude_none=True).items():
            loc: Loc = ("roi", name)
            question = questions.get(question_id)
            if question is None:
                problems.append((loc, f"unknown question '{question_id}'"))
            elif name == "full_time":
                option_ids = (
                    {o.id for o in question.options}
                    if isinstance(question, SingleQuestion)
                    else set()
                )
                if option_ids != {"full_time", "part_time"}:
                    problems.append(
                        (
                            loc,
                            f"'{question_id}' must be a single question with the options "
                            "full_time and part_time",
                        )
                    )
            elif not isinstance(question, NumberQuestion):
                problems.append((loc, f"'{question_id}' must be a number question"))
    if bank.verdict is not None:
        for key, ids in (("for", bank.verdict.for_), ("against", bank.verdict.against)):
            for index, dimension_id in enumerate(ids):
                if dimension_id not in dimension_ids:
                    problems.append(
                        (("verdict", key, index), f"unknown dimension '{dimension_id}'")
                    )
    if bank.triggers is not None:
        trigger_q = questions.get(bank.triggers.question)
        if not isinstance(trigger_q, MultiQuestion):
            problems.append(
                (
                    ("triggers", "question"),
                    f"'{bank.triggers.question}' must be a multi question of this bank",
                )
            )
        else:
            option_ids = {o.id for o in trigger_q.options}
            for trigger in bank.triggers.recheck:
                if trigger not in option_ids:
                    problems.append(
                        (
                            ("triggers", "recheck", trigger),
                            f"'{trigger}' is not an option of '{trigger_q.id}'",
                        )
                    )
    return problems


# -- the plan -------------------------------------------------------------------------


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class DimensionScore(_Out):
    bank: str
    id: str
    label: str
    score: int
    level: Level
    event: bool = Field(
        default=False,
        description="A new-eyes trigger (an event at work); scored 0 it was not reported.",
    )


class PlannedAction(_Out):
    bank: str
    dimension: str
    id: str
    text: str
    horizon: Horizon
    done: bool = False
    number: int = Field(
        default=0,
        description="Its place in the plan (1, 2, ...), as `plan --done N` names it; 0 in "
        "more_actions and in plans stored before numbers existed.",
    )


class Focus(_Out):
    """A top focus area with the one-line reason it was chosen."""

    bank: str
    dimension: str
    label: str
    score: int
    level: Level
    why: str


class Strength(_Out):
    bank: str
    dimension: str
    label: str
    text: str


class Verdict(_Out):
    """Which way a bank's evidence points (education: more study or not)."""

    bank: str
    leaning: Literal["for", "against", "mixed"]
    text: str
    because: list[str]


class ExplainItem(_Out):
    question: str
    prompt: str
    answer: str
    added: float
    most: float
    reverse: bool = False


class Explanation(_Out):
    bank: str
    dimension: str
    label: str
    score: int
    items: list[ExplainItem]


class Commitment(_Out):
    """An action the person committed to: by when, and what they will do if it slips."""

    number: int
    action_id: str
    text: str
    by: str
    if_then: str | None = None
    done: bool = False


class OwnWords(_Out):
    """A written answer, quoted back beside the bank (and area) it belongs to."""

    bank: str
    question: str
    prompt: str
    text: str
    dimension: str | None = None


class Plan(_Out):
    """An action plan; ``model_dump(mode="json")`` is SPEC.md's ``plan --export json``."""

    assessment_id: int | None
    finished_at: str
    tool_version: str
    dimensions: list[DimensionScore]
    actions: list[PlannedAction]
    roi: dict[str, Any] | None = None
    banks: list[str] = []
    focus: list[Focus] = []
    strengths: list[Strength] = []
    verdicts: list[Verdict] = []
    warnings: list[str] = []
    next_checkin: str | None = None
    checkin_reason: str | None = Field(
        default=None, description="Why the check-in is sooner than usual (a trigger fired)."
    )
    recheck_banks: list[str] = Field(
        default=[], description="Banks to take again at the check-in (the triggers' recheck)."
    )
    previous_finished_at: str | None = None
    explain: list[Explanation] = []
    more_actions: list[PlannedAction] = Field(
        default=[], description="Actions that apply beyond the short plan (`plan --all`)."
    )
    commitments: list[Commitment] = []
    own_words: list[OwnWords] = Field(
        default=[], description="Every non-empty written answer, quoted back."
    )


def as_data(value: Any) -> Any:
    """A model (and what it holds) as plain JSON data, field by field in their order: what
    ``model_dump(mode="json")`` gives for the models here, without building pydantic's
    serializer (every ``assess`` stores a plan; the serializer costs more than the run)."""
    if isinstance(value, BaseModel):
        return {name: as_data(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, list | tuple):
        return [as_data(item) for item in value]
    if isinstance(value, dict):
        return {key: as_data(item) for key, item in value.items()}
    return value


def plan_json(plan: Plan) -> str:
    """The plan as compact JSON (as stored), the same data as ``plan.model_dump_json()``."""
    import json

    return json.dumps(as_data(plan), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
