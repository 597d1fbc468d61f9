"""When did it happen? Dates as Arabic news writes them, Gregorian and Hijri.

CONTRACT (used by generator/understand.py; keep these names and fields):

    find_date(text, reference, today, hijri_adjust=0) -> DateFinding

`reference` is the story's date (front matter `date`, --reference-date, …) or
None; `today` is the build date (SOURCE_DATE_EPOCH when set) and is only used
to choose among candidate years when there is no reference.

How: the sentence is folded for matching (alef forms, yaa, taa marbuta,
harakat, tatweel, Eastern and Persian digits) while keeping a map back to the
original characters, so `written` is always the source's own words. The
sentence's words are looked up once in a set of trigger words (month names,
weekdays, relative words, with their clitics); only the patterns a sentence
can match are run, and overlapping candidates keep the most specific pattern.

Basis and precision, as pages show them:
- `explicit`: the date is written. A year-less day + month takes the year that
  puts it nearest to, and not after, the reference («المقبل» after the month:
  the nearest on or after it; a weekday written with it: the nearby year whose
  calendar it fits). That is the reading every reader of the story makes, so
  it is not presented as a guess. Month-only and year-only dates keep month and
  year precision; «عام 1436 هـ» is a Hijri year (start and end of that year).
- `weekday`: only a weekday fixed the day: «الخميس» alone (the last Thursday on
  or before the reference; «المقبل» the next one), or weekday + day + month with
  no reference: the newest fitting year not after `today`, with a warning that
  lists every fitting year since 1990 and says how to fix it.
- `relative`: اليوم، أمس، أول أمس، غدا، بعد غد at day precision; الأسبوع
  الماضي is the month of the day a week before the reference (there is no
  week precision, and a made-up day would be a guess shown as fact);
  الشهر الماضي، مطلع/منتصف/أواخر الشهر (الجاري/الماضي) at month precision;
  العام الماضي at year precision.
Nothing is guessed: without a reference, a year-less date with no weekday, a
relative word and a weekday alone give no date and a warning that names the
words and the fix. An impossible date («30 شباط») is a warning, not a date.

Which date is the event's: a date governed by a word that marks another time
(«منذ»، «حتى»، «قبل»، «بحلول»، «مهلة»، «اعتبارا من»…) is a mention; so is a
date after the story's own date, unless the sentence itself is about the future
(«سيبث الخطاب يوم…») and does not report an announcement. Of the rest, the
main clause's date beats one inside a reported «أن/إن» clause; then a written
Gregorian day beats a relative day («اليوم»), which beats a written Hijri day
(the source may follow a sighting Umm al-Qura does not), a bare weekday, and a
month or year; a governing word governs only the next date, and a date restated
in brackets or after «الموافق» shares its governor. The others are `mentions`.
"""

from __future__ import annotations

import bisect
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
    1: ["كانون الثاني", "كانون 2", "يناير", "جانفي", "ينابر"],
    2: ["شباط", "فبراير", "فيفري", "فبرير"],
    3: ["آذار", "مارس"],
    4: ["نيسان", "أبريل", "إبريل", "أفريل"],
    5: ["أيار", "مايو", "ماي"],
    6: ["حزيران", "يونيو", "يونيه", "جوان"],
    7: ["تموز", "يوليو", "يوليه", "جويلية", "يوليوز", "جويلة"],
    8: ["آب", "أغسطس", "أوغسطس", "أوت", "غشت"],
    9: ["أيلول", "سبتمبر", "شتنبر"],
    10: ["تشرين الأول", "تشرين 1", "أكتوبر"],
    11: ["تشرين الثاني", "تشرين 2", "نوفمبر", "نونبر"],
    12: ["كانون الأول", "كانون 1", "ديسمبر", "دجنبر"],
}
_HIJRI = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول"],
    4: ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادى أولى"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذا القعدة"],
    12: ["ذو الحجة", "ذي الحجة", "ذا الحجة"],
}
# Monday = 0, as datetime.weekday().
_WEEKDAY_NAMES = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_WD = {normalize(w): i for i, w in enumerate(_WEEKDAY_NAMES)} | {"الاثنين": 0}
_ORDINAL_STEMS = ["اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع"]
# Without their «ال», so that «للسادس عشر» matches as well as «السادس عشر».
_ORDINALS = {s: i + 1 for i, s in enumerate(_ORDINAL_STEMS)} | {"عاشر": 10}
_ORDINALS |= {f"{s} عشر": i + 11 for i, s in enumerate(["حادي", *_ORDINAL_STEMS[1:]])}
_ORDINALS |= {f"{s} والعشرين": i + 21 for i, s in enumerate(["حادي", *_ORDINAL_STEMS[1:]])}
_ORDINALS |= {"عشرين": 20, "ثلاثين": 30, "حادي والثلاثين": 31}
_FIRST_DAY = {"غره": 1, "فاتح": 1, "مستهل": 1}

