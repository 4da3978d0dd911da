"""Journeys: the installed app in tmux, one fresh folder and tmux server per terminal; on a failure the
report shows the last screen each terminal captured, so the reader sees what the person saw."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.journeys.terminal import Terminal


class Terminals:
    """open_terminal((80, 24)) -> a Terminal running `pain-coach` at that size, on folders of its own."""

    def __init__(self, tmux: str, folder: Path) -> None:
        self.tmux = tmux
        self.folder = folder
        self.opened: list[Terminal] = []

    def __call__(self, size: tuple[int, int] = (80, 24), *args: str) -> Terminal:
        folder = self.folder / f"terminal-{len(self.opened)}"
        folder.mkdir()
        terminal = Terminal(self.tmux, folder, size)
        self.opened.append(terminal)
        return terminal.start(*args)


@pytest.fixture
def open_terminal(system_tool, tmp_path):
    terminals = Terminals(system_tool("tmux"), tmp_path)
    yield terminals
    for terminal in terminals.opened:
        terminal.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    terminals = getattr(item, "funcargs", {}).get("open_terminal")
    if report.failed and call.when == "call" and isinstance(terminals, Terminals):
        for terminal in terminals.opened:
            shown = terminal.last_screen or "(nothing captured)"
            report.sections.append((f"last screen at {terminal.width}x{terminal.height}", shown))
    return report
