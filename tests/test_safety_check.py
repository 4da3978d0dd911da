"""The safety check before the day's first routine: its words from content drawn without Markdown (Prose), and
its keys: Enter and a click on "I feel fine, start" go on to the pain question."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Static

from coach.tui.widgets.prose import Prose, blocks, inline, items
from tests.packaged import CONTENT
from tests.screen_cells import _segments
from tests.test_routines_flow import open_routines


def screen_text(app) -> str:
    return "\n".join("".join(segment.text for segment in line) for line in _segments(app))


def test_bold_is_bold_and_brackets_are_shown_as_written():
    content = inline("press **s** [now]")
    assert content.plain == "press s [now]"
    bold = [content.plain[span.start : span.end] for span in content.spans if str(span.style) in ("b", "bold")]
    assert bold == ["s"]


def test_a_list_item_carries_on_over_its_next_lines():
    text = "Intro\nline two\n\n- one\n- two\n  more of two\n\nEnd"
    assert blocks(text) == [["Intro", "line two"], ["- one", "- two", "more of two"], ["End"]]
    assert items(blocks(text)[1]) == ["one", "two more of two"]


async def test_a_long_bullet_wraps_under_its_own_text_and_the_title_is_centred():
    class Narrow(App[None]):
        def compose(self):
            yield Prose("Look out for:\n\n- one two three four five six seven\n- short", title="Title")

    async with Narrow().run_test(size=(24, 12)) as pilot:
        await pilot.pause()
        rows = screen_text(pilot.app).splitlines()
    assert [row.rstrip() for row in rows[:7]] == [
        "         Title",  # 20 cells inside the padding: centred
        "",
        "  Look out for:",
        "",
        "  • one two three four",
        "    five six seven",
        "  • short",
    ]


async def open_safety_check(pilot):
    await open_routines(pilot)
    await pilot.press("enter")
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "SafetyCheckScreen"


@pytest.mark.parametrize("size", [(80, 24), (100, 32)])
async def test_it_shows_its_title_every_warning_sign_and_its_buttons(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_safety_check(pilot)
        shown = screen_text(app)
        safety = CONTENT.routines.safety
        assert safety.title in shown
        signs = [line.removeprefix("- ") for line in safety.body.splitlines() if line.startswith("- ")]
        assert len(signs) > 5
        for sign in signs:
            assert f"• {sign}" in shown, sign
        assert "stop and press s." in shown  # **s** drawn bold, not as asterisks
        for button in ("safety_check.fine", "safety_check.unwell"):
            assert CONTENT.text(button) in shown
        assert not app.screen.query("Markdown")  # drawn by Prose, without Markdown


@pytest.mark.parametrize("how", ["enter", "click"])
async def test_i_feel_fine_goes_on_to_the_pain_question(make_app, how):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_safety_check(pilot)
        if how == "enter":
            await pilot.press("enter")
        else:
            await pilot.click("#fine")
        await pilot.pause()
        assert type(app.screen).__name__ == "PainRatingScreen"
        assert CONTENT.text("pain.question") in " ".join(str(s.content) for s in app.screen.query(Static))
