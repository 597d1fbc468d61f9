"""Rules of Arabic news writing that the actor reader follows, each on sentences
written for this test (not taken from the gold set), with an empty registry:
what is found is what the rule finds, not what an editor registered."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.actors import ActorEntry, Registry, Role, find_actors

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


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a group or a province named by a bare proper name
        ("وأعلنت حركة فتح رفضها للقرار", ["حركة فتح"]),
        ("قررت محافظة ديالى، تعطيل الدوام", ["محافظة ديالى"]),
        ("واستهدف القصف مقرا لجماعة الحوثيين بالعاصمة صنعاء", ["جماعة الحوثيين"]),
        # … but not by an indefinite adjective
        ("وتبنت جماعة مسلحة الهجوم", []),
        ("وأسس حزب سياسي جديد في المدينة", []),
        # tribes run on through definite names
        ("وزار المحافظ عشيرة الجبور الحمدان في قضاء الشرقاط", ["عشيرة الجبور الحمدان"]),
        # a seat of power acts; after a preposition of place it is a place
        ("وقال الكرملين في بيان إن المحادثات مثمرة", ["الكرملين"]),
        ("ووصل الوفد إلى البيت الأبيض صباحا", []),
        ("واجتمع الوفد بالبيت الأبيض", []),
        # a building where something happened is no actor
        ("واستقبل المحافظ الوفد في ديوان المحافظة", []),
        # a news agency that reports is a source
        ("وذكرت وكالة الأنباء الكويتية أن الاجتماع انتهى", []),
    ],
)
def test_organisations(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_after_a_lineage_only_another_lineage_goes_on() -> None:
    assert names("وافتتح الأمير فيصل بن خالد بن سلطان بمقر الإمارة المعرض") == [
        "فيصل بن خالد بن سلطان"
    ]


def test_a_title_in_construct_with_another_is_one_role() -> None:
    registry = Registry(
        [
            ActorEntry("ر", "راشد العلي", roles=(Role("رئيس الجمهورية"),)),
            ActorEntry("و", "وليد السعد", roles=(Role("رئيس الوزراء"),)),
        ]
    )

    def found(text: str) -> list[str]:
        return [m.name for m in find_actors(text, registry, None)]

    assert found("وقال رئيس الجمهورية إن الحكومة مستمرة") == ["راشد العلي"]
    # the president is in his adviser's title, not in the event
    assert found("وتسلم مستشار رئيس الجمهورية تقريرًا عن الموسم") == []
    # the deputy prime minister is not the prime minister
    assert found("وقال نائب رئيس الوزراء إن الحكومة مستمرة") == []


KB_LIKE = Registry(
    [
        ActorEntry("وزير-سابق", "سعيد المنصوري"),
        ActorEntry("ملك", "فهد بن سلطان", roles=(Role("ملك البلاد"),)),
    ]
)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the predecessor an official replaces does nothing in the event
        ("وتولى الوزير كمال الزين الحقيبة خلفاً لسعيد المنصوري الذي استقال", ["كمال الزين"]),
        ("عُيّن الوزير كمال الزين خلفا للوزير سعيد المنصوري", ["كمال الزين"]),
        # the host who invited is not an actor of the visit; the word «دعوة» is no name
        ("ووصل الرئيس كمال الزين تلبيةً لدعوة من ملك البلاد فهد بن سلطان", ["كمال الزين"]),
        ("ووصل الرئيس كمال الزين وبدعوة كريمة من سعيد المنصوري", ["كمال الزين"]),
        ("وكان الوزير كمال الزين قد وجّه دعوة إلى سعيد المنصوري", ["كمال الزين", "سعيد المنصوري"]),
    ],
)
def test_predecessors_and_hosts_are_not_actors(text: str, want: list[str]) -> None:
    assert [m.name for m in find_actors(text, KB_LIKE, None)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a Hijri month's name ends a body's chain of nouns after «شهر»
        ("أعلنت لجنة تحري هلال شهر شوال ثبوت الرؤية", ["لجنة تحري هلال شهر شوال"]),
        # a province's proper name completes «مجلس محافظة …», «X الدين» too
        ("قرر مجلس محافظة نور الدين تعطيل الدوام", ["مجلس محافظة نور الدين"]),
        ("قرر مجلس محافظة ديالى، اليوم، تعطيل الدوام", ["مجلس محافظة ديالى"]),
        # a definite head, an adjective of relation, then the nationality
        ("أعلن الوقف الشيعي العراقي أن الخميس أول أيام العيد", ["الوقف الشيعي العراقي"]),
        # «دار» with a genitive and a nationality is a body, else a house or a verb
        ("أعلنت دار الإفتاء التونسية أن الأحد أول أيام العيد", ["دار الإفتاء التونسية"]),
        ("ودار الحديث حول الأوضاع العراقية", []),
        ("وأقيم الحفل في دار الأوبرا المصرية", []),
        # «دائرة» names a body only as the subject right after its verb
        ("واطلعت دائرة الأهلة على شهادات الشهود", ["دائرة الأهلة"]),
        ("ونقل البيان قرار دائرة الأهلة للمواطنين", []),
    ],
)
def test_bodies_named_with_a_proper_noun(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «علي» after two names, a given name and a comma: the grandfather, not «على»
        (
            "وكان في استقباله الفريق ركن محمد الطاهر علي يوسف، وعدد من الوزراء",
            ["محمد الطاهر علي يوسف"],
        ),
        ("وأكد الوزير محمد الطاهر على ضرورة الحوار", ["محمد الطاهر"]),
    ],
)
def test_ali_in_a_name(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a designate is named, or no one: not whoever holds the post
        ("وأعلن رئيس الحكومة المكلفة فتحي الهادي تشكيل حكومته", ["فتحي الهادي"]),
        # a foreign name's run stops at a verbal noun or a word with «ـه»
        ("وأعلن رئيس الحكومة المكلف يوهان كارلسون تشكيل حكومته.", ["يوهان كارلسون"]),
    ],
)
def test_designates_and_their_acts(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_a_designate_title_alone_names_no_holder() -> None:
    holder = ActorEntry(
        slug="pm", name="سالم الراشد", roles=(Role("رئيس الحكومة", dt.date(2020, 1, 1), None),)
    )
    found = find_actors(
        "وأعلن رئيس الحكومة المكلف تشكيل حكومته", Registry([holder]), dt.date(2022, 1, 1)
    )
    assert found == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «في» and a place right after a title say where the post is; a name follows
        (
            "وقالت السفيرة الأمريكية في بغداد ألينا رومانوسكي إن واشنطن تدعم الحوار",
            ["ألينا رومانوسكي"],
        ),
        ("وقال الوزير في بغداد أمس إن الوضع مستقر", []),
    ],
)
def test_a_post_held_in_a_place(text: str, want: list[str]) -> None:
    assert names(text) == want
