"""Which plural form a count takes in a language: CLDR's cardinal categories, for the languages of the content.

Content gives a counted message as `name_one` and `name_other` (`count_one = "{count} record."`); a language
without plurals (Chinese) gives `name_other` alone. Pure: no textual, no files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

PluralForm = Literal["one", "other"]


def _english(count: int) -> PluralForm:
    return "one" if count == 1 else "other"


def _no_plural(count: int) -> PluralForm:
    return "other"


RULES: dict[str, Callable[[int], PluralForm]] = {"en": _english, "zh": _no_plural}


def plural_form(count: int, language: str = "en") -> PluralForm:
    """ "one" or "other" for `count` in `language` ("en", "zh-CN": the part before "-" picks the rule)."""
    rule = RULES.get(language.partition("-")[0].lower(), _english)
    return rule(abs(count))


def counted_name(messages: Mapping[str, object], name: str, count: int, language: str = "en") -> str:
    """The key of the message for `count`: `name` itself when content has it, else `name_one` / `name_other`."""
    if name in messages:
        return name
    form = f"{name}_{plural_form(count, language)}"
    return form if form in messages else f"{name}_other"
