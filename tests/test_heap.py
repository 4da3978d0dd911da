"""coach.heap: after new imports, the young garbage is collected and the rest frozen out of the collector's walks;
without new imports nothing more is frozen. The app does it once a screen has opened."""

from __future__ import annotations

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
