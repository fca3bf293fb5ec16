"""The command line: Typer commands, one module per command group."""

from careercoach.cli import assess_cmd, banks_cmd, event_cmd, history_cmd, plan_cmd, roi_cmd
from careercoach.cli.app import app, main

__all__ = [
    "app",
    "assess_cmd",
    "banks_cmd",
    "event_cmd",
    "history_cmd",
    "main",
    "plan_cmd",
    "roi_cmd",
]
