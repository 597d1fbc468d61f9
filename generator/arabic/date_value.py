"""What a date found in a sentence resolves to (`DateValue`), how one is
built (`Make`), and the small helpers both the Gregorian and the Hijri
resolvers use. Kept apart so that `date_resolve` and `date_hijri` can share
them without importing each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from generator.arabic.date_words import AHEAD, BACK, FIRST_DAY, NOW, ORDINALS, WEEKDAY_NAMES
from generator.arabic.normalize import normalize

# Which way a date points, as the folded text writes it («الفائت» is «الفايت»).
AHEAD_WORDS, BACK_WORDS, NOW_WORDS = (
    frozenset(map(normalize, words)) for words in (AHEAD, BACK, NOW)
)

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
    # The event is announced for a day after the story's own («يصل الوفد غداً»):
    # dated on that day, which had not come when the story was written.
    announced: bool = False


def month_year(month: int, direction: str | None, year: int, current: int) -> int:
    """The year of a month named with a direction from a date in `year`, month
    `current` («أيار الماضي», «شوال المقبل», «الشهر الجاري»; no direction: the
    latest such month not after it). One rule for both calendars."""
    if direction in NOW_WORDS:
        return year
    if direction in AHEAD_WORDS:
        return year + (month <= current)
    if direction in BACK_WORDS:
        return year - (month >= current)
    return year - (month > current)


def key(words: str | None) -> str:
    return " ".join((words or "").split())


def day_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text in FIRST_DAY:
        return FIRST_DAY[text]
    return ORDINALS[key(text[2:])]  # «ال» or «لل» first


def check_weekday(wd: int | None, day: dt.date, written: str, warnings: list[str]) -> None:
    if wd is not None and day.weekday() != wd:
        warnings.append(
            f"weekday {WEEKDAY_NAMES[wd]} in {written!r} does not match {day.isoformat()} "
            f"(a {_ENGLISH_DAYS[day.weekday()]}, {WEEKDAY_NAMES[day.weekday()]})"
        )


# What `strftime("%A")` gives in the C locale, which tarikh never changes:
# the warning names the day the same way without strftime's cost (4 µs).
_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Make:
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
        # A frozen dataclass's __init__ sets each field through object.__setattr__,
        # which costs more than the rest of resolving a relative day: the fields
        # are filled in directly, as __init__ would (same equality and hash).
        value = _new(DateValue)
        value.__dict__.update(
            start=start,
            precision=precision,
            basis=basis,
            written=self.written,
            calendar=calendar,
            end=end,
            span=self.span,
            announced=False,
        )
        return value


_new = object.__new__
