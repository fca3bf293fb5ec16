"""One exception base carrying an exit code; ``cli`` catches it in one place.

Exit codes follow SPEC.md: 2 bad input (a bank, an answers file, a flag), 1 anything
else, 130 interrupted.
"""

from __future__ import annotations

from collections.abc import Iterable

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


class CareerCoachError(Exception):
    """An error a person should read: one line per problem, no traceback."""

    exit_code = EXIT_FAILURE

    def __init__(self, *problems: str, hint: str | None = None) -> None:
        super().__init__(*problems)
        self.problems: list[str] = list(problems)
        self.hint = hint

    def __str__(self) -> str:
        return "\n".join(self.problems)


class BadInput(CareerCoachError):
    """A bank, an answers file or a flag is wrong (exit 2)."""

    exit_code = EXIT_BAD_INPUT

    @classmethod
    def from_problems(cls, problems: Iterable[str], hint: str | None = None) -> BadInput:
        return cls(*problems, hint=hint)


class BankError(BadInput):
    """A question bank could not be loaded; each problem is ``path:line:col: message``."""


class AnswersError(BadInput):
    """An answers file is wrong; each problem names ``bank.question``."""


class NoTerminal(BadInput):
    """An interactive command was run without a terminal on stdin."""


class StoreError(CareerCoachError):
    """The data folder or database cannot be used (exit 1)."""


class NotFound(CareerCoachError):
    """Something asked for is not stored (exit 1)."""


class Interrupted(CareerCoachError):
    """Ctrl-C or Ctrl-D on a prompt (exit 130)."""

    exit_code = EXIT_INTERRUPTED


class NotBuiltYet(CareerCoachError):
    """A command of the contract whose issue has not landed yet (exit 1)."""
