"""The command line: Typer commands, one module per command, named after it."""

from careercoach.cli import (
    assess,
    banks,
    checkin,
    compare,
    completion,
    event,
    export_data,
    forget,
    history,
    plan,
    roi,
)
from careercoach.cli.app import app, main

__all__ = [
    "app",
    "assess",
    "banks",
    "checkin",
    "compare",
    "completion",
    "event",
    "export_data",
    "forget",
    "history",
    "main",
    "plan",
    "roi",
]
