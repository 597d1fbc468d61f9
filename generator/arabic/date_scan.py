"""Where the dates are in a sentence: folding, the patterns, and the scan.

The sentence is folded for matching (alef forms, yaa, taa marbuta, harakat,
tatweel, Eastern and Persian digits) while keeping a map back to the original
characters, so a date's `written` words are always the source's own. Its
words are looked up once in a set of trigger words (month names, weekdays,
relative words, with their clitics); only the patterns a sentence can match
are run, only in windows around those words, and overlapping candidates keep
the most specific pattern. `resolve` (date_resolve) turns a candidate into a
date; `dates.find_date` picks the event's.

Speed is part of the contract (issue 4: 5,000 news lines a second for the
whole understand stage): `re` tries a pattern at every position of the text
it is given, so what is cheap to rule out in Python (a year with the wrong
neighbours, a month with no day before it) is ruled out before a regex runs.
Measured on 20,000 distinct news lines, the regexes themselves are now a
small part of a line's cost (about 6 µs of some 60); the rest is Python work
per pattern and per trigger word, which is why the patterns a set of trigger
families allows is planned once (`_plan`) and the year prechecks run once per
number. Trying each pattern only at word starts (`pattern.match` at each)
was measured and is slower than `finditer` over these short windows: the
Python loop costs more than the characters it skips.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from generator.arabic.date_anchors import FITS, Fit, Span, year_anchors
from generator.arabic.date_patterns import COMPILED, TO, TRIGGER, lazy, wanted
from generator.arabic.normalize import DIGITS

_TRIGGER_WORDS = frozenset(TRIGGER)
_DIGIT_RUN = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")

# «يوم الأحد الموافق 14 مارس»: a weekday followed by this belongs to that date.
_ANCHORED = re.compile(r"[\s،,(]*(?:الموافق|\d)")

# Characters dropped when folding for matching (harakat, tatweel, invisible controls).
DROP = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
# As `normalize` folds them (ؤ and ئ too: «المؤرخ في» is a word of the data).
_LETTERS = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ى", "ي"),
    ("ة", "ه"),
    ("ؤ", "و"),
    ("ئ", "ي"),
)
_EASTERN = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
# What either needs: a character to drop or an Eastern or Persian digit.
_SPECIAL = re.compile(DROP.pattern[:-1] + "\u0660-\u0669\u06f0-\u06f9]")


def fold(text: str) -> tuple[str, list[int]]:
    """Folded text, and where the dropped characters were.

    Every other mapping is one character to one, so a folded offset k is the
    original offset k plus the number of dropped characters before it. A few
    `str.replace` calls fold a line many times faster than `str.translate`
    with a table, and most wire copy has nothing to drop and Western digits:
    one regex pass finds out, and only a line that has either pays for more.
    """
    dropped: list[int] = []
    special = _SPECIAL.search(text) is not None
    if special:
        kept = DROP.split(text)
        if len(kept) > 1:
            # Each dropped character's position counted in kept characters.
            dropped = list(accumulate(map(len, kept[:-1])))
            text = "".join(kept)
    for old, new in _LETTERS:
        text = text.replace(old, new)
    if special and _EASTERN.search(text) is not None:
        text = text.translate(DIGITS)
    return text, dropped


def original(k: int, dropped: list[int]) -> int:
    return k + bisect.bisect_right(dropped, k) if dropped else k


@dataclass
class Candidate:
    kind: str
    span: tuple[int, int]  # in folded text
    groups: dict[str, str | None]


# Which trigger words each pattern's matches contain, and how far before and
# after such a word a match can reach: patterns run only in those windows.
_FAMILY = {
    "hrange2": ("hijri", 40, 50),
    "hrange": ("hijri", 30, 40),
    "hijri": ("hijri", 60, 40),
    "range2": ("greg", 20, 70),
    "range": ("greg", 25, 40),
    "day": ("greg", 55, 45),
    "numeric_range": ("year", 60, 20),
    "day_slash": ("greg", 5, 10),
    "numeric": ("year", 45, 20),
    "iso": ("year", 10, 20),
    "dm": ("digit", 1, 6),
    "hmonth": ("hijri", 8, 40),
    "hmonth_dir": ("hijri", 12, 30),
    "hmonth_part": ("hijri", 20, 20),
    "hyear": ("year", 20, 20),
    "month": ("greg", 8, 40),
    "ymonth": ("greg", 6, 30),
    "dmonth": ("greg", 3, 30),
    "year": ("year", 20, 20),
    "year_lead": ("year", 20, 20),
    "year_ad": ("year", 20, 20),
    "relative": ("rel", 10, 25),
    "dperiod": ("period", 30, 16),
    "dperiod_bare": ("dir", 30, 2),
    "ago": ("ago", 14, 2),
    "period": ("period", 12, 16),
    "weekday": ("wd", 8, 16),
}
_PUNCT = tuple('/()«»"“”،,.:؛')
_BOUNDARY = frozenset(_PUNCT)  # with whitespace, what ends a word for `_triggered`


_GAP = re.compile(r"\s+(?:من\s+)?(?:شهر\s+)?")
_TO_END = re.compile(rf"{TO}\Z")


def _ranged(folded: str, months: list[_Span], runs: list[_Span]) -> bool:
    """Whether a range can end at one of these months: a day right before
    the month and «و/إلى/حتى/-» right before that day («بين 5 و7 آذار»).
    Most lines name no range; this spares them both range patterns."""
    for start, _ in months:
        day = None
        for run in runs:  # in order, so their ends increase
            if run[1] > start:
                break
            day = run
        if day is None or day[1] - day[0] > 2:
            continue
        d, e = day
        if _GAP.fullmatch(folded, e, start) and _TO_END.search(folded, max(0, d - 20), d):
            return True
    return False


_Span = Span


def _triggered(
    folded: str, words: Sequence[str] | None = None
) -> tuple[dict[str, list[_Span]], list[_Span]]:
    """Where each kind of trigger word is, and the digit runs.

    A trigger word counts when the line has it as a whole word (between
    spaces or punctuation), and then every place it is written counts.
    `words`, the line's words as `lexicon.tokenize` cuts and folds them (None
    when the line has characters `fold` drops), says which trigger words can
    be whole words: every whole word of the folded line is one of them, so
    only those few are looked for, instead of cutting the line again."""
    at: dict[str, list[_Span]] = {}
    if words is None:
        text = folded
        for ch in _PUNCT:
            text = text.replace(ch, " ")
        for word in _TRIGGER_WORDS.intersection(text.split()):
            spans = at.setdefault(TRIGGER[word], [])
            i = folded.find(word)
            while i >= 0:
                spans.append((i, i + len(word)))
                i = folded.find(word, i + 1)
    elif hits := _TRIGGER_WORDS.intersection(words):
        n = len(folded)
        for word in hits:
            k = len(word)
            i = folded.find(word)
            places: list[_Span] = []
            whole = False
            while i >= 0:
                places.append((i, i + k))
                whole = whole or (
                    (i == 0 or folded[i - 1] in _BOUNDARY or folded[i - 1].isspace())
                    and (i + k == n or folded[i + k] in _BOUNDARY or folded[i + k].isspace())
                )
                i = folded.find(word, i + 1)
            if whole:
                at.setdefault(TRIGGER[word], []).extend(places)
    # Half the lines have no digit: a search for one is cheaper than an empty
    # finditer, and where there is one the runs are read from there on.
    first = _DIGIT.search(folded)
    runs = [m.span() for m in _DIGIT_RUN.finditer(folded, first.start())] if first else []
    if runs:
        if _touching(folded, runs):
            _glued(folded, runs, at)
        if "/" in folded:  # «يوم 28/9»: the only pattern anchored on any number
            at["digit"] = runs
        if years := [r for r in runs if r[1] - r[0] >= 4]:
            at["year"] = years
    return at, runs


def _touching(folded: str, runs: list[_Span]) -> bool:
    """Whether a letter touches a digit run: right before it, or three right
    after it («أبريل2021», «10مارس»). What `re` would find with
    «[^\\W\\d_]\\d|\\d[^\\W\\d_]{3}», checked at the runs' ends only: the pattern
    was tried at every character from the first digit on."""
    n = len(folded)
    for s, e in runs:
        if s and _letter(folded[s - 1]):
            return True
        if e + 3 <= n and all(map(_letter, folded[e : e + 3])):
            return True
    return False


def _letter(ch: str) -> bool:
    """`[^\\W\\d_]`: a word character that is no decimal digit (nor «_»)."""
    return ch.isalnum() and not ch.isdecimal()


def _glued(folded: str, runs: list[_Span], at: dict[str, list[_Span]]) -> None:
    """A month's name written against a number («10 أبريل2021م», «يوم 10مارس»):
    the word before or after a digit run, when it touches it, is looked up."""
    n = len(folded)
    for s, e in runs:
        if s and folded[s - 1].isalpha():
            k = s - 1
            while k and folded[k - 1].isalpha():
                k -= 1
            _add_month(folded, k, s, at)
        if e < n and folded[e].isalpha():
            k = e + 1
            while k < n and folded[k].isalpha():
                k += 1
            _add_month(folded, e, k, at)


def _add_month(folded: str, s: int, e: int, at: dict[str, list[_Span]]) -> None:
    kind = TRIGGER.get(folded[s:e])
    if kind == "greg" or kind == "hijri":
        at.setdefault(kind, []).append((s, e))


@dataclass(frozen=True)
class _Step:
    """One pattern to run, with what it needs: its trigger family, how far
    around a trigger its matches reach, and its cheap precheck."""

    name: str
    kind: str
    pattern: re.Pattern[str] | lazy
    family: str
    before: int
    after: int
    fits: Fit | None
    ranged: bool = False  # a range: only when _ranged says one can end here
    reach: bool = False  # «day»/«hijri»: reaches back to a weekday, when one is near


_STEPS = [
    _Step(
        name,
        kind,
        pattern,
        *_FAMILY[name],
        FITS.get(name),
        kind.startswith("range"),
        kind in ("day", "hijri"),
    )
    for name, kind, pattern in COMPILED
]
# The patterns worth running for each set of trigger families present (and
# number of digit runs, up to 3): the same few sets recur line after line.
_PLANS: dict[tuple[frozenset[str], int], list[_Step]] = {}


def _plan(families: frozenset[str], runs: int) -> list[_Step]:
    key = (families, min(runs, 3))
    plan = _PLANS.get(key)
    if plan is None:
        year = "year" in families
        plan = [
            step
            for step in _STEPS
            if step.family in families and wanted(step.kind, families, runs, year)
        ]
        _PLANS[key] = plan
    return plan


def _merge(spans: list[_Span], before: int, after: int, n: int) -> list[tuple[int, int, int]]:
    """Windows around the anchors, overlapping ones merged: (lo, hi, last
    anchor's start), so that a scan can stop once it has passed every anchor."""
    if len(spans) == 1:  # most lines: one anchor, no sort, no builtin calls
        start, end = spans[0]
        lo, hi = start - before, end + after
        return [(lo if lo > 0 else 0, hi if hi < n else n, start)]
    merged: list[tuple[int, int, int]] = []
    for start, end in sorted(spans):
        lo, hi = max(0, start - before), min(n, end + after)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi), start)
        else:
            merged.append((lo, hi, start))
    return merged


