"""The figures behind history, compare and checkin: trends, changes, the check-in rule,
done actions in the next plan, and the pydantic-free reader."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.core import checkin, compare, done, trends
from careercoach.core.models import DimensionScore, Plan, PlannedAction
from careercoach.errors import BadInput
from careercoach.flows.assessment import load_banks


def dim(
    bank: str, id_: str, score: int, level: str = "moderate", label: str = ""
) -> trends.DimensionFigure:
    return trends.DimensionFigure(bank, id_, label or id_.title(), score, level)


def entry(id_: int, *dims: trends.DimensionFigure) -> trends.Entry:
    return trends.Entry(id_, f"2026-0{id_}-01T10:00:00+00:00", ("stuck",), (), dims, 0, 0)


def event(
    id_: int, day: date, recorded: str = "2026-01-01T00:00:00+00:00", days: int = 30
) -> checkin.EventRecord:
    return checkin.EventRecord(
        id_,
        "new_eyes",
        "new_boss",
        "A new boss",
        day,
        None,
        days,
        ("promotion", "connections"),
        recorded,
    )


# -- trends ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "word"), [(-1, "better"), (-58, "better"), (0, "same"), (1, "worse")]
)
def test_a_falling_score_is_better(change: int, word: str) -> None:
    assert trends.direction(change) == word


@pytest.mark.parametrize(
    ("score", "cell"),
    [
        (0, "▁"),
        (7, "▁"),
        (8, "▂"),
        (50, "▅"),
        (78, "▆"),
        (92, "▇"),
        (93, "█"),
        (100, "█"),
        (None, "·"),
    ],
)
def test_spark_cells(score: int | None, cell: str) -> None:
    assert trends.spark(score) == cell


def test_no_trend_below_three_assessments() -> None:
    entries = [entry(2, dim("stuck", "bored", 50)), entry(1, dim("stuck", "bored", 80))]
    assert trends.trends(entries) == []


def test_trends_oldest_to_newest_with_gaps() -> None:
    newest_first = [
        entry(4, dim("stuck", "bored", 25), dim("stuck", "fit", 90, label="Fit")),
        entry(3, dim("stuck", "bored", 40)),
        entry(2, dim("stuck", "bored", 60), dim("stuck", "fit", 70)),
        entry(1, dim("stuck", "bored", 83), dim("stuck", "fit", 10), dim("x", "rare", 5)),
    ]
    rows = trends.trends(newest_first)
    assert [(r.bank, r.id, r.label, r.scores) for r in rows] == [
        ("stuck", "fit", "Fit", (10, 70, None, 90)),
        ("stuck", "bored", "Bored", (83, 60, 40, 25)),
    ]
    fit, bored = rows
    assert (fit.first, fit.last, fit.change, fit.direction) == (10, 90, 80, "worse")
    assert (bored.first, bored.last, bored.change, bored.direction) == (83, 25, -58, "better")
    assert fit.sparkline == "▂▆·▇"
    assert bored.sparkline == "▇▅▄▃"


def test_trends_use_only_the_window() -> None:
    entries = [entry(i, dim("s", "d", i * 10)) for i in range(9, 0, -1)]
    (row,) = trends.trends(entries, window=3)
    assert row.scores == (70, 80, 90)


# -- compare --------------------------------------------------------------------------


def snapshot(id_: int, dims: list[trends.DimensionFigure], actions: list[str]) -> compare.Snapshot:
    return compare.Snapshot(
        id_,
        f"2026-0{id_}-01T10:00:00+00:00",
        ("stuck",),
        tuple(dims),
        tuple(compare.ActionFigure("stuck", "bored", a, f"Do {a}.", "week") for a in actions),
    )


def test_compare_figures() -> None:
    then = snapshot(
        1,
        [dim("stuck", "bored", 83, "high"), dim("stuck", "fit", 40), dim("stuck", "gone", 50)],
        ["a", "b"],
    )
    now = snapshot(
        2,
        [dim("stuck", "fit", 52), dim("stuck", "bored", 25, "low"), dim("stuck", "new", 70)],
        ["b", "c"],
    )
    marked = [done.DoneAction(1, "stuck", "bored", "a", 83, "2026-01-15T10:00:00+00:00", "Do a.")]
    result = compare.compare(then, now, marked)
    assert [(d.id, d.then, d.now, d.change, d.direction) for d in result.dimensions] == [
        ("fit", 40, 52, 12, "worse"),
        ("bored", 83, 25, -58, "better"),
        ("new", None, 70, None, "new"),
        ("gone", 50, None, None, "gone"),
    ]
    assert result.counts() == {"better": 1, "worse": 1, "same": 0, "new": 1, "gone": 1}
    assert [a.id for a in result.new_actions] == ["c"]
    assert [a.id for a in result.dropped_actions] == ["a"]
    assert [d.key for d in result.new_dimension_figures()] == ["stuck.new"]
    as_json = result.to_json()
    assert as_json["dimensions"][1] == {
        "bank": "stuck",
        "id": "bored",
        "label": "Bored",
        "then": 83,
        "now": 25,
        "change": -58,
        "direction": "better",
        "level_then": "high",
        "level_now": "low",
    }
    assert as_json["done_since"][0]["action"] == "a"
    assert as_json["new_dimensions"] == ["stuck.new"]


def banked(id_: int, banks: tuple[str, ...], scores: dict[str, int]) -> compare.Snapshot:
    """A snapshot whose dimensions ``bank.dim`` each have an action ``dim_do``."""
    dims = [dim(k.split(".")[0], k.split(".")[1], v) for k, v in scores.items()]
    return compare.Snapshot(
        id_,
        f"2026-0{id_}-01T10:00:00+00:00",
        banks,
        tuple(dims),
        tuple(
            compare.ActionFigure(d.bank, d.id, f"{d.id}_do", f"Do {d.id}.", "week") for d in dims
        ),
    )


def test_compare_lists_actions_only_of_banks_taken_both_times() -> None:
    then = banked(1, ("stuck", "leader"), {"stuck.bored": 80, "leader.kp": 70, "leader.su": 60})
    now = banked(2, ("stuck", "promotion"), {"stuck.bored": 50, "stuck.fit": 40, "promotion.x": 90})
    result = compare.compare(then, now, skipped=[])
    assert result.banks_in_both == ("stuck",)
    assert (result.banks_only_then, result.banks_only_now) == (("leader",), ("promotion",))
    assert [a.key for a in result.new_actions] == ["stuck.fit_do"]  # not promotion.x_do
    assert result.dropped_actions == []  # not leader's: leader was not taken now
    assert [(d.id, d.direction) for d in result.compared] == [("bored", "better"), ("fit", "new")]
    assert result.counts(result.compared) == {
        "better": 1,
        "worse": 0,
        "same": 0,
        "new": 1,
        "gone": 0,
    }
    as_json = result.to_json()
    assert (as_json["banks_in_both"], as_json["banks_only_then"], as_json["banks_only_now"]) == (
        ["stuck"],
        ["leader"],
        ["promotion"],
    )
    assert len(as_json["dimensions"]) == 5  # every score is still in the JSON


def test_pick_pair_skips_assessments_of_other_banks() -> None:
    assert compare.pick_pair([]) is None
    assert compare.pick_pair([(1, ("stuck",))]) is None
    assert compare.pick_pair([(2, ("stuck",)), (1, ("stuck",))]) == compare.Pair(
        1, 2, (), ("stuck",)
    )
    taken = [
        (6, ("leader", "stuck")),
        (5, ("promotion",)),
        (4, ("education",)),
        (3, ("stuck", "new_eyes")),
        (2, ("leader",)),
    ]
    assert compare.pick_pair(taken) == compare.Pair(3, 6, (5, 4), ("stuck",))
    assert compare.pick_pair([(2, ("promotion",)), (1, ("stuck",))]) == compare.Pair(1, 2, (), ())


# -- done actions ---------------------------------------------------------------------


def test_a_done_action_comes_back_only_when_its_dimension_got_worse() -> None:
    baseline = {("stuck", "a"): 60}
    assert done.repeat_action("stuck", "a", 60, baseline) is False
    assert done.repeat_action("stuck", "a", 40, baseline) is False
    assert done.repeat_action("stuck", "a", 61, baseline) is True
    assert done.repeat_action("stuck", "b", 10, baseline) is True


def make_plan(score: int) -> Plan:
    return Plan(
        assessment_id=1,
        finished_at="2026-11-22T10:00:00+00:00",
        tool_version="0",
        dimensions=[
            DimensionScore(bank="s", id="d", label="D", score=score, level="high"),
            DimensionScore(bank="t", id="e", label="E", score=50, level="moderate"),
        ],
        actions=[
            PlannedAction(bank="s", dimension="d", id="a", text="A", horizon="week"),
            PlannedAction(bank="t", dimension="e", id="a", text="A too", horizon="week"),
            PlannedAction(bank="s", dimension="d", id="b", text="B", horizon="month"),
        ],
    )


def test_without_done_drops_unless_worse() -> None:
    baseline = {("s", "a"): 80}
    assert [a.text for a in done.without_done(make_plan(80), baseline).actions] == ["A too", "B"]
    assert [a.text for a in done.without_done(make_plan(81), baseline).actions] == [
        "A",
        "A too",
        "B",
    ]


def test_resolve_action() -> None:
    plan = make_plan(80)
    assert done.resolve_action(plan, "b") == done.ActionRef(2, "s", "d", "b")
    assert done.resolve_action(plan, "t.a") == done.ActionRef(1, "t", "e", "a")
    with pytest.raises(BadInput) as ambiguous:
        done.resolve_action(plan, "a")
    assert ambiguous.value.problems == [
        "'a' is in several banks of assessment 1; say which: s.a, t.a"
    ]
    with pytest.raises(BadInput) as unknown:
        done.resolve_action(plan, "zz")
    assert unknown.value.problems == ["no action 'zz' in plan 1"]
    assert unknown.value.hint == (
        "See the ids: careercoach plan --export json --output - (or tick: --check)"
    )


def leader_plan() -> Plan:
    """Many actions with long ids, as the built-in leader bank gives."""
    ids = [
        ("kp_lunch_test", "Have lunch with each of your promising people."),
        ("su_name_successors", "Name two people who could take your job."),
        ("su_delegate_part", "Hand one part of your job to your likeliest successor."),
        ("su_run_the_team", "Have your successor run the team for a week."),
        ("mc_twenty_minutes", "Spend twenty minutes a week mentoring someone."),
    ]
    return Plan(
        assessment_id=3,
        finished_at="2026-11-22T10:00:00+00:00",
        tool_version="0",
        dimensions=[DimensionScore(bank="leader", id="d", label="D", score=90, level="high")],
        actions=[
            PlannedAction(bank="leader", dimension="d", id=a, text=t, horizon="week")
            for a, t in ids * 8  # a long plan: the old message listed every id on one line
        ],
    )


@pytest.mark.parametrize(
    ("ref", "command", "lines"),
    [
        (
            "succession",
            "careercoach plan",
            [
                "no action 'succession' in plan 3",
                "did you mean leader.su_name_successors?",
                "See the ids: careercoach plan --export json --output - (or tick: --check)",
            ],
        ),
        (
            "lunch_tset",
            "careercoach plan --id 3",
            [
                "no action 'lunch_tset' in plan 3",
                "did you mean leader.kp_lunch_test?",
                "See the ids: careercoach plan --id 3 --export json --output - (or tick: --check)",
            ],
        ),
        (  # a word of one action's text, when no id is close
            "mentorin",
            "careercoach plan",
            [
                "no action 'mentorin' in plan 3",
                "did you mean leader.mc_twenty_minutes?",
                "See the ids: careercoach plan --export json --output - (or tick: --check)",
            ],
        ),
        (
            "x" * 200,
            "careercoach plan --id 12345",
            [
                f"no action '{'x' * 29}…' in plan 3",
                "See the ids: careercoach plan --id 12345 --export json --output -",
            ],
        ),
    ],
)
def test_an_unknown_action_is_three_short_lines_at_most(
    ref: str, command: str, lines: list[str]
) -> None:
    with pytest.raises(BadInput) as unknown:
        done.resolve_action(leader_plan(), ref, command=command)
    shown = [*unknown.value.problems, unknown.value.hint]
    assert shown == lines
    assert all(len(f"careercoach: {line}") <= 80 for line in unknown.value.problems)
    assert all(len(line or "") <= 80 for line in shown)


def test_close_actions() -> None:
    actions = [
        ("leader", "su_name_successors", "Name two people."),
        ("stuck", "over_deliver", "Deliver one thing your boss needs."),
        ("stuck", "ask_boss", "Ask your boss."),
    ]
    assert done.close_actions("stuck.over_delivr", actions) == ["stuck.over_deliver"]
    assert done.close_actions("over-deliver", actions) == ["stuck.over_deliver"]
    assert done.close_actions("deliver", actions) == ["stuck.over_deliver"]
    assert done.close_actions("boss", actions) == ["stuck.ask_boss"]  # the id part, not the text
    assert done.close_actions("needs", actions) == ["stuck.over_deliver"]  # one action's word
    assert done.close_actions("your", actions) == []  # a word of several actions
    assert done.close_actions("zzz", actions) == []


# -- the check-in rule ----------------------------------------------------------------


def test_checkin_is_the_sooner_of_the_plan_and_each_event() -> None:
    planned = date(2027, 2, 20)
    early = event(1, date(2026, 12, 1))  # due 2026-12-31
    late = event(2, date(2027, 1, 25))  # due 2027-02-24, after the plan's date
    due = checkin.checkin_due(planned, [early, late])
    assert due.day == date(2026, 12, 31)
    assert due.moved_by == (early,)
    assert due.recheck == ["promotion", "connections"]
    assert checkin.checkin_due(planned, [late]) == checkin.Due(planned, ())
    assert checkin.checkin_due(planned, []) == checkin.Due(planned, ())
    assert checkin.checkin_due(None, []) == checkin.Due(None)
    assert checkin.checkin_due(None, [late]).day == date(2027, 2, 24)


def test_events_since_an_assessment() -> None:
    finished = "2026-11-22T12:00:00+00:00"
    local_day = datetime.fromisoformat(finished).astimezone().date()
    before = event(1, local_day - timedelta(days=3), recorded="2026-11-20T08:00:00+00:00")
    backdated = event(2, local_day - timedelta(days=3), recorded="2026-11-25T08:00:00+00:00")
    after = event(3, local_day + timedelta(days=1), recorded="2026-11-20T08:00:00+00:00")
    same_day_before = event(4, local_day, recorded="2026-11-22T11:59:59+00:00")
    same_day_after = event(5, local_day, recorded="2026-11-22T12:00:00+00:00")
    # an event dated before the assessment is one its answers knew of, whenever recorded
    assert checkin.events_since(
        [after, backdated, before, same_day_before, same_day_after], finished
    ) == [same_day_after, after]


@pytest.mark.parametrize(
    ("offset", "words"),
    [
        (0, "due today"),
        (1, "in 1 day"),
        (13, "in 13 days"),
        (28, "in 4 weeks"),
        (30, "in 4 weeks"),  # as the plan says it: "(4 weeks after this assessment)"
        (90, "in 3 months"),
        (-1, "overdue by 1 day"),
        (-9, "overdue by 9 days"),
        (-21, "overdue by 3 weeks"),
    ],
)
def test_due_words(offset: int, words: str) -> None:
    today = date(2026, 11, 22)
    assert checkin.due_words(today + timedelta(days=offset), today) == words


# -- triggers -------------------------------------------------------------------------


def test_the_new_eyes_triggers() -> None:
    triggers = checkin.find_triggers(load_banks())
    assert list(triggers) == [
        "new_executive",
        "market_shift",
        "project_change",
        "cost_cutting",
        "stretch_growth",
        "new_boss",
        "new_coworkers",
        "someone_fired",
    ]
    boss = triggers["new_boss"]
    assert (boss.bank, boss.label, boss.recheck, boss.checkin_days) == (
        "new_eyes",
        "A new boss",
        ("promotion", "connections"),
        30,
    )
    assert len(boss.week_actions) == 2
    assert boss.week_actions[1].startswith("Hand your new boss a one-page summary")


def test_entry_json() -> None:
    e = trends.Entry(
        3,
        "2026-11-22T10:00:00+00:00",
        ("stuck",),
        (dim("stuck", "bored", 83, "high", "Boredom"),),
        (dim("stuck", "bored", 83, "high", "Boredom"), dim("stuck", "fit", 10, "low")),
        5,
        2,
    )
    assert json.loads(json.dumps(e.to_json())) == {
        "id": 3,
        "finished_at": "2026-11-22T10:00:00+00:00",
        "banks": ["stuck"],
        "top": [{"bank": "stuck", "id": "bored", "label": "Boredom", "score": 83, "level": "high"}],
        "scores": {"stuck.bored": 83, "stuck.fit": 10},
        "actions": 5,
        "actions_done": 2,
        "edited_at": None,
        "skipped_banks": [],
    }


@pytest.mark.parametrize("days", [0, 1, 13, 14, 60, 61, 90, 400, 729, 730, 800, 3650])
def test_render_says_dates_and_spans_like_the_plan(days: int) -> None:
    from careercoach.ui import history_render
    from careercoach.ui import plan_wording as export

    assert history_render.span_text(days) == export.span_text(days)
    assert checkin.span_text(days) == export.span_text(days)
    day = date(2026, 11, 22) + timedelta(days=days)
    assert history_render.human_date(day) == export.human_date(day)
    iso = f"{day.isoformat()}T10:04:00+00:00"
    assert history_render.human_time(iso) == export.human_time(iso)


def test_history_says_why_there_is_no_trend() -> None:
    from careercoach.ui.history_render import history_lines

    def tail(total: int, shown: int) -> str:
        shown_entries = [entry(i, dim("stuck", "bored", 50)) for i in range(shown, 0, -1)]
        return history_lines(shown_entries, total, [])[-1]

    assert tail(2, 2) == "Trends appear once you have three assessments."
    assert tail(4, 4) == "No dimension was measured in three assessments yet."
    assert tail(9, 8) == "No dimension was measured in three of the last 8 assessments."
    assert tail(9, 2) == "Trends need three assessments shown: -n 3 or more, or --all."


def test_trends_explain_the_marks_once() -> None:
    from careercoach.ui.history_render import trend_lines

    rows = trends.trends([entry(i, dim("stuck", "bored", i * 30)) for i in (3, 2, 1)])
    assert trend_lines(rows) == [
        "Trends over the last 3 assessments, oldest to newest (a higher score is a",
        "greater need):",
        "Each mark is one assessment: ▁ = 0 … █ = 100; · = not measured that time.",
        "  Bored (stuck)                                     ▃▅▇   30 →  90  ↑  60 worse",
    ]


def test_trend_columns_line_up_under_wide_labels() -> None:
    """A Japanese label takes two cells a character: padded and wrapped by cells, the
    marks and figures of every row start in the same column, within 80."""
    from careercoach.ui.history_render import trend_lines
    from careercoach.ui.text_cells import cells

    long_ja = "上司との関係がうまくいかず成長の機会を逃していると感じる状態"
    rows = trends.trends(
        [
            entry(
                i,
                dim("stuck", "bored", i * 30),
                dim("ja", "stall", i * 20, label="成長の停滞"),
                dim("ja", "boss", i * 10, label=long_ja),
            )
            for i in (3, 2, 1)
        ]
    )
    lines = trend_lines(rows)[3:]
    figured = lines[:3]
    assert [line.split("  ")[1] for line in figured] == [
        "Bored (stuck)",
        "成長の停滞 (ja)",
        "上司との関係がうまくいかず成長の機会を逃している",  # the 48 cells of the column
    ]
    assert lines[3:] == ["    と感じる状態 (ja)"]  # wrapped in its column, not cut with "…"
    marks = [
        cells(line[: line.index(row.sparkline)]) for line, row in zip(figured, rows, strict=True)
    ]
    assert marks == [52, 52, 52]
    assert [cells(line) for line in figured] == [79, 79, 79]


def test_recheck_lines_tell_banks_to_take_again_from_new_ones() -> None:
    from careercoach.ui.history_render import recheck_lines

    taken = ["stuck", "promotion"]
    assert recheck_lines(["promotion", "connections"], taken) == [
        "Take again: promotion.",
        "Worth taking: connections.",
    ]
    assert recheck_lines(["connections"], taken) == ["Worth taking: connections."]
    assert recheck_lines(["stuck"], taken) == ["Take again: stuck."]
    assert recheck_lines([], taken) == []


# -- properties -----------------------------------------------------------------------

scores = st.integers(min_value=0, max_value=100)


@given(st.lists(scores, min_size=2, max_size=101, unique=True).map(sorted))
def test_spark_never_falls_as_the_score_rises(values: list[int]) -> None:
    cells = [trends.SPARKS.index(trends.spark(v)) for v in values]
    assert cells == sorted(cells)


@given(
    st.dictionaries(st.sampled_from("abcdef"), scores),
    st.dictionaries(st.sampled_from("abcdef"), scores),
)
def test_compare_covers_every_dimension_once(before: dict[str, int], after: dict[str, int]) -> None:
    then = snapshot(1, [dim("s", k, v) for k, v in before.items()], [])
    now = snapshot(2, [dim("s", k, v) for k, v in after.items()], [])
    result = compare.compare(then, now)
    assert sorted(d.id for d in result.dimensions) == sorted(set(before) | set(after))
    for d in result.dimensions:
        if d.then is not None and d.now is not None:
            assert d.direction == (
                "better" if d.now < d.then else "worse" if d.now > d.then else "same"
            )
    assert sum(result.counts().values()) == len(result.dimensions)
