"""Which day a Hijri date found in a sentence is: the Umm al-Qura calendar
(through `hijri`) with the site's sighting adjustment, a year-less day or
month placed by the story's date, ranges dated at their start.

Split from `date_resolve` (the Gregorian and relative dates) by calendar.
"""

from __future__ import annotations

import datetime as dt

from generator.arabic.date_patterns import H_MONTH
from generator.arabic.date_scan import Candidate
from generator.arabic.date_value import DateValue, Make, month_year
from generator.arabic.date_value import check_weekday as _check_weekday
from generator.arabic.date_value import day_number as _day
from generator.arabic.date_value import key as _key
from generator.arabic.hijri import from_hijri, month_length, to_hijri


def _hijri_year(
    month: int, day: int, wd: int | None, reference: dt.date, adjust: int, ahead: bool
) -> int | None:
    """The Hijri year of a day and month written without one: the year whose
    day falls on the weekday written with it, else the nearest such day not
    after the story's date (two days of slack: the source may follow a local
    sighting ahead of Umm al-Qura), or not before it when the sentence speaks
    of what will happen."""
    h = to_hijri(reference, adjust)
    if h is None:
        return None
    years = (h.year - 1, h.year, h.year + 1)
    if wd is not None:
        for year in sorted(years, key=lambda y: abs(y - h.year)):
            day_of = from_hijri(year, month, min(day, 29), adjust)
            near = day_of is not None and abs((day_of - reference).days) < 200
            if near and day_of is not None and day_of.weekday() == wd:
                return year
    this = from_hijri(h.year, month, min(day, 29), adjust)
    if this is None:
        return h.year
    if ahead:
        return h.year if this >= reference else h.year + 1
    return h.year if this <= reference + dt.timedelta(2) else h.year - 1


def _hijri_month_year(month: int, mdir: str, reference: dt.date, adjust: int) -> int | None:
    """«رمضان الماضي», «شوال المقبل», «شعبان الجاري»: the Hijri year of a month
    named with its direction from the story's date, as `_month_year` does for
    Gregorian months."""
    h = to_hijri(reference, adjust)
    if h is None:
        return None
    return month_year(month, mdir.removesuffix("ه"), h.year, h.month)


def resolve_hijri(
    c: Candidate,
    wd: int | None,
    reference: dt.date | None,
    adjust: int,
    value: Make,
    warnings: list[str],
    ahead: bool = False,
) -> DateValue | None:
    g = c.groups
    if c.kind == "hyear":
        year = int(g["hy"])
        start, after = from_hijri(year, 1, 1, adjust), from_hijri(year + 1, 1, 1, adjust)
        if start is None or after is None:
            warnings.append(_outside(value))
            return None
        return value(start, "year", calendar="hijri", end=after - dt.timedelta(1))
    end_month = None  # a range's last month, when it is written
    if c.kind in ("numeric", "iso"):  # «19 / 11 / 1445هـ», «1445/11/19»
        month, day, hy = int(g["m"]), int(g["d"]), g["y"]
    elif c.kind == "hrange2":  # «من 25 رمضان إلى 5 شوال 1445 هـ»: the year is the end's
        month, end_month, day = H_MONTH[_key(g["hm1"])], H_MONTH[_key(g["hm"])], int(g["d"])
        hy = g.get("hy1") or (g.get("hy") and str(int(g["hy"]) - (month > end_month)))
    else:
        month = H_MONTH[_key(g["hm"])]
        day = _day(g["d"]) if c.kind in ("hijri", "hrange") else 1
        hy = g.get("hy")
    if hy:
        year = int(hy)
    elif reference is not None:
        found = (
            _hijri_month_year(month, g["mdir"], reference, adjust)
            if g.get("mdir")
            else _hijri_year(month, day, wd, reference, adjust, ahead)
        )
        if found is None:
            warnings.append(_outside(value))
            return None
        year = found
    else:
        warnings.append(
            f"{value.written!r} has no year and the file no date, so it is left undated: "
            "add 'date: YYYY-MM-DD' to the file's front matter"
        )
        return None
    if not 1 <= month <= 12:
        warnings.append(f"{value.written} is not a valid Hijri date (no month {month})")
        return None
    length = month_length(year, month)
    start = from_hijri(year, month, day if length and 1 <= day <= length else 1, adjust)
    if length is None or start is None:
        warnings.append(_outside(value))
        return None
    if c.kind == "hmonth":
        return value(start, "month", calendar="hijri")
    if not 1 <= day <= length:
        warnings.append(
            f"{value.written} is not a valid Hijri date ({year} AH month {month} has {length} days)"
        )
        return None
    _check_weekday(wd, start, value.written, warnings)
    end = None
    if g.get("d2"):  # a range: «من 3 – 4 محرم», «من 5 إلى 7/ 3/ 1445هـ», «… إلى 5 شوال»
        d2 = int(g["d2"])
        if end_month is not None:
            end_year = year + (month > end_month)
            last = month_length(end_year, end_month) or 0
            end = from_hijri(end_year, end_month, d2, adjust) if 1 <= d2 <= last else None
            end = end if end is not None and end > start else None
        else:
            end = from_hijri(year, month, d2, adjust) if day < d2 <= length else None
        if end is None:
            warnings.append(f"{value.written} is not a valid Hijri date range")
            return None
    return value(start, "day", calendar="hijri", end=end)


def _outside(value: Make) -> str:
    """The warning for a date the tables do not reach: written only then."""
    return f"{value.written!r} is outside the Umm al-Qura tables (1343-1500 AH)"
