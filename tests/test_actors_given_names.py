"""People with no title before their name, family names alone, and the
scorer's rule for them (issue 11). Every sentence is written for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.actors import ActorMention, Registry, find_actors, story_actors
from generator.evaluate import score_actors
from generator.understand import understand

ON = dt.date(2024, 11, 1)


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, Registry(), ON)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # subject, object, after a preposition, in a list
        ("أدى يوسف الحمداني اليمين أمام البرلمان", ["يوسف الحمداني"]),
        ("انتخب المجلس سالم الجبوري رئيسا له", ["سالم الجبوري"]),
        ("وسيتولى الحقيبة نبيل الخطيب خلفا لسلفه", ["نبيل الخطيب"]),
        (
            "التقى الوفد كلا من أنتوني ماركس وكاترين كولون في باريس",
            ["أنتوني ماركس", "كاترين كولون"],
        ),
        # lineage chains: بن، آل، ولد، عبد
        ("وصل خالد بن محمد بن سعود آل فيصل إلى المنامة", ["خالد بن محمد بن سعود آل فيصل"]),
        ("غادر محمد ولد الشيخ أحمد العاصمة", ["محمد ولد الشيخ أحمد"]),
        ("وقال عبد الكريم الهاشمي، عضو اللجنة، إن الاتفاق نهائي", ["عبد الكريم الهاشمي"]),
        # a Gulf name with the article on each part
        ("استقبل سعود الأحمد الجابر الصباح الوفد", ["سعود الأحمد الجابر الصباح"]),
        # a foreign name of three words, before the next item of a list
        ("والتقى الوفد جان بيير لوران وألمانيا", ["جان بيير لوران"]),
        # a family name that starts like a preposition is still a name
        ("وصل أنتوني بلينكس، إلى الرياض", ["أنتوني بلينكس"]),
        # after «برئاسة» a person, not an institution's name
        ("أدت الحكومة الجديدة برئاسة حازم رشدان اليمين", ["حازم رشدان"]),
        # after «بن X» a family name with the article ends the chain
        ("وقد تقرر تعيين سامي بن علي الحربي مديرا للهيئة", ["سامي بن علي الحربي"]),
        # a nisba family name as a third word, whatever follows
        ("قال إن يوسف شاكر الدليمي متابع شخصيا للقضية", ["يوسف شاكر الدليمي"]),
    ],
)
def test_a_given_name_starts_a_person(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # a given name that is also a common word needs a given or family name after it
        "قال المتحدث إن الطريق سالم تماما",
        "أقيمت الصلاة في صباح العيد",
        # a name inside a place's or an institution's name
        "أقيمت الصلاة في جامع الإمام فيصل بن تركي",
        "وصل الوفد إلى مطار الملك خالد الدولي",
        "منحت مؤسسة محمد بن راشد جوائزها",
        # a given name alone is no one in particular
        "قال محمد إن الاجتماع انتهى",
        # «على» folds to «علي»: never a name's start
        "وافق المجلس على السفر خارج البلاد",
    ],
)
def test_what_is_not_a_person(text: str) -> None:
    assert [m for m in find_actors(text, Registry(), ON) if m.kind == "person"] == []


def test_a_third_word_only_where_the_name_ends() -> None:
    # «مذكرة» is the object, not a third name
    assert names("أصدر خالد حسين مذكرة بتأجيل القرار") == ["خالد حسين"]
    assert names("أصدر خالد حسين الزيدي، أمس، مذكرة") == ["خالد حسين الزيدي"]


def test_a_family_name_alone_is_the_person_the_story_named() -> None:
    story = find_actors("انتخب المجلس سالم الجبوري رئيسا له", Registry(), ON)
    text = "وهنأ الرئيس الجبوري على فوزه"
    found = story_actors(text, find_actors(text, Registry(), ON), story)
    assert [(m.name, m.mention) for m in found] == [("سالم الجبوري", "الجبوري")]
    # through understand(), as a news file's lines are read
    facts = understand(text, reference=ON, today=ON, registry=Registry(), story=story)
    assert "سالم الجبوري" in [m.name for m in facts.actors]


def test_a_family_name_repeating_the_sentence_s_person_is_that_person() -> None:
    text = "استقبل الوزير يوسف الحمداني وفدا، وأكد الحمداني أن الاتفاق نهائي"
    actors = find_actors(text, Registry(), ON)
    assert [m.name for m in actors] == ["يوسف الحمداني"]
    assert story_actors(text, actors) == []


def test_a_nisba_family_name_after_a_verb_is_a_person() -> None:
    assert names("وأوضح الحمداني أن الاتفاق نهائي") == ["الحمداني"]
    # a nationality is not a family name
    assert names("وأوضح المصري أن الاتفاق نهائي") == []
    # nor a word a name could go on from
    assert names("وأوضح الحمداني الكبير أن الاتفاق نهائي") == []


def test_the_scorer_takes_a_family_name_for_the_full_name() -> None:
    predicted = [ActorMention("س", "سالم الجبوري", "الجبوري")]
    assert score_actors(predicted, ["الجبوري"]) == (set(), set())
    assert score_actors([ActorMention("ج", "الجبوري", "الجبوري")], ["سالم الجبوري"]) == (
        set(),
        set(),
    )
    # but not another person's first name
    assert score_actors(predicted, ["سالم"]) == ({"سالم"}, {"سالم الجبوري"})


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an institution named as a place is where, not who
        ("التقى الوزيران في مقر الهيئة العامة للاستثمار", []),
        ("عقد المؤتمر بالمركز الوطني للدراسات", []),
        ("قال إن عددا من المسؤولين في الحكومة الموريتانية حضروا", []),
        # unless an official speaks for it, or a member belongs to it
        (
            "كشف مسؤول في وزارة الخارجية الموريتانية أن الاتفاق نهائي",
            ["وزارة الخارجية الموريتانية"],
        ),
        ("اجتمع ممثلو الدول الأعضاء في منظمة التعاون الإسلامي", ["منظمة التعاون الإسلامي"]),
    ],
)
def test_an_institution_after_a_preposition_of_place(text: str, want: list[str]) -> None:
    assert [m.name for m in find_actors(text, Registry(), ON) if m.kind != "person"] == want


def test_ali_is_a_name_only_before_a_family_name() -> None:
    assert names("يشارك الوزير، محمد علي الكعبي، في الدورة") == ["محمد علي الكعبي"]
    assert names("وأكد أحمد على ضرورة الحوار") == []


def test_a_foreign_family_name_with_a_hamza_is_no_article() -> None:
    # «ألفاريس» folds like «الفاريس» but its alef carries a hamza: no article
    assert names("وتلقى اتصالات من خوسيه أنطونيو ألفاريس وروسيا") == ["خوسيه أنطونيو ألفاريس"]


def test_a_title_after_a_lineage_chain_is_not_its_family_name() -> None:
    text = "نعى الديوان الشيخ عبدالرحمن بن صالح بن فهد آل الشيخ المفتي العام"
    assert "عبدالرحمن بن صالح بن فهد آل الشيخ" in names(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # Maghreb and Mauritanian given names written with the article
        ("وأشرف الفريق السعيد بوزيان على المناورات", ["السعيد بوزيان"]),
        ("وقال الوزير الصادق بلحاج إن", ["الصادق بلحاج"]),
        ("ووصل السفير الطيب مقراني إلى العاصمة", ["الطيب مقراني"]),
        ("وقال الوالي الصديق ولد أحمد إن الطريق مفتوح", ["الصديق ولد أحمد"]),
        ("وشاركت الوزيرة الناها بنت سيدي في الاجتماع", ["الناها بنت سيدي"]),
        # the same words as adjectives stay adjectives
        ("وأعلن الحزب الطيب الذكر موقفه", []),
    ],
)
def test_given_names_with_the_article(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_a_name_ends_before_a_title_in_apposition() -> None:
    """«علي رضا كاظمي مساعد وزير الداخلية»: the third word is the name's
    last when a title follows; «سعادة» is an honorific title."""
    text = "ونقل الرسالة كريم جواد تهراني مساعد وزير الخارجية"
    assert names(text) == ["كريم جواد تهراني"]
    text = "وحضر سعادة السفير جورج مانسون وسعادة السفير لوي بيرنار"
    assert names(text) == ["جورج مانسون", "لوي بيرنار"]


def test_a_common_noun_that_is_a_foreign_given_name_needs_a_strong_next_word() -> None:
    """«بيت» is Pete and a house: «بيت الضيافة للحكومة» is a building; after
    a title the name still reads («الوزير بيت هيغسيث»)."""
    assert names("وعقد اللقاء في بيت الضيافة للحكومة") == []
    assert "بيت هيغسيث" in names("وقال وزير الحرب الأمريكي بيت هيغسيث إن")


def test_a_two_word_family_name_alone_is_the_storys_person() -> None:
    """«وقال عبد الغفار …» after «دانر عبد الغفار» in an earlier line of the
    story is that person, «عبد» written apart included."""
    earlier = find_actors("وقال المتحدث باسم الكتلة، دانر عبد الغفار، إن", Registry(), ON)
    found = story_actors("وقال عبد الغفار إن الوفد زار بغداد", [], earlier)
    assert [m.name for m in found] == ["دانر عبد الغفار"]