# Words before a date that mark a time other than the event's own.
_NOT_EVENT = [
    "منذ",
    "حتى",
    "قبل",
    "بحلول",
    "مهلة",
    "موعد",
    "موعدا",
    "اعتبارا من",
    "ابتداء من",
    "بدءا من",
    "بعد",
    "لغاية",
    "إلى غاية",
    "خلال",
    "مطلع",
    "نهاية",
    "أواخر",
    "أواسط",
    "المقرر",
]


def _alt(words: list[str] | set[str]) -> str:
    folded = sorted({normalize(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


def _lookup(table: dict[int, list[str]]) -> dict[str, int]:
    return {normalize(w): m for m, ws in table.items() for w in ws}


_G_MONTH = _lookup(_GREGORIAN)
_H_MONTH = _lookup(_HIJRI)

# ---------------------------------------------------------------- patterns
# They run on folded text: no hamza seats, ى → ي, ة → ه, ASCII digits.

_B = r"(?<!\w)"  # a word boundary that works with Arabic letters
_E = r"(?!\w)"
_CLITIC = r"(?:[وفبل]|ل?ل)?"
_WD_ALT = _alt(_WEEKDAY_NAMES)
_G_ALT = _alt([w for ws in _GREGORIAN.values() for w in ws])
_GM = rf"(?P<gm>{_G_ALT}){_E}"
# A doubled month: «أيلول/سبتمبر», «أيلول (سبتمبر)», «9 أيلول - سبتمبر».
_GM2 = rf"(?:\s*[/(\-–]\s*(?P<gm2>{_G_ALT}){_E}\s*\)?)?"
_GM2_FIRST = rf"(?:\s*[/(\-–]\s*(?:{_G_ALT}){_E}\s*\)?)?"
_H_ALT = _alt([w for ws in _HIJRI.values() for w in ws])
_HM = rf"(?P<hm>{_H_ALT}){_E}(?:\s+(?:المبارك|المعظم|الحرام|الخير))?"
_HMARK = r"(?:هجريه|هجري|للهجره|ه(?!\w)\.?)"
_DIR = r"الماضي|المنصرم|المقبل|القادم|الجاري|الحالي"
_YEAR = r"(?:عام|سنه|لعام|العام)"
_AD = r"(?:\s*(?:ميلاديه|ميلادي|م)(?!\w))?"
# After a month: a year, or «الماضي/المقبل/الجاري» that says which year.
_Y_OR_DIR = rf"(?:[\s،,]*(?:من\s+)?{_YEAR}?\s*(?P<y>\d{{4}})(?!\d){_AD}|\s*(?P<mdir>{_DIR}){_E})?"
_ORD = "|".join(
    sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _ORDINALS), key=len, reverse=True)
)
_DAY = (
    rf"(?:ل?ال\s?(?=\d))?(?P<d>\d{{1,2}}(?!\d)|(?:ال|لل)(?:{_ORD})(?=\s+من\s)"
    rf"|(?:{'|'.join(_FIRST_DAY)})(?=\s))"
)
# A weekday before a date: «الخميس 1 …», «يوم الأحد الموافق 7 …», «السبت (13 …)».
_WEEKDAY = (
    rf"(?:يومه?\s+)?(?:{_CLITIC}(?P<wd>{_WD_ALT}){_E}(?:\s+(?:الماضي|المقبل|القادم))?"
    r"[\s،,]*(?:الموافق\s+)?(?P<ob>\()?\s*)?"
)
_CLOSE = r"(?(ob)\s*\))"
_TO = r"\s*(?:و|الي|حتي|-|–)\s*(?:يوم\s+)?"
_FROM = r"(?:(?:ما\s+)?(?:بين|من)\s+(?:يوم\s+)?)"
_NO_UNIT = r"(?!\s*(?:عام|اعوام|سنه|سنوات|يوم|ايام|شهر|اشهر|ساعه|دقيقه|الف|مليون|مليار|%))"

_PATTERNS = [
    (
        "hijri",
        rf"{_B}{_WEEKDAY}{_DAY}\s+(?:من\s+)?(?:شهر\s+)?{_HM}"
        rf"(?:[\s،,]*(?:من\s+)?{_YEAR}?\s*(?P<hy>\d{{3,4}})(?!\d))?(?:\s*{_HMARK})?{_CLOSE}",
    ),
    (
        "range2",
        rf"{_B}{_FROM}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?P<gm1>{_G_ALT}){_E}{_GM2_FIRST}"
        rf"(?:\s+(?:من\s+)?{_YEAR}?\s*(?P<y1>\d{{4}})(?!\d){_AD})?"
        rf"{_TO}(?P<d2>\d{{1,2}})\s+(?:من\s+)?{_GM}{_GM2}{_Y_OR_DIR}",
    ),
    (
        "range",
        rf"{_B}{_FROM}?{_DAY}{_TO}(?P<d2>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?{_GM}{_GM2}{_Y_OR_DIR}",
    ),
    ("day", rf"{_B}{_WEEKDAY}{_DAY}\s+(?:من\s+)?(?:شهر\s+)?{_GM}{_GM2}{_Y_OR_DIR}{_CLOSE}"),
    (
        "numeric",
        rf"{_B}{_WEEKDAY}(?P<d>\d{{1,2}})(?P<sep>[/.\-_])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})(?!\d){_AD}{_CLOSE}",
    ),
    ("dm", r"(?<=يوم )(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![/\d])"),  # «يوم 28/9»
    ("iso", rf"{_B}(?P<y>\d{{4}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?!\d)"),
    (
        "hmonth",
        rf"{_B}(?:شهر\s+)?{_HM}[\s،,]*(?:من\s+)?{_YEAR}?\s*(?P<hy>1[34]\d\d)(?!\d)(?:\s*{_HMARK})?",
    ),
    ("hyear", rf"{_B}(?:{_CLITIC}{_YEAR}\s+)?(?P<hy>1[34]\d\d)\s*{_HMARK}"),
    (
        "month",
        rf"{_B}(?:شهر\s+)?{_CLITIC}{_GM}{_GM2}[\s،,]*(?:من\s+)?{_YEAR}?\s*(?P<y>\d{{4}})(?!\d){_AD}",
    ),
    # A month with no year: after «في/خلال/منذ/حتى» or «شهر», or with «الماضي/المقبل».
    (
        "ymonth",
        rf"(?:(?<=في )|(?<=خلال )|(?<=منذ )|(?<=حتي )|{_B}شهر\s+){_GM}{_GM2}"
        rf"(?:\s+(?P<mdir>{_DIR}){_E})?",
    ),
    ("dmonth", rf"{_B}{_CLITIC}{_GM}{_GM2}\s+(?P<mdir>{_DIR}){_E}"),
    ("year", rf"{_B}{_CLITIC}{_YEAR}\s+(?P<y>\d{{4}})(?!\d){_AD}"),
    (
        "year",  # «في 2011», «منذ 2003»: a preposition and a plausible year, not a count
        rf"(?P<lead>{_B}(?:في|منذ|حتي|خلال|قبل|بعد|مطلع|اوائل|منتصف|اواخر|نهايه|بدايه)\s+)"
        rf"(?P<y>(?:19|20)\d\d)(?!\d){_NO_UNIT}{_AD}",
    ),
    ("year", rf"{_B}(?P<y>(?:1[89]|20)\d\d)\s?م{_E}"),
    (
        "relative",
        rf"{_B}{_CLITIC}(?P<rel>بعد\s+يوم\s+غد|بعد\s+غد|اول\s+من\s+امس|اول\s+امس|امس\s+الاول"
        rf"|يوم\s+امس|يوم\s+غد|الامس|امس|البارحه|غدا|غد|اليوم){_E}(?:[\s،,]+(?P<wd>{_WD_ALT}){_E})?",
    ),
    (
        "period",
        rf"{_B}{_CLITIC}(?:(?P<part>مطلع|بدايه|اوائل|منتصف|اواسط|اواخر|نهايه)\s+)?"
        r"(?P<unit>الاسبوع|الشهر|العام|السنه)"
        rf"(?:\s+(?P<dir>(?:{_DIR})ه?))?{_E}",
    ),
    (
        "weekday",
        rf"{_B}(?:يومه?\s+)?{_CLITIC}(?P<wd>{_WD_ALT}){_E}"
        r"(?:\s+(?P<dir>بعد\s+المقبل|بعد\s+القادم|المقبل|القادم|الماضي|المنصرم)(?!\w))?",
    ),
]
_COMPILED = [(kind, re.compile(p)) for kind, p in _PATTERNS]


# What each pattern needs before it is worth running: most lines have no date,
# and skipping a pattern is much cheaper than scanning a line with it.
def _wanted(kind: str, has: set[str], runs: int, year: bool) -> bool:
    greg = "greg" in has
    if kind in ("range", "range2"):
        return greg and runs >= 2
    if kind in ("day", "hijri"):
        return ("greg" if kind == "day" else "hijri") in has and (runs > 0 or "ord" in has)
    if kind == "dm":
        return runs >= 2
    if kind in ("numeric", "iso"):
        return year and runs >= 3
    if kind in ("month", "hmonth"):
        return year and ("greg" if kind == "month" else "hijri") in has
    if kind in ("hyear", "year"):
        return year
    if kind == "ymonth":
        return greg
    if kind == "dmonth":
        return greg and "dir" in has
    if kind == "period":
        return "period" in has and ("dir" in has or "part" in has)
    return ("rel" if kind == "relative" else "wd") in has


def _triggers() -> dict[str, str]:
    words: dict[str, str] = {}
    for kind, names in (
        ("greg", [w.split()[0] for ws in _GREGORIAN.values() for w in ws]),
        ("hijri", ["محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال", "القعدة"]),
        ("hijri", ["المحرم", "الحجة"]),
        ("rel", ["اليوم", "أمس", "الأمس", "غد", "غدا", "البارحة"]),
        ("period", ["الأسبوع", "الشهر", "العام", "السنة"]),
        ("part", ["مطلع", "بداية", "أوائل", "منتصف", "أواسط", "أواخر", "نهاية"]),
        ("dir", [d + t for d in _DIR.split("|") for t in ("", "ة")]),
        ("wd", list(_WEEKDAY_NAMES)),
        ("ord", ["ال" + w.split()[0] for w in _ORDINALS] + list(_FIRST_DAY)),
    ):
        for w in map(normalize, names):
            stems = [w, "ل" + w[1:]] if w.startswith("ال") else [w]  # «لليوم»
            for stem in stems:
                for clitic in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
                    words.setdefault(clitic + stem, kind)
    return words


_TRIGGER = _triggers()
_TRIGGER_WORDS = frozenset(_TRIGGER)
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT_RUN = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")

# Context rules for choosing the event's date.
_ANCHORED = re.compile(r"[\s،,(]*(?:الموافق|\d)")
_NOT_EVENT_RE = re.compile(rf"{_B}(?:{_alt(_NOT_EVENT)})\s*(?:يوم\s+)?$")
# «منذ أن كلّفه الملك في 7 …», «ما بعد تاريخ الـ 22 …»: governed from a few words away,
# as long as no clause break comes between.
_SINCE = re.compile(r"(?:منذ|ما بعد|بعد تاريخ|حتي تاريخ|المقرره?)(?:\s+[^\s،,.؛:]+){0,5}\s*$")
# A sentence about what will happen («سيبث الخطاب…», «ويكون فاتح الشهر…»): its
# future date is the event's; in «أعلن … أن غداً …» it is only what was announced.
_FUTURE = re.compile(r"(?<!\w)و?(?:س[يتن][^\s]{2,}|سا[^\s]{2,}|يكون|ستكون)(?!\w)")
_REPORTED = re.compile(
    r"\W*(?:\S+\s+){0,2}?و?(?:اعلن|اعلنت|قال|قالت|اكد|اكدت|ذكر|ذكرت|افاد|افادت|حدد|حددت"
    r"|كشف|كشفت|اوضح|اوضحت|اصدر|اصدرت)(?!\w)"
)
_FROM_DAY = re.compile(r"(?<!\w)من\s+$")
_SAME = re.compile(r"[\s،,(/\-–]*(?:ال)?(?:موافق|مقابل)?\s*ل?\s*\(?\s*")
_THAT_IS = re.compile(r"وذلك\s+(?:يوم\s+|في\s+|صباح\s+|مساء\s+)?$")
# The start of a reported clause: what was said has its own dates.
_THAT = re.compile(r"(?<!\w)(?:ب?ان|انه|انها|انهم)(?!\w)")

# Characters dropped when folding for matching (harakat, tatweel, invisible controls).
_DROP = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_LETTERS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"))
_EASTERN = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def _fold(text: str) -> tuple[str, list[int]]:
    """Folded text, and where the dropped characters were.

    Every other mapping is one character to one, so a folded offset k is the
    original offset k plus the number of dropped characters before it. A few
    `str.replace` calls fold a line many times faster than `str.translate`
    with a table, and most wire copy has nothing to drop and Western digits.
    """
    dropped: list[int] = []
    if _DROP.search(text) is not None:
        # Each dropped character's position counted in kept characters.
        dropped = [m.start() - i for i, m in enumerate(_DROP.finditer(text))]
        text = _DROP.sub("", text)
    for old, new in _LETTERS:
        text = text.replace(old, new)
    if _EASTERN.search(text) is not None:
        text = text.translate(DIGITS)
    return text, dropped


def _original(k: int, dropped: list[int]) -> int:
    return k + bisect.bisect_right(dropped, k) if dropped else k


@dataclass
class _Candidate:
    kind: str
    span: tuple[int, int]  # in folded text
    groups: dict[str, str | None]


# Which trigger words each pattern's matches contain, and how far before and
# after such a word a match can reach: patterns run only in those windows.
_FAMILY = {
    "hijri": ("hijri", 60, 40),
    "range2": ("greg", 20, 70),
    "range": ("greg", 25, 40),
    "day": ("greg", 55, 45),
    "numeric": ("year", 45, 20),
    "iso": ("year", 10, 20),
    "dm": ("digit", 1, 6),
    "hmonth": ("hijri", 8, 40),
    "hyear": ("year", 20, 20),
    "month": ("greg", 8, 40),
    "ymonth": ("greg", 6, 30),
    "dmonth": ("greg", 3, 30),
    "year": ("year", 20, 20),
    "relative": ("rel", 10, 25),
    "period": ("period", 12, 16),
    "weekday": ("wd", 8, 16),
}
_PUNCT = tuple('/()«»"“”،,.:؛')


_DAY_LEAD = ("من ", "شهر ", "غره ", "فاتح ", "مستهل ")
_MONTH_LEAD = ("في ", "خلال ", "منذ ", "حتي ", "شهر ")
_DIR_WORDS = tuple(_DIR.split("|"))
_Span = tuple[int, int]


def _triggered(folded: str) -> tuple[dict[str, list[_Span]], list[_Span]]:
    """Where each kind of trigger word is, and the digit runs."""
    text = folded
    for ch in _PUNCT:
        text = text.replace(ch, " ")
    at: dict[str, list[_Span]] = {}
    for word in _TRIGGER_WORDS.intersection(text.split()):
        spans = at.setdefault(_TRIGGER[word], [])
        i = folded.find(word)
        while i >= 0:
            spans.append((i, i + len(word)))
            i = folded.find(word, i + 1)
    runs = [m.span() for m in _DIGIT_RUN.finditer(folded)] if _DIGIT.search(folded) else []
    if runs:
        at["digit"] = runs
    if years := [r for r in runs if r[1] - r[0] >= 4]:
        at["year"] = years
    return at, runs


def _fits(kind: str, start: int, end: int, folded: str, runs: list[_Span]) -> bool:
    """Whether a trigger word can be part of this kind of date: cheap checks
    that spare a regex scan of most of the words that name a month."""
    if kind in ("day", "hijri", "range", "range2"):
        if folded.endswith(("ذو ", "ذي ", "ذا "), 0, start):  # «ذي الحجة»: anchored on «الحجة»
            start -= 3
        return folded.endswith(_DAY_LEAD, 0, start) or any(
            start - 25 <= e <= start for _, e in runs
        )
    if kind in ("month", "hmonth"):
        return any(end <= s <= end + 25 and e - s >= 4 for s, e in runs)
    if kind == "ymonth":
        return folded.endswith(_MONTH_LEAD, 0, start)
    if kind == "dmonth":
        return folded.startswith(_DIR_WORDS, end + 1) or folded.startswith(_DIR_WORDS, end + 2)
    return True


def _merge(spans: list[_Span], before: int, after: int, n: int) -> list[_Span]:
    merged: list[_Span] = []
    for start, end in sorted(spans):
        lo, hi = max(0, start - before), min(n, end + after)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _scan(folded: str) -> list[_Candidate]:
    at, runs = _triggered(folded)
    if not at:
        return []
    has = set(at)
    found: list[_Candidate] = []
    n = len(folded)
    for kind, pattern in _COMPILED:
        family, before, after = _FAMILY[kind]
        if family not in at or not _wanted(kind, has, len(runs), "year" in at):
            continue
        anchors = [
            (s, e)
            for s, e in at[family]
            if _fits(kind, s, e, folded, runs)
            and not any(c.span[0] <= s and e <= c.span[1] for c in found)
        ]
        for lo, hi in _merge(anchors, before, after, n):
            end_word = folded.find(" ", hi)  # never cut a word in two
            for m in pattern.finditer(folded, lo, n if end_word < 0 else end_word):
                start, end = m.span()
                if m.groupdict().get("lead"):
                    start = m.end("lead")
                # Trim trailing spaces and punctuation taken by optional parts.
                while end > start and folded[end - 1] in " ،,\t":
                    end -= 1
                if end <= start or any(c.span[0] < end and start < c.span[1] for c in found):
                    continue  # an earlier, more specific pattern already took these words
                g = m.groupdict()
                if kind == "weekday" and _ANCHORED.match(folded, end):
                    continue  # «يوم الجمعة الموافق 8 يوليو»: the weekday of another date
                if kind == "period" and not (g["part"] or g["dir"]):
                    continue  # «العام» alone is «public», not a year
                found.append(_Candidate(kind, (start, end), g))
    return sorted(found, key=lambda c: c.span)


# ---------------------------------------------------------------- resolution

_REL_DAYS = {
    "اليوم": 0,
    "امس": -1,
    "الامس": -1,
    "يوم امس": -1,
    "البارحه": -1,
    "امس الاول": -2,
    "اول امس": -2,
    "اول من امس": -2,
    "غدا": 1,
    "غد": 1,
    "يوم غد": 1,
    "بعد غد": 2,
    "بعد يوم غد": 2,
}
_AHEAD = ("المقبل", "القادم")
_BACK = ("الماضي", "المنصرم")
_NOW = ("الجاري", "الحالي")
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
    if text in _FIRST_DAY:
        return _FIRST_DAY[text]
    return _ORDINALS[_key(text[2:])]  # «ال» or «لل» first


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
) -> tuple[int, Basis] | None:
    """The year of a day + month written without one (the day is a valid one)."""
    if reference is not None:
        if mdir in _NOW:
            return reference.year, "explicit"
        near = range(reference.year - 1, reference.year + 2) if wd is not None else range(0)
        fits = [y for y in near if _valid(y, month, day) and dt.date(y, month, day).weekday() == wd]
        if mdir in _AHEAD:
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
    if mdir in _NOW:
        return reference.year
    if mdir in _AHEAD:
        return reference.year + (month <= reference.month)
    if mdir in _BACK:
        return reference.year - (month >= reference.month)
    return reference.year - (month > reference.month)


