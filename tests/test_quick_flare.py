"""`pain-coach log` the quick way (coach.history.quick_flare): the same record as the validated way, taken only when
nothing needs the records' models, and never past a month that is not known whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import typing
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.checkin.pregnancy import stage, with_gestation
from coach.history import month_sums, quick_flare, sums_files
from coach.history.records import FlareLog, Profile
from tests.history_records import NOW, flare

ROOT = Path(__file__).resolve().parent.parent
MOMENTS = [
    datetime(2026, 11, 26, 9, 5, 1, tzinfo=UTC),
    datetime(2026, 11, 26, 9, 5, 1, 120000, tzinfo=timezone(timedelta(hours=1))),
    datetime(2026, 11, 30, 23, 59, 59, 5, tzinfo=timezone(timedelta(hours=-5, minutes=-30))),
    datetime(2026, 12, 1, 0, 0, tzinfo=timezone(timedelta(hours=14))),
]


@pytest.mark.parametrize("at", MOMENTS, ids=str)
@pytest.mark.parametrize(
    "pain, where, side, note, days",
    [
        (3, [], None, "", None),
        (10, ["buttock", "lower-back"], "left", 'a "note"\n\x85 with ✓', 238),
        (0, [], "both", "", -3),
    ],
)
def test_the_record_is_written_as_the_validated_model_writes_it(at, pain, where, side, note, days):
    doc = quick_flare.flare_doc(at, days, pain, where, side, note)
    model = FlareLog(at=at, pain=pain, where=where, side=side, note=note, gestation_days=days, id=doc["id"])
    assert json.dumps(doc) == json.dumps(model.to_json())  # the same keys, in the same order


PROFILES = [
    {},
    {"schema": 1, "due_date": "2027-01-20", "date_basis": "due", "day_first": False, "pgp_diagnosed": "yes"},
    {"lmp": "2026-04-10", "date_basis": "lmp", "conditions": ["placenta-praevia"], "emergency_number": "999"},
    {"birth_date": "2026-11-01", "date_basis": "born", "birth_kind": "caesarean", "postnatal_check": "2026-12-15"},
]
NOT_PLAIN = [  # each is read by pydantic (salvaged, warned about or moved aside), never the quick way
    {"due_date": "2027-1-20"},
    {"due_date": 1798761600},
    {"due_date": "2027-02-30"},
    {"day_first": "yes"},
    {"schema": 2},
    {"schema": True},
    {"date_basis": "guess"},
    {"conditions": "none"},
    {"favourite_colour": "green"},
    {"schema_": 1},
    [],
]


@pytest.mark.parametrize("data", PROFILES)
def test_a_plain_profile_gives_the_days_the_validated_profile_gives(data):
    dates = quick_flare.plain_profile(json.dumps(data).encode())
    profile = Profile.model_validate(data)
    assert dates == {key: getattr(profile, key) for key in quick_flare.DATES}
    for day in (date(2026, 11, 26), date(2027, 3, 1)):
        assert quick_flare.gestation_on(dates, day) == stage(profile, day).gestation_days


@pytest.mark.parametrize("data", NOT_PLAIN, ids=str)
def test_anything_else_in_a_profile_is_left_to_pydantic(data):
    assert quick_flare.plain_profile(json.dumps(data).encode()) is None
    assert quick_flare.plain_profile(b"{ not json") is None


def test_the_plain_profile_knows_every_entry_of_the_profile_and_its_choices():
    assert {field.alias or name for name, field in Profile.model_fields.items()} == quick_flare.PROFILE_KEYS
    for key, choices in quick_flare.CHOICES.items():
        (literal, _none) = typing.get_args(Profile.model_fields[key].annotation)
        assert choices == typing.get_args(literal)


def test_added_the_quick_way_it_reads_back_as_added_the_validated_way(store):
    (store.root).mkdir(parents=True, exist_ok=True)
    (store.root / "profile.json").write_text(json.dumps(PROFILES[1]))
    at = datetime(2026, 11, 26, 9, 5, tzinfo=UTC)
    first = quick_flare.add(store, at, 4, ["buttock"], "left", "stairs")  # a new month: nothing to check
    second = quick_flare.add(store, at + timedelta(hours=1), 6, [], None, "")  # its sums moved with it
    assert first is not None and second is not None
    slow = with_gestation(FlareLog(at=at, pain=4, where=["buttock"], side="left", note="stairs"), store.load_profile())
    assert store.query() == [
        FlareLog.model_validate(second),
        slow.model_copy(update={"id": first["id"]}),
    ]
    path = store.month_path(at)
    assert sums_files.read(store.root, path, store.month_key(path)) is not None


def test_a_month_not_known_whole_is_left_to_the_validated_way(store):
    store.add(flare(0))  # written by the store: no sums saved at its key
    path = store.month_path(NOW)
    before = path.read_bytes()
    assert quick_flare.add(store, NOW, 4, [], None, "") is None
    assert path.read_bytes() == before
    month_sums.remember(store, path)
    assert quick_flare.add(store, NOW, 4, [], None, "") is not None


def test_a_profile_that_is_not_plain_is_left_to_the_validated_way(store):
    store.root.mkdir(parents=True, exist_ok=True)
    (store.root / "profile.json").write_text('{"day_first": "yes"}')
    assert quick_flare.add(store, NOW, 4, [], None, "") is None
    assert not store.history.exists() or not store.month_files()


def log_loads_pydantic(data: Path) -> bool:
    code = (
        "import sys, contextlib, io\n"
        "from coach.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['log', '--pain', '3']) == 0\n"
        "print('pydantic' in sys.modules)\n"
    )
    env = dict(os.environ, PAIN_COACH_DATA_DIR=str(data))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split() == ["True"]


def test_log_after_the_app_wrote_the_month_validates_it_once(store):
    store.add(FlareLog(at=datetime.now().astimezone(), pain=2))  # in the month log writes into, as the app would
    assert log_loads_pydantic(store.root)  # the month was written by the store: validated, and remembered whole
    assert not log_loads_pydantic(store.root)  # so the next log is quick
    assert [r.pain for r in store.query(kind="flare")][:2] == [3, 3]
