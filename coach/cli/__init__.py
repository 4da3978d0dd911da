"""The command line. Each subcommand is a module here with `add_parser(subparsers)` and `run(args)`.

Only the bare `pain-coach` (no subcommand) imports the Textual app.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coach import __version__

if TYPE_CHECKING:
    import argparse

# Subcommand modules, in the order `--help` lists them.
COMMANDS = ["log", "checkin", "routines", "export", "importer", "check_content", "locate"]


class UsageError(Exception):
    """Bad input from the person: shown as one line, exit status 2."""


def _app_args(argv: list[str]) -> argparse.Namespace | None:
    """The options of a bare `pain-coach` (the app), or None when argv names a subcommand or asks for help.

    The subcommand modules load the validated content, which the app's first screen does not wait for.
    """
    import argparse

    app = argparse.ArgumentParser(add_help=False)
    app.add_argument("--data-dir")
    args, rest = app.parse_known_args(argv)
    return None if rest else args


def _parser() -> tuple[argparse.ArgumentParser, dict[str, object]]:
    import argparse

    from coach.content.words import text

    parser = argparse.ArgumentParser(prog="pain-coach", description=text("cli.description"))
    parser.add_argument("--version", action="version", version=f"pain-coach {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=text("cli.data_dir_help"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = {}
    for name in COMMANDS:
        module = importlib.import_module(f"coach.cli.{name}")
        modules[module.add_parser(sub)] = module
    for command in sub.choices.values():  # `pain-coach log --data-dir X` works as well as before `log`
        command.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=text("cli.data_dir_help"))
    return parser, modules


def _fail(message: str, status: int) -> int:
    from coach.content.words import text
    from coach.shown import visible

    print(visible(text("errors.prefix") + message, one_line=True), file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv in (["--version"], ["-V"]):  # answer without loading anything else
        print(f"pain-coach {__version__}")
        return 0
    from coach.content.words import ContentError

    try:
        if not argv:  # plain `pain-coach`, the usual start: the app, without loading argparse
            from coach.tui.app import run_app

            return run_app(None)
        app_args = _app_args(argv)
        if app_args is not None:
            from coach.tui.app import run_app

            check_data_dir(app_args.data_dir)
            return run_app(app_args.data_dir)
        parser, modules = _parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        return modules[args.command].run(args)
    except UsageError as exc:
        return _fail(str(exc), 2)
    except ContentError as exc:
        print_problems(exc.problems)
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
            return _fail(str(exc), 1)
        raise


def print_problems(problems: list[str], limit: int = 20) -> None:
    """One line per problem on stderr, control characters shown; past `limit`, a count of the rest."""
    from coach.content.words import text
    from coach.shown import visible

    for problem in problems[:limit]:
        print(visible(problem, one_line=True), file=sys.stderr)
    if len(problems) > limit:
        print(text("errors.more_problems", count=len(problems) - limit), file=sys.stderr)


MB = 1024 * 1024


def read_limited(path: Path | None, limit: int, what: str, name: str) -> bytes:
    """At most `limit` bytes of a file the person named (None: stdin); a larger one is refused, never read whole
    (`--answers /dev/zero` would fill the memory). OSError is the caller's to explain."""
    if path is None:
        raw = sys.stdin.buffer.read(limit + 1)
    else:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    if len(raw) > limit:
        from coach.content.words import text

        raise UsageError(text("errors.too_big", path=name, limit=f"{limit // MB} MB", what=what))
    return raw


def parse_json(raw: bytes, name: str) -> object:
    """JSON from a person's file. Raises UsageError for what json.loads would crash on as well as for bad JSON:
    nesting past Python's recursion limit, integers over 4300 digits, bytes that are not UTF-8."""
    import json

    from coach.content.words import text

    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise UsageError(text("errors.too_deep", path=name, reason="JSON")) from None
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, and too many digits, are ValueErrors
        from coach.shown import clip

        raise UsageError(text("answers.not_json", path=name, reason=clip(exc, 160))) from None


def user_file(raw: str):
    """A file named on the command line, "~" expanded; without a home folder "~" is a usage error."""
    from coach.content.words import text

    try:
        return Path(raw).expanduser()
    except RuntimeError:
        raise UsageError(text("export.no_home")) from None


def check_data_dir(given: str | None) -> None:
    """`--data-dir ''` is a mistake (an unset variable in a script), not a request for the default folder."""
    if given == "":
        from coach.content.words import text

        raise UsageError(text("errors.empty_option", what="--data-dir"))


def open_store(args: argparse.Namespace):
    from coach.history.store import Store
    from coach.locations import data_dir

    check_data_dir(args.data_dir)
    return Store(data_dir(args.data_dir))


def report_problems(store) -> None:
    """Tell the person about any history file that had to be moved aside."""
    from coach.content.words import text
    from coach.shown import visible

    for warning in store.warnings:
        print(visible(text("errors.prefix") + warning, one_line=True), file=sys.stderr)
    store.warnings.clear()
    for problem in store.problems:
        print(visible(text("errors.prefix") + problem.message, one_line=True), file=sys.stderr)
    store.problems.clear()
