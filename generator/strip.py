"""Time at a glance: the events-per-month strip of a listing, and the other
calendar's name for a year or a month.

The plan stage counts a listing's events by month (`month_index`) and says
which page of the listing holds each month; that is all the strip shows, so
it is all a page's digest needs. The render stage draws it (`draw_strip`):
an SVG made at build time, one bar a month of the site's primary calendar,
the earliest at the right as Arabic reads, whole years of that calendar
with both calendars' years under the bars. No JavaScript, and a text
alternative in the partial (`partials/strip.html`) that lists the same
months with the same links.

Coordinates are percentages of the strip's width and pixels of its height,
so the SVG fills any width without stretching its text.
"""

from __future__ import annotations

import calendar as gregorian_calendar
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from generator.arabic.hijri import HIJRI_MONTHS, from_hijri, month_length, to_hijri


@dataclass(frozen=True)
class MonthCount:
    """A month of a listing (in the primary calendar) and the page holding it."""

    year: int
    month: int  # 0: events known only by their year
    count: int
    path: str  # the listing page (output-relative directory) that holds the month
    calendar: str = "gregorian"

    @property
    def anchor(self) -> str:
        """The id of the month's section on its page."""
        return f"m-{self.year}-{self.month:02d}"


def period_of(event: Any, calendar: str) -> tuple[int, int]:
    """The (year, month) an event is listed under, in the site's primary
    calendar; (0, 0) when undated, month 0 when only the year is known."""
    d = event.date
    if d is None:
        return 0, 0
    if calendar == "hijri" and d.hijri is not None:
        return d.hijri.year, d.hijri.month if d.precision != "year" else 0
    return d.start.year, d.start.month if d.precision != "year" else 0


def month_index(sections: Iterable[Any], calendar: str) -> tuple[MonthCount, ...]:
    """Every dated month of a paged (or single-page) listing, oldest first,
    with its count and the page that holds it (a month cut into parts: its
    first page in the listing's order)."""
    counts: dict[tuple[int, int], int] = {}
    paths: dict[tuple[int, int], str] = {}
    for section in sections:
        for event in section.events:
            key = period_of(event, calendar)
            if key[0]:
                counts[key] = counts.get(key, 0) + 1
                paths.setdefault(key, section.path)
    return tuple(MonthCount(y, m, counts[y, m], paths[y, m], calendar) for y, m in sorted(counts))


# ---------------------------------------------------------------- the other calendar


def month_span(year: int, month: int, calendar: str, adjust: int) -> tuple[dt.date, dt.date] | None:
    """The first and last Gregorian day of a month (month 0: a whole year) of
    `calendar`; None where the Hijri tables end."""
    if calendar == "hijri":
        first_month, last_month = (month, month) if month else (1, 12)
        start = from_hijri(year, first_month, 1, adjust)
        length = month_length(year, last_month)
        end = from_hijri(year, last_month, length, adjust) if length else None
        return (start, end) if start and end else None
    if not 1 <= year <= 9999:
        return None
    if month:
        last = gregorian_calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def other_calendar(
    year: int,
    month: int,
    calendar: str,
    adjust: int,
    num: Callable[[object], str],
    gmonths: Sequence[str],
) -> str:
    """A year or month of one calendar named in the other: a Gregorian
    October 2015 is «ذو الحجة 1436 – محرم 1437 هـ», the year 2015
    «1436–1437 هـ»; a Hijri month or year gets its Gregorian months or years.
    "" for undated groups and where the Hijri tables end."""
    if not year:
        return ""
    span = month_span(year, month, calendar, adjust)
    if span is None:
        return ""
    start, end = span
    if calendar == "hijri":
        if not month:
            if start.year == end.year:
                return num(start.year)
            return f"{num(start.year)}–{num(end.year)}"
        a, b = (start.year, start.month), (end.year, end.month)
        if a == b:
            return f"{gmonths[a[1] - 1]} {num(a[0])}"
        if a[0] == b[0]:
            return f"{gmonths[a[1] - 1]} – {gmonths[b[1] - 1]} {num(a[0])}"
        return f"{gmonths[a[1] - 1]} {num(a[0])} – {gmonths[b[1] - 1]} {num(b[0])}"
    h1, h2 = to_hijri(start, adjust), to_hijri(end, adjust)
    if h1 is None or h2 is None:
        return ""
    if not month:
        if h1.year == h2.year:
            return f"{num(h1.year)} هـ"
        return f"{num(h1.year)}–{num(h2.year)} هـ"
    if (h1.year, h1.month) == (h2.year, h2.month):
        return f"{HIJRI_MONTHS[h1.month - 1]} {num(h1.year)} هـ"
    if h1.year == h2.year:
        return f"{HIJRI_MONTHS[h1.month - 1]} – {HIJRI_MONTHS[h2.month - 1]} {num(h1.year)} هـ"
    first = f"{HIJRI_MONTHS[h1.month - 1]} {num(h1.year)}"
    return f"{first} – {HIJRI_MONTHS[h2.month - 1]} {num(h2.year)} هـ"


