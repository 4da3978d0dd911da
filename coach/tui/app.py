"""The Textual app: screens, key bindings (words from content, keys from config.toml too), theme, palette.

Start-up draws the first screen (home, or the notice at the first start) from the words of the `Content` it
is given (plain dicts: coach.content.content) and what coach.tui.startup reads plainly from the data folder.
Once it is on the screen, a thread validates the content models and imports the record models (pydantic),
and the loop loads settings and profile and adds the other screens' styles in small slices, so that a key
pressed meanwhile is answered at once (PainCoachApp.prepare).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.clock import Clock
from textual.content import Content as Markup
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from coach.content.loader import ContentError
from coach.heap import freeze_after_imports, release_collector
from coach.reading import reading_seconds
from coach.shown import visible
from coach.tui import cjk_wrap, single_layout, style_cache
from coach.tui.bindings import LabelledKeys, taken_keys, with_dialog_copies, with_words
from coach.tui.screens import SCREENS
from coach.tui.screens.base import CoachModal
from coach.tui.screens.too_small import TooSmallScreen, too_small
from coach.tui.startup import peek_settings
from coach.tui.styles import StyleSlices

if TYPE_CHECKING:
    from textual.theme import Theme

    from coach.content.content import Content
    from coach.history.records import Record, Settings
    from coach.history.store import Store
    from coach.routines.speaker import Speaker
    from coach.routines.voice_choice import VoiceChoice


# Yes/no settings the command palette switches, and their names in ui.toml [palette].
PALETTE_SETTINGS = {"bell": "bell", "reduced_motion": "motion"}

# Textual's palette commands that pain-coach leaves out, by the action they run.
TEXTUAL_COMMANDS_LEFT_OUT = frozenset(
    {"action_show_help_panel", "action_hide_help_panel", "action_maximize", "action_minimize"}
)

# Textual's palette commands that pain-coach shows, in its words: the callback's name (or the title of one made
# by a lambda) -> the name of its words in ui.toml [palette] (`theme`, `theme_help`).
TEXTUAL_COMMAND_WORDS = {"action_change_theme": "theme", "action_quit": "quit", "Screenshot": "screenshot"}


def screen_class(name: str) -> type[Screen[Any]]:
    module, _, cls = SCREENS[name].partition(":")
    found: type[Screen[Any]] = getattr(importlib.import_module(module), cls)
    return found


cjk_wrap.install()
single_layout.install()


class Prepared(Message):
    """The thread of PainCoachApp.prepare is done: `problems` of the content (the app exits with them), or the
    error it did not expect (raised again on the loop, as Textual shows any error)."""

    def __init__(self, problems: list[str] | None = None, error: BaseException | None = None) -> None:
        super().__init__()
        self.problems = problems
        self.error = error


class PainCoachApp(LabelledKeys, App[None]):
    CSS_PATH = "app.tcss"  # what the first screen needs; see load_screen_styles
    TITLE = "pain-coach"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", id="app.quit", priority=True),
        Binding("question_mark,f1", "help", id="app.help"),
        Binding("ctrl+p", "command_palette", id="app.commands", show=False),
    ]

    def __init__(
        self,
        store: Store | Path,
        content: Content,
        *,
        clock: Clock | None = None,
        now: Callable[[], datetime] | None = None,
        lang_option: str | None = None,
    ) -> None:
        from coach.tui.keymap import person_keys

        super().__init__()
        self._styles_loaded = style_cache.load(self.stylesheet)  # the last start's parse of the first screen's
        self._styles_to_keep: bytes | None = None
        self.content = content  # the words and models of every screen (CoachScreen.content)
        self.use_words(content)
        # A person's own keys from config.toml, by binding id; what could not be used is told on mount.
        config = person_keys(content)
        self.config = config  # also the voice settings (coach.routines.voice_choice)
        self.speaker_factory: Callable[[VoiceChoice], Speaker] = _espeak  # tests give a fake that records
        self.rebound_keys = with_dialog_copies(config.keys)
        self._config_problems = config.problems
        self._clashes_told: set[str | None] = set()
        self.set_keymap(self.rebound_keys)
        self.title = content.text("app.title")
        self.sub_title = content.text("app.subtitle")
        # A Store, or the data folder to open one in once the first screen is up.
        self._store: Store | None = None if isinstance(store, (str, Path)) else store
        if self._store is not None:
            self._store.on_problem = self._store_problem
        self.data_dir = Path(store) if isinstance(store, (str, Path)) else store.root
        self._settings: Settings | None = None
        self._peeked: dict[str, Any] = {}  # settings.json read plainly for the first frame (get_default_screen)
        self.prepared = False  # content validated, settings and profile loaded (prepare)
        self._styles = StyleSlices(self)
        self._size_checks = False  # from on_mount on
        self.clock = clock or Clock()
        self.now = now or _local_now
        # The hour and date on the wall, for the first frame: the C library's local time (TZ's rules included),
        # without the zone objects `now` loads (dateutil, 10-35 ms), so home is drawn without waiting for them.
        self.wall_now: Callable[[], datetime] = now or datetime.now
        self.lang_option = lang_option  # --lang, which outranks the language chosen here (coach.content.locale)
        self.restart_in: str | None = None  # a language chosen in the palette: run_app starts again in it
        self._modules_frozen = 0  # how many modules were in when the heap was last frozen (settle_heap)

    @property
    def store(self) -> Store:
        if self._store is None:
            from coach.history.store import Store

            self._store = Store(self.data_dir, self.content)
            self._store.on_problem = self._store_problem
        return self._store

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = self.store.load_settings()
        return self._settings

    # --- start-up --------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        # The bottom of the stack is the first screen: no blank screen to mount, style and leave first, and at
        # the first start no home drawn under the notice.
        self._peeked = peek_settings(self.data_dir)  # the full load follows the first frame (on_prepared)
        return screen_class("home" if self._peeked.get("first_run_done") else "first_run")()

    def on_mount(self) -> None:
        if self._peeked.get("theme") in self.available_themes:
            self.theme = self._peeked["theme"]
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._size_checks = True
        for problem in self._config_problems:
            self.notify(visible(problem), severity="warning", markup=False)
        self._check_size(self.size.width, self.size.height)

    def on_ready(self) -> None:
        release_collector()  # held off for the start-up (coach.heap)
        self._styles_to_keep = style_cache.worth_keeping(self.stylesheet, self._styles_loaded)
        # The first frame is on the screen (Textual's Ready). Two refreshes later, so that Textual's own follow-ups
        # (the footer recomposed on the first binding refreshes) do not share the interpreter with the thread.
        self.call_after_refresh(self.call_after_refresh, self.prepare)

    def prepare(self) -> None:
        """The work the first frame did without: in a thread, what holds no state of the loop's."""
        threading.Thread(target=self._prepare_in_thread, name="pain-coach-prepare", daemon=True).start()
        self._styles.start()

    def _prepare_in_thread(self) -> None:
        try:
            self.content.check()
            import coach.history.store  # noqa: F401  (and the record models: the loop's first use is quick)

            if self._styles_to_keep is not None:
                style_cache.keep(self._styles_to_keep)
        except ContentError as exc:
            self.post_message(Prepared(problems=exc.problems))
        except BaseException as exc:  # handed to the loop, which shows it as Textual shows any error
            self.post_message(Prepared(error=exc))
        else:
            self.post_message(Prepared())

    def on_prepared(self, message: Prepared) -> None:
        from coach.history.store import StoreError
        from coach.tui.screens.home import HomeScreen

        if message.error is not None:
            raise message.error
        if message.problems is not None:
            self.exit(return_code=1, message="\n".join(message.problems))
            return
        try:
            self.store.check_folder()  # a data folder others can read: said now, before anything is written
            self._settings = self.store.load_settings()  # an unreadable file is moved aside and reported
        except StoreError as exc:
            self.exit(return_code=1, message=str(exc))
            return
        self.prepared = True
        self.settle_heap()
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_status()  # as validated: a damaged profile is said, and moved aside
        self.report_store_problems()

    def settle_heap(self) -> None:
        """After a screen's first frame, or the start-up's imports: what new imports made, kept off the garbage
        collector's walks (coach.heap)."""
        self._modules_frozen = freeze_after_imports(self._modules_frozen)

    def load_screen_styles(self) -> None:
        """Every screen's styles (screens.tcss) now, for a screen that opens before the slices are all in."""
        self._styles.finish()

    def first_run_accepted(self) -> None:
        """The notice is read: remembered, and home replaces it."""
        self.update_settings(first_run_done=True)
        # A stack of its own with home at the bottom (Textual cannot switch away from a default screen).
        self.add_mode("home", screen_class("home"))
        self.switch_mode("home")

    def _store_problem(self, _: object) -> None:
        # Any screen's read may move a month aside (history, routines, the red-flag check): tell the person
        # once the current handler is done, whichever screen it was.
        if self.is_running:
            self.call_later(self.report_store_problems)

    def report_store_problems(self) -> None:
        if self.store.problems:  # one notice for them all: a newer notice replaces an older one
            told = "\n".join(visible(problem.message(self.content)) for problem in self.store.problems)
            self.notify(told, severity="warning", markup=False)
        self.store.problems.clear()
        # Warnings (nothing was changed; the person may want to act) stay on the home screen until dismissed,
        # and pop up too when they come up on another screen.
        warnings = list(self.store.warnings)
        self.store.warnings.clear()
        if not warnings:
            return
        from coach.tui.screens.home import HomeScreen

        home = next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)
        if home is not None:
            home.add_notices(warnings)
        if home is None or self.screen is not home:
            for warning in warnings:
                self.notify(visible(warning), severity="warning", markup=False)

    # --- state that outlives a run ---------------------------------------------------------------

    def update_settings(self, **changes: object) -> bool:
        """Change and save settings; on failure tell the person and keep the old ones."""
        from coach.history.store import StoreError

        updated = self.settings.model_copy(update=changes)
        try:
            self.store.save_settings(updated)
        except StoreError as exc:
            self.notify(visible(str(exc)), severity="error", timeout=15, markup=False)
            return False
        self._settings = updated
        return True

    def save_record(self, record: Record) -> bool:
        """Add a record to the history; on failure tell the person what to do and return False."""
        from coach.checkin.pregnancy import with_gestation
        from coach.history.store import StoreError

        with contextlib.suppress(StoreError):  # the record is worth keeping without the week
            record = with_gestation(record, self.store.load_profile())
        try:
            self.store.add(record)
        except StoreError as exc:
            self.notify(visible(str(exc)), severity="error", timeout=15, markup=False)
            return False
        self.report_store_problems()
        return True

    def _state(self, setting: str) -> str:
        return self.content.text("palette.on" if getattr(self.settings, setting) else "palette.off")

    def toggle(self, setting: str) -> None:
        """Switch a yes/no setting from the command palette, and say what it is now."""
        if self.update_settings(**{setting: not getattr(self.settings, setting)}):
            name = self.content.text(f"palette.{PALETTE_SETTINGS[setting]}")
            self.notify(self.content.text("palette.switched", name=name, state=self._state(setting)), timeout=3)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """One notice at a time, across the top rows (app.tcss), up for as long as it takes to read
        (coach.reading) unless the caller says otherwise; a click on it dismisses it."""
        self.clear_notifications()
        for screen in self.screen_stack:  # Textual leaves a cleared notice's holder behind: a blank row on top
            for holder in screen.query("ToastHolder"):
                holder.remove()
        shown = reading_seconds(message) if timeout is None else timeout
        super().notify(message, title=title, severity=severity, timeout=shown, markup=markup)

    def voice(self) -> VoiceChoice:
        """The voice routines are spoken in now."""
        from coach.routines.voice_choice import voice_choice

        return voice_choice(self.content, self.settings.voice, self.config)

    def switch_voice(self) -> None:
        """Voice off -> steps -> steps and breathing -> off, remembered; said in a notice."""
        from coach.routines.voice_choice import mode_words, next_mode

        mode = next_mode(self.voice().mode)
        if self.update_settings(voice=mode):
            self.notify(self.content.voice.shown.switched.format(state=mode_words(self.content, mode)), timeout=3)

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self.settings.theme and self.update_settings(theme=theme.name):
            self.notify(self.content.text("app.theme_saved", theme=theme.name), timeout=3)

    # --- navigation ------------------------------------------------------------------------------

    def action_open(self, name: str) -> None:
        self.load_screen_styles()  # in case a key beat the first paint
        self.push_screen(screen_class(name)())

    async def action_quit(self) -> None:
        """ctrl+q: in the middle of a routine, ask first (what was done is saved either way); else quit."""
        from coach.tui.screens.confirm_quit import ConfirmQuitScreen
        from coach.tui.screens.player import PlayerScreen

        playing = next((s for s in self.screen_stack if isinstance(s, PlayerScreen) and not s.closed), None)
        if playing is None or isinstance(self.screen, ConfirmQuitScreen):
            self.exit()
            return

        def answered(quit_now: bool | None) -> None:
            if quit_now:
                self.exit()

        self.load_screen_styles()
        self.push_screen(ConfirmQuitScreen(playing.plan.routine.name), answered)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help":  # not offered on the help screen itself (not imported yet: not on it either)
            help_module = sys.modules.get("coach.tui.screens.help")
            return help_module is None or not isinstance(self.screen, help_module.HelpScreen)
        return True

    def action_help(self) -> None:
        from coach.tui.screens.help import HelpScreen  # the first press of ? imports it

        if isinstance(self.screen, HelpScreen):
            return
        self.load_screen_styles()
        screen = self.screen
        screen_bindings = screen.worded_bindings(self.content) if isinstance(screen, LabelledKeys) else []
        screen_bindings = _working_now(screen, screen_bindings)
        # A key that exists only in some states, such as Dismiss while a notice is shown, is left out otherwise.
        not_now: set[str] = getattr(screen, "keys_not_offered", set)()
        screen_bindings = [b for b in screen_bindings if not (isinstance(b, Binding) and b.id in not_now)]
        app_bindings: list[BindingType] = self.worded_bindings(self.content)
        if isinstance(self.screen, CoachModal):  # a dialog passes on only the app's priority keys, and help
            app_bindings = [b for b in app_bindings if isinstance(b, Binding) and (b.priority or b.action == "help")]
        self.push_screen(HelpScreen(screen_bindings, app_bindings))

    def tell_taken_keys(self, bindings: Iterable[BindingType]) -> None:
        """Say once if a key from config.toml took the key of another binding on a screen that opens."""
        from coach.locations import config_file

        for binding in taken_keys(with_words(bindings, self.content), self.rebound_keys):
            if binding.id not in self._clashes_told:
                self._clashes_told.add(binding.id)
                shown = self.content.text(
                    "config.clash", file=config_file(), keys=binding.key, label=binding.description
                )
                self.notify(visible(shown), severity="warning", markup=False)

    def format_title(self, title: str, sub_title: str) -> Markup:
        # Textual dims the sub-title, which falls below 3:1 in several built-in themes (tests/test_terminal.py).
        return Markup(self.content.text("app.header", title=title, sub_title=sub_title) if sub_title else title)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from coach.tui.screens.home import HomeScreen

        for binding in HomeScreen.menu_bindings(self.content):  # "home.checkin" opens "checkin"
            if binding.id:
                name = binding.id.partition(".")[2]
                yield SystemCommand(
                    binding.description, self.content.text(f"palette.{name}_help"), lambda n=name: self.action_open(n)
                )
        yield SystemCommand(self.content.text("palette.help"), self.content.text("palette.help_help"), self.action_help)
        for setting, name in PALETTE_SETTINGS.items():
            shown = self.content.text(
                "palette.setting_state", name=self.content.text(f"palette.{name}"), state=self._state(setting)
            )
            yield SystemCommand(shown, self.content.text(f"palette.{name}_help"), lambda s=setting: self.toggle(s))
        from coach.routines.voice_choice import mode_words

        voice = self.content.voice.shown
        shown = self.content.text(
            "palette.setting_state", name=voice.name, state=mode_words(self.content, self.voice().mode)
        )
        yield SystemCommand(shown, voice.help, self.switch_voice)
        yield SystemCommand(
            self.content.text("language.palette"), self.content.text("language.palette_help"), self.choose_language
        )
        for command in super().get_system_commands(screen):
            # Textual's own "Keys" panel repeats our help ("Keys" twice), and "Maximize" means nothing here.
            name = getattr(command.callback, "__name__", "")
            if name in TEXTUAL_COMMANDS_LEFT_OUT:
                continue
            words = TEXTUAL_COMMAND_WORDS.get(name if name != "<lambda>" else command.title)
            if words is None:
                yield command
            else:
                title, help_text = (self.content.text(f"palette.{words}"), self.content.text(f"palette.{words}_help"))
                yield SystemCommand(title, help_text, command.callback, command.discover)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]  # App[None]
            self.push_screen(CommandPalette(id="--command-palette", placeholder=self.content.text("palette.search")))

    def search_themes(self) -> None:
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=self.content.text("palette.themes")))

    # --- the language ------------------------------------------------------------------------------

    def choose_language(self) -> None:
        """The palette's "Language": the shipped languages, each named in itself."""
        from coach.content.content import Content
        from coach.content.locale import shipped_locales

        choices = []
        for locale in shipped_locales(self.content.folder):
            own = Content.load(locale, self.content.folder)
            shown = self.content.text("language.choice", name=own.text("language.self_name"), tag=locale)
            choices.append((shown, lambda chosen=locale: self.use_language(chosen), None))
        self.search_commands(choices, placeholder=self.content.text("language.choose_placeholder"))

    def use_language(self, locale: str) -> None:
        """Remember `locale`, and start again in it unless --lang or PAIN_COACH_LANG chooses another."""
        from coach.content.content import Content
        from coach.content.locale import choose_locale, shipped_locales

        if not self.update_settings(language=locale):
            return
        now = choose_locale(
            shipped_locales(self.content.folder), option=self.lang_option, environ=os.environ, chosen_in_app=locale
        )
        name = Content.load(locale, self.content.folder).text("language.self_name")
        if now != locale:
            self.notify(self.content.text("language.overridden", name=name, current=now), timeout=8)
        elif now != self.content.locale:
            self.restart_in = now
            self.exit()

    # --- window size -----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        if not self._size_checks:
            return  # not started yet: on_mount checks
        if too_small(width, height) and not any(isinstance(s, TooSmallScreen) for s in self.screen_stack):
            self.push_screen(TooSmallScreen())


