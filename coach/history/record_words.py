"""Words for what a record keeps as ids and numbers, drawn from content without the records' models: the CSV
export's (coach.history.export_text), and coach.history.record_text's. No pydantic.
"""

from __future__ import annotations

from coach.content.content import Content
from coach.shown import visible


def humanise(value: str) -> str:
    return visible(value.replace("-", " ").replace("_", " "), one_line=True)


def week_label(content: Content, gestation_days: int | None) -> str:
    if gestation_days is None:
        return ""
    weeks, days = divmod(gestation_days, 7)
    return content.text("summary.week", weeks=weeks, days=days)


def routine_name_of(content: Content, routine_id: str, fallback_name: str) -> str:
    return visible(content.routine_name(routine_id) or fallback_name, one_line=True) or humanise(routine_id)
