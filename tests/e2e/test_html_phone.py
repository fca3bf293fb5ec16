"""The HTML plan on a phone (390 px wide) and on a desktop (1,000 px), in headless Chromium
driven by Playwright: nothing wider than the screen, tables that reflow without breaking a
word, chart labels a person can read, and no serious or critical axe-core violation.

Playwright drives Debian's chromium (``executable_path``); it never downloads a browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from careercoach.core.models import Commitment, OwnWords, Plan
from careercoach.ui.html_export import to_html

from .browser import CHROMIUM_FLAGS

pytestmark = pytest.mark.e2e

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
PHONE, DESKTOP = (390, 844), (1000, 1400)
SIZES = pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1000px"])
# 320 px: the narrowest width WCAG's reflow criterion asks to read without scrolling sideways.
SMALL_PHONE = (320, 568)
# A token with no place to break, as someone may paste into an answer or a bank may hold.
LONG_TOKEN = "https://example.invalid/" + "a-very-long-address-with-no-space-in-it" * 2
NEEDS = 15  # the sample's dimensions that are needs (the other 8 are events at work)
SECOND_NEED = 2  # the sample's dimensions: Boredom, A new boss (an event), Under-performing
FINDINGS = NEEDS + 1  # the new boss is a focus area, so a finding too (the other events are not)


def full_plan() -> Plan:
    """Everything a plan can show: the sample's 15 needs (charted with ``explain``; its
    events are facts, not charted), its short plan and more actions, ROI, verdict,
    strengths and explanations, plus commitments, own words, an answer-quality warning,
    and a long unbreakable token in a finding (the second need), an action and an
    answer."""
    plan = Plan.model_validate_json((PLANS / "sample.json").read_text(encoding="utf-8"))
    dimensions = list(plan.dimensions)
    long_label = f"{dimensions[SECOND_NEED].label} ({LONG_TOKEN})"
    dimensions[SECOND_NEED] = dimensions[SECOND_NEED].model_copy(update={"label": long_label})
    actions = list(plan.actions)
    actions[0] = actions[0].model_copy(update={"text": f"Read {LONG_TOKEN} this week."})
    return plan.model_copy(
        update={
            "dimensions": dimensions,
            "actions": actions,
            # a re-check command longer than a phone's line: it has to wrap
            "recheck_banks": ["promotion", "stuck", "education", "connections", "leader"],
            "warnings": [
                "You answered 'neutral' to 9 of 12 questions in stuck: its scores say less."
            ],
            "commitments": [
                Commitment(
                    number=1,
                    action_id=actions[1].id,
                    text=actions[1].text,
                    by="2026-12-04",
                    if_then="If she cancels, I ask again the next Monday.",
                ),
                Commitment(
                    number=2, action_id=actions[2].id, text=actions[2].text, by="2026-12-11"
                ),
            ],
            "own_words": [
                OwnWords(
                    bank="stuck",
                    question="why_now",
                    prompt="In your own words: why now?",
                    text="I have done the same release for six years and nobody asks me "
                    f"anything new. See {LONG_TOKEN}",
                    dimension="bored",
                ),
                OwnWords(
                    bank="education",
                    question="degree_goal",
                    prompt="What would the degree change?",
                    text="A seat at the table when the roadmap is made.",
                ),
            ],
        }
    )


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("html") / "plan.html"
    page.write_text(to_html(full_plan(), explain=True), encoding="utf-8")
    return page


def open_plan(browser: Browser, plan_file: Path, size: tuple[int, int]) -> Iterator[Page]:
    width, height = size
    # bypass_csp: the plan's Content-Security-Policy forbids every script, axe's too.
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(plan_file.as_uri())
    yield page
    context.close()
    assert requested == [plan_file.as_uri()]  # the page itself, nothing else


@pytest.fixture
def phone(browser: Browser, plan_file: Path) -> Iterator[Page]:
    yield from open_plan(browser, plan_file, PHONE)


@pytest.fixture
def sized(browser: Browser, plan_file: Path, size: tuple[int, int]) -> Iterator[Page]:
    yield from open_plan(browser, plan_file, size)


# Every element whose box reaches past the left or right edge of the viewport.
PAST_THE_EDGE = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.body.querySelectorAll('*')]
    .filter(e => { const r = e.getBoundingClientRect();
                   return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5); })
    .map(e => e.tagName.toLowerCase() + ' ' + (e.textContent || '').trim().slice(0, 40));
}"""

