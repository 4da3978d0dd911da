"""The footer (coach.tui.widgets.key_footer.KeyFooter) shows what Textual's Footer shows, in every state a check-in
goes through, and an answer leading to a question of the same kind rebuilds nothing: no compose, no key made.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from coach.tui.widgets.key_footer import KeyFooter
from tests.shots import at_30_weeks_with_pgp

# From home through a check-in: a tick list, one choice, a tick list, the 0-10 scale, ... the warning signs.
KEYS = ("c", "b", "enter", "a", "a", "enter", "4", "enter", "5", "enter", "c", "enter", "a", "a", "a", "a", "b", "n")


def drawn(footer: Footer) -> list[tuple[str, str, str, bool, bool, int]]:
    return [
        (key.key, key.key_display, key.description, key.has_class("-disabled"), key.has_class("-command-palette"),
         key.outer_size.width)
        for key in footer.query_children(FooterKey)
        if key.display  # ours keeps the keys it hides, to show them again
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


async def test_an_answer_to_a_question_of_the_same_kind_rebuilds_no_footer_key(make_app, store, monkeypatch):
    at_30_weeks_with_pgp(store)
    composed: list[KeyFooter] = []
    compose = KeyFooter.compose

    def counted(self):
        composed.append(self)
        return compose(self)

    monkeypatch.setattr(KeyFooter, "compose", counted)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("c", "b", "enter", "a", "a", "enter", "4", "enter", "5", "enter", "c", "enter", "a"):
            await pilot.press(key)
            await pilot.pause()
        assert app.screen.current.id == "trend"  # one choice after one choice
        footer = app.screen.query_one(KeyFooter)
        before = list(footer.query_children(FooterKey))
        composed.clear()
        for key in ("a", "a"):  # trend, then sleep: both one choice
            await pilot.press(key)
            await pilot.pause()
        assert app.screen.current.id == "duration"
        assert composed == []
        assert list(footer.query_children(FooterKey)) == before  # the same widgets: none made, none removed
        await pilot.press("a", "b")  # on to the warning signs: a tick list again, with "None of these"
        await pilot.pause()
        assert app.screen.current.id == "flags_nerves"
        assert composed == []
        labels = [key.description for key in footer.query_children(FooterKey) if key.display]
        assert app.content.key_words("checkin.none_of_these").label in labels
