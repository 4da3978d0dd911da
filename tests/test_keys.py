"""Key bindings: declared in code with ids, their words in content/keys.toml by id, and rebound by a person's
config.toml [keys] table (coach.config, applied with App.set_keymap)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from textual.app import App
from textual.binding import Binding
from textual.widgets import OptionList, Static

import coach.tui
from coach.tui.app import PainCoachApp
from coach.tui.bindings import LabelledKeys, with_words
from coach.tui.keymap import readable
from coach.tui.screens import SCREENS
from coach.tui.screens.help import HelpScreen
from coach.tui.screens.home import HomeScreen
from tests import screen_cells
from tests.packaged import CONTENT
from tests.shots import at_30_weeks_with_pgp

OPEN_ACTION = re.compile(r"app\.open\('([^']*)'\)")


def coach_classes() -> list[type]:
    """Every class whose bindings take their words from content: the app, each screen, dialog and widget.

    Found by importing every module under coach/tui, so a new screen needs no list here.
    """
    for module in pkgutil.walk_packages(coach.tui.__path__, "coach.tui."):
        importlib.import_module(module.name)
    found: list[type] = []
    todo = list(LabelledKeys.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda cls: cls.__qualname__)


def code_bindings() -> list[tuple[type, Binding]]:
    return [
        (cls, binding)
        for cls in coach_classes()
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    ]


def test_the_classes_are_found():
    names = {cls.__name__ for cls in coach_classes()}
    assert {"PainCoachApp", "HomeScreen", "PickSome", "NoteEditor", "ExportDialog"} <= names


def test_every_binding_has_an_id_of_its_own():
    ids = [binding.id for _, binding in code_bindings()]
    assert len(ids) > 50
    assert None not in ids
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_every_binding_has_words_and_the_words_name_only_real_bindings():
    in_code = {binding.id for _, binding in code_bindings()}
    in_content = {f"{owner}.{name}" for owner, names in CONTENT.keys_file.screens.items() for name in names}
    assert sorted(in_code - in_content) == [], "add their words to content/keys.toml"
    assert sorted(in_content - in_code) == [], "content/keys.toml has words for bindings the code does not have"


def test_the_words_are_filled_in_from_content():
    worded = with_words(HomeScreen.BINDINGS, CONTENT)
    checkin = next(b for b in worded if isinstance(b, Binding) and b.id == "home.checkin")
    assert checkin.description == CONTENT.keys_file.screens["home"]["checkin"].label
    back = next(b for _, b in code_bindings() if b.id == "checkin.back")
    assert (back.description, back.tooltip) == ("checkin.back", "")  # no words in code: the app's Content gives them
    assert worded_binding(back) == ("Back", "Previous question (or leave)")


def worded_binding(binding: Binding) -> tuple[str, str]:
    (done,) = with_words([binding], CONTENT)
    assert isinstance(done, Binding)
    return done.description, done.tooltip


def action_name(action: str) -> tuple[str | None, str]:
    """("app", "open") for "app.open('about')", (None, "dismiss") for "dismiss"."""
    call = ast.parse(action, mode="eval").body
    func = call.func if isinstance(call, ast.Call) else call
    if isinstance(func, ast.Attribute):
        assert isinstance(func.value, ast.Name)
        return func.value.id, func.attr
    assert isinstance(func, ast.Name)
    return None, func.id


def test_every_key_runs_an_action_that_exists():
    missing = []
    for owner, binding in code_bindings():
        namespace, name = action_name(binding.action)
        target = {"app": PainCoachApp, "screen": owner, None: owner}.get(namespace, App)
        if not callable(getattr(target, f"action_{name}", None)):
            missing.append(f"{owner.__name__}: {binding.id}: {binding.action}")
    assert missing == []


def test_every_opened_screen_is_in_the_registry_and_the_palette():
    """What `pain-coach check-content` checked while the actions were in keys.toml."""
    palette = CONTENT.ui.sections["palette"]
    opened = 0
    for _, binding in code_bindings():
        match = OPEN_ACTION.fullmatch(binding.action)
        if match:
            opened += 1
            assert match.group(1) in SCREENS, f"{binding.id}: no screen '{match.group(1)}' in coach/tui/screens"
    assert opened >= 6
    for binding in HomeScreen.menu_bindings(CONTENT):  # the palette lists the home menu: "home.checkin" opens "checkin"
        assert isinstance(binding, Binding) and binding.id
        name = binding.id.partition(".")[2]
        assert binding.action == f"app.open('{name}')"
        assert f"{name}_help" in palette, f"ui.toml [palette] needs {name}_help (the palette describes {name})"


@pytest.mark.parametrize(
    ("keys", "ok"),
    [
        ("k", True),
        ("K", True),
        ("?", True),
        ("question_mark", True),
        ("ctrl+k", True),
        ("ctrl+shift+k", True),
        ("f2", True),
        ("escape,q", True),
        ("pageup", True),
        ("slash", True),
        ("", False),
        ("k,", False),
        ("ctrl+", False),
        ("ctlr+k", False),
        ("ctrl+ctrl+k", False),
        ("enterr", False),
        ("f99", False),
        ("ctrl+?", False),  # Textual names it ctrl+question_mark
    ],
)
def test_which_keys_textual_can_read(keys, ok):
    assert readable(keys) is ok


# --- a person's own keys, in a real app ---------------------------------------------------------------


@pytest.fixture
def config_toml(isolated_dirs) -> Path:
    path = isolated_dirs.parent / "config" / "config.toml"  # PAIN_COACH_CONFIG_DIR (tests/conftest.py)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def menu_item(app: App[None], action: str) -> str:
    menu = app.screen.query_one("#menu", OptionList)
    return str(menu.get_option(action).prompt)


def help_text(app: App[None]) -> str:
    return "\n".join(str(s.content) for s in app.screen.query(".keys").results(Static))


async def test_a_rebound_key_opens_the_check_in_and_is_shown(make_app, store, config_toml):
    at_30_weeks_with_pgp(store)  # or the check-in would ask for the due date first
    config_toml.write_text('[keys]\nhome.checkin = "k"\n')
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert menu_item(app, "app.open('checkin')").startswith(" k ")
        await pilot.press("c")  # the default no longer opens it
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert re.search(r"^k +Check in: how is the pain\?$", help_text(app), re.M)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert type(app.screen).__name__ == "CheckInScreen"
        assert not app._notifications  # a good entry is not reported


async def test_a_rebound_key_shows_in_the_footer(make_app, config_toml):
    config_toml.write_text('[keys.about]\nback = "b"\n')
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        shown = [(key.key_display, key.description) for key in screen_cells.footer_keys(app.screen)]
        assert ("b", "Back") in shown and ("esc", "Back") not in shown
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def notifications(app: App[None]) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ('home.chekin = "k"', "keys.home.chekin: there is no key binding 'home.chekin' (did you mean 'home.checkin'?)"),
        ("home.checkin = 3", "keys.home.checkin: the key should be in quotes"),
        ('home.checkin = "ctlr+k"', "keys.home.checkin: 'ctlr+k' is not a key pain-coach can read"),
        ('home.checkin = "k', "not valid TOML"),
    ],
)
async def test_a_bad_entry_is_one_line_and_the_default_is_kept(make_app, store, config_toml, entry, says):
    at_30_weeks_with_pgp(store)
    config_toml.write_text(f'[keys]\n{entry}\nhome.history = "y"\n')
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        (line,) = notifications(app)
        assert line.startswith(f"{config_toml}: ") and says in line and "\n" not in line
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "CheckInScreen"


async def test_a_key_taken_from_another_binding_is_said_once(make_app, store, config_toml):
    at_30_weeks_with_pgp(store)
    config_toml.write_text('[keys]\nhome.checkin = "r"\n')  # r is the routines' key
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("down", "up")  # each key gathers the bindings again
        await pilot.pause()
        (line,) = notifications(app)
        assert line.startswith(f"{config_toml}: keys: 'r' is now another binding's key, so \"Guided routines\" has")
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "CheckInScreen"


async def test_a_taken_key_is_said_on_a_screen_with_its_own_mount_too(make_app, store, config_toml):
    at_30_weeks_with_pgp(store)
    config_toml.write_text('[keys]\nroutines.start = "q"\n')  # q is one of the routines' Back keys
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert notifications(app) == []  # not before the screen opens
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "RoutinesScreen"
        assert app.focused is app.screen.query_one("#routine-list")  # its own on_mount ran as well
        (line,) = notifications(app)
        assert "'q' is now another binding's key, so \"Back\" has no key on this screen" in line