# [text, size on screen in px] of every piece of text in the chart; text inside an SVG is
# scaled with it, so its size is the font size times the SVG's scale.
CHART_TEXT_SIZES = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('.chart'),
                                           NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (!text) continue;
    const element = node.parentElement;
    let size = parseFloat(getComputedStyle(element).fontSize);
    if (element instanceof SVGGraphicsElement) {
      const m = element.getScreenCTM();
      size *= Math.min(Math.hypot(m.a, m.b), Math.hypot(m.c, m.d));
    }
    out.push([text, size]);
  }
  return out;
}"""

# The text of every element matched by the selector that is laid out on more than one line.
ON_MORE_THAN_ONE_LINE = """selector => {
  const out = [];
  for (const element of document.querySelectorAll(selector)) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    if (lines.size > 1) out.push(element.textContent.trim());
  }
  return out;
}"""


def one_word_cells(page: Page) -> str:
    """A selector for the table cells that hold one word without a hyphen (a hyphen is a
    fair place to break, so "Under-performing" may take two lines)."""
    page.evaluate(
        """() => document.querySelectorAll('th, td').forEach(cell => {
             const text = cell.textContent.trim();
             if (text && !/[\\s-]/.test(text)) cell.dataset.oneWord = '';
           })"""
    )
    return "[data-one-word]"


@pytest.mark.parametrize("size", [SMALL_PHONE, PHONE, DESKTOP], ids=["320px", "390px", "1000px"])
def test_nothing_is_wider_than_the_screen(sized: Page, size: tuple[int, int]) -> None:
    width = size[0]
    assert sized.evaluate("document.documentElement.scrollWidth") == width
    assert sized.evaluate(PAST_THE_EDGE) == []
    tables: list[list[Any]] = sized.evaluate(
        "[...document.querySelectorAll('table')].map(t => [t.closest('section').id,"
        " t.getBoundingClientRect().right <= t.parentElement.getBoundingClientRect().right])"
    )
    # the findings, one table per explanation, the ROI's summary and its what-ifs
    assert len(tables) == 1 + len(full_plan().explain) + 2 == 19
    assert [section for section, fits in tables if not fits] == []


# Every word of every table cell that the browser laid out over two lines: a word is a run
# without spaces, cut after a hyphen (a fair place to break, "Under-performing"); a run
# longer than 30 characters (an address) has to break somewhere and is left out.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('th, td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const token of node.textContent.matchAll(/\\S+/g)) {
        if (token[0].length > 30) continue;
        for (const word of token[0].matchAll(/[^-]+-?/g)) {
          const start = token.index + word.index;
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + word[0].length);
          const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                  .map(r => Math.round(r.top)));
          if (lines.size > 1) broken.push(word[0]);
        }
      }
    }
  }
  return broken;
}"""

# How each table is laid out: its CSS display, its number of columns, and the labels its
# first row's cells show.
TABLE_LAYOUT = """() => [...document.querySelectorAll('table')].map(t => [
  getComputedStyle(t).display,
  t.querySelectorAll('thead th').length,
  [...t.querySelectorAll('tbody tr:first-child td')].map(
    td => getComputedStyle(td, '::before').content)
])"""


def test_tables_reflow_on_a_phone_without_breaking_a_word(phone: Page) -> None:
    cells = one_word_cells(phone)
    # not an empty check: at least the level and the bank of each of the 15 needs
    assert phone.locator(cells).count() >= 2 * NEEDS
    assert phone.evaluate(ON_MORE_THAN_ONE_LINE, cells) == []
    assert phone.evaluate(BROKEN_WORDS) == []
    # The findings table reflows: each row a block whose cells are labelled.
    findings = phone.locator("#scores table")
    assert findings.locator("thead th").all_text_contents() == [
        "Finding",
        "Score (0-100)",
        "Level",
        "Bank",
    ]
    layout = phone.evaluate(TABLE_LAYOUT)
    assert layout[0] == ["block", 4, ['"Finding"', '"Score (0-100)"', '"Level"', '"Bank"']]
    # the ROI's summary, two columns, fits as a table
    assert [columns for display, columns, _ in layout if display == "table"] == [2]
    long_cell = findings.locator("tbody tr").nth(SECOND_NEED).locator("td").first
    box = long_cell.bounding_box()
    assert box is not None and box["height"] > 100  # many lines, not one wide one
    assert long_cell.inner_text() == full_plan().dimensions[SECOND_NEED].label


# Every word of a command the browser laid out over two lines.
SPLIT_COMMAND_WORDS = """() => [...document.querySelectorAll('code.command span')]
  .filter(span => new Set([...span.getClientRects()].filter(r => r.width > 0)
                          .map(r => Math.round(r.top))).size > 1)
  .map(span => span.textContent)"""


@SIZES
def test_a_command_breaks_only_between_its_words(sized: Page, size: tuple[int, int]) -> None:
    """The check-in's command broke as "--" / "bank" at 390 and 1,000 px."""
    command = sized.locator("#checkin code.command").first
    assert command.inner_text() == (
        "careercoach assess --bank stuck --bank education --bank promotion "
        "--bank connections --bank leader"
    )
    assert sized.locator("code.command span").count() > 12
    assert sized.evaluate(SPLIT_COMMAND_WORDS) == []
    box = command.bounding_box()
    if size == PHONE:  # not an empty check: it does wrap, between words
        assert box is not None and box["height"] > 30


