"""The built wheel carries the banks and works from another folder.

Slow (builds a wheel and a venv), so it runs in CI always and locally only with
CAREERCOACH_TEST_WHEEL=1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
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
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, built as a release would build them."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--sdist",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (built,) = dist.glob("careercoach-*.whl")
    return built


def test_sdist_and_wheel_pass_twine_check(dist: Path) -> None:
    built = sorted(p.name for p in dist.iterdir())
    assert built == [
        f"careercoach-{__version__}-py3-none-any.whl",
        f"careercoach-{__version__}.tar.gz",
    ]
    checked = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
        check=False,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_wheel_and_sdist_carry_the_license(dist: Path) -> None:
    (wheel_file,) = dist.glob("*.whl")
    assert any(n.endswith("/licenses/LICENSE") for n in zipfile.ZipFile(wheel_file).namelist())
    (sdist_file,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist_file) as archive:
        assert f"careercoach-{__version__}/LICENSE" in archive.getnames()


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
