"""Live preview latency: from a saved file to the browser being told to reload.

Runs the real `tarikh serve` in a subprocess on a generated site, listens to
its event stream like a browser does, saves one news item (atomically, as
editors do) and times the moment the "build" message arrives. Also measures
the server's resident memory over many successive edits. Prints JSON.

    python bench/preview_latency.py [--events 1000 10000] [--edits 15] [--memory-edits 1000]

Targets (issue 5): median at most 150 ms on 1,000 events and at most 1 s on
10,000 events; 1,000 edits grow the server's memory by less than 10%.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import make_site  # noqa: E402

WAIT = 120.0


class Server:
    """`tarikh serve` in a subprocess, its terminal lines and its event stream."""

    def __init__(self, site: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--source", str(site), "--port", "0"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.proc.stdout is not None
        url = self.proc.stdout.readline().split()[2]
        self.port = int(url.split(":")[2].split("/")[0])
        self.base = "/" + url.split("/", 3)[3]
        self.first_build = self.proc.stdout.readline().strip()
        self.lines: queue.Queue[str] = queue.Queue()
        self.builds: queue.Queue[float] = queue.Queue()
        threading.Thread(target=self._read_lines, daemon=True).start()
        self.sock = socket.create_connection(("127.0.0.1", self.port))
        request = f"GET {self.base}__tarikh/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        self.sock.sendall(request.encode())
        self._stream = self.sock.makefile("rb")
        hello = threading.Event()
        threading.Thread(target=self._read_stream, args=(hello,), daemon=True).start()
        hello.wait(WAIT)

    def _read_lines(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())

    def _read_stream(self, hello: threading.Event) -> None:
        for raw in self._stream:
            if raw.startswith(b"event: hello"):
                hello.set()
            elif raw.startswith(b"event: build"):
                self.builds.put(time.perf_counter())

    def rss_kib(self) -> int:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(WAIT)
        self._stream.close()
        self.sock.close()


def _save(path: Path, text: str) -> None:
    """Write a temporary file and rename it over the original, as most editors save."""
    temp = path.with_name(path.name + ".tmp-save")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def _edit(server: Server, target: Path, original: str, n: int) -> tuple[float, int]:
    """One edited news item: seconds to the build message, and the server's build ms."""
    while not server.builds.empty():
        server.builds.get_nowait()
    text = original.replace("في بيان رقم", f"في بيان معدل {n} رقم", 1)
    start = time.perf_counter()
    _save(target, text)
    notified = server.builds.get(timeout=WAIT)
    line = server.lines.get(timeout=WAIT)
    while not line.startswith("content/"):
        line = server.lines.get(timeout=WAIT)
    build_ms = int(re.search(r"(\d+) ms", line).group(1))  # type: ignore[union-attr]
    return notified - start, build_ms


def latency(events: int, edits: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        site = make_site(Path(tmp), events)
        server = Server(site)
        try:
            target = site / "content/news/00000.txt"
            original = target.read_text(encoding="utf-8")
            samples = []
            for n in range(edits + 2):
                samples.append(_edit(server, target, original, n))
                time.sleep(0.15)  # let each edit be its own burst
            samples = samples[2:]  # the first edits warm the caches
        finally:
            server.stop()
    seconds = [s for s, _ in samples]
    return {
        "events": events,
        "first_build": server.first_build,
        "edits": edits,
        "save_to_notify_ms_median": round(statistics.median(seconds) * 1000, 1),
        "save_to_notify_ms_max": round(max(seconds) * 1000, 1),
        "server_build_ms_median": statistics.median(b for _, b in samples),
        "target_ms": 150 if events <= 1000 else 1000,
    }


def memory(events: int, edits: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        site = make_site(Path(tmp), events)
        server = Server(site)
        try:
            target = site / "content/news/00000.txt"
            original = target.read_text(encoding="utf-8")
            for n in range(20):
                _edit(server, target, original, n)
            before = server.rss_kib()
            start = time.perf_counter()
            for n in range(20, 20 + edits):
                _edit(server, target, original, n)
            after = server.rss_kib()
            elapsed = time.perf_counter() - start
        finally:
            server.stop()
    return {
        "events": events,
        "edits": edits,
        "rss_before_kib": before,
        "rss_after_kib": after,
        "growth_percent": round((after - before) / before * 100, 2),
        "seconds": round(elapsed, 1),
        "target_percent": 10,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--edits", type=int, default=15, help="timed edits per site size")
    parser.add_argument("--memory-edits", type=int, default=1000, help="0 skips the memory run")
    args = parser.parse_args()
    report: dict[str, object] = {"latency": [latency(n, args.edits) for n in args.events]}
    if args.memory_edits:
        report["memory"] = memory(min(args.events), args.memory_edits)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
