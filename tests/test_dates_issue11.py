"""Issue 11's list of date kinds, one test per kind, on sentences written for
the test (none comes from a gold or unseen set). Expected dates are worked out
by hand, or from hijridate for the Hijri calendar, never from the code.

Most kinds already read right when this file was written (the issue was filed
before the rules of `test_dates_rules.py`); the Hijri ranges written with one
year or in numbers, a bare weekday in a sentence about what will happen, and
the `announced` mark were new.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hijridate import Hijri

from generator.arabic.dates import find_date

D = dt.date
TODAY = D(2026, 11, 29)
# 2024-03-01 is a Friday.
FRI, SUN, TUE, WED = D(2024, 3, 1), D(2024, 3, 3), D(2024, 3, 5), D(2024, 3, 6)


def hijri(y: int, m: int, d: int) -> str:
    return Hijri(y, m, d).to_gregorian().isoformat()


def read(text: str, reference: dt.date) -> tuple[str, str] | None:
    found = find_date(text, reference, TODAY)
    return (found.date.start.isoformat(), found.date.precision) if found.date else None


# -------------------------------------------------------- tomorrow and next


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("يلتقي الوزير نظيره الفرنسي مساء يوم غد السبت في باريس", FRI, "2024-03-02"),
        ("يصل الوفد الأمريكي إلى بغداد غداً الاثنين", SUN, "2024-03-04"),
        ("تنطلق الانتخابات البلدية يوم الأحد المقبل في كل المحافظات", WED, "2024-03-10"),
        ("يفتتح الرئيس المعرض الدولي للكتاب يوم الأحد القادم", WED, "2024-03-10"),
    ],
)
def test_tomorrow_and_next_weekday_date_the_coming_act(
    text: str, reference: dt.date, expected: str
) -> None:
    assert read(text, reference) == (expected, "day")


def test_last_night_is_the_day_before() -> None:
    assert read("قصفت الطائرات مواقع في شرق المدينة الليلة الماضية", WED) == ("2024-03-05", "day")


# ------------------------------------------------- a month relative to the story


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("منذ أيار الماضي، تدير لجنة مؤقتة شؤون البلدية", "2023-05-01"),
        ("منذ تموز/يوليو الماضي، يتولى مجلس انتقالي إدارة المدينة", "2023-07-01"),
        # a month after the story's month: last year's
        ("منذ نيسان الماضي، تشرف البعثة على المعبر", "2023-04-01"),
        # the story's own month named «الماضي» is last year's too
        ("منذ آذار الماضي، يغلق المعبر كل ليلة", "2023-03-01"),
    ],
)
def test_since_a_past_month_is_that_month(text: str, expected: str) -> None:
    assert read(text, WED) == (expected, "month")


@pytest.mark.parametrize("part", ["مطلع", "أواخر", "نهاية", "بداية", "أوائل", "منتصف"])
def test_a_part_of_a_named_month_keeps_the_month(part: str) -> None:
    text = f"اندلعت الاحتجاجات في العاصمة {part} شهر أيلول 2019 واتسعت بعد ذلك"
    assert read(text, WED) == ("2019-09-01", "month")


def test_a_day_of_the_current_month_is_that_day() -> None:
    text = "افتتح الوزير المستشفى الجديد في الخامس من الشهر الجاري"
    assert read(text, D(2024, 3, 20)) == ("2024-03-05", "day")


# ------------------------------------------------------- numbers written loosely


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقعت الحكومة مذكرة التفاهم بتاريخ12 -5-2018 في مقر الوزارة", "2018-05-12"),
        ("صدر القرار يوم 3/ 9/ 1444 هـ بتعيين المحافظ", hijri(1444, 9, 3)),
        ("صدر القرار بتاريخ 3 /9/1444هـ", hijri(1444, 9, 3)),
    ],
)
def test_numeric_dates_with_loose_spaces(text: str, expected: str) -> None:
    assert read(text, WED) == (expected, "day")


# ------------------------------------------------------------- Hijri in context


def test_both_calendars_that_agree_give_no_warning() -> None:
    # 1 Rabi' al-Awwal 1446 is Wednesday 4 September 2024 by Umm al-Qura.
    text = "أقيم الحفل يوم الأربعاء 4 سبتمبر 2024 الموافق 1 ربيع الأول 1446 هـ"
    found = find_date(text, D(2024, 9, 6), TODAY)
    assert found.date is not None and found.date.start == D(2024, 9, 4)
    assert found.warnings == []


def test_both_calendars_a_day_apart_warn_and_the_gregorian_wins() -> None:
    text = "انطلق المهرجان غرة شهر ربيع الأول لعام 1446 هـ الموافق 5 سبتمبر 2024"
    found = find_date(text, D(2024, 9, 6), TODAY)
    assert found.date is not None and found.date.start == D(2024, 9, 5)
    assert any("1 day apart" in w for w in found.warnings)


def test_a_weekday_that_does_not_fit_the_date_warns() -> None:
    text = "أقيم الحفل يوم الخميس 1 ربيع الأول 1446 هـ في المدينة"
    found = find_date(text, D(2024, 9, 6), TODAY)
    assert found.date is not None and found.date.start == D(2024, 9, 4)
    assert any("does not match" in w for w in found.warnings)


def test_a_hijri_day_without_a_year_takes_the_story_year() -> None:
    text = "احتفل الأهالي في اليوم العاشر من شهر شوال بعودة الحجاج"
    assert read(text, D(2024, 5, 1)) == (hijri(1445, 10, 10), "day")


@pytest.mark.parametrize(
    ("text", "reference", "start", "end"),
    [
        (
            "أقيمت الدورة من 10 إلى 12 ربيع الآخر 1445 هـ في الرياض",
            WED,
            (1445, 4, 10),
            (1445, 4, 12),
        ),
        ("عقد المؤتمر بين 10 و12 ربيع الآخر 1445 هـ", WED, (1445, 4, 10), (1445, 4, 12)),
        # in numbers: the first day, not the last
        ("عقدت الندوة في الفترة من 5 إلى 7/ 3/ 1445هـ بجدة", WED, (1445, 3, 5), (1445, 3, 7)),
        ("عقدت الندوة في الفترة 5-7/3/1445هـ بجدة", WED, (1445, 3, 5), (1445, 3, 7)),
        # across two months, the year written once, at the end
        (
            "امتدت الإجازة من 25 ذي الحجة إلى 5 محرم 1446 هـ",
            D(2024, 8, 6),
            (1445, 12, 25),
            (1446, 1, 5),
        ),
        (
            "امتدت العطلة من 25 رمضان إلى 5 شوال 1445 هـ في المدارس",
            D(2024, 5, 1),
            (1445, 9, 25),
            (1445, 10, 5),
        ),
    ],
)
def test_hijri_ranges_are_dated_at_their_start(
    text: str, reference: dt.date, start: tuple[int, int, int], end: tuple[int, int, int]
) -> None:
    found = find_date(text, reference, TODAY)
    assert found.date is not None
    assert found.date.start.isoformat() == hijri(*start)
    assert found.date.end is not None and found.date.end.isoformat() == hijri(*end)
    assert found.date.calendar == "hijri"


def test_a_gregorian_range_in_numbers_is_dated_at_its_start() -> None:
    found = find_date("زار الوفد الرباط من 5 إلى 7/3/2024 والتقى عددا من المسؤولين", WED, TODAY)
    assert found.date is not None
    assert (found.date.start, found.date.end) == (D(2024, 3, 5), D(2024, 3, 7))


# ------------------------------------------------------ choosing among several


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # an anniversary's date is not the event's
        (
            "أحيا المواطنون الأحد الذكرى الخامسة للثورة التي انطلقت في 17 أكتوبر 2019",
            D(2024, 10, 22),
            ("2024-10-20", "day"),
        ),
        # a law's year is not the event's
        (
            "عين الوزير محافظا للبنك المركزي أمس بموجب القانون رقم 5 لسنة 2010",
            WED,
            ("2024-03-05", "day"),
        ),
        # a later schedule is not the event's
        (
            "وقع الطرفان أمس اتفاقا يدخل حيز التنفيذ في 1 أبريل 2024",
            WED,
            ("2024-03-05", "day"),
        ),
        # a span of years is dated at its start
        ("شغل منصب وزير الداخلية بين عامي 1999 و2004", WED, ("1999-01-01", "year")),
    ],
)
def test_the_main_event_date_among_several(
    text: str, reference: dt.date, expected: tuple[str, str]
) -> None:
    assert read(text, reference) == expected


# ---------------------------------------------- a bare weekday that looks ahead


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # the main verb is the coming act, the weekday set off by commas
        ("يتوجه وزير الخارجية، الأحد، إلى الرياض في زيارة رسمية", D(2024, 3, 1), "2024-03-03"),
        # in Latin-lettered dateline first
        ("AFP - تعقد اللجنة ، الخميس ، اجتماعها الأول", D(2024, 3, 5), "2024-03-07"),
        # the weekday of the reference itself is that day
        ("يصل الوزير الثلاثاء إلى الرياض", TUE, "2024-03-05"),
    ],
)
def test_a_bare_weekday_after_a_coming_verb_is_the_next_one(
    text: str, reference: dt.date, expected: str
) -> None:
    assert read(text, reference) == (expected, "day")


@pytest.mark.parametrize(
    "text",
    [
        # announced: the announcement is the event, the Thursday only named
        "أعلنت الهيئة أن أول أيام العيد سيكون يوم الخميس",
        # a day that follows a coming day is later still
        "أعلنت الهيئة أن غدا الأربعاء آخر أيام الشهر، وأن يوم الخميس أول أيام العيد",
    ],
)
def test_a_weekday_announced_as_coming_is_not_the_last_one(text: str) -> None:
    found = find_date(text, TUE, TODAY)
    assert found.date is None  # the story's own date applies
    assert [m.start for m in found.mentions][-1] == D(2024, 3, 7)


@pytest.mark.parametrize(
    "text",
    [
        "تلقى الوزير، الأحد، اتصالا هاتفيا من نظيره",  # «تلقى» is past, not «تُلقي»
        "وصل الوزير، الأحد، إلى الرياض",
        "انفجرت سيارة مفخخة الأحد في وسط المدينة",  # «سيارة» is no future verb
        "قال الوزير الذي يزور بغداد، الأحد، إن المحادثات كانت مثمرة",
    ],
)
def test_a_bare_weekday_in_a_past_sentence_is_the_last_one(text: str) -> None:
    assert read(text, TUE) == ("2024-03-03", "day")


# ----------------------------------------------------------------- announced


def test_a_coming_day_is_marked_announced() -> None:
    found = find_date("يزور الرئيس الجزائر يوم الأحد المقبل", WED, TODAY)
    assert found.date is not None and found.date.start == D(2024, 3, 10)
    assert found.date.announced


@pytest.mark.parametrize(
    "text",
    ["زار الرئيس الجزائر يوم الأحد الماضي", "يزور الرئيس الجزائر اليوم", "زار الرئيس الجزائر"],
)
def test_a_day_that_has_come_is_not_announced(text: str) -> None:
    found = find_date(text, WED, TODAY)
    assert found.date is None or not found.date.announced
