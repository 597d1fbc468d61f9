"""Which of a sentence's dates is the event's, once `dates.find_date` has
found and resolved them and said which are governed by another time («منذ»,
«حتى» …): the sentence's verbs say whether a date after the story's is the
coming act itself or only what was announced, and a reported «أن» clause has
its own dates. Also the check that a Hijri and a Gregorian day written as
one date are one day.

Split from `dates` by responsibility: that module reads the words around
each date, this one chooses among the dates.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.arabic.date_patterns import B, alt, lazy
from generator.arabic.date_resolve import DateValue
from generator.arabic.date_words import (
    ATTRIBUTION,
    BACKGROUND,
    BEING,
    COMING,
    DECIDING,
    EXPECTING,
    FRAMING_VERBS,
    INFORMING,
    LEAKERS,
    PREPARING,
    RELATIVES,
    STATEMENTS,
)
from generator.arabic.normalize import normalize

# A sentence about what will happen («سيبث الخطاب…», «ويكون فاتح الشهر…»): its
# future date is the event's; in «أعلن … أن غداً …» it is only what was announced.
_FUTURE = lazy(r"(?<!\w)و?(?:س[يتن][^\s]{2,}|سا[^\s]{2,}|يكون|ستكون)(?!\w)")
# «أعلنت … أن الوفد سيغادر غداً»: an announcement, however its future verb is
# spelled (a leak or a report, «كشفت مصادر أن …», «قال … إن …», is the coming act).
_REPORTED = lazy(r"\W*(?:\S+\s+){0,2}?و?(?:اعلن|اعلنت|حدد|حددت|اصدر|اصدرت)(?!\w)")
# «يعقد المجلس يوم غدٍ جلسته», «سيغادر … غداً», «التي ستحتضنها»: a verb that is
# the coming event itself (a future «س» is only trusted on these verbs: «سيارة»).
_COMING = lazy(rf"{B}[وف]?(?:س|سوف\s+)?(?:{alt(COMING)})(?:ه|ها|هم|هما)?(?!\w)")
# «… أن أول أيام العيد سيكون يوم الخميس»: a bare weekday after it is a coming one.
_BEING = lazy(rf"{B}[وف]?(?:س|سوف\s+)?(?:{alt(BEING)})(?!\w)")
# Their verbs alone: every match holds one. Looked for first, as most lines
# have none: a pattern that starts with a letter lets `re` skip to the
# candidates, where a look-behind first is tried at every character.
_COMING_WORDS = lazy(alt(COMING))
_BEING_WORDS = lazy(alt(BEING))
_EXPECTING_WORDS = lazy(alt(EXPECTING))
# «أعلنت الوزارة أن غداً …»: the announcement is the event, not the day it names.
_DECIDING = lazy(
    rf"{B}[وف]?(?:{alt(DECIDING)}|(?:{alt(INFORMING)})(?!\w)(?!\s+(?:{alt(LEAKERS)})(?!\w)))(?!\w)"
)
_EXPECTING = lazy(rf"{B}و?(?:{alt(EXPECTING)})\s+(?:ان|بان)(?!\w)")
_PREPARING = lazy(rf"{B}[وف]?(?:{alt(PREPARING)})(?!\w)")
_BACKGROUND = lazy(rf"{B}و?(?:{alt(BACKGROUND)})(?!\w)")
_CLAUSE = lazy(r"[.،,؛:!?؟]")
_ARABIC_WORD = lazy(r"[\u0621-\u064a]+")
_SENTENCE_END = lazy(r"[.؛!?؟]")
# «حسبما أفاد بيان … أمس»: the words that name a source, up to eight words before a date.
_ATTRIBUTION = lazy(rf"{B}[وف]?(?:{alt(ATTRIBUTION)})(?:\s+[^\s،,.؛:]+){{0,8}}\s*$")
# A relative pronoun right before a verb: the verb is the relative clause's.
_RELATIVE = lazy(rf"{B}(?:{alt(RELATIVES)})\s+$")
# The sentence's first Arabic word, when it is an imperfective «ي…» verb.
_OPENING_VERB = lazy(r"[^\u0621-\u064a]*[وف]?(ي[\u0621-\u064a]{2,})(?![\u0621-\u064a])")
_FRAMING = frozenset(map(normalize, FRAMING_VERBS)) | {"يوم"}
_STATEMENT = lazy(rf"{B}[وفبل]?(?:{alt(STATEMENTS)})(?:ا|ه|ها)?(?!\w)")
# A Hijri and a Gregorian day written as one («… 1446 هـ هو يوم الأربعاء 4 شتنبر»).
# «… هي يوم غد السبت 13 يناير»: a relative day that the Gregorian date restates.
_LINK = lazy(
    r"[\s،,()\-–/]*(?:ال)?(?:موافق|مقابل|هو|هي|يوافق|يصادف)?[\s،,()\-–/]*"
    r"(?:(?:يوم\s+)?(?:غدا?|اليوم|امس)\s+)?"
)
# «غرة شهر رجب هي يوم غد»: the coming day is what the sentence is about.
_IS_TOMORROW = lazy(r"(?<!\w)(?:هو|هي)\s+(?:يوم\s+)?غدا?(?!\w)")
# The start of a reported clause: what was said has its own dates.
_THAT = lazy(r"(?:بان|ان(?:ها|هم|ه)?)(?!\w)")  # and no letter before: see that()
# What `dates` reads with them: a decision before a date.
DECIDING_VERB = _DECIDING


def coming_verb(folded: str, lo: int, hi: int) -> re.Match[str] | None:
    """A coming verb in folded[lo:hi] («يتوجه», «سيغادر»): `_COMING.search`,
    its verbs looked for first."""
    if _COMING_WORDS.search(folded, lo, hi) is None:
        return None
    return _COMING.search(folded, lo, hi)


def being_verb(folded: str, lo: int, hi: int) -> re.Match[str] | None:
    """«سيكون», «تكون» in folded[lo:hi]: `_BEING.search`, its verbs looked for first."""
    if _BEING_WORDS.search(folded, lo, hi) is None:
        return None
    return _BEING.search(folded, lo, hi)


def that(folded: str) -> int:
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
    reported before the date («أعلنت … أن …», «قررت …», «تستعد …», «ذكر بيان …»)."""
    if not (
        (_COMING_WORDS.search(folded) is not None and _unbound(_COMING, folded))
        or (_unbound(_FUTURE, folded) and not _REPORTED.match(folded))
        or _opens_on_a_verb(folded)
        or (_EXPECTING_WORDS.search(folded) is not None and _EXPECTING.search(folded))
        or ("غد" in folded and _IS_TOMORROW.search(folded))  # «… هي يوم غد»
    ):
        return False
    return not (
        _DECIDING.search(folded, 0, s)
        or _PREPARING.search(folded, 0, s)
        or _STATEMENT.search(folded, 0, s)
    )


