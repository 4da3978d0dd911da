"""Every 0-10 entry takes 10 by typing (1 then 0, shown as typed, Enter confirms), by arrows and by mouse:
the pain rating before and after a routine and the check-in's two pain questions, at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from coach.tui.screens.pain_rating import PainAnswer, PainRatingScreen
from coach.tui.widgets.pain_scale import CELL, PainScale, typed_value
from tests.screen_cells import text_of
from tests.test_checkin_flow import DUE, press

SIZES = [(80, 24), (120, 40)]
by_size = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


@pytest.mark.parametrize(
    ("keys", "number"),
    [("10", "10"), ("1", "1"), ("4", "4"), ("45", "5"), ("11", "1"), ("05", "5"), ("103", "3"), ("100", "0")],
)
def test_digits_build_the_number_and_a_digit_that_cannot_extend_it_starts_anew(keys, number):
    typed = ""
    for key in keys:
        typed = typed_value(typed, key)
    assert typed == number


async def rating(app, pilot, after: bool, answers: list[PainAnswer | None] | None = None) -> list[PainAnswer | None]:
    answers = [] if answers is None else answers
    app.push_screen(PainRatingScreen(after=after), answers.append)
    await pilot.pause()
    return answers


def scale_row(app) -> str:
    scale = app.screen.query_one(PainScale)
    return text_of(app).splitlines()[scale.content_region.y]


async def click_number(pilot, scale: PainScale, n: int) -> None:
    await pilot.click(scale, offset=(scale.content_region.x - scale.region.x + n * CELL + 2, 0))
    await pilot.pause()


@by_size
async def test_pain_10_is_typed_1_then_0_shown_as_typed_and_saved_on_enter(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        answers = await rating(app, pilot, after=False)
        assert all(f" {n} " in scale_row(app) for n in range(11))  # the whole scale is on screen
        await press(pilot, "1")
        assert "[ 1 ]" in scale_row(app) and "type 0 for 10" in text_of(app)
        assert answers == []  # 1 is not saved while a 0 could still make it 10
        await press(pilot, "0")
        assert "[10 ]" in scale_row(app) and "10: press Enter to choose it." in text_of(app)
        assert answers == []
        await press(pilot, "enter")
    assert answers == [PainAnswer(10)]


async def test_a_typed_digit_can_be_rubbed_out(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        answers = await rating(app, pilot, after=False)
        await press(pilot, "1", "0", "backspace", "enter")
    assert answers == [PainAnswer(1)]


async def test_enter_with_nothing_chosen_saves_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        answers = await rating(app, pilot, after=False)
        await press(pilot, "enter")
        assert answers == [] and isinstance(app.screen, PainRatingScreen)
        assert "Type a number, or use ← →, then Enter." in text_of(app)


@by_size
async def test_pain_10_by_arrows(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        answers = await rating(app, pilot, after=False)
        await press(pilot, *["right"] * 12)  # from nothing to 0, then up to 10 and no further
        assert "[10 ]" in scale_row(app)
        await press(pilot, "left", "right", "enter")
    assert answers == [PainAnswer(10)]


@by_size
async def test_pain_10_by_mouse(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        answers = await rating(app, pilot, after=False)
        await click_number(pilot, app.screen.query_one(PainScale), 10)
    assert answers == [PainAnswer(10)]


async def test_after_a_routine_10_then_worse_by_keys_and_by_mouse(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        answers = await rating(app, pilot, after=True)
        await press(pilot, "1", "0", "enter", "w")
        await rating(app, pilot, after=True, answers=answers)
        await click_number(pilot, app.screen.query_one(PainScale), 10)
        await pilot.click("#better")
        await pilot.pause()
    assert answers == [PainAnswer(10, "worse"), PainAnswer(10, "better")]


async def to_pain_now(app, pilot) -> None:
    await press(pilot, "c", "b", "enter", "a", "a", "enter")
    assert app.screen.current.id == "pain_now"


@by_size
@pytest.mark.parametrize("how", ["typed", "arrows", "mouse"])
async def test_the_check_in_takes_pain_10_typed_by_arrows_or_by_mouse(make_app, store, how, size):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await to_pain_now(app, pilot)
        for question in ("pain_now", "pain_worst"):
            assert app.screen.current.id == question
            scale = app.screen.query_one(PainScale)
            assert all(f" {n} " in scale_row(app) for n in range(11))
            if how == "typed":
                await press(pilot, "1", "0")
                assert "[10 ]" in scale_row(app)
                await press(pilot, "enter")
            elif how == "arrows":
                await press(pilot, "end", "enter")
            else:
                await click_number(pilot, scale, 10)
        assert app.screen.current.id == "worse"
        assert (app.screen.answers["pain_now"], app.screen.answers["pain_worst"]) == (10, 10)


async def test_going_back_to_a_pain_question_shows_the_answer_given(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_pain_now(app, pilot)
        await press(pilot, "1", "0", "enter", "escape")
        assert app.screen.current.id == "pain_now"
        assert "[10 ]" in scale_row(app)
        await press(pilot, "left", "enter")
        assert app.screen.answers["pain_now"] == 9
