"""Long listings are cut into pages by year, then month, then count, so that
an edit re-renders its own month's page and no other (issue 5; the scale
work needs the same)."""

from __future__ import annotations

import random
import re
from pathlib import Path, PurePosixPath

from conftest import write_site

from generator.build import Builder

SITE_TOML = 'title = "اختبار"\npage_size = 3\n'
OCTOBER = (
    "---\ndate: 2015-10-20\n---\n"
    "أعلنت وزارة الدفاع الروسية الخميس 1 تشرين الأول 2015 بدء الضربات في سورية.\n"
    "قالت وزارة الدفاع الروسية الجمعة 2 تشرين الأول 2015 إنها ضربت مواقع جديدة.\n"
    "أكدت وزارة الدفاع الروسية السبت 3 تشرين الأول 2015 استمرار العملية.\n"
    "نفت وزارة الدفاع الروسية الأحد 4 تشرين الأول 2015 إصابة مدنيين.\n"
)
NOVEMBER = (
    "---\ndate: 2015-11-20\n---\n"
    "التقى وزير الخارجية المصري سامح شكري نظيره الروسي الخميس 5 تشرين الثاني 2015 في موسكو.\n"
)
EARLIER = (
    "---\ndate: 2014-06-01\n---\n"
    "أعلنت وزارة الدفاع الروسية الاثنين 5 أيار 2014 إجراء مناورات.\n"
    "قال وزير الخارجية المصري سامح شكري الأحد 1 حزيران 2014 إن الحل سياسي.\n"
)


def _site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "site.toml": SITE_TOML,
            "content/news/october.txt": OCTOBER,
            "content/news/november.txt": NOVEMBER,
            "content/news/earlier.txt": EARLIER,
        },
    )


def _cards(html: bytes) -> list[str]:
    return re.findall(r'<article class="card" id="e-([^"]+)"', html.decode())


def _links(page: str, html: bytes) -> list[str]:
    """The output files that the relative links of a page point to."""
    out = []
    for href in re.findall(r'href="([^"#]*)"', html.decode()):
        if not href or "://" in href:
            continue
        target = (
            PurePosixPath(href.lstrip("/"))
            if href.startswith("/")
            else PurePosixPath(page).parent / href
        )
        parts: list[str] = []
        for part in target.parts:
            if part == "..":
                parts.pop()
            elif part != ".":
                parts.append(part)
        path = "/".join(parts)
        if not path:
            out.append("index.html")
        else:
            out.append(path + "/index.html" if href.endswith("/") else path)
    return out


def test_the_timeline_is_cut_by_year_then_month_then_count(tmp_path: Path) -> None:
    result = Builder(_site(tmp_path), serving=True).build()
    assert not result.errors
    files = result.files
    timeline = ["2014/index.html", "2015/10/index.html", "2015/10/2/index.html", "index.html"]
    for page in timeline:
        assert page in files, page
    # 2014 fits on one page; 2015 does not and goes by month. The latest page
    # (November 2015) is the front page: readers come for the news.
    assert "2015/index.html" not in files and "2015/11/index.html" not in files
    assert len(_cards(files["index.html"])) == 1
    assert len(_cards(files["2014/index.html"])) == 2
    assert len(_cards(files["2015/10/index.html"])) == 3
    assert len(_cards(files["2015/10/2/index.html"])) == 1
    # Every event is on exactly one page of the timeline.
    listed = [card for page in timeline for card in _cards(files[page])]
    assert sorted(listed) == sorted(e.id for e in result.model.events)
    # Pages say where they are, in Arabic, and link their neighbours.
    october = files["2015/10/index.html"].decode()
    assert "تشرين الأول 2015" in october
    assert 'rel="prev" href="../../2014/"' in october
    assert 'rel="next" href="../../2015/10/2/"' in october
    assert "<title>تشرين الأول 2015 | اختبار</title>" in october


