"""``careercoach export-data``: everything stored, as one JSON document."""

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from careercoach.cli.app import app


@app.command(
    "export-data",
    short_help="Everything stored, as JSON.",
    epilog="""\b
Examples:
  careercoach export-data
  careercoach export-data \\
      --output my-careercoach.json
  careercoach export-data --output - \\
      > backup.json
""",
)
def export_data(
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write ('-' for stdout; default careercoach-data-YYYY-MM-DD.json here).",
            metavar="PATH",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write everything stored (assessments, answers, plans, done actions, events,
    commitments) as one JSON document: your data, to keep or take elsewhere."""
    from careercoach.safe_text import clean
    from careercoach.storage.banks import warn_line
    from careercoach.storage.output_file import write_file
    from careercoach.storage.store import Store
    from careercoach.ui.history_render import to_json

    with Store() as store:
        exported = store.export_data()
    for part in exported.left_out:  # a damaged part: the rest is exported all the same
        warn_line(f"careercoach: warning: left out of the export: {part}")
    text = to_json(exported.document)
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(output) if output else Path(f"careercoach-data-{date.today().isoformat()}.json")
    written = write_file(path, text, force=force)
    typer.echo(f"Data written to {clean(str(written))}")
