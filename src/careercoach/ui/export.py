"""The plan as a file: Markdown, HTML and JSON strings (pure).

Each exporter takes a :class:`~careercoach.core.models.Plan` and returns the whole file as a
string; :func:`export_text` finds one by name (``md``, ``json``, ``html``); writing one is
:func:`careercoach.storage.output_file.write_file`'s job. Every piece of text
that came from a bank or an answer goes through ``safe_text`` on its way in.

The small helpers in the middle (dates, "how long before", horizons, the ROI rebuild) are
shared with ``render.py`` so that the terminal and the files say the same thing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from careercoach.core.dates import count, human_date, human_time, local_time, span_text
from careercoach.errors import BadInput
from careercoach.safe_text import clean, for_html, for_markdown

if TYPE_CHECKING:
    from careercoach.core.models import DimensionScore, Explanation, Horizon, Plan
    from careercoach.core.roi import RoiResult, Scenario

FORMATS: tuple[str, ...] = ("md", "json", "html")
FILENAME_STEM = "careercoach-plan"

HORIZON_TITLES: dict[str, str] = {
    "week": "This week",
    "month": "This month",
    "quarter": "This quarter",
}
LEANING_WORDS: dict[str, str] = {
    "for": "leans for",
    "against": "leans against",
    "mixed": "is mixed",
}
NO_PREVIOUS = "This is your first assessment."
NO_CHECKIN = "Come back in about three months, or sooner if something changes at work."
CHECKIN_ADVICE = "Run careercoach assess again then, or sooner if something changes at work."
PRIVACY_NOTE = "Made on this computer by careercoach {version}. Nothing was sent anywhere."

# -- shared helpers (also used by render.py) ------------------------------------------


def previous_text(plan: Plan) -> str:
    """When the assessment before this one finished, and how long before this one."""
    if plan.previous_finished_at is None:
        return NO_PREVIOUS
    previous = local_time(plan.previous_finished_at).date()
    days = (local_time(plan.finished_at).date() - previous).days
    if days == 0:
        gap = "earlier the same day"
    elif days == 1:
        gap = "the day before this one"
    elif days > 0:
        gap = f"{span_text(days)} before this one"
    else:
        gap = f"{span_text(-days)} after this one"
    return f"Previous assessment: {human_date(previous)}, {gap}."


def header_lines(plan: Plan) -> list[str]:
    """The plan's header, one sentence a line (plain text; clean it for the output)."""
    which = f"Assessment {plan.assessment_id}, finished" if plan.assessment_id else "Finished"
    lines = [f"{which} {human_time(plan.finished_at)}."]
    if plan.banks:
        lines.append(f"Banks: {', '.join(plan.banks)}.")
    lines.append(previous_text(plan))
    return lines


def checkin_lines(plan: Plan) -> list[str]:
    """The next check-in: the date, why sooner than usual, which banks to take again."""
    if plan.next_checkin is None:
        return [NO_CHECKIN]
    day = date.fromisoformat(plan.next_checkin)
    days = (day - local_time(plan.finished_at).date()).days
    when = f"{span_text(days)} after this assessment" if days else "the day of this assessment"
    lines = [f"{human_date(day)} ({when})."]
    if plan.checkin_reason:
        lines.append(plan.checkin_reason)
    again = [bank for bank in plan.recheck_banks if bank in plan.banks]
    new = [bank for bank in plan.recheck_banks if bank not in plan.banks]
    if again:
        lines.append(f"Take again then: {', '.join(again)}.")
    if new:
        lines.append(f"Worth taking then: {', '.join(new)}.")
    lines.append(CHECKIN_ADVICE)
    return lines


def shown_dimensions(plan: Plan) -> list[DimensionScore]:
    """The findings a person reads: all but the new-eyes events that did not happen."""
    return [d for d in plan.dimensions if not (d.event and d.score == 0)]


def unreported_events_line(plan: Plan) -> str | None:
    """One line naming the events at work that were asked about and not reported."""
    quiet = [d.label for d in plan.dimensions if d.event and d.score == 0]
    if not quiet:
        return None
    return f"Not reported as happening at work: {', '.join(quiet)}."


