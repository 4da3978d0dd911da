"""Triage, table-driven: red flags, their levels, 'soon' rules, patterns, boundaries."""

from __future__ import annotations

import pytest

from coach.checkin.pregnancy import Stage
from coach.checkin.triage import AnswerError, asked_questions, assess, check_answers
from tests.packaged import CONTENT

WEEKS_30 = Stage(gestation_days=30 * 7)
TERM = Stage(gestation_days=37 * 7)  # 37+0: labour signs instead of preterm signs
JUST_BEFORE_TERM = Stage(gestation_days=37 * 7 - 1)  # 36+6
BIRTH_DAY = Stage(postnatal_days=0)
DAY_1 = Stage(postnatal_days=1)
SIX_WEEKS_AFTER = Stage(postnatal_days=42)

# The red flags as the app has them, the level each must map to (content-brief sections 2 and 2b), and a
# stage at which it is asked.
EXPECTED_LEVELS = {
    "both-legs": ("emergency", WEEKS_30),
    "leg-weakness": ("emergency", WEEKS_30),
    "saddle-numbness": ("emergency", WEEKS_30),
    "bladder-bowel": ("emergency", WEEKS_30),
    "urine-retention": ("emergency", WEEKS_30),
    "heavy-bleeding": ("emergency", WEEKS_30),
    "constant-belly-pain": ("emergency", WEEKS_30),
    "breathless-chest": ("emergency", WEEKS_30),
    "spotting": ("urgent", WEEKS_30),
    "fluid": ("urgent", WEEKS_30),
    "contractions": ("urgent", WEEKS_30),
    "labour-tightenings": ("urgent", TERM),
    "labour-backache": ("urgent", TERM),
    "baby-movements": ("urgent", WEEKS_30),
    "fever": ("urgent", WEEKS_30),
    "painful-urination": ("urgent", WEEKS_30),
    "sudden-swelling": ("urgent", WEEKS_30),
    "headache-vision": ("urgent", WEEKS_30),
    "preterm-backache": ("urgent", WEEKS_30),
    "calf-one-side": ("urgent", WEEKS_30),
    "hip-weight-bearing": ("urgent", WEEKS_30),
    "upper-back-sudden": ("urgent", WEEKS_30),
    "fall-bump": ("urgent", WEEKS_30),
    "postnatal-bleeding": ("emergency", DAY_1),
    "collapse-fit": ("emergency", DAY_1),
    "sepsis-signs": ("emergency", DAY_1),
    "harm-danger": ("emergency", DAY_1),
    "postnatal-infection": ("urgent", DAY_1),
    "wound-problem": ("urgent", DAY_1),
    "postnatal-headache": ("urgent", DAY_1),
    "harm-thoughts": ("urgent", DAY_1),
}


def calm(at: Stage = WEEKS_30, **changes) -> dict:
    """Answers with nothing worrying: mild buttock ache, easing, sleeping fine, no red flags (every red-flag
    group asked at the stage `at` answered "none of these")."""
    answers = {
        "where": ["buttock"],
        "side": "left",
        "feel": ["dull-ache"],
        "pain_now": 3,
        "pain_worst": 4,
        "worse": ["turning-in-bed"],
        "rest": "yes",
        "trend": "better",
        "sleep": "none",
        "duration": "days",
    }
    answers.update({q.id: [] for q in asked_questions(answers, at, CONTENT) if q.kind == "flags"})
    answers.update(changes)
    return answers


def flag_group(flag_id: str, at: Stage = WEEKS_30) -> str:
    return next(q.id for q in asked_questions({}, at, CONTENT) if q.kind == "flags" and flag_id in q.option_ids())


def test_calm_answers_are_self_care_with_a_plan(content):
    result = assess(check_answers(calm(), WEEKS_30, content), WEEKS_30, content)
    assert result.level == "self-care"
    assert result.flags == [] and result.soon == []
    assert "pacing" in result.advice and result.routines


def test_every_red_flag_question_option_has_an_expected_level(content):
    asked = {o for q in content.questionnaire.questions if q.kind == "flags" for o in q.option_ids()}
    assert asked == set(EXPECTED_LEVELS)


