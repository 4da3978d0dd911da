"""The check-in follows the person's stage: urine asked as two items, labour signs at term, a postnatal mode."""

from __future__ import annotations

import pytest

from coach.checkin import triage
from coach.checkin.pregnancy import Stage
from coach.checkin.triage import AnswerError, options_for
from tests.packaged import CONTENT
from tests.test_triage import BIRTH_DAY, DAY_1, JUST_BEFORE_TERM, SIX_WEEKS_AFTER, TERM, WEEKS_30, calm

UNKNOWN = Stage()


def asked_questions(answers: dict, at: Stage) -> list:
    return triage.asked_questions(answers, at, CONTENT)


def check_answers(answers: dict, at: Stage) -> dict:
    return triage.check_answers(answers, at, CONTENT)


def assess(answers: dict, at: Stage) -> triage.Assessment:
    return triage.assess(answers, at, CONTENT)


def ends_now(question: object, value: object) -> bool:
    return triage.ends_now(question, value, CONTENT)  # type: ignore[arg-type]


EVERY_STAGE = [WEEKS_30, JUST_BEFORE_TERM, TERM, UNKNOWN, BIRTH_DAY, DAY_1, SIX_WEEKS_AFTER]
PREGNANCY_ONLY = {
    "baby-movements",
    "fluid",
    "contractions",
    "labour-tightenings",
    "labour-backache",
    "preterm-backache",
    "fall-bump",
    "spotting",
}
POSTNATAL_SIGNS = {
    "postnatal-bleeding",
    "breathless-chest",
    "collapse-fit",
    "sepsis-signs",
    "harm-danger",
    "postnatal-infection",
    "wound-problem",
    "calf-one-side",
    "postnatal-headache",
    "painful-urination",
    "harm-thoughts",
}


def offered_flags(at: Stage) -> dict[str, str]:
    """Every red-flag option offered at this stage -> the question that asks it."""
    return {o.id: q.id for q in asked_questions({}, at) if q.kind == "flags" for o in options_for(q, at)}


def level_of(flag: str, at: Stage) -> str:
    group = offered_flags(at)[flag]
    return assess(check_answers(calm(at, **{group: [flag]}), at), at).level


# --- urine: two items, side by side, wherever asked ------------------------------------------------


@pytest.mark.parametrize("at", EVERY_STAGE, ids=repr)
def test_urine_is_asked_as_two_separate_items_in_one_group_at_every_stage(at):
    flags = offered_flags(at)
    assert flags["urine-retention"] == flags["painful-urination"]
    assert level_of("urine-retention", at) == "emergency"
    assert level_of("painful-urination", at) == "urgent"


def test_no_other_item_asks_about_passing_urine():
    """Retention cannot be ticked under a milder item: only the retention item speaks of not passing urine."""
    questionnaire = CONTENT.questionnaire
    labels = {o.id: o.label.lower() for q in questionnaire.questions if q.kind == "flags" for o in q.options}
    levels = {f.id: f.level for f in CONTENT.triage.flags}
    about_urine = [i for i, label in labels.items() if "urine" in label]
    assert {"urine-retention", "painful-urination"} <= set(about_urine)
    assert [i for i in about_urine if levels[i] != "emergency"] == ["painful-urination"]
    assert "difficult" not in labels["painful-urination"] and "cannot" not in labels["painful-urination"]


# --- at term: labour signs instead of preterm signs --------------------------------------------------


@pytest.mark.parametrize(
    "at,preterm,labour",
    [(JUST_BEFORE_TERM, True, False), (TERM, False, True), (UNKNOWN, True, True), (DAY_1, False, False)],
    ids=["36+6", "37+0", "unknown", "postnatal"],
)
def test_preterm_items_before_37_weeks_labour_signs_from_37(at, preterm, labour):
    flags = offered_flags(at)
    assert ("preterm-backache" in flags) is preterm and ("contractions" in flags) is preterm
    assert ("labour-tightenings" in flags) is labour and ("labour-backache" in flags) is labour


@pytest.mark.parametrize("flag", ["labour-tightenings", "labour-backache", "fluid", "spotting", "baby-movements"])
def test_labour_signs_at_term_go_to_the_maternity_unit_never_a_stretch(flag):
    result = assess(check_answers(calm(TERM, flags_pregnancy=[flag]), TERM), TERM)
    assert (result.level, result.flags, result.routines, result.advice) == ("urgent", [flag], [], [])


def test_a_labour_sign_is_refused_before_term_and_the_preterm_item_from_term():
    with pytest.raises(AnswerError) as caught:
        check_answers(calm(JUST_BEFORE_TERM, flags_pregnancy=["labour-backache"]), JUST_BEFORE_TERM)
    assert caught.value.problems[0][0] == "not_offered"
    with pytest.raises(AnswerError) as caught:
        check_answers(calm(TERM, flags_pregnancy=["preterm-backache"]), TERM)
    assert caught.value.problems[0][0] == "not_offered"


