"""event_type and find_places: the seed, then sentences written for each rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.arabic.classify import EVENT_TYPES, TYPE_LABELS, event_type, find_places
from generator.arabic.gazetteer import COUNTRIES, PLACES
from generator.arabic.normalize import normalize, slugify

SEED = Path(__file__).resolve().parent.parent / "content/news/2015-10-01-russia-syria.txt"


def seed_lines() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return [line for line in lines[lines.index("---", 1) + 1 :] if line.strip()]


SEED_TYPES = [
    "talks",  # «تبحثان» in the headline
    "talks",  # «أجرت … مناقشات»
    "talks",
    "statement",  # «اعتبر»
    "announcement",  # «أعلن»
    "statement",  # «أشار»
    "statement",  # «قال»
    "statement",  # «جدد»
    "statement",  # «قال» before «أعلنت»
    "statement",  # «أكدت»
    "statement",  # «أكد»
    "approval",  # «وافق»
]
SEED_PLACES = [
    ["سورية"],
    ["سورية"],
    ["سورية"],
    ["سورية"],
    ["سورية"],
    ["سورية"],  # «في سورية» and «الأراضي السورية» are one place
    [],  # «الأزمة السورية»: an adjective, not a place
    ["سورية"],
    ["روسيا", "سورية"],
    ["سورية"],
    ["سورية", "روسيا"],  # «الاتحاد الروسي»
    ["روسيا", "سورية"],  # «الاتحاد الروسي» in «مجلس الاتحاد الروسي»
]


@pytest.mark.parametrize("n", range(12))
def test_seed_types_and_places(n: int) -> None:
    line = seed_lines()[n]
    assert event_type(line) == SEED_TYPES[n]
    assert find_places(line) == SEED_PLACES[n]


TYPES = [
    ("قال وزير الخارجية إن بلاده ترفض التدخل", "statement"),
    ("وأكدت الوزارة في بيان أن", "statement"),
    ("أوضح المتحدث أن المفاوضات مستمرة", "statement"),
    ("شدد الرئيس على ضرورة الحل السياسي", "statement"),
    ("بحث الرئيسان سبل تعزيز العلاقات", "talks"),
    ("ناقش الوزير مع نظيره الأوضاع في المنطقة", "talks"),
    ("التقى الرئيس وفدا من الكونغرس", "talks"),
    ("اجتمع مجلس الوزراء برئاسة رئيس الحكومة", "talks"),
    ("أجرى وزير الخارجية اتصالا هاتفيا مع نظيره", "talks"),
    ("وأجرت الوزارتان محادثات عبر الفيديو", "talks"),
    ("عقد الوزير لقاء مع السفير", "talks"),
    ("أعلنت الوزارة عن بدء عملية جوية", "announcement"),
    ("كشف مسؤول عن بدء التحضيرات", "announcement"),
    ("وافق البرلمان على الموازنة", "approval"),
    ("صادق مجلس النواب على الاتفاقية", "approval"),
    ("أقر مجلس الأمن مشروع القرار", "approval"),
    ("قصفت الطائرات مواقع المسلحين", "military"),
    ("شن الطيران غارات على المدينة", "military"),
    ("هاجم مسلحون نقطة تفتيش", "military"),
    ("غارات جوية على ريف إدلب", "military"),  # a headline: the noun decides
    ("اتهم الوزير المعارضة بعرقلة الحل", "accusation"),
    ("حمّل الجيش المسلحين مسؤولية الهجوم", "accusation"),
    ("أدانت الخارجية الهجوم الإرهابي", "condemnation"),
    ("نفت الرئاسة السورية مغادرة الرئيس البلاد", "denial"),
    ("قرر مجلس الوزراء تمديد العمل بالقرار", "decision"),
    ("تظاهر آلاف في العاصمة احتجاجا على القرار", "protest"),
    ("انتخب البرلمان رئيسا جديدا له", "election"),
    ("أجرت البلاد انتخابات برلمانية", "election"),
    ("وقع الطرفان اتفاقا لوقف إطلاق النار", "agreement"),
    ("توصل الطرفان إلى اتفاق", "agreement"),
    ("زار الرئيس القاهرة", "visit"),
    ("وصل وزير الخارجية إلى موسكو", "visit"),
    ("غادر الملك المستشفى", "visit"),
    ("توفي الفنان عن عمر ناهز 80 عاما", "death"),
    ("ولقي عشرة أشخاص مصرعهم في الحادث", "death"),
    ("ضرب زلزال قوي جنوب البلاد", "disaster"),
    ("الطقس معتدل في معظم المناطق", "other"),
    ("", "other"),
]


@pytest.mark.parametrize(("text", "kind"), TYPES)
def test_event_type(text: str, kind: str) -> None:
    assert event_type(text) == kind


def test_a_light_verb_without_its_object_gives_way_to_the_next_verb() -> None:
    assert event_type("أجرى الوزير تعديلا ثم أعلن استقالته") == "announcement"


def test_the_first_verb_decides() -> None:
    # «قال» comes first; «أعلنت» later in the sentence does not change the type.
    assert event_type("قال بوتين إن روسيا أعلنت الحرب على الإرهاب") == "statement"


def test_every_type_has_an_arabic_label() -> None:
    assert set(TYPE_LABELS) == set(EVENT_TYPES)
    assert TYPE_LABELS["statement"] == "تصريح"
    assert all(label and label.strip() == label for label in TYPE_LABELS.values())
    assert len(set(TYPE_LABELS.values())) == len(TYPE_LABELS)


PLACE_CASES = [
    ("في سوريا وفي سورية", ["سورية"]),
    ("بين روسيا والولايات المتحدة", ["روسيا", "الولايات المتحدة"]),
    ("زار أمريكا ثم أميركا", ["الولايات المتحدة"]),
    ("عاد من الولايات المتحدة الأمريكية", ["الولايات المتحدة"]),  # longest name
    ("وصل إلى بغداد قادما من طهران", ["بغداد", "طهران"]),
    ("وفي العراق وللعراق وبالعراق", ["العراق"]),
    ("توجه إلى مصر والسعودية", ["مصر", "السعودية"]),
    ("أعلنت المحكمة العليا السعودية", []),  # «السعودية» as an adjective
    ("زار المملكة العربية السعودية", ["السعودية"]),
    ("الضربات الروسية والموقف الأمريكي", []),  # adjectives are not places
    ("انسحاب القوات من الأراضي السورية", ["سورية"]),
    ("في الأجواء التركية", ["تركيا"]),
    ("استقبلها في العاصمة عمان", ["عمّان"]),
    ("وصل إلى عمّان", ["عمّان"]),
    ("وزير خارجية سلطنة عمان", ["سلطنة عمان"]),
    ("زار مسقط عاصمة عمان", ["مسقط", "سلطنة عمان"]),
    ("قدم دعما ماليا لمالي", []),  # «مالي» alone is too ambiguous
    ("في جمهورية مالي", ["مالي"]),
    ("من إسطنبول إلى اسطنبول", ["إسطنبول"]),
    ("في أبو ظبي وأبوظبي ودبي", ["أبوظبي", "دبي"]),
    ("غزة والضفة الغربية والقدس", ["غزة", "الضفة الغربية", "القدس"]),
    ("في قطاع غزة", ["غزة"]),
    ("في سوريـــا وسُورِيَة", ["سورية"]),  # tatweel and harakat
    ("جرى ذلك في الساحة", []),
]


@pytest.mark.parametrize(("text", "want"), PLACE_CASES)
def test_find_places(text: str, want: list[str]) -> None:
    assert find_places(text) == want


def test_gazetteer_names_are_usable() -> None:
    countries = [line.split("|")[0].rstrip("!") for line in COUNTRIES.splitlines()]
    assert len(countries) >= 150
    assert len(set(countries)) == len(countries)
    canonical = set(PLACES.values())
    assert {"سورية", "مصر", "العراق", "الولايات المتحدة", "روسيا", "دمشق", "القاهرة"} <= canonical
    for name in canonical:
        assert slugify(name), name  # every place gets a page with a slug
        assert (name == name.strip() and normalize(name) in PLACES) or name in ("مالي", "بنين")
