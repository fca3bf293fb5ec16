"""Where things live: the data folder and the built-in banks."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "CAREERCOACH_HOME"
BANKS_ENV = "CAREERCOACH_BANKS"
DB_NAME = "careercoach.db"


def data_dir() -> Path:
    """``CAREERCOACH_HOME`` if set, else the platform's user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("careercoach", appauthor=False))


def db_path() -> Path:
    return data_dir() / DB_NAME


def builtin_questions_dir() -> Path:
    """The shipped banks: inside the installed package, else the checkout's ``questions/``.

    The wheel carries ``questions/`` as ``careercoach/questions`` (hatchling
    force-include); an editable install does not, so fall back to the source tree. The
    banks are read as files, so a package inside a zip could not serve them anyway: no
    need for ``importlib.resources`` (and the zipfile and tempfile modules it imports).
    """
    packaged = Path(__file__).resolve().parent / "questions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "questions"


def env_bank_dirs() -> list[Path]:
    """The folders named in ``CAREERCOACH_BANKS`` (``:``-separated, empty parts ignored)."""
    raw = os.environ.get(BANKS_ENV, "")
    return [Path(part).expanduser() for part in raw.split(os.pathsep) if part.strip()]
