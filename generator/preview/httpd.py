"""The preview's HTTP side: safe routing of a request path into the in-memory site.

Safe by default, because a development server is still a server: it listens
on loopback, answers GET and HEAD only, refuses any path that could leave the
site (`..`, encoded or not, backslashes, NUL), and answers only requests whose
Host is this machine, so a web page elsewhere cannot read the preview by DNS
rebinding (the event stream included).
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import mimetypes
import posixpath
import queue
import socket
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from generator.preview.livereload import (
    EVENTS,
    LIVE_CSS,
    LIVE_DIR,
    LIVE_JS,
    STATE,
    inject,
    placeholder,
)

if TYPE_CHECKING:
    from generator.preview.serve import Preview

PING_SECONDS = 10.0
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".webmanifest": "application/manifest+json; charset=utf-8",
}
LIVE_FILES = {
    "live.js": (LIVE_JS.encode(), TYPES[".js"]),
    "live.css": (LIVE_CSS.encode(), TYPES[".css"]),
}


def content_type(path: str) -> str:
    ext = posixpath.splitext(path)[1].lower()
    if ext in TYPES:
        return "application/atom+xml; charset=utf-8" if path.endswith("feed.xml") else TYPES[ext]
    guessed = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return guessed + "; charset=utf-8" if guessed.startswith("text/") else guessed


@dataclass(frozen=True)
class Route:
    kind: str  # "file", "redirect", "live", "missing"
    target: str = ""


def route(request_target: str, base: str, files: Any) -> Route:
    """Map a request target to a file of the site, a redirect, a live-reload file, or nothing.

    Normalised as MkDocs does since CVE-2021-40978 (posixpath.normpath of "/" +
    the decoded path), and stricter: a `..` segment is refused outright rather
    than resolved, as are backslashes and NUL.
    """
    path = request_target.split("#", 1)[0].split("?", 1)[0]
    if not path.startswith("/"):
        return Route("missing")  # absolute-form targets and "*": not ours
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return Route("missing")
    if "\\" in decoded or "\0" in decoded or ".." in decoded.split("/"):
        return Route("missing")
    norm = posixpath.normpath("/" + decoded.lstrip("/"))
    full = norm if norm == "/" else norm + ("/" if decoded.endswith("/") else "")
    if not full.startswith(base):
        if full in ("/", base.rstrip("/")):
            return Route("redirect", base)
        return Route("missing")
    rel = full[len(base) :]
    if rel.startswith(LIVE_DIR):
        return Route("live", rel[len(LIVE_DIR) :])
    if rel == "" or rel.endswith("/"):
        key = rel + "index.html"
        return Route("file", key) if key in files else Route("missing")
    if rel in files:
        return Route("file", rel)
    if rel + "/index.html" in files:
        return Route("redirect", base + rel + "/")
    return Route("missing")


def _machine_addresses(bind: str) -> frozenset[str]:
    """The names and addresses this machine answers to, for a server bound beyond loopback."""
    names = {bind.strip("[]").lower()}
    with_all = bind in ("0.0.0.0", "::", "")
    if with_all:
        hostname = socket.gethostname()
        names |= {hostname.lower(), socket.getfqdn().lower()}
        for host in {hostname, socket.getfqdn()}:
            with contextlib.suppress(OSError):
                names |= {str(info[4][0]).split("%")[0] for info in socket.getaddrinfo(host, None)}
        for family, probe in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
            try:  # the address an outgoing packet would use; nothing is sent
                with socket.socket(family, socket.SOCK_DGRAM) as s:
                    s.connect((probe, 9))
                    names.add(str(s.getsockname()[0]).split("%")[0])
            except OSError:
                pass
    return frozenset(names)


def host_allowed(host_header: str | None, extra: frozenset[str]) -> bool:
    """localhost, any loopback address, or (with --bind) this machine's own names."""
    if not host_header:
        return False
    host = host_header.strip().lower()
    if host.startswith("["):
        host = host[1 : host.find("]")] if "]" in host else ""
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    host = host.rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        if ipaddress.ip_address(host).is_loopback:
            return True
    except ValueError:
        pass
    return host in extra


