"""Live reload for the preview: the event stream, the injected script, the error overlay.

Only `tarikh serve` uses this module: the script and the overlay are added to
pages as they are served and never reach a built site. The theme's
Content-Security-Policy allows scripts and styles from 'self' only, so the
script and its stylesheet are files under `<base>__tarikh/`, never inline.
Everything the overlay shows comes from content (file names, messages): the
server escapes it, the script sets it with textContent, never innerHTML.
"""

from __future__ import annotations

import html
import json
import queue
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.messages import for_editor

LIVE_DIR = "__tarikh/"
EVENTS = LIVE_DIR + "events"
STATE = LIVE_DIR + "state"  # the hello, as JSON, for a tab that shares another's stream
MAX_LISTED = 2000  # beyond this many changed paths, a build message says "everything"


@dataclass(frozen=True)
class Problem:
    """One line of the overlay."""

    file: str | None
    line: int | None
    message: str

    def as_json(self) -> dict[str, Any]:
        """The message in Arabic (messages_ar.toml), the English original beside it."""
        return {
            "file": self.file,
            "line": self.line,
            "message": for_editor(self.message),
            "original": self.message,
        }


@dataclass(frozen=True)
class Snapshot:
    """What request threads serve: replaced whole after each build, never changed in place."""

    files: Mapping[str, bytes]
    base: str = "/"
    build: int = 0
    errors: tuple[Problem, ...] = ()
    failed: bool = False  # True: the build itself failed (config/template); files are older
    built: bool = False  # False until a first build has published anything

    def errors_json(self) -> dict[str, Any]:
        """The overlay's content for the script: its Arabic wording lives here only."""
        return {
            "title": _title(self),
            "hint": _hint(self),
            "errors": [e.as_json() for e in self.errors],
        }


def sse(event: str, data: Mapping[str, Any]) -> bytes:
    """One Server-Sent Events message (JSON has no raw newline, so one data line)."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


def build_message(build: int, changed: Iterable[str]) -> dict[str, Any]:
    paths = sorted(changed)
    if len(paths) > MAX_LISTED:
        return {"build": build, "all": True, "changed": []}
    return {"build": build, "all": False, "changed": paths}


@dataclass
class Hub:
    """Fans messages out to every open event stream; each stream has its own queue."""

    _queues: set[queue.SimpleQueue[bytes | None]] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _closed: bool = False

    def subscribe(self) -> queue.SimpleQueue[bytes | None]:
        q: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        with self._lock:
            if self._closed:
                q.put(None)
            self._queues.add(q)
        return q

    def unsubscribe(self, q: queue.SimpleQueue[bytes | None]) -> None:
        with self._lock:
            self._queues.discard(q)

    def publish(self, message: bytes) -> int:
        with self._lock:
            for q in self._queues:
                q.put(message)
            return len(self._queues)

    def close(self) -> None:
        """Ends every stream, so that the server's threads can be joined."""
        with self._lock:
            self._closed = True
            for q in self._queues:
                q.put(None)

    @property
    def listeners(self) -> int:
        with self._lock:
            return len(self._queues)


HINT_FAILED = (
    "ما زالت المعاينة تعرض آخر نسخة سليمة من الموقع. صحّح الملف واحفظه، وستختفي هذه الرسالة تلقائيًا."
)
HINT_CONTENT = "بُني الموقع من دون المواد المعيبة. صحّح الملف واحفظه، وستختفي هذه الرسالة تلقائيًا."


def _title(snapshot: Snapshot) -> str:
    if snapshot.failed:
        return "تعذّر بناء الموقع"
    return "خطأ في المحتوى" if len(snapshot.errors) == 1 else "أخطاء في المحتوى"


def _hint(snapshot: Snapshot) -> str:
    return HINT_FAILED if snapshot.failed else HINT_CONTENT


def overlay_html(snapshot: Snapshot) -> str:
    """The overlay as markup, for pages served while an error stands (works without script)."""
    items = []
    for p in snapshot.errors:
        where = ""
        if p.file:
            where = f'<bdi class="tarikh-overlay__file">{html.escape(p.file)}</bdi>'
            if p.line:
                where += f"، السطر <bdi>{p.line}</bdi>"
            where = f'<span class="tarikh-overlay__where">{where}</span>'
        message = (
            '<span class="tarikh-overlay__message" dir="auto">'
            f"{html.escape(for_editor(p.message))}</span>"
        )
        items.append(f"<li>{where}{message}</li>")
    return (
        '<div id="tarikh-overlay" class="tarikh-overlay" dir="rtl" lang="ar" role="alert">'
        '<div class="tarikh-overlay__box">'
        f'<p class="tarikh-overlay__title">{_title(snapshot)}</p>'
        f'<ol class="tarikh-overlay__list">{"".join(items)}</ol>'
        f'<p class="tarikh-overlay__hint">{_hint(snapshot)}</p>'
        '<button type="button" class="tarikh-overlay__close">إخفاء</button>'
        "</div></div>"
    )


