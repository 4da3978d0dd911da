"""The base classes of every screen and dialog: their key words (coach.tui.bindings), the typed app
(`coach_app`) and the app's `Content` (`content`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events, on
from textual.binding import Binding, BindingType
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.widget import Widget

from coach.content.content import Content
from coach.tui.bindings import LabelledKeys
from coach.tui.widgets.key_footer import KeyFooter
from coach.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from coach.tui.app import PainCoachApp


class Coached(LabelledKeys):
    """What every screen and dialog has: the app typed and its Content. (Textual collects `@on` handlers
    only from its own classes, so each base below binds the taken-keys check on Mount.)"""

    app: Any  # Textual's, on the screen class this is mixed into

    @property
    def coach_app(self) -> PainCoachApp:
        return cast("PainCoachApp", self.app)

    @property
    def content(self) -> Content:
        return self.coach_app.content

    def title_bar(self) -> TitleBar:
        return TitleBar(self.content.text("app.palette_tip"))


class DrawnOnce(Screen[Any]):
    """What every screen and dialog leaves out of Textual's drawing: work that drew nothing new. (Mixed in after a
    ModalScreen: Textual takes a class's CSS from its first base.)

    Each screen names the widget it opens on in AUTO_FOCUS: Textual focuses it as the screen is made, so the first
    frame draws it focused. A focus() in on_mount came after that frame, which drew the first focusable widget
    focused instead (the history's tab bar), and then restyled both and drew again.
    """

    # Textual repaints the whole screen when the focus moves. The widgets that gain and lose it restyle and
    # redraw themselves (and those styled :focus-within with them), so that repaint drew each such frame twice.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    async def _on_resize(self, event: events.Resize) -> None:
        # Textual sends a screen its own size once it has laid it out at that size, and lays it all out again on
        # it: a second whole layout for each screen opened (and each new size of the window). Only a new size is.
        if event.size == self._compositor.size:
            event.stop()
            event.prevent_default()  # Screen's own handler: the layout again

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        # The AUTO_FOCUS widget is focused before the screen is first laid out, where nothing is where it will be:
        # Textual's scroll to it then scrolled the screen past its title. Later focus moves scroll as they ask.
        super().set_focus(widget, scroll_visible and bool(self.outer_size), from_app_focus)


class CoachScreen(Coached, DrawnOnce):
    @on(events.Mount)
    def _tell_taken_keys(self) -> None:  # beside a screen's own on_mount
        self.coach_app.tell_taken_keys(self.BINDINGS)
        self.call_after_refresh(self.coach_app.settle_heap)  # what opening it imported


class CoachModal(Coached, ModalScreen[ScreenResultType], DrawnOnce):  # after ModalScreen: its CSS is taken
    """A dialog: its own footer, with its own keys, and help.

    Textual stops the search for a key's binding at a modal screen (only priority bindings of the app pass),
    and the footer of the screen beneath lists that screen's keys: so a dialog brings help and its footer.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "app.quit", id="dialog.quit"),  # shown: the app's priority binding does it
        Binding("question_mark,f1", "app.help", id="dialog.help"),
    ]

    @on(events.Mount)
    def _tell_taken_keys(self) -> None:  # beside a dialog's own on_mount
        self.coach_app.tell_taken_keys(self.BINDINGS)
        self.mount(KeyFooter())
        self.call_after_refresh(self.coach_app.settle_heap)
