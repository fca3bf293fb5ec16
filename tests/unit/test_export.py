"""Exports: Markdown (snapshot, parsed), HTML (static checks), JSON, and the atomic writer."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from syrupy.assertion import SnapshotAssertion

from careercoach.core.dates import span_text
from careercoach.core.models import Plan
from careercoach.core.planning import build_plan
from careercoach.core.scoring import score_banks
from careercoach.errors import EXIT_BAD_INPUT, BadInput
from careercoach.storage.banks import load_banks
from careercoach.ui.export import check_format, default_filename, export_text
from careercoach.ui.html_export import to_html
from careercoach.ui.json_export import to_json
from careercoach.ui.markdown_export import to_markdown
from careercoach.ui.plan_wording import since_previous, thin_answers_text

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "fixtures" / "plans"
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])

PLAN_HEADINGS = [
    "Your career action plan",
    "Focus first",
    "Actions",
    "This week",
    "This month",
    "This quarter",
    "Strengths to build on",
    "Where you stand",
    "Does the degree pay?",
    "Which way the evidence points",
    "Next check-in",
]


pytestmark = pytest.mark.usefixtures("utc")


def test_builtin_banks_plan_snapshot(md_snapshot: SnapshotAssertion) -> None:
    """The one snapshot made of the built-in banks (tests/fixtures/plans/answers.yaml,
    fixed dates): editing a built-in bank's wording changes this one, and no other."""
    answers = yaml.safe_load((PLANS / "answers.yaml").read_text(encoding="utf-8"))
    banks = {loaded.bank.id: loaded.bank for loaded in load_banks()}
    plan = build_plan(
        score_banks([banks[bank_id] for bank_id in answers], answers),
        assessment_id=3,
        finished_at=datetime(2026, 11, 22, 10, 4, tzinfo=UTC),
        tool_version="0.1.0",
        tz=UTC,
    ).model_copy(update={"previous_finished_at": "2026-08-20T18:30:00+00:00"})
    assert to_markdown(plan) == md_snapshot


# -- Markdown -------------------------------------------------------------------------


def walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from walk(token.children)


def headings(tokens: list[Token]) -> list[str]:
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def task_items(tokens: list[Token]) -> list[str]:
    """Inline contents of list items that are GFM task items (``[ ]`` or ``[x]``)."""
    found = []
    for i, token in enumerate(tokens):
        if token.type == "list_item_open":
            inline = next(t for t in tokens[i:] if t.type == "inline")
            if inline.content.startswith(("[ ] ", "[x] ")):
                found.append(inline.content)
    return found


def test_markdown_snapshot(coach: Plan, md_snapshot: SnapshotAssertion) -> None:
    assert to_markdown(coach) == md_snapshot


def test_html_snapshot(coach: Plan, html_snapshot: SnapshotAssertion) -> None:
    assert to_html(coach) == html_snapshot


def test_markdown_structure(coach: Plan) -> None:
    tokens = MD.parse(to_markdown(coach))
    assert headings(tokens) == [
        "Your career action plan",
        "Your commitments",
        "In your words",
        "Focus first",
        "Actions",
        "This week",
        "This month",
        "This quarter",
        "Strengths to build on",
        "Where you stand",
        "Does the degree pay?",
        "Which way the evidence points",
        "Next check-in",
    ]
    items = task_items(tokens)  # the short plan: the more that applies is for plan --all
    assert len(items) == len(coach.actions) == 6
    assert items[:3] == [
        "[ ] **1.** Write down the last three moves you wanted, and why each did not happen. "
        "*(Standing still; also Boredom)*",
        "[ ] **2.** Within the new boss's first month, ask what they most want to achieve this "
        "year. *(A new boss)*",
        "[x] **3.** For one week, note each day the time spent on things that are not your job. "
        "*(Boredom)*",
    ]
    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) == 3  # findings, ROI summary, what-if
    inline = [t.content for t in tokens if t.type == "inline"]
    assert (
        "**1.** Write down the last three moves you wanted, and why each did not happen.\\\n"
        "By Friday 11 December 2026. If the week fills up, then I write them on Thursday at four."
    ) in inline
    assert (
        "**4.** Ask someone two levels up what they would need to see from you.\\\n"
        "By Friday 15 January 2027."
    ) in inline
    assert "\u201cOwning something from start to finish again.\u201d" in inline
    assert "*What would make work worth it again?*" in inline  # no bank id as a word
    assert "Net present value" in inline and "+207,900" in inline
    assert "**Monday 4 January 2027 (4 weeks after this assessment).**" in inline


