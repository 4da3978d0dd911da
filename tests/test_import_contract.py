"""The import contract in pyproject.toml ([tool.importlinter]) holds, and it catches a violation.

Each violation is made in a copy of coach/, so the tree under test is never touched; the copy comes first
on PYTHONPATH, ahead of the editable install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "coach", tmp_path / "coach", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def lint_imports(tree: Path) -> tuple[int, str]:
    """(exit status, the report with its line wrapping undone)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.returncode, " ".join((result.stdout + result.stderr).split())


def add_line(tree: Path, module: str, line: str) -> None:
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + line + "\n", encoding="utf-8")


def test_the_contract_holds_for_the_code_as_it_is(tree: Path) -> None:
    status, report = lint_imports(tree)
    assert status == 0, report
    assert "Contracts: 3 kept, 0 broken." in report


def test_a_lazy_textual_import_in_the_logic_breaks_it(tree: Path) -> None:
    add_line(tree, "coach/history/insights.py", "def _draw() -> None:\n    import textual  # noqa: F401")
    status, report = lint_imports(tree)
    assert status != 0
    assert "coach.history.insights -> textual" in report


def test_rich_in_a_command_breaks_it(tree: Path) -> None:
    add_line(tree, "coach/cli/log.py", "from rich.text import Text  # noqa: F401")
    status, report = lint_imports(tree)
    assert status != 0
    assert "coach.cli.log -> rich" in report


def test_logic_reaching_up_into_the_app_breaks_it(tree: Path) -> None:
    # Textual only indirectly, through coach.tui.app: still caught, and the layers are broken too.
    add_line(
        tree,
        "coach/checkin/triage.py",
        "def _show() -> None:\n    from coach.tui.app import PainCoachApp  # noqa: F401",
    )
    status, report = lint_imports(tree)
    assert status != 0
    assert "coach.checkin.triage -> coach.tui.app" in report
    assert "content -> locations BROKEN" in report


def test_a_new_cycle_breaks_it(tree: Path) -> None:
    add_line(tree, "coach/content/loader.py", "def _cycle() -> None:\n    import coach.routines.player  # noqa: F401")
    status, report = lint_imports(tree)
    assert status != 0
    assert "No import cycles between sibling packages or modules BROKEN" in report
