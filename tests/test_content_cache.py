"""The loader keeps what it parsed (a marshal cache in the cache folder), and never shows words older than the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coach.content.content import Content


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    return folder


def write(folder: Path, words: str, mtime: int) -> None:
    path = folder / "ui.toml"
    path.write_text(f'[home]\nintro = "{words}"\n', encoding="utf-8")
    os.utime(path, ns=(mtime, mtime))


def read_afresh(folder: Path) -> str:
    return Content.load(folder=folder).text("home.intro")  # as a new start of the app


def test_an_edited_content_file_is_read_again(folder, isolated_dirs):
    write(folder, "one", 1_000_000_000_000_000_000)
    assert read_afresh(folder) == "one"
    assert list((isolated_dirs.parent / "cache").rglob("*.marshal")), "the parsed file should be kept"
    assert read_afresh(folder) == "one"
    write(folder, "two", 1_000_000_001_000_000_000)  # same size, saved a second later
    assert read_afresh(folder) == "two"
    write(folder, "three", 1_000_000_001_000_000_000)  # same time, longer
    assert read_afresh(folder) == "three"


def test_a_damaged_cache_is_ignored_and_replaced(folder, isolated_dirs):
    write(folder, "one", 1_000_000_000_000_000_000)
    assert read_afresh(folder) == "one"
    (kept,) = (isolated_dirs.parent / "cache").rglob("*.marshal")
    kept.write_bytes(b"\x00not a cache")
    assert read_afresh(folder) == "one"
    assert read_afresh(folder) == "one"
    assert kept.read_bytes() != b"\x00not a cache"


def test_an_unwritable_cache_folder_still_shows_the_words(folder, isolated_dirs, monkeypatch):
    blocker = isolated_dirs.parent / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("PAIN_COACH_CACHE_DIR", str(blocker))
    write(folder, "one", 1_000_000_000_000_000_000)
    assert read_afresh(folder) == "one"
