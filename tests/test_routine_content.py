"""exercises.toml and routines.toml: the packaged files are sound, and mistakes are named precisely."""

from __future__ import annotations

import shutil

import pytest

from coach.content.content import Content
from coach.content.loader import ContentError
from coach.locations import content_dir

REQUIRED = {
    "quick-buttock-relief",
    "back-of-thigh-ease",
    "gentle-pelvic-girdle",
    "desk-break",
    "evening-wind-down",
    "bedtime-side-lying",
}


def test_catalogue_and_routines_are_complete(content):
    content = content
    assert len(content.exercises.exercises) >= 12
    assert {r.id for r in content.routines.routines} >= REQUIRED
    assert all(e.sources for e in content.exercises.exercises)


def copy_with(tmp_path, name: str, old: str, new: str):
    folder = tmp_path / "content"
    shutil.copytree(content_dir(), folder)
    path = folder / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return folder


def problems(folder) -> list[str]:
    with pytest.raises(ContentError) as err:
        Content.load(folder=folder).check()
    return err.value.problems


def test_routine_step_naming_no_exercise_suggests_the_right_one(tmp_path):
    folder = copy_with(tmp_path, "routines.toml", '{ exercise = "glute-squeeze" },', '{ exercise = "glute-sqeeze" },')
    assert problems(folder) == [
        "content/routines.toml: routines[0].steps[0].exercise: no exercise 'glute-sqeeze' (did you mean 'glute-squeeze'?)"
    ]


def test_unknown_alternative_is_named(tmp_path):
    folder = copy_with(tmp_path, "exercises.toml", 'alternative = "cat-cow"', 'alternative = "cat-cows"')
    assert problems(folder) == [
        "content/exercises.toml: exercises[13].alternative: no exercise 'cat-cows' (did you mean 'cat-cow'?)"
    ]


def test_routine_cannot_contain_a_move_it_avoids(tmp_path):
    folder = copy_with(
        tmp_path,
        "routines.toml",
        '{ exercise = "glute-squeeze" },\n    { exercise = "pelvic',
        '{ exercise = "bottom-to-heels" },\n    { exercise = "pelvic',
    )
    assert problems(folder) == [
        "content/routines.toml: routines[2].steps[1].exercise: 'bottom-to-heels' is wide-legged, which this routine avoids"
    ]


def test_cue_too_long_to_read_mid_stretch_is_refused(tmp_path):
    folder = copy_with(tmp_path, "exercises.toml", '"Lower slowly",', '"' + "x" * 61 + '",')
    [problem] = problems(folder)
    assert problem.startswith("content/exercises.toml: exercises[15].cues[2]: ")
