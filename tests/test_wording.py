"""The quick reader of ui.toml and keys.toml keeps what it parsed, and never shows words older than the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coach.content import words as wording


@pytest.fixture
def content(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    monkeypatch.setattr(wording, "content_dir", lambda: folder)
    wording._load.cache_clear()
    yield folder
    wording._load.cache_clear()  # the next test reads the real content again


def write(folder: Path, words: str, mtime: int) -> None:
    path = folder / "ui.toml"
    path.write_text(f'[home]\nintro = "{words}"\n', encoding="utf-8")
    os.utime(path, ns=(mtime, mtime))


def read_afresh() -> str:
    wording._load.cache_clear()  # as a new start of the app
    return wording.text("home.intro")


def test_an_edited_content_file_is_read_again(content, isolated_dirs):
    write(content, "one", 1_000_000_000_000_000_000)
    assert read_afresh() == "one"
    assert list((isolated_dirs.parent / "cache").rglob("*.marshal")), "the parsed file should be kept"
    assert read_afresh() == "one"
    write(content, "two", 1_000_000_001_000_000_000)  # same size, saved a second later
    assert read_afresh() == "two"
    write(content, "three", 1_000_000_001_000_000_000)  # same time, longer
    assert read_afresh() == "three"


def test_a_damaged_cache_is_ignored_and_replaced(content, isolated_dirs):
    write(content, "one", 1_000_000_000_000_000_000)
    assert read_afresh() == "one"
    (kept,) = (isolated_dirs.parent / "cache").rglob("*.marshal")
    kept.write_bytes(b"\x00not a cache")
    assert read_afresh() == "one"
    assert read_afresh() == "one"
    assert kept.read_bytes() != b"\x00not a cache"


def test_an_unwritable_cache_folder_still_shows_the_words(content, isolated_dirs, monkeypatch):
    blocker = isolated_dirs.parent / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("PAIN_COACH_CACHE_DIR", str(blocker))
    write(content, "one", 1_000_000_000_000_000_000)
    assert read_afresh() == "one"
