"""What reading keeps between builds of wire copy (issue 12): a story's
family-name table grown line by line, what each file's story made of its
lines, and dedupe's fingerprints. Whatever is kept, a build reads what a
fresh one reads; a kept entry of another shape is read again, never used."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import pytest
from conftest import write_site

from generator import reading as reading_module
from generator.arabic import dedupe
from generator.arabic.actor_surnames import Story, _known
from generator.arabic.registry import ActorMention
from generator.config import SiteConfig, load_config
from generator.load import NewsFile, NewsLine, Problems
from generator.reading import Reading

FILE = "content/news/a.txt"
LINES = [
    "انتخب مجلس النواب العراقي محمود المشهداني رئيسا له يوم الخميس 9 أيار 2024.",
    "وقال المشهداني الجمعة 10 أيار 2024 إن المجلس سيعقد جلسته المقبلة قريبا.",
    "واستقبل الرئيس العراقي عبد اللطيف رشيد وفدا تركيا الأحد 12 أيار 2024.",
]
APPENDED = "وأكد المشهداني السبت 11 أيار 2024 أن الجلسة ستعقد في موعدها."


def _news(lines: list[str]) -> list[NewsFile]:
    items = [NewsLine(text, FILE, 5 + n) for n, text in enumerate(lines)]
    return [NewsFile(FILE, None, dt.date(2024, 5, 12), None, None, items)]


def _config(tmp_path: Path) -> SiteConfig:
    site = write_site(tmp_path / "site", {"site.toml": 'title = "قصة"\nknowledge = false\n'})
    return load_config(site)


def _read(reading: Reading, lines: list[str], config: SiteConfig) -> dict[Any, Any]:
    registry = reading.registry_for([], Problems(), knowledge=False)
    return reading.understand(_news(lines), registry, config, Problems())


def _restarted(reading: Reading, tmp_path: Path) -> Reading:
    """A new `tarikh build`: a Reading with the cache's copy of what the last kept."""
    fresh = Reading(tmp_path)
    fresh.understood = pickle.loads(pickle.dumps(reading.understood))
    return fresh


def _person(name: str, slug: str = "") -> ActorMention:
    return ActorMention(slug or name, name, name, kind="person")


def test_the_story_table_grows_as_the_table_made_afresh() -> None:
    mentions = [
        _person("محمود المشهداني"),
        _person("وزير"),  # one word: no family name
        ActorMention("مجلس", "مجلس النواب", "مجلس النواب", kind="body"),
        _person("علي المشهداني"),  # the first of a family name stays
        _person("أحمد عبد الغفار"),
    ]
    story = Story()
    for n, m in enumerate(mentions):
        story.extend([m])
        assert _known(story) == _known(mentions[: n + 1])
        assert list(story) == mentions[: n + 1] and len(story) == n + 1
    assert _known(story)["المشهداني"].name == "محمود المشهداني"
    assert "عبد الغفار" in _known(story) and "عبدالغفار" in _known(story)


def test_a_new_build_reads_only_the_appended_line_with_its_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(tmp_path)
    first = Reading(tmp_path)
    before = _read(first, LINES, config)
    assert before[(FILE, 6)].actors[0].name == "محمود المشهداني"
    calls: list[str] = []
    real = reading_module.with_story

    def counted(text: str, *args: Any) -> Any:
        calls.append(text)
        return real(text, *args)

    monkeypatch.setattr(reading_module, "with_story", counted)
    after = _read(_restarted(first, tmp_path), [*LINES, APPENDED], config)
    assert calls == [APPENDED]
    assert after == _read(Reading(tmp_path), [*LINES, APPENDED], config)
    assert after[(FILE, 8)].actors[0].name == "محمود المشهداني"


def test_an_edited_line_reads_the_lines_after_it_again(tmp_path: Path) -> None:
    config = _config(tmp_path)
    first = Reading(tmp_path)
    _read(first, LINES, config)
    edited = ["انتخب مجلس النواب العراقي رئيسا له يوم الخميس 9 أيار 2024.", *LINES[1:]]
    after = _read(_restarted(first, tmp_path), edited, config)
    assert after == _read(Reading(tmp_path), edited, config)
    assert all(a.name != "محمود المشهداني" for a in after[(FILE, 6)].actors)


