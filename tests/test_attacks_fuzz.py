"""Fuzz (issue 13, "Done when"): random answers, records, content and custom routines through the real command
line, in process. Whatever comes in, the answer is exit 0 or 2 and, on 2, one clear line; never a traceback.

Derandomized (the same examples every run) and bounded, so it runs in seconds.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.cli import main
from coach.locations import content_dir
from tests.packaged import CONTENT

FUZZ = settings(
    max_examples=100,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

QUESTIONS = [q.id for q in CONTENT.questionnaire.questions]
OPTIONS = sorted({o.id for q in CONTENT.questionnaire.questions for o in q.options})

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(OPTIONS)
    | st.integers(0, 10)
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
answers = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(QUESTIONS) | st.text(max_size=10), json_values, max_size=8),
    st.dictionaries(st.sampled_from(QUESTIONS), st.sampled_from(OPTIONS) | st.lists(st.sampled_from(OPTIONS), max_size=3) | st.integers(0, 10), max_size=len(QUESTIONS)),
)  # fmt: skip

record_fields = {
    "schema": st.just(1) | json_values,
    "id": st.text(min_size=8, max_size=12) | json_values,
    "at": st.sampled_from(["2026-11-01T10:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "x"])
    | json_values,
    "kind": st.sampled_from(["flare", "checkin", "routine", "other"]) | json_values,
    "pain": st.integers(-2, 12) | json_values,
    "pain_now": st.integers(-2, 12) | json_values,
    "level": st.sampled_from(["urgent", "soon", "self-care", "nope"]),
    "answers": json_values,
    "where": st.lists(st.sampled_from(["buttock", "lower-back", "\x1b[2J", "a b"]), max_size=3) | json_values,
    "side": st.sampled_from(["left", "both", "up"]) | st.none(),
    "flags": st.lists(st.sampled_from(["fluid", "made-up", "<b>x</b>"]), max_size=2),
    "note": st.text(max_size=40),
    "routine_id": st.text(max_size=20),
    "steps_done": st.integers(-1, 5),
    "steps_total": st.integers(-1, 5),
    "active_seconds": st.floats(allow_nan=True) | st.integers(-1, 10**6),
    "gestation_days": st.integers(-500, 500) | st.none(),
}
records = st.fixed_dictionaries({}, optional=record_fields)
exports = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {"format": st.just("pain-coach") | json_values, "records": st.lists(records, max_size=4) | json_values},
        optional={"schema": st.just(1) | json_values, "exported_at": json_values},
    ),
)


def dumped(value: object, data: st.DataObject) -> bytes:
    """JSON text, sometimes cut short or with stray bytes, as a damaged file would be."""
    raw = json.dumps(value).encode()
    how = data.draw(st.sampled_from(["whole", "cut", "bytes"]))
    if how == "cut" and raw:
        return raw[: data.draw(st.integers(0, len(raw) - 1))]
    if how == "bytes":
        return raw + data.draw(st.binary(max_size=8))
    return raw


def check_outcome(status: int, err: str) -> None:
    assert "Traceback" not in err
    if status == 0:
        assert err == "" or all(line.startswith("pain-coach: ") for line in err.splitlines()), err
        return
    assert status == 2, (status, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pain-coach: "), err[:3000]
    assert len(lines[0]) < 2000


@FUZZ
@given(data=st.data(), value=answers)
def test_random_answers_to_check_in(tmp_path: Path, capsys: pytest.CaptureFixture[str], data, value) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(dumped(value, data))
    capsys.readouterr()
    status = main(["check-in", "--answers", str(path)])
    check_outcome(status, capsys.readouterr().err)


@FUZZ
@given(data=st.data(), value=exports)
def test_random_exports_to_import(tmp_path: Path, capsys: pytest.CaptureFixture[str], data, value) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(dumped(value, data))
    capsys.readouterr()
    status = main(["import", str(path)])
    err = capsys.readouterr().err
    check_outcome(status, err)
    if status == 0:  # what was imported can be shown and exported again
        for fmt in ("json", "csv", "md"):
            assert main(["export", "--format", fmt]) == 0
        check_outcome(0, capsys.readouterr().err)


CONTENT_FILES = sorted(p.name for p in content_dir().glob("*.toml"))
toml_lines = st.sampled_from(
    ['x = 1', 'name = "[link=x]y"', "[[routines]]", "[oops", 'id = "Bad Id"', "hold = 99999999", "a = [[[[1]]]]",
     'cues = ["a", "b", "c", "d", "e"]', "=", "", "\x00", 'steps = []', "sources = []", "a = " + "9" * 5000]
) | st.text(max_size=40)  # fmt: skip


def mutated(original: str, data: st.DataObject) -> str:
    lines = original.splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        how = data.draw(st.sampled_from(["drop", "insert", "replace", "cut"]))
        at = data.draw(st.integers(0, max(0, len(lines) - 1)))
        if how == "drop" and lines:
            del lines[at]
        elif how == "insert":
            lines.insert(at, data.draw(toml_lines))
        elif how == "replace" and lines:
            lines[at] = data.draw(toml_lines)
        elif how == "cut":
            lines = lines[:at]
    return "\n".join(lines) + "\n"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(content_dir(), folder)
    return folder


@FUZZ
@given(data=st.data())
def test_random_content_to_check_content(content_copy: Path, capsys: pytest.CaptureFixture[str], data) -> None:
    name = data.draw(st.sampled_from(CONTENT_FILES))
    original = (content_dir() / name).read_text(encoding="utf-8")
    (content_copy / name).write_text(mutated(original, data), encoding="utf-8", errors="surrogateescape")
    capsys.readouterr()
    try:
        status = main(["check-content", str(content_copy)])
    finally:
        (content_copy / name).write_text(original, encoding="utf-8")
    err = capsys.readouterr().err
    assert "Traceback" not in err and status in (0, 2), (status, err)
    if status == 2:  # one line per problem, each naming its file
        lines = err.strip().splitlines()
        assert lines and all(line.startswith("content/") or line.startswith("... and") for line in lines), err
        assert len(lines) <= 51


CUSTOM = """[[routines]]
id = "mine"
name = "My routine"
summary = "hold 20 s [each side]"
steps = [
    { exercise = "glute-squeeze" },
    { exercise = "seated-figure-4", hold = 30, reps = 2, rest = 10 },
]
"""


@FUZZ
@given(data=st.data())
def test_random_custom_routines_to_routines(capsys: pytest.CaptureFixture[str], data) -> None:
    from coach.routines.custom import routines_dir

    folder = routines_dir()
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.toml").write_text(mutated(CUSTOM, data), encoding="utf-8", errors="surrogateescape")
    capsys.readouterr()
    status = main(["routines", "--all"])
    out, err = capsys.readouterr()
    assert status == 0 and "Traceback" not in err, err
    assert "Quick buttock relief" in out  # the packaged routines are always listed
    # the file is skipped, one line per problem in it, each naming it
    assert all(line.startswith("pain-coach: ") and "mine.toml" in line for line in err.splitlines()), err
