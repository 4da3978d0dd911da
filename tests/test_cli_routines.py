"""`pain-coach routines [--all]`."""

from __future__ import annotations

from datetime import date, timedelta

from coach.cli import main
from coach.history.records import Profile


def test_lists_routines_for_the_profile_with_lengths(store, capsys):
    store.save_profile(Profile(due_date=date.today() + timedelta(weeks=6), pgp_diagnosed="no"))
    assert main(["routines"]) == 0
    out = capsys.readouterr().out
    assert "Planned for 34 weeks + 0 days" in out
    assert "  desk-break               3:15  Desk break" in out
    assert "changed:" not in out


def test_all_shows_changes_and_hidden_routines_with_why(store, capsys):
    from coach.routines.custom import routines_dir

    routines_dir().mkdir(parents=True)
    (routines_dir() / "mine.toml").write_text(
        '[[routines]]\nid = "hips"\nname = "Hips"\nsteps = [{ exercise = "half-kneeling-hip-flexor" }]\n'
    )
    (routines_dir() / "typo.toml").write_text('[[routines]]\nid = "t"\nname = "T"\nsteps = [{ exercise = "cat-cw" }]\n')
    assert main(["routines"]) == 0
    captured = capsys.readouterr()
    assert "hips" not in captured.out and "1 more not offered today" in captured.out
    assert "typo.toml: routines[0].steps[0].exercise: no exercise 'cat-cw' (did you mean 'cat-cow'?)" in captured.err
    assert main(["routines", "--all"]) == 0
    out = capsys.readouterr().out
    assert "don't know how far along" in out
    assert "changed: Glute bridge → Buttock squeeze" in out
    assert "hips" in out and "every step was left out" in out


def test_routines_command_does_not_import_textual():
    import subprocess
    import sys

    code = "import sys; from coach.cli import main; main(['routines']); print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")


def test_an_uncleared_warning_sign_pauses_the_routines_command_too(store, capsys):
    from datetime import datetime

    from coach.cli.routines import BLOCKED_STATUS
    from coach.history.records import CheckIn, Clearance

    store.save_profile(Profile(due_date=date.today() + timedelta(weeks=6), pgp_diagnosed="no"))
    checkin = CheckIn(answers={}, pain_now=3, level="urgent", flags=["painful-urination"])
    store.add(checkin)
    for args in (["routines"], ["routines", "--all"]):
        assert main(args) == BLOCKED_STATUS == 3
        out = capsys.readouterr().out
        assert "Routines are paused" in out and "pain or burning when passing urine" in out
        assert "desk-break" not in out and "Desk break" not in out
    store.add(Clearance(at=datetime.now().astimezone(), checkin_id=checkin.id, level="urgent"))
    assert main(["routines"]) == 0
    assert "desk-break" in capsys.readouterr().out


