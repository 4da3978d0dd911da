"""One record in plain words: edit its note, or delete it (with a confirmation; undo is on the history
screen). Dismisses with the deleted record, or None."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static, TextArea

from coach.history.record_text import detail_lines, detail_title, question_lines, summary
from coach.history.records import Record
from coach.history.store import StoreError
from coach.shown import visible
from coach.tui.screens.base import CoachModal, CoachScreen
from coach.tui.widgets.key_footer import KeyFooter

NOTE_LIMIT = 2000


def _answers(lines: list[tuple[str, str]]) -> Text:
    """Question on one line, the answer indented below it: questions are too long for two columns."""
    out = Text()
    for question, answer in lines:
        out.append(f"{question}\n", style="bold")
        out.append(f"  {answer}\n")
    return out


def _rows(lines: list[tuple[str, str]]) -> Text:
    width = max((cell_len(label) for label, _ in lines), default=0) + 2  # in cells: labels may be Chinese
    out = Text()
    for label, value in lines:
        out.append(label + " " * (width - cell_len(label)), style="bold")
        out.append(f"{value}\n")
    return out


class RecordDetailScreen(CoachScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", id="record_detail.back"),
        Binding("n", "edit_note", id="record_detail.note"),
        Binding("d", "delete", id="record_detail.delete"),
    ]

    def __init__(self, record: Record) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        with VerticalScroll(id="record-detail"):
            yield Static(detail_title(self.content, self.record), classes="heading", markup=False)
            yield Static(id="detail-lines")
            yield Static(self.content.text("detail.answers"), id="answers-heading", classes="heading", markup=False)
            yield Static(id="detail-answers")
            yield Static(self.content.text("detail.keys_hint"), classes="hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = detail_title(self.content, self.record)
        self.show()

    def show(self) -> None:
        self.query_one("#detail-lines", Static).update(
            _rows(detail_lines(self.content, self.record, self.coach_app.now()))
        )
        answers = question_lines(self.content, self.record, self.content.questionnaire)
        self.query_one("#detail-answers", Static).update(_answers(answers))
        self.query_one("#answers-heading").display = self.query_one("#detail-answers").display = bool(answers)

    def action_edit_note(self) -> None:
        self.coach_app.push_screen(NoteEditor(self.record.note), self._note_edited)

    def _note_edited(self, note: str | None) -> None:
        if note is None or note == self.record.note:
            return
        updated = self.record.model_copy(update={"note": note})
        try:
            self.coach_app.store.update(updated)
        except StoreError as exc:
            self.notify(visible(str(exc)), severity="error", timeout=15, markup=False)
            return
        self.record = updated
        self.show()
        self.notify(self.content.text("detail.note_saved"), timeout=3)

    def action_delete(self) -> None:
        self.coach_app.push_screen(ConfirmDelete(summary(self.content, self.record)), self._confirmed)

    def _confirmed(self, yes: bool | None) -> None:
        if not yes:
            return
        try:
            self.coach_app.store.delete(self.record.id)
        except StoreError as exc:
            self.notify(visible(str(exc)), severity="error", timeout=15, markup=False)
            return
        self.dismiss(self.record)

    def action_back(self) -> None:
        self.dismiss(None)


class NoteEditor(CoachModal[str | None]):
    AUTO_FOCUS: ClassVar[str | None] = "#note-text"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", id="note_editor.save", priority=True),
        Binding("escape", "cancel", id="note_editor.cancel", priority=True),
    ]

    def __init__(self, note: str) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor", classes="dialog"):
            yield Static(self.content.text("detail.note_title"), classes="heading", markup=False)
            yield TextArea(self.note, id="note-text", soft_wrap=True)
            yield Static(self.content.text("detail.note_hint"), id="note-message", classes="hint", markup=False)

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        note = self.query_one("#note-text", TextArea).text.strip()
        if len(note) > NOTE_LIMIT:
            self.query_one("#note-message", Static).update(
                self.content.text("detail.note_too_long", length=len(note), limit=NOTE_LIMIT)
            )
            return
        self.dismiss(note)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDelete(CoachModal[bool]):
    AUTO_FOCUS: ClassVar[str | None] = "#no"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "yes", id="confirm_delete.yes"),
        Binding("n,escape", "no", id="confirm_delete.no"),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-delete", classes="dialog"):
            yield Static(self.content.text("detail.delete_question", summary=self.what), markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.content.text("detail.delete_yes"), id="yes", variant="error")
                yield Button(self.content.text("detail.delete_no"), id="no", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)
