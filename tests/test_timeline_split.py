"""Past `timeline_json_limit` dated events (site.toml), /timeline.json holds the
latest that many with a title slide that says so, and each Gregorian year has
its own /timeline/<year>.json: each a whole TimelineJS document, a slide with
the same id in every file it is in, the same bytes whatever the job count and
the cache. And every JSON document is written into its staged file in pieces
(records.stream), with the bytes and digest a whole write would give."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import tarikh, write_site

from generator.arabic.hijri import to_hijri
from generator.config import SiteConfig, parse_config
from generator.errors import ConfigError
from generator.model_objects import Event, EventDate, SiteModel, Source
from generator.publish import records, timelinejs
from generator.render import Formatter
from generator.write import SiteFiles, digest

EVENT = "---\ntitle: {title}\ndate: {date}\n---\nنص الحدث {title}.\n"
DATES = ["2014-03-01", "2015-10-01", "2015-11-02", "2016", "2016-01-05"]
UNDATED = "---\ntitle: حدث بلا تاريخ\n---\nنص.\n"


def _site(root: Path, limit: int | None, *build: str) -> Path:
    files: dict[str, str | bytes] = {
        f"content/events/e{i}.md": EVENT.format(title=f"حدث {i}", date=d)
        for i, d in enumerate(DATES)
    }
    files["content/events/undated.md"] = UNDATED
    toml = 'title = "أرشيف"\ndescription = "وصف"\n'
    files["site.toml"] = toml + (f"timeline_json_limit = {limit}\n" if limit is not None else "")
    write_site(root, files)
    assert tarikh("build", "--source", root, "--quiet", *build) in (0, 1)
    return root / "output"


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _is_timelinejs(doc: dict) -> None:
    """TimelineJS3's JSON shape, as test_timelinejs.py checks it on a whole file."""
    assert doc["scale"] == "human" and doc["title"]["text"]["headline"]
    assert doc["events"]
    for s in doc["events"]:
        assert re.fullmatch(r"\d{4}", s["start_date"]["year"])
        assert s["text"]["headline"] and s["display_date"] and s["group"]
        assert re.fullmatch(r"t-[0-9a-f]{10}", s["unique_id"])
    assert doc["tarikh"]["ids"] == {s["unique_id"]: eid for s, eid in zip(
        doc["events"], doc["tarikh"]["ids"].values(), strict=True)}  # fmt: skip


def test_past_the_limit_timeline_json_is_the_latest_and_a_file_a_year(tmp_path: Path) -> None:
    whole = _load(_site(tmp_path / "whole", 0) / "timeline.json")
    assert len(whole["events"]) == len(DATES)
    out = _site(tmp_path / "split", 2)
    latest = _load(out / "timeline.json")
    _is_timelinejs(latest)
    assert latest["events"] == whole["events"][-2:]  # the latest two, slide for slide
    assert latest["title"]["text"]["headline"] == "أرشيف"
    assert latest["title"]["text"]["text"] == (
        "<p>وصف</p><p>يعرض هذا الخط الزمني آخر حدثين من أصل 5 أحداث، "
        "ولأحداث كل عام خط زمني خاص بها.</p>"
    )
    assert latest["tarikh"]["count"] == len(DATES)
    files = latest["tarikh"]["files"]
    assert [(f["year"], f["count"]) for f in files] == [("2014", 1), ("2015", 2), ("2016", 2)]
    slides = []
    for f in files:
        doc = _load(out / f["url"])
        _is_timelinejs(doc)
        assert doc["tarikh"]["year"] == f["year"] and len(doc["events"]) == f["count"]
        assert doc["title"]["text"]["headline"] == f"أرشيف: عام {f['year']}"
        assert {s["start_date"]["year"] for s in doc["events"]} == {f["year"]}
        slides += doc["events"]
    assert slides == whole["events"]  # every dated event once, with its id, in order
    assert sorted(p.name for p in (out / "timeline").iterdir()) == [
        "2014.json",
        "2015.json",
        "2016.json",
    ]


def test_a_site_within_the_limit_keeps_one_timeline_json(tmp_path: Path) -> None:
    out = _site(tmp_path / "small", None)  # the default limit, far above 5
    doc = _load(out / "timeline.json")
    assert len(doc["events"]) == len(DATES) and set(doc["tarikh"]) == {"ids"}
    assert not (out / "timeline").exists()


def test_the_split_is_the_same_whatever_the_jobs_and_the_cache(tmp_path: Path) -> None:
    one = _site(tmp_path / "one", 2, "--jobs", "1")
    two = _site(tmp_path / "two", 2, "--jobs", "2")
    assert tarikh("build", "--source", tmp_path / "two", "--quiet", "--jobs", "2") in (0, 1)
    shutil.rmtree(tmp_path / "one" / "output")  # and rebuilt from the cache alone
    assert tarikh("build", "--source", tmp_path / "one", "--quiet", "--jobs", "1") in (0, 1)
    names = ["timeline.json", "timeline/2014.json", "timeline/2015.json", "timeline/2016.json"]
    names += ["events.json"]
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_the_limit_is_a_whole_number() -> None:
    assert parse_config({}).timeline_json_limit == 500
    assert parse_config({"timeline_json_limit": 0}).timeline_json_limit == 0
    with pytest.raises(ConfigError, match="timeline_json_limit"):
        parse_config({"timeline_json_limit": -1})


def test_counts_after_a_noun_are_genitive() -> None:
    fmt = Formatter(SiteConfig(title="t"))
    got = [timelinejs._counted(n, fmt) for n in (1, 2, 3, 11, 100, 2000)]
    assert got == ["حدث واحد", "حدثين", "3 أحداث", "11 حدثًا", "100 حدث", "2000 حدث"]


def _model(n: int) -> SiteModel:
    events = []
    for i in range(n):
        day = dt.date(2000 + i % 7, 1 + i % 12, 1 + i % 28)
        date = EventDate(day, "day", "explicit", day.isoformat(), "gregorian", None, to_hijri(day))
        events.append(Event(f"e{i}", f"حدث {i}", f"نص {i} " * 40, date, "statement",
                            [Source("content/a.md", i + 1)]))  # fmt: skip
    events.sort(key=Event.sort_key)
    return SiteModel(events, [], [], [], [])


@pytest.mark.parametrize("limit", [0, 50])
def test_streamed_documents_are_the_bytes_a_whole_write_gives(
    tmp_path: Path, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staged piece by piece (in several chunks: each document passes `_CHUNK`)
    or set whole, each file has the same bytes and the digest of those bytes."""
    monkeypatch.setattr(records, "_CHUNK", 4096)
    model = _model(300)
    config = SiteConfig(title="أرشيف", events_json_limit=limit, timeline_json_limit=limit)
    whole: dict[str, bytes] = {}
    records.write_events(model, config, records.collect(whole))
    timelinejs.write_timeline(model, config, records.collect(whole))
    assert len(whole["events.json" if not limit else "events/2000.json"]) > records._CHUNK
    staging = tmp_path / "staging"
    staging.mkdir()
    files = SiteFiles(tmp_path / "output", staging)
    records.write_events(model, config, records.stream(files))
    timelinejs.write_timeline(model, config, records.stream(files))
    assert list(files) == list(whole)
    for path, data in whole.items():
        assert (staging / path).read_bytes() == data
        assert files[path] == data and files.sha(path) == digest(data)
    memory = SiteFiles()  # the preview's: no staging folder, held in memory
    records.write_events(model, config, records.stream(memory))
    timelinejs.write_timeline(model, config, records.stream(memory))
    assert {p: memory[p] for p in memory} == whole
