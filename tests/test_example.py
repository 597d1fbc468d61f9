"""The example site (the seed news) is the first thing every build must get right."""

from __future__ import annotations

import json
import re
from pathlib import Path

ACTORS = [
    "فلاديمير بوتين",
    "دميتري بيسكوف",
    "سيرغي لافروف",
    "سامح شكري",
    "وانغ يي",
    "بشار الأسد",
    "حسن عبد العظيم",
    "وزارة الدفاع الروسية",
    "وزارة الدفاع الأمريكية",
    "مجلس الاتحاد الروسي",
    "رئاسة الجمهورية العربية السورية",
    "هيئة التنسيق السورية المعارضة",
    "داعش",
]


def _events(output: Path) -> list[dict]:
    return json.loads((output / "events.json").read_text(encoding="utf-8"))["events"]


def test_ten_events_from_twelve_lines(built_example: Path) -> None:
    events = _events(built_example)
    assert len(events) == 10
    assert len(list((built_example / "events").glob("*/index.html"))) == 10
    [twice] = [e for e in events if len(e["sources"]) > 1]
    # Lines 2 and 3 of the seed (physical lines 5 and 6 after the 3-line front matter).
    assert [s["line"] for s in twice["sources"]] == [5, 6]
    assert all(e["source"]["line"] != 4 for e in events)  # the headline is not an event


def test_dates_in_both_calendars(built_example: Path) -> None:
    events = _events(built_example)
    by_written = {
        e["date"]["written"]: e["date"] for e in events if e["date"]["basis"] == "explicit"
    }
    thursday = by_written["الخميس 1 تشرين الأول"]
    assert (thursday["gregorian"], thursday["hijri"]) == ("2015-10-01", "1436-12-18")
    wednesday = by_written["الأربعاء 30 أيلول"]
    assert (wednesday["gregorian"], wednesday["hijri"]) == ("2015-09-30", "1436-12-17")
    undated = [e for e in events if e["date"]["basis"] == "document"]
    assert len(undated) == 8 and all(e["date"]["gregorian"] == "2015-10-01" for e in undated)

    index = (built_example / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<time[^>]*datetime="2015-10-01"', index)
    assert re.search(r'<time[^>]*datetime="2015-09-30"', index)
    assert "18 ذو الحجة 1436" in index and "17 ذو الحجة 1436" in index
    assert "الخميس 1 تشرين الأول 2015" in index
    assert "بتاريخ الخبر" in index  # undated items say they carry the story's date
    # Timeline order: 30 September comes before 1 October.
    assert index.index('datetime="2015-09-30"') < index.index('datetime="2015-10-01"')


def test_actor_pages_linked_from_their_events(built_example: Path) -> None:
    events = _events(built_example)
    by_name: dict[str, list[str]] = {}
    for e in events:
        for a in e["actors"]:
            by_name.setdefault(a["name"], []).append(e["id"])
    for name in ACTORS:
        assert name in by_name, f"no event names {name}"
        [page] = [
            p
            for p in (built_example / "actors").glob("*/index.html")
            if "<h1" in (t := p.read_text(encoding="utf-8"))
            and name in t.split("<h1", 1)[1].split("</h1>")[0]  # the <head> names others too
        ]
        slug = page.parent.name
        for event_id in by_name[name]:
            html = (built_example / "events" / event_id / "index.html").read_text(encoding="utf-8")
            assert f'href="../../actors/{slug}/"' in html, f"{event_id} does not link {name}"


def test_lavrov_is_found_by_his_title(built_example: Path) -> None:
    [event] = [
        e for e in _events(built_example) if e["text"].startswith("جدد وزير الخارجية الروسي")
    ]
    [lavrov] = [a for a in event["actors"] if a["name"] == "سيرغي لافروف"]
    assert lavrov["mention"] == "وزير الخارجية الروسي"


def test_the_dual_gives_both_ministries(built_example: Path) -> None:
    [event] = [e for e in _events(built_example) if len(e["sources"]) == 2]
    names = {a["name"] for a in event["actors"]}
    assert {"وزارة الدفاع الروسية", "وزارة الدفاع الأمريكية", "داعش"} <= names


def test_pages_are_rtl_arabic(built_example: Path) -> None:
    for page in built_example.rglob("*.html"):
        head = page.read_text(encoding="utf-8")[:300]
        assert re.search(r'<html[^>]*lang="ar"[^>]*dir="rtl"', head), page
