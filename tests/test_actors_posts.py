"""Titles found by probing written sentences (issue 11): an honorific before
a title of its own («فخامة الرئيس الفرنسي», «معالي وزير الخارجية»), a post's
description before whose post it is («المستشار الإعلامي لرئيس الوزراء»), and
a post in the accusative before whose post it is («عُيّن مستشاراً خاصاً
لرئيس الجمهورية»): the inner title is the role's, not an actor (GOLD.md 4).
Every sentence is written for the test.
"""

from __future__ import annotations

import datetime as dt

from generator.arabic.actors import ActorEntry, Registry, Role, find_actors

ON = dt.date(2024, 6, 1)
REGISTRY = Registry(
    [
        ActorEntry(
            slug="pres",
            name="جان مارتان",
            roles=(Role(title="الرئيس الفرنسي", start=dt.date(2020, 1, 1)),),
        ),
        ActorEntry(
            slug="fm",
            name="سامر العلي",
            roles=(Role(title="وزير الخارجية", start=dt.date(2020, 1, 1)),),
        ),
        ActorEntry(
            slug="pm",
            name="نادر الحسن",
            roles=(Role(title="رئيس الوزراء", start=dt.date(2020, 1, 1)),),
        ),
    ]
)


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, REGISTRY, ON)]


def test_an_honorific_before_a_title_of_its_own() -> None:
    assert names("وتلقى الأمير اتصالا هاتفيا من فخامة الرئيس الفرنسي") == ["جان مارتان"]
    assert names("وقال معالي وزير الخارجية إن المحادثات مثمرة") == ["سامر العلي"]


def test_a_post_described_before_whose_post_it_is() -> None:
    assert names("وأكد المستشار الإعلامي لرئيس الوزراء أن الحكومة تتابع الأسعار") == []
    # a rank and a nisba is a name as often: the prime minister is addressed
    assert names("وقال اللواء الزبيدي لرئيس الوزراء إن الطريق آمن") == ["نادر الحسن"]


def test_a_post_in_the_accusative_before_whose_post_it_is() -> None:
    text = "وعين المرسوم سامي حداد مستشارا خاصا لرئيس الوزراء"
    assert names(text) == ["سامي حداد"]
    assert names("وعين المجلس سامي حداد نائبا لرئيس الوزراء") == ["سامي حداد"]
    # thanks are no post: the prime minister is thanked
    assert names("وقدم الوزير سامي حداد شكرا لرئيس الوزراء") == ["سامي حداد", "نادر الحسن"]


def test_a_title_with_its_genitive_takes_no_second_title_after_li() -> None:
    """«رئيس الوزراء لوزير الخارجية»: a title that has its genitive already
    is complete; «ل» and a title after it is another argument, the one
    addressed. A deputy's title has none, and the title after «ل» is whose
    deputy he is («النائب الأول لرئيس الوزراء»)."""
    text = "ووجه رئيس الوزراء لوزير الخارجية الشكر على جهوده"
    assert names(text) == ["نادر الحسن", "سامر العلي"]
    assert names("وقال النائب الأول لرئيس الوزراء إن الموازنة جاهزة") == []
    assert names("وقال وزير الدولة لشؤون مجلس الوزراء إن الموازنة جاهزة") == []


def test_nouns_after_a_title_are_no_name() -> None:
    # two nouns written with «ة» after a man's title: a speech, not his name
    text = "وألقى رئيس الوزراء كلمة نيابة عن الحكومة في افتتاح المؤتمر"
    assert names(text) == ["نادر الحسن"]
    # «ب» on a noun written with «ة»: «قام … بجولة», not a name like «بوتفليقة»
    assert names("وقام الوزير بجولة في المستشفى") == []
    assert [m.name for m in find_actors("وقال الرئيس بوتفليقة إن", Registry([]), ON)] == [
        "بوتفليقة"
    ]
    # pictures of a person are his, not an act of his (a frame)
    assert names("ورفع المتظاهرون صور رئيس الوزراء") == []


def test_a_noun_after_a_title_that_names_someone_is_the_object() -> None:
    """«أعطى الملك انطلاقة أشغال …»: after a man's title that names its
    holder on the date, a noun written with «ة» is the verb's object; where
    no one holds the title, it is still read as his name."""
    text = "وأعطى رئيس الوزراء انطلاقة أشغال المستشفى الجامعي"
    assert names(text) == ["نادر الحسن"]
    assert names("وقال السفير عطية حداد إن الزيارة ناجحة") == ["عطية حداد"]
    # a woman's title, a woman's name
    assert names("وقالت الوزيرة نجيبة سالم إن الزيارة ناجحة") == ["نجيبة سالم"]


def test_a_given_name_inside_an_adjective_with_wa() -> None:
    # «ورقية» is «ورقيّة» (paper), not «و» and «رقية», unless a name follows
    assert names("وأعلن المصرف المركزي عن طرح عملة ورقية جديدة") == []
    assert names("وقالت رقية محمد إن الزيارة ناجحة") == ["رقية محمد"]
