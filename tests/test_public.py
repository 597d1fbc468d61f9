"""The published site as readers and search engines meet it (issue 10): sources
named for readers, canonical links, Open Graph, JSON-LD, feeds, robots.txt and
sitemaps, and no broken link at a domain root or under a sub-path."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
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
    assert '<time datetime="2015-10-01">1 تشرين الأول 2015' in sources
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


# ------------------------------------------------------------------ findable

BASE = "https://org.github.io/repo/"
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران"]


def _paged_site(root: Path, base_url: str = "") -> Path:
    """30 events over six months, five a page: listings cut by month."""
    lines = ["---\ndate: 2015-06-30\nsource: وكالة مثال\n---", "عنوان القصة"]
    for i in range(30):
        lines.append(
            f"أعلن وزير الخارجية المصري سامح شكري في {1 + i // 6} {MONTHS[i % 6]} 2015 "
            f"بيانًا رقم {i + 1} بشأن الحل السياسي في سورية."
        )
    return write_site(
        root,
        {
            "site.toml": f'title = "موقع مقسّم"\nbase_url = "{base_url}"\npage_size = 5\n',
            "content/news/a.txt": "\n".join(lines) + "\n",
            "content/events/e.md": "---\ntitle: حدث بوسم\ndate: 2015-03-05\nend_date: 2015-03-07\n"
            "tags: [دبلوماسية]\nplace: القاهرة\nactors: [سامح شكري]\n---\nنص.\n",
        },
    )


def _json_ld(html: str) -> list[dict]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(text) for text in found]


def test_feeds_sitemap_and_robots_carry_absolute_urls_under_base_url(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    site = _paged_site(tmp_path / "site", BASE)
    assert tarikh("build", "--source", site, "--quiet") == 0
    out = site / "output"
    feeds = sorted(out.rglob("feed.xml"))
    rels = {p.relative_to(out).as_posix() for p in feeds}
    assert "feed.xml" in rels and "actors/سامح-شكري/feed.xml" in rels
    assert "tags/دبلوماسية/feed.xml" in rels and "places/القاهرة/feed.xml" in rels
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}author/{ATOM}name") is not None
        urls = [e.get("href") for e in root.iter(f"{ATOM}link")]
        urls += [e.text for e in root.iter(f"{ATOM}id")]
        assert urls and all(u.startswith(BASE) for u in urls), feed
        [me] = [e for e in root.findall(f"{ATOM}link") if e.get("rel") == "self"]
        assert me.get("href") == BASE + quote(feed.relative_to(out).as_posix())
        assert root.findall(f"{ATOM}entry")
    actor = (out / "actors/سامح-شكري/index.html").read_text(encoding="utf-8")
    assert 'href="../../actors/سامح-شكري/feed.xml"' in actor  # linked from its page

    sitemap = ET.parse(out / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter(f"{SM}loc")]
    assert locs and all(u.startswith(BASE) for u in locs)
    assert BASE in locs and BASE + quote("actors/سامح-شكري/") in locs
    assert BASE + "2015/02/" in locs  # the pages of a paged listing
    assert not [u for u in locs if "/embed/" in u or u.endswith("404.html")]
    robots = (out / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines()[0] == "User-agent: *"
    assert f"Sitemap: {BASE}sitemap.xml" in robots


def test_sitemap_index_past_50000_urls() -> None:
    import xml.etree.ElementTree as ET

    from generator.config import SiteConfig
    from generator.publish.sitemap import sitemaps

    paths = [f"events/e{i:06d}/index.html" for i in range(120_001)]
    paths += ["index.html", "404.html", "embed/index.html", "feed.xml"]
    files = sitemaps(paths, SiteConfig(base_url=BASE))
    assert sorted(files) == ["sitemap.xml", "sitemaps/1.xml", "sitemaps/2.xml", "sitemaps/3.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{SM}sitemapindex"
    parts = [e.text for e in index.iter(f"{SM}loc")]
    assert parts == [f"{BASE}sitemaps/{n}.xml" for n in (1, 2, 3)]
    counts = []
    for n in (1, 2, 3):
        part = ET.fromstring(files[f"sitemaps/{n}.xml"])
        locs = [e.text for e in part.iter(f"{SM}loc")]
        assert all(u.startswith(BASE) for u in locs)
        counts.append(len(locs))
    assert counts == [50_000, 50_000, 20_002] and max(counts) <= 50_000
    # At 50,000 or fewer, one plain sitemap.
    small = sitemaps(paths[:49_999], SiteConfig(base_url=BASE))
    assert list(small) == ["sitemap.xml"] and b"<urlset" in small["sitemap.xml"]


def test_canonical_open_graph_and_json_ld(tmp_path: Path) -> None:
    site = _paged_site(tmp_path / "site", BASE)
    assert tarikh("build", "--source", site, "--quiet") == 0
    out = site / "output"
    kinds: set[str] = set()
    for page in sorted(out.rglob("*.html")):
        rel = page.relative_to(out).as_posix()
        if rel.startswith(("embed/", "pagefind/")):
            continue
        html = page.read_text(encoding="utf-8")
        if rel == "404.html":
            assert (
                'rel="canonical"' not in html and '<meta name="robots" content="noindex">' in html
            )
            continue
        url = BASE + quote(rel.removesuffix("index.html"))
        assert f'<link rel="canonical" href="{url}">' in html, rel
        assert f'<meta property="og:url" content="{url}">' in html, rel
        for prop in ("og:title", "og:description", "og:site_name", "og:type"):
            assert f'<meta property="{prop}" content="' in html, (rel, prop)
        assert '<meta name="twitter:card" content="summary' in html, rel
        docs = _json_ld(html)
        if rel.startswith("search/"):
            continue
        [doc] = docs
        assert doc["@context"] == "https://schema.org"
        nodes = doc.get("@graph", [doc])
        for node in nodes:
            kinds.add(node["@type"])
            if node["@type"] == "Event":
                assert node["name"] and node["startDate"] and node["endDate"] and node["url"] == url
                assert node["startDate"] <= node["endDate"]
            if node["@type"] in ("Person", "Organization", "Country"):
                assert node["name"] and node["url"] == url
            if node["@type"] == "ItemList":
                items = node["itemListElement"]
                assert items and node["numberOfItems"] == len(items)
                assert [i["position"] for i in items] == list(range(1, len(items) + 1))
                assert all(i["@type"] == "ListItem" and i["url"].startswith(BASE) for i in items)
    assert {"Event", "Person", "ItemList"} <= kinds
    [ranged] = [
        d
        for p in out.glob("events/*/index.html")
        for d in _json_ld(p.read_text(encoding="utf-8"))
        if d["name"] == "حدث بوسم"
    ]
    assert (ranged["startDate"], ranged["endDate"]) == ("2015-03-05", "2015-03-07")
    assert ranged["location"] == [{"@type": "Place", "name": "القاهرة"}]


def test_json_ld_is_escaped_inside_its_script(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/events/x.md": "---\ntitle: 'عنوان </script><script>alert(1)</script> & <!--'\n"
            "date: 2015-03-05\n---\nنص.\n",
        },
    )
    assert tarikh("build", "--source", site, "--quiet") in (0, 1)
    for page in (site / "output/events").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert block and "<" not in block.group(1) and "&" not in block.group(1)
        assert json.loads(block.group(1))["@type"] == "Event"


def test_without_base_url_one_note_names_what_needs_it(tmp_path: Path) -> None:
    site = _paged_site(tmp_path / "site")
    result = Builder(site).build()
    notes = [d for d in result.diagnostics if d.level == "note"]
    assert len(notes) == 1
    text = notes[0].message
    for what in (
        "canonical",
        "og:url",
        "JSON-LD",
        "sitemap.xml",
        "robots.txt",
        "embed code",
        "oEmbed",
    ):
        assert what in text, what
    files = result.files
    assert "sitemap.xml" not in files and b"Sitemap:" not in files["robots.txt"]
    assert b'rel="canonical"' not in files["index.html"]
    assert b"ld+json" in files["index.html"]  # JSON-LD still, without URLs
    assert "actors/سامح-شكري/feed.xml" in files


# ------------------------------------------------------------------ crawl

HOST = "https://org.github.io"
LINK = re.compile(r'<(a|link|script|img|source|iframe)\b[^>]*?\s(?:href|src)="([^"]*)"', re.S)


def _file_for(out: Path, prefix: str, url: str) -> Path | None:
    """What a static host serving `out` at `prefix` answers for `url`."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != HOST or not parts.path.startswith(prefix):
        return None
    rel = unquote(parts.path[len(prefix) :])
    path = out / rel
    if rel == "" or rel.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


