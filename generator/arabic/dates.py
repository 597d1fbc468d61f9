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
(«منذ»، «حتى»، «قبل»، «بحلول»، «مهلة»، «اعتبارا من»، «المؤرخ في»…, or «منذ» and
«الذكرى» from up to nine words away) is a mention. So is a date after the
story's own date, unless the sentence's verb is the coming act itself («يعقد
المجلس يوم غدٍ جلسته», «سيغادر … غداً», even reported: «كشفت مصادر أن …») and it
reports no decision or preparation before it («أعلنت … أن», «قررت», «تستعد»);
such a coming day is the event's only when no date on or before the story's is
left, and then the first one (its restatement in the other calendar shares
it, and the Gregorian one is exact). A year-less day in a clause about what
will happen is the next such day. Of the rest, the main clause's date beats
one inside a reported «أن/إن» clause; then a written Gregorian day beats a
relative day («اليوم»), which beats a written Hijri day (the source may follow
a sighting Umm al-Qura does not), a bare weekday, and a month or year; a
governing word governs only the next date, and a date restated in brackets or
after «الموافق» shares its governor. A sentence whose only date comes right
after «منذ» («منذ أيار الماضي، تدار …») is dated then, unless it is negated or
reported. The others are `mentions`. A Hijri and a Gregorian day written as
one date that are not the same day are a warning (a day or two: a local
sighting).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.arabic.date_patterns import B, alt
from generator.arabic.date_resolve import Basis, DateValue, Make, Precision, resolve
from generator.arabic.date_scan import DROP, fold, original, scan
from generator.arabic.date_words import (
    ANNIVERSARY,
    COMING,
    DECIDING,
    NEGATIONS,
    NOT_EVENT,
    PREPARING,
)
from generator.arabic.normalize import normalize

__all__ = ["Basis", "DateFinding", "DateValue", "Precision", "find_date"]


@dataclass
class DateFinding:
    date: DateValue | None  # the event's date; None when nothing could be fixed
    mentions: list[DateValue] = field(default_factory=list)  # other dates named
    warnings: list[str] = field(default_factory=list)  # Arabic-free, English messages


# Context rules for choosing the event's date.
_NOT_EVENT_RE = re.compile(rf"{B}(?:{alt(NOT_EVENT)})\s*(?:يوم\s+)?$")
_NOT_EVENT_ENDS = tuple({normalize(w).split()[-1] for w in NOT_EVENT})
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
# «يعقد المجلس يوم غدٍ جلسته», «سيغادر … غداً», «التي ستحتضنها»: a verb that is
# the coming event itself (a future «س» is only trusted on these verbs: «سيارة»).
_COMING = re.compile(rf"{B}[وف]?(?:س|سوف\s+)?(?:{alt(COMING)})(?:ه|ها|هم|هما)?(?!\w)")
# «أعلنت الوزارة أن غداً …»: the announcement is the event, not the day it names.
_DECIDING = re.compile(rf"{B}[وف]?(?:{alt(DECIDING)})(?!\w)")
_PREPARING = re.compile(rf"{B}[وف]?(?:{alt(PREPARING)})(?!\w)")
_NEGATED = re.compile(rf"{B}و?(?:{alt(NEGATIONS)})(?!\w)")
# «منذ مطلع أكتوبر الماضي», «منذ مساء السبت الماضي»: the date right after «منذ».
# «… فرضت حظر التجول ابتداء من يوم الأحد الماضي»: from that day on, as «منذ».
_SINCE_START = re.compile(
    r"(?<!\w)و?(?:منذ|(?:اعتبارا|ابتداء|بدءا)\s+من)\s+(?:(?:مطلع|بدايه|اوائل|منتصف|اواسط"
    r"|اواخر|نهايه|مساء|صباح|ظهر|فجر|ليله|يوم|شهر|عام|سنه)\s+)?$"
)
_CLAUSE = re.compile(r"[.،,؛:!?؟]")
# «يذكر أن …», «الجدير بالذكر أن …»: a frame for background, not a reported speech.
_FRAME = re.compile(r"\W*و?(?:يذكر|يشار الي|(?:ال)?جدير بالذكر|معلوم)\s+ان(?!\w)")
# «منذ الحرب بين إسرائيل وحزب الله في صيف عام 2006»: «منذ» governs from further
# away than other words, as long as no clause break comes between.
_SINCE_FAR = re.compile(r"(?<!\w)و?منذ(?:\s+[^\s،,.؛:]+){0,9}\s*$")
_ANNIVERSARY = re.compile(rf"{B}(?:{alt(ANNIVERSARY)})(?:\s+[^\s،,.؛:]+){{0,8}}\s*$")
# A Hijri and a Gregorian day written as one («… 1446 هـ هو يوم الأربعاء 4 شتنبر»).
_LINK = re.compile(r"[\s،,()\-–/]*(?:ال)?(?:موافق|مقابل|هو|هي|يوافق|يصادف)?[\s،,()\-–/]*")
_SAME = re.compile(r"[\s،,(/\-–]*(?:ال)?(?:موافق|مقابل)?\s*ل?\s*\(?\s*")
_THAT_IS = re.compile(r"وذلك\s+(?:يوم\s+|في\s+|صباح\s+|مساء\s+)?$")
# The start of a reported clause: what was said has its own dates.
_THAT = re.compile(r"(?:بان|ان(?:ها|هم|ه)?)(?!\w)")  # and no letter before: see _that()


