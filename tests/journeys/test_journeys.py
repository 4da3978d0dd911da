"""Journeys in a real terminal: the installed `pain-coach` in tmux at 80x24 and 120x40, driven only with what
a person uses (arrows, Enter, Tab, Escape, number keys, typed and pasted text, mouse clicks), asserting on
what the screen shows. `pytest -m journey` runs them alone; tests/journeys/terminal.py is the harness."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.journeys.terminal import Terminal

pytestmark = [pytest.mark.journey, pytest.mark.slow]

SMALL, LARGE = (80, 24), (120, 40)
# Typed as the brief writes it. A real ESC cannot be pasted through tmux (it shows pasted control characters
# as ^X); tests/test_attacks_input.py puts those into the app directly.
HOSTILE = r"\e[31m [b]x[/b] [link=http://example.com]y[/link]"


def due_in(weeks: int) -> str:
    """A due date `weeks` from today, typed day first as the placeholder shows."""
    return (date.today() + timedelta(weeks=weeks)).strftime("%d/%m/%Y")


def past_first_run(t: Terminal) -> None:
    t.wait_for("Welcome to pain-coach", "I understand")
    t.press("Enter").wait_for("What would you like to do?")


def profile_with_date(t: Terminal, basis_downs: int, typed: str, echoed: str) -> None:
    """From home: the profile by arrows + Enter, the date's kind by arrows + Enter, the date typed, ctrl+s."""
    t.press("Down", "Down", "Down", "Down", "Enter").wait_for("Which date do you know?")
    t.press(*["Down"] * basis_downs, "Enter", "Tab").wait_for("f1 Help")  # in the date field, ? is typed
    t.type(typed).wait_for(echoed)
    t.press("C-s").wait_for("What would you like to do?")


def answer(t: Terminal, *keys: str, then: str) -> None:
    t.press(*keys).wait_for(then)


def calm_checkin_to_flags(t: Terminal, *, weekly_score: bool = False) -> None:
    """Questions 1-10 of a calm pregnancy check-in: arrows, Space, Enter, letters and typed numbers; then the
    weekly function score, answered (3, 10 typed as 1 then 0, and 6 by arrows) or put off by arrows and Enter."""
    answer(t, "Down", "Space", "Enter", then="Which side?")  # buttock
    answer(t, "Enter", then="What does it feel like?")  # left (the first, highlighted)
    answer(t, "Space", "Enter", then="How bad is the pain right now?")  # a dull ache
    t.type("4").wait_for("[ 4 ]", "4: press Enter to choose it.")
    answer(t, "Enter", then="at its worst in the last 24 hours")
    t.press("Right", "Right", "Right", "Right", "Right", "Right").wait_for("[ 5 ]")  # from none: 0, 1 .. 5
    answer(t, "Enter", then="What makes it worse?")
    answer(t, "c", "Enter", then="Does resting ease it?")  # turning over in bed
    answer(t, "a", then="getting better, staying the same")
    answer(t, "a", then="how many nights did the pain spoil your sleep?")
    answer(t, "a", then="How long has this pain been going on?")
    answer(t, "a", then="Once a week: three short questions")
    if weekly_score:
        answer(t, "Enter", then="on average in the past week?")  # the first: yes, now
        t.type("3").wait_for("[ 3 ]")
        answer(t, "Enter", then="enjoyment of life?")
        t.type("10").wait_for("[10 ]", "10: press Enter to choose it.")
        answer(t, "Enter", then="general activity?")
        t.press(*["Right"] * 7).wait_for("[ 6 ]")  # from none: 0, 1 .. 6
        answer(t, "Enter", then="Do you have any of these right now?")
    else:
        answer(t, "Down", "Enter", then="Do you have any of these right now?")  # not this week


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_first_run_to_export(open_terminal, size):
    t = open_terminal(size)
    # First run: the notice, help over it, then home.
    t.wait_for("Welcome to pain-coach", "I understand", "? Help")
    t.type("?").wait_for("Keys", "esc Close")
    t.press("Escape").wait_gone("esc Close")
    t.press("Enter").wait_for("What would you like to do?", "Add your due date")

    # Home by arrows + Enter: the profile, a due date typed, saved with ctrl+s.
    profile_with_date(t, 0, due_in(10), "you are 30 weeks + 0 days today")
    t.wait_for("30 weeks + 0 days pregnant")

    # The check-in by arrows + Enter from home.
    t.press("Up", "Up", "Up", "Up", "Enter").wait_for("Question 1 of ", "Where does it hurt?")
    calm_checkin_to_flags(t, weekly_score=True)
    for _ in range(4):  # the warning-sign groups: none of these
        before = t.screen()
        t.press("n").wait_change(before)
    t.press("n").wait_for("What your answers fit", "⏎ Start routine")

    # The plan's first suggested routine, by Enter: before-you-start, pain before, the player.
    t.press("Enter").wait_for("Before you start: stop and seek advice", "I feel fine, start", "esc Not now")
    t.press("Enter").wait_for("How is your pain right now?")
    t.type("4").press("Enter").wait_for("Step 1 of ", "s Stop", "space Pause")
    shown = t.screen()
    total = int(shown.split("Step 1 of ")[1].split()[0])

    # Pause and resume: the screen says so, the footer offers the other one, the clock runs again.
    t.press("Space").wait_for("Paused: press space to carry on.", "space Resume")
    t.press("Space").wait_gone("Paused")
    left = t.wait_for("space Pause").split(" left")[0].split()[-1]
    t.wait_gone(f"{left} left")  # the real clock counts on

    # The rest by n (next step), as a person in a hurry does; then pain after: 1 then 0 is 10.
    for step in range(2, total + 1):
        t.press("n").wait_for(f"Step {step} of {total}")
    t.press("n").wait_for("How did that go?")
    t.type("1").wait_for("type 0 for 10")
    t.type("0").wait_for("[10 ]", "10: press Enter to choose it.")
    t.press("Enter").wait_for("b Better")
    t.press("s").wait_for("Choose a routine with", "done and saved to your history")

    # Back to home, the history by arrows + Enter, the session's detail, a note.
    t.press("Escape").wait_for("What your answers fit")
    t.press("Escape").wait_for("What would you like to do?")
    t.press("Down", "Down", "Enter").wait_for("Records", "2 records.")
    t.press("Enter").wait_for("Routine session", "n Note")
    t.press("n").wait_for("^s Save")
    t.type(HOSTILE).wait_for("[b]x[/b]")
    t.press("C-s").wait_for("Note saved.")
    t.wait_for(r"\e[31m [b]x[/b]", "[link=http://example.com]y[/link]")  # as typed: no colour, bold or link

    # Export from the history: the default file, written whole, the note in it escaped, so a reader sees it as typed.
    t.press("Escape").wait_for("Records")
    t.press("e").wait_for("Export", "^s Save")
    t.press("C-s").wait_for("Wrote 2 records")
    exported = list((t.folder / "home").glob("pain-coach*"))
    assert len(exported) == 1, exported
    assert r"\[b\]x\[/b\]" in exported[0].read_text(encoding="utf-8")  # Markdown-escaped: shown as typed

    t.press("C-q")
    assert t.wait_exit() == 0


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_a_red_flag_pauses_routines(open_terminal, size):
    t = open_terminal(size)
    past_first_run(t)
    profile_with_date(t, 0, due_in(10), "you are 30 weeks + 0 days today")
    t.press("c").wait_for("Where does it hurt?")
    calm_checkin_to_flags(t)
    # "Shooting pain down both legs", ticked by its letter: a warning sign that ends the check-in at once.
    t.press("a", "Enter").wait_for("Get help now", "Shooting pain down both legs", "c I've been checked")

    t.press("Escape").wait_for("What would you like to do?")
    t.press("r").wait_for("A recent check-in found something that needs care first", "c Care first")
    assert "⏎ Start" not in t.screen()
    t.press("Enter").wait_for("needs care first")  # Enter starts nothing while routines are paused
    assert "Before you start" not in t.screen()
    t.press("c").wait_for("I have been checked by a midwife or doctor")


