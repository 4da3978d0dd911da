"""The home screen: a greeting and the menu of what pain-coach can do."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach.content.content import Content
from coach.tui.bindings import bound_keys, with_words
from coach.tui.screens.base import CoachScreen
from coach.tui.startup import peek_status
from coach.tui.widgets.key_footer import KeyFooter
from coach.tui.widgets.notices import Notices


def greeting_key(hour: int) -> str:
    if hour < 12:
        return "home.greeting_morning"
    return "home.greeting_afternoon" if hour < 18 else "home.greeting_evening"


class HomeScreen(CoachScreen):
    # The menu, in this order; each item shows its key, so the footer does not.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "app.open('checkin')", show=False, id="home.checkin"),
        Binding("r", "app.open('routines')", show=False, id="home.routines"),
        Binding("h", "app.open('history')", show=False, id="home.history"),
        Binding("f", "app.open('flare_log')", show=False, id="home.flare_log"),
        Binding("p", "app.open('profile')", show=False, id="home.profile"),
        Binding("a", "app.open('about')", show=False, id="home.about"),
        Binding("d", "dismiss_notices", id="notices.dismiss"),  # offered only while a notice is shown
    ]

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        with Vertical(id="home"):
            yield Static(self.content.text("app.title"), id="home-title")
            wall = self.coach_app.wall_now()
            yield Static(self.content.text(greeting_key(wall.hour)), id="greeting")
            # From profile.json read plainly: complete in the first frame (show_status checks it once loaded).
            today = wall.date()
            yield Static(peek_status(self.content, self.coach_app.data_dir, today) or "", id="status")
            yield Static(self.content.text("home.intro"), id="intro")
            yield OptionList(*self._menu(), id="menu")
            yield Notices(id="notices")
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        # Back from another screen (the profile may have changed). At the start the app calls show_status
        # once the record models are loaded, off the first frame's path (PainCoachApp.prepared).
        if self.coach_app.prepared:
            self.call_after_refresh(self.show_status)

    def show_status(self) -> None:
        """Week + days and trimester when the profile has dates (pregnancy.describe_stage)."""
        from coach.checkin.pregnancy import describe_stage, stage
        from coach.history.store import StoreError

        try:
            current = stage(self.coach_app.store.load_profile(), self.coach_app.now().date())
        except StoreError:
            return
        self.query_one("#status", Static).update(describe_stage(self.content, current))
        self.coach_app.report_store_problems()  # e.g. an entry of the profile that had to be left out

    @classmethod
    def menu_bindings(cls, content: Content) -> list[Binding]:
        """The menu's items, in order, in `content`'s words: the bindings that open a screen."""
        return [
            b for b in with_words(cls.BINDINGS, content) if isinstance(b, Binding) and b.action.startswith("app.open(")
        ]

    def _menu(self) -> list[Option]:
        options = []
        for binding in self.menu_bindings(self.content):
            shown = bound_keys(binding, self.coach_app.rebound_keys).split(",")[0]
            item = Text.assemble((f" {shown} ", "bold reverse"), "  ", binding.description)
            options.append(Option(item, id=binding.action))
        return options

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter or a click on an item: the action its key runs.
        if event.option.id is not None:
            await self.run_action(event.option.id)

    # --- notices from the start-up (coach.tui.app.report_store_problems) ---------------------------

    def add_notices(self, notices: list[str]) -> None:
        self.query_one(Notices).add(notices)
        self.refresh_bindings()

    def keys_not_offered(self) -> set[str]:
        """The binding ids help leaves out now (the footer leaves them out by check_action)."""
        return set() if self.query_one(Notices).shown else {"notices.dismiss"}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dismiss_notices":
            return self.query_one(Notices).shown
        return True

    def action_dismiss_notices(self) -> None:
        self.query_one(Notices).dismiss()
        self.refresh_bindings()

    def on_notices_dismissed(self) -> None:
        self.action_dismiss_notices()
