"""The closing note's list (tests/warning_signs.py) is drawn from the content the check-in asks."""

from __future__ import annotations

from tests.packaged import CONTENT
from tests.warning_signs import STAGES, closing_note, questionnaire, signs_by_level


def test_every_red_flag_of_the_content_is_listed_under_its_level_at_some_stage():
    from coach.content.ids import DERIVED_FLAGS

    labels = {o.id: o.label for q in CONTENT.questionnaire.questions if q.kind == "flags" for o in q.options}
    listed = [signs_by_level(CONTENT, at) for _, at in STAGES]
    for flag in CONTENT.triage.flags:
        if flag.id not in DERIVED_FLAGS:
            assert any(labels[flag.id] in by_level[flag.level] for by_level in listed), flag.id


def test_the_postnatal_questionnaire_in_the_note_is_the_one_asked():
    note = closing_note(CONTENT)
    asked = questionnaire(CONTENT, STAGES[2][1])
    assert len(asked) == 15
    assert all(text in note for text, _ in asked)
    assert "bump" not in note.split("## The postnatal questionnaire")[1].lower()
