"""Questions to a person, one at a time: the only module that imports questionary.

Every prompt uses questionary's ``unsafe_ask()``: ``ask()`` swallows Ctrl-C and returns
``None``. Ctrl-C and Ctrl-D become :class:`careercoach.errors.Interrupted` (exit 130), so
the command decides what to say. questionary is imported inside the functions: importing
this module costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from careercoach.errors import Interrupted

_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")


def parse_number(text: str, *, percent: bool = False) -> float:
    """A number as a person types it: ``60000``, ``60,000``, ``1.5e3``, and with
    ``percent`` also ``25%`` (= 0.25). ``ValueError`` with a short reason otherwise.

    ``nan`` and ``inf`` parse; range checks are the caller's.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("enter a number")
    value = raw
    scale = 1.0
    if percent and value.endswith("%"):
        value, scale = value[:-1].rstrip(), 0.01
    if _THOUSANDS.fullmatch(value):
        value = value.replace(",", "")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"not a number: {raw!r}") from None
    return number * scale


def ask_number(
    message: str,
    *,
    validate: Callable[[float], str | None] | None = None,
    percent: bool = False,
    default: str = "",
) -> float:
    """Ask for one number until it parses and ``validate`` returns ``None``.

    ``validate`` returns the problem to show under the prompt, or ``None``. Raises
    :class:`Interrupted` on Ctrl-C or Ctrl-D.
    """
    import questionary

    def check(text: str) -> bool | str:
        try:
            number = parse_number(text, percent=percent)
        except ValueError as exc:
            return str(exc)
        problem = validate(number) if validate else None
        return True if problem is None else problem

    try:
        answer = questionary.text(message, default=default, validate=check).unsafe_ask()
    except (KeyboardInterrupt, EOFError) as exc:
        raise Interrupted("interrupted") from exc
    if answer is None:  # questionary's own interrupt path; unsafe_ask should not get here
        raise Interrupted("interrupted")
    return parse_number(str(answer), percent=percent)