def test_markdown_of_a_plan_without_commitments_or_own_words(sample: Plan) -> None:
    tokens = MD.parse(to_markdown(sample))
    assert headings(tokens) == PLAN_HEADINGS
    assert len(task_items(tokens)) == len(sample.actions) == 6
    assert task_items(tokens)[0] == (
        "[ ] **1.** For one week, note each day how much of your time goes to things "
        "outside your job. It shows how much room you have for the new work the rest of "
        "this plan asks for. *(Boredom)*"
    )


def test_markdown_explain_adds_a_table_per_dimension(sample: Plan) -> None:
    tokens = MD.parse(to_markdown(sample, explain=True))
    assert "How each score was made" in headings(tokens)
    assert "Boredom (75)" in headings(tokens)
    assert sum(1 for t in tokens if t.type == "table_open") == 3 + len(sample.explain)
    inline = [t.content for t in tokens if t.type == "inline"]
    assert "Some part of my job still challenges me every week. *(reverse-scored)*" in inline


def test_markdown_injection_builds_nothing_from_data(injection: Plan) -> None:
    text = to_markdown(injection, explain=True)
    tokens = MD.parse(text)
    assert headings(tokens) == [
        "Your career action plan",
        "Your commitments",
        "In your words",
        "Focus first",
        "Actions",
        "This week",
        "This month",
        "This quarter",
        "Strengths to build on",
        "Where you stand",
        "How each score was made",
        r"Alpha \# heading \| cell \[link\](javascript:x) \<img src=x onerror=alert(1)\> "
        r"!\[\](http\://x) \[bold red\]x\[/\] \[/\] \]0;title \[2J 31m evil (80)",
        "Does the degree pay?",
        "Which way the evidence points",
        "Answer quality",
        "Next check-in",
    ]
    types = {t.type for t in walk(tokens)}
    assert not types & {"link_open", "image", "html_inline", "html_block", "code_inline", "fence"}
    assert len(task_items(tokens)) == len(injection.actions) == 3
    assert sum(1 for t in tokens if t.type == "table_open") == 4
    # every findings row still has its four cells
    assert sum(1 for t in tokens if t.type == "td_open") == 3 * 4 + 2 * 4 + 6 * 2 + 6 * 4
    # and the text reads as it was written, minus the control characters
    visible = "".join(t.content for t in walk(tokens) if t.type == "text")
    assert "Fake task # heading | cell [link](javascript:x) <img src=x onerror=alert(1)>" in visible
    assert "![](http://x) [bold red]x[/] [/] ]0;title [2J 31m evil" in visible
    # a written answer over several lines is one quoted paragraph, whatever it holds
    assert sum(1 for t in tokens if t.type == "blockquote_open") == 1
    assert "evil > not a quote # not a heading </blockquote>\u201d" in visible
    for raw in ("http://", "www.", "\x1b", "\x9b", "\u202e"):
        assert raw not in text
    assert not re.search(r"(?<!\\)<", text)  # every < from data is escaped


# -- HTML -----------------------------------------------------------------------------


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "section", "footer",
    "h1", "h2", "h3", "p", "ol", "ul", "li", "strong", "em", "span", "label", "input",
    "figure", "figcaption", "div", "svg", "rect", "line", "table", "thead", "tbody",
    "tr", "th", "td", "blockquote", "br", "code",
}  # fmt: skip


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


ALLOWED_ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "class", "id", "viewbox",
    "preserveaspectratio", "role", "aria-label", "x1", "y1", "x2", "y2", "width", "height",
    "type", "checked", "hidden", "data-label",
}  # fmt: skip


def assert_self_contained(html: str) -> None:
    """No attribute that can load anything, no URL in the CSS, no script or link."""
    parsed = elements(html)
    assert set(parsed.tags) <= ALLOWED_TAGS
    assert {name for name, _ in parsed.attrs} <= ALLOWED_ATTRIBUTES
    assert not [value for _, value in parsed.attrs if value and "//" in value]
    css = html[html.index("<style>") : html.index("</style>")]
    assert "url(" not in css and "@import" not in css and "//" not in css
    lowered = html.lower()
    for tag in ("<script", "<link", "<img", "<iframe", "<object", "<embed", "<base"):
        assert tag not in lowered
    assert "default-src 'none'" in html


