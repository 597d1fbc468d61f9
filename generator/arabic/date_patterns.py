"""What a date looks like in folded Arabic text: the patterns, and the
trigger words that say which of them a sentence can match.

Built once at import from `date_words`, and compiled when first used
(`lazy`): compiling them all took most of the readers' import time (~50 ms),
which every command paid, even a build with nothing to read. Alternations are compiled as tries
(`_trie`): `re` tries the branches of an alternation one by one, so a list of
fifty month spellings costs fifty tests at every position, a trie one or two.
The patterns run on folded text: no hamza seats, ى → ي, ة → ه, ASCII digits.
"""

from __future__ import annotations

import re
from typing import Any

from generator.arabic.date_words import (
    BACK,
    DAYS_AGO,
    DIRECTIONS,
    FIRST_DAY,
    GREGORIAN,
    HIJRI,
    HIJRI_EPITHETS,
    HIJRI_TRIGGERS,
    MONTH_LEADS,
    NOT_TODAY,
    NOW,
    ORDINALS,
    PERIOD_NOUNS,
    PERIOD_PARTS,
    PERIODS,
    RELATIVE_DAYS,
    RELATIVE_TRIGGERS,
    THIS,
    WEEKDAY_NAMES,
    YEAR_LEADS,
    YEAR_WORDS,
)
from generator.arabic.normalize import normalize


def _trie(words: list[str] | set[str]) -> str:
    """One alternation as a trie: re tries its branches one by one, and a
    trie makes a failing position cost a letter or two, not one test per word.
    Longest first, as a sorted alternation would (a space is any whitespace)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return emit(root)


class lazy:
    """A regex compiled the first time one of its methods is asked for: the
    compiled pattern's bound methods then replace this lookup on the instance,
    so a call costs what it costs on a compiled pattern. Only what the readers
    call is offered (no `re.sub(lazy, ...)`: pass `.pattern` or the method)."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")
    _ALL = (*_METHODS, "groupindex", "groups", "flags")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only for what the instance does not have yet: the methods.
        if name not in self._ALL:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attribute in self._ALL:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def alt(words: list[str] | set[str]) -> str:
    return _trie({normalize(w) for w in words})


def _lookup(table: dict[int, list[str]]) -> dict[str, int]:
    return {normalize(w): m for m, ws in table.items() for w in ws}


G_MONTH = _lookup(GREGORIAN)
H_MONTH = _lookup(HIJRI)
# Folded weekday name → datetime.weekday().
WD = {normalize(w): i for i, w in enumerate(WEEKDAY_NAMES)} | {"الاثنين": 0}


