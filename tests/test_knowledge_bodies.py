"""A state's own bodies in the knowledge base (issue 11): its government,
ministries, parliament, courts and central bank, one actor each under its
full name, and named without the state only in its own newsroom. Given to
the registry by default since session 8 (knowledge.BODIES: see why there);
these tests read them directly. Sentences written for the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import knowledge
from generator.arabic.actors import Registry, find_actors


@pytest.fixture
def with_bodies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(knowledge, "BODIES", True)


def who(text: str, home: str | None) -> list[str]:
    registry = Registry(knowledge._entries_via(knowledge.DATA, home, None))
    return [m.name for m in find_actors(text, registry, dt.date(2024, 3, 5))]


def test_the_bodies_read_and_share_no_slug(with_bodies: None) -> None:
    found = knowledge._entries_via(knowledge.DATA, "مصر", None)
    slugs = [e.slug for e in found]
    assert len(slugs) == len(set(slugs))
    names = {e.name: e for e in found}
    assert "البرلمان المصري" in names["مجلس النواب المصري"].aliases
    assert "مجلس النواب" in names["مجلس النواب المصري"].aliases  # home
    assert "مجلس النواب" not in names["مجلس النواب الأردني"].aliases
    assert names["وزارة الخارجية الأردنية"].sources == ("https://ar.wikipedia.org/wiki/الأردن",)


def test_a_bare_body_is_the_home_states(with_bodies: None) -> None:
    text = "وأقر مجلس الأمة مشروع القانون بالإجماع."
    assert who(text, "الكويت") == ["مجلس الأمة الكويتي"]
    assert who(text, "الجزائر") == ["مجلس الأمة الجزائري"]
    said = who("وقضت المحكمة الدستورية العليا برفض الطعن.", "مصر")
    assert said == ["المحكمة الدستورية العليا المصرية"]


def test_a_foreign_body_keeps_its_state(with_bodies: None) -> None:
    assert who("وأقر مجلس النواب الأردني مشروع القانون.", "مصر") == ["مجلس النواب الأردني"]
    assert who("وأقر مجلس النواب الأردني مشروع القانون.", None) == ["مجلس النواب الأردني"]


def test_the_bodies_are_on_by_default_and_can_be_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = {e.name for e in knowledge._entries_via(knowledge.DATA, "مصر", None)}
    assert "مجلس النواب المصري" in names
    monkeypatch.setattr(knowledge, "BODIES", False)
    names = {e.name for e in knowledge._entries_via(knowledge.DATA, "مصر", None)}
    assert "مجلس النواب المصري" not in names


def test_a_template_needs_a_source(tmp_path: Path, with_bodies: None) -> None:
    (tmp_path / "states").mkdir()
    (tmp_path / "home.yaml").write_text('bodies:\n  - name: "الحكومة {f}"\n', "utf-8")
    (tmp_path / "states" / "x.yaml").write_text(
        "country: مصر\nadjective: مصري\noffices: {}\n", "utf-8"
    )
    with pytest.raises(knowledge.KnowledgeError, match="source"):
        knowledge._entries_via(tmp_path, None, None)
    text = "country: مصر\nadjective: مصري\nwiki: https://example.org/eg\noffices: {}\n"
    (tmp_path / "states" / "x.yaml").write_text(text, "utf-8")
    (entry,) = knowledge._entries_via(tmp_path, None, None)
    assert entry.name == "الحكومة المصرية" and entry.kind == "organisation"
