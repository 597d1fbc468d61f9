"""Dates as newsrooms write them beyond issue 11's list (issue 11, session 6):
regional month names and pairs, relative words, Hijri formulas, parts of a
month, numbers written against words. Every sentence is written for the test
(none comes from a gold or unseen set); expected dates are worked out by hand,
or from hijridate for the Hijri calendar, never from the code. Which of a
sentence's dates is the event's: `test_dates_event.py`.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hijridate import Hijri

from generator.arabic.dates import find_date

D = dt.date
TODAY = D(2026, 11, 29)
WED = D(2024, 3, 6)  # a Wednesday


def read(text: str, reference: dt.date) -> tuple[str, str] | None:
    found = find_date(text, reference, TODAY)
    return (found.date.start.isoformat(), found.date.precision) if found.date else None


# -------------------------------------------------------- spellings and pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Maghreb's month names
        ("افتتح الوزير المعرض الدولي في 12 شتنبر 2023 بالرباط", ("2023-09-12", "day")),
        ("وقعت الحادثة في غشت الماضي قرب الميناء", ("2023-08-01", "month")),
        ("انطلقت الحملة في 3 يوليوز 2023 بالدار البيضاء", ("2023-07-03", "day")),
        # both names of a month, in either order, with a slash or brackets
        ("وقع الطرفان الاتفاق يوم 5 يونيو/حزيران 2023 في الدوحة", ("2023-06-05", "day")),
        ("وقع الطرفان الاتفاق يوم 5 حزيران/يونيو 2023 في الدوحة", ("2023-06-05", "day")),
        ("وقع الطرفان الاتفاق في 5 يونيو (حزيران) 2023 في الدوحة", ("2023-06-05", "day")),
        ("بدأت المفاوضات في يونيو/حزيران الماضي في الدوحة", ("2023-06-01", "month")),
        ("سقط الجسر في الثالث من تشرين الأول/أكتوبر 2023", ("2023-10-03", "day")),
    ],
)
def test_regional_month_names_and_pairs(text: str, expected: tuple[str, str]) -> None:
    assert read(text, WED) == expected


# ------------------------------------------------------------- relative words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عاد الوزير أول أمس إلى العاصمة", ("2024-03-04", "day")),
        ("عاد الوزير أول من أمس إلى العاصمة", ("2024-03-04", "day")),
        ("يصل الوزير بعد غد إلى العاصمة", ("2024-03-08", "day")),
        ("يصل الوزير إلى العاصمة بعد غد الجمعة", ("2024-03-08", "day")),
        # no week precision: the month of the coming week
        ("يزور الوزير الرياض مطلع الأسبوع المقبل", ("2024-03-01", "month")),
        ("تنطلق الحملة الوطنية منتصف الشهر الجاري", ("2024-03-01", "month")),
        ("ارتفعت الأسعار بشكل حاد العام الماضي", ("2023-01-01", "year")),
        ("ارتفعت الأسعار بشكل حاد أواخر العام المنصرم", ("2023-01-01", "year")),
    ],
)
def test_relative_words(text: str, expected: tuple[str, str]) -> None:
    assert read(text, WED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عرض الوزير هذا الشهر خطة جديدة للنقل على البرلمان", ("2024-03-01", "month")),
        ("تضاعفت صادرات الفوسفات هذا العام بفضل الطلب الخارجي", ("2024-01-01", "year")),
        ("ارتفعت الأسعار مطلع هذا الشهر في الأسواق", ("2024-03-01", "month")),
    ],
)
def test_this_month_and_this_year(text: str, expected: tuple[str, str]) -> None:
    assert read(text, D(2024, 3, 20)) == expected


def test_this_month_with_an_adjective_is_a_noun_not_a_date() -> None:
    text = "دعا الإمام أن يعيد الله هذا الشهر الكريم على الأمة بالخير"
    assert read(text, D(2024, 3, 20)) is None


# ---------------------------------------------------------------------- Hijri


@pytest.mark.parametrize(
    "text",
    [
        "زار الوزير المدينة في 20 شعبان 1445 هـ الموافق 1 مارس 2024",
        "زار الوزير المدينة يوم الجمعة 20 شعبان 1445 هـ الموافق لـ 1 مارس 2024م",
        "زار الوزير المدينة يوم 1 مارس 2024 الموافق 20 شعبان 1445 هـ",
    ],
)
def test_a_hijri_date_restated_with_al_muwafiq(text: str) -> None:
    assert Hijri(1445, 8, 20).to_gregorian().isoformat() == "2024-03-01"
    found = find_date(text, WED, TODAY)
    assert found.date is not None and found.date.start == D(2024, 3, 1)
    assert found.warnings == []


def test_a_hijri_date_linked_by_huwa_warns_on_the_day_and_the_weekday() -> None:
    # 1 Rabi' al-Awwal 1446 is Wednesday 4 September 2024; the text says the 5th.
    text = "غرة شهر ربيع الأول لعام 1446 هـ هو يوم الأربعاء 5 شتنبر 2024 م"
    found = find_date(text, D(2024, 9, 6), TODAY)
    assert found.date is not None and found.date.start == D(2024, 9, 5)
    assert any("1 day apart" in w for w in found.warnings)
    assert any("does not match" in w for w in found.warnings)


def test_the_first_of_a_month_after_li() -> None:
    # 21 Ramadan 1445 is 31 March 2024 by Umm al-Qura; the source, a day behind,
    # restates it as the first of April: the Gregorian day it writes wins.
    assert Hijri(1445, 9, 21).to_gregorian() == D(2024, 3, 31)
    text = "افتتح الوزير المعرض يومه الاثنين 21 رمضان، الموافق لفاتح أبريل 2024"
    found = find_date(text, D(2024, 4, 1), TODAY)
    assert found.date is not None and found.date.start == D(2024, 4, 1)
    assert any("1 day apart" in w for w in found.warnings)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # the epithets «الكريم/الفضيل» between the month and its year
        ("كرمت الجمعية حفظة القرآن في 10 رمضان الكريم 1444 هـ", D(2024, 3, 25), (1444, 9, 10)),
        ("كرمت الجمعية حفظة القرآن في 10 رمضان الفضيل 1444 هـ", D(2024, 3, 25), (1444, 9, 10)),
        # «شهر الله المحرم»
        ("انطلقت القافلة في الخامس من شهر الله المحرم 1445 هـ", D(2023, 7, 25), (1445, 1, 5)),
    ],
)
def test_hijri_month_formulas(
    text: str, reference: dt.date, expected: tuple[int, int, int]
) -> None:
    found = find_date(text, reference, TODAY)
    assert found.date is not None and found.date.precision == "day"
    assert found.date.start.isoformat() == Hijri(*expected).to_gregorian().isoformat()


def test_a_year_in_the_1400s_without_a_mark_is_hijri() -> None:
    first = Hijri(1445, 1, 1).to_gregorian()
    found = find_date("توفي الشيخ الجليل عام 1445 في مدينته", D(2024, 3, 20), TODAY)
    assert found.date is not None and found.date.calendar == "hijri"
    assert (found.date.start, found.date.precision) == (first, "year")
    # marked as a Gregorian year, it is one; and so is a Hijri year still to come
    for text in ("بنى السلطان المسجد عام 1453م", "بنى السلطان المسجد عام 1453"):
        found = find_date(text, D(2024, 3, 20), TODAY)
        assert found.date is not None and found.date.start == D(1453, 1, 1)


# ----------------------------------------------------------- parts of a month


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تراجعت الصادرات في النصف الثاني من فبراير الماضي", ("2024-02-01", "month")),
        ("انطلقت الحملة في الأسبوع الأول من مارس الجاري", ("2024-03-01", "month")),
        ("تضاعفت الأسعار في الربع الأول من يناير", ("2024-01-01", "month")),
        # «من» before a month with nothing else: the month
        ("تراجعت الصادرات في النصف الثاني من فبراير", ("2024-02-01", "month")),
        # an ordinal day is still a day
        ("انطلقت الحملة في الثاني من مارس الجاري", ("2024-03-02", "day")),
        ("انطلقت الحملة في اليوم الثاني من مارس الجاري", ("2024-03-02", "day")),
    ],
)
def test_an_ordinal_part_of_a_month_is_no_day(text: str, expected: tuple[str, str]) -> None:
    assert read(text, D(2024, 3, 20)) == expected


# ---------------------------------------------------------- numbers and lists


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("افتتح الوزير الجسر مساء السبت 9 مارس2024م بحضور الأهالي", "2024-03-09"),
        ("افتتح الوزير الجسر يوم 9مارس 2024 بحضور الأهالي", "2024-03-09"),
    ],
)
def test_a_month_written_against_its_number(text: str, expected: str) -> None:
    assert read(text, D(2024, 3, 20)) == (expected, "day")


@pytest.mark.parametrize(
    "text",
    [
        "وقع الطرفان الاتفاق بتاريخ 15/3 في مقر الوزارة",
        "وقع الطرفان الاتفاق يوم الجمعة 15/3 في مقر الوزارة",
        "وقع الطرفان الاتفاق يوم 15/3 في مقر الوزارة",
    ],
)
def test_a_day_and_month_in_numbers(text: str) -> None:
    assert read(text, D(2024, 3, 20)) == ("2024-03-15", "day")


def test_two_days_of_the_current_month_without_its_name() -> None:
    text = "نظمت الجمعية يومي 18 و19 الجاري ندوة حول الماء"
    assert read(text, D(2024, 3, 20)) == ("2024-03-18", "day")


def test_the_second_day_of_a_list_with_a_plural_direction() -> None:
    text = "قررت النقابة الثلاثاء خوض إضراب يومي 24 أبريل و22 مايو المقبلين"
    found = find_date(text, D(2024, 3, 20), TODAY)
    assert found.date is not None and found.date.start == D(2024, 3, 19)
    assert D(2024, 5, 22) in [m.start for m in found.mentions]


def test_whoever_practised_is_no_month() -> None:
    # «مارس» is also the verb «practised»: «من» alone before it is no lead
    assert read("انتقد الوزير كل من مارس الضغط على القضاء", D(2024, 3, 20)) is None
