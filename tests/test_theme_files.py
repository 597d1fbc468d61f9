"""The default theme holds what it promises: a right-to-left skeleton, logical
CSS only, light/dark/print, self-hosted fonts and nothing fetched from another
host. These are file-level checks that need no build; the example site's
rendered pages are checked by the build and golden tests.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from types import SimpleNamespace

import jinja2
import jinja2.meta
import pytest

from generator.config import SiteConfig
from generator.render import Renderer, Theme

THEME = Path(__file__).resolve().parent.parent / "themes" / "default"
TEMPLATES = THEME / "templates"
STATIC = THEME / "static"
CSS = STATIC / "css" / "site.css"
JS = STATIC / "js" / "timeline.js"
TEMPLATE_FILES = sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html"))
PAGES = ["index.html", "event.html", "actors.html", "actor.html", "terms.html", "term.html"]
PAGES += ["story.html", "404.html"]


def _css() -> str:
    """The theme's stylesheets (fonts, site, widget) without their comments,
    which may mention "left" in prose."""
    text = "\n".join(
        (STATIC / "css" / name).read_text(encoding="utf-8")
        for name in ("fonts.css", "site.css", "embed.css")
    )
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def _block(css: str, at_rule: str) -> str:
    """The body of the first `at_rule { … }` block, braces balanced."""
    start = css.index(at_rule)
    open_at = css.index("{", start)
    depth = 0
    for i in range(open_at, len(css)):
        depth += {"{": 1, "}": -1}.get(css[i], 0)
        if depth == 0:
            return css[open_at + 1 : i]
    raise AssertionError(f"unbalanced braces after {at_rule}")


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# ---------------------------------------------------------------- templates


def test_every_promised_template_exists() -> None:
    wanted = {*PAGES, "base.html"} | {
        f"partials/{n}.html" for n in ("head", "header", "footer", "event-card", "date")
    }
    assert wanted <= set(TEMPLATE_FILES)


@pytest.mark.parametrize("name", TEMPLATE_FILES)
def test_template_parses_and_its_references_exist(name: str) -> None:
    env = _env()
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    ast = env.parse(source, name=name)
    for ref in jinja2.meta.find_referenced_templates(ast):
        assert ref is not None, f"{name} includes a computed template name"
        assert (TEMPLATES / ref).is_file(), f"{name} refers to missing {ref}"


def test_base_is_the_only_skeleton() -> None:
    base = (TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert base.lower().startswith("<!doctype html>")
    assert '<html lang="ar" dir="rtl">' in base
    for block in ("title", "head", "main"):
        assert re.search(rf"{{% block {block} %}}", base), block
    for partial in ("head", "header", "footer"):
        assert f'{{% include "partials/{partial}.html" %}}' in base
    for name in TEMPLATE_FILES:
        if name in ("base.html", "embed.html"):  # the widget has a skeleton of its own
            continue
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        assert "<html" not in text and "<body" not in text, name
        if name in PAGES:
            assert text.startswith('{% extends "base.html" %}'), name


def test_the_widget_is_a_page_of_its_own() -> None:
    """embed.html lives in other sites' iframes: its own skeleton, no site
    chrome, its own stylesheet and script, and a CSP stricter than the site's."""
    text = (TEMPLATES / "embed.html").read_text(encoding="utf-8")
    assert "<!doctype html>" in text and 'dir="rtl"' in text
    assert "partials/header.html" not in text and "partials/footer.html" not in text
    assert "static/css/embed.css" in text and "static/js/widget.js" in text
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
    assert csp and "default-src 'none'" in csp[1] and "'unsafe-inline'" not in csp[1]
    assert '<script type="application/json" id="w-data">{{ axis }}</script>' in text
    # The scope's axis script runs before the widget's (both deferred, in order).
    assert text.index('{{ url(axis.file) }}" defer') < text.index("static/js/widget.js")


