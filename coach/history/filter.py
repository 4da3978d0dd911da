"""What the history screen shows: kind, period and a search in notes. Pure: no textual."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from coach.checkin.pregnancy import TERM_DAYS, due_from_lmp
from coach.content.content import Content
from coach.history.local_time import day_start, days_back
from coach.history.records import Profile, Record

KINDS = ("all", "checkin", "routine", "flare", "clearance")
PERIODS = ("30", "7", "pregnancy", "all")


def pregnancy_start(profile: Profile) -> datetime | None:
    due = profile.due_date or (due_from_lmp(profile.lmp) if profile.lmp else None)
    return None if due is None else datetime.combine(due - timedelta(days=TERM_DAYS), datetime.min.time())


@dataclass(frozen=True)
class HistoryFilter:
    kind: str = "all"
    period: str = "30"
    search: str = ""

    def next_kind(self) -> HistoryFilter:
        return replace(self, kind=KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)])

    def next_period(self) -> HistoryFilter:
        return replace(self, period=PERIODS[(PERIODS.index(self.period) + 1) % len(PERIODS)])

    def since(self, now: datetime, profile: Profile) -> datetime | None:
        if self.period in ("7", "30"):
            return days_back(now, int(self.period))
        if self.period == "pregnancy":
            start = pregnancy_start(profile)
            return day_start(start.date(), now.tzinfo) if start else None
        return None

    def store_kind(self) -> str | None:
        return None if self.kind == "all" else self.kind

    def matches(self, record: Record) -> bool:
        return not self.search or self.search.casefold() in record.note.casefold()

    def period_label(self, content: Content, profile: Profile) -> str:
        if self.period == "pregnancy" and pregnancy_start(profile) is None:
            return content.text("history.period_pregnancy_unknown")
        return content.text(f"history.period_{self.period}")

    def label(self, content: Content, profile: Profile) -> str:
        search = content.text("history.search_shown", query=self.search) if self.search else ""
        kind = content.text(f"history.kind_{self.kind}")
        return content.text("history.filters", kind=kind, period=self.period_label(content, profile), search=search)
