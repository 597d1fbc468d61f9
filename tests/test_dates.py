"""Dates as Arabic news writes them.

Sentence cases live in tests/data/dates_cases.jsonl (one phenomenon a line).
The rules are checked here against the calendar itself: month tables written
out independently of the code, Hijri dates against hijridate both ways, and
year-less or weekday dates against a brute-force search of the calendar, never
against the code's own output.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hijridate import Gregorian, Hijri

from generator.arabic.dates import DateFinding, find_date

REF = dt.date(2015, 10, 1)  # a Thursday; 18 Dhu al-Hijja 1436
TODAY = dt.date(2026, 11, 25)
D = dt.date
CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data/dates_cases.jsonl").read_text("utf-8").splitlines()
]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


def spans_hold(text: str, found: DateFinding) -> bool:
    values = ([found.date] if found.date else []) + found.mentions
    return all(text[slice(*v.span)] == v.written for v in values)


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['phenomenon']}-{i}" for i, c in enumerate(CASES, 1)]
)
def test_sentence(case: dict[str, Any]) -> None:
    reference = D.fromisoformat(case["reference"]) if case["reference"] else None
    found = find_date(case["text"], reference, TODAY)
    assert spans_hold(case["text"], found)
    if case["start"] is None:  # not a date at all
        assert found.date is None and not found.mentions, found
        return
    if case.get("mention"):  # named, but not the event's date
        assert found.date is None
        assert [(m.start.isoformat(), m.written) for m in found.mentions] == [
            (case["start"], case["written"])
        ]
        return
    got = found.date
    assert got is not None, found.warnings
    assert got.start.isoformat() == case["start"]
    assert (got.precision, got.basis, got.written) == (
        case["precision"],
        case["basis"],
        case["written"],
    )
    assert got.calendar == case.get("calendar", "gregorian")
    assert (got.end.isoformat() if got.end else None) == case.get("end")
    assert sorted(m.start.isoformat() for m in found.mentions) == sorted(case.get("mentions", []))
    if "warning" in case:
        assert any(case["warning"] in w for w in found.warnings), found.warnings


def test_the_seed_dates_in_both_calendars() -> None:
    for text, day, hijri in [
        ("أجرت وزارتا الدفاع الروسية والأمريكية الخميس 1 تشرين الأول بطلب من الأخيرة", 1, 18),
        ("وافق مجلس الاتحاد الروسي في جلسته الأربعاء 30 أيلول على طلب الرئيس", 30, 17),
    ]:
        found = find_date(text, REF, TODAY)
        assert found.date and found.date.start == D(2015, 10 if day == 1 else 9, day)
        assert not found.warnings
        h = Gregorian.fromdate(found.date.start).to_hijri()
        assert (h.year, h.month, h.day) == (1436, 12, hijri)


# ---------------------------------------------------------------- month names

GREGORIAN_NAMES = {
    "كانون الثاني": 1, "كانون 2": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين 1": 10, "تشرين الثاني": 11,
    "تشرين 2": 11, "كانون الأول": 12, "كانون 1": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}  # fmt: skip


@pytest.mark.parametrize(("name", "month"), GREGORIAN_NAMES.items())
def test_every_gregorian_month_name(name: str, month: int) -> None:
    text = f"وقع الحادث في 14 {name} 2013 قرب الحدود"
    found = find_date(text, REF, TODAY)
    assert (
        found.date
        and found.date.start == D(2013, month, 14)
        and found.date.written.endswith(f"{name} 2013")
    )
    # With a clitic and no day: a month of that year.
    found = find_date(f"بدأت الحملة في {name} 2013 وانتهت", REF, TODAY)
    assert found.date and (found.date.start, found.date.precision) == (D(2013, month, 1), "month")


HIJRI_NAMES = {
    "محرم": 1, "المحرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "رجب": 7,
    "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12,
    "ذي الحجة": 12,
}  # fmt: skip


@pytest.mark.parametrize(("name", "month"), HIJRI_NAMES.items())
@pytest.mark.parametrize("mark", ["هـ", "هجري", "للهجرة"])
def test_hijri_dates_convert_exactly_both_ways(name: str, month: int, mark: str) -> None:
    text = f"صدر الأمر الملكي في 9 {name} 1434 {mark} بتعيينه"
    found = find_date(text, REF, TODAY)
    assert found.date and found.date.calendar == "hijri"
    assert found.date.written == f"9 {name} 1434 {mark}"
    g = Hijri(1434, month, 9).to_gregorian()
    assert found.date.start == D(g.year, g.month, g.day)
    back = Gregorian.fromdate(found.date.start).to_hijri()
    assert (back.year, back.month, back.day) == (1434, month, 9)


@pytest.mark.parametrize("adjust", [-2, -1, 0, 1, 2])
def test_local_sighting_shifts_hijri_days(adjust: int) -> None:
    plain = find_date("صدر الأمر في 12 ذو الحجة 1436 هـ", REF, TODAY).date
    local = find_date("صدر الأمر في 12 ذو الحجة 1436 هـ", REF, TODAY, hijri_adjust=adjust).date
    assert plain and local and plain.start - local.start == dt.timedelta(days=adjust)


def test_a_sighting_a_day_behind_umm_al_qura_fits_its_weekday() -> None:
    # A source a day behind Umm al-Qura: its «الاثنين 10 شوال 1444» is Umm
    # al-Qura's 11th (10 Shawwal 1444 is Sunday 30 April 2023 by Umm al-Qura).
    text = "يلقي الوزير كلمته الاثنين 10 شوال 1444 هـ الموافق 1 ماي 2023 م"
    found = find_date(text, D(2023, 5, 1), TODAY, hijri_adjust=-1)
    assert found.date and found.date.start == D(2023, 5, 1) and not found.warnings
    assert [m.start for m in found.mentions] == [D(2023, 5, 1)]


def test_a_hijri_year_is_the_whole_year() -> None:
    found = find_date("صدر النظام عام 1440 هـ بعد دراسة", D(2020, 1, 1), TODAY)
    first, last = Hijri(1440, 1, 1).to_gregorian(), Hijri(1440, 12, 1)
    assert found.date and found.date.precision == "year" and found.date.calendar == "hijri"
    assert found.date.start == D(first.year, first.month, first.day)
    end = last.to_gregorian()
    assert found.date.end == D(end.year, end.month, end.day) + dt.timedelta(
        days=last.month_length() - 1
    )


# ---------------------------------------------------------------- years fixed by rule


def latest_not_after(month: int, day: int, ref: dt.date) -> dt.date:
    return max(
        D(y, month, day) for y in range(ref.year - 8, ref.year + 1) if valid(y, month, day)
        if D(y, month, day) <= ref
    )  # fmt: skip


def valid(year: int, month: int, day: int) -> bool:
    try:
        D(year, month, day)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("ref", [D(2015, 10, 1), D(2016, 1, 3), D(2020, 2, 29), D(2023, 12, 31)])
@pytest.mark.parametrize(
    ("written", "month", "day"),
    [("30 أيلول", 9, 30), ("5 كانون الأول", 12, 5), ("1 كانون الثاني", 1, 1),
     ("2 تشرين الأول", 10, 2), ("29 شباط", 2, 29), ("31 ديسمبر", 12, 31)],
)  # fmt: skip
def test_a_year_less_date_is_the_nearest_not_after_the_story(
    ref: dt.date, written: str, month: int, day: int
) -> None:
    found = find_date(f"وقع الانفجار في {written} قرب السوق", ref, TODAY)
    assert found.date and found.date.start == latest_not_after(month, day, ref)
    assert found.date.basis == "explicit" and found.date.written == written
    # «المقبل» after the month: the nearest on or after the story's date.
    ahead = min(
        D(y, month, day) for y in range(ref.year, ref.year + 9) if valid(y, month, day)
        if D(y, month, day) >= ref
    )  # fmt: skip
    found = find_date(f"ستجري الانتخابات في {written} المقبل", ref, TODAY)
    assert found.date and found.date.start == ahead


@pytest.mark.parametrize("ref", [D(2015, 10, 1), D(2015, 10, 4), D(2024, 2, 29)])
@pytest.mark.parametrize("weekday", range(7))
def test_a_weekday_alone_is_the_last_one_on_or_before_the_story(ref: dt.date, weekday: int) -> None:
    found = find_date(f"قال المتحدث {WEEKDAYS[weekday]} إن القوات تقدمت", ref, TODAY)
    expected = next(
        ref - dt.timedelta(k) for k in range(7) if (ref - dt.timedelta(k)).weekday() == weekday
    )
    assert found.date and (found.date.start, found.date.basis) == (expected, "weekday")
    # «المقبل»: the next one after it (a future sentence, so the event's own date).
    found = find_date(f"سيزور الوفد العاصمة يوم {WEEKDAYS[weekday]} المقبل", ref, TODAY)
    ahead = next(
        ref + dt.timedelta(k) for k in range(1, 8) if (ref + dt.timedelta(k)).weekday() == weekday
    )
    assert found.date and found.date.start == ahead


@pytest.mark.parametrize("day", [D(2015, 10, 1), D(2014, 3, 15), D(2011, 1, 25), D(2016, 2, 29)])
def test_a_weekday_that_contradicts_the_date_is_a_warning(day: dt.date) -> None:
    months = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
              "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]  # fmt: skip
    wrong = WEEKDAYS[(day.weekday() + 1) % 7]
    text = f"اجتمع المجلس يوم {wrong} {day.day} {months[day.month - 1]} {day.year}"
    found = find_date(text, D(2020, 1, 1), TODAY)
    assert found.date and found.date.start == day
    [warning] = found.warnings
    assert wrong in warning and day.isoformat() in warning and WEEKDAYS[day.weekday()] in warning
    right = text.replace(wrong, WEEKDAYS[day.weekday()])
    assert not find_date(right, D(2020, 1, 1), TODAY).warnings


# ---------------------------------------------------------------- no story date


@pytest.mark.parametrize(
    ("text", "month", "day", "weekday"),
    [("الخميس 1 تشرين الأول", 10, 1, 3), ("الجمعة 13 آذار", 3, 13, 4), ("الأحد 29 شباط", 2, 29, 6)],
)
@pytest.mark.parametrize("today", [D(2026, 11, 25), D(2026, 5, 1), D(2021, 1, 1)])
def test_without_a_story_date_the_weekday_narrows_the_years(
    text: str, month: int, day: int, weekday: int, today: dt.date
) -> None:
    fits = [
        y
        for y in range(1990, today.year + 1)
        if valid(y, month, day) and D(y, month, day).weekday() == weekday
    ]
    found = find_date(f"اجتمع الوزراء {text} في جنيف", None, today)
    taken = max(y for y in fits if D(y, month, day) <= today)
    assert found.date and found.date.start == D(taken, month, day)
    assert found.date.basis == "weekday"
    [warning] = found.warnings
    assert ", ".join(map(str, fits)) in warning and f"took {taken}" in warning
    assert "date: YYYY-MM-DD" in warning and "front matter" in warning


@pytest.mark.parametrize(
    "text",
    ["وقع الانفجار في 5 آذار", "قال الوزير أمس إن", "قال الخميس إن", "وصل في 17 ذي الحجة",
     "أعلن الشهر الماضي أن", "عين سفيرا في تشرين الثاني"],
)  # fmt: skip
def test_without_a_story_date_nothing_is_guessed(text: str) -> None:
    found = find_date(text, None, TODAY)
    assert found.date is None and not found.mentions
    [warning] = found.warnings
    assert "front matter" in warning


def test_a_full_date_needs_no_story_date() -> None:
    found = find_date("وقع الانفجار في 5 آذار 2015", None, TODAY)
    assert found.date and found.date.start == D(2015, 3, 5) and not found.warnings


# ---------------------------------------------------------------- impossible dates


@pytest.mark.parametrize(
    "written",
    ["30 شباط", "31 نيسان", "31 حزيران", "31 أيلول", "31 تشرين الثاني", "0 آذار", "32 آذار",
     "29 شباط 2015", "30 فبراير 2016", "31/04/2015", "2015-02-30", "5/13/2015", "30 رمضان 1436 هـ"],
)  # fmt: skip
def test_an_impossible_date_is_a_warning_not_a_date(written: str) -> None:
    assert Hijri(1436, 9, 1).month_length() == 29  # so «30 رمضان 1436» is impossible
    found = find_date(f"وقع الحادث في {written} قرب الحدود", REF, TODAY)
    assert found.date is None and not found.mentions
    [warning] = found.warnings
    assert warning.startswith(written) and "not a valid" in warning
    # Beside a real date, that one is the event's, and the warning stays.
    found = find_date(f"وقع الحادث في {written}، وأعلن عنه في 3 آذار 2015", REF, TODAY)
    assert found.date and found.date.start == D(2015, 3, 3) and len(found.warnings) == 1


def test_a_backwards_range_is_a_warning() -> None:
    found = find_date("عقدت الاجتماعات من 7 إلى 5 آذار 2015", REF, TODAY)
    assert found.date is None and "not a valid date range" in found.warnings[0]


def test_it_never_raises() -> None:
    rng = random.Random(4)
    parts = ["5", "31", "٣٠", "۱۲", "2015", "1436", "هـ", "آذار", "كانون 2", "تشرين", "ذي الحجة",
             "الخميس", "يوم", "أمس", "غداً", "بين", "و", "إلى", "من", "/", "-", "(", ")", "،",
             "منذ", "المقبل", "الماضي", "عام", "م", "الشهر", "ـ", "َ", "ّ", "٢٠١٥", "0", "99", "\u200f"]  # fmt: skip
    for _ in range(400):
        text = " ".join(rng.choice(parts) for _ in range(rng.randint(1, 12)))
        for reference in (REF, None):
            found = find_date(text, reference, TODAY, hijri_adjust=rng.randint(-2, 2))
            assert spans_hold(text, found)


# ---------------------------------------------------------------- the event's date


@pytest.mark.parametrize(
    "word", ["منذ", "حتى", "قبل", "بحلول", "مهلة", "اعتبارا من", "ابتداء من", "لغاية", "موعد"]
)
def test_a_governed_date_is_only_a_mention(word: str) -> None:
    found = find_date(f"قال الوزير إن القوات باقية {word} 15 أيلول 2015 على الأقل", REF, TODAY)
    assert found.date is None and [m.start for m in found.mentions] == [D(2015, 9, 15)]
    # Governing words govern the date after them, not the next one too.
    found = find_date(f"عاد السفير {word} 15 أيلول 2015 ثم غادر في 20 أيلول 2015", REF, TODAY)
    assert found.date and found.date.start == D(2015, 9, 20)


def test_a_date_restated_in_brackets_shares_its_governor() -> None:
    # 6 Dhu al-Qa'dah 1446 is Sunday 4 May 2025 by Umm al-Qura.
    text = "ستبدأ الوزارة من يوم الأحد 6 ذي القعدة 1446هـ (4 مايو 2025) تطبيق القرار"
    found = find_date(text, D(2025, 5, 5), TODAY)
    assert found.date is None and {m.start for m in found.mentions} == {D(2025, 5, 4)}


def test_future_dates_belong_to_future_sentences_only() -> None:
    found = find_date("أعلنت المحكمة أن غداً الجمعة 2 تشرين الأول هو أول أيام العيد", REF, TODAY)
    assert found.date is None and found.mentions[0].start == D(2015, 10, 2)
    found = find_date("أعلنت الوزارة أن الخطاب سيبث بعد غد السبت", REF, TODAY)
    assert found.date is None and found.mentions[0].start == D(2015, 10, 3)


def test_a_day_outranks_a_year_or_month_beside_it() -> None:
    found = find_date("أعلنت الوزارة أن فاتح شهر صفر لعام 1437 هـ هو اليوم الخميس", REF, TODAY)
    assert found.date and (found.date.start, found.date.precision) == (D(2015, 10, 1), "day")
    found = find_date("اندلعت الأزمة عام 2011، وقال الوزير أمس إنها انتهت", REF, TODAY)
    assert found.date and found.date.start == D(2015, 9, 30)
