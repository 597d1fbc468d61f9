"""The built-in knowledge base's titles fit the office (issue 11): a king, an
emir, a sultan and a president each answer to their own words, in the state
and the period they held them, and a newsroom's bare titles for its own head
of state follow what that head is. Sentences written for the tests."""

from __future__ import annotations

import datetime as dt
import textwrap
from functools import cache
from pathlib import Path

import pytest

from generator import knowledge
from generator.arabic.actors import Registry, find_actors


@cache
def _registry(home: str | None) -> Registry:
    return Registry(knowledge.entries(home=home))


def who(text: str, on: dt.date, home: str | None = None) -> list[str]:
    return [m.name for m in find_actors(text, _registry(home), on)]


def test_a_monarch_title_fits_a_monarchy_only() -> None:
    on = dt.date(2023, 3, 1)
    assert who("استقبل العاهل المغربي السفراء الجدد.", on) == ["محمد السادس"]
    assert who("استقبل العاهل الأردني السفراء الجدد.", on) == ["عبد الله الثاني"]
    assert who("استقبل العاهل المصري السفراء الجدد.", on) == []
    assert who("استقبل العاهل الجزائري السفراء الجدد.", on) == []


@pytest.mark.parametrize(
    ("home", "title", "named"),
    [
        ("المغرب", "جلالة الملك", ["محمد السادس"]),
        ("المغرب", "رئيس الجمهورية", []),
        ("مصر", "جلالة الملك", []),
        ("مصر", "أمير البلاد", []),
        ("مصر", "رئيس الجمهورية", ["عبد الفتاح السيسي"]),
        ("الكويت", "أمير البلاد", ["نواف الأحمد الجابر الصباح"]),
        ("الكويت", "جلالة الملك", []),
        ("قطر", "سمو الأمير", ["تميم بن حمد آل ثاني"]),
        ("سلطنة عمان", "جلالة السلطان", ["هيثم بن طارق"]),
        ("سلطنة عمان", "رئيس الدولة", []),
        ("الإمارات", "رئيس الدولة", ["محمد بن زايد آل نهيان"]),
        ("الإمارات", "رئيس الجمهورية", []),
        ("الأردن", "عاهل البلاد", ["عبد الله الثاني"]),
        ("الأردن", "الملك", ["عبد الله الثاني"]),
        ("مصر", "الملك", []),
        ("الجزائر", "عاهل البلاد", []),
    ],
)
def test_a_home_newsroom_names_its_head_by_what_he_is(
    home: str, title: str, named: list[str]
) -> None:
    text = f"وتسلم {title} أوراق اعتماد السفراء الجدد."
    assert who(text, dt.date(2023, 3, 1), home) == named


def test_the_form_of_state_is_dated() -> None:
    """Bahrain was an emirate until the kingdom of 14 February 2002."""
    before, after = dt.date(2001, 6, 1), dt.date(2010, 6, 1)
    emir, king = "وتسلم أمير البلاد التقرير.", "وتسلم جلالة الملك التقرير."
    assert who(emir, before, "البحرين") == ["حمد بن عيسى آل خليفة"]
    assert who(king, before, "البحرين") == []
    assert who(emir, after, "البحرين") == []
    assert who(king, after, "البحرين") == ["حمد بن عيسى آل خليفة"]
    assert who("وصل أمير البحرين إلى الرياض.", before) == ["حمد بن عيسى آل خليفة"]
    assert who("وصل أمير البحرين إلى الرياض.", after) == []
    assert who("وصل ملك البحرين إلى الرياض.", after) == ["حمد بن عيسى آل خليفة"]