def _working_now(screen: Screen[Any], bindings: list[BindingType]) -> list[BindingType]:
    """Of the bindings that share a key (Pause and Resume; the voice's states), the one that works now."""
    keys = [b.key for b in bindings if isinstance(b, Binding)]
    return [
        b
        for b in bindings
        if not isinstance(b, Binding) or keys.count(b.key) == 1 or screen.check_action(b.action, ()) is not False
    ]


def _espeak(choice: VoiceChoice) -> Speaker:
    from coach.routines.speaker import EspeakSpeaker

    return EspeakSpeaker(choice.voice, choice.rate)


def run_app(data_dir_option: str | None, content: Content | None = None, lang_option: str | None = None) -> int:
    """Run the app on --data-dir's folder (None: the usual one), again in a language chosen in it; its exit status."""
    from coach.content.content import Content
    from coach.locations import data_dir

    content = content or Content.load()
    while True:
        app = PainCoachApp(data_dir(data_dir_option), content, lang_option=lang_option)
        app.run()
        if app.restart_in is None:
            return app.return_code or 0
        content = Content.load(app.restart_in, content.folder)


def _local_now() -> datetime:
    """Now in the local zone with its rules, so day boundaries in another season are right (issue 13)."""
    from coach.history.local_time import local_now

    return local_now()
