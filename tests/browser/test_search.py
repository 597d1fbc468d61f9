"""Search in a real Chromium: Arabic typed the many ways readers type it,
on a site served under a sub-path as GitHub Pages serves a project site."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

import pytest
from conftest import ROOT, tarikh
from test_embed import ARGS, CHROMIUM, WAIT_MS, _free_port, _serve

from generator.arabic.normalize import normalize

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

SAMPLES = [
    "الأَسَـــد",
    "إبراهيم آل ثاني",
    "مدرسةٌ على الضفّة",
    "رئيسُ الوزراء ٢٠١٥ ۱۴۰۰",
    "مُؤتمر  شؤون\u200fالجامعة",
    "ٱلرَّحمٰن",
]


def _results(page: Page, query: str) -> list[str]:
    page.fill("#search-q", query)
    page.wait_for_function(
        "() => document.getElementById('search-status').textContent.trim() !== ''"
    )
    page.wait_for_timeout(300)  # the last keystroke's results replace any earlier ones
    return page.locator(".search__title").all_inner_texts()


@pytest.mark.parametrize("shard_size", [None, 4], ids=["one index", "eight shards merged"])
def test_readers_search_in_arabic_under_a_sub_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shard_size: int | None
) -> None:
    """The same searches whether the index is one Pagefind bundle or shards
    that the page merges (a large site's, generator/publish/search.py)."""
    from playwright.sync_api import sync_playwright

    from generator.publish import search

    if shard_size:
        monkeypatch.setattr(search, "SHARD_SIZE", shard_size)

    site = tmp_path / "example"
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copy(ROOT / "site.toml", site / "site.toml")
    base = "https://org.github.io/repo/"
    assert tarikh("build", "--source", site, "--base-url", base, "--quiet") == 0
    host = tmp_path / "host"
    shutil.copytree(site / "output", host / "repo")
    with _serve(host, _free_port()) as root, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 375, "height": 800})
        page.set_default_timeout(WAIT_MS)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(root + "repo/")
        page.click("nav.site-nav >> text=البحث")
        assert page.url == root + "repo/search/"
        page.wait_for_function("() => window.tarikhFold")

        # The query is folded exactly as Python folds what was indexed.
        for text in SAMPLES:
            assert page.evaluate("t => tarikhFold(t)", text) == normalize(text), text

        plain = _results(page, "الاسد")
        assert "بشار الأسد" in plain  # shown as written, found without the hamza
        assert _results(page, "الأَسَـــد") == plain  # harakat and tatweel ignored
        assert _results(page, "الأسد") == plain
        lavrov = _results(page, "لافروف")
        assert lavrov[0] == "سيرغي لافروف"
        assert len(lavrov) >= 2  # the actor and his events
        assert _results(page, "زززززز") == []
        assert page.inner_text("#search-status") == "لا نتائج"

        # A result opens its page, under the sub-path.
        _results(page, "الاسد")
        page.click(".search__title >> text=بشار الأسد")
        page.wait_for_load_state()
        assert unquote(page.url) == root + "repo/actors/بشار-الأسد/"
        assert page.locator("h1").inner_text() == "بشار الأسد"

        # A link to the search page with ?q= searches at once.
        page.goto(root + "repo/search/?q=%D8%AF%D8%A7%D8%B9%D8%B4")
        page.wait_for_selector(".search__title")
        assert page.locator(".search__title").count() >= 2
        assert errors == []
        browser.close()
