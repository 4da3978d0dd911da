"""Textual's TabbedContent, with the underline under the new tab in the same frame as the new pane.

Textual's Tabs moves its underline after the next refresh (or slides it there over 0.3 s), so a tab switch drew
the new pane first and the underline in a frame of its own, about 30 ms later. The tabs keep their places
when one is chosen, so where the underline goes is known at once.
"""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.widgets import TabbedContent
from textual.widgets._tabbed_content import ContentTabs
from textual.widgets._tabs import Underline


class QuickTabs(TabbedContent):
    def watch_active(self, active: str) -> None:  # after TabbedContent's own watcher has switched the pane
        tabs = self.get_child_by_type(ContentTabs)
        try:
            tab = tabs.get_content_tab(active)
        except NoMatches:
            return
        if not tab.region:  # not laid out yet: Textual's own move places it
            return
        underline = tabs.query_one(Underline)
        underline.highlight_start, underline.highlight_end = tab.virtual_region.shrink(tab.styles.gutter).column_span
