"""Bodies and words named in passing, not acting: what a body belongs to,
who issued the thing the sentence is about, a ministry's duties and a
building's dome, a parliament's sittings and terms, a verbal noun after «تم»,
and «كان» after a title (issue 11, fourth batch). Every sentence is written
for the test; each fails without its rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.arabic.actors import ActorEntry, Registry, Role, find_actors

ON = dt.date(2024, 11, 1)


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, Registry(), ON)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «كان» after a title is the verb, never a name
        ("وقال إن الرئيس كان في زيارة رسمية إلى تونس", []),
        ("وأكد أن الوزيرة كانت في الاجتماع", []),
        # what a body or a person belongs to («المنتمي إلى»), as after «التابع لـ»
        ("وقال النائب المنتمي إلى حزب الأمل إن الجلسة تأجلت", []),
        # who runs, owns or backs a thing named in passing
        ("وبثت إذاعة تديرها جبهة الخلاص الخبر مساء أمس", []),
        ("ونشرت صحيفة يملكها الوزير سامر العتيبي الوثيقة", []),
        # ... but a verb of running with no pronoun has the body as its subject
        ("وتدير حركة التحرير المعبر منذ أمس", ["حركة التحرير"]),
        # who issued the ruling the sentence is about ...
        (
            "وأيدت محكمة النقض الحكم الصادر عن محكمة الاستئناف بحق الوزير السابق",
            ["محكمة النقض"],
        ),
        # ... but a statement's issuer speaks (GOLD.md 5)
        ("وجاء في البيان الصادر عن وزارة الخارجية أن الاجتماع تأجل", ["وزارة الخارجية"]),
        # a ministry's duties, a body's agenda, a building's dome
        ("وكلف الملك وزير المالية بالقيام بأعمال وزارة الاقتصاد", []),
        ("وناقش المكتب جدول أعمال مجلس الشورى", []),
        ("وتشهد قبة مجلس النواب اليوم جلسة حاسمة", []),
        # a parliament's sitting and term: the body is their owner
        ("ويفتتح الأمير الدور العادي الثالث لمجلس الأمة الأسبوع المقبل", []),
        ("واستعرض المكتب جدول جلسات الفصل التشريعي الخامس لمجلس النواب", []),
        # ... and acts when it is the subject
        ("وقرر مجلس النواب عقد دور انعقاد طارئ", ["مجلس النواب"]),
        # «تم/يتم» and a verbal noun: organising, not an organisation ...
        ("ورجح المتحدث أن يتم تنظيم الجولة الثانية في الربيع", []),
        # ... which a group's head noun still is as a subject
        ("وأعلن تنظيم الدولة مسؤوليته عن الهجوم", ["تنظيم الدولة"]),
    ],
)
def test_named_in_passing(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_a_body_a_body_belongs_to_is_not_an_actor() -> None:
    text = "وأعلنت جبهة الخلاص المنتمية إلى تحالف القوى الوطنية مقاطعة الانتخابات"
    assert "تحالف القوى الوطنية" not in names(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «أمين عام X», «مدير عام X»: «عام» between the title and its genitive;
        # the body is the role's (GOLD.md 4), as in «الأمين العام لـ…»
        ("وقال أمين عام اتحاد الكتاب سامي حداد إن الموسم بدأ", ["سامي حداد"]),
        ("وحضر الاجتماع الشيخ سالم بن علي الحارثي أمين عام مجلس الشورى", ["سالم بن علي الحارثي"]),
        ("وأكد مدير عام هيئة الموانئ خالد يوسف أن العمل مستمر", ["خالد يوسف"]),
        # «عام» as an adjective elsewhere stays one
        ("وأصدر مجلس الشورى قرارا عاما", ["مجلس الشورى"]),
    ],
)
def test_a_general_title_holds_its_body(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_a_title_after_lada_is_part_of_the_role() -> None:
    """«لدى» and a title or a body after a title («كاتب الدولة لدى وزير
    الخارجية», «المندوب الدائم لدى جامعة الدول العربية») is one role: the
    minister and the league are the role's, not actors (GOLD.md 4)."""
    minister = ActorEntry(
        slug="fm",
        name="سامر العلي",
        roles=(Role(title="وزير الشؤون الخارجية", start=dt.date(2020, 1, 1)),),
    )
    league = ActorEntry(slug="league", name="جامعة الدول العربية", kind="organisation")
    registry = Registry([minister, league])

    def found(text: str) -> list[str]:
        return [m.name for m in find_actors(text, registry, ON)]

    text = "وحضر الجلسة السيد سامي حداد، كاتب الدولة لدى وزير الشؤون الخارجية، والوفد"
    assert found(text) == ["سامي حداد"]
    text = "وحضر الجلسة كاتب الدولة لدى وزير الشؤون الخارجية سامي حداد"
    assert [m.title for m in find_actors(text, registry, ON)] == [
        "كاتب الدولة لدى وزير الشؤون الخارجية"
    ]
    text = "وحضر مندوب الأردن الدائم لدى جامعة الدول العربية السفير خالد يوسف"
    assert found(text) == ["خالد يوسف"]
    # the minister who receives the credentials is in the event
    text = "وقدم السفير سامي حداد أوراق اعتماده إلى وزير الشؤون الخارجية"
    assert found(text) == ["سامي حداد", "سامر العلي"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «خلية» heads a body with a definite complement («خلية الأزمة»)
        ("وقالت خلية الإعلام الأمني في بيان إن القوات صدت الهجوم", ["خلية الإعلام الأمني"]),
        ("وعقدت خلية الأزمة اجتماعا طارئا", ["خلية الأزمة"]),
        # an indefinite cell is a thing, not a body
        ("واكتشفت الشرطة خلية إرهابية في المدينة", []),
    ],
)
def test_a_cell_is_a_body(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «الفريق» (the team) and a predicate: «ل» on a verbal noun (مفاعلة) opens no name
        ("وأكد المدرب أن الفريق جاهز لمواجهة المنافس", []),
        ("وقال الفريق سامي حداد لمراسلنا إن الوضع مستقر", ["سامي حداد"]),
    ],
)
def test_a_verbal_noun_behind_a_preposition_is_no_name(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_a_cup_named_for_a_title_names_no_one() -> None:
    """«كأس الملك», like «جائزة الملك …»: a trophy named by a title."""
    king = ActorEntry(
        slug="king", name="فهد الأول", roles=(Role(title="الملك", start=dt.date(2000, 1, 1)),)
    )
    found = [m.name for m in find_actors("وتوج الفريق بكأس الملك", Registry([king]), ON)]
    assert found == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # armed forces named by what they serve or do act as a body
        ("واقتحمت قوات الاحتلال مخيم جنين فجر اليوم", ["قوات الاحتلال"]),
        ("وأعلنت قوات الأمن الداخلي اعتقال المشتبه به", ["قوات الأمن الداخلي"]),
        # before a body of their own, the body acts («قوات الجيش السوداني»)
        ("وتمكنت قوات الجيش السوداني من صد الهجوم", ["الجيش السوداني"]),
    ],
)
def test_forces_are_a_body(text: str, want: list[str]) -> None:
    assert names(text) == want


def test_tabaa_is_the_verb_before_a_subject_and_the_owner_after_li() -> None:
    """«وتابع الرئيس …» (followed up) opens a sentence with its subject; «تابع
    لـ…» (belonging to) names an owner, no actor."""
    pm = ActorEntry(
        slug="pm", name="نادر الحسن", roles=(Role(title="رئيس الوزراء", start=dt.date(2020, 1, 1)),)
    )
    found = [
        m.name for m in find_actors("وتابع رئيس الوزراء سير العمل في المشروع", Registry([pm]), ON)
    ]
    assert found == ["نادر الحسن"]
    assert names("وقال مصدر في جهاز تابع لوزارة الداخلية إن التحقيق مستمر") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # «مديرية» heads a body as the subject right after its verb, as «دائرة» does
        ("وقالت مديرية الأمن العام إن فرق الإنقاذ تعاملت مع الحريق", ["مديرية الأمن العام"]),
        # elsewhere it is a place or a thing
        ("وتوجه الوفد إلى مديرية التربية في المحافظة", []),
    ],
)
def test_a_directorate_acts_as_a_subject(text: str, want: list[str]) -> None:
    assert names(text) == want
