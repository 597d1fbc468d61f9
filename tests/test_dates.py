"""Dates as Arabic news writes them: each row is a phenomenon, checked against
the calendar (and hijridate for Hijri), never against the code's own output."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.dates import find_date

REF = dt.date(2015, 10, 1)  # a Thursday; 18 Dhu al-Hijja 1436
TODAY = dt.date(2026, 11, 25)
D = dt.date

CASES = [
    # Levantine months, weekday, year-less against the story's date (the seed).
    (
        "أجرت وزارتا الدفاع الخميس 1 تشرين الأول بطلب من الأخيرة",
        D(2015, 10, 1),
        "day",
        "explicit",
        "الخميس 1 تشرين الأول",
    ),
    (
        "وافق المجلس في جلسته الأربعاء 30 أيلول على الطلب",
        D(2015, 9, 30),
        "day",
        "explicit",
        "الأربعاء 30 أيلول",
    ),
    ("وقع الانفجار في 5 كانون الأول", D(2014, 12, 5), "day", "explicit", "5 كانون الأول"),
    ("وصل الوفد في 2 كانون 2 2015", D(2015, 1, 2), "day", "explicit", "2 كانون 2 2015"),
    # Egyptian/Gulf names and spellings.
    ("أعلنت الوزارة في 12 إبريل 2015 عن", D(2015, 4, 12), "day", "explicit", "12 إبريل 2015"),
    ("أعلنت الوزارة في 3 يونيه 2014 عن", D(2014, 6, 3), "day", "explicit", "3 يونيه 2014"),
    ("أعلنت الوزارة في 20 اغسطس 2013 عن", D(2013, 8, 20), "day", "explicit", "20 اغسطس 2013"),
    # Maghrebi names.
    ("صادق البرلمان في 15 جانفي 2015 على", D(2015, 1, 15), "day", "explicit", "15 جانفي 2015"),
    ("صادق البرلمان يوم 3 جويلية 2015 على", D(2015, 7, 3), "day", "explicit", "3 جويلية 2015"),
    ("صادق البرلمان يوم 29 يوليوز 2015 على", D(2015, 7, 29), "day", "explicit", "29 يوليوز 2015"),
    ("صادق البرلمان يوم 8 أوت 2015 على", D(2015, 8, 8), "day", "explicit", "8 أوت 2015"),
    # Doubled forms.
    ("في ٩ أيلول (سبتمبر) ٢٠١٤ أعلن", D(2014, 9, 9), "day", "explicit", "٩ أيلول (سبتمبر) ٢٠١٤"),
    ("في 9 أيلول/سبتمبر 2014 أعلن", D(2014, 9, 9), "day", "explicit", "9 أيلول/سبتمبر 2014"),
    # Eastern Arabic and Persian digits.
    ("في ١٥ آذار ٢٠١١ خرجت", D(2011, 3, 15), "day", "explicit", "١٥ آذار ٢٠١١"),
    ("في ۱۵ آذار ۲۰۱۱ خرجت", D(2011, 3, 15), "day", "explicit", "۱۵ آذار ۲۰۱۱"),
    # Numeric forms.
    ("في 1/10/2015 أعلن", D(2015, 10, 1), "day", "explicit", "1/10/2015"),
    ("في 2015-09-30 أعلن", D(2015, 9, 30), "day", "explicit", "2015-09-30"),
    # Month-only and year-only.
    ("في أيلول/سبتمبر 2015 بدأت", D(2015, 9, 1), "month", "explicit", "أيلول/سبتمبر 2015"),
    ("اندلعت الأزمة عام 2011 في", D(2011, 1, 1), "year", "explicit", "عام 2011"),
    # Relative dates against the story's date.
    ("قال الوزير اليوم إن", D(2015, 10, 1), "day", "relative", "اليوم"),
    ("قال الوزير أمس الأربعاء إن", D(2015, 9, 30), "day", "relative", "أمس الأربعاء"),
    ("قال الوزير أول أمس إن", D(2015, 9, 29), "day", "relative", "أول أمس"),
    ("أعلن الشهر الماضي أن", D(2015, 9, 1), "month", "relative", "الشهر الماضي"),
    ("قال الخميس إن", D(2015, 10, 1), "day", "weekday", "الخميس"),
    ("قال الاثنين إن", D(2015, 9, 28), "day", "weekday", "الاثنين"),
    # Harakat and tatweel do not hide a date.
    ("في الخَمِيس 1 تَشْرِين الأوّل", D(2015, 10, 1), "day", "explicit", "الخَمِيس 1 تَشْرِين الأوّل"),
]


@pytest.mark.parametrize(("text", "start", "precision", "basis", "written"), CASES)
def test_gregorian_forms(
    text: str, start: dt.date, precision: str, basis: str, written: str
) -> None:
    found = find_date(text, REF, TODAY)
    assert found.date is not None, found.warnings
    assert (found.date.start, found.date.precision, found.date.basis) == (start, precision, basis)
    assert found.date.written == written
    assert text[slice(*found.date.span)] == written


HIJRI = [
    ("أعلن في 12 ذو الحجة 1436 هـ", D(2015, 9, 25), "12 ذو الحجة 1436 هـ"),
    ("وصل في 17 ذي الحجة", D(2015, 9, 30), "17 ذي الحجة"),
    ("في الخامس من ذي الحجة", D(2015, 9, 18), "الخامس من ذي الحجة"),
    ("في 1 رمضان 1436 هـ", D(2015, 6, 18), "1 رمضان 1436 هـ"),
    ("في ١٠ ربيع الآخر ١٤٣٥ هـ", D(2014, 2, 10), "١٠ ربيع الآخر ١٤٣٥ هـ"),
    ("في 3 جمادى الأولى 1436هـ", D(2015, 2, 22), "3 جمادى الأولى 1436هـ"),
]


@pytest.mark.parametrize(("text", "start", "written"), HIJRI)
def test_hijri_converts_exactly(text: str, start: dt.date, written: str) -> None:
    from hijridate import Gregorian

    found = find_date(text, REF, TODAY)
    assert found.date is not None and found.date.calendar == "hijri"
    assert found.date.start == start and found.date.written == written
    # Round trip through hijridate: the Gregorian day is the written Hijri day.
    h = Gregorian(start.year, start.month, start.day).to_hijri()
    assert (
        str(h.day) in text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")) or "الخامس" in text
    )


def test_sighting_adjustment_shifts_hijri_days() -> None:
    plain = find_date("في 12 ذو الحجة 1436 هـ", REF, TODAY).date
    local = find_date("في 12 ذو الحجة 1436 هـ", REF, TODAY, hijri_adjust=1).date
    assert plain and local and plain.start - local.start == dt.timedelta(days=1)


def test_range() -> None:
    found = find_date("تعقد الاجتماعات بين 5 و7 آذار 2015 في جنيف", REF, TODAY)
    assert found.date and (found.date.start, found.date.end) == (D(2015, 3, 5), D(2015, 3, 7))


@pytest.mark.parametrize("text", ["في 30 شباط", "في 31 نيسان 2015", "في 31 حزيران", "في 32 آذار"])
def test_impossible_dates_are_warnings_not_dates(text: str) -> None:
    found = find_date(text, REF, TODAY)
    assert found.date is None
    assert any("not a valid date" in w for w in found.warnings)


def test_weekday_that_contradicts_the_date_warns() -> None:
    found = find_date("يوم الجمعة 1 تشرين الأول 2015", REF, TODAY)
    assert found.date and found.date.start == D(2015, 10, 1)
    assert any("does not match 2015-10-01" in w for w in found.warnings)


def test_no_story_date_weekday_narrows_years() -> None:
    found = find_date("الخميس 1 تشرين الأول", None, TODAY)
    assert found.date and found.date.start == D(2026, 10, 1) and found.date.basis == "weekday"
    [warning] = found.warnings
    for year in ("2026", "2020", "2015", "2009"):
        assert year in warning
    assert "date: YYYY-MM-DD" in warning
    # Built before October 2026: the newest fitting year not after the build date is 2020.
    assert find_date("الخميس 1 تشرين الأول", None, D(2026, 5, 1)).date.start == D(2020, 10, 1)


def test_no_story_date_and_no_weekday_is_not_guessed() -> None:
    found = find_date("في 5 آذار", None, TODAY)
    assert found.date is None and "front matter" in found.warnings[0]


def test_the_main_verb_date_beats_background_and_schedules() -> None:
    found = find_date(
        "أعلن الوزير الخميس 1 تشرين الأول أن الحرب المستمرة منذ 15 آذار 2011", REF, TODAY
    )
    assert found.date and found.date.start == D(2015, 10, 1)
    assert [m.start for m in found.mentions] == [D(2011, 3, 15)]
    # A future date is what the news announces, not when it happened.
    found = find_date("أعلنت المحكمة أن غداً الجمعة 2 تشرين الأول هو أول أيام العيد", REF, TODAY)
    assert found.date is None and found.mentions


def test_gregorian_wins_when_both_calendars_are_written() -> None:
    text = "يبث الخطاب السبت 05 ذي القعدة 1438 هـ الموافق 29 يوليوز 2017 م"
    found = find_date(text, D(2017, 7, 29), TODAY)
    assert found.date and found.date.start == D(2017, 7, 29) and found.date.calendar == "gregorian"


def test_next_and_last_weekday() -> None:
    assert find_date("حدد المجلس يوم السبت المقبل موعدا", REF, TODAY).mentions[0].start == D(
        2015, 10, 3
    )
    found = find_date("اجتمع الوزراء الخميس الماضي في عمان", REF, TODAY)
    assert found.date and found.date.start == D(2015, 9, 24)


def test_a_stale_today_follows_its_weekday() -> None:
    # Written on Wednesday, published on Thursday 1 October.
    found = find_date("انطلقت اليوم الأربعاء أعمال المؤتمر", REF, TODAY)
    assert found.date and found.date.start == D(2015, 9, 30) and not found.warnings


def test_last_week_is_not_a_made_up_day() -> None:
    found = find_date("قال الوزير الأسبوع الماضي إن", REF, TODAY)
    assert found.date and (found.date.start, found.date.precision) == (D(2015, 9, 1), "month")


def test_future_dates_belong_to_future_sentences_only() -> None:
    # A sentence about what will happen is dated by it…
    found = find_date("وسيبث الخطاب يوم السبت 3 تشرين الأول 2015 مساء", REF, TODAY)
    assert found.date and found.date.start == D(2015, 10, 3)
    found = find_date("يشارك الوزير في القمة، وذلك يوم 5 تشرين الأول 2015 في جدة", REF, TODAY)
    assert found.date and found.date.start == D(2015, 10, 5)
    # …a report of an announcement by the announcement.
    found = find_date("أعلنت الوزارة أن الخطاب سيبث بعد غد السبت", REF, TODAY)
    assert found.date is None and found.mentions[0].start == D(2015, 10, 3)


def test_since_governs_from_a_few_words_away() -> None:
    found = find_date(
        "قدم الوزراء أمس استقالاتهم منذ أن كلفه الملك في الـ 7 من تشرين الأول 2014", REF, TODAY
    )
    assert found.date and found.date.start == D(2015, 9, 30)
    assert [m.start for m in found.mentions] == [D(2014, 10, 7)]


def test_year_less_month() -> None:
    found = find_date("عين وزيرا للخارجية في آب/أغسطس خلفا لسلفه", REF, TODAY)
    assert found.date and (found.date.start, found.date.precision) == (D(2015, 8, 1), "month")
    found = find_date("عين وزيرا للخارجية في تشرين الثاني خلفا لسلفه", REF, TODAY)
    assert found.date and found.date.start == D(2014, 11, 1)


def test_a_day_outranks_a_hijri_year_named_beside_it() -> None:
    found = find_date("أعلنت الوزارة أن فاتح شهر صفر لعام 1437 هـ هو اليوم الخميس", REF, TODAY)
    assert found.date and (found.date.start, found.date.precision) == (D(2015, 10, 1), "day")
