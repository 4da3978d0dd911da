"""Where an export goes, and getting it there whole: the format and target checks made before the history is
read, and the writing of the text to a file (whole or absent), a device or a pipe, or stdout. Both ways of
exporting use it (coach.history.export with the records' models, coach.history.plain_export without). No
pydantic.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Generic, TextIO, TypeVar

from coach.atomic_file import atomic_writer, write_atomic
from coach.content.content import Content
from coach.history.store import Store, os_problem

_T = TypeVar("_T")
FORMATS = ("json", "csv", "md", "html")
EXTENSIONS = {"json": "json", "csv": "csv", "md": "md", "html": "html"}
SPOOL_LIMIT = 8 * 1024 * 1024  # characters of an export kept in memory before it is spooled to a temp file


class ExportError(Exception):
    """Why an export was not written. `reason`: "format" or "exists" (the person asked for something that
    cannot be done as asked), "no_folder" or "os" (the file system); str() is the message to show. For
    "exists" each caller says how to replace the file in its own way (--force, a checkbox)."""

    def __init__(self, reason: str, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


@dataclass(frozen=True)
class Exported:
    count: int  # records exported
    path: Path | None  # None: printed


class Counted(Generic[_T]):
    """The records as they pass, counted."""

    def __init__(self, records: Iterable[_T]) -> None:
        self.records = records
        self.count = 0

    def __iter__(self) -> Iterator[_T]:
        for record in self.records:
            self.count += 1
            yield record


def default_path(content: Content, fmt: str, today: date) -> Path:
    return Path("~") / content.text("export.default_name", date=today.isoformat(), ext=EXTENSIONS[fmt])


def check_format(content: Content, fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(
            "format", content.text("errors.bad_choice", what="--format", valid=", ".join(FORMATS), value=fmt)
        )


def check_target(content: Content, path: Path, force: bool) -> bool:
    """Refuse early, before reading the history, when the file cannot be written as asked. True: `path` is a
    device or a pipe (/dev/null, a FIFO), to be written into, never replaced by a file."""
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ExportError("os", os_problem(content, exc, path, export=True), path) from exc
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return True
    if mode is not None and not stat.S_ISREG(mode):
        raise ExportError("not_a_file", content.text("errors.not_a_file", path=path), path)
    if mode is not None and not force:
        raise ExportError("exists", str(path), path)
    if not path.parent.is_dir():
        raise ExportError("no_folder", content.text("export.no_folder", folder=path.parent), path)
    return False


def write_file(path: Path, body: str, force: bool = False) -> None:
    """Write `body` to `path` whole or not at all. Without `force` an existing file is left alone
    (FileExistsError), checked at the moment of linking so nothing can slip in between."""
    write_atomic(path, body, replace=force)


def write_into(path: Path, body: IO[str]) -> None:
    """Write into a device or a pipe where it is: it is not a file to replace."""
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    if not (stat.S_ISCHR(os.fstat(fd).st_mode) or stat.S_ISFIFO(os.fstat(fd).st_mode)):
        os.close(fd)  # swapped for something else since the check: leave it alone
        raise FileExistsError(path)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        shutil.copyfileobj(body, fh)


def write_export(
    content: Content,
    store: Store,
    text: Iterable[str],
    *,
    path: Path | None,
    into: bool,
    force: bool,
    on_read: Callable[[Store], None] | None,
    out: TextIO | None,
) -> None:
    """Write the export's `text` as it is made to `path` whole (`into`: a device or a pipe, written into), or
    with no path to `out` (stdout by default), once all of it is made. `on_read` runs once the text is made,
    before anything is in place. Raises ExportError; nothing is written then."""
    with contextlib.ExitStack() as held:
        try:
            if path is None or into:
                spool = held.enter_context(
                    tempfile.SpooledTemporaryFile(SPOOL_LIMIT, "w+", encoding="utf-8", newline="")
                )
                spool.writelines(text)
                if on_read is not None:
                    on_read(store)
                spool.seek(0)
                if path is not None:
                    write_into(path, spool)
            else:
                with atomic_writer(path, replace=force) as fh:
                    fh.writelines(text)
                    if on_read is not None:
                        on_read(store)
        except FileExistsError:
            raise ExportError("exists", str(path), path) from None
        except OSError as exc:
            where = path or Path(tempfile.gettempdir())
            raise ExportError("os", os_problem(content, exc, where, export=True), where) from exc
        if path is None:
            shutil.copyfileobj(spool, out or sys.stdout)  # a closed pipe (`| head`) is the caller's to handle