def test_help_names_the_blocked_exit_status(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["routines", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "3 when they are paused because a check-in found a warning sign" in out


# --- routines --json: what will be played ----------------------------------------------------------


def routines_json(capsys, *options: str, status: int = 0) -> dict:
    import json

    assert main(["routines", "--json", *options]) == status
    return json.loads(capsys.readouterr().out)


def test_json_lists_each_offered_routine_with_its_steps_flags_and_seconds(store, capsys):
    store.save_profile(Profile(due_date=date.today() + timedelta(weeks=6), pgp_diagnosed="no"))  # 34 weeks
    body = routines_json(capsys)
    assert body["blocked"] is None
    assert body["rules"]["stage"] == {"kind": "pregnant", "gestation_days": 34 * 7, "postnatal_days": None}
    assert body["rules"]["back_lying_limit"] is True and body["rules"]["pgp_rules"] is False
    routines = {r["id"]: r for r in body["routines"]}
    desk = routines["desk-break"]
    assert (desk["seconds"], desk["changes"]) == (195, [])  # 3:15, as the text form says
    assert [(s["exercise"], s["hold"], s["reps"], s["rest"], s["per_side"]) for s in desk["steps"]] == [
        ("abdominal-draw-in", 10, 3, 5, False),
        ("glute-squeeze", 5, 5, 5, False),
        ("seated-figure-4", 20, 2, 5, True),
    ]
    figure_4 = [p for p in desk["played"] if p["exercise"] == "seated-figure-4"]
    assert [(p["kind"], p["side"], p["seconds"]) for p in figure_4] == [
        ("ready", None, 5), ("hold", "left", 20), ("rest", "left", 5), ("hold", "left", 20),
        ("switch", "right", 5), ("hold", "right", 20), ("rest", "right", 5), ("hold", "right", 20),
    ]  # fmt: skip
    for routine in body["routines"]:
        assert routine["offered"] and routine["seconds"] == sum(p["seconds"] for p in routine["played"])
        assert sum(s["seconds"] for s in routine["steps"]) == routine["seconds"]
    thigh = routines["back-of-thigh-ease"]  # from 16 weeks the bridge (back-lying) is swapped
    assert "glute-bridge" not in {s["exercise"] for s in thigh["steps"]}
    [change] = thigh["changes"]
    assert change == {"kind": "swapped", "exercise": "glute-bridge", "instead": "glute-squeeze", "flag": "back-lying",
                      "words": change["words"]}  # fmt: skip
    assert change["words"].startswith("Glute bridge → Buttock squeeze")
    squeeze = next(s for s in thigh["steps"] if s["exercise"] == "glute-squeeze")
    assert squeeze["changes"] == [change["words"]]
    assert next(s for s in thigh["steps"] if s["exercise"] == "side-lying-rest")["flags"] == ["breathing"]


def test_json_after_a_caesarean_plays_no_strenuous_move_until_the_check(store, capsys):
    born = date.today() - timedelta(days=20)
    store.save_profile(Profile(birth_date=born, date_basis="born", birth_kind="caesarean", pgp_diagnosed="no"))
    body = routines_json(capsys)
    assert body["rules"]["strenuous_held_back"] is True
    played = {p["exercise"] for r in body["routines"] for p in r["played"]}
    assert not played & {"glute-bridge", "half-kneeling-hip-flexor", "standing-piriformis"}
    held = [c for r in body["routines"] for c in r["changes"] if c.get("flag") == "strenuous"]
    assert {c["exercise"] for c in held} == {"glute-bridge", "half-kneeling-hip-flexor", "standing-piriformis"}
    assert all("held back until your postnatal check" in c["words"] for c in held)
    store.save_profile(store.load_profile().model_copy(update={"postnatal_check": date.today()}))
    body = routines_json(capsys)
    assert body["rules"]["strenuous_held_back"] is False
    assert "glute-bridge" in {p["exercise"] for r in body["routines"] for p in r["played"]}


def test_json_with_all_lists_the_routines_not_offered_and_why(store, capsys):
    store.save_profile(Profile(due_date=date.today() + timedelta(weeks=6), pgp_diagnosed="yes"))
    from coach.routines.custom import routines_dir

    routines_dir().mkdir(parents=True)
    (routines_dir() / "mine.toml").write_text(
        '[[routines]]\nid = "hips"\nname = "Hips"\nsteps = [{ exercise = "half-kneeling-hip-flexor" }]\n'
    )
    assert "hips" not in {r["id"] for r in routines_json(capsys)["routines"]}
    hips = next(r for r in routines_json(capsys, "--all")["routines"] if r["id"] == "hips")
    assert (hips["offered"], hips["steps"], hips["played"], hips["seconds"]) == (False, [], [], 0)
    assert hips["why_not"].startswith("every step was left out")


def test_json_honours_the_block_with_the_same_exit_status(store, capsys):
    from coach.cli.routines import BLOCKED_STATUS
    from coach.history.records import CheckIn

    store.save_profile(Profile(due_date=date.today() + timedelta(weeks=6), pgp_diagnosed="no"))
    checkin = store.add(CheckIn(answers={}, pain_now=3, level="emergency", flags=["urine-retention"]))
    for options in ((), ("--all",)):
        body = routines_json(capsys, *options, status=BLOCKED_STATUS)
        assert body["routines"] == []
        blocked = body["blocked"]
        assert (blocked["checkin_id"], blocked["level"], blocked["flags"]) == (
            checkin.id,
            "emergency",
            ["urine-retention"],
        )
        assert blocked["words"].startswith("Routines are paused")