# --- after the birth -------------------------------------------------------------------------------


@pytest.mark.parametrize("at", [BIRTH_DAY, DAY_1, SIX_WEEKS_AFTER], ids=["day 0", "day 1", "6 weeks"])
def test_the_postnatal_questionnaire_asks_its_own_signs_and_no_pregnancy_ones(at):
    flags = offered_flags(at)
    assert set(flags) >= POSTNATAL_SIGNS
    assert not PREGNANCY_ONLY & set(flags)
    assert "heavy-bleeding" not in flags  # the postnatal bleeding item says how heavy is too heavy
    for flag in ("postnatal-bleeding", "collapse-fit", "sepsis-signs", "harm-danger", "breathless-chest"):
        assert level_of(flag, at) == "emergency", flag
    for flag in ("postnatal-infection", "wound-problem", "calf-one-side", "postnatal-headache", "harm-thoughts"):
        assert level_of(flag, at) == "urgent", flag


@pytest.mark.parametrize("at", [WEEKS_30, TERM, UNKNOWN], ids=repr)
def test_pregnancy_asks_no_postnatal_signs(at):
    assert not {"postnatal-bleeding", "wound-problem", "harm-thoughts", "sepsis-signs"} & set(offered_flags(at))


def test_the_postnatal_questionnaire_is_the_agreed_one():
    """The whole postnatal red-flag questionnaire, group by group (the closing note lists the same)."""
    groups = [(q.id, [o.id for o in options_for(q, DAY_1)]) for q in asked_questions({}, DAY_1) if q.kind == "flags"]
    assert groups == [
        ("flags_nerves", ["both-legs", "leg-weakness", "saddle-numbness", "bladder-bowel"]),
        ("flags_urine", ["urine-retention", "painful-urination"]),
        (
            "flags_postnatal_now",
            ["postnatal-bleeding", "breathless-chest", "collapse-fit", "sepsis-signs", "harm-danger"],
        ),
        ("flags_postnatal", ["postnatal-infection", "wound-problem", "postnatal-headache", "harm-thoughts"]),
        ("flags_other", ["calf-one-side", "hip-weight-bearing", "upper-back-sudden"]),
    ]


@pytest.mark.parametrize("at", [BIRTH_DAY, SIX_WEEKS_AFTER], ids=["day 0", "6 weeks"])
def test_postnatal_wording_fits_the_stage(at):
    """No "bump", no "antenatal appointment", no "pregnan..." in anything asked or said after the birth."""
    content = CONTENT
    words = []
    for question in asked_questions({}, at):
        words += [question.text, question.help] + [o.label for o in options_for(question, at)]
    for level in content.triage.levels:
        words += list(level.words(postnatal=True))
    result = assess(check_answers(calm(at), at), at)
    words += [content.advice.item(a).text for a in result.advice]  # type: ignore[union-attr]
    for word in ("bump", "antenatal", "maternity unit or midwife now", "pregnan"):
        assert not [w for w in words if word in w.lower()], word


def test_self_care_after_the_birth_points_to_the_postnatal_check():
    _, action = CONTENT.triage.level("self-care").words(postnatal=True)
    assert "postnatal check" in action and "antenatal" not in action


def test_answers_from_the_other_stage_are_refused_naming_them():
    pregnant_answers = calm(WEEKS_30)
    with pytest.raises(AnswerError) as caught:
        check_answers(pregnant_answers, DAY_1)
    assert ("not_asked_postnatal", {"id": "flags_pregnancy"}) in caught.value.problems
    with pytest.raises(AnswerError) as caught:
        check_answers(calm(DAY_1), WEEKS_30)
    assert ("not_asked_pregnant", {"id": "flags_postnatal"}) in caught.value.problems


# --- an emergency answer ends the check-in ------------------------------------------------------------


def test_only_an_emergency_answer_ends_the_checkin_at_once():
    questionnaire = CONTENT.questionnaire
    nerves, urine = questionnaire.question("flags_nerves"), questionnaire.question("flags_urine")
    assert nerves is not None and urine is not None
    assert ends_now(urine, ["urine-retention"])
    assert not ends_now(urine, ["painful-urination"])
    assert not ends_now(nerves, [])
    assert not ends_now(questionnaire.question("pain_now"), 10)  # type: ignore[arg-type]


# --- the plan says only what is true -------------------------------------------------------------------