def test_head_declares_charset_color_scheme_and_a_strict_csp() -> None:
    head = (TEMPLATES / "partials" / "head.html").read_text(encoding="utf-8")
    assert head.startswith('<meta charset="utf-8">')
    # Only the search page widens script-src, and only for Pagefind's WebAssembly.
    wasm = "{% if page.kind == 'search' %} 'wasm-unsafe-eval'{% endif %}"
    assert head.count("{% if page.kind == 'search'") == 1 and wasm in head
    head = head.replace(wasm, "")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in head
    assert '<meta name="color-scheme" content="light dark">' in head
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', head)
    assert csp, "no CSP meta"
    rules = dict(
        (d.split()[0], d.split()[1:]) for d in (part.strip() for part in csp[1].split(";")) if d
    )
    for directive in ("script-src", "style-src", "font-src"):
        assert rules[directive] == ["'self'"], directive
    assert rules["img-src"] == ["'self'", "data:"]
    assert "'unsafe-inline'" not in csp[1]


def test_internal_links_and_assets_go_through_url() -> None:
    """A site under a sub-path breaks on any root-relative or bare link."""
    # sources' own addresses, scheme-checked (the knowledge base's: https only)
    external = {"{{ s.url }}", "{{ story.url }}", "{{ source }}"}
    absolute = {"{{ embed.oembed }}"}  # oEmbed discovery is absolute by spec, from base_url
    absolute |= {"{{ canonical }}"}  # a canonical link is absolute, from base_url (seo.html)
    for name in TEMPLATE_FILES:
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        for value in re.findall(r'\b(?:href|src)="([^"]*)"', text):
            ok = value.startswith("{{ url(") or value.startswith("#") or value in external
            ok = ok or value in absolute
            assert ok, f"{name}: {value!r} does not use url()"
        for value in external:
            if value in text:
                field = value.strip("{} ")
                assert f'{field}.lower().startswith(("https://", "http://"))' in text, name


def test_no_request_to_another_host() -> None:
    """No http(s) URL with a host anywhere in the theme's code or markup."""
    files = [*TEMPLATES.rglob("*.html"), *STATIC.rglob("*.css"), *STATIC.rglob("*.js")]
    files += list(STATIC.rglob("*.svg"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        text = text.replace('xmlns="http://www.w3.org/2000/svg"', "")  # a name, not a request
        text = text.replace('"https://schema.org"', "")  # JSON-LD's @context: a name too
        hosts = re.findall(r"https?://[\w.-]+", text)
        assert not hosts, f"{path.relative_to(THEME)} names {hosts}"
        assert not re.search(r"""(?:src|href)\s*=\s*["']//""", text), path
        assert "@import" not in text, path


def test_date_partial_and_card_carry_what_the_timeline_needs() -> None:
    date = (TEMPLATES / "partials" / "date.html").read_text(encoding="utf-8")
    assert '<time class="date" datetime="{{ date.iso }}">' in date
    assert "بتاريخ الخبر" in date
    card = (TEMPLATES / "partials" / "event-card.html").read_text(encoding="utf-8")
    assert "data-actors=" in card
    index = (TEMPLATES / "index.html").read_text(encoding="utf-8")
    months = (TEMPLATES / "partials" / "months.html").read_text(encoding="utf-8")
    assert 'include "partials/months.html"' in index  # the years and months of the timeline
    assert "|period" in months and ("card(event" in months or "cards(mo.events" in months)
    assert "url(actor.path)" in index, "the filter must be plain links to actor pages without JS"
    assert "static/js/timeline.js" in index
    four = (TEMPLATES / "404.html").read_text(encoding="utf-8")
    assert "الصفحة غير موجودة" in four and "url('')" in four
    skip = (TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert '<a class="skip-link" href="#main">انتقل إلى المحتوى</a>' in skip
    assert 'id="main"' in skip


# ---------------------------------------------------------------- rendering the partials


def _renderer(**config: str) -> Renderer:
    theme = Theme(("default",), (TEMPLATES,), (STATIC,))
    return Renderer(theme, SiteConfig(**config), "test")  # type: ignore[arg-type]


def _date(basis: str) -> SimpleNamespace:
    hijri = SimpleNamespace(year=1436, month=12, day=18)
    return SimpleNamespace(
        start=dt.date(2015, 10, 1),
        end=None,
        precision="day",
        basis=basis,
        written="",
        calendar="gregorian",
        iso="2015-10-01",
        hijri=hijri,
        hijri_iso="1436-12-18",
    )


@pytest.mark.parametrize("calendar", ["gregorian", "hijri"])
def test_date_shows_both_calendars_primary_first(calendar: str) -> None:
    page = {"path": "index.html", "title": "", "kind": "timeline"}
    html = _renderer(calendar=calendar).render(
        "partials/date.html", "index.html", {"date": _date("explicit"), "page": page}
    )
    text = re.sub(r"<[^>]+>", "", html.decode())
    greg, hijri = "الخميس 1 تشرين الأول 2015", "18 ذو الحجة 1436 هـ"
    assert greg in text and hijri in text
    first, second = (greg, hijri) if calendar == "gregorian" else (hijri, greg)
    assert text.index(first) < text.index(second)
    assert '<time class="date" datetime="2015-10-01">' in html.decode()
    assert "بتاريخ الخبر" not in text


def test_a_document_date_says_it_is_the_story_date() -> None:
    page = {"path": "index.html", "title": "", "kind": "timeline"}
    html = _renderer().render(
        "partials/date.html", "index.html", {"date": _date("document"), "page": page}
    )
    assert "بتاريخ الخبر" in html.decode()


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "لا أحداث"),
        (1, "حدث واحد"),
        (2, "حدثان"),
        (3, "<bdi>3</bdi> أحداث"),
        (10, "<bdi>10</bdi> أحداث"),
        (11, "<bdi>11</bdi> حدثًا"),
        (99, "<bdi>99</bdi> حدثًا"),
        (100, "<bdi>100</bdi> حدث"),
        (103, "<bdi>103</bdi> أحداث"),
    ],
)
def test_event_counts_agree_with_the_number(n: int, expected: str) -> None:
    env = _renderer().env
    macros = env.get_template("partials/macros.html").module
    assert str(macros.events_count(n)).strip() == expected  # type: ignore[attr-defined]


