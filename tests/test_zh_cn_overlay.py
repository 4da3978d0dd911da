"""The zh-CN overlay of the check-in and routine files is a full copy of the English ones, with only the words
translated: every key and id present both ways, the same placeholders, the same Markdown lists, nothing that
steers the app (levels, flags, weeks, holds, `when` rules, sources) changed, and cue lines short enough to read
at a glance mid-stretch (measured in cells: a Chinese character is two).
"""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from coach.content.content import Content
from coach.locations import content_dir

FILES = ("triage", "questionnaire", "advice", "exercises", "routines")
LOCALE = "zh-CN"
# The keys whose string values are words a person reads; every other value must stay exactly as in English.
WORDS = {
    "action",
    "body",
    "cautions",
    "conditions",
    "cues",
    "emergency_default",
    "help",
    "label",
    "name",
    "position",
    "postnatal",
    "postnatal_action",
    "postnatal_title",
    "summary",
    "targets",
    "text",
    "title",
    "unwell",
    "unwell_title",
    "why",
}
CUE_CELLS = 36
HAN = re.compile(r"[\u4e00-\u9fff]")


def read(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def markdown_shape(text: str) -> list[str]:
    """The Markdown a text is built of: list items, headings and bold spans, in order."""
    shape = [line.split(" ", 1)[0] for line in text.splitlines() if re.match(r"\s*([-*]|#+|\d+\.) ", line)]
    return shape + ["**"] * text.count("**")


def differences(english: Any, chinese: Any, where: str, words: bool = False) -> list[str]:
    """Every way `chinese` is not the same shape as `english`, one line each."""
    if isinstance(english, dict):
        if not isinstance(chinese, dict):
            return [f"{where}: a table in English"]
        found = [f"{where}.{key}: missing" for key in english if key not in chinese]
        found += [f"{where}.{key}: not in English" for key in chinese if key not in english]
        for key in english.keys() & chinese.keys():
            found += differences(english[key], chinese[key], f"{where}.{key}", key in WORDS)
        return found
    if isinstance(english, list):
        if not isinstance(chinese, list) or len(chinese) != len(english):
            return [f"{where}: {len(english)} items in English"]
        found = []
        for index, (one, other) in enumerate(zip(english, chinese, strict=True)):
            if isinstance(one, dict) and isinstance(other, dict) and one.get("id") != other.get("id"):
                found.append(f"{where}[{index}]: id {other.get('id')!r}, English has {one.get('id')!r}")
            found += differences(one, other, f"{where}[{index}]", words)
        return found
    if words and isinstance(english, str):
        if not isinstance(chinese, str) or not HAN.search(chinese):
            return [f"{where}: not translated ({chinese!r})"]
        found = []
        if placeholders(english) != placeholders(chinese):
            found.append(
                f"{where}: placeholders {sorted(placeholders(chinese))}, English {sorted(placeholders(english))}"
            )
        if markdown_shape(english) != markdown_shape(chinese):
            found.append(f"{where}: Markdown differs from English")
        return found
    return [] if english == chinese else [f"{where}: {chinese!r}, English has {english!r}"]


@pytest.mark.parametrize("name", FILES)
def test_the_chinese_file_has_every_english_key_and_id_and_changes_only_words(name):
    folder = content_dir()
    english = read(folder / f"{name}.toml")
    chinese = read(folder / LOCALE / f"{name}.toml")

    assert differences(english, chinese, f"content/{LOCALE}/{name}.toml") == []


def test_the_chinese_content_loads_and_passes_every_check():
    Content.load(locale=LOCALE).check()


def test_chinese_cues_can_be_read_at_a_glance():
    exercises = Content.load(locale=LOCALE).exercises.exercises
    too_wide = [(e.id, cue, cell_len(cue)) for e in exercises for cue in e.cues if cell_len(cue) > CUE_CELLS]

    assert too_wide == []


def test_the_chinese_words_are_the_ones_shown():
    """The overlay is what a person in zh-CN reads: a question, a red flag, a cue and a routine's name."""
    chinese = Content.load(locale=LOCALE)

    assert chinese.questionnaire.questions[0].text == "哪里痛？"
    assert next(f for f in chinese.triage.flags if f.id == "saddle-numbness").label == "外阴、肛门周围或大腿内侧发麻"
    assert next(e for e in chinese.exercises.exercises if e.id == "belly-breathing").cues[0] == "手放在肚子上，肩膀放松"
    assert next(r for r in chinese.routines.routines if r.id == "desk-break").name == "久坐休息操"
