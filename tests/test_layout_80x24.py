"""Layout at 80x24, the smallest supported window: on every screen and dialog, in each state the footer contract
reaches (tests/test_footer_contract.py), no text is cut, none is out of sight without a scroll bar showing the
way to it, and the banners and titles a person must not miss are in sight without scrolling."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from tests.test_footer_contract import STATES, fresh_app, go

# In sight as the screen opens, whatever has the focus: what a person must read before anything else.
MUST_BE_IN_SIGHT = ("#routines-blocked", "#routines-hint", "#level", "#question", "#progress", "#step-title")


def in_sight(widget: Widget) -> Region:
    """The part of the widget the person sees: clipped by the screen and every scrolling container around it."""
    seen = widget.region.intersection(widget.screen.region)
    for node in widget.ancestors:
        if isinstance(node, Widget) and node.is_scrollable:
            seen = seen.intersection(node.content_region)
    return seen


def scroll_bar_shows_the_way(widget: Widget) -> bool:
    for node in widget.ancestors:
        if isinstance(node, Widget) and node.is_scrollable and node.max_scroll_y > 0:
            return node.show_vertical_scrollbar
    return False


def problems(screen) -> list[str]:
    found = []
    for widget in screen.query(Static).results():
        shown = all(node.display and node.visible for node in widget.ancestors_with_self if isinstance(node, Widget))
        if not shown or not str(widget.content).strip():  # hidden (an inactive tab, say), or empty
            continue
        name = f"{type(widget).__name__}#{widget.id or ''} {str(widget.content)[:40]!r}"
        inner = widget.content_region
        needed = widget.get_content_height(widget.parent.size, screen.size, inner.width) if inner.width else 0
        if needed > inner.height:
            found.append(f"{name}: cut ({needed} rows of text in {inner.height})")
        whole = in_sight(widget) == widget.region
        if not whole and not scroll_bar_shows_the_way(widget):
            found.append(f"{name}: out of sight at {widget.region}, and no scroll bar")
        if not whole and any(widget.id and f"#{widget.id}" == s for s in MUST_BE_IN_SIGHT):
            found.append(f"{name}: must be in sight as the screen opens")
    return found


@pytest.mark.parametrize("state", [s for s in STATES if s.size == (80, 24)], ids=lambda s: s.name)
async def test_nothing_is_cut_or_out_of_reach_at_80x24(tmp_path, state):
    app = fresh_app(tmp_path, state)
    async with app.run_test(size=(80, 24)) as pilot:
        await go(pilot, state)
        await pilot.pause()
        assert problems(app.screen) == []
