"""The plan an assessment produces: its pydantic models, and its JSON.

Built by :mod:`careercoach.core.planning` with ``model_construct``; validated only when a
stored plan is read back. Every field added since the first release has a default, so
plans stored by older versions still load.
"""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from careercoach.core.bank_models import Horizon, Level

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
    topic: str | None = Field(
        default=None,
        description="What the dimension measures, shared with its twins in other banks "
        "(the bank's `topic`): a view may show twins as one finding.",
    )
    evidence: bool = Field(
        default=True,
        description="Whether any answer leaned either way (false when every answer that "
        "fed it was neutral, a middle option or nothing ticked): a low score without "
        "evidence is not counted as scored low.",
    )


class ServedArea(_Out):
    """An area (a bank's dimension) that an action serves."""

    bank: str
    dimension: str
    label: str


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
    serves: list[ServedArea] = Field(
        default=[],
        description="Every area this advice serves, its own first: the same advice from "
        "several banks is shown once.",
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
    title: str = Field(
        default="",
        description="The bank's title, heading the verdict (a bank id is no words for a "
        "person); empty in plans stored before it.",
    )


class SkippedBank(_Out):
    """A bank whose ``audience`` question ended it: the person said it is not for them
    (``leader`` answered "I manage nobody"), so nothing more was asked or scored."""

    bank: str
    title: str
    question: str
    answer: str = Field(description="The id of the option that ended the bank.")
    because: str = Field(description="That option as the person read it: 'I manage nobody'.")


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
    skipped_banks: list[SkippedBank] = Field(
        default=[],
        description="The banks the person said are not for them (their `audience` "
        "answer), in assessment order.",
    )