def test_every_link_of_every_paged_listing_leads_to_a_page(tmp_path: Path) -> None:
    files = Builder(_site(tmp_path), serving=True).build().files
    pages = [p for p in files if p.endswith(".html")]
    for page in pages:
        for target in _links(page, files[page]):
            assert target in files, f"{page} links to a missing {target}"
    ministry = [p for p in pages if p.startswith("actors/وزارة-الدفاع-الروسية/")]
    assert len(ministry) > 1  # five events, three a page: the actor's page is paged too


def test_an_edit_re_renders_only_the_page_of_its_month(tmp_path: Path) -> None:
    site = _site(tmp_path)
    builder = Builder(site, serving=True)
    builder.build()
    target = site / "content/news/october.txt"
    target.write_text(OCTOBER.replace("إصابة مدنيين", "إصابة أي مدنيين"), encoding="utf-8")
    result = builder.build({target})
    ministry = "actors/وزارة-الدفاع-الروسية/"
    indexes = {"actors/index.html", "places/index.html", "tags/index.html"}
    listings = {
        p for p in result.rendered if not p.startswith(("events/", "stories/", "embed/"))
    } - indexes
    # The edited event is the fifth of the ministry's and the fourth of October:
    # the second page of October in the timeline; on the ministry's page, its
    # latest page, which is the actor's own address.
    assert listings == {"2015/10/2/index.html", f"{ministry}index.html"}
    assert "index.html" not in result.rendered
    # And one page of each widget that shows it: the timeline's and the ministry's.
    widgets = {p for p in result.rendered if p.startswith("embed/")}
    assert widgets == {"embed/2015/10/2/index.html", f"embed/{ministry}index.html"}
    for page in widgets:
        assert "إصابة أي مدنيين" in result.files[page].decode()


def test_paged_random_edits_stay_byte_identical_to_a_clean_build(tmp_path: Path) -> None:
    site = _site(tmp_path)
    rng = random.Random(7)
    builder = Builder(site, serving=True)
    builder.build()
    lines = [
        "أعلنت وزارة الدفاع الروسية الخميس {d} تشرين الأول 2015 ضربات جديدة.",
        "قال وزير الخارجية المصري سامح شكري الأحد {d} تشرين الثاني 2015 إن الحل سياسي.",
        "أكدت وزارة الدفاع الروسية في {d} كانون الثاني 2016 انتهاء المرحلة الأولى.",
    ]
    for step in range(10):
        name = rng.choice(["october.txt", "november.txt", "extra.txt"])
        target = site / "content/news" / name
        if rng.random() < 0.2 and target.exists():
            target.unlink()
        else:
            body = "".join(
                rng.choice(lines).format(d=rng.randint(1, 28)) + "\n"
                for _ in range(rng.randint(1, 4))
            )
            target.write_text("---\ndate: 2016-02-01\n---\n" + body, encoding="utf-8")
        incremental = builder.build({target})
        clean = Builder(site, serving=True).build()
        assert incremental.files == clean.files, f"step {step}: {name}"


def test_page_size_zero_keeps_one_page_and_bad_values_are_named(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "site.toml").write_text("page_size = 0\n", encoding="utf-8")
    files = Builder(site, serving=True).build().files
    assert len(_cards(files["index.html"])) == 7
    assert not any(re.fullmatch(r"\d{4}/.*", p) for p in files)
    (site / "site.toml").write_text('page_size = "many"\n', encoding="utf-8")
    try:
        Builder(site, serving=True).build()
    except Exception as exc:  # ConfigError: exit 2 in the CLI
        assert "page_size" in str(exc)
    else:
        raise AssertionError("a page_size that is not a number must be refused")


