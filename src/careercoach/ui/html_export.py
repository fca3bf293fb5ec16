"""The plan as one self-contained HTML page (pure: a string)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careercoach.core.dates import local_time
from careercoach.safe_text import for_html
from careercoach.ui import plan_lead
from careercoach.ui import plan_wording as wording
from careercoach.ui.markdown_export import explain_rows
from careercoach.ui.plan_wording import (
    HORIZON_TITLES,
    action_label,
    action_marker,
    actions_by_horizon,
    commitment_lines,
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
    from careercoach.core.models import DimensionScore, Explanation, Plan, PlannedAction

_CSS = """
:root { color-scheme: light; --ink: #1c1e21; --muted: #5b6169; --rule: #d5d9de;
  --track: #eceff2; --high: #b3261e; --moderate: #a15c00; --low: #2e7d32; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  sans-serif; color: var(--ink); background: #fff; max-width: 48rem; margin: 2rem auto;
  padding: 0 1.25rem; overflow-wrap: anywhere; }
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
th, td { overflow-wrap: break-word; }
td:first-child { overflow-wrap: anywhere; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, .nowrap { white-space: nowrap; }
.level { font-weight: 600; }
.level-high { color: var(--high); }
.level-moderate { color: var(--moderate); }
.level-low { color: var(--low); }
code.command { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: .9em; }
code.command span { white-space: nowrap; }
figure { margin: .5rem 0 1rem; }
figcaption { color: var(--muted); font-size: .875rem; }
.chart { font-size: .875rem; line-height: 1.25; }
.chart-row { display: grid; grid-template-columns: 15rem minmax(0, 1fr) 6.5rem;
  gap: .15rem .6rem; align-items: center; margin: .35rem 0; }
.chart-label { text-align: right; }
.chart-score { font-variant-numeric: tabular-nums; white-space: nowrap; }
.chart-bar { display: block; width: 100%; height: 1rem; }
.chart-bar .track { fill: var(--track); }
.chart-bar .tick { stroke: #aab1b9; stroke-dasharray: 2 3; vector-effect: non-scaling-stroke; }
.chart-bar .bar-high { fill: var(--high); }
.chart-bar .bar-moderate { fill: var(--moderate); }
.chart-bar .bar-low { fill: var(--low); }
.chart-ticks { grid-column: 2; position: relative; height: 1.25rem; color: var(--muted); }
.chart-ticks span { position: absolute; top: 0; transform: translateX(-50%);
  white-space: nowrap; }
.chart-ticks span:first-child { transform: none; }
.chart-ticks span:nth-child(2) { left: 25%; }
.chart-ticks span:nth-child(3) { left: 50%; }
.chart-ticks span:nth-child(4) { left: 75%; }
.chart-ticks span:nth-child(5) { left: 100%; transform: translateX(-100%); }
ol.focus li { margin-bottom: .4rem; }
ul.tasks { list-style: none; padding-left: 0; }
ul.tasks li { margin: .35rem 0; }
ul.tasks label { display: flex; gap: .6rem; align-items: flex-start; }
ul.tasks input { width: 1.05rem; height: 1.05rem; margin: .2rem 0 0; flex: none; }
.for { color: var(--muted); }
.number { font-weight: 600; font-variant-numeric: tabular-nums; }
ul.commitments { list-style: none; padding-left: 0; }
ul.commitments li { margin: .4rem 0; }
blockquote { margin: .6rem 0; padding: .1rem .9rem; border-left: 4px solid var(--rule); }
blockquote p { margin: .2rem 0; font-style: italic; }
blockquote p.source { font-style: normal; color: var(--muted); font-size: .9rem; }
.warning { border-left: 4px solid var(--moderate); padding: .2rem .8rem; }
.checkin { font-size: 1.1rem; font-weight: 600; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .875rem;
  border-top: 1px solid var(--rule); padding-top: .5rem; }
@media (max-width: 36rem) {
  body { margin: 1rem auto; padding: 0 .75rem; }
  h1 { font-size: 1.5rem; }
  /* Tables of more than two columns reflow: each row a block, each cell its column's
     heading (data-label) beside its value, so no column is squeezed into breaking words.
     The heading row stays for screen readers, out of sight. */
  table.stack, table.stack tbody, table.stack tr { display: block; width: 100%; }
  table.stack thead, table.stack thead tr, table.stack thead th { display: block;
    width: 1px; height: 1px; overflow: hidden; white-space: nowrap; padding: 0; }
  table.stack thead { position: absolute; clip-path: inset(50%); }
  table.stack tr { border-bottom: 1px solid var(--rule); padding: .35rem 0; }
  table.stack td { display: block; position: relative; border: 0; text-align: left;
    padding: .1rem 0 .1rem calc(40% + .75rem); white-space: normal;
    overflow-wrap: break-word; }
  table.stack td::before { content: attr(data-label); position: absolute; left: 0;
    width: 40%; color: var(--muted); font-weight: normal; }
  table.stack td:first-child { font-weight: 600; }
  table.stack td:empty { display: none; }
  td:first-child { overflow-wrap: break-word; }
  .chart-row { grid-template-columns: minmax(0, 1fr) auto; margin: .5rem 0; }
  .chart-label { text-align: left; }
  .chart-bar { grid-column: 1 / -1; grid-row: 2; }
  .chart-ticks { grid-column: 1 / -1; }
}
@media (max-width: 22.5rem) {
  table { font-size: .875rem; }
}
@media print {
  @page { margin: 16mm; }
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; }
  h2, h3 { break-after: avoid; }
  tr, li, figure, p { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

_TICKS = (0, 25, 50, 75, 100)


def _html_chart(shown: Sequence[DimensionScore]) -> str:
    """The needs' scores as horizontal bars, no external anything. The labels are HTML
    text, so they keep their size and wrap on a phone (an SVG's text would shrink with it);
    each bar is a small SVG stretched to its row. A screen reader hears the chart's name
    and reads the scores in the table that follows."""
    track = '<rect class="track" width="100" height="16"></rect>' + "".join(
        f'<line class="tick" x1="{tick}" y1="0" x2="{tick}" y2="16"></line>'
        for tick in _TICKS[1:-1]
    )
    parts = ['<div class="chart" role="img" aria-label="Your scores, 0 to 100, highest first">']
    for d in shown:
        width = max(0, min(100, d.score))
        parts.append(
            f'<div class="chart-row"><span class="chart-label">{for_html(d.label)}</span>'
            f'<svg class="chart-bar" viewBox="0 0 100 16" preserveAspectRatio="none">{track}'
            f'<rect class="bar-{d.level}" width="{width}" height="16"></rect></svg>'
            f'<span class="chart-score">{d.score} {d.level}</span></div>'
        )
    ticks = "".join(f"<span>{tick}</span>" for tick in _TICKS)
    parts.append(f'<div class="chart-row"><span class="chart-ticks">{ticks}</span></div>')
    parts.append("</div>")
    return "\n".join(parts)


def _html_table(head: Sequence[str], align: str, rows: Sequence[Sequence[str]]) -> str:
    """A table of already-escaped cells; ``align``: l or r (numbers) per column. The
    headings are ours (escaped text, perhaps a ``<span>``); each cell's ``data-label`` is
    its heading's text."""
    import re

    def cls(i: int) -> str:
        return ' class="num"' if align[i] == "r" else ""

    out = ['<table class="stack">' if len(head) > 2 else "<table>"]
    out.append(
        "<thead><tr>"
        + "".join(f"<th{cls(i)}>{h}</th>" for i, h in enumerate(head))
        + "</tr></thead>"
    )
    out.append("<tbody>")
    # data-label: the column's heading, which a phone shows beside each cell (the CSS)
    labels = [re.sub(r"<[^>]*>", "", h) for h in head]
    for row in rows:
        cells = "".join(f'<td{cls(i)} data-label="{labels[i]}">{c}</td>' for i, c in enumerate(row))
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _level(level: str) -> str:
    return f'<span class="level level-{level}">{level}</span>'


def _html_explain(explanation: Explanation) -> str:
    title = f"<h3>{for_html(explanation.label)} ({explanation.score})</h3>"
    if not explanation.items:
        return title + "\n<p>No answer fed this score.</p>"
    rows = explain_rows(explanation, for_html, " <em>(reverse-scored)</em>", "<strong>{}</strong>")
    return title + "\n" + _html_table(("Question", "Your answer", "Added", "Out of"), "llrr", rows)


def _html_action_items(plan: Plan, actions: Sequence[PlannedAction]) -> list[str]:
    items = ['<ul class="tasks">']
    for action in actions:
        checked = " checked" if action.done else ""
        marker = action_marker(action)
        number_part = f'<span class="number">{marker}</span> ' if marker else ""
        items.append(
            f'<li><label><input type="checkbox"{checked}>'
            f"<span>{number_part}{for_html(action.text)} "
            f'<span class="for">({for_html(action_label(plan, action))})</span></span>'
            "</label></li>"
        )
    return [*items, "</ul>"]


def _html_actions(plan: Plan) -> list[str]:
    body = ['<section id="actions">', f"<h2>{wording.ACTIONS_TITLE}</h2>"]
    if not plan.actions:
        body.append(f"<p>{wording.NO_ACTIONS}</p>")
    for horizon, indexes in actions_by_horizon(plan):
        body.append(f"<h3>{HORIZON_TITLES[horizon]}</h3>")
        body += _html_action_items(plan, [plan.actions[index] for index in indexes])
    body.append("</section>")
    return body


def _html_commitments(plan: Plan) -> list[str]:
    body = [
        '<section id="commitments">',
        f"<h2>{wording.COMMITMENTS_TITLE}</h2>",
        '<ul class="commitments">',
    ]
    for commitment in plan.commitments:
        text, tail = commitment_lines(commitment)
        body.append(
            f'<li><span class="number">{commitment.number}.</span> '
            f"<strong>{for_html(text)}</strong><br>{for_html(tail)}</li>"
        )
    return [*body, "</ul>", "</section>"]


def _html_own_words(plan: Plan) -> list[str]:
    body = ['<section id="own-words">', f"<h2>{wording.OWN_WORDS_TITLE}</h2>"]
    for words in plan.own_words:
        body.append(
            f"<blockquote><p>{for_html(quoted(words.text))}</p>"
            f'<p class="source">{for_html(own_words_source(plan, words))}</p></blockquote>'
        )
    return [*body, "</section>"]


def _html_scores(plan: Plan, *, every: bool) -> list[str]:
    """The needs at moderate and high (``every``: all) as a chart and a table, a line for
    the ones left out, and the events at work that were reported; nothing when there is
    none of these (only events, none reported)."""
    h = for_html
    title = ['<section id="scores">', f"<h2>{wording.SCORES_TITLE}</h2>"]
    if not plan.dimensions and not plan_lead.nothing_to_plan(plan):
        return [*title, f"<p>{wording.NO_SCORES}</p>", "</section>"]
    body: list[str] = []
    shown = wording.shown_needs(plan, every=every)
    if shown:
        body += [
            "<figure>",
            _html_chart(shown),
            "<figcaption>Higher scores need more attention.</figcaption>",
            "</figure>",
        ]
        rows = [[h(d.label), str(d.score), _level(d.level), h(d.bank)] for d in shown]
        body.append(
            _html_table(
                ("Finding", 'Score <span class="nowrap">(0-100)</span>', "Level", "Bank"),
                "lrll",
                rows,
            )
        )
    for line in (
        wording.outside_focus_line(plan, every=every),
        wording.low_needs_line(plan, every=every),
        wording.reported_events_line(plan),
    ):
        if line:
            body.append(f"<p>{h(line)}</p>")
    return [*title, *body, "</section>"] if body else []


def prose(text: str) -> str:
    """``text`` escaped, each careercoach command in it in ``<code>``, each of the
    command's words in a span that does not break (``--bank`` never becomes ``--`` /
    ``bank``): the line breaks only at its spaces, and copies as it reads."""
    from careercoach.ui.text_cells import command_runs

    shown = []
    for run, is_command in command_runs(text):
        if is_command:
            words = " ".join(f"<span>{for_html(word)}</span>" for word in run.split(" "))
            shown.append(f'<code class="command">{words}</code>')
        else:
            shown.append(for_html(run))
    return "".join(shown)


def _html_checkin(plan: Plan) -> list[str]:
    h = prose
    body = ['<section id="checkin">', f"<h2>{wording.CHECKIN_TITLE}</h2>"]
    if now := plan_lead.now_checkin(plan):
        return [*body, f'<p class="checkin">{h(now)}</p>', "</section>"]
    first, *rest = wording.checkin_lines(plan)
    body.append(f'<p class="checkin">{h(first)}</p>')
    body += [f"<p>{h(line)}</p>" for line in rest]
    if plan.next_checkin is not None:
        body.append(f'<p class="meta">{h(wording.calendar_hint(plan))}</p>')
    return [*body, "</section>"]


def to_html(plan: Plan, *, explain: bool = False) -> str:
    """One self-contained page: inline CSS and SVG, no script, no external request
    (a Content-Security-Policy forbids any), and a print stylesheet. The sections come in
    the terminal view's order (see ``to_markdown``)."""
    h = for_html
    thin = plan_lead.says_nothing_yet(plan)
    finished = local_time(plan.finished_at).date()
    body: list[str] = [
        "<header>",
        f"<h1>{wording.TITLE}</h1>",
        f'<p class="meta">{h(wording.context_line(plan))}</p>',
        "</header>",
    ]
    for lead in plan_lead.lead_sections(plan):
        body += [f'<section id="{lead.anchor}">', f"<h2>{lead.title}</h2>"]
        body += [f'<p class="warning">{prose(text)}</p>' for text in lead.paragraphs]
        body.append("</section>")
    if plan.commitments:
        body += _html_commitments(plan)
    if plan.own_words:
        body += _html_own_words(plan)
    if plan.focus:
        body += ['<section id="focus">', f"<h2>{wording.FOCUS_TITLE}</h2>", '<ol class="focus">']
        body += [
            f"<li><strong>{h(f.label)}</strong>: {h(f.why)}</li>"
            for f in plan.focus[: wording.MAX_FOCUS]
        ]
        body += ["</ol>", "</section>"]
    if not thin:
        body += _html_actions(plan)
    if plan.strengths:
        body += ['<section id="strengths">', f"<h2>{wording.STRENGTHS_TITLE}</h2>", "<ul>"]
        body += [f"<li><strong>{h(s.label)}</strong>: {h(s.text)}</li>" for s in plan.strengths]
        body += ["</ul>", "</section>"]

    if not thin or explain:
        body += _html_scores(plan, every=explain)
    if explain:
        body += ['<section id="explain">', "<h2>How each score was made</h2>"]
        if plan.explain:
            body += [_html_explain(e) for e in plan.explain]
        else:
            body.append("<p>This plan holds no explanation of its scores.</p>")
        body.append("</section>")

    block = roi_block(plan)
    if block is not None:
        body += ['<section id="roi">', "<h2>Does the degree pay?</h2>"]
        if isinstance(block, str):
            body.append(f"<p>{h(block)}</p>")
        else:
            rows = [[h(label), h(value)] for label, value in roi_summary_rows(block.result)]
            body.append(_html_table(("Figure", "Amount"), "lr", rows))
            body += [f"<p>{h(text)}</p>" for text in roi_verdict(plan, block.result)]
            body.append(f'<p class="meta">{h(roi_input_line(block.result))}</p>')
            rows = [[h(c) for c in row] for row in roi_scenario_rows(block)]
            body.append(_html_table(("What if", "NPV", "Pays back", "IRR"), "lrrr", rows))
        body.append("</section>")

    if plan.verdicts:
        body += ['<section id="verdicts">', "<h2>Which way the evidence points</h2>"]
        for verdict in plan.verdicts:
            body.append(f"<h3>{h(verdict_heading(verdict))}</h3>")
            body.append(f"<p>{h(verdict.text)}</p>")
            if verdict.because:
                body.append("<p>Because:</p><ul>")
                body += [f"<li>{h(reason)}</li>" for reason in verdict.because]
                body.append("</ul>")
        body.append("</section>")

    if plan.warnings and not thin:
        body += ['<section id="warnings">', f"<h2>{wording.WARNINGS_TITLE}</h2>"]
        body += [f'<p class="warning">{prose(w)}</p>' for w in plan.warnings]
        body.append("</section>")

    body += _html_checkin(plan)
    body.append(f"<footer>{h(wording.PRIVACY_NOTE.format(version=plan.tool_version))}</footer>")

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
