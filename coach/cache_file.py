"""Files pain-coach keeps in its cache folder (coach.locations.cache_dir) and can always make again: the parsed
words of the content files (coach.content.loader), the first screen's parsed styles (coach.tui.style_cache).

What they hold is read back as code reads its own data (marshal, pickle), so a file is read only when nobody
else could have written it, and written whole or not at all.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

# A cache folder (or file) that is not ours alone is not used at all. Folders pain-coach makes are 0700 and files
# 0600 whatever the umask; no name in it is predictable; no symlink is followed. What git and ssh do with ~/.ssh
# and .git.
CACHE_LIMIT = 4 * 1024 * 1024


def _private(info: os.stat_result, kind: int) -> bool:
    return stat.S_IFMT(info.st_mode) == kind and info.st_uid == os.getuid() and not info.st_mode & 0o022


def _cache_folder(folder: Path, create: bool) -> bool:
    """Is `folder` (and the pain-coach cache folder above it) a real folder of ours that nobody else can write?
    With `create`, make what is missing, 0700."""
    for each in (folder.parent, folder):
        try:
            info = os.lstat(each)
        except FileNotFoundError:
            if not create:
                return False
            try:
                os.makedirs(each.parent, mode=0o700, exist_ok=True)
                os.mkdir(each, 0o700)
                os.chmod(each, 0o700)  # mkdir's mode is cut by the umask; only this one folder, which we made
                info = os.lstat(each)
            except OSError:
                return False
        except OSError:
            return False
        if not _private(info, stat.S_IFDIR):
            return False
    return True


def read(cached: Path) -> bytes | None:
    """The bytes of `cached`, if it and its folders are ours alone and it is not too big; otherwise None."""
    if not _cache_folder(cached.parent, create=False):
        return None
    try:
        fd = os.open(cached, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        if not _private(os.fstat(fh.fileno()), stat.S_IFREG):
            return None
        blob = fh.read(CACHE_LIMIT + 1)
    return blob if len(blob) <= CACHE_LIMIT else None


def keep(cached: Path, blob: bytes) -> None:
    """Write `blob` at `cached` whole or not at all, in folders of ours alone; a cache that cannot be written only
    costs the next start."""
    partial = None
    try:
        if not _cache_folder(cached.parent, create=True):
            return
        fd, name = tempfile.mkstemp(dir=cached.parent, prefix=f".{cached.name}.", suffix=".tmp")  # 0600, O_EXCL
        partial = Path(name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(partial, cached)  # replaces a symlink planted at `cached` itself, never what it points to
        partial = None
    except OSError:
        pass
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                partial.unlink()
