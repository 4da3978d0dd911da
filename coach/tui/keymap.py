"""A person's own keys (config.toml [keys], read by coach.config), checked against the keys Textual knows."""

from __future__ import annotations

from textual.keys import REPLACED_KEYS, Keys, key_to_character

from coach.config import Config, read_config
from coach.content.content import Content
from coach.locations import config_file

MODIFIERS = frozenset({"shift", "ctrl", "alt", "meta", "super", "hyper"})
# Keys with a name of their own ("escape", "f5", "pageup"), not the "<any>"-style placeholders.
NAMED_KEYS = frozenset(k.value for k in Keys if "+" not in k.value and not k.value.startswith("<"))


def readable(keys: str) -> bool:
    """Whether every comma-separated key is one Textual sends: "k", "?", "ctrl+k", "f2", "question_mark"."""
    return all(_readable_key(key.strip()) for key in keys.split(","))


def _readable_key(key: str) -> bool:
    *modifiers, name = key.split("+")
    if not name or any(m not in MODIFIERS for m in modifiers) or len(set(modifiers)) < len(modifiers):
        return False
    if len(name) == 1:  # with a modifier, Textual names a key by its letter or digit ("ctrl+k")
        return name.isprintable() and not name.isspace() and (name.isalnum() or not modifiers)
    return name in NAMED_KEYS or name in REPLACED_KEYS or key_to_character(name) is not None


def person_keys(content: Content) -> Config:
    """The usable entries of config.toml's [keys], and a line for each one that is not."""
    return read_config(content, config_file(), set(content.binding_ids()), readable)
