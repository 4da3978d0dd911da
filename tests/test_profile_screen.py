"""The profile at 80x24 and 120x40, typed as a person types it: every label whole, an error that goes once
the date is fixed, and an impossible day named as such ("February has 28 days in 2027"); after the birth,
how the baby was born and the postnatal check; the maternity unit's number beside the emergency number."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Label, Static

from tests.screen_cells import lines
from tests.test_checkin_flow import press, type_text

SIZES = [(80, 24), (120, 40)]
by_size = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
FEB_31 = "February has 28 days in 2027: please check the day."


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def drawn(app, widget) -> str:
    """The words the widget's area of the screen shows, lines joined."""
    region = widget.content_region
    rows = lines(app)[region.y : region.bottom]
    return " ".join(" ".join(row[region.x : region.right].split()) for row in rows)


BIRTH_LABELS = {"How was your baby born?", "The day of your postnatal check"}


def label_words(app) -> set[str]:
    """The first words of each label the person can see (scrolled to or not)."""
    return {str(label.content).split(" (")[0].split(",")[0] for label in app.screen.query(Label) if label.display
            and label.parent is not None and label.parent.display}  # fmt: skip


@by_size
@pytest.mark.parametrize("basis_keys", [["enter"], ["down", "down", "enter"]], ids=["due date", "born"])
async def test_every_label_is_whole_on_screen(make_app, size, basis_keys):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, "p", *basis_keys)
        born = len(basis_keys) > 1
        assert (label_words(app) >= BIRTH_LABELS) is born  # asked only once a birth date is chosen
        labels = [label for label in app.screen.query(Label) if label.parent is not None and label.parent.display]
        assert len(labels) >= (8 if born else 6)
        for label in labels:
            label.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
            assert label.region.y >= 1 and label.region.bottom <= size[1] - 1  # between header and footer
            assert drawn(app, label) == " ".join(str(label.content).split())


async def open_due_date(pilot) -> None:
    await press(pilot, "p", "enter", "tab")  # "My due date", then the date field