def crawl(out: Path, prefix: str) -> tuple[int, list[str]]:
    """Every page reachable from the home page (and the 404 page served at a
    deep path), every link, asset and fragment they name, and every URL of
    the sitemap: (pages visited, what is broken)."""
    start = HOST + prefix
    queue = [start, start + "no/such/page/"]
    seen: set[str] = set(queue)
    ids: dict[Path, set[str]] = {}
    broken: list[str] = []
    pages = 0

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))
        return ids[path]

    while queue:
        url = queue.pop()
        path = _file_for(out, prefix, url)
        if url.endswith("no/such/page/"):
            path = out / "404.html"
        assert path is not None, url
        pages += 1
        html = path.read_text(encoding="utf-8")
        for tag, target in LINK.findall(html):
            if target.startswith(("mailto:", "data:", "javascript:")):
                continue
            absolute_url = urljoin(url, target)
            if urlsplit(absolute_url).netloc not in ("", urlsplit(HOST).netloc):
                continue  # another site: a source's link
            page_url, _, fragment = absolute_url.partition("#")
            found = _file_for(out, prefix, page_url)
            if page_url == start + "no/such/page/":
                found = out / "404.html"
            where = f"{url[len(start) - 1 :]} → {target}"
            if found is None:
                broken.append(where)
                continue
            if fragment and found.suffix == ".html" and unquote(fragment) not in anchors(found):
                broken.append(where + " (no such anchor)")
            if tag == "a" and found.suffix == ".html" and page_url not in seen:
                seen.add(page_url)
                queue.append(page_url)
    sitemap = out / "sitemap.xml"
    if sitemap.is_file():
        for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8")):
            if _file_for(out, prefix, loc) is None:
                broken.append(f"sitemap → {loc}")
    return pages, broken


@pytest.mark.parametrize("paged", [False, True], ids=["example", "paged"])
@pytest.mark.parametrize(
    ("base_url", "prefix"),
    [(f"{HOST}/", "/"), (f"{HOST}/repo/", "/repo/"), ("", "/")],
    ids=["root", "sub-path", "no-base-url"],
)
def test_crawl_finds_no_broken_link(
    tmp_path: Path, example: Path, paged: bool, base_url: str, prefix: str
) -> None:
    site = _paged_site(tmp_path / "paged", base_url) if paged else example
    args = ["build", "--source", site, "--output", tmp_path / "out", "--quiet"]
    assert tarikh(*args, *(["--base-url", base_url] if base_url else [])) == 0
    pages, broken = crawl(tmp_path / "out", prefix)
    assert pages > 30
    assert broken == []
