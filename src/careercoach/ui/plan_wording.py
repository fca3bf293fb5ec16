"""The words the terminal view and every export of a plan share.

The header, the horizon titles, the check-in lines, the ROI lines, how an action and a
commitment are named: one place, so that ``plan``, the Markdown, the HTML and the calendar
say the same thing. Everything here returns plain text (never escaped): each view passes
it through ``safe_text`` for its own output.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from careercoach.core.dates import count, human_date, human_time, local_time, span_text

if TYPE_CHECKING:
    from careercoach.core.models import (
        Commitment,
        DimensionScore,
        Explanation,
        Horizon,
        OwnWords,
        Plan,
        PlannedAction,
    )

TITLE = "Your career action plan"
HORIZON_TITLES: dict[str, str] = {
    "week": "This week",
    "month": "This month",
    "quarter": "This quarter",
}
NO_CHECKIN = "Come back in about three months, or sooner if something changes at work."
CHECKIN_ADVICE = "Run careercoach assess again then, or sooner if something changes at work."
PRIVACY_NOTE = "Made on this computer by careercoach {version}. Nothing was sent anywhere."
NO_ACTIONS = "Nothing needs action now: no dimension reached moderate."
COMMITMENTS_TITLE = "Your commitments"
OWN_WORDS_TITLE = "In your words"
FOCUS_TITLE = "Focus first"
ACTIONS_TITLE = "Actions"
STRENGTHS_TITLE = "Strengths to build on"
SCORES_TITLE = "Where you stand"
SCORES_NOTE = "Scores run from 0 to 100; higher scores need more attention."
NO_SCORES = "No dimension was scored."
WARNINGS_TITLE = "Answer quality"
CHECKIN_TITLE = "Next check-in"
MORE_ACTIONS_TITLE = "More that applies"
COMMIT_HINT = "Commit to an action with: careercoach plan --commit N --by YYYY-MM-DD"
THIN_ANSWERS_TITLE = "Your answers do not tell me enough yet"
THIN_ANSWERS_CHECKIN = "Now: answer again with careercoach assess; that plan sets the next date."
MAX_FOCUS = 3
"""The views show at most this many focus areas (a plan stored before the short plan
may hold more)."""


def since_previous(plan: Plan) -> str | None:
    """How long after the assessment before it this one finished (``3 months after the
    one before``); None for a first assessment (and for one dated after this one: a
    clock that was wrong)."""
    if plan.previous_finished_at is None:
        return None
    previous = local_time(plan.previous_finished_at).date()
    days = (local_time(plan.finished_at).date() - previous).days
    if days == 0:
        return "the same day as the one before"
    if days > 0:
        return f"{span_text(days)} after the one before"
    return None


def context_line(plan: Plan) -> str:
    """The one line of context under the title: which assessment, when (and how long
    after the one before), which banks. Plain text; clean it for the output."""
    which = f"Assessment {plan.assessment_id}," if plan.assessment_id else "Finished"
    when = f"{which} {human_time(plan.finished_at)}"
    since = since_previous(plan)
    parts = [f"{when}, {since}." if since else f"{when}."]
    if plan.banks:
        parts.append(f"Banks: {', '.join(plan.banks)}.")
    return " ".join(parts)


def answers_too_thin(plan: Plan) -> bool:
    """True when the plan carries an answer-quality warning and nothing reached moderate.

    Such a plan has nothing to say yet: the warning leads it, under
    :data:`THIN_ANSWERS_TITLE`, and the views leave out the findings and the "nothing
    needs action" line, which would read as a clean bill of health.
    """
    return (
        bool(plan.warnings)
        and not plan.actions
        and not any(d.level != "low" for d in plan.dimensions)
    )


def thin_answers_text(warning: str) -> str:
    """A warning under :data:`THIN_ANSWERS_TITLE`, without the title said again when the
    warning opens with it (``Your answers do not tell me enough yet: every ...`` ->
    ``Every ...``)."""
    head = THIN_ANSWERS_TITLE + ":"
    if not warning.startswith(head):
        return warning
    rest = warning[len(head) :].lstrip()
    return rest[:1].upper() + rest[1:] if rest else warning


def calendar_hint(plan: Plan) -> str:
    """How to get the check-in (and the commitments, if any) into a calendar."""
    what = "it and your commitments" if plan.commitments else "it"
    return f"careercoach plan --export ics adds {what} to a calendar."


def and_list(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def checkin_lines(plan: Plan) -> list[str]:
    """The next check-in: the date; then why it is sooner than usual (a trigger fired)
    and, on a line of its own, the exact command that takes the banks worth taking then
    (bank ids are for the command, not for a sentence); or the usual advice."""
    if plan.next_checkin is None:
        return [NO_CHECKIN]
    day = date.fromisoformat(plan.next_checkin)
    days = (day - local_time(plan.finished_at).date()).days
    when = f"{span_text(days)} after this assessment" if days else "the day of this assessment"
    again = [bank for bank in plan.recheck_banks if bank in plan.banks]
    new = [bank for bank in plan.recheck_banks if bank not in plan.banks]
    lines = [f"{human_date(day)} ({when})."]
    if not again and not new:
        return [*lines, " ".join(filter(None, [plan.checkin_reason, CHECKIN_ADVICE]))]
    # The plan does not know which banks the person took in earlier assessments, so a
    # bank outside this one is said to be that, not "new to you".
    then = "Then answer again with the banks worth taking now" + (
        ", some of them not in this assessment:" if new and again else ":"
    )
    command = "careercoach assess" + "".join(f" --bank {bank}" for bank in [*again, *new])
    return [*lines, " ".join(filter(None, [plan.checkin_reason, then])), command]


def is_need(dimension: DimensionScore) -> bool:
    """A scored need, not a new-eyes event (an event at work is a fact, not a score)."""
    return not dimension.event


def areas(plan: Plan) -> list[DimensionScore]:
    """The needs, one per area: twin dimensions of other banks (the same ``topic`` as one
    of an earlier bank's) are one area, shown by the first (the highest: the plan sorts
    by score). Dimensions of one bank are always their own areas."""
    bank_of_topic: dict[str, str] = {}
    out = []
    for d in plan.dimensions:
        if not is_need(d):
            continue
        if d.topic is not None and bank_of_topic.setdefault(d.topic, d.bank) != d.bank:
            continue
        out.append(d)
    return out


def _focus_keys(plan: Plan) -> set[tuple[str, str]]:
    """The focus areas shown, by ``(bank, dimension)``."""
    return {(f.bank, f.dimension) for f in plan.focus[:MAX_FOCUS]}


def shown_needs(plan: Plan, *, every: bool = False) -> list[DimensionScore]:
    """The findings in "Where you stand": the areas at moderate or high, twins as one
    (``every``: every need, for ``plan --all``, ``--explain`` and the exports with
    ``explain``), and every focus area, an event at work included (a new boss the plan
    focuses on is a finding too), in the plan's order (highest score first)."""
    focus = _focus_keys(plan)
    chosen = {id(d) for d in (plan.dimensions if every else areas(plan)) if is_need(d)}
    return [
        d
        for d in plan.dimensions
        if (id(d) in chosen and (every or d.level != "low"))
        or ((d.bank, d.id) in focus and d.score > 0)
    ]


