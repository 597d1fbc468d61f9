"""Rules of Arabic news writing that the actor reader follows, each on sentences
written for this test (not taken from the gold set), with an empty registry:
what is found is what the rule finds, not what an editor registered."""

from __future__ import annotations

import pytest

from generator.arabic.actors import Registry, find_actors

EMPTY = Registry()


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, EMPTY, None)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the Gulf's official style puts a slash between title and name
        ("وكلّف الوزير الأستاذ/ سليمان الحربي برئاسة الوفد", ["سليمان الحربي"]),
        ("وأناب الملك الأمير / فهد بن سعد بن فيصل في إدارة شؤون الدولة", ["فهد بن سعد بن فيصل"]),
        # a nationality adjective before «بن» is a first name
        ("استقبل الأمير تركي بن فهد وفدا من رجال الأعمال", ["تركي بن فهد"]),
        # names that open with «عبد» and «أبو», «عبد الله» among them
        ("وقال الشيخ عبد الرحمن السديس إن الموسم نجح", ["عبد الرحمن السديس"]),
        ("وزار الأمير عبد الله بن بندر المعرض", ["عبد الله بن بندر"]),
        ("وألقى العميد أبو علي الحسيني كلمة في الحفل", ["أبو علي الحسيني"]),
        # judges and military ranks are titles
        ("وأصدر القاضي فادي صوان قرارا بتوقيفه", ["فادي صوان"]),
        ("وقاد الهجوم المقدم ناصر الدوري", ["ناصر الدوري"]),
        # an envoy's posting names a country in two words
        ("وقال السفير المصري لدى المملكة المتحدة شريف كامل إن", ["شريف كامل"]),
    ],
)
def test_title_then_name(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want", "not_wanted"),
    [
        # a one-word name ends at an apposed title, or at «و» opening a clause
        ("وزار المعرض الأمير سلطان أمير منطقة تبوك", ["سلطان"], "منطقة تبوك"),
        ("وصل الأمير هاري وكان في استقباله السفير", ["هاري"], "وكان"),
        # an indefinite ruler's title names his land, not him
        ("ووصل أمير ويلز إلى الرياض", [], "ويلز"),
        # the future prefix makes a verb, not a one-word name
        ("وقالت المصادر إن الوزير الليبي سيحضر الاجتماع", [], "سيحضر"),
        ("وأكد أن الرئيس التشادي سيصل إلى نجامينا غدا", [], "سيصل"),
    ],
)
def test_where_a_name_ends(text: str, want: list[str], not_wanted: str) -> None:
    found = names(text)
    assert found == want
    assert not any(not_wanted in name for name in found)
