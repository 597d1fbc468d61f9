"""Choosing the event's date among several (issue 11), on sentences written
for the test: a date in a relative or pluperfect clause is background when
the main clause has its own date. Expected dates are worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.date_words import BACKGROUND, FRAMING_VERBS
from generator.arabic.dates import find_date

WED = dt.date(2024, 3, 6)  # a Wednesday
TODAY = dt.date(2026, 11, 29)


def read(text: str) -> str | None:
    found = find_date(text, WED, TODAY)
    return found.date.start.isoformat() if found.date else None


@pytest.mark.parametrize(
    ("word", "text", "expected"),
    [
        ("الذي", "استقبل الرئيس اليوم السفير الجديد الذي وصل إلى البلاد في 2 مارس", "2024-03-06"),
        ("التي", "أصدرت المحكمة أمس حكمها في القضية التي تعود إلى 12 يناير 2020", "2024-03-05"),
        ("الذين", "كرم الوزير أمس الطلاب الذين تفوقوا في امتحانات 20 يناير 2024", "2024-03-05"),
        ("اللذين", "استقبل الأمير أمس الوزيرين اللذين عينا في 3 فبراير", "2024-03-05"),
        ("اللتين", "زارت اللجنة أمس القريتين اللتين تضررتا في 28 فبراير", "2024-03-05"),
        ("اللذان", "وصل أمس الوزيران اللذان عينا في 3 فبراير إلى العاصمة", "2024-03-05"),
        ("اللتان", "وصلت أمس الطائرتان اللتان أقلعتا في 4 مارس من جدة", "2024-03-05"),
        ("اللواتي", "كرمت الوزارة أمس الطبيبات اللواتي عملن خلال وباء 12 مارس 2020", "2024-03-05"),
        ("اللاتي", "كرمت الوزارة أمس الممرضات اللاتي تطوعن يوم 1 فبراير", "2024-03-05"),
        (
            "كان قد",
            "توفي الفنان مساء أمس عن عمر ناهز 80 عاما، وكان قد ولد في 3 مايو 1944",
            "2024-03-05",
        ),
        (
            "كانت قد",
            "انسحبت الشركة أمس من المشروع، وكانت قد وقعت عقده في 2 يناير 2023",
            "2024-03-05",
        ),
    ],
)
def test_a_date_in_a_relative_or_pluperfect_clause_is_background(
    word: str, text: str, expected: str
) -> None:
    assert word in BACKGROUND
    assert read(text) == expected


def test_a_relative_clause_date_alone_is_still_the_date() -> None:
    # with no date of its own, the main clause's event is the one described
    assert read("قتل خمسة أشخاص في الهجوم الذي وقع يوم 4 مارس في السوق") == "2024-03-04"


def test_a_main_clause_date_after_a_relative_clause_still_wins() -> None:
    text = "أطلقت الوزارة في 5 مارس 2024 حملة وطنية لمكافحة الحرائق التي اندلعت في 2 يناير 2024"
    assert read(text) == "2024-03-05"


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("إثر", "عاد الهدوء أمس إلى المدينة إثر اشتباكات اندلعت في 1 مارس"),
        ("عقب", "عاد الهدوء أمس إلى المدينة عقب اشتباكات اندلعت في 1 مارس"),
    ],
)
def test_what_the_event_follows_is_background(word: str, text: str) -> None:
    assert word in BACKGROUND
    assert read(text) == "2024-03-05"


@pytest.mark.parametrize(
    "text",
    [
        "الدوحة في 6 مارس /قنا/ وصل أمس إلى الدوحة وزير الخارجية التركي",
        "تونس 6 مارس 2024 (وات) - انطلقت أمس الثلاثاء الدورة التدريبية",
        "الخرطوم 6-3-2024 (سونا) - وصل أمس إلى البلاد وفد أممي",
        # the Hijri dateline restated in the Gregorian calendar: both are the wire's
        "الرياض 25 شعبان 1445 هـ الموافق 6 مارس 2024 م واس أعلنت الوزارة أمس نتائج المسابقة",
    ],
)
def test_a_dateline_is_the_story_date_not_the_event(text: str) -> None:
    assert read(text) == "2024-03-05"


def test_a_dateline_alone_dates_the_event() -> None:
    assert read("الدوحة في 6 مارس /قنا/ وصل وزير الخارجية التركي إلى الدوحة") == "2024-03-06"


@pytest.mark.parametrize(
    "text",
    [
        "أصدر الرئيس مرسوما بموجب القانون الصادر في 12 يناير 2020",
        "طبقت الوزارة التعليمات الصادرة في 12 يناير 2020",
        "استند القرار إلى القانون الصادر بتاريخ 12 يناير 2020",
        "أعادت اللجنة العمل بالتعليمات الصادرة بتاريخ 12 يناير 2020",
        "وقع الطرفان اتفاقية تستكمل الاتفاق الموقع في 12 يناير 2020",
        "ناقش الوزيران الاتفاقية الموقعة في 12 يناير 2020",
        "جدد الطرفان العقد المبرم في 12 يناير 2020",
        "راجعت اللجنة الاتفاقية المبرمة في 12 يناير 2020",
    ],
)
def test_a_document_described_by_its_date_is_not_the_event(text: str) -> None:
    assert read(text) is None  # the story's own date applies


@pytest.mark.parametrize(
    "text",
    [
        "صادق المجلس على القانون عدد 12 لسنة 2024 بالأغلبية",
        "أقر البرلمان القانون رقم 5 لعام 2010 بعد نقاش طويل",
    ],
)
def test_a_law_numbered_by_its_year_is_not_the_event(text: str) -> None:
    found = find_date(text, WED, TODAY)
    assert found.date is None  # the story's own date applies
    assert len(found.mentions) == 1 and found.mentions[0].precision == "year"


def test_a_year_after_a_word_is_still_a_year() -> None:
    assert read("زار الوزير العاصمة التونسية عام 2019 لأول مرة") == "2019-01-01"


@pytest.mark.parametrize(
    "text",
    [
        "يشيع جثمان الفقيد بعد صلاة الظهر غداً",
        "ويوارى جثمان الفقيد الثرى غداً في مقبرة العائلة",
        "AFP - يصوغ البرلمان غداً نص القانون الجديد",  # a Latin dateline first
    ],
)
def test_a_sentence_that_opens_on_an_imperfective_verb_is_about_the_coming_act(
    text: str,
) -> None:
    assert read(text) == "2024-03-07"


FRAMING_SENTENCES = {
    "يأتي": "يأتي ذلك قبل افتتاح المعرض الدولي غداً",
    "يذكر": "يذكر أن افتتاح المعرض الدولي غداً",
    "يشار": "يشار إلى أن افتتاح المعرض الدولي غداً",
    "يجدر": "يجدر بالذكر أن افتتاح المعرض الدولي غداً",
    "يبدو": "يبدو أن افتتاح المعرض الدولي غداً مؤجل",
    "يعتبر": "يعتبر افتتاح المعرض الدولي غداً حدثا ثقافيا",
    "يعد": "يعد افتتاح المعرض الدولي غداً حدثا ثقافيا",
    "يمكن": "يمكن للزوار دخول المعرض الدولي غداً",
    "يجب": "يجب على الزوار التسجيل قبل دخول المعرض غداً",
    "يتعين": "يتعين على الزوار التسجيل قبل دخول المعرض غداً",
}


@pytest.mark.parametrize(("verb", "text"), FRAMING_SENTENCES.items())
def test_a_framing_verb_does_not_make_the_coming_day_the_event(verb: str, text: str) -> None:
    assert verb in FRAMING_VERBS
    found = find_date(text, WED, TODAY)
    assert found.date is None  # the story's own date applies
    assert [m.start for m in found.mentions] == [dt.date(2024, 3, 7)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leak or a report of a coming act is dated on the coming day
        ("كشفت مصادر مطلعة أن الرئيس سيحضر القمة الأحد المقبل", "2024-03-10"),
        ("قال الوزير إن الحكومة ستناقش المشروع غداً", "2024-03-07"),
        # an announcement is dated on itself
        ("أعلنت الوزارة أن الوفد سيحضر غداً", None),
        ("حددت اللجنة موعدا سيحضر فيه الوفد غداً", None),
    ],
)
def test_a_reported_coming_act_unless_announced(text: str, expected: str | None) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("word", "text", "expected"),
    [
        ("بعد أن", "وصل الوفد أمس إلى الرباط بعد أن غادر باريس في 4 مارس", "2024-03-05"),
        ("قبل أن", "التقى الرئيس اليوم نظيره قبل أن يغادر في 4 مارس", "2024-03-06"),
    ],
)
def test_a_date_after_after_or_before_that_is_background(
    word: str, text: str, expected: str
) -> None:
    assert word in BACKGROUND
    assert read(text) == expected
