"""Time at a glance in Chromium, on a paged site of 30 months: a strip bar and
an event's breadcrumb land on their month (another page's), shown below the
sticky headings; the strip's year labels never overlap at 375 and 1,280 px;
axe-core finds nothing serious on a paged timeline page and an actor's page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import vendor
from test_embed import ARGS, CHROMIUM, WAIT_MS, _free_port, _serve
from test_glance import many_months

from generator.build import Builder

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = many_months(tmp_path_factory.mktemp("glance") / "site", page_size=8)
    builder = Builder(root)
    result = builder.build()
    builder.write(result)
    event = next(e for e in result.model.events if e.date and e.date.iso.startswith("2014-05"))
    with _serve(root / "output", _free_port()) as url:
        yield {"url": url, "event": event.path, "slug": event.slug}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


LANDED = """() => {
  const id = decodeURIComponent(location.hash.slice(1));
  const el = document.getElementById(id);
  if (!el) return "no #" + id;
  const head = el.querySelector(".month__title") || el;
  const top = head.getBoundingClientRect().top;
  const year = el.closest(".year")?.querySelector(".year__title");
  const covered = year && year !== head ? year.getBoundingClientRect().bottom : 0;
  return top >= covered - 1 && top < innerHeight ? "ok" : `at ${top}, under ${covered}`;
}"""

OVERLAPS = """() => {
  const rows = {};
  for (const t of document.querySelectorAll(".strip__label")) {
    const r = t.getBoundingClientRect();
    if (!r.width) continue;  // hidden at this width
    (rows[Math.round(r.top)] ||= []).push([r.left, r.right, t.textContent]);
  }
  const bad = [];
  for (const row of Object.values(rows)) {
    row.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < row.length; i++)
      if (row[i][0] < row[i - 1][1] + 2) bad.push([row[i - 1][2], row[i][2]]);
  }
  return [Object.values(rows).reduce((n, r) => n + r.length, 0), bad];
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_a_bar_and_a_breadcrumb_land_on_their_month(
    site: dict[str, Any], browser: Any, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.set_default_timeout(WAIT_MS)
    page.goto(site["url"])
    labels, overlaps = page.evaluate(OVERLAPS)
    assert labels >= 4 and overlaps == []
    bar = page.locator('.strip__svg a[href*="2014/05/"]')
    bar.click()
    page.wait_for_url("**/2014/05/#m-2014-05")
    assert page.evaluate("document.fonts.ready.then(() => 1)")
    assert page.evaluate(LANDED) == "ok"
    page.goto(site["url"] + site["event"])
    page.locator("nav.crumbs a").last.click()
    page.wait_for_url("**/2014/05/#m-2014-05")
    assert page.evaluate(LANDED) == "ok"
    assert page.locator(f'[id="e-{site["slug"]}"]').count() == 1
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
def test_no_serious_accessibility_violation_on_paged_pages(
    site: dict[str, Any], browser: Any, scheme: str, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    found = {}
    for path in ("", "2015/03/", "actors/سيرغي-لافروف/", "places/دمشق/"):
        assert page.goto(site["url"] + path).status == 200, path
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        bad = vendor.serious_violations(page)
        if bad:
            found[path] = bad
    context.close()
    assert found == {}
