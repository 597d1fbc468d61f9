"""Whether a name acts, by the words around it (`actor_context`, issue 11):
titles in apposition with a name, and the names that background phrases,
owners and objects hold. Each rule on sentences written for this test, not
taken from the gold or the unseen sets."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.actors import ActorEntry, Registry, Role, find_actors, story_actors

ON = dt.date(2022, 3, 1)


def _holder(slug: str, name: str, title: str) -> ActorEntry:
    return ActorEntry(slug=slug, name=name, roles=(Role(title, dt.date(2020, 1, 1), None),))


# Holders of titles that the sentences below write alone, next to another name.
HOLDERS = Registry(
    [
        _holder("dm", "فهد الساعدي", "وزير الدفاع"),
        _holder("pm", "سالم الراشد", "رئيس مجلس الوزراء"),
        _holder("hs", "ماجد العلوي", "رئيس الجمهورية"),
        _holder("ce", "كمال الشامي", "رئيس المجلس الرئاسي"),
    ]
)


def names(text: str, registry: Registry = HOLDERS) -> list[str]:
    return [m.name for m in find_actors(text, registry, ON)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a title right after a name, a comma or a space between, is his
        ("وأجرى الفريق نبيل الحسيني، وزير الدفاع، جولة في المعسكر", ["نبيل الحسيني"]),
        ("وتقدم الوفد اللواء نبيل الحسيني وزير الدفاع في الحفل", ["نبيل الحسيني"]),
        ("واستقبل الوزير أمس عمار الطيب رئيس المجلس الرئاسي", ["عمار الطيب"]),
        # titles that name no one may stand between the name and the title
        (
            "وأصدر الشيخ خليفة بن حمد، ولي عهد المنامة نائب رئيس مجلس الوزراء، قرارا",
            ["خليفة بن حمد"],
        ),
        # a title before the name, set off by commas, with another title between
        (
            "عاد رئيس مجلس الوزراء، القائد العام للقوات المسلحة، حسن العبيدي، إلى العاصمة",
            ["حسن العبيدي"],
        ),
        # the title alone still names its holder
        ("وقال وزير الدفاع إن الجيش مستعد", ["فهد الساعدي"]),
    ],
)
def test_a_title_in_apposition_is_the_named_persons(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # right after the subject, with no comma, the title is the verb's object
        ("طالب رئيس الحزب منير الزين رئيس الجمهورية بتحديد موعد", ["منير الزين", "ماجد العلوي"]),
        # a preposition on the title opens another argument: the one addressed
        (
            "وقدم الأمير سعود بن فهد لرئيس مجلس الوزراء درعا تذكاريا",
            ["سعود بن فهد", "سالم الراشد"],
        ),
    ],
)
def test_a_title_that_is_another_argument_names_its_holder(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # another event's noun after a preposition of time: its people are background
        (
            "تسلم الشيخ منصور الحمد مقاليد الحكم عقب وفاة شقيقه الأمير الشيخ فيصل الحمد",
            ["منصور الحمد"],
        ),
        (
            "وقال الوزير اليوم بعد زيارة الأمير نايف بن سعد إلى لندن إن العلاقات متينة",
            [],
        ),
        (
            "ويحكم اللواء عادل الكبير البلاد منذ الإطاحة بالرئيس السابق سامي العطار",
            ["عادل الكبير"],
        ),
        # the subject's own act, with a pronoun: its other party acts
        ("وقال الوزير عماد الراوي بعد لقائه الرئيس كمال الشامي إن", ["عماد الراوي", "كمال الشامي"]),
        # a meeting's people are in it with the subject
        ("وقال الوزير عماد الراوي عقب لقاء الرئيس كمال الشامي إن", ["عماد الراوي", "كمال الشامي"]),
        # a date after «منذ» is no event
        ("وقال الوزير عماد الراوي منذ يوم الأحد إن", ["عماد الراوي"]),
    ],
)
def test_the_people_of_an_earlier_event_told_as_background(text: str, want: list[str]) -> None:
    assert names(text, Registry()) == want


def test_the_post_someone_is_named_to_is_a_role() -> None:
    """«نائباً لرئيس مجلس الوزراء»: whose deputy, not the prime minister acting."""
    text = "وقرر المجلس تعيين ناصر الكعبي نائبا لرئيس مجلس الوزراء"
    assert "سالم الراشد" not in names(text)
    assert "سالم الراشد" in names("وقدم ناصر الكعبي تقريره لرئيس مجلس الوزراء")


BODIES = Registry(
    [
        ActorEntry(slug="mfa", name="وزارة الخارجية", kind="organisation"),
        ActorEntry(slug="front", name="جبهة الأحرار", kind="group"),
    ]
)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the source of the news, after «وفق/بحسب» and a statement
        ("وتقرر تأجيل المؤتمر إلى الربيع، وفق ما ورد في بيان لوزارة الخارجية.", []),
        ("وسيزور الوزير عمار الطيب عمّان، بحسب بلاغ صادر عن وزارة الخارجية.", ["عمار الطيب"]),
        # a body that says or publishes it acts
        ("وتقرر تأجيل المؤتمر، حسب ما أعلنته وزارة الخارجية.", ["وزارة الخارجية"]),
        # the owner of a thing, behind «ل» after an indefinite noun
        ("وقصفت الطائرات مخازن لجبهة الأحرار قرب الحدود", []),
        # after a verb the «ل» names who is addressed or thanked
        ("وقال الوزير عمار الطيب لوزارة الخارجية إن الملف جاهز", ["عمار الطيب", "وزارة الخارجية"]),
        # what a body receives is not its property
        ("وأعلن الحزب دعما لجبهة الأحرار", ["جبهة الأحرار"]),
    ],
)
def test_bodies_named_in_passing(text: str, want: list[str]) -> None:
    assert names(text, BODIES) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the host whose invitation the visit answers
        ("ويزور الوزير عمار الطيب باريس تلبية لدعوة الرئيس سامي العطار", ["عمار الطيب"]),
        (
            "وتوجه الأمير سعود بن فهد إلى الرياض بدعوة كريمة تلقاها من أخيه الأمير نايف بن سعد",
            ["سعود بن فهد"],
        ),
        # a body being made is the act's object
        ("وقرر المجلس البلدي استحداث لجنة الرقابة المالية", []),
        ("وأصدر الوزير عمار الطيب قرارا بتشكيل هيئة الإشراف العليا", ["عمار الطيب"]),
        # where the news comes from
        ("ويزور الوزير عمار الطيب الجزائر، حسبما أورده بيان من وزارة الخارجية.", ["عمار الطيب"]),
    ],
)
def test_hosts_bodies_made_and_sources(text: str, want: list[str]) -> None:
    assert names(text, BODIES) == want


def test_unvocalised_qabl_after_a_name_is_the_verb() -> None:
    """«قبل» right after a name is the verb «قَبِل» (accepted): the government
    it names acts in the sentence's event; elsewhere it is «before»."""
    text = "وقال الديوان إن الملك سالم بن فهد قبل استقالة الحكومة الليبية"
    assert names(text, Registry()) == ["سالم بن فهد", "الحكومة الليبية"]
    text = "ويجري الإعداد للقمة قبل زيارة الرئيس سامي العطار للمنطقة"
    assert names(text, Registry()) == []


