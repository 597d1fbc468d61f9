"""Time at a glance (issue 10): the events-per-month strip, a front page that
opens on the latest events, a pager by year with counts, both calendars in
headings, breadcrumbs that land on the page holding their month, and actor
pages that tell a story."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import pytest
from conftest import write_site

from generator.build import Builder

ACTORS = ["وزارة الدفاع الروسية", "الأمم المتحدة", "سيرغي لافروف", "روسيا", "حركة حماس"]
LAVROV = (
    "---\nname: سيرغي لافروف\naliases: [لافروف]\nkind: person\nroles:\n"
    "  - title: وزير الخارجية الروسي\n    from: 2004-03-09\n---\nوزير خارجية روسيا.\n"
)


def _event(i: int, day: str, actors: list[str]) -> str:
    return (
        f"---\ntitle: الحدث رقم {i} في سلسلة الاختبار\ndate: {day}\n"
        f"actors: [{', '.join(actors)}]\ntags: [اختبار]\nplace: دمشق\n---\nنص الحدث رقم {i}.\n"
    )


def many_months(root: Path, page_size: int = 4, extra: str = "", seed: int = 3) -> Path:
    """Events over 30 months (2014-03 … 2016-08, some months empty), a year-only
    one and an undated news line, named actors in front matter."""
    rng = random.Random(seed)
    files: dict[str, str] = {
        "site.toml": f'title = "اختبار"\npage_size = {page_size}\n{extra}',
        "content/actors/سيرغي-لافروف.md": LAVROV,
        "content/news/undated.txt": "قال مسؤول إن المحادثات مستمرة.\n",
        "content/events/year-only.md": _event(999, "2015", ["الأمم المتحدة"]),
    }
    i = 0
    for year, month in [(y, m) for y in (2014, 2015, 2016) for m in range(1, 13)]:
        if (year, month) < (2014, 3) or (year, month) > (2016, 8) or month in (7, 11):
            continue
        for _ in range(rng.choice((1, 2, 3, 6))):
            i += 1
            day = f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
            files[f"content/events/e{i:03d}.md"] = _event(i, day, rng.sample(ACTORS, 2))
    return write_site(root, files)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")


def _parse(html: bytes) -> _Links:
    parser = _Links()
    parser.feed(html.decode())
    return parser


def _target(page: str, href: str) -> tuple[str, str]:
    """The output file and fragment a relative link of `page` leads to."""
    path, _, fragment = href.partition("#")
    if not path:
        return page, unquote(fragment)
    parts: list[str] = []
    for part in (PurePosixPath(page).parent / unquote(path)).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    target = "/".join(parts)
    if not target or path.endswith("/") or path in (".", "./"):
        target = f"{target}/index.html".lstrip("/")
    return target, unquote(fragment)


def crawl(files: dict[str, bytes]) -> int:
    """Every internal link of every page leads to a file, and every fragment
    to an element with that id; returns how many links with fragments it checked."""
    parsed = {p: _parse(data) for p, data in files.items() if p.endswith(".html")}
    checked = 0
    for page, links in parsed.items():
        for href in links.hrefs:
            if "://" in href or href.startswith(("mailto:", "/")):
                continue
            target, fragment = _target(page, href)
            if target not in files:  # (not `assert`: pytest would print the whole site)
                pytest.fail(f"{page}: {href} → missing {target}")
            if fragment:
                if target not in parsed or fragment not in parsed[target].ids:
                    pytest.fail(f"{page}: {href} → no #{fragment} on {target}")
                checked += 1
    return checked


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory):
    site = many_months(tmp_path_factory.mktemp("glance") / "site")
    return Builder(site, serving=True).build()


def _text(html: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))


def test_strip_bars_breadcrumbs_and_pager_all_land_on_their_month(paged) -> None:
    files = paged.files
    assert not paged.errors
    assert crawl(files) > 100
    home = files["index.html"].decode()
    bars = re.findall(r'<a href="([^"]*#m-\d{4}-\d\d)" tabindex="-1">', home)
    dated = [e.date for e in paged.model.events if e.date and e.date.precision != "year"]
    assert len(bars) == len({d.iso[:7] for d in dated}) == 25  # 30 months, five empty
    # A bar of a month on another page goes to that page; one of this page's
    # goes to this page (the same link from every page: the chart is drawn once).
    assert any(b.startswith("2014/") for b in bars)
    assert "./#m-2016-08" in bars
    # This page's months are laid over the chart, each over its own bar.
    here = re.search(r'<svg class="strip__svg strip__here".*?</svg>', home, re.S)
    assert here is not None
    over = re.findall(r'<rect class="strip__bar strip__bar--here" x="([\d.]+)%"', here.group(0))
    on_page = set(re.findall(r'<section class="month" id="(m-\d{4}-\d\d)"', home))
    assert on_page and len(over) == len(on_page)
    for anchor in on_page:
        bar = re.search(
            rf'<a href="\./#{anchor}" tabindex="-1">.*?<rect class="strip__bar" x="([\d.]+)%"',
            home,
            re.S,
        )
        assert bar is not None and bar.group(1) in over
    # Event pages: the breadcrumb goes to the page of the timeline holding the month.
    model = paged.model
    for event in model.events:
        html = files[f"{event.path}index.html"].decode()
        crumb = re.search(r'<nav class="crumbs".*?</nav>', html, re.S)
        assert crumb is not None
        hrefs = re.findall(r'href="([^"]+)"', crumb.group(0))
        target, fragment = _target(f"{event.path}index.html", hrefs[-1])
        assert fragment and f'id="{fragment}"' in files[target].decode()
        assert f'id="e-{event.slug}"' in files[target].decode(), (event.id, target)


def test_the_front_page_shows_the_latest_month(paged) -> None:
    files = paged.files
    latest = max(e.date.start for e in paged.model.events if e.date)
    home = files["index.html"].decode()
    assert 'id="m-2016-08"' in home and latest.strftime("%Y-%m") == "2016-08"
    assert 'id="m-2014-03"' not in home
    # Older months have pages of their own, and the pager lists them by year with counts.
    assert "2014/03/index.html" in files or "2014/index.html" in files
    pager = re.search(r'<details class="pager__all">.*?</details>', home, re.S)
    assert pager is not None
    years = re.findall(r'<li class="pager__year">', pager.group(0))
    assert len(years) == 4  # 2014, 2015 (its year-only event too), 2016 and the undated
    text = _text(pager.group(0).encode())
    assert "2015 1436–1437 هـ" in text and "أحداث بلا تاريخ" in text and "خلال العام" in text
    assert re.search(r"حدثًا\)|أحداث\)", text)  # each year with its number of events


def test_descending_order_keeps_the_latest_first_and_on_the_front_page(tmp_path: Path) -> None:
    site = many_months(tmp_path / "site", extra='order = "desc"\n')
    files = Builder(site, serving=True).build().files
    home = files["index.html"].decode()
    months = re.findall(r'<section class="month" id="m-(\d{4}-\d\d)"', home)
    assert months[0] == "2016-08" and months == sorted(months, reverse=True)
    assert crawl(files) > 100


def test_both_calendars_in_headings_pager_strip_and_story(paged) -> None:
    files = paged.files
    page = next(p for p in files if re.fullmatch(r"2015/\d\d/index\.html", p))
    html = files[page].decode()
    year = re.search(r'<h2 class="year__title"[^>]*>(.*?)</h2>', html)
    assert year is not None and re.search(r"2015 <span class=\"alt\">143\d", year.group(1))
    months = re.findall(r'<h3 class="month__title"[^>]*>(.*?)</h3>', html, re.S)
    assert months and all(" هـ</span>" in m for m in months)
    here = re.search(r'<span class="pager__here">(.*?)</span>\s*</?', html, re.S)
    assert here is not None and "هـ" in html[here.start() : here.start() + 300]
    strip = re.search(r"<svg class=\"strip__svg\".*?</svg>", html, re.S)
    assert strip is not None
    labels = re.findall(r"<text [^>]*>([^<]+)</text>", strip.group(0))
    assert {"2014", "2015", "2016"} <= set(labels)
    assert {"1435 هـ", "1436 هـ", "1437 هـ"} & set(labels)
    # A later page shows the picture only (its bars one path), and the pager;
    # the listing's first page has a link per month and the text alternative
    # that lists the same months, with links.
    assert 'class="strip__svg strip__bars"' in html and "#m-2014-" not in html
    assert "strip__list" not in html and 'class="pager__all"' in html
    home = files["index.html"].decode()
    assert re.search(r'<details class="strip__list">.*?#m-2015-\d\d', home, re.S)
    assert "strip__bars" not in home


def test_a_hijri_site_draws_hijri_months_and_its_links_hold(tmp_path: Path) -> None:
    site = many_months(tmp_path / "site", extra='calendar = "hijri"\n')
    files = Builder(site, serving=True).build().files
    assert crawl(files) > 100
    home = files["index.html"].decode()
    assert re.search(r'id="m-143\d-\d\d"', home)
    labels = re.findall(r'<text class="strip__label[^"]*"[^>]*>([^<]+)</text>', home)
    assert "1436 هـ" in labels and "2015" in labels


def test_actor_pages_tell_a_story(paged) -> None:
    files, model = paged.files, paged.model
    lavrov = next(a for a in model.actors if a.slug == "سيرغي-لافروف")
    html = files[f"{lavrov.path}index.html"].decode()
    dated = [e for e in lavrov.events if e.date]
    first, last = dated[0], dated[-1]
    facts = re.search(r'<dl class="profile__facts">.*?</dl>', html, re.S)
    assert facts is not None
    assert "أول حدث" in facts.group(0) and "آخر حدث" in facts.group(0)
    assert f"events/{first.id}/" in facts.group(0) and f"events/{last.id}/" in facts.group(0)
    # The actors they appear with most, most shared events first.
    shared: dict[str, int] = {}
    for event in lavrov.events:
        for p in event.actors:
            if p.actor is not lavrov:
                shared[p.actor.slug] = shared.get(p.actor.slug, 0) + 1
    chips = re.findall(r'href="\.\./\.\./actors/([^/]+)/"><bdi>', facts.group(0))
    assert chips[0] == max(shared, key=lambda s: (shared[s], -ord(s[0])))
    counts = [int(n) for n in re.findall(r'chip__count"[^>]*><bdi>(\d+)</bdi>', facts.group(0))]
    assert counts == sorted(counts, reverse=True)
    # Its strip and month headings (the page is long: it is paged too).
    assert '<figure class="strip strip--paged"' in html
    assert re.search(r'<h4 class="month__title" id="m-2016-\d\d-h">', html)
    pages = [p for p in files if p.startswith(lavrov.path) and p.endswith(".html")]
    assert len(pages) > 2


def test_editor_named_actors_are_reviewed_with_the_kind_their_name_reads(paged) -> None:
    kinds = {a.name: (a.kind, a.reviewed) for a in paged.model.actors}
    assert kinds["وزارة الدفاع الروسية"] == ("organisation", True)
    assert kinds["الأمم المتحدة"] == ("organisation", True)
    assert kinds["روسيا"] == ("country", True)
    assert kinds["حركة حماس"] == ("organisation", True)  # the knowledge base's: a party
    assert kinds["سيرغي لافروف"] == ("person", True)  # the registry's word
    ministry = paged.files["actors/وزارة-الدفاع-الروسية/index.html"].decode()
    assert "لم يُراجَع" not in ministry and '<span class="label">مؤسسة</span>' in ministry
    index = _text(paged.files["actors/index.html"])
    people = index.split("الشخصيات", 1)[1].split("المؤسسات", 1)[0] if "الشخصيات" in index else ""
    assert "الأمم المتحدة" not in people and "حركة حماس" not in people


def test_an_actor_found_in_text_and_named_by_an_editor_is_reviewed(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "content/news/a.txt": "---\ndate: 2015-10-01\n---\n"
            "قال رئيس الوزراء العراقي حيدر العبادي الخميس 1 تشرين الأول 2015 إن بلاده تنسق مع روسيا.\n",
            "content/events/b.md": _event(1, "2015-10-05", ["حيدر العبادي"]),
        },
    )
    model = Builder(site, serving=True).build().model
    [abadi] = [a for a in model.actors if a.name == "حيدر العبادي"]
    assert abadi.reviewed and abadi.kind == "person" and len(abadi.events) == 2


def test_edits_rebuild_byte_identical_to_a_clean_build(tmp_path: Path) -> None:
    site = many_months(tmp_path / "site", page_size=3)
    builder = Builder(site, serving=True)
    builder.build()
    rng = random.Random(11)
    for step in range(8):
        n = rng.randint(1, 60)
        target = site / f"content/events/new{n:03d}.md"
        if rng.random() < 0.3:
            victims = sorted((site / "content/events").glob("e*.md"))
            target = rng.choice(victims)
            target.unlink()
        else:
            month = rng.choice(["2013-12", "2014-07", "2016-08", "2016-10", "2015-02"])
            day = f"{month}-{rng.randint(1, 28):02d}"
            target.write_text(_event(500 + n, day, rng.sample(ACTORS, 2)), encoding="utf-8")
        incremental = builder.build({target})
        clean = Builder(site, serving=True).build()
        assert incremental.files == clean.files, f"step {step}: {target.name}"
        assert crawl(incremental.files)


def test_an_edit_that_keeps_the_counts_re_renders_its_months_pages_only(tmp_path: Path) -> None:
    """Every page shows the strip and the pager, but they show counts: a text
    edit changes no count and re-renders no other page of the listing."""
    site = many_months(tmp_path / "site")
    builder = Builder(site, serving=True)
    builder.build()
    target = site / "content/events/e010.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace("نص الحدث", "نص معدل للحدث"), encoding="utf-8"
    )
    result = builder.build({target})
    [event] = [e for e in result.model.events if e.sources[0].file.endswith("e010.md")]
    month = event.date.start.strftime("%Y/%m/")
    listings = {p for p in result.rendered if not p.startswith(("events/", "embed/"))}
    assert listings and all(p.endswith(f"{month}index.html") for p in listings), listings
