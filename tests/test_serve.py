"""The preview server over real HTTP on an ephemeral port, with the real Builder."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import ROOT, snapshot, tarikh, write_site

from generator.build import Builder
from generator.preview.httpd import PreviewServer, host_allowed, route
from generator.preview.serve import Preview, serve

TIMEOUT = 10.0
NEWS = (
    "---\ndate: 2015-10-01\n---\n"
    "أعلن الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول بدء العملية الجوية في سورية.\n"
    "قال وزير الخارجية المصري سامح شكري الخميس إن الحل في سورية سياسي.\n"
)
ADDED = "وافق مجلس الاتحاد الروسي الأربعاء 30 أيلول على طلب الرئيس استخدام القوات الجوية.\n"
SITE_TOML = 'title = "معاينة"\nbase_url = "https://org.github.io/repo/"\n'


@dataclass
class Env:
    site: Path
    preview: Preview
    server: PreviewServer
    lines: list[str] = field(default_factory=list)

    def request(
        self, path: str, method: str = "GET", host: str | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=TIMEOUT)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", host or f"127.0.0.1:{self.server.port}")
            conn.endheaders()
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def stream(self, host: str | None = None) -> EventStream:
        return EventStream(self.server.port, host or f"localhost:{self.server.port}")


class EventStream:
    """A raw Server-Sent Events reader: (event, data) pairs, each read under a timeout."""

    def __init__(self, port: int, host: str) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.sock.sendall(f"GET /repo/__tarikh/events HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        self.file = self.sock.makefile("rb")
        self.status = self.file.readline().decode()
        self.headers: dict[str, str] = {}
        while (line := self.file.readline().decode().strip()) != "":
            name, value = line.split(":", 1)
            self.headers[name.lower()] = value.strip()

    def next(self) -> tuple[str, dict[str, object]]:
        event, data = "", ""
        while True:
            line = self.file.readline().decode()
            if not line:
                raise EOFError("stream closed")
            line = line.rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                data = line[6:]
            elif line == "" and event:
                return event, json.loads(data)

    def until(self, wanted: str) -> dict[str, object]:
        while True:
            event, data = self.next()
            if event == wanted:
                return data

    def close(self) -> None:
        self.file.close()
        self.sock.close()


def _without_live(page: bytes) -> bytes:
    """The page as the build made it: the preview's additions cut out."""
    start = min(
        i
        for i in (
            page.find(b'<div id="tarikh-overlay"'),
            page.find(b'<link rel="stylesheet" href="/repo/__tarikh/'),
        )
        if i >= 0
    )
    return page[:start] + page[page.rindex(b"</body>") :]


def _make_site(root: Path) -> Path:
    return write_site(
        root,
        {
            "site.toml": SITE_TOML,
            "content/news/a.txt": NEWS,
            "content/actors/فلاديمير-بوتين.md": "---\nname: فلاديمير بوتين\nkind: person\n---\n",
        },
    )


@pytest.fixture
def env(tmp_path: Path) -> Iterator[Env]:
    site = _make_site(tmp_path / "site")
    lines: list[str] = []
    preview = Preview(Builder(site, serving=True), log=lines.append)
    preview.rebuild(None)
    server = PreviewServer(preview, bind="127.0.0.1", port=0)
    thread = server.start_in_thread()
    yield Env(site, preview, server, lines)
    server.shutdown()
    server.close()
    thread.join(TIMEOUT)
    assert not thread.is_alive()


# ------------------------------------------------------------ routing, pure


def test_route_normalises_and_refuses_traversal() -> None:
    files = {"index.html": b"", "events/a/index.html": b"", "static/css/site.css": b""}
    assert route("/repo/", "/repo/", files).target == "index.html"
    assert route("/repo/events/a/?x=1#top", "/repo/", files).target == "events/a/index.html"
    assert route("/repo/events/a", "/repo/", files).kind == "redirect"
    assert route("/", "/repo/", files).target == "/repo/"
    assert route("/repo", "/repo/", files).target == "/repo/"
    assert route("/repo/static//css/./site.css", "/repo/", files).target == "static/css/site.css"
    for bad in [
        "/repo/../repo/index.html",
        "/repo/%2e%2e/repo/index.html",
        "/repo/%2E%2E%2Frepo/index.html",
        "/repo/static/..%5c..%5cindex.html",
        "/repo/events\\a/index.html",
        "/repo/index.html%00",
        "/repo/%ff/",
        "http://evil.example/repo/",
        "*",
        "/other/index.html",
    ]:
        assert route(bad, "/repo/", files).kind == "missing", bad


def test_hosts_loopback_and_own_names_only() -> None:
    own = frozenset({"192.168.1.20", "newsroom-pc"})
    for host in ["localhost:8000", "LOCALHOST", "127.0.0.1:8000", "127.8.9.10", "[::1]:8000"]:
        assert host_allowed(host, frozenset()), host
    assert host_allowed("app.localhost:8000", frozenset())
    assert host_allowed("192.168.1.20:8000", own) and host_allowed("newsroom-pc", own)
    for host in [
        "evil.example",
        "evil.example:8000",
        "localhost.evil.example",
        "10.0.0.1",
        "",
        None,
    ]:
        assert not host_allowed(host, own), host
    assert not host_allowed("192.168.1.20", frozenset())