def test_the_latest_page_and_the_periods_memo() -> None:
    """`_latest` compares whole sort keys only among the events of the latest
    day; a plan's periods memo groups exactly as `period_of` does."""
    import datetime as dt

    from generator.model import Event, EventDate, Source
    from generator.plan import Section, _latest, group_by_month, periods

    def event(day: dt.date | None, file: str, precision: str = "day") -> Event:
        date = EventDate(day, precision, "explicit", "", "gregorian", None, None) if day else None
        return Event(file, file, file, date, "other", [Source(file, 1)])

    late = dt.date(2015, 10, 2)
    a, b = event(late, "b.md"), event(late, "a.md")
    pages = [
        Section("x/", 0, 0, 1, [event(dt.date(2014, 1, 1), "z.md"), a]),
        Section(
            "y/", 0, 0, 1, [b, event(None, "u.md"), event(dt.date(2015, 1, 1), "y.md", "year")]
        ),
        Section("z/", 0, 0, 1, [event(None, "v.md")]),
    ]
    assert _latest(pages) == 0  # same day: the later file sorts last
    assert _latest([Section("u/", 0, 0, 1, [event(None, "u.md")])]) == 0
    events = [e for p in pages for e in p.events]
    for calendar in ("gregorian", "hijri"):
        known = periods(events, calendar)
        for descending in (False, True):
            plain = group_by_month(events, descending, calendar)
            memo = group_by_month(events, descending, calendar, known)
            shape = [(y.year, [(m.month, m.events) for m in y.months]) for y in plain]
            assert shape == [(y.year, [(m.month, m.events) for m in y.months]) for y in memo]
            partial = periods(events[:2], calendar)  # the others worked out when asked
            late = group_by_month(events, descending, calendar, partial)
            assert shape == [(y.year, [(m.month, m.events) for m in y.months]) for y in late]


def _current(html: bytes) -> list[str]:
    """The chips the pager's list of all pages marks as the page's own."""
    return re.findall(
        r'<span class="chip chip--current" aria-current="page">([^<]*)', html.decode()
    )


def test_the_pager_marks_each_page_once_and_a_sites_own_year_its_way(tmp_path: Path) -> None:
    """The shipped pager draws a listing's years once (shared) and marks the
    page's chip on each page; a site's own pager-year.html is drawn per year
    as before, and marks the page as it says."""
    files = Builder(_site(tmp_path), serving=True).build().files
    paged = [p for p in files if p.endswith(".html") and b"pager__years" in files[p]]
    assert len(paged) > 4
    for page in paged:
        html = files[page]
        assert len(_current(html)) == html.count(b"pager__years"), page  # once a pager
        here = re.search(r'class="pager__here">([^<]*)', html.decode())
        assert here and _current(html)[0].split()[0] in here.group(1), page
    ours = Path(__file__).parent.parent / "themes/default/templates/partials/pager-year.html"
    mine = ours.read_text(encoding="utf-8").replace("chip--current", "chip--mine")
    site = tmp_path / "own"
    write_site(
        site,
        {
            "site.toml": SITE_TOML,
            "content/news/october.txt": OCTOBER,
            "content/news/november.txt": NOVEMBER,
            "content/news/earlier.txt": EARLIER,
            "templates/partials/pager-year.html": mine,
        },
    )
    own = Builder(site, serving=True).build().files
    for page in paged:
        assert not _current(own[page]), page
        assert own[page].count(b"chip--mine") == own[page].count(b"pager__years"), page


def test_pager_here_marks_the_first_link_to_the_page_or_says_it_has_none() -> None:
    from generator.theme import pager_here

    html = '<li><a class="chip" href="../a/">A <b>1</b></a></li><li><a class="chip" href="../b/">B</a></li>'
    assert pager_here(html, "../b/") == (
        '<li><a class="chip" href="../a/">A <b>1</b></a></li>'
        '<li><span class="chip chip--current" aria-current="page">B</span></li>'
    )
    assert pager_here(html, "../c/") is None
    assert pager_here('<a class="chip" href="x&amp;y/">X</a>', "x&y/") == (
        '<span class="chip chip--current" aria-current="page">X</span>'
    )
