"""`pain-coach profile`: shows the profile and sets it, checked as the profile screen checks it."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta

import pytest

from coach.cli import main
from coach.content.dates import long_date
from coach.history.records import Profile
from tests.test_profile_screen import FEB_31

TODAY = date.today()  # the command reads today's date, as a person's shell does
BORN = TODAY - timedelta(days=30)
CHECKED = TODAY - timedelta(days=2)
DUE = TODAY + timedelta(weeks=10)


def profile_json(capsys, *options: str) -> dict:
    assert main(["profile", "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def refused(capsys, *options: str) -> str:
    """The one line a refused command says (exit status 2)."""
    assert main(["profile", *options]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_every_field_set_from_the_command_line_round_trips_through_json(store, capsys):
    shown = profile_json(
        capsys,
        *("--birth-date", BORN.isoformat(), "--birth-kind", "caesarean", "--postnatal-check", CHECKED.isoformat()),
        *("--pgp", "unsure", "--emergency-number", "112", "--maternity-number", "+44 114 226 8000"),
    )
    assert shown["stage"] == {
        "kind": "postnatal",
        "gestation_days": None,
        "postnatal_days": 30,
        "words": shown["stage"]["words"],
    }
    assert "4 weeks + 2 days ago" in shown["stage"]["words"]
    expected = {
        "date_basis": "born",
        "birth_date": BORN.isoformat(),
        "birth_kind": "caesarean",
        "postnatal_check": CHECKED.isoformat(),
        "pgp_diagnosed": "unsure",
        "emergency_number": "112",
        "maternity_number": "+44 114 226 8000",
        "strenuous_held_back": False,  # the check is recorded
    }
    assert {k: shown[k] for k in expected} == expected
    assert store.load_profile().model_dump(mode="json", exclude={"schema_"}).items() <= shown.items()
    assert profile_json(capsys) == shown  # read back as written
    mode = os.stat(store.root / "profile.json").st_mode & 0o777
    assert mode == 0o600


def test_the_text_form_says_the_stage_dates_birth_kind_pgp_and_numbers(store, capsys):
    main(
        [
            "profile",
            "--birth-date",
            BORN.isoformat(),
            "--birth-kind",
            "caesarean",
            "--maternity-number",
            "0114 226 8000",
        ]
    )
    capsys.readouterr()
    assert main(["profile"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Stage: Baby born 4 weeks + 2 days ago"
    assert f"Baby born: {long_date(BORN)}" in out
    assert "How your baby was born: By caesarean" in out
    assert "Postnatal check: not had yet" in out
    assert any(line.strip().startswith("After a caesarean, strenuous moves") for line in out)
    assert "Pelvic girdle pain (told by a midwife, doctor or physio): not answered" in out
    assert "Emergency number: not set (the app shows 999 / 112 / 911)" in out
    assert "Maternity unit number: 0114 226 8000" in out


def test_a_due_date_in_words_and_from_the_last_period(store, capsys):
    due = TODAY + timedelta(weeks=10)
    assert main(["profile", "--due", long_date(due)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Stage: 30 weeks + 0 days pregnant · third trimester")
    assert f"Due date: {long_date(due)} (from your midwife or scan)" in out
    lmp = TODAY - timedelta(weeks=20)
    shown = profile_json(capsys, "--lmp", lmp.isoformat())
    assert (shown["date_basis"], shown["lmp"], shown["due_date"]) == (
        "lmp",
        lmp.isoformat(),
        (lmp + timedelta(280)).isoformat(),
    )
    assert shown["stage"]["gestation_days"] == 140


def test_an_impossible_day_is_refused_in_the_words_of_the_profile_screen_and_nothing_is_written(store, capsys):
    store.save_profile(Profile(pgp_diagnosed="no"))
    before = (store.root / "profile.json").read_bytes()
    assert refused(capsys, "--due", "31/02/2027", "--pgp", "yes") == f"pain-coach: --due: {FEB_31}"
    assert (store.root / "profile.json").read_bytes() == before  # not the PGP answer either: all or nothing


@pytest.mark.parametrize(
    "options, said",
    [
        (["--birth-kind", "caesarean"], "--birth-kind: How your baby was born goes with a birth date: add the birth date first."),
        (["--due", DUE.isoformat(), "--birth-kind", "vaginal"], "--birth-kind: How your baby was born goes with a birth date"),
        (["--birth-kind", "c-section", "--birth-date", BORN.isoformat()], "--birth-kind must be one of: caesarean, vaginal (got 'c-section')."),
        (["--birth-date", BORN.isoformat(), "--postnatal-check", (BORN - timedelta(days=1)).isoformat()],
         f"--postnatal-check: {long_date(BORN - timedelta(days=1))} is before the birth ({long_date(BORN)})"),
        (["--birth-date", BORN.isoformat(), "--postnatal-check", (TODAY + timedelta(days=1)).isoformat()],
         "is in the future: add your postnatal check once you have had it."),
        (["--birth-date", (TODAY + timedelta(days=3)).isoformat()], "is in the future: type the day your baby was born."),
        (["--lmp", "someday"], "--lmp: 'someday' is not a date pain-coach can read."),
        (["--due", DUE.isoformat(), "--lmp", BORN.isoformat()], "Give one date: --due, --lmp cannot be used together."),
        (["--maternity-number", "call them"], "--maternity-number: The maternity unit's number can only contain digits"),
        (["--pgp", "maybe"], "--pgp must be one of: yes, no, unsure (got 'maybe')."),
        (["--day-first", "sometimes"], "--day-first must be one of: yes, no (got 'sometimes')."),
        (["--clear", "due"], "--clear must be one of: dates, birth-kind, postnatal-check, pgp, emergency-number"),
        (["--clear", "pgp", "--pgp", "yes"], "--clear pgp and --pgp say opposite things: give one of them."),
    ],
    ids=["kind without a birth", "kind with a due date", "unknown kind", "check before the birth", "check ahead",
         "birth ahead", "not a date", "two dates", "bad number", "bad pgp", "bad day-first", "bad clear",
         "clear and set"],
)  # fmt: skip
def test_a_bad_value_is_one_line_exit_2_and_nothing_saved(store, capsys, options, said):
    line = refused(capsys, *options)
    assert line.startswith("pain-coach: ") and said in line
    assert not (store.root / "profile.json").exists()


def test_a_birth_date_after_the_recorded_check_is_refused_naming_the_check(store, capsys):
    main(["profile", "--birth-date", BORN.isoformat(), "--postnatal-check", CHECKED.isoformat()])
    capsys.readouterr()
    later = CHECKED + timedelta(days=1)
    line = refused(capsys, "--birth-date", later.isoformat())
    assert line == (
        f"pain-coach: --postnatal-check: {long_date(CHECKED)} is before the birth ({long_date(later)}): "
        "please check the day of your postnatal check."
    )


def test_each_field_can_be_cleared(store, capsys):
    main(["profile", "--birth-date", BORN.isoformat(), "--birth-kind", "vaginal", "--postnatal-check", CHECKED.isoformat(),
          "--pgp", "yes", "--emergency-number", "112", "--maternity-number", "0114"])  # fmt: skip
    store.save_profile(store.load_profile().model_copy(update={"conditions": ["anaemia"]}))
    capsys.readouterr()
    shown = profile_json(capsys, "--clear", "postnatal-check", "--clear", "pgp", "--clear", "maternity-number")
    assert (shown["postnatal_check"], shown["pgp_diagnosed"], shown["maternity_number"]) == (None, None, None)
    assert (shown["birth_kind"], shown["emergency_number"], shown["conditions"]) == ("vaginal", "112", ["anaemia"])
    shown = profile_json(capsys, "--clear", "birth-kind", "--clear", "emergency-number", "--clear", "conditions")
    assert (shown["birth_kind"], shown["emergency_number"], shown["conditions"]) == (None, None, [])
    assert shown["strenuous_held_back"] is True  # how the baby was born no longer said: careful again
    shown = profile_json(capsys, "--clear", "dates")
    assert (shown["birth_date"], shown["date_basis"], shown["stage"]["kind"]) == (None, None, "unknown")


def test_a_new_pregnancy_clears_how_the_last_baby_was_born(store, capsys):
    main(
        [
            "profile",
            "--birth-date",
            BORN.isoformat(),
            "--birth-kind",
            "caesarean",
            "--postnatal-check",
            CHECKED.isoformat(),
        ]
    )
    capsys.readouterr()
    shown = profile_json(capsys, "--due", (TODAY + timedelta(weeks=30)).isoformat())
    assert (shown["birth_date"], shown["birth_kind"], shown["postnatal_check"]) == (None, None, None)


def test_month_first_dates_are_read_month_first(store, capsys):
    shown = profile_json(capsys, "--day-first", "no", "--due", f"{(TODAY + timedelta(weeks=8)):%m/%d/%Y}")
    assert (shown["day_first"], shown["due_date"]) == (False, (TODAY + timedelta(weeks=8)).isoformat())


def test_the_profile_command_does_not_import_textual():
    import subprocess
    import sys

    code = "import sys; from coach.cli import main; main(['profile']); print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")
