"""The scrolling body of a history tab: focused so that the arrows scroll it, and drawn the same with or without
the focus (no style of pain-coach's or Textual's has a :focus rule for it or within it).

So it is not restyled when the focus comes or goes. Textual restyles a widget on each change of focus, with
every child (each line and chart of the trends), and asks for a layout of its scrollbars whether anything
changed or not; that request reaches the screen after the tab switch's frame and costs a second frame, a
layout, 20-40 ms later. tests/test_history_tabs.py checks that the focus draws nothing different.
"""

from __future__ import annotations

from textual.containers import VerticalScroll

from coach.tui.widgets.steady_scrollbar import SteadyScrollbars


class PaneScroll(VerticalScroll, SteadyScrollbars):
    # Room for the scrollbar kept: the trends are taller than their pane at 80x24, and without it their first look
    # was laid out at the full width, then again two columns narrower once the bar appeared.
    DEFAULT_CSS = "PaneScroll { scrollbar-gutter: stable; }"

    def watch_has_focus(self, has_focus: bool) -> None:
        pass  # nothing of it depends on the focus: see above
