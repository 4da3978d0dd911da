"""Simple Markdown (paragraphs and **bold**, all the start-up notice uses) as Textual Content, without
importing Textual's Markdown widget and its parser and highlighter, which cost the first frame about 30 ms."""

from __future__ import annotations

import re

from textual.content import Content

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def paragraphs(text: str) -> list[Content]:
    """One Content per paragraph (separated by a blank line); a line break inside one is a space, as in Markdown."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return [_bold(" ".join(line.strip() for line in block.splitlines())) for block in blocks if block.strip()]


def _bold(text: str) -> Content:
    parts: list[str | tuple[str, str]] = []
    end = 0
    for found in _BOLD.finditer(text):
        parts += [text[end : found.start()], (found.group(1), "bold")]
        end = found.end()
    parts.append(text[end:])
    return Content.assemble(*parts)
