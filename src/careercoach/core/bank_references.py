"""A bank's cross-references: ids that must be unique, dimensions and questions that must
exist, ``when`` conditions that may only look back, and the named sections' references.

Each problem comes with the location (a pydantic-style ``loc``) of the offending value, so
that the loader can point at its line and column.
"""

from typing import Any

from careercoach.core.bank_models import (
    Bank,
    LikertQuestion,
    Loc,
    MultiQuestion,
    NumberQuestion,
    Question,
    SingleQuestion,
    condition_questions,
)


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

    for d_index, dim in enumerate(bank.dimensions):
        if dim.strength_label is not None:
            if dim.strength_label.strip().casefold() == dim.label.strip().casefold():
                problems.append(
                    (
                        ("dimensions", d_index, "strength_label"),
                        "strength_label must name the strength, not repeat the label",
                    )
                )
            if not (dim.strength or "").strip():
                problems.append(
                    (
                        ("dimensions", d_index, "strength_label"),
                        "strength_label needs a strength sentence ('strength')",
                    )
                )
        for a_index, action in enumerate(dim.actions):
            for o_index, other in enumerate(action.also):
                if other == dim.id or other not in dimension_ids:
                    problems.append(
                        (
                            ("dimensions", d_index, "actions", a_index, "also", o_index),
                            f"'also' names its own dimension '{other}'"
                            if other == dim.id
                            else f"'also' names unknown dimension '{other}' "
                            f"(dimensions: {dimension_list})",
                        )
                    )
            if action.when is None:
                continue
            for named in condition_questions(action.when):
                if named not in questions_by_id:
                    problems.append(
                        (
                            ("dimensions", d_index, "actions", a_index, "when"),
                            f"'when' names unknown question '{named}'",
                        )
                    )
    problems += _audience_problems(bank)
    problems += _section_problems(bank, questions_by_id, dimension_ids)
    return problems


def _audience_problems(bank: "Bank") -> list[tuple[Loc, str]]:
    """``audience`` must name the bank's first question, a single question, and leave at
    least one of its options for the people the bank is for."""
    audience = bank.audience
    if audience is None:
        return []
    first = bank.questions[0] if bank.questions else None
    if first is None or first.id != audience.question:
        known = any(q.id == audience.question for q in bank.questions)
        return [
            (
                ("audience", "question"),
                f"'{audience.question}' must be the bank's first question"
                if known
                else f"unknown question '{audience.question}'",
            )
        ]
    if not isinstance(first, SingleQuestion):
        return [(("audience", "question"), f"'{first.id}' must be a single question")]
    option_ids = [o.id for o in first.options]
    problems: list[tuple[Loc, str]] = [
        (("audience", "not_for", index), f"'{option}' is not an option of '{first.id}'")
        for index, option in enumerate(audience.not_for)
        if option not in option_ids
    ]
    if not problems and set(option_ids) <= set(audience.not_for):
        problems.append((("audience", "not_for"), f"every option of '{first.id}' ends the bank"))
    return problems


def _section_problems(
    bank: "Bank", questions: dict[str, Question], dimension_ids: set[str]
) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    if bank.roi is not None:
        from careercoach.core.roi_inputs import mapped_question_problem

        for name, question_id in bank.roi.model_dump(exclude_none=True).items():
            loc: Loc = ("roi", name)
            question = questions.get(question_id)
            if question is None:
                problems.append((loc, f"unknown question '{question_id}'"))
                continue
            number = question if isinstance(question, NumberQuestion) else None
            problem = mapped_question_problem(
                name,
                question_id,
                str(getattr(question, "type", "")),
                minimum=number.min if number else None,
                maximum=number.max if number else None,
                option_ids=[o.id for o in question.options]
                if isinstance(question, SingleQuestion)
                else (),
            )
            if problem:
                problems.append((loc, problem))
    if bank.verdict is not None:
        for key, ids in (("for", bank.verdict.for_), ("against", bank.verdict.against)):
            for index, dimension_id in enumerate(ids):
                if dimension_id not in dimension_ids:
                    problems.append(
                        (("verdict", key, index), f"unknown dimension '{dimension_id}'")
                    )
        for key in ("lean_for", "lean_against", "mixed"):
            parts = getattr(bank.verdict, key)
            for index, part in enumerate(parts if isinstance(parts, list) else []):
                if isinstance(part, str):
                    continue
                for field in ("if_leaning", "unless_leaning", "if_need", "unless_need"):
                    for at, dimension_id in enumerate(getattr(part, field)):
                        if dimension_id not in dimension_ids:
                            problems.append(
                                (
                                    ("verdict", key, index, field, at),
                                    f"unknown dimension '{dimension_id}'",
                                )
                            )
                if part.when is not None:
                    for question_id in condition_questions(part.when):
                        if question_id not in questions:
                            problems.append(
                                (
                                    ("verdict", key, index, "when"),
                                    f"unknown question '{question_id}'",
                                )
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
            for index, trigger in enumerate(bank.triggers.good_news):
                if trigger not in option_ids:
                    problems.append(
                        (
                            ("triggers", "good_news", index),
                            f"'{trigger}' is not an option of '{trigger_q.id}'",
                        )
                    )
    return problems