B = r"(?<!\w)"  # a word boundary that works with Arabic letters
_E = r"(?!\w)"
_CLITIC = r"(?:[وفبل]|ل?ل)?"
_WD_ALT = alt(WEEKDAY_NAMES)
_G_ALT = alt([w for ws in GREGORIAN.values() for w in ws])
# A month's name may touch its year («أبريل2021م»), not another letter.
_GM = rf"(?P<gm>{_G_ALT})(?![^\W\d_])"
# A doubled month: «أيلول/سبتمبر», «أيلول (سبتمبر)», «9 أيلول - سبتمبر».
# (A space after it is left to what follows: «تموز/يوليو الماضي».)
_GM2 = rf"(?:\s*[/(\-–]\s*(?P<gm2>{_G_ALT}){_E}(?:\s*\))?)?"
_GM2_FIRST = rf"(?:\s*[/(\-–]\s*(?:{_G_ALT}){_E}(?:\s*\))?)?"
_H_ALT = alt([w for ws in HIJRI.values() for w in ws])
_HM = rf"(?P<hm>{_H_ALT}){_E}(?:\s+(?:{alt(HIJRI_EPITHETS)}))?"
# «شهر رمضان», «شهر الله المحرم»
_HMONTH = r"(?:شهر\s+(?:الله\s+)?)"
_HMARK = r"(?:هجريه|هجري|للهجره|ه(?!\w)\.?)"
DIR = "|".join(normalize(w) for w in DIRECTIONS)  # folded: «الفائت» is «الفايت»
DIR_NOW_BACK = "|".join(normalize(w) for w in NOW + BACK)
_YEAR = f"(?:{'|'.join(YEAR_WORDS)})"
_AD = r"(?:\s*(?:ميلاديه|ميلادي|م)(?!\w))?"
# After a month: a year, or «الماضي/المقبل/الجاري» that says which year.
# «… من العام الماضي», «… من السنة الجارية»: the year said by its direction.
_OF_YEAR = rf"\s+من\s+(?:العام|السنه)\s+(?P<ydir>(?:{DIR})ه?){_E}"
_Y_OR_DIR = (
    rf"(?:[\s،,]*(?:من\s+)?{_YEAR}?\s*(?P<y>\d{{4}})(?!\d){_AD}|\s*(?P<mdir>{DIR}){_E}|{_OF_YEAR})?"
)
_ORD = _trie(set(ORDINALS))
# «النصف الثاني من فبراير», «الأسبوع الأول من مارس»: an ordinal after these is no day.
_NOT_A_DAY = "".join(f"(?<!{normalize(w)} )" for w in PERIOD_NOUNS)
_FIRST = "|".join(FIRST_DAY)
_DAY = (  # («الموافق لفاتح أبريل»: the first of a month after «ل»)
    rf"(?:ل?ال\s?(?=\d)|ل(?=(?:{_FIRST})\s))?(?P<d>\d{{1,2}}(?!\d)|(?=ال|لل){_NOT_A_DAY}(?:ال|لل)(?:{_ORD})(?=\s+من\s)"
    rf"|(?:{_FIRST})(?=\s))"
)
# What a day and month in numbers need right before them (fixed-width look-behinds).
DM_LEAD_WORDS = ("يوم ", "بتاريخ ", "بتاريخ", *(w + " " for w in WD))
_DM_LEADS = "|".join(f"(?<={w})" for w in DM_LEAD_WORDS)
# A weekday before a date: «الخميس 1 …», «يوم الأحد الموافق 7 …», «السبت (13 …)».
_WEEKDAY = (
    rf"(?:يومه?\s+)?(?:{_CLITIC}(?P<wd>{_WD_ALT}){_E}(?:\s+(?:{DIR})ه?{_E})?"
    r"[\s،,]*(?:الموافق\s+(?:ل\s?(?=\d))?)?(?P<ob>\()?\s*)?"
)
_CLOSE = r"(?(ob)\s*\))"
TO = r"\s*(?:و|الي|حتي|-|–)\s*(?:يوم\s+)?"
_FROM = r"(?:(?:ما\s+)?(?:بين|من)\s+(?:يوم\s+)?)"
# «في أيار», «أواخر أيلول»: fixed-width look-behinds, one per lead word.
MONTH_LEAD_WORDS = tuple(normalize(w) + " " for w in MONTH_LEADS)
_MONTH_LEADS = "|".join(f"(?<={w})" for w in MONTH_LEAD_WORDS)
# «اليوم الوطني», «اليوم العاشر من شهر شوال»: a day named, not today.
_NOT_TODAY = alt([*NOT_TODAY, *("ال" + s for s in ORDINALS)])
_NO_UNIT = r"(?!\s*(?:عام|اعوام|سنه|سنوات|يوم|ايام|شهر|اشهر|ساعه|دقيقه|الف|مليون|مليار|%))"

