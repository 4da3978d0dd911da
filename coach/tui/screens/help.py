"""Help: every key of the screen it was opened from, from content/keys.toml."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.content.content import Content
from coach.tui.screens.base import CoachModal


def key_rows(content: Content, name: str) -> list[tuple[str, str]]:
    rows = []
    for binding in content.keys(name):
        shown = " / ".join(_key_name(k) for k in binding.key.split(","))
        rows.append((shown, binding.help or binding.label))
    return rows


def _key_name(key: str) -> str:
    names = {
        "question_mark": "?",
        "escape": "Esc",
        "space": "Space",
        "enter": "Enter",
        "plus": "+",
        "minus": "-",
        "slash": "/",
        "left": "←",
        "right": "→",
        "up": "↑",
        "down": "↓",
    }
    if key in names:
        return names[key]
    return key.upper() if key.startswith("f") and key[1:].isdigit() else key


class HelpScreen(CoachModal, keys="help"):
    def __init__(self, screen_keys: str) -> None:
        super().__init__()
        self.screen_keys = screen_keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self.content.text("help.title"), classes="title")
            for heading, name in (
                (self.content.text("help.screen_keys"), self.screen_keys),
                (self.content.text("help.app_keys"), "app"),
            ):
                rows = key_rows(self.content, name)
                if rows:
                    yield Static(heading, classes="heading")
                    width = max(len(k) for k, _ in rows) + 2
                    yield Static("\n".join(f"{k:<{width}}{label}" for k, label in rows), classes="keys")
            yield Static(self.content.text("help.close_hint"), classes="hint")
