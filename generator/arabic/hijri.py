"""Gregorian ↔ Hijri (Umm al-Qura) through hijridate, and nothing wrong outside it.

hijridate's tables cover 1343–1500 AH (1924-08-01 to 2077-11-16). Outside that
range we return None, and pages say the Hijri date is unavailable, rather than
falling back to an arithmetic calendar that can be a day or two off.

Many newsrooms follow local moon sighting rather than Umm al-Qura: `adjust`
(a site setting, -2…2 days) shifts the computed Hijri date.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from hijridate import Gregorian, Hijri

HIJRI_MONTHS = (
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
)

FIRST = dt.date(1924, 8, 1)
LAST = dt.date(2077, 11, 16)


class HijriDate(NamedTuple):
    year: int
    month: int
    day: int

    def iso(self, precision: str = "day") -> str:
        if precision == "year":
            return f"{self.year:04d}"
        if precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


# The conversions are pure and hijridate's are slow next to a line's other work;
# a story's lines share a reference date, so its Hijri date is computed once.
@lru_cache(maxsize=4096)
def to_hijri(day: dt.date, adjust: int = 0) -> HijriDate | None:
    """The Umm al-Qura date of `day`, shifted by `adjust` days; None outside the tables."""
    shifted = day + dt.timedelta(days=adjust)
    if not FIRST <= shifted <= LAST:
        return None
    h = Gregorian(shifted.year, shifted.month, shifted.day).to_hijri()
    return HijriDate(h.year, h.month, h.day)


@lru_cache(maxsize=4096)
def from_hijri(year: int, month: int, day: int = 1, adjust: int = 0) -> dt.date | None:
    """The Gregorian date of a Hijri date written in a source; None if it does not exist.

    `adjust` is the site's sighting offset: a source that follows local
    sighting writes a Hijri day that Umm al-Qura reaches `adjust` days later.
    """
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day) - dt.timedelta(days=adjust)


@lru_cache(maxsize=4096)
def month_length(year: int, month: int) -> int | None:
    try:
        return Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
