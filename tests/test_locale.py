"""Issue 14's machinery: choosing the language, every word from its Content, Chinese dates, widths in cells, and
check-content per locale. The Chinese words here come from a small overlay of the test's own (in tmp), so these
tests stand whatever state content/zh-CN is in; test_zh_cn_ships_complete checks the real one."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import OptionList

from coach.checkin.pregnancy import DateProblem, parse_date, problem_text, read_date
from coach.cli import main
from coach.content.content import Content
from coach.content.dates import format_time, long_date
from coach.content.loader import FILES
from coach.content.locale import UnknownLanguage, choose_locale, normalize, shipped_locales
from coach.content.overlay_check import overlay_problems
from coach.history.records import FlareLog, Profile
from coach.history.store import Store
from coach.shown import cells, clip
from coach.tui.app import PainCoachApp
from coach.tui.widgets.key_footer import KeyFooter
from tests import screen_cells
from tests.conftest import FIXED_NOW
from tests.packaged import CONTENT

SHIPPED = ["en", "zh-CN"]
TODAY = date(2026, 11, 20)


# --- the order of the choices -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "environ", "in_app", "expected"),
    [
        (None, {}, None, "en"),  # nothing given: English
        ("zh-CN", {"PAIN_COACH_LANG": "en", "LANG": "en_GB.UTF-8"}, "en", "zh-CN"),  # --lang first
        (None, {"PAIN_COACH_LANG": "zh-CN", "LC_ALL": "en_US.UTF-8"}, "en", "zh-CN"),  # then the variable
        (None, {"PAIN_COACH_LANG": "", "LANG": "zh_CN.UTF-8"}, None, "zh-CN"),  # an empty variable is unset
        (None, {"LC_ALL": "en_US.UTF-8"}, "zh-CN", "zh-CN"),  # then the app's choice, over the system's
        (None, {"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, None, "zh-CN"),  # LC_ALL before LANG
        (None, {"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, None, "zh-CN"),  # LC_MESSAGES before LANG
        (None, {"LANG": "zh_CN.UTF-8"}, None, "zh-CN"),
        (None, {"LANG": "zh_CN.GB18030"}, None, "zh-CN"),
        (None, {"LANG": "zh_TW.UTF-8"}, None, "zh-CN"),  # the nearest shipped: the same language
        (None, {"LANG": "C"}, None, "en"),
        (None, {"LANG": "POSIX", "LC_MESSAGES": ""}, None, "en"),
        (None, {"LANG": "C.UTF-8"}, None, "en"),
        (None, {"LANG": "de_DE.UTF-8"}, None, "en"),  # a system language not shipped: English, no error
        (None, {"LANG": "en_GB.UTF-8"}, "xx", "en"),  # a choice since removed: on to the system's
        ("zh", {}, None, "zh-CN"),
        ("zh_cn", {}, None, "zh-CN"),
        ("EN", {}, None, "en"),
    ],
)
def test_the_locale_choice_order(option, environ, in_app, expected):
    assert choose_locale(SHIPPED, option=option, environ=environ, chosen_in_app=in_app) == expected


@pytest.mark.parametrize(("option", "environ"), [("fr", {}), ("", {}), (None, {"PAIN_COACH_LANG": "klingon"})])
def test_an_unknown_language_the_person_named_is_refused(option, environ):
    with pytest.raises(UnknownLanguage) as refused:
        choose_locale(SHIPPED, option=option, environ=environ)
    assert refused.value.shipped == SHIPPED


def test_normalize():
    assert [normalize(t) for t in ("zh_CN.UTF-8", "zh-cn", "en_GB@euro", "C", "", "../x")] == [
        "zh-CN", "zh-CN", "en-GB", "en", None, None,
    ]  # fmt: skip


def test_shipped_are_english_and_the_locale_folders(tmp_path):
    (tmp_path / "zh-CN").mkdir()
    (tmp_path / "not a locale").mkdir()
    (tmp_path / "__pycache__").mkdir()
    assert shipped_locales(tmp_path) == ["en", "zh-CN"]


@pytest.mark.parametrize("argv", [["--lang", "fr", "log", "--pain", "3"], ["log", "--pain", "3", "--lang=fr"]])
def test_cli_unknown_language_is_one_line_and_status_2(argv, capsys, store):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("pain-coach: 'fr' is not a language pain-coach speaks. Choose one of: en")
    assert store.all() == []  # nothing was logged


def test_cli_unknown_language_from_the_variable(capsys, monkeypatch):
    monkeypatch.setenv("PAIN_COACH_LANG", "fr")
    assert main(["routines"]) == 2
    assert "'fr' is not a language" in capsys.readouterr().err


# --- a content folder with a small zh-CN overlay of the test's own ------------------------------------


def zh_folder(tmp_path: Path, **files: str) -> Path:
    """A copy of the packaged content with content/zh-CN/<name>.toml holding `files`' TOML."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT.folder, folder, ignore=shutil.ignore_patterns("zh-CN"))
    (folder / "zh-CN").mkdir()
    for name, text in files.items():
        (folder / "zh-CN" / f"{name}.toml").write_text(text, encoding="utf-8")
    return folder


