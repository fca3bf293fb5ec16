"""``--help`` wrapped between words only: never inside an option's name
(``--expected-salary``) or a file's (``careercoach-data-YYYY-MM-DD.json``).

Click's help formatter wraps with ``textwrap``'s defaults, which break after a hyphen and
cut a word longer than the line. :class:`CoachContext` makes its help with
:class:`CoachHelpFormatter`, a subclass of the formatter Click's ``Context`` names
(``Context.formatter_class``, public), whose two wrapping methods, ``write_text`` and
``write_dl`` (public), wrap as Click does (paragraphs, ``\\b`` blocks kept as written),
except for those two breaks.
"""

import textwrap
from collections.abc import Iterable

import typer


def wrap_paragraphs(text: str, width: int, indent: str = "") -> str:
    """``text`` as Click's ``wrap_text(..., preserve_paragraphs=True)`` lays it out:
    paragraphs split at blank lines, each rewrapped with its first line's indent, one
    that starts with a ``\\b`` line kept as written; but a line breaks only at spaces."""
    paragraphs: list[tuple[int, bool, str]] = []
    lines: list[str] = []
    extra: int | None = None

    def flush() -> None:
        if lines:
            raw = lines[0].strip() == "\b"
            body = "\n".join(lines[1:]) if raw else " ".join(lines)
            paragraphs.append((extra or 0, raw, body))
            lines.clear()

    for line in text.expandtabs().splitlines():
        if not line:
            flush()
            extra = None
            continue
        if extra is None:
            extra = len(line) - len(line.lstrip())
        lines.append(line.lstrip() if not lines else line)
    flush()
    shown = []
    for more, raw, body in paragraphs:
        pad = indent + " " * more
        if raw:
            shown.append("\n".join(pad + line if line else line for line in body.splitlines()))
        else:
            shown.append(
                "\n".join(
                    textwrap.wrap(
                        body,
                        max(width, len(pad) + 1),
                        initial_indent=pad,
                        subsequent_indent=pad,
                        break_on_hyphens=False,
                        break_long_words=False,
                        replace_whitespace=False,
                    )
                )
            )
    return "\n\n".join(shown)


class CoachHelpFormatter(typer.Context.formatter_class):  # type: ignore[misc,valid-type]
    """Click's help formatter, wrapping between words only."""

    def write_text(self, text: str) -> None:
        self.write(wrap_paragraphs(text, self.width, " " * self.current_indent))
        self.write("\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """Terms and their help, as Click lays them out (the help beside its term where
        the term fits the first column, else on the next line)."""
        rows = list(rows)
        first_col = min(max(len(term) for term, _ in rows), col_max) + col_spacing
        for term, help_text in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            if not help_text:
                self.write("\n")
                continue
            column = first_col
            width = max(self.width - first_col - 2, 10)
            if max(map(len, help_text.split())) > width:
                # a word wider than the help column (a file name): the help goes under
                # its term, less indented, so no line is wider than the help
                column = 4
                width = max(self.width - self.current_indent - column, 10)
                self.write("\n" + " " * (column + self.current_indent))
            elif len(term) <= first_col - col_spacing:
                self.write(" " * (first_col - len(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap_paragraphs(help_text, width).splitlines() or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{column + self.current_indent}}{line}\n" if line else "\n")


class CoachContext(typer.Context):
    """The context of every careercoach command: its help by :class:`CoachHelpFormatter`,
    as wide as Click makes it in a terminal (the terminal's width, ``COLUMNS`` first, less
    two, at most ``max_content_width``, at least 50), also where no terminal is (a test
    runner's fixed 80 would hide what 50 columns look like)."""

    formatter_class = CoachHelpFormatter

    def make_formatter(self) -> CoachHelpFormatter:
        import shutil

        widest = self.max_content_width or 80
        width = self.terminal_width or max(min(shutil.get_terminal_size().columns, widest) - 2, 50)
        return CoachHelpFormatter(width=width, max_width=widest)
