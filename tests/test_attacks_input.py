"""Attacks by input (issue 13: "Injection", "Bad input gets one clear line", the cache, and a fuzz test).

Each test is one attack a careless user or a hostile file could make; each failed on the code before the fix
(the list with before/after is in the branch's report).
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import unicodedata
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from coach.cli import main
from tests import screen_cells
from tests.history_records import checkin, flare, session

# An OSC that sets the window title, one that writes the clipboard (OSC 52), a clear screen, a CSI in its
# one-byte C1 form and a DEL: what a hostile note or routine name carries.
ESCAPES = "\x1b]0;owned\x07\x1b]52;c;aGVsbG8=\x07\x1b[2J\x9b31m\x7f"


def controls(shown: str, keep: str = "\n") -> list[str]:
    """The control characters (Unicode category Cc) in what reached the terminal or the file."""
    return [repr(ch) for ch in shown if unicodedata.category(ch) == "Cc" and ch not in keep]


def export_file(path: Path, records: list[dict]) -> Path:
    path.write_text(json.dumps({"format": "pain-coach", "schema": 1, "exported_at": "x", "records": records}))
    return path


def write_custom(name: str, text: str) -> Path:
    from coach.routines.custom import routines_dir

    folder = routines_dir()
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def custom_routine(name: str, summary: str = "", id_: str = "mine") -> str:
    return (
        f"[[routines]]\nid = {json.dumps(id_)}\nname = {json.dumps(name)}\nsummary = {json.dumps(summary)}\n"
        'steps = [{ exercise = "glute-squeeze" }]\n'
    )


async def open_history(app, pilot) -> None:
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()
    assert app.screen.__class__.__name__ == "HistoryScreen"


async def open_routines(pilot):
    await pilot.press("r")
    await pilot.pause()
    return pilot.app.screen


def highlight(screen, routine_id: str) -> None:
    menu = screen.query_one(OptionList)
    ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
    menu.highlighted = ids.index(routine_id)


# --- Injection: terminal escapes ------------------------------------------------------------------


async def test_escapes_in_a_note_are_shown_on_the_detail_screen_never_sent_to_the_terminal(make_app, store):
    store.add(flare(0, note="sore " + ESCAPES + " stairs"))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RecordDetailScreen"
        shown = screen_cells.text_of(app)
        assert controls(shown) == []
        assert "sore \u241b]0;owned" in shown and "\u241b[2J\\x9b31m\u2421 stairs" in shown
    assert store.query()[0].note == "sore " + ESCAPES + " stairs"  # stored as typed


async def test_escapes_in_an_imported_record_stay_out_of_the_history_table(make_app, store, tmp_path):
    hostile = session(0, routine="my-own", name="Stretch" + ESCAPES).to_json()  # a person's own routine, its name
    assert main(["import", str(export_file(tmp_path / "in.json", [hostile]))]) == 0
    store.add(checkin(1, flags=["\x1b[2Jmade-up"]))  # in the history already (import now refuses it)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(app, pilot)
        shown = screen_cells.text_of(app)
        assert controls(shown) == []
        assert "Stretch\u241b]0;owned" in shown and "\u241b[2Jmade up" in shown


async def test_escapes_in_a_custom_routine_stay_out_of_the_routines_screen(make_app):
    write_custom("mine.toml", custom_routine("Mine" + ESCAPES, summary="Slow" + ESCAPES))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_routines(pilot)
        highlight(screen, "mine")
        await pilot.pause()
        shown = screen_cells.text_of(app)
        assert controls(shown) == []
        assert "Mine\u241b]0;owned" in shown and "Slow\u241b]0;owned" in shown


def test_export_md_printed_to_a_terminal_carries_no_escape(store, capsys):
    store.add(flare(0, note="n" + ESCAPES))
    store.add(session(1, routine="my-own", name="R" + ESCAPES))
    assert main(["export", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert controls(out) == []
    assert "n\u241b" in out and "R\u241b" in out


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_json_and_csv_printed_carry_no_raw_c1_or_del(store, capsys, fmt):
    store.add(flare(0, note="n" + ESCAPES))
    assert main(["export", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert controls(out, keep="\n\r") == []


def test_a_json_export_with_escapes_reads_back_exactly(store, tmp_path, capsys):
    store.add(flare(0, note="n" + ESCAPES + "\u0085"))
    assert main(["export", "-o", str(tmp_path / "out.json")]) == 0
    again = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert again["records"][0]["note"] == "n" + ESCAPES + "\u0085"


def test_routines_command_carries_no_escape(store, capsys):
    write_custom("mine.toml", custom_routine("Mine" + ESCAPES))
    assert main(["routines", "--all"]) == 0
    out = capsys.readouterr().out
    assert controls(out) == [] and "Mine\u241b]0;owned" in out


def test_a_file_name_with_escapes_in_an_error_line(capsys, tmp_path):
    assert main(["import", str(tmp_path / ("x" + ESCAPES + ".json"))]) == 2
    err = capsys.readouterr().err
    assert controls(err) == [] and "x\u241b]0;owned" in err


# --- Injection: custom routine text read as markup -------------------------------------------------


async def test_square_brackets_in_a_custom_routine_are_shown_as_written(make_app):
    write_custom("mine.toml", custom_routine("Hips [b]slow[/b]", summary="hold 20 s [each side]"))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_routines(pilot)
        highlight(screen, "mine")
        await pilot.pause()
        assert "hold 20 s [each side]" in str(screen.query_one("#routine-detail", Static).render())
        assert "Hips [b]slow[/b]" in screen_cells.text_of(app)


async def test_a_link_tag_in_a_custom_summary_does_not_kill_the_app(make_app):
    write_custom("mine.toml", custom_routine("[link=https://example.com]Mine", summary="[link=x]y[/link] [/z]"))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_routines(pilot)
        highlight(screen, "mine")
        await pilot.pause()
        assert app.is_running
        assert "[link=x]y[/link] [/z]" in screen_cells.text_of(app)


# --- Injection: CSV formulas and HTML in the Markdown report -----------------------------------------


def csv_rows(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


@pytest.mark.parametrize("note", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1"])
def test_a_csv_cell_that_a_spreadsheet_would_run_starts_with_a_quote(store, capsys, note):
    store.add(flare(0, note=note))
    assert main(["export", "--format", "csv"]) == 0
    row = csv_rows(capsys.readouterr().out)[0]
    assert row["note"].startswith("'")


def test_csv_numbers_stay_numbers(store, capsys):
    store.add(flare(0, note="fine", gestation_days=-20))
    assert main(["export", "--format", "csv"]) == 0
    row = csv_rows(capsys.readouterr().out)[0]
    assert row["gestation_days"] == "-20" and row["note"] == "fine"


def test_html_in_a_note_is_escaped_in_the_report(store, capsys):
    store.add(
        flare(0, note='<img src="http://tracker.example/a.png"> <script>alert(1)</script> ![x](http://t.example)')
    )
    assert main(["export", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "<img" not in out and "<script>" not in out and "![x](http" not in out
    assert "&lt;img" in out


def test_a_pipe_in_a_routine_name_does_not_break_the_report_table(store, capsys):
    store.add(session(0, routine="my-own", name="a | b | c"))
    assert main(["export", "--format", "md"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("| a"))
    assert row.replace("\\|", "").count("|") == 5  # four cells


# --- Bad input gets one clear line, never a traceback ----------------------------------------------


def one_clear_line(err: str, *words: str) -> str:
    """stderr is a single line starting "pain-coach: " that says what was wrong (no traceback)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err[:2000]
    assert lines[0].startswith("pain-coach: ") and "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


