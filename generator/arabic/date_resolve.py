"""Which day a date found in a sentence is: a candidate from `date_scan`
resolved against the story's date (`reference`) and the build date.

Year-less dates take the year nearest to, and not after, the reference;
relative words count from it; Hijri dates convert through Umm al-Qura with
the site's sighting adjustment. What cannot be fixed is a warning, never a
guess (see `dates` for the whole policy).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from generator.arabic.date_patterns import G_MONTH, H_MONTH, WD
from generator.arabic.date_scan import Candidate
from generator.arabic.date_words import (
    AHEAD,
    BACK,
    FIRST_DAY,
    NOW,
    ORDINALS,
    RELATIVE_DAYS,
    WEEKDAY_NAMES,
)
from generator.arabic.hijri import from_hijri, month_length, to_hijri

Precision = Literal["day", "month", "year"]
Basis = Literal["explicit", "weekday", "relative", "document", "none"]


@dataclass(frozen=True)
class DateValue:
    start: dt.date  # first day of the period (day/month/year precision)
    precision: Precision
    basis: Basis
    written: str  # the words as the source wrote them, e.g. "الخميس 1 تشرين الأول"
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    end: dt.date | None = None  # last day, for ranges ("بين 5 و7 آذار")
    span: tuple[int, int] = (0, 0)  # character offsets of `written` in the text
    # The event is announced for a day after the story's own («يصل الوفد غداً»):
    # dated on that day, which had not come when the story was written.
    announced: bool = False


_EARLIEST = 1990  # no-reference weekday narrowing looks this far back


def _key(words: str | None) -> str:
    return " ".join((words or "").split())


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _day(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text in FIRST_DAY:
        return FIRST_DAY[text]
    return ORDINALS[_key(text[2:])]  # «ال» or «لل» first


def _nearest(month: int, day: int, reference: dt.date, ahead: bool = False) -> int | None:
    """The year that puts day/month nearest to the reference: not after it or,
    for «المقبل», not before it. Eight years are enough for 29 February."""
    for k in range(9):
        year = reference.year + k if ahead else reference.year - k
        if _valid(year, month, day) and (
            dt.date(year, month, day) >= reference
            if ahead
            else dt.date(year, month, day) <= reference
        ):
            return year
    return None


def _day_year(
    month: int,
    day: int,
    wd: int | None,
    mdir: str | None,
    reference: dt.date | None,
    today: dt.date,
    written: str,
    warnings: list[str],
    ahead: bool = False,
) -> tuple[int, Basis] | None:
    """The year of a day + month written without one (the day is a valid one).
    `ahead`: the sentence speaks of what will happen, so the next such day."""
    if reference is not None:
        if mdir in NOW:
            return reference.year, "explicit"
        near = range(reference.year - 1, reference.year + 2) if wd is not None else range(0)
        fits = [y for y in near if _valid(y, month, day) and dt.date(y, month, day).weekday() == wd]
        if mdir in AHEAD or (ahead and not fits and mdir is None):
            year = _nearest(month, day, reference, ahead=True)
        elif fits and mdir is None:
            # The weekday picks the year: «غداً الجمعة 2 تشرين الأول» is next week, not last year.
            year = min(fits, key=lambda y: abs((dt.date(y, month, day) - reference).days))
        else:
            year = _nearest(month, day, reference)
        return None if year is None else (year, "explicit")
    if wd is None:
        warnings.append(
            f"{written!r} has no year and the file no date, so it is left undated: "
            "add 'date: YYYY-MM-DD' to the file's front matter"
        )
        return None
    years = [
        y
        for y in range(_EARLIEST, today.year + 1)
        if _valid(y, month, day) and dt.date(y, month, day).weekday() == wd
    ]
    past = [y for y in years if dt.date(y, month, day) <= today]
    if not past:
        return None
    warnings.append(
        f"{written!r} has no year and the file no date: the weekday fits "
        f"{', '.join(map(str, years))}; took {past[-1]}, the latest not after the build date. "
        "Add 'date: YYYY-MM-DD' to the file's front matter"
    )
    return past[-1], "weekday"


def _month_year(month: int, mdir: str | None, reference: dt.date) -> int:
    if mdir in NOW:
        return reference.year
    if mdir in AHEAD:
        return reference.year + (month <= reference.month)
    if mdir in BACK:
        return reference.year - (month >= reference.month)
    return reference.year - (month > reference.month)


def _check_weekday(wd: int | None, day: dt.date, written: str, warnings: list[str]) -> None:
    if wd is not None and day.weekday() != wd:
        warnings.append(
            f"weekday {WEEKDAY_NAMES[wd]} in {written!r} does not match {day.isoformat()} "
            f"(a {day.strftime('%A')}, {WEEKDAY_NAMES[day.weekday()]})"
        )


def _relative(
    c: Candidate, wd: int | None, reference: dt.date, value: Make, warnings: list[str]
) -> DateValue | None:
    g = c.groups
    if c.kind == "relative":
        day = reference + dt.timedelta(RELATIVE_DAYS[_key(g["rel"])])
        if wd is not None and day.weekday() != wd:
            # «اليوم الاثنين» in a story dated Tuesday: written the day before it
            # was published. The weekday is what the reporter saw.
            shift = (day.weekday() - wd) % 7
            if shift <= 2:
                day -= dt.timedelta(shift)
            elif 7 - shift <= 2:
                day += dt.timedelta(7 - shift)
            else:
                _check_weekday(wd, day, value.written, warnings)
        return value(day, "day", "relative")
    if c.kind == "weekday":
        assert wd is not None
        way = _key(g["dir"])
        if way.startswith("بعد"):  # «الثلاثاء بعد المقبل»: the one after next
            ahead = ((wd - reference.weekday()) % 7 or 7) + 7
        elif way in AHEAD:
            ahead = (wd - reference.weekday()) % 7 or 7
        else:
            ahead = -((reference.weekday() - wd) % 7 or (7 if way in BACK else 0))
        return value(reference + dt.timedelta(ahead), "day", "weekday")
    way = (g["dir"] or "").removesuffix("ه")
    step = -1 if way in BACK else 1 if way in AHEAD else 0
    if c.kind == "dperiod":  # «الخامس من الشهر الجاري»: that day of that month
        index = reference.year * 12 + reference.month - 1 + step
        year, month, day = index // 12, index % 12 + 1, _day(g["d"])
        if not _valid(year, month, day):
            warnings.append(f"{value.written} is not a valid date")
            return None
        return value(dt.date(year, month, day), "day", "relative")
    if g["unit"] == "الاسبوع":
        # No week precision: the month of a week ago, not a made-up day.
        return value((reference + dt.timedelta(7 * step)).replace(day=1), "month", "relative")
    if g["unit"] == "الشهر":
        index = reference.year * 12 + reference.month - 1 + step
        return value(dt.date(index // 12, index % 12 + 1, 1), "month", "relative")
    return value(dt.date(reference.year + step, 1, 1), "year", "relative")


class Make:
    """Builds the DateValues of one candidate: same words, same span."""

    def __init__(self, written: str, span: tuple[int, int]) -> None:
        self.written, self.span = written, span

    def __call__(
        self,
        start: dt.date,
        precision: Precision,
        basis: Basis = "explicit",
        calendar: Literal["gregorian", "hijri"] = "gregorian",
        end: dt.date | None = None,
    ) -> DateValue:
        # A frozen dataclass's __init__ sets each field through object.__setattr__,
        # which costs more than the rest of resolving a relative day: the fields
        # are filled in directly, as __init__ would (same equality and hash).
        value = _new(DateValue)
        value.__dict__.update(
            start=start,
            precision=precision,
            basis=basis,
            written=self.written,
            calendar=calendar,
            end=end,
            span=self.span,
            announced=False,
        )
        return value


_new = object.__new__


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


def _hijri(
    c: Candidate,
    wd: int | None,
    reference: dt.date | None,
    adjust: int,
    value: Make,
    warnings: list[str],
    ahead: bool = False,
) -> DateValue | None:
    g = c.groups
    outside = f"{value.written!r} is outside the Umm al-Qura tables (1343-1500 AH)"
    if c.kind == "hyear":
        year = int(g["hy"])
        start, after = from_hijri(year, 1, 1, adjust), from_hijri(year + 1, 1, 1, adjust)
        if start is None or after is None:
            warnings.append(outside)
            return None
        return value(start, "year", calendar="hijri", end=after - dt.timedelta(1))
    end_month = None  # a range's last month, when it is written
    if c.kind == "numeric":  # «19 / 11 / 1445هـ»
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
        found = _hijri_year(month, day, wd, reference, adjust, ahead)
        if found is None:
            warnings.append(outside)
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
        warnings.append(outside)
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
    if g.get("d2"):  # a range: «من 1 – 2 ذي الحجة», «من 5 إلى 7/ 3/ 1445هـ», «… إلى 5 شوال»
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


def resolve(
    c: Candidate,
    reference: dt.date | None,
    today: dt.date,
    adjust: int,
    value: Make,
    warnings: list[str],
    ahead: bool = False,
) -> DateValue | None:
    """The date of one candidate. `ahead`: the words around it speak of what
    will happen («ستحتضنها الجزائر يومي 1 و2 نوفمبر»), so a date written with no
    year is the next one, not the last."""
    g, kind, written = c.groups, c.kind, value.written
    wd = WD.get(g["wd"] or "") if "wd" in g else None
    if kind in ("relative", "period", "dperiod", "weekday") or (
        kind in ("ymonth", "dmonth") and not reference
    ):
        if reference is None:
            warnings.append(
                f"{written!r} is relative to the story's date and the file has none: "
                "add 'date: YYYY-MM-DD' to the file's front matter"
            )
            return None
        if kind not in ("ymonth", "dmonth"):
            return _relative(c, wd, reference, value, warnings)
    if kind == "numeric" and g.get("hmark"):
        return _hijri(c, wd, reference, adjust, value, warnings)
    if kind == "year":
        return value(dt.date(int(g["y"]), 1, 1), "year") if int(g["y"]) > 0 else None
    if kind in ("hijri", "hrange", "hrange2", "hmonth", "hyear"):
        return _hijri(c, wd, reference, adjust, value, warnings, ahead)
    month = int(g["m"]) if g.get("m") else G_MONTH[_key(g["gm"])]
    if not 1 <= month <= 12:
        warnings.append(f"{written} is not a valid date (no month {month})")
        return None
    if kind == "month":
        return value(dt.date(int(g["y"]), month, 1), "month") if int(g["y"]) > 0 else None
    if kind in ("ymonth", "dmonth"):
        assert reference is not None
        return value(dt.date(_month_year(month, g["mdir"], reference), month, 1), "month")
    # A day: the start of a range is the day that fixes the year.
    first = G_MONTH[_key(g["gm1"])] if kind == "range2" else month
    day = _day(g["d"])
    if not _valid(2000, first, day):  # 2000 was a leap year: only impossible days fail
        warnings.append(f"{written} is not a valid date")
        return None
    if g.get("y1"):
        year, basis = int(g["y1"]), "explicit"
    elif g.get("y"):
        year, basis = int(g["y"]) - (kind == "range2" and first > month), "explicit"
    else:
        found = _day_year(first, day, wd, g.get("mdir"), reference, today, written, warnings, ahead)
        if found is None:
            return None
        year, basis = found
    if not _valid(year, first, day):
        warnings.append(f"{written} is not a valid date")
        return None
    start, end = dt.date(year, first, day), None
    if kind in ("range", "range2") or g.get("d2"):  # «من 5 إلى 7/3/2024» too
        end_year = int(g["y"]) if g.get("y") else year + (kind == "range2" and first > month)
        d2 = int(g["d2"])
        if not _valid(end_year, month, d2) or dt.date(end_year, month, d2) <= start:
            warnings.append(f"{written} is not a valid date range")
            return None
        end = dt.date(end_year, month, d2)
    if basis == "explicit":
        _check_weekday(wd, start, written, warnings)
    return value(start, "day", basis, end=end)
