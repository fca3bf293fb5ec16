"""The plan as GitHub-flavoured Markdown (pure: a string)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from careercoach.safe_text import for_markdown, for_markdown_with_links
from careercoach.ui import plan_lead
from careercoach.ui import plan_wording as wording
from careercoach.ui.plan_wording import (
    HORIZON_TITLES,
    action_label,
    action_marker,
    actions_by_horizon,
    commitment_lines,
    explain_figures,
    own_words_source,
    quoted,
)
from careercoach.ui.roi_wording import (
    roi_block,
    roi_input_line,
    roi_scenario_rows,
    roi_summary_rows,
    roi_verdict,
    verdict_heading,
)

if TYPE_CHECKING:
    from careercoach.core.models import Explanation, Plan, PlannedAction
    from careercoach.core.roi import RoiResult


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_table(head: Sequence[str], align: str, rows: Sequence[Sequence[str]]) -> list[str]:
    """A GFM table; ``align`` has one letter a column: l(eft) or r(ight)."""
    rule = ["---:" if a == "r" else "---" for a in align]
    return [_md_row(head), _md_row(rule), *(_md_row(row) for row in rows)]


def explain_rows(
    explanation: Explanation, escape: Callable[[str], str], reverse: str, bold: str
) -> list[list[str]]:
    """One row per answer (question, answer, added, out of) and a total row; ``bold`` is
    a format with one ``{}`` for the total's words, ``reverse`` the reverse-scored mark."""
    parts, (added, most) = explain_figures(explanation)
    rows = [
        [escape(item.prompt) + (reverse if item.reverse else ""), escape(item.answer), *part]
        for item, part in zip(explanation.items, parts, strict=True)
    ]
    rows.append([bold.format("Total"), "", added, most])
    return rows


def _md_explain(explanation: Explanation) -> list[str]:
    lines = [f"### {for_markdown(explanation.label)} ({explanation.score})", ""]
    if not explanation.items:
        return [*lines, "No answer fed this score.", ""]
    rows = explain_rows(explanation, for_markdown, " *(reverse-scored)*", "**{}**")
    rows[-1][2:] = [f"**{rows[-1][2]}**", f"**{rows[-1][3]}**"]
    return [*lines, *_md_table(("Question", "Your answer", "Added", "Out of"), "llrr", rows), ""]


def _md_actions(plan: Plan, actions: Sequence[PlannedAction]) -> list[str]:
    """Task items: ``- [ ] **3.** text *(area)*`` (no number for an unnumbered action)."""
    md = for_markdown
    lines = []
    for action in actions:
        box = "[x]" if action.done else "[ ]"
        marker = action_marker(action)
        number_part = f"**{marker}** " if marker else ""
        label = md(action_label(plan, action))
        lines.append(f"- {box} {number_part}{md(action.text)} *({label})*")
    return lines


def _md_commitments(plan: Plan) -> list[str]:
    out = [f"## {wording.COMMITMENTS_TITLE}", ""]
    for commitment in plan.commitments:
        text, tail = commitment_lines(commitment)
        out.append(f"- **{commitment.number}.** {for_markdown(text)}\\")
        out.append(f"  {for_markdown(tail)}")
    return [*out, ""]


def _md_own_words(plan: Plan) -> list[str]:
    out = [f"## {wording.OWN_WORDS_TITLE}", ""]
    for words in plan.own_words:
        out += [f"> {for_markdown(quoted(words.text))}", ">"]
        out += [f"> *{for_markdown(own_words_source(plan, words))}*", ""]
    return out


def _md_action_sections(plan: Plan) -> list[str]:
    out = [f"## {wording.ACTIONS_TITLE}", ""]
    if not plan.actions:
        out += [wording.NO_ACTIONS, ""]
    for horizon, indexes in actions_by_horizon(plan):
        out += [f"### {HORIZON_TITLES[horizon]}", ""]
        out += [*_md_actions(plan, [plan.actions[index] for index in indexes]), ""]
    return out


def _md_scores(plan: Plan, *, every: bool) -> list[str]:
    """The needs at moderate and high (``every``: all) as a table, a line for the ones
    left out, and the events at work that were reported; nothing when there is none of
    these (only events, none reported)."""
    md = for_markdown
    title = [f"## {wording.SCORES_TITLE}", ""]
    if not plan.dimensions and not plan_lead.nothing_to_plan(plan):
        return [*title, wording.NO_SCORES, ""]
    out: list[str] = []
    rows = [
        [md(d.label), str(d.score), d.level, md(d.bank)]
        for d in wording.shown_needs(plan, every=every)
    ]
    if rows:
        out += _md_table(("Finding", "Score (0-100)", "Level", "Bank"), "lrll", rows)
        out += ["", "Higher scores need more attention.", ""]
    for line in (
        wording.outside_focus_line(plan, every=every),
        wording.low_needs_line(plan, every=every),
        wording.reported_events_line(plan),
    ):
        if line:
            out += [md(line), ""]
    return [*title, *out] if out else []