# ---------------------------------------------------------------- the event's date


def find_date(
    text: str, reference: dt.date | None, today: dt.date, hijri_adjust: int = 0
) -> DateFinding:
    folded, dropped = fold(text)
    warnings: list[str] = []
    # «منذ …» or «الذكرى …» far before a date: most sentences have neither
    far = "منذ" in folded or "ذكر" in folded
    values: list[tuple[DateValue, bool, int]] = []  # value, governed, where in `folded`
    ends: list[int] = []  # where each value ends in `folded`
    anchored: set[int] = set()
    started: set[int] = set()  # values right after «منذ»
    previous, previous_governed = 0, False
    for c in scan(folded):
        s, e = c.span
        span = (s, e)
        if dropped:  # else the text has nothing to drop: folded offsets are the text's
            span = (original(s, dropped), original(e - 1, dropped) + 1)
            while span[1] < len(text) and DROP.match(text[span[1]]):  # a final tatweel: «هـ»
                span = (span[0], span[1] + 1)
        make = Make(text[span[0] : span[1]], span)
        ahead = _yearless(c.groups) and _ahead(folded, s)
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
        previous_governed = governed
        # «… وذلك يوم 10 جانفي»: the event's own date
        if "وذلك" in before and _THAT_IS.search(folded, since, s):
            anchored.add(id(value))
        if (
            governed
            and ("منذ" in before or " من" in before)
            and _SINCE_START.search(folded, max(0, s - 30), s)
        ):
            started.add(id(value))
        values.append((value, governed, s))
        ends.append(e)
    if not values:
        return DateFinding(None, [], warnings)
    if len(values) > 1:
        _check_calendars(values, ends, folded, warnings)
    if (
        len(values) == 1
        and id(values[0][0]) in started
        and not _NEGATED.search(folded, 0, values[0][2])
        and (values[0][2] < _that(folded) or _FRAME.match(folded) is not None)
        and not _DECIDING.search(folded, 0, values[0][2])
        and (reference is None or values[0][0].start <= reference)
    ):
        # «منذ أيار الماضي، تدار …»: the sentence's only date is when what it
        # reports began; «لم تجتمع منذ 12 أكتوبر» says nothing happened since,
        # «قال إن القوات باقية منذ …» reports a state, not an event, and
        # «أعلنت … أنها ستبدأ من يوم …» announces: the announcement is the event.
        return DateFinding(values[0][0], [], warnings)
    if (
        len(values) == 1
        and not values[0][1]
        and (reference is None or values[0][0].start <= reference)
    ):
        return DateFinding(values[0][0], [], warnings)  # the common case, decided
    main = _event_date(values, reference, folded, anchored)
    return DateFinding(main, [v for v, _, _ in values if v is not main], warnings)


def _may_govern(before: str) -> bool:
    """Whether the text before a date ends with the last word of a governing
    phrase, or with one and «يوم»: what _NOT_EVENT_RE needs, looked for first."""
    words = before.rstrip()
    if words.endswith("يوم") and words[:-3].rstrip().endswith(_NOT_EVENT_ENDS):
        return True
    return words.endswith(_NOT_EVENT_ENDS)


def _far(folded: str, lo: int, s: int) -> bool:
    """«منذ …» or «الذكرى …» up to nine words before the date, in its clause,
    with no other date between (from `lo`, the end of the one before)."""
    if folded.find("منذ", lo, s) >= 0 and _SINCE_FAR.search(folded, lo, s):
        return True
    return folded.find("ذكر", lo, s) >= 0 and _ANNIVERSARY.search(folded, lo, s) is not None


def _since_words(before: str) -> bool:
    """The words _SINCE needs, looked for before that regex is run."""
    return "منذ" in before or "بعد" in before or "حتي" in before or "المقرر" in before


def _from_day(folded: str, since: int, s: int) -> bool:
    """Whether the word «من» and a space end folded[since:s] («من يوم الأربعاء»).

    Checked with string methods: a regex that must start at a word's start
    would be tried at every character of the window."""
    words = folded[since:s].rstrip()
    start = since + len(words) - 2
    return (
        since + len(words) < s
        and words.endswith("من")
        and (start == 0 or not (folded[start - 1].isalnum() or folded[start - 1] == "_"))
    )


def _that(folded: str) -> int:
    """Where the first reported clause starts («أن»، «إنه»…), else the end.

    The word's start is checked here, not with a look-behind in the pattern:
    a pattern that starts with a letter lets `re` skip to the candidates."""
    m = _THAT.search(folded)
    while (
        m is not None
        and m.start()
        and (folded[m.start() - 1].isalnum() or folded[m.start() - 1] == "_")
    ):
        m = _THAT.search(folded, m.end())
    return len(folded) if m is None else m.start()


