"""``careercoach roi``: the education return-on-investment calculator."""

from __future__ import annotations

import typer

from careercoach.cli.app import app, not_built


@app.command(
    epilog="""\b
Examples:
  careercoach roi --cost 60000 --years 2 --current-salary 70000 \\
      --expected-salary 90000
  careercoach roi --cost 120000 --years 2 --current-salary 80000 \\
      --degree master --full-time
  careercoach roi --json --cost 30000 --years 3 --current-salary 50000 \\
      --expected-salary 58000
"""
)
def roi(ctx: typer.Context) -> None:
    """Does a degree pay? Costs, returns, payback year and IRR."""
    not_built("careercoach roi", 8)
