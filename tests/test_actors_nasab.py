"""A name's nasab: the father's and grandfather's given names between the
given name and the family name («خالد محمود فتحي عياش», «ماجد بن خالد حمزة
يوسف قاسم»), read on while the words are given names and closed by a plain
family name where the name clearly ends (issue 11, fourth batch). Every
sentence is written for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.actors import Registry, find_actors

ON = dt.date(2024, 11, 1)


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, Registry(), ON)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # given names in a row, then the family name before punctuation or a date
        ("وقتل الشاب خالد محمود فتحي عياش (19 عاماً) في القصف", ["خالد محمود فتحي عياش"]),
        ("وأعلن أحمد يوسف إبراهيم قناوي أمس فوزه بالمقعد", ["أحمد يوسف إبراهيم قناوي"]),
        # after «بن X», more given names and the family name before a title
        (
            "ويكلف الدكتور ماجد بن خالد حمزة يوسف قاسم وزير العدل بالمهمة",
            ["ماجد بن خالد حمزة يوسف قاسم"],
        ),
        # a given name that is a common word too, when a name follows it
        (
            "وكلف الملك الدكتور سالم بن عبدالله حسن مرزوق وزير النقل بالإشراف على المشروع",
            ["سالم بن عبدالله حسن مرزوق"],
        ),
        # a compound («محيي الدين») after «بن», then the family name
        ("وأعفى المرسوم الشيخ فيصل بن محيي الدين فارسي من منصبه", ["فيصل بن محيي الدين فارسي"]),
        # an object after a two-word name is no family name
        ("ووقع أحمد محمود اتفاقية مع الوفد", ["أحمد محمود"]),
        ("وأكد أحمد محمود الاتفاق مع الوفد", ["أحمد محمود"]),
        ("وأشاد الأمير فيصل بن سعود حسن التعامل مع الأزمة", ["فيصل بن سعود"]),
    ],
)
def test_the_nasab_and_the_family_name(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a family name with the article before a title in apposition
        ("وقال سامي يوسف الحلو رئيس التحرير إن العدد صدر", ["سامي يوسف الحلو"]),
        # the plural nisba of Levantine families (فعاللة), where the name ends
        ("وأكد العميد خالد محمود الخصاونة أن الطريق آمن", ["خالد محمود الخصاونة"]),
        # a given name and the father's, then a plain family name before «على»
        ("وحصل المرشح يوسف إسماعيل داهر على أغلبية الأصوات", ["يوسف إسماعيل داهر"]),
        # an object, a feminine noun or a verbal noun (مفاعلة) is no family name
        ("ووقع محمد أحمد اتفاقية مع الوفد", ["محمد أحمد"]),
        ("وناقش محمد أحمد الملف مع الوزير", ["محمد أحمد"]),
        ("وقال خالد يوسف المشاركة مهمة", ["خالد يوسف"]),
    ],
)
def test_a_third_name_where_the_name_ends(text: str, want: list[str]) -> None:
    assert names(text) == want
