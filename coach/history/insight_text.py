"""Insights in humble plain words, for the trends and what-helps panels. Pure: no textual."""

from __future__ import annotations

from coach.content.models import text
from coach.history.insights import MIN_TIMES, TRIGGER_QUESTION, RoutineEffect, WeekStats
from coach.history.record_text import trigger_label


def _change(value: float | None) -> str:
    """`value` is pain before minus pain after: above zero, the routines eased it."""
    if value is None:
        return text("trends.change_none")
    if round(value, 1) == 0:
        return text("trends.change_same")
    return text("trends.change_lower" if value > 0 else "trends.change_higher", change=abs(value))


def week_lines(this: WeekStats, before: WeekStats) -> list[str]:
    return [
        text(
            "trends.week_row",
            label=label,
            sessions=w.sessions,
            minutes=round(w.minutes),
            change=_change(w.average_change),
        )
        for label, w in ((text("trends.week_this"), this), (text("trends.week_before"), before))
    ]


def streak_line(days: int, at_least: bool = False) -> str:
    if at_least:
        return text("trends.streak_long", days=days)
    if days == 0:
        return text("trends.streak_none")
    if days == 1:
        return text("trends.streak_one")
    return text("trends.streak", days=days)


def effect_line(effect: RoutineEffect) -> str:
    key = "helps.routine_better" if effect.average_change > 0 else "helps.routine_not_better"
    return text(key, name=effect.name, change=effect.average_change, helped=effect.helped, measured=effect.measured)


def helps_lines(effects: list[RoutineEffect], triggers: list[tuple[str, int]], top: int = 5) -> list[str]:
    lines = [text("helps.intro"), ""]
    for effect in effects:
        lines += [effect_line(effect), ""]
    lines.append(text("helps.need_more", min=MIN_TIMES))
    lines += ["", text("helps.triggers_title")]
    if triggers:
        lines += [
            text("helps.trigger_line", trigger=trigger_label(t, TRIGGER_QUESTION), count=n) for t, n in triggers[:top]
        ]
    else:
        lines.append(text("helps.no_triggers"))
    return lines
