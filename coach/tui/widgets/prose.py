"""A few paragraphs from content, drawn as Textual's Markdown draws them, without Markdown.

Textual's Markdown widget imports markdown-it, parses, and mounts its blocks one message at a time: most of the
time a dialog with a short text takes to show. Content's prose uses only a small part of Markdown (a "# " title,
paragraphs, "- " bullets, **bold**), which this draws as one widget, in the Markdown widget's own colours and
spacing: the title centred, a blank line after each block, bullets with their text wrapping under itself.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.style import Style
from textual.widget import Widget

BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
BOLD_STYLE = Style(bold=True)
BULLET = "- "
BULLET_MARK = "• "


def inline(text: str) -> Content:
    """Text with **bold** as bold; anything else shown as written (square brackets included)."""
    parts = BOLD.split(text)  # even items plain, odd items bold
    return Content.assemble(*((part, BOLD_STYLE) if i % 2 else part for i, part in enumerate(parts)))


def blocks(text: str) -> list[list[str]]:
    """The text's blocks (separated by blank lines), each as its lines."""
    found: list[list[str]] = [[]]
    for line in text.strip().splitlines():
        if line.strip():
            found[-1].append(line.strip())
        elif found[-1]:
            found.append([])
    return [block for block in found if block]


def paragraphs(text: str) -> list[Content]:
    """One Content per paragraph, a line break inside one being a space, as in Markdown (the start-up notice,
    whose Statics it fills: the first frame then needs neither Markdown nor this module's widget drawn)."""
    return [inline(" ".join(block)) for block in blocks(text)]


def items(block: list[str]) -> list[str]:
    """A list's items: each "- " line, with the lines after it that continue it."""
    found: list[str] = []
    for line in block:
        if line.startswith(BULLET) or not found:
            found.append(line.removeprefix(BULLET))
        else:
            found[-1] += " " + line
    return found


class Prose(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"prose--title", "prose--bullet"}
    DEFAULT_CSS = """
    Prose { height: auto; padding: 0 2; }
    Prose > .prose--title { color: $markdown-h1-color; text-style: $markdown-h1-text-style; }
    Prose > .prose--bullet { color: $text-primary; }
    Prose:light > .prose--bullet { color: $text-secondary; }
    """

    def __init__(self, text: str, title: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.text = text
        self.title = title
        self._lines: tuple[int, list[Content]] | None = None  # (width, its lines)

    def lines(self, width: int) -> list[Content]:
        """The text laid out in `width` cells, one Content per line."""
        if self._lines is not None and self._lines[0] == width:
            return self._lines[1]
        width = max(width, 4)
        lines: list[Content] = []
        if self.title:
            title = Content(self.title).stylize(self.get_visual_style("prose--title"))
            lines += [*(line.center(width) for line in title.wrap(width)), Content()]
        bullet = Content(BULLET_MARK).stylize(self.get_visual_style("prose--bullet"))
        indent = Content(" " * bullet.cell_length)
        for block in blocks(self.text):
            if block[0].startswith(BULLET):
                for item in items(block):
                    first, *rest = inline(item).wrap(width - bullet.cell_length)
                    lines += [bullet + first, *(indent + line for line in rest)]
            else:
                lines += inline(" ".join(block)).wrap(width)
            lines.append(Content())
        self._lines = (width, lines)
        return lines

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines = None  # a new theme: new colours

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_region.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))