def _unbound(pattern: re.Pattern[str] | lazy, folded: str) -> bool:
    """Whether `pattern` finds a verb that is not a relative clause's: in «نقل
    المتحدث خبر تشكيل لجنة برئاسة القاضي الذي سيؤدي اليمين مساء الأحد» the coming
    oath describes a noun, and the sentence reports the decree."""
    for m in pattern.finditer(folded):
        if _RELATIVE.search(folded, max(0, m.start() - 10), m.start()) is None:
            return True
    return False


def check_calendars(
    values: list[tuple[DateValue, bool, int]], ends: list[int], folded: str, warnings: list[str]
) -> set[int]:
    """A Hijri day and a Gregorian day written as one date must be one day.
    A day apart is a local sighting; said, not corrected (the Gregorian wins).

    Returns the ids of the Hijri days restated in the Gregorian calendar
    («… 1445 هـ الموافق 17 يونيو 2024»): the Gregorian day stands for both, even
    when a local sighting puts the Hijri one on the story's date and the
    Gregorian one after it."""
    restated: set[int] = set()
    for (a, _, _), end, (b, _, s) in zip(values, ends, values[1:], strict=False):
        if a.precision != "day" or b.precision != "day" or a.calendar == b.calendar:
            continue
        if a.basis != "explicit" or b.basis != "explicit" or s - end > 30:
            continue
        linked = _LINK.fullmatch(folded, end, s) is not None or folded.startswith("يوم", s)
        if not linked:
            gap = folded[end:s]
            if any(ch.isdigit() for ch in gap) or "." in gap or len(gap.split()) > 3:
                continue
        hijri, greg = (a, b) if a.calendar == "hijri" else (b, a)
        if linked:
            restated.add(id(hijri))
        days = (greg.start - hijri.start).days
        if days:
            warnings.append(
                f"{hijri.written!r} is {hijri.start.isoformat()} by Umm al-Qura but the text "
                f"gives {greg.written!r}: {abs(days)} day{'s' if abs(days) > 1 else ''} apart "
                + ("(a local sighting?)" if abs(days) <= 2 else "(check both dates)")
            )
    return restated


def coming_act(folded: str, s: int) -> bool:
    """Whether the sentence is about the coming act dated at `s` (see `_future`)."""
    return _future(folded, s)


def _opens_on_a_verb(folded: str) -> bool:
    """«يشيع جثمان الفقيد غداً», «ويوارى … الثرى غداً»: the sentence opens on an
    imperfective verb (not one that frames it: «يأتي ذلك …», nor «يوم»)."""
    m = _OPENING_VERB.match(folded)
    return m is not None and m.group(1) not in _FRAMING


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


