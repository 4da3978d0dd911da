"""The command line, run as a person would: `python -m coach ...` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach import __version__
from coach.cli import COMMANDS
from coach.history.store import Store
from tests.packaged import CONTENT

ROOT = Path(__file__).resolve().parent.parent
SUBCOMMANDS = [{"checkin": "check-in", "importer": "import"}.get(name, name.replace("_", "-")) for name in COMMANDS]


def run(*args: str, data: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = dict(os.environ, **(env or {}))
    if data is not None:
        environ["PAIN_COACH_DATA_DIR"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "coach", *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=ROOT,
        timeout=60,
    )


@pytest.fixture
def data(isolated_dirs) -> Path:
    return isolated_dirs


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_version(data):
    result = run("--version", data=data)
    assert result.returncode == 0
    assert result.stdout.strip() == f"pain-coach {__version__}"
    assert not data.exists()


def test_help_lists_every_subcommand(data):
    result = run("--help", data=data)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: pain-coach")
    for name in SUBCOMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_each_subcommand_has_help(data, name):
    result = run(name, "--help", data=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: pain-coach {name}")
    assert result.stderr == ""
    assert not data.exists()


def test_log_valid_entry(data, content):
    result = run(
        "log",
        "--pain",
        "6",
        "--where",
        "buttock",
        "--where",
        "back-of-thigh",
        "--side",
        "left",
        "--note",
        "after the stairs",
        data=data,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert "6/10" in lines[0] and "buttock" in lines[0] and "back of the thigh" in lines[0]
    assert result.stderr == ""
    (record,) = Store(data, content).all()
    assert (record.kind, record.pain, record.where, record.side, record.note) == (
        "flare",
        6,
        ["buttock", "back-of-thigh"],
        "left",
        "after the stairs",
    )
    assert record.at.utcoffset() is not None


def test_log_pain_only(data, content):
    result = run("log", "--pain", "0", data=data)
    assert result.returncode == 0, result.stderr
    (record,) = Store(data, content).all()
    assert (record.pain, record.where, record.side) == (0, [], None)


AREAS = [a.id for a in CONTENT.body.areas]
SIDES = [s.id for s in CONTENT.body.sides]


@pytest.mark.parametrize(
    "args, must_name",
    [
        (["--pain", "11"], ["0 to 10", "'11'"]),
        (["--pain", "-1"], ["0 to 10", "'-1'"]),
        (["--pain", "x"], ["0 to 10", "'x'"]),
        (["--pain", "4.5"], ["0 to 10", "'4.5'"]),
        (["--pain", "4", "--where", "knee"], ["--where", *AREAS, "'knee'"]),
        (["--pain", "4", "--where", "buttock", "--where", "elbow"], ["--where", *AREAS, "'elbow'"]),
        (["--pain", "4", "--side", "middle"], ["--side", *SIDES, "'middle'"]),
    ],
    ids=["pain-11", "pain-minus-1", "pain-x", "pain-fraction", "unknown-area", "second-area-unknown", "unknown-side"],
)
def test_log_invalid_values(data, args, must_name):
    result = run("log", *args, data=data)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for needle in must_name:
        assert needle in lines[0]
    assert files_under(data) == []  # nothing written


def test_log_without_pain_is_a_usage_error(data):
    result = run("log", data=data)
    assert result.returncode == 2
    assert "--pain" in result.stderr
    assert "Traceback" not in result.stderr
    assert files_under(data) == []


def test_export_json_contains_the_logged_records(data, content):
    for pain in ("3", "7"):
        assert run("log", "--pain", pain, "--where", "buttock", data=data).returncode == 0
    result = run("export", "--format", "json", data=data)
    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)
    stored = {r.id: r for r in Store(data, content).all()}
    assert {r["id"] for r in exported["records"]} == set(stored)
    assert sorted(r["pain"] for r in exported["records"]) == [3, 7]
    assert all(r["kind"] == "flare" and r["where"] == ["buttock"] for r in exported["records"])


def test_export_of_an_empty_history(data):
    result = run("export", data=data)
    assert result.returncode == 0
    assert json.loads(result.stdout)["records"] == []


def test_export_unknown_format(data):
    result = run("export", "--format", "xml", data=data)
    assert result.returncode == 2
    assert "json" in result.stderr and "'xml'" in result.stderr
    assert result.stdout == ""


def test_export_to_file_refuses_to_overwrite_without_force(data, tmp_path):
    assert run("log", "--pain", "5", data=data).returncode == 0
    out = tmp_path / "history.json"
    result = run("export", "-o", str(out), data=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "1 record" in result.stderr
    assert len(json.loads(out.read_text())["records"]) == 1

    assert run("log", "--pain", "6", data=data).returncode == 0
    refused = run("export", "-o", str(out), data=data)
    assert refused.returncode == 2
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert len(json.loads(out.read_text())["records"]) == 1  # untouched

    forced = run("export", "-o", str(out), "--force", data=data)
    assert forced.returncode == 0, forced.stderr
    assert len(json.loads(out.read_text())["records"]) == 2


def test_export_into_a_missing_folder_is_one_line(data, tmp_path):
    result = run("export", "-o", str(tmp_path / "nope" / "out.json"), data=data)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_unusable_data_dir_is_exit_1_and_one_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("--data-dir", str(blocker / "data"), "log", "--pain", "4")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert str(blocker / "data") in lines[0] or str(blocker) in lines[0]
    assert lines[0].count("pain-coach") == 1  # said once, not "pain-coach: pain-coach could not..."
    assert result.stdout == ""


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_data_dir_is_exit_1_and_one_line(data):
    data.mkdir(mode=0o500)
    try:
        result = run("log", "--pain", "4", data=data)
    finally:
        os.chmod(data, 0o700)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "Cannot write" in result.stderr


def test_data_dir_option_beats_the_environment(data, tmp_path, content):
    chosen = tmp_path / "chosen"
    assert run("--data-dir", str(chosen), "log", "--pain", "2", data=data).returncode == 0
    assert len(Store(chosen, content).all()) == 1
    assert files_under(data) == []


def test_a_quarantined_month_is_reported_by_log(data):
    (data / "history").mkdir(parents=True)
    (data / "history" / "2020-01.json").write_bytes(b"\x00garbage")
    result = run("log", "--pain", "3", data=data)
    assert result.returncode == 0
    export = run("export", data=data)
    assert export.returncode == 0
    assert "2020-01" in export.stderr and "corrupt-" in export.stderr
    assert len(json.loads(export.stdout)["records"]) == 1


@pytest.mark.parametrize(
    "argv",
    [["--version"], ["log", "--pain", "3"], ["export"], ["check-content"]],
    ids=["version", "log", "export", "check-content"],
)
def test_subcommands_do_not_import_textual(data, argv):
    code = (
        "import sys, contextlib, io\n"
        "from coach.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    status = main({argv!r})\n"
        "print(status, 'textual' in sys.modules)\n"
    )
    environ = dict(os.environ, PAIN_COACH_DATA_DIR=str(data))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environ, cwd=ROOT, timeout=60
    )
    assert result.stdout.split() == ["0", "False"], result.stderr


# What each quick command must not load: pydantic alone takes longer than the whole `--version` answer,
# and the content models (coach.content.models) are validated by the app, `check-content` and the commands that
# show their texts, not by a flare entry or a CSV/JSON export. A flare into a new month (or one known whole,
# tests/test_quick_flare.py) builds no record model either, nor an export of no history (or one known canonical,
# tests/test_plain_export.py).
@pytest.mark.parametrize(
    "argv, not_loaded",
    [
        (["--version"], ["pydantic", "tinydb", "coach.content.models"]),
        (["log", "--pain", "3", "--where", "buttock", "--side", "left"], ["coach.content.models", "pydantic"]),
        (["export", "--format", "csv"], ["coach.content.models", "pydantic"]),
        (["export"], ["coach.content.models", "pydantic"]),
    ],
    ids=["version", "log", "export-csv", "export-json"],
)
def test_quick_commands_load_only_what_they_need(data, argv, not_loaded):
    code = (
        "import sys, contextlib, io\n"
        "from coach.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    status = main({argv!r})\n"
        f"print(status, [name for name in {not_loaded!r} if name in sys.modules])\n"
    )
    environ = dict(os.environ, PAIN_COACH_DATA_DIR=str(data))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environ, cwd=ROOT, timeout=60
    )
    assert result.stdout.split() == ["0", "[]"], result.stdout + result.stderr


def test_data_dir_works_after_the_subcommand_too(tmp_path):
    target = tmp_path / "elsewhere"
    result = subprocess.run(
        [sys.executable, "-m", "coach", "log", "--pain", "4", "--data-dir", str(target)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert list((target / "history").glob("*.json"))


def test_locate_prints_each_place_labelled_one_per_line(data, tmp_path):
    env = {"PAIN_COACH_CONFIG_DIR": str(tmp_path / "my-config"), "PAIN_COACH_CACHE_DIR": str(tmp_path / "my-cache")}
    result = run("locate", data=data, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    config, config_file, data_line, sums, cache = result.stdout.splitlines()
    assert config == f"config folder:  {tmp_path / 'my-config'}"
    assert config_file.startswith(f"config file:    {tmp_path / 'my-config' / 'config.toml'} (not there yet")
    assert data_line == f"data folder:    {data}"
    assert (
        sums
        == f"saved sums:     {data / '.sums'} (worked out from the history and made again when needed: safe to delete)"
    )
    assert cache == f"cache folder:   {tmp_path / 'my-cache'}"
    assert not data.exists() and not (tmp_path / "my-config").exists()  # it only says where


def test_locate_says_the_saved_sums_may_be_deleted_in_chinese_too(data):
    lines = run("--lang", "zh-CN", "locate", data=data).stdout.splitlines()
    assert f"已存的统计：  {data / '.sums'}（由记录算出，需要时会重新生成：可以放心删除）" in lines


def test_locate_honours_data_dir_and_says_when_config_toml_is_there(data, tmp_path):
    (tmp_path / "my-config").mkdir()
    (tmp_path / "my-config" / "config.toml").write_text("[keys]\n")
    env = {"PAIN_COACH_CONFIG_DIR": str(tmp_path / "my-config")}
    for args in (
        ("--data-dir", str(tmp_path / "elsewhere"), "locate"),
        ("locate", "--data-dir", str(tmp_path / "elsewhere")),
    ):
        lines = run(*args, data=data, env=env).stdout.splitlines()
        assert f"data folder:    {tmp_path / 'elsewhere'}" in lines
        assert f"config file:    {tmp_path / 'my-config' / 'config.toml'}" in lines


@pytest.mark.parametrize(
    ("argv", "app_options"),
    [
        (["--data-dir", "d"], ("d", None)),
        (["--data-dir=d", "--lang", "zh-CN"], ("d", "zh-CN")),
        (["--lang=en", "--data-dir", "a", "--data-dir", "b"], ("b", "en")),  # the last one, as argparse
        (["--data", "d"], ("d", None)),  # argparse's abbreviation still starts the app
        (["--data-dir", "d", "log"], None),  # a subcommand
        (["--help"], None),
        (["log", "--data-dir", "d"], None),
    ],
)
def test_the_app_s_own_options_are_read_as_argparse_reads_them(argv, app_options):
    from coach.cli import _app_args

    assert _app_args(argv) == app_options
