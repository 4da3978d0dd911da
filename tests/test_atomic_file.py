"""coach.atomic_file: one way to write a file whole, used by the store and by exports."""

from __future__ import annotations

import os
import stat

import pytest

from coach.atomic_file import write_atomic
from coach.history import export_file
from coach.history.records import Settings
from coach.history.store import Store


def fsynced_kinds(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = os.fsync

    def record(fd: int) -> None:
        seen.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", record)
    return seen


def test_the_file_and_then_its_folder_are_fsynced(tmp_path, monkeypatch):
    seen = fsynced_kinds(monkeypatch)
    write_atomic(tmp_path / "a.txt", "one\r\ntwo\n")
    assert seen == ["file", "folder"]
    assert (tmp_path / "a.txt").read_bytes() == b"one\r\ntwo\n"  # newlines as given (CSV keeps CRLF)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temp file left


def test_without_replace_an_existing_file_is_kept(tmp_path):
    (tmp_path / "a.txt").write_text("old")
    with pytest.raises(FileExistsError):
        write_atomic(tmp_path / "a.txt", "new", replace=False)
    assert (tmp_path / "a.txt").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("write", ["month", "settings", "export"])
def test_store_and_export_write_through_it(tmp_path, monkeypatch, write, content):
    store = Store(tmp_path / "data", content)
    store.load_settings()
    seen = fsynced_kinds(monkeypatch)
    if write == "month":
        from tests.history_records import flare

        store.add(flare(0))
    elif write == "settings":
        store.save_settings(Settings(theme="nord"))
    else:
        export_file.write_file(tmp_path / "out.md", "# report\n")
    assert seen[-2:] == ["file", "folder"]
