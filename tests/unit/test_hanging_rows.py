"""HangingRows draws what the Table.grid it replaced drew (the plan's lists, actions and
score explanations), at every width, with colour and without."""

import io

import pytest
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careercoach.ui.hanging_rows import HangingRows

ROWS = [
    (
        Text("1."),
        Text("[ ]"),
        Text.assemble(("Ask your manager for a stretch project", "bold"), "\n", "because"),
    ),
    (Text("10."), Text("[x]"), Text("Short", style="dim")),
    (Text("3.", style="bold"), Text("[ ]"), Text("Averyveryverylongwordthatmustfold now")),
]


def drawn(renderable: object, width: int, colour: bool) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="truecolor" if colour else None,
        force_terminal=colour,
        highlight=False,
    )
    console.print(renderable)
    return buffer.getvalue()


def grid(rows: list[tuple[Text, ...]], short: int, gap: int) -> Table:
    table = Table.grid(padding=(0, gap))
    table.add_column(no_wrap=True, justify="right")
    for _ in range(short - 1):
        table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("width", [14, 20, 33, 50, 80, 120])
def test_actions_look_as_the_grid_drew_them(width: int, colour: bool) -> None:
    rows = HangingRows(ROWS, ["right", "left"])
    assert drawn(rows, width, colour) == drawn(grid(ROWS, 2, 1), width, colour)


@pytest.mark.parametrize("width", [20, 50, 80])
@pytest.mark.parametrize("gap", [1, 2])
def test_marker_lists_look_as_the_grid_drew_them(width: int, gap: int) -> None:
    rows = [(marker, body) for marker, _, body in ROWS]
    expected = drawn(grid(rows, 1, gap), width, True)
    assert drawn(HangingRows(rows, ["right"], gap=gap), width, True) == expected


@pytest.mark.parametrize("width", [20, 50, 80])
def test_indented_they_are_padded_as_the_grid_was(width: int) -> None:
    rows = HangingRows(ROWS, ["right", "left"])
    expected = drawn(Padding(grid(ROWS, 2, 1), (0, 0, 0, 2), expand=False), width, True)
    assert drawn(Padding(rows, (0, 0, 0, 2), expand=False), width, True) == expected


def test_text_hangs_under_itself() -> None:
    rows = HangingRows([(Text("1."), Text("one two three four"))], ["right"])
    assert drawn(rows, 12, False) == "1. one two  \n   three    \n   four     \n"


def test_no_rows_draw_nothing() -> None:
    assert drawn(HangingRows([], ["right"]), 40, False) == ""