def _check_weekday(wd: int | None, day: dt.date, written: str, warnings: list[str]) -> None:
    if wd is not None and day.weekday() != wd:
        warnings.append(
            f"weekday {_WEEKDAY_NAMES[wd]} in {written!r} does not match {day.isoformat()} "
            f"(a {day.strftime('%A')}, {_WEEKDAY_NAMES[day.weekday()]})"
        )


def _relative(
    c: _Candidate, wd: int | None, reference: dt.date, value: _Make, warnings: list[str]
) -> DateValue:
    g = c.groups
    if c.kind == "relative":
        day = reference + dt.timedelta(_REL_DAYS[_key(g["rel"])])
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
        elif way in _AHEAD:
            ahead = (wd - reference.weekday()) % 7 or 7
        else:
            ahead = -((reference.weekday() - wd) % 7 or (7 if way in _BACK else 0))
        return value(reference + dt.timedelta(ahead), "day", "weekday")
    way = (g["dir"] or "").removesuffix("ه")
    step = -1 if way in _BACK else 1 if way in _AHEAD else 0
    if g["unit"] == "الاسبوع":
        # No week precision: the month of a week ago, not a made-up day.
        return value((reference + dt.timedelta(7 * step)).replace(day=1), "month", "relative")
    if g["unit"] == "الشهر":
        index = reference.year * 12 + reference.month - 1 + step
        return value(dt.date(index // 12, index % 12 + 1, 1), "month", "relative")
    return value(dt.date(reference.year + step, 1, 1), "year", "relative")


class _Make:
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
        return DateValue(start, precision, basis, self.written, calendar, end, self.span)


def _hijri(
    c: _Candidate,
    wd: int | None,
    reference: dt.date | None,
    adjust: int,
    value: _Make,
    warnings: list[str],
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
    month = _H_MONTH[_key(g["hm"])]
    day = _day(g["d"]) if c.kind == "hijri" else 1
    if g.get("hy"):
        year = int(g["hy"])
    elif reference is not None:
        h = to_hijri(reference, adjust)
        if h is None:
            warnings.append(outside)
            return None
        # Nearest to the reference and not after it, with two days of slack:
        # the source may follow a local sighting a day or two ahead of Umm al-Qura.
        this = from_hijri(h.year, month, min(day, 29), adjust)
        year = h.year if this is not None and this <= reference + dt.timedelta(2) else h.year - 1
    else:
        warnings.append(
            f"{value.written!r} has no year and the file no date, so it is left undated: "
            "add 'date: YYYY-MM-DD' to the file's front matter"
        )
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
    return value(start, "day", calendar="hijri")


def _resolve(
    c: _Candidate,
    reference: dt.date | None,
    today: dt.date,
    adjust: int,
    value: _Make,
    warnings: list[str],
) -> DateValue | None:
    g, kind, written = c.groups, c.kind, value.written
    wd = _WD.get(g["wd"] or "") if "wd" in g else None
    if kind in ("relative", "period", "weekday") or (
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
    if kind == "year":
        return value(dt.date(int(g["y"]), 1, 1), "year") if int(g["y"]) > 0 else None
    if kind in ("hijri", "hmonth", "hyear"):
        return _hijri(c, wd, reference, adjust, value, warnings)
    month = int(g["m"]) if g.get("m") else _G_MONTH[_key(g["gm"])]
    if not 1 <= month <= 12:
        warnings.append(f"{written} is not a valid date (no month {month})")
        return None
    if kind == "month":
        return value(dt.date(int(g["y"]), month, 1), "month") if int(g["y"]) > 0 else None
    if kind in ("ymonth", "dmonth"):
        assert reference is not None
        return value(dt.date(_month_year(month, g["mdir"], reference), month, 1), "month")
    # A day: the start of a range is the day that fixes the year.
    first = _G_MONTH[_key(g["gm1"])] if kind == "range2" else month
    day = _day(g["d"])
    if not _valid(2000, first, day):  # 2000 was a leap year: only impossible days fail
        warnings.append(f"{written} is not a valid date")
        return None
    if g.get("y1"):
        year, basis = int(g["y1"]), "explicit"
    elif g.get("y"):
        year, basis = int(g["y"]) - (kind == "range2" and first > month), "explicit"
    else:
        found = _day_year(first, day, wd, g.get("mdir"), reference, today, written, warnings)
        if found is None:
            return None
        year, basis = found
    if not _valid(year, first, day):
        warnings.append(f"{written} is not a valid date")
        return None
    start, end = dt.date(year, first, day), None
    if kind in ("range", "range2"):
        end_year = int(g["y"]) if g.get("y") else year + (kind == "range2" and first > month)
        d2 = int(g["d2"])
        if not _valid(end_year, month, d2) or dt.date(end_year, month, d2) <= start:
            warnings.append(f"{written} is not a valid date range")
            return None
        end = dt.date(end_year, month, d2)
    if basis == "explicit":
        _check_weekday(wd, start, written, warnings)
    return value(start, "day", basis, end=end)


# ---------------------------------------------------------------- the event's date


def find_date(
    text: str, reference: dt.date | None, today: dt.date, hijri_adjust: int = 0
) -> DateFinding:
    folded, dropped = _fold(text)
    warnings: list[str] = []
    values: list[tuple[DateValue, bool, int]] = []  # value, governed, where in `folded`
    anchored: set[int] = set()
    previous, previous_governed = 0, False
    for c in _scan(folded):
        s, e = c.span
        span = (_original(s, dropped), _original(e - 1, dropped) + 1)
        while span[1] < len(text) and _DROP.match(text[span[1]]):  # a final tatweel: «هـ»
            span = (span[0], span[1] + 1)
        make = _Make(text[span[0] : span[1]], span)
        value = _resolve(c, reference, today, hijri_adjust, make, warnings)
        # A governing word governs the nearest date after it, not every later one,
        # but a date restated in the other calendar («… (23 أبريل 2025)») shares it.
        same = previous > 0 and _SAME.fullmatch(folded, previous, s) is not None
        since, previous = max(previous, s - 40), e
        if value is None:
            continue
        governed = (
            (same and previous_governed)
            or _NOT_EVENT_RE.search(folded, max(since, s - 20), s) is not None
            or _SINCE.search(folded, since, s) is not None
            # «من يوم الأربعاء»: from that day on; «من» before a bare number is too loose.
            or (
                _FROM_DAY.search(folded, since, s) is not None
                and (bool(c.groups.get("wd")) or folded.startswith("يوم", s))
            )
        )
        previous_governed = governed
        if _THAT_IS.search(folded, since, s):  # «… وذلك يوم 10 جانفي»: the event's own date
            anchored.add(id(value))
        values.append((value, governed, s))
    if not values:
        return DateFinding(None, [], warnings)
    if (
        len(values) == 1
        and not values[0][1]
        and (reference is None or values[0][0].start <= reference)
    ):
        return DateFinding(values[0][0], [], warnings)  # the common case, decided
    that = _THAT.search(folded)
    clause_end = that.start() if that else len(folded)
    future = bool(_FUTURE.search(folded)) and not _REPORTED.match(folded)
    scored = [(v, governed, s > clause_end) for v, governed, s in values]
    main = _event_date(scored, reference, future, anchored)
    return DateFinding(main, [v for v, _, _ in values if v is not main], warnings)


def _rank(value: DateValue) -> int:
    """A written day beats a relative word, which beats a bare weekday or a month."""
    if value.basis == "explicit" and value.precision == "day" and value.calendar == "gregorian":
        return 0
    if value.basis == "relative" and value.precision == "day":
        return 1
    if value.precision == "day" and value.basis == "explicit":
        return 2  # a Hijri day: the source may follow a sighting that Umm al-Qura does not
    if value.basis == "weekday":
        return 3
    return 4


def _event_date(
    values: list[tuple[DateValue, bool, bool]],
    reference: dt.date | None,
    future: bool,
    anchored: set[int],
) -> DateValue | None:
    """The date the main verb governs: not behind «منذ/حتى/قبل…», not in the
    story's future (news reports what happened; a future date is a schedule
    the event announces), in the main clause rather than a reported one, and
    the most specific of what remains."""
    free = [
        (v, reported)
        for v, governed, reported in values
        if not governed
        and (reference is None or future or id(v) in anchored or v.start <= reference)
    ]
    if any(v.precision == "day" for v, _, _ in values):
        # A sentence that names a day is not dated by a year or month it also names
        # («فاتح شهر جمادى الأولى لعام 1445 هـ هو يوم غد …»).
        free = [(v, r) for v, r in free if v.precision == "day"]
    if not free:
        return None  # only schedules and background: the story's own date applies
    # Both calendars written («5 ذي القعدة 1438 هـ الموافق 29 يوليوز 2017»): the
    # Gregorian one is exact; the Hijri may follow a local sighting.
    return min(free, key=lambda f: (f[1], _rank(f[0]), f[0].calendar != "gregorian", f[0].span))[0]
