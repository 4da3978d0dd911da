"""The first screen's styles are parsed once and kept (coach.tui.style_cache): the next start draws the same first
frame without parsing them, and whatever changed since (the stylesheet, the theme, a damaged or foreign file) is
parsed as before."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import textual.css.stylesheet
from textual.clock import MockClock

import coach.tui.app
from coach.tui import style_cache
from coach.tui.app import PainCoachApp
from coach.tui.styles import SCREENS_CSS
from tests import screen_cells
from tests.conftest import FIXED_NOW

APP_CSS = Path(coach.tui.app.__file__).with_name("app.tcss")


class FirstFrame(PainCoachApp):
    """The app, noting the cells of its first frame (Textual's Ready)."""

    CSS_PATH = APP_CSS  # Textual finds it beside the class's module

    def __init__(self, store) -> None:
        super().__init__(store, store.content, clock=MockClock(), now=lambda: FIXED_NOW)
        self.first: list[screen_cells.Cell] = []
        self.first_text = ""

    def on_ready(self) -> None:
        self.first, self.first_text = screen_cells.cells(self), screen_cells.text_of(self)
        super().on_ready()


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """Where each stylesheet Textual parses was read from (but the other screens', added after the first frame)."""
    seen: list[str] = []
    parse = textual.css.stylesheet.parse

    def counted(scope, css, read_from, *args, **kwargs):
        if read_from[0] != os.path.abspath(SCREENS_CSS):
            seen.append(read_from[0] or read_from[1])
        return parse(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(textual.css.stylesheet, "parse", counted)
    return seen


async def start(store, css_path: Path = APP_CSS, first_run_done: bool = True) -> FirstFrame:
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": first_run_done}))
    app = type("FirstFrame", (FirstFrame,), {"CSS_PATH": css_path})(store)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.prepared:  # the file is written off the loop, before this
            await pilot.pause()
    return app


def cache_files(isolated_dirs) -> list[Path]:
    return sorted((isolated_dirs.parent / "cache" / "styles").glob("*.pickle"))


async def test_a_second_start_draws_the_same_first_frame_without_parsing_it(store, parsed, isolated_dirs):
    first = await start(store)
    assert str(APP_CSS) in parsed and len(parsed) > 5  # app.tcss and Textual's own widgets'
    assert len(cache_files(isolated_dirs)) == 1
    parsed.clear()
    second = await start(store)
    assert parsed == []
    assert second.first == first.first and "Guided routines" in second.first_text


async def test_the_notice_and_home_are_both_kept(store, parsed):
    """The first start shows the notice, the next ones home: neither parse pushes the other out."""
    notice = await start(store, first_run_done=False)
    await start(store)
    parsed.clear()
    again = await start(store, first_run_done=False)
    await start(store)
    assert parsed == []
    assert again.first == notice.first and "I understand" in again.first_text


async def test_a_changed_stylesheet_is_parsed_and_shown_as_it_is_now(store, parsed, tmp_path):
    await start(store)
    changed = tmp_path / "app.tcss"
    changed.write_text(APP_CSS.read_text(encoding="utf-8") + "\n#home-title { color: #ff0000; }\n", encoding="utf-8")
    parsed.clear()
    app = await start(store, changed)
    assert parsed == [str(changed)]  # the rest as kept
    title = [cell for cell in app.first if cell.y == 2 and cell.char != " "]
    assert title and all(cell.fg == (255, 0, 0) for cell in title)
    parsed.clear()
    await start(store, changed)
    assert parsed == []  # kept as it is now


async def test_another_theme_parses_as_before(store, parsed):
    first = await start(store)
    parsed.clear()
    store.save_settings(store.load_settings().model_copy(update={"theme": "gruvbox"}))
    app = await start(store)
    assert parsed  # parsed in the person's theme
    assert app.first != first.first and app.theme == "gruvbox"


@pytest.mark.parametrize("damage", ["garbage", "foreign"])
async def test_a_damaged_or_foreign_file_is_not_used(store, parsed, isolated_dirs, damage):
    first = await start(store)
    [kept] = cache_files(isolated_dirs)
    if damage == "garbage":
        kept.write_bytes(b"\x80\x05not a pickle")
    else:
        kept.chmod(0o666)  # anyone could have written it
    parsed.clear()
    app = await start(store)
    assert parsed and app.first == first.first
    if damage == "garbage":
        parsed.clear()
        await start(store)
        assert parsed == []  # made again


def test_rules_parsed_with_other_variables_are_not_handed_over(store, isolated_dirs):
    sheet = textual.css.stylesheet.Stylesheet(variables={"primary": "#123456"})
    sheet.add_source("Screen { color: $primary; }", read_from=("here", ""))
    sheet.parse()
    blob = style_cache.worth_keeping(sheet, {})
    assert blob is not None
    style_cache.keep(blob)
    assert style_cache.load(textual.css.stylesheet.Stylesheet(variables={"primary": "#654321"})) == {}
    assert len(style_cache.load(textual.css.stylesheet.Stylesheet(variables={"primary": "#123456"}))) == 1