# ---------------------------------------------------------------- CSS


def test_css_uses_logical_properties_only() -> None:
    css = _css()
    physical = re.findall(r"[\w-]*\b(?:left|right)\b[\w-]*", css)
    assert not physical, f"physical properties or values: {sorted(set(physical))}"
    assert "letter-spacing" not in css, "Arabic letters join: never letter-spacing"
    for logical in ("margin-inline-start", "padding-inline", "inset-inline-start"):
        assert logical in css
    assert "border-inline-start" in css


def test_css_has_dark_print_focus_and_readable_body() -> None:
    css = _css()
    dark = _block(css, "@media (prefers-color-scheme: dark)")
    assert "--bg:" in dark and "--ink:" in dark
    printed = _block(css, "@media print")
    for hidden in (".site-nav", ".filter", ".skip-link"):
        assert hidden in printed
    assert "attr(href)" in printed, "print shows the addresses of sources"
    assert "#000" in printed and "#fff" in printed
    assert ":focus-visible" in css
    body = re.search(r"\bbody\s*{([^}]*)}", css)
    assert body
    assert re.search(r"font-size:\s*1\.125rem", body[1])
    assert re.search(r"line-height:\s*1\.8\b", body[1])


def test_every_css_url_points_to_a_theme_file() -> None:
    css = _css()
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css)
    assert urls
    for ref in urls:
        if ref.startswith("data:"):
            continue
        assert not re.match(r"[a-z]+:|/", ref), f"{ref} is not theme-relative"
        assert (CSS.parent / ref).resolve().is_file(), f"{ref} does not exist"


# ---------------------------------------------------------------- fonts


