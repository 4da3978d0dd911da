"""The command line. Each subcommand is a module here with `add_parser(subparsers, content)` and
`run(args, content)`: `main` loads the one `Content` of the process and hands it to the command.

Only the bare `pain-coach` (no subcommand) imports the Textual app.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from coach import __version__
from coach.heap import hold_collector, release_collector
from coach.locations import NoHomeError

if TYPE_CHECKING:
    import argparse
    from typing import TypeAlias

    from coach.content.content import Content
    from coach.history.store import Store

    SubParsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]


class Command(Protocol):
    """A subcommand module."""

    def add_parser(self, sub: SubParsers, content: Content) -> str: ...

    def run(self, args: argparse.Namespace, content: Content) -> int: ...


# Subcommand modules, in the order `--help` lists them.
COMMANDS = ["log", "checkin", "routines", "profile", "export", "importer", "check_content", "locate"]


class UsageError(Exception):
    """Bad input from the person: shown as one line, exit status 2."""


APP_OPTIONS = ("--data-dir", "--lang")


def _app_args(argv: list[str]) -> tuple[str | None, str | None] | None:
    """(--data-dir, --lang) of a bare `pain-coach` (the app), or None when argv names a subcommand or asks for help.

    The subcommand modules load the validated content, which the app's first screen does not wait for. The
    options as the help spells them are read without argparse (its import takes about 4 ms of the start);
    anything else (an abbreviation such as --data, a missing value) as argparse reads it.
    """
    found: dict[str, str | None] = dict.fromkeys(APP_OPTIONS)
    args = iter(argv)
    for arg in args:
        name, equals, value = arg.partition("=")
        if name not in found:
            break
        if not equals:
            value = next(args, "-")
            if value.startswith("-"):
                break
        found[name] = value
    else:
        return found["--data-dir"], found["--lang"]
    import argparse

    app = argparse.ArgumentParser(add_help=False)
    for option in APP_OPTIONS:
        app.add_argument(option)
    parsed, rest = app.parse_known_args(argv)
    return None if rest else (parsed.data_dir, parsed.lang)


def _parser(content: Content) -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    import argparse

    from coach.content.locale import shipped_locales

    text = content.text
    lang_help = text("language.lang_help", shipped=", ".join(shipped_locales(content.folder)))
    parser = argparse.ArgumentParser(prog="pain-coach", description=text("cli.description"))
    parser.add_argument("--version", action="version", version=f"pain-coach {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=text("cli.data_dir_help"))
    parser.add_argument("--lang", metavar="LANG", help=lang_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules: dict[str, Command] = {}
    for name in COMMANDS:
        module: Command = importlib.import_module(f"coach.cli.{name}")
        modules[module.add_parser(sub, content)] = module
    for command in sub.choices.values():  # `pain-coach log --data-dir X` works as well as before `log`
        command.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=text("cli.data_dir_help"))
        command.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS, help=lang_help)
    return parser, modules


def _fail(content: Content, message: str, status: int) -> int:
    from coach.shown import visible

    print(visible(content.text("errors.prefix") + message, one_line=True), file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv in (["--version"], ["-V"]):  # answer without loading anything else
        print(f"pain-coach {__version__}")
        return 0
    hold_collector()
    try:
        return _main(argv)
    finally:
        release_collector()  # if the app or the command has not already


def _main(argv: list[str]) -> int:
    from coach.content.content import Content
    from coach.content.loader import ContentError
    from coach.content.locale import UnknownLanguage

    try:
        content = Content.load(chosen_locale(argv))  # the one of this process; its files are read when first needed
    except UnknownLanguage as exc:
        english = Content.load()
        return _fail(english, english.text("language.unknown", given=exc.given, shipped=", ".join(exc.shipped)), 2)
    try:
        if not argv:  # plain `pain-coach`, the usual start: the app, without loading argparse
            from coach.tui.app import run_app

            return run_app(None, content)
        app_args = _app_args(argv)
        if app_args is not None:
            from coach.tui.app import run_app

            data_dir_option, lang_option = app_args
            check_data_dir(content, data_dir_option)
            return run_app(data_dir_option, content, lang_option)
        from coach.cli.argparse_words import argparse_words

        with argparse_words(content):
            parser, modules = _parser(content)
            args = parser.parse_args(argv)
            if args.command is None:
                parser.print_help()
                return 2
        release_collector()
        return modules[args.command].run(args, content)
    except UsageError as exc:
        return _fail(content, str(exc), 2)
    except NoHomeError:
        return _fail(content, content.text("errors.no_home"), 1)
    except ContentError as exc:
        print_problems(content, exc.problems)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`pain-coach export | head`): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        from coach.history.store import StoreError  # imported here: the app's start does not need the store yet

        if isinstance(exc, StoreError):
            return _fail(content, str(exc), 1)
        raise


def early_option(argv: list[str], name: str) -> str | None:
    """The value of `--name X` or `--name=X` in argv (the last one given), read before argparse is loaded."""
    found = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == name and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith(name + "="):
            found = arg[len(name) + 1 :]
    return found


def chosen_locale(argv: list[str]) -> str:
    """The language of this run (coach.content.locale): --lang, $PAIN_COACH_LANG, the app's choice, the system's."""
    from coach.content.locale import choose_locale, settings_language, shipped_locales
    from coach.locations import content_dir, data_dir

    given_dir = early_option(argv, "--data-dir")
    try:
        in_app = settings_language(data_dir(given_dir or None))
    except NoHomeError:
        in_app = None
    return choose_locale(
        shipped_locales(content_dir()), option=early_option(argv, "--lang"), environ=os.environ, chosen_in_app=in_app
    )


def print_problems(content: Content, problems: list[str], limit: int = 20) -> None:
    """One line per problem on stderr, control characters shown; past `limit`, a count of the rest."""
    from coach.shown import visible

    for problem in problems[:limit]:
        print(visible(problem, one_line=True), file=sys.stderr)
    if len(problems) > limit:
        print(content.text("errors.more_problems", count=len(problems) - limit), file=sys.stderr)


MB = 1024 * 1024


def read_limited(content: Content, path: Path | None, limit: int, what: str, name: str) -> bytes:
    """At most `limit` bytes of a file the person named (None: stdin); a larger one is refused, never read whole
    (`--answers /dev/zero` would fill the memory). OSError is the caller's to explain."""
    if path is None:
        raw = sys.stdin.buffer.read(limit + 1)
    else:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    if len(raw) > limit:
        raise UsageError(content.text("errors.too_big", path=name, limit=f"{limit // MB} MB", what=what))
    return raw


