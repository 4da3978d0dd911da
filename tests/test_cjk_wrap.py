"""Chinese lines break between characters, never before a closing mark; English lines break as rich breaks them."""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest
import rich._wrap
from rich._wrap import divide_line

from coach.locations import content_dir
from coach.tui import cjk_wrap

RICH_WORD = re.compile(r"\s*\S+\s*")  # rich's own pattern, which cjk_wrap replaces
CLOSING = set(cjk_wrap._CLOSING)


def texts(locale_folder: str = "") -> Iterator[str]:
    def walk(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    folder = content_dir() / locale_folder if locale_folder else content_dir()
    for path in sorted(folder.glob("*.toml")):
        yield from walk(tomllib.loads(path.read_text(encoding="utf-8")))


def lines(text: str, width: int) -> list[str]:
    cuts = [0, *divide_line(text, width), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


@pytest.fixture
def installed(monkeypatch):
    monkeypatch.setattr(rich._wrap, "re_word", cjk_wrap.WORD)


@pytest.mark.parametrize("width", [20, 37, 76])
def test_english_text_is_divided_exactly_as_before(width, monkeypatch):
    english = list(texts())
    monkeypatch.setattr(rich._wrap, "re_word", RICH_WORD)
    before = [divide_line(text, width) for text in english]
    monkeypatch.setattr(rich._wrap, "re_word", cjk_wrap.WORD)
    assert [divide_line(text, width) for text in english] == before


@pytest.mark.parametrize("width", [30, 37, 76])  # narrower, a long English word in Chinese text is folded
def test_no_chinese_line_begins_with_a_closing_mark_and_none_overflows(width, installed):
    from rich.cells import cell_len

    for text in texts("zh-CN"):
        if "{" in text:
            continue  # a template: its placeholders are filled before it is shown
        for line in lines(text, width)[1:]:
            assert line[:1] not in CLOSING, (text, width, line)
        for line in lines(text, width):
            assert cell_len(line.rstrip()) <= width or " " not in line.strip(), (text, width, line)


def test_a_bullet_keeps_its_chinese_text_on_its_line(installed):
    text = "• 侧卧睡：两膝之间夹一个枕头，肚子下面也可以垫一个小枕头，这样骨盆更平衡。"
    first = lines(text, 30)[0]
    assert first.startswith("• 侧卧睡：两膝") and len(first) > 10


def test_the_app_divides_chinese_this_way():
    import coach.tui.app  # noqa: F401  (installing happens as the app's module loads)

    assert rich._wrap.re_word is cjk_wrap.WORD


def test_english_lines_are_divided_without_the_chinese_pattern(installed):
    """Its character classes take milliseconds to compile: a first screen in English does without them."""
    cjk_wrap.wide_words.cache_clear()
    for text in texts():
        divide_line(text, 37)
    assert cjk_wrap.wide_words.cache_info().currsize == 0
    assert lines("痛 pain", 4) == ["痛 ", "pain"]
    assert cjk_wrap.wide_words.cache_info().currsize == 1
