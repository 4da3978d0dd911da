"""`pain-coach check-content [DIR]`: validate a content folder, in every language it ships (or in --lang's)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coach.content.content import Content
from coach.content.loader import BASE_LOCALE, FILES, ContentError

if TYPE_CHECKING:
    from coach.cli import SubParsers


def add_parser(sub: SubParsers, content: Content) -> str:
    p = sub.add_parser("check-content", help=content.text("cli.check_content_help"))
    p.add_argument("folder", nargs="?", metavar="DIR", help=content.text("cli.check_content_dir_help"))
    return "check-content"


def locale_problems(folder: Path, locale: str, validate: bool = True) -> list[str]:
    """One locale's problems: its overlay against the English files, then its files validated as the app reads them."""
    from coach.content.overlay_check import overlay_problems

    checked = Content.load(locale, folder)
    problems = [] if locale == BASE_LOCALE else overlay_problems(folder, locale, checked.folder.resolve().name)
    try:
        if validate:
            checked.check()
    except ContentError as exc:
        problems += [p for p in exc.problems if p not in problems]
    return problems


def run(args: argparse.Namespace, content: Content) -> int:
    from coach.content.locale import shipped_locales

    folder = Path(args.folder) if args.folder else content.folder
    # `--lang X` (anywhere on the line) checks that language alone; else every language the folder ships.
    locales = [content.locale] if getattr(args, "lang", None) else shipped_locales(folder)
    found: list[str] = []
    for locale in locales:
        # A mistake in an English file shows in every language laid over it: said once, for English, and the
        # other languages are compared with English once it is right.
        if found and BASE_LOCALE in locales:
            break
        found += locale_problems(folder, locale, validate=True)
    # What a language lacks would fall back to English, key by key: a problem like any other, said last.
    from coach.content.overlay_check import is_fallback

    problems = [line for line in found if not is_fallback(line)] + [line for line in found if is_fallback(line)]
    shown = problems
    if shown:
        from coach.cli import print_problems

        print_problems(content, shown, limit=50)
    if problems:
        return 2
    print(
        content.text(
            "cli.check_content_ok",
            folder=Content.load(content.locale, folder).folder,
            files=len(FILES),
            locales=", ".join(locales),
        )
    )
    return 0
