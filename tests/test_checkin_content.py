"""The check-in content files: cross-references are checked, medical items carry sources."""

from __future__ import annotations

import shutil

import pytest

from coach.content.content import Content
from coach.content.loader import ContentError
from coach.locations import content_dir


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(content_dir(), copy)
    return copy


def problems_after(folder, name: str, old: str, new: str) -> list[str]:
    path = folder / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(ContentError) as caught:
        Content.load(folder=folder).check()
    return caught.value.problems


def test_a_red_flag_option_must_be_a_known_red_flag(folder):
    problems = problems_after(folder, "questionnaire.toml", 'id = "saddle-numbness"', 'id = "sadle-numbness"')
    assert any("questionnaire.toml: questions[14].options[2].id: no red flag 'sadle-numbness'" in p for p in problems)
    assert any("did you mean 'saddle-numbness'" in p for p in problems)


def test_advice_must_point_at_real_answers(folder):
    problems = problems_after(folder, "advice.toml", 'worse = ["sitting"] }', 'worse = ["siting"] }')
    assert any("advice.toml: advice[5].when.worse[0]: no option 'siting'" in p for p in problems)


def test_a_red_flag_needs_a_source(folder):
    problems = problems_after(
        folder,
        "triage.toml",
        'level = "emergency"\nsources = ["NICE CKS sciatica / cauda equina red flags (2018)", "British Association of Spine Surgeons, cauda equina"]',
        'level = "emergency"\nsources = []',
    )
    assert any("triage.toml: flags[0].sources" in p for p in problems)


def test_a_red_flag_cannot_be_downgraded_to_self_care(folder):
    problems = problems_after(
        folder,
        "triage.toml",
        'id = "fever"\nlabel = "Fever or high temperature"\nlevel = "urgent"',
        'id = "fever"\nlabel = "Fever or high temperature"\nlevel = "self-care"',
    )
    assert any("triage.toml: flags[16].level" in p for p in problems)


def test_show_if_must_name_an_earlier_question(folder):
    problems = problems_after(folder, "questionnaire.toml", "show_if = { where = [", "show_if = { were = [")
    assert any("questions[1].show_if.were" in p for p in problems)


def test_no_result_names_a_diagnosis(content):
    """Patterns are worded as 'often called ...; a midwife or physio can confirm' (content-brief section 5)."""

    assert "often called" in content.text("assessment.pattern_fit", name="x")
    assert "can confirm" in content.text("assessment.pattern_fit", name="x")
    for pattern in content.triage.patterns:
        assert "you have" not in pattern.why.lower()
