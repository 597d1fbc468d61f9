"""When did it happen? Dates as Arabic news writes them, Gregorian and Hijri.

CONTRACT (used by generator/understand.py; keep these names and fields):

    find_date(text, reference, today, hijri_adjust=0) -> DateFinding

`reference` is the story's date (front matter `date`, --reference-date, …) or
None; `today` is the build date (SOURCE_DATE_EPOCH when set) and is only used
to choose among candidate years when there is no reference.

How, module by module: `date_words` holds the vocabulary (month names in
every region's spelling, weekdays, ordinals, relative and governing words);
`date_patterns` builds the patterns and trigger words from it; `date_scan`
folds the sentence (keeping a map back to the original, so `written` is always
the source's own words) and finds the candidates, running only the patterns
the sentence's words allow; `date_resolve` turns each into a date. This module
decides which one is the event's.

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
(«منذ»، «حتى»، «قبل»، «بحلول»، «مهلة»، «اعتبارا من»، «المؤرخ في»…, with or without
«و», or «منذ», «الذكرى» and «مرور عامين على» from up to nine words away) is a
mention; «من X وحتى Y» is dated at X. So is a date after the story's own
date, unless the sentence's verb is the coming act itself («يعقد المجلس يوم
غدٍ جلسته», «سيغادر … غداً», «من المنتظر أن …», «… هو يوم غد», even reported:
«كشفت مصادر أن …»; not a relative clause's verb: «القاضي الذي سيؤدي القسم») and
it reports no decision, preparation or statement before it («أعلنت … أن»,
«قررت», «تستعد», «ذكر بلاغ … أن»; date_choose); a sentence that opens on an
imperfective verb («يشيع جثمان الفقيد غداً») is about the coming act too. Such a
coming day is the event's when no date on or before the story's keeps it out
(background, a day named with the source, «حسبما أفاد بيان أمس», and a bare
weekday do not, unless that weekday dates the saying of a reported clause
that holds the coming day), and then the first one (its restatement in the
other calendar shares it, and the Gregorian one is exact); it is marked
`announced`. A sentence that opens on a decision or an announcement («قررت
النقابة، مساء الثلاثاء، تنظيم …») is dated on the first date after the verb, before
any «أن»: what was decided has its own dates. A year-less day, and a bare weekday,
in a clause about what will happen is the next such day (a weekday after a
coming day it follows: «غداً الأربعاء … ويوم الخميس»). Of the rest, the main
clause's date beats one inside a reported «أن/إن» clause, and one in a
relative, pluperfect or «عقب/بعد أن» clause or a wire's dateline («الدوحة في 6
مارس /قنا/»); then a written Gregorian day beats a
relative day («اليوم»), which beats a written Hijri day (the source may follow
a sighting Umm al-Qura does not), a bare weekday, and a month or year; a
governing word governs only the next date, and a date restated in brackets or
after «الموافق» shares its governor. A sentence whose only date comes right
after «منذ» («منذ أيار الماضي، تدار …») is dated then, unless it is negated or
reported. The others are `mentions`. A Hijri and a Gregorian day written as
one date that are not the same day are a warning (a day or two: a local
sighting), and the Gregorian day stands for both.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from generator.arabic.date_choose import DECIDING_VERB as _DECIDING
from generator.arabic.date_choose import being_verb as _being
from generator.arabic.date_choose import check_calendars as _check_calendars
from generator.arabic.date_choose import coming_act as _coming_act
from generator.arabic.date_choose import coming_verb as _coming
from generator.arabic.date_choose import event_date as _event_date
from generator.arabic.date_choose import that as _that
from generator.arabic.date_patterns import B, alt, lazy
from generator.arabic.date_resolve import Basis, DateValue, Make, Precision, resolve
from generator.arabic.date_scan import DROP, fold, original, scan
from generator.arabic.date_words import (
    ANNIVERSARY,
    ELAPSED,
    NEGATIONS,
    NOT_EVENT,
    PART_OF_DAY,
)
from generator.arabic.lexicon import tokenize
from generator.arabic.normalize import normalize

__all__ = ["Basis", "DateFinding", "DateValue", "Precision", "find_date"]


@dataclass
class DateFinding:
    date: DateValue | None  # the event's date; None when nothing could be fixed
    mentions: list[DateValue] = field(default_factory=list)  # other dates named
    warnings: list[str] = field(default_factory=list)  # Arabic-free, English messages


# Context rules for choosing the event's date.
_NOT_EVENT_RE = lazy(rf"{B}[وف]?(?:{alt(NOT_EVENT)})\s*(?:يوم\s+)?$")
_NOT_EVENT_ENDS = tuple({normalize(w).split()[-1] for w in NOT_EVENT})
# «منذ أن عيّنه الرئيس في 3 …», «ما بعد تاريخ 15 مارس …»: governed from a few words away,
# as long as no clause break comes between.
_SINCE = lazy(
    r"(?:منذ|ما بعد|بعد تاريخ|حتي تاريخ|المقرره?(?!\s+ان(?!\w)))(?:\s+[^\s،,.؛:]+){0,5}\s*$"
)


_NEGATED = lazy(rf"{B}و?(?:{alt(NEGATIONS)})(?!\w)")
_ARABIC_WORD = lazy(r"[\u0621-\u064a]+")
_SENTENCE_END = lazy(r"[.؛:!?؟]")
_NUMBERED = lazy(r"\d\s*$")
_AFTER_DATELINE = lazy(r"\s*(?:[/(\-–—]|الموافق)")
# «منذ مطلع مارس الماضي», «منذ صباح الأحد الماضي»: the date right after «منذ».
# «… أغلقت البلدية السوق بدءا من الخميس الفائت»: from that day on, as «منذ».
_SINCE_START = lazy(
    r"(?<!\w)و?(?:منذ|(?:اعتبارا|ابتداء|بدءا)\s+من)\s+(?:(?:مطلع|بدايه|اوائل|منتصف|اواسط"
    r"|اواخر|نهايه|مساء|صباح|ظهر|فجر|ليله|يوم|شهر|عام|سنه)\s+)?$"
)
_CLAUSE = lazy(r"[.،,؛:!?؟]")
# «من الأحد وحتى 5 مارس», «منذ 2019 إلى 2022»: between a range's start and its end.
_UNTIL = lazy(r"[\s،,]*و?(?:حتي|الي(?:\s+غايه)?|لغايه)\s+(?:يوم\s+)?")
# «يذكر أن …», «الجدير بالذكر أن …»: a frame for background, not a reported speech.
_FRAME = lazy(r"\W*و?(?:يذكر|يشار الي|(?:ال)?جدير بالذكر|معلوم)\s+ان(?!\w)")
# «منذ الفيضانات التي ضربت الساحل في شتاء عام 2015»: «منذ» governs from further
# away than other words, as long as no clause break comes between.
_SINCE_FAR = lazy(r"(?<!\w)و?منذ(?:\s+[^\s،,.؛:]+){0,9}\s*$")
_ANNIVERSARY = lazy(rf"{B}(?:{alt(ANNIVERSARY)})(?:\s+[^\s،,.؛:]+){{0,8}}\s*$")
# «بمناسبة مرور خمس سنوات على تأسيسه في 5 مارس 2019»: the date of what the
# time is counted from, not the event's.
_ELAPSED = lazy(
    rf"{B}(?:{alt(ELAPSED)})\s+(?:[^\s،,.؛:]+\s+){{1,3}}?علي(?:\s+[^\s،,.؛:]+){{0,8}}\s*$"
)
_FROM = lazy(r"(?<!\w)من\s+(?:يوم\s+)?$")
_PART_OF_DAY = tuple(" " + normalize(w) for w in PART_OF_DAY)
_SAME = lazy(r"[\s،,(/\-–]*(?:ال)?(?:موافق|مقابل)?\s*ل?\s*\(?\s*")
_THAT_IS = lazy(r"وذلك\s+(?:يوم\s+|في\s+|صباح\s+|مساء\s+)?$")
# What `fold` drops and `tokenize` takes for a break between words (harakat
# and tatweel it drops from inside a word, as `fold` does).
_SPLITS_WORDS = lazy("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


# ---------------------------------------------------------------- the event's date


def find_date(
    text: str, reference: dt.date | None, today: dt.date, hijri_adjust: int = 0
) -> DateFinding:
    folded, dropped = fold(text)
    warnings: list[str] = []
    # «منذ …» or «الذكرى …» far before a date: most sentences have neither
    far = "منذ" in folded or "ذكر" in folded or "مرور" in folded
    values: list[tuple[DateValue, bool, int]] = []  # value, governed, where in `folded`
    ends: list[int] = []  # where each value ends in `folded`
    anchored: set[int] = set()
    started: set[int] = set()  # values right after «منذ»
    until: set[int] = set()  # the ends of ranges begun by one of those
    previous, previous_governed, previous_dateline = 0, False, False
    datelines: set[int] = set()  # «الدوحة في 6 مارس /قنا/ …»: the wire's own date
    coming: dt.date | None = None  # the latest day after the story's named so far
    # The line's words, cut once for every reader (the cut is cached), tell
    # the scan which trigger words it has. Not when an invisible mark other
    # than harakat or tatweel is dropped: `tokenize` breaks a word there, so
    # its words could miss one.
    words = tokenize(text).words if not dropped or not _SPLITS_WORDS.search(text) else None
    for c in scan(folded, words):
        s, e = c.span
        span = (s, e)
        if dropped:  # else the text has nothing to drop: folded offsets are the text's
            span = (original(s, dropped), original(e - 1, dropped) + 1)
            while span[1] < len(text) and DROP.match(text[span[1]]):  # a final tatweel: «هـ»
                span = (span[0], span[1] + 1)
        make = Make(text[span[0] : span[1]], span)
        ahead = _yearless(c.groups) and (_ahead(folded, s) or _leads_coming(folded, s))
        value = resolve(c, reference, today, hijri_adjust, make, warnings, ahead)
        # A governing word governs the nearest date after it, not every later one,
        # but a date restated in the other calendar («… (23 أبريل 2025)») shares it.
        same = previous > 0 and _SAME.fullmatch(folded, previous, s) is not None
        last_end = previous
        since, previous = (previous if previous > s - 40 else s - 40), e
        if value is None:
            continue
        before = folded[since:s]
        governed = (
            (same and previous_governed)
            or (
                _may_govern(before)
                and _NOT_EVENT_RE.search(folded, max(since, s - 20), s) is not None
            )
            or (_since_words(before) and _SINCE.search(folded, since, s) is not None)
            or (far and _far(folded, max(last_end, s - 80), s))
            # «من يوم الأربعاء»: from that day on; «من» before a bare number is too loose.
            or (
                "من" in before
                and _from_day(folded, since, s)
                and (bool(c.groups.get("wd")) or folded.startswith("يوم", s))
            )
        )
        # «القانون عدد 12 لسنة 2024», «المرسوم رقم 5 لعام 2010»: a document's number
        if c.kind == "year" and _NUMBERED.search(folded, max(0, s - 8), s) is not None:
            governed = True
        previous_governed = governed
        if (same and previous_dateline) or (s < 40 and _dateline(folded, s, e)):
            datelines.add(id(value))
        previous_dateline = id(value) in datelines
        if reference is not None:
            if c.kind == "weekday" and not governed and not c.groups.get("dir"):
                value = _coming_weekday(value, folded, s, reference, coming)
            if value.start > reference and (coming is None or value.start > coming):
                coming = value.start
        # «… وذلك يوم 22 أفريل»: the event's own date
        if "وذلك" in before and _THAT_IS.search(folded, since, s):
            anchored.add(id(value))
        if (
            governed
            and ("منذ" in before or " من" in before)
            and _SINCE_START.search(folded, max(0, s - 30), s)
        ):
            started.add(id(value))
        elif (
            ends
            and values[-1][1]
            and _UNTIL.fullmatch(folded, ends[-1], s)
            and (
                id(values[-1][0]) in started
                or _FROM.search(folded, max(0, values[-1][2] - 10), values[-1][2]) is not None
            )
        ):
            # «ابتداء من الأحد الماضي وحتى 5 مارس», «من يوم الأحد إلى يوم الخميس»:
            # a range, dated at its start; its end is a mention
            started.add(id(values[-1][0]))
            until.add(id(value))
            governed = previous_governed = True
        values.append((value, governed, s))
        ends.append(e)
    if not values:
        return DateFinding(None, [], warnings)
    if len(values) > 1:
        restated = _check_calendars(values, ends, folded, warnings)
        if restated:  # the Gregorian day of a date written in both calendars stands for it
            values = [(v, governed or id(v) in restated, s) for v, governed, s in values]
    begun = [f for f in values if id(f[0]) not in until] if until else values
    if (
        len(begun) == 1
        and id(begun[0][0]) in started
        and not _NEGATED.search(folded, 0, begun[0][2])
        and (begun[0][2] < _that(folded) or _FRAME.match(folded) is not None)
        and not _DECIDING.search(folded, 0, begun[0][2])
        and (
            reference is None
            or begun[0][0].start <= reference
            or _coming_act(folded, begun[0][2])  # «يشرع الوفد … ابتداء من الاثنين المقبل»
        )
    ):
        # «منذ أيار الماضي، تدار …»: the sentence's only date is when what it
        # reports began; «لم تجتمع منذ 12 أكتوبر» says nothing happened since,
        # «قال إن القوات باقية منذ …» reports a state, not an event, and
        # «أعلنت … أنها ستبدأ من يوم …» announces: the announcement is the event.
        first = begun[0][0]
        if reference is not None and first.start > reference:
            first = dataclasses.replace(first, announced=True)
        return DateFinding(first, [v for v, _, _ in values if v is not begun[0][0]], warnings)
    if (
        len(values) == 1
        and not values[0][1]
        and (reference is None or values[0][0].start <= reference)
    ):
        return DateFinding(values[0][0], [], warnings)  # the common case, decided
    main = _event_date(values, reference, folded, anchored, datelines)
    mentions = [v for v, _, _ in values if v is not main]
    if main is not None and reference is not None and main.start > reference:
        main = dataclasses.replace(main, announced=True)  # a coming day: see DateValue
    return DateFinding(main, mentions, warnings)


def _may_govern(before: str) -> bool:
    """Whether the text before a date ends with the last word of a governing
    phrase, or with one and «يوم»: what _NOT_EVENT_RE needs, looked for first."""
    words = before.rstrip()
    if words.endswith("يوم") and words[:-3].rstrip().endswith(_NOT_EVENT_ENDS):
        return True
    return words.endswith(_NOT_EVENT_ENDS)


def _far(folded: str, lo: int, s: int) -> bool:
    """«منذ …», «الذكرى …» or «مرور عامين على …» up to nine words before the
    date, in its clause, with no other date between (from `lo`, the end of
    the one before)."""
    if folded.find("منذ", lo, s) >= 0 and _SINCE_FAR.search(folded, lo, s):
        return True
    if folded.find("ذكر", lo, s) >= 0 and _ANNIVERSARY.search(folded, lo, s) is not None:
        return True
    return folded.find("مرور", lo, s) >= 0 and _ELAPSED.search(folded, lo, s) is not None


def _since_words(before: str) -> bool:
    """The words _SINCE needs, looked for before that regex is run."""
    return "منذ" in before or "بعد" in before or "حتي" in before or "المقرر" in before


def _from_day(folded: str, since: int, s: int) -> bool:
    """Whether the word «من» and a space end folded[since:s] («من يوم الأربعاء»),
    meaning from that day on (not a time of it: «في الساعات الأولى من يوم …»).

    Checked with string methods: a regex that must start at a word's start
    would be tried at every character of the window."""
    words = folded[since:s].rstrip()
    start = since + len(words) - 2
    return (
        since + len(words) < s
        and words.endswith("من")
        and (start == 0 or not (folded[start - 1].isalnum() or folded[start - 1] == "_"))
        # «في الساعات الأولى من يوم الأحد», «في وقت متأخر من يوم …»: a part of that day
        and not words[:-2].rstrip().endswith(_PART_OF_DAY)
    )


def _yearless(groups: dict[str, str | None]) -> bool:
    """A day (or a Hijri day) written without its year: its year depends on
    whether the sentence looks back or ahead."""
    return ("d" in groups or "hm" in groups) and not (
        groups.get("y") or groups.get("y1") or groups.get("hy")
    )


def _ahead(folded: str, s: int) -> bool:
    """Whether the clause before `s` speaks of what will happen: a coming
    verb between the last clause break and the date."""
    lo = max(0, s - 60)
    last = None
    for last in _CLAUSE.finditer(folded, lo, s):  # noqa: B007 - the last one is wanted
        pass
    if last is not None:
        lo = last.end()
    return _coming(folded, lo, s) is not None or _being(folded, lo, s) is not None


def _coming_weekday(
    value: DateValue, folded: str, s: int, reference: dt.date, coming: dt.date | None
) -> DateValue:
    """A bare weekday is the last such day, unless the sentence looks ahead:
    its clause has a coming verb or «سيكون» («… سيكون يوم الخميس»), its main
    verb is a coming one with the weekday set off by commas («يتوجه الوزير،
    الأحد، إلى …»), or it follows a coming day it names («غداً الأربعاء …
    ويوم الخميس»). Then it is the next such day (after that coming day)."""
    after = coming if coming is not None else reference - dt.timedelta(1)
    if value.start > after:
        return value
    if coming is None and not (_ahead(folded, s) or _leads_coming(folded, s)):
        return value
    start = value.start
    while start <= after:
        start += dt.timedelta(7)
    return dataclasses.replace(value, start=start)


def _dateline(folded: str, s: int, e: int) -> bool:
    """Whether the date at `s`-`e` is a wire's dateline: at most a place name
    and «في» before it, and the agency's mark or a restatement after it
    («الدوحة في 6 مارس /قنا/», «تونس 6 مارس 2024 (وات) -», «الرياض 25 شعبان
    1445 هـ الموافق …»). It is the story's date, not the event's, when the
    text after it names its own."""
    return (
        len(_ARABIC_WORD.findall(folded, 0, s)) <= 2
        and _SENTENCE_END.search(folded, 0, s) is None
        and _AFTER_DATELINE.match(folded, e) is not None
    )


def _leads_coming(folded: str, s: int) -> bool:
    """Whether the sentence's main verb, among its first words and in the
    same sentence as `s`, is a coming act («يتوجه», «سيكون»): a dateline in
    Latin letters or a place name («بغداد -») may come before it."""
    for search in (_coming, _being):
        m = search(folded, 0, min(s, 80))  # the first match, among the first words
        if (
            m is not None
            and len(_ARABIC_WORD.findall(folded, 0, m.start())) <= 2
            and _SENTENCE_END.search(folded, m.end(), s) is None
        ):
            return True
    return False
