"""The first screen's styles as Textual parsed them at the last start, kept in the cache folder (coach.cache_file).

Parsing the stylesheets the first screen needs (Textual's own widgets' and app.tcss) took about 7 ms of a start
of about 200; reading them back takes under 1. Textual keeps what it has parsed in its stylesheet's parse cache,
keyed by the CSS text itself and where and how it was read: a source changed since (an upgrade, an edited
app.tcss) is not found there and is parsed as before. The rules also depend on the theme's colours and on
Textual's own classes, so the file is used only with the same Textual, Python and theme variables; a person's
own theme is applied after the first parse and parses again, as it did without this file.

The rules are Textual's objects, so the file is a pickle: like the words' cache it is read only from a folder
and a file that are the person's alone. Written against Textual 8.2.8's Stylesheet (as coach.tui.single_layout).
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import Any

import textual
import textual.color
import textual.css.model
import textual.css.styles
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from coach import cache_file
from coach.locations import cache_dir

# Textual's key of its parse cache: (css, read_from, is_default_rules, tie_breaker, scope).
ParseKey = tuple[Any, ...]
Kept = dict[ParseKey, list[RuleSet]]


def _path() -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    # One file per copy of pain-coach (a source checkout and an installed copy do not share it).
    return folder / "styles" / f"first-screen-{zlib.crc32(str(Path(__file__).parent).encode()):08x}.pickle"


# Where the kept rules' classes come from (textual.__version__ reads the package's metadata: 17 ms).
_TEXTUAL_FILES = [str(module.__file__) for module in (textual, textual.css.model, textual.css.styles, textual.color)]


def _stamp(stylesheet: Stylesheet) -> tuple[Any, ...]:
    textual_files = []
    for path in _TEXTUAL_FILES:
        try:
            info = os.stat(path)
        except OSError:
            return ()  # matches no file's
        textual_files.append((path, info.st_mtime_ns, info.st_size))
    return textual_files, sys.version_info[:2], sorted(stylesheet._variables.items())


def load(stylesheet: Stylesheet) -> Kept:
    """Hand `stylesheet` the rules kept at the last start, if they were parsed as it would parse them; those
    handed (for `worth_keeping`)."""
    path = _path()
    blob = cache_file.read(path) if path is not None else None
    if blob is None:
        return {}
    try:
        stamp, kept = pickle.loads(blob)
    except Exception:  # a damaged file may raise anything as it is read: it is made again
        return {}
    if stamp != _stamp(stylesheet) or not isinstance(kept, dict):
        return {}
    for key, rules in kept.items():
        stylesheet._parse_cache.set(key, rules)
    return kept


def worth_keeping(stylesheet: Stylesheet, loaded: Kept) -> bytes | None:
    """At the first frame: the parsed rules of every source `stylesheet` has (this first screen's), with those of
    other sources `load` handed it (the other first screen's: the notice's, home's), as the file's bytes; None if
    that is what `load` handed it (nothing to write). A source read again in another version replaces its old one."""
    now: Kept = {}
    for read_from, (css, is_default, tie_breaker, scope) in stylesheet.source.items():
        key = (css, read_from, is_default, tie_breaker, scope)
        rules = stylesheet._parse_cache.get(key)
        if rules is not None:
            now[key] = rules
    sources = {key[1] for key in now}
    kept = {key: rules for key, rules in loaded.items() if key[1] not in sources} | now
    if not now or kept.keys() == loaded.keys():
        return None
    return pickle.dumps((_stamp(stylesheet), kept), protocol=pickle.HIGHEST_PROTOCOL)


def keep(blob: bytes) -> None:
    """Write what `worth_keeping` made (off the loop: it is a file write)."""
    path = _path()
    if path is not None:
        cache_file.keep(path, blob)
