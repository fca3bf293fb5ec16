"""Rows of short cells and one text that hangs beside them: ``1. [ ] text`` with the
text's later lines under its first, the short cells lined up in columns.

It draws what a ``Table.grid`` of such rows draws (the short columns as wide as their
widest cell, ``gap`` cells after each, the text folded to the rest of the width, or to its
longest line where that is less), without a table: a grid measures every cell and draws
each one through a padding of its own, which made the plan's many small lists most of its
printing time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

Justify = Literal["left", "right"]


class HangingRows:
    """``rows``: each row its short cells (one line each, never wrapped), then its text;
    ``justify``: how each short column lines up; ``gap``: the cells after each one."""

    def __init__(
        self, rows: Sequence[Sequence[Text]], justify: Sequence[Justify], *, gap: int = 1
    ) -> None:
        self.rows = [list(row) for row in rows]
        self.justify = list(justify)
        self.gap = gap

    def _widths(self, max_width: int) -> tuple[list[int], int]:
        """The short columns' widths and the text's, in ``max_width`` cells."""
        short = len(self.justify)
        widths = [max(row[n].cell_len for row in self.rows) for n in range(short)]
        room = max_width - sum(widths) - self.gap * short
        longest = max(
            (cell_len(line) for row in self.rows for line in row[short].plain.splitlines()),
            default=0,
        )
        return widths, max(1, min(longest, room))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As wide as the rows are drawn (an ``indent`` pads its lines to this)."""
        if not self.rows:
            return Measurement(0, 0)
        widths, text_width = self._widths(options.max_width)
        most = sum(widths) + self.gap * len(widths) + text_width
        return Measurement(most, most).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rows:
            return
        short = len(self.justify)
        widths, text_width = self._widths(options.max_width)
        gap = Segment(" " * self.gap)
        blanks = [Segment(" " * (width + self.gap)) for width in widths]
        for row in self.rows:
            cells = [
                _segment_lines(
                    console, [cell.wrap(console, width, justify=justify, no_wrap=True)[0]]
                )[0]
                for cell, width, justify in zip(row, widths, self.justify, strict=False)
            ]
            text = row[short].wrap(console, text_width, justify="left", overflow="fold")
            for number, line in enumerate(_segment_lines(console, text)):
                for cell, blank in zip(cells, blanks, strict=True):
                    if number:
                        yield blank
                    else:
                        yield from cell
                        yield gap
                yield from line
                yield Segment.line()


def _segment_lines(console: Console, lines: Iterable[Text]) -> list[list[Segment]]:
    """Wrapped lines as Rich draws a text: joined (which keeps each line's own style), then
    split again."""
    return list(Segment.split_lines(Text("\n").join(lines).render(console)))