def test_html_is_self_contained_and_complete(sample: Plan) -> None:
    html = to_html(sample)
    assert_self_contained(html)
    parsed = elements(html)
    assert set(parsed.tags) <= ALLOWED_TAGS
    assert parsed.tags.count("input") == len(sample.actions)
    # the chart: a row per need shown (moderate and high), its label and score as text,
    # its bar a small SVG
    assert (
        parsed.tags.count("svg") == html.count('<rect class="bar-') == 6
    )  # five needs and the new boss in focus
    assert (
        '<div class="chart-row"><span class="chart-label">Boredom</span>'
        '<svg class="chart-bar" viewBox="0 0 100 16" preserveAspectRatio="none">'
    ) in html
    assert (
        '<rect class="bar-high" width="75" height="16"></rect></svg>'
        '<span class="chart-score">75 high</span></div>'
    ) in html
    assert "@media print" in html
    assert "<title>Career action plan, 2026-11-22</title>" in html
    assert (
        '<td data-label="Finding">Boredom</td><td class="num" data-label="Score (0-100)">75</td>'
        in html
    )
    assert "+134,484" in html
    assert "<th></th>" not in html  # every column is named, for a screen reader too
    assert (
        '<p class="checkin">Tuesday 22 December 2026 (4 weeks after this assessment).</p>' in html
    )


def test_html_injection_is_text(injection: Plan) -> None:
    html = to_html(injection, explain=True)
    assert_self_contained(html)
    parsed = elements(html)
    assert set(parsed.tags) <= ALLOWED_TAGS
    assert "img" not in parsed.tags
    assert not [name for name, _ in parsed.attrs if name.startswith("on")]
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert parsed.tags.count("blockquote") == 1  # the written answer's </blockquote> is text
    for raw in ("\x1b", "\x9b", "\x07", "\u202e"):
        assert raw not in html


# -- JSON -----------------------------------------------------------------------------


def test_json_is_the_model_dump_in_spec_order(sample: Plan) -> None:
    text = to_json(sample)
    data = json.loads(text)
    assert data == sample.model_dump(mode="json")
    assert list(data)[:6] == [
        "assessment_id", "finished_at", "tool_version", "dimensions", "actions", "roi",
    ]  # fmt: skip
    assert list(data["dimensions"][0]) == [
        "bank", "id", "label", "score", "level", "event", "topic", "evidence",
    ]  # fmt: skip
    assert list(data["actions"][0])[:5] == ["bank", "dimension", "id", "text", "horizon"]
    assert list(data["roi"]) == [
        "npv", "payback_years", "irr", "break_even_salary", "benchmark", "cash_flows", "inputs",
    ]  # fmt: skip
    assert text.startswith('{\n  "assessment_id": 3,\n  "finished_at": "2026-11-22T10:04:00+00:00"')
    assert text.endswith("}\n")
    assert Plan.model_validate_json(text) == sample


def test_json_escapes_what_a_terminal_would_act_on(injection: Plan) -> None:
    text = to_json(injection)
    for raw in ("\x1b", "\x07", "\x9b", "\u202e", "\u202c"):
        assert raw not in text
    assert "\\u001b]0;title\\u0007" in text
    assert "\\u009b31m" in text
    assert Plan.model_validate_json(text) == injection


def test_export_by_name(sample: Plan) -> None:
    assert export_text(sample, "MD") == to_markdown(sample)
    assert export_text(sample, "json") == to_json(sample)
    assert export_text(sample, "html", explain=True) == to_html(sample, explain=True)


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(BadInput) as caught:
        check_format("pdf")
    assert caught.value.exit_code == EXIT_BAD_INPUT
    assert str(caught.value) == "--export: unknown format 'pdf'; use one of md, json, html, ics"


# -- names and dates ------------------------------------------------------------------