@pytest.mark.parametrize("flag,level,at", [(f, level, at) for f, (level, at) in sorted(EXPECTED_LEVELS.items())])
def test_each_red_flag_alone_gives_its_level_and_no_routine(flag, level, at, content):
    answers = check_answers(calm(at, **{flag_group(flag, at): [flag]}), at, content)
    result = assess(answers, at, content)
    assert (result.level, result.flags) == (level, [flag])
    assert result.routines == [] and result.advice == []  # red flags route to care, never to a stretch


def test_combinations_take_the_most_urgent_level_and_list_it_first(content):
    answers = calm(flags_pregnancy=["fever"], flags_bleeding=["breathless-chest"], sleep="most")
    result = assess(check_answers(answers, WEEKS_30, content), WEEKS_30, content)
    assert result.level == "emergency"
    assert result.flags == ["breathless-chest", "fever"]


def test_urgent_beats_soon(content):
    result = assess(check_answers(calm(sleep="most", flags_other=["fall-bump"]), WEEKS_30, content), WEEKS_30, content)
    assert (result.level, result.soon) == ("urgent", ["sleep-lost"])


@pytest.mark.parametrize(
    "changes,rule",
    [
        ({"pain_worst": 7, "rest": "a-little"}, "high-pain"),
        ({"where": ["below-knee"], "feel": ["numbness"]}, "nerve-signs"),
        ({"sleep": "most"}, "sleep-lost"),
        ({"duration": "two-six-weeks", "trend": "same"}, "not-settling"),
        ({"duration": "months", "trend": "worse"}, "not-settling"),
    ],
)
def test_each_soon_rule(changes, rule, content):
    result = assess(check_answers(calm(**changes), WEEKS_30, content), WEEKS_30, content)
    assert result.level == "soon"
    assert result.soon == [rule]
    assert result.routines  # a soon check-in still gets the gentle plan


def test_postnatal_pain_after_two_weeks_is_worth_a_check(content):
    at_14, at_15 = Stage(postnatal_days=14), Stage(postnatal_days=15)
    assert assess(check_answers(calm(at_14), at_14, content), at_14, content).level == "self-care"
    result = assess(check_answers(calm(at_15), at_15, content), at_15, content)
    assert (result.level, result.soon) == ("soon", ["postnatal-not-settled"])
    assert "postnatal" in result.advice and "sleep-side" not in result.advice


@pytest.mark.parametrize("worst,level", [(6, "self-care"), (7, "soon")])
def test_pain_boundary_6_vs_7(worst, level, content):
    answers = calm(pain_now=worst, pain_worst=worst, rest="a-little", trend="same")
    assert assess(check_answers(answers, WEEKS_30, content), WEEKS_30, content).level == level


def test_high_pain_eased_by_rest_is_not_a_reason(content):
    assert (
        assess(check_answers(calm(pain_worst=8, rest="yes"), WEEKS_30, content), WEEKS_30, content).level == "self-care"
    )


@pytest.mark.parametrize(
    "changes,flag",
    [
        ({"pain_now": 7, "pain_worst": 7, "trend": "worse"}, "severe-worsening"),
        ({"pain_now": 7, "pain_worst": 7, "rest": "no"}, "severe-unrelieved"),
    ],
)
def test_severe_pain_getting_worse_or_not_eased_is_urgent(changes, flag, content):
    result = assess(check_answers(calm(**changes), WEEKS_30, content), WEEKS_30, content)
    assert (result.level, result.flags) == ("urgent", [flag])


def test_pain_6_getting_worse_is_not_urgent(content):
    result = assess(
        check_answers(calm(pain_now=6, pain_worst=6, trend="worse", rest="no"), WEEKS_30, content), WEEKS_30, content
    )
    assert result.level == "self-care" and result.flags == []


@pytest.mark.parametrize("days,offered", [(36 * 7 + 6, True), (37 * 7, False), (None, True)])
def test_preterm_question_only_before_37_weeks(days, offered, content):
    current = Stage(gestation_days=days)
    group = next(q for q in asked_questions({}, current, content) if q.id == "flags_pregnancy")
    from coach.checkin.triage import options_for

    assert ("preterm-backache" in [o.id for o in options_for(group, current)]) is offered


def test_preterm_answer_refused_from_37_weeks(content):
    at_term = Stage(gestation_days=37 * 7)
    with pytest.raises(AnswerError) as caught:
        check_answers(calm(at_term, flags_pregnancy=["preterm-backache"]), at_term, content)
    assert caught.value.problems[0][0] == "not_offered"
    before = Stage(gestation_days=37 * 7 - 1)
    answers = calm(before, flags_pregnancy=["preterm-backache"])
    assert assess(check_answers(answers, before, content), before, content).level == "urgent"