# ------------------------------------------------------------ over HTTP


def test_base_path_redirect_and_index(env: Env) -> None:
    status, headers, _ = env.request("/")
    assert status == 302 and headers["Location"] == "/repo/"
    status, headers, body = env.request("/repo/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert body.count(b"/repo/__tarikh/live.js") == 1
    assert body.index(b"__tarikh/live.js") < body.rindex(b"</body>")
    assert b'data-page="index.html"' in body


def test_unicode_directory_redirect_is_percent_encoded(env: Env) -> None:
    page = next(p for p in env.preview.snapshot.files if p.startswith("actors/فلاديمير"))
    directory = "/repo/" + page.removesuffix("/index.html")
    status, headers, _ = env.request(quote(directory))
    assert status == 302 and headers["Location"] == quote(directory + "/")
    status, _, body = env.request(quote(directory + "/"))
    assert status == 200 and "فلاديمير بوتين".encode() in body


def test_content_types(env: Env) -> None:
    expected = {
        "/repo/static/css/site.css": "text/css; charset=utf-8",
        "/repo/static/js/timeline.js": "text/javascript; charset=utf-8",
        "/repo/events.json": "application/json; charset=utf-8",
        "/repo/feed.xml": "application/atom+xml; charset=utf-8",
        "/repo/static/favicon.svg": "image/svg+xml; charset=utf-8",
        "/repo/__tarikh/live.js": "text/javascript; charset=utf-8",
    }
    for path, ctype in expected.items():
        status, headers, body = env.request(path)
        assert status == 200 and headers["Content-Type"] == ctype, path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert int(headers["Content-Length"]) == len(body)
    fonts = [p for p in env.preview.snapshot.files if p.endswith(".woff2")]
    status, headers, _ = env.request("/repo/" + fonts[0])
    assert headers["Content-Type"] == "font/woff2"


def test_traversal_over_the_wire_is_404(env: Env) -> None:
    secret = (env.site / "site.toml").read_bytes()
    for path in [
        "/repo/../site.toml",
        "/repo/%2e%2e/site.toml",
        "/repo/%2e%2e%2fsite.toml",
        "/repo/static/%2e%2e/%2e%2e/%2e%2e/site.toml",
        "/repo/..%5csite.toml",
        "//etc/passwd",
        "/repo//etc/passwd",
        "/repo/%252e%252e/site.toml",
        "/repo/content/news/a.txt",
    ]:
        status, _, body = env.request(path)
        assert status == 404, path
        assert secret not in body and b"root:" not in body


def test_missing_page_is_the_sites_404_with_status_404(env: Env) -> None:
    status, headers, body = env.request("/repo/no/such/page/")
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body.startswith(env.preview.snapshot.files["404.html"][:100])
    assert b'data-page="*"' in body  # any build may create the missing page


def test_only_get_and_head(env: Env) -> None:
    status, headers, body = env.request("/repo/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]:
        status, headers, _ = env.request("/repo/", method=method)
        assert status == 405 and headers["Allow"] == "GET, HEAD", method


def test_foreign_host_is_refused_pages_and_stream(env: Env) -> None:
    assert env.request("/repo/", host="attacker.example")[0] == 403
    assert env.request("/repo/", host=f"attacker.example:{env.server.port}")[0] == 403
    assert env.request("/repo/", host=f"localhost:{env.server.port}")[0] == 200
    stream = env.stream(host="attacker.example")
    try:
        assert " 403 " in stream.status
    finally:
        stream.close()


def test_edit_sends_the_changed_pages_over_sse(env: Env) -> None:
    stream = env.stream()
    try:
        assert " 200 " in stream.status
        assert stream.headers["content-type"] == "text/event-stream; charset=utf-8"
        hello = stream.until("hello")
        assert hello["build"] == env.preview.snapshot.build
        news = env.site / "content/news/a.txt"
        news.write_text(NEWS + ADDED, encoding="utf-8")
        env.preview.rebuild({news})
        message = stream.until("build")
        changed = message["changed"]
        assert isinstance(changed, list)
        assert "index.html" in changed and "events.json" in changed
        assert any(p.startswith("events/") for p in changed)
        assert "static/css/site.css" not in changed
        assert message["build"] == hello["build"] + 1  # type: ignore[operator]
    finally:
        stream.close()
    status, _, body = env.request("/repo/")
    assert status == 200 and "مجلس الاتحاد الروسي".encode() in body
    assert env.lines[-1].startswith("content/news/a.txt: ") and " ms" in env.lines[-1]


def test_content_error_overlay_comes_and_goes(env: Env) -> None:
    bad = env.site / "content/news/<img src=x onerror=alert(1)>.txt"
    stream = env.stream()
    try:
        stream.until("hello")
        bad.write_bytes(b"---\ndate: 2015-10-01\n---\n\xff\xfe broken\n")
        env.preview.rebuild({bad})
        errors = stream.until("errors")["errors"]
        assert isinstance(errors, list) and len(errors) == 1
        assert errors[0]["file"] == "content/news/<img src=x onerror=alert(1)>.txt"
        assert errors[0]["line"] == 4 and "UTF-8" in errors[0]["message"]
        status, _, body = env.request("/repo/")
        assert status == 200 and b'id="tarikh-overlay"' in body
        text = body.decode()
        assert 'dir="rtl" lang="ar"' in text and "خطأ في المحتوى" in text
        assert "&lt;img src=x onerror=alert(1)&gt;" in text and "<img src=x" not in text
        assert "السطر <bdi>4</bdi>" in text
        assert "أعلن الرئيس الروسي".encode() in body  # the good pages stay underneath
        bad.unlink()
        env.preview.rebuild({bad})
        assert stream.until("errors")["errors"] == []
    finally:
        stream.close()
    assert b"tarikh-overlay" not in env.request("/repo/")[2]


def test_broken_config_keeps_the_last_good_site(env: Env) -> None:
    before = env.request("/repo/")[2]
    toml = env.site / "site.toml"
    toml.write_text(SITE_TOML + "title = [unclosed\n", encoding="utf-8")
    env.preview.rebuild({toml})
    status, _, body = env.request("/repo/")
    assert status == 200 and "تعذّر بناء الموقع" in body.decode()
    assert "site.toml" in body.decode()
    assert _without_live(before) == _without_live(body)
    assert "build failed" in env.lines[-1] and "\n" not in env.lines[-1]
    toml.write_text(SITE_TOML, encoding="utf-8")
    env.preview.rebuild({toml})
    assert b"tarikh-overlay" not in env.request("/repo/")[2]


def test_a_crashing_build_does_not_stop_the_server(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(changed: object = None) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(env.preview.builder, "build", crash)
    env.preview.rebuild({env.site / "content/news/a.txt"})
    assert "RuntimeError: boom" in env.lines[-1]
    status, _, body = env.request("/repo/")
    assert status == 200 and b"RuntimeError: boom" in body


def test_requests_during_a_rebuild_get_the_last_complete_build(env: Env) -> None:
    started, release = threading.Event(), threading.Event()
    real_build = env.preview.builder.build

    def slow(changed: set[Path] | None = None):  # type: ignore[no-untyped-def]
        result = real_build(changed)
        started.set()
        release.wait(TIMEOUT)
        return result

    env.preview.builder.build = slow  # type: ignore[method-assign]
    before = env.request("/repo/")[2]
    (env.site / "content/news/a.txt").write_text(NEWS + ADDED, encoding="utf-8")
    worker = threading.Thread(target=env.preview.rebuild, args=(None,))
    worker.start()
    try:
        assert started.wait(TIMEOUT)
        assert env.request("/repo/")[2] == before
    finally:
        release.set()
        worker.join(TIMEOUT)
    assert "مجلس الاتحاد الروسي".encode() in env.request("/repo/")[2]


def test_build_output_never_carries_the_live_script(tmp_path: Path) -> None:
    site = _make_site(tmp_path / "site")
    assert tarikh("build", "--source", site, "--quiet") == 0
    assert not [p for p, data in snapshot(site / "output").items() if b"__tarikh" in data]


def test_port_in_use_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        code = serve(_make_site(tmp_path / "site"), port=port)
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and str(port) in err and "--port" in err


def _cli(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_cli_serve_prints_the_url_first_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    site = _make_site(tmp_path / "site")
    proc = _cli("serve", "--source", site, "--port", "0")
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("preview at http://127.0.0.1:") and "/repo/" in first
        url = first.split()[2]
        port = int(url.split(":")[2].split("/")[0])
        assert "full build" in proc.stdout.readline()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        conn.request("GET", "/repo/")
        assert conn.getresponse().status == 200
        conn.close()
        stream = EventStream(port, f"localhost:{port}")  # an open stream must not block the exit
        stream.until("hello")
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=TIMEOUT)
        stream.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_cli_build_watch_rebuilds_output(tmp_path: Path) -> None:
    site = _make_site(tmp_path / "site")
    proc = _cli("build", "--watch", "--source", site)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("watching ")
        assert "full build" in proc.stdout.readline()
        index = site / "output/index.html"
        assert "مجلس الاتحاد الروسي" not in index.read_text(encoding="utf-8")
        (site / "content/news/a.txt").write_text(NEWS + ADDED, encoding="utf-8")
        line = proc.stdout.readline()
        assert line.startswith("content/news/a.txt: ") and "written" in line
        assert "مجلس الاتحاد الروسي" in index.read_text(encoding="utf-8")
        assert b"__tarikh" not in index.read_bytes()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0 and "Traceback" not in err
