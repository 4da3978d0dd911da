"""coach.heap: after new imports, the young garbage is collected and the rest frozen out of the collector's walks;
without new imports nothing more is frozen. The app does it once a screen has opened."""

from __future__ import annotations

import asyncio
import gc
import sys
import weakref

from coach.heap import freeze_after_imports


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_new_imports_freeze_what_they_made_and_collect_the_young_garbage_first():
    garbage = Node()
    gone = weakref.ref(garbage)
    del garbage
    count = freeze_after_imports(len(sys.modules) - 1)  # as if a module had come in since
    assert count == len(sys.modules)
    assert gone() is None, "a young cycle was frozen, never to be freed"
    assert gc.get_freeze_count() > 0


def test_no_new_imports_freeze_nothing_more():
    count = freeze_after_imports(len(sys.modules) - 1)
    frozen = gc.get_freeze_count()
    kept = [Node() for _ in range(100)]  # made since, and alive
    assert freeze_after_imports(count) == count
    assert gc.get_freeze_count() == frozen
    del kept


async def test_opening_the_history_freezes_what_its_imports_made(make_app, store, monkeypatch):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        monkeypatch.setitem(sys.modules, "tests.a_module_the_history_screen_imported", sys.modules[__name__])
        frozen = gc.get_freeze_count()
        garbage = Node()
        gone = weakref.ref(garbage)
        del garbage
        await pilot.press("h")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"
        assert gc.get_freeze_count() > frozen
        assert gone() is None


def test_the_start_up_holds_the_collector_off_until_the_first_frame(make_app):
    """The app's start imports textual with no collection (coach.heap); once its first frame is drawn the
    collector runs again, or the history of a long session would never free a cycle."""
    from coach.heap import hold_collector

    async def start() -> tuple[bool, bool]:
        hold_collector()
        held = gc.isenabled()
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return held, gc.isenabled()

    assert gc.isenabled()
    try:
        assert asyncio.run(start()) == (False, True)
    finally:
        gc.enable()


def test_a_command_runs_with_the_collector_on_and_main_leaves_it_on(isolated_dirs, monkeypatch):
    """Held only while the command's modules come in: an export of ten years then frees what it is done with."""
    import coach.cli.log
    from coach.cli import main

    seen: list[bool] = []
    monkeypatch.setattr(coach.cli.log, "run", lambda args, content: seen.append(gc.isenabled()) or 0)
    assert main(["log", "--pain", "3"]) == 0
    assert seen == [True]
    assert gc.isenabled()


def test_release_leaves_alone_a_collector_someone_else_turned_off():
    from coach.heap import hold_collector, release_collector

    gc.disable()
    try:
        hold_collector()
        release_collector()
        assert not gc.isenabled()
    finally:
        gc.enable()
