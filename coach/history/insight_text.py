"""Insights in humble plain words, for the trends and what-helps panels. Pure: no textual."""

from __future__ import annotations

from coach.content.content import Content
from coach.history.function_weeks import WeekScore, meaningful_fall, percent_change
from coach.history.insights import MIN_TIMES, TRIGGER_QUESTION, RoutineEffect, WeekStats
from coach.history.record_text import trigger_label


def _change(content: Content, value: float | None) -> str:
    """`value` is pain before minus pain after: above zero, the routines eased it."""
    if value is None:
        return content.text("trends.change_none")
    if round(value, 1) == 0:
        return content.text("trends.change_same")
    return content.text("trends.change_lower" if value > 0 else "trends.change_higher", change=abs(value))


def week_lines(content: Content, this: WeekStats, before: WeekStats) -> list[str]:
    return [
        content.text(
            "trends.week_row",
            label=label,
            sessions=w.sessions,
            minutes=round(w.minutes),
            change=_change(content, w.average_change),
        )
        for label, w in ((content.text("trends.week_this"), this), (content.text("trends.week_before"), before))
    ]


def streak_line(content: Content, days: int, at_least: bool = False) -> str:
    if at_least:
        return content.text("trends.streak_long", days=days)
    if days == 0:
        return content.text("trends.streak_none")
    if days == 1:
        return content.text("trends.streak_one")
    return content.text("trends.streak", days=days)


def effect_line(content: Content, effect: RoutineEffect) -> str:
    key = "helps.routine_better" if effect.average_change > 0 else "helps.routine_not_better"
    return content.text(
        key, name=effect.name, change=effect.average_change, helped=effect.helped, measured=effect.measured
    )


def helps_lines(
    content: Content, effects: list[RoutineEffect], triggers: list[tuple[str, int]], top: int = 5
) -> list[str]:
    lines = [content.text("helps.intro"), ""]
    for effect in effects:
        lines += [effect_line(content, effect), ""]
    lines.append(content.text("helps.need_more", min=MIN_TIMES))
    lines += ["", content.text("helps.triggers_title")]
    if triggers:
        lines += [
            content.text("helps.trigger_line", trigger=trigger_label(content, t, TRIGGER_QUESTION), count=n)
            for t, n in triggers[:top]
        ]
    else:
        lines.append(content.text("helps.no_triggers"))
    return lines


FUNCTION_WEEKS_SHOWN = 6


def function_lines(content: Content, weeks: list[WeekScore]) -> list[str]:
    """The weekly function score of the latest weeks, and its change since the first of them."""
    if not weeks:
        return [content.text("trends.function_none")]
    lines = [
        content.text("trends.function_row", week=f"{w.monday:%Y-%m-%d}", score=w.score)
        for w in weeks[-FUNCTION_WEEKS_SHOWN:]
    ]
    first, last = weeks[0].score, weeks[-1].score
    change = percent_change(first, last) if len(weeks) > 1 else None
    if change is not None:
        key = "trends.function_fall" if meaningful_fall(first, last) else "trends.function_change"
        lines.append(content.text(key, change=change))
    return lines
