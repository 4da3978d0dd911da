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