def month_name(month: int, calendar: str, gmonths: Sequence[str]) -> str:
    if not month:
        return ""
    return HIJRI_MONTHS[month - 1] if calendar == "hijri" else gmonths[month - 1]


@dataclass
class YearGroup:
    """The pages of a paged listing that fall in one year, for the pager."""

    year: int
    calendar: str
    count: int
    sections: list[Any] = field(default_factory=list)

    @property
    def month(self) -> int:
        return 0


def year_groups(sections: Sequence[Any], counts: dict[str, int] | None = None) -> list[YearGroup]:
    """A listing's pages (or a strip's months) grouped by year, in the listing's
    order, with their number of events (`counts` by page path; a month's own)."""
    groups: list[YearGroup] = []
    for s in sections:
        if not groups or groups[-1].year != s.year:
            groups.append(YearGroup(s.year, s.calendar, 0))
        groups[-1].sections.append(s)
        groups[-1].count += counts[s.path] if counts is not None else s.count
    return groups


# ---------------------------------------------------------------- drawing

BAR_TOP = 4  # px above the tallest bar
BAR_AREA = 56  # px: the tallest bar
ROW = 17  # px between the label rows
LABEL_NARROW = 6  # year labels that fit a phone's width (about 330 px)
LABEL_WIDE = 14  # … and a wide column's (about 700 px)
STEPS = (1, 2, 5, 10, 20, 25, 50, 100)


@dataclass(frozen=True)
class Bar:
    x: float  # % of the width, the bar's left edge
    width: float  # %
    left: float  # %, the left edge of the month's whole column (where a pointer picks it)
    column: float  # %, the column's width
    height: int  # px
    month: MonthCount
    title: str  # what a pointer's tooltip says: the month in both calendars, its count


@dataclass(frozen=True)
class Label:
    x: float  # %, the text's middle
    text: str
    wide_only: bool  # shown only where there is room for every one of its row


@dataclass(frozen=True)
class Strip:
    bars: list[Bar]
    ticks: list[float]  # % where a year of the primary calendar starts
    other_ticks: list[float]  # % where a year of the other calendar starts
    labels: list[Label]
    other_labels: list[Label]
    months: tuple[MonthCount, ...]  # every dated month, oldest first
    years: list[YearGroup]  # the months by year, in the listing's order (`sections`: months)
    peak: MonthCount
    first: MonthCount
    last: MonthCount
    total: int
    calendar: str
    base: int = BAR_TOP + BAR_AREA  # px: the bars' baseline
    height: int = BAR_TOP + BAR_AREA + 2 * ROW + 8

    @property
    def bars_path(self) -> str:
        """Every bar as one SVG path, x in % of the width and y in px (for an
        SVG whose viewBox is 100 wide and `height` high, stretched)."""
        return "".join(
            f"M{b.x} {self.base}v-{b.height}h{b.width}v{b.height}z" for b in self.bars if b.height
        )

    def on_page(self, path: str) -> list[Bar]:
        """The bars of the months the listing page at `path` holds."""
        return [b for b in self.bars if b.month.path == path]

    @property
    def label_y(self) -> int:
        return self.base + ROW - 3

    @property
    def other_label_y(self) -> int:
        return self.base + 2 * ROW - 3


