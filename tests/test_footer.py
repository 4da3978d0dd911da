"""Every screen's footer fits 80 columns, the smallest supported width, with no key cut off.

The width is worked out from each screen's bindings (in code, with their labels from content/keys.toml) the way Textual 8's
Footer lays a key out (textual/widgets/_footer.py), as pain-coach's footer draws it too
(coach/tui/widgets/key_footer.py): " key " + label + " " for each shown action, and the command palette's item
docked on the right (a 1-column bar, "^p" + label, 2 columns of padding), so the same "+3" for it too. The last
tests check that sum against the real footer on the widest screens.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from coach.content.content import Content
from coach.content.locale import shipped_locales
from coach.history.records import FlareLog
from coach.tui.app import PainCoachApp, screen_class
from coach.tui.bindings import with_words
from coach.tui.screens import SCREENS
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.answers import PickSome
from coach.tui.widgets.key_footer import KeyFooter
from tests import screen_cells
from tests.conftest import FIXED_NOW
from tests.packaged import CONTENT
from tests.shots import at_30_weeks_with_pgp

SMALLEST_WIDTH = 80
# Widgets that bring their own keys into a screen's footer while they have the focus.
FOCUSED_WIDGET_KEYS: dict[str, list[type]] = {"checkin": [PickSome]}


def footer_screens() -> list[str]:
    """Every full screen: they all have a footer (modal dialogs show the one of the screen beneath)."""
    return [
        name for name in SCREENS
        if issubclass(cls := screen_class(name), CoachScreen) and not issubclass(cls, ModalScreen)
    ]  # fmt: skip


def footer_width(app: PainCoachApp, name: str, widest: bool = True, only: set[str] | None = None) -> int:
    """In terminal cells (a Chinese character takes two), with the words of the app's Content."""
    cls = screen_class(name)
    owners = [cls, *FOCUSED_WIDGET_KEYS.get(name, []), PainCoachApp]
    bindings = [b for owner in owners for b in with_words(owner.BINDINGS, app.content) if isinstance(b, Binding)]
    widths: dict[int, int] = {}  # one item per action, as the footer shows it
    slots: dict[str, int] = {}  # an action's item, or a key's: of bindings on one key, one is active at a time
    for binding in bindings:
        # The footer shows the first key that is active: "?" for help, or "f1" while a text field takes the "?".
        expanded = list(Binding.make_bindings([binding]))
        shown = [app.get_key_display(b) for b in expanded]
        key = max(shown, key=cell_len) if widest else shown[0]
        item = 1 + cell_len(key) + 1 + cell_len(binding.description) + 1
        palette = binding.action == "command_palette" and getattr(cls, "FOOTER_PALETTE", True)
        if (binding.show or palette) and (only is None or binding.action in only):
            slot = slots.get(binding.action, next((slots[b.key] for b in expanded if b.key in slots), len(slots)))
            slots[binding.action] = slot
            slots.update((b.key, slot) for b in expanded)
            widths[slot] = max(widths.get(slot, 0), item)
    return sum(widths.values())


@pytest.fixture(params=shipped_locales(CONTENT.folder))
def app(isolated_dirs, request):
    return PainCoachApp(isolated_dirs, Content.load(request.param, CONTENT.folder))


def test_every_full_screen_is_checked():
    assert {"home", "history", "checkin", "player", "routines", "record_detail", "stop_advice"} <= set(footer_screens())


@pytest.mark.parametrize("name", footer_screens())
def test_footer_fits_80_columns(app, name):
    width = footer_width(app, name)
    assert width <= SMALLEST_WIDTH, (
        f"the {name} footer needs {width} columns: shorten labels in content/keys.toml (a fuller `help` "
        "wording can go to the help screen) or give show=False to keys the screen shows itself (its BINDINGS)"
    )


def test_home_footer_leaves_the_menu_keys_to_the_menu(app):
    shown = {b.action for b in screen_class("home").menu_bindings(app.content) if b.show}
    assert not shown


async def shown_footer(pilot) -> int:
    await pilot.pause()
    keys = pilot.app.screen.query_one(KeyFooter).drawn_keys()
    assert keys, "the footer shows no keys"
    return sum(key.width for key in keys)


@pytest.mark.parametrize(
    ("keys", "name"),
    [((), "home"), (("h", "d", "y"), "history"), (("c",), "checkin"), (("a",), "about")],
)
async def test_worked_out_width_is_what_textual_draws(make_app, store, keys, name):
    at_30_weeks_with_pgp(store)  # or the check-in would ask for the due date first
    store.add(FlareLog(at=FIXED_NOW, pain=4))  # deleted on the history screen ("d", "y"): Undo is shown then
    app = make_app()
    async with app.run_test(size=(SMALLEST_WIDTH, 24)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert type(app.screen) is screen_class(name)
        drawn = await shown_footer(pilot)
        # Keys that do nothing in this state are left out (check_action): the sum is of the ones shown.
        shown = {key.action for key in screen_cells.footer_keys(app.screen)}
        assert drawn == footer_width(app, name, widest=False, only=shown)
        assert drawn <= footer_width(app, name, widest=False)
        assert drawn <= SMALLEST_WIDTH


async def test_help_gives_the_fuller_wording_of_a_terse_footer_label(make_app, store):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        for key in ("c", "f1"):  # the check-in's first question is a tick list
            await pilot.press(key)
            await pilot.pause()
        shown = "\n".join(str(s.content) for s in app.screen.query(".keys").results(Static))
    assert "Previous question (or leave)" in shown and "None of these (red-flag questions)" in shown
    worded = with_words(screen_class("checkin").BINDINGS, CONTENT)
    footer_labels = {b.description for b in worded if isinstance(b, Binding) and b.show}
    assert {"Back", "None of these"} <= footer_labels
