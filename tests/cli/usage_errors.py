"""What a bad flag or argument that the parser catches says, as far as it is ours.

The parser (Click, under Typer) words the problem itself; careercoach puts it on one line
with the command first and where the help is last (``_say_usage_error`` in cli/app.py).
Tests check that frame and that the line names what was wrong, not the parser's sentence.
"""

from __future__ import annotations

from typing import Any


def usage_error_line(result: Any, where: str, *named: str) -> str:
    """Check a refused command line (Typer's CliRunner result, or a finished subprocess
    with text output): exit 2, nothing on stdout, one line on stderr that
    starts ``where: `` (``careercoach plan``), names each of ``named`` and ends with
    ``(see where --help)``. Returns the problem between the two, for further checks."""
    exit_code = result.exit_code if hasattr(result, "exit_code") else result.returncode
    assert exit_code == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stderr == lines[0] + "\n"
    (line,) = lines
    prefix, suffix = f"{where}: ", f" (see {where} --help)"
    assert line.startswith(prefix), line
    assert line.endswith(suffix), line
    problem = line[len(prefix) : -len(suffix)]
    assert problem, line
    for word in named:
        assert word in problem, (word, line)
    return problem