def dimension_labels(plan: Plan) -> dict[tuple[str, str], str]:
    """``(bank, dimension) -> label`` for the plan's scored dimensions."""
    return {(d.bank, d.id): d.label for d in plan.dimensions}


def actions_by_horizon(plan: Plan) -> list[tuple[Horizon, list[int]]]:
    """The indexes of ``plan.actions`` per horizon (week, month, quarter), empty ones left out."""
    groups: dict[Horizon, list[int]] = {"week": [], "month": [], "quarter": []}
    for index, action in enumerate(plan.actions):
        groups[action.horizon].append(index)
    return [(horizon, indexes) for horizon, indexes in groups.items() if indexes]


def number(value: float) -> str:
    """``0.75``, ``1``, ``2.5``: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@dataclass(frozen=True)
class RoiBlock:
    """The plan's ROI, rebuilt from its inputs: the result and the sensitivity lines."""

    result: RoiResult
    scenarios: list[Scenario]


def roi_block(plan: Plan) -> RoiBlock | str | None:
    """The ROI rebuilt from ``plan.roi["inputs"]``; a message when that cannot be done;
    ``None`` when the plan has no ROI."""
    if plan.roi is None:
        return None
    from careercoach.core import roi

    try:
        inputs = roi.RoiInputs(**plan.roi["inputs"])
        return RoiBlock(roi.evaluate(inputs), roi.sensitivity(inputs))
    except (KeyError, TypeError, ValueError) as exc:
        return f"The return on education could not be worked out from this plan ({exc})."


def roi_input_line(result: RoiResult) -> str:
    """The inputs in one sentence."""
    from careercoach.ui.roi_report import money, short_percent

    i = result.inputs
    return (
        f"Inputs: {money(i.cost)} over {count(i.years, 'year')}, "
        f"{'full-time' if i.full_time else 'part-time'}; salary {money(i.current_salary)} now, "
        f"{money(i.expected_salary)} expected after; {short_percent(i.completion)} chance of "
        f"finishing; {short_percent(i.discount_rate)} discount rate; "
        f"{short_percent(i.tax_rate)} tax; {count(i.horizon, 'working year')}."
    )


def roi_summary_rows(result: RoiResult) -> list[tuple[str, str]]:
    """What it costs, what it returns, and the answer, as (label, value) rows."""
    from careercoach.ui.roi_report import irr_text, money, payback, signed_money

    word = "gain" if result.yearly_gain >= 0 else "loss"
    rows = [("Tuition and fees", money(result.tuition))]
    if result.inputs.full_time:
        rows.append(("Salary given up (after tax)", money(result.forgone_salary)))
    rows += [
        (f"Yearly {word} after tax, once qualified", money(abs(result.yearly_gain))),
        ("Net present value", signed_money(result.npv)),
        ("Pays back", payback(result)),
        ("Internal rate of return", irr_text(result)),
    ]
    return rows


def roi_scenario_rows(block: RoiBlock) -> list[tuple[str, str, str, str]]:
    """The sensitivity table: what if, NPV, pays back, IRR (the first row: as entered)."""
    from careercoach.ui.roi_report import irr_text, payback, signed_money

    rows = [("As entered", signed_money(block.result.npv), payback(block.result))]
    rows += [(s.label, signed_money(s.result.npv), payback(s.result)) for s in block.scenarios]
    irrs = [block.result, *(s.result for s in block.scenarios)]
    return [(*row, irr_text(r)) for row, r in zip(rows, irrs, strict=True)]


def roi_verdict(result: RoiResult) -> str:
    from careercoach.ui.roi_report import verdict

    return verdict(result)


# -- JSON -----------------------------------------------------------------------------