def answers_for(banks: list[Any]) -> dict[str, dict[str, Any]]:
    """An answer to every question each bank asks, leaning towards a need (agree, the
    first option that does not end the bank, every option of a list), so that every area
    shows: a six-bank plan with the longest labels there are."""
    from careercoach.core.conditions import is_asked
    from careercoach.core.models import (
        LikertQuestion,
        MultiQuestion,
        NumberQuestion,
        SingleQuestion,
    )

    answers: dict[str, dict[str, Any]] = {}
    for bank in banks:
        given: dict[str, Any] = {}
        ends = set(bank.audience.not_for) if bank.audience else set()
        for question in bank.questions:
            if not is_asked(question, given, bank):
                continue
            if isinstance(question, LikertQuestion):
                given[question.id] = 4
            elif isinstance(question, SingleQuestion):
                given[question.id] = next(o.id for o in question.options if o.id not in ends)
            elif isinstance(question, MultiQuestion):
                given[question.id] = [o.id for o in question.options]
            elif isinstance(question, NumberQuestion):
                low, high = question.min or 0, question.max or 100_000
                given[question.id] = int(low + (high - low) / 8)
        answers[bank.id] = given
    return answers


@pytest.fixture(scope="module")
def six_bank_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML of ``plan --export html --explain`` after all six built-in banks."""
    from datetime import UTC, datetime

    from careercoach.core.planning import build_plan
    from careercoach.core.scoring import score_banks
    from careercoach.storage.banks import load_banks

    banks = [entry.bank for entry in load_banks()]
    assert len(banks) == 6
    plan = build_plan(
        score_banks(banks, answers_for(banks)),
        assessment_id=1,
        finished_at=datetime(2026, 11, 22, 10, 4, tzinfo=UTC),
        tool_version="0.1.0",
        tz=UTC,
    )
    page = tmp_path_factory.mktemp("html") / "six.html"
    page.write_text(to_html(plan, explain=True), encoding="utf-8")
    return page


@SIZES
def test_a_six_bank_plan_breaks_no_word_and_is_a_table_on_a_desktop(
    browser: Browser, six_bank_file: Path, size: tuple[int, int]
) -> None:
    """At 390 px its findings table kept four columns and cut words ("Promisin|g people
    kept from leadershi|p and customer|s", "workplac|e", "mentorin|g")."""
    for page in open_plan(browser, six_bank_file, size):
        assert page.evaluate("document.documentElement.scrollWidth") == size[0]
        assert page.evaluate(PAST_THE_EDGE) == []
        words = page.evaluate(
            "[...document.querySelectorAll('td')].map(td => td.textContent).join(' ')"
        )
        assert len(words.split()) > 1000  # every need explained: not an empty check
        assert page.evaluate(BROKEN_WORDS) == []
        layout = page.evaluate(TABLE_LAYOUT)
        assert len(layout) > 20  # the findings and an explanation per need
        if size == PHONE:  # stacked, each cell labelled with its column's heading
            assert {(display, columns) for display, columns, _ in layout} == {("block", 4)}
            assert {label for _, _, labels in layout for label in labels} > {'"Finding"'}
        else:
            assert {display for display, _, _ in layout} == {"table"}
            assert {label for _, _, labels in layout for label in labels} == {"none"}
        assert Axe().run(page).response["violations"] == []


@SIZES
def test_chart_labels_are_at_least_12px_and_whole(sized: Page) -> None:
    sizes: list[list[Any]] = sized.evaluate(CHART_TEXT_SIZES)
    texts = [text for text, _ in sizes]
    plan = full_plan()
    first, boss, second = plan.dimensions[0], plan.dimensions[1], plan.dimensions[SECOND_NEED]
    assert not first.event and boss.event and not second.event
    assert texts[:5] == [
        first.label,
        f"{first.score} {first.level}",
        boss.label,
        f"{boss.score} {boss.level}",
        second.label,
    ]
    assert second.label.endswith(f" ({LONG_TOKEN})")  # the long one, wrapped
    assert texts[-5:] == ["0", "25", "50", "75", "100"]
    assert len(texts) == FINDINGS * 2 + 5  # a label and a score per finding, five ticks
    assert {size for _, size in sizes} == {14.0}
    # Scores and ticks keep to one line ("100", not "1", "0", "0" stacked).
    assert sized.evaluate(ON_MORE_THAN_ONE_LINE, ".chart-score, .chart-ticks span") == []
    # No label is cut: each one's box holds all its text.
    assert (
        sized.evaluate(
            "[...document.querySelectorAll('.chart-label')]"
            ".filter(e => e.scrollWidth > e.clientWidth).length"
        )
        == 0
    )


@SIZES
def test_axe_finds_no_serious_or_critical_violation(sized: Page) -> None:
    results = Axe().run(sized)
    violations: list[dict[str, Any]] = results.response["violations"]
    serious = [
        (v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    # axe did look: at the colours, the checkboxes' labels, the chart's name, the language.
    passed = {rule["id"] for rule in results.response["passes"]}
    assert {"color-contrast", "label", "role-img-alt", "html-has-lang"} <= passed