def test_default_filename_is_the_local_finishing_date(
    sample: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert default_filename(sample, "md") == "careercoach-plan-2026-11-22.md"
    late = sample.model_copy(update={"finished_at": "2026-11-22T23:30:00+00:00"})
    assert default_filename(late, "html") == "careercoach-plan-2026-11-22.html"
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    assert default_filename(late, "json") == "careercoach-plan-2026-11-23.json"


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (1, "1 day"),
        (13, "13 days"),
        (14, "2 weeks"),
        (60, "9 weeks"),
        (61, "2 months"),
        (94, "3 months"),
        (365, "12 months"),
        (800, "2 years and 2 months"),
    ],
)
def test_span_text(days: int, text: str) -> None:
    assert span_text(days) == text


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        (None, None),
        ("2026-11-22T08:00:00+00:00", "the same day as the one before"),
        ("2026-11-21T08:00:00+00:00", "1 day after the one before"),
        ("2026-11-12T08:00:00+00:00", "10 days after the one before"),
        ("2026-08-20T18:30:00+00:00", "3 months after the one before"),
        ("2026-11-23T08:00:00+00:00", None),  # a clock that was wrong: nothing to say
    ],
)
def test_since_previous(sample: Plan, previous: str | None, text: str | None) -> None:
    assert since_previous(sample.model_copy(update={"previous_finished_at": previous})) == text


THEN = "Then answer again with the banks worth taking now"


@pytest.mark.parametrize(
    ("recheck", "then"),
    [
        ([], ["Run careercoach assess again then, or sooner if something changes at work."]),
        (["stuck"], [f"{THEN}:", "careercoach assess --bank stuck"]),
        # the plan does not know the banks taken before: not "new to you", and "some of
        # them" only when some are in this assessment (a coach's fourth reading)
        (["promotion"], [f"{THEN}:", "careercoach assess --bank promotion"]),
        (
            ["stuck", "promotion", "new_eyes", "leader"],
            [
                f"{THEN}, some of them not in this assessment:",
                "careercoach assess --bank stuck --bank new_eyes --bank promotion --bank leader",
            ],
        ),
    ],
)
def test_checkin_says_what_to_take_once_with_the_exact_command(
    sample: Plan, recheck: list[str], then: list[str]
) -> None:
    """A coach's reading: "Then take stuck again, and add connections: careercoach
    assess." used bank ids as words and gave a command that does not take them."""
    from careercoach.ui.plan_wording import checkin_lines

    plan = sample.model_copy(update={"banks": ["stuck", "new_eyes"], "recheck_banks": recheck})
    reason = "Sooner than the usual 3 months, since something changed at work: a new boss. "
    assert checkin_lines(plan) == [
        "Tuesday 22 December 2026 (4 weeks after this assessment).",
        reason + then[0],
        *then[1:],
    ]
    calm = plan.model_copy(update={"checkin_reason": None})
    assert checkin_lines(calm)[1:] == then


def test_reported_events_are_one_line_of_facts_and_quiet_ones_are_not_named() -> None:
    banks = {loaded.bank.id: loaded.bank for loaded in load_banks()}
    answers = {
        "new_eyes": {
            "recent_triggers": ["new_boss", "cost_cutting"],
            "boss_goals_unknown": 4,
            "boss_sees_problem": 3,
            "sv_notice_less": 2,
            "sv_who_rising": 4,
            "sv_hear_late": 2,
            "sv_recent_surprise": 3,
        }
    }
    plan = build_plan(
        score_banks([banks["new_eyes"]], answers),
        assessment_id=1,
        finished_at=datetime(2026, 11, 22, 10, 4, tzinfo=UTC),
        tool_version="0.1.0",
        tz=UTC,
    )
    assert len(plan.dimensions) == 9  # the JSON keeps every scored dimension
    assert [d.id for d in plan.dimensions if d.event and d.score > 0] == [
        "cost_cutting",
        "new_boss",
    ]
    markdown = to_markdown(plan)
    stand = markdown.split("## Where you stand", 1)[1].split("\n## ", 1)[0]
    # both events are focus areas, so both are findings (a second coach's reading: a
    # focus area missing from "Where you stand"), and not named again as reported
    assert "| Cost cutting | 100 | high | new_eyes |\n| A new boss | 63 | moderate |" in stand
    assert "Reported at work" not in stand
    for quiet in ("A new executive", "Someone was fired", "Not reported"):
        assert quiet not in markdown
    html = to_html(plan)
    assert "Reported at work" not in html
    assert "A new executive" not in html
    calm = plan.model_copy(update={"focus": plan.focus[:1]})  # the boss not in focus
    assert "\nAlso reported at work: a new boss.\n" in to_markdown(calm)
    assert "<p>Also reported at work: a new boss.</p>" in to_html(calm)


