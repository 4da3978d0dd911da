"""The footer every screen shows: Textual's Footer, with its keys changed in place when the bindings change.

Textual's Footer recomposes, making every key anew, each time the focus or a binding changes: several times
for one check-in answer, each costing a style pass per key (its `compact` binding re-applies the styles).
This one works out the keys the footer should show exactly as Textual's does (the screen's active bindings,
one per action, the command palette's docked on the right), once for all the changes made in one turn (and
before the next frame, so that they are drawn with it, not in a layout of their own), and when they differ
from those shown, changes only the difference: a key still wanted is left as it is, one no longer wanted is
hidden (kept, to be shown again as it was: a history tab switch hides three and shows them again), one of
another action is rewritten where it stands (a check-in answer changes a few labels), and a key is made only
when there is none to reuse (a new key costs a style pass; a key that changes size, another layout).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.screen import Screen

PALETTE = "-command-palette"


@dataclass(frozen=True)
class ShownKey:
    key: str
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


class KeyFooter(Footer):
    """A footer of FooterKeys, as Textual draws them (no binding groups: pain-coach has none)."""

    _update_pending = False

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            keys, palette = self.wanted_keys()
            yield from (self._new_key(shown) for shown in keys)
            if palette is not None:
                yield self._new_key(palette, palette=True)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._update_pending:
            self._update_pending = True  # one update for every change made before it runs
            self.call_later(self.update_keys)

    def wanted_keys(self) -> tuple[list[ShownKey], ShownKey | None]:
        """The keys to show, as Textual's Footer.compose picks them, and the command palette's (or None)."""
        active = self.screen.active_bindings
        first: dict[str, ShownKey] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in first:
                display = self.app.get_key_display(binding)
                first[binding.action] = ShownKey(binding.key, display, binding.description, binding.action,
                                                 enabled, tooltip)  # fmt: skip
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            held = active.get(self.app.COMMAND_PALETTE_BINDING)
            if held is not None:
                _node, binding, enabled, _tooltip = held
                palette = ShownKey(binding.key, self.app.get_key_display(binding), binding.description,
                                   binding.action, enabled, binding.tooltip or binding.description)  # fmt: skip
        return list(first.values()), palette

    def update_keys(self) -> None:
        self._update_pending = False
        if not self.is_attached:
            return
        keys, palette = self.wanted_keys()
        palette_key = next(iter(self.query_children(f"FooterKey.{PALETTE}")), None)
        made = [key for key in self.query_children(FooterKey) if not key.has_class(PALETTE)]
        at = 0  # made[:at] are placed
        for n, wanted in enumerate(keys):
            same = next((i for i in range(at, len(made)) if made[i].action == wanted.action), None)
            if same is not None:  # its own key, shown again as it was: nothing to lay out anew
                for widget in made[at:same]:
                    widget.display = False  # kept, for when it is wanted again (a history tab switch)
                widget, at = made[same], same + 1
            elif at < len(made) and made[at].action not in {later.action for later in keys[n:]}:
                widget, at = made[at], at + 1  # another action's key, rewritten where it stands
            else:
                self.mount(self._new_key(wanted), before=made[at] if at < len(made) else palette_key)
                continue
            self._rewrite(widget, wanted)
            widget.display = True
        for widget in made[at:]:
            widget.display = False
        if palette is None and palette_key is not None:
            palette_key.remove()
        elif palette is not None and palette_key is None:
            self.mount(self._new_key(palette, palette=True))  # in Textual's order: the palette's key last
        elif palette is not None and isinstance(palette_key, FooterKey):
            self._rewrite(palette_key, palette)

    def _new_key(self, shown: ShownKey, palette: bool = False) -> FooterKey:
        compact = palette or self.compact  # Textual's footer leaves its palette key compact, bound to nothing
        classes = " ".join(name for name, wanted in ((PALETTE, palette), ("-compact", compact)) if wanted)
        key = FooterKey(shown.key, shown.key_display, shown.description, shown.action, disabled=not shown.enabled,
                        tooltip=shown.tooltip, classes=classes)  # fmt: skip
        # Set before mounting, so no watcher runs (Textual's footer data-binds it: a style pass per key).
        key.set_reactive(FooterKey.compact, compact)
        return key

    @staticmethod
    def _rewrite(widget: FooterKey, wanted: ShownKey) -> None:
        had = ShownKey(widget.key, widget.key_display, widget.description, widget.action, not widget._disabled,
                       str(widget.tooltip or ""))  # fmt: skip
        if had == wanted:
            return
        widget.key, widget.key_display, widget.description = wanted.key, wanted.key_display, wanted.description
        widget.action = wanted.action
        widget._disabled = not wanted.enabled
        widget.set_class(not wanted.enabled, "-disabled")
        widget.tooltip = wanted.tooltip or None
        resized = (had.key_display, had.description) != (wanted.key_display, wanted.description)
        widget.refresh(layout=resized)
