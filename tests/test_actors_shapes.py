"""Where names and titles end (issue 11): long foreign names, posts in the
accusative, compound names, verbal nouns, portfolios, bodies named by what
they do, names of places and operations. Each rule on sentences written for
this test, not taken from the gold or the unseen sets. Found by reading
unlabelled news pages, none from the unseen sets."""

from __future__ import annotations

import pytest

# The same holders and reader as the apposition tests.
from test_actors_context import HOLDERS, ON, names

from generator.arabic.actors import ActorEntry, Registry, find_actors
from generator.arabic.classify import event_type

BODIES = Registry(
    [
        ActorEntry(slug="mfa", name="وزارة الخارجية", kind="organisation"),
        ActorEntry(slug="front", name="جبهة الأحرار", kind="group"),
    ]
)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a foreign name's last words run to punctuation
        (
            "واستقبل الرئيس السفير أنطونيو غوميز رودريغيز نيتو، وبحث معه",
            "أنطونيو غوميز رودريغيز نيتو",
        ),
        # or to a relative pronoun, which needs a definite antecedent: a name
        ("والتقى الوزير خوسيه مانويل ألباريس الذي يزور البلاد", "خوسيه مانويل ألباريس"),
        # not through an accusative noun, nor a noun with the article
        ("واستقبل الوزير خالد العمري وفدا رفيعا، ثم", "خالد العمري"),
        ("ووقع الوزير خالد حمدان الاتفاقية التي", "خالد حمدان"),
    ],
)
def test_where_a_long_name_ends(text: str, want: str) -> None:
    assert want in names(text, Registry())
    assert not any(want in n and n != want for n in names(text, Registry()))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # what an official is charged with belongs to the title, whatever it is
        ("ويرافقه الوزير المكلف بديوانه، سالم ولد أحمد، في الجولة", ["سالم ولد أحمد"]),
        ("وقال المبعوث الخاص بملف اللاجئين سامي العطار إن", ["سامي العطار"]),
    ],
)
def test_the_charge_of_an_official_is_part_of_the_title(text: str, want: list[str]) -> None:
    assert names(text, Registry()) == want