def test_markdown_shows_needs_at_moderate_and_high_and_counts_the_rest(sample: Plan) -> None:
    markdown = to_markdown(sample)
    stand = markdown.split("## Where you stand\n\n", 1)[1].split("\n## ", 1)[0]
    assert stand == (
        "| Finding | Score (0-100) | Level | Bank |\n"
        "| --- | ---: | --- | --- |\n"
        "| Boredom | 75 | high | stuck |\n"
        "| A new boss | 63 | moderate | new_eyes |\n"
        "| Under-performing | 50 | moderate | stuck |\n"
        "| A qualification your company expects | 50 | moderate | education |\n"
        "| A degree the level you want expects | 50 | moderate | education |\n"
        "| Seeing your workplace on autopilot | 38 | moderate | new_eyes |\n"
        "\n"
        "Higher scores need more attention.\n"
        "\n"
        "Not in this plan's focus yet: A qualification your company expects, A degree the "
        "level you want expects and Seeing your workplace on autopilot.\n"
        "\n"
        "10 other areas scored low.\n"
    )
    every = to_markdown(sample, explain=True).split("## Where you stand", 1)[1]
    assert "| Formal learning does not suit you | 0 | low | education |" in every
    assert "other areas scored low" not in every


def test_html_shows_needs_at_moderate_and_high_and_counts_the_rest(sample: Plan) -> None:
    html = to_html(sample)
    stand = html.split('<section id="scores">', 1)[1].split("</section>", 1)[0]
    assert stand.count('<rect class="bar-') == stand.count("<tr>") - 1 == 6
    assert "<p>10 other areas scored low.</p>" in stand
    assert "Formal learning" not in stand
    assert "Formal learning" in to_html(sample, explain=True)


THIN = "All 75 of your agree/disagree answers were neutral (3): nothing to go on."


def thin_plan(sample: Plan) -> Plan:
    return sample.model_copy(
        update={
            "dimensions": [d.model_copy(update={"level": "low"}) for d in sample.dimensions],
            "focus": [],
            "actions": [],
            "more_actions": [],
            "strengths": [],
            "verdicts": [],
            "roi": None,
            "warnings": [THIN],
        }
    )


def test_all_neutral_markdown_leads_with_the_warning(sample: Plan) -> None:
    markdown = to_markdown(thin_plan(sample))
    assert headings(MD.parse(markdown)) == [
        "Your career action plan",
        "Your answers do not tell me enough yet",
        "Next check-in",
    ]
    assert f"## Your answers do not tell me enough yet\n\n{THIN}\n" in markdown
    assert (
        "## Next check-in\n\n"
        "**Now: answer again with careercoach assess; that plan sets the next date.**\n"
    ) in markdown
    for clean_bill in ("Nothing needs action", "scored low", "Where you stand", "| "):
        assert clean_bill not in markdown


def test_all_neutral_html_leads_with_the_warning(sample: Plan) -> None:
    html = to_html(thin_plan(sample))
    assert [h2.split("</h2>")[0] for h2 in html.split("<h2>")[1:]] == [
        "Your answers do not tell me enough yet",
        "Next check-in",
    ]
    assert f'<p class="warning">{THIN}</p>' in html
    assert "Nothing needs action" not in html and "<svg" not in html


def test_a_warning_beside_real_needs_stays_at_the_end(sample: Plan) -> None:
    warned = sample.model_copy(update={"warnings": [THIN]})
    titles = headings(MD.parse(to_markdown(warned)))
    assert "Your answers do not tell me enough yet" not in titles
    assert titles[-2:] == ["Answer quality", "Next check-in"]


# -- iCalendar ------------------------------------------------------------------------