HOME_KEYS = """
[app.quit]
label = "退出"
[app.help]
label = "帮助"
[app.commands]
label = "命令"
[home.checkin]
label = "自查：现在疼得怎样？"
[home.history]
label = "记录与趋势"
"""
UI_WORDS = """
[language]
self_name = "简体中文"
[argparse]
usage = "用法："
error = "%(prog)s：错误：%(message)s\\n"
required = "缺少以下参数：%s"
[palette]
search = "搜索命令…"
theme = "主题"
"""


@pytest.fixture
def zh_content(tmp_path) -> Content:
    return Content.load("zh-CN", zh_folder(tmp_path, keys=HOME_KEYS, ui=UI_WORDS))


async def test_the_app_in_zh_cn_shows_home_and_footer_in_chinese_at_80x24(zh_content, store):
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
    app = PainCoachApp(store.root, zh_content, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = [(key.key_display, key.description) for key in screen_cells.footer_keys(app.screen)]
        assert ("^q", "退出") in footer and ("^p", "命令") in footer
        assert sum(key.width for key in app.screen.query_one(KeyFooter).drawn_keys()) <= 80
        menu = app.screen.query_one(OptionList)
        items = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        assert any("自查：现在疼得怎样？" in item for item in items)
        assert any("记录与趋势" in item for item in items)
        await pilot.press("question_mark")
        await pilot.pause()
        shown = "\n".join(str(s.content) for s in app.screen.query(".keys").results())
        assert "自查：现在疼得怎样？" in shown and "退出" in shown  # the help screen's words too
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        assert app.screen.query_one("CommandInput").placeholder == "搜索命令…"
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        assert "主题" in titles and "Theme" not in titles


async def test_english_app_words_are_unchanged(store):
    app = PainCoachApp(store.root, CONTENT, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = [key.description for key in screen_cells.footer_keys(app.screen)]
        assert "Quit" in footer
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        assert {"Theme", "Quit", "Screenshot", "Language"} <= set(titles)


async def test_choosing_a_language_in_the_palette_is_remembered_and_restarts_in_it(tmp_path, store, monkeypatch):
    folder = zh_folder(tmp_path, keys=HOME_KEYS, ui=UI_WORDS)
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
    app = PainCoachApp(store.root, Content.load("en", folder), now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Language", "enter")
        await pilot.pause()
        assert app.screen.query_one("CommandInput").placeholder == "Choose a language…"
        await pilot.press(*"zh-CN")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
    assert app.restart_in == "zh-CN"
    assert Store(store.root, CONTENT).load_settings().language == "zh-CN"
    from coach.cli import chosen_locale

    monkeypatch.setattr("coach.locations.content_dir", lambda: folder)
    assert chosen_locale([]) == "zh-CN"  # the next start, with no --lang and no PAIN_COACH_LANG
    assert chosen_locale(["--lang", "en"]) == "en"


def test_argparse_speaks_the_content_language(zh_content, capsys, monkeypatch):
    import argparse

    from coach.cli.argparse_words import argparse_words

    with argparse_words(zh_content):
        parser = argparse.ArgumentParser(prog="pain-coach log")
        parser.add_argument("--pain", required=True)
        with pytest.raises(SystemExit):
            parser.parse_args([])
    err = capsys.readouterr().err
    assert err.startswith("用法：pain-coach log")
    assert err.splitlines()[-1] == "pain-coach log：错误：缺少以下参数：--pain"
    parser = argparse.ArgumentParser(prog="x")  # outside the block, argparse is its own again
    with pytest.raises(SystemExit):
        parser.parse_args(["--nope"])
    assert "x: error: unrecognized arguments: --nope" in capsys.readouterr().err


def test_argparse_words_in_english_are_argparse_s_own(capsys):
    """`pain-coach` in English is byte for byte what it was: the English [argparse] words are argparse's."""
    from coach.cli.argparse_words import MESSAGES

    words = CONTENT.raw("ui")["argparse"]
    assert {message: words[key] for message, key in MESSAGES.items()} == {m: m for m in MESSAGES}


# --- check-content per locale -------------------------------------------------------------------------


def full_overlay(tmp_path: Path) -> Path:
    """An overlay that copies every English file: complete, so it has no problems."""
    folder = zh_folder(tmp_path)
    for name in FILES:
        shutil.copy(folder / f"{name}.toml", folder / "zh-CN" / f"{name}.toml")
    return folder


def test_a_complete_overlay_has_no_problems(tmp_path):
    assert overlay_problems(full_overlay(tmp_path), "zh-CN", "content") == []


def test_check_content_on_a_broken_overlay_is_one_line_per_mistake(tmp_path, capsys):
    folder = full_overlay(tmp_path)
    ui = folder / "zh-CN" / "ui.toml"
    text = ui.read_text(encoding="utf-8")
    text = text.replace('bell = "Bell at each step"\n', "", 1)  # a missing key
    text = text.replace("[palette]\n", '[palette]\nbel = "铃声"\n', 1)  # an extra key
    text = text.replace('switched = "{name} is now {state}."', 'switched = "{名称}现在是{state}。"', 1)  # placeholder
    ui.write_text(text, encoding="utf-8")
    routines = folder / "zh-CN" / "routines.toml"
    first_id = Content.load().routines.routines[0].id
    routines.write_text(
        routines.read_text(encoding="utf-8").replace(f'id = "{first_id}"', 'id = "renamed"', 1), encoding="utf-8"
    )
    assert main(["check-content", str(folder), "--lang", "zh-CN"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "content/zh-CN/ui.toml: palette.switched: placeholders ['{state}', '{名称}'] differ from English ['{name}', '{state}']",
        "content/zh-CN/ui.toml: palette.bel: unknown key (the English file has none; check the spelling)",
        f"content/zh-CN/routines.toml: routines[0].id: changed id 'renamed': must stay '{first_id}' (ids are not translated)",
        "content/zh-CN/ui.toml: palette.bell: missing (zh-CN falls back to English)",  # said last: not a failure
    ]
    assert main(["check-content", str(folder)]) == 2  # every language: the same mistakes, English shown alone
    assert main(["check-content", str(folder), "--lang", "en"]) == 0  # English alone is fine
    assert main(["check-content", str(folder), "--lang", "zh-CN"]) == 2


def test_numbers_ids_and_sources_must_stay(tmp_path):
    folder = full_overlay(tmp_path)
    exercises = folder / "zh-CN" / "exercises.toml"
    text = exercises.read_text(encoding="utf-8")
    text = text.replace("hold = ", "hold = 1", 1).replace('flags = ["', 'flags = ["侧', 1)
    exercises.write_text(text, encoding="utf-8")
    problems = overlay_problems(folder, "zh-CN", "content")
    assert len(problems) == 2
    assert all("must stay" in p and p.startswith("content/zh-CN/exercises.toml: exercises[") for p in problems)


def test_a_missing_overlay_file_is_one_line(tmp_path):
    folder = full_overlay(tmp_path)
    (folder / "zh-CN" / "body.toml").unlink()
    assert overlay_problems(folder, "zh-CN", "content") == [
        "content/zh-CN/body.toml: missing file (zh-CN falls back to English for all of body.toml)"
    ]


def test_zh_cn_ships_complete():
    """No fallback to English anywhere: every file, key and item of English has its zh-CN version."""
    assert "zh-CN" in shipped_locales(CONTENT.folder)
    assert overlay_problems(CONTENT.folder, "zh-CN", "content") == []
    Content.load("zh-CN").check()


# --- dates and numbers the Chinese way ----------------------------------------------------------------


def test_long_dates():
    assert long_date(date(2027, 2, 14)) == "14 February 2027"
    assert long_date(date(2027, 2, 14), "zh-CN") == "2027年2月14日"


def test_day_and_month_names_in_the_locale():
    assert format_time(date(2027, 2, 14), "%a %d %b") == "Sun 14 Feb"
    assert format_time(date(2027, 2, 14), "%-m月%-d日 %a", "zh-CN") == "2月14日 周日"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2027年2月14日", date(2027, 2, 14)),
        ("2027 年 2 月 14 日", date(2027, 2, 14)),
        ("2月14日", date(2027, 2, 14)),  # a due date without a year lies ahead
        ("2月14号", date(2027, 2, 14)),
        ("2027-02-14", date(2027, 2, 14)),
        ("14/02/2027", date(2027, 2, 14)),  # today's forms still work
        ("14 Feb 2027", date(2027, 2, 14)),
    ],
)
def test_typed_dates_in_chinese_and_as_before(typed, expected):
    assert parse_date(typed, day_first=True, today=TODAY, basis="due") == expected


def test_wrong_chinese_dates_get_the_clear_messages(zh_content):
    with pytest.raises(DateProblem) as refused:
        parse_date("2027年2月30日", day_first=True, today=TODAY, basis="due")
    assert problem_text(CONTENT, refused.value) == CONTENT.text(
        "dates.past_month_end", month="February", days=28, year=2027
    )
    assert "二月" in problem_text(zh_content, refused.value)  # the month named in the reader's language
    with pytest.raises(DateProblem) as refused:
        parse_date("13月1日", day_first=True, today=TODAY, basis="due")
    assert refused.value.key == "no_such_month"
    with pytest.raises(DateProblem) as refused:
        read_date("2030年1月1日", basis="due", day_first=True, today=TODAY)
    assert "2030年1月1日" in problem_text(zh_content, refused.value)
    assert "1 January 2030" in problem_text(CONTENT, refused.value)


# --- widths in cells; Chinese text round-trips --------------------------------------------------------


def test_clip_cuts_by_cells_and_never_splits_a_wide_character():
    long_chinese = "骨盆带疼痛" * 40
    clipped = clip(long_chinese, 21)
    assert cell_len(clipped) <= 21 and clipped.endswith("…")
    assert clipped == "骨盆带疼痛" * 2 + "…"  # ten characters, twenty cells, and the "…"
    assert clip("a" + "痛" * 30, 10) == "a痛痛痛痛…"
    assert clip("x" * 100) == "x" * 79 + "…"  # English as before
    assert cells("妊娠34周") == cell_len("妊娠34周") == 8


def test_chinese_notes_and_profile_round_trip_through_store_export_and_import(store, tmp_path, capsys):
    note = "右侧臀部刺痛，走路时更重；翻身困难"
    store.add(FlareLog(at=FIXED_NOW, pain=6, note=note))
    store.save_profile(Profile(emergency_number="120（急救）"))
    assert Store(store.root, CONTENT).load_profile().emergency_number == "120（急救）"
    backup = tmp_path / "backup.json"
    assert main(["export", "-o", str(backup)]) == 0
    assert note in backup.read_text(encoding="utf-8")  # written as UTF-8, not \\u escapes only
    assert json.loads(backup.read_text(encoding="utf-8"))["records"][0]["note"] == note
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", str(backup)]) == 0
    (restored,) = Store(other, CONTENT).all()
    assert isinstance(restored, FlareLog) and restored.note == note
    capsys.readouterr()
    assert main(["export", "--format", "md"]) == 0
    assert note in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        (["--lang", "zh-CN"], {}, ("zh-CN", "zh-CN")),
        ([], {"LANG": "zh_CN.UTF-8"}, ("zh-CN", None)),
        (["--lang", "en"], {"PAIN_COACH_LANG": "zh-CN"}, ("en", "en")),
        ([], {}, ("en", None)),
    ],
)
def test_the_app_starts_in_the_chosen_language(tmp_path, monkeypatch, argv, environ, expected):
    folder = zh_folder(tmp_path, keys=HOME_KEYS, ui=UI_WORDS)
    monkeypatch.setattr("coach.locations.content_dir", lambda: folder)
    monkeypatch.setattr("coach.content.content.content_dir", lambda: folder)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    started = []
    monkeypatch.setattr(
        "coach.tui.app.run_app", lambda data, content, lang=None: started.append((content.locale, lang)) or 0
    )
    assert main(argv) == 0
    assert started == [expected]
