"""The command line: Typer commands, one module per command group."""

from careercoach.cli import assess, banks, completion, event, history, plan, roi
from careercoach.cli.app import app, main

__all__ = [
    "app",
    "assess",
    "banks",
    "completion",
    "event",
    "history",
    "main",
    "plan",
    "roi",
]
