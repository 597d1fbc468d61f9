"""Which day a date found in a sentence is: a candidate from `date_scan`
resolved against the story's date (`reference`) and the build date.

Year-less dates take the year nearest to, and not after, the reference;
relative words count from it; Hijri dates convert through Umm al-Qura with
the site's sighting adjustment. What cannot be fixed is a warning, never a
guess (see `dates` for the whole policy).
"""

from __future__ import annotations

import datetime as dt

from generator.arabic.date_hijri import resolve_hijri as _hijri
from generator.arabic.date_patterns import G_MONTH, WD
from generator.arabic.date_scan import Candidate
from generator.arabic.date_value import AHEAD_WORDS as _AHEAD
from generator.arabic.date_value import BACK_WORDS as _BACK
from generator.arabic.date_value import NOW_WORDS as _NOW
from generator.arabic.date_value import Basis, DateValue, Make, Precision, month_year
from generator.arabic.date_value import check_weekday as _check_weekday
from generator.arabic.date_value import day_number as _day
from generator.arabic.date_value import key as _key
from generator.arabic.date_words import DAYS_AGO, RELATIVE_DAYS
from generator.arabic.hijri import to_hijri
from generator.arabic.normalize import normalize

_DAYS_AGO = {normalize(w): n for w, n in DAYS_AGO.items()}
__all__ = ["Basis", "DateValue", "Make", "Precision", "resolve"]

_AD_MARKS = ("م", "ميلادية", "ميلادي", "ميلاديه")
_EARLIEST = 1990  # no-reference weekday narrowing looks this far back


def _hijri_year(year: int, reference: dt.date | None) -> bool:
    """Whether a year written with no calendar mark is a Hijri one: from 1300,
    and not after the year after the story's (a Hijri year to come, not «عام
    1492», the fall of Granada)."""
    if reference is None:
        return 1300 <= year <= 1460
    now = to_hijri(reference)
    return 1300 <= year <= (now.year + 1 if now is not None else 1460)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


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
        if mdir in _NOW:
            return reference.year, "explicit"
        near = range(reference.year - 1, reference.year + 2) if wd is not None else range(0)
        fits = [y for y in near if _valid(y, month, day) and dt.date(y, month, day).weekday() == wd]
        if mdir in _AHEAD or (ahead and not fits and mdir is None):
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


def _of_year(ydir: str | None, reference: dt.date) -> int | None:
    """«… من العام الماضي/الجاري/المقبل»: the year its direction names."""
    if not ydir:
        return None
    way = ydir.removesuffix("ه")
    return reference.year - (way in _BACK) + (way in _AHEAD)


def _month_year(month: int, mdir: str | None, reference: dt.date) -> int:
    return month_year(month, mdir, reference.year, reference.month)


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
    if c.kind == "ago":  # «قبل يومين», «قبل 3 أيام»
        days = int(g["n"]) if g.get("n") else _DAYS_AGO[_key(g["ago"])]
        return value(reference - dt.timedelta(days), "day", "relative")
    if c.kind == "weekday":
        assert wd is not None
        way = _key(g["dir"]).removesuffix("ه")  # «الجمعة الماضية»
        if way.startswith("بعد"):  # «الثلاثاء بعد المقبل»: the one after next
            ahead = ((wd - reference.weekday()) % 7 or 7) + 7
        elif way in _AHEAD:
            ahead = (wd - reference.weekday()) % 7 or 7
        else:
            ahead = -((reference.weekday() - wd) % 7 or (7 if way in _BACK else 0))
        return value(reference + dt.timedelta(ahead), "day", "weekday")
    way = (g["dir"] or "").removesuffix("ه")
    step = -1 if way in _BACK else 1 if way in _AHEAD else 0
    if c.kind == "dperiod":  # «الخامس من الشهر الجاري»: that day of that month
        index = reference.year * 12 + reference.month - 1 + step
        year, month, day = index // 12, index % 12 + 1, _day(g["d"])
        if not _valid(year, month, day):
            warnings.append(f"{value.written} is not a valid date")
            return None
        _check_weekday(wd, dt.date(year, month, day), value.written, warnings)
        return value(dt.date(year, month, day), "day", "relative")
    if g["unit"] == "الاسبوع":
        # No week precision: the month of a week ago, not a made-up day.
        return value((reference + dt.timedelta(7 * step)).replace(day=1), "month", "relative")
    if g["unit"] == "الشهر":
        index = reference.year * 12 + reference.month - 1 + step
        return value(dt.date(index // 12, index % 12 + 1, 1), "month", "relative")
    return value(dt.date(reference.year + step, 1, 1), "year", "relative")


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
    will happen («ستحتضنها تونس يومي 8 و9 أبريل»), so a date written with no
    year is the next one, not the last."""
    g, kind, written = c.groups, c.kind, value.written
    wd = WD.get(g["wd"] or "") if "wd" in g else None
    if kind in ("relative", "period", "dperiod", "weekday", "ago") or (
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
    if kind in ("numeric", "iso") and (g.get("hmark") or 1300 <= int(g["y"]) <= 1500):
        # «15/9/1445هـ», «1445/9/15»: no Gregorian year of the news is in the 1400s
        return _hijri(c, wd, reference, adjust, value, warnings)
    if kind == "year":
        # «لسنة 1443», «عام 1445» without «هـ»: a Hijri year, unless marked «م»
        if _hijri_year(int(g["y"]), reference) and not written.rstrip().endswith(_AD_MARKS):
            return _hijri(
                Candidate("hyear", c.span, {"hy": g["y"]}), None, reference, adjust, value, warnings
            )
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
        year = _of_year(g.get("ydir"), reference) or _month_year(month, g["mdir"], reference)
        return value(dt.date(year, month, 1), "month")
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
    elif reference is not None and g.get("ydir"):  # «5 مارس من العام الماضي»
        year, basis = _of_year(g["ydir"], reference) or reference.year, "explicit"
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
    if basis == "explicit" and wd is not None:
        _check_weekday(wd, start, written, warnings)
    return value(start, "day", basis, end=end)
