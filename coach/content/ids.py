"""Every content id the code reads by name, declared once.

The code decides things by these ids (a triage pattern, a plan rule, a blocking level), so a content file
that renamed one would silently switch a rule off. `pain-coach check-content` checks each id here against
the content files (coach/content/models.py, `_ids_the_code_reads`). Plain constants: no imports, no I/O.
"""

from __future__ import annotations

from typing import Literal, get_args

# --- triage levels (triage.toml [[levels]]), most urgent first ---------------------------------------
Level = Literal["emergency", "urgent", "soon", "self-care"]
LEVELS: tuple[Level, ...] = get_args(Level)
FlagLevel = Literal["emergency", "urgent"]  # a red flag is one of these
BLOCKING_LEVELS: tuple[FlagLevel, ...] = get_args(FlagLevel)  # red-flag screen, no routine until cleared
EMERGENCY: FlagLevel = "emergency"  # a red flag at this level ends the check-in at once (triage.ends_now)

# --- stages: questionnaire.toml `stages` on a question or an option -----------------------------------
StageKind = Literal["pregnant", "postnatal"]  # "postnatal" once a birth date is set; else "pregnant"
PREGNANT: StageKind = "pregnant"
POSTNATAL: StageKind = "postnatal"

# --- triage.toml ids the triage code produces ---------------------------------------------------------
DERIVED_FLAGS = ("severe-worsening", "severe-unrelieved")  # red flags worked out from the answers
SOON_RULES = ("high-pain", "nerve-signs", "sleep-lost", "not-settling", "postnatal-not-settled")
PATTERNS = ("pelvic-girdle", "nerve", "lower-back", "mixed")
PGP_PATTERN, NERVE_PATTERN, LOWER_BACK_PATTERN, MIXED_PATTERN = PATTERNS

# --- questionnaire.toml: questions the triage reads, and the options it reads by name -----------------
TRIGGER_QUESTION = "worse"  # "What makes it worse?": the history's "what sets it off" counts its answers
TRIAGE_QUESTIONS = ("where", "feel", "pain_now", "pain_worst", TRIGGER_QUESTION, "rest", "trend", "sleep", "duration")
PAIN_NOW, PAIN_WORST = "pain_now", "pain_worst"  # the worst in 24 hours may not be below the pain now
# Options of `where` are the body areas of body.toml (the questionnaire draws them from there).
WHERE_QUESTION = "where"
NERVE_AREAS = frozenset({"below-knee", "foot"})
FRONT_PELVIS = "front-pelvis"
PGP_AREAS = frozenset({"buttock", FRONT_PELVIS})
BACK_OF_THIGH = "back-of-thigh"
LOWER_BACK = "lower-back"
NERVE_FEELINGS = frozenset({"burning-electric", "numbness"})
NUMBNESS = "numbness"
BELOW_KNEE = "below-knee"
PGP_AGGRAVATORS = frozenset({"walking", "one-leg", "turning-in-bed", "car"})
TREND_WORSE, TREND_BETTER = "worse", "better"
REST_NO, REST_YES = "no", "yes"
SLEEP_MOST = "most"
LONG_DURATIONS = frozenset({"two-six-weeks", "months"})

# The weekly function score (PEG, Krebs et al. 2009): a question offering it, then its three 0-10 items. Asked
# once a calendar week; answered or skipped, it is not offered again that week (coach/checkin/function_score.py).
FUNCTION_OFFER = "function_week"
FUNCTION_NOW, FUNCTION_SKIP = "now", "skip"
FUNCTION_ITEMS = ("peg_pain", "peg_enjoyment", "peg_activity")  # average pain, enjoyment of life, general activity

# (question id, option id) for each option above, for the check.
OPTIONS_READ: tuple[tuple[str, str], ...] = (
    *(("where", a) for a in sorted(NERVE_AREAS | PGP_AREAS | {BACK_OF_THIGH, LOWER_BACK, BELOW_KNEE})),
    *(("feel", f) for f in sorted(NERVE_FEELINGS | {NUMBNESS})),
    *(("worse", w) for w in sorted(PGP_AGGRAVATORS)),
    ("trend", TREND_WORSE),
    ("trend", TREND_BETTER),
    ("rest", REST_NO),
    ("rest", REST_YES),
    ("sleep", SLEEP_MOST),
    *(("duration", d) for d in sorted(LONG_DURATIONS)),
    (FUNCTION_OFFER, FUNCTION_NOW),
    (FUNCTION_OFFER, FUNCTION_SKIP),
)

# --- exercises.toml flags (each worded in ui.toml as plan.flag_<flag>); the plan rules read some --------
ExerciseFlag = Literal["back-lying", "wide-legged", "single-leg", "asymmetric", "kneeling", "breathing", "strenuous"]
BACK_LYING: ExerciseFlag = "back-lying"
PGP_FLAGS: tuple[ExerciseFlag, ...] = ("wide-legged", "single-leg", "asymmetric")
STRENUOUS: ExerciseFlag = "strenuous"  # held back after a caesarean until the postnatal check

# --- the profile: how the baby was born (Profile.birth_kind) -------------------------------------------
BirthKind = Literal["caesarean", "vaginal"]
BIRTH_KINDS: tuple[BirthKind, ...] = get_args(BirthKind)
CAESAREAN: BirthKind = "caesarean"
