"""``careercoach checkin``: when the next check-in is due, and what changed since."""

from datetime import date
from typing import Annotated

import typer

from careercoach.cli.app import app
from careercoach.cli.output import echo_lines


@app.command(
    short_help="When the next check-in is due.",
    epilog="""\b
Examples:
  careercoach checkin
  careercoach checkin --run
""",
)
def checkin(
    ctx: typer.Context,
    run: Annotated[
        bool, typer.Option("--run", help="Start the re-assessment now (in a terminal).")
    ] = False,
) -> None:
    """When your next check-in is due, and what changed since the last assessment."""
    from careercoach.core import checkin as figures
    from careercoach.errors import no_finished_assessment
    from careercoach.storage.store import Store
    from careercoach.ui.history_render import checkin_lines
    from careercoach.ui.text_cells import text_width

    latest = None
    unfinished = 0
    if Store.exists():
        with Store() as store:
            latest = store.latest_finished()
            started = store.unfinished() if latest is None else None
            if started is not None:
                unfinished = store.answer_count(started)
            if latest is not None:
                plan = store.plan(latest.id)
                assert plan is not None
                # the done marks, for the commitments (not the plan's moved check-in)
                ticked = figures.with_progress(plan, store.done_actions(latest.id), [])
                commitments = store.with_commitments(ticked).commitments
                since = figures.events_since(store.events(), plan.finished_at)
                done = [d for d in store.done_actions() if d.done_at >= plan.finished_at]
                texts: dict[tuple[int, str, str], str] = {}
                for assessment_id in dict.fromkeys(d.assessment_id for d in done):
                    other = store.plan(assessment_id)
                    for a in other.actions if other else []:
                        texts[(assessment_id, a.bank, a.id)] = a.text
    if latest is None:
        if not run:
            # as `plan` says it (exit 1): there is no check-in to tell of
            raise no_finished_assessment(unfinished)
        from careercoach.cli.assess import assess

        assess(ctx)
        return
    assert plan is not None
    planned = date.fromisoformat(plan.next_checkin) if plan.next_checkin else None
    due = figures.checkin_due(planned, since)
    recheck = list(dict.fromkeys([*plan.recheck_banks, *due.recheck]))
    if run:
        from careercoach.cli.assess import assess

        banks = list(dict.fromkeys([*latest.bank_ids, *recheck]))
        assess(ctx, bank=banks)
        return
    echo_lines(
        checkin_lines(
            due=due,
            today=date.today(),
            finished_at=plan.finished_at,
            events=since,
            done=[
                (texts.get((d.assessment_id, d.bank, d.action), f"{d.bank}.{d.action}"), d.done_at)
                for d in done
            ],
            recheck=recheck,
            taken=latest.bank_ids,
            commitments=commitments,
            width=text_width(),
        )
    )
