"""Write a file whole or not at all: the history's months, profile and settings, and exported files.

A temp file in the same folder is written, flushed and fsynced, then moved into place in one step
(`os.replace`, or `os.link` when an existing file must not be replaced), and the folder is fsynced so the
new name survives a power cut. Readers see the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


def write_atomic(path: Path, body: str, *, replace: bool = True, mode: int = 0o600) -> None:
    """Put `body` (UTF-8, newlines as given) at `path`. With `replace=False` an existing file is left
    alone and FileExistsError raised, checked at the moment of linking so nothing can slip in between."""
    with atomic_writer(path, replace=replace, mode=mode) as fh:
        fh.write(body)


@contextlib.contextmanager
def atomic_writer(path: Path, *, replace: bool = True, mode: int = 0o600) -> Iterator[TextIO]:
    """A file to write `path` through piece by piece: it appears whole when the block ends, and not at all
    if the block raises (the temp file is removed). `replace` as for `write_atomic`."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if `path` exists
        fsync_folder(path.parent)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # after os.replace it is already gone


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable. Some file systems cannot fsync a folder: the file is in place
    already, so that is not worth failing the write for."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
