"""Base classes that take a screen's key bindings from content/keys.toml."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.screen import ModalScreen, Screen, ScreenResultType

from coach.content import words as wording


def content_bindings(name: str, in_footer: bool = True) -> list[Binding]:
    return [
        Binding(k.key, k.action, k.label, show=k.show and in_footer, priority=k.priority, tooltip=k.help)
        for k in wording.keys(name)
    ]


class ContentKeys:
    """`class AboutScreen(CoachScreen, keys="about")` binds the keys listed under [[about]].

    `in_footer=False` keeps them out of the footer, for a screen that shows its keys itself (the home
    menu); the help screen lists them all the same.
    """

    KEYS: ClassVar[str] = ""

    def __init_subclass__(cls, keys: str = "", in_footer: bool = True, **kwargs) -> None:
        if keys:
            cls.KEYS = keys
            cls.BINDINGS = content_bindings(keys, in_footer)
        super().__init_subclass__(**kwargs)


class CoachScreen(ContentKeys, Screen):
    pass


class CoachModal(ContentKeys, ModalScreen[ScreenResultType]):
    pass