# Characters a terminal may act on, or that reorder text, written as \uXXXX escapes so
# that `plan --export json --output -` is safe to print; json.loads gives them back.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def to_json(plan: Plan) -> str:
    """SPEC.md's plan JSON: ``plan.model_dump(mode="json")``, indented, in its key order."""
    text = json.dumps(plan.model_dump(mode="json"), indent=2, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


# -- Markdown -------------------------------------------------------------------------


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_table(head: Sequence[str], align: str, rows: Sequence[Sequence[str]]) -> list[str]:
    """A GFM table; ``align`` has one letter a column: l(eft) or r(ight)."""
    rule = ["---:" if a == "r" else "---" for a in align]
    return [_md_row(head), _md_row(rule), *(_md_row(row) for row in rows)]


def _explain_rows(
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
    rows = _explain_rows(explanation, for_markdown, " *(reverse-scored)*", "**{}**")
    rows[-1][2:] = [f"**{rows[-1][2]}**", f"**{rows[-1][3]}**"]
    return [*lines, *_md_table(("Question", "Your answer", "Added", "Out of"), "llrr", rows), ""]


def to_markdown(plan: Plan, *, explain: bool = False) -> str:
    """GitHub-flavoured Markdown: headings, the findings as a table, the actions as task
    lists by horizon, the ROI tables, verdicts, strengths, warnings and the check-in.

    Text from banks and answers is escaped with ``safe_text.for_markdown``, so it shows
    literally and cannot open a heading, table, link, image or HTML of its own.
    """
    md = for_markdown
    out: list[str] = ["# Your career action plan", ""]
    for line in header_lines(plan):
        out += [md(line), ""]

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

    out += ["## Actions", ""]
    if plan.actions:
        labels = dimension_labels(plan)
        for horizon, indexes in actions_by_horizon(plan):
            out += [f"### {HORIZON_TITLES[horizon]}", ""]
            for index in indexes:
                action = plan.actions[index]
                box = "[x]" if action.done else "[ ]"
                label = labels.get((action.bank, action.dimension), action.dimension)
                out.append(f"- {box} {md(action.text)} *({md(label)})*")
            out.append("")
    else:
        out += ["Nothing needs action now: no dimension reached moderate.", ""]

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
    out += ["---", "", md(PRIVACY_NOTE.format(version=plan.tool_version))]
    return "\n".join(out) + "\n"


# -- HTML -----------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; --ink: #1c1e21; --muted: #5b6169; --rule: #d5d9de;
  --track: #eceff2; --high: #b3261e; --moderate: #a15c00; --low: #2e7d32; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  sans-serif; color: var(--ink); background: #fff; max-width: 48rem; margin: 2rem auto;
  padding: 0 1.25rem; }
h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid var(--rule); }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
p { margin: .4rem 0; }
.meta { color: var(--muted); margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--rule);
  vertical-align: top; }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.level { font-weight: 600; }
