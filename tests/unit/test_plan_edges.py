"""Two plans that contradicted themselves (a QA reading of main):

- a bank whose ``audience`` answer ended it ("I manage nobody") left no trace: the plan
  said "Nothing needs action now" and "No dimension was scored", and ``history`` "nothing
  at moderate or high", as if the person had been assessed and found fine;
- education answered neutral (3) everywhere, with the program's figures: the plan said it
  had "nothing to go on", then drew a verdict ("the evidence leans against") from those
  neutral answers.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from rich.console import Console

from careercoach.core.models import Bank, Plan
from careercoach.core.planning import build_plan
from careercoach.core.scoring import score_banks
from careercoach.core.trends import Entry
from careercoach.ui.history_render import history_lines
from careercoach.ui.html_export import to_html
from careercoach.ui.markdown_export import to_markdown
from careercoach.ui.render import plan_view

FINISHED = datetime(2026, 11, 22, 10, 4, 5, tzinfo=UTC)


def _plan(banks: list[Bank], answers: dict[str, dict[str, Any]]) -> Plan:
    return build_plan(
        score_banks(banks, answers),
        assessment_id=4,
        finished_at=FINISHED,
        tool_version="0.1.0",
        tz=UTC,
    )


def _terminal(plan: Plan) -> str:
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(plan_view(plan, plain=True))
    return out.getvalue()


# -- a bank that is not for the person ------------------------------------------------

LEAD = Bank.model_validate(
    {
        "id": "lead",
        "title": "Developing your <bench>",
        "audience": {"question": "manages", "not_for": ["nobody", "retired"]},
        "dimensions": [
            {
                "id": "d",
                "label": "Bench",
                "actions": [{"id": "d_week", "text": "Lunch with one.", "horizon": "week"}],
            }
        ],
        "questions": [
            {
                "id": "manages",
                "type": "single",
                "prompt": "How many report to you?",
                "required": False,
                "options": [
                    {"id": "nobody", "label": "I manage *nobody*"},
                    {"id": "retired", "label": "I have retired"},
                    {"id": "some", "label": "Some"},
                ],
            },
            {"id": "q", "type": "likert", "prompt": "Q", "dimension": "d"},
        ],
    }
)

STUCK = Bank.model_validate(
    {
        "id": "stuck",
        "title": "Are you stuck?",
        "dimensions": [
            {
                "id": "bored",
                "label": "Boredom",
                "actions": [{"id": "b_week", "text": "Log a week.", "horizon": "week"}],
            }
        ],
        "questions": [{"id": "q", "type": "likert", "prompt": "Q", "dimension": "bored"}],
    }
)

LEAD_LINE = (
    "\u201cDeveloping your <bench>\u201d was skipped as not for you: you answered "
    "\u201cI manage *nobody*\u201d."
)
NOTHING_TO_PLAN = (
    "So there is nothing to plan from this bank. Take a bank that fits you instead, such as "
    "careercoach assess --bank stuck (careercoach banks list shows every bank)."
)


def test_the_plan_names_each_bank_that_was_not_for_the_person() -> None:
    plan = _plan([LEAD], {"lead": {"manages": "nobody"}})
    assert plan.model_dump(mode="json")["skipped_banks"] == [
        {
            "bank": "lead",
            "title": "Developing your <bench>",
            "question": "manages",
            "answer": "nobody",
            "because": "I manage *nobody*",
        }
    ]
    assert [s.answer for s in _plan([LEAD], {"lead": {"manages": "retired"}}).skipped_banks] == [
        "retired"
    ]
    assert _plan([LEAD], {"lead": {"manages": "some", "q": 5}}).skipped_banks == []
    assert _plan([LEAD], {"lead": {}}).skipped_banks == []  # unanswered: the bank goes on
    assert Plan.model_validate({**plan.model_dump(), "skipped_banks": []}).skipped_banks == []
    stored_before = plan.model_dump()
    del stored_before["skipped_banks"]
    assert Plan.model_validate(stored_before).skipped_banks == []


def test_when_no_bank_was_for_the_person_the_plan_says_so_and_what_to_take() -> None:
    plan = _plan([LEAD], {"lead": {"manages": "nobody"}})
    assert (plan.next_checkin, plan.checkin_reason, plan.recheck_banks) == (
        "2026-11-22",
        "Now: none of the banks taken was for you, so take one that is.",
        ["stuck"],  # what `checkin --run` adds
    )
    text = _terminal(plan)
    assert text.split("\n")[3:9] == [
        "Not for you",
        "  " + LEAD_LINE,
        "",
        "  " + NOTHING_TO_PLAN,
        "",
        "Next check-in",
    ]
    assert "  Now: take a bank that fits you; that plan sets the next date." in text
    for wrong in ("Nothing needs action now", "No dimension was scored", "Where you stand"):
        assert wrong not in text
    markdown = to_markdown(plan)
    assert markdown.split("\n")[4:10] == [
        "## Not for you",
        "",
        "\u201cDeveloping your \\<bench\\>\u201d was skipped as not for you: you "
        "answered \u201cI manage \\*nobody\\*\u201d.",
        "",
        NOTHING_TO_PLAN,
        "",
    ]
    assert "**Now: take a bank that fits you; that plan sets the next date.**" in markdown
    assert "Nothing needs action now" not in markdown
    assert "No dimension was scored" not in markdown
    assert "No dimension was scored" not in to_markdown(plan, explain=True)
    html = to_html(plan)
    assert '<section id="not-for-you">\n<h2>Not for you</h2>' in html
    assert "\u201cDeveloping your &lt;bench&gt;\u201d was skipped" in html
    assert "Nothing needs action now" not in html
    assert "No dimension was scored" not in html


def test_a_skipped_bank_beside_an_answered_one_is_one_line_above_its_plan() -> None:
    plan = _plan([LEAD, STUCK], {"lead": {"manages": "nobody"}, "stuck": {"q": 5}})
    assert [a.id for a in plan.actions] == ["b_week"]
    assert plan.next_checkin == "2027-02-20"
    text = _terminal(plan)
    lines = text.split("\n")
    assert lines[3:7] == ["Not for you", "  " + LEAD_LINE, "", "Focus first"]
    assert "nothing to plan" not in text
    assert "Take a bank that fits you" not in text


def test_history_names_the_banks_that_were_not_for_the_person() -> None:
    def entry(banks: tuple[str, ...], skipped: tuple[str, ...]) -> Entry:
        return Entry(7, "2026-11-22T10:04:05+00:00", banks, (), (), 0, 0, None, skipped)

    def findings(banks: tuple[str, ...], skipped: tuple[str, ...]) -> str:
        lines = history_lines([entry(banks, skipped)], 1, [])
        return next(line for line in lines if "Top findings" in line)

    assert findings(("leader",), ("leader",)) == "    Top findings: leader skipped (not for you)."
    assert findings(("leader", "stuck"), ("leader",)) == (
        "    Top findings: nothing at moderate or high; leader skipped (not for you)."
    )
    assert findings(("stuck",), ()) == "    Top findings: nothing at moderate or high."
    assert entry(("leader",), ("leader",)).to_json()["skipped_banks"] == ["leader"]


# -- neutral answers and the program's figures ----------------------------------------


def _school() -> Bank:
    def number(qid: str) -> dict[str, Any]:
        return {"id": qid, "type": "number", "prompt": qid, "required": False}

    return Bank.model_validate(
        {
            "id": "school",
            "title": "School",
            "dimensions": [
                {"id": "goal", "label": "Goal needs it"},
                {"id": "cost", "label": "Cost"},
            ],
            "questions": [
                *(
                    {"id": f"g{i}", "type": "likert", "prompt": f"G{i}", "dimension": "goal"}
                    for i in range(4)
                ),
                {"id": "c", "type": "likert", "prompt": "C", "dimension": "cost"},
                number("tuition"),
                number("study_years"),
                number("pay_now"),
                number("pay_after"),
            ],
            "roi": {
                "cost": "tuition",
                "years": "study_years",
                "current_salary": "pay_now",
                "expected_salary": "pay_after",
            },
            "verdict": {
                "for": ["goal"],
                "against": ["cost"],
                "lean_for": "Go for it.",
                "lean_against": "Not now.",
                "mixed": "It depends.",
            },
        }
    )


FIGURES = {"tuition": 60000, "study_years": 2, "pay_now": 70000, "pay_after": 90000}
NEUTRAL = {"g0": 3, "g1": 3, "g2": 3, "g3": 3, "c": 3}


def test_no_verdict_is_drawn_from_neutral_answers() -> None:
    plan = _plan([_school()], {"school": {**NEUTRAL, **FIGURES}})
    assert plan.verdicts == []
    assert plan.roi is not None  # the figures are facts the person gave
    # a lean either way on the need still gives a verdict
    leaning = _plan([_school()], {"school": {**NEUTRAL, "g0": 1, **FIGURES}})
    assert [(v.leaning, v.because) for v in leaning.verdicts] == [
        ("against", ["Goal needs it: none, by your answers (0 of 100)"])
    ]
    # neutral on the need, a lean on the cost only: nothing said about the need
    assert _plan([_school()], {"school": {**NEUTRAL, "c": 5, **FIGURES}}).verdicts == []


def test_neutral_answers_with_the_programs_figures_say_the_figures_are_below() -> None:
    plan = _plan([_school()], {"school": {**NEUTRAL, **FIGURES}})
    assert plan.warnings == [
        "Your answers do not tell me enough yet: every agree/disagree answer was neutral "
        "(3), and a neutral answer shows no need and no strength, so nothing here says "
        "whether you need more study; only the figures you gave are worked out below. Run "
        "careercoach assess again now, and wherever you lean even a little, agree or "
        "disagree."
    ]
    assert (plan.next_checkin, plan.checkin_reason) == (
        "2026-11-22",
        "Now: neutral answers say nothing about what you need, so answer again first.",
    )
    assert "nothing to go on" not in plan.model_dump_json()
    text = _terminal(plan)
    assert "nothing to go on" not in text
    assert "Which way the evidence points" not in text
    assert "Does the degree pay?" in text
    without = _plan([_school()], {"school": NEUTRAL})
    assert without.roi is None
    assert "so this plan has nothing to go on" in without.warnings[0]
