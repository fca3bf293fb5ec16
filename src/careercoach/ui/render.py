"""Rich renderables for the plan (and pieces that history and compare reuse). No printing.

Everything here returns something to hand to ``Console.print`` (make the console with
``careercoach.ui.console.make_console``). Text from banks and answers always goes through
``safe_text.for_terminal`` into ``rich.text.Text``, which never reads ``[...]`` as markup;
nothing here builds a renderable from a plain string.

Two looks, one content: the default one uses a panel, rules and bars; ``plain=True`` has
no box drawing and no bars (the score and the level word say the same), for screen
readers and for pasting. Both read without colour: levels are words, bars have a filled
and an empty glyph. Width comes from the console at print time, so 80 columns fit and
wider terminals get longer bars and lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from careercoach.safe_text import for_terminal
from careercoach.ui import plan_lead, roi_wording
from careercoach.ui import plan_wording as wording
from careercoach.ui.hanging_rows import HangingRows

if TYPE_CHECKING:
    from careercoach.core.models import Explanation, Plan, PlannedAction

LEVEL_STYLES: dict[str, str] = {"high": "bold red", "moderate": "yellow", "low": "green"}
BAR_FULL = "█"
BAR_EMPTY = "░"
MAX_BAR = 50
INDENT = 2


def data(text: str, style: str = "") -> Text:
    """Text from a bank or an answer, made harmless, never parsed as markup."""
    return Text(for_terminal(text), style=style)


def level_text(level: str) -> Text:
    return Text(level, style=LEVEL_STYLES.get(level, ""))


def bar(score: int, width: int, level: str = "") -> Text:
    """``width`` cells: filled for the score out of 100, the rest an empty glyph."""
    filled = round(max(0, min(100, score)) * width / 100)
    return Text.assemble(
        (BAR_FULL * filled, LEVEL_STYLES.get(level, "")), (BAR_EMPTY * (width - filled), "dim")
    )


class Words:
    """Our own sentence that names a command (``careercoach plan --all``), wrapped between
    words at the width it is drawn in with the command kept whole, on a line of its own
    where it does not fit beside the words (Rich's wrapping would break it between its
    words, and a command in two pieces cannot be copied)."""

    def __init__(self, text: str, style: str = "dim") -> None:
        self.text, self.style = text, style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from careercoach.ui.text_cells import wrap_words

        for line in wrap_words(self.text, options.max_width):
            yield Text(line, style=self.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from careercoach.ui.text_cells import cells, glue_commands

        longest = max(cells(word) for word in glue_commands(self.text).split())
        return Measurement(longest, cells(self.text)).clamp(max_width=options.max_width)


def indent(renderable: RenderableType, cells: int = INDENT) -> Padding:
    return Padding(renderable, (0, 0, 0, cells), expand=False)


def heading(title: str, *, plain: bool = False) -> RenderableType:
    """A section heading: a rule with the title, or (plain) the title alone."""
    text = Text(title, style="bold")
    if plain:
        return text
    return Rule(text, align="left", characters="─", style="dim")


def section(title: str, body: Sequence[RenderableType], *, plain: bool = False) -> Group:
    return Group(heading(title, plain=plain), *body, Text(""))


@dataclass(frozen=True)
class ScoreRow:
    label: str
    score: int
    level: str


class ScoreChart:
    """Labelled scores: ``label  ██████░░░░  83  high``, one row a dimension.

    The label column takes what the longest label needs, up to 45% of the width
    (longer labels wrap under themselves); the bar takes the rest, up to 50 cells. Plain:
    no bar. Reusable for history and compare.
    """

    def __init__(self, rows: Sequence[ScoreRow], *, plain: bool = False) -> None:
        self.rows = list(rows)
        self.plain = plain

    _TAIL = 1 + 3 + 2 + 8  # " 100  moderate"

    def _longest(self) -> int:
        return max((data(r.label).cell_len for r in self.rows), default=1)

    def _widths(self, width: int) -> tuple[int, int]:
        """(label, bar) widths for ``width`` cells; bar 0: no bar."""
        longest = self._longest()
        if self.plain:
            return max(1, min(longest, width - self._TAIL)), 0
        label_w = max(1, min(longest, max(12, width * 9 // 20)))
        bar_w = min(MAX_BAR, width - label_w - self._TAIL - 1)
        if bar_w < 5:
            return max(1, min(longest, width - self._TAIL)), 0
        return label_w, bar_w

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        label_w, bar_w = self._widths(options.max_width)
        most = label_w + (bar_w + 1 if bar_w else 0) + self._TAIL
        if not self.plain:
            most = max(most, label_w + 1 + MAX_BAR + self._TAIL)
        return Measurement(min(options.max_width, 1 + self._TAIL), most)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        label_w, bar_w = self._widths(options.max_width)
        for row in self.rows:
            lines = data(row.label).wrap(console, label_w, overflow="fold")
            first = lines[0] if lines else Text("")
            first.align("left", label_w)
            line = Text.assemble(first, " ")
            if bar_w:
                line.append_text(bar(row.score, bar_w, row.level))
                line.append(" ")
            line.append(f"{row.score:>3}  ")
            line.append_text(level_text(row.level))
            yield line
            yield from lines[1:]


class AtWidth:
    """A renderable made at print time for the width it gets (e.g. wrapped plain lines)."""

    def __init__(self, make: Callable[[int], RenderableType]) -> None:
        self.make = make

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.make(options.max_width)


def _list(items: Iterable[tuple[str, Text]]) -> HangingRows:
    """Several hanging items, their bodies lined up."""
    return HangingRows([(Text(marker), body) for marker, body in items], ["right"])


# -- the plan -------------------------------------------------------------------------


def plan_header(plan: Plan, *, plain: bool = False) -> RenderableType:
    """The title and one line of context."""
    title = Text(wording.TITLE, style="bold")
    line = data(wording.context_line(plan))
    if plain:
        return Group(title, line, Text(""))
    return Group(Panel(Group(title, line), box=box.ROUNDED, padding=(0, 1)), Text(""))


def lead_section(lead: plan_lead.LeadSection, *, plain: bool = False) -> RenderableType:
    """What leads a plan: the banks not for the person, the answers that said too little."""
    body: list[RenderableType] = []
    for paragraph in lead.paragraphs:
        if body:
            body.append(Text(""))
        body.append(indent(data(paragraph)))
    return section(lead.title, body, plain=plain)


def focus_section(plan: Plan, *, plain: bool = False) -> RenderableType:
    items = [
        (f"{n}.", Text.assemble(data(f.label, "bold"), "\n", data(f.why)))
        for n, f in enumerate(plan.focus[: wording.MAX_FOCUS], 1)
    ]
    return section(wording.FOCUS_TITLE, [indent(_list(items))], plain=plain)


def scores_section(
    plan: Plan, *, plain: bool = False, every: bool = False
) -> RenderableType | None:
    """The needs at moderate and high (``every``: all of them) as a chart, a line for the
    ones left out, and the events at work that were reported, as facts; None when there
    is nothing of these (only events, none reported)."""
    if not plan.dimensions and not plan_lead.nothing_to_plan(plan):
        return section(wording.SCORES_TITLE, [indent(Text(wording.NO_SCORES))], plain=plain)
    body: list[RenderableType] = []
    rows = [ScoreRow(d.label, d.score, d.level) for d in wording.shown_needs(plan, every=every)]
    if rows:
        body += [
            indent(Text(wording.SCORES_NOTE, style="dim")),
            indent(ScoreChart(rows, plain=plain)),
        ]
    for line in (
        wording.outside_focus_line(plan, every=every),
        wording.low_needs_line(plan, every=every),
        wording.reported_events_line(plan),
    ):
        if line:
            body.append(indent(data(line)))
    return section(wording.SCORES_TITLE, body, plain=plain) if body else None


def _explanation(explanation: Explanation) -> RenderableType:
    title = Text.assemble(data(explanation.label, "bold"), f"  {explanation.score} of 100")
    if not explanation.items:
        return Group(title, indent(Text("No answer fed this score.")))
    rows: list[tuple[Text, Text]] = []
    parts, (added, most) = wording.explain_figures(explanation)
    for item, (item_added, item_most) in zip(explanation.items, parts, strict=True):
        body = Text.assemble(data(item.prompt), "\n", ("answered: ", "dim"), data(item.answer))
        if item.reverse:
            body.append(" (reverse-scored)", style="italic")
        rows.append((Text(f"+{item_added} of {item_most}"), body))
    total = f"{added} of {most}"
    rows.append((Text(total, style="bold"), Text(f"in all: {explanation.score} of 100")))
    return Group(title, indent(HangingRows(rows, ["right"], gap=2)))


def explain_section(plan: Plan, *, plain: bool = False) -> RenderableType:
    if not plan.explain:
        body: list[RenderableType] = [indent(Text("This plan holds no explanation of its scores."))]
    else:
        body = []
        for n, explanation in enumerate(plan.explain):
            if n:
                body.append(Text(""))
            body.append(indent(_explanation(explanation)))
    return section("How each score was made", body, plain=plain)


def _action_items(plan: Plan, actions: Sequence[PlannedAction]) -> HangingRows:
    """``1. [ ] text (area)`` rows: the number ``plan --done`` takes, the box, the action."""
    rows = []
    for action in actions:
        label = wording.action_label(plan, action)
        text = Text.assemble(data(action.text), " ", ("(", "dim"), data(label, "dim"), (")", "dim"))
        done = Text("[x]" if action.done else "[ ]")
        rows.append((Text(wording.action_marker(action)), done, text))
    return HangingRows(rows, ["right", "left"])


def actions_section(
    plan: Plan, *, plain: bool = False, per_horizon: int | None = None, commit_hint: bool = True
) -> RenderableType:
    """The actions as numbered checklists by horizon; at most ``per_horizon`` each when
    given. ``commit_hint=False`` leaves out how to commit to one (the picker that follows
    at the end of an assessment says it).

    The plan ranks the actions of each horizon by their dimension's score, so a cut keeps
    the most pressing ones; a line says how many more there are and how to see them.
    """
    if not plan.actions:
        return section(wording.ACTIONS_TITLE, [indent(Text(wording.NO_ACTIONS))], plain=plain)
    body: list[RenderableType] = []
    for horizon, indexes in wording.actions_by_horizon(plan):
        if body:
            body.append(Text(""))
        body.append(indent(Text(wording.HORIZON_TITLES[horizon], style="bold")))
        shown = indexes if per_horizon is None else indexes[:per_horizon]
        body.append(indent(_action_items(plan, [plan.actions[index] for index in shown])))
        hidden = len(indexes) - len(shown)
        if hidden:
            more = f"… and {hidden} more (careercoach plan --all, or an export)"
            body.append(indent(Words(more)))
    if plan.more_actions and per_horizon is not None:
        more = f"{len(plan.more_actions)} more apply beyond this plan: careercoach plan --all"
        body += [Text(""), indent(Words(more))]
    if not plan.commitments and commit_hint:
        body += [Text(""), indent(Words(wording.COMMIT_HINT))]
    return section(wording.ACTIONS_TITLE, body, plain=plain)


def more_actions_section(plan: Plan, *, plain: bool = False) -> RenderableType:
    """``plan --all``: the other actions that apply, beyond the short plan."""
    body: list[RenderableType] = []
    for horizon, actions in wording.more_by_horizon(plan):
        if body:
            body.append(Text(""))
        body.append(indent(Text(wording.HORIZON_TITLES[horizon], style="bold")))
        body.append(indent(_action_items(plan, actions)))
    return section(wording.MORE_ACTIONS_TITLE, body, plain=plain)


def commitments_section(plan: Plan, *, plain: bool = False) -> RenderableType:
    """What the person committed to, first: the action, by when, the if-then, done."""
    items = []
    for commitment in plan.commitments:
        text, tail = wording.commitment_lines(commitment)
        items.append((f"{commitment.number}.", Text.assemble(data(text, "bold"), "\n", data(tail))))
    return section(wording.COMMITMENTS_TITLE, [indent(_list(items))], plain=plain)


def own_words_section(plan: Plan, *, plain: bool = False) -> RenderableType:
    """Every written answer, quoted, with the question and the bank (and area) it is for."""
    body: list[RenderableType] = []
    for words in plan.own_words:
        if body:
            body.append(Text(""))
        body.append(indent(data(wording.quoted(words.text), "italic")))
        body.append(indent(data(wording.own_words_source(plan, words), "dim"), INDENT * 2))
    return section(wording.OWN_WORDS_TITLE, body, plain=plain)


def roi_section(plan: Plan, *, plain: bool = False) -> RenderableType | None:
    block = roi_wording.roi_block(plan)
    if block is None:
        return None
    title = "Does the degree pay?"
    if isinstance(block, str):
        return section(title, [indent(data(block))], plain=plain)
    from careercoach.ui import roi_report

    result, scenarios = block.result, block.scenarios
    caveat = roi_wording.licensed_job_caveat(plan, result)  # what it compares, for a licensed job
    # then where a typical salary comes from
    notes = [*([caveat] if caveat else []), *roi_report.salary_notes(result)]
    inputs = Text(for_terminal(roi_wording.roi_input_line(result)), style="dim")
    first = roi_wording.money_against_evidence(plan, result)  # figures and answers disagree
    lead: list[RenderableType] = [indent(data(first)), Text("")] if first else []
    if plain:
        lines = AtWidth(
            lambda width: Text(
                "\n".join(
                    roi_report.roi_lines(result, scenarios, notes=notes, title=None, width=width)
                )
            )
        )
        return section(title, [*lead, indent(lines), Text(""), indent(inputs)], plain=plain)
    renderable = roi_report.roi_renderable(result, scenarios, notes=notes, title=None)
    return section(title, [*lead, indent(renderable), Text(""), indent(inputs)], plain=plain)


def verdicts_section(plan: Plan, *, plain: bool = False) -> RenderableType:
    body: list[RenderableType] = []
    bullet = "-" if plain else "•"
    for verdict in plan.verdicts:
        if body:
            body.append(Text(""))
        body.append(indent(data(roi_wording.verdict_heading(verdict), "bold")))
        body.append(indent(data(verdict.text)))
        if verdict.because:
            body.append(indent(Text("Because:")))
            body.append(indent(_list((bullet, data(reason)) for reason in verdict.because)))
    return section("Which way the evidence points", body, plain=plain)


def strengths_section(plan: Plan, *, plain: bool = False) -> RenderableType:
    bullet = "-" if plain else "•"
    items = [
        (bullet, Text.assemble(data(s.label, "bold"), ": ", data(s.text))) for s in plan.strengths
    ]
    return section(wording.STRENGTHS_TITLE, [indent(_list(items))], plain=plain)


def warnings_section(plan: Plan, *, plain: bool = False) -> RenderableType:
    items = [("!", data(warning)) for warning in plan.warnings]
    return section(wording.WARNINGS_TITLE, [indent(_list(items))], plain=plain)


def checkin_section(plan: Plan, *, plain: bool = False) -> RenderableType:
    """The date and what to do then, in two or three lines (answer again first, when the
    answers said too little)."""
    if now := plan_lead.now_checkin(plan):
        body: list[RenderableType] = [indent(data(now, "bold"))]
        return Group(heading(wording.CHECKIN_TITLE, plain=plain), *body)
    first, *rest = wording.checkin_lines(plan)
    body = [indent(data(first, "bold"))]
    body += [indent(data(line)) for line in rest]
    if plan.next_checkin is not None:
        body.append(indent(Words(wording.calendar_hint(plan))))
    return Group(heading(wording.CHECKIN_TITLE, plain=plain), *body)


def plan_view(
    plan: Plan,
    *,
    plain: bool = False,
    explain: bool = False,
    actions_per_horizon: int | None = None,
    commit_hint: bool = True,
) -> RenderableType:
    """The whole plan, in the order a tired reader needs it: the title and one line of
    context; the commitments; the person's own words; what to focus on first; the
    numbered actions by horizon; strengths; then the detail: where they stand (the needs
    at moderate and high; every score with ``explain`` or without a limit), how each
    score was made (``explain``), the ROI, verdicts, answer-quality warnings; last the
    next check-in. A section with nothing to say is left out.

    ``actions_per_horizon``: at most this many actions of each horizon (``plan``); None
    shows them all and the more that applies too (``plan --all``). When the answers said
    too little (:func:`~careercoach.ui.plan_wording.answers_too_thin`), or no bank was for
    the person, that leads and neither findings nor a "nothing needs action" line follow."""
    thin = plan_lead.says_nothing_yet(plan)
    every = explain or actions_per_horizon is None
    parts: list[RenderableType] = [plan_header(plan, plain=plain)]
    parts += [lead_section(lead, plain=plain) for lead in plan_lead.lead_sections(plan)]
    if plan.commitments:
        parts.append(commitments_section(plan, plain=plain))
    if plan.own_words:
        parts.append(own_words_section(plan, plain=plain))
    if plan.focus:
        parts.append(focus_section(plan, plain=plain))
    if not thin:
        parts.append(
            actions_section(
                plan, plain=plain, per_horizon=actions_per_horizon, commit_hint=commit_hint
            )
        )
    if plan.more_actions and actions_per_horizon is None:
        parts.append(more_actions_section(plan, plain=plain))
    if plan.strengths:
        parts.append(strengths_section(plan, plain=plain))
    scores = scores_section(plan, plain=plain, every=every) if not thin or every else None
    if scores is not None:
        parts.append(scores)
    if explain:
        parts.append(explain_section(plan, plain=plain))
    roi = roi_section(plan, plain=plain)
    if roi is not None:
        parts.append(roi)
    if plan.verdicts:
        parts.append(verdicts_section(plan, plain=plain))
    if plan.warnings and not thin:
        parts.append(warnings_section(plan, plain=plain))
    parts.append(checkin_section(plan, plain=plain))
    return Group(*parts)