def parse_json(content: Content, raw: bytes, name: str) -> object:
    """JSON from a person's file. Raises UsageError for what json.loads would crash on as well as for bad JSON:
    nesting past Python's recursion limit, integers over 4300 digits, bytes that are not UTF-8."""
    import json

    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise UsageError(content.text("errors.too_deep", path=name, reason="JSON")) from None
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, and too many digits, are ValueErrors
        from coach.shown import clip

        raise UsageError(content.text("answers.not_json", path=name, reason=clip(exc, 160))) from None


def user_file(raw: str, content: Content) -> Path:
    """A file named on the command line, "~" expanded; without a home folder "~" is a usage error."""
    try:
        return Path(raw).expanduser()
    except RuntimeError:
        raise UsageError(content.text("export.no_home")) from None


def check_data_dir(content: Content, given: str | None) -> None:
    """`--data-dir ''` is a mistake (an unset variable in a script), not a request for the default folder."""
    if given == "":
        raise UsageError(content.text("errors.empty_option", what="--data-dir"))


def open_store(args: argparse.Namespace, content: Content) -> Store:
    from coach.history.store import Store
    from coach.locations import data_dir

    check_data_dir(content, args.data_dir)
    return Store(data_dir(args.data_dir), content)


def report_problems(store: Store) -> None:
    """Tell the person about any history file that had to be moved aside."""
    from coach.shown import visible

    content = store.content
    for warning in store.warnings:
        print(visible(content.text("errors.prefix") + warning, one_line=True), file=sys.stderr)
    store.warnings.clear()
    for problem in store.problems:
        print(visible(content.text("errors.prefix") + problem.message(content), one_line=True), file=sys.stderr)
    store.problems.clear()
