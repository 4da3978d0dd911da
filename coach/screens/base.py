"""Base classes that take a screen's key bindings from content/keys.toml."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.screen import ModalScreen, Screen, ScreenResultType

from coach import wording


def content_bindings(name: str) -> list[Binding]:
    return [
        Binding(k.key, k.action, k.label, show=k.show, priority=k.priority)
        for k in wording.keys(name)
    ]


class ContentKeys:
    """`class HomeScreen(CoachScreen, keys="home")` binds the keys listed under [[home]]."""

    KEYS: ClassVar[str] = ""

    def __init_subclass__(cls, keys: str = "", **kwargs) -> None:
        if keys:
            cls.KEYS = keys
            cls.BINDINGS = content_bindings(keys)
        super().__init_subclass__(**kwargs)


class CoachScreen(ContentKeys, Screen):
    pass


class CoachModal(ContentKeys, ModalScreen[ScreenResultType]):
    pass
