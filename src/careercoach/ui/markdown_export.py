"""The plan as GitHub-flavoured Markdown (pure: a string)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from careercoach.safe_text import for_markdown
from careercoach.ui.plan_wording import (
    CALENDAR_HINT,
    COMMITMENTS_TITLE,
    HORIZON_TITLES,
    LEANING_WORDS,
    NO_ACTIONS,
    OWN_WORDS_TITLE,
    PRIVACY_NOTE,
    TITLE,
    action_label,
    action_marker,
    actions_by_horizon,
    checkin_lines,
    commitment_lines,
    header_lines,
    number,
    own_words_source,
    quoted,
    roi_block,
    roi_input_line,
    roi_scenario_rows,
    roi_summary_rows,
    roi_verdict,
    shown_dimensions,
    unreported_events_line,
)

if TYPE_CHECKING:
    from careercoach.core.models import Explanation, Plan, PlannedAction


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
    rows = [
        [
            escape(item.prompt) + (reverse if item.reverse else ""),
            escape(item.answer),
            number(item.added),
            number(item.most),
        ]
        for item in explanation.items
    ]
    added = sum(item.added for item in explanation.items)
    most = sum(item.most for item in explanation.items)
    rows.append([bold.format("Total"), "", number(added), number(most)])
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
    out = [f"## {COMMITMENTS_TITLE}", ""]
    for commitment in plan.commitments:
        text, tail = commitment_lines(commitment)
        out.append(f"- **{commitment.number}.** {for_markdown(text)}\\")
        out.append(f"  {for_markdown(tail)}")
    return [*out, ""]


def _md_own_words(plan: Plan) -> list[str]:
    out = [f"## {OWN_WORDS_TITLE}", ""]
    for words in plan.own_words:
        out += [f"> {for_markdown(quoted(words.text))}", ">"]
        out += [f"> *{for_markdown(own_words_source(plan, words))}*", ""]
    return out


def _md_action_sections(plan: Plan) -> list[str]:
    out = ["## Actions", ""]
    if not plan.actions:
        out += [NO_ACTIONS, ""]
    for horizon, indexes in actions_by_horizon(plan):
        out += [f"### {HORIZON_TITLES[horizon]}", ""]
        out += [*_md_actions(plan, [plan.actions[index] for index in indexes]), ""]
    return out


def to_markdown(plan: Plan, *, explain: bool = False) -> str:
    """GitHub-flavoured Markdown: headings, the commitments, the person's own words, the
    findings as a table, the numbered actions as task lists by horizon, the ROI tables,
    verdicts, strengths, warnings and the check-in.

    Text from banks and answers is escaped with ``safe_text.for_markdown``, so it shows
    literally and cannot open a heading, table, link, image or HTML of its own.
    """
    md = for_markdown
    out: list[str] = [f"# {TITLE}", ""]
    for line in header_lines(plan):
        out += [md(line), ""]
    if plan.commitments:
        out += _md_commitments(plan)
    if plan.own_words:
        out += _md_own_words(plan)

    if plan.focus:
        out += ["## Focus first", ""]
        for n, focus in enumerate(plan.focus, 1):
            out.append(f"{n}. **{md(focus.label)}**: {md(focus.why)}")
        out.append("")

    out += ["## Where you stand", ""]
    if plan.dimensions:
        shown = shown_dimensions(plan)
        rows = [[md(d.label), str(d.score), d.level, md(d.bank)] for d in shown]
        out += _md_table(("Finding", "Score (0-100)", "Level", "Bank"), "lrll", rows)
        out += ["", "Higher scores need more attention."]
        quiet = unreported_events_line(plan)
        if quiet:
            out += ["", md(quiet)]
    else:
        out.append("No dimension was scored.")
    out.append("")

    if explain:
        out += ["## How each score was made", ""]
        if plan.explain:
            for explanation in plan.explain:
                out += _md_explain(explanation)
        else:
            out += ["This plan holds no explanation of its scores.", ""]

    out += _md_action_sections(plan)
    out += _md_rest(plan)
    return "\n".join(out) + "\n"


def _md_rest(plan: Plan) -> list[str]:
    """From the ROI to the end: ROI, verdicts, strengths, warnings, check-in, footer."""
    md = for_markdown
    out: list[str] = []
    block = roi_block(plan)
    if block is not None:
        out += ["## Does the degree pay?", ""]
        if isinstance(block, str):
            out += [md(block), ""]
        else:
            out += _md_table(("", "Amount"), "lr", roi_summary_rows(block.result))
            out += ["", md(roi_verdict(block.result)), "", md(roi_input_line(block.result)), ""]
            rows = [[md(case), *figures] for case, *figures in roi_scenario_rows(block)]
            out += _md_table(("What if", "NPV", "Pays back", "IRR"), "lrrr", rows)
            out.append("")

    if plan.verdicts:
        out += ["## Which way the evidence points", ""]
        for verdict in plan.verdicts:
            out += [f"**{md(verdict.bank)}**: the evidence {LEANING_WORDS[verdict.leaning]}.", ""]
            out += [md(verdict.text), ""]
            if verdict.because:
                out += ["Because:", "", *(f"- {md(reason)}" for reason in verdict.because), ""]

    if plan.strengths:
        out += ["## Strengths", ""]
        out += [f"- **{md(s.label)}**: {md(s.text)}" for s in plan.strengths]
        out.append("")

    if plan.warnings:
        out += ["## Answer quality", ""]
        out += [f"- {md(warning)}" for warning in plan.warnings]
        out.append("")

    out += ["## Next check-in", ""]
    lines = checkin_lines(plan)
    out += [f"**{md(lines[0])}**", ""]
    for line in lines[1:]:
        out += [md(line), ""]
    if plan.next_checkin is not None:
        out += [md(CALENDAR_HINT), ""]
    return [*out, "---", "", md(PRIVACY_NOTE.format(version=plan.tool_version))]
