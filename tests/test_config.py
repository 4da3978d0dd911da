"""coach.config reads a person's config.toml: usable [keys] entries, and one line for each that is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.config import Config, read_config
from coach.tui.keymap import person_keys
from tests.packaged import CONTENT

KNOWN = {"home.checkin", "home.history", "app.quit"}


def readable(keys: str) -> bool:  # a stand-in for coach.tui.keymap.readable: anything but "bad"
    return "bad" not in keys


@pytest.fixture
def config_toml(tmp_path) -> Path:
    return tmp_path / "config.toml"


def read(path: Path, toml: str | bytes) -> Config:
    if isinstance(toml, bytes):
        path.write_bytes(toml)
    else:
        path.write_text(toml, encoding="utf-8")
    return read_config(CONTENT, path, KNOWN, readable)


def test_no_file_or_no_home_means_the_defaults(config_toml):
    assert read_config(CONTENT, config_toml, KNOWN, readable) == Config()
    assert read_config(CONTENT, None, KNOWN, readable) == Config()


def test_dotted_quoted_and_nested_ids_all_read(config_toml):
    config = read(config_toml, '[keys]\nhome.checkin = "k"\n"app.quit" = "ctrl+x,f10"\n')
    assert config.keys == {"home.checkin": "k", "app.quit": "ctrl+x,f10"}
    assert config.problems == []
    config = read(config_toml, '[keys.home]\nhistory = "y"\n')
    assert config == Config(keys={"home.history": "y"})


@pytest.mark.parametrize(
    ("toml", "line"),
    [
        (
            '[keys]\nhome.chekin = "k"',
            "keys.home.chekin: there is no key binding 'home.chekin' (did you mean 'home.checkin'?)",
        ),
        (
            '[keys]\nnothing.like.it = "k"',
            "keys.nothing.like.it: there is no key binding 'nothing.like.it'; it is ignored.",
        ),
        ("[keys]\nhome.checkin = 3", "keys.home.checkin: the key should be in quotes"),
        ('[keys]\nhome.checkin = ["k"]', "keys.home.checkin: the key should be in quotes"),
        ('[keys]\nhome.checkin = "bad"', "keys.home.checkin: 'bad' is not a key pain-coach can read"),
        ('keys = "k"', "keys should be a table of binding ids and keys"),
        ("[keys]\nhome.checkin = 'k", "not valid TOML ("),
        (b"[keys]\nhome.checkin = '\xff'", "could not be read ("),
    ],
)
def test_each_bad_entry_is_one_line_naming_the_file_and_the_entry(config_toml, toml, line):
    config = read(config_toml, toml)
    (problem,) = config.problems
    assert problem.startswith(f"{config_toml}: ")
    assert line in problem
    assert "\n" not in problem
    assert config.keys == {}


def test_good_entries_are_kept_beside_bad_ones(config_toml):
    config = read(config_toml, '[keys]\nhome.checkin = "bad"\nhome.history = "y"\n')
    assert config.keys == {"home.history": "y"}
    assert len(config.problems) == 1


def test_an_unknown_section_is_named_and_the_keys_still_apply(config_toml):
    config = read(config_toml, '[kyes]\nhome.checkin = "k"\n\n[keys]\napp.quit = "ctrl+x"\n')
    assert config.keys == {"app.quit": "ctrl+x"}
    assert config.problems == [f"{config_toml}: [kyes] is not a pain-coach setting (it reads [keys]); it is ignored."]


def test_an_unreadable_file_is_one_line(config_toml):
    config_toml.mkdir()  # a folder where the file should be
    (problem,) = read_config(CONTENT, config_toml, KNOWN, readable).problems
    assert problem.startswith(f"{config_toml}: could not be read (")


def test_the_app_reads_the_config_folder_with_the_real_ids_and_keys(isolated_dirs):
    path = isolated_dirs.parent / "config" / "config.toml"  # PAIN_COACH_CONFIG_DIR (tests/conftest.py)
    path.parent.mkdir(parents=True)
    path.write_text('[keys]\nhome.checkin = "ctrl+k"\nhistory.search = "ctlr+f"\n')
    config = person_keys(CONTENT)
    assert config.keys == {"home.checkin": "ctrl+k"}
    assert config.problems == [
        f"{path}: keys.history.search: 'ctlr+f' is not a key pain-coach can read "
        '(try a letter, "f2" or "ctrl+k"); the default is kept.'
    ]
