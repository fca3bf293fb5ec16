"""Questions to a person, one at a time: the only package that imports questionary.

- :mod:`.questions`: one prompt per question type, and the other questions asked;
- :mod:`.widgets`: questionary and prompt_toolkit wrapped once (Ctrl-C, back, help,
  colour), and the lists;
- :mod:`.typed`: the number and text prompts;
- :mod:`.about`: what ``?`` says about a question;
- :mod:`.review`: the list of answers before the plan, to change one;
- :mod:`.layout`: lines that fit the screen, broken between words;
- :mod:`.numbers`: numbers as people type them.

The assessment prompts can return :data:`BACK`: the person asked for the previous
question, with the ``← Back`` choice of a list, the ``<`` key in a list, or ``<`` typed
alone in a number or text prompt; and, where :attr:`Look.can_ask_help`, a
:class:`HelpAsked`: the person pressed ``?`` in a list, or typed ``?`` alone in a number
or text prompt, to learn what the question means.
"""

from careercoach.ui.prompts.layout import fragment_text, wrap
from careercoach.ui.prompts.numbers import (
    number_hint,
    number_problem,
    parse_number,
    percent_range,
)
from careercoach.ui.prompts.questions import (
    LIKERT_CHOICES,
    ask_checklist,
    ask_likert,
    ask_multi,
    ask_number,
    ask_number_answer,
    ask_single,
    ask_text,
    choose_banks,
    choose_resume,
    likert_prompt,
    multi_prompt,
    number_prompt,
    single_prompt,
    text_prompt,
)
from careercoach.ui.prompts.review import ReviewRow, review_label, review_prompt
from careercoach.ui.prompts.typed import INPUT_MARK
from careercoach.ui.prompts.widgets import (
    BACK,
    BACK_KEY,
    BACK_LABEL,
    HELP_KEY,
    GoBack,
    HelpAsked,
    Look,
    Prompt,
    stdin_is_terminal,
)

__all__ = [
    "BACK",
    "BACK_KEY",
    "BACK_LABEL",
    "HELP_KEY",
    "INPUT_MARK",
    "LIKERT_CHOICES",
    "GoBack",
    "HelpAsked",
    "Look",
    "Prompt",
    "ReviewRow",
    "ask_checklist",
    "ask_likert",
    "ask_multi",
    "ask_number",
    "ask_number_answer",
    "ask_single",
    "ask_text",
    "choose_banks",
    "choose_resume",
    "fragment_text",
    "likert_prompt",
    "multi_prompt",
    "number_hint",
    "number_problem",
    "number_prompt",
    "parse_number",
    "percent_range",
    "review_label",
    "review_prompt",
    "single_prompt",
    "stdin_is_terminal",
    "text_prompt",
    "wrap",
]
