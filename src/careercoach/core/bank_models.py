"""The bank format: a question bank's pydantic models (dimensions, actions, questions,
conditions and the named sections).

Importing this module builds no validator (``defer_build``, no default instances, no
postponed annotations for pydantic to compile): a run that only reads trusted data (the
bank cache) never pays for pydantic's schema building.

Banks are validated strictly: unknown keys, wrong types and YAML 1.1 surprises are
errors, never silent conversions. Shape errors come from pydantic; the cross-references
are checked by :func:`careercoach.core.bank_references.reference_problems`, which returns
each problem with the location of the offending value so that the loader can point at
its line.
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
    """Advice shown when its dimension reaches ``level`` and its ``when`` holds.

    ``advice`` names the piece of advice: actions with the same ``advice``, in any bank,
    give the same advice, and a plan shows it once, naming every area it serves.
    ``kind`` names the sort of step (ask for a mentor, meet the boss, join a group): two
    different pieces of advice of one kind read as a repeat, so a short plan holds at most
    one action of each kind. ``also`` names other dimensions of its bank that the same
    step works on (a target that beats last month's figure eases boredom and
    under-performing alike): when they are needs too, the plan names them beside it.
    """

    id: Id
    text: Text
    horizon: Horizon
    level: ActionLevel = "moderate"
    when: Condition | None = None
    advice: Id | None = None
    kind: Id | None = None
    also: list[Id] = Field(
        default=[],
        description="Other dimensions of this bank the action works on: when they are "
        "needs (moderate or high), the plan names them beside it, and it may serve them.",
    )


class Dimension(_Strict):
    """What a bank measures: a need, scored 0-100 (higher: the plan should act on it)."""

    id: Id
    label: Text
    description: str = ""
    thresholds: Thresholds = Field(default_factory=lambda: _DEFAULT_THRESHOLDS)
    strength: str | None = Field(
        default=None, description="Shown as a strength when the dimension scores low."
    )
    strength_label: Text | None = Field(
        default=None,
        description="The strength's own name (the label names the need): 'Keeps up with "
        "tools', not 'Falling behind on tools'.",
    )
    topic: Id | None = Field(
        default=None,
        description="Dimensions of any bank with the same topic measure the same thing: a "
        "plan makes one of them a focus area or a strength, never both or two.",
    )
    strength_unless_need: list[str] = Field(
        default=[],
        description="Dimensions of any bank ('bank.dimension') whose need says the "
        "strength is untrue: while one of them is a need (moderate or high), the strength "
        "is not shown. One of a bank not loaded is ignored.",
    )
    actions: list[Action] = []


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
    loan: Id | None = None
    loan_rate: Id | None = None
    loan_years: Id | None = None
    salary_growth: Id | None = None
    degree: Id | None = None
    from_degree: Id | None = None


class VerdictPart(_Strict):
    """One sentence of a verdict's text, said only when it fits the person: ``if_leaning``
    when one of those dimensions is a reason the verdict leans its way, ``unless_leaning``
    when none is; ``if_need`` when
    one of those dimensions is scored moderate or high, ``unless_need`` when none is;
    ``when`` a condition on the bank's answers, as a question's."""

    text: Text
    if_leaning: list[Id] = []
    unless_leaning: list[Id] = []
    if_need: list[Id] = []
    unless_need: list[Id] = []
    when: Condition | None = None


VerdictText = Text | list[Text | VerdictPart]
"""A verdict's text: one string, or sentences (strings or :class:`VerdictPart`) joined."""


class VerdictSection(_Strict):
    """Which way the evidence of a bank points (used by ``education``)."""

    for_: list[Id] = Field(alias="for", min_length=1)
    against: list[Id] = []
    lean_for: VerdictText
    lean_against: VerdictText
    mixed: VerdictText

    model_config = ConfigDict(populate_by_name=True)


class TriggersSection(_Strict):
    """New-eyes triggers: the multi question that lists them, and what follows one."""

    question: Id
    checkin_days: Annotated[int, Field(ge=1, le=365)] = 30
    recheck: dict[Id, list[Id]] = {}
    good_news: list[Id] = Field(
        default=[],
        description="Triggers that are good news (a promotion, a growing team): they do "
        "not bring the check-in forward.",
    )


class Audience(_Strict):
    """Who a bank is for: its first question (a single one), and the options that say the
    bank does not apply. Answered with one of those, the bank asks nothing more and gives
    no score and no action."""

    question: Id
    not_for: list[Id] = Field(min_length=1)


class Bank(_Strict):
    """One question bank (one YAML file)."""

    id: Id
    version: Annotated[int, Field(ge=1)] = 1
    title: Text
    description: str = ""
    dimensions: list[Dimension] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    audience: Audience | None = None
    roi: RoiMapping | None = None
    verdict: VerdictSection | None = None
    triggers: TriggersSection | None = None

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> "Bank":
        from careercoach.core.bank_references import reference_problems

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