def to_markdown(plan: Plan, *, explain: bool = False) -> str:
    """GitHub-flavoured Markdown, in the terminal view's order: the title and one line of
    context, the commitments, the person's own words, the focus areas, the numbered
    actions as task lists by horizon, strengths, then the needs at moderate and high
    (every score with ``explain``, and how each was made), the ROI tables, verdicts,
    warnings and the check-in. When the answers said too little, the warning leads and
    neither findings nor a "nothing needs action" line follow.

    Text from banks and answers is escaped with ``safe_text.for_markdown``, so it shows
    literally and cannot open a heading, table, link, image or HTML of its own.
    """
    md = for_markdown
    thin = plan_lead.says_nothing_yet(plan)
    out: list[str] = [f"# {wording.TITLE}", "", md(wording.context_line(plan)), ""]
    for lead in plan_lead.lead_sections(plan):
        out += [f"## {lead.title}", ""]
        out += [line for text in lead.paragraphs for line in (md(text), "")]
    if plan.commitments:
        out += _md_commitments(plan)
    if plan.own_words:
        out += _md_own_words(plan)

    if plan.focus:
        out += [f"## {wording.FOCUS_TITLE}", ""]
        for n, focus in enumerate(plan.focus[: wording.MAX_FOCUS], 1):
            out.append(f"{n}. **{md(focus.label)}**: {md(focus.why)}")
        out.append("")
    if not thin:
        out += _md_action_sections(plan)
    if plan.strengths:
        out += [f"## {wording.STRENGTHS_TITLE}", ""]
        out += [f"- **{md(s.label)}**: {md(s.text)}" for s in plan.strengths]
        out.append("")

    if not thin or explain:
        out += _md_scores(plan, every=explain)
    if explain:
        out += ["## How each score was made", ""]
        if plan.explain:
            for explanation in plan.explain:
                out += _md_explain(explanation)
        else:
            out += ["This plan holds no explanation of its scores.", ""]
    out += _md_rest(plan, thin=thin)
    return "\n".join(out) + "\n"


def _links(result: RoiResult) -> list[str]:
    """The URLs the ROI's words cite that careercoach vouches for: the source of its own
    education-pays table (never a URL a bank or an answer wrote)."""
    bench = result.benchmark
    return [] if bench is None else [bench.estimate.table.source]


def _md_rest(plan: Plan, *, thin: bool) -> list[str]:
    """From the ROI to the end: ROI, verdicts, warnings, check-in, footer."""
    md = for_markdown
    out: list[str] = []
    block = roi_block(plan)
    if block is not None:
        out += ["## Does the degree pay?", ""]
        if isinstance(block, str):
            out += [md(block), ""]
        else:
            out += _md_table(("Figure", "Amount"), "lr", roi_summary_rows(block.result))
            out.append("")
            for text in roi_verdict(plan, block.result):
                out += [for_markdown_with_links(text, _links(block.result)), ""]
            out += [md(roi_input_line(block.result)), ""]
            rows = [[md(case), *figures] for case, *figures in roi_scenario_rows(block)]
            out += _md_table(("What if", "NPV", "Pays back", "IRR"), "lrrr", rows)
            out.append("")

    if plan.verdicts:
        out += ["## Which way the evidence points", ""]
        for verdict in plan.verdicts:
            out += [f"**{md(verdict_heading(verdict))}**", ""]
            out += [md(verdict.text), ""]
            if verdict.because:
                out += ["Because:", "", *(f"- {md(reason)}" for reason in verdict.because), ""]

    if plan.warnings and not thin:
        out += [f"## {wording.WARNINGS_TITLE}", ""]
        out += [f"- {md(warning)}" for warning in plan.warnings]
        out.append("")

    out += [f"## {wording.CHECKIN_TITLE}", ""]
    if now := plan_lead.now_checkin(plan):
        out += [f"**{md(now)}**", ""]
    else:
        first, *rest = wording.checkin_lines(plan)
        out += [f"**{md(first)}**", ""]
        out += [line for rest_line in rest for line in (md(rest_line), "")]
        if plan.next_checkin is not None:
            out += [md(wording.calendar_hint(plan)), ""]
    return [*out, "---", "", md(wording.PRIVACY_NOTE.format(version=plan.tool_version))]
