"""Which routines, and which steps of them, suit this person today. Pure: no textual, no I/O.

Rules (content-brief section 3):
- from 16 weeks (or when the stage is unknown): no back-lying stretch of an exercise longer than 60 s in
  one go; use the exercise's alternative, or shorten it when it has none.
- with pelvic girdle pain (PGP "yes", and also "unsure" or unanswered, to be careful): wide-legged,
  one-leg and lopsided exercises are swapped for their alternatives, or left out when there is none.
- after the birth: no back-lying limit; the PGP rule still follows the profile; routines say which
  stages they are for.
- after a caesarean (and, to be careful, after a birth whose kind the profile does not say), strenuous
  exercises are held back until the profile records the postnatal check: swapped for their alternative, or
  left out when there is none (content-brief 2b).
A routine whose steps were all left out is not offered. Every change is kept as ids and numbers (a
`Change`, as the history stores it); `record_text.change_words` words it for the screen and the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from coach.checkin.pregnancy import Stage, stage, weeks_days
from coach.content.content import Content
from coach.content.dates import long_date
from coach.content.ids import BACK_LYING, CAESAREAN, PGP_FLAGS, STRENUOUS
from coach.content.models import Exercise, Routine
from coach.history.record_text import change_words
from coach.history.records import Change, Profile
from coach.routines.player import Block, Step, expand, length

BACK_LYING_FROM_WEEK = 16
BACK_LYING_MAX_SECONDS = 60


@dataclass(frozen=True)
class Rules:
    stage: Stage
    back_lying_limit: bool
    pgp: bool
    pgp_answer: str | None
    strenuous_hold: bool = False  # after a caesarean, until the postnatal check
    birth_kind: str | None = None
    postnatal_check: date | None = None

    @property
    def stage_name(self) -> str:
        return "postnatal" if self.stage.postnatal else "pregnant"


def rules_for(profile: Profile, today: date) -> Rules:
    now = stage(profile, today)
    limit = False if now.postnatal else now.weeks is None or now.weeks >= BACK_LYING_FROM_WEEK
    pgp = profile.pgp_diagnosed != "no" or not now.known
    checked = profile.postnatal_check is not None and profile.postnatal_check <= today
    hold = now.postnatal and profile.birth_kind in (CAESAREAN, None) and not checked
    return Rules(
        stage=now,
        back_lying_limit=limit,
        pgp=pgp,
        pgp_answer=profile.pgp_diagnosed,
        strenuous_hold=hold,
        birth_kind=profile.birth_kind,
        postnatal_check=profile.postnatal_check if checked else None,
    )


def birth_note(content: Content, rules: Rules) -> str:
    """Why strenuous moves are held back after the birth, or that they no longer are."""
    if rules.strenuous_hold:
        moves = ", ".join(e.name.lower() for e in content.exercises.exercises if STRENUOUS in e.flags)
        key = "plan.strenuous_hold" if rules.birth_kind == CAESAREAN else "plan.strenuous_hold_unknown"
        return content.text(key, moves=moves)
    if rules.postnatal_check is not None and rules.birth_kind == CAESAREAN:
        return content.text("plan.strenuous_checked", date=long_date(rules.postnatal_check, content.locale))
    return ""


def rules_notes(content: Content, rules: Rules) -> list[str]:
    """What the plan is based on, in words, for the top of the routines screen."""
    notes = []
    s = rules.stage
    if not s.known:
        notes.append(content.text("plan.stage_unknown"))
    elif s.postnatal:
        notes.append(content.text("plan.stage_postnatal", days=content.counted("days", s.postnatal_days or 0)))
        if birth := birth_note(content, rules):
            notes.append(birth)
    else:
        weeks, days = weeks_days(s.gestation_days or 0)
        notes.append(
            content.text("plan.stage_weeks", weeks=content.counted("weeks", weeks), days=content.counted("days", days))
        )
        if rules.back_lying_limit:
            notes.append(content.text("plan.back_lying_rule", limit=BACK_LYING_MAX_SECONDS))
    if s.known:
        key = {"yes": "plan.pgp_yes", "no": "plan.pgp_no", "unsure": "plan.pgp_unsure"}
        notes.append(content.text(key.get(rules.pgp_answer or "", "plan.pgp_unanswered")))
    return notes


@dataclass
class Plan:
    routine: Routine
    blocks: list[Block]
    changes: list[Change] = field(default_factory=list)
    hidden: str | None = None  # why it is not offered
    content: Content = field(repr=False, compare=False, kw_only=True)  # the words of the changes

    @property
    def substitutions(self) -> list[str]:
        """The changes in words, one sentence each."""
        return [change_words(self.content, c) for c in self.changes]

    @property
    def offered(self) -> bool:
        return self.hidden is None

    @property
    def steps(self) -> list[Step]:
        return expand(self.blocks)

    @property
    def length(self) -> int:
        return length(self.steps)


def _block_seconds(block: Block) -> int:
    """How long one side of the exercise lasts without a break (the time spent in its position)."""
    rests = block.reps - 1 + (1 if block.exercise.rest_after_last else 0)
    return block.reps * block.hold + rests * block.rest


def _ruled_out(block: Block, rules: Rules) -> str | None:
    flags = block.exercise.flags
    if rules.pgp:
        for flag in PGP_FLAGS:
            if flag in flags:
                return flag
    if rules.back_lying_limit and BACK_LYING in flags and _block_seconds(block) > BACK_LYING_MAX_SECONDS:
        return BACK_LYING
    if rules.strenuous_hold and STRENUOUS in flags:
        return STRENUOUS
    return None


def _shortened(block: Block) -> Block:
    hold = min(block.hold, BACK_LYING_MAX_SECONDS)
    reps = max(1, min(block.reps, (BACK_LYING_MAX_SECONDS + block.rest) // (hold + block.rest)))
    rest = block.rest if reps > 1 else 0
    return Block(block.exercise, hold, reps, rest, count_down=block.count_down)


def plan_routine(content: Content, routine: Routine, exercises: dict[str, Exercise], rules: Rules) -> Plan:
    plan = Plan(routine, blocks=[], content=content)
    if rules.stage.known and rules.stage_name not in routine.stages:
        plan.hidden = content.text("plan.hidden_stage_" + rules.stage_name)
        return plan
    for step in routine.steps:
        ex = exercises[step.exercise]
        rest = ex.rest if step.rest is None else step.rest
        count_down = ex.count_down if step.count_down is None else step.count_down
        block: Block | None = Block(ex, step.hold or ex.hold, step.reps or ex.reps, rest, count_down=count_down)
        seen = {ex.id}
        changes_before = len(plan.changes)
        while block is not None and (flag := _ruled_out(block, rules)) is not None:
            old = block.exercise.id
            alt = exercises.get(block.exercise.alternative or "")
            if alt is None or alt.id in seen:
                if flag == BACK_LYING:
                    block = _shortened(block)
                    plan.changes.append(
                        Change(kind="shortened", exercise=old, reps=block.reps, hold=block.hold,
                               limit=BACK_LYING_MAX_SECONDS)
                    )  # fmt: skip
                    break
                plan.changes.append(Change(kind="left-out", exercise=old, flag=flag))
                block = None
                break
            seen.add(alt.id)
            plan.changes.append(Change(kind="swapped", exercise=old, instead=alt.id, flag=flag))
            block = Block(alt, alt.hold, alt.reps, alt.rest, count_down=alt.count_down)
        if block is None:
            continue
        if block.exercise.id != ex.id and plan.blocks and plan.blocks[-1].exercise.id == block.exercise.id:
            plan.changes[-1] = plan.changes[-1].model_copy(update={"merged": True})
            continue  # the swap would repeat the step just before: do it once
        if len(plan.changes) > changes_before:
            block = replace(block, change=tuple(plan.changes[changes_before:]))
        plan.blocks.append(block)
    if not plan.blocks:
        plan.hidden = content.text("plan.hidden_empty")
    return plan


def plan_all(content: Content, routines: list[Routine], exercises: dict[str, Exercise], rules: Rules) -> list[Plan]:
    return [plan_routine(content, r, exercises, rules) for r in routines]