@pytest.mark.parametrize(
    "changes,pattern",
    [
        ({"where": ["buttock"], "worse": ["turning-in-bed"]}, "pelvic-girdle"),
        ({"where": ["front-pelvis"], "worse": []}, "pelvic-girdle"),
        ({"where": ["back-of-thigh"], "worse": ["car"]}, "pelvic-girdle"),
        ({"where": ["below-knee"], "feel": ["burning-electric"], "worse": []}, "nerve"),
        ({"where": ["lower-back"], "worse": ["bending-lifting"]}, "lower-back"),
        ({"where": ["buttock", "foot"], "feel": ["numbness"], "worse": ["walking"]}, "mixed"),
        ({"where": ["lower-back", "below-knee"], "feel": ["burning-electric"], "worse": []}, "mixed"),
        ({"where": ["hip-groin"], "worse": []}, None),
    ],
)
def test_patterns(changes, pattern, content):
    assert assess(check_answers(calm(**changes), WEEKS_30, content), WEEKS_30, content).pattern == pattern


def test_plan_is_tailored_to_the_answers(content):
    sitting = assess(check_answers(calm(worse=["sitting"], where=["lower-back"]), WEEKS_30, content), WEEKS_30, content)
    assert "seating" in sitting.advice and "desk-break" in sitting.routines
    assert "knees-together" not in sitting.advice and "quick-buttock-relief" not in sitting.routines
    bed = assess(check_answers(calm(sleep="three-four"), WEEKS_30, content), WEEKS_30, content)
    assert "pillows" in bed.advice and "bedtime-side-lying" in bed.routines


@pytest.mark.parametrize("days,shown", [(28 * 7 - 1, False), (28 * 7, True)])
def test_side_sleeping_advice_from_28_weeks(days, shown, content):
    current = Stage(gestation_days=days)
    assert ("sleep-side" in assess(check_answers(calm(current), current, content), current, content).advice) is shown


def test_suggested_routines_are_the_agreed_ids(content):
    agreed = {
        "quick-buttock-relief",
        "back-of-thigh-ease",
        "gentle-pelvic-girdle",
        "desk-break",
        "evening-wind-down",
        "bedtime-side-lying",
    }
    assert {s.routine for s in content.advice.suggest} <= agreed


@pytest.mark.parametrize(
    "answers,problem",
    [
        (calm(wher=["buttock"]), ("unknown_question", {"id": "wher"})),
        (calm(pain_now=11), ("bad_scale", {"id": "pain_now", "value": 11})),
        (calm(pain_now="5"), ("bad_scale", {"id": "pain_now", "value": "5"})),
        (calm(pain_now=True), ("bad_scale", {"id": "pain_now", "value": True})),
        (calm(side="up"), ("bad_option", {"id": "side", "value": "up", "valid": "left, right, both"})),
        (calm(where=[]), ("empty", {"id": "where"})),
        (
            calm(where="buttock"),
            (
                "not_a_list",
                {
                    "id": "where",
                    "value": "buttock",
                    "valid": "lower-back, buttock, back-of-thigh, below-knee, foot, front-pelvis, hip-groin",
                },
            ),
        ),
    ],
)
def test_check_answers_names_each_problem(answers, problem, content):
    with pytest.raises(AnswerError) as caught:
        check_answers(answers, WEEKS_30, content)
    assert problem in caught.value.problems


def test_missing_answers_are_named(content):
    answers = calm()
    del answers["flags_other"]
    with pytest.raises(AnswerError) as caught:
        check_answers(answers, WEEKS_30, content)
    assert caught.value.problems == [("missing", {"id": "flags_other"})]


def test_side_is_not_asked_for_the_front_of_the_pelvis_only(content):
    answers = calm(where=["front-pelvis"])
    del answers["side"]
    assert "side" not in [q.id for q in asked_questions(answers, WEEKS_30, content)]
    check_answers(answers, WEEKS_30, content)  # no "missing side"


def test_logic_modules_do_not_import_textual():
    import subprocess
    import sys

    code = (
        "import sys, coach.checkin.triage, coach.checkin.pregnancy, coach.cli.checkin; print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
