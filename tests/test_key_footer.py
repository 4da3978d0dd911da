"""The footer (coach.tui.widgets.key_footer.KeyFooter) shows what Textual's Footer shows, in every state a check-in
goes through, as wide; a click on a key presses it, and the key under the mouse is highlighted, as on Textual's.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from coach.tui.widgets.key_footer import KeyFooter
from tests.screen_cells import cells
from tests.shots import at_30_weeks_with_pgp

# From home through a check-in: a tick list, one choice, a tick list, the 0-10 scale, ... the warning signs.
KEYS = ("c", "b", "enter", "a", "a", "enter", "4", "enter", "5", "enter", "c", "enter", "a", "a", "a", "a", "b", "n")


def drawn(footer: Footer | KeyFooter) -> list[tuple[str, str, str, bool, bool, int]]:
    if isinstance(footer, KeyFooter):
        return [(key.shown.key, key.shown.key_display, key.shown.description, not key.shown.enabled, key.palette,
                 key.width) for key in footer.drawn_keys()]  # fmt: skip
    return [
        (key.key, key.key_display, key.description, key.has_class("-disabled"), key.has_class("-command-palette"),
         key.outer_size.width)
        for key in footer.query_children(FooterKey)
    ]  # fmt: skip


async def test_the_footer_shows_the_keys_textual_footer_would_in_every_state_of_a_check_in(make_app, store):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("", *KEYS):
            if key:
                await pilot.press(key)
            await pilot.pause()
            ours = app.screen.query_one(KeyFooter)
            textual = Footer(id="textual-footer")
            await app.screen.mount(textual)
            textual.call_later(textual.bindings_changed, app.screen)  # as the screen signals it, in its own context
            await pilot.pause()
            await pilot.pause()
            assert drawn(ours) == drawn(textual), f"after {key!r} on {type(app.screen).__name__}"
            await textual.remove()
            await pilot.pause()


async def test_a_click_on_a_footer_key_presses_it(make_app, store):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        help_key = next(k for k in app.screen.query_one(KeyFooter).drawn_keys() if k.shown.action == "help")
        await pilot.click(KeyFooter, offset=(help_key.x + help_key.width // 2, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        palette = app.screen.query_one(KeyFooter).drawn_keys()[-1]
        assert palette.palette and palette.x + palette.width == 80
        await pilot.click(KeyFooter, offset=(palette.x + 2, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"


async def test_the_key_under_the_mouse_is_highlighted_and_tells_its_tooltip(make_app, store):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        quit_key = next(k for k in app.screen.query_one(KeyFooter).drawn_keys() if k.shown.action == "quit")

        def backgrounds() -> set:
            return {c.bg for c in cells(app) if c.y == 23 and quit_key.x <= c.x < quit_key.x + quit_key.width}

        before = backgrounds()
        await pilot.hover(KeyFooter, offset=(quit_key.x + 1, 0))
        await pilot.pause()
        assert backgrounds() != before and len(backgrounds()) == 1
        assert app.screen.query_one(KeyFooter).tooltip == (quit_key.shown.tooltip or None)
        await pilot.hover("#home-title")
        await pilot.pause()
        assert backgrounds() == before
