"""The one reader of content files: TOML parsed once, kept in a marshal cache, a locale's overlay on top.

Like Python's .pyc files, the parsed form of each file is kept in the user cache folder and used while the
file's time and size match: parsing ui.toml alone takes longer than drawing the home screen's menu.

A locale other than English is an overlay folder beside the English files (`content/zh-CN/ui.toml`, same
keys): what it gives replaces the English key by key, and whatever it leaves out stays English.

No pydantic here: the words of the first screen are read from these plain dictionaries (coach.content.content).
"""

from __future__ import annotations

import contextlib
import marshal
import sys
import zlib
from pathlib import Path
from typing import Any

from coach import cache_file
from coach.locations import cache_dir

# Every content file, by stem, in the order their bytes make the content's version.
FILES = (
    "ui",
    "keys",
    "about",
    "body",
    "exercises",
    "routines",
    "questionnaire",
    "triage",
    "advice",
    "profile",
    "voice",
    "report",
)
BASE_LOCALE = "en"

Data = dict[str, Any]


class ContentError(Exception):
    """One or more problems in a content folder, one line each: `content/x.toml: a[0].b: what`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class FileProblem(Exception):
    """One file could not be read: its words are ui.toml [content_problems] `key` (Content.problem_words);
    str() is the English line, for when ui.toml itself is the file that cannot be read."""

    def __init__(self, key: str, **values: object):
        self.key = key
        self.values = values
        super().__init__(ENGLISH_PROBLEMS[key].format(**values))


# The one place words live in code: a content file that cannot be read may be ui.toml, which holds the words.
ENGLISH_PROBLEMS = {
    "missing": "missing file",
    "unreadable": "cannot be read ({reason})",
    "too_big": "larger than {limit} MB, so not read",
    "too_deep": "not valid TOML: nested too deeply to read",
    "not_toml": "not valid TOML: {reason}",
}


CONTENT_LIMIT = 16 * 1024 * 1024  # the largest content file is tens of kB


class TooBig(Exception):
    """A content or routine file larger than CONTENT_LIMIT: not read whole."""


def read_toml_bytes(path: Path, limit: int = CONTENT_LIMIT) -> bytes:
    """A file's bytes, never more than `limit` read; TooBig when it is larger."""
    with open(path, "rb") as fh:
        raw = fh.read(limit + 1)
    if len(raw) > limit:
        raise TooBig(path)
    return raw


def read_toml(path: Path) -> Data:
    """A TOML file as a dict, from the cache while the file is unchanged; FileProblem when it cannot be used."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FileProblem("missing") from None
    except OSError as exc:
        raise FileProblem("unreadable", reason=exc.strerror or exc) from None
    stamp = (str(path), info.st_mtime_ns, info.st_size, sys.version_info[:2])
    cached = _cache_path(path)
    kept = cache_file.read(cached) if cached is not None else None
    if kept is not None:
        try:
            kept_stamp, data = marshal.loads(kept)
            if kept_stamp == stamp and isinstance(data, dict):
                return data
        except (EOFError, ValueError, TypeError):
            pass  # a cache that cannot be used: parse the file
    import tomllib

    try:
        data = tomllib.loads(read_toml_bytes(path).decode("utf-8"))
    except FileNotFoundError:
        raise FileProblem("missing") from None
    except TooBig:
        raise FileProblem("too_big", limit=CONTENT_LIMIT // 1024 // 1024) from None
    except OSError as exc:  # no permission, a folder of that name, an I/O error
        raise FileProblem("unreadable", reason=exc.strerror or exc) from None
    except RecursionError:
        raise FileProblem("too_deep") from None
    except (UnicodeDecodeError, ValueError) as exc:  # TOMLDecodeError, and integers over 4300 digits
        raise FileProblem("not_toml", reason=exc) from None
    if cached is not None:
        with contextlib.suppress(ValueError):  # what marshal cannot write only costs the next start
            cache_file.keep(cached, marshal.dumps((stamp, data)))
    return data


def overlay_path(folder: Path, locale: str, name: str) -> Path | None:
    """Where a locale's version of a file would be; None for the base locale, which has none."""
    return None if locale == BASE_LOCALE else folder / locale / f"{name}.toml"


def read_file(folder: Path, name: str, locale: str = BASE_LOCALE) -> Data:
    """One content file in one locale: the English file with the locale's overlay, if any, on top."""
    data = read_toml(folder / f"{name}.toml")
    extra = overlay_path(folder, locale, name)
    if extra is not None and extra.is_file():
        data = overlay(data, read_toml(extra))
    return data


def overlay(base: Any, over: Any) -> Any:
    """`over` on top of `base`, key by key: tables merge, lists of items with ids merge by id, the rest replaces."""
    if isinstance(base, dict) and isinstance(over, dict):
        merged = dict(base)
        for key, value in over.items():
            merged[key] = overlay(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(over, list) and _all_have_ids(base) and _all_have_ids(over):
        given = {item["id"]: item for item in over}
        return [overlay(item, given[item["id"]]) if item["id"] in given else item for item in base]
    return over


def _all_have_ids(items: list[Any]) -> bool:
    return bool(items) and all(isinstance(item, dict) and isinstance(item.get("id"), str) for item in items)


def file_bytes(folder: Path, name: str, locale: str = BASE_LOCALE) -> bytes:
    """The bytes a file's version digest is made of (the overlay's after the English file's)."""
    raw = (folder / f"{name}.toml").read_bytes()
    extra = overlay_path(folder, locale, name)
    if extra is not None and extra.is_file():
        raw += extra.read_bytes()
    return raw


def _cache_path(path: Path) -> Path | None:
    """None without a home folder to keep a cache in."""
    folder = cache_dir()
    if folder is None:
        return None
    # One cache per content file (a source checkout and an installed copy do not share it).
    return folder / "content" / f"{path.stem}-{zlib.crc32(str(path).encode()):08x}.marshal"
