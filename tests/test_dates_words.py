"""Each word the date reader learned for issue 11, on a sentence written for
it (none from a gold or unseen set): the Maghreb's and the Levant's words for
«last», a day of the current month without the month, days counted back,
«الموافق لـ», Hijri months with a direction, the coming verbs and the
statements that announce them. Expected dates are worked out by hand, or from
hijridate for the Hijri calendar.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hijridate import Hijri

from generator.arabic.date_words import COMING, DECIDING, STATEMENTS
from generator.arabic.dates import find_date

D = dt.date
TODAY = D(2026, 11, 29)
WED = D(2024, 3, 6)  # a Wednesday


def read(text: str, reference: dt.date = WED) -> tuple[str, str] | None:
    found = find_date(text, reference, TODAY)
    return (found.date.start.isoformat(), found.date.precision) if found.date else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انعقدت الجلسة العامة الأسبوع الفارط بمقر البرلمان", ("2024-02-01", "month")),
        ("انعقدت الجلسة العامة في 28 من الشهر المنقضي", ("2024-02-28", "day")),
        ("تراجعت الأسعار خلال الأيام الأخيرة من الشهر الفائت", ("2024-02-01", "month")),
        ("وصل الوفد إلى العاصمة يوم السبت الفائت", ("2024-03-02", "day")),
        ("وصل الوفد إلى العاصمة يوم 12 مارس الفارط", ("2023-03-12", "day")),
    ],
)
def test_the_maghreb_and_levant_words_for_last(text: str, expected: tuple[str, str]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اجتمع المجلس الجهوي يوم 5 الجاري بمقر الولاية", "2024-03-05"),
        ("اجتمع المجلس الجهوي يوم الاثنين 4 الجاري بمقر الولاية", "2024-03-04"),
        ("انطلقت الحملة الانتخابية يوم 20 المنصرم في كامل الولايات", "2024-02-20"),
    ],
)
def test_a_day_of_this_or_last_month_without_the_month(text: str, expected: str) -> None:
    assert read(text) == (expected, "day")


def test_a_day_of_this_month_checks_its_weekday() -> None:
    found = find_date("اجتمع المجلس يوم الأحد 4 الجاري بالولاية", WED, TODAY)
    assert found.date is not None and found.date.start == D(2024, 3, 4)
    assert any("does not match" in w for w in found.warnings)


def test_in_force_is_no_date() -> None:
    assert read("طبقت المحكمة الفصل 5 الجاري به العمل على المتهمين") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت الشرطة قبل يومين القبض على المتهم الرئيسي", "2024-03-04"),
        ("انهار المبنى قبل ثلاثة أيام في الحي القديم", "2024-03-03"),
        ("انهار المبنى قبل 5 أيام في الحي القديم", "2024-03-01"),
    ],
)
def test_days_counted_back_from_the_story(text: str, expected: str) -> None:
    assert read(text) == (expected, "day")


def test_days_before_another_day_are_not_counted_from_the_story() -> None:
    assert read("وصل المراقبون قبل يومين من الانتخابات") is None


def test_the_corresponding_day_with_a_lam() -> None:
    text = "وقعت الحادثة يوم الثلاثاء الموافق لـ5 مارس في الضاحية"
    assert read(text) == ("2024-03-05", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوفد يوم الجمعة الماضية إلى العاصمة", "2024-03-01"),
        ("يصل الوفد الجمعة المقبلة إلى العاصمة", "2024-03-08"),
    ],
)
def test_a_weekday_direction_agrees_with_the_feminine_name(text: str, expected: str) -> None:
    assert read(text) == (expected, "day")


def test_a_weekday_named_as_coming_in_an_announcement_is_only_named() -> None:
    found = find_date("أعلنت الهيئة أن الاجتماع سيعقد الجمعة المقبلة", WED, TODAY)
    assert found.date is None
    assert [m.start for m in found.mentions] == [D(2024, 3, 8)]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # 6 March 2024 is in Sha'ban 1445
        ("أدى الوزير العمرة في رمضان الماضي", WED, (1444, 9, 1)),
        ("أدى الوزير العمرة في رمضان الماضي", D(2024, 3, 20), (1444, 9, 1)),
        ("انطلق البرنامج مطلع شعبان الجاري", WED, (1445, 8, 1)),
        ("يصل الوفد في شوال المقبل", WED, (1445, 10, 1)),
    ],
)
def test_a_hijri_month_with_its_direction(
    text: str, reference: dt.date, expected: tuple[int, int, int]
) -> None:
    assert read(text, reference) == (Hijri(*expected).to_gregorian().isoformat(), "month")


# One sentence per coming verb added for issue 11, each written for it.
COMING_SENTENCES = {
    "ينظم": "ينظم الاتحاد غداً ندوة حول المياه",
    "تنظم": "تنظم الجمعية غداً ندوة حول المياه",
    "يحتفل": "يحتفل الشعب غداً بعيد الاستقلال",
    "تحتفل": "تحتفل البلاد غداً بعيد الاستقلال",
    "يناقش": "يناقش البرلمان غداً مشروع الموازنة",
    "تناقش": "تناقش اللجنة غداً مشروع الموازنة",
    "يستقبل": "يستقبل الرئيس غداً نظيره الفرنسي",
    "تستقبل": "تستقبل الملكة غداً رئيسة الوزراء",
    "يترأس": "يترأس الملك غداً مجلس الوزراء",
    "تترأس": "تترأس الوزيرة غداً اجتماع اللجنة",
    "يدشن": "يدشن الوزير غداً الطريق السريع",
    "تدشن": "تدشن الشركة غداً مصنعها الجديد",
    "يخوض": "يخوض المنتخب غداً مباراته الأولى",
    "تخوض": "تخوض الأندية غداً الجولة الأخيرة",
    "يواجه": "يواجه الفريق غداً منافسه التقليدي",
    "تواجه": "تواجه الحكومة غداً جلسة مساءلة في البرلمان",
    "يشهد": "يشهد المسرح البلدي غداً حفل الافتتاح",
    "تشهد": "تشهد العاصمة غداً مسيرة حاشدة",
    "يحيي": "يحيي الفنان غداً حفلا في قرطاج",
    "تحيي": "تحيي الفرقة غداً حفلا في قرطاج",
    "يصوت": "يصوت المجلس غداً على مشروع القانون",
    "تصوت": "تصوت اللجنة غداً على مشروع القانون",
}


@pytest.mark.parametrize(("verb", "text"), COMING_SENTENCES.items())
def test_each_new_coming_verb_dates_its_coming_day(verb: str, text: str) -> None:
    assert verb in COMING
    assert read(text) == ("2024-03-07", "day")


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("بلاغ", "وذكر بلاغ لرئاسة الحكومة أن الوزير سيترأس غداً مجلسا وزاريا"),
        ("بيان", "وأفاد بيان للوزارة أن الوفد يصل غداً إلى العاصمة"),
        ("تعميم", "وجاء في تعميم للإدارة أن الموظفين يستأنفون العمل غداً"),
    ],
)
def test_a_statement_that_announces_a_coming_act_is_the_event(word: str, text: str) -> None:
    assert word in STATEMENTS
    found = find_date(text, WED, TODAY)
    assert found.date is None  # the statement's own day: the story's
    assert [m.start for m in found.mentions] == [D(2024, 3, 7)]


def test_a_coming_act_reported_after_the_statement_word_is_still_dated() -> None:
    # the statement comes after the date: the coming act is the main verb
    assert read("يصل الوفد غداً إلى العاصمة وفق بيان للوزارة") == ("2024-03-07", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوفد إلى العاصمة في 24/مارس/2023 في زيارة رسمية", "2023-03-24"),
        ("وصل الوفد إلى العاصمة بتاريخ 5/ أبريل/ 2023", "2023-04-05"),
    ],
)
def test_a_month_name_between_slashes(text: str, expected: str) -> None:
    assert read(text) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوفد يوم 5 مارس من العام الماضي إلى العاصمة", ("2023-03-05", "day")),
        ("وصل الوفد يوم 5 من شهر فبراير من العام الجاري", ("2024-02-05", "day")),
        ("وصل الوفد في مارس من السنة الماضية إلى العاصمة", ("2023-03-01", "month")),
    ],
)
def test_a_year_named_by_its_direction_after_the_month(
    text: str, expected: tuple[str, str]
) -> None:
    assert read(text) == expected


def _h(y: int, m: int, d: int) -> str:
    return Hijri(y, m, d).to_gregorian().isoformat()


@pytest.mark.parametrize(
    "text",
    [
        "وصل الحجاج إلى مكة في 1445/9/15هـ",  # year first, with the mark
        "وصل الحجاج إلى مكة في 1445/9/15",  # year first, no mark: no Gregorian 1445
        "وصل الحجاج إلى مكة في 15/9/1445",  # day first, no mark
    ],
)
def test_a_numeric_date_in_the_1400s_is_hijri(text: str) -> None:
    found = find_date(text, D(2024, 4, 20), TODAY)
    assert found.date is not None and found.date.calendar == "hijri"
    assert found.date.start.isoformat() == _h(1445, 9, 15)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # the story is in Ramadan: this Ramadan
        ("اعتكف المصلون في المسجد منتصف شهر رمضان", D(2024, 3, 20), (1445, 9, 1)),
        # after Ramadan: the Ramadan just gone
        ("اعتكف المصلون في المسجد أواخر رمضان", D(2024, 4, 20), (1445, 9, 1)),
        # a coming act before Ramadan: the coming Ramadan
        ("تنطلق الحملة الخيرية مطلع شهر رمضان", D(2024, 2, 20), (1445, 9, 1)),
    ],
)
def test_a_part_of_a_hijri_month_without_a_year(
    text: str, reference: dt.date, expected: tuple[int, int, int]
) -> None:
    assert read(text, reference) == (_h(*expected), "month")


def test_the_first_of_the_days_of_a_hijri_month() -> None:
    text = "صام المسلمون أول أيام شهر رمضان في أجواء حارة"
    assert read(text, D(2024, 3, 20)) == (_h(1445, 9, 1), "day")


DECIDING_SENTENCES = {
    "دعا": "دعا الاتحاد أنصاره إلى المسيرة التي تنطلق غداً من الساحة",
    "دعت": "دعت النقابة العمال إلى المسيرة التي تنطلق غداً من الساحة",
    "أمر": "أمر المحافظ بإغلاق الأسواق التي تستأنف نشاطها غداً",
    "أمرت": "أمرت المحكمة بإطلاق سراح المتهمين الذين يغادرون السجن غداً",
    "وافق": "وافق المجلس على أن تنعقد الجلسة غداً",
    "وافقت": "وافقت الحكومة على أن يستأنف العمال العمل غداً",
    "اتفق": "اتفق الطرفان على أن تستأنف المفاوضات غداً",
    "اتفقت": "اتفقت الأطراف على أن يبدأ وقف إطلاق النار غداً",
    "أجل": "أجل القاضي الجلسة التي تعقد غداً إلى موعد لاحق",
    "أجلت": "أجلت الهيئة الامتحانات التي تجرى غداً إلى الشهر المقبل",
    "أرجأ": "أرجأ الاتحاد المباراة التي تقام غداً بسبب الطقس",
    "أرجأت": "أرجأت اللجنة الاجتماع الذي ينعقد غداً إلى الأسبوع المقبل",
}


@pytest.mark.parametrize(("verb", "text"), DECIDING_SENTENCES.items())
def test_a_call_order_or_postponement_is_dated_on_itself(verb: str, text: str) -> None:
    assert verb in DECIDING
    found = find_date(text, WED, TODAY)
    assert found.date is None  # the story's own date applies
    assert D(2024, 3, 7) in [m.start for m in found.mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انعقد المؤتمر في 5 كانون ثاني 2023 ببيروت", "2023-01-05"),
        ("انعقد المؤتمر في 5 تشرين أول 2023 ببيروت", "2023-10-05"),
        ("انعقد المؤتمر في 5 تشرين ثاني 2023 ببيروت", "2023-11-05"),
        ("انعقد المؤتمر في 5 كانون أول 2023 ببيروت", "2023-12-05"),
        ("انعقد المؤتمر في 5 ربيع آخر 1445 بالرياض", _h(1445, 4, 5)),
        ("انعقد المؤتمر في 5 ذوالقعدة 1444 بمكة", _h(1444, 11, 5)),
        ("انعقد المؤتمر في 5 ذيالقعدة 1444 بمكة", _h(1444, 11, 5)),
        ("انعقد المؤتمر في 5 ذوالحجة 1444 بمكة", _h(1444, 12, 5)),
        ("انعقد المؤتمر في 5 ذيالحجة 1444 بمكة", _h(1444, 12, 5)),
    ],
)
def test_month_names_without_the_article_or_the_space(text: str, expected: str) -> None:
    assert read(text) == (expected, "day")
