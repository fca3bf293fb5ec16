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

from careercoach.core.models import Plan
from careercoach.ui.console import make_console
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
) -> str:
    buffer = io.StringIO()
    console = make_console(file=buffer, width=width, color_system=color_system)  # type: ignore[arg-type]
    console.print(plan_view(plan, plain=plain, explain=explain))
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


def test_header(sample: Plan) -> None:
    out = render(sample, 80)
    assert "Assessment 3, finished Sunday 22 November 2026 at 10:04." in out
    assert "Banks: stuck, education, new_eyes." in out
    assert "Previous assessment: Thursday 20 August 2026, 3 months before this one." in out


def test_first_assessment_says_so(sample: Plan) -> None:
    first = sample.model_copy(update={"previous_finished_at": None})
    assert "This is your first assessment." in render(first, 80)


def test_bars_and_levels_read_without_colour(sample: Plan) -> None:
    out = render(sample, 80)
    assert "  Boredom                             " + "█" * 21 + "░" * 7 + "  75  high" in out
    assert "  A degree the level you want expects " + "█" * 14 + "░" * 14 + "  50  moderate" in out
    assert "  Someone was fired  " not in out  # an event that did not happen: no bar
    assert "  Not reported as happening at work: A new executive, A change in the market," in out


def test_wider_terminal_gets_longer_bars(sample: Plan) -> None:
    out = render(sample, 120)
    assert "  Boredom                               " + "█" * 38 + "░" * 12 + "  75  high" in out


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
    out = render(sample, 80)
    # the short plan, then (without a limit, as plan --all) the more that applies
    assert out.count("[ ] ") == len(sample.actions) + len(sample.more_actions) == 6 + 15
    week, month, quarter = (out.index(f"  This {h}\n") for h in ("week", "month", "quarter"))
    assert week < month < quarter
    assert out.index("[ ] For one week, note each day") < month
    assert quarter < out.index("[ ] Learn one skill this quarter")


def test_done_actions_are_ticked(sample: Plan) -> None:
    actions = [sample.actions[0].model_copy(update={"done": True}), *sample.actions[1:]]
    out = render(sample.model_copy(update={"actions": actions}), 80)
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
    assert "  education: the evidence leans against\n" in out
    assert "  • A qualification your industry expects: 17 (low)\n" in out
    assert "  • No grudge on show: You carry no visible grudge at work.\n" in out
    assert "Answer quality" in out
    assert "  ! All 20 answers were the same (3).\n" in out
    assert "  Tuesday 22 December 2026 (4 weeks after this assessment).\n" in out
    assert "  Worth taking then: promotion, connections.\n" in out


def test_plain_has_no_box_drawing(sample: Plan) -> None:
    out = render(sample, 80, plain=True, explain=True)
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
    full = render(coach, 80, plain=True)
    assert "More that applies" in full
    assert "more apply beyond this plan" not in full
