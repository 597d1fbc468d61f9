"""The preview under load and attack (issue 13), on 127.0.0.1, bounded in count and time:
traversal in every encoding, a foreign Host, methods other than GET and HEAD;
1,000 requests from 50 concurrent clients while 100 files change, every
response whole and correct; 200 live-reload clients connecting and dropping."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import write_site

from generator.build import Builder
from generator.preview.httpd import PreviewServer
from generator.preview.serve import Preview

TIMEOUT = 20.0
NEWS = "---\ndate: 2015-10-01\n---\nأعلن الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول بدء العملية.\n"


class Served:
    def __init__(self, site: Path) -> None:
        self.site = site
        self.preview = Preview(Builder(site, serving=True), log=lambda line: None)
        self.preview.rebuild(None)
        self.server = PreviewServer(self.preview, port=0)
        self.thread = self.server.start_in_thread()
        self.port = self.server.port

    def get(
        self, path: str, method: str = "GET", host: str | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            conn.putheader("Host", f"127.0.0.1:{self.port}" if host is None else host)
            conn.endheaders()
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()

    def raw(self, target: bytes) -> tuple[int, bytes]:
        """A request line sent as these very bytes (no client library re-encodes them)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=TIMEOUT) as sock:
            host = f"127.0.0.1:{self.port}".encode()
            sock.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: " + host + b"\r\n\r\n")
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
        return status, data

    def stop(self) -> None:
        self.server.shutdown()
        self.server.close()
        self.thread.join(TIMEOUT)
        assert not self.thread.is_alive()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    site = write_site(tmp_path / "site", {"content/news/a.txt": NEWS})
    (tmp_path / "secret.txt").write_text("TOP-SECRET", encoding="utf-8")
    s = Served(site)
    yield s
    s.stop()


TRAVERSALS = [
    "/../secret.txt",
    "/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/.%2e/secret.txt",
    "/%252e%252e/secret.txt",  # double encoding
    "/%25252e%25252e/secret.txt",  # triple
    "/%c0%ae%c0%ae/secret.txt",  # overlong UTF-8
    "/%e0%80%ae%e0%80%ae/secret.txt",
    "/%c0%af../secret.txt",
    "/..%5csecret.txt",
    "/..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/..%255csecret.txt",
    "/%uff0e%uff0e/secret.txt",
    "/\uff0e\uff0e/secret.txt",  # fullwidth dots
    "/..%00/secret.txt",
    "/index.html%00.txt",
    "/static/../../secret.txt",
    "/static/%2e%2e/%2e%2e/secret.txt",
    "//secret.txt",
    "///../secret.txt",
    "/./../secret.txt",
    "/..;/secret.txt",
    "/site.toml",
    "/content/news/a.txt",
    "/../site/content/news/a.txt",
    "http://127.0.0.1/../secret.txt",
    "*",
]


def test_traversal_in_every_encoding(served: Served) -> None:
    for path in TRAVERSALS:
        status, body = served.raw(path.encode("utf-8"))
        assert status in (302, 400, 404), (path, status)
        assert b"TOP-SECRET" not in body, path


def test_foreign_hosts_and_other_methods(served: Served) -> None:
    for host in ("evil.example", "127.0.0.1.evil.example", "localhost.evil.example:80", ""):
        status, _, body = served.get("/", host=host)
        assert status == 403 and b"<html" not in body, host
    status, _, _ = served.get("/__tarikh/events", host="evil.example")
    assert status == 403
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"):
        status, headers, _ = served.get("/", method=method)
        assert status in (405, 501), method
        if status == 405:
            assert headers["allow"] == "GET, HEAD"


def test_a_thousand_requests_from_fifty_clients_while_a_hundred_files_change(
    served: Served,
) -> None:
    paths = ["/", "/events.json", "/static/css/site.css", "/actors/", "/feed.xml"]
    stop = threading.Event()

    def edit() -> None:
        for i in range(100):
            if stop.is_set():
                return
            (served.site / f"content/news/n{i:03d}.txt").write_text(
                NEWS.replace("بدء العملية", f"بدء المرحلة {i}"), encoding="utf-8"
            )
            served.preview.rebuild({served.site / f"content/news/n{i:03d}.txt"})

    def one(n: int) -> tuple[str, int, int, int, bytes]:
        path = paths[n % len(paths)]
        status, headers, body = served.get(path)
        return path, status, int(headers.get("content-length", -1)), len(body), body

    editor = threading.Thread(target=edit)
    start = time.perf_counter()
    editor.start()
    try:
        with ThreadPoolExecutor(max_workers=50) as pool:
            results = list(pool.map(one, range(1000)))
    finally:
        stop.set()
        editor.join(120)
    seconds = time.perf_counter() - start
    errors = []
    for path, status, length, got, body in results:
        if status != 200 or length != got:
            errors.append((path, status, length, got))
        elif path.endswith(".json"):
            json.loads(body)  # whole
        elif path.endswith("/") and not body.rstrip().endswith(b"</html>"):
            errors.append((path, "cut"))
    assert not errors, errors[:5]
    assert seconds < 120


def test_two_hundred_live_reload_clients_connect_and_drop(served: Served) -> None:
    hub = served.preview.hub
    request = (f"GET /__tarikh/events HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n\r\n").encode()
    socks = []
    for _ in range(200):
        s = socket.create_connection(("127.0.0.1", served.port), timeout=TIMEOUT)
        s.sendall(request)
        socks.append(s)
    for s in socks:  # each gets its hello
        data = b""
        while b"event: hello" not in data:
            chunk = s.recv(4096)
            assert chunk, "closed before hello"
            data += chunk
    deadline = time.monotonic() + TIMEOUT
    while hub.listeners < 200 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert hub.listeners == 200

    # Half drop without a word (a closed tab), then a build: the rest are told.
    for s in socks[:100]:
        s.close()
    (served.site / "content/news/b.txt").write_text(
        NEWS.replace("بدء العملية", "نهاية العملية"), encoding="utf-8"
    )
    served.preview.rebuild({served.site / "content/news/b.txt"})
    for s in socks[100:]:
        data = b""
        while b"event: build" not in data:
            chunk = s.recv(65536)
            assert chunk, "closed before the build message"
            data += chunk
    for s in socks[100:]:
        s.close()
    # Every stream's thread notices its client left (at the latest at the next ping or build).
    served.preview.rebuild(None)
    deadline = time.monotonic() + TIMEOUT
    while hub.listeners and time.monotonic() < deadline:
        served.preview.hub.publish(b": ping\n\n")
        time.sleep(0.1)
    assert hub.listeners == 0
    status, _, _ = served.get("/")
    assert status == 200  # and the server still answers
