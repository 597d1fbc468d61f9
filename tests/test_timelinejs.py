"""TimelineJS both ways: /timeline.json out, `tarikh import timelinejs` in, and a round trip."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from conftest import tarikh, write_site

from generator.arabic.hijri import to_hijri
from generator.build import Builder
from generator.config import SiteConfig
from generator.model_objects import Event, EventDate, SiteModel, Source
from generator.publish import timelinejs

DATED = "---\ndate: 2015-10-01\n---\n"
EVIL_TITLE = 'بيان <script>alert("x")</script> عاجل'
EVIL_BODY = "نص الخبر <img src=x onerror=alert(1)> وتتمته."


def _timeline(out: Path) -> dict:
    return json.loads((out / "timeline.json").read_text(encoding="utf-8"))


def _front(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body.strip()


# ---------------------------------------------------------------- export


def test_timeline_json_has_a_title_slide_and_a_slide_per_dated_event(built_example: Path) -> None:
    data = _timeline(built_example)
    events = json.loads((built_example / "events.json").read_text(encoding="utf-8"))["events"]
    dated = [e for e in events if e["date"]["gregorian"]]
    assert data["title"]["text"]["headline"] == "روسيا في سورية: خط زمني"
    assert data["scale"] == "human"
    assert len(data["events"]) == len(dated) == 10
    ids = [s["unique_id"] for s in data["events"]]
    assert all(re.fullmatch(r"t-[0-9a-f]{10}", i) for i in ids)
    assert len(set(ids)) == len(ids)
    assert data["tarikh"]["ids"] == {
        s["unique_id"]: e["id"] for s, e in zip(data["events"], dated, strict=True)
    }
    for slide, event in zip(data["events"], dated, strict=True):
        y, m, d = event["date"]["gregorian"].split("-")
        assert slide["start_date"] == {"year": y, "month": str(int(m)), "day": str(int(d))}
        assert slide["text"]["headline"] == html.escape(event["text"])
        # Both calendars, as the pages write them: «الخميس 1 تشرين الأول 2015 · 18 ذو الحجة 1436 هـ»
        assert "تشرين الأول 2015" in slide["display_date"] or "أيلول 2015" in slide["display_date"]
        assert slide["display_date"].count(" · ") == 1 and "1436 هـ" in slide["display_date"]
        assert slide["group"]


def _event(eid: str, title: str, text: str, day: dt.date | None) -> Event:
    date = None
    if day is not None:
        date = EventDate(day, "day", "explicit", day.isoformat(), "gregorian", None, to_hijri(day))
    return Event(eid, title, text, date, "statement", [Source("content/a.md", 1)])


def test_headline_and_text_arrive_escaped() -> None:
    """Whatever the loader lets through, the JSON carries it as text, never as markup."""
    day = dt.date(2015, 10, 1)
    model = SiteModel([_event("a", EVIL_TITLE, EVIL_BODY, day)], [], [], [], [])
    raw = timelinejs.timeline_json(model, SiteConfig(title="<b>t</b>", description="<i>d</i>"))
    text = raw.decode()
    assert "<script" not in text and "<img" not in text and "<b>" not in text
    data = json.loads(raw)
    slide = data["events"][0]
    assert (
        slide["text"]["headline"] == "بيان &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; عاجل"
    )
    assert slide["text"]["text"] == "<p>نص الخبر &lt;img src=x onerror=alert(1)&gt; وتتمته.</p>"
    assert data["title"]["text"] == {
        "headline": "&lt;b&gt;t&lt;/b&gt;",
        "text": "<p>&lt;i&gt;d&lt;/i&gt;</p>",
    }


def test_a_built_site_never_puts_markup_in_slides(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "content/news/a.txt": DATED + f"أعلن الوزير {EVIL_TITLE} في 1 تشرين الأول 2015.\n",
            "content/events/e.md": f"---\ntitle: '{EVIL_TITLE}'\ndate: 2015-10-02\n---\n"
            f"{EVIL_BODY}\n",
        },
    )
    raw = Builder(site, serving=True).build().files["timeline.json"].decode()
    assert "<script" not in raw and "<img" not in raw
    slides = json.loads(raw)["events"]
    assert len(slides) == 2
    for s in slides:
        assert "<" not in s["text"]["headline"]
        assert "<" not in re.sub(r"</?p>", "", s["text"]["text"])


def test_undated_events_are_left_out_and_reported_once(tmp_path: Path) -> None:
    lines = "".join(f"خبر رقم {i} من دون أي تاريخ يذكر للحدث.\n" for i in range(5))
    site = write_site(tmp_path, {"content/news/a.txt": lines + "وقع الحدث في 3 آذار 2016.\n"})
    result = Builder(site, serving=True).build()
    slides = json.loads(result.files["timeline.json"])["events"]
    assert [s["start_date"] for s in slides] == [{"year": "2016", "month": "3", "day": "3"}]
    about = [d for d in result.warnings if "timeline.json" in d.message]
    assert len(about) == 1
    assert "5 undated" in about[0].message and about[0].message.endswith("…")
    assert about[0].message.count("undated-") == 3  # the first few ids, not all


def test_output_is_byte_identical(example: Path) -> None:
    a = Builder(example, serving=True).build().files["timeline.json"]
    b = Builder(example, serving=True).build().files["timeline.json"]
    assert a == b


def test_precision_end_date_group_and_media(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "site.toml": 'base_url = "https://org.github.io/repo/"\ncalendar = "hijri"\n',
            "content/events/a.md": "---\ntitle: شهر كامل\ndate: 2015-10\nend_date: 2015-11\n"
            "tags: [دبلوماسية, حرب]\nimage: static/img/x.jpg\nsource: وكالة مثال\n---\n",
            "content/events/b.md": "---\ntitle: سنة\ndate: 2016\nimage: 'javascript:alert(1)'\n---\n",
        },
    )
    slides = json.loads(Builder(site, serving=True).build().files["timeline.json"])["events"]
    month, year = slides
    assert month["start_date"] == {"year": "2015", "month": "10"}
    assert month["end_date"] == {"year": "2015", "month": "11"}
    assert month["group"] == "دبلوماسية"
    assert month["media"] == {
        "url": "https://org.github.io/repo/static/img/x.jpg",
        "credit": "وكالة مثال",
    }
    assert month["display_date"].startswith("ذو الحجة 1436 هـ · ")  # the primary calendar first
    assert year["start_date"] == {"year": "2016"} and "media" not in year
    assert year["group"] == "خبر"  # no tag: the type label


def test_slide_ids_that_clash_get_longer(monkeypatch: pytest.MonkeyPatch) -> None:
    real = timelinejs.slide_id
    monkeypatch.setattr(
        timelinejs, "slide_id", lambda eid, size=5: "t-same" if size == 5 else real(eid, size)
    )
    events = [SimpleNamespace(id=i) for i in ("أ", "ب", "ج")]
    ids = timelinejs.unique_ids(events)  # type: ignore[arg-type]
    assert ids["أ"] == "t-same"
    assert len(set(ids.values())) == 3 and all(re.fullmatch(r"t-[0-9a-f]+", ids[k]) for k in "بج")


# ---------------------------------------------------------------- import

FIXTURE = {
    "title": {"text": {"headline": "A timeline", "text": "<p>about</p>"}},
    "eras": [{"start_date": {"year": 2010}, "end_date": {"year": 2012}, "text": {"headline": "E"}}],
    "events": [
        {
            "start_date": {"year": "2015", "month": "10", "day": "1", "hour": "14"},
            "text": {
                "headline": "First <b>day</b>",
                "text": '<p>One <b>bold</b> <a href="https://x.org/a">link</a>.</p>'
                "<p>Two<script>alert(1)</script></p>",
            },
            "media": {"url": "https://x.org/p.jpg?w=1", "credit": "AFP", "caption": "A cap"},
            "group": "Politics",
            "background": {"color": "#fff"},
            "unique_id": "first-day",
        },
        {"start_date": {"year": 2015, "month": 11}, "text": {"headline": "A month"}},
        {
            "start_date": {"year": 2016},
            "end_date": {"year": 2017},
            "text": {"headline": "Years", "text": "t"},
            "media": {"url": "https://youtube.com/watch?v=1"},
        },
        {"text": {"headline": "No date"}},
        {"start_date": {"year": 2015, "month": 13}, "text": {"headline": "Bad month"}},
        {"start_date": {"year": -500}, "text": {"headline": "Antiquity"}},
        {"start_date": {"year": 2015, "month": 2}, "text": {"text": "<p>no headline here</p>"}},
    ],
}


def test_import_json_maps_what_it_can_and_names_the_rest(tmp_path: Path, capsys) -> None:
    src = tmp_path / "tl.json"
    src.write_text(json.dumps(FIXTURE), encoding="utf-8")
    into = tmp_path / "events"
    assert tarikh("import", "timelinejs", src, "--into", into) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    files = sorted(into.glob("*.md"))
    assert len(files) == 4
    first = next(f for f in files if f.name.startswith("2015-10-01-"))
    meta, body = _front(first)
    assert meta == {
        "title": "First day",
        "date": "2015-10-01",
        "tags": ["Politics"],
        "image": "https://x.org/p.jpg?w=1",
        "source": "AFP",
    }
    assert body == "One **bold** [link](https://x.org/a).\n\nTwo"
    metas = {_front(f)[0]["title"]: _front(f)[0] for f in files}
    assert metas["A month"]["date"] == "2015-11"
    assert metas["Years"] | {} == {
        "title": "Years",
        "date": "2016",
        "end_date": "2017",
        "url": "https://youtube.com/watch?v=1",
    }
    assert metas["no headline here"]["date"] == "2015-02"
    warn = f"{src}: warning: events[0]: not mapped: "
    line = next(line for line in err.splitlines() if line.startswith(warn))
    for name in ("text.text: <script> left out", "media.caption", "start_date.hour"):
        assert name in line
    assert "background" in line and "unique_id" in line
    assert f"{src}: warning: title: title slide «A timeline» not imported" in err
    assert f"{src}: warning: eras[0]: era «E» not imported" in err
    assert f"{src}: error: events[3]: no start_date year" in err
    assert f"{src}: error: events[4]: start_date 2015-13 is not a date" in err
    assert f"{src}: error: events[5]: start_date.year -500" in err
    assert "events[6]: not mapped: (no headline" in err
    assert "imported 4 events" in out and "3 slides left out with errors" in out


CSV = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
    "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,Notes\n"
    ",,,,,,,,,Sheet title,About,,,,,title,,,\n"
    '2015,10,1,,,,,,,بدء الضربات,"<p>سطر أول</p>\n<p>سطر ثان</p>",,,,,,عسكري,,\n'
    "2015,10,2,14:30,,,,,,بيان,نص,static/img/a.png,وكالة,تعليق,,,,,ملاحظة\n"
    "\n"
    "twenty,10,3,,,,,,,سنة خاطئة,,,,,,,,,\n"
    "2014,,,,2016,,,,,حقبة,,,,,,era,,,\n"
    "2015,9,,,,,,,,شهر,,,,,,,,#ccc,\n"
)


def test_import_csv_names_lines(tmp_path: Path, capsys) -> None:
    src = tmp_path / "sheet.csv"
    src.write_text(CSV, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    assert tarikh("import", "timelinejs", src, "--source", site) == 2  # not a site yet
    assert "is not a tarikh site" in capsys.readouterr().err
    (site / "site.toml").write_text('title = "مستورد"\n', encoding="utf-8")
    assert tarikh("import", "timelinejs", src, "--source", site) == 1
    out, err = capsys.readouterr()
    files = sorted((site / "content/events").glob("*.md"))
    metas = {_front(f)[0]["title"]: _front(f) for f in files}
    assert set(metas) == {"بدء الضربات", "بيان", "شهر"}
    assert metas["بدء الضربات"] == (
        {"title": "بدء الضربات", "date": "2015-10-01", "tags": ["عسكري"]},
        "سطر أول\n\nسطر ثان",
    )
    assert metas["بيان"][0]["image"] == "static/img/a.png"
    assert metas["شهر"][0]["date"] == "2015-09"
    assert f"{src}:1: warning: column 'Notes' is not TimelineJS's" in err
    assert f"{src}:2: warning: title slide «Sheet title» not imported" in err
    # line 3's quoted text runs over two lines, so the next row is line 5
    row5 = next(line for line in err.splitlines() if line.startswith(f"{src}:5: warning:"))
    for name in ("start_date.time", "media.caption", "column 'Notes'"):
        assert name in row5
    assert f"{src}:7: error: start_date.year 'twenty' is not a whole number" in err
    assert f"{src}:8: warning: era «حقبة» not imported" in err
    assert f"{src}:9: warning: not mapped: background" in err
    assert "imported 3 events" in out


def test_import_refuses_to_overwrite_without_force(tmp_path: Path, capsys) -> None:
    src = tmp_path / "tl.json"
    src.write_text(json.dumps({"events": FIXTURE["events"][:2]}), encoding="utf-8")
    into = tmp_path / "events"
    assert tarikh("import", "timelinejs", src, "--into", into, "--dry-run") == 0
    assert not into.exists()
    assert "would write" in capsys.readouterr().out
    assert tarikh("import", "timelinejs", src, "--into", into) == 0
    first = sorted(into.glob("*.md"))[0]
    first.write_text("edited by hand", encoding="utf-8")
    capsys.readouterr()
    assert tarikh("import", "timelinejs", src, "--into", into) == 2
    err = capsys.readouterr().err
    assert f"{first}: error: exists" in err and "nothing written" in err
    assert first.read_text(encoding="utf-8") == "edited by hand"
    assert tarikh("import", "timelinejs", src, "--into", into, "--force") == 0
    assert first.read_text(encoding="utf-8").startswith("---\n")


@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        ("bad.json", '{"events": [\n  {"start_date": }\n]}', 1, ":2: error: not valid JSON"),
        ("list.json", "[1, 2]", 1, ':1: error: not TimelineJS JSON: no "events"'),
        ("sheet.csv", "Date,Title\n2015,x\n", 1, ":1: error: not a TimelineJS sheet"),
        (
            "latin.csv",
            "Year,Headline\n2015,خبر\n".encode("cp1256"),
            1,
            ":2: error: not valid UTF-8",
        ),
    ],
)
def test_bad_input_is_named_with_file_and_line(
    tmp_path: Path, capsys, name: str, content: str | bytes, code: int, message: str
) -> None:
    src = tmp_path / name
    src.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert tarikh("import", "timelinejs", src, "--into", tmp_path / "out") == code
    err = capsys.readouterr().err
    assert f"{src}{message}" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert tarikh("import", "timelinejs", tmp_path / "nope.json") == 2
    assert "no such file" in capsys.readouterr().err


# ---------------------------------------------------------------- round trip

HAND = (
    "---\ntitle: افتتاح الدورة الجديدة\ndate: 2015-10\nend_date: 2015-11\n"
    "tags: [دبلوماسية]\nimage: static/img/x.jpg\nsource: وكالة مثال\n---\n"
    "الفقرة الأولى من النص.\n\nوالفقرة الثانية مع <كلمة> & رمز.\n"
)


def test_round_trip_keeps_every_dated_event(example: Path, tmp_path: Path, capsys) -> None:
    write_site(example, {"content/events/hand.md": HAND})
    assert tarikh("build", "--source", example, "--quiet") == 0
    before = json.loads((example / "output/events.json").read_text(encoding="utf-8"))["events"]
    new = write_site(tmp_path / "new", {"site.toml": 'title = "نسخة"\n'})
    shutil.copytree(example / "content/actors", new / "content/actors")
    capsys.readouterr()
    assert tarikh("import", "timelinejs", example / "output/timeline.json", "--source", new) == 0
    assert "11 of 11 tarikh ids kept" in capsys.readouterr().out
    assert tarikh("build", "--source", new, "--quiet") == 0
    after = json.loads((new / "output/events.json").read_text(encoding="utf-8"))["events"]
    dated = [e for e in before if e["date"]["gregorian"]]
    assert len(after) == len(dated) == 11
    by_id = {e["id"]: e for e in after}
    for e in dated:
        got = by_id[e["id"]]  # same id, so the same address
        assert got["text"] == e["text"]
        for key in ("gregorian", "hijri", "precision"):
            assert got["date"][key] == e["date"][key]
        assert got["date"].get("end") == e["date"].get("end")
    # exported again, the slides say the same (in the same order up to events of one day)
    again = sorted(json.dumps(s["text"]) for s in _timeline(new / "output")["events"])
    first = sorted(json.dumps(s["text"]) for s in _timeline(example / "output")["events"])
    assert again == first


def test_malformed_slides_are_named_never_stringified(tmp_path: Path, capsys) -> None:
    weird = {
        "title": "not a slide",
        "eras": "not a list",
        "events": [
            1,
            {"start_date": "2015"},
            {"start_date": {"year": True}},
            {"start_date": {"year": 2015}, "text": {"headline": ["a", {"b": 1}]}},
            {"start_date": {"year": "٢٠١٥", "month": 3}, "text": "نص بلا عنوان"},
            {"start_date": {"year": 2015, "month": 4}, "end_date": {"year": 2014},
             "text": {"headline": "<h1>عنوان</h1>"}, "media": {"url": "javascript:alert(1)"}},
        ],
        "other": 1,
    }  # fmt: skip
    src = tmp_path / "weird.json"
    src.write_text(json.dumps(weird), encoding="utf-8")
    assert tarikh("import", "timelinejs", src, "--into", tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for message in (
        "warning: title is not a slide object",
        "warning: eras is not a list",
        "warning: top-level 'other' is not TimelineJS's",
        "error: events[0]: not an object",
        "error: events[1]: start_date is not an object",
        "error: events[2]: start_date.year True is not a whole number",
        "error: events[3]: neither a headline nor a text (text.headline (not text))",
        "warning: events[4]: not mapped: (no headline",
        "warning: events[5]: not mapped: end_date (before start_date: left out), media.url",
    ):
        assert f"{src}: {message}" in err
    metas = sorted(_front(f)[0]["title"] for f in (tmp_path / "out").glob("*.md"))
    assert metas == ["عنوان", "نص بلا عنوان"]


def test_csv_start_date_and_tag_columns(tmp_path: Path, capsys) -> None:
    """TimelineJS also reads Start Date / End Date and the older Tag column."""
    src = tmp_path / "dates.csv"
    src.write_text(
        "Start Date,End Date,Headline,Tag\n2015-10-01,2015-10-03,أ,وسم\n10/1/2015,,ب,\n2015-11,,ج,\n",
        encoding="utf-8",
    )
    assert tarikh("import", "timelinejs", src, "--into", tmp_path / "out") == 1
    err = capsys.readouterr().err
    metas = {m["title"]: m for m in (_front(f)[0] for f in (tmp_path / "out").glob("*.md"))}
    assert metas["أ"] == {
        "title": "أ",
        "date": "2015-10-01",
        "end_date": "2015-10-03",
        "tags": ["وسم"],
    }
    assert metas["ج"]["date"] == "2015-11"
    assert f"{src}:3: error: start_date '10/1/2015' is not YYYY-MM-DD" in err
    assert "warning" not in err
