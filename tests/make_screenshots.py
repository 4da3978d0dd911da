"""Regenerate screenshots/ from the real app: `.venv/bin/python tests/make_screenshots.py [NAME ...]`.

`report` (also made when no name is given) is the first page of the printable report of a fixed three-month
history (tests/report_history.py), printed by headless Chromium and drawn by pdftoppm: screenshots/report-page-1.png.

The shots (keys, data, fixed clock and date) are the ones the snapshot tests check, from tests/shots.py;
each is saved at 80x24 and 120x40 (or at its own odd size), taken the same way the snapshot plugin takes
its pictures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual._doc import take_svg_screenshot  # noqa: E402  (what pytest-textual-snapshot uses)

from tests.shots import BOTH, SHOTS, UNSET_ENV, Shot, make_app, play  # noqa: E402

OUT = ROOT / "screenshots"


def screenshot_sizes(shot: Shot) -> tuple[tuple[int, int], ...]:
    return shot.sizes if not set(shot.sizes) & set(BOTH) else BOTH


def take(shot: Shot, size: tuple[int, int]) -> Path:
    with tempfile.TemporaryDirectory() as data:
        app = make_app(shot, Path(data))
        svg = take_svg_screenshot(app, terminal_size=size, run_before=partial(play, shot))
    path = OUT / shot.file_name(size)
    path.write_text(svg, encoding="utf-8")
    return path


REPORT = "report"


def report_png() -> Path | None:
    """The report's first page as a PNG; None (saying why) without chromium or pdftoppm."""
    import shutil
    import subprocess

    from coach.history.export import render
    from tests.packaged import CONTENT
    from tests.report_history import END, PROFILE, report_records

    chromium, pdftoppm = shutil.which("chromium"), shutil.which("pdftoppm")
    if chromium is None or pdftoppm is None:
        print("report: needs chromium and pdftoppm (poppler-utils), as .ci/run installs", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as work:
        page, pdf = Path(work) / "report.html", Path(work) / "report.pdf"
        page.write_text(render(CONTENT, "html", report_records(3), END, PROFILE), encoding="utf-8")
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={Path(work) / 'chromium'}",
             "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
        out = OUT / "report-page-1"
        subprocess.run(
            [pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out)], check=True
        )
    return out.with_suffix(".png")


def main(names: list[str]) -> int:
    make_report = not names or REPORT in names
    names = [n for n in names if n != REPORT]
    if make_report and not names and len(sys.argv) > 1:  # only the report was asked for
        OUT.mkdir(exist_ok=True)
        made = report_png()
        print(made.relative_to(ROOT) if made else "report: not made")
        return 0 if made else 1
    unknown = set(names) - {shot.name for shot in SHOTS}
    if unknown:
        print(f"no such shot: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for name in UNSET_ENV:
        os.environ.pop(name, None)
    OUT.mkdir(exist_ok=True)
    for shot in SHOTS:
        if not names or shot.name in names:
            for size in screenshot_sizes(shot):
                print(take(shot, size).relative_to(ROOT))
    if make_report:
        made = report_png()
        if made is not None:
            print(made.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