def _future(folded: str, s: int) -> bool:
    """Whether a date after the story's at `s` is the event's: the sentence's
    verb is a coming act («سيغادر», «يعقد»), and no decision or preparation is
    reported before the date («أعلنت … أن …», «قررت …», «تستعد …»)."""
    if not (_COMING.search(folded) or (_FUTURE.search(folded) and not _REPORTED.match(folded))):
        return False
    return not (_DECIDING.search(folded, 0, s) or _PREPARING.search(folded, 0, s))


def _yearless(groups: dict[str, str | None]) -> bool:
    """A day (or a Hijri day) written without its year: its year depends on
    whether the sentence looks back or ahead."""
    return "d" in groups and not (groups.get("y") or groups.get("y1") or groups.get("hy"))


def _ahead(folded: str, s: int) -> bool:
    """Whether the clause before `s` speaks of what will happen: a coming
    verb between the last clause break and the date."""
    lo = max(0, s - 60)
    last = None
    for last in _CLAUSE.finditer(folded, lo, s):  # noqa: B007 - the last one is wanted
        pass
    if last is not None:
        lo = last.end()
    return _COMING.search(folded, lo, s) is not None


def _check_calendars(
    values: list[tuple[DateValue, bool, int]], ends: list[int], folded: str, warnings: list[str]
) -> None:
    """A Hijri day and a Gregorian day written as one date must be one day.
    A day apart is a local sighting; said, not corrected (the Gregorian wins)."""
    for (a, _, _), end, (b, _, s) in zip(values, ends, values[1:], strict=False):
        if a.precision != "day" or b.precision != "day" or a.calendar == b.calendar:
            continue
        if a.basis != "explicit" or b.basis != "explicit" or s - end > 30:
            continue
        if not _LINK.fullmatch(folded, end, s) and not folded.startswith("يوم", s):
            gap = folded[end:s]
            if any(ch.isdigit() for ch in gap) or "." in gap or len(gap.split()) > 3:
                continue
        hijri, greg = (a, b) if a.calendar == "hijri" else (b, a)
        days = (greg.start - hijri.start).days
        if days:
            warnings.append(
                f"{hijri.written!r} is {hijri.start.isoformat()} by Umm al-Qura but the text "
                f"gives {greg.written!r}: {abs(days)} day{'s' if abs(days) > 1 else ''} apart "
                + ("(a local sighting?)" if abs(days) <= 2 else "(check both dates)")
            )


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
    values: list[tuple[DateValue, bool, int]],
    reference: dt.date | None,
    folded: str,
    anchored: set[int],
) -> DateValue | None:
    """The date the main verb governs: not behind «منذ/حتى/قبل…», in the main
    clause rather than a reported one, and the most specific of what remains.
    A date after the story's is a schedule the event announces, unless the
    sentence's verb is the coming event itself and it reports no decision
    (`_future`); it is the event's date only when no date on or before the
    story's is left.

    Whether the sentence is about the future, and where its reported clause
    starts, each cost a pass over the sentence: they are found only when a
    date after the reference, or a choice between dates, needs them."""
    free: list[tuple[DateValue, int]] = []
    coming: list[tuple[DateValue, int]] = []  # after the story's date
    has_day = False
    for v, governed, s in values:
        has_day = has_day or v.precision == "day"
        if governed:
            continue
        if reference is not None and v.start > reference and id(v) not in anchored:
            if _future(folded, s):
                coming.append((v, s))
            continue
        free.append((v, s))
    if coming and all(v.basis == "weekday" for v, _ in free):
        # Only coming days, or bare weekdays besides («تبدأ الإجازة يوم الثلاثاء 24
        # صفر، وتشمل يومي الأربعاء والخميس»): the sentence is about what will
        # happen, and its first coming day is its main verb's («يغادر غداً الجمعة
        # … ليعود يوم 27 مايو»); that day restated in the other calendar right
        # after it is the same date, and the Gregorian one is exact.
        coming.sort(key=lambda f: f[1])
        first = coming[0][1]
        same = [f for f in coming if f[1] - first < 50]
        return min(same, key=lambda f: (f[0].calendar != "gregorian", f[1]))[0]
    if has_day:
        # A sentence that names a day is not dated by a year or month it also names
        # («فاتح شهر جمادى الأولى لعام 1445 هـ هو يوم غد …»).
        free = [(v, s) for v, s in free if v.precision == "day"]
    if not free:
        return None  # only schedules and background: the story's own date applies
    if len(free) == 1:
        return free[0][0]
    # Both calendars written («5 ذي القعدة 1438 هـ الموافق 29 يوليوز 2017»): the
    # Gregorian one is exact; the Hijri may follow a local sighting.
    clause_end = _that(folded)
    return min(
        free,
        key=lambda f: (f[1] > clause_end, _rank(f[0]), f[0].calendar != "gregorian", f[0].span),
    )[0]
