"""Whole-number flags checked at the edge: SQLite holds 64-bit integers, and a larger one
fails inside the query (``OverflowError``) instead of saying which flag is wrong."""

import typer

LARGEST = 2**63 - 1
"""The largest integer SQLite stores (and so the largest id or limit there can be)."""


def _shown(value: int) -> str:
    text = str(value)
    return text if len(text) <= 24 else f"{text[:20]}… ({len(text)} digits)"


def stored_int(value: int | None) -> int | None:
    """A flag or argument that is compared with stored integers (an id, a limit)."""
    if value is not None and not -LARGEST - 1 <= value <= LARGEST:
        raise typer.BadParameter(
            f"{_shown(value)} is not a possible id or count (at most {LARGEST})."
        )
    return value
