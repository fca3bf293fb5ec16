"""Headless Chromium for the HTML checks: Debian's ``chromium``, never a browser of
Playwright's own (nothing here downloads one).

``scripts/test`` installs it with apt-get when ``CI=true`` and it is missing. Without it
the browser tests are skipped with the reason, except under CI, where they fail: a green
CI must mean the page was checked in a browser.
"""

from __future__ import annotations

import os

import pytest

from .browser import find_chromium


@pytest.fixture(scope="session")
def chromium() -> str:
    found = find_chromium()
    if found:
        return found
    reason = "no chromium (Debian's package); `apt-get install chromium` runs these checks"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; under CI, scripts/test installs it")
    pytest.skip(reason)
