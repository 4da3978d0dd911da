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


def _parser(content: Content) -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    import argparse

    text = content.text
    parser = argparse.ArgumentParser(prog="pain-coach", description=text("cli.description"))
    parser.add_argument("--version", action="version", version=f"pain-coach {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=text("cli.data_dir_help"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules: dict[str, Command] = {}
    for name in COMMANDS:
        module: Command = importlib.import_module(f"coach.cli.{name}")
        modules[module.add_parser(sub, content)] = module
    for command in sub.choices.values():  # `pain-coach log --data-dir X` works as well as before `log`
        command.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=text("cli.data_dir_help"))
    return parser, modules


def _fail(content: Content, message: str, status: int) -> int:
    print(content.text("errors.prefix") + message, file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv in (["--version"], ["-V"]):  # answer without loading anything else
        print(f"pain-coach {__version__}")
        return 0
    from coach.content.content import Content
    from coach.content.loader import ContentError
    from coach.locations import NoHomeError

    content = Content.load()  # the one of this process; its files are read when first needed
    try:
        if not argv:  # plain `pain-coach`, the usual start: the app, without loading argparse
            from coach.tui.app import run_app

            return run_app(None, content)
        app_args = _app_args(argv)
        if app_args is not None:
            from coach.tui.app import run_app

            return run_app(app_args.data_dir, content)
        parser, modules = _parser(content)
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        return modules[args.command].run(args, content)
    except UsageError as exc:
        return _fail(content, str(exc), 2)
    except NoHomeError:
        return _fail(content, content.text("errors.no_home"), 1)
    except ContentError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
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


def user_file(raw: str, content: Content) -> Path:
    """A file named on the command line, "~" expanded; without a home folder "~" is a usage error."""
    try:
        return Path(raw).expanduser()
    except RuntimeError:
        raise UsageError(content.text("export.no_home")) from None


def open_store(args: argparse.Namespace, content: Content) -> Store:
    from coach.history.store import Store
    from coach.locations import data_dir

    return Store(data_dir(args.data_dir), content)


def report_problems(store: Store) -> None:
    """Tell the person about any history file that had to be moved aside."""
    content = store.content
    for warning in store.warnings:
        print(content.text("errors.prefix") + warning, file=sys.stderr)
    store.warnings.clear()
    for problem in store.problems:
        print(content.text("errors.prefix") + problem.message(content), file=sys.stderr)
    store.problems.clear()