def event_date(
    values: list[tuple[DateValue, bool, int]],
    reference: dt.date | None,
    folded: str,
    anchored: set[int],
    datelines: set[int] | frozenset[int] = frozenset(),
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
    if coming and not _blocked(free, min(s for _, s in coming), folded):
        # Only coming days, or bare weekdays besides («تبدأ العطلة يوم الأحد 12
        # رجب، وتشمل يومي الاثنين والثلاثاء»): the sentence is about what will
        # happen, and its first coming day is its main verb's («يغادر غداً الجمعة
        # … ليعود يوم 27 مايو»); that day restated in the other calendar right
        # after it is the same date, and the Gregorian one is exact (a bare
        # weekday after it is a later day, not a restatement). A day named with
        # the source («حسبما أفاد بيان أمس») is when it was said, not the event's.
        coming.sort(key=lambda f: f[1])
        first = coming[0][1]
        same = [f for f in coming if f[1] - first < 50]
        return min(
            same, key=lambda f: (f[0].basis == "weekday", f[0].calendar != "gregorian", f[1])
        )[0]
    if has_day:
        # A sentence that names a day is not dated by a year or month it also names
        # («غرة شهر رجب لعام 1446 هـ هي يوم غد …»).
        free = [(v, s) for v, s in free if v.precision == "day"]
    if not free:
        return None  # only schedules and background: the story's own date applies
    if len(free) == 1:
        return free[0][0]
    # Both calendars written («19 شوال 1444هـ، الموافق لـ9 مايو 2023»): the
    # Gregorian one is exact; the Hijri may follow a local sighting.
    # A date in a relative or pluperfect clause is background, and a wire's
    # dateline is the story's date: the main clause's own date comes first
    # («استقبل الرئيس أمس السفير الذي وصل في 2 مارس», «الدوحة في 6 مارس /قنا/ وصل أمس»).
    decided = _decision_date(free, folded)
    if decided is not None:
        return decided
    clause_end = that(folded)
    return min(
        free,
        key=lambda f: (
            f[1] > clause_end,
            id(f[0]) in datelines or _background(folded, f[1]) or _sourced(folded, f[1]),
            _rank(f[0]),
            f[0].calendar != "gregorian",
            f[0].span,
        ),
    )[0]


def _decision_date(free: list[tuple[DateValue, int]], folded: str) -> DateValue | None:
    """The decision's or announcement's own date, when the sentence opens on
    one («أعلنت وزارة الصحة، اليوم الأربعاء، عن إصابات الأسبوع من 26 فبراير إلى 3 مارس»,
    «قررت النقابة، مساء الثلاثاء، تنظيم وقفة احتجاجية يوم 24 أبريل»): the first date after
    the verb, in its sentence, is when it was decided; the dates after it are
    what was decided or announced."""
    m = _DECIDING.search(folded, 0, 60)  # among the first words, a dateline allowed
    if m is None or len(_ARABIC_WORD.findall(folded, 0, m.start())) > 2:
        return None
    after = [f for f in free if f[1] > m.end()]
    if not after:
        return None
    v, s = min(after, key=lambda f: f[1])
    if s - m.end() > 100 or _SENTENCE_END.search(folded, m.end(), s) is not None:
        return None
    return v if s < that(folded) else None  # «أعلنت … أن الاثنين …»: what was announced


def _blocked(free: list[tuple[DateValue, int]], first: int, folded: str) -> bool:
    """Whether a date on or before the story's keeps a sentence that names a
    coming day (first at `first`) from being dated on it. Not a day named with
    the source («حسبما أفاد بيان أمس») nor one in a relative or pluperfect
    clause («… الذي تأسس في يونيو الماضي»): they are background. A bare weekday
    neither («تبدأ العطلة غدا الخميس، وتشمل يومي الجمعة والسبت»),
    unless it dates the saying in a main clause whose reported clause holds
    the coming day («قالت الوزارة الأحد إن الوفد سيصل غداً»): then the saying
    is the event."""
    clause_end = -1
    for v, s in free:
        if v.precision != "day" or _sourced(folded, s) or _background(folded, s):
            continue  # a month or year names no other day («هذا العام، … يوم الأحد …»)
        if v.basis != "weekday":
            return True
        if clause_end < 0:
            clause_end = that(folded)
        if s < clause_end < first:
            return True
    return False


def _background(folded: str, s: int) -> bool:
    """Whether a relative pronoun or «كان قد» comes before `s` in its clause."""
    lo = max(0, s - 80)
    last = None
    for last in _CLAUSE.finditer(folded, lo, s):  # noqa: B007 - the last one is wanted
        pass
    return _BACKGROUND.search(folded, last.end() if last else lo, s) is not None


def _sourced(folded: str, s: int) -> bool:
    """Whether the date at `s` is in the clause that names the source
    («…، حسبما أفاد بيان للوزارة أمس», «وفق ما نقلته الوكالة الأحد»): when the
    source spoke, not when the event was."""
    lo = max(0, s - 80)
    last = None
    for last in _CLAUSE.finditer(folded, lo, s):  # noqa: B007 - the last one is wanted
        pass
    return _ATTRIBUTION.search(folded, last.end() if last else lo, s) is not None
