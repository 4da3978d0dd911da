"""`pain-coach check-in`: the same triage from a JSON file, exit 2 on bad answers, --save, --schema."""

from __future__ import annotations

import json
from datetime import date, timedelta

from coach.cli import main
from coach.history.records import Profile
from coach.history.store import Store


def calm_answers(**changes) -> dict:
    answers = {
        "where": ["buttock"],
        "side": "left",
        "feel": ["dull-ache"],
        "pain_now": 3,
        "pain_worst": 4,
        "worse": ["turning-in-bed"],
        "rest": "yes",
        "trend": "better",
        "sleep": "none",
        "duration": "days",
        "flags_nerves": [],
        "flags_urine": [],
        "flags_bleeding": [],
        "flags_pregnancy": [],
        "flags_other": [],
    }
    answers.update(changes)
    return answers


def write(tmp_path, answers) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    return str(path)


def test_json_assessment(tmp_path, capsys):
    assert main(["check-in", "--answers", write(tmp_path, calm_answers()), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["level"] == "self-care"
    assert out["pattern"] == "pelvic-girdle"
    assert out["flags"] == []
    assert "quick-buttock-relief" in out["routines"] and "pacing" in out["advice"]


def test_text_assessment_names_red_flags_and_offers_no_plan(tmp_path, capsys):
    answers = calm_answers(flags_nerves=["saddle-numbness"])
    assert main(["check-in", "--answers", write(tmp_path, answers)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Get help now:")
    assert "Numbness around the genitals" in out
    assert "Relief plan" not in out and "Routines" not in out


def test_unknown_ids_and_values_exit_2_naming_them(tmp_path, capsys, store):
    answers = calm_answers(wher=["buttock"], side="up")
    assert main(["check-in", "--answers", write(tmp_path, answers), "--save"]) == 2
    err = capsys.readouterr().err
    assert "no question 'wher'" in err and "'up'" in err
    assert "Traceback" not in err
    assert store.query(kind="checkin") == []


def test_bad_json_and_missing_file_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main(["check-in", "--answers", str(bad)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert main(["check-in", "--answers", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["check-in"]) == 2


def test_save_stores_a_checkin_with_the_week(tmp_path, capsys, store: Store):
    from datetime import date, timedelta

    store.save_profile(Profile(due_date=date.today() + timedelta(days=70), date_basis="due"))
    answers = calm_answers(pain_now=8, pain_worst=8, rest="a-little", trend="same")
    assert main(["check-in", "--answers", write(tmp_path, answers), "--save", "--json"]) == 0
    [saved] = store.query(kind="checkin")
    assert (saved.level, saved.pain_now, saved.pain_worst) == ("soon", 8, 8)
    assert saved.answers == answers
    assert saved.gestation_days == 210
    assert "Saved" in capsys.readouterr().err


def test_schema_lists_every_question_and_its_answers(capsys):
    assert main(["check-in", "--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["pain_now"]["kind"] == "scale"
    assert "saddle-numbness" in schema["flags_nerves"]["options"]
    assert schema["side"]["asked_only_if"]["where"]


def test_log_records_carry_the_week(store: Store, capsys):
    from datetime import date, timedelta

    store.save_profile(Profile(due_date=date.today() + timedelta(days=14), date_basis="due"))
    assert main(["log", "--pain", "5"]) == 0
    [flare] = store.query(kind="flare")
    assert flare.gestation_days == 266


def test_json_says_the_stage_it_triaged_at(tmp_path, capsys, store: Store):
    from datetime import date, timedelta

    store.save_profile(Profile(date_basis="born", birth_date=date.today() - timedelta(days=3)))
    postnatal = {k: v for k, v in calm_answers().items() if k not in ("flags_bleeding", "flags_pregnancy")}
    postnatal.update(flags_postnatal_now=[], flags_postnatal=["wound-problem"])
    assert main(["check-in", "--answers", write(tmp_path, postnatal), "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["stage"] == {"kind": "postnatal", "gestation_days": None, "postnatal_days": 3}
    assert body["level"] == "urgent" and body["flags"] == ["wound-problem"]


def test_schema_lists_the_questions_of_the_stage(capsys, store: Store):
    assert main(["check-in", "--schema", "--stage", "36+6"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert "preterm-backache" in before["flags_pregnancy"]["options"]
    assert "labour-backache" not in before["flags_pregnancy"]["options"]
    assert main(["check-in", "--schema", "--stage", "37"]) == 0
    term = json.loads(capsys.readouterr().out)
    assert "labour-backache" in term["flags_pregnancy"]["options"]
    assert "preterm-backache" not in term["flags_pregnancy"]["options"]
    store.save_profile(Profile(date_basis="born", birth_date=date.today() - timedelta(days=2)))
    assert main(["check-in", "--schema"]) == 0  # the stored stage: after the birth
    after = json.loads(capsys.readouterr().out)
    assert "flags_postnatal" in after and "flags_pregnancy" not in after
    assert "fall-bump" not in after["flags_other"]["options"]


def test_a_bad_stage_and_an_answer_not_asked_are_refused_saying_why(tmp_path, capsys):
    assert main(["check-in", "--schema", "--stage", "soon"]) == 2
    assert "'soon' is not a stage" in capsys.readouterr().err
    answers = calm_answers(flags_pregnancy=["preterm-backache"])
    assert main(["check-in", "--answers", write(tmp_path, answers), "--stage", "37+0"]) == 2
    assert "'preterm-backache' is not asked now: asked only before 37 weeks of pregnancy" in capsys.readouterr().err