def test_ics_has_the_checkin_with_a_reminder_and_each_commitment_as_a_todo(sample: Plan) -> None:
    from datetime import date, timedelta

    import icalendar

    from careercoach.core.models import Commitment

    committed = sample.model_copy(
        update={
            "commitments": [
                Commitment(
                    number=1,
                    action_id="stuck.bore_time_log",
                    text="Note, each day; how much time\\ you spend",
                    by="2031-01-10",
                    if_then="If the week fills up, then Thursday at four.",
                ),
                Commitment(
                    number=4, action_id="stuck.x", text="Done one", by="2031-02-01", done=True
                ),
            ]
        }
    )
    text = export_text(committed, "ics")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    calendar = icalendar.Calendar.from_ical(text)
    [event] = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == date(2026, 12, 22)
    assert event.decoded("dtend") == date(2026, 12, 23)
    assert str(event["summary"]) == "Career check-in (careercoach)"
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(hours=15)  # 09:00 the day before
    assert str(alarm["action"]) == "DISPLAY"
    todos = calendar.walk("VTODO")
    assert [str(t["summary"]) for t in todos] == [
        "1. Note, each day; how much time\\ you spend",
        "4. Done one",
    ]
    assert [t.decoded("due") for t in todos] == [date(2031, 1, 10), date(2031, 2, 1)]
    assert [str(t["status"]) for t in todos] == ["NEEDS-ACTION", "COMPLETED"]
    assert str(todos[0]["description"]) == "If the week fills up, then Thursday at four."
    assert len({str(c["uid"]) for c in [event, *todos]}) == 3


def test_ics_text_cannot_break_out_of_its_field(injection: Plan) -> None:
    import icalendar

    from careercoach.core.models import Commitment

    hostile = "x\r\nEND:VTODO\r\nBEGIN:VEVENT\r\nSUMMARY:owned\x1b]0;t\x07"
    plan = injection.model_copy(
        update={
            "commitments": [
                Commitment(number=1, action_id="a", text=hostile, by="2031-01-10", if_then=hostile)
            ]
        }
    )
    calendar = icalendar.Calendar.from_ical(export_text(plan, "ics"))
    assert len(calendar.walk("VEVENT")) == (1 if plan.next_checkin else 0)
    [todo] = calendar.walk("VTODO")
    assert str(todo["summary"]) == "1. x END:VTODO BEGIN:VEVENT SUMMARY:owned]0;t"
    assert "\x1b" not in export_text(plan, "ics")


@given(st.text(min_size=1, max_size=80), st.text(max_size=80))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_written_answer_and_if_then_stay_text_in_every_export(text: str, if_then: str) -> None:
    """Whatever a person typed, it is one quote and one commitment in Markdown, HTML and
    the calendar: no element, link, heading or calendar line of its own."""
    import icalendar

    from careercoach.core.models import Commitment, OwnWords

    plan = Plan.model_validate_json((PLANS / "injection.json").read_text(encoding="utf-8"))
    plan = plan.model_copy(
        update={
            "own_words": [OwnWords(bank="b", question="q", prompt="Why?", text=text)],
            "commitments": [
                Commitment(
                    number=1, action_id="b.a", text=text, by="2031-01-10", if_then=if_then or None
                )
            ],
        }
    )
    tokens = MD.parse(to_markdown(plan))
    types = {t.type for t in walk(tokens)}
    assert not types & {"link_open", "image", "html_inline", "html_block", "code_inline", "fence"}
    assert sum(1 for t in tokens if t.type == "blockquote_open") == 1
    assert headings(tokens)[:3] == ["Your career action plan", "Your commitments", "In your words"]
    parsed = elements(to_html(plan))
    assert parsed.tags.count("blockquote") == 1
    assert set(parsed.tags) <= ALLOWED_TAGS
    calendar = icalendar.Calendar.from_ical(export_text(plan, "ics"))
    assert len(calendar.walk("VTODO")) == 1
    assert len(calendar.walk("VEVENT")) == (1 if plan.next_checkin else 0)


# -- sections with nothing to say ------------------------------------------------------


def bare_plan(**fields: object) -> Plan:
    return Plan.model_validate(
        {
            "assessment_id": 1,
            "finished_at": "2026-11-22T10:04:00+00:00",
            "tool_version": "0.1.0",
            "dimensions": [],
            "actions": [],
            "next_checkin": "2027-02-22",
            **fields,
        }
    )


def test_empty_sections_are_left_out_of_every_view() -> None:
    plan = bare_plan()
    assert headings(MD.parse(to_markdown(plan))) == [
        "Your career action plan",
        "Actions",
        "Where you stand",
        "Next check-in",
    ]
    html = to_html(plan)
    assert [h2.split("</h2>")[0] for h2 in html.split("<h2>")[1:]] == [
        "Actions",
        "Where you stand",
        "Next check-in",
    ]


