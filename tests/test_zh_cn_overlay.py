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
from coach.history.records import Profile
from coach.history.store import Store
from coach.locations import content_dir
from tests.conftest import FIXED_NOW
from tests.screen_cells import text_of
from tests.shots import CALM, TO_RELAX, at_30_weeks_with_pgp

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


# --- what a person in zh-CN sees, at 80x24 ------------------------------------------------------------------


@pytest.fixture
def zh_app(isolated_dirs):
    """The real app on the zh-CN content, past its first-run notice, at 30 weeks with pelvic girdle pain."""
    from textual.clock import MockClock

    from coach.tui.app import PainCoachApp

    chinese = Content.load(locale=LOCALE)
    store = Store(isolated_dirs, chinese)
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
    at_30_weeks_with_pgp(store)
    return PainCoachApp(store, chinese, clock=MockClock(), now=lambda: FIXED_NOW), store


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def flat(app) -> str:
    """The screen's words with the line breaks and the list's side borders taken out (a label may wrap)."""
    return re.sub(r"[\s▊▎]+", "", text_of(app))


async def test_a_chinese_check_in_asks_in_chinese_and_a_red_flag_leads_to_care(zh_app):
    app, store = zh_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "c")
        assert "哪里痛？" in text_of(app)
        await press(pilot, *CALM, "n", "n", "n")
        assert "你有没有注意到下面这些情况？" in text_of(app)
        # At 30 weeks: painful contractions are asked, the signs that labour may be starting (from 37) are not.
        assert "规律的、有疼痛的宫缩或肚子发紧" in flat(app)
        assert "间隔越来越短" not in flat(app)
        await press(pilot, "d", "enter", "n")  # baby moving less
        assert type(app.screen).__name__ == "RedFlagScreen"
        assert "现在就联系你的产科或助产士" in text_of(app)
        assert "胎动减少或和平时不一样" in flat(app)
    [checkin] = store.query(kind="checkin")
    assert (checkin.level, checkin.flags) == ("urgent", ["baby-movements"])


async def test_the_chinese_player_shows_the_step_and_every_cue_whole(zh_app):
    app, _ = zh_app
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, *TO_RELAX, "4", "enter", "n")  # evening wind-down, pain 4, on to the belly breathing
        assert type(app.screen).__name__ == "PlayerScreen"
        screen = text_of(app)
        assert "缓慢腹式呼吸" in screen
        for cue in next(e for e in app.content.exercises.exercises if e.id == "belly-breathing").cues:
            assert cue in screen


async def test_after_the_birth_the_chinese_check_in_asks_the_postnatal_signs(zh_app):
    app, store = zh_app
    store.save_profile(Profile(date_basis="born", birth_date=FIXED_NOW.date().replace(day=1)))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "c", *CALM, "n", "n")
        assert "分娩以后，你现在有下面这些情况吗？" in text_of(app)
        await press(pilot, "n")
        assert "剖宫产伤口或缝线处发红、发热、肿胀、渗液或裂开" in flat(app)
        assert "胎动" not in text_of(app)