def inject(page: bytes, *, key: str, snapshot: Snapshot, instance: str) -> bytes:
    """Add the live-reload script (and the overlay while an error stands) before </body>."""
    base = html.escape(snapshot.base)
    tags = (
        f'<link rel="stylesheet" href="{base}{LIVE_DIR}live.css">'
        f'<script src="{base}{LIVE_DIR}live.js" data-base="{base}" '
        f'data-page="{html.escape(key)}" data-build="{snapshot.build}" '
        f'data-instance="{html.escape(instance)}"></script>'
    )
    if snapshot.errors:
        tags = overlay_html(snapshot) + tags
    data = tags.encode()
    at = page.lower().rfind(b"</body>")
    return page + data if at < 0 else page[:at] + data + page[at:]


def placeholder(snapshot: Snapshot, instance: str) -> bytes:
    """What every page shows before any build has succeeded (a broken site.toml at start)."""
    page = (
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        "<title>المعاينة</title></head><body>"
        "<p>لم يُبنَ الموقع بعد. صحّح الخطأ واحفظ الملف، وستظهر الصفحة من تلقاء نفسها.</p>"
        "</body></html>"
    )
    return inject(page.encode(), key="*", snapshot=snapshot, instance=instance)


LIVE_CSS = """\
.tarikh-overlay{position:fixed;inset:0;z-index:2147483647;display:flex;align-items:flex-start;
justify-content:center;padding:5vh 1rem;background:rgba(20,20,24,.55);overflow:auto;
font:16px/1.8 "IBM Plex Sans Arabic","Noto Naskh Arabic",system-ui,sans-serif}
.tarikh-overlay__box{max-width:46rem;width:100%;background:#fff;color:#1b1b1f;
border-top:.4rem solid #b3261e;border-radius:.5rem;padding:1.25rem 1.5rem;
box-shadow:0 1rem 3rem rgba(0,0,0,.35);text-align:start}
.tarikh-overlay__title{margin:0 0 .75rem;font-size:1.25rem;font-weight:600;color:#b3261e}
.tarikh-overlay__list{margin:0;padding-inline-start:1.25rem}
.tarikh-overlay__list li{margin:.5rem 0}
.tarikh-overlay__where{display:block;font-weight:600}
.tarikh-overlay__file{font-family:ui-monospace,monospace;direction:ltr;unicode-bidi:isolate}
.tarikh-overlay__message{display:block;white-space:pre-wrap;font-family:ui-monospace,monospace;
font-size:.9em;unicode-bidi:plaintext}
.tarikh-overlay__hint{margin:1rem 0 0;color:#55555c}
.tarikh-overlay__close{margin-top:1rem;font:inherit;padding:.25rem 1rem;cursor:pointer}
"""

