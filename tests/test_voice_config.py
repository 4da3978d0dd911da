"""config.toml's voice settings: read when usable, one line each when not, and the palette's choice wins."""

from __future__ import annotations

from coach.config import Config, read_config
from coach.routines.voice_choice import next_mode, voice_choice
from tests.packaged import CONTENT


def read(tmp_path, text: str) -> Config:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return read_config(CONTENT, path, set(CONTENT.binding_ids()), lambda keys: True)


def test_usable_voice_settings_are_read(tmp_path):
    config = read(tmp_path, 'voice = "steps+breathing"\nvoice_rate = 120\nvoice_name = "en-us"\n[keys]\n')
    assert (config.voice, config.voice_rate, config.voice_name, config.problems) == (
        "steps+breathing",
        120,
        "en-us",
        [],
    )
    choice = voice_choice(CONTENT, None, config)
    assert (choice.mode, choice.voice, choice.rate) == ("steps+breathing", "en-us", 120)


def test_each_unusable_voice_setting_is_one_line_and_the_default_stays(tmp_path):
    config = read(tmp_path, 'voice = "loud"\nvoice_rate = 9000\nvoice_name = "--stdout"\n')
    assert len(config.problems) == 3
    assert 'voice should be one of "off", "steps", "steps+breathing"' in config.problems[0]
    assert "from 80 to 300" in config.problems[1]
    assert "espeak-ng voice name" in config.problems[2]  # never an option to espeak-ng
    choice = voice_choice(CONTENT, None, config)
    assert (choice.mode, choice.voice, choice.rate) == ("off", "en-gb", 145)


def test_the_palettes_choice_wins_over_config():
    config = Config(voice="steps")
    assert voice_choice(CONTENT, "off", config).mode == "off"
    assert voice_choice(CONTENT, None, config).mode == "steps"
    assert [next_mode(m) for m in ("off", "steps", "steps+breathing")] == ["steps", "steps+breathing", "off"]
