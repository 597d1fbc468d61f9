"""The widget's time axis at scale: frame times in Chromium while a reader pans
and zooms the axis of a 10,000-event timeline.

Prints JSON. The target (issue 9): no frame over 50 ms while panning. Frame
intervals are measured with requestAnimationFrame in the page (what a reader
sees), beside the axis's own drawing time and any long task (over 50 ms) the
browser reports. The sizes of the widget's pages are printed too: a large
site's widget is paged, so none grows with the archive.

    python bench/embed_frames.py [--events 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import itertools
import json
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import make_site

from generator.cli import main as tarikh

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

RECORD = """() => {
  window.__frames = [];
  window.__long = [];
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) __long.push([e.startTime, e.duration]);
  }).observe({type: "longtask", buffered: false});
  const loop = t => { __frames.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def session(url: str) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.wait_for_selector("#w-axis:not([hidden])")
        page.wait_for_timeout(500)
        box = page.locator("#w-canvas").bounding_box()
        assert box is not None
        y = box["y"] + box["height"] / 2
        page.evaluate(RECORD)
        # Pan the whole range, zoomed out, then at a year, then at a month.
        for zoom_ins in (0, 4, 4):
            for _ in range(zoom_ins):
                page.click("[data-zoom=in]")
            for sweep in range(4):
                page.mouse.move(box["x"] + 40, y)
                page.mouse.down()
                xs = range(40, int(box["width"]) - 40, 12)
                for x in xs if sweep % 2 == 0 else reversed(xs):
                    page.mouse.move(box["x"] + x, y)
                page.mouse.up()
        # Ctrl+wheel zooms in and out around the pointer.
        page.mouse.move(box["x"] + box["width"] / 3, y)
        page.keyboard.down("Control")
        for step in range(40):
            page.mouse.wheel(0, -120 if step < 20 else 120)
        page.keyboard.up("Control")
        page.wait_for_timeout(300)
        frames = page.evaluate("__frames")
        long_tasks = page.evaluate("__long")
        drawn = page.evaluate("tarikhWidget.drawn()")
        browser.close()
    gaps = [b - a for a, b in itertools.pairwise(frames)]
    return {
        "frames": len(gaps),
        "frame_ms_median": round(statistics.median(gaps), 2),
        "frame_ms_p95": round(_percentile(gaps, 0.95), 2),
        "frame_ms_max": round(max(gaps), 2),
        "frames_over_50ms": sum(1 for g in gaps if g > 50),
        "long_tasks": len(long_tasks),
        "draws": len(drawn),
        "draw_ms_median": round(statistics.median(drawn), 3),
        "draw_ms_max": round(max(drawn), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = make_site(Path(tmp), args.events)
        assert tarikh(["build", "--source", str(site), "--quiet"]) == 0
        output = site / "output"
        widgets = [p for p in output.glob("embed/**/index.html")]
        sizes = sorted(p.stat().st_size for p in widgets)
        handler = functools.partial(_Quiet, directory=str(output))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/embed/"
        runs = [session(url) for _ in range(args.runs)]
        server.shutdown()
    result: dict[str, Any] = {
        "events": args.events,
        "runs": args.runs,
        "widget_pages": len(widgets),
        "widget_page_bytes_max": sizes[-1],
        "widget_page_bytes_median": int(statistics.median(sizes)),
        "target": "no frame over 50 ms while panning",
    }
    for key in runs[0]:
        result[key] = statistics.median(r[key] for r in runs)
    result["frame_ms_max_per_run"] = [r["frame_ms_max"] for r in runs]
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