def plan_words(answers: dict) -> str:
    result = assess(check_answers(answers, WEEKS_30), WEEKS_30)
    advice = CONTENT.advice
    return " ".join(advice.item(a).text for a in result.advice).lower()  # type: ignore[union-attr]


def test_the_plan_names_only_symptoms_that_were_reported():
    burning_only = plan_words(calm(where=["buttock", "back-of-thigh"], feel=["burning-electric"]))
    assert "burning" in burning_only
    assert "below the knee" not in burning_only and "numbness" not in burning_only
    numb_below_knee = plan_words(calm(where=["below-knee"], feel=["numbness"]))
    assert "numbness" in numb_below_knee and "burning" not in numb_below_knee
    assert "numbness" not in plan_words(calm()) and "burning" not in plan_words(calm())


def test_worst_pain_below_pain_now_is_refused_with_a_clear_message():
    with pytest.raises(AnswerError) as caught:
        check_answers(calm(pain_now=6, pain_worst=4), WEEKS_30)
    assert caught.value.problems == [("worst_below_now", {"worst": 4, "now": 6})]
    check_answers(calm(pain_now=6, pain_worst=6), WEEKS_30)  # equal is fine


def test_duration_options_do_not_overlap():
    duration = CONTENT.questionnaire.question("duration")
    assert duration is not None
    labels = [o.label for o in duration.options]
    assert labels == ["Less than a week", "1 to 2 weeks", "More than 2 weeks, up to 6 weeks", "More than 6 weeks"]


def test_a_refused_answer_says_why():
    with pytest.raises(AnswerError) as caught:
        check_answers(calm(TERM, flags_pregnancy=["preterm-backache"]), TERM)
    why = {"id": "flags_pregnancy", "value": "preterm-backache", "why": "asked only before 37 weeks of pregnancy"}
    assert caught.value.problems == [("not_offered", why)]
    with pytest.raises(AnswerError) as caught:
        check_answers(calm(JUST_BEFORE_TERM, flags_pregnancy=["labour-backache"]), JUST_BEFORE_TERM)
    assert caught.value.problems[0][1]["why"] == "asked only from 37 weeks of pregnancy"
    with pytest.raises(AnswerError) as caught:
        check_answers(calm(DAY_1, flags_other=["fall-bump"]), DAY_1)
    assert caught.value.problems[0][1]["why"] == "asked only in pregnancy"


# --- the whole table at each stage boundary: which warning signs are asked, and where each one goes ------

CAUDA_EQUINA = {"both-legs", "leg-weakness", "saddle-numbness", "bladder-bowel", "urine-retention"}
BOTH_STAGES = CAUDA_EQUINA | {"painful-urination", "breathless-chest", "calf-one-side", "hip-weight-bearing",
                              "upper-back-sudden"}  # fmt: skip
PREGNANT = BOTH_STAGES | {"heavy-bleeding", "constant-belly-pain", "spotting", "fluid", "baby-movements", "fever",
                          "sudden-swelling", "headache-vision", "fall-bump"}  # fmt: skip
BEFORE_TERM = PREGNANT | {"contractions", "preterm-backache"}
AT_TERM = PREGNANT | {"labour-tightenings", "labour-backache"}
AFTER_BIRTH = BOTH_STAGES | POSTNATAL_SIGNS
BOUNDARIES = [
    ("36+6", JUST_BEFORE_TERM, BEFORE_TERM),
    ("37+0", TERM, AT_TERM),
    ("day 0", BIRTH_DAY, AFTER_BIRTH),
    ("day 1", DAY_1, AFTER_BIRTH),
    ("6 weeks", SIX_WEEKS_AFTER, AFTER_BIRTH),
]


@pytest.mark.parametrize("at, asked", [(at, asked) for _, at, asked in BOUNDARIES], ids=[b[0] for b in BOUNDARIES])
def test_each_stage_boundary_asks_exactly_its_warning_signs(at, asked):
    assert set(offered_flags(at)) == asked


@pytest.mark.parametrize(
    "at, flag",
    [(at, flag) for _, at, asked in BOUNDARIES for flag in sorted(asked)],
    ids=[f"{name}-{flag}" for name, _, asked in BOUNDARIES for flag in sorted(asked)],
)
def test_at_each_stage_boundary_every_warning_sign_goes_to_care_at_its_level(at, flag):
    from tests.test_triage import EXPECTED_LEVELS

    group = offered_flags(at)[flag]
    result = assess(check_answers(calm(at, **{group: [flag]}), at), at)
    assert (result.level, result.flags, result.routines, result.advice) == (EXPECTED_LEVELS[flag][0], [flag], [], [])
    question = CONTENT.questionnaire.question(group)
    assert ends_now(question, [flag]) is (EXPECTED_LEVELS[flag][0] == "emergency")