_HY = rf"(?:[\s،,]*(?:من\s+)?{_YEAR}?\s*(?P<hy>\d{{3,4}})(?!\d))?(?:\s*{_HMARK})?"
_PATTERNS = [
    (  # «من 3 – 4 محرم 1446هـ»: dated at its start, like a Gregorian range
        "hrange",
        rf"{B}{_FROM}?(?P<d>\d{{1,2}}){TO}(?P<d2>\d{{1,2}})\s+(?:من\s+)?{_HMONTH}?{_HM}{_HY}",
    ),
    (  # «من 25 رمضان إلى 5 شوال 1445 هـ»: the year written once, at the end
        "hrange2",
        rf"{B}{_FROM}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<hm1>{_H_ALT}){_E}"
        rf"(?:\s+(?:{alt(HIJRI_EPITHETS)}))?(?:[\s،,]*{_YEAR}?\s*(?P<hy1>\d{{3,4}})(?!\d))?"
        rf"(?:\s*{_HMARK})?{TO}(?P<d2>\d{{1,2}})\s+(?:من\s+)?{_HMONTH}?{_HM}{_HY}",
    ),
    (
        "hijri",
        rf"{B}{_WEEKDAY}{_DAY}\s+(?:من\s+)?{_HMONTH}?{_HM}"
        rf"(?:[\s،,]*(?:من\s+)?{_YEAR}?\s*(?P<hy>\d{{3,4}})(?!\d))?(?:\s*{_HMARK})?{_CLOSE}",
    ),
    (
        "range2",
        rf"{B}{_FROM}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?P<gm1>{_G_ALT}){_E}{_GM2_FIRST}"
        rf"(?:\s+(?:من\s+)?{_YEAR}?\s*(?P<y1>\d{{4}})(?!\d){_AD})?"
        rf"{TO}(?P<d2>\d{{1,2}})\s+(?:من\s+)?{_GM}{_GM2}{_Y_OR_DIR}",
    ),
    (
        "range",
        rf"{B}{_FROM}?{_DAY}{TO}(?P<d2>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?{_GM}{_GM2}{_Y_OR_DIR}",
    ),
    # (a day may touch its month: «يوم 10مارس 2024»)
    # (a number may carry the «و» of a list: «يومي 24 أبريل و22 مايو»)
    (
        "day",
        rf"(?:{B}|(?<=(?<!\w)و)(?=\d)){_WEEKDAY}{_DAY}\s*(?:من\s+)?(?:شهر\s+)?{_GM}{_GM2}{_Y_OR_DIR}{_CLOSE}",
    ),
    (  # «من 5 إلى 7/ 3/ 1445هـ», «5-7/3/2024»: dated at its start, like a written range
        "numeric_range",
        rf"{B}{_FROM}?(?P<d>\d{{1,2}}){TO}(?P<d2>\d{{1,2}})\s?(?P<sep>[/.])\s?(?P<m>\d{{1,2}})"
        rf"\s?(?P=sep)\s?(?P<y>\d{{4}})(?!\d)(?:(?P<hmark>\s*{_HMARK})|{_AD})",
    ),
    (  # «24/مارس/2020», «بتاريخ 5/ أبريل/ 2024»: a month's name between slashes
        "day_slash",
        rf"(?:(?<=بتاريخ)|{B})(?P<d>\d{{1,2}})\s?/\s?{_GM}\s?/\s?(?P<y>\d{{4}})(?!\d){_AD}",
    ),
    (
        # «12/5/2018», «12 -5-2018», «بتاريخ12-5-2018», «19 / 11 / 1445هـ» (Hijri)
        "numeric",
        rf"(?:(?<=بتاريخ)|{B}){_WEEKDAY}(?P<d>\d{{1,2}})\s?(?P<sep>[/.\-_])\s?(?P<m>\d{{1,2}})"
        rf"\s?(?P=sep)\s?(?P<y>\d{{4}})(?!\d)(?:(?P<hmark>\s*{_HMARK})|{_AD}){_CLOSE}",
    ),
    # «يوم 28/9», «بتاريخ 28/9», «الجمعة 28/9»: a day and month in numbers, no year
    ("dm", rf"(?:{_DM_LEADS})(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?![/\d])"),
    (
        "iso",
        rf"{B}(?P<y>\d{{4}})\s?(?P<sep>[-/.])\s?(?P<m>\d{{1,2}})\s?(?P=sep)\s?(?P<d>\d{{1,2}})(?!\d)"
        rf"(?P<hmark>\s*{_HMARK})?",  # «1445/9/15هـ»
    ),
    (
        "hmonth",
        rf"{B}{_HMONTH}?{_HM}[\s،,]*(?:من\s+)?{_YEAR}?\s*(?P<hy>1[34]\d\d)(?!\d)(?:\s*{_HMARK})?",
    ),
    (  # «رمضان الماضي», «شهر شوال المقبل»: the year said by the direction
        "hmonth_dir",
        rf"{B}{_HMONTH}?{_CLITIC}{_HM}\s+(?P<mdir>(?:{DIR})ه?){_E}",
    ),
    (  # «منتصف شهر رمضان», «أواخر شعبان»: a part of a Hijri month, year by the story
        "hmonth_part",
        rf"{B}{_CLITIC}(?:{alt(PERIOD_PARTS)})\s+{_HMONTH}?{_HM}",
    ),
    ("hyear", rf"{B}(?:{_CLITIC}{_YEAR}\s+)?(?P<hy>1[34]\d\d)\s*{_HMARK}"),
    (
        "month",
        rf"{B}(?:شهر\s+)?{_CLITIC}{_GM}{_GM2}[\s،,]*(?:من\s+)?{_YEAR}?\s*(?P<y>\d{{4}})(?!\d){_AD}",
    ),
    # A month with no year: after «في/خلال/منذ/حتى» or «شهر», or with «الماضي/المقبل».
    (
        "ymonth",
        rf"(?:{_MONTH_LEADS}|{B}شهر\s+){_GM}{_GM2}(?:\s+(?P<mdir>{DIR}){_E}|{_OF_YEAR})?",
    ),
    ("dmonth", rf"{B}{_CLITIC}{_GM}{_GM2}\s+(?P<mdir>{DIR}){_E}"),
    ("year", rf"{B}{_CLITIC}{_YEAR}\s+(?P<y>\d{{4}})(?!\d){_AD}"),
    (
        "year_lead",  # «في 2011», «منذ 2003»: a preposition and a plausible year, not a count
        rf"(?P<lead>{B}(?:{'|'.join(YEAR_LEADS)})\s+)"
        rf"(?P<y>(?:19|20)\d\d)(?!\d){_NO_UNIT}{_AD}",
    ),
    ("year_ad", rf"{B}(?P<y>(?:1[89]|20)\d\d)\s?م{_E}"),
    (
        "relative",
        rf"{B}{_CLITIC}(?P<rel>{_trie(set(RELATIVE_DAYS))}){_E}(?!\s+(?:{_NOT_TODAY}){_E})"
        rf"(?:[\s،,]+(?P<wd>{_WD_ALT}){_E})?",
    ),
    (  # «في الخامس من الشهر الجاري», «يوم 12 من الشهر الماضي»
        "dperiod",
        rf"{B}{_DAY}\s+(?:من\s+)?(?P<unit>الشهر)\s+(?P<dir>(?:{DIR})ه?){_E}",
    ),
    (  # «قبل يومين», «قبل 3 أيام»: counted back from the story's date
        "ago",
        rf"{B}قبل\s+(?:(?P<ago>{alt(set(DAYS_AGO))})|(?P<n>[2-9])\s+ايام){_E}"
        r"(?!\s+(?:من|علي)(?!\w))",  # «قبل يومين من الانتخابات»: before another day
    ),
    (  # «يوم 5 الجاري», «الاثنين 28 المنصرم», «يومي 5 و6 الجاري»: the month left out
        "dperiod_bare",
        rf"{B}{_WEEKDAY}(?:ل?ال\s?)?(?P<d>\d{{1,2}})(?!\d)(?:{TO}(?P<d2>\d{{1,2}})(?!\d))?"
        rf"\s+(?P<dir>(?:{DIR_NOW_BACK})ه?){_E}"
        r"(?!\s+به(?!\w))",  # «الفصل 5 الجاري به العمل»: «in force», not a date
    ),
    (
        "period",
        rf"{B}{_CLITIC}(?:(?P<part>{alt(PERIOD_PARTS)})\s+)?"
        rf"(?:(?P<this>{alt(THIS)})\s+(?=(?:{alt(PERIODS)}){_E}(?!\s+ال)))?"
        rf"(?P<unit>{alt(PERIODS)})"
        rf"(?:\s+(?P<dir>(?:{DIR})ه?))?{_E}",
    ),
    (
        "weekday",
        rf"{B}(?:يومه?\s+)?{_CLITIC}(?P<wd>{_WD_ALT}){_E}"
        rf"(?:\s+(?P<dir>بعد\s+المقبل|بعد\s+القادم|(?:{DIR})ه?)(?!\w))?",
    ),
]
# (name, kind of date, compiled): the three «year» patterns have their own prechecks.
COMPILED = [(name, name.partition("_")[0], lazy(p)) for name, p in _PATTERNS]