def scan(folded: str, words: Sequence[str] | None = None) -> list[Candidate]:
    """The date candidates of a folded line, in order. `words`: see `_triggered`."""
    at, runs = _triggered(folded, words)
    if not at:
        return []
    found: list[Candidate] = []
    n = len(folded)
    ranged: bool | None = None
    years: dict[str, list[_Span]] | None = None
    fitted: dict[tuple[Fit, str], list[_Span]] = {}  # a check shared by several patterns
    for step in _plan(frozenset(at), len(runs)):
        kind, before = step.kind, step.before
        if step.ranged:
            if ranged is None:
                ranged = _ranged(folded, at["greg"], runs)
            if not ranged:
                continue
        if step.family == "year":
            if years is None:
                years = year_anchors(folded, at["year"])
            anchors = years[step.name]
        elif (fits := step.fits) is not None:
            anchors = fitted.get((fits, step.family))  # type: ignore[assignment]
            if anchors is None:
                anchors = [(s, e) for s, e in at[step.family] if fits(s, e, folded, runs)]
                fitted[fits, step.family] = anchors
        else:
            anchors = at[step.family]
        if found and anchors:
            if len(found) == 1:  # most lines: one date so far, checked inline
                s0, e0 = found[0].span
                anchors = [a for a in anchors if not (s0 <= a[0] and a[1] <= e0)]
            else:
                anchors = [a for a in anchors if not _inside(a, found)]
        if not anchors:
            continue
        if step.reach and not _near(at.get("wd"), anchors, before):
            before = 36  # no weekday to reach back to: «يوم الحادي والثلاثين من شهر …» at most
        for lo, hi, last in _merge(anchors, before, step.after, n):
            end_word = folded.find(" ", hi)  # never cut a word in two
            for m in step.pattern.finditer(folded, lo, n if end_word < 0 else end_word):
                start, end = m.span()
                # Every match holds an anchor: past the last one, the window is done.
                done = end > last
                g = m.groupdict()
                if g.get("lead"):
                    start = m.end("lead")
                # Trim trailing spaces and punctuation taken by optional parts.
                while end > start and folded[end - 1] in " ،,\t":
                    end -= 1
                if end <= start or _overlaps(start, end, found):
                    continue  # an earlier, more specific pattern already took these words
                if kind == "weekday" and _ANCHORED.match(folded, end):
                    continue  # «يوم الأحد الموافق 14 مارس»: the weekday of another date
                if kind == "period" and not (g["part"] or g["dir"] or g["this"]):
                    continue  # «العام» alone is «public», not a year
                found.append(Candidate(kind, (start, end), g))
                if done:
                    break
    if len(found) > 1:
        found.sort(key=lambda c: c.span)
    return found


def _inside(anchor: _Span, found: list[Candidate]) -> bool:
    s, e = anchor
    for c in found:  # noqa: SIM110 - see _day_fits
        if c.span[0] <= s and e <= c.span[1]:
            return True
    return False


def _overlaps(start: int, end: int, found: list[Candidate]) -> bool:
    for c in found:  # noqa: SIM110 - see _day_fits
        if c.span[0] < end and start < c.span[1]:
            return True
    return False


def _near(words: list[_Span] | None, anchors: list[_Span], before: int) -> bool:
    """Whether a weekday is written up to `before` characters before an anchor."""
    for w, _ in words or ():
        for s, _ in anchors:
            if s - before <= w <= s:
                return True
    return False