def test_events_not_reported_and_nothing_else_leave_no_where_you_stand() -> None:
    quiet = {"bank": "new_eyes", "score": 0, "level": "low", "event": True}
    plan = bare_plan(
        dimensions=[
            {**quiet, "id": "new_boss", "label": "A new boss"},
            {**quiet, "id": "cost_cutting", "label": "Cost cutting"},
        ]
    )
    for text in (to_markdown(plan), to_html(plan)):
        assert "Where you stand" not in text
        assert "A new boss" not in text and "scored low" not in text
    reported = plan.model_copy(
        update={"dimensions": [plan.dimensions[0].model_copy(update={"score": 100})]}
    )
    assert "## Where you stand\n\nReported at work: a new boss.\n\n## " in to_markdown(
        reported.model_copy(update={"checkin_reason": "Sooner, since a new boss."})
    )
    # a coach's reading: "Reported at work: growth or stretch." led nowhere; an event
    # that brought nothing forward is said to need no step, in plain words (a fourth
    # reading: "Reported at work: X; nothing in it needs a step of its own." read as a log)
    assert (
        "## Where you stand\n\nYou reported a new boss at work: good news that needs no step "
        "of its own.\n\n## "
    ) in to_markdown(reported.model_copy(update={"checkin_reason": None}))


def test_the_all_neutral_persona_is_told_first_that_the_answers_say_too_little() -> None:
    """tests/personas/all_neutral.yaml: 3 to everything, nothing ticked (issue 16)."""
    from careercoach.storage.answers import load_answers_file

    banks = [loaded.bank for loaded in load_banks()]
    answers = load_answers_file(ROOT / "personas" / "all_neutral.yaml", banks)
    plan = build_plan(
        score_banks(answers.banks, answers.answers),
        assessment_id=1,
        finished_at=datetime(2026, 12, 5, 9, 0, tzinfo=UTC),
        tool_version="0.1.0",
        tz=UTC,
    )
    markdown = to_markdown(plan)
    assert headings(MD.parse(markdown)) == [
        "Your career action plan",
        "Your answers do not tell me enough yet",
        "Next check-in",
    ]
    [warning] = plan.warnings  # the answer-quality warning (its words are the engine's)
    shown = thin_answers_text(warning)
    assert markdown.split("\n## ")[1] == f"Your answers do not tell me enough yet\n\n{shown}\n"
    assert not shown.startswith("Your answers do not tell me")  # the heading says it once
    for clean_bill in ("Nothing needs action", "scored low", "| "):
        assert clean_bill not in markdown


@pytest.mark.parametrize(
    ("warning", "shown"),
    [
        ("Your answers do not tell me enough yet: every answer was 3.", "Every answer was 3."),
        ("All 75 answers were neutral (3).", "All 75 answers were neutral (3)."),
        ("Your answers do not tell me enough yet:", "Your answers do not tell me enough yet:"),
    ],
)
def test_the_lead_warning_does_not_repeat_its_heading(warning: str, shown: str) -> None:
    assert thin_answers_text(warning) == shown


def test_twin_findings_of_two_banks_are_one_area_and_one_bank_keeps_its_own() -> None:
    def need(bank: str, id_: str, label: str, score: int, topic: str | None) -> dict[str, Any]:
        level = "high" if score >= 67 else "moderate" if score >= 34 else "low"
        return {"bank": bank, "id": id_, "label": label, "score": score, "level": level,
                "topic": topic}  # fmt: skip

    plan = bare_plan(
        dimensions=[
            need("leader", "successor", "No successor ready", 67, "successor"),
            need("promotion", "backfill", "Nobody ready behind you", 67, "successor"),
            need("education", "job", "A requirement of the job you want", 50, "credential"),
            need("education", "level", "A degree the level you want expects", 40, "credential"),
            need("leader", "mentor", "Not mentoring", 10, "mentoring_others"),
            need("connections", "mentoring", "Not mentoring anyone", 0, "mentoring_others"),
            need("stuck", "bored", "Boredom", 0, None),
        ]
    )
    stand = to_markdown(plan).split("## Where you stand\n\n", 1)[1].split("\n## ", 1)[0]
    assert [line.split(" | ")[0] for line in stand.splitlines() if line.startswith("| ")] == [
        "| Finding",
        "| ---",
        "| No successor ready",
        "| A requirement of the job you want",
        "| A degree the level you want expects",
    ]
    assert "2 other areas scored low." in stand  # the two mentoring twins are one
    every = to_markdown(plan, explain=True)
    assert "| Nobody ready behind you | 67 | high | promotion |" in every


