"""Key bindings are declared in code, each with a stable id; their words come from content/keys.toml by id.

`Binding("c", "app.open('checkin')", id="home.checkin")` on a class's BINDINGS gets its footer label and
its help wording from [home.checkin] in keys.toml when the class is made, before Textual collects the
class's bindings (so from the packaged content: no app exists yet). A person's [keys] table in config.toml
rebinds them by id (coach.config, App.set_keymap). Screens, widgets and the app all use this module.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from textual.binding import Binding, BindingType

from coach.content.content import Content


def binding_words(content: Content, binding_id: str) -> tuple[str, str]:
    """(label, help) of a binding: the one place the code looks up the words of a key."""
    words = content.key_words(binding_id)
    return words.label, words.help


def with_words(bindings: Iterable[BindingType], content: Content) -> list[BindingType]:
    """The bindings with their description (the footer's label) and tooltip (the fuller help) from content."""
    worded: list[BindingType] = []
    for binding in bindings:
        if isinstance(binding, Binding) and binding.id:
            label, help_text = binding_words(content, binding.id)
            binding = dataclasses.replace(binding, description=label, tooltip=help_text)
        worded.append(binding)
    return worded


class LabelledKeys:
    """A mixin, listed before the Textual class, that fills in the words of the class's own BINDINGS."""

    BINDINGS: ClassVar[list[BindingType]] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "BINDINGS" in cls.__dict__:
            # One read of keys.toml (through the loader's cache) per class, as the class is made.
            cls.BINDINGS = with_words(cls.__dict__["BINDINGS"], Content.load())
        super().__init_subclass__(**kwargs)  # Textual's DOMNode collects the bindings here


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