def test_every_shipped_font_is_used_and_only_the_needed_ones_ship() -> None:
    css = _css()
    fonts = sorted((STATIC / "fonts").glob("*"))
    woff2 = [p for p in fonts if p.suffix == ".woff2"]
    assert {p.suffix for p in fonts} == {".woff2", ".txt"}, "only woff2 and licences ship"
    wanted = {
        f"{family}-{subset}-{weight}-normal.woff2"
        for family, weights in (
            ("noto-naskh-arabic", (400, 700)),
            ("ibm-plex-sans-arabic", (400, 600)),
        )
        for subset in ("arabic", "latin")
        for weight in weights
    }
    assert {p.name for p in woff2} == wanted
    for path in woff2:
        assert f"../fonts/{path.name}" in css, f"{path.name} is shipped but not referenced"
        assert path.read_bytes()[:4] == b"wOF2", f"{path.name} is not a woff2 file"
    assert sum(p.stat().st_size for p in woff2) < 400_000, "fonts grew: ship only what is needed"


def test_font_faces_swap_and_declare_their_unicode_range() -> None:
    faces = re.findall(r"@font-face\s*{([^}]*)}", _css())
    assert len(faces) == 8
    for face in faces:
        assert "font-display: swap" in face
        assert re.search(r"unicode-range:\s*U\+", face)
    subsets = {"arabic": "U+0600-06FF", "latin": "U+0000-00FF"}
    for face in faces:
        subset = re.search(r"-(arabic|latin)-\d{3}-normal\.woff2", face)
        assert subset, face
        assert subsets[subset[1]] in face, f"{subset[1]} face without its range"


@pytest.mark.parametrize("family", ["noto-naskh-arabic", "ibm-plex-sans-arabic"])
def test_each_font_family_ships_its_ofl_licence(family: str) -> None:
    licence = STATIC / "fonts" / f"OFL-{family}.txt"
    text = licence.read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "Copyright" in text.splitlines()[0]


# ---------------------------------------------------------------- script and theme.toml


def test_script_is_progressive_and_never_writes_html() -> None:
    js = JS.read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in re.sub(r"/\*.*?\*/", "", js, flags=re.S), sink
    assert "data-actors" in js and "preventDefault" in js
    assert re.search(r'NEXT = rtl \? "ArrowLeft" : "ArrowRight"', js)


def test_theme_toml_names_the_theme_and_documents_extends() -> None:
    text = (THEME / "theme.toml").read_text(encoding="utf-8")
    meta = tomllib.loads(text)
    assert meta == {"name": "default"}
    assert re.search(r'^#.*extends = "default"', text, flags=re.M)


def test_header_and_footer_are_the_same_drawn_once_or_included() -> None:
    """The header and footer are drawn once per page kind (`shared()`) and
    each page puts its own way up into their links; included where `shared`
    is not given (a site's own shared partial), they print the same."""
    from functools import partial

    from generator.render import relative_url

    renderer = _renderer(title="أرشيف", description="وصف")
    marks = {"actors": "page", "actor": "true", "event": None, "places": None}
    kinds = {
        "actors/index.html": "actors",
        "actors/x/index.html": "actor",
        "places/index.html": "places",
        "a/b/index.html": "event",  # last: the footer's link is checked from there
    }
    for path, kind in kinds.items():
        page = {"path": path, "title": "", "kind": kind}
        drawn = {}
        for name in ("partials/header.html", "partials/footer.html"):
            for _ in range(2):  # drawn, then kept
                drawn[name] = renderer.render(name, path, {"page": page}).decode()
                alone = renderer.env.get_template(name).render(
                    page=page, url=partial(relative_url, path)
                )
                assert drawn[name] == alone
        # The section a page is in is marked: the section's own page as the
        # page, a page inside it as inside («الفاعلون» on an actor's page).
        header = drawn["partials/header.html"]
        mark = re.search(r'href="[./]*actors/" aria-current="(\w+)"', header)
        assert (mark.group(1) if mark else None) == marks[kind]
        timeline = re.search(r'<li><a href="[./]*" aria-current="(\w+)">الخط الزمني', header)
        assert (timeline.group(1) if timeline else None) == ("true" if kind == "event" else None)
    assert '<a href="../../feed.xml">' in drawn["partials/footer.html"]