async def test_an_impossible_day_is_named_and_the_error_goes_once_the_date_is_fixed(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_due_date(pilot)
        await type_text(pilot, "31/02/2027")
        assert shown(app, "#date-echo") == FEB_31  # said as it is typed
        await press(pilot, "ctrl+s")
        assert type(app.screen).__name__ == "ProfileScreen"
        assert shown(app, "#profile-problem") == FEB_31
        await press(pilot, "backspace")
        assert shown(app, "#profile-problem") == ""  # no stale error under the form once the date is edited
        await press(pilot, *["backspace"] * 9)
        await type_text(pilot, "14/02/2027")
        assert shown(app, "#profile-problem") == ""
        assert shown(app, "#date-echo").startswith("14 February 2027: you are")
        await press(pilot, "ctrl+s")
        assert type(app.screen).__name__ == "HomeScreen"
    assert store.load_profile().due_date == date(2027, 2, 14)


async def test_a_bad_number_error_goes_once_the_number_is_edited_but_a_date_error_stays(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_due_date(pilot)
        await type_text(pilot, "31/02/2027")
        await press(pilot, "ctrl+s")
        assert shown(app, "#profile-problem") == FEB_31
        app.screen.query_one("#emergency").focus()
        await type_text(pilot, "99")  # not what the problem is about
        assert shown(app, "#profile-problem") == FEB_31
        app.screen.query_one("#date").focus()
        await press(pilot, "end", *["backspace"] * 10)
        await type_text(pilot, "14/02/2027")
        app.screen.query_one("#emergency").focus()  # which selects what is there: typing replaces it
        await type_text(pilot, "99x")
        await press(pilot, "ctrl+s")
        assert "digits" in shown(app, "#profile-problem")
        await press(pilot, "backspace")
        assert shown(app, "#profile-problem") == ""
        await press(pilot, "ctrl+s")
        assert type(app.screen).__name__ == "HomeScreen"
    assert store.load_profile().emergency_number == "99"


async def choose_born_and_type(pilot, app, birth: str) -> None:
    """ "My baby was born on" (two down, Enter), Tab to the date field and type the birth date."""
    await press(pilot, "p", "down", "down", "enter", "tab")
    await type_text(pilot, birth)


async def test_after_the_birth_how_the_baby_was_born_and_the_check_are_asked_and_saved(make_app, store):
    from tests.conftest import FIXED_NOW

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await choose_born_and_type(pilot, app, "1 October 2026")
        assert shown(app, "#date-echo") == "1 October 2026: your baby is 8 weeks + 0 days old."
        await press(pilot, "tab", "tab")  # past "day first", to how the baby was born
        assert app.focused is not None and app.focused.id == "birth-kind"
        caesarean = app.screen.query("#birth-kind RadioButton").first()
        caesarean.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        await pilot.click(caesarean)  # by mouse
        await press(pilot, "tab")
        assert app.focused is not None and app.focused.id == "postnatal-check"
        await type_text(pilot, "20/11/2026")
        assert shown(app, "#check-echo") == "20 November 2026: 7 weeks + 1 day after the birth."
        await press(pilot, "enter")  # Enter in a field saves, as in the date field
        assert type(app.screen).__name__ == "HomeScreen"
    profile = store.load_profile()
    assert (profile.birth_date, profile.birth_kind, profile.postnatal_check) == (
        date(2026, 10, 1),
        "caesarean",
        date(2026, 11, 20),
    )
    assert FIXED_NOW.date() == date(2026, 11, 26)


@pytest.mark.parametrize(
    "typed, said",
    [
        (
            "30/09/2026",
            "30 September 2026 is before the birth (1 October 2026): please check the day of your postnatal check.",
        ),
        ("1 Dec 2026", "1 December 2026 is in the future: add your postnatal check once you have had it."),
        ("31/11/2026", "November has 30 days in 2026: please check the day."),
    ],
    ids=["before the birth", "in the future", "no such day"],
)
async def test_a_postnatal_check_that_cannot_be_is_refused_and_nothing_saved(make_app, store, typed, said):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await choose_born_and_type(pilot, app, "1 October 2026")
        app.screen.query_one("#postnatal-check").focus()
        await type_text(pilot, typed)
        assert shown(app, "#check-echo") == said  # said as it is typed
        await press(pilot, "ctrl+s")
        assert type(app.screen).__name__ == "ProfileScreen"
        assert shown(app, "#profile-problem") == said
        assert app.focused is not None and app.focused.id == "postnatal-check"
        await press(pilot, "backspace")
        assert shown(app, "#profile-problem") == ""
    assert store.load_profile().birth_date is None


async def test_a_due_date_clears_how_the_baby_was_born_and_the_check(make_app, store):
    from coach.history.records import Profile

    store.save_profile(
        Profile(
            date_basis="born", birth_date=date(2026, 10, 1), birth_kind="caesarean", postnatal_check=date(2026, 11, 20)
        )
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "p")
        assert app.screen.query_one("#birth-fields").display
        assert str(app.screen.query_one("#postnatal-check").value) == "20 November 2026"
        await press(pilot, "enter")  # the first answer is highlighted: a new pregnancy, "My due date"
        assert not app.screen.query_one("#birth-fields").display
        app.screen.query_one("#date").focus()
        await press(pilot, "end", *["backspace"] * 20)
        await type_text(pilot, "1 June 2027")
        await press(pilot, "ctrl+s")
        assert type(app.screen).__name__ == "HomeScreen"
    profile = store.load_profile()
    assert (profile.due_date, profile.birth_date, profile.birth_kind, profile.postnatal_check) == (
        date(2027, 6, 1),
        None,
        None,
        None,
    )


async def test_the_maternity_number_is_kept_beside_the_emergency_number(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "p")
        app.screen.query_one("#emergency").focus()
        await type_text(pilot, "999")
        await press(pilot, "tab")
        assert app.focused is not None and app.focused.id == "maternity"
        await type_text(pilot, "0114 226 8000x")
        await press(pilot, "enter")
        assert shown(app, "#profile-problem") == (
            "The maternity unit's number can only contain digits, spaces and + (got '0114 226 8000x')."
        )
        await press(pilot, "backspace", "enter")
        assert type(app.screen).__name__ == "HomeScreen"
    profile = store.load_profile()
    assert (profile.emergency_number, profile.maternity_number) == ("999", "0114 226 8000")