.level-high { color: var(--high); }
.level-moderate { color: var(--moderate); }
.level-low { color: var(--low); }
figure { margin: .5rem 0 1rem; }
figcaption { color: var(--muted); font-size: .875rem; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  fill: var(--ink); }
svg.chart .track { fill: var(--track); }
svg.chart .tick { stroke: #aab1b9; stroke-dasharray: 2 3; }
svg.chart .bar-high { fill: var(--high); }
svg.chart .bar-moderate { fill: var(--moderate); }
svg.chart .bar-low { fill: var(--low); }
ol.focus li { margin-bottom: .4rem; }
ul.tasks { list-style: none; padding-left: 0; }
ul.tasks li { margin: .35rem 0; }
ul.tasks label { display: flex; gap: .6rem; align-items: flex-start; }
ul.tasks input { width: 1.05rem; height: 1.05rem; margin: .2rem 0 0; flex: none; }
.for { color: var(--muted); }
.warning { border-left: 4px solid var(--moderate); padding: .2rem .8rem; }
.checkin { font-size: 1.1rem; font-weight: 600; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .875rem;
  border-top: 1px solid var(--rule); padding-top: .5rem; }
@media print {
  @page { margin: 16mm; }
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
  h2, h3 { break-after: avoid; }
  tr, li, figure, p { break-inside: avoid; }
  svg.chart { width: 72%; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

_CHART_LABEL_CHARS = 40
_ROW = 26


def _svg_chart(plan: Plan) -> str:
    """The dimension scores as horizontal bars (inline SVG, no external anything)."""
    label_w, bar_x, bar_w = 270, 280, 300
    shown = shown_dimensions(plan)
    height = _ROW * len(shown) + 24
    parts = [
        f'<svg class="chart" viewBox="0 0 700 {height}" role="img" aria-labelledby="chart-title">',
        '<title id="chart-title">Your scores, 0 to 100, highest first</title>',
    ]
    for tick in (0, 25, 50, 75, 100):
        x = bar_x + bar_w * tick / 100
        parts.append(
            f'<line class="tick" x1="{x:g}" y1="4" x2="{x:g}" y2="{height - 18}"></line>'
            f'<text x="{x:g}" y="{height - 4}" text-anchor="middle">{tick}</text>'
        )
    for row, d in enumerate(shown):
        y = 6 + row * _ROW
        label = clean(d.label)
        short = label if len(label) <= _CHART_LABEL_CHARS else label[: _CHART_LABEL_CHARS - 1] + "…"
        width = bar_w * max(0, min(100, d.score)) / 100
        parts.append(
            f"<g><title>{for_html(label)}: {d.score} ({d.level})</title>"
            f'<text x="{label_w}" y="{y + 15}" text-anchor="end">{for_html(short)}</text>'
            f'<rect class="track" x="{bar_x}" y="{y + 2}" width="{bar_w}" height="16"></rect>'
            f'<rect class="bar-{d.level}" x="{bar_x}" y="{y + 2}" width="{width:g}" '
            f'height="16"></rect>'
            f'<text x="{bar_x + bar_w + 8}" y="{y + 15}">{d.score} {d.level}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _html_table(head: Sequence[str], align: str, rows: Sequence[Sequence[str]]) -> str:
    """A table of already-escaped cells; ``align``: l or r (numbers) per column."""

    def cls(i: int) -> str:
        return ' class="num"' if align[i] == "r" else ""

    out = ["<table>"]
    out.append(
        "<thead><tr>"
        + "".join(f"<th{cls(i)}>{h}</th>" for i, h in enumerate(head))
        + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td{cls(i)}>{c}</td>" for i, c in enumerate(row)) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _level(level: str) -> str:
    return f'<span class="level level-{level}">{level}</span>'


def _html_explain(explanation: Explanation) -> str:
    title = f"<h3>{for_html(explanation.label)} ({explanation.score})</h3>"
    if not explanation.items:
        return title + "\n<p>No answer fed this score.</p>"
    rows = _explain_rows(explanation, for_html, " <em>(reverse-scored)</em>", "<strong>{}</strong>")
    return title + "\n" + _html_table(("Question", "Your answer", "Added", "Out of"), "llrr", rows)


def to_html(plan: Plan, *, explain: bool = False) -> str:
    """One self-contained page: inline CSS and SVG, no script, no external request
    (a Content-Security-Policy forbids any), and a print stylesheet."""
    h = for_html
    finished = local_time(plan.finished_at).date()
    body: list[str] = [
        "<header>",
        "<h1>Your career action plan</h1>",
        *(f'<p class="meta">{h(line)}</p>' for line in header_lines(plan)),
        "</header>",
    ]
    if plan.focus:
        body += ['<section id="focus">', "<h2>Focus first</h2>", '<ol class="focus">']
        body += [f"<li><strong>{h(f.label)}</strong>: {h(f.why)}</li>" for f in plan.focus]
        body += ["</ol>", "</section>"]

    body += ['<section id="scores">', "<h2>Where you stand</h2>"]
    if plan.dimensions:
        body += [
            "<figure>",
            _svg_chart(plan),
            "<figcaption>Higher scores need more attention.</figcaption>",
            "</figure>",
        ]
        rows = [
            [h(d.label), str(d.score), _level(d.level), h(d.bank)] for d in shown_dimensions(plan)
        ]
        body.append(_html_table(("Finding", "Score (0-100)", "Level", "Bank"), "lrll", rows))
        quiet = unreported_events_line(plan)
        if quiet:
            body.append(f"<p>{h(quiet)}</p>")
    else:
        body.append("<p>No dimension was scored.</p>")
    body.append("</section>")

    if explain:
        body += ['<section id="explain">', "<h2>How each score was made</h2>"]
        if plan.explain:
            body += [_html_explain(e) for e in plan.explain]
        else:
            body.append("<p>This plan holds no explanation of its scores.</p>")
        body.append("</section>")

    body += ['<section id="actions">', "<h2>Actions</h2>"]
    if plan.actions:
        labels = dimension_labels(plan)
        for horizon, indexes in actions_by_horizon(plan):
            body += [f"<h3>{HORIZON_TITLES[horizon]}</h3>", '<ul class="tasks">']
            for index in indexes:
                action = plan.actions[index]
                checked = " checked" if action.done else ""
                label = labels.get((action.bank, action.dimension), action.dimension)
                body.append(
                    f'<li><label><input type="checkbox"{checked}>'
                    f'<span>{h(action.text)} <span class="for">({h(label)})</span></span>'
                    "</label></li>"
                )
            body.append("</ul>")
    else:
        body.append("<p>Nothing needs action now: no dimension reached moderate.</p>")
    body.append("</section>")

    block = roi_block(plan)
    if block is not None:
        body += ['<section id="roi">', "<h2>Does the degree pay?</h2>"]
        if isinstance(block, str):
            body.append(f"<p>{h(block)}</p>")
        else:
            rows = [[h(label), h(value)] for label, value in roi_summary_rows(block.result)]
            body.append(_html_table(("", "Amount"), "lr", rows))
            body.append(f"<p>{h(roi_verdict(block.result))}</p>")
            body.append(f'<p class="meta">{h(roi_input_line(block.result))}</p>')
            rows = [[h(c) for c in row] for row in roi_scenario_rows(block)]
            body.append(_html_table(("What if", "NPV", "Pays back", "IRR"), "lrrr", rows))
        body.append("</section>")

    if plan.verdicts:
        body += ['<section id="verdicts">', "<h2>Which way the evidence points</h2>"]
        for verdict in plan.verdicts:
            body.append(
                f"<h3>{h(verdict.bank)}: the evidence {LEANING_WORDS[verdict.leaning]}</h3>"
            )
            body.append(f"<p>{h(verdict.text)}</p>")
            if verdict.because:
                body.append("<p>Because:</p><ul>")
                body += [f"<li>{h(reason)}</li>" for reason in verdict.because]
                body.append("</ul>")
        body.append("</section>")

    if plan.strengths:
        body += ['<section id="strengths">', "<h2>Strengths</h2>", "<ul>"]
        body += [f"<li><strong>{h(s.label)}</strong>: {h(s.text)}</li>" for s in plan.strengths]
        body += ["</ul>", "</section>"]

    if plan.warnings:
        body += ['<section id="warnings">', "<h2>Answer quality</h2>"]
        body += [f'<p class="warning">{h(w)}</p>' for w in plan.warnings]
        body.append("</section>")

    lines = checkin_lines(plan)
    body += ['<section id="checkin">', "<h2>Next check-in</h2>"]
    body.append(f'<p class="checkin">{h(lines[0])}</p>')
    body += [f"<p>{h(line)}</p>" for line in lines[1:]]
    body.append("</section>")
    body.append(f"<footer>{h(PRIVACY_NOTE.format(version=plan.tool_version))}</footer>")

    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="careercoach">',
        f"<title>Career action plan, {finished.isoformat()}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    return "\n".join([*head, *body, "</main>", "</body>", "</html>"]) + "\n"


# -- by name, and the file ------------------------------------------------------------

EXPORTERS: dict[str, Callable[..., str]] = {"md": to_markdown, "json": to_json, "html": to_html}


def check_format(name: str) -> str:
    """The export format named (case-insensitive), or BadInput listing md, json, html."""
    fmt = name.strip().lower()
    if fmt not in EXPORTERS:
        raise BadInput(
            f"--export: unknown format '{clean(name)}'; use one of {', '.join(FORMATS)}",
        )
    return fmt


def export_text(plan: Plan, fmt: str, *, explain: bool = False) -> str:
    """The whole file for ``fmt`` (``md``, ``json`` or ``html``)."""
    fmt = check_format(fmt)
    if fmt == "json":
        return to_json(plan)
    return EXPORTERS[fmt](plan, explain=explain)


def default_filename(plan: Plan, fmt: str) -> str:
    """``careercoach-plan-YYYY-MM-DD.<ext>``: the date the assessment finished, local time."""
    return f"{FILENAME_STEM}-{local_time(plan.finished_at).date().isoformat()}.{check_format(fmt)}"