def test_a_council_chairman_is_no_president() -> None:
    """Sudan's head is a council's chairman since 2019: Sudanese copy calls him
    by the council, and «رئيس الجمهورية» names no one then."""
    sudan = "السودان"
    assert who("وأصدر رئيس الجمهورية قرارا.", dt.date(2015, 1, 5), sudan) == ["عمر البشير"]
    assert who("وأصدر رئيس الجمهورية قرارا.", dt.date(2023, 1, 5), sudan) == []
    said = who("وأصدر رئيس مجلس السيادة قرارا.", dt.date(2023, 1, 5), sudan)
    assert said == ["عبد الفتاح البرهان"]
    yemen = who("وأصدر رئيس مجلس القيادة الرئاسي قرارا.", dt.date(2023, 1, 5), "اليمن")
    assert yemen == ["رشاد العليمي"]


def test_a_title_is_dated_to_its_period() -> None:
    """«العقيد الليبي» is Gaddafi's, never a later head of Libya's."""
    assert who("وقال العقيد الليبي إن", dt.date(2023, 1, 5)) == []
    assert who("وقال الرئيس الليبي إن", dt.date(2023, 1, 5)) == ["محمد المنفي"]


def test_a_dated_title_and_a_form_are_read(tmp_path: Path) -> None:
    (tmp_path / "states").mkdir()
    (tmp_path / "home.yaml").write_text(
        "titles:\n  head_of_state:\n    kingdom: [جلالة الملك]\n    emirate: [أمير البلاد]\n",
        "utf-8",
    )
    (tmp_path / "states" / "x.yaml").write_text(
        textwrap.dedent(
            """\
            country: البحرين
            offices:
              head_of_state:
                form:
                  - {form: emirate, to: 2002-02-14}
                  - {form: kingdom, from: 2002-02-14}
                titles:
                  - {title: أمير البحرين, to: 2002-02-14}
                  - ملك البحرين
                holders:
                  - name: حمد بن عيسى
                    from: 1999-03-06
                    source: https://example.org/a
            """
        ),
        "utf-8",
    )
    (entry,) = knowledge._entries_via(tmp_path, "البحرين", None)
    roles = {(r.title, r.start, r.end) for r in entry.roles}
    day = dt.date
    assert roles == {
        ("أمير البحرين", day(1999, 3, 6), day(2002, 2, 14)),
        ("ملك البحرين", day(1999, 3, 6), None),
        ("أمير البلاد", day(1999, 3, 6), day(2002, 2, 14)),
        ("جلالة الملك", day(2002, 2, 14), None),
    }
    (tmp_path / "states" / "x.yaml").write_text(
        "country: البحرين\noffices:\n  head_of_state:\n    form: empire\n    titles: [x]\n",
        "utf-8",
    )
    with pytest.raises(knowledge.KnowledgeError, match="form"):
        knowledge._entries_via(tmp_path, None, None)


@pytest.mark.parametrize(
    ("home", "text", "on", "named"),
    [
        (
            None,
            "وقال وزير الطاقة السعودي إن الأسواق مستقرة.",
            "2023-02-11",
            ["عبد العزيز بن سلمان"],
        ),
        (None, "وقال وزير الطاقة السعودي إن الأسواق مستقرة.", "2017-02-11", ["خالد الفالح"]),
        (None, "وقالت وزيرة المالية العراقية إن الرواتب مؤمنة.", "2023-02-11", ["طيف سامي"]),
        (
            None,
            "وأكد وزير الداخلية المغربي أن الانتخابات ستجرى في موعدها.",
            "2016-05-02",
            ["محمد حصاد"],
        ),
        (
            "البحرين",
            "وأشار وزير الداخلية إلى خطة الموسم.",
            "2023-02-11",
            ["راشد بن عبد الله آل خليفة"],
        ),
        ("مصر", "وقال وزير البترول إن الإنتاج ارتفع.", "2020-02-11", ["طارق الملا"]),
        ("مصر", "وقال وزير المالية إن العجز تراجع.", "2020-02-11", ["محمد معيط"]),
        ("لبنان", "وقال وزير الطاقة والمياه إن التغذية ستتحسن.", "2022-02-11", ["وليد فياض"]),
        # a bare title for an office the home state's file does not list
        ("تونس", "وقال وزير الداخلية إن الوضع مستقر.", "2023-02-11", []),
        ("الجزائر", "وقال وزير الداخلية إن الوضع مستقر.", "2023-02-11", ["إبراهيم مراد"]),
    ],
)
def test_interior_finance_and_oil_ministers(
    home: str | None, text: str, on: str, named: list[str]
) -> None:
    assert who(text, dt.date.fromisoformat(on), home) == named


