"""The bar across the top of every screen: the app's title and the screen's, drawn as Textual's Header draws
them (the icon at the left, the title centred between the icon's cell and the clock's empty room), in one widget.

Textual's Header is four widgets, each with styles of its own to parse and apply, and four watchers: on the first
screen it cost about a tenth of the start (issue 15). A click on the icon opens the command palette, as there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import RenderResult

ICON = "⭘"
ICON_CELLS = 8  # Header's icon widget: the icon and its padding
CLOCK_CELLS = 10  # Header keeps the clock's room on the right, clock or not: the title is centred between


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    TitleBar > .title-bar--icon-hover {
        background: $foreground 10%;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"title-bar--icon-hover"}

    def __init__(self, palette_tip: str = "") -> None:
        super().__init__()
        self._palette_tip = palette_tip
        self._icon_hovered = False

    def on_mount(self) -> None:
        for name in ("title", "sub_title"):  # screens name themselves once mounted
            self.watch(self.screen, name, self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> RenderResult:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        icon = Content(f" {ICON}".ljust(ICON_CELLS))
        if self._icon_hovered:
            icon = icon.stylize(self.get_visual_style("title-bar--icon-hover"))
        room = max(self.size.width - ICON_CELLS - CLOCK_CELLS, 0)
        shown = app.format_title(title, sub_title).truncate(room, ellipsis=True)
        left = (room - shown.cell_length) // 2
        return Content.assemble(icon, shown.pad(left, room - shown.cell_length - left), " " * CLOCK_CELLS)

    def _on_icon(self, x: int) -> bool:
        return 0 <= x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hovered = self._on_icon(event.x)
        if hovered != self._icon_hovered:
            self._icon_hovered = hovered
            self.tooltip = self._palette_tip if hovered and self._palette_tip else None
            self.refresh()

    def on_leave(self) -> None:
        if self._icon_hovered:
            self._icon_hovered = False
            self.tooltip = None
            self.refresh()

    async def on_click(self, event: events.Click) -> None:
        if self._on_icon(event.x):
            event.stop()
            await self.run_action("app.command_palette")
