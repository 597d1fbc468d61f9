"""The embed outputs as files: widget pages, oEmbed, the snippet and /embed.js.

What they do in a browser, with other people's host software, is in
tests/browser/test_embed.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import tarikh, write_site

from generator.publish.embed import script_json

BASE = "https://org.github.io/repo/"


def _built(example: Path, *args: str) -> Path:
    assert tarikh("build", "--source", example, "--quiet", *args) == 0
    return example / "output"


def _local(output: Path, url: str) -> Path:
    assert url.startswith(BASE), url
    path = output / unquote(url.removeprefix(BASE))
    return path / "index.html" if url.endswith("/") else path


def test_every_embeddable_page_has_a_widget_an_oembed_file_and_its_snippet(example: Path) -> None:
    output = _built(example, "--base-url", BASE)
    pages = [output / "index.html", *output.glob("actors/*/index.html")]
    pages += list(output.glob("places/*/index.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        link = re.search(
            r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html
        )
        assert link, page
        oembed = json.loads(_local(output, link[1]).read_text(encoding="utf-8"))
        assert oembed["type"] == "rich" and oembed["version"] == "1.0"
        assert oembed["provider_url"] == BASE and oembed["provider_name"]
        assert oembed["title"] and oembed["width"] and 400 <= oembed["height"] <= 1000
        # A bare iframe: what WordPress keeps.
        frame = re.fullmatch(
            r'<iframe src="([^"]+)" title="[^"<>]+" [^<>]*></iframe>', oembed["html"]
        )
        assert frame, oembed["html"]
        widget = _local(output, frame[1])
        assert widget.is_file()
        assert 'dir="rtl"' in widget.read_text(encoding="utf-8")
        # The «تضمين» disclosure carries the snippet for this page's widget.
        snippet = re.search(r'<textarea class="embed-code__text"[^>]*>([^<]+)</textarea>', html)
        assert snippet, page
        code = snippet[1].replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"')
        code = code.replace("&quot;", '"').replace("&amp;", "&")
        assert f'<div data-tarikh="{frame[1]}">' in code
        assert f'<script src="{BASE}embed.js" async></script>' in code


def test_without_a_base_url_the_build_says_so_once_and_leaves_them_out(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert tarikh("build", "--source", example, "--strict") == 0  # a note, not a warning
    err = capsys.readouterr().err
    assert err.count("no base_url") == 1
    output = example / "output"
    assert not list(output.rglob("oembed.json"))
    assert (output / "embed/index.html").is_file()  # the widget itself needs no absolute URL
    assert (output / "embed.js").is_file()
    index = (output / "index.html").read_text(encoding="utf-8")
    assert "json+oembed" not in index and "embed-code" not in index


def test_the_host_script_is_small_and_never_runs_what_it_receives() -> None:
    root = Path(__file__).resolve().parents[1]
    host = (root / "generator/publish/embed.js").read_text(encoding="utf-8")
    widget = (root / "themes/default/static/js/widget.js").read_text(encoding="utf-8")
    assert len(host.encode()) < 10 * 1024
    for script in (host, widget):
        for sink in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "eval(",
            "Function(",
            "document.write",
        ):
            assert sink not in script
    # embed.js takes a height only from its own iframe's window and the widget's origin.
    assert "e.source !== f.frame.contentWindow || e.origin !== f.origin" in host
    assert "Math.max(MIN, Math.min(MAX" in host


def test_axis_json_cannot_end_its_script_element() -> None:
    text = str(script_json({"t": "</script><script>alert(1)</script><!-- & \u2028"}))
    assert "</" not in text and "<!--" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><script>alert(1)</script><!-- & \u2028"}


def _news(months: int) -> str:
    names = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب"]
    lines = ["---\ndate: 2016-12-31\n---"]
    for m in range(months):
        for day in (3, 12, 21):
            lines.append(
                f"أعلن وزير الخارجية المصري سامح شكري في {day} {names[m]} 2016 "
                f"بيانًا رقم {m * 3 + day} بشأن الحل السياسي في سورية."
            )
    return "\n".join(lines) + "\n"


def paged_site(tmp_path: Path) -> Path:
    """Six months of three events each, four events a page: six pages."""
    site = write_site(
        tmp_path / "site",
        {"site.toml": 'title = "صفحات"\npage_size = 4\n', "content/news/a.txt": _news(6)},
    )
    return _built(site)


def test_a_long_scope_is_paged_and_its_widget_opens_on_the_latest_page(tmp_path: Path) -> None:
    output = paged_site(tmp_path)
    home = (output / "embed/index.html").read_text(encoding="utf-8")
    assert "حزيران 2016" in home and "كانون الثاني 2016" not in home
    page = json.loads(re.search(r'id="w-data">(.*?)</script>', home, re.S)[1])  # type: ignore[index]
    assert page == {"here": 5, "paged": True, "root": "../"}
    # The scope's axis is one script for all its pages, named by its digest.
    [src] = re.findall(r'<script src="([^"]*embed/axis/[0-9a-f]{32}\.js)" defer>', home)
    script = (output / "embed" / src).resolve().read_text(encoding="utf-8")
    assert script.startswith("var tarikhAxis = {") and script.endswith("};\n")
    axis = json.loads(script[len("var tarikhAxis = ") : -2])
    assert sum(axis["days"][1::2]) == 18  # the axis knows every event, not just this page's
    assert len(axis["spans"]) == len(axis["paths"]) == 6
    for (first, last), path in zip(axis["spans"], axis["paths"], strict=True):
        assert first <= last
        assert (output / path / "index.html").is_file(), path
    # Every page of the scope names the same script.
    for other in ("embed/2016/01/index.html", "embed/2016/03/index.html"):
        text = (output / other).read_text(encoding="utf-8")
        assert src.rsplit("/", 1)[1] in text and '"days"' not in text
    assert (output / "embed/2016/01/index.html").is_file()
    assert not (output / "embed/2016/06/index.html").exists()  # the latest is at embed/


def test_widget_pages_are_kept_out_of_search(example: Path) -> None:
    output = _built(example, "--base-url", BASE)
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}</loc>" in sitemap and "/embed/" not in sitemap
    for page in output.glob("embed/**/index.html"):
        assert '<meta name="robots" content="noindex">' in page.read_text(encoding="utf-8")
