"""Export from the history screen: pick a format, edit where to save, write it whole or not at all."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Select, Static

from coach.history import export, export_file
from coach.shown import visible
from coach.tui.screens.base import CoachModal


class ExportDialog(CoachModal[Path | None]):
    AUTO_FOCUS: ClassVar[str | None] = "#export-path"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", id="export_dialog.cancel"),
        Binding("ctrl+s", "save", id="export_dialog.save", priority=True),
    ]

    def __init__(self, since: datetime | None, period: str) -> None:
        super().__init__()
        self.since = since
        self.period = period

    def compose(self) -> ComposeResult:
        today = self.coach_app.now().date()
        self.records = self.coach_app.store.query(since=self.since)
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static(self.content.text("export.title"), classes="heading", markup=False)
            yield Static(self.content.text("export.what", count=len(self.records), period=self.period), markup=False)
            yield Static(self.content.text("export.format"), classes="label", markup=False)
            yield Select(
                [(self.content.text(f"export.format_{f}"), f) for f in ("md", "html", "csv", "json")],
                value="md",
                allow_blank=False,
                id="export-format",
            )
            yield Static(self.content.text("export.path"), classes="label", markup=False)
            yield Input(str(export_file.default_path(self.content, "md", today)), id="export-path")
            yield Checkbox(self.content.text("export.replace"), id="export-replace")
            yield Static(id="export-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.content.text("export.save"), id="save", variant="primary")
                yield Button(self.content.text("export.cancel"), id="cancel")

    def on_select_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        today = self.coach_app.now().date()
        defaults = {str(export_file.default_path(self.content, f, today)) for f in export_file.FORMATS}
        if path.value in defaults:  # only follow the format while the person has not typed their own path
            path.value = str(export_file.default_path(self.content, str(event.value), today))

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            return self._error(self.content.text("export.no_path"))
        try:
            path = Path(raw).expanduser()
        except RuntimeError:  # "~" and no home folder
            return self._error(self.content.text("export.no_home"))
        fmt = str(self.query_one("#export-format", Select).value)
        force = self.query_one("#export-replace", Checkbox).value
        try:
            done = export.export_history(
                self.content, self.coach_app.store, fmt, self.coach_app.now(), since=self.since, path=path, force=force
            )
        except export_file.ExportError as exc:
            return self._error(self.content.text("export.exists", path=path) if exc.reason == "exists" else str(exc))
        shown = visible(self.content.text("export.written", count=done.count, path=path))
        self.notify(shown, timeout=10, markup=False)
        self.dismiss(path)

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(message)