DEEP_JSON = "[" * 100_000 + "]" * 100_000
DEEP_TOML = "a = " + "[" * 100_000 + "]" * 100_000 + "\n"
LONG_INT = "9" * 5000


@pytest.fixture
def content_copy(tmp_path) -> Path:
    import shutil

    from coach.locations import content_dir

    folder = tmp_path / "content"
    shutil.copytree(content_dir(), folder)
    return folder


@pytest.mark.parametrize("body", [DEEP_JSON, '{"pain_now": ' + LONG_INT + "}"], ids=["deep", "long-int"])
def test_check_in_answers_that_break_the_json_reader(tmp_path, capsys, body):
    (tmp_path / "a.json").write_text(body)
    assert main(["check-in", "--answers", str(tmp_path / "a.json")]) == 2
    one_clear_line(capsys.readouterr().err, "a.json")


@pytest.mark.parametrize(
    "body",
    [DEEP_JSON, '{"format": "pain-coach", "schema": 1, "records": [], "x": ' + LONG_INT + "}"],
    ids=["deep", "long-int"],
)
def test_an_import_that_breaks_the_json_reader(tmp_path, capsys, body):
    (tmp_path / "in.json").write_text(body)
    assert main(["import", str(tmp_path / "in.json")]) == 2
    one_clear_line(capsys.readouterr().err, "in.json", "Nothing was imported" if "format" in body else "")


