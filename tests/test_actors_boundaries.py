"""Where a person's name after a title starts and ends (issue 11): each rule on
sentences written for this test, not taken from the gold or the unseen sets,
with an empty registry, so what is found is what the rule finds."""

from __future__ import annotations

import pytest

from generator.arabic.actors import Registry, find_actors
from generator.arabic.lexicon import fold
from generator.arabic.words_given import FOREIGN_GIVEN, GIVEN, GIVEN_COMMON

EMPTY = Registry()


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, EMPTY, None)]


@pytest.mark.parametrize(
    "text",
    [
        # «و» after a title opens the next item, not a name
        "وحضر الاجتماع رئيس الوفد ونائبه الأول",
        "وحضر الحفل سفير روسيا والصين لدى بغداد",
        "وتحدث في الجلسة رئيس المجلس ود",
        # a preposition on a noun in construct, or on a title
        "وتحدث الأمين العام لوحدة المتابعة الميدانية عن الخطة",
        "وكلف المستشار الخاص لرئيس الجمهورية بالملف",
        "وعين المستشار بمرتبة وزير",
        # a noun and its adjective; an imperfect verb and its object
        "وسلم الرئيس رسالة خطية إلى نظيره",
        "وقال إن الوزير يترأس الوفد في القمة",
    ],
)
def test_no_name_after_the_title(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a surname that opens with «ل» and stands alone is still a name
        ("وقال الوزير لعمامرة إن بلاده ترحب بالمبادرة", ["لعمامرة"]),
        # a verb with an object pronoun ends a one-word name
        ("وأوضح أن رسالة الملك فهد نقلها مبعوث خاص", ["فهد"]),
        # after «بن X», a family name right before punctuation
        ("وودع الأمير خالد بن سعد حمدان، في ختام مهامه", ["خالد بن سعد حمدان"]),
    ],
)
def test_name_after_the_title(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("وألقى د. سامر خليل كلمة في الافتتاح", ["سامر خليل"]),
        ("وحضر الندوة الأستاذ نبيل حداد ود. رنا يوسف", ["نبيل حداد", "رنا يوسف"]),
        ("وتحدث في الندوة د. علي منصور عن الاقتصاد", ["علي منصور"]),
        # one word after the dot is not enough to call it a name
        ("وحضر د. سامر", []),
    ],
)
def test_abbreviated_doctor(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("وحضر الفريق أول ركن سامي الحسن الاجتماع", ["سامي الحسن"]),
        ("واستقبل اللواء طيار خالد منصور الوفد", ["خالد منصور"]),
        ("وأشرف على المناورة الفريق مهندس بحري حامد سعيد", ["حامد سعيد"]),
        # a hashtag's «#» and «_» join a name like spaces
        ("توجه الفريق أول #سامي_الحسن إلى القاهرة", ["سامي الحسن"]),
    ],
)
def test_ranks_and_hashtags(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «X الدين» is a compound given name when a family name follows
        ("وصرح نور الدين الحمادي بأن النقابة ترفض القرار", ["نور الدين الحمادي"]),
        # the Maghreb's given names with the article
        ("وأكد الطاهر الجلاصي أن الحكومة ماضية في الإصلاح", ["الطاهر الجلاصي"]),
        # given names with a hamza on «و» or «ي» are found in folded text
        ("وقال لؤي الزعبي إن الاتفاق صامد", ["لؤي الزعبي"]),
        ("وأعلن وائل الحسيني استقالته من المنصب", ["وائل الحسيني"]),
    ],
)
def test_given_names(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_given_names_are_in_the_folded_spelling() -> None:
    """The readers compare folded words: an entry with «ؤ» or «ئ» never matched."""
    for words in (GIVEN, GIVEN_COMMON, FOREIGN_GIVEN):
        assert {w for w in words if fold(w) != w} == set()


ADDED_GIVEN = [
    "حمدان",
    "جاسم",
    "تميم",
    "ذياب",
    "مقرن",
    "امحمد",
    "حمادي",
    "سفيان",
    "فوزي",
    "حسان",
    "همام",
    "اياد",
    "حسني",
    "عزام",
    "حامد",
    "حماد",
    "حماده",
    "برهم",
    "عبدالواحد",
    "عبدالمطلب",
    "عبدالجليل",
    "عبدالنبي",
    "عبدالحسين",
    "عبدالعال",
    "عبدالصمد",
    "عبدالستار",
    "عبدالباري",
    "عبدالقوي",
    "عبدالكافي",
    "عبدالرشيد",
    "عبدالحفيظ",
    "عدي",
    "صفوان",
    "رضوان",
    "حاتم",
    "حسام",
    "عاطف",
    "فهمي",
    "صبحي",
    "ساجد",
    "وضاح",
    "سهيل",
    "خلدون",
    "عزت",
    "قدري",
    "فايق",
    "نصري",
    "سهير",
    "نجوي",
    "شيرين",
    "نسرين",
    "ريهام",
    "كوثر",
    "رقيه",
    "نادين",
    "ميسون",
    "رغده",
    "ديما",
    "لانا",
    "صفيه",
    "حفصه",
    "سلمي",
    "حليمه",
    "نعيمه",
    "جون",
    "جيمس",
    "ماثيو",
    "يان",
    "هانس",
    "فولكر",
    "ايغور",
    "لويس",
    "خافيير",
    "ادواردو",
    "جوزيب",
    "اورسولا",
    "كايا",
    "كريستين",
    "ليندا",
    "توم",
    "نيكي",
    "ماكي",
    "بولا",
]
ADDED_COMMON = [
    "تمام",
    "نبيه",
    "عوض",
    "مسعود",
    "فالح",
    "حنا",
    "اميل",
    "رمزي",
    "بشر",
    "مكتوم",
    "متعب",
    "شهاب",
    "نادر",
    "رووف",
    "سجاد",
    "غيث",
    "مامون",
    "موفق",
    "ثاير",
    "جواد",
    "نوفل",
    "هاله",
    "ياسمين",
    "ثريا",
    "ساميه",
    "امينه",
    "لطيفه",
]


@pytest.mark.parametrize("given", ADDED_GIVEN + ADDED_COMMON)
def test_each_added_given_name_starts_a_person(given: str) -> None:
    """Each name added for issue 11, in a sentence made for it: before a nisba
    family name (what even a given name that is also a common word needs)."""
    assert names(f"وقال {given} الحسيني إن الاتفاق صامد") == [f"{given} الحسيني"]


@pytest.mark.parametrize("common", ["تمام", "نادر", "ياسمين", "جواد"])
def test_added_common_words_need_a_family_name(common: str) -> None:
    assert names(f"وصل الوفد {common} الساعة العاشرة") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a noun in construct with a definite noun after a title is no name
        ("وبحث الوزير مع نظيره الأردني سبل التعاون", []),
        ("واستعرض الرئيس مستجدات الأوضاع في المنطقة", []),
        # a given name, or a nisba family name, still makes one
        ("واستقبل الرئيس هشام الحوت في القصر", ["هشام الحوت"]),
        ("واستقبل الرئيس غياث الدباغي في القصر", ["غياث الدباغي"]),
    ],
)
def test_a_construct_phrase_is_no_name(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_a_name_opening_with_abd_is_still_a_name() -> None:
    assert names("واستقبل الرئيس عبد الرحمن الخطيب في القصر") == ["عبد الرحمن الخطيب"]
    assert names("وقال الأمير عبد اللطيف إن الزيارة ناجحة") == ["عبد اللطيف"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a Mauritanian family name «ولد X» as the subject after a verb or «كان»
        ("وقدم ولد سالم مساء أمس استقالته للرئيس", ["ولد سالم"]),
        ("وكان ولد أحمدو يشغل منصب الأمين العام", ["ولد أحمدو"]),
        # at a clause's start «ولد» is «was born»
        ("ولد محمد في نواكشوط عام 1960", []),
        ("وقال إنه ولد بالعاصمة", []),
    ],
)
def test_ould_names(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # after «بن X» a definite word is the family name only in a family
        # name's shape or where the name clearly ends; else the verb's object
        ("ترأس الشيخ ماجد بن راشد الاجتماع الأول للمجلس", ["ماجد بن راشد"]),
        ("استقبل الأمير فهد بن خالد الوفد المرافق للوزير", ["فهد بن خالد"]),
        ("وقال الوزير خالد بن سالم العطية إن الاتفاق وشيك", ["خالد بن سالم العطية"]),
        ("وأكد الشيخ سالم بن علي الحارثي أن الاتفاق وشيك", ["سالم بن علي الحارثي"]),
        (
            "وأوضح البيان أن المتهمين، ماجد بن سالم الفراج وسعد بن خالد الربع، غادرا",
            ["ماجد بن سالم الفراج", "سعد بن خالد الربع"],
        ),
        # «شيخ» between given names, or last before the name's end, is a name's
        ("وصل الرئيس حسن شيخ محمود إلى المطار", ["حسن شيخ محمود"]),
        ("وأعلن الوزير السيد سالم أحمد شيخ، نتائج الفرز", ["سالم أحمد شيخ"]),
    ],
)
def test_where_a_name_with_a_lineage_or_a_title_word_ends(text: str, want: list[str]) -> None:
    assert names(text) == want
