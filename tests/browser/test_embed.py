"""The embeddable widget in a real Chromium, on a news site of another origin.

Two local servers stand for the timeline's site (built with its base_url) and
a news site (an English, left-to-right article). The tests drive the software
hosts already run: tarikh's own embed.js, a real pym.js Parent (npm), the
iframe of our oEmbed `html` in WordPress's sandbox with WordPress's own
wp-embed.js (Debian's package), and axe-core (npm).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import math
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import vendor
from conftest import ROOT, tarikh

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame, Page

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
WAIT_MS = 15_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: files as they are, and
    `Access-Control-Allow-Origin: *`, which Pages sends and a sandboxed
    (opaque-origin) widget needs to load its fonts."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _serve(directory: Path, port: int) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


ARTICLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>World news</title>
<style>
body {{ font-family: Georgia, serif; max-width: 720px; margin: 2rem auto; padding: 0 1rem;
       color: rgb(34, 34, 34); line-height: 1.6; }}
iframe {{ outline: 0; }}
</style>
{head}
</head>
<body>
<h1>Russia's air war in Syria, one year on</h1>
<p>By A. Reporter. The first days of the Russian air campaign over Syria in autumn 2015,
as the wire services reported them.</p>
{body}
<p>More of the article after the widget.</p>
<div style="height: 1500px"></div>
</body></html>
"""


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The example site built for http://127.0.0.1:<port>/, and a news site."""
    tmp = tmp_path_factory.mktemp("embed")
    site = tmp / "example"
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copy(ROOT / "site.toml", site / "site.toml")
    site_port, host_port = _free_port(), _free_port()
    base = f"http://127.0.0.1:{site_port}/"
    assert tarikh("build", "--source", site, "--base-url", base, "--quiet") == 0
    host = tmp / "host"
    host.mkdir()
    shutil.copy(vendor.npm_file("pym.js", "dist/pym.v1.min.js"), host / "pym.js")
    shutil.copy(vendor.wp_embed_js(), host / "wp-embed.js")
    with _serve(site / "output", site_port) as site_url, _serve(host, host_port) as host_url:
        yield {"site": site_url, "host": host_url, "host_dir": host, "output": site / "output"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _article(servers: dict[str, Any], name: str, body: str, head: str = "") -> str:
    (servers["host_dir"] / name).write_text(ARTICLE.format(head=head, body=body), encoding="utf-8")
    return servers["host"] + name


def _snippet(servers: dict[str, Any], scope: str = "", attrs: str = "") -> str:
    site = servers["site"]
    return (
        f'<div data-tarikh="{site}embed/{scope}"{attrs}><a href="{site}{scope}">The timeline</a></div>\n'
        f'<script src="{site}embed.js" async></script>'
    )


@contextlib.contextmanager
def _page(browser: Browser, width: int = 1280, **options: Any) -> Iterator[tuple[Page, list[str]]]:
    context = browser.new_context(viewport={"width": width, "height": 900}, **options)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield page, errors
    finally:
        context.close()


def _widget(page: Page, index: int = 0) -> Frame:
    page.wait_for_function(f"() => document.querySelectorAll('iframe').length > {index}")
    handle = page.locator("iframe").nth(index).element_handle()
    assert handle is not None
    frame = handle.content_frame()
    assert frame is not None
    frame.wait_for_selector(".w-item")
    return frame


def _sized(page: Page, frame: Frame, index: int = 0, tolerance: float = 3) -> tuple[float, float]:
    """Wait until the iframe's height matches its content; return both."""
    content = 0.0
    box = 0.0
    for _ in range(60):
        content = frame.evaluate("document.documentElement.getBoundingClientRect().height")
        box = page.locator("iframe").nth(index).evaluate("e => e.getBoundingClientRect().height")
        if abs(content - box) <= tolerance:
            return content, box
        page.wait_for_timeout(100)
    raise AssertionError(f"iframe {box}px never matched its content {content}px")


# ---------------------------------------------------------------- embed.js


@pytest.mark.parametrize("width", [1280, 320])
def test_the_snippet_gives_a_widget_as_tall_as_its_content(
    servers: dict[str, Any], browser: Browser, width: int
) -> None:
    url = _article(servers, "article.html", _snippet(servers))
    with _page(browser, width) as (page, errors):
        page.goto(url)
        frame = _widget(page)
        content, _ = _sized(page, frame)
        assert content > 300
        iframe = page.locator("iframe")
        assert iframe.get_attribute("title") == "خط زمني: The timeline"
        assert iframe.get_attribute("loading") == "lazy"
        assert iframe.evaluate("e => getComputedStyle(e).borderTopWidth") == "0px"
        host_width = page.evaluate("document.querySelector('h1').getBoundingClientRect().width")
        assert abs(iframe.evaluate("e => e.getBoundingClientRect().width") - host_width) < 2
        # The widget is right-to-left and Arabic; the article keeps its own direction and styles.
        assert frame.evaluate("getComputedStyle(document.body).direction") == "rtl"
        assert frame.evaluate("document.documentElement.lang") == "ar"
        assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
        assert "Georgia" in page.evaluate("getComputedStyle(document.body).fontFamily")
        assert page.evaluate("getComputedStyle(document.body).color") == "rgb(34, 34, 34)"
        assert "Naskh" in frame.evaluate("getComputedStyle(document.body).fontFamily")
        # Readable at 320 px: nothing wider than the frame.
        assert frame.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        items = frame.locator(".w-item").count()
        assert items == 10
        # A plain wheel over the widget's axis scrolls the article, not the axis.
        frame.wait_for_selector("#w-axis:not([hidden])")
        view = frame.evaluate("tarikhWidget.view()")
        canvas = frame.locator("#w-canvas").bounding_box()
        assert canvas is not None
        page.mouse.move(canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2)
        before = page.evaluate("scrollY")
        page.mouse.wheel(0, 300)
        page.wait_for_function(f"() => scrollY > {before}")
        assert frame.evaluate("tarikhWidget.view()") == view
        assert frame.locator(".w-item time[datetime]").count() == items
        assert errors == []


def test_messages_from_anyone_but_the_widget_change_nothing(
    servers: dict[str, Any], browser: Browser
) -> None:
    body = _snippet(servers) + '\n<iframe id="other" srcdoc="<p>another frame</p>"></iframe>'
    url = _article(servers, "forged.html", body)
    with _page(browser) as (page, errors):
        page.goto(url)
        frame = _widget(page)
        _, before = _sized(page, frame)
        page.evaluate(
            """() => {
              const messages = [
                {type: "tarikh:height", height: 4321},
                "pymxPYMxanyxPYMxheightxPYMx4321",
                {sentinel: "amp", type: "embed-size", height: 4321},
                {message: "height", value: 4321, secret: "abc"},
              ];
              for (const m of messages) window.postMessage(m, "*");
              const other = document.getElementById("other").contentWindow;
              for (const m of messages) other.parent.postMessage(m, "*");
              other.eval && other.postMessage("x", "*");
            }"""
        )
        page.wait_for_timeout(400)
        after = page.locator("iframe").first.evaluate("e => e.getBoundingClientRect().height")
        assert after == before
        assert errors == []


def test_several_widgets_on_one_page_each_take_their_own_height(
    servers: dict[str, Any], browser: Browser
) -> None:
    lavrov = "actors/%D8%B3%D9%8A%D8%B1%D8%BA%D9%8A-%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81/"
    body = _snippet(servers) + "\n<p>Between the two.</p>\n" + _snippet(servers, lavrov)
    url = _article(servers, "two.html", body)
    with _page(browser) as (page, errors):
        page.goto(url)
        first, second = _widget(page, 0), _widget(page, 1)
        page.locator("iframe").nth(1).scroll_into_view_if_needed()  # lazy: load when near
        _, a = _sized(page, first, 0)
        _, b = _sized(page, second, 1)
        assert first.locator(".w-item").count() == 10
        assert second.locator(".w-item").count() == 1
        assert a > b + 100
        assert errors == []


def test_a_pym_parent_sizes_the_widget(servers: dict[str, Any], browser: Browser) -> None:
    body = (
        '<div id="graphic"></div>\n<script src="pym.js"></script>\n'
        f"<script>new pym.Parent('graphic', '{servers['site']}embed/', {{}});</script>"
    )
    url = _article(servers, "pym.html", body)
    with _page(browser) as (page, errors):
        page.goto(url)
        frame = _widget(page)
        assert "childId=graphic" in frame.url
        _sized(page, frame)
        assert page.locator("#graphic iframe").get_attribute("height", timeout=WAIT_MS)
        assert errors == []


# ---------------------------------------------------------------- oEmbed


def _oembed(servers: dict[str, Any]) -> dict[str, Any]:
    index = (servers["output"] / "index.html").read_text(encoding="utf-8")
    link = f'<link rel="alternate" type="application/json+oembed" href="{servers["site"]}embed/oembed.json"'
    assert link in index
    return json.loads((servers["output"] / "embed/oembed.json").read_text(encoding="utf-8"))


def test_the_oembed_iframe_renders_in_a_plain_sandbox(
    servers: dict[str, Any], browser: Browser
) -> None:
    html = _oembed(servers)["html"].replace("<iframe ", '<iframe sandbox="allow-scripts" ')
    url = _article(servers, "sandbox.html", html)
    with _page(browser) as (page, errors):
        page.goto(url)
        frame = _widget(page)
        assert frame.evaluate("self.origin") == "null"  # opaque: the sandbox holds
        assert frame.locator(".w-item").count() == 10
        # The script shows the axis once it has drawn it: wait for that (a
        # loaded machine may not have run it yet when the items are there).
        frame.locator("#w-axis").wait_for(state="visible", timeout=10_000)
        # It scrolls inside itself.
        frame.evaluate(
            "document.getElementById('w-list').scrollTo({top: 200, behavior: 'instant'})"
        )
        assert frame.evaluate("document.getElementById('w-list').scrollTop") > 0
        assert errors == []


def test_wordpress_sizes_the_widget_and_follows_its_links(
    servers: dict[str, Any], browser: Browser
) -> None:
    """The oEmbed html as WordPress publishes it (class, data-secret,
    sandbox, #?secret=) under WordPress's own wp-embed.js."""
    html = _oembed(servers)["html"]
    secret = "Zq81kTe0Ab"
    html = html.replace(
        "<iframe ",
        f'<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" '
        f'data-secret="{secret}" ',
    )
    html = html.replace('/embed/"', f'/embed/#?secret={secret}"')
    url = _article(servers, "wordpress.html", html, head='<script src="wp-embed.js"></script>')
    with _page(browser) as (page, errors):
        page.goto(url)
        frame = _widget(page)
        iframe = page.locator("iframe")
        content = frame.evaluate("document.documentElement.getBoundingClientRect().height")
        expected = str(max(200, min(1000, math.ceil(content))))
        page.wait_for_function(
            f"() => document.querySelector('iframe').getAttribute('height') === '{expected}'"
        )
        assert abs(float(iframe.get_attribute("height") or 0) - content) <= 2
        # A click on an event asks WordPress to open it, on our own host only.
        link = frame.locator(".w-item__title a").first
        href = link.evaluate("a => a.href")
        with page.expect_navigation():
            link.click()
        assert page.url == href
        assert errors == []


# ---------------------------------------------------------------- the widget itself


def test_the_widget_has_no_serious_accessibility_violation(
    servers: dict[str, Any], browser: Browser
) -> None:
    for scheme in ("light", "dark"):
        for width in (1280, 320):
            with _page(browser, width, bypass_csp=True, color_scheme=scheme) as (page, errors):
                page.goto(servers["site"] + "embed/")
                page.wait_for_selector("#w-axis:not([hidden])")
                bad = vendor.serious_violations(page)
                assert bad == [], f"{scheme} {width}px: {bad}"
                assert errors == []


def _view(page: Page) -> list[float]:
    return page.evaluate("tarikhWidget.view()")


def test_the_axis_zooms_pans_and_moves_the_list(servers: dict[str, Any], browser: Browser) -> None:
    with _page(browser) as (page, errors):
        page.goto(servers["site"] + "embed/")
        page.wait_for_selector("#w-axis:not([hidden])")
        full = _view(page)
        span = full[1] - full[0]
        page.click("[data-zoom=in]")
        zoomed = _view(page)
        assert zoomed[1] - zoomed[0] == pytest.approx(span / 2)
        page.click("[data-zoom=out]")
        assert _view(page) == pytest.approx(full)
        canvas = page.locator("#w-canvas")
        box = canvas.bounding_box()
        assert box is not None
        # Keyboard: + zooms in, ArrowLeft moves later (right to left), Home back to the start.
        canvas.focus()
        page.keyboard.press("+")
        before = _view(page)
        page.keyboard.press("ArrowLeft")
        after = _view(page)
        assert after[0] > before[0]
        page.keyboard.press("ArrowRight")
        assert _view(page) == pytest.approx(before)
        page.keyboard.press("-")
        # Ctrl+wheel zooms; a plain wheel leaves the axis alone.
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.keyboard.down("Control")
        page.mouse.wheel(0, -200)
        page.keyboard.up("Control")
        page.wait_for_timeout(100)
        assert _view(page)[1] - _view(page)[0] < span
        page.click("[data-zoom=all]")
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(100)
        assert _view(page) == pytest.approx(full)
        # Dragging pans.
        page.click("[data-zoom=in]")
        start = _view(page)
        page.mouse.move(box["x"] + 300, box["y"] + 30)
        page.mouse.down()
        page.mouse.move(box["x"] + 500, box["y"] + 30, steps=5)
        page.mouse.up()
        assert _view(page)[0] > start[0]  # dragged rightwards: earlier days come into view
        # Two fingers spreading apart zoom in (touch pointers, as a phone sends them).
        page.click("[data-zoom=all]")
        page.evaluate(
            """() => {
              const c = document.getElementById("w-canvas");
              const r = c.getBoundingClientRect();
              const at = (type, id, x) => c.dispatchEvent(new PointerEvent(type, {
                pointerId: id, pointerType: "touch", isPrimary: id === 1, bubbles: true,
                clientX: r.left + x, clientY: r.top + 30, buttons: 1}));
              at("pointerdown", 1, 500); at("pointerdown", 2, 560);
              for (let i = 1; i <= 10; i++) { at("pointermove", 1, 500 - 10 * i); at("pointermove", 2, 560 + 10 * i); }
              at("pointerup", 1, 400); at("pointerup", 2, 660);
            }"""
        )
        page.wait_for_timeout(100)
        assert _view(page)[1] - _view(page)[0] < span / 2
        # A tap on the axis moves the list to that time: the first event of 1 Oct 2015.
        page.click("[data-zoom=all]")
        oct1 = 16709  # 2015-10-01, days since 1970
        x = page.evaluate(
            f"() => {{ const [a, b] = tarikhWidget.view(); const c = document.getElementById('w-canvas');"
            f" return c.clientWidth - ({oct1} + 0.5 - a) / (b - a) * c.clientWidth; }}"
        )
        canvas.click(position={"x": x, "y": 40})
        page.wait_for_function(f"() => tarikhWidget.marker() === {oct1}")
        here = page.locator(".w-item--here")
        assert here.count() == 1
        assert here.get_attribute("data-day") == str(oct1)
        assert errors == []


def test_query_options(servers: dict[str, Any], browser: Browser) -> None:
    with _page(browser) as (page, errors):
        page.goto(servers["site"] + "embed/?from=2015-10-01&to=2015-10-01")
        visible = page.locator(".w-item:visible")
        assert visible.count() > 0
        for day in visible.evaluate_all("els => els.map(e => e.dataset.day)"):
            assert day == "16709"
        page.goto(servers["site"] + "embed/?limit=3")
        assert page.locator(".w-item:visible").count() == 3
        page.goto(servers["site"] + "embed/?digits=arab")
        assert "٢٠١٥" in page.locator(".w-item time").first.inner_text()
        assert "2015" not in page.locator(".w-item time").first.inner_text()
        page.goto(servers["site"] + "embed/?theme=dark")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(23, 24, 28)"
        page.goto(servers["site"] + "embed/?theme=light")
        assert (
            page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
        )
        assert errors == []


def test_a_paged_widget_goes_to_the_page_of_the_time_a_reader_picks(
    tmp_path: Path, browser: Browser
) -> None:
    from test_embed_files import paged_site

    output = paged_site(tmp_path)
    with _serve(output, _free_port()) as site, _page(browser) as (page, errors):
        page.goto(site + "embed/?theme=dark")
        page.wait_for_selector("#w-axis:not([hidden])")
        assert "حزيران 2016" in page.locator(".w-item time").first.inner_text()
        jan3 = 16803  # 2016-01-03, days since 1970
        x = page.evaluate(
            f"() => {{ const [a, b] = tarikhWidget.view(); const c = document.getElementById('w-canvas');"
            f" return c.clientWidth - ({jan3} + 0.5 - a) / (b - a) * c.clientWidth; }}"
        )
        with page.expect_navigation():
            page.locator("#w-canvas").click(position={"x": x, "y": 40})
        assert "/embed/2016/01/" in page.url and f"at={jan3}" in page.url
        assert "theme=dark" in page.url  # the reader's options go along
        page.wait_for_function(f"() => tarikhWidget.marker() === {jan3}")
        assert page.locator(".w-item--here").get_attribute("data-day") == str(jan3)
        assert errors == []


def test_the_widget_speaks_tarikh_pym_and_amp(servers: dict[str, Any], browser: Browser) -> None:
    """What an <amp-iframe resizable> host, a pym.Parent and embed.js each listen for."""
    body = (
        f'<iframe id="w" src="{servers["site"]}embed/?childId=box7" style="width:100%;border:0"></iframe>'
        "<script>window.got = []; addEventListener('message', e => {"
        " if (e.source === document.getElementById('w').contentWindow) got.push(e.data); });</script>"
    )
    url = _article(servers, "listen.html", body)
    with _page(browser) as (page, errors):
        page.goto(url)
        frame = _widget(page)
        page.wait_for_function("() => window.got.length >= 3")
        height = math.ceil(
            frame.evaluate("document.documentElement.getBoundingClientRect().height")
        )
        got = page.evaluate("window.got")
        assert {"type": "tarikh:height", "height": height} in got
        assert f"pymxPYMxbox7xPYMxheightxPYMx{height}" in got
        assert {"sentinel": "amp", "type": "embed-size", "height": height} in got
        assert not any(isinstance(m, dict) and "secret" in m for m in got)  # no WordPress here
        assert errors == []
