"""find_actors: the seed line by line, then each rule on sentences written for it.

The registry is built here from ActorEntry objects (not from the loader), with
the roles and dates of the example site's actor files; the last tests check
those files themselves and that they give the same answers.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
import yaml

from generator.arabic.actors import ActorEntry, ActorMention, Registry, Role, find_actors
from generator.arabic.lexicon import tokenize
from generator.arabic.normalize import normalize, slugify

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content/news/2015-10-01-russia-syria.txt"
ACTORS_DIR = ROOT / "content/actors"
D = dt.date.fromisoformat
ON = D("2015-10-01")


def entry(
    name: str, kind: str = "person", aliases: tuple[str, ...] = (), roles: tuple = ()
) -> ActorEntry:
    return ActorEntry(
        slug=slugify(name, max_words=20),
        name=name,
        kind=kind,  # type: ignore[arg-type]
        aliases=aliases,
        roles=tuple(Role(t, D(a) if a else None, D(b) if b else None) for t, a, b in roles),
    )


ENTRIES = [
    entry(
        "فلاديمير بوتين",
        aliases=("بوتين",),
        roles=(
            ("الرئيس الروسي", "2012-05-07", None),
            ("رئيس الوزراء الروسي", "2008-05-08", "2012-05-07"),
            ("الرئيس الروسي", "2000-05-07", "2008-05-07"),
        ),
    ),
    entry(
        "دميتري بيسكوف",
        aliases=("بيسكوف",),
        roles=(("المتحدث باسم الرئاسة الروسية", "2012-05-22", None),),
    ),
    entry(
        "سيرغي لافروف",
        aliases=("لافروف", "سيرجي لافروف"),
        roles=(("وزير الخارجية الروسي", "2004-03-09", None),),
    ),
    entry(
        "سامح شكري",
        aliases=("شكري",),
        roles=(("وزير الخارجية المصري", "2014-06-17", "2024-07-03"),),
    ),
    entry(
        "وانغ يي",
        aliases=("وانج يي",),
        roles=(
            ("وزير الخارجية الصيني", "2013-03-16", "2022-12-30"),
            ("وزير الخارجية الصيني", "2023-07-25", None),
        ),
    ),
    entry(
        "بشار الأسد",
        aliases=("الرئيس الأسد",),
        roles=(("الرئيس السوري", "2000-07-17", "2024-12-08"),),
    ),
    entry("حسن عبد العظيم", roles=(("رئيس هيئة التنسيق السورية المعارضة", None, None),)),
    entry("وزارة الدفاع الروسية", "organisation"),
    entry(
        "وزارة الدفاع الأمريكية",
        "organisation",
        aliases=("وزارة الدفاع الأميركية", "البنتاغون", "البنتاجون"),
    ),
    entry("مجلس الاتحاد الروسي", "organisation"),
    entry("رئاسة الجمهورية العربية السورية", "organisation", aliases=("الرئاسة السورية",)),
    entry(
        "هيئة التنسيق السورية المعارضة",
        "organisation",
        aliases=("هيئة التنسيق الوطنية لقوى التغيير الديمقراطي", "هيئة التنسيق"),
    ),
    entry("داعش", "group", aliases=("تنظيم الدولة الإسلامية",)),
]
REGISTRY = Registry(ENTRIES)

PUTIN, PESKOV, LAVROV, SHOUKRY, WANG = (
    "فلاديمير بوتين",
    "دميتري بيسكوف",
    "سيرغي لافروف",
    "سامح شكري",
    "وانغ يي",
)
ASSAD, AZIM, MOD_RU, MOD_US = (
    "بشار الأسد",
    "حسن عبد العظيم",
    "وزارة الدفاع الروسية",
    "وزارة الدفاع الأمريكية",
)
FED, PRES_SY, NCC, ISIS = (
    "مجلس الاتحاد الروسي",
    "رئاسة الجمهورية العربية السورية",
    "هيئة التنسيق السورية المعارضة",
    "داعش",
)


def names(text: str, on: dt.date | None = ON, registry: Registry = REGISTRY) -> list[str]:
    return [m.name for m in find_actors(text, registry, on)]


def by_name(text: str, on: dt.date | None = ON) -> dict[str, ActorMention]:
    return {m.name: m for m in find_actors(text, REGISTRY, on)}


# ------------------------------------------------------------------ the seed

# Per line of the seed (after its front matter): the actors in order, the subject first
# when there is one. Countries (روسيا، سورية) are places, not actors; forces
# («القوات الجوية الروسية») and anaphora («الهيئة», «التنظيم») are not actors.
SEED_ACTORS = [
    ([MOD_RU, MOD_US, ISIS], {MOD_RU, MOD_US}),
    ([MOD_RU, MOD_US, ISIS], {MOD_RU, MOD_US}),
    ([MOD_RU, MOD_US, ISIS], {MOD_RU, MOD_US}),
    ([PUTIN], {PUTIN}),
    ([PESKOV], {PESKOV}),
    ([SHOUKRY], {SHOUKRY}),
    ([WANG], {WANG}),
    ([LAVROV, ISIS], {LAVROV}),
    ([PUTIN, ISIS, MOD_RU], {PUTIN}),
    ([PRES_SY, ASSAD, PUTIN], {PRES_SY}),
    ([AZIM, NCC, ISIS], {AZIM}),
    ([FED, PUTIN], {FED}),
]


def seed_lines() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return [line for line in lines[lines.index("---", 1) + 1 :] if line.strip()]


@pytest.mark.parametrize(("n", "expected"), list(enumerate(SEED_ACTORS)))
def test_seed_line_actors(n: int, expected: tuple[list[str], set[str]]) -> None:
    want, subjects = expected
    found = find_actors(seed_lines()[n], REGISTRY, ON)
    assert [m.name for m in found] == want
    assert {m.name for m in found if m.role == "subject"} == subjects
    assert all(m.registered for m in found)


def test_seed_mentions_and_titles() -> None:
    lines = seed_lines()
    dual = by_name(lines[1])
    assert dual[MOD_RU].mention == dual[MOD_US].mention == "وزارتا الدفاع الروسية والأمريكية"
    lavrov = by_name(lines[7])[LAVROV]
    assert (lavrov.mention, lavrov.title) == ("وزير الخارجية الروسي", "وزير الخارجية الروسي")
    shoukry = by_name(lines[5])[SHOUKRY]
    assert shoukry.mention == "وزير الخارجية المصري سامح شكري"
    assert shoukry.title == "وزير الخارجية المصري"
    azim = by_name(lines[10])[AZIM]
    assert azim.title == "رئيس هيئة التنسيق السورية المعارضة"
    assert by_name(lines[8])[ISIS].kind == "group"


# ------------------------------------------------------------------ clitics and spelling

CLITICS = [
    ("وبوتين يرفض ذلك", [PUTIN]),
    ("رسالة وجهها الأسد للرئيس فلاديمير بوتين", [PUTIN]),
    ("التقى وزير الخارجية بالرئيس فلاديمير بوتين في موسكو", [PUTIN]),
    ("وبالرئيس فلاديمير بوتين اتصل الوزير", [PUTIN]),
    ("اتصال هاتفي بين شكري ولافروف", [SHOUKRY, LAVROV]),
    ("وأكد البنتاغون أن الاتصالات مستمرة", [MOD_US]),
    ("نقلت مصادر عن البنتاجون وعن وزارة الدفاع الروسية", [MOD_US, MOD_RU]),
    ("قال المتحدث إن للبنتاغون رأيا آخر", [MOD_US]),
    ("بيان صادر عن الرئاسة السورية وهيئة التنسيق", [PRES_SY, NCC]),
    ("فداعش لا يزال يسيطر على المدينة", [ISIS]),
    ("وتصدت القوات لتنظيم الدولة الإسلامية", [ISIS]),
]

SPELLING = [
    ("قال الرئيس الروسي فلاديمير بوتين", [PUTIN]),
    ("قال الرئيس الروسى فلاديمير بوتين", [PUTIN]),  # ى for ي
    ("قال الرئيس الروسي فلاديميرُ بوتينَ", [PUTIN]),  # harakat
    ("قال الرئيس الروسي فلاديـــمير بوتـين", [PUTIN]),  # tatweel
    ("أعلنت وزاره الدفاع الروسيه", [MOD_RU]),  # ه for ة
    ("أعلنت وزارة الدفاع الامريكية", [MOD_US]),  # ا for أ
    ("أعلنت وزارة الدفاع الأميركية", [MOD_US]),  # alias spelling
    ("قال سيرجي لافروف", [LAVROV]),
    ("قال وانج يي", [WANG]),
    ("أكد حسن عبد العظيم\u200c أن الهيئة مستمرة", [AZIM]),  # zero-width joiner
]


@pytest.mark.parametrize(("text", "want"), CLITICS + SPELLING)
def test_clitics_and_spelling(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_clitic_does_not_leak_into_mention() -> None:
    [putin] = find_actors("رسالة من الأسد للرئيس فلاديمير بوتين", REGISTRY, ON)
    assert putin.mention == "الرئيس فلاديمير بوتين" and putin.title == "الرئيس"
    [pentagon] = find_actors("وقال البنتاغون إن", REGISTRY, ON)
    assert pentagon.mention == "البنتاغون"


def test_word_boundaries() -> None:
    # «شكريا» and «بوتينية» contain aliases but are other words.
    assert names("قال شكريا إن المقاربة البوتينية تغيرت") == []


def test_fold_agrees_with_normalize() -> None:
    for text in (
        "أكدت وزارةُ الخارجيّة الأمريكيّة",
        "إلى مؤسسة ـــ الرئاسة، رئيس هيئة ٢٠١٥",
        "آلاف المقاتلين في سوريا وفي ۱۹۹۹",
        "التقی رئيس الوزراء العراقی وزير الخارجية الترکي",  # Persian yeh and keheh
    ):
        words = tokenize(text).words
        assert " ".join(words) == " ".join(normalize(text).replace("،", " ").split())


def test_persian_yeh_and_keheh_match_the_arabic_spelling() -> None:
    # Some Iraqi and Gulf copy types ی and ک for ي/ى and ك.
    [who] = find_actors("وقال الرئيس فلاديمیر بوتین إن بلاده مستعدة", REGISTRY, ON)
    assert who.name == "فلاديمير بوتين" and who.mention == "الرئيس فلاديمیر بوتین"
    assert normalize("مصطفی الکاظمي") == normalize("مصطفى الكاظمي")


# ------------------------------------------------------------------ titles and dated roles

TITLES = [
    # (text, date, expected names)
    ("قال وزير الخارجية المصري إن", D("2013-05-01"), []),  # before Shoukry's term
    ("قال وزير الخارجية المصري إن", D("2014-06-17"), [SHOUKRY]),  # first day
    ("قال وزير الخارجية المصري إن", D("2024-07-03"), [SHOUKRY]),  # last day
    ("قال وزير الخارجية المصري إن", D("2024-07-04"), []),  # after it
    ("قال وزير الخارجية الصيني إن", D("2023-03-01"), []),  # between Wang Yi's two terms
    ("قال وزير الخارجية الصيني إن", D("2023-08-01"), [WANG]),
    ("قال وزير الخارجية الصيني إن", D("2016-01-01"), [WANG]),
    ("قال الرئيس الروسي إن", D("2010-01-01"), []),  # Putin was prime minister then
    ("قال رئيس الوزراء الروسي إن", D("2010-01-01"), [PUTIN]),
    ("قال الرئيس الروسي إن", D("2005-01-01"), [PUTIN]),
    ("قال الرئيس الروسي إن", D("2020-01-01"), [PUTIN]),
    ("قال الرئيس السوري إن", D("2025-01-01"), []),  # after 8 December 2024
    ("قال الرئيس السوري إن", D("2019-01-01"), [ASSAD]),
    ("وقال وزير الخارجية إن", D("2016-01-01"), []),  # no country: no one
    ("والتقى بوزير الخارجية الروسي أمس", D("2016-01-01"), [LAVROV]),  # through a clitic
    # With no date only an open-ended role resolves.
    ("قال وزير الخارجية الروسي إن", None, [LAVROV]),
    ("قال وزير الخارجية المصري إن", None, []),
]


@pytest.mark.parametrize(("text", "on", "want"), TITLES)
def test_title_alone_resolves_by_date(text: str, on: dt.date | None, want: list[str]) -> None:
    assert names(text, on) == want


def test_title_and_registered_name_keep_the_title() -> None:
    # Named with a title they do not hold in the registry: the name wins, the title is kept.
    shoukry = by_name("قال وزير الخارجية المصري الأسبق سامح شكري", D("2025-01-01"))[SHOUKRY]
    assert shoukry.title == "وزير الخارجية المصري الأسبق"
    assert shoukry.mention.endswith("سامح شكري")


DISCOVERED_PERSONS = [
    # (text, name, title)
    ("قال وزير الخارجية الفرنسي لوران فابيوس إن بلاده", "لوران فابيوس", "وزير الخارجية الفرنسي"),
    ("أكد وزير الداخلية كمال الفقي، أن", "كمال الفقي", "وزير الداخلية"),
    ("قال الرئيس البرازيلي لويس إيناسيو لولا، إن", "لويس إيناسيو لولا", "الرئيس البرازيلي"),
    ("استقبل أمير قطر الشيخ تميم بن حمد آل ثاني وفدا", "تميم بن حمد آل ثاني", "أمير قطر الشيخ"),
    ("قال المتحدث باسم الخارجية الإيرانية ناصر كنعاني إن", "ناصر كنعاني", None),
    ("التقى الأمين العام للأمم المتحدة أنطونيو غوتيريش بالوفد", "أنطونيو غوتيريش", None),
    ("وقال رئيس الوزراء العراقي حيدر العبادي إن", "حيدر العبادي", "رئيس الوزراء العراقي"),
    ("اجتمع رئيس مجلس النواب نبيه بري مع", "نبيه بري", "رئيس مجلس النواب"),
    ("قال الرئيس الأمريكي باراك أوباما إن", "باراك أوباما", "الرئيس الأمريكي"),
    # a name part that also reads as a verb with a clitic (ف + يصل), before «بن»
    ("التقى الأمير فيصل بن فرحان وزير الخارجية", "فيصل بن فرحان", "الأمير"),
    ("وقال سفير المملكة لدى الأردن نايف السديري إن", "نايف السديري", "سفير المملكة لدى الأردن"),
    ("وقال الناطق باسم الحكومة، باسل حمدان، إن", "باسل حمدان", "الناطق باسم الحكومة"),
    ("أكدت رئيسة مؤسسة الأرشيف الوطني، ليلى الزعبي، أن", "ليلى الزعبي", None),
]

NOT_NAMES = [
    "وقال وزير الداخلية، خلال مؤتمر صحفي، إن",  # between commas, but not a name
    "أجرى وزير الخارجية، اتصالا هاتفيا، مع نظيره",  # an accusative noun and its adjective
    "هبطت الطائرة في مطار الملك عبدالعزيز الدولي",  # a place named after a king
    "افتتح الوزير فرع جامعة الملك سعود الجديد",
    "طالب رئيس الحزب بتحديد موعد الانتخابات",  # «ب» + verbal noun
    "وصل الأمير وكان في استقباله السفير",  # «وكان» starts a clause, not a name
    "منح ملك الأردن وولي عهده الوسام",  # «وولي» is a second title
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_title_followed_by_no_name_discovers_no_person(text: str) -> None:
    assert [m for m in find_actors(text, REGISTRY, ON) if not m.registered] == []


@pytest.mark.parametrize(("text", "name", "title"), DISCOVERED_PERSONS)
def test_title_and_unknown_name_is_a_discovered_person(
    text: str, name: str, title: str | None
) -> None:
    [person] = find_actors(text, REGISTRY, ON)
    assert (person.name, person.kind, person.registered) == (name, "person", False)
    assert person.slug == slugify(name, max_words=20)
    assert person.role == "subject"
    if title:
        assert person.title == title
    assert person.title and person.mention.endswith(name)


def test_surname_after_full_name_is_the_same_person() -> None:
    found = find_actors(
        "التقى وزير الداخلية كمال الفقي بالوفد، وقال الوزير الفقي الجديد إن", REGISTRY, ON
    )
    assert [m.name for m in found] == ["كمال الفقي"]


# ------------------------------------------------------------------ duals and coordination


def test_dual_of_two_titles_resolves_both_by_date() -> None:
    text = "بحث وزيرا الخارجية الروسي والمصري الأزمة السورية"
    assert names(text, D("2016-01-01")) == [LAVROV, SHOUKRY]
    assert names(text, D("2025-01-01")) == [LAVROV]  # Shoukry's term had ended


def test_dual_of_unregistered_organisations_discovers_both() -> None:
    found = find_actors("أعلنت الحكومتان السورية والعراقية اتفاقا", REGISTRY, ON)
    assert [(m.name, m.kind, m.registered) for m in found] == [
        ("الحكومة السورية", "organisation", False),
        ("الحكومة العراقية", "organisation", False),
    ]
    assert {m.mention for m in found} == {"الحكومتان السورية والعراقية"}


def test_dual_in_oblique_case() -> None:
    text = "اتصالات بين وزارتي الدفاع الروسية والأميركية"
    assert names(text) == [MOD_RU, MOD_US]


def test_coordinated_countries_are_two_registered_or_not() -> None:
    text = "وقعت روسيا والولايات المتحدة اتفاقا"
    found = find_actors(text, REGISTRY, ON)
    assert [(m.name, m.kind, m.registered) for m in found] == [
        ("روسيا", "country", False),
        ("الولايات المتحدة", "country", False),
    ]
    assert [m.slug for m in found] == [slugify("روسيا"), slugify("الولايات المتحدة")]
    countries = Registry(
        [*ENTRIES, entry("روسيا", "country"), entry("الولايات المتحدة", "country", ("أمريكا",))]
    )
    found = find_actors(text, countries, ON)
    assert [(m.name, m.kind, m.registered) for m in found] == [
        ("روسيا", "country", True),
        ("الولايات المتحدة", "country", True),
    ]


# A country that acts is an actor (kind "country"); as an object, after a
# preposition, in a genitive or as an adjective it stays a place.
COUNTRIES = [
    # subject of the sentence-initial verb, by any spelling the gazetteer knows
    ("أدانت الجمهورية التونسية الهجوم على القافلة", [("تونس", "subject")]),
    ("ورحبت مصر، اليوم الخميس، بالاتفاق", [("مصر", "subject")]),
    ("وقد استقبلت ألمانيا آلاف اللاجئين", [("ألمانيا", "subject")]),
    # coordinated in that subject position, with a country or with an actor
    (
        "بحثت اليابان وكوريا الجنوبية، سبل مواجهة التهديدات",
        [("اليابان", "subject"), ("كوريا الجنوبية", "mentioned")],
    ),
    (
        "طالبت الحكومة العراقية والكويت بوقف القتال",
        [("الحكومة العراقية", "subject"), ("الكويت", "mentioned")],
    ),
    ("وقعت تركيا، وأذربيجان اتفاقية للطاقة", [("تركيا", "subject"), ("أذربيجان", "mentioned")]),
    # right before a verb, at the start of the sentence or of a clause after أن/إن
    ("المغرب يرحب بالقرار الأممي", [("المغرب", "subject")]),
    ("أكد المتحدث أن قطر قد رحبت بالمبادرة", [("قطر", "mentioned")]),
    # objects, prepositional phrases, genitives, adjectives: places only
    ("زار الوفد الأردن الأسبوع الماضي", []),
    ("وصل الرئيس الروسي إلى الجزائر", [("فلاديمير بوتين", "subject")]),
    ("أعلنت وزارة الدفاع في روسيا بدء المناورات", [("وزارة الدفاع", "subject")]),
    ("قال سفير الصين لدى الأمم المتحدة إن المجلس سيجتمع", []),
    ("استهدفت الغارات الروسية مواقع في سورية", []),
    ("أعلن لبنان الحداد العام", [("لبنان", "subject")]),
    ("أعلنت الحكومة دعمها لليونان", []),
    ("ناقش المجلس مع فرنسا وإيطاليا الأزمة", []),
]


@pytest.mark.parametrize(("text", "expected"), COUNTRIES)
def test_countries_are_actors_where_they_act(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_actors(text, REGISTRY, ON)
    assert [(m.name, m.role) for m in found] == expected
    for m in found:
        if m.kind == "country":
            assert not m.registered and m.slug == slugify(m.name)


def test_acting_country_keeps_its_place() -> None:
    from generator.arabic.classify import find_places

    text = "أعلنت المملكة العربية السعودية موعد العيد"
    [saudi] = find_actors(text, REGISTRY, ON)
    assert (saudi.name, saudi.mention, saudi.kind) == (
        "السعودية",
        "المملكة العربية السعودية",
        "country",
    )
    assert find_places(text) == ["السعودية"]


# ------------------------------------------------------------------ quotes

QUOTES = [
    ("ضربات ضد «داعش» في سورية", [(ISIS, True)]),
    ("ضربات ضد “داعش” في سورية", [(ISIS, True)]),
    ('ضربات ضد "داعش" في سورية', [(ISIS, True)]),
    ("هاجم مسلحون من تنظيم «جند الأقصى» مواقع للجيش", [("جند الأقصى", False)]),
    ("أعلنت حركة «أحرار الشام» انسحابها", [("أحرار الشام", False)]),
    ("استهدفت الغارات مقرات «جيش الفتح» في إدلب", [("جيش الفتح", False)]),
    ('زار الوفد شركة "تلفزيون لبنان" أمس', [("تلفزيون لبنان", False)]),
    # Quoted speech and quoted words are not actors.
    ("اعتبر بوتين التقارير «هجوما إعلاميا».", [(PUTIN, True)]),
    ("يجب ألا «يتدخل بشكل تعسفي» في الأزمة", []),
    ('عاد الأمير مساء "الثلاثاء" إلى بلاده', []),
    ("وصف الوزير الوضع بأنه «مقلق»", []),
    ('عن "استغراب" الوزارة من التصريحات', []),
    ('وفق ما نقلت وكالة "رويترز"', []),
    ('في العاصمة الفنزويلية "كراكاس"', []),
]


@pytest.mark.parametrize(("text", "want"), QUOTES)
def test_quoted_names(text: str, want: list[tuple[str, bool]]) -> None:
    found = find_actors(text, REGISTRY, ON)
    assert [(m.name, m.registered) for m in found] == want
    for m in found:
        if not m.registered:
            assert m.kind == "group" or m.kind == "organisation"


def test_quoted_group_kinds() -> None:
    [group] = find_actors("أعلنت حركة «أحرار الشام» انسحابها", REGISTRY, ON)
    [company] = find_actors('زار الوفد شركة "تلفزيون لبنان" أمس', REGISTRY, ON)
    assert (group.kind, company.kind) == ("group", "organisation")


# ------------------------------------------------------------------ discovery and stop phrases

ORGANISATIONS = [
    ("أعلنت وزارة الصحة الفلسطينية ارتفاع عدد الضحايا", "وزارة الصحة الفلسطينية", "organisation"),
    ("قال حزب الله في بيان إن", "حزب الله", "organisation"),
    ("دعت جامعة الدول العربية إلى", "جامعة الدول العربية", "organisation"),
    ("أكدت الحكومة العراقية أن", "الحكومة العراقية", "organisation"),
    ("انتقدت الإدارة الأميركية القرار", "الإدارة الأمريكية", "organisation"),  # house spelling
    ("أعلنت جبهة النصرة مسؤوليتها", "جبهة النصرة", "group"),
    (
        "أعلنت وزارة القصور الملكية والتشريفات والأوسمة أن",
        "وزارة القصور الملكية والتشريفات والأوسمة",
        "organisation",
    ),
    ("وافق مجلس الأمن الدولي بالإجماع", "مجلس الأمن الدولي", "organisation"),
    ("أصدرت لوزارة الخارجية القطرية بيانا", "وزارة الخارجية القطرية", "organisation"),
    # a definite head, an adjective and what it is «of», after «ل»
    ("أصدرت الهيئة العامة للأرصاد الجوية تحذيرا", "الهيئة العامة للأرصاد الجوية", "organisation"),
    (
        "أعلن المكتب الإقليمي لمنظمة الصحة العالمية أن",
        "المكتب الإقليمي لمنظمة الصحة العالمية",
        "organisation",
    ),
    (
        "رحبت الأمانة العامة لمجلس التعاون الخليجي بالاتفاق",
        "الأمانة العامة لمجلس التعاون الخليجي",
        "organisation",
    ),
    ("قرر مجلس الوزراء تعطيل الدوام", "مجلس الوزراء", "organisation"),
    ("اجتمع مجلس الوزراء الأردني مساء", "مجلس الوزراء الأردني", "organisation"),
    ("قررت محافظة البصرة تعليق الدوام", "محافظة البصرة", "organisation"),  # subject of its verb
    ("دعت نقابة المحامين إلى إضراب", "نقابة المحامين", "organisation"),
    ("طالب اتحاد الكتاب العرب بالإفراج عنه", "اتحاد الكتاب العرب", "organisation"),
]


@pytest.mark.parametrize(("text", "name", "kind"), ORGANISATIONS)
def test_organisations_are_discovered(text: str, name: str, kind: str) -> None:
    [org] = find_actors(text, REGISTRY, ON)
    assert (org.name, org.kind, org.registered) == (name, kind, False)


STOP_PHRASES = [
    "أشار إلى أن المشهد الميداني في سورية تتزاحم فيه الحروب، الأمر الذي يسمح بنفاذ المزيد",
    "اجتمع مجلس الإدارة لبحث الميزانية",
    "تعطلت حركة السير في وسط المدينة",
    "قال إن القوات الجوية الروسية تحدد أهدافها بالتنسيق مع القوات السورية",
    "وهذا الأمر جيد نحو التخلص من الإرهاب",
    "قال الرئيس إن الوضع صعب",  # a title with no name and no role
    "أكد الوزير الفرنسي أن",  # nationality adjective, not a name
    "قال المبعوث الخاص بالملف السوري إن",
    "الحكومة الجديدة تؤدي اليمين",  # a definite organisation needs a nationality
    "وصل الوفد إلى محافظة البصرة صباحا",  # a governorate as a place, not a subject
    "عقد الاجتماع برئاسة الوزير",  # «رئاسة» as chairing, not the presidency
    "تولى رئاسة البلاد بعد الانتخابات",
    "افتتح المجلس الجديد للشباب مقره",  # «الجديد» says when, not which
    "قال المكتب الإعلامي في بيان",  # no complement: too vague to be an actor
    "قال المتحدث الرسمي باسم وزارة الداخلية إن",  # an organisation inside a title
]


@pytest.mark.parametrize("text", STOP_PHRASES)
def test_common_phrases_are_not_actors(text: str) -> None:
    assert find_actors(text, REGISTRY, ON) == []


def test_organisations_inside_titles_act_only_when_named_again() -> None:
    """A registered body in a title is the role's, unless the sentence brings
    it back by its head noun («أن الهيئة …»): then it acts with its head."""
    text = "قال رئيس مجلس الوزراء العراقي حيدر العبادي، ورئيس هيئة التنسيق حسن عبد العظيم"
    assert names(text) == ["حيدر العبادي", AZIM]
    assert names(text + " إن الهيئة ترفض الاتفاق") == ["حيدر العبادي", AZIM, NCC]
    # in a noun's genitive it is brought back as an owner, not as one who acts
    assert names(text + " إن أعضاء الهيئة سيجتمعون غدا") == ["حيدر العبادي", AZIM]
    assert names(text + " إن مكاتب الهيئة أغلقت أمس") == ["حيدر العبادي", AZIM]
    # a noun's «ة» is never a verb's, whatever its first letters («سي» of a future)
    assert names(text + " إن سيطرة الهيئة على المعبر مستمرة") == ["حيدر العبادي", AZIM]


# ------------------------------------------------------------------ subject, order, duplicates

SUBJECTS = [
    ("أكدت رئاسة الجمهورية العربية السورية أن", PRES_SY),
    ("وقال الرئيس الروسي فلاديمير بوتين إن", PUTIN),
    ("كما أعلنت أمس وزارة الدفاع الروسية أن", MOD_RU),
    ("أعلنت الخميس وزارة الدفاع الروسية أن", MOD_RU),
    ("وعلى صعيد آخر، أكد سامح شكري أن", SHOUKRY),
    ("بوتين يستقبل الأسد في موسكو", PUTIN),  # nominal sentence (a headline)
]


@pytest.mark.parametrize(("text", "subject"), SUBJECTS)
def test_subject_of_the_initial_verb(text: str, subject: str) -> None:
    found = find_actors(text, REGISTRY, ON)
    assert [m.name for m in found if m.role == "subject"] == [subject]


def test_actor_after_the_verb_and_its_object_is_not_the_subject() -> None:
    found = find_actors("استقبل الوفد الرئيس بشار الأسد", REGISTRY, ON)
    assert [(m.name, m.role) for m in found] == [(ASSAD, "mentioned")]


def test_duplicates_are_merged_in_order_of_first_appearance() -> None:
    text = "قال بوتين إن لافروف سيلتقي شكري، وأكد الرئيس فلاديمير بوتين أن لافروف"
    found = find_actors(text, REGISTRY, ON)
    assert [m.name for m in found] == [PUTIN, LAVROV, SHOUKRY]
    assert found[0].mention == "بوتين" and found[0].role == "subject"


def test_an_alias_two_actors_share_matches_neither() -> None:
    registry = Registry(
        [*ENTRIES, entry("محمد شكري", aliases=("شكري",))]  # now «شكري» is ambiguous
    )
    assert names("قال شكري إن", registry=registry) == []
    assert names("قال سامح شكري إن", registry=registry) == [SHOUKRY]


def test_empty_and_punctuation_only_text() -> None:
    assert find_actors("", REGISTRY, ON) == []
    assert find_actors(" ،.«» ـ ", REGISTRY, ON) == []


# ------------------------------------------------------------------ scale


def _synthetic(n: int) -> list[ActorEntry]:
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    out = []
    for i in range(n):
        a = "".join(letters[(i * 7 + k * 3) % 28] for k in range(5))
        b = "".join(letters[(i * 11 + k * 5) % 28] for k in range(4))
        out.append(ActorEntry(f"synthetic-{i}", f"{a} {b}", aliases=(b + "ي",)))
    return out


def test_large_registry_gives_the_same_answers_quickly() -> None:
    big = Registry([*ENTRIES, *_synthetic(5000)])
    lines = seed_lines()
    for n, (want, _) in enumerate(SEED_ACTORS):
        assert [m.name for m in find_actors(lines[n], big, ON)] == want
    # A generous bound (measured: ~60 µs a line on one core), to catch a
    # regression to scanning the registry per word, not to benchmark.
    start = time.perf_counter()
    for _ in range(20):
        for line in lines:
            find_actors(line, big, ON)
    per_line = (time.perf_counter() - start) / (20 * len(lines))
    assert per_line < 0.002


# ------------------------------------------------------------------ the example site's files


def _front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body.strip()


def _role_date(value: object) -> dt.date | None:
    if value is None:
        return None
    assert isinstance(value, dt.date | str), value
    return value if isinstance(value, dt.date) else D(value)


def test_actor_files_are_well_formed() -> None:
    files = sorted(ACTORS_DIR.glob("*.md"))
    assert len(files) >= 13
    for path in files:
        meta, body = _front_matter(path)
        assert set(meta) <= {"name", "aliases", "kind", "roles"}, path
        assert isinstance(meta["name"], str) and meta["name"], path
        assert path.stem == slugify(meta["name"], max_words=20), path
        assert isinstance(meta.get("aliases", []), list), path
        assert all(isinstance(a, str) and a for a in meta.get("aliases") or []), path
        assert meta["kind"] in ("person", "organisation", "country", "group"), path
        for role in meta.get("roles") or []:
            assert set(role) == {"title", "from", "to"}, path
            assert isinstance(role["title"], str) and role["title"], path
            start, end = _role_date(role["from"]), _role_date(role["to"])
            assert start is None or end is None or start <= end, path
        assert 20 < len(body) < 600 and body.endswith("."), path


def _files_registry() -> Registry:
    entries = []
    for path in sorted(ACTORS_DIR.glob("*.md")):
        meta, _ = _front_matter(path)
        roles = tuple(
            Role(r["title"], _role_date(r["from"]), _role_date(r["to"]))
            for r in meta.get("roles") or []
        )
        entries.append(
            ActorEntry(path.stem, meta["name"], meta["kind"], tuple(meta["aliases"]), roles)
        )
    return Registry(entries)


def test_actor_files_give_the_seed_its_actors() -> None:
    registry = _files_registry()
    for line, (want, subjects) in zip(seed_lines(), SEED_ACTORS, strict=True):
        found = find_actors(line, registry, ON)
        assert [m.name for m in found] == want, line
        assert {m.name for m in found if m.role == "subject"} == subjects, line


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        ("التقى وزير الخارجية الماليزي أحمد زكي، نظيره", "وزير الخارجية الماليزي", "أحمد زكي"),
        ("استقبل الرئيس الكيني جوزيف موانغي، الوفد", "الرئيس الكيني", "جوزيف موانغي"),
        ("بحث نظيره البرتغالي جواو سيلفا، سبل التعاون", "نظيره البرتغالي", "جواو سيلفا"),
    ],
)
def test_nationality_adjectives_end_a_title(text: str, title: str, name: str) -> None:
    found = find_actors(text, REGISTRY, ON)
    assert [(m.title, m.name) for m in found] == [(title, name)]
