"""``careercoach plan --done`` / ``plan --check``: actions of a plan marked done."""

import typer

from careercoach.cli.output import echo_lines


def mark_done(assessment_id: int | None, refs: list[str], *, check: bool) -> None:
    """``plan --done ACTION_ID`` / ``plan --check``: record actions of a plan as done."""
    from careercoach.core.done import resolve_action
    from careercoach.errors import BadInput, NoTerminal
    from careercoach.flows.assessment import load_plan
    from careercoach.safe_text import for_terminal
    from careercoach.storage.store import DoneItem, Store
    from careercoach.ui.history_render import wrap
    from careercoach.ui.text_cells import text_width

    if check and refs:
        raise BadInput("--check and --done cannot be combined")
    plan = load_plan(assessment_id)
    assert plan.assessment_id is not None
    if not plan.actions:
        typer.echo(f"The plan of assessment {plan.assessment_id} has no actions to mark.")
        return
    scores = {(d.bank, d.id): d.score for d in plan.dimensions}

    def item(index: int) -> DoneItem:
        a = plan.actions[index]
        return DoneItem(a.bank, a.dimension, a.id, scores.get((a.bank, a.dimension), 0))

    lines: list[str] = []
    if check:
        from careercoach.ui import prompts

        if not prompts.stdin_is_terminal():
            raise NoTerminal(
                "plan --check shows a checklist in a terminal, and stdin is not one.",
                hint="Mark an action with: careercoach plan --done ACTION_ID",
            )
        keys = [f"{a.bank}.{a.id}" for a in plan.actions]
        ticked = prompts.ask_checklist(
            f"Which actions of assessment {plan.assessment_id} have you done?",
            [
                (key, f"{a.number or n}. {a.text}")
                for n, (key, a) in enumerate(zip(keys, plan.actions, strict=True), 1)
            ],
            [key for key, a in zip(keys, plan.actions, strict=True) if a.done],
        )
        chosen = [item(keys.index(key)) for key in ticked]
        with Store() as store:
            added, removed = store.set_done(
                plan.assessment_id, chosen, [(a.bank, a.id) for a in plan.actions]
            )
        lines.append(f"Marked {added} done, unmarked {removed}.")
        count = len(chosen)
    else:
        command = "careercoach plan" + (
            f" --id {assessment_id}" if assessment_id is not None else ""
        )
        picked = list(
            dict.fromkeys(resolve_action(plan, ref, command=command).position for ref in refs)
        )
        with Store() as store:
            for index in picked:
                action = plan.actions[index]
                fresh = store.mark_done(plan.assessment_id, [item(index)])
                word = "Done:" if fresh else "Already done:"
                lines += wrap(for_terminal(action.text), text_width(), f"{word} ", "  ")
            in_plan = {(a.bank, a.id) for a in plan.actions}
            count = sum(
                (d.bank, d.action) in in_plan for d in store.done_actions(plan.assessment_id)
            )
    lines.append(f"{count} of {len(plan.actions)} actions of assessment {plan.assessment_id} done.")
    echo_lines(lines)
