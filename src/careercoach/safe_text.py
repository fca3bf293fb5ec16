"""Make text from a bank or an answer harmless, once, for every output.

Text a person or a coach wrote is data. It must never be read as Rich markup, never send
a terminal escape sequence, and never break the structure of an exported file. The
terminal path removes control characters (C0, C1, DEL) and bidi overrides, keeping tab and
newline only where a caller allows them; Markdown and HTML escaping build on the same
cleaning so that every output path shares one definition of "harmless".
"""

from __future__ import annotations

import re

# C0 controls except \t and \n, DEL, C1 controls, and the Unicode bidi embedding,
# override and isolate characters (Trojan Source, CVE-2021-42574) plus the zero-width
# and line/paragraph separators that can reorder or hide text.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_WHITESPACE_RUN = re.compile(r"[\t\n]+")


def clean(text: str, *, multiline: bool = False) -> str:
    """Remove control characters; fold tabs and newlines into spaces unless ``multiline``."""
    cleaned = _CONTROL.sub("", text)
    if multiline:
        return cleaned.replace("\t", " ")
    return _WHITESPACE_RUN.sub(" ", cleaned)


def for_terminal(text: str, *, multiline: bool = False) -> str:
    """Text ready to put in a ``rich.text.Text`` (never parsed as markup).

    Callers build ``Text(for_terminal(s))``; ``Text`` does not interpret ``[...]``, so only
    the control characters need to go.
    """
    return clean(text, multiline=multiline)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~=:&\"'$^])")


def for_markdown(text: str) -> str:
    """Inline Markdown text that cannot open a heading, list, table cell, link, image or HTML.

    Every ASCII punctuation character that CommonMark or GFM gives a meaning is
    backslash-escaped (CommonMark allows escaping any ASCII punctuation), ``<`` and ``>``
    too, so no raw HTML can start. Newlines are folded, so no block structure can start.
    """
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def for_html(text: str) -> str:
    """Text for an HTML element body or a quoted attribute value."""
    import html

    return html.escape(clean(text), quote=True)
