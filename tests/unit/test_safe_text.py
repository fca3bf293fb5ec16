"""safe_text: data text is shown literally, never as markup, escapes or file structure."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.text import Text

from careercoach.safe_text import clean, for_html, for_markdown, for_terminal
from careercoach.ui.console import make_console

NASTY = [
    "# heading",
    "| a | b |",
    "[link](javascript:x)",
    "<img src=x onerror=alert(1)>",
    "![](http://x)",
    "[bold red]x[/]",
    "[/]",
    "\x1b]0;title\x07",
    "\x1b[2J",
    "\x9b31m",
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "http://example.com www.example.com a@b.example",
    "&amp; &#65; &copy;",
    "**bold** _em_ `code` ~~strike~~ $x$",
    "1. one",
    "- item",
    "    indented",
    "> quote",
    "line one\nline two\r\n===",
    "a\\",
]

# -- an oracle written independently of safe_text's regular expressions --------------

EXPLICIT_BIDI = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
# Invisible characters safe_text also removes: bidi marks, zero-width space, word joiner
# and invisible operators, BOM, interlinear annotation.
INVISIBLE = {"\u061c", "\u200b", "\u200e", "\u200f", "\ufeff", "\ufff9", "\ufffa", "\ufffb"}
INVISIBLE |= {chr(c) for c in range(0x2060, 0x2065)}


def expected_visible(text: str) -> str:
    out = []
    text = text.replace("\r\n", "\n")
    for ch in text:
        if ch in "\r\u2028\u2029":
            out.append("\n")
        elif unicodedata.category(ch) == "Cs":
            out.append("\ufffd")
        elif ch in "\t\n":
            out.append(ch)
        elif (
            unicodedata.category(ch) == "Cc"
            or unicodedata.bidirectional(ch) in EXPLICIT_BIDI
            or ch in INVISIBLE
        ):
            continue
        else:
            out.append(ch)
    return re.sub("[\t\n]+", " ", "".join(out))


ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=200)
MIXED = st.lists(
    st.one_of(st.characters(exclude_categories=()), st.sampled_from(NASTY)), max_size=20
).map("".join)


@given(st.one_of(ANY_TEXT, MIXED))
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_terminal_output_is_the_input_without_controls(text: str) -> None:
    buffer = io.StringIO()
    console = make_console(file=buffer, width=80, color_system=None)
    console.print(Text(for_terminal(text)), soft_wrap=True)
    assert buffer.getvalue() == expected_visible(text) + "\n"


@given(st.one_of(ANY_TEXT, MIXED), st.integers(min_value=1, max_value=120))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_rich_never_raises_and_sends_no_escape_from_data(text: str, width: int) -> None:
    buffer = io.StringIO()
    console = make_console(file=buffer, width=width, color_system="truecolor")
    console.print(Text(for_terminal(text, multiline=True), style="bold"))
    console.print(for_terminal(text))  # even a plain string: the console parses no markup
    out = re.sub(r"\x1b\[[0-9;]*m", "", buffer.getvalue())  # Rich's own styles
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)


def test_markup_is_shown_literally() -> None:
    buffer = io.StringIO()
    console = make_console(file=buffer, width=80, color_system="truecolor")
    console.print(Text(for_terminal("[bold red]x[/] and [/] and :smile:")))
    out = re.sub(r"\x1b\[[0-9;]*m", "", buffer.getvalue())
    assert out == "[bold red]x[/] and [/] and :smile:\n"


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("\x1b]0;title\x07", "]0;title"),
        ("\x1b[2Jclear", "[2Jclear"),
        ("\x9b31mred", "31mred"),
        ("a\u202eb\u202cc", "abc"),
        ("tab\there", "tab here"),
        ("two\n\nlines", "two lines"),
        ("cr\rlf\r\nend", "cr lf end"),
        ("sep\u2028arated", "sep arated"),
        ("\ud800lone", "\ufffdlone"),
        (
            "ZWJ 👩\u200d💻 and ZWNJ می\u200cخواهم stay",
            "ZWJ 👩\u200d💻 and ZWNJ می\u200cخواهم stay",
        ),
    ],
)
def test_clean(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


def test_clean_multiline_keeps_line_breaks() -> None:
    assert clean("one\r\ntwo\tthree\x1b", multiline=True) == "one\ntwo three"


# -- Markdown -------------------------------------------------------------------------

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
STRUCTURE = {
    "heading_open",
    "link_open",
    "image",
    "html_inline",
    "html_block",
    "code_inline",
    "code_block",
    "fence",
    "table_open",
    "blockquote_open",
    "bullet_list_open",
    "ordered_list_open",
    "em_open",
    "strong_open",
    "s_open",
    "hr",
    "hardbreak",
    "softbreak",
}


def _tokens(source: str) -> tuple[set[str], str]:
    """Every token type, and the visible text of the inline content."""
    types: set[str] = set()
    visible: list[str] = []

    def walk(tokens: list) -> None:  # type: ignore[type-arg]
        for token in tokens:
            types.add(token.type)
            if token.children:
                walk(token.children)
            elif token.type == "text":
                visible.append(token.content)

    walk(MD.parse(source))
    return types, "".join(visible)


@given(st.one_of(ANY_TEXT, MIXED))
@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
def test_markdown_shows_text_literally_and_opens_nothing(text: str) -> None:
    escaped = for_markdown(text)
    assert "\n" not in escaped
    for source, prefix in ((escaped, ""), ("Say " + escaped, "Say ")):
        types, visible = _tokens(source)
        assert not types & STRUCTURE, (text, escaped, types & STRUCTURE)
        assert visible == (prefix + clean(text).strip()).strip()


@given(MIXED)
@settings(max_examples=200)
def test_markdown_table_cell_and_task_item_stay_one(text: str) -> None:
    escaped = for_markdown(text)
    tokens = MD.parse(f"| a | b |\n| --- | --- |\n| {escaped} | end |\n")
    cells = [t.content for t in tokens if t.type == "inline"]
    assert len(cells) == 4
    assert cells[-1] == "end"
    tokens = MD.parse(f"- [ ] {escaped}\n- [ ] next\n")
    items = [t.content for t in tokens if t.type == "inline"]
    assert len(items) == 2
    assert items[1] == "[ ] next"


def test_markdown_keeps_prose_readable() -> None:
    prose = "Don't panic: it's 3.5 years (not 4), ok? Take new_eyes again!"
    assert for_markdown(prose) == prose


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("12. twelve", r"12\. twelve"),
        ("a | b", r"a \| b"),
        ("[x](javascript:y)", r"\[x\](javascript:y)"),
        ("<img onerror=x>", r"\<img onerror=x\>"),
        ("see http://x and www.y.z", r"see http\://x and www\.y.z"),
        ("mail a@b.c", r"mail a\@b.c"),
        ("R&D &amp;", r"R&D \&amp;"),
        ("$5 and $6", r"\$5 and \$6"),
        ("_em_ snake_case", r"\_em\_ snake_case"),
        ("   padded  ", "padded"),
    ],
)
def test_markdown_escapes(raw: str, escaped: str) -> None:
    assert for_markdown(raw) == escaped


def test_html_escapes_and_cleans() -> None:
    assert for_html("<img src=\"x\" onerror='y'>&\x1b[2J") == (
        "&lt;img src=&quot;x&quot; onerror=&#x27;y&#x27;&gt;&amp;[2J"
    )
