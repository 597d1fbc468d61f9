"""TimelineJS3 itself (npm, as test_timelinejs_browser.py) loads a per-year file
of a split timeline (`timeline_json_limit`), /timeline/<year>.json, and the
latest-events /timeline.json: one time marker per slide, its title slide, no
console or page error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import tarikh, write_site
from test_preview import CHROMIUM, WAIT_MS, chromium
from test_timelinejs_browser import PAGE, serving
from vendor import npm_file

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

EVENT = "---\ntitle: {title}\ndate: {date}\n---\nنص الحدث {title}.\n"
DATES = ["2014-03-01", "2015-10-01", "2015-11-02", "2015-12-20", "2016-01-05"]


@pytest.mark.parametrize("document", ["timeline/2015.json", "timeline.json"])
def test_timelinejs_loads_a_split_timeline(tmp_path: Path, document: str) -> None:
    site = tmp_path / "src"
    files: dict[str, str | bytes] = {
        f"content/events/e{i}.md": EVENT.format(title=f"حدث {i}", date=d)
        for i, d in enumerate(DATES)
    }
    files["site.toml"] = 'title = "أرشيف"\ntimeline_json_limit = 2\n'
    write_site(site, files)
    assert tarikh("build", "--source", site, "--quiet") in (0, 1)
    root = tmp_path / "www"
    dist = npm_file("@knight-lab/timelinejs", "dist/js/timeline.js").parents[1]
    shutil.copytree(dist / "js", root / "tl/js")
    shutil.copytree(dist / "css", root / "tl/css")
    shutil.copytree(site / "output", root / "site")
    page_html = PAGE.replace('"site/timeline.json"', f'"site/{document}"')
    assert f'"site/{document}"' in page_html
    (root / "index.html").write_text(page_html, encoding="utf-8")
    data = json.loads((root / "site" / document).read_text(encoding="utf-8"))
    assert len(data["events"]) in (2, 3)
    problems: list[str] = []
    with serving(root) as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.set_default_timeout(WAIT_MS)
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.route(
            "https://fonts.gstatic.com/**",
            lambda r: r.fulfill(status=200, body=b"", content_type="font/ttf"),
        )
        page.goto(url)
        page.wait_for_function(
            "n => document.querySelectorAll('.tl-timemarker').length === n",
            arg=len(data["events"]),
        )
        markers = page.eval_on_selector_all(".tl-timemarker", "els => els.map(e => e.id)")
        assert sorted(markers) == sorted(s["unique_id"] + "-marker" for s in data["events"])
        page.wait_for_selector(".tl-slide-titleslide", state="attached")
        title = page.inner_text(".tl-slide-titleslide .tl-headline")
        assert title == data["title"]["text"]["headline"]
    assert problems == []
