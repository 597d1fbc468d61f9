"""The live preview in a real Chromium: an editor saves, the open page follows by itself."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
WAIT_MS = 15_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران"]


def _news(n: int) -> str:
    """A story long enough to scroll: n items, one a day, each a distinct event."""
    lines = ["---\ndate: 2015-06-30\n---"]
    for i in range(n):
        month, day = MONTHS[i % 6], 1 + i // 6
        lines.append(
            f"أعلن وزير الخارجية المصري سامح شكري في {day} {month} 2015 "
            f"بيانًا رقم {i + 1} بشأن الحل السياسي في سورية."
        )
    return "\n".join(lines) + "\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content/news").mkdir(parents=True)
    (root / "static/css").mkdir(parents=True)
    (root / "site.toml").write_text(
        'title = "معاينة حية"\nbase_url = "https://org.github.io/repo/"\n', encoding="utf-8"
    )
    (root / "content/news/a.txt").write_text(_news(36), encoding="utf-8")
    return root


@contextlib.contextmanager
def running(site: Path, port: int = 0) -> Iterator[str]:
    """`tarikh serve` as an editor runs it; yields the URL it prints first, stops with Ctrl-C."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--source", str(site), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("preview at "), first
        assert "full build" in proc.stdout.readline()
        yield first.split()[2]
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=15)
        assert proc.returncode == 0 and "Traceback" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


@pytest.fixture
def preview_url(site: Path) -> Iterator[str]:
    with running(site) as url:
        yield url


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def test_edit_reload_scroll_overlay_and_css(site: Path, preview_url: str) -> None:
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        page.set_default_timeout(WAIT_MS)
        page.goto(preview_url)
        assert page.locator("html").get_attribute("dir") == "rtl"
        page.wait_for_function("() => document.body.scrollHeight > 2000")
        page.evaluate("window.scrollTo(0, 900)")
        page.wait_for_function("() => window.scrollY === 900")

        # 1. Edit the news file: the page reloads itself and keeps its place.
        # The new event is dated before every event of the site (not just
        # those on screen: the strip above the timeline may leave the first
        # card in view), so it is added above the reader: the card they were
        # reading must stay where it was
        # (a browser's own scroll restoration keeps the pixel offset instead).
        anchor = page.evaluate(
            """() => { for (const card of document.querySelectorAll("article.card")) {
                 const box = card.getBoundingClientRect();
                 if (box.bottom > 0) return [card.id, box.top]; } }"""
        )
        news = site / "content/news/a.txt"
        added = "وافق مجلس الاتحاد الروسي في 31 كانون الأول 2014 على طلب عاجل من الرئاسة."
        with page.expect_navigation():
            news.write_text(_news(36) + added + "\n", encoding="utf-8")
        page.wait_for_load_state("load")
        assert "طلب عاجل من الرئاسة" in page.inner_text("main")
        page.wait_for_function(
            """([id, top]) => Math.abs(document.getElementById(id).getBoundingClientRect().top
                                         - top) < 2""",
            arg=anchor,
        )
        assert page.evaluate("window.scrollY") > 900

        # 2. Break a file: the overlay shows, in Arabic, over the last good page.
        page.evaluate("window.__sameDocument = true")
        broken = site / "content/news/b.txt"
        broken.write_text("---\ndate: [2015\n---\nخبر.\n", encoding="utf-8")
        overlay = page.locator("#tarikh-overlay")
        overlay.wait_for(state="visible")
        assert overlay.get_attribute("dir") == "rtl"
        assert overlay.get_attribute("lang") == "ar"
        text = overlay.inner_text()
        assert "خطأ في المحتوى" in text and "content/news/b.txt" in text
        assert "السطر" in text and "مقدمة الملف (YAML) غير سليمة الصياغة" in text  # in Arabic
        assert page.evaluate("window.__sameDocument === true")  # shown without a reload
        assert "طلب عاجل من الرئاسة" in page.inner_text("main")

        # 3. Fix it: the overlay goes by itself.
        broken.write_text(
            "---\ndate: 2015-07-01\n---\nقال وزير الخارجية الروسي سيرغي لافروف في 1 تموز 2015 إن الحوار مستمر.\n",
            encoding="utf-8",
        )
        overlay.wait_for(state="detached")
        page.wait_for_function("() => document.body.innerText.includes('الحوار مستمر')")

        # 4. A stylesheet change is swapped in place, without a reload.
        page.evaluate("window.__sameDocument = true")
        css = (ROOT / "themes/default/static/css/site.css").read_text(encoding="utf-8")
        (site / "static/css/site.css").write_text(
            css + "\nbody { outline: 7px solid rgb(1, 2, 3); }\n", encoding="utf-8"
        )
        page.wait_for_function(
            "() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'"
        )
        assert page.evaluate("window.__sameDocument === true")


def test_reconnects_and_reloads_after_a_server_restart(site: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with chromium() as browser:
        page = browser.new_page()
        page.set_default_timeout(WAIT_MS)
        with running(site, port) as url:
            page.goto(url)
            page.wait_for_selector("html[data-tarikh-live=open]", state="attached")
            page.evaluate("window.__sameDocument = true")
        # The server is gone; the page keeps trying. Change the site while it is down.
        page.wait_for_selector("html[data-tarikh-live=retrying]", state="attached")
        (site / "content/news/a.txt").write_text(
            _news(36) + "أكد الكرملين في 30 حزيران 2015 أن الاتصالات مستمرة.\n", encoding="utf-8"
        )
        with running(site, port), page.expect_navigation(timeout=WAIT_MS):
            pass
        page.wait_for_load_state("load")
        assert page.evaluate("window.__sameDocument === undefined")
        assert "الاتصالات مستمرة" in page.inner_text("main")
