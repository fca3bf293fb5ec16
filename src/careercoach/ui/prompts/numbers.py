"""Numbers as people type them (``$70,000``, ``25%``, ``1,250.50 €``), and what a number
prompt says about its range."""

from __future__ import annotations

import math
import re

from careercoach.safe_text import clean

_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_CURRENCY = "$€£¥"


def parse_number(text: str, *, percent: bool = False, currency: bool = False) -> float:
    """A number as a person types it: ``60000``, ``60,000``, ``1.5e3``, with ``percent``
    also ``25%`` (= 0.25), and with ``currency`` also ``$70,000`` or ``70,000 €`` (one
    currency sign, before or after, is ignored). ``ValueError`` with a short reason
    otherwise.

    ``nan`` and ``inf`` parse; range checks are the caller's.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("enter a number")
    value = raw
    scale = 1.0
    if currency and value[:1] in _CURRENCY:
        value = value[1:].lstrip()
    elif currency and value[-1:] in _CURRENCY:
        value = value[:-1].rstrip()
    if percent and value.endswith("%"):
        value, scale = value[:-1].rstrip(), 0.01
    if _THOUSANDS.fullmatch(value):
        value = value.replace(",", "")
    try:
        number = float(value)
    except ValueError:
        shown = raw if len(raw) <= 20 else raw[:19] + "…"
        raise ValueError(f"not a number: {shown!r}") from None
    return number * scale


def bound_text(number: float) -> str:
    """``10,000,000``, ``0.05``, ``1,234,567.5``: never ``1e+07``."""
    from decimal import Decimal

    if float(number).is_integer():
        return f"{number:,.0f}"
    return format(Decimal(repr(float(number))), ",f")


def number_problem(
    number: float,
    *,
    minimum: float | None,
    maximum: float | None,
    integer: bool,
    percent: bool = False,
) -> str | None:
    """Why ``number`` is not an acceptable answer, or ``None``: a short sentence (it is
    shown on one line under the prompt, 50 columns wide at least). ``percent``: the
    question takes a fraction, so ``80`` gets the hint ``for 80% write 0.8 or 80%`` (the
    one ``roi --completion 80`` gives)."""
    if math.isnan(number) or math.isinf(number):
        return "Write a finite number, like 12."
    if abs(number) > 2**53:  # as an answers file (storage.answers.MAX_EXACT_NUMBER)
        return "That number is too large."
    shown = bound_text(number)
    if integer and not float(number).is_integer():
        low, high = math.floor(number), math.ceil(number)
        return f"{shown} is not a whole number; for example {low} or {high}."
    if minimum is not None and number < minimum:
        return f"{shown} is less than {bound_text(minimum)}{_as_percent(minimum, percent)}."
    if maximum is not None and number > maximum:
        if percent and maximum <= 1 < number <= 100:
            return f"{shown} is more than {bound_text(maximum)}; for {shown}% write " + (
                f"{bound_text(round(number / 100, 9))} or {shown}%."
            )
        return f"{shown} is more than {bound_text(maximum)}{_as_percent(maximum, percent)}."
    return None


def _as_percent(bound: float, percent: bool) -> str:
    return f" ({bound_text(round(bound * 100, 9))}%)" if percent else ""


def not_a_number(*, integer: bool, percent: bool) -> str:
    """What a prompt says to text that is no number: a sentence, with an example."""
    example = "0.8 or 80%" if percent else "12" if integer else "12 or 12.5"
    return f"That is not a number; write it like {example}."


def percent_range(minimum: float | None, maximum: float | None) -> bool:
    """Whether a number question also takes a percentage (``80%`` = 0.8): its range goes
    no higher than 1, so a fraction is what it asks for."""
    del minimum  # a rate may go below 0 (-0.5 to 1): a percentage still reads right
    return maximum is not None and maximum <= 1


def number_hint(
    *,
    minimum: float | None,
    maximum: float | None,
    integer: bool,
    unit: str | None,
    percent: bool = False,
) -> str:
    """``Enter a whole number from 0 to 60 (years).`` and the like: one sentence."""
    kind = "a whole number" if integer else "a number"
    if minimum is not None and maximum is not None:
        kind += f" from {bound_text(minimum)} to {bound_text(maximum)}"
    elif minimum is not None:
        kind += f", at least {bound_text(minimum)},"
    elif maximum is not None:
        kind += f", at most {bound_text(maximum)},"
    if unit:
        kind += f" ({clean(unit)})"
    if percent and maximum is not None:
        low = bound_text(round(minimum * 100, 9)) if minimum is not None else "0"
        kind += f", or {low}% to {bound_text(round(maximum * 100, 9))}%"
    return f"Enter {kind.rstrip(',')}."


def number_text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))
