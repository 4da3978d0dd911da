"""The app shell: boots, shows the home menu from content, help, first-run notice, quit, theme, size."""

from __future__ import annotations

import pytest
from textual.clock import MockClock
from textual.widgets import OptionList, Static

from coach.tui.app import screen_class
from coach.tui.screens.first_run import FirstRunScreen
from coach.tui.screens.help import HelpScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.too_small import TooSmallScreen
from tests.packaged import CONTENT
from tests.shots import at_30_weeks_with_pgp


def menu_labels(app) -> list[str]:
    menu = app.screen.query_one("#menu", OptionList)
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


async def test_home_menu_comes_from_content(make_app, content):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        labels = menu_labels(app)
        expected = [words.label for words in CONTENT.keys_file.screens["home"].values()]
        assert len(labels) == len(expected)
        for label, want in zip(labels, expected, strict=True):
            assert want in label
        assert app.screen.query_one("#home-title", Static).content == content.text("app.title")


async def test_menu_item_opens_its_screen(make_app):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert type(app.screen).__name__ == "AboutScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_help_lists_the_screens_keys_and_closes(make_app, content):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(str(s.content) for s in app.screen.query(".keys").results(Static))
        for owner in ("home", "app"):
            for words in CONTENT.keys_file.screens[owner].values():
                assert words.label in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_first_run_notice_appears_once(make_app, store):
    app = make_app(first_run_done=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert store.load_settings().first_run_done

    again = make_app(first_run_done=False)  # settings on disk already say done
    async with again.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)


async def test_ctrl_q_quits(make_app):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_theme_is_remembered_between_runs(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert store.load_settings().theme == "nord"
    again = make_app()
    async with again.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_small_window_asks_for_a_larger_one(make_app):
    app = make_app()
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        message = str(app.screen.query_one("#too-small", Static).content)
        assert "80 x 24" in message and "70 x 20" in message
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_palette_lists_the_main_actions(make_app, content):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for words in CONTENT.keys_file.screens["home"].values():  # every home item opens a screen
            assert words.label in titles
        assert "Theme" in titles


async def test_a_quarantined_month_is_reported(make_app, store, isolated_dirs):
    store.history.mkdir(parents=True, exist_ok=True)
    (store.history / "2026-10.json").write_text("{not json")
    store.query()  # the read that finds it
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("2026-10" in m and "corrupt" in m for m in messages)


async def test_broken_content_closes_the_app_with_its_problems(store, tmp_path):
    import shutil

    from coach.content.content import Content
    from coach.locations import content_dir
    from coach.tui.app import PainCoachApp

    folder = tmp_path / "content"
    shutil.copytree(content_dir(), folder)
    routines = folder / "routines.toml"
    routines.write_text(routines.read_text().replace('exercise = "glute-squeeze"', 'exercise = "glute-sqeeze"', 1))
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
    app = PainCoachApp(store, Content.load(folder=folder), clock=MockClock())
    said: list[object] = []
    exit_app = app.exit

    def exit_saying(*args, **kwargs):
        said.append(kwargs.get("message"))
        exit_app(*args, **kwargs)

    app.exit = exit_saying
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert not app.is_running
    assert said == [
        "content/routines.toml: routines[0].steps[0].exercise: no exercise 'glute-sqeeze' (did you mean 'glute-squeeze'?)"
    ]


def test_the_first_screen_does_not_wait_for_the_content_models():
    # Validating every content file costs as much as starting Textual: it runs after the first paint.
    import subprocess
    import sys

    code = (
        "import sys, coach.tui.app, coach.tui.screens.home\n"
        "from coach.content.content import Content\n"
        "c = Content.load(); c.text('home.intro'); c.key_words('home.checkin'); c.body_choices('areas')\n"
        "print('coach.content.models' in sys.modules, 'pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


async def test_palette_switches_the_bell_and_reduced_motion_and_remembers(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        titles = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Bell at each step: on" in titles and "Reduced motion: off" in titles
        titles["Bell at each step: on"].callback()
        titles["Reduced motion: off"].callback()
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Bell at each step: off" in titles and "Reduced motion: on" in titles
    saved = store.load_settings()
    assert saved.bell is False and saved.reduced_motion is True


def home_items() -> list[tuple[int, str]]:
    """(position in the menu, the screen it opens) for each home menu item."""
    return [(i, b.id.partition(".")[2]) for i, b in enumerate(HomeScreen.menu_bindings(CONTENT)) if b.id]


@pytest.mark.parametrize(("position", "name"), home_items())
async def test_arrows_and_enter_open_each_home_item(make_app, store, position, name):
    at_30_weeks_with_pgp(store)  # or the check-in would ask for the due date first
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#menu", OptionList)
        for _ in range(position):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen) is screen_class(name)


@pytest.mark.parametrize(("position", "name"), home_items())
async def test_a_click_opens_each_home_item(make_app, store, position, name):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#menu", OptionList)
        assert await pilot.click(menu, offset=(menu.gutter.left + 2, menu.gutter.top + position))
        await pilot.pause()
        assert type(app.screen) is screen_class(name)
