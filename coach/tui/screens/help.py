"""Help: every key of the screen it was opened from and of the app, as bound now, with their words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.shown import cells
from coach.tui.bindings import bound_keys
from coach.tui.screens.base import CoachModal


def key_rows(
    bindings: Iterable[BindingType], keymap: Mapping[str, str], names: Mapping[str, str]
) -> list[tuple[str, str]]:
    """(keys, words) for each binding: the keys a person's config.toml gave it, or its own; keys named as
    ui.toml [key_names] names them ("escape" -> "Esc")."""
    rows = []
    for binding in bindings:
        if isinstance(binding, Binding) and binding.id:
            shown = " / ".join(_key_name(k.strip(), names) for k in bound_keys(binding, keymap).split(","))
            rows.append((shown, binding.tooltip or binding.description))
    return rows


def _key_name(key: str, names: Mapping[str, str]) -> str:
    if key in names:
        return names[key]
    return key.upper() if key.startswith("f") and key[1:].isdigit() else key


class HelpScreen(CoachModal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", id="help.close"),
    ]

    def __init__(self, screen_bindings: Iterable[BindingType], app_bindings: Iterable[BindingType] = ()) -> None:
        super().__init__()
        self.screen_bindings = list(screen_bindings)
        self.app_bindings = list(app_bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self.content.text("help.title"), classes="title")
            shown = (
                (self.content.text("help.screen_keys"), self.screen_bindings),
                (self.content.text("help.app_keys"), self.app_bindings),
            )
            for heading, bindings in shown:
                rows = key_rows(bindings, self.coach_app.rebound_keys, self.content.raw("ui")["key_names"])
                if rows:
                    yield Static(heading, classes="heading")
                    width = max(cells(k) for k, _ in rows) + 2  # in cells: a key's name may be Chinese
                    lines = (k + " " * (width - cells(k)) + label for k, label in rows)
                    yield Static("\n".join(lines), classes="keys")
            yield Static(self.content.text("help.close_hint"), classes="hint")