def test_bodies_and_speakers_in_more_shapes() -> None:
    """«جيش» heads a body as «وزارة» does; «الناطق بلسان» is «المتحدث باسم»;
    «مبعوثة» is a title; a group's proper name with an adjective that only
    describes it is the registered group."""
    assert names("وأعلن جيش التحرير الوطني انسحابه", Registry()) == ["جيش التحرير الوطني"]
    text = "جاء ذلك في بيان للناطق بلسان الجيش الوطني سالم الكعبي."
    assert names(text, Registry()) == ["سالم الكعبي"]
    reg = Registry([ActorEntry(slug="front", name="حركة فتح", kind="group")])
    assert names("وقالت حركة فتح الفلسطينية إن", reg) == ["حركة فتح"]
    reg = Registry([ActorEntry(slug="eu", name="الاتحاد الأوروبي", kind="organisation")])
    text = "واستقبل الوزير عمار الطيب مبعوثة الاتحاد الأوروبي للقرن الأفريقي"
    assert names(text, reg) == ["عمار الطيب"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a post in the accusative ends the name before it, and the body it
        # heads is whose post it is, not an actor
        ("وتقرر تعيين اللواء مالك الطيب خوجلي نائبا لرئيس هيئة الأركان", ["مالك الطيب خوجلي"]),
        ("وعين اللواء سامي العطار رئيسا لهيئة الأركان", ["سامي العطار"]),
        # a given name that also reads as a verb with a clitic, as a father's name
        ("وحضر رئيس الديوان الشيخ مبارك فيصل سعود الصباح", ["مبارك فيصل سعود الصباح"]),
    ],
)
def test_posts_in_the_accusative_and_fathers_names(text: str, want: list[str]) -> None:
    assert names(text, Registry()) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a span of time after «منذ/بعد» opens no earlier event
        ("وصل منذ قليل رئيس المجلس الوطني سالم الكعبي إلى العاصمة", ["سالم الكعبي"]),
        # «العسكري» stays in a title: the name after the comma is the speaker's
        ("وقال المتحدث العسكري للجبهة، ناصر الهاشمي، إن", ["ناصر الهاشمي"]),
        # «تجاه» is a preposition, never a family name
        ("ودعا الوزير إلى موقف حازم تجاه الأزمة", []),
        # «وعبد الله» opens the next item of a list, and a name
        ("وضمت القائمة موسى الكعبي وعبد الله حسين اللافي", ["موسى الكعبي", "عبد الله حسين اللافي"]),
        # «و» on a word that is no given name opens the next item, not a name's part
        ("والتقى الوزير بالمشير حمدان وقيادات الجيش", ["حمدان"]),
    ],
)
def test_times_titles_and_list_items(text: str, want: list[str]) -> None:
    assert names(text, Registry()) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «صباح» before a date word is the morning, not a given name
        ("استقبل الأستاذ كريم العبادي رئيس المجلس صباح اليوم وفدا", ["كريم العبادي"]),
        # a noun before a title ends no name: it is the verb's object
        ("واعتبر رئيس المجلس كريم العبادي زيارة رئيس الإقليم إلى بغداد", ["كريم العبادي"]),
        # «أسماء» is a common word too: «ستة أسماء لتولي المنصب» names no one
        ("وكشف المستشار عن وصول ستة أسماء لتولي المنصب", []),
        # a title alone in construct with a construct noun behind «ل» is whose office
        ("وأفاد بيان لديوان رئيس الجمهورية أن", []),
    ],
)
def test_times_nouns_and_offices(text: str, want: list[str]) -> None:
    assert names(text, Registry(HOLDERS.entries)) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «X الدين» is one given name, and the name goes on after it
        ("واستقبل الوزير السفير محمد بدر الدين زايد، وعرض معه", ["محمد بدر الدين زايد"]),
        # two portfolios, one minister, named after them
        ("واستقبل الرئيس وزير الدفاع والداخلية الأسبق كريم الحداد", ["كريم الحداد"]),
        # «علي» before a given or family name is the name Ali
        ("وحضر اللقاء النائب علي حسن خليل", ["علي حسن خليل"]),
    ],
)
def test_compound_names_portfolios_and_ali(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_portfolios_and_offices_taken() -> None:
    """A minister of two portfolios, one a body («والاتحاد الأوروبي»), is one
    title; a ministry right after «تولى» is the portfolio taken."""
    reg = Registry([ActorEntry(slug="eu", name="الاتحاد الأوروبي", kind="organisation")])
    text = "واتصل الوزير بوزير الشؤون الخارجية والاتحاد الأوروبي الإسباني خوسيه مانويل ألباريس"
    assert names(text, reg) == ["خوسيه مانويل ألباريس"]
    assert names("وسيتولى وزارة المالية سالم الكعبي خلفا لسلفه", Registry()) == ["سالم الكعبي"]
    assert names("وقالت وزارة المالية إن", Registry()) == ["وزارة المالية"]


@pytest.mark.parametrize(
    "text",
    [
        "وحظي الوزير باستقبال حار في المطار",
        "ورحب الرئيس بانسحاب القوات من المدينة",
        "وأشاد الوزير باجتماع اللجنة الأخير",
        "ورحب السفير بإعلان الهدنة في المدينة",
    ],
)
def test_a_verbal_noun_behind_a_preposition_is_no_name(text: str) -> None:
    assert names(text, Registry()) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a verbal noun right after a title is its object, no name
        ("وأبدى الوزير استعداد بلاده للتعاون", []),
        # a nisba family name after «بن X» ends the name, and belongs to it
        ("واجتمع السفير الأستاذ عيد بن محمد الثقفي بالمحافظ", ["عيد بن محمد الثقفي"]),
    ],
)
def test_verbal_nouns_and_nisbas_after_lineage(text: str, want: list[str]) -> None:
    assert names(text, Registry()) == want


def test_an_official_spokesman_of_a_ministry_is_one_title() -> None:
    """«المتحدث الرسمي لوزارة الخارجية»: the ministry is the title's, the
    person after it speaks."""
    text = "وقال المتحدث الرسمي لوزارة الخارجية سالم الكعبي إن"
    assert names(text, Registry()) == ["سالم الكعبي"]
    text = "وأكد سالم الكعبي المتحدث الرسمي لوزارة الخارجية أن"
    assert names(text, Registry()) == ["سالم الكعبي"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a body named by what it does: nouns in construct, then a definite noun
        ("وأعلنت لجنة تقصي الأهلة ثبوت الرؤية", ["لجنة تقصي الأهلة"]),
        ("وقالت هيئة كبار العلماء إن", ["هيئة كبار العلماء"]),
        # the same chain inside a title is the title's
        ("وقال رئيس مجلس نواب الشعب سالم الكعبي إن", ["سالم الكعبي"]),
        # no definite noun at the end: no body
        ("وشكلت الحكومة لجنة تحقيق عاجلة", []),
    ],
)
def test_bodies_named_by_what_they_do(text: str, want: list[str]) -> None:
    assert names(text, Registry()) == want


