"""CI runs the README's test command, and that command ends with the "N passed" line a reader looks for."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_test_command() -> str:
    """The last line of the first shell block under "## Test it"."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Test it", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return block.strip().splitlines()[-1]


def test_ci_runs_the_readme_test_command_exactly() -> None:
    command = readme_test_command()
    assert command.startswith(".venv/bin/python -m pytest")
    steps = [
        line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line.startswith("step ")
    ]
    assert [s.split("  #")[0] for s in steps if s.startswith("step tests ")] == [f"step tests {command}"]


def test_ci_runs_every_gate_before_the_tests() -> None:
    steps = [
        line.split()[1]
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.startswith("step ")
    ]
    assert steps == ["system-packages", "install", "lint", "format", "types", "imports", "tests"]


def test_the_closing_summary_line_is_printed_even_with_q(tmp_path: Path) -> None:
    # The project's pytest settings, the README's flags and a -q of one's own: the "N passed" line must stay.
    (tmp_path / "test_one.py").write_text("def test_one():\n    pass\n", encoding="utf-8")
    flags = readme_test_command().split("pytest", 1)[1].split()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            *flags,
            "-q",
            "test_one.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^=* ?1 passed", result.stdout, re.MULTILINE), result.stdout