LIVE_JS = """\
(function () {
  "use strict";
  var me = document.currentScript;
  var base = me.dataset.base, page = me.dataset.page;
  var build = Number(me.dataset.build), instance = me.dataset.instance;
  var scrollKey = "tarikh:scroll:" + location.pathname + location.search;

  // The place is kept by what is on screen, not by pixels: an event added
  // above the reader pushes the page down, and the card they were reading
  // should stay where it was. Pixels are the fallback.
  var saved = sessionStorage.getItem(scrollKey);
  if (saved) {
    sessionStorage.removeItem(scrollKey);
    var place = JSON.parse(saved);
    var restore = function () {
      var target = place.id && document.getElementById(place.id);
      var y = place.y;
      if (target) { y = window.scrollY + target.getBoundingClientRect().top - place.top; }
      // "instant": a theme's smooth scrolling would leave us mid-way.
      window.scrollTo({ left: place.x, top: y, behavior: "instant" });
    };
    restore();
    window.addEventListener("load", restore);
    if (document.fonts) { document.fonts.ready.then(restore); }
  }

  function anchor() {
    // Cards, not headings: a sticky heading is always at the top.
    var nodes = document.querySelectorAll("main article[id]");
    for (var i = 0; i < nodes.length; i++) {
      var box = nodes[i].getBoundingClientRect();
      if (box.bottom > 0) { return { id: nodes[i].id, top: box.top }; }
    }
    return { id: "", top: 0 };
  }

  function reload() {
    var place = anchor();
    place.x = window.scrollX;
    place.y = window.scrollY;
    sessionStorage.setItem(scrollKey, JSON.stringify(place));
    if ("scrollRestoration" in history) { history.scrollRestoration = "manual"; }
    location.reload();
  }

  function swapStylesheet(path, n) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin || url.pathname !== base + path) { return; }
      url.searchParams.set("tarikh", String(n));
      var fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.addEventListener("load", function () { link.remove(); });
      fresh.addEventListener("error", function () { link.remove(); });
      link.after(fresh);
    });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function showErrors(data) {
    var old = document.getElementById("tarikh-overlay");
    if (old) { old.remove(); }
    if (!data.errors.length) { return; }
    var overlay = el("div", "tarikh-overlay");
    overlay.id = "tarikh-overlay";
    overlay.dir = "rtl";
    overlay.lang = "ar";
    overlay.setAttribute("role", "alert");
    var box = el("div", "tarikh-overlay__box");
    box.appendChild(el("p", "tarikh-overlay__title", data.title));
    var list = el("ol", "tarikh-overlay__list");
    data.errors.forEach(function (e) {
      var item = el("li");
      if (e.file) {
        var where = el("span", "tarikh-overlay__where");
        where.appendChild(el("bdi", "tarikh-overlay__file", e.file));
        if (e.line) {
          where.appendChild(document.createTextNode("، السطر "));
          where.appendChild(el("bdi", "", String(e.line)));
        }
        item.appendChild(where);
      }
      var message = el("span", "tarikh-overlay__message", e.message);
      message.dir = "auto";
      item.appendChild(message);
      list.appendChild(item);
    });
    box.appendChild(list);
    box.appendChild(el("p", "tarikh-overlay__hint", data.hint));
    var close = el("button", "tarikh-overlay__close", "إخفاء");
    close.type = "button";
    box.appendChild(close);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".tarikh-overlay__close")) {
      var overlay = document.getElementById("tarikh-overlay");
      if (overlay) { overlay.remove(); }
    }
  });

  function onBuild(data) {
    build = data.build;
    var changed = data.changed;
    if (data.all || page === "*" || changed.indexOf(page) >= 0) { reload(); return; }
    var scripts = changed.filter(function (p) { return /\\.js$/.test(p); });
    if (scripts.length) { reload(); return; }
    changed.forEach(function (p) { if (/\\.css$/.test(p)) { swapStylesheet(p, data.build); } });
  }

  function onHello(data) {
    delay = 500;
    document.documentElement.setAttribute("data-tarikh-live", "open");
    if (data.instance !== instance || data.build !== build) { reload(); return; }
    showErrors(data.problems);
  }
  var handlers = {
    hello: onHello,
    errors: function (data) { showErrors(data); },
    build: function (data) { onBuild(data); }
  };

  // One event stream per browser, not one per tab: a browser opens at most
  // six connections to a host and each stream holds one for good, so with
  // six preview tabs open the seventh would never load. The tab that holds a
  // Web Lock reads the stream and passes each message on to the other tabs
  // over a BroadcastChannel; when it closes or reloads, the lock (and the
  // stream) passes to another tab. Where the browser has neither (a preview
  // reached over the network is not a secure context), each tab reads its own.
  var shared = typeof BroadcastChannel === "function" && navigator.locks;
  var channel = shared ? new BroadcastChannel("tarikh-live:" + base) : null;
  var source = null, delay = 500;

  function connect() {
    source = new EventSource(base + "__tarikh/events");
    ["hello", "errors", "build"].forEach(function (kind) {
      source.addEventListener(kind, function (e) {
        var data = JSON.parse(e.data);
        if (channel) { channel.postMessage({ kind: kind, data: data }); }
        handlers[kind](data);
      });
    });
    source.onerror = function () {
      document.documentElement.setAttribute("data-tarikh-live", "retrying");
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 5000);
      }
    };
  }

  // A tab that does not hold the stream asks once for the state it missed
  // (the build its page may be behind), then follows the channel.
  function follow() {
    fetch(base + "__tarikh/state", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(onHello)
      .catch(function () { setTimeout(follow, delay); delay = Math.min(delay * 2, 5000); });
  }

  if (channel) {
    channel.onmessage = function (e) {
      var m = e.data;
      if (m && handlers.hasOwnProperty(m.kind)) { handlers[m.kind](m.data); }
    };
    var lock = "tarikh-live:" + base;
    var lead = function () {
      connect();
      return new Promise(function () {});  // held until this page goes away
    };
    navigator.locks.request(lock, { ifAvailable: true }, function (held) {
      if (held) { return lead(); }
      follow();
      navigator.locks.request(lock, lead);  // take the stream over when its tab leaves
    });
  } else {
    connect();
  }
  window.addEventListener("pagehide", function () {
    if (source) { source.close(); }
    if (channel) { channel.close(); }
  });
})();
"""