def test_a_surname_from_the_story_keeps_its_position() -> None:
    """A family name that names the story's person again is left out where the
    full name would be: the host who invited."""
    earlier = find_actors("وقال الرئيس سامي العطار إن بلاده مستعدة", Registry(), ON)
    text = "ويزور الوزير عمار الطيب باريس تلبية لدعوة العطار"
    assert [m.name for m in story_actors(text, [], earlier)] == []
    assert [m.name for m in story_actors("وقال العطار إن", [], earlier)] == ["سامي العطار"]


def test_a_counterpart_named_after_a_comma_is_that_name() -> None:
    """«نظيره الإسرائيلي، فلان»: the name the sentence gives, not the holder
    the registry knows for the title."""
    on = dt.date(2021, 6, 1)
    reg = Registry(
        [
            _holder("ma-fm", "كريم السالمي", "وزير الخارجية المغربي"),
            _holder("ru-fm", "بافل سوكولوف", "وزير الخارجية الروسي"),
        ]
    )
    text = "وتلقى وزير الخارجية المغربي اتصالا من نظيره الروسي، يوري بتروف."
    assert [m.name for m in find_actors(text, reg, on)] == ["كريم السالمي", "يوري بتروف"]
    alone = "وتلقى وزير الخارجية المغربي اتصالا من نظيره الروسي."
    assert [m.name for m in find_actors(alone, reg, on)] == ["كريم السالمي", "بافل سوكولوف"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «القيادي» is a title like «الزعيم», not a family name alone
        ("أعلن القيادي في الحزب الموقف", []),
        # an adverb after a title is no one-word name, nor a verb
        ("وسيلتقي الوزير نظيره قريبا في العاصمة", []),
        ("وعين الأمير فواز بن سلطان بن عبد العزيز خلفا له", ["فواز بن سلطان بن عبد العزيز"]),
        ("وكان السفير يعمل في العاصمة", []),
        ("وقال الأمير يوسف إن", ["يوسف"]),
    ],
)
def test_words_that_are_no_names(text: str, want: list[str]) -> None:
    assert names(text, Registry()) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a frame or an owner in construct: not who acts
        ("وتولت تونس رئاسة القمة على مستوى جامعة المدن", ["تونس"]),
        ("وناقش المجلس قانون هيئة الإعلام", []),
        ("وقصفت الطائرات مواقع جبهة الأحرار قرب الحدود", []),
        ("وعبر البيان عن رفض نظام الرئيس سامي العطار", []),
        ("ووصف الوزير الهجوم بأنه انتهاك لميثاق جامعة المدن", []),
        ("واجتمع الوزراء في مقر جامعة المدن بالعاصمة", []),
        ("وكان السفير يعمل مدير ديوان رئيس الجمهورية", []),
        # the same names acting
        ("وأعلنت جبهة الأحرار مسؤوليتها", ["جبهة الأحرار"]),
        ("وقال رئيس الجمهورية إن", ["ماجد العلوي"]),
        # a body's former name is the same body
        ("وأعلنت “هيئة التحرير/ جبهة الأحرار سابقاً” سيطرتها على المدينة", ["هيئة التحرير"]),
    ],
)
def test_frames_owners_and_former_names(text: str, want: list[str]) -> None:
    reg = Registry([*HOLDERS.entries, *BODIES.entries])
    assert names(text, reg) == want


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
