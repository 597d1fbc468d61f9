"""A body in a noun's genitive is that noun's owner or frame, not who acts
(`actor_position`, issue 11: bodies were the least precise actors on text the
rules had never seen). A body after a verb, a particle, «و», a body's people
or a verbal noun still acts. Every sentence is written for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.actors import ActorEntry, Registry, find_actors
from generator.arabic.words_context import PEOPLE_OF

ON = dt.date(2024, 6, 1)
REGISTRY = Registry([ActorEntry(slug="un", name="الأمم المتحدة", kind="organisation")])


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, REGISTRY, ON)]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("ظهرت الصور على الموقع الإلكتروني لوزارة الزراعة أمس.", "وزارة الزراعة"),
        ("زار الوفد مبنى هيئة الطاقة الذرية صباح اليوم.", "هيئة الطاقة الذرية"),
        ("ناقش النواب مشروع لجنة الموازنة العامة أمس.", "لجنة الموازنة العامة"),
        ("رفع المحتجون شعارات تطالب بإصلاح ميثاق الأمم المتحدة.", "الأمم المتحدة"),
    ],
)
def test_a_nouns_genitive_is_no_actor(text: str, body: str) -> None:
    assert body not in names(text)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("أعلنت وزارة الزراعة أمس عن خطة جديدة للري.", "وزارة الزراعة"),
        ("منح مجلس الشيوخ الثقة للحكومة الجديدة.", "مجلس الشيوخ"),  # a verb of three letters
        ("وأكد البيان الذي نشرته وزارة الزراعة أن المحصول وفير.", "وزارة الزراعة"),  # a pronoun
        ("تتقدم وزارة الأوقاف بالتهنئة إلى المواطنين.", "وزارة الأوقاف"),  # an imperfect
        ("التقى الوزير وفد الأمم المتحدة في مكتبه.", "الأمم المتحدة"),  # a body's people
        ("أدان البيان انسحاب قوات الأمن من البلدة.", "قوات الأمن"),  # a verbal noun's doer
        ("قصف الطيران المقر الرئيسي لحزب العمال الكردستاني.", "حزب العمال الكردستاني"),
        ("أصدر الجيش اللبناني والهيئة العامة للطيران بياناً.", "الهيئة العامة للطيران"),
    ],
)
def test_a_body_that_acts_stays(text: str, body: str) -> None:
    assert body in names(text)


@pytest.mark.parametrize("people", sorted(PEOPLE_OF))
def test_a_bodys_people(people: str) -> None:
    """Each noun of a body's people keeps the body in its genitive a party."""
    text = f"استقبل الرئيس {people} هيئة الطاقة الذرية في قصره."
    assert "هيئة الطاقة الذرية" in names(text)


def test_an_unknown_noun_still_owns() -> None:
    """The same sentence with a noun that is no body's people: the owner."""
    assert "هيئة الطاقة الذرية" not in names("استقبل الرئيس موظفي هيئة الطاقة الذرية في قصره.")


@pytest.mark.parametrize(
    "text",
    [
        "ألقى الوزير خطاباً مطولاً في الأمم المتحدة أمس.",
        "ناقش المجلس تقريراً حول الأمم المتحدة ودورها.",
        "جرى الحديث بشأن الأمم المتحدة وإصلاحها.",
        "تحدث الخبير عن الأمم المتحدة في محاضرته.",
        # the goal or the target of a motion
        "رفع المحامي شكوى إلى الأمم المتحدة أمس.",
        "وصل الوفد إلى الأمم المتحدة صباح اليوم.",
        "ألقى الوزير باللوم على الأمم المتحدة في تأخر المساعدات.",
    ],
)
def test_a_place_or_a_topic_is_no_actor(text: str) -> None:
    """A registered body after «في/حول/بشأن/عن» is where or what, not who;
    after «إلى/على», where the act goes."""
    assert "الأمم المتحدة" not in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "قال مسؤول في الأمم المتحدة إن المساعدات وصلت.",  # an official speaks for it
        "جاء ذلك في بيان صادر عن الأمم المتحدة أمس.",  # its own statement
        "أعلنت الأمم المتحدة أن المساعدات وصلت.",
    ],
)
def test_a_body_that_speaks_stays(text: str) -> None:
    assert "الأمم المتحدة" in names(text)


GROUP = Registry([ActorEntry(slug="front", name="جبهة الأحرار", kind="group")])


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("أعلن الجيش خلو المنطقة من جبهة الأحرار.", False),  # whence
        ("تعرضت مجموعة من جبهة الأحرار لكمين قرب الحدود.", False),  # of which
        ("قتل الجيش عنصراً من جبهة الأحرار في الاشتباك.", True),  # one of its people
        ("انشق جندي من جبهة الأحرار عن الحركة.", True),
    ],
)
def test_a_body_after_min(text: str, acts: bool) -> None:
    """After a noun and «من» a body is whence or of which, unless the noun is
    one of its people (PEOPLE_OF)."""
    got = [m.name for m in find_actors(text, GROUP, ON)]
    assert ("جبهة الأحرار" in got) is acts


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        # coordinated with a body that is a place, an owner or a topic: the same
        ("ألقى الوزير خطاباً مطولاً في الأمم المتحدة، وهيئة الطاقة الذرية.", False),
        ("زار الوزير مبنى الأمم المتحدة وهيئة الطاقة الذرية أمس.", False),
        # coordinated with a body that acts: it acts too
        ("أعلنت الأمم المتحدة وهيئة الطاقة الذرية أن التفتيش انتهى.", True),
    ],
)
def test_a_coordinated_body_stands_where_the_first_does(text: str, acts: bool) -> None:
    """«و» joins two bodies in one position: the second is a place, an owner
    or a topic when the first is, as Arabic coordination shares its case."""
    assert ("هيئة الطاقة الذرية" in names(text)) is acts
