"""Words after a title that no lexicon knows as a name's start are a name
only where a name clearly ends (`names_bare.unknown_name`, issue 11): cold,
such names were wrong more often than right; the title alone then names its
holder, or no one. Every sentence is written for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.actors import ActorEntry, Registry, Role, find_actors

ON = dt.date(2024, 1, 1)
REGISTRY = Registry(
    [
        ActorEntry(
            slug="pres",
            name="جان مارتان",
            roles=(Role(title="الرئيس الفرنسي", start=dt.date(2020, 1, 1)),),
        )
    ]
)


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, REGISTRY, ON)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("أمر النائب العام بفتح تحقيق في الحادث.", []),
        ("أشاد الوزير بجهود فرق الإنقاذ في المنطقة.", []),
    ],
)
def test_unknown_words_running_on_are_no_name(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("قال الوزير سمير العلي إن الخطة جاهزة.", ["سمير العلي"]),  # a given name
        ("وكان الوزير شكري قد دعا إلى الحوار.", ["شكري"]),  # a family name's «ـي»
        ("التقت رئيسة البلدية إليسار نداف مع وفد من التجار.", ["إليسار نداف"]),  # a hamza
        ("استقبل السفير ميغيل أبرانتيس نيفيس، سفير البرتغال.", ["ميغيل أبرانتيس نيفيس"]),
        ("وجه الرئيس الفرنسي رسالة شكر إلى المتطوعين.", ["جان مارتان"]),  # the holder
    ],
)
def test_names_that_end_clearly_stay(text: str, want: list[str]) -> None:
    assert names(text) == want
