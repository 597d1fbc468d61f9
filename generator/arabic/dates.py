"""When did it happen? Dates as Arabic news writes them, Gregorian and Hijri.

CONTRACT (used by generator/understand.py; keep these names and fields):

    find_date(text, reference, today, hijri_adjust=0) -> DateFinding

`reference` is the story's date (front matter `date`, --reference-date, …) or
None; `today` is the build date (SOURCE_DATE_EPOCH when set) and is only used
to choose among candidate years when there is no reference.

How: the sentence is folded for matching (alef forms, yaa, taa marbuta,
harakat, tatweel, Eastern and Persian digits) while keeping a map back to the
original characters, so `written` is always the source's own words. One
compiled pattern per kind of date (day + month, month + year, year alone,
numeric, relative words, a weekday alone) finds every candidate; overlapping
candidates keep the longest.

Basis: `explicit` when the date is written (with or without its year; a
year-less date takes the year that puts it nearest to, and not after, the
reference); `weekday` when only a weekday fixed it (a weekday alone, or
weekday + day + month with no reference); `relative` for اليوم، أمس… .
Without a reference, a year-less date with no weekday is not guessed: it is
left out, with a warning that says how to fix it.

Which date is the event's: the first candidate not governed by a word that
marks another time («منذ»، «حتى»، «قبل»، «بحلول»، «مهلة»…); the others are kept
as `mentions`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from generator.arabic.hijri import from_hijri, month_length, to_hijri
from generator.arabic.normalize import DIGITS, normalize

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


@dataclass
class DateFinding:
    date: DateValue | None  # the event's date; None when nothing could be fixed
    mentions: list[DateValue] = field(default_factory=list)  # other dates named
    warnings: list[str] = field(default_factory=list)  # Arabic-free, English messages


# ---------------------------------------------------------------- vocabulary

_GREGORIAN = {
    1: ["كانون الثاني", "كانون 2", "يناير", "جانفي", "ينابر", "يناير"],
    2: ["شباط", "فبراير", "فيفري", "فبرير"],
    3: ["آذار", "مارس"],
    4: ["نيسان", "أبريل", "إبريل", "ابريل", "أفريل", "افريل", "أبريل"],
    5: ["أيار", "مايو", "ماي"],
    6: ["حزيران", "يونيو", "يونيه", "جوان", "يونيوز"],
    7: ["تموز", "يوليو", "يوليه", "جويلية", "يوليوز", "جويلة"],
    8: ["آب", "أغسطس", "اغسطس", "أوت", "غشت", "اغسطس"],
    9: ["أيلول", "سبتمبر", "شتنبر"],
    10: ["تشرين الأول", "تشرين 1", "أكتوبر", "اكتوبر"],
    11: ["تشرين الثاني", "تشرين 2", "نوفمبر", "نونبر"],
    12: ["كانون الأول", "كانون 1", "ديسمبر", "دجنبر"],
}
_HIJRI = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول"],
    4: ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع الاخر"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادي الأولى", "جمادى أولى"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادي الآخرة"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذا القعدة"],
    12: ["ذو الحجة", "ذي الحجة", "ذا الحجة"],
}
# Monday = 0, as datetime.weekday().
_WEEKDAYS = {
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
}
_WEEKDAY_NAMES = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")

# Words before a date that mark a time other than the event's own.
_NOT_EVENT = [
    "منذ",
    "حتى",
    "قبل",
    "بحلول",
    "مهلة",
    "موعد",
    "اعتبارا من",
    "اعتباراً من",
    "بعد",
    "لغاية",
    "إلى غاية",
    "خلال",
    "مطلع",
    "نهاية",
    "أواخر",
    "أواسط",
]


def _alt(words: list[str]) -> str:
    folded = sorted({normalize(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


def _lookup(table: dict[int, list[str]]) -> dict[str, int]:
    return {" ".join(normalize(w).split()): m for m, ws in table.items() for w in ws}


_G_MONTH = _lookup(_GREGORIAN)
_H_MONTH = _lookup(_HIJRI)
_WD = {normalize(k): v for k, v in _WEEKDAYS.items()}

_B = r"(?<![\w])"  # a word boundary that works with Arabic letters
_E = r"(?![\w])"
_CLITIC = r"(?:[وفبل]|ل?ل)?"
_WD_ALT = _alt(list(_WEEKDAYS))
_WEEKDAY = rf"(?:(?:يوم\s+)?{_CLITIC}(?P<wd>{_WD_ALT}){_E}[\s،,]*(?:الماضي|المقبل|القادم)?[\s،,]*)?"
_GM = rf"(?P<gm>{_alt([w for ws in _GREGORIAN.values() for w in ws])})"
_HM = rf"(?P<hm>{_alt([w for ws in _HIJRI.values() for w in ws])})"
# A doubled month: «أيلول/سبتمبر», «أيلول (سبتمبر)», «9 أيلول - سبتمبر».
_GM2 = (
    rf"(?:\s*(?:/|\(|-|–)\s*(?P<gm2>{_alt([w for ws in _GREGORIAN.values() for w in ws])})\s*\)?)?"
)
_YEAR = r"(?:[\s،,]*(?:من\s+)?(?:عام|سنه|لعام)?\s*(?P<y>\d{4})\s*(?:م|ميلادي|ميلاديه)?(?![\w]))?"
_HMARK = r"(?P<hmark>ه\.?(?!\w)|هـ|هجري(?:ه)?|للهجره)"
_HYEAR = rf"(?:[\s،,]*(?:من\s+)?(?:عام|سنه|لعام)?\s*(?P<hy>\d{{3,4}}))?\s*{_HMARK}?"
_UNITS = [
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
]
_UNITS_M = [
    "الحادي",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
]
_ORDINALS = {w: i + 1 for i, w in enumerate(_UNITS)}
_ORDINALS |= {f"{w} عشر": i + 11 for i, w in enumerate(_UNITS_M)}
_ORDINALS |= {"العشرين": 20, "الثلاثين": 30}
_ORDINALS |= {f"{w} والعشرين": i + 21 for i, w in enumerate(_UNITS_M)}
_ORDINALS |= {"الحادي والثلاثين": 31}
_ORD = "|".join(
    sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _ORDINALS), key=len, reverse=True)
)
_DAY = rf"(?:ل(?=ل))?(?:ال\s?(?=\d))?(?P<d>\d{{1,2}}|(?:{_ORD})(?=\s+من\s))"
_RANGE = rf"(?:(?:بين|من)\s+(?:يوم\s+)?{_DAY}\s*(?:و|الى|إلى|-|–)\s*)"

_IN_MONTH = r"(?:\s+(?:الجاري|الماضي))?"
_RELATIVE = (
    r"اليوم|امس الاول|اول امس|اول من امس|امس|غدا|بعد يوم غد|يوم غد|عصر غد|مساء غد|بعد غد|غد"
    r"|الاسبوع الماضي|الشهر الماضي"
    rf"|العام الماضي|الشهر الجاري|مطلع الشهر{_IN_MONTH}|منتصف الشهر{_IN_MONTH}"
    rf"|اواخر الشهر{_IN_MONTH}"
)

_PATTERNS = [
    ("hijri", re.compile(rf"{_B}{_WEEKDAY}{_DAY}\s+(?:من\s+)?(?:شهر\s+)?{_HM}{_HYEAR}")),
    (
        "range",
        re.compile(rf"{_B}{_RANGE}(?P<d2>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?{_GM}{_GM2}{_YEAR}"),
    ),
    ("day", re.compile(rf"{_B}{_WEEKDAY}{_DAY}\s+(?:من\s+)?(?:شهر\s+)?{_GM}{_GM2}{_YEAR}")),
    (
        "numeric",
        re.compile(rf"{_B}{_WEEKDAY}(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>\d{{4}}){_E}"),
    ),
    ("iso", re.compile(rf"{_B}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){_E}")),
    (
        "hmonth",
        re.compile(
            rf"{_B}(?:شهر\s+)?{_HM}\s+(?:من\s+)?(?:عام\s+)?(?P<hy>\d{{4}})\s*(?P<hmark>ه\.?(?!\w)|هـ|هجري(?:ه)?|للهجره)"
        ),
    ),
    (
        "month",
        re.compile(
            rf"{_B}(?:شهر\s+)?{_CLITIC}{_GM}{_GM2}\s+(?:من\s+)?(?:عام\s+|سنه\s+)?(?P<y>\d{{4}}){_E}"
        ),
    ),
    ("ymonth", re.compile(rf"(?<=في )(?:شهر\s+)?{_GM}{_GM2}{_E}")),
    ("year", re.compile(rf"{_B}(?:{_CLITIC}(?:عام|سنه|العام)\s+)(?P<y>\d{{4}}){_E}")),
    (
        "relative",
        re.compile(rf"{_B}{_CLITIC}(?P<rel>{_RELATIVE}){_E}(?:\s+(?P<wd>{_WD_ALT}){_E})?"),
    ),
    (
        "weekday",
        re.compile(
            rf"{_B}(?:يوم\s+)?{_CLITIC}(?P<wd>{_WD_ALT}){_E}(?:\s+(?P<dir>المقبل|القادم|الماضي){_E})?"
        ),
    ),
]
_ANCHORED = re.compile(r"[\s،,]*(?:الموافق|\d)")
# «منذ أن كلّفه الملك في 7 …», «ما بعد تاريخ الـ 22 …»: governed from a few words away,
# as long as no clause break comes between.
_SINCE = re.compile(r"(?:منذ|ما بعد|بعد تاريخ|حتى تاريخ)(?:\s+[^\s،,.؛:]+){0,5}\s*$")
# A sentence about what will happen («سيبث الخطاب…», «ويكون فاتح الشهر…»): its
# future date is the event's; in «أعلن … أن غداً …» it is only what was announced.
_FUTURE = re.compile(r"(?<!\w)و?(?:س[يتن][^\s]{2,}|سا[^\s]{2,}|يكون|ستكون)(?!\w)")
# «أعلنت الوزارة أن … سيكون غداً»: a report of an announcement is dated by the announcement.
_REPORTED = re.compile(
    r"\W*(?:\S+\s+){0,2}?و?(?:اعلن|اعلنت|قال|قالت|اكد|اكدت|ذكر|ذكرت|افاد|افادت|حدد|حددت"
    r"|كشف|كشفت|اوضح|اوضحت|اصدر|اصدرت)(?!\w)"
)
_THAT_IS = re.compile(r"وذلك\s+(?:يوم\s+|في\s+|صباح\s+|مساء\s+)?$")
_NOT_EVENT_RE = re.compile(rf"(?:{_alt(_NOT_EVENT)})\s*(?:يوم\s+)?$")

# Characters dropped when folding for matching (harakat, tatweel, invisible controls).
_DROP = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_FOLD: dict[int, str] = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


_DROP_SET = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\ufeff"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
_FOLD_ALL = {**_FOLD, **DIGITS}


def _fold(text: str) -> tuple[str, list[int] | range]:
    """Folded text and, for each of its characters, the index in `text`.

    Every mapping is one character to one, so without harakat or tatweel to
    drop (most wire copy) the positions are the identity: the fast path.
    """
    if _DROP.search(text) is None:
        return text.translate(_FOLD_ALL), range(len(text))
    where = [i for i, ch in enumerate(text) if ch not in _DROP_SET]
    return "".join(text[i] for i in where).translate(_FOLD_ALL), where


# What each pattern needs before it is worth running: most lines have no digit
# and no month name, and skipping a pattern is much cheaper than scanning.
_GREG_WORDS = tuple({normalize(w).split()[0] for ws in _GREGORIAN.values() for w in ws})
_HIJRI_WORDS = tuple({normalize(w).split()[-1] for ws in _HIJRI.values() for w in ws})
_REL_WORDS = ("اليوم", "امس", "غد", "الماضي", "الشهر")
_WD_WORDS = tuple(_WD)


def _any(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


_HAS = {
    "greg": _any(_GREG_WORDS),
    "hijri": _any(_HIJRI_WORDS),
    "rel": _any(_REL_WORDS),
    "wd": _any(_WD_WORDS),
}


def _triggers(folded: str) -> dict[str, bool]:
    return {name: pattern.search(folded) is not None for name, pattern in _HAS.items()}


def _wanted(kind: str, has: dict[str, bool], digit: bool) -> bool:
    if kind in ("numeric", "iso", "year"):
        return digit
    if kind == "ymonth":
        return has["greg"]
    if kind in ("range", "day", "month"):
        return digit and has["greg"]
    if kind == "hijri":
        return has["hijri"]
    if kind == "hmonth":
        return digit and has["hijri"]
    if kind == "relative":
        return has["rel"]
    return has["wd"]


_ANY_DIGIT = re.compile(r"\d")


@dataclass
class _Candidate:
    kind: str
    span: tuple[int, int]  # in folded text
    groups: dict[str, str | None]


def _scan(folded: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    digit = _ANY_DIGIT.search(folded) is not None
    has = _triggers(folded)
    for kind, pattern in _PATTERNS:
        if not _wanted(kind, has, digit):
            continue
        for m in pattern.finditer(folded):
            start, end = m.span()
            # Trim trailing spaces and punctuation taken by optional parts.
            while end > start and folded[end - 1] in " ،,\t":
                end -= 1
            if end <= start:
                continue
            if any(c.span[0] < end and start < c.span[1] for c in found):
                continue  # an earlier, more specific pattern already took these words
            if kind == "weekday" and _ANCHORED.match(folded, end):
                continue  # «يوم الجمعة الموافق 8 يوليو»: the weekday of another date
            found.append(_Candidate(kind, (start, end), m.groupdict()))
    return sorted(found, key=lambda c: c.span)


def _nearest_year(month: int, day: int, reference: dt.date) -> int | None:
    """The year that puts day/month nearest to, and not after, the reference."""
    for year in (reference.year, reference.year - 1):
        try:
            if dt.date(year, month, day) <= reference:
                return year
        except ValueError:
            continue
    return None


def _weekday_years(month: int, day: int, wd: int, reference: dt.date) -> list[int]:
    years = (reference.year - 1, reference.year, reference.year + 1)
    return [y for y in years if _valid(y, month, day) and dt.date(y, month, day).weekday() == wd]


def _month_key(word: str | None) -> str:
    return " ".join((word or "").split())


def _resolve(
    c: _Candidate,
    reference: dt.date | None,
    today: dt.date,
    adjust: int,
    written: str,
    span: tuple[int, int],
    warnings: list[str],
) -> DateValue | None:
    g = c.groups
    wd = _WD.get(g.get("wd") or "") if g.get("wd") else None
    if c.kind == "relative":
        if reference is None:
            warnings.append(f"relative date {written!r} needs a story date")
            return None
        rel = " ".join((g["rel"] or "").split())
        days = {
            "اليوم": 0,
            "امس": -1,
            "امس الاول": -2,
            "اول امس": -2,
            "اول من امس": -2,
            "غدا": 1,
            "يوم غد": 1,
            "بعد غد": 2,
            "بعد يوم غد": 2,
            "عصر غد": 1,
            "مساء غد": 1,
            "غد": 1,
        }
        if rel in days:
            day = reference + dt.timedelta(days[rel])
            if wd is not None and day.weekday() != wd:
                # «اليوم الاثنين» in a story dated Tuesday: written the day before
                # it was published. The weekday is what the reporter saw.
                shift = (day.weekday() - wd) % 7
                if shift <= 2:
                    day -= dt.timedelta(shift)
                elif 7 - shift <= 2:
                    day += dt.timedelta(7 - shift)
                else:
                    _check_weekday(wd, day, written, warnings)
            return DateValue(day, "day", "relative", written, span=span)
        if rel == "الاسبوع الماضي":
            # No week precision: the month of a week ago, not a made-up day.
            week_ago = reference - dt.timedelta(7)
            return DateValue(week_ago.replace(day=1), "month", "relative", written, span=span)
        first = reference.replace(day=1)
        if rel == "العام الماضي":
            return DateValue(
                dt.date(reference.year - 1, 1, 1), "year", "relative", written, span=span
            )
        if "الماضي" in rel:
            first = (first - dt.timedelta(1)).replace(day=1)
        if rel.startswith("مطلع"):
            return DateValue(first, "month", "relative", written, span=span)
        return DateValue(first, "month", "relative", written, span=span)
    if c.kind == "weekday":
        if reference is None or wd is None:
            return None
        if g.get("dir") in ("المقبل", "القادم"):
            ahead = (wd - reference.weekday()) % 7 or 7
            return DateValue(reference + dt.timedelta(ahead), "day", "weekday", written, span=span)
        back = (reference.weekday() - wd) % 7
        if g.get("dir") == "الماضي":
            back = back or 7
        return DateValue(reference - dt.timedelta(back), "day", "weekday", written, span=span)
    if c.kind == "year":
        return DateValue(dt.date(int(g["y"]), 1, 1), "year", "explicit", written, span=span)
    if c.kind in ("hijri", "hmonth"):
        month = _H_MONTH.get(_month_key(g.get("hm")))
        if month is None:
            return None
        hy = g.get("hy")
        if hy:
            year = int(hy)
        elif reference is not None:
            h = to_hijri(reference, adjust)
            if h is None:
                return None
            # Nearest to the reference and not after it, with two days of slack:
            # the source may follow a local sighting a day or two ahead of Umm al-Qura.
            year = h.year
            this = from_hijri(h.year, month, min(_day(g.get("d") or "1"), 29), adjust)
            if this is None or this > reference + dt.timedelta(days=2):
                year = h.year - 1
        else:
            return None
        if c.kind == "hmonth":
            start = from_hijri(year, month, 1, adjust)
            if start is None:
                warnings.append(f"{written} is outside the Umm al-Qura tables")
                return None
            return DateValue(start, "month", "explicit", written, "hijri", span=span)
        day = _day(g["d"])
        length = month_length(year, month)
        if length is None or not 1 <= day <= length:
            warnings.append(f"{written} is not a valid Hijri date")
            return None
        start = from_hijri(year, month, day, adjust)
        if start is None:
            return None
        _check_weekday(wd, start, written, warnings)
        return DateValue(start, "day", "explicit", written, "hijri", span=span)

    month = int(g["m"]) if g.get("m") else _G_MONTH.get(_month_key(g.get("gm")))
    if month is None or not 1 <= month <= 12:
        return None
    if c.kind == "month":
        return DateValue(dt.date(int(g["y"]), month, 1), "month", "explicit", written, span=span)
    if c.kind == "ymonth":  # «في آب/أغسطس»: the nearest such month not after the story
        if reference is None:
            return None
        year = reference.year if month <= reference.month else reference.year - 1
        return DateValue(dt.date(year, month, 1), "month", "explicit", written, span=span)
    day = _day(g["d"])
    year_text = g.get("y")
    basis: Basis = "explicit"
    if year_text:
        year = int(year_text)
    elif (
        reference is not None
        and wd is not None
        and (fits := _weekday_years(month, day, wd, reference))
    ):
        # The weekday picks the year: «غداً الجمعة 2 تشرين الأول» is next week, not last year.
        year = min(fits, key=lambda y: abs((dt.date(y, month, day) - reference).days))
    elif reference is not None:
        nearest = _nearest_year(month, day, reference)
        if nearest is None:
            warnings.append(f"{written} is not a valid date")
            return None
        year = nearest
    elif wd is not None:
        years = [
            y
            for y in range(today.year, 1989, -1)
            if _valid(y, month, day)
            and dt.date(y, month, day).weekday() == wd
            and dt.date(y, month, day) <= today
        ]
        if not years:
            warnings.append(f"{written} is not a valid date")
            return None
        year, basis = years[0], "weekday"
        warnings.append(
            f"{written!r} has no year and the file no date: took {years[0]} "
            f"(the weekday fits {', '.join(map(str, years[:6]))}); add 'date: YYYY-MM-DD' "
            "to the file's front matter"
        )
    else:
        warnings.append(
            f"{written!r} has no year and the file no date; "
            "add 'date: YYYY-MM-DD' to its front matter"
        )
        return None
    if not _valid(year, month, day):
        warnings.append(f"{written} is not a valid date")
        return None
    start = dt.date(year, month, day)
    end = None
    if c.kind == "range" and g.get("d2"):
        d2 = int(g["d2"])
        if not _valid(year, month, d2) or d2 < day:
            warnings.append(f"{written} is not a valid date range")
            return None
        end = dt.date(year, month, d2)
    if basis == "explicit":
        _check_weekday(wd, start, written, warnings)
    return DateValue(start, "day", basis, written, end=end, span=span)


def _day(text: str) -> int:
    return int(text) if text.isdigit() else _ORDINALS[" ".join(text.split())]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _check_weekday(wd: int | None, day: dt.date, written: str, warnings: list[str]) -> None:
    if wd is not None and day.weekday() != wd:
        warnings.append(
            f"weekday in {written!r} does not match {day.isoformat()} "
            f"(a {day.strftime('%A')}, {_WEEKDAY_NAMES[day.weekday()]})"
        )


def find_date(
    text: str, reference: dt.date | None, today: dt.date, hijri_adjust: int = 0
) -> DateFinding:
    folded, where = _fold(text)
    warnings: list[str] = []
    values: list[tuple[DateValue, bool]] = []
    anchored: set[int] = set()
    for c in _scan(folded):
        s, e = c.span
        # The range pattern starts at «بين/من»: keep those words out of the written form.
        span = (where[s], where[e - 1] + 1)
        while span[1] < len(text) and _DROP.match(text[span[1]]):  # a final tatweel: «هـ»
            span = (span[0], span[1] + 1)
        written = text[span[0] : span[1]]
        value = _resolve(c, reference, today, hijri_adjust, written, span, warnings)
        if value is None:
            continue
        before = folded[max(0, s - 40) : s]
        governed = bool(_NOT_EVENT_RE.search(before[-20:]) or _SINCE.search(before))
        if _THAT_IS.search(before):  # «… وذلك يوم 10 جانفي»: the event's own date, even ahead
            anchored.add(id(value))
        values.append((value, governed))
    if not values:
        return DateFinding(None, [], warnings)
    future = bool(_FUTURE.search(folded)) and not _REPORTED.match(folded)
    main = _event_date(values, reference, future=future, anchored=anchored)
    mentions = [v for v, _ in values if v is not main]
    return DateFinding(main, mentions, warnings)


def _rank(value: DateValue) -> int:
    """A written day beats a relative word, which beats a bare weekday or a month."""
    if value.basis == "explicit" and value.precision == "day":
        return 0
    if value.basis == "relative" and value.precision == "day":
        return 1
    if value.basis == "weekday":
        return 2
    return 3


def _event_date(
    values: list[tuple[DateValue, bool]],
    reference: dt.date | None,
    future: bool = False,
    anchored: frozenset[int] | set[int] = frozenset(),
) -> DateValue | None:
    """The date the main verb governs: not behind «منذ/حتى/قبل…», not in the
    story's future (news reports what happened; a future date is a schedule
    the event announces), and the most specific of what remains."""
    free = [
        v
        for v, governed in values
        if not governed
        and (reference is None or future or id(v) in anchored or v.start <= reference)
    ]
    if any(v.precision == "day" for v, _ in values):
        # A sentence that names a day is not dated by a year or month it also names
        # («فاتح شهر جمادى الأولى لعام 1445 هـ هو يوم غد …»).
        free = [v for v in free if v.precision == "day"]
    if free:
        # Both calendars written («5 ذي القعدة 1438 هـ الموافق 29 يوليوز 2017»): the
        # Gregorian one is exact; the Hijri may follow a local sighting.
        return min(free, key=lambda v: (_rank(v), v.calendar != "gregorian", v.span))
    if reference is not None:
        return None  # only schedules and background: the story's own date applies
    return values[0][0]