def display_host(bind: str) -> str:
    if bind in ("0.0.0.0", ""):
        return "127.0.0.1"
    if bind == "::":
        return "[::1]"
    return f"[{bind}]" if ":" in bind else bind


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer

    def version_string(self) -> str:
        return "tarikh-preview"

    def log_message(self, format: str, *args: Any) -> None:
        """One terminal line per rebuild is the contract: requests are not logged."""

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _not_allowed(self) -> None:
        self._send(
            405,
            b"405 method not allowed\n",
            "text/plain; charset=utf-8",
            True,
            {"Allow": "GET, HEAD"},
        )

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _not_allowed

    def _send(
        self,
        status: int,
        data: bytes,
        ctype: str,
        body: bool,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _answer(self, body: bool) -> None:
        if not host_allowed(self.headers.get("Host"), self.server.hosts):
            self._send(403, b"403 forbidden: unknown Host\n", "text/plain; charset=utf-8", body)
            return
        preview = self.server.preview
        snap = preview.snapshot
        found = route(self.path, snap.base, snap.files)
        if found.kind == "redirect":
            location = quote(found.target, safe="/")
            self._send(302, b"", "text/plain; charset=utf-8", body, {"Location": location})
        elif found.kind == "live" and found.target == EVENTS[len(LIVE_DIR) :]:
            self._events(body)
        elif found.kind == "live" and found.target == STATE[len(LIVE_DIR) :]:
            state = json.dumps(preview.state(), ensure_ascii=False).encode()
            self._send(200, state, TYPES[".json"], body)
        elif found.kind == "live" and found.target in LIVE_FILES:
            data, ctype = LIVE_FILES[found.target]
            self._send(200, data, ctype, body)
        elif found.kind == "file":
            data, ctype = snap.files[found.target], content_type(found.target)
            if ctype.startswith("text/html"):
                data = inject(data, key=found.target, snapshot=snap, instance=preview.instance)
            self._send(200, data, ctype, body)
        elif not snap.built:
            self._send(503, placeholder(snap, preview.instance), TYPES[".html"], body)
        elif "404.html" in snap.files:
            # "*": reload on any build, for the page this URL names may be the next one made.
            page = inject(snap.files["404.html"], key="*", snapshot=snap, instance=preview.instance)
            self._send(404, page, TYPES[".html"], body)
        else:
            self._send(404, b"404 not found\n", "text/plain; charset=utf-8", body)

    def _events(self, body: bool) -> None:
        """The live-reload stream: a hello with the current state, then every build."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.close_connection = True
        if not body:
            return
        hub = self.server.preview.hub
        stream = hub.subscribe()
        try:
            self.wfile.write(b"retry: 1000\n\n" + self.server.preview.hello())
            while True:
                try:
                    message = stream.get(timeout=PING_SECONDS)
                except queue.Empty:
                    message = b": ping\n\n"
                if message is None:
                    break
                self.wfile.write(message)
        except OSError:
            pass  # the page went away
        finally:
            hub.unsubscribe(stream)


class PreviewServer(ThreadingHTTPServer):
    """A threading server whose every thread is joined on close (no daemon threads)."""

    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True
    # socketserver's default backlog is 5: a burst of tabs and their event
    # streams (200 in the load test) would wait out TCP's retry of a dropped SYN.
    request_queue_size = 128

    def __init__(self, preview: Preview, *, bind: str = "127.0.0.1", port: int = 8000) -> None:
        self.preview = preview
        self.hosts = _machine_addresses(bind)
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        if ":" in bind:
            self.address_family = socket.AF_INET6
        super().__init__((bind, port), Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up mid-answer is not worth a traceback."""

    def close(self) -> None:
        """End the streams, wake idle connections, and join every request thread."""
        self.preview.hub.close()
        with self._open_lock:
            for sock in list(self._open):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self.server_close()

    def start_in_thread(self) -> threading.Thread:
        """For tests and the benchmark: serve from a thread; stop with shutdown() and close()."""
        thread = threading.Thread(target=self.serve_forever, args=(0.05,), name="tarikh-serve")
        thread.start()
        return thread
