"""Attacks by input (issue 13: "Injection", "Bad input gets one clear line", the cache, and a fuzz test).

Each test is one attack a careless user or a hostile file could make; each failed on the code before the fix
(the list with before/after is in the branch's report).
"""

from __future__ import annotations

import csv
import io
import json
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
    hostile = session(0, name="Stretch" + ESCAPES, stop_reason="\x1b]52;c;b3duZWQ=\x07").to_json()
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
    store.add(session(1, name="R" + ESCAPES))
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
    store.add(session(0, name="a | b | c"))
    assert main(["export", "--format", "md"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("| a"))
    assert row.replace("\\|", "").count("|") == 5  # four cells
