"""Where Debian's chromium is, and the flags it needs here (shared by the browser tests)."""

from __future__ import annotations

import os
import shutil

# Flags that keep a headless Chromium, run as root on a machine without a network, from
# refusing to start or from waiting on connections that are refused.
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def find_chromium() -> str | None:
    for name in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if name and os.access(name, os.X_OK):
            return name
    return None
