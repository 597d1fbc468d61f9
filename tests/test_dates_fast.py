"""The date reader's shortcuts must read exactly what the slower code they replace read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re

import pytest

from generator.arabic.date_scan import DROP, fold, original
from generator.arabic.dates import _NOT_EVENT_RE, DateValue, _from_day, _may_govern, find_date
from generator.arabic.normalize import DIGITS

REF = dt.date(2024, 3, 14)  # a Thursday
TODAY = dt.date(2026, 1, 1)


def test_from_day_is_the_regex_it_replaced() -> None:
    regex = re.compile(r"(?<!\w)من\s+$")
    rng = random.Random(2)
    pieces = ["من", "ضمن", "الامن", " ", "  ", "\n", "،", "يوم", "5", "_", "م", "ن"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        s = rng.randint(0, len(text))
        since = rng.randint(0, s)
        expected = regex.search(text, since, s) is not None
        assert _from_day(text, since, s) == expected, (text, since, s)


def _slow_fold(text: str) -> str:
    text = DROP.sub("", text)
    for old, new in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه")):
        text = text.replace(old, new)
    return text.translate(DIGITS)


def test_fold_matches_the_plain_fold_and_maps_back() -> None:
    rng = random.Random(3)
    pieces = ["أ", "ى", "ة", "ب", " ", "\u064e", "\u0640", "\u200f", "٣", "۷", "4", "هـ"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        folded, dropped = fold(text)
        assert folded == _slow_fold(text)
        kept = [i for i, ch in enumerate(text) if not DROP.match(ch)]
        assert [original(k, dropped) for k in range(len(folded))] == kept


def test_a_day_and_month_after_yawm_with_a_slash() -> None:
    found = find_date("وصل الوفد يوم 28/9 إلى العاصمة", REF, TODAY)
    assert found.date is not None and found.date.start == dt.date(2023, 9, 28)
    assert find_date("وصل الوفد يوم 28 إلى العاصمة", REF, TODAY).date is None


def test_min_governs_a_weekday_only_as_a_word() -> None:
    governed = find_date("تسري الإجراءات الجديدة من يوم الخميس", REF, TODAY)
    assert governed.date is None and [m.start for m in governed.mentions] == [REF]
    free = find_date("عقد مجلس الأمن يوم الخميس جلسة طارئة", REF, TODAY)
    assert free.date is not None and free.date.start == REF


@pytest.mark.parametrize("text", ["قال الوزير اليوم", "في 7 آذار 2011", "منتصف رمضان 1445 هـ"])
def test_found_dates_are_ordinary_frozen_values(text: str) -> None:
    value = find_date(text, REF, TODAY).date
    assert value is not None
    rebuilt = DateValue(**{f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
    assert value == rebuilt and hash(value) == hash(rebuilt)
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.written = "x"  # type: ignore[misc]


def test_the_governing_word_precheck_never_hides_a_match() -> None:
    rng = random.Random(5)
    pieces = ["منذ", "حتي", "اعتبارا", "من", "يوم", "الي", "غايه", "قبل", " ", "  ", "\n", "x", "5"]
    hits = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        s = rng.randint(0, len(text))
        since = max(0, s - 40)
        if _NOT_EVENT_RE.search(text, max(since, s - 20), s) is not None:
            hits += 1
            assert _may_govern(text[since:s]), (text, s)
    assert hits > 100  # the property was exercised