def outside_focus_line(plan: Plan, *, every: bool = False) -> str | None:
    """``Not in this plan's focus yet: Unknown to the people who decide.``: the needs shown
    at moderate or high that are neither a focus area nor a twin of one (the same
    ``topic``), so that a finding without an action does not read as forgotten; None
    when there is none, or the plan has no focus at all (``every``: not said)."""
    if every or not plan.focus:
        return None
    focus = _focus_keys(plan)
    topic_of = {(d.bank, d.id): d.topic for d in plan.dimensions}
    focus_topics = {topic_of.get(key) for key in focus} - {None}
    waiting = [
        d.label
        for d in shown_needs(plan)
        if (d.bank, d.id) not in focus and (d.topic is None or d.topic not in focus_topics)
    ]
    lines = [*_counted_with_lines(plan)]
    if waiting:
        lines.append(f"Not in this plan's focus yet: {and_list(waiting)}.")
    return " ".join(lines) or None


def _counted_with_lines(plan: Plan) -> list[str]:
    """``Counted with A requirement of the job you want, since they measure the same
    thing: A qualification your industry expects.``: the findings shown that are not focus
    areas but twins of one (the same ``topic``), so that a high score outside the focus
    does not read as overlooked; the focus area's actions stand for them."""
    focus = _focus_keys(plan)
    labels = dimension_labels(plan)
    focus_of_topic: dict[str, str] = {}
    for d in plan.dimensions:
        if (d.bank, d.id) in focus and d.topic is not None:
            focus_of_topic.setdefault(d.topic, labels.get((d.bank, d.id), d.label))
    twins: dict[str, list[str]] = {}
    for d in shown_needs(plan):
        if (d.bank, d.id) not in focus and d.topic in focus_of_topic:
            twins.setdefault(focus_of_topic[d.topic], []).append(d.label)
    return [
        f"Counted with {head}, since {'they measure' if len(rest) > 1 else 'it measures'} "
        f"the same thing: {and_list(rest)}."
        for head, rest in twins.items()
    ]


