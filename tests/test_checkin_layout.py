"""Every check-in question, at every stage, at 80x24 and 120x40, answered the way a person answers it.

For each option of each question the test reads the screen's cells: arrowed to, the option is whole on
screen (scrolled into view), its box (on a tick list) and its letter are on its first line, and nothing is
drawn beside its wrapped lines; its letter ticks (or picks) that option and no other; a click on it, on
any of its lines, ticks (or picks) it. The hint and the buttons under the list stay on screen.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from rich.cells import cell_len
from textual.widgets import OptionList

from coach.checkin.triage import options_for
from coach.history.records import Profile
from coach.tui.widgets.answers import BOX, KEY_GAP, PickOne, PickSome
from tests.conftest import FIXED_NOW
from tests.packaged import CONTENT
from tests.screen_cells import cells, lines

TODAY = FIXED_NOW.date()
STAGES = {
    "20 weeks": Profile(due_date=TODAY + timedelta(weeks=20), date_basis="due"),
    "36 weeks": Profile(due_date=TODAY + timedelta(weeks=4), date_basis="due"),
    "postnatal": Profile(birth_date=TODAY - timedelta(weeks=6), date_basis="born"),
}
SIZES = [(80, 24), (120, 40)]
KEYS = CONTENT.text("checkin.option_keys")


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def squash(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def option_rows(app, widget: OptionList, index: int) -> list[int]:
    """The screen rows option `index` is drawn on now (those inside the list's visible area)."""
    top = widget.content_region.y - widget.scroll_offset.y
    rows = [top + line for line, (i, _) in enumerate(widget._lines) if i == index]
    return [y for y in rows if widget.content_region.y <= y < widget.content_region.bottom]


def first_row(widget: OptionList, index: int) -> int:
    """The screen row of option `index`'s first line (it may be scrolled out of the list's visible area)."""
    top = widget.content_region.y - widget.scroll_offset.y
    return top + next(line for line, (i, _) in enumerate(widget._lines) if i == index)


def row_text(screen_lines: list[str], widget: OptionList, y: int) -> str:
    region = widget.scrollable_content_region  # not the scroll bar
    return screen_lines[y][region.x : region.right]


def gutter(widget: OptionList, index: int) -> str:
    key = KEYS[index]
    box = BOX if isinstance(widget, PickSome) else ""
    return box + key + " " * KEY_GAP


def ticked_rows(app, widget: PickSome) -> set[int]:
    """Rows whose box is drawn ticked (in the colour of a selected button); every first row has a box."""
    ticked = widget.get_component_rich_style("selection-list--button-selected").color.get_truecolor()
    firsts = {first_row(widget, i) for i in range(widget.option_count)}  # an option scrolled half off has none
    x = widget.content_region.x + 1  # the box's inner cell
    found = set()
    for cell in cells(app):
        if cell.x == x and widget.content_region.y <= cell.y < widget.content_region.bottom:
            assert (cell.char == BOX[1]) == (cell.y in firsts), f"row {cell.y}: a box only on an option's first line"
            if cell.char == BOX[1] and cell.fg == ticked:
                found.add(cell.y)
    return found


def on_screen(app, selector: str) -> bool:
    region = app.screen.query_one(selector).region
    return region.height > 0 and region.y >= 0 and region.bottom <= app.size.height - 1  # above the footer


async def check_option(app, pilot, widget: OptionList, index: int, label: str) -> None:
    rows = option_rows(app, widget, index)
    assert rows, f"option {index + 1} ({label!r}) is not on screen when highlighted"
    screen_lines = lines(app)
    first = row_text(screen_lines, widget, rows[0])
    assert first.startswith(gutter(widget, index)), f"{first!r}: its box and letter are not on its first line"
    wrapped = [row_text(screen_lines, widget, y) for y in rows[1:]]
    blank = " " * cell_len(gutter(widget, index))
    assert all(line.startswith(blank) for line in wrapped), f"something is drawn beside the wrapped lines: {wrapped}"
    shown = squash(" ".join([first[len(gutter(widget, index)) :], *wrapped]))
    assert shown == squash(label), f"option {index + 1} is cut: {shown!r}"
    assert widget.region.bottom <= app.size.height - 1 and on_screen(app, "#hint") and on_screen(app, "#back")


async def check_question(app, pilot, keys_and_clicks: bool) -> None:
    screen = app.screen
    question = screen.current
    if question.kind == "scale":
        return  # tests/test_pain_entry.py
    widget = screen.query_one("#pick-one, #pick-some", OptionList)
    options = [(i, widget.get_option_at_index(i)) for i in range(widget.option_count)]
    labels = [str(option.prompt) for _, option in options]
    ids = [option.id if isinstance(widget, PickOne) else option.value for _, option in options]
    # Arrowed to, one by one: each is whole on screen beside its own box and letter.
    await press(pilot, "home")
    for index in range(len(options)):
        assert widget.highlighted == index
        await check_option(app, pilot, widget, index, labels[index])
        await press(pilot, "down")
    await press(pilot, "home")
    if not keys_and_clicks:
        return
    for index, option_id in enumerate(ids):
        if isinstance(widget, PickSome):
            # Its letter ticks it, and the tick is drawn on its own first line.
            await press(pilot, KEYS[index])
            assert widget.selected == [option_id]
            assert ticked_rows(app, widget) == {option_rows(app, widget, index)[0]}
            await press(pilot, KEYS[index])
            assert widget.selected == []
            # A click on any of its lines ticks it.
            for y in option_rows(app, widget, index):
                await pilot.click(widget, offset=(widget.content_region.x - widget.region.x + 8, y - widget.region.y))
                await pilot.pause()
                assert widget.selected == [option_id], f"a click on row {y} did not tick option {index + 1}"
                widget.deselect_all()
                await pilot.pause()
        else:
            # Its letter picks it (and moves on); back, then a click picks it.
            for how in ("key", "click"):
                if how == "key":
                    await press(pilot, KEYS[index])
                else:
                    widget.highlighted = index
                    await pilot.pause()
                    y = option_rows(app, widget, index)[0]
                    await pilot.click(
                        widget, offset=(widget.content_region.x - widget.region.x + 8, y - widget.region.y)
                    )
                    await pilot.pause()
                assert screen.answers[question.id] == option_id, f"{how} on option {index + 1} of {question.id}"
                assert screen.current.id != question.id
                await press(pilot, "escape")
                assert screen.current.id == question.id
                widget = screen.query_one("#pick-one", OptionList)


def walk(stage: str) -> list[tuple[str, tuple[str, ...]]]:
    """(question, the options it offers) as the test's own answers lead through the check-in at a stage:
    the first option of a choice (the weekly score: now, as it is due in a new history), none of the warning
    signs, 4 on a scale (answer_and_move_on)."""
    from coach.checkin.pregnancy import stage as stage_of
    from coach.checkin.triage import asked_questions, options_for

    current = stage_of(STAGES[stage], TODAY)
    answers: dict[str, object] = {}
    asked = []
    while question := next(
        (q for q in asked_questions(answers, current, CONTENT, weekly=True) if q.id not in answers), None
    ):
        options = tuple(o.id for o in options_for(question, current))
        asked.append((question.id, options))
        answers[question.id] = {"one": options[:1] and options[0], "many": list(options[:1]), "flags": [], "scale": 4}[
            question.kind
        ]
    return asked


def checked_first_at(stage: str) -> set[tuple[str, tuple[str, ...]]]:
    """The questions (with the same options) no earlier stage in STAGES asks: the same words in the same
    place on a screen of the same size lay out and answer the same, so each is checked at one stage."""
    earlier = [s for s in list(STAGES)[: list(STAGES).index(stage)]]
    seen = {asked for s in earlier for asked in walk(s)}
    return set(walk(stage)) - seen


async def answer_and_move_on(app, pilot) -> None:
    kind = app.screen.current.kind
    keys = {"flags": ["n"], "many": ["a", "enter"], "one": ["a"], "scale": ["4", "enter"]}[kind]
    await press(pilot, *keys)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("stage", STAGES)
async def test_every_option_is_whole_beside_its_box_and_its_letter_and_click_pick_it(make_app, store, stage, size):
    """At 80x24 every letter and click too; at 120x40 the layout (arrowing through every option). A question
    asked with the same options at an earlier stage of STAGES was checked there (checked_first_at)."""
    store.save_profile(STAGES[stage])
    app = make_app()
    asked = []
    first_here = checked_first_at(stage)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "c")
        while type(app.screen).__name__ == "CheckInScreen":
            screen = app.screen
            offered = tuple(o.id for o in options_for(screen.current, screen.pregnancy_stage))
            asked.append((screen.current.id, offered))
            if asked[-1] in first_here:
                await check_question(app, pilot, keys_and_clicks=size == (80, 24))
            await answer_and_move_on(app, pilot)
        assert type(app.screen).__name__ == "AssessmentScreen"
    assert asked == walk(stage)  # so the questions left to an earlier stage were checked there
    asked = [question for question, _ in asked]
    groups = {"flags_postnatal_now", "flags_postnatal"} if stage == "postnatal" else {"flags_pregnancy"}
    assert {"where", "side", "flags_urine", "flags_other"} | groups <= set(asked)


