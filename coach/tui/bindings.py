"""Key bindings are declared in code, each with a stable id; their words come from content/keys.toml by id.

`Binding("c", "app.open('checkin')", id="home.checkin")` on a class's BINDINGS has no words of its own: each
screen, dialog and widget gets its footer label and help wording from [home.checkin] in keys.toml of the
running app's Content (its language) when it joins the app, and the app gets its own when it is made. Code
that shows a binding's words reads them from `worded_bindings()`, never from the class's BINDINGS. A person's
[keys] table in config.toml rebinds them by id (coach.config, App.set_keymap).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from textual.binding import Binding, BindingsMap, BindingType

from coach.content.content import Content


def binding_words(content: Content, binding_id: str) -> tuple[str, str]:
    """(label, help) of a binding: the one place the code looks up the words of a key."""
    words = content.key_words(binding_id)
    return words.label, words.help


def with_words(bindings: Iterable[BindingType], content: Content) -> list[BindingType]:
    """The bindings with their description (the footer's label) and tooltip (the fuller help) from content."""
    return [worded(binding, content) if isinstance(binding, Binding) else binding for binding in bindings]


def worded_map(bindings: BindingsMap, content: Content) -> BindingsMap:
    """A node's bindings (its own and those it inherits), each with an id worded from `content`."""
    return BindingsMap.from_keys(
        {key: [worded(binding, content) for binding in held] for key, held in bindings.key_to_bindings.items()}
    )


def worded(binding: Binding, content: Content) -> Binding:
    if not binding.id:
        return binding
    label, help_text = binding_words(content, binding.id)
    return dataclasses.replace(binding, description=label, tooltip=help_text)


def _placeholder(binding: BindingType) -> BindingType:
    if isinstance(binding, Binding) and binding.id and not binding.description:
        return dataclasses.replace(binding, description=binding.id)
    return binding


class LabelledKeys:
    """A mixin, listed before the Textual class: the node's bindings in the words of the app's Content."""

    BINDINGS: ClassVar[list[BindingType]] = []
    _bindings: BindingsMap  # Textual's: the node's merged bindings, which the footer and key dispatch read

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "BINDINGS" in cls.__dict__:
            # Textual hides a binding without a description when it collects the class's bindings (just below),
            # so each stands in with its id until the app's Content words it: an id on screen is a bug to see.
            cls.BINDINGS = [_placeholder(b) for b in cls.__dict__["BINDINGS"]]
        super().__init_subclass__(**kwargs)  # Textual's DOMNode collects the bindings here

    def _post_register(self, app: Any) -> None:
        # Textual calls this as a screen or widget joins the app, before it mounts and its footer is drawn.
        super()._post_register(app)  # type: ignore[misc]
        self.use_words(app.content)

    def use_words(self, content: Content) -> None:
        """Word this node's bindings from `content` (the app does this for itself once it has its Content)."""
        self._bindings = worded_map(self._bindings, content)

    def worded_bindings(self, content: Content) -> list[BindingType]:
        """The class's own BINDINGS with their words from `content`: for the help screen, the menu, the palette."""
        return with_words(self.BINDINGS, content)


def bound_keys(binding: Binding, keymap: Mapping[str, str]) -> str:
    """The keys a binding answers to: the person's from config.toml, or the default ("escape,q")."""
    return keymap.get(binding.id or "", binding.key)


def taken_keys(bindings: Iterable[BindingType], keymap: Mapping[str, str]) -> list[Binding]:
    """The bindings whose default key a person's key (config.toml) gave to another binding of the same screen.

    Textual then lets the person's binding have the key, and the other has none.
    """
    holders: dict[str, set[str]] = {}
    worded = [b for b in bindings if isinstance(b, Binding) and b.id]
    for binding in worded:
        for key in bound_keys(binding, keymap).split(","):
            holders.setdefault(key.strip(), set()).add(binding.id or "")
    return [
        binding.with_key(key)
        for binding in worded
        if binding.id not in keymap
        for key in binding.key.split(",")
        # Two bindings of the screen's own may share a default key (Pause and Resume: one is active at a time).
        if len(holders[key.strip()]) > 1 and holders[key.strip()] & set(keymap)
    ]


# A dialog's copies of the app's keys, rebound with them by a person's config.toml.
DIALOG_COPIES = {"dialog.quit": "app.quit", "dialog.help": "app.help"}


def with_dialog_copies(keymap: Mapping[str, str]) -> dict[str, str]:
    """The keymap with the app's rebound keys given to the dialogs' copies of them too."""
    copies = {copy: keymap[app_id] for copy, app_id in DIALOG_COPIES.items() if app_id in keymap}
    return {**copies, **keymap}
