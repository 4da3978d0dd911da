"""An assessment in words, drawn from triage.toml and advice.toml: the assessment screen and
`pain-coach check-in` both show these, each laid out its own way. Pure: no textual."""

from __future__ import annotations

from dataclasses import dataclass

from coach.checkin.triage import Assessment
from coach.content.content import Content


@dataclass(frozen=True)
class PlanItem:
    title: str
    text: str


@dataclass(frozen=True)
class AssessmentWords:
    level_title: str
    level_action: str
    flags: list[str]  # the red flags' labels, most urgent first
    soon: list[str]  # reasons to book a check
    soon_sources: list[str]
    pattern: str | None  # "Your answers fit ...", or None when they fit no pattern
    pattern_why: str
    pattern_sources: list[str]
    plan: list[PlanItem]
    plan_sources: list[str]
    routines: list[tuple[str, str]]  # (id, name) of the routines suggested
    calcium: str
    calcium_sources: list[str]
    no_pattern: str  # "Your answers fit no single pattern"


def _unique(sources: list[str]) -> list[str]:
    return list(dict.fromkeys(sources))


def assessment_words(result: Assessment, content: Content) -> AssessmentWords:
    triage, advice = content.triage, content.advice
    level = triage.level(result.level)
    soon = [triage.soon_rule(r) for r in result.soon]
    pattern = triage.pattern(result.pattern) if result.pattern else None
    items = [item for item in (advice.item(a) for a in result.advice) if item is not None]
    return AssessmentWords(
        level_title=level.words(result.postnatal)[0],
        level_action=level.words(result.postnatal)[1],
        flags=[flag.label for flag in (triage.flag(f) for f in result.flags) if flag is not None],
        soon=[r.text for r in soon],
        soon_sources=_unique([s for r in soon for s in r.sources]),
        pattern=content.text("assessment.pattern_fit", name=pattern.name) if pattern else None,
        pattern_why=pattern.why if pattern else "",
        pattern_sources=_unique(pattern.sources) if pattern else [],
        plan=[PlanItem(a.title, a.text) for a in items],
        plan_sources=_unique([s for a in items for s in a.sources]),
        routines=[(r, content.routines.name_of(r)) for r in result.routines],
        calcium=advice.calcium.text,
        calcium_sources=_unique(advice.calcium.sources),
        no_pattern=content.text("assessment.pattern_none"),
    )


def care_numbers(content: Content, level: str, emergency: str | None, maternity: str | None) -> list[str]:
    """The numbers a care screen shows, one a line: an urgent sign calls the maternity unit (its number from the
    profile, with the emergency number for if it gets worse); an emergency calls the emergency number. Numbers
    the profile does not have are the defaults: the emergency numbers of content, and where to find the unit's."""
    if level == "urgent" and maternity:
        worse = emergency or " / ".join(n.number for n in content.profile.emergency_numbers)
        return [content.text("redflag.maternity_own", number=maternity), content.text("redflag.if_worse", number=worse)]
    if emergency:
        lines = [content.text("redflag.number_own", number=emergency)]
    else:
        lines = [content.text("redflag.numbers_default")] + [
            content.text("redflag.number_line", number=n.number, where=n.where)
            for n in content.profile.emergency_numbers
        ]
    if level == "urgent":
        lines.append(content.text("redflag.maternity_hint"))
    return lines