# What each pattern needs before it is worth running: most lines have no date,
# and skipping a pattern is much cheaper than scanning a line with it.
def wanted(kind: str, has: set[str], runs: int, year: bool) -> bool:
    greg = "greg" in has
    if kind in ("range", "range2"):
        return greg and runs >= 2
    if kind in ("hrange", "hrange2"):
        return "hijri" in has and runs >= 2
    if kind == "ago":
        return True
    if kind == "dperiod":  # with «الشهر», or a number right before «الجاري»
        return "dir" in has and ("period" in has or runs > 0)
    if kind in ("day", "hijri"):
        return ("greg" if kind == "day" else "hijri") in has and (runs > 0 or "ord" in has)
    if kind == "dm":
        return runs >= 2
    if kind in ("numeric", "iso"):
        return year and runs >= 3
    if kind == "hmonth":  # with a year, «الماضي/المقبل/الجاري», or «منتصف/أواخر …»
        return "hijri" in has and (year or "dir" in has or "part" in has)
    if kind == "month":
        return year and greg
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
        ("greg", [w.split()[0] for ws in GREGORIAN.values() for w in ws]),
        ("hijri", HIJRI_TRIGGERS),
        ("rel", RELATIVE_TRIGGERS),
        ("period", PERIODS),
        ("part", [*PERIOD_PARTS, *THIS]),
        ("dir", [d + t for d in DIRECTIONS for t in ("", "ة")]),
        ("wd", list(WEEKDAY_NAMES)),
        ("ago", [w.split()[-1] for w in DAYS_AGO]),
        ("ord", ["ال" + w.split()[0] for w in ORDINALS] + [w.split()[0] for w in FIRST_DAY]),
    ):
        for w in map(normalize, names):
            stems = [w, "ل" + w[1:]] if w.startswith("ال") else [w]  # «لليوم»
            for stem in stems:
                for clitic in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
                    words.setdefault(clitic + stem, kind)
    return words


TRIGGER = _triggers()