def focus_twin_label(plan: Plan, bank: str, dimension: str) -> str | None:
    """The label of the focus area an area is a twin of (the same ``topic``), when the
    area is not a focus area itself; None otherwise."""
    if (bank, dimension) in _focus_keys(plan):
        return None
    topic = next((d.topic for d in plan.dimensions if (d.bank, d.id) == (bank, dimension)), None)
    if topic is None:
        return None
    labels = dimension_labels(plan)
    for f in plan.focus[:MAX_FOCUS]:
        twin = next((d for d in plan.dimensions if (d.bank, d.id) == (f.bank, f.dimension)), None)
        if twin is not None and twin.topic == topic:
            return labels.get((f.bank, f.dimension), twin.label)
    return None


def _has_evidence(plan: Plan, area: DimensionScore) -> bool:
    """Whether any answer leaned either way on an area or on a twin of it (the same
    ``topic``)."""
    if area.topic is None:
        return area.evidence
    return any(d.evidence for d in plan.dimensions if d.topic == area.topic and is_need(d))


def low_needs_line(plan: Plan, *, every: bool = False) -> str | None:
    """``3 other areas scored low.`` under the needs shown (``All 23 areas scored low.``
    when none is shown); None when every need is shown. An area whose answers all sat on
    the fence (neutral, nothing ticked, a middle option) did not score low: it is counted
    apart (``3 other areas scored low; 2 more had no answer that leaned either way.``)."""
    if every:
        return None
    shown = {id(d) for d in shown_needs(plan)}
    rest = [d for d in areas(plan) if id(d) not in shown]
    if not rest:
        return None
    low = sum(1 for d in rest if _has_evidence(plan, d))
    silent = len(rest) - low
    quiet = f"{silent} more had no answer that leaned either way"
    if shown:
        if not low:
            return f"{count(silent, 'other area')} had no answer that leaned either way."
        head = f"{count(low, 'other area')} scored low"
    elif not low:
        if silent == 1:
            return "The one area had no answer that leaned either way."
        return f"None of the {silent} areas had an answer that leaned either way."
    elif silent:
        head = f"{count(low, 'area')} scored low"
    else:
        return f"All {count(low, 'area')} scored low." if low > 1 else "The one area scored low."
    return f"{head}; {quiet}." if silent else f"{head}."


def event_words(label: str) -> str:
    """An event's label inside a sentence: ``A new boss`` -> ``a new boss`` (an acronym
    such as ``IT moved`` keeps its capitals)."""
    first = label.split(" ", 1)[0]
    if first[:1].isupper() and (len(first) == 1 or first[1:].islower()):
        return label[0].lower() + label[1:]
    return label


def reported_events_line(plan: Plan) -> str | None:
    """``Reported at work: a new boss, cost cutting.``: the events at work that were
    reported, as facts (events that were not reported are not named, nor those already
    shown as findings because the plan focuses on them). When none of them brought the
    check-in forward (good news), the line says it needs no step, so that it does not
    read as a loose end."""
    focus = _focus_keys(plan)
    reported = [
        event_words(d.label)
        for d in plan.dimensions
        if d.event and d.score > 0 and (d.bank, d.id) not in focus
    ]
    if not reported:
        return None
    also = any(d.event for d in shown_needs(plan))
    if plan.checkin_reason is None:  # it brought nothing forward: say so, not a loose end
        return (
            f"You {'also ' if also else ''}reported {and_list(reported)} at work: good "
            "news that needs no step of its own."
        )
    return f"{'Also reported' if also else 'Reported'} at work: {', '.join(reported)}."


def dimension_labels(plan: Plan) -> dict[tuple[str, str], str]:
    """``(bank, dimension) -> label`` for the plan's scored dimensions."""
    return {(d.bank, d.id): d.label for d in plan.dimensions}


