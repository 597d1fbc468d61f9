"""The published site as readers meet it, in Chromium: axe-core on every page
type in light and dark at 375 and 1,280 px, focus never hidden under sticky
headers, and a card's parts where they belong."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
import vendor
from conftest import ROOT, tarikh
from test_embed import ARGS, CHROMIUM, WAIT_MS, _free_port, _serve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

PAGES = {
    "timeline": "",
    "event": "events/2015-10-01-جدد-وزير-الخارجية-الروسي-التأكيد-على-e81bf7/",
    "actors": "actors/",
    "actor": "actors/سيرغي-لافروف/",
    "places": "places/",
    "place": "places/سورية/",
    "tags": "tags/",
    "story": None,  # found from the event page
    "search": "search/",
    "404": "404.html",
}


CJTF = """---
date: 2015-10-02
source: وكالة مثال
---
أعلنت قيادة قوات التحالف الدولي (CJTF-OIR) الجمعة 2 تشرين الأول 2015 تنفيذ ضربات جوية بطائرات F-16 قرب الرقة.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("look")
    src = tmp / "example"
    shutil.copytree(ROOT / "content", src / "content")
    shutil.copy(ROOT / "site.toml", src / "site.toml")
    (src / "content/news/cjtf.txt").write_text(CJTF, encoding="utf-8")
    port = _free_port()
    assert (
        tarikh("build", "--source", src, "--base-url", f"http://127.0.0.1:{port}/", "--quiet") == 0
    )
    stories = sorted((src / "output/stories").glob("*/index.html"))
    PAGES["story"] = stories[0].parent.relative_to(src / "output").as_posix() + "/"
    with _serve(src / "output", port) as url:
        yield {"url": url}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_no_serious_accessibility_violation_on_any_page_type(
    site: dict[str, Any], browser: Any, scheme: str, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    found = {}
    for kind, path in PAGES.items():
        page.goto(site["url"] + (path or ""))
        bad = vendor.serious_violations(page)
        if bad:
            found[kind] = bad
    context.close()
    assert found == {}


@pytest.mark.parametrize("width", [375, 1280])
def test_focus_is_never_hidden_under_the_sticky_headings(
    site: dict[str, Any], browser: Any, width: int
) -> None:
    """WCAG 2.2 "focus not obscured": moving back with Shift+Tab through the
    whole timeline, each focused element is what a reader sees at its place."""
    page = browser.new_page(viewport={"width": width, "height": 700})
    page.set_default_timeout(WAIT_MS)
    page.goto(site["url"])
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.keyboard.press("End")
    hidden = []
    seen = 0
    for _ in range(80):
        page.keyboard.press("Shift+Tab")
        state = page.evaluate(
            """async () => {
              // Wait for the page to come to rest: smooth scrolling may be under way.
              let still = 0, last = -1;
              for (let i = 0; i < 90 && still < 5; i++) {
                await new Promise(r => requestAnimationFrame(r));
                still = scrollY === last ? still + 1 : 0;
                last = scrollY;
              }
              const el = document.activeElement;
              if (!el || el === document.body) return null;
              const r = el.getClientRects()[0] || el.getBoundingClientRect();  // a wrapped link: its first line
              if (!r.width || !r.height) return "invisible";
              const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
              const tops = [r.top + 2, r.top + r.height / 2].filter(y => y >= 0 && y < innerHeight);
              const covered = tops.some(y => {
                const at = document.elementFromPoint(x, y);
                return at && at !== el && !el.contains(at) && !at.contains(el);
              });
              return covered ? (el.textContent || el.outerHTML).trim().slice(0, 40) : "ok";
            }"""
        )
        if state is None:
            break
        seen += 1
        if state not in ("ok", "invisible"):
            hidden.append(state)
    page.close()
    assert seen > 10
    assert hidden == []


@pytest.mark.parametrize("width", [375, 1280])
def test_cards_lead_with_their_headline_and_keep_latin_whole(
    site: dict[str, Any], browser: Any, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site["url"])
    # A card's date, type and «بتاريخ الخبر» badge take at most two rows.
    rows = page.evaluate(
        """() => [...document.querySelectorAll('.card__meta')].map(meta => {
             const parts = meta.querySelectorAll('.date__primary, .date__secondary, .label, .date__basis');
             const tops = [...parts].map(p => p.getBoundingClientRect().top).sort((a, b) => a - b);
             return tops.filter((t, i) => i === 0 || t - tops[i - 1] > 10).length;  // rows
           })"""
    )
    assert rows and max(rows) <= 2, rows
    assert page.locator(".date__basis").count() > 0
    # The headline leads: bold, and larger than the text.
    title = page.locator(".card__title").first
    assert int(title.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    size = "e => parseFloat(getComputedStyle(e).fontSize)"
    assert title.evaluate(size) > page.locator("body").evaluate(size) + 2
    # «(CJTF-OIR)» and «F-16» are one unit each, on one line.
    for run in ("(CJTF-OIR)", "F-16"):
        bdi = page.locator(f"bdi.ltr:text-is('{run}')").first
        assert bdi.evaluate("e => e.getClientRects().length") == 1
    # Types differ by their mark's shape, not only by colour.
    shapes = page.evaluate(
        """() => { const seen = {};
             for (const l of document.querySelectorAll('.card .label')) {
               const m = getComputedStyle(l.querySelector('.label__mark'));
               seen[l.className] = [m.borderRadius, m.clipPath, m.transform].join('|'); }
             return seen; }"""
    )
    assert len(shapes) >= 3 and len(set(shapes.values())) >= 3, shapes
    # On the event's own page too, where the headline is larger still.
    page.locator("article.card", has_text="CJTF").locator(".card__title a").click()
    page.wait_for_selector("h1.event__title bdi.ltr")
    for run in ("(CJTF-OIR)", "F-16"):
        bdi = page.locator(f"h1 bdi.ltr:text-is('{run}')").first
        assert bdi.evaluate("e => e.getClientRects().length") == 1
    page.close()
