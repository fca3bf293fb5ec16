"""``event add`` in a real pty: it offers the re-check."""

from __future__ import annotations

import pexpect
from tests.e2e.trial_bank import spawn_careercoach


def test_event_add_offers_the_recheck_in_a_terminal() -> None:
    child = spawn_careercoach("event", "add", "new_boss", "--date", "2026-11-20")
    try:
        child.expect_exact("careercoach assess --bank promotion --bank connections")
        child.expect_exact("Start the re-check now? [y/N]:")
        child.send("n\r")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
    finally:
        if child.isalive():
            child.terminate(force=True)
            print(child.logfile_read.getvalue())
