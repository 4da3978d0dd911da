"""Print, from the packaged content, the warning signs the check-in asks at each stage (pregnant before 37 weeks,
from 37 weeks, after the birth) by level, and the postnatal questionnaire group by group: the closing note of
issue 12. Run: .venv/bin/python -m tests.warning_signs"""

from __future__ import annotations

from coach.checkin.pregnancy import Stage
from coach.checkin.triage import asked_questions, options_for
from coach.content.content import Content
from tests.packaged import CONTENT

STAGES = [
    ("Pregnant, before 37 weeks (checked at 36+6)", Stage(gestation_days=37 * 7 - 1)),
    ("Pregnant, from 37 weeks (at term)", Stage(gestation_days=37 * 7)),
    ("After the birth (day 0 to the end of the first year)", Stage(postnatal_days=1)),
]
LEVELS = ("emergency", "urgent")


def signs_by_level(content: Content, at: Stage) -> dict[str, list[str]]:
    """Level -> the labels of the warning signs asked at this stage, in the order they are asked."""
    triage = content.triage
    found: dict[str, list[str]] = {level: [] for level in LEVELS}
    for question in asked_questions({}, at, content):
        if question.kind != "flags":
            continue
        for option in options_for(question, at):
            flag = triage.flag(option.id)
            if flag is not None:
                found[flag.level].append(option.label)
    return found


def questionnaire(content: Content, at: Stage) -> list[tuple[str, list[str]]]:
    """(question, its answers) for every question asked at this stage, in order."""
    return [(q.text, [o.label for o in options_for(q, at)]) for q in asked_questions({}, at, content)]


def closing_note(content: Content) -> str:
    lines = ["## Warning signs by stage and level", ""]
    for name, at in STAGES:
        lines.append(f"### {name}")
        for level, labels in signs_by_level(content, at).items():
            title = content.triage.level(level).words(at.postnatal)[0]
            lines.append(f"- **{level.upper()}** ({title}):")
            lines += [f"  - {label}" for label in labels]
        lines.append("")
    lines += ["Derived from the pain answers at every stage (urgent):"]
    lines += [
        f"- {flag.label}" for flag in content.triage.flags if flag.id in ("severe-worsening", "severe-unrelieved")
    ]
    lines += ["", "## The postnatal questionnaire (as asked on day 1 after the birth)", ""]
    for number, (text, answers) in enumerate(questionnaire(content, STAGES[2][1]), start=1):
        lines.append(f"{number}. {text}" + (f" ({'; '.join(answers)})" if answers else " (0-10)"))
    return "\n".join(lines)


if __name__ == "__main__":
    print(closing_note(CONTENT))
