"""Cheap checks that say whether a trigger word can be part of a date, run
before any pattern is: most lines have no date, and ruling a word out in
Python costs less than a regex scan around it (see `date_scan`).

`year_anchors` says which runs of four digits can be the year of each year
pattern; `FITS` holds, per pattern, a check on a month name or other trigger
word (None: every one can match).
"""

from __future__ import annotations

from collections.abc import Callable

from generator.arabic.date_patterns import DIR, DM_LEAD_WORDS, MONTH_LEAD_WORDS
from generator.arabic.date_words import YEAR_LEADS

Span = tuple[int, int]

_DAY_LEAD = ("من ", "شهر ", "الله ", "غره ", "فاتح ", "مستهل ", "ايام ")
_MONTH_LEAD = (*MONTH_LEAD_WORDS, "شهر ")
_DIR_WORDS = tuple(DIR.split("|"))
_YEAR_FAMILY = frozenset(("iso", "numeric", "hyear", "year", "year_lead", "year_ad"))
_LEAD_WORDS = tuple(YEAR_LEADS)


def _before_space(folded: str, start: int) -> int:
    """Where the whitespace before `start` begins (`start` when there is none)."""
    while start and folded[start - 1].isspace():
        start -= 1
    return start


def _after_separator(folded: str, s: int) -> bool:
    """«12/5/2018», «12 -5-2018», «3/ 9/ 1444»: a separator, and a digit before
    it, right before the year (one space allowed on either side)."""
    k = s - 1
    if k > 0 and folded[k] == " ":
        k -= 1
    if k < 1 or folded[k] not in "/.-_":
        return False
    k -= 1
    if k > 0 and folded[k] == " ":
        k -= 1
    return folded[k].isdecimal()


def year_anchors(folded: str, years: list[Span]) -> dict[str, list[Span]]:
    """Which runs of four or more digits can be the year of each year pattern:
    what must come right before or after them, checked once per run and
    without a regex scan."""
    out: dict[str, list[Span]] = {name: [] for name in _YEAR_FAMILY}
    n = len(folded)
    for run in years:
        s, e = run
        if e - s != 4:
            continue  # every pattern takes exactly four digits, with no digit around
        if folded.startswith(("-", "/", "."), e) or folded.startswith((" -", " /", " ."), e):
            out["iso"].append(run)
        if _after_separator(folded, s):
            out["numeric"].append(run)
        if folded.startswith(("13", "14"), s):
            k = e
            while k < n and folded[k].isspace():
                k += 1
            if folded.startswith(("ه", "للهجره"), k):
                out["hyear"].append(run)
        if folded.startswith(("18", "19", "20"), s) and (
            folded.startswith("م", e)
            or (e < n and folded[e].isspace() and folded.startswith("م", e + 1))
        ):
            out["year_ad"].append(run)
        lead = _before_space(folded, s)
        if lead == s:
            continue
        if folded.endswith(("عام", "سنه", "عامي"), 0, lead):
            out["year"].append(run)
        if folded.startswith(("19", "20"), s) and folded.endswith(_LEAD_WORDS, 0, lead):
            out["year_lead"].append(run)
    out["numeric_range"] = out["numeric"]  # «من 5 إلى 7/ 3/ 1445هـ»: the same year
    return out


def _day_fits(start: int, end: int, folded: str, runs: list[Span]) -> bool:
    """A day + month: a day-like word or a number shortly before the month."""
    if folded.endswith(("ذو ", "ذي ", "ذا "), 0, start):  # «ذي الحجة»: anchored on «الحجة»
        start -= 3
    if folded.endswith(_DAY_LEAD, 0, start):
        return True
    # Loops, not any(): on a line's few runs a generator costs more than the test.
    for _, e in runs:  # noqa: SIM110
        if start - 25 <= e <= start:
            return True
    return False


def _month_fits(start: int, end: int, folded: str, runs: list[Span]) -> bool:
    for s, e in runs:  # noqa: SIM110 - see _day_fits
        if end <= s <= end + 25 and e - s >= 4:
            return True
    return False


def _dm_fits(start: int, end: int, folded: str, runs: list[Span]) -> bool:
    return (
        end - start <= 2
        and folded.startswith("/", end)
        and folded.endswith(DM_LEAD_WORDS, 0, start)
    )


def _ymonth_fits(start: int, end: int, folded: str, runs: list[Span]) -> bool:
    return folded.endswith(_MONTH_LEAD, 0, start)


def _dmonth_fits(start: int, end: int, folded: str, runs: list[Span]) -> bool:
    return folded.startswith(_DIR_WORDS, end + 1) or folded.startswith(_DIR_WORDS, end + 2)


def _bare_day_fits(start: int, end: int, folded: str, runs: list[Span]) -> bool:
    """«يوم 5 الجاري»: a day's number right before the word."""
    for _, e in runs:  # noqa: SIM110 - see _day_fits
        if start - 2 <= e < start:
            return True
    return False


Fit = Callable[[int, int, str, list[Span]], bool]
# Whether a trigger word can be part of this kind of date: cheap checks that
# spare a regex scan of most of the words that name a month (None: every one
# can; the year patterns have theirs in year_anchors).
FITS: dict[str, Fit | None] = {
    "dm": _dm_fits,
    **dict.fromkeys(
        ("day", "day_slash", "hijri", "hrange", "hrange2", "range", "range2", "dperiod"),
        _day_fits,
    ),
    **dict.fromkeys(("month", "hmonth"), _month_fits),
    "ymonth": _ymonth_fits,
    "dmonth": _dmonth_fits,
    "dperiod_bare": _bare_day_fits,
}
