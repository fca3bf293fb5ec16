"""The built wheel carries the banks and works from another folder.

Slow (builds a wheel and a venv), so it runs in CI always and locally only with
CAREERCOACH_TEST_WHEEL=1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from careercoach import __version__

REPO = Path(__file__).resolve().parents[2]
BANK_IDS = sorted(p.stem for p in (REPO / "questions").glob("*.yaml"))

pytestmark = [
    pytest.mark.wheel,
    pytest.mark.skipif(
        not (os.environ.get("CI") or os.environ.get("CAREERCOACH_TEST_WHEEL")),
        reason="builds a wheel and a venv: runs in CI, or set CAREERCOACH_TEST_WHEEL=1",
    ),
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("careercoach-*.whl")
    return built


def test_wheel_contains_every_bank(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(
        Path(n).stem
        for n in names
        if n.startswith("careercoach/questions/") and n.endswith(".yaml")
    )
    assert shipped == BANK_IDS
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    pip = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True)
    script = env_dir / "bin" / "careercoach"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "CAREERCOACH_HOME": str(tmp_path / "data")}

    version = subprocess.run(
        [str(script), "--version"],
        check=False,
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert version.returncode == 0
    assert version.stdout == f"careercoach {__version__}\n"

    listing = subprocess.run(
        [str(script), "banks", "list"],
        check=False,
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert listing.returncode == 0, listing.stderr
    listed = [line.split()[0] for line in listing.stdout.splitlines()[1::2]]
    assert sorted(listed) == BANK_IDS
    assert "built-in" in listing.stdout
