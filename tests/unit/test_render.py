"""The plan in the terminal: snapshots at 80 and 120 columns, plain, explain, injection."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text
from syrupy.assertion import SnapshotAssertion

from careercoach.cli.output import ACTIONS_PER_HORIZON
from careercoach.core.models import DimensionScore, Focus, Plan
from careercoach.ui.console import make_console
from careercoach.ui.plan_wording import context_line
from careercoach.ui.render import ScoreChart, ScoreRow, bar, plan_view

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "fixtures" / "plans"

BOX_DRAWING = re.compile("[\u2500-\u259f]")  # box drawing, block elements, shades
SGR = re.compile(r"\x1b\[[0-9;]*m")
CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


pytestmark = pytest.mark.usefixtures("utc")


def render(
    plan: Plan,
    width: int,
    *,
    plain: bool = False,
    explain: bool = False,
    color_system: str | None = None,
    all_actions: bool = False,
) -> str:
    """The plan as ``careercoach plan`` prints it (``all_actions``: ``plan --all``)."""
    buffer = io.StringIO()
    console = make_console(file=buffer, width=width, color_system=color_system)  # type: ignore[arg-type]
    per_horizon = None if all_actions else ACTIONS_PER_HORIZON
    console.print(plan_view(plan, plain=plain, explain=explain, actions_per_horizon=per_horizon))
    return "\n".join(line.rstrip(" ") for line in buffer.getvalue().split("\n"))


# -- snapshots (of a plan from the tests' own banks) ----------------------------------


@pytest.mark.parametrize("width", [80, 120])
def test_terminal_view_snapshot(coach: Plan, width: int, text_snapshot: SnapshotAssertion) -> None:
    assert render(coach, width) == text_snapshot


def test_plain_view_snapshot(coach: Plan, text_snapshot: SnapshotAssertion) -> None:
    assert render(coach, 80, plain=True) == text_snapshot


def test_explain_view_snapshot(coach: Plan, text_snapshot: SnapshotAssertion) -> None:
    assert render(coach, 80, explain=True) == text_snapshot


# -- what a person notices ------------------------------------------------------------


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120, 200])
@pytest.mark.parametrize("plain", [False, True])
def test_fits_the_width(sample: Plan, width: int, plain: bool) -> None:
    out = render(sample, width, plain=plain, explain=True)
    widest = max(Text(line).cell_len for line in out.split("\n"))
    assert widest <= width


def test_header_is_the_title_and_one_line_of_context(sample: Plan) -> None:
    line = (
        "Assessment 3, Sunday 22 November 2026 at 10:04, 3 months after the one before. "
        "Banks: stuck, education, new_eyes."
    )
    assert render(sample, 120).startswith(
        "╭" + "─" * 118 + "╮\n"
        "│ " + "Your career action plan".ljust(116) + " │\n"
        "│ " + line.ljust(116) + " │\n"
        "╰" + "─" * 118 + "╯\n"
    )


def test_a_first_assessment_has_no_previous_one_to_name(sample: Plan) -> None:
    first = sample.model_copy(update={"previous_finished_at": None})
    assert context_line(first) == (
        "Assessment 3, Sunday 22 November 2026 at 10:04. Banks: stuck, education, new_eyes."
    )


def test_bars_and_levels_read_without_colour(sample: Plan) -> None:
    out = render(sample, 80)
    assert "  Boredom                             " + "█" * 21 + "░" * 7 + "  75  high" in out
    assert "  A degree the level you want expects " + "█" * 14 + "░" * 14 + "  50  moderate" in out


def where_you_stand(out: str) -> str:
    return out.split("Where you stand", 1)[1].split("\n\n", 1)[0]


def test_where_you_stand_shows_the_needs_at_moderate_and_high_and_counts_the_rest(
    sample: Plan,
) -> None:
    assert where_you_stand(render(sample, 80, plain=True)) == (
        "\n"
        "  Scores run from 0 to 100; higher scores need more attention.\n"
        "  Boredom                               75  high\n"
        "  A new boss                            63  moderate\n"
        "  Under-performing                      50  moderate\n"
        "  A qualification your company expects  50  moderate\n"
        "  A degree the level you want expects   50  moderate\n"
        "  Seeing your workplace on autopilot    38  moderate\n"
        "  Not in this plan's focus yet: A qualification your company expects, A degree\n"
        "  the level you want expects and Seeing your workplace on autopilot.\n"
        "  10 other areas scored low."
    )


def test_events_are_facts_and_those_not_reported_are_not_named(sample: Plan) -> None:
    calm = sample.model_copy(update={"focus": sample.focus[:1]})  # the boss not in focus
    out = render(calm, 80, all_actions=True)
    assert "A new boss  " not in out  # no bar or score for an event outside the focus
    assert "Reported at work: a new boss.\n" in out
    for quiet in ("A new executive", "Someone was fired", "Not reported"):
        assert quiet not in out


def test_plan_all_and_explain_show_every_need(sample: Plan) -> None:
    for out in (render(sample, 80, all_actions=True), render(sample, 80, explain=True)):
        table = where_you_stand(out) + "\n"
        assert "  Formal learning does not suit you   " + "░" * 28 + "   0  low\n" in table
        assert table.count(" low\n") + table.count(" moderate\n") + table.count(" high\n") == 16
        assert "other areas scored low" not in table


def test_a_need_left_alone_is_one_area_and_all_low_says_all(sample: Plan) -> None:
    def needs(*levels: str) -> Plan:
        dimensions = [
            DimensionScore(bank="b", id=f"d{n}", label=f"Need {n}", score=score, level=level)
            for n, (score, level) in enumerate(
                {"high": (80, "high"), "low": (10, "low")}[level] for level in levels
            )
        ]
        return sample.model_copy(update={"dimensions": dimensions})

    assert "  1 other area scored low.\n" in render(needs("high", "low"), 80)
    assert "  3 other areas scored low.\n" in render(needs("high", "low", "low", "low"), 80)
    all_low = where_you_stand(render(needs("low", "low"), 80, plain=True))
    assert all_low == "\n  All 2 areas scored low."
    assert "Need 1" not in render(needs("high", "low"), 80)


def test_an_event_the_plan_focuses_on_is_a_finding_in_where_you_stand(sample: Plan) -> None:
    """A second coach's reading: "A new boss 88" led the focus areas but was missing from
    "Where you stand". Every focus area is a finding there, an event at work too, and it is
    not named again among the events reported."""
    boss = DimensionScore(
        bank="new_eyes", id="new_boss", label="A new boss", score=88, level="high", event=True
    )
    cuts = DimensionScore(
        bank="new_eyes", id="cost_cutting", label="Cost cutting", score=40, level="low", event=True
    )
    need = DimensionScore(bank="b", id="d", label="A need", score=50, level="moderate")
    focus = Focus(
        bank="new_eyes",
        dimension="new_boss",
        label="A new boss",
        score=88,
        level="high",
        why="Scored 88 of 100 (high).",
    )
    plan = sample.model_copy(
        update={"dimensions": [boss, need, cuts], "focus": [focus], "explain": []}
    )
    assert where_you_stand(render(plan, 80, plain=True)) == (
        "\n"
        "  Scores run from 0 to 100; higher scores need more attention.\n"
        "  A new boss  88  high\n"
        "  A need      50  moderate\n"
        "  Not in this plan's focus yet: A need.\n"
        "  Also reported at work: cost cutting."
    )


def test_a_finding_outside_the_focus_is_said_to_wait_unless_a_twin_is_in_focus(
    sample: Plan,
) -> None:
    """A finding at moderate or high with no action read as forgotten. Where you stand
    names those outside the focus; a twin of a focus area (one ``topic``) is served by it."""

    def need(did: str, label: str, topic: str | None = None) -> DimensionScore:
        return DimensionScore(
            bank="edu", id=did, label=label, score=60, level="moderate", topic=topic
        )

    job, function = need("job", "Job", "credential"), need("function", "Function", "credential")
    cost = need("cost", "Cost")
    focus = Focus(bank="edu", dimension="job", label="Job", score=60, level="moderate", why="")
    plan = sample.model_copy(update={"dimensions": [job, function, cost], "focus": [focus]})
    # a coach's reading: a twin scored as high as the focus area, in the table but not in
    # the focus, read as overlooked: it is said to be counted with the focus area
    assert (
        "  Counted with Job, since it measures the same thing: Function. Not in this\n"
        "  plan's focus yet: Cost.\n"
    ) in render(plan, 80, plain=True)
    assert "focus yet" not in render(plan, 80, plain=True, all_actions=True)


def test_an_area_answered_only_neutrally_did_not_score_low(sample: Plan) -> None:
    """A second coach's reading: "13 other areas scored low" counted areas whose every
    answer was neutral. Those say nothing either way, and the line says so."""

    def need(n: int, score: int, level: str, *, evidence: bool = True) -> DimensionScore:
        return DimensionScore(
            bank="b", id=f"d{n}", label=f"Need {n}", score=score, level=level, evidence=evidence
        )

    def stand(*dimensions: DimensionScore) -> str:
        plan = sample.model_copy(update={"dimensions": list(dimensions), "focus": []})
        return where_you_stand(render(plan, 80, plain=True)).split("\n")[-1]

    high = need(0, 80, "high")
    firm, silent = need(1, 10, "low"), need(2, 0, "low", evidence=False)
    assert (
        stand(high, firm, silent)
        == "  1 other area scored low; 1 more had no answer that leaned either way."
    )
    assert stand(high, silent, need(3, 0, "low", evidence=False)) == (
        "  2 other areas had no answer that leaned either way."
    )
    assert stand(high, firm, need(3, 20, "low")) == "  2 other areas scored low."
    assert (
        stand(firm, silent) == "  1 area scored low; 1 more had no answer that leaned either way."
    )


def test_only_unreported_events_leave_no_where_you_stand(sample: Plan) -> None:
    quiet = [d.model_copy(update={"score": 0}) for d in sample.dimensions if d.event]
    out = render(sample.model_copy(update={"dimensions": quiet}), 80)
    assert "Where you stand" not in out
    assert "A new boss" not in out.split("Focus first", 1)[0]  # nothing before the focus


def test_wider_terminal_gets_longer_bars(sample: Plan) -> None:
    out = render(sample, 120)
    assert "  Boredom" + " " * 30 + "█" * 38 + "░" * 12 + "  75  high" in out


def test_bar() -> None:
    assert bar(85, 20).plain == "█" * 17 + "░" * 3
    assert bar(0, 10).plain == "░" * 10
    assert bar(100, 10).plain == "█" * 10
    assert bar(150, 4).plain == "████"


def test_score_chart_wraps_a_long_label_under_itself() -> None:
    buffer = io.StringIO()
    console = make_console(file=buffer, width=40, color_system=None)
    console.print(ScoreChart([ScoreRow("A rather long label that wraps", 50, "moderate")]))
    assert buffer.getvalue() == ("A rather long      ████░░░  50  moderate\nlabel that wraps\n")


def test_every_action_is_a_checkbox_under_its_horizon(sample: Plan) -> None:
    out = render(sample, 80, all_actions=True)
    # the short plan, then (without a limit, as plan --all) the more that applies
    assert out.count("[ ] ") == len(sample.actions) + len(sample.more_actions) == 6 + 15
    week, month, quarter = (out.index(f"  This {h}\n") for h in ("week", "month", "quarter"))
    assert week < month < quarter
    assert out.index("[ ] For one week, note each day") < month
    assert quarter < out.index("[ ] Learn one skill this quarter")


def test_done_actions_are_ticked(sample: Plan) -> None:
    actions = [sample.actions[0].model_copy(update={"done": True}), *sample.actions[1:]]
    out = render(sample.model_copy(update={"actions": actions}), 80, all_actions=True)
    assert out.count("[x] ") == 1
    assert out.count("[ ] ") == 5 + len(sample.more_actions)


def test_roi_block(sample: Plan) -> None:
    out = render(sample, 80)
    assert "Does the degree pay?" in out
    assert "Net present value             +134,484" in out
    assert "Pays back                       year 8" in out
    assert "Raise 20% smaller           +98,402      year 9   15.5%" in out
    assert "Break-even salary               76,073   lowest salary after it that pays" in out
    flat = " ".join(out.split())
    assert "Pays off if you earn at least 76,073 a year after it (you expect 88,000)." in flat
    assert "Inputs: 48,000 over 2 years, part-time;" in out


def test_roi_that_cannot_be_rebuilt_says_so(sample: Plan) -> None:
    broken = sample.model_copy(update={"roi": {"npv": 1.0, "inputs": {"cost": 1}}})
    out = render(broken, 80)
    assert "The return on education could not be worked out from this plan" in out


def test_no_roi_no_block(sample: Plan) -> None:
    assert "Does the degree pay?" not in render(sample.model_copy(update={"roi": None}), 80)


def test_verdicts_strengths_warnings_and_checkin(sample: Plan) -> None:
    warned = sample.model_copy(update={"warnings": ["All 20 answers were the same (3)."]})
    out = render(warned, 80)
    assert "  education: the evidence leans against.\n" in out  # stored before titles
    assert "  • A qualification your industry expects: 17 (low)\n" in out
    assert "  • No grudge on show: You carry no visible grudge at work.\n" in out
    assert "Answer quality" in out
    assert "  ! All 20 answers were the same (3).\n" in out


def test_the_checkin_is_four_lines_with_the_exact_command(sample: Plan) -> None:
    out = render(sample, 80)
    assert out.split("Next check-in ", 1)[1].split("\n", 1)[1] == (
        "  Tuesday 22 December 2026 (4 weeks after this assessment).\n"
        "  Sooner than the usual 3 months, since something changed at work: a new boss.\n"
        "  Then answer again with the banks worth taking now:\n"  # none in this assessment
        "  careercoach assess --bank promotion --bank connections\n"
        "  careercoach plan --export ics adds it to a calendar.\n"
    )


def test_the_sections_come_in_the_order_a_reader_needs_them(sample: Plan) -> None:
    out = render(sample, 80, plain=True)
    titles = [
        "Focus first",
        "Actions",
        "Strengths to build on",
        "Where you stand",
        "Does the degree pay?",
        "Which way the evidence points",
        "Next check-in",
    ]
    assert [line for line in out.split("\n") if line in titles] == titles


def test_focus_shows_three_areas_at_most(sample: Plan) -> None:
    many = sample.model_copy(update={"focus": [*sample.focus, sample.focus[0]]})
    out = render(many, 80, plain=True)
    assert "  3. " in out
    assert "  4. " not in out.split("Actions", 1)[0]


def test_all_neutral_answers_lead_with_the_warning_and_no_findings(sample: Plan) -> None:
    from careercoach.core.models import DimensionScore

    low = [d.model_copy(update={"level": "low"}) for d in sample.dimensions]
    warning = "All 75 of your agree/disagree answers were neutral (3): nothing to go on."
    thin = sample.model_copy(
        update={
            "dimensions": low,
            "focus": [],
            "actions": [],
            "more_actions": [],
            "strengths": [],
            "verdicts": [],
            "roi": None,
            "warnings": [warning],
        }
    )
    assert all(isinstance(d, DimensionScore) for d in thin.dimensions)
    out = render(thin, 80, plain=True)
    assert out == (
        "Your career action plan\n"
        "Assessment 3, Sunday 22 November 2026 at 10:04, 3 months after the one before.\n"
        "Banks: stuck, education, new_eyes.\n"
        "\n"
        "Your answers do not tell me enough yet\n"
        "  All 75 of your agree/disagree answers were neutral (3): nothing to go on.\n"
        "\n"
        "Next check-in\n"
        "  Now: answer again with careercoach assess; that plan sets the next date.\n"
    )
    # the scores are still there for those who ask for them
    assert "Boredom" in render(thin, 80, explain=True)


def test_plain_has_no_box_drawing(sample: Plan) -> None:
    out = render(sample, 80, plain=True, explain=True, all_actions=True)
    assert not BOX_DRAWING.search(out)
    assert "  Boredom                                75  high\n" in out
    assert out.count("[ ] ") == len(sample.actions) + len(sample.more_actions)


def test_explain_marks_reverse_scored_items(sample: Plan) -> None:
    out = render(sample, 80, explain=True)
    assert "How each score was made" in out
    assert "    +0.5 of 1  Some part of my job still challenges me every week.\n" in out
    assert "answered: 2 (disagree) (reverse-scored)\n" in out
    assert "     4.5 of 6  in all: 75 of 100\n" in out
    assert "How each score was made" not in render(sample, 80)


def test_explain_without_data_says_so(sample: Plan) -> None:
    out = render(sample.model_copy(update={"explain": []}), 80, explain=True)
    assert "This plan holds no explanation of its scores." in out


def test_empty_plan_renders() -> None:
    plan = Plan(
        assessment_id=None,
        finished_at="2026-11-22T10:04:00+00:00",
        tool_version="0.1.0",
        dimensions=[],
        actions=[],
    )
    out = render(plan, 80)
    assert "No dimension was scored." in out
    assert "Nothing needs action now: no dimension reached moderate." in out
    assert "Come back in about three months, or sooner if something changes at work." in out
    for empty in ("Focus first", "Your commitments", "In your words", "Strengths", "Answer"):
        assert empty not in out


# -- injection ------------------------------------------------------------------------


@pytest.mark.parametrize("plain", [False, True])
def test_injection_is_shown_literally(injection: Plan, plain: bool) -> None:
    out = render(injection, 400, plain=plain, explain=True)
    assert not CONTROLS.search(out)
    assert "\x1b" not in out
    assert "[bold red]x[/] [/]" in out
    assert "<img src=x onerror=alert(1)>" in out
    assert "[link](javascript:x)" in out
    assert "]0;title [2J 31m evil" in out
    # the label appears in the focus list, the chart, the explanation, two actions and
    # beside the written answer it belongs to
    assert out.count("Alpha # heading | cell [link](javascript:x)") == 6
    assert "evil > not a quote # not a heading </blockquote>\u201d" in out


def test_injection_with_colour_sends_only_rich_styles(injection: Plan) -> None:
    out = render(injection, 120, explain=True, color_system="truecolor")
    assert "\x1b[" in out  # styles are on
    assert not CONTROLS.search(SGR.sub("", out))


# -- anything at all ------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=()), min_size=1, max_size=60)
LEVEL = st.sampled_from(["low", "moderate", "high"])


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    n = draw(st.integers(min_value=0, max_value=4))
    dims = [
        {
            "bank": draw(TEXT),
            "id": f"d{i}",
            "label": draw(TEXT),
            "score": draw(st.integers(0, 100)),
            "level": draw(LEVEL),
        }
        for i in range(n)
    ]
    actions = [
        {
            "bank": d["bank"],
            "dimension": d["id"],
            "id": f"a{i}",
            "text": draw(TEXT),
            "horizon": draw(st.sampled_from(["week", "month", "quarter"])),
            "done": draw(st.booleans()),
            "number": i + 1,
        }
        for i, d in enumerate(dims)
    ]
    commitments = [
        {
            "number": a["number"],
            "action_id": f"x.{a['id']}",
            "text": a["text"],
            "by": "2027-01-10",
            "if_then": draw(st.none() | TEXT),
            "done": a["done"],
        }
        for a in actions[:3]
    ]
    own_words = [
        {"bank": draw(TEXT), "question": "q", "prompt": draw(TEXT), "text": draw(TEXT)}
        for _ in range(draw(st.integers(0, 2)))
    ]
    return Plan.model_validate(
        {
            "assessment_id": draw(st.none() | st.integers(1, 10**6)),
            "finished_at": "2026-11-22T10:04:00+00:00",
            "tool_version": "0.1.0",
            "dimensions": dims,
            "actions": actions,
            "more_actions": [{**a, "number": 0} for a in actions[:1]],
            "commitments": commitments,
            "own_words": own_words,
            "banks": draw(st.lists(TEXT, max_size=3)),
            "focus": [
                {
                    **{k: d[k] for k in ("bank", "label", "score", "level")},
                    "dimension": d["id"],
                    "why": draw(TEXT),
                }
                for d in dims[:2]
            ],
            "strengths": [
                {"bank": d["bank"], "dimension": d["id"], "label": d["label"], "text": draw(TEXT)}
                for d in dims[2:]
            ],
            "verdicts": draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "bank": TEXT,
                            "leaning": st.sampled_from(["for", "against", "mixed"]),
                            "text": TEXT,
                            "because": st.lists(TEXT, max_size=2),
                        }
                    ),
                    max_size=1,
                )
            ),
            "warnings": draw(st.lists(TEXT, max_size=2)),
            "next_checkin": draw(st.none() | st.just("2027-02-20")),
            "checkin_reason": draw(st.none() | TEXT),
            "recheck_banks": draw(st.lists(TEXT, max_size=2)),
            "previous_finished_at": draw(st.none() | st.just("2025-01-02T03:04:05+00:00")),
            "explain": [
                {
                    "bank": d["bank"],
                    "dimension": d["id"],
                    "label": d["label"],
                    "score": d["score"],
                    "items": [
                        {
                            "question": "q",
                            "prompt": draw(TEXT),
                            "answer": draw(TEXT),
                            "added": 0.5,
                            "most": 1.0,
                            "reverse": draw(st.booleans()),
                        }
                    ],
                }
                for d in dims
            ],
        }
    )


@given(plans(), st.integers(min_value=20, max_value=160), st.booleans(), st.booleans())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_plan_renders_without_error_or_escape(
    plan: Plan, width: int, plain: bool, explain: bool
) -> None:
    out = render(plan, width, plain=plain, explain=explain, color_system="256")
    assert not CONTROLS.search(SGR.sub("", out))


# -- the console ----------------------------------------------------------------------


def test_console_reads_no_markup_and_highlights_nothing() -> None:
    buffer = io.StringIO()
    console = make_console(file=buffer, width=80, color_system="truecolor")
    console.print("[bold red]x[/] 42 https://example.com :smile: [/]")
    assert buffer.getvalue() == "[bold red]x[/] 42 https://example.com :smile: [/]\n"


@pytest.mark.parametrize(
    ("flag", "env", "no_color"),
    [(False, None, False), (True, None, True), (False, "1", True), (False, "", False)],
)
def test_console_colour_switches(
    monkeypatch: pytest.MonkeyPatch, flag: bool, env: str | None, no_color: bool
) -> None:
    if env is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", env)
    console = make_console(no_color=flag, file=io.StringIO(), color_system="truecolor")
    assert console.no_color is no_color
    with console.capture() as capture:
        console.print(Text("high", style="bold red"))
    assert ("\x1b[31m" in capture.get() or "\x1b[1;31m" in capture.get()) is not no_color


def test_console_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "90")
    assert make_console(file=io.StringIO()).width == 90
    monkeypatch.setenv("COLUMNS", "132")
    assert make_console(file=io.StringIO()).width == 100
    assert make_console(file=io.StringIO(), width=100).width == 100
    assert make_console(file=io.StringIO(), width=5).width == 20


def test_more_actions_are_shown_with_all_and_counted_without(coach: Plan) -> None:
    buffer = io.StringIO()
    console = make_console(file=buffer, width=80, color_system=None)
    console.print(plan_view(coach, plain=True, actions_per_horizon=5))
    short = buffer.getvalue()
    assert "  2 more apply beyond this plan: careercoach plan --all" in short
    assert "More that applies" not in short
    full = render(coach, 80, plain=True, all_actions=True)
    assert "More that applies" in full
    assert "more apply beyond this plan" not in full


def test_explain_parts_add_up_to_the_total_shown(coach: Plan) -> None:
    """+1, +0.75 and +0.375 (half of a 0.75 weight): shown as +0.38, so the total is 2.13
    (it read 2.12, rounded half to even, beside parts that add up to 2.13)."""
    from careercoach.core.models import ExplainItem, Explanation
    from careercoach.ui.html_export import to_html
    from careercoach.ui.markdown_export import to_markdown

    def item(question: str, added: float, most: float) -> ExplainItem:
        return ExplainItem(question=question, prompt=question, answer="4", added=added, most=most)

    explanation = Explanation(
        bank="stuck",
        dimension="bored",
        label="Boredom",
        score=85,
        items=[item("q1", 1, 1), item("q2", 0.75, 0.75), item("q3", 0.375, 0.75)],
    )
    plan = coach.model_copy(update={"explain": [explanation]})
    terminal = render(plan, 100, plain=True, explain=True)
    shown = re.findall(r"^\s*(\+?[0-9.]+ of [0-9.]+)", terminal, flags=re.MULTILINE)
    assert shown == ["+1 of 1", "+0.75 of 0.75", "+0.38 of 0.75", "2.13 of 2.5"]
    markdown = to_markdown(plan, explain=True)
    assert "| **Total** |  | **2.13** | **2.5** |" in markdown
    assert "| q3 | 4 | 0.38 | 0.75 |" in markdown
    assert re.search(r"<strong>Total</strong>.*?2\.13.*?2\.5", to_html(plan, explain=True))