def actions_by_horizon(plan: Plan) -> list[tuple[Horizon, list[int]]]:
    """The indexes of ``plan.actions`` per horizon (week, month, quarter), empty ones left out."""
    groups: dict[Horizon, list[int]] = {"week": [], "month": [], "quarter": []}
    for index, action in enumerate(plan.actions):
        groups[action.horizon].append(index)
    return [(horizon, indexes) for horizon, indexes in groups.items() if indexes]


def explain_figures(explanation: Explanation) -> tuple[list[tuple[str, str]], tuple[str, str]]:
    """What each answer added and could have added, and the totals, as shown: each part
    rounded half up to two decimals, and each total the sum of the parts shown, so that
    they add up on the page (``+1``, ``+0.75``, ``+0.38``: ``2.13``). The score itself is
    worked out from the exact values."""
    from careercoach.ui.roi_wording import hundredths, number

    parts = [(hundredths(item.added), hundredths(item.most)) for item in explanation.items]
    added = sum((part[0] for part in parts), Decimal(0))
    most = sum((part[1] for part in parts), Decimal(0))
    return [(number(a), number(m)) for a, m in parts], (number(added), number(most))


# -- actions, commitments, own words ----------------------------------------------------


def action_label(plan: Plan, action: PlannedAction) -> str:
    """The areas an action serves: its own (its dimension's id if the plan lacks the
    label), then ``; also ...`` the others the same advice stands for, twin dimensions of
    one ``topic`` named once."""
    own = focus_twin_label(plan, action.bank, action.dimension) or dimension_labels(plan).get(
        (action.bank, action.dimension), action.dimension
    )
    topic_of = {(d.bank, d.id): d.topic for d in plan.dimensions}
    named = {topic_of.get((action.bank, action.dimension))} - {None}
    others = []
    for area in action.serves:
        key = (area.bank, area.dimension)
        topic = topic_of.get(key)
        if key == (action.bank, action.dimension) or area.label == own or topic in named:
            continue  # twins (one topic) are one area: named once
        if topic is not None:
            named.add(topic)
        others.append(area.label)
    if not others:
        return own
    return f"{own}; also {', '.join(dict.fromkeys(others))}"


def action_marker(action: PlannedAction) -> str:
    """``3.``: the number ``plan --done 3`` knows it by; empty for an unnumbered action
    (``more_actions``, plans stored before numbers existed)."""
    return f"{action.number}." if action.number else ""


def more_by_horizon(plan: Plan) -> list[tuple[Horizon, list[PlannedAction]]]:
    """``plan.more_actions`` per horizon (week, month, quarter), empty ones left out."""
    groups: dict[Horizon, list[PlannedAction]] = {"week": [], "month": [], "quarter": []}
    for action in plan.more_actions:
        groups[action.horizon].append(action)
    return [(horizon, actions) for horizon, actions in groups.items() if actions]


def due_text(commitment: Commitment) -> str:
    """``by Friday 11 December 2026``."""
    return f"by {human_date(date.fromisoformat(commitment.by))}"


def as_sentence(text: str) -> str:
    """``text`` ending as a sentence does: a full stop added unless it ends in one, or in
    ``!`` or ``?`` (an if-then line as the person wrote it)."""
    return text if text.endswith((".", "!", "?")) else text + "."


def commitment_lines(commitment: Commitment) -> tuple[str, str]:
    """The commitment in two parts: ``"Action text"`` and ``"By Friday 11 December 2026.
    If ..., then ... Done."`` (plain text)."""
    tail = "B" + due_text(commitment)[1:] + "."
    if commitment.if_then:
        tail += f" {as_sentence(commitment.if_then)}"
    if commitment.done:
        tail += " Done."
    return commitment.text, tail


def own_words_where(plan: Plan, words: OwnWords) -> str:
    """Where a written answer belongs: ``about Boredom``; empty when it belongs to no one
    area (a bank's id is no words for a person)."""
    if words.dimension is None:
        return ""
    label = dimension_labels(plan).get((words.bank, words.dimension), words.dimension)
    return f"about {label}"


def own_words_source(plan: Plan, words: OwnWords) -> str:
    """What a written answer answered, and where it belongs: ``What changed then?
    (about Not moving up)``."""
    where = own_words_where(plan, words)
    prompt = " ".join(words.prompt.split())
    return f"{prompt} ({where})" if where else prompt


def quoted(text: str) -> str:
    """A written answer in quotation marks, as one paragraph (line breaks become spaces)."""
    return "\u201c" + " ".join(text.split()) + "\u201d"
