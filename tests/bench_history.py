"""Benchmark (a script, not a test): the history screen and csv export with 10,000 records.

    .venv/bin/python tests/bench_history.py [RUNS]

Each run uses a fresh app and Store, so month files are read and parsed as on a real start. Opening is
timed from asking for the screen to its first paint, on the records tab and on the trends tab, with an
empty history, 100 recent records (a full table, one month file) and 10,000 records over three years;
the cases are interleaved so a busy moment hurts them alike. Then everything is exported to csv, in
process and as the `pain-coach export` command. Prints medians and minimums (on a shared machine the
minimum is the cost when nothing else interferes).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual.clock import MockClock  # noqa: E402

from coach import export  # noqa: E402
from coach.store import Store  # noqa: E402
from tests.make_history import make_records  # noqa: E402

NOW = datetime(2026, 11, 26, 21, 0, tzinfo=timezone.utc)


def prepare(folder: Path, count: int, days: int = 3 * 365) -> None:
    store = Store(folder)
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
    if count:
        store.add_many(make_records(count, end=NOW, days=days))


async def open_history_once(folder: Path, tab: str = "records") -> float:
    """Wall time from asking for the history screen to its first paint (with `tab` shown)."""
    from coach.app import PainCoachApp
    from coach.screens.history import HistoryScreen

    app = PainCoachApp(Store(folder), clock=MockClock(), now=lambda: NOW)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        app.action_open("history")
        while not (isinstance(app.screen, HistoryScreen) and app.screen.is_mounted):
            await asyncio.sleep(0)
        if tab != "records":
            app.screen.action_show_tab(tab)
        painted = asyncio.Event()
        app.screen.call_after_refresh(painted.set)
        await painted.wait()
        took = time.perf_counter() - start
        await pilot.pause()
        return took


def export_csv_once(folder: Path, out: Path) -> float:
    start = time.perf_counter()
    store = Store(folder)
    body = export.to_csv(store.query())
    export.write_file(out, body, force=True)
    return time.perf_counter() - start


def export_cli_once(folder: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "coach", "--data-dir", str(folder), "export", "--format", "csv", "-o", str(out), "--force"],
        check=True, capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - start


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:8.1f} ms   (min {min(samples) * 1000:.1f}, max {max(samples) * 1000:.1f})"


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        empty, small, full = Path(tmp) / "empty", Path(tmp) / "small", Path(tmp) / "full"
        os.environ["TEXTUAL_ANIMATIONS"] = "none"
        prepare(empty, 0)
        prepare(small, 100, days=11)  # a table as full as the big one's, from one month file
        prepare(full, 10_000)
        cases = {
            "open history, empty": (empty, "records"),
            "open history, 100 records": (small, "records"),
            "open history, 10,000 records": (full, "records"),
            "open history + trends tab, empty": (empty, "trends"),
            "open history + trends tab, 10,000": (full, "trends"),
        }
        asyncio.run(open_history_once(full, "trends"))  # warm up imports
        samples: dict[str, list[float]] = {label: [] for label in cases}
        for _ in range(runs):  # interleaved, so a busy moment hurts every case alike
            for label, (folder, tab) in cases.items():
                samples[label].append(asyncio.run(open_history_once(folder, tab)))
        out = Path(tmp) / "all.csv"
        samples["export csv in process, 10,000"] = [export_csv_once(full, out) for _ in range(runs)]
        samples["pain-coach export --format csv, 10,000 (new process)"] = [
            export_cli_once(full, out) for _ in range(max(3, runs // 2))
        ]
        width = max(len(label) for label in samples)
        print(f"{runs} runs each, {os.cpu_count()} cpus, load average {os.getloadavg()[0]:.2f}\n")
        print(f"{'what (wall time)':<{width}}  median")
        for label, values in samples.items():
            print(f"{label:<{width}}  {median_ms(values)}")
        # Medians carry the noise of a busy machine; minimums are the cost when nothing else interferes.
        print()
        for what, big, base in (
            ("10,000 records vs empty", "open history, 10,000 records", "open history, empty"),
            ("10,000 vs 100 records", "open history, 10,000 records", "open history, 100 records"),
            ("trends tab, 10,000 vs empty", "open history + trends tab, 10,000", "open history + trends tab, empty"),
        ):
            med = statistics.median(samples[big]) - statistics.median(samples[base])
            best = min(samples[big]) - min(samples[base])
            print(f"extra to open, {what}: median {med * 1000:.1f} ms, min {best * 1000:.1f} ms (target < 150 ms)")
        print(f"csv rows written: {len(out.read_text().splitlines()) - 1}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
