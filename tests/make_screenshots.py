"""Regenerate screenshots/ from the real app: `.venv/bin/python tests/make_screenshots.py [NAME ...]`.

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


def main(names: list[str]) -> int:
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
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