def test_the_arab_league_and_gcc_secretaries_general() -> None:
    on = dt.date(2021, 5, 3)
    said = who("وقال الأمين العام لجامعة الدول العربية إن القمة في موعدها.", on)
    assert said == ["أحمد أبو الغيط"]
    said = who("ورحب الأمين العام لمجلس التعاون الخليجي بالاتفاق.", on)
    assert said == ["نايف فلاح الحجرف"]
    said = who("ورحب أمين عام مجلس التعاون بالاتفاق.", dt.date(2024, 5, 3))
    assert said == ["جاسم محمد البديوي"]
    # the former Bahraini foreign minister and GCC chief is one person
    zayani = [e for e in knowledge.entries() if e.name == "عبد اللطيف الزياني"]
    assert len(zayani) == 1 and len(zayani[0].roles) > 3


@pytest.mark.parametrize(
    ("home", "text", "on", "named"),
    [
        (None, "وقال ولي العهد السعودي إن الرؤية تمضي.", "2019-01-10", ["محمد بن سلمان"]),
        (
            None,
            "وقال ولي العهد السعودي إن الرؤية تمضي.",
            "2016-01-10",
            ["محمد بن نايف بن عبد العزيز"],
        ),
        ("الأردن", "وافتتح سمو ولي العهد المعرض.", "2022-01-10", ["الحسين بن عبد الله الثاني"]),
        ("الأردن", "وافتتح سمو ولي العهد المعرض.", "2006-01-10", []),  # no heir then
        ("مصر", "وافتتح ولي العهد المعرض.", "2022-01-10", []),  # a republic has none
    ],
)
def test_crown_princes(home: str | None, text: str, on: str, named: list[str]) -> None:
    assert who(text, dt.date.fromisoformat(on), home) == named


@pytest.mark.parametrize(
    ("home", "text", "on", "named"),
    [
        (None, "ودعا رئيس مجلس النواب اللبناني إلى جلسة.", "2022-01-10", ["نبيه بري"]),
        ("لبنان", "ودعا رئيس مجلس النواب إلى جلسة عامة.", "2022-01-10", ["نبيه بري"]),
        ("العراق", "ودعا رئيس مجلس النواب إلى جلسة عامة.", "2020-01-10", ["محمد الحلبوسي"]),
        (
            "تونس",
            "وترأس رئيس مجلس نواب الشعب جلسة للمصادقة على القانون.",
            "2024-01-10",
            ["إبراهيم بودربالة"],
        ),
        # another state's speaker is his, not the home state's
        ("لبنان", "وقال رئيس مجلس النواب الأمريكي إن التصويت تأجل.", "2024-01-10", ["مايك جونسون"]),
        ("الجزائر", "ودعا رئيس مجلس النواب إلى جلسة عامة.", "2022-01-10", []),
    ],
)
def test_speakers(home: str | None, text: str, on: str, named: list[str]) -> None:
    assert who(text, dt.date.fromisoformat(on), home) == named


def test_a_rival_line_by_the_words_other_outlets_write() -> None:
    """Yemen's Houthi government, as other Arab outlets name it."""
    on = dt.date(2020, 3, 1)
    said = who("وقال رئيس الحكومة التابعة للحوثيين إن المفاوضات متعثرة.", on, "اليمن")
    assert said == ["عبد العزيز بن حبتور"]
    assert who("وقال رئيس الوزراء اليمني إن المفاوضات متعثرة.", on) == ["معين عبد الملك"]