def test_a_registered_name_after_bin_is_a_fathers_name() -> None:
    """«الأمير الحسين بن عبدالله الثاني»: the crown prince, not the king his
    father, whom the registry knows by «عبدالله الثاني»; «القنصل» is a title."""
    king = ActorEntry(slug="k", name="عبد الله الثاني", aliases=("عبدالله الثاني",))
    reg = Registry([king])
    text = "وأدى الأمير الحسين بن عبدالله الثاني اليمين"
    assert names(text, reg) == ["الحسين بن عبدالله الثاني"]
    assert names("واستقبل الملك عبدالله الثاني الوفد", reg) == ["عبد الله الثاني"]
    assert names("وبحث الوزير مع القنصل الإيطالي العام جوزيبي فيديل", Registry()) == [
        "جوزيبي فيديل"
    ]


def test_names_of_places_and_foundations_and_given_weekdays() -> None:
    """A person's name after «مؤسسة/جامعة/مطار» names the place or the body;
    «مجلس قصر البحر» is a palace's hall; «جمعة» before a name is a given name."""
    founder = ActorEntry(slug="z", name="زايد بن سلطان آل نهيان")
    text = "وحضر رئيس مجلس أمناء مؤسسة زايد بن سلطان آل نهيان الحفل"
    assert names(text, Registry([founder])) == []
    assert names("وحضر مجلس قصر البحر الشيخ سيف بن محمد", Registry()) == ["سيف بن محمد"]
    text = "واستقبل الوزير المهندس جمعة مبارك الجنيبي سفير الإمارات"
    assert names(text, Registry()) == ["جمعة مبارك الجنيبي"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a quoted name right after a noun names that operation or building
        ('وأطلقت القوات عملية "سهام الشمال" لتطهير المنطقة', []),
        ('وعقد اللقاء بقاعة المؤتمرات "عبد الكريم حداد" في العاصمة', []),
        # after «المدعو», «برئاسة» or a title it is a person
        ('وقتل القيادي المدعو "خالد الكعبي" في الغارة', ["خالد الكعبي"]),
        ('وزار الوزارة وفد برئاسة "خالد الكعبي" أمس', ["خالد الكعبي"]),
    ],
)
def test_a_quoted_name_after_a_noun_names_a_thing(text: str, want: list[str]) -> None:
    assert names(text, Registry()) == want


def test_a_coalition_or_group_in_a_title_is_the_titles() -> None:
    """«رئيس تحالف الفتح فلان»: the coalition completes the title; the person
    acts (it was read as a body beside him)."""
    text = "وعقد الاجتماع بمنزل رئيس تحالف الفتح هادي العامري"
    assert names(text, Registry()) == ["هادي العامري"]
    assert names("وقال تحالف الفتح في بيان إن", Registry()) == ["تحالف الفتح"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a former holder is not whoever holds the title on the date
        ("ووصل جثمان رئيس الجمهورية الراحل إلى القصر", []),
        ("وانتقد رئيس الجمهورية السابق القرار", []),
        ("وقال رئيس الجمهورية إن", ["ماجد العلوي"]),
        # a verbal noun after a title is no one-word name
        ("واستعرض رئيس الجمهورية تشكيلة من الجيوش", ["ماجد العلوي"]),
    ],
)
def test_former_holders_and_verbal_nouns(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_acting_titles_high_representatives_and_described_predecessors() -> None:
    """«…، بالإنابة الشيخ فلان» is the title's holder named after it; «السامي»
    stays in a title; «خلفاً للدبلوماسي فلان» is the one succeeded."""
    text = "وبحث وزير الدفاع، بالإنابة الشيخ أحمد ناصر، مع الوفد الخطة"
    assert names(text) == ["أحمد ناصر"]
    eu = ActorEntry(slug="eu", name="الاتحاد الأوروبي", kind="organisation")
    text = "وتلقى الوزير اتصالا من الممثل السامي للاتحاد الأوروبي كارل مولر"
    assert names(text, Registry([eu])) == ["كارل مولر"]
    text = "وعين الرئيس سامي العطار وزيرا للخارجية خلفا للدبلوماسي رمطان لعمامرة"
    assert names(text, Registry()) == ["سامي العطار"]


def test_a_registered_body_completes_a_title() -> None:
    """«زعيم جبهة الأحرار فلان», «رئيس المجلس الأعلى لجبهة الأحرار»: the
    registered body is the title's complement, not an actor beside the
    person; alone it acts."""
    text = "وقال سالم الكعبي، زعيم جبهة الأحرار في الشمال، إن"
    assert names(text, BODIES) == ["سالم الكعبي"]
    text = "وتوفي سالم الكعبي، ورئيس المجلس الأعلى لجبهة الأحرار."
    assert names(text, BODIES) == ["سالم الكعبي"]
    assert names("وقالت جبهة الأحرار إن", BODIES) == ["جبهة الأحرار"]


def test_a_title_word_as_a_family_name() -> None:
    """«حسين الشيخ،»: a title word after a given name, the name ending there,
    is the family name; before another name it is the next person's title."""
    text = "وكان أمين السر حسين الشيخ، قد أكد أن الاتفاق قائم"
    assert "حسين الشيخ" in names(text, Registry())
    text = "واستقبل الوزير محمد الشيخ عبد الله بن سالم"
    assert "محمد الشيخ" not in names(text, Registry())


def test_a_verbal_noun_behind_a_clitic_ends_a_name() -> None:
    """«وأسف الرئيس سلام لخروج الوزير»: «لخروج» is «for the leaving of»."""
    assert names("وأسف الرئيس سالم لخروج الوزير من الجلسة", Registry()) == ["سالم"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # verbs of news writing end a name and open a family name alone
        ("وهنأ الحمداني الفريق على فوزه", ["الحمداني"]),
        ("الرئيس سالم تابع المستجدات مع الوزراء", ["سالم"]),
        ("وأشاد رئيس الجمهورية بالإنجاز", ["ماجد العلوي"]),
    ],
)
def test_more_verbs_of_news_writing(text: str, want: list[str]) -> None:
    found = names(text, Registry(HOLDERS.entries))
    assert all(w in found for w in want)
    assert not any(" " in n and n.split()[-1] in ("تابع", "المستجدات") for n in found)


