"""Widgets that put off their restyle on losing the focus while they are hidden, until they are shown again.

A history tab switch hides the pane that had the focus and focuses the new one. Textual restyles a widget that
loses the focus, and its children, and the restyle asks for its scrollbars to be drawn again whether their
colours changed or not; that request reaches the screen after the switch's frame and costs a frame of its
own. Nothing of a hidden widget is drawn, and a pane shown again is focused at once (HistoryScreen.
action_show_tab), which restyles it anyway; only if it is shown without the focus is the restyle done then.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget


def hidden(widget: Widget) -> bool:
    """Not drawn because it, or a widget it is in, is not displayed (a pane of another tab)."""
    return not widget.display or any(isinstance(node, Widget) and not node.display for node in widget.ancestors)


class RestyledWhenShown(Widget):
    """Mixed in after the widget's own class (Textual takes styles and component classes from the first base)."""

    _restyle_when_shown = False

    def watch_has_focus(self, has_focus: bool) -> None:
        if not has_focus and hidden(self):
            self._restyle_when_shown = True
            return
        self._restyle_when_shown = False
        super().watch_has_focus(has_focus)

    def _on_show(self, event: events.Show) -> None:
        super()._on_show(event)
        if self._restyle_when_shown and not self.has_focus:
            self._restyle_when_shown = False
            self.update_node_styles()
