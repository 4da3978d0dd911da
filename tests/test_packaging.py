"""The built wheel carries the content files, and an installed copy finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT_FILES = sorted(
    p.relative_to(ROOT / "content").as_posix() for p in (ROOT / "content").rglob("*.toml")
)  # locales too


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # pip builds it the usual way: hatchling in an isolated build environment.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("pain_coach-*.whl")
    return built


@pytest.mark.slow
@pytest.mark.xdist_group("wheel")
def test_wheel_contains_every_content_file(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert CONTENT_FILES, "the source tree should have content files"
    bundled = sorted(n.removeprefix("coach/_content/") for n in names if n.startswith("coach/_content/"))
    assert bundled == CONTENT_FILES
    for name in CONTENT_FILES:
        assert zipfile.ZipFile(wheel).read(f"coach/_content/{name}") == (ROOT / "content" / name).read_bytes()
    assert "coach/tui/app.tcss" in names
    assert "coach/tui/screens.tcss" in names  # the other screens' styles, added after the first paint
    assert any(n.endswith("entry_points.txt") for n in names)


@pytest.mark.slow
@pytest.mark.xdist_group("wheel")
def test_an_installed_wheel_finds_its_content(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "cwd"  # away from the source checkout's content/
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(site), PAIN_COACH_DATA_DIR=str(tmp_path / "data"))
    code = "import coach.locations as l, coach; print(l.content_dir()); print(coach.__file__)"
    where = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=elsewhere, env=env, timeout=60
    )
    content, package = where.stdout.splitlines()
    assert Path(package).is_relative_to(site), "the unpacked wheel should be imported, not the checkout"
    assert Path(content) == site / "coach" / "_content"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "coach", *args], capture_output=True, text=True, cwd=elsewhere, env=env, timeout=60
        )

    checked = run("check-content")
    assert checked.returncode == 0, checked.stderr
    assert str(site / "coach" / "_content") in checked.stdout
    logged = run("log", "--pain", "3", "--where", "buttock")
    assert logged.returncode == 0, logged.stderr
    assert "buttock" in logged.stdout