def test_a_postnatal_checkin_asks_nothing_about_the_bump_or_baby_movements(open_terminal):
    t = open_terminal(SMALL)
    past_first_run(t)
    born = (date.today() - timedelta(weeks=6)).strftime("%d/%m/%Y")
    profile_with_date(t, 2, born, "your baby is 6 weeks + 0 days old")
    t.press("c").wait_for("Question 1 of ")
    asked: list[str] = []
    while True:
        t.wait_any(["Question ", "What your answers fit", "Get help now", "Contact your"])
        shown = t.settled()
        if "Question " not in shown:
            break
        number = shown.split("Question ")[1].split()[0]
        asked.append(shown)
        if "n: none of these" in shown:
            keys = ["n"]
        elif "Press a letter or Space to tick" in shown:
            keys = ["Space", "Enter"]
        elif "Type a number" in shown:
            t.type("3").wait_for("[ 3 ]")
            keys = ["Enter"]
        else:
            keys = ["Enter"]
        t.press(*keys).wait_gone(f"Question {number} of")
    questions = [s.split("Question ")[1].split("\n")[0] for s in asked]
    assert questions, "no question was asked"
    total = int(questions[-1].split(" of ")[1])  # the weekly score's three questions count once chosen
    assert len(asked) == total, questions
    for screen in asked:
        lowered = screen.lower()
        assert "bump" not in lowered and "baby moving" not in lowered, screen


def test_the_mouse_opens_menus_ticks_options_and_presses_buttons(open_terminal):
    t = open_terminal(SMALL)
    t.click("I understand").wait_for("What would you like to do?")  # a button in a dialog
    t.click("Check in: how is the pain?").wait_for("Which date do you know?")  # a home menu item
    t.click("I'd rather not say")
    t.press("C-s").wait_for("Where does it hurt?")  # the first check-in's profile (its Save is below the fold)
    t.click("Buttock")
    t.click("Next", row_after="Press a letter").wait_for("Which side?")  # ticked by the click, or Next would refuse
    t.click("Right").wait_for("What does it feel like?")
    t.click("Back", row_after="Press a letter").wait_for("Which side?")
    t.press("Escape", "Escape").wait_for("What would you like to do?")
    t.click("Guided routines").wait_for("Choose a routine with")
    t.click("Desk break").wait_for("I feel fine, start")
    t.click("I feel fine, start").wait_for("How is your pain right now?")
    x, y = t.find("0    1    2    3")
    t.click_at(x + 15, y)  # on the 3 of the 0-10 scale
    t.wait_for("Step 1 of ", "s Stop")
