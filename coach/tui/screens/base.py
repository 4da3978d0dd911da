"""Base classes that take a screen's key bindings from content/keys.toml, and give every screen typed access to
the app (`coach_app`) and its `Content` (`content`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.binding import Binding
from textual.screen import ModalScreen, Screen, ScreenResultType

from coach.content.content import Content

if TYPE_CHECKING:
    from coach.tui.app import PainCoachApp


def content_bindings(name: str, in_footer: bool = True, content: Content | None = None) -> list[Binding]:
    # Class bindings are made as a screen's class is defined, before any app exists: those read the packaged
    # keys.toml through the loader (its marshal cache), the app's own from its Content.
    listed = (content or Content.load()).keys(name)
    return [
        Binding(k.key, k.action, k.label, show=k.show and in_footer, priority=k.priority, tooltip=k.help)
        for k in listed
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


class CoachScreen(ContentKeys, Screen[Any]):
    @property
    def coach_app(self) -> PainCoachApp:
        return cast("PainCoachApp", self.app)

    @property
    def content(self) -> Content:
        return self.coach_app.content


class CoachModal(ContentKeys, ModalScreen[ScreenResultType]):
    @property
    def coach_app(self) -> PainCoachApp:
        return cast("PainCoachApp", self.app)

    @property
    def content(self) -> Content:
        return self.coach_app.content
