"""Search's index as files: what is indexed, folded; reuse; the page's CSP.

Typing queries in a browser is tests/browser/test_search.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import snapshot, tarikh

from generator.arabic.normalize import normalize
from generator.build import Builder
from generator.publish import search


def test_the_index_holds_folded_keys_and_shows_text_as_written(built_example: Path) -> None:
    index = built_example / "pagefind"
    assert (index / "pagefind.js").is_file() and (index / "pagefind-entry.json").is_file()
    assert not list(index.glob("pagefind-ui*")), (
        "our page draws results; Pagefind's UI is not shipped"
    )
    stamp = json.loads((index / "tarikh-index.json").read_text(encoding="utf-8"))
    assert set(stamp["files"]) == {
        p.relative_to(built_example).as_posix() for p in index.rglob("*") if p.is_file()
    } - {"pagefind/tarikh-index.json"}
    builder = Builder(built_example.parent)
    result = builder.build()
    items = search.records(result.model, lambda d: "g", lambda d: "h")  # type: ignore[arg-type]
    assert {r.kind for r in items} == {"event", "actor"}
    assad = [r for r in items if r.title == "بشار الأسد"]
    assert assad and assad[0].path == "actors/بشار-الأسد/" and "الاسد" in assad[0].key
    for r in items:
        assert r.key == normalize(r.key)  # matched folded...
    events = [r for r in items if r.kind == "event"]
    assert any("أ" in r.title for r in events)  # ...shown as written


def test_an_unchanged_build_does_not_re_index(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert tarikh("build", "--source", example, "--quiet") == 0
    first = snapshot(example / "output")

    def refuse(items: object) -> dict[str, bytes]:
        raise AssertionError("re-indexed an unchanged site")

    monkeypatch.setattr(search, "build_index", refuse)
    assert tarikh("build", "--source", example, "--quiet") == 0
    assert snapshot(example / "output") == first
    # A changed event does re-index, and the index is the one a clean build makes.
    monkeypatch.undo()
    news = example / "content/news/2015-10-01-russia-syria.txt"
    news.write_text(
        news.read_text(encoding="utf-8") + "أعلن الكرملين الجمعة 2 تشرين الأول 2015 بيانًا جديدًا.\n",
        encoding="utf-8",
    )
    assert tarikh("build", "--source", example, "--quiet") == 0
    cached = {p: d for p, d in snapshot(example / "output").items() if p.startswith("pagefind/")}
    assert cached != {p: d for p, d in first.items() if p.startswith("pagefind/")}
    assert tarikh("build", "--source", example, "--quiet", "--output", example / "clean") == 0
    clean = {p: d for p, d in snapshot(example / "clean").items() if p.startswith("pagefind/")}
    assert cached == clean


def test_a_damaged_index_is_rebuilt_not_reused(example: Path) -> None:
    assert tarikh("build", "--source", example, "--quiet") == 0
    output = example / "output"
    first = snapshot(output)
    fragment = next(p for p in (output / "pagefind/fragment").iterdir())
    stamp = json.loads((output / search.SearchIndex.STAMP).read_text(encoding="utf-8"))
    [shard] = stamp["shards"]
    index = search.SearchIndex(output)
    assert index._from_output("pagefind/", shard["key"], stamp, {}) is not None
    fragment.write_bytes(b"tampered")
    assert index._from_output("pagefind/", shard["key"], stamp, {}) is None
    fragment.unlink()
    assert tarikh("build", "--source", example, "--quiet") == 0
    assert snapshot(output) == first


def test_only_the_search_page_allows_webassembly(built_example: Path) -> None:
    page = (built_example / "search/index.html").read_text(encoding="utf-8")
    assert "script-src 'self' 'wasm-unsafe-eval';" in page
    for other in ("index.html", "actors/index.html"):
        html = (built_example / other).read_text(encoding="utf-8")
        assert "wasm-unsafe-eval" not in html and "script-src 'self';" in html


def test_an_edit_re_indexes_only_the_shard_that_holds_its_event(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large site's index is in shards; an edit makes one again, and the
    result is the index a clean build makes."""
    monkeypatch.setattr(search, "SHARD_SIZE", 4)  # the example's 23 records: 8 shards
    assert tarikh("build", "--source", example, "--quiet") == 0
    stamp = json.loads((example / "output/pagefind/tarikh-index.json").read_text("utf-8"))
    assert len(stamp["shards"]) > 4  # an empty shard is left out of the list
    for shard in stamp["shards"]:
        assert f"{shard['path']}pagefind-entry.json" in shard["files"]
    made: list[str] = []
    real = search.build_index

    def counting(items: list[search.Record], where: str = search.PREFIX) -> dict[str, bytes]:
        made.append(where)
        return real(items, where)

    monkeypatch.setattr(search, "build_index", counting)
    news = example / "content/news/2015-10-01-russia-syria.txt"
    added = "أعلن الكرملين الجمعة 2 تشرين الأول 2015 بيانًا جديدًا.\n"
    news.write_text(news.read_text(encoding="utf-8") + added, encoding="utf-8")
    assert tarikh("build", "--source", example, "--quiet") == 0
    # The line joins an event (a new id) and names a new actor, «الكرملين»:
    # the shards whose records changed are made again, and no other.
    after = json.loads((example / "output/pagefind/tarikh-index.json").read_text("utf-8"))
    keys = {s["path"]: s["key"] for s in stamp["shards"]}
    changed = {s["path"] for s in after["shards"] if keys.get(s["path"]) != s["key"]}
    assert made and sorted(made) == sorted(changed)
    assert len(made) < len(after["shards"])
    cached = {p: d for p, d in snapshot(example / "output").items() if p.startswith("pagefind/")}
    assert tarikh("build", "--source", example, "--quiet", "--output", example / "clean") == 0
    clean = {p: d for p, d in snapshot(example / "clean").items() if p.startswith("pagefind/")}
    assert cached == clean


def test_a_new_process_makes_the_records_of_changed_shards_only(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`tarikh build` keeps what each shard's records were made from (the
    events' digests) and each events.json line in the cache (rebuild.py):
    the next run makes search records only for the shards that hold a
    changed event, and publishes what a clean build does."""
    monkeypatch.setattr(search, "SHARD_SIZE", 4)
    assert tarikh("build", "--source", example, "--quiet") == 0
    made: list[str] = []
    real = search._event_record
    monkeypatch.setattr(search, "_event_record", lambda e, *a: made.append(e.id) or real(e, *a))
    news = example / "content/news/2015-10-01-russia-syria.txt"
    text = news.read_text(encoding="utf-8")
    news.write_text(text.replace("بدء", "انطلاق", 1), encoding="utf-8")
    assert tarikh("build", "--source", example, "--quiet") == 0  # in this process, from the cache
    events = json.loads((example / "output/events.json").read_text("utf-8"))
    assert 1 <= len(made) < len(events["events"])
    assert tarikh("build", "--source", example, "--quiet", "--output", example / "clean") == 0
    keep = ("pagefind/", "events.json")
    cached = {p: d for p, d in snapshot(example / "output").items() if p.startswith(keep)}
    clean = {p: d for p, d in snapshot(example / "clean").items() if p.startswith(keep)}
    assert cached == clean
