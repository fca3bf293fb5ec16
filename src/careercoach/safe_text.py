"""Make text from a bank or an answer harmless, once, for every output.

Text a person or a coach wrote is data. It must never be read as Rich markup, never send
a terminal escape sequence, and never break the structure of an exported file. Every
output path goes through one of the three functions below, and all three start from
:func:`clean`, so that they share one definition of "harmless":

* :func:`for_terminal`: for ``rich.text.Text`` (which never parses ``[...]`` as markup);
* :func:`for_markdown`: inline GitHub-flavoured Markdown that can open no heading, list,
  table cell, link, autolink, image, emphasis, math or raw HTML;
* :func:`for_html`: an HTML (or SVG) element body or quoted attribute value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Removed everywhere: C0 controls except \t and \n (\r is turned into \n first), DEL, C1
# controls (\x9b is a one-byte CSI on some terminals), the Unicode bidi embeddings,
# overrides, isolates and marks (Trojan Source, CVE-2021-42574), and invisible characters
# that can hide text (zero-width space, word joiner and invisible operators, BOM,
# interlinear annotation marks). Zero-width (non-)joiners stay: Persian, Indic scripts and
# emoji sequences need them.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
# Lone surrogates cannot be encoded as UTF-8: writing them would crash the output.
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n?|[\u2028\u2029]")
_WHITESPACE_RUN = re.compile(r"[\t\n]+")


def clean(text: str, *, multiline: bool = False) -> str:
    """Remove control and invisible characters; fold tabs and line breaks into one space.

    With ``multiline``, line breaks are kept (as ``\\n``) and each tab becomes a space.
    """
    text = _LINE_BREAK.sub("\n", text)
    text = _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))
    if multiline:
        return text.replace("\t", " ")
    return _WHITESPACE_RUN.sub(" ", text)


_SHOWN_AS_ESCAPE = re.compile(_CONTROL.pattern[:-1] + "\ud800-\udfff]")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_message(text: str) -> str:
    """Text for an error message: each control or invisible character written as its
    escape (``\\u202e``, ``\\x1b``), so the person can find what is wrong, where
    :func:`clean` would hide it; tabs and line breaks folded into one space.
    """
    text = _WHITESPACE_RUN.sub(" ", _LINE_BREAK.sub("\n", text))
    return _SHOWN_AS_ESCAPE.sub(lambda m: _escape(m.group(0)), text)


def for_terminal(text: str, *, multiline: bool = False) -> str:
    """Text ready to put in a ``rich.text.Text`` (never parsed as markup).

    Callers build ``Text(for_terminal(s))``; ``Text`` does not interpret ``[...]``, so only
    the control characters need to go.
    """
    return clean(text, multiline=multiline)


# Escaped anywhere: characters that can start inline structure (code, emphasis,
# strikethrough, links and images, raw HTML and autolinks, table cells, headings, math)
# and the backslash itself; `_` except between two letters or digits (`new_eyes`), where
# it can neither open nor close emphasis. `&` only where it would start an entity; `:` only in `://`
# and `.` only after `www` (GFM's bare-URL autolinks); `@` always (e-mail autolinks).
_MD_INLINE = re.compile(
    r"[\\`*\[\]<>#|~$@]"
    r"|(?<![^\W_])_|_(?![^\W_])"
    r"|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)"
    r"|:(?=//)"
    r"|(?<=[wW]{3})\."
)
# At the start of a line: list markers (`-`, `+`, `1.`, `1)`) and setext underlines (`=`).
_MD_LINE_START = re.compile(r"^(?:[-+=]|[0-9]{1,9}(?=[.)]))")


def for_markdown(text: str) -> str:
    """Inline Markdown text that shows ``text`` literally, whatever it holds.

    Line breaks are folded into spaces, so no block can start mid-text, and surrounding
    whitespace is dropped (four leading spaces would open a code block). Only the
    characters that could mean something are backslash-escaped (CommonMark allows escaping
    any ASCII punctuation), so ordinary prose stays readable in the raw file.
    """
    cleaned = clean(text).strip()
    escaped = _md_escape_inline(cleaned)
    match = _MD_LINE_START.match(escaped)
    if match is None:
        return escaped
    end = match.end()
    if escaped[:end].isdigit():  # "1." / "1)": escape the punctuation after the number
        return escaped[:end] + "\\" + escaped[end:]
    return "\\" + escaped


def _md_escape_inline(text: str) -> str:
    return _MD_INLINE.sub(lambda m: "\\" + m.group(0), text)


# What a CommonMark autolink may not hold (ASCII controls, space, `<`, `>`), and `|`, which
# would end a GFM table cell even inside one: written percent-encoded, as a URI may be.
_AUTOLINK_UNSAFE = re.compile(r"[\x00-\x20<>|\x7f]")
_WEB_URL = re.compile(r"https?://[^/\s?#]+\S*", re.IGNORECASE)


def markdown_autolink(url: str) -> str | None:
    """``<url>``, a CommonMark autolink, for an ``http``/``https`` URL; ``None`` for any
    other text (a ``javascript:`` URL, a bare word), which is then no link at all. A
    space, ``<``, ``>``, ``|`` or control character in the URL is percent-encoded, so
    that it can neither end the link nor break the line or table around it (inside an
    autolink a backslash escapes nothing)."""
    cleaned = clean(url).strip()
    if not _WEB_URL.fullmatch(cleaned.replace(" ", "%20")):
        return None
    encoded = _AUTOLINK_UNSAFE.sub(
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), cleaned
    )
    return f"<{encoded}>"


def for_markdown_with_links(text: str, links: Iterable[str]) -> str:
    """:func:`for_markdown`, except that each of ``links`` that appears in ``text`` is
    written as an autolink (:func:`markdown_autolink`), so a reader can follow it.

    Only for URLs careercoach vouches for (its own data, such as the source of the
    education-pays table): an URL that a bank or an answer wrote stays escaped text."""
    escaped = for_markdown(text)
    for link in links:
        autolink = markdown_autolink(link)
        if autolink is not None:
            escaped = escaped.replace(_md_escape_inline(clean(link).strip()), autolink)
    return escaped


def for_html(text: str) -> str:
    """Text for an HTML or SVG element body, or a quoted attribute value."""
    import html

    return html.escape(clean(text), quote=True)
