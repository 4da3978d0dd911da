"""Import of well-formed ids this content does not know (issue 13, "import accepts ... unknown flags and areas").

An id in the right shape but unknown to the content (a flag, area, answer, routine, exercise, stop reason...)
was made up or edited in: import refuses the file whole in one line that names the record, the field and the
id. What pain-coach itself ever stored still imports (an option a question dropped is kept as retired; a
person's own routine is known by its stored name), and a history that already holds an unknown id still
shows it: only import is strict.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.cli import main
from coach.history.records import Change, Clearance
from tests import screen_cells
from tests.history_records import checkin, flare, session

ANSWERS = {"pain_now": 5, "where": ["buttock"], "rest": "yes"}

UNKNOWN = {
    "flare area": (flare(0, where=["elbow"]), "where", "elbow"),
    "flare side": (flare(0, side="up"), "side", "up"),
    "flare activity": (flare(0, activity="skydiving"), "activity", "skydiving"),
    "check-in flag": (checkin(0, flags=["made-up-flag"]), "flags", "made-up-flag"),
    "check-in pattern": (checkin(0, pattern="sciatica"), "pattern", "sciatica"),
    "check-in advice": (checkin(0, advice=["yoga"]), "advice", "yoga"),
    "check-in routine": (checkin(0, routines=["made-up-routine"]), "routines", "made-up-routine"),
    "question": (checkin(0, answers={**ANSWERS, "colour": "blue"}), "answers", "colour"),
    "area answer": (checkin(0, answers={**ANSWERS, "where": ["buttock", "elbow"]}), "answers.where", "elbow"),
    "one answer": (checkin(0, answers={**ANSWERS, "rest": "maybe"}), "answers.rest", "maybe"),
    "scale answer": (checkin(0, answers={**ANSWERS, "pain_now": "seven"}), "answers.pain_now", '"seven"'),
    "clearance flag": (Clearance(checkin_id="a" * 32, level="urgent", flags=["made-up"]), "flags", "made-up"),
    "routine": (session(0, routine="made-up", name=""), "routine_id", "made-up"),
    "stop reason": (session(0, stopped_early=True, stop_reason="bored"), "stop_reason", "bored"),
    "changed exercise": (
        session(0, changes=[Change(kind="left-out", exercise="headstand", flag="back-lying")]),
        "changes[0].exercise",
        "headstand",
    ),
    "change's reason": (
        session(0, changes=[Change(kind="left-out", exercise="glute-bridge", flag="upside-down")]),
        "changes[0].flag",
        "upside-down",
    ),
}


def export_file(path: Path, records: list[dict]) -> Path:
    path.write_text(json.dumps({"format": "pain-coach", "schema": 2, "exported_at": "x", "records": records}))
    return path


@pytest.mark.parametrize("case", list(UNKNOWN))
def test_an_unknown_id_refuses_the_whole_import_naming_record_field_and_id(store, tmp_path, capsys, case):
    record, field, value = UNKNOWN[case]
    good = flare(1, where=["buttock"], side="left")
    assert main(["import", str(export_file(tmp_path / "in.json", [good.to_json(), record.to_json()]))]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert f"record 2 (id {record.id})" in err
    assert f"has {field} '{value}', which this pain-coach does not know" in err
    assert "Nothing was imported" in err
    assert store.query() == []  # not even the good record before it
    assert not (store.history / "2026-11.json").exists()


def test_the_line_says_which_ids_would_do(store, tmp_path, capsys):
    assert main(["import", str(export_file(tmp_path / "in.json", [flare(0, side="up").to_json()]))]) == 2
    assert "(it knows: left, right, both)" in capsys.readouterr().err


def test_every_kind_of_record_the_app_writes_imports_again(store, tmp_path, capsys):
    records = [
        flare(0, where=["buttock", "front-pelvis"], side="both", activity="walking"),
        checkin(1, flags=["fever"], level="urgent", pattern="pelvic-girdle", advice=["pacing"],
                routines=["quick-buttock-relief"], answers={**ANSWERS, "flags_pregnancy": ["fever"]}),
        Clearance(checkin_id="a" * 32, level="urgent", flags=["fever"]),
        session(2, stopped_early=True, stop_reason="interrupted",
                changes=[Change(kind="swapped", exercise="glute-bridge", instead="glute-squeeze", flag="back-lying")]),
        session(3, routine="my-hips", name="My hip routine"),  # a person's own routine, from another machine
    ]  # fmt: skip
    assert main(["import", str(export_file(tmp_path / "in.json", [r.to_json() for r in records]))]) == 0
    assert "Imported 5 records" in capsys.readouterr().out
    assert len(store.query()) == 5


def test_an_answer_0_1_0_stored_under_a_question_that_no_longer_has_it_imports_and_shows_in_words(store, tmp_path):
    # 0.1.0 asked about painful urination among "Have you noticed any of these?"; 0.2.0 asks it apart.
    old = checkin(0, flags=["painful-urination"], level="urgent",
                  answers={**ANSWERS, "flags_pregnancy": ["painful-urination"]})  # fmt: skip
    assert main(["import", str(export_file(tmp_path / "in.json", [old.to_json()]))]) == 0
    from coach.history.record_text import question_lines

    (record,) = store.query()
    answers = dict(question_lines(store.content, record, store.content.questionnaire))
    assert answers["Have you noticed any of these?"] == "Pain or burning when you pass urine"


async def test_a_history_that_already_holds_unknown_ids_still_opens_and_shows_them(make_app, store):
    store.add(flare(0, where=["elbow"], side="up", activity="skydiving"))
    store.add(session(1, routine="made-up", name="", stopped_early=True, stop_reason="bored",
                      changes=[Change(kind="left-out", exercise="headstand", flag="upside-down")]))  # fmt: skip
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        table = screen_cells.text_of(app)
        assert "elbow, up" in table and "made up" in table
        await pilot.press("down", "enter")  # the routine, the older of the two
        await pilot.pause()
        assert type(app.screen).__name__ == "RecordDetailScreen"
        shown = screen_cells.text_of(app)
        assert "bored" in shown and "headstand left out: upside down" in shown
