"""The plan as a file: the formats by name.

Each format has its own module of pure string functions (``markdown_export``,
``html_export``, ``json_export``, ``ics_export``) that share their words through
``plan_wording``; :func:`export_text` finds one by name; writing one is
:func:`careercoach.storage.output_file.write_file`'s job. Every piece of text that came
from a bank or an answer goes through ``safe_text`` on its way in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careercoach.core.dates import local_time
from careercoach.errors import BadInput
from careercoach.safe_text import clean

if TYPE_CHECKING:
    from careercoach.core.calendar_revision import CalendarRevision
    from careercoach.core.models import Plan

FORMAT_TITLES: dict[str, str] = {
    "md": "Markdown",
    "json": "JSON, for scripts",
    "html": "a web page",
    "ics": "a calendar (iCalendar)",
}
"""Each export format, with what it is (``plan --export <Tab>`` shows these)."""
FORMATS: tuple[str, ...] = tuple(FORMAT_TITLES)
FILENAME_STEM = "careercoach-plan"


def check_format(name: str) -> str:
    """The export format named (case-insensitive), or BadInput listing the formats."""
    fmt = name.strip().lower()
    if fmt not in FORMATS:
        raise BadInput(
            f"--export: unknown format '{clean(name)}'; use one of {', '.join(FORMATS)}",
        )
    return fmt


def export_text(
    plan: Plan, fmt: str, *, explain: bool = False, revision: CalendarRevision | None = None
) -> str:
    """The whole file for ``fmt`` (``md``, ``json``, ``html`` or ``ics``); only that
    format's module is imported (the calendar one loads the icalendar library).
    ``revision``: what changed since the plan was made (the calendar's DTSTAMP and
    SEQUENCE)."""
    fmt = check_format(fmt)
    if fmt == "json":
        from careercoach.ui.json_export import to_json

        return to_json(plan)
    if fmt == "html":
        from careercoach.ui.html_export import to_html

        return to_html(plan, explain=explain)
    if fmt == "ics":
        from careercoach.ui.ics_export import to_ics

        return to_ics(plan, revision)
    from careercoach.ui.markdown_export import to_markdown

    return to_markdown(plan, explain=explain)


def default_filename(plan: Plan, fmt: str) -> str:
    """``careercoach-plan-YYYY-MM-DD.<ext>``: the date the assessment finished, local time."""
    return f"{FILENAME_STEM}-{local_time(plan.finished_at).date().isoformat()}.{check_format(fmt)}"
