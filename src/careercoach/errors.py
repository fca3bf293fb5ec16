"""One exception base carrying an exit code; ``cli`` catches it in one place.

Exit codes follow SPEC.md: 2 bad input (a bank, an answers file, a flag, an unknown id),
1 anything else, 130 interrupted.
"""

from collections.abc import Iterable

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


START_HINT = "Start one with: careercoach assess"
"""The hint wherever no finished assessment is stored."""


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
    def from_problems(cls, problems: Iterable[str], hint: str | None = None) -> "BadInput":
        return cls(*problems, hint=hint)


class UnknownAssessment(BadInput):
    """An assessment id that is not stored: bad input (exit 2), as an unknown bank or
    action is, and said in the same words by every command that takes one. The hint
    depends only on whether a finished assessment is stored (``none_stored``): how to
    start one, or where to see them."""

    def __init__(self, assessment_id: int, *, none_stored: bool = False) -> None:
        super().__init__(
            f"no assessment {assessment_id} is stored",
            hint=START_HINT if none_stored else "See the stored ones with: careercoach history",
        )


class BankError(BadInput):
    """A question bank could not be loaded; each problem is ``path:line:col: message``."""


class AnswersError(BadInput):
    """An answers file is wrong; each problem names ``bank.question``."""


class NoTerminal(BadInput):
    """An interactive command was run without a terminal on stdin."""


class StoreError(CareerCoachError):
    """The data folder or database cannot be used (exit 1)."""


class NotFound(CareerCoachError):
    """Something the command needs is not stored yet, as no finished assessment (exit 1)."""


def no_finished_assessment(answered: int = 0) -> NotFound:
    """What ``plan``, ``checkin`` and ``compare`` say with no finished assessment (exit 1):
    how to start one, or, when one was started (``answered`` answers saved), how to
    finish it."""
    if not answered:
        return NotFound("no finished assessment yet", hint=START_HINT)
    saved = f"{answered} answer{'' if answered == 1 else 's'} saved"
    return NotFound(
        f"no finished assessment yet; one is under way ({saved})",
        hint="Finish it with: careercoach assess --resume",
    )


class Interrupted(CareerCoachError):
    """Ctrl-C or Ctrl-D on a prompt (exit 130)."""

    exit_code = EXIT_INTERRUPTED


class AlreadyRunning(CareerCoachError):
    """Another ``careercoach assess`` holds the lock (exit 1)."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``; did you mean 'stuck'?`` for a misspelt or miscased ``word``, else ``""``.

    Case is ignored first (``STUCK``), then the closest spelling counts (difflib's).
    """
    import difflib

    options = list(choices)
    by_case = {choice.casefold(): choice for choice in options}
    close = by_case.get(word.casefold())
    if close is None:
        found = difflib.get_close_matches(word.casefold(), list(by_case), n=1)
        close = by_case[found[0]] if found else None
    return f"; did you mean '{close}'?" if close is not None and close != word else ""
