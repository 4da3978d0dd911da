"""The zh-CN overlay of ui, keys, about, profile and body: the English files' structure, every text in Chinese.

Each content/zh-CN/<name>.toml is a full copy of content/<name>.toml's keys, tables and list items (by id), so
the loader never falls back to English for them; ids, sources and `{placeholders}` are the English ones.
"""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, datetime
from typing import Any

import pytest
from rich.cells import cell_len
from textual.clock import MockClock

from coach.content.content import Content
from coach.locations import content_dir

FILES = ("ui", "keys", "about", "profile", "body")
PLACEHOLDER = re.compile(r"\{([a-z_0-9]*)(?:[:!][^}]*)?\}")
# The same in both languages on purpose: the app's name, a CLI prefix, answer letters, a file name.
SAME_ON_PURPOSE = {
    "ui.app.title",
    "ui.errors.prefix",
    "ui.checkin.option_keys",
    "ui.export.default_name",
    "ui.key_names.escape",  # keyboards in China print Esc and Enter in English
    "ui.key_names.enter",
}
# Footer labels a little wider than English ("下一步", 6 cells, for "Next"); the footers still fit 80 columns.
WIDER_ON_PURPOSE = {"home.flare_log", "player.next", "player.back", "checkin_list.next"}


def load(name: str, locale: str | None = None) -> dict[str, Any]:
    folder = content_dir() / locale if locale else content_dir()
    return tomllib.loads((folder / f"{name}.toml").read_text(encoding="utf-8"))


def leaves(data: Any, path: str) -> dict[str, Any]:
    """Every value by its path; list items with ids by id (as the loader merges them), others by place."""
    if isinstance(data, dict):
        found: dict[str, Any] = {}
        for key, value in data.items():
            found |= leaves(value, f"{path}.{key}")
        return found
    if isinstance(data, list) and data and all(isinstance(item, dict) and "id" in item for item in data):
        found = {f"{path}[]": [item["id"] for item in data]}
        for item in data:
            found |= leaves(item, f"{path}[{item['id']}]")
        return found
    if isinstance(data, list) and not path.endswith(("sources", "emergency_numbers")):
        found = {}
        for place, item in enumerate(data):
            found |= leaves(item, f"{path}[{place}]")
        return found
    return {path: data}


def pairs(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    return leaves(load(name), name), leaves(load(name, "zh-CN"), name)


# Every key, id, number and placeholder as in English: check-content (coach/content/overlay_check.py), asserted for
# every file by tests/test_locale.py test_zh_cn_ships_complete.


@pytest.mark.parametrize("name", FILES)
def test_every_text_is_in_chinese(name):
    english, chinese = pairs(name)
    left = [
        path
        for path, value in english.items()
        if isinstance(value, str)
        and not path.endswith((".id", "[]"))
        and re.search(r"[A-Za-z]{2}", PLACEHOLDER.sub("", value))
        and chinese[path] == value
        and path not in SAME_ON_PURPOSE
    ]
    assert left == []


def test_no_key_label_is_wider_in_cells_than_the_english_one():
    english, chinese = load("keys"), load("keys", "zh-CN")
    wider = {
        f"{screen}.{name}"
        for screen, bindings in english.items()
        for name, words in bindings.items()
        if cell_len(chinese[screen][name]["label"]) > cell_len(words["label"])
    }
    assert wider <= WIDER_ON_PURPOSE


def test_the_chinese_content_validates_and_shows_chinese_words():
    chinese = Content.load(locale="zh-CN")
    chinese.check()  # the same models and cross-checks as check-content
    assert chinese.text("home.intro") == "你想做什么？"
    assert chinese.key_words("app.quit").label == "退出"
    weeks, days = chinese.counted("weeks", 34), chinese.counted("days", 2)
    assert chinese.text("detail.week_value", weeks=weeks, days=days) == "34周+2天"


def test_the_default_emergency_number_in_chinese_is_120_first_and_the_others_stay():
    from coach.checkin.assessment_text import care_numbers

    lines = care_numbers(Content.load(locale="zh-CN"), "emergency", None, None)
    assert lines[0] == "急救电话："
    assert lines[1].startswith("120 ")
    assert {"999", "112", "911"} <= {line.split()[0] for line in lines[2:]}
    assert "120" in Content.load(locale="zh-CN").text("profile.emergency_label")


async def test_the_home_screen_speaks_chinese_at_80x24(tmp_path):
    from coach.history.store import Store
    from coach.tui.app import PainCoachApp
    from tests.screen_cells import text_of

    chinese = Content.load(locale="zh-CN")
    store = Store(tmp_path, chinese)
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
    app = PainCoachApp(store, chinese, clock=MockClock(), now=lambda: datetime(2026, 11, 26, 21, 0, tzinfo=UTC))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = text_of(app)
    assert "晚上好。" in shown and "你想做什么？" in shown
    assert "孕期疼痛的温和自我护理" in shown  # the header's subtitle
