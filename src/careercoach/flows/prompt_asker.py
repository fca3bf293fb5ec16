"""The real ``ask`` of the assessment's walk: the progress line (and the question's
help), then the question's prompt from :mod:`careercoach.ui.prompts`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any, cast

from careercoach.core.conditions import AnswerValue
from careercoach.core.models import MultiQuestion, Question, SingleQuestion
from careercoach.flows.session import Reply, Step
from careercoach.safe_text import clean
from careercoach.ui.prompts import HelpAsked, Look, Prompt, wrap
from careercoach.ui.prompts.about import about_lines
from careercoach.ui.text_cells import text_width

BACK_TIP = "Tip: < goes back a question; Ctrl-C stops and keeps your answers."


def _options(question: SingleQuestion | MultiQuestion) -> list[tuple[str, str]]:
    return [(option.id, option.label) for option in question.options]


def _likert_prompt(question: Any, current: AnswerValue | None, look: Look) -> Prompt[Any]:
    from careercoach.ui import prompts

    value = current if isinstance(current, int) else None
    return prompts.likert_prompt(question.prompt, current=value, look=look)


def _single_prompt(question: Any, current: AnswerValue | None, look: Look) -> Prompt[Any]:
    from careercoach.ui import prompts

    choice = current if isinstance(current, str) else None
    return prompts.single_prompt(question.prompt, _options(question), current=choice, look=look)


def _multi_prompt(question: Any, current: AnswerValue | None, look: Look) -> Prompt[Any]:
    from careercoach.ui import prompts

    ticked = current if isinstance(current, list) else None
    return prompts.multi_prompt(question.prompt, _options(question), current=ticked, look=look)


def _number_prompt(question: Any, current: AnswerValue | None, look: Look) -> Prompt[Any]:
    from careercoach.ui import prompts

    return prompts.number_prompt(
        question.prompt,
        minimum=question.min,
        maximum=question.max,
        integer=question.integer,
        unit=question.unit,
        required=question.required,
        current=current if isinstance(current, int | float) else None,
        look=look,
    )


def _text_prompt(question: Any, current: AnswerValue | None, look: Look) -> Prompt[Any]:
    from careercoach.ui import prompts

    text = prompts.text_prompt(
        question.prompt,
        required=question.required,
        max_length=question.max_length,
        current=current if isinstance(current, str) else None,
        look=look,
    )
    # An optional text left empty is stored as "" (answered: nothing to add), so that a
    # resumed run goes on after it; an answers file reads "" as not given, the same.
    return replace(text, finish=lambda answer: text.finish(answer) or "")


PROMPT_BUILDERS: dict[str, Callable[[Any, AnswerValue | None, Look], Prompt[Any]]] = {
    "likert": _likert_prompt,
    "single": _single_prompt,
    "multi": _multi_prompt,
    "number": _number_prompt,
    "text": _text_prompt,
}
"""The prompt of each question type, by the name of its kind in ``core.question_kinds``:
everything else about a type (model, scoring, answer check, time) is its kind in core;
the prompt is here because core may not import the terminal."""


def build_prompt(
    question: Question, current: AnswerValue | None, look: Look
) -> Prompt[Reply | HelpAsked]:
    """The matching prompt of :mod:`careercoach.ui.prompts` for one question, not yet shown."""
    prompt = PROMPT_BUILDERS[question.type](question, current, look)
    return cast("Prompt[Reply | HelpAsked]", prompt)


def ask_question(question: Question, current: AnswerValue | None, look: Look) -> Reply | HelpAsked:
    """Ask one question through the matching prompt of :mod:`careercoach.ui.prompts`."""
    return build_prompt(question, current, look).ask()


class PromptAsker:
    """The real ``ask``: the progress line (and the question's help), then the prompt."""

    def __init__(self, *, no_color: bool = False, out: Callable[[str], None] | None = None):
        self.no_color = no_color
        self.write = out or _stdout

    def __call__(self, step: Step) -> Reply:
        look = Look(no_color=self.no_color, can_go_back=step.can_go_back, can_ask_help=True)
        prompt = build_prompt(step.question, step.current, look)
        width = text_width()
        if step.first:
            for line in wrap(BACK_TIP, width):
                self.write(line)
        self.write("")
        for line in wrap(step.progress(), width, first="", indent="  "):
            self.write(line)
        if step.question.help:
            for line in wrap(clean(step.question.help), width, indent="  "):
                self.write(line)
        while True:
            reply = prompt.ask()
            if not isinstance(reply, HelpAsked):
                return reply
            # "what does this mean?": say it, then the same question, nothing answered;
            # laid out for the width of now (the terminal may have been resized)
            width = text_width()
            for line in about_lines(step.bank, step.question, width):
                self.write(line)
            draft = step.current if reply.draft is None else reply.draft
            prompt = build_prompt(step.question, draft, look)


def ask_with_prompts(
    *, no_color: bool = False, out: Callable[[str], None] | None = None
) -> PromptAsker:
    """The real ``ask`` (see :class:`PromptAsker`)."""
    return PromptAsker(no_color=no_color, out=out)


def _stdout(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()