def test_no_option_key_is_a_key_the_check_in_binds():
    from textual.binding import Binding

    from coach.tui.app import PainCoachApp
    from coach.tui.screens.checkin import CheckInScreen
    from coach.tui.widgets.answers import PickSome

    bound = {
        key
        for owner in (PainCoachApp, CheckInScreen, PickSome)
        for binding in owner.BINDINGS
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    }
    assert not set(KEYS) & bound
    assert not any(k.isdigit() for k in KEYS)  # digits are numbers: "1 or 2 nights", the 0-10 scale
    longest = max(len(q.options) for q in CONTENT.questionnaire.questions)
    assert len(KEYS) >= longest and len(set(KEYS)) == len(KEYS)


async def test_a_long_label_in_a_wide_script_wraps_under_its_own_first_word(make_app, store):
    """Design for any locale: a label of double-width characters wraps in cells, box and key on line one."""
    store.save_profile(STAGES["20 weeks"])
    app = make_app()
    label = "一条很长的选项" * 12
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "c")
        screen = app.screen
        holder = screen.query_one("#answer")
        await holder.remove_children()
        widget = PickSome([("long", label), ("short", "短")], keys=KEYS, id="pick-some")
        await holder.mount(widget)
        widget.focus()
        await pilot.pause()
        rows = option_rows(app, widget, 0)
        assert len(rows) > 1
        screen_lines = lines(app)
        first = row_text(screen_lines, widget, rows[0])
        assert first.startswith(gutter(widget, 0))
        assert all(row_text(screen_lines, widget, y).startswith(" " * cell_len(gutter(widget, 0))) for y in rows[1:])
        assert row_text(screen_lines, widget, option_rows(app, widget, 1)[0]).startswith(gutter(widget, 1))
        await press(pilot, "b")
        assert widget.selected == ["short"]