def _step(count: int, limit: int) -> int:
    return next((s for s in STEPS if -(-count // s) <= limit), STEPS[-1])


def _thin(years: list[tuple[int, float]], label: Callable[[int], str]) -> list[Label]:
    """Year labels, every one where they fit and every 2nd, 5th, 10th… where
    they do not: those shown only on a wide screen are marked so."""
    narrow, wide = _step(len(years), LABEL_NARROW), _step(len(years), LABEL_WIDE)
    out = []
    for year, x in years:
        if year % wide == 0 or wide == 1:
            out.append(Label(x, label(year), not (year % narrow == 0 or narrow == 1)))
    return out


def _x(column: float, columns: int) -> float:
    """% from the left of a point `column` months after the strip's start
    (the earliest month is at the right)."""
    return round(100 - column * 100 / columns, 3)


@lru_cache(maxsize=256)
def draw_strip(
    months: tuple[MonthCount, ...],
    descending: bool,
    adjust: int,
    num: Callable[[object], str],
    describe: Callable[[MonthCount], str],
) -> Strip | None:
    """The strip of a listing's `month_index`, or None when no event has a month."""
    dated = [m for m in months if m.month]
    if not dated:
        return None
    calendar = dated[0].calendar
    y0, y1 = dated[0].year, dated[-1].year
    columns = 12 * (y1 - y0 + 1)
    peak = max(dated, key=lambda m: (m.count, -m.year, -m.month))
    w = 100 / columns
    gap = w * 0.14
    bars = []
    for m in dated:
        i = (m.year - y0) * 12 + m.month - 1
        height = max(2, round(m.count * BAR_AREA / peak.count))
        right = 100 - i * w
        x, width, left = round(right - w + gap, 3), round(w - 2 * gap, 3), round(right - w, 3)
        bars.append(Bar(x, width, left, round(w, 3), height, m, describe(m)))
    ticks = [_x(12 * k, columns) for k in range(1, y1 - y0 + 1)]
    hijri, gregorian = (lambda y: f"{num(y)} هـ"), num
    primary, secondary = (hijri, gregorian) if calendar == "hijri" else (gregorian, hijri)
    labels = _thin([(y, _x(12 * (y - y0) + 6, columns)) for y in range(y0, y1 + 1)], primary)
    other_ticks, other = _other_years(calendar, y0, y1, adjust, columns)
    other_labels = _thin(other, secondary)
    years = year_groups(months[::-1] if descending else months)
    return Strip(
        bars=bars,
        ticks=ticks,
        other_ticks=other_ticks,
        labels=labels,
        other_labels=other_labels,
        months=months,
        years=years,
        peak=peak,
        first=dated[0],
        last=dated[-1],
        total=sum(m.count for m in months),
        calendar=calendar,
    )


def _column(day: dt.date, calendar: str, y0: int, adjust: int) -> float | None:
    """Months (fractional) from the strip's start to `day`."""
    if calendar == "hijri":
        h = to_hijri(day, adjust)
        length = month_length(h.year, h.month) if h else None
        if h is None or not length:
            return None
        return (h.year - y0) * 12 + h.month - 1 + (h.day - 1) / length
    days = gregorian_calendar.monthrange(day.year, day.month)[1]
    return (day.year - y0) * 12 + day.month - 1 + (day.day - 1) / days


def _other_years(
    calendar: str, y0: int, y1: int, adjust: int, columns: int
) -> tuple[list[float], list[tuple[int, float]]]:
    """Where each year of the other calendar starts on the strip, and where
    its label goes (the middle of its visible part, if a quarter year shows)."""
    span = (month_span(y0, 0, calendar, adjust), month_span(y1, 0, calendar, adjust))
    if span[0] is None or span[1] is None:
        return [], []
    start, end = span[0][0], span[1][1]
    if calendar == "hijri":
        years = range(start.year, end.year + 2)
        starts = {y: dt.date(y, 1, 1) if y <= 9999 else None for y in years}
    else:
        h1, h2 = to_hijri(start, adjust), to_hijri(end, adjust)
        if h1 is None or h2 is None:
            return [], []
        years = range(h1.year, h2.year + 2)
        starts = {y: from_hijri(y, 1, 1, adjust) for y in years}
    cols: dict[int, float] = {}
    for y, day in starts.items():
        col = _column(day, calendar, y0, adjust) if day else None
        if col is not None:
            cols[y] = col
    ticks = [_x(c, columns) for c in cols.values() if 0 < c < columns]
    labels = []
    for y in years:
        if y in cols and y + 1 in cols:
            a, b = max(cols[y], 0), min(cols[y + 1], columns)
            if b - a >= (2 if columns <= 24 else 3):  # room for its label
                labels.append((y, _x((a + b) / 2, columns)))
    return ticks, labels


# ---------------------------------------------------------------- for templates


def template_helpers(fmt: Any, descending: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """The filters and globals the strip, the pager and the headings use
    (themes/README.md): `alt_period`, `month_name`; `strip`."""

    def alt_period(group: Any) -> str:
        calendar = getattr(group, "calendar", "gregorian")
        month = getattr(group, "month", 0)
        return other_calendar(group.year, month, calendar, fmt.adjust, fmt.num, fmt.months)

    def name_of_month(group: Any) -> str:
        calendar = getattr(group, "calendar", "gregorian")
        return month_name(getattr(group, "month", 0), calendar, fmt.months)

    def describe(m: MonthCount) -> str:
        return f"{fmt.period(m)} ({alt_period(m)}): {events_count(m.count, fmt.num)}"

    last: list[Any] = [None, None]  # the months last asked for, and their strip

    def strip(months: tuple[MonthCount, ...]) -> Strip | None:
        # A listing's pages ask with the very same tuple, one after another:
        # hashing its hundreds of months for the cache was most of the call.
        if months is last[0] and type(months) is tuple:
            return last[1]  # type: ignore[no-any-return]
        found = draw_strip(tuple(months), descending, fmt.adjust, fmt.num, describe)
        last[:] = months, found  # holding the tuple keeps its identity unique
        return found

    # What each reads of the group it is given (deps.py follows those reads).
    alt_period.reads = ("calendar", "month", "year")  # type: ignore[attr-defined]
    name_of_month.reads = ("calendar", "month")  # type: ignore[attr-defined]
    filters = {"alt_period": alt_period, "month_name": name_of_month}
    return filters, {"strip": strip}


def events_count(n: int, num: Callable[[object], str]) -> str:
    """«حدث واحد», «حدثان», «3 أحداث», «11 حدثًا», «100 حدث» (as macros.html)."""
    r = n % 100
    if n == 0:
        return "لا أحداث"
    if n == 1:
        return "حدث واحد"
    if n == 2:
        return "حدثان"
    if 3 <= r <= 10:
        return f"{num(n)} أحداث"
    if 11 <= r <= 99:
        return f"{num(n)} حدثًا"
    return f"{num(n)} حدث"