@pytest.mark.parametrize("body", [DEEP_TOML, "a = " + LONG_INT + "\n"], ids=["deep", "long-int"])
def test_check_content_on_a_file_that_breaks_the_toml_reader(content_copy, capsys, body):
    (content_copy / "ui.toml").write_text(body)
    assert main(["check-content", str(content_copy)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.startswith("content/ui.toml: not valid TOML")


@pytest.mark.parametrize("body", [DEEP_TOML, "a = " + LONG_INT + "\n"], ids=["deep", "long-int"])
def test_a_custom_routine_that_breaks_the_toml_reader_is_skipped_not_the_command(store, capsys, body):
    write_custom("bad.toml", body)
    write_custom("good.toml", custom_routine("My good routine"))
    assert main(["routines"]) == 0
    out, err = capsys.readouterr()
    assert "My good routine" in out
    one_clear_line(err, "bad.toml")


@pytest.mark.parametrize("what", ["a folder", "no permission"])
def test_check_content_on_a_file_it_cannot_read(content_copy, capsys, monkeypatch, what):
    if what == "a folder":
        (content_copy / "body.toml").unlink()
        (content_copy / "body.toml").mkdir()
    else:
        from coach.content import loader

        real = loader.read_toml_bytes

        def denied(path: Path, *args: object) -> bytes:
            if path.name == "body.toml":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(loader, "read_toml_bytes", denied)
    assert main(["check-content", str(content_copy)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("content/body.toml: cannot be read (") and "Traceback" not in err


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), IsADirectoryError(21, "Is a directory")])
def test_export_to_a_file_it_cannot_write(store, capsys, monkeypatch, tmp_path, error):
    from coach.history import export_file

    store.add(flare(0))

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(export_file, "atomic_writer", fail)
    assert main(["export", "-o", str(tmp_path / "out.json")]) == 1
    one_clear_line(capsys.readouterr().err, "out.json")


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/New_York", "Pacific/Kiritimati", "UTC"])
@pytest.mark.parametrize("fmt", ["json", "md"])
@pytest.mark.parametrize(
    "bounds",
    [["--since", "0001-01-01"], ["--until", "9999-12-30"], ["--until", "9999-12-31"], ["--since", "99999w"]],
    ids=lambda b: " ".join(b),
)
def test_export_at_the_edges_of_the_calendar(store, capsys, monkeypatch, zone, fmt, bounds):
    import time

    store.add(flare(0, note="kept"))
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert main(["export", "--format", fmt, *bounds]) == 0
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "kept" in capsys.readouterr().out


def test_a_note_that_is_not_utf8_is_refused_in_one_line(store, capsys):
    assert main(["log", "--pain", "3", "--note", "caf\udce9"]) == 2  # "café" in Latin-1, as argv decodes it
    one_clear_line(capsys.readouterr().err, "--note", "UTF-8")
    assert store.query() == []


def test_an_import_with_a_lone_surrogate_is_refused_in_one_line(store, capsys, tmp_path):
    backup = tmp_path / "in.json"
    backup.write_text(json.dumps({"format": "pain-coach", "schema": 1, "records": [flare(0).to_json()]})
                      .replace('"note": ""', '"note": "\\udce9"'))  # fmt: skip
    assert main(["import", str(backup)]) == 2
    one_clear_line(capsys.readouterr().err, "in.json", "Nothing was imported")
    assert store.query() == []


# --- Sizes are bounded ------------------------------------------------------------------------------


def test_answers_from_dev_zero_are_refused_without_reading_them_whole(capsys):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert main(["check-in", "--answers", "/dev/zero"]) == 2
    one_clear_line(capsys.readouterr().err, "/dev/zero", "1 MB")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # kB: under 100 MB more


@pytest.mark.parametrize("shape", ["one long value", "one long key", "many keys"])
def test_a_big_answers_file_is_not_echoed_back(tmp_path, capsys, shape):
    big = "x" * 900_000
    body = {
        "one long value": {"pain_now": big},
        "one long key": {big: 1},
        "many keys": {f"k{i}": i for i in range(50_000)},
    }[shape]
    (tmp_path / "a.json").write_text(json.dumps(body))
    assert main(["check-in", "--answers", str(tmp_path / "a.json")]) == 2
    assert len(one_clear_line(capsys.readouterr().err)) < 1000


# --- Smaller ones -------------------------------------------------------------------------------------


@pytest.mark.parametrize("pain", ["1_0", "+5", "\u0665", " 1e1", "0x5"])
def test_pain_is_plain_digits(store, capsys, pain):
    assert main(["log", "--pain", pain]) == 2
    one_clear_line(capsys.readouterr().err, "pain must be")
    assert store.query() == []


def test_the_same_area_twice_is_stored_once(store, capsys):
    assert main(["log", "--pain", "3", "--where", "buttock", "--where", "buttock"]) == 0
    assert store.query()[0].where == ["buttock"]


@pytest.mark.parametrize(
    "argv",
    [["export", "--since", ""], ["export", "--until", ""], ["--data-dir", "", "export"], ["export", "--data-dir", ""],
     ["--data-dir", ""], ["log", "--pain", "3", "--data-dir", ""]],
    ids=lambda a: " ".join(repr(x) for x in a),
)  # fmt: skip
def test_an_empty_option_is_a_mistake_not_a_default(store, capsys, monkeypatch, argv):
    import coach.tui.app

    monkeypatch.setattr(coach.tui.app, "run_app", lambda data_dir: 0)  # the app started with the default folder
    store.add(flare(0))
    assert main(argv) == 2
    one_clear_line(capsys.readouterr().err)


def test_an_import_without_a_schema_says_so(tmp_path, capsys):
    (tmp_path / "in.json").write_text('{"format": "pain-coach", "records": []}')
    assert main(["import", str(tmp_path / "in.json")]) == 2
    line = one_clear_line(capsys.readouterr().err, "no schema")
    assert "None" not in line


@pytest.mark.parametrize(
    "change",
    [{"where": ["buttock", "\x1b[2J"]}, {"where": ["the left bit of my back"]}, {"side": "up and down"}],
    ids=["escape area", "sentence area", "sentence side"],
)
def test_an_import_with_ids_pain_coach_never_wrote_is_refused(store, tmp_path, capsys, change):
    record = flare(0).to_json() | change
    assert main(["import", str(export_file(tmp_path / "in.json", [record]))]) == 2
    one_clear_line(capsys.readouterr().err, "record 1", "Nothing was imported")
    assert store.query() == []


def test_an_import_with_a_made_up_flag_is_refused(store, tmp_path, capsys):
    record = checkin(0, flags=["<b>bold</b> flag"]).to_json()
    assert main(["import", str(export_file(tmp_path / "in.json", [record]))]) == 2
    one_clear_line(capsys.readouterr().err, "flags")


def test_a_custom_routine_of_four_million_hours_is_skipped(store, capsys):
    steps = ", ".join(['{ exercise = "seated-figure-4", hold = 1800, reps = 30, rest = 300 }'] * 59)
    write_custom("long.toml", f'[[routines]]\nid = "long"\nname = "Forever"\nsteps = [{steps}]\n')
    many = ", ".join(['{ exercise = "glute-squeeze" }'] * 200_000)
    write_custom("many.toml", f'[[routines]]\nid = "many"\nname = "Many"\nsteps = [{many}]\n')
    assert main(["routines", "--all"]) == 0
    out, err = capsys.readouterr()
    assert "Forever" not in out and "Many" not in out
    assert "long.toml: routines[0]: lasts 2055:19:50; a routine can last at most 3:00:00" in err
    assert "many.toml: routines[0].steps: has 200000 steps" in err


def test_export_from_a_mistyped_data_dir_says_there_is_no_history(store, capsys, tmp_path):
    store.add(flare(0))
    typo = tmp_path / "dta"
    assert main(["--data-dir", str(typo), "export"]) == 2
    one_clear_line(capsys.readouterr().err, str(typo), "no history")
    assert not typo.exists()


def test_one_unknown_entry_in_the_profile_keeps_the_rest(store, capsys):
    store.root.mkdir(parents=True)
    (store.root / "profile.json").write_text('{"schema": 1, "due_date": "2027-03-01", "colour": "blue"}')
    assert store.load_profile().due_date.isoformat() == "2027-03-01"
    assert any("colour" in w for w in store.warnings)
    assert (store.root / "profile.json").read_text().count("colour") == 1  # the file is left as it was
    assert list(store.root.glob("profile.json.corrupt-*")) == []


# --- Files and folders: the content cache ---------------------------------------------------------


@pytest.fixture
def words(tmp_path):
    """ui.toml of a content folder of its own, read afresh (as a new start of the app) by each call of `read()`."""
    from coach.content.content import Content

    folder = tmp_path / "content-words"
    folder.mkdir()
    (folder / "ui.toml").write_text('[home]\nintro = "the real words"\n', encoding="utf-8")

    def read() -> str:
        return Content.load(folder=folder).text("home.intro")

    return read


def cache_root(isolated_dirs: Path) -> Path:
    return isolated_dirs.parent / "cache"


def planted_cache(words_folder: Path, text: str) -> bytes:
    """What another user would plant: a cache entry with the right stamp and their own words."""
    import marshal
    import sys

    path = words_folder / "ui.toml"
    info = path.stat()
    stamp = (str(path), info.st_mtime_ns, info.st_size, sys.version_info[:2])
    return marshal.dumps((stamp, {"home": {"intro": text}}))


def test_the_cache_is_private_whatever_the_umask(words, isolated_dirs):
    old = os.umask(0)
    try:
        assert words() == "the real words"
    finally:
        os.umask(old)
    root = cache_root(isolated_dirs)
    (kept,) = root.rglob("*.marshal")
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_a_symlink_planted_at_the_temporary_name_is_not_followed(words, isolated_dirs, tmp_path):
    assert words() == "the real words"
    (kept,) = cache_root(isolated_dirs).rglob("*.marshal")
    victim = tmp_path / "victim"
    victim.write_text("precious")
    kept.unlink()
    for pid in range(os.getpid() - 5, os.getpid() + 5):  # the names the old code would have used
        (kept.parent / f".{kept.name}.{pid}.tmp").symlink_to(victim)
    assert words() == "the real words"
    assert victim.read_text() == "precious"


def test_a_cache_folder_others_can_write_is_not_used(words, isolated_dirs, tmp_path):
    assert words() == "the real words"
    (kept,) = cache_root(isolated_dirs).rglob("*.marshal")
    kept.write_bytes(planted_cache(tmp_path / "content-words", "planted words"))
    os.chmod(kept.parent, 0o777)
    assert words() == "the real words"
    assert kept.read_bytes() == planted_cache(tmp_path / "content-words", "planted words")  # not written into


def test_a_cache_file_others_can_write_is_not_used(words, isolated_dirs, tmp_path):
    assert words() == "the real words"
    (kept,) = cache_root(isolated_dirs).rglob("*.marshal")
    kept.write_bytes(planted_cache(tmp_path / "content-words", "planted words"))
    os.chmod(kept, 0o666)
    assert words() == "the real words"


def test_a_symlink_planted_as_the_cache_file_is_not_followed(words, isolated_dirs, tmp_path):
    assert words() == "the real words"
    (kept,) = cache_root(isolated_dirs).rglob("*.marshal")
    elsewhere = tmp_path / "elsewhere.marshal"
    elsewhere.write_bytes(planted_cache(tmp_path / "content-words", "planted words"))
    os.chmod(elsewhere, 0o600)
    kept.unlink()
    kept.symlink_to(elsewhere)
    assert words() == "the real words"
    assert elsewhere.read_bytes() == planted_cache(tmp_path / "content-words", "planted words")
