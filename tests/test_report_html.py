"""The printable HTML report: self-contained, escaped, in the Content's language, and (in headless Chromium) two
A4 pages at most with the period and the latest check-in on them."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import timedelta
from html.parser import HTMLParser

import pytest

from coach.content.content import Content
from coach.history.export import render
from coach.history.records import CheckIn, Clearance, FlareLog, Profile, RoutineSession
from coach.history.report_html import to_html
from tests.report_history import END, LATEST_NOTE, PROFILE, report_records

HOSTILE = "<script>alert('x')</script> & \"quoted\" 'single' \x1b]0;owned\x07 <img src=https://evil.example/a.png>"


class Page(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_the_report_is_one_self_contained_page_that_fetches_nothing(content):
    html = to_html(content, report_records(3), END, PROFILE)
    page = parse(html)
    tags = {tag for tag, _ in page.tags}
    assert "svg" in tags and "table" in tags and "style" in tags
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    assert "http" not in html.lower()  # no web address at all, not even an SVG namespace
    assert not any(name in ("src", "href") or name.startswith("on") for _, attrs in page.tags for name, _ in attrs)
    assert "@page { size: A4" in html


def test_every_piece_of_user_text_is_escaped(content):
    at = END - timedelta(days=1)
    records = [
        CheckIn(at=at, note=HOSTILE, answers={"pain_now": 3, "worse": ["<b>stairs</b>"]}, pain_now=3, level="urgent",
                flags=["<i>made-up</i>"], pattern="<u>odd</u>"),
        RoutineSession(at=at, routine_id="my-own", fallback_name="<marquee>Mine</marquee> & co", steps_done=1,
                       steps_total=2, active_seconds=60, pain_before=5, pain_after=3, stopped_early=True,
                       stop_reason="<s>why</s>", note="tab\there\rcarriage"),
        Clearance(at=at + timedelta(hours=1), checkin_id="c" * 8, level="urgent", flags=["<i>made-up</i>"]),
        FlareLog(at=at, pain=7, note="\x9b31m C1 & <br>"),
    ]  # fmt: skip
    html = to_html(content, records, END, Profile())
    page = parse(html)
    assert {tag for tag, _ in page.tags}.isdisjoint({"script", "img", "b", "i", "u", "s", "marquee", "br"})
    text = "".join(page.text)
    assert "<script>alert('x')</script> & \"quoted\" 'single'" in text  # shown literally, as typed
    assert "<marquee>Mine</marquee> & co" in text
    assert "\u241b]0;owned\u2407" in text  # ESC and BEL made visible, never sent
    assert "\\x9b31m C1 & <br>" in text
    assert not any(ch in html for ch in "\x1b\x07\x9b\r")
    assert "&quot;quoted&quot; &#x27;single&#x27;" in html


def test_the_report_holds_the_stage_the_period_and_the_weekly_function_score(content):
    html = to_html(content, report_records(3), END, PROFILE)
    text = " ".join(" ".join(parse(html).text).split())
    assert "34 weeks + 0 days pregnant" in text  # the stage today, from the profile
    assert "Period 2026-08-" in text and "to 2026-11-26" in text
    assert content.report_text("html.chart_average") in text
    assert re.search(r"\bw(2\d|3[0-3])\b", text)  # weeks of pregnancy under the dates
    assert "a fall of 30% or more" in text  # the generated score falls from about 7 to about 1
    assert "IMMPACT" in text
    assert LATEST_NOTE in text
    assert "Why routines were stopped early:" in text and "pain got worse" in text


def test_after_the_birth_the_chart_counts_days_since_birth(content):
    born = (END - timedelta(days=10)).date()
    records = [FlareLog(at=END - timedelta(days=d), pain=3) for d in range(20)]
    html = to_html(content, records, END, Profile(birth_date=born, date_basis="born"))
    assert "d+0" in html or "d+1" in html
    assert "Baby born 1 week + 3 days ago" in " ".join("".join(parse(html).text).split())


def test_an_empty_history_is_still_a_whole_page(content):
    html = to_html(content, [], END, Profile())
    parse(html)
    assert html.rstrip().endswith("</html>") and content.report_text("html.empty") in html


def test_the_records_are_read_once_as_they_come(content):
    """A generator is enough: the report keeps sums, never the list (export memory at 50k records)."""
    records = report_records(3)
    once = iter(records)
    assert to_html(content, once, END, PROFILE) == to_html(content, records, END, PROFILE)
    assert next(once, None) is None


def test_in_chinese_the_report_is_chinese(content):
    chinese = Content.load(locale="zh-CN", folder=content.folder)
    html = to_html(chinese, report_records(1), END, PROFILE)
    assert '<html lang="zh-CN">' in html
    assert chinese.report_text("html.title") in html and chinese.report_text("html.title") != "pain-coach report"


def test_export_writes_html_from_the_command_line(tmp_path, isolated_dirs, store):
    store.add_many(report_records(1))
    store.save_profile(PROFILE)
    out = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "coach", "export", "--format", "html", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    bad = subprocess.run(
        [sys.executable, "-m", "coach", "export", "--format", "pdf"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2 and "html" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.slow
def test_chromium_prints_three_months_on_at_most_two_a4_pages(tmp_path, content, system_tool):
    chromium, pdfinfo, pdftotext = system_tool("chromium"), system_tool("pdfinfo"), system_tool("pdftotext")
    page = tmp_path / "report.html"
    page.write_text(render(content, "html", report_records(3), END, PROFILE), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'chromium'}",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert 1 <= pages <= 2
    assert "(A4)" in info
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "2026-11-26" in text  # the period's end and the latest check-in
    assert "to 2026-11-26" in text
    assert 'after <b>stairs</b> & "the school run"' in " ".join(text.split())  # the latest note, as typed


def test_the_markdown_report_gains_stop_reasons_clearances_pattern_triggers_and_the_score(content):
    report = render(content, "md", report_records(3), END)
    for heading in ("### Why routines were stopped early", "## Weekly function score (PEG)", "## Pattern and triggers"):
        assert heading in report
    assert "- pain got worse:" in report
    assert "- Pattern suggested: nerve-type pain" in report
    assert re.search(r"- Makes it worse: Sitting for a long time, \d+ times", report)
    assert "Marked as checked" in report and "times in this period." in report


async def test_the_export_dialog_writes_the_printable_report(make_app, store, tmp_path, monkeypatch):
    from textual.widgets import Select

    monkeypatch.setenv("HOME", str(tmp_path))
    store.add_many(report_records(1))
    store.save_profile(PROFILE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("h", "e", "shift+tab", "enter", "down", "enter"):  # the format list: one down from Markdown
            await pilot.press(key)
            await pilot.pause()
        assert app.screen.query_one("#export-format", Select).value == "html"
        await pilot.press("ctrl+s")
        await pilot.pause()
    written = tmp_path / "pain-coach-report-2026-11-26.html"
    html = written.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html


def test_a_long_period_is_charted_week_by_week(content):
    short = to_html(content, report_records(3), END, PROFILE)
    long = to_html(content, report_records(9), END, PROFILE)
    assert content.report_text("html.chart_title") in short
    assert content.report_text("html.chart_title_weeks") in long
    assert long.count("<circle") < short.count("<circle")  # one point a week, not a blur of one a day
