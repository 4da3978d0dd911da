"""argparse's own words ("usage: ", "error: ", "show this help message and exit") in the content's language.

argparse looks each of its messages up with gettext at the moment it uses it (`argparse._`); while pain-coach
builds its parser and reads argv, that lookup answers from ui.toml [argparse] instead. The messages keep
argparse's own %-placeholders (`%(prog)s`, `%s`), which check-content compares with the English ones.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.content.content import Content

# argparse's message (its gettext id) -> the key of its words in ui.toml [argparse].
MESSAGES = {
    "usage: ": "usage",
    "%(prog)s: error: %(message)s\n": "error",
    "argument %(argument_name)s: %(message)s": "argument",
    "positional arguments": "positional_arguments",
    "options": "options",
    "show this help message and exit": "help",
    "show program's version number and exit": "version",
    "unrecognized arguments: %s": "unrecognized",
    "the following arguments are required: %s": "required",
    "one of the arguments %s is required": "one_required",
    "not allowed with argument %s": "not_allowed_with",
    "ignored explicit argument %r": "ignored_explicit",
    "expected one argument": "expected_one",
    "expected at most one argument": "expected_at_most_one",
    "expected at least one argument": "expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
    "invalid %(type)s value: %(value)r": "invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "unknown_parser",
    "can't open '%(filename)s': %(error)s": "cannot_open",
    "unexpected option string: %s": "unexpected_option",
}
# ngettext's (singular, plural) -> the key, given as `name_one` / `name_other` like the counted messages.
COUNTED = {("expected %s argument", "expected %s arguments"): "expected_n"}


@contextlib.contextmanager
def argparse_words(content: Content) -> Iterator[None]:
    """Within the block, argparse speaks the content's language (words it has no key for stay its own)."""
    messages = content.raw("ui").get("argparse", {})

    def gettext(message: str) -> str:
        key = MESSAGES.get(message)
        found = messages.get(key) if key else None
        return found if isinstance(found, str) else message

    def ngettext(singular: str, plural: str, count: int) -> str:
        key = COUNTED.get((singular, plural))
        if key is None:
            return singular if count == 1 else plural
        from coach.content.plural import counted_name

        found = messages.get(counted_name(messages, key, count, content.locale))
        return found if isinstance(found, str) else singular if count == 1 else plural

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
