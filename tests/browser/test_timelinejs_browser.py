"""TimelineJS3 itself (npm @knight-lab/timelinejs, pinned in vendor.py) loads our
/timeline.json in a real Chromium: one time marker per dated event, our ASCII
ids kept as they are, and no console or page error."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from test_preview import CHROMIUM, WAIT_MS, chromium
from vendor import npm_file

from generator.arabic.hijri import to_hijri
from generator.config import SiteConfig
from generator.model import Event, EventDate, SiteModel, Source
from generator.publish.timelinejs import timeline_json

if TYPE_CHECKING:
    from playwright.sync_api import Route

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

PAGE = """<!doctype html>
<html lang="ar"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="tl/css/timeline.css">
<script src="tl/js/timeline.js"></script></head>
<body style="margin:0">
<div id="timeline" style="width:100%;height:640px"></div>
<script>
// TimelineJS fetches its Arabic locale from script_path (a CDN by default): serve it here.
const options = {language: "ar", script_path: new URL("tl/js/", location.href).href};
window.timeline = new TL.Timeline("timeline", "site/timeline.json", options);
</script></body></html>
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(root: Path) -> Iterator[str]:
    """A static server on 127.0.0.1 and a free port, in a thread, for the test's length."""
    handler = functools.partial(_Quiet, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def www(built_example: Path, tmp_path: Path) -> Path:
    """TimelineJS's dist/ next to our built example site, as a newsroom would host them."""
    root = tmp_path / "www"
    dist = npm_file("@knight-lab/timelinejs", "dist/js/timeline.js").parents[1]
    shutil.copytree(dist / "js", root / "tl/js")
    shutil.copytree(dist / "css", root / "tl/css")
    shutil.copytree(built_example, root / "site")
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    return root


def test_timelinejs_loads_our_timeline_json(www: Path, tmp_path: Path) -> None:
    data = json.loads((www / "site/timeline.json").read_text(encoding="utf-8"))
    dated = len(data["events"])
    assert dated == 10
    problems: list[str] = []
    with serving(www) as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.set_default_timeout(WAIT_MS)
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        # The test runs offline. TimelineJS's own stylesheet asks Google for its
        # fonts: those get an empty answer (the fallback fonts draw the page);
        # anything else from elsewhere would be a CDN that TimelineJS or our JSON
        # relies on, and fails the test.
        offsite: list[str] = []

        def route(r: Route) -> None:
            if r.request.url.startswith(url):
                r.continue_()
            elif r.request.url.startswith("https://fonts.gstatic.com/"):
                r.fulfill(status=200, body=b"", content_type="font/ttf")
            else:
                offsite.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(url)
        page.wait_for_selector(".tl-timemarker", state="attached")
        page.wait_for_function(
            "n => document.querySelectorAll('.tl-timemarker').length === n", arg=dated
        )
        page.wait_for_selector(".tl-slide-titleslide", state="attached")
        markers = page.eval_on_selector_all(".tl-timemarker", "els => els.map(e => e.id)")
        assert sorted(markers) == sorted(s["unique_id"] + "-marker" for s in data["events"])
        title = page.inner_text(".tl-slide-titleslide .tl-headline")
        assert title == data["title"]["text"]["headline"]
        # The first event's slide: its headline, and our date in both calendars.
        page.click(".tl-slidenav-next")
        first = data["events"][0]
        page.wait_for_function("id => window.timeline.current_id === id", arg=first["unique_id"])
        slide = page.locator(f"#{first['unique_id']}")
        assert slide.locator(".tl-headline").inner_text() == first["text"]["headline"]
        assert "ذو الحجة 1436 هـ" in slide.locator(".tl-headline-date").inner_text()
        page.wait_for_function(  # the slide has finished sliding in
            "id => Math.abs(document.getElementById(id).getBoundingClientRect().left) < 1",
            arg=first["unique_id"],
        )
        page.screenshot(path=str(tmp_path / "timelinejs.png"))  # looked at by hand
    assert problems == []
    assert offsite == []


def test_markup_in_content_stays_text_in_timelinejs(www: Path) -> None:
    """Our escaping, in TimelineJS itself: markup in a headline or text is shown, not run."""
    day = dt.date(2015, 10, 1)
    date = EventDate(day, "day", "explicit", day.isoformat(), "gregorian", None, to_hijri(day))
    title = '<img src=x onerror="window.__pwned=1">عنوان'
    text = "<script>window.__pwned=2</script><b onclick=x>نص</b>"
    event = Event("e", title, text, date, "statement", [Source("content/e.md", 1)])
    model = SiteModel([event], [], [], [], [])
    (www / "site/timeline.json").write_bytes(timeline_json(model, SiteConfig(title="<i>t</i>")))
    problems: list[str] = []
    with serving(www) as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        page.set_default_timeout(WAIT_MS)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.route(
            "https://fonts.gstatic.com/**",
            lambda r: r.fulfill(status=200, body=b"", content_type="font/ttf"),
        )
        page.goto(url)
        page.wait_for_selector(".tl-timemarker", state="attached")
        assert page.text_content(".tl-slide-titleslide .tl-headline") == "<i>t</i>"
        page.click(".tl-slidenav-next")
        page.wait_for_function("() => window.timeline.current_id !== '-'")
        slide = page.locator(".tl-slide:not(.tl-slide-titleslide)").first
        assert slide.locator(".tl-headline").text_content() == title
        assert (slide.locator(".tl-text-content").text_content() or "").strip() == text
        assert page.evaluate("() => window.__pwned") is None
        assert page.locator(".tl-slide img, .tl-slide script, .tl-slide b").count() == 0
    assert problems == []
