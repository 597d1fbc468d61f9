"""When did it happen? Dates as Arabic news writes them, Gregorian and Hijri.

CONTRACT (used by generator/understand.py; keep these names and fields):

    find_date(text, reference, today, hijri_adjust=0) -> DateFinding

`reference` is the story's date (front matter `date`, --reference-date, …) or
None; `today` is the build date (SOURCE_DATE_EPOCH when set) and is only used
to choose among candidate years when there is no reference.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

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


def find_date(
    text: str, reference: dt.date | None, today: dt.date, hijri_adjust: int = 0
) -> DateFinding:
    raise NotImplementedError
