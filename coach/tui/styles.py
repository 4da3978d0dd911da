"""The other screens' styles (screens.tcss), added to the app's stylesheet after the first frame a few rules at
a time, one slice per turn of the loop, so that a key pressed meanwhile waits for one slice (a few ms), not for
the whole file (about 30 ms). The first screen brings its own (app.tcss for home, the notice's DEFAULT_CSS), so
the screens already up need no restyling; a screen that opens before the last slice takes the rest at once (finish)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from textual.app import App

SCREENS_CSS = Path(__file__).with_name("screens.tcss")  # every screen but the first
RULES_PER_SLICE = 12  # about 3 ms of parsing each


def rule_slices(css: str, rules: int = RULES_PER_SLICE) -> list[str]:
    """`css` cut between top-level rules into pieces of `rules` rules, comments kept with the rule after them.
    One piece when the file sets a variable (`$name: ...;`), which the rules after it in the same piece need."""
    if any(line.lstrip().startswith("$") for line in css.splitlines()):
        return [css]
    pieces, start, depth, count, at = [], 0, 0, 0, 0
    while at < len(css):
        if css.startswith("/*", at):
            at = css.find("*/", at + 2)
            at = len(css) if at < 0 else at + 2
            continue
        char = css[at]
        at += 1
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                count += 1
                if count == rules:
                    pieces.append(css[start:at])
                    start, count = at, 0
    if css[start:].strip() or not pieces:
        pieces.append(css[start:])
    else:
        pieces[-1] += css[start:]
    return pieces


class StyleSlices:
    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._left: list[str] = []
        self._added = 0
        self.done = False

    def start(self) -> None:
        if self.done or self._added:
            return
        if self.app.css_monitor is not None:  # `textual run --dev` reloads the whole file on change
            self.finish()
            return
        self._left = rule_slices(SCREENS_CSS.read_text(encoding="utf-8"))
        self._add_next()

    def _add_next(self) -> None:
        if self.done or not self._left:
            return
        css = self._left.pop(0)
        path = os.path.abspath(SCREENS_CSS)
        self.app.stylesheet.add_source(css, read_from=(path, f"slice {self._added}"))
        self._added += 1
        self.app.stylesheet.parse()  # only the new slice: Textual keeps the rest parsed
        if self._left:
            self.app.call_later(self._add_next)
        else:
            self.done = True

    def finish(self) -> None:
        """Every slice now (a screen is about to open)."""
        if self.done:
            return
        if self.app.css_monitor is not None:
            self.app.stylesheet.read(SCREENS_CSS)
            self.app.css_monitor.add_paths([SCREENS_CSS])
            self.done = True
        else:
            if not self._added and not self._left:
                self._left = rule_slices(SCREENS_CSS.read_text(encoding="utf-8"))
            while not self.done:
                self._add_next()
        for screen in self.app.screen_stack[1:]:  # the first screen's styles are all in app.tcss
            self.app.stylesheet.update(screen)