# -- links in the Markdown -------------------------------------------------------------

BLS_SOURCE = "https://www.bls.gov/careeroutlook/2024/data-on-display/education-pays.htm"


def with_degree(plan: Plan) -> Plan:
    """``plan`` with its ROI for a master's, so that the typical salary and its source
    (the education-pays table) are cited."""
    assert plan.roi is not None
    roi = {**plan.roi, "inputs": {**plan.roi["inputs"], "degree": "master"}}
    return plan.model_copy(update={"roi": roi})


def links_and_html(markdown: str) -> tuple[list[str], list[str]]:
    """Every link's target and every piece of raw HTML, as a CommonMark reader finds them."""
    links: list[str] = []
    html: list[str] = []
    for token in MD.parse(markdown):
        for child in token.children or []:
            if child.type == "link_open":
                links.append(str(child.attrs["href"]))
            if child.type in {"html_inline", "html_block"}:
                html.append(child.content)
        if token.type == "html_block":
            html.append(token.content)
    return links, html


def test_markdown_links_the_source_of_the_typical_salary(coach: Plan) -> None:
    text = to_markdown(with_degree(coach))
    assert f"2023, <{BLS_SOURCE}>" in text
    assert links_and_html(text) == ([BLS_SOURCE], [])


def test_markdown_roi_table_heads_its_first_column(coach: Plan) -> None:
    lines = to_markdown(coach).splitlines()
    start = lines.index("## Does the degree pay?")
    assert lines[start + 2 : start + 5] == [
        "| Figure | Amount |",
        "| --- | ---: |",
        "| Tuition and fees | 60,000 |",
    ]


def test_a_hostile_source_url_cannot_break_the_markdown(
    coach: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were the table's URL ever to hold a space, ``>``, ``|`` or Markdown of its own, it
    would still be one autolink, percent-encoded, and nothing else would become a link."""
    from dataclasses import replace

    from careercoach.core import education_pays

    hostile = "https://evil.example/a> b|c)[x](javascript:alert(1))<img src=x>"
    table = replace(education_pays.load(), source=hostile)
    monkeypatch.setattr(education_pays, "load", lambda: table)
    text = to_markdown(with_degree(coach))
    encoded = "https://evil.example/a%3E%20b%7Cc)[x](javascript:alert(1))%3Cimg%20src=x%3E"
    assert f"2023, <{encoded}>" in text
    # the reader percent-encodes the brackets as well
    normalized = encoded.replace("[", "%5B").replace("]", "%5D")
    assert links_and_html(text) == ([normalized], [])


def test_only_web_urls_become_links() -> None:
    from careercoach.safe_text import for_markdown_with_links, markdown_autolink

    assert markdown_autolink("javascript:alert(1)") is None
    assert markdown_autolink("ftp://example.org/x") is None
    assert markdown_autolink("HTTPS://example.org/a b") == "<HTTPS://example.org/a%20b>"
    assert (
        for_markdown_with_links("See javascript:alert(1) or www.x.org", ["javascript:alert(1)"])
        == "See javascript:alert(1) or www\\.x.org"
    )


def test_a_command_in_the_html_is_code_whose_words_do_not_break() -> None:
    """The check-in's command broke as "--" / "bank" on a phone: each of its words is now
    a span that does not break, the spaces between them kept, so it copies as it reads."""
    from careercoach.ui.html_export import prose

    assert prose("careercoach assess --bank promotion --bank connections") == (
        '<code class="command"><span>careercoach</span> <span>assess</span> '
        "<span>--bank</span> <span>promotion</span> <span>--bank</span> "
        "<span>connections</span></code>"
    )
    assert prose("Take one, such as careercoach assess --bank stuck (or <b>).") == (
        'Take one, such as <code class="command"><span>careercoach</span> '
        "<span>assess</span> <span>--bank</span> <span>stuck</span></code> (or &lt;b&gt;)."
    )
    assert prose("Run careercoach assess again then.") == "Run careercoach assess again then."


def test_the_checkin_command_of_the_html_plan_is_code(sample: Plan) -> None:
    html = to_html(sample)
    command = html.split('<section id="checkin">', 1)[1].split("</section>", 1)[0]
    assert '<p><code class="command"><span>careercoach</span> <span>assess</span>' in command
