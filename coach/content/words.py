"""The words and keys of the app, read straight from content/ui.toml and content/keys.toml (and the
body areas and sides from content/body.toml, for `pain-coach log`).

Importing pydantic and building every content model costs about as much as Textual takes to start, so
the first screen and the quick commands draw from these plain dictionaries, and the app runs the full
validation (coach.content.models) just after its first paint. Both read the same files; `pain-coach
check-content` validates them. The parsed dictionaries are cached (see _load): parsing ui.toml alone
takes longer than drawing the home screen's menu.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import stat
import sys
import tempfile
import zlib
from pathlib import Path
from typing import NamedTuple

from coach.locations import cache_dir, content_dir


class ContentError(Exception):
    """One or more problems in a content folder, one line each: `content/x.toml: a[0].b: what`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class KeyWords(NamedTuple):  # not a dataclass: making one takes a millisecond of the start
    label: str
    help: str = ""


@functools.cache
def _load(name: str) -> dict:
    path = content_dir() / f"{name}.toml"
    try:
        info = path.stat()
    except OSError:
        _explain()
        raise
    # Like Python's .pyc files: the parsed file is kept, and used while the file's time and size match.
    stamp = (str(path), info.st_mtime_ns, info.st_size, sys.version_info[:2])
    cached = _cache_path(path)
    kept = _read_cache(cached) if cached is not None else None
    if kept is not None:
        try:
            kept_stamp, data = marshal.loads(kept)
            if kept_stamp == stamp:
                return data
        except (EOFError, ValueError, TypeError):
            pass  # a cache that cannot be used: parse the file
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):  # ValueError: TOMLDecodeError, long ints
        _explain()
        raise
    if cached is not None:
        _keep(cached, (stamp, data))
    return data


def _cache_path(path: Path) -> Path | None:
    """None without a home folder to keep a cache in."""
    folder = cache_dir()
    # One cache per content folder (a source checkout and an installed copy do not share it).
    return folder and folder / "content" / f"{path.stem}-{zlib.crc32(str(path).encode()):08x}.marshal"


# The cache holds the words pain-coach shows, and marshal must never read what someone else wrote: a cache folder
# (or file) that is not ours alone is not used at all. Folders pain-coach makes are 0700 and files 0600 whatever
# the umask; no name in it is predictable; no symlink is followed. What git and ssh do with ~/.ssh and .git.
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


def _read_cache(cached: Path) -> bytes | None:
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


def _keep(cached: Path, value: tuple[object, ...]) -> None:
    """Write the cache whole or not at all; a cache that cannot be written only costs the next start."""
    partial = None
    try:
        blob = marshal.dumps(value)
        if not _cache_folder(cached.parent, create=True):
            return
        fd, name = tempfile.mkstemp(dir=cached.parent, prefix=f".{cached.name}.", suffix=".tmp")  # 0600, O_EXCL
        partial = Path(name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(partial, cached)  # replaces a symlink planted at `cached` itself, never what it points to
        partial = None
    except (OSError, ValueError):
        pass
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                partial.unlink()


def _explain() -> None:
    """Raise the full validator's precise ContentError for a file the quick reader could not use."""
    from coach.content.models import load_content

    load_content()


def text(key: str, **values: object) -> str:
    """A user-facing string from content/ui.toml: text("home.intro"), text("app.too_small", width=80, ...)."""
    section, _, name = key.partition(".")
    template = _load("ui")[section][name]
    return template.format(**values) if values else template


def key_words(binding_id: str) -> KeyWords:
    """The words of a key binding from content/keys.toml by its id: key_words("home.checkin").label."""
    owner, _, name = binding_id.partition(".")
    try:
        return KeyWords(**_load("keys")[owner][name])
    except (KeyError, TypeError):
        _explain()
        raise


def binding_ids() -> list[str]:
    """Every binding id content/keys.toml has words for (the same as the code's, tests/test_keys.py checks)."""
    return [f"{owner}.{name}" for owner, bindings in _load("keys").items() for name in bindings]


class Choice(NamedTuple):
    id: str
    label: str


def body_choices(kind: str) -> list[Choice]:
    """The `areas` or the `sides` listed in content/body.toml, in their order."""
    try:
        return [Choice(entry["id"], entry["label"]) for entry in _load("body")[kind]]
    except (KeyError, TypeError):
        _explain()
        raise
