"""Dates in the reader's language: "14 February 2027" in English, "2027年2月14日" in Chinese (CLDR, via Babel).

English keeps pain-coach's own forms, with no Babel: loading it and a locale's data takes tens of milliseconds,
which the first screen and the quick commands do not pay. Every other language's forms come from Babel, loaded
on the first date shown. Pure: no textual, no files of ours.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from coach.content.loader import BASE_LOCALE

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def babel_locale(locale: str) -> str:
    """Babel's name of a locale: "zh-CN" -> "zh_CN"."""
    return locale.replace("-", "_")


def long_date(value: date, locale: str = BASE_LOCALE) -> str:
    """14 February 2027; 2027年2月14日."""
    if locale == BASE_LOCALE:
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date

    return format_date(value, "long", locale=babel_locale(locale))


def month_name(month: int, locale: str = BASE_LOCALE) -> str:
    """February; 二月 (the name standing alone, as in "February has 28 days")."""
    if locale == BASE_LOCALE:
        return MONTHS[month - 1]
    from babel.dates import get_month_names

    return str(get_month_names("wide", context="stand-alone", locale=babel_locale(locale))[month])


_NAMED = re.compile(r"%[aAbB]")


def format_time(value: datetime | date, pattern: str, locale: str = BASE_LOCALE) -> str:
    """`value.strftime(pattern)`, with the day and month names (%a %A %b %B) in the locale's words: the C
    locale's strftime knows only English ones. A pattern is content ([when] in ui.toml), so each language
    writes its own order: "%a %d %b" in English, "%-m月%-d日 %a" in Chinese."""
    if locale == BASE_LOCALE or not _NAMED.search(pattern):
        return value.strftime(pattern)
    from babel.dates import get_day_names, get_month_names

    where = babel_locale(locale)

    def name(found: re.Match[str]) -> str:
        code = found[0][1]
        short = code in "ab"
        if code in "aA":
            return str(get_day_names("abbreviated" if short else "wide", locale=where)[value.weekday()])
        return str(get_month_names("abbreviated" if short else "wide", locale=where)[value.month])

    # A name may hold a "%" no more than a Chinese one does; double any so strftime keeps it.
    return value.strftime(_NAMED.sub(lambda m: name(m).replace("%", "%%"), pattern))
