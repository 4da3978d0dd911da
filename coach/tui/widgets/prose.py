"""A few paragraphs from content, drawn as Textual's Markdown draws them, without Markdown.

Textual's Markdown widget imports markdown-it, parses, and mounts its blocks one message at a time: most of the
time a dialog with a short text takes to show. Content's prose uses only a small part of Markdown (a "# " title,
paragraphs, "- " bullets, **bold**), which this draws with Statics in the Markdown widget's own colours and
spacing: the title centred, a blank line after each block, bullets with their text wrapping under itself.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import HorizontalGroup, Vertical
from textual.content import Content
from textual.markup import escape
from textual.widgets import Static

BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
BULLET = "- "


def inline(text: str) -> Content:
    """Text with **bold** as bold; anything else shown as written (square brackets included)."""
    parts = BOLD.split(text)  # even items plain, odd items bold
    markup = "".join(f"[b]{escape(part)}[/b]" if i % 2 else escape(part) for i, part in enumerate(parts))
    return Content.from_markup(markup)


def blocks(text: str) -> list[list[str]]:
    """The text's blocks (separated by blank lines), each as its lines."""
    found: list[list[str]] = [[]]
    for line in text.strip().splitlines():
        if line.strip():
            found[-1].append(line.strip())
        elif found[-1]:
            found.append([])
    return [block for block in found if block]


def items(block: list[str]) -> list[str]:
    """A list's items: each "- " line, with the lines after it that continue it."""
    found: list[str] = []
    for line in block:
        if line.startswith(BULLET) or not found:
            found.append(line.removeprefix(BULLET))
        else:
            found[-1] += " " + line
    return found


class Prose(Vertical):
    DEFAULT_CSS = """
    Prose { height: auto; padding: 0 2; }
    Prose > .prose-title {
        width: 1fr;
        content-align: center middle;
        color: $markdown-h1-color;
        text-style: $markdown-h1-text-style;
        margin-bottom: 1;
    }
    Prose > .prose-paragraph, Prose > .prose-list { height: auto; margin-bottom: 1; }
    Prose .prose-item { height: auto; margin-right: 1; }
    Prose .prose-bullet { width: auto; color: $text-primary; }
    Prose:light .prose-bullet { color: $text-secondary; }
    Prose .prose-item-text { width: 1fr; }
    """

    def __init__(self, text: str, title: str = "", **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.text = text
        self.title = title

    def compose(self) -> ComposeResult:
        if self.title:
            yield Static(self.title, markup=False, classes="prose-title")
        for block in blocks(self.text):
            if block[0].startswith(BULLET):
                with Vertical(classes="prose-list"):
                    for item in items(block):
                        with HorizontalGroup(classes="prose-item"):
                            yield Static("• ", markup=False, classes="prose-bullet")
                            yield Static(inline(item), classes="prose-item-text")
            else:
                yield Static(inline(" ".join(block)), classes="prose-paragraph")
