"""The published site as readers and search engines meet it (issue 10): sources
named for readers, canonical links, Open Graph, JSON-LD, feeds, robots.txt and
sitemaps, and no broken link at a domain root or under a sub-path."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import SEED, tarikh, write_site

from generator.build import Builder

NEWS = (
    "---\ndate: 2015-10-01\nsource: وكالة مثال\nurl: https://example.org/story\n---\n"
    "عنوان القصة\n"
    "أعلن الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول بدء العملية.\n"
    "أعلن الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول بدء العملية.\n"
)

# Files that are not pages: the extraction record (its `source.file` is the
# contract of DESIGN.md) and tarikh's own manifest of what it wrote.
NOT_PAGES = {"events.json", ".tarikh-manifest.json"}


def test_no_published_file_names_an_editors_file(built_example: Path) -> None:
    for path in sorted(built_example.rglob("*")):
        rel = path.relative_to(built_example).as_posix()
        if not path.is_file() or rel in NOT_PAGES:
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        assert "content/" not in text, f"{rel} names an editor's file"
        assert ".txt:" not in text, f"{rel} names an editor's file:line"
    # events.json carries file:line only where the extraction contract puts it.
    data = json.loads((built_example / "events.json").read_text(encoding="utf-8"))
    for event in data["events"]:
        rest = {k: v for k, v in event.items() if k not in ("source", "sources")}
        assert "content/" not in json.dumps(rest, ensure_ascii=False)


def test_event_page_names_outlet_link_and_date(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"content/news/a.txt": NEWS})
    assert tarikh("build", "--source", site, "--quiet") == 0
    [page] = (site / "output/events").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    sources = html[html.index('id="sources-h"') :]
    assert "وكالة مثال" in sources
    assert 'href="https://example.org/story"' in sources
    assert '<time datetime="2015-10-01">1 تشرين الأول 2015</time>' in sources
    # Two lines of one story are one source for a reader.
    assert sources.count('class="sources__name"') == 1
    assert "content/" not in html and "a.txt" not in html


def test_file_and_line_only_in_the_live_preview(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"content/news/a.txt": NEWS})
    result = Builder(site, serving=True).build()
    [event] = [p for p in result.files if p.startswith("events/")]
    html = result.files[event].decode()
    assert "content/news/a.txt:7" in html and "content/news/a.txt:8" in html
    [story] = [p for p in result.files if p.startswith("stories/")]
    assert "content/news/a.txt" in result.files[story].decode()
    published = Builder(site).build()
    assert "content/news/a.txt" not in published.files[event].decode()
    assert "content/news/a.txt" not in published.files[story].decode()


def test_seed_story_page_has_its_date_not_its_file(built_example: Path) -> None:
    [story] = (built_example / "stories").glob("*/index.html")
    html = story.read_text(encoding="utf-8")
    assert Path(SEED).name not in html
    assert re.search(r"نُشر في <time datetime=\"2015-10-01\">", html)