def test_more_verbs_of_news_writing_type_the_event() -> None:
    """«هنأ/أشاد/وجّه» are statements, «ترأس/استعرض/اطلع/شارك/تابع» talks."""
    assert event_type("وهنأ الرئيس الفريق على فوزه") == "statement"
    assert event_type("وترأس الرئيس اجتماع الحكومة") == "talks"
    assert event_type("وأدى الوزراء اليمين أمام الرئيس") == "decision"
    assert event_type("ويقوم الرئيس بزيارة إلى تونس") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "وأبدى الوزير سالم الكعبي استعداده للتعاون",
        "وأبلغ الوزير سالم الكعبي نظيره بالقرار",
        "وكلف الرئيس سالم الكعبي بتشكيل الحكومة",
        "وافتتح الوزير سالم الكعبي المعرض",
        "واتصل الوزير سالم الكعبي بنظيره",
        "ورفض الوزير سالم الكعبي الاتهامات",
        "وأردف الوزير سالم الكعبي أن الحوار مستمر",
        "واستطرد الوزير سالم الكعبي قائلا إن",
        "واستضاف الوزير سالم الكعبي الاجتماع",
        "واختتم الوزير سالم الكعبي الزيارة",
        "حث الوزير سالم الكعبي الأطراف على الحوار",
        "ورجح الوزير سالم الكعبي انعقاد القمة",
        "وترحم الوزير سالم الكعبي على الضحايا",
        "واقترح الوزير سالم الكعبي تأجيل الاجتماع",
        "وأبرق الوزير سالم الكعبي مهنئاً",
        "وأعفى الرئيس سالم الكعبي من منصبه",
        "ودشن الوزير سالم الكعبي المشروع",
        "وحدد الوزير سالم الكعبي موعد الاجتماع",
        "وحضر الوزير سالم الكعبي الحفل",
        "ونقل الوزير سالم الكعبي تحيات الرئيس",
        "وأدى الوزير سالم الكعبي اليمين",
        "ويقوم الوزير سالم الكعبي بزيارة إلى تونس",
        "وانتقد الوزير سالم الكعبي قرار المجلس",
        "وشكر الوزير سالم الكعبي الحضور",
        "وناشد الوزير سالم الكعبي المواطنين الهدوء",
    ],
)
def test_verbs_that_open_a_sentence(text: str) -> None:
    """The verb opens the sentence and the titled name after it is its subject."""
    found = find_actors(text, Registry(), ON)
    assert [m.name for m in found][:1] == ["سالم الكعبي"]
    assert found[0].role == "subject"