@pytest.mark.parametrize(
    "memo",
    [None, "x", (), (1, 2), (1, 2, 3, 4), "context", "texts", "changed", "reading"],
)
def test_a_story_memo_of_another_shape_is_read_again(tmp_path: Path, memo: Any) -> None:
    config = _config(tmp_path)
    first = Reading(tmp_path)
    _read(first, LINES, config)
    again = _restarted(first, tmp_path)
    context, texts, changed = again.understood[("story", FILE)]
    memo = {
        "context": (None, *context[1:]),
        "texts": list(texts),
        "changed": {1: ["not an understanding"]},
        "reading": {"1": changed.get(1)},
    }.get(memo, memo)
    again.understood[("story", FILE)] = memo
    assert _read(again, LINES, config) == _read(Reading(tmp_path), LINES, config)


def _model(reading: Reading, lines: list[str], config: SiteConfig) -> list[Any]:
    model = reading.model(_news(lines), [], [], {}, config, Problems())
    return [(e.id, [(s.file, s.line) for s in e.sources]) for e in model.events]


COPIES = [
    "أعلن وزير الخارجية الروسي 3 آذار إعادة الإعمار في جنيف.",
    "اعلن وزير الخارجية الروسي 3 آذار إعادة الإعمار في جنيف (رويترز).",
    "بحث وزير الدفاع الصيني 4 آذار تنسيق الضربات في موسكو.",
]


def test_dedupe_sketches_only_the_new_line_and_joins_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(tmp_path)
    first = Reading(tmp_path)
    _model(first, COPIES, config)
    assert len([k for k in first.understood if k[0] == "dedupe"]) == len(COPIES)
    sketched: list[str] = []
    real = dedupe._compute_fingerprint

    def counted(key: str) -> Any:
        sketched.append(key)
        return real(key)

    monkeypatch.setattr(dedupe, "_compute_fingerprint", counted)
    lines = [*COPIES, "بحث وزير الدفاع الصيني 4 آذار تنسيق الضربات في موسكو (رويترز)."]
    again = _restarted(first, tmp_path)
    events = _model(again, lines, config)
    assert len(sketched) == 1
    assert events == _model(Reading(tmp_path), lines, config)
    assert [len(s) for _, s in events] == [2, 2]


@pytest.mark.parametrize(
    "entry", ["x", ("folded",), (1, 2), "short", ("folded", ((1, 2), frozenset())), ("f", "bytes")]
)
def test_a_dedupe_entry_of_another_shape_is_sketched_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: Any
) -> None:
    config = _config(tmp_path)
    first = Reading(tmp_path)
    expected = _model(first, COPIES, config)
    again = _restarted(first, tmp_path)
    folded, data = again.understood[("dedupe", COPIES[1])]
    if entry == "short":
        entry = (folded, data[:-8])  # a band short
    again.understood[("dedupe", COPIES[1])] = entry
    sketched: list[str] = []
    real = dedupe._compute_fingerprint
    monkeypatch.setattr(dedupe, "_compute_fingerprint", lambda k: sketched.append(k) or real(k))
    assert _model(again, COPIES, config) == expected
    assert len(sketched) == 1  # that line again, and only that
    assert again.understood[("dedupe", COPIES[1])] == (folded, data)  # and kept right


@pytest.mark.parametrize("entry", [None, 3, b"bytes"])
def test_a_new_build_works_out_the_new_texts_ids_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: Any
) -> None:
    """The text's part of each event's id (model.event_id) is kept by text,
    on the Reading and in the cache, not in a module's global: a new build
    works it out for new texts, and for a kept entry of another shape."""
    from generator import model as model_module

    config = _config(tmp_path)
    first = Reading(tmp_path)
    expected = _model(first, COPIES, config)
    assert len([k for k in first.understood if k[0] == "id"]) == 2  # two events
    again = _restarted(first, tmp_path)
    if entry is not None:
        again.understood[("id", COPIES[2])] = entry
    made: list[str] = []
    real = model_module.text_id
    monkeypatch.setattr(model_module, "text_id", lambda t: made.append(t) or real(t))
    lines = [*COPIES, "استقبل الرئيس التونسي 5 آذار وفدا ليبيا في قرطاج."]
    events = _model(again, lines, config)
    assert sorted(made) == sorted([lines[3]] + ([COPIES[2]] if entry is not None else []))
    assert all(e in events for e in expected)
    monkeypatch.setattr(model_module, "text_id", real)
    assert events == _model(Reading(tmp_path), lines, config)
