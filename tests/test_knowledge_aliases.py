"""Short forms outlets write for the knowledge base's actors (issue 11): a
ruler by given name after his honorific, organisations by their short
names. Sentences written for the tests."""

from __future__ import annotations

import datetime as dt
from functools import cache

from generator import knowledge
from generator.arabic.actors import Registry, find_actors


@cache
def _registry() -> Registry:
    return Registry(knowledge.entries())


def who(text: str, on: dt.date = dt.date(2024, 2, 1)) -> list[str]:
    return [m.name for m in find_actors(text, _registry(), on)]


def test_a_ruler_by_given_name_after_his_honorific() -> None:
    assert who("وصل السلطان هيثم إلى القاهرة في زيارة رسمية.") == ["هيثم بن طارق"]
    assert who("وأكد الملك حمد أن البحرين ماضية في الإصلاح.") == ["حمد بن عيسى آل خليفة"]
    assert who("وأكد الملك سلمان أن المملكة تدعم المبادرة.") == ["سلمان بن عبد العزيز"]
    assert who("واستقبل الملك عبدالله الثاني الوزير في عمّان.") == ["عبد الله الثاني"]
    said = who("وأكد عبدالله الثاني ابن الحسين أن الأردن ماض في الإصلاح.")
    assert said == ["عبد الله الثاني"]


def test_organisations_by_their_short_names() -> None:
    assert who("وحذرت المنظمة الدولية من تفاقم المجاعة.") == ["الأمم المتحدة"]
    assert who("وحذرت المنظمة الأممية من تفاقم المجاعة.") == ["الأمم المتحدة"]
    assert who("ورحب مجلس التعاون بالاتفاق.") == ["مجلس التعاون لدول الخليج العربية"]
    # a longer registered name still wins
    assert who("وقالت المنظمة الدولية للهجرة إن آلاف الأسر نزحت.") == ["المنظمة الدولية للهجرة"]


def test_the_secretary_general_by_the_organisations_second_name() -> None:
    said = who("ودعا الأمين العام للمنظمة الدولية إلى وقف إطلاق النار.")
    assert said == ["أنطونيو غوتيريش"]


def test_no_alias_is_shared_by_two_actors() -> None:
    """A name two entries share names neither («أوبك+» folded to «أوبك» left
    OPEC unnamed; a minister written twice under two spellings of his name
    lost both)."""
    from collections import defaultdict

    from generator.arabic.actor_match import actor_key
    from generator.arabic.lexicon import tokenize

    owners: dict[str, set[str]] = defaultdict(set)
    for e in knowledge.entries():
        for name in (e.name, *e.aliases):
            owners[" ".join(tokenize(name).words)].add(e.slug)
            owners[actor_key(name)].add(e.slug)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared


def test_opec_by_its_short_name() -> None:
    assert who("وقررت أوبك خفض الإنتاج.") == ["منظمة البلدان المصدرة للنفط"]
