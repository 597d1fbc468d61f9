"""The date rules of issue 11, each on sentences written for the test.

None of these sentences comes from a gold or unseen set: each rule is a rule
of Arabic news writing, so it is checked on a sentence made to show it (and,
where a rule has a limit, on one made to show the limit). Expected dates are
worked out by hand or from hijridate, never from the code.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hijridate import Hijri

from generator.arabic.dates import find_date

D = dt.date
TODAY = dt.date(2026, 11, 29)
SAT, SUN, WED, FRI = D(2024, 3, 2), D(2024, 3, 3), D(2024, 3, 6), D(2024, 3, 8)


def event(text: str, reference: dt.date) -> tuple[str, str, str] | None:
    found = find_date(text, reference, TODAY)
    if found.date is None:
        return None
    return found.date.start.isoformat(), found.date.precision, found.date.written


# ------------------------------------------------------- a coming day is the event's


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # the verb is the coming act itself
        (
            "يعقد مجلس النواب جلسة طارئة يوم غدٍ الأحد لمناقشة الموازنة",
            SAT,
            ("2024-03-03", "day", "يوم غدٍ الأحد"),
        ),
        (
            "يزور الوفد الوزاري العاصمة الأردنية يوم الأحد المقبل",
            WED,
            ("2024-03-10", "day", "يوم الأحد المقبل"),
        ),
        (
            "سيتوجه الرئيس إلى الرباط غداً الاثنين في زيارة رسمية",
            SUN,
            ("2024-03-04", "day", "غداً الاثنين"),
        ),
        (  # reported by sources, still the coming act
            "كشفت مصادر مطلعة أن الوزير سيغادر إلى القاهرة بعد غد الثلاثاء",
            SUN,
            ("2024-03-05", "day", "بعد غد الثلاثاء"),
        ),
        (  # two coming days: the main verb's first
            "تغادر البعثة غداً الاثنين على أن تعود في 20 آذار",
            SUN,
            ("2024-03-04", "day", "غداً الاثنين"),
        ),
    ],
)
def test_a_coming_day_is_the_event_when_the_verb_is_the_coming_act(
    text: str, reference: dt.date, expected: tuple[str, str, str]
) -> None:
    assert event(text, reference) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an announcement or a decision is dated on itself
        "أعلنت وزارة التربية أن المدارس ستغلق غداً الاثنين",
        "قررت المحافظة تعطيل الدراسة في المدارس ليوم غد الاثنين",
        # a preparation is the event, the festival only its aim
        "تستعد مدينة وهران لاحتضان مهرجان يقام غداً الاثنين",
    ],
)
def test_a_coming_day_is_only_named_after_a_decision_or_a_preparation(text: str) -> None:
    found = find_date(text, SUN, TODAY)
    assert found.date is None
    assert [m.start for m in found.mentions] == [D(2024, 3, 4)]


def test_a_coming_day_does_not_beat_today() -> None:
    text = "تسلمت تونس اليوم الأحد رئاسة المجلس الذي سيعقد دورته يومي 3 و4 نوفمبر"
    found = find_date(text, D(2024, 10, 27), TODAY)
    assert found.date is not None and found.date.start == D(2024, 10, 27)
    # written without a year in a clause about what will happen: the next one
    assert [m.start for m in found.mentions] == [D(2024, 11, 3)]


def test_a_past_year_less_day_still_looks_back() -> None:
    found = find_date("انفجرت سيارة مفخخة في 5 كانون الأول قرب السوق", D(2015, 10, 1), TODAY)
    assert found.date is not None and found.date.start == D(2014, 12, 5)


# ------------------------------------------------------------ nights and today's names


def test_last_night_and_tonight() -> None:
    assert event("قصفت الطائرات مواقع في المدينة الليلة الماضية", FRI) == (
        "2024-03-07",
        "day",
        "الليلة الماضية",
    )
    assert event("أعلن الديوان الليلة وفاة الأمير", FRI) == ("2024-03-08", "day", "الليلة")
    assert event("غادر الوفد ليلة أمس إلى عمّان", FRI) == ("2024-03-07", "day", "ليلة أمس")


def test_a_named_day_is_not_today() -> None:
    assert find_date("احتفلت المملكة باليوم الوطني بعروض جوية", FRI, TODAY).date is None
    assert find_date("وفي اليوم التالي عاد الوفد إلى بلاده", FRI, TODAY).date is None


# ------------------------------------------------------------- months of the story


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("منذ أيار الماضي، يتولى نائب الرئيس مهام الرئاسة بالوكالة", ("2023-05", "أيار الماضي")),
        ("ومنذ تموز/يوليو الماضي، تراجعت صادرات النفط", ("2023-07", "تموز/يوليو الماضي")),
        ("اندلعت الاحتجاجات منذ مطلع أكتوبر الماضي", ("2023-10", "أكتوبر الماضي")),
    ],
)
def test_a_since_month_alone_is_when_it_began(text: str, expected: tuple[str, str]) -> None:
    found = find_date(text, FRI, TODAY)
    assert found.date is not None
    assert (found.date.start.isoformat()[:7], found.date.written) == expected
    assert found.date.precision == "month"


def test_from_a_past_day_alone_is_when_it_began() -> None:
    text = "يذكر أن الحكومة منعت الصيد في البحيرة ابتداء من الأحد الماضي إلى أن يصدر قرار جديد"
    found = find_date(text, WED, TODAY)
    assert found.date is not None and found.date.start == D(2024, 3, 3)
    # an announcement of it is dated on the announcement
    text = "أعلنت الوزارة أنها بدأت تطبيق القرار ابتداء من الأحد الماضي"
    assert find_date(text, WED, TODAY).date is None


@pytest.mark.parametrize(
    "text",
    [
        "لم يجتمع المجلس منذ أيار الماضي",  # nothing happened since
        "قال الوزير إن القوات باقية منذ أيار الماضي",  # a state the speaker reports
        "زار الوزير المدينة أمس للمرة الأولى منذ أيار الماضي",  # another date is the event's
    ],
)
def test_a_since_month_is_only_named_otherwise(text: str) -> None:
    found = find_date(text, FRI, TODAY)
    assert found.date is None or found.date.start != D(2023, 5, 1)
    assert D(2023, 5, 1) in [m.start for m in found.mentions]


@pytest.mark.parametrize("part", ["مطلع", "أوائل", "بداية", "منتصف", "أواخر", "نهاية"])
def test_every_part_of_a_month_keeps_the_month(part: str) -> None:
    found = find_date(f"اندلعت الاحتجاجات في {part} شهر أيلول 2019", FRI, TODAY)
    assert found.date is not None
    assert (found.date.start, found.date.precision) == (D(2019, 9, 1), "month")
    found = find_date(f"عاد الوزير إلى بلاده {part} أيلول", FRI, TODAY)
    assert found.date is not None and (found.date.start, found.date.precision) == (
        D(2023, 9, 1),
        "month",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقعت الحكومة الاتفاق في الخامس من الشهر الجاري", D(2024, 3, 5)),
        ("أطلق سراح الصحفي في العاشر من الشهر الماضي", D(2024, 2, 10)),
        ("وصل الوفد يوم 12 من الشهر الماضي", D(2024, 2, 12)),
    ],
)
def test_a_day_of_this_or_last_month_is_a_day(text: str, expected: dt.date) -> None:
    found = find_date(text, FRI, TODAY)
    assert found.date is not None
    assert (found.date.start, found.date.precision) == (expected, "day")


# ------------------------------------------------------------ numbers written loosely


@pytest.mark.parametrize(
    ("text", "expected", "calendar"),
    [
        ("صدر القرار بتاريخ12 -5-2018 عن وزارة الداخلية", D(2018, 5, 12), "gregorian"),
        ("عقد الاجتماع في 12 / 5 / 2018 بمقر الوزارة", D(2018, 5, 12), "gregorian"),
        ("عقد الاجتماع في 2023 / 3 / 23 م بمقر الوزارة", D(2023, 3, 23), "gregorian"),
        ("وقع الطرفان الاتفاق يوم 3/ 9/ 1444 هـ في جدة", Hijri(1444, 9, 3).to_gregorian(), "hijri"),
        (
            "وسيصلى عليه يوم غد الخميس الموافق 19/6/1433هـ",
            Hijri(1433, 6, 19).to_gregorian(),
            "hijri",
        ),
    ],
)
def test_numbers_with_spaces_glued_words_and_a_hijri_mark(
    text: str, expected: dt.date, calendar: str
) -> None:
    found = find_date(text, D(2024, 1, 1) if "1433" not in text else D(2012, 5, 9), TODAY)
    assert found.date is not None, found
    assert (found.date.start, found.date.calendar) == (expected, calendar)


# ------------------------------------------------------------------- Hijri in context


def test_a_hijri_day_without_a_year_is_the_story_year_s() -> None:
    # 1 May 2024 is 22 Shawwal 1445: the tenth of Shawwal is that month's
    found = find_date("افتتح المعرض في العاشر من شهر شوال", D(2024, 5, 1), TODAY)
    assert found.date is not None and found.date.start == Hijri(1445, 10, 10).to_gregorian()
    # about what will happen: the next tenth of Dhu al-Qa'da, not last year's
    found = find_date("سيفتتح المعرض في العاشر من شهر ذي القعدة", D(2024, 5, 1), TODAY)
    assert found.date is not None and found.date.start == Hijri(1445, 11, 10).to_gregorian()


def test_a_hijri_day_with_a_weekday_takes_the_year_that_fits() -> None:
    # 10 Rabi II 1446 is Sunday 13 October 2024; 10 Rabi II 1445 was a Wednesday
    found = find_date("تقام الاحتفالات يوم الأحد العاشر من ربيع الآخر", D(2024, 10, 10), TODAY)
    assert found.date is not None and found.date.start == D(2024, 10, 13)
    assert not found.warnings


def test_a_hijri_range_is_dated_at_its_start() -> None:
    found = find_date("تقام الدورة في الفترة من 1 – 3 ذي الحجة 1445هـ", D(2024, 5, 1), TODAY)
    assert found.date is not None
    assert (found.date.start, found.date.end, found.date.calendar) == (
        Hijri(1445, 12, 1).to_gregorian(),
        Hijri(1445, 12, 3).to_gregorian(),
        "hijri",
    )


def test_both_calendars_that_agree_are_quiet() -> None:
    # 1 Rabi I 1446 is Wednesday 4 September 2024 by Umm al-Qura
    text = "أعلنت الوزارة أن غرة شهر ربيع الأول لعام 1446 هـ هو يوم الأربعاء 4 شتنبر 2024 م"
    found = find_date(text, D(2024, 9, 3), TODAY)
    assert not found.warnings


def test_both_calendars_that_disagree_are_warned() -> None:
    text = "أعلنت الوزارة أن غرة شهر ربيع الأول لعام 1446 هـ هو يوم الأربعاء 5 شتنبر 2024 م"
    found = find_date(text, D(2024, 9, 3), TODAY)
    assert any("1 day apart" in w for w in found.warnings), found.warnings
    # and 5 September 2024 was a Thursday, not a Wednesday
    assert any("does not match 2024-09-05" in w for w in found.warnings), found.warnings
    text = "يبدأ الفصل يوم الخميس 12 يناير 2023م، 25 جمادى الآخرة 1444هـ"
    found = find_date(text, D(2023, 1, 8), TODAY)
    assert found.date is not None and found.date.start == D(2023, 1, 12)
    assert any("check both dates" in w for w in found.warnings), found.warnings


def test_restated_in_both_calendars_the_gregorian_is_the_date() -> None:
    text = "يبدأ الفصل يوم الخميس 12 يناير 2023م، 19 جمادى الآخرة 1444هـ"
    found = find_date(text, D(2023, 1, 8), TODAY)
    assert found.date is not None
    assert (found.date.start, found.date.calendar) == (D(2023, 1, 12), "gregorian")
    assert not found.warnings


# --------------------------------------------------------------- which date is the event's


@pytest.mark.parametrize(
    "text",
    [
        # a document's own date
        "وأدى الوزير اليمين طبقا للأمر عدد 30 لسنة 2005 المؤرخ في 12 جوان 2005",
        # an anniversary's
        "تظاهر المئات بمناسبة الذكرى الخامسة للاحتجاجات التي اندلعت مطلع أكتوبر 2019",
        # the background of a «منذ» phrase, several words away
        "وقال الوزير إنها أعنف غارة منذ الحرب بين البلدين في صيف عام 2006",
    ],
)
def test_background_dates_are_not_the_event(text: str) -> None:
    found = find_date(text, FRI, TODAY)
    assert found.date is None and found.mentions


def test_the_tenth_day_of_a_hijri_month_is_not_today() -> None:
    found = find_date("أقيم الحفل في اليوم العاشر من شهر شوال", D(2024, 5, 1), TODAY)
    assert found.date is not None
    assert (found.date.start, found.date.calendar) == (Hijri(1445, 10, 10).to_gregorian(), "hijri")


def test_a_range_of_years_is_dated_at_its_start() -> None:
    found = find_date("تولى الرجل المنصب بين عامي 1999 و2004", FRI, TODAY)
    assert found.date is not None
    assert (found.date.start, found.date.precision) == (D(1999, 1, 1), "year")
