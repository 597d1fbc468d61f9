"""Opened from disk or served, the site works (issue 10): a reader who opens
output/index.html from a folder reaches every page, not a directory listing,
while served over http the links stay clean (`actors/<slug>/`)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT, tarikh

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site as the README's first line builds it (no base_url), in
    a folder whose path has a space and Arabic in it, as a reader's may."""
    site = tmp_path_factory.mktemp("disk") / "مواقع محلية" / "example"
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copy(ROOT / "site.toml", site / "site.toml")
    assert tarikh("build", "--source", site, "--quiet") == 0
    return site / "output"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _watch(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
    return problems


def _links(page: Page) -> list[str]:
    """Every link's resolved URL on the page, after its scripts ran."""
    # new URL(…), not a.href: an <a> in SVG (the strip) has an SVGAnimatedString there.
    return page.eval_on_selector_all(
        "a[href]", "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
    )


def test_every_page_opens_from_disk(browser: Browser, output: Path) -> None:
    page = browser.new_page()
    problems = _watch(page)
    start = (output / "index.html").as_uri()
    queue, seen, visited = [start], {start}, 0
    while queue:
        url = queue.pop()
        before = len(problems)
        page.goto(url)
        page.wait_for_load_state("load")
        visited += 1
        if "/search/" in url:
            # Search loads its index with fetch() and import(), which browsers
            # refuse from file:// (the README says search needs a server).
            page.wait_for_timeout(500)
            del problems[before:]
        assert not page.title().startswith("Index of"), url
        for link in _links(page):
            parts = urlsplit(link)
            if parts.scheme != "file":
                continue
            target = Path(unquote(parts.path))
            assert target.is_file(), f"{unquote(url)}: a link to a folder, {unquote(link)}"
            assert target.is_relative_to(output), f"{unquote(url)}: leaves the site: {link}"
            bare = link.split("#")[0]
            if target.suffix == ".html" and bare not in seen:
                seen.add(bare)
                queue.append(bare)
    # Every page but 404.html and the widget's (for iframes on other sites).
    pages = [
        p
        for p in output.rglob("*.html")
        if p.name != "404.html" and p.relative_to(output).parts[0] not in ("embed", "pagefind")
    ]
    assert visited == len(pages) > 30
    assert problems == []


def test_a_reader_clicks_through_from_disk(browser: Browser, output: Path) -> None:
    page = browser.new_page()
    problems = _watch(page)
    page.goto((output / "index.html").as_uri())
    page.locator(".site-nav a", has_text="الفاعلون").click()
    page.wait_for_url("**/actors/index.html")
    page.locator(".index-list__name", has_text="سيرغي لافروف").click()
    page.wait_for_url("**/index.html")
    assert page.locator("h1").inner_text() == "سيرغي لافروف"
    page.locator(".card__title a").first.click()
    page.wait_for_url("**/events/**/index.html")
    page.locator(".crumbs a").first.click()  # back to the timeline
    page.wait_for_url("**/index.html")
    assert Path(unquote(urlsplit(page.url).path)) == output / "index.html"
    # The fonts come from disk too, with nothing failing on the way.
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"')")
    assert problems == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def _serve(directory: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def test_served_links_stay_clean(browser: Browser, output: Path) -> None:
    page = browser.new_page()
    problems = _watch(page)
    with _serve(output) as root:
        page.goto(root)
        links = [u for u in _links(page) if u.startswith(root)]
        assert links and not [u for u in links if "index.html" in u]
        assert f"{root}actors/" in links
        page.locator(".site-nav a", has_text="الفاعلون").click()
        page.wait_for_url(f"{root}actors/")
    assert problems == []
