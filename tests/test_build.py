"""The build as a user runs it: whole sites written inline, built, read back."""

from __future__ import annotations

import gc
import json
import re
import weakref
from pathlib import Path

import pytest
from conftest import snapshot, tarikh, write_site

from generator.build import Builder

NEWS = "---\ndate: 2015-10-01\n---\nعنوان القصة\nأعلن الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول بدء العملية.\n"


def test_same_sources_give_byte_identical_output(example: Path, tmp_path: Path) -> None:
    assert tarikh("build", "--source", example, "--output", tmp_path / "a", "--quiet") == 0
    assert tarikh("build", "--source", example, "--output", tmp_path / "b", "--quiet") == 0
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_links_are_relative_so_sub_paths_work(built_example: Path) -> None:
    for page in built_example.rglob("*.html"):
        if page.name == "404.html":
            continue
        html = page.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"]*)"', html):
            assert not target.startswith("/"), f"{page}: absolute link {target}"
            if target.startswith(("http:", "https:", "#", "mailto:")):
                continue
            resolved = (page.parent / target.split("#")[0].split("?")[0]).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.is_file(), f"{page.relative_to(built_example)}: broken link {target}"


def test_content_error_is_named_and_the_rest_is_published(tmp_path: Path, capsys) -> None:
    site = write_site(
        tmp_path,
        {
            "content/good.txt": NEWS,
            "content/bad.txt": "---\ndate: [oops\n---\nخبر.\n",
            "content/latin1.txt": "خبر.\n".encode("cp1256"),
        },
    )
    assert tarikh("build", "--source", site) == 1
    err = capsys.readouterr().err
    assert re.search(r"content/bad.txt:2: error: malformed YAML", err)
    assert re.search(r"content/latin1.txt:1: error: not valid UTF-8", err)
    assert "Traceback" not in err
    events = json.loads((site / "output/events.json").read_text(encoding="utf-8"))["events"]
    assert [e["source"]["file"] for e in events] == ["content/good.txt"]


def test_strict_turns_warnings_into_exit_1(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"content/a.txt": "خبر بلا تاريخ.\n"})
    assert tarikh("build", "--source", site, "--quiet") == 0
    assert tarikh("build", "--source", site, "--quiet", "--strict") == 1


def test_config_error_publishes_nothing_and_keeps_output(tmp_path: Path, capsys) -> None:
    site = write_site(tmp_path, {"content/a.txt": NEWS})
    assert tarikh("build", "--source", site, "--quiet") == 0
    before = snapshot(site / "output")
    (site / "site.toml").write_text('titel = "x"\n', encoding="utf-8")
    assert tarikh("build", "--source", site) == 2
    assert "did you mean 'title'?" in capsys.readouterr().err
    assert snapshot(site / "output") == before


def test_template_error_names_file_and_line_and_keeps_output(tmp_path: Path, capsys) -> None:
    site = write_site(tmp_path, {"content/a.txt": NEWS})
    assert tarikh("build", "--source", site, "--quiet") == 0
    before = snapshot(site / "output")
    write_site(
        site,
        {
            "templates/event.html": "{% extends 'base.html' %}\n{% block main %}\n{{ event.nope.x }}\n{% endblock %}\n"
        },
    )
    assert tarikh("build", "--source", site) == 2
    err = capsys.readouterr().err
    assert "event.html:3" in err and "nope" in err
    assert snapshot(site / "output") == before
    write_site(site, {"templates/event.html": "{% if %}\n"})
    assert tarikh("build", "--source", site) == 2
    assert "event.html:1" in capsys.readouterr().err
    assert snapshot(site / "output") == before


def test_site_template_overrides_one_file_and_bang_reaches_the_theme(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "content/a.txt": NEWS,
            "templates/event.html": '{% extends "!default/event.html" %}{% block title %}مخصص{% endblock %}',
        },
    )
    assert tarikh("build", "--source", site, "--quiet") == 0
    [page] = (site / "output/events").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    assert "<title>مخصص</title>" in html
    assert 'dir="rtl"' in html


def test_theme_extends_another(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "content/a.txt": NEWS,
            "site.toml": 'theme = "mine"\n',
            "themes/mine/theme.toml": 'extends = "default"\n',
            "themes/mine/templates/404.html": "<p>ليست هنا</p>\n",
            "themes/mine/static/css/extra.css": "body{}\n",
        },
    )
    assert tarikh("build", "--source", site, "--quiet") == 0
    assert (site / "output/404.html").read_text(encoding="utf-8") == "<p>ليست هنا</p>\n"
    assert (site / "output/static/css/extra.css").is_file()
    assert (site / "output/static/css/site.css").is_file()  # from the default theme
    assert 'dir="rtl"' in (site / "output/index.html").read_text(encoding="utf-8")


def test_unknown_theme_lists_the_available_ones(tmp_path: Path, capsys) -> None:
    site = write_site(tmp_path, {"content/a.txt": NEWS, "site.toml": 'theme = "nope"\n'})
    assert tarikh("build", "--source", site) == 2
    assert (
        "the theme 'nope' is not installed; available themes are: default"
        in capsys.readouterr().err
    )


def test_hand_placed_files_survive_and_stale_pages_go(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"content/a.txt": NEWS})
    assert tarikh("build", "--source", site, "--quiet") == 0
    (site / "output/CNAME").write_text("example.org\n", encoding="utf-8")
    [old] = (site / "output/events").glob("*/index.html")
    write_site(site, {"content/a.txt": NEWS.replace("بدء العملية", "انتهاء العملية")})
    assert tarikh("build", "--source", site, "--quiet") == 0
    assert (site / "output/CNAME").read_text(encoding="utf-8") == "example.org\n"
    assert not old.exists() and not old.parent.exists()
    assert len(list((site / "output/events").glob("*/index.html"))) == 1


def test_two_things_wanting_one_path_is_an_error_naming_both(tmp_path: Path, capsys) -> None:
    site = write_site(
        tmp_path,
        {
            "content/a/x.txt": NEWS,
            "content/b/x.txt": "---\ndate: 2015-10-01\n---\nخبر آخر مختلف تماما.\n",
        },
    )
    assert tarikh("build", "--source", site) == 1
    err = capsys.readouterr().err
    assert "stories/x/index.html is wanted by both content/a/x.txt and content/b/x.txt" in err


def test_html_in_a_headline_is_taken_out(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {"content/a.txt": "---\ndate: 2015-10-01\n---\n<script>alert(1)</script> خبر عاجل.\n"},
    )
    assert tarikh("build", "--source", site, "--quiet") == 0
    for page in (site / "output").rglob("*.html"):
        assert "alert(1)" not in page.read_text(encoding="utf-8")
    assert "خبر عاجل." in (site / "output/index.html").read_text(encoding="utf-8")


def test_base_url_gives_sitemap_and_absolute_404_links(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"content/a.txt": NEWS})
    assert (
        tarikh("build", "--source", site, "--quiet", "--base-url", "https://org.github.io/repo/")
        == 0
    )
    sitemap = (site / "output/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://org.github.io/repo/</loc>" in sitemap
    assert 'href="/repo/' in (site / "output/404.html").read_text(encoding="utf-8")


def test_new_site_builds_at_once(tmp_path: Path) -> None:
    assert tarikh("new", tmp_path / "site") == 0
    assert tarikh("build", "--source", tmp_path / "site", "--strict", "--quiet") == 0
    assert (tmp_path / "site/output/index.html").is_file()
    assert len(list((tmp_path / "site/output/events").glob("*/index.html"))) == 3
    assert tarikh("new", tmp_path / "site") == 2  # not over an existing site


def test_extract_prints_what_build_publishes(built_example: Path, example: Path, capsys) -> None:
    capsys.readouterr()
    assert (
        tarikh("extract", example / "content/news/2015-10-01-russia-syria.txt", "--source", example)
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    published = json.loads((built_example / "events.json").read_text(encoding="utf-8"))["events"]
    extracted = [json.loads(line) for line in lines]
    strip = lambda e: {k: v for k, v in e.items() if k not in ("source", "sources", "url")}  # noqa: E731
    assert [strip(e) for e in extracted] == [strip(e) for e in published]
    assert [e["source"]["line"] for e in extracted] == [e["source"]["line"] for e in published]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert tarikh("build", "--no-such-flag") == 2
    assert tarikh("build", "--source", tmp_path / "missing") == 2
    assert tarikh("build", "--reference-date", "2015-02-30") == 2
    assert tarikh() == 2


def test_hijri_outside_umm_al_qura_is_said_unavailable(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "content/old.md": "---\ntitle: حدث قديم\ndate: 1900-05-01\n---\nنص.\n",
            "content/hijri.md": "---\ntitle: حدث هجري\ndate: ١٤٣٦-١٢-١٨ هـ\n---\nنص.\n",
        },
    )
    assert tarikh("build", "--source", site, "--quiet") == 0
    index = (site / "output/index.html").read_text(encoding="utf-8")
    assert "التاريخ الهجري غير متاح" in index
    events = json.loads((site / "output/events.json").read_text(encoding="utf-8"))["events"]
    hijri = [e["date"] for e in events if e["date"]["calendar"] == "hijri"]
    assert hijri == [
        {
            "gregorian": "2015-10-01",
            "hijri": "1436-12-18",
            "precision": "day",
            "basis": "explicit",
            "written": "١٤٣٦-١٢-١٨ هـ",
            "calendar": "hijri",
        }
    ]
    old = [e["date"] for e in events if e["date"]["gregorian"] == "1900-05-01"]
    assert old[0]["hijri"] is None


def test_a_symlink_out_of_static_is_not_published(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة السر\n", encoding="utf-8")
    site = write_site(tmp_path / "site", {"content/a.txt": NEWS, "static/ok.txt": "عام\n"})
    (site / "static/leak.txt").symlink_to(secret)
    assert tarikh("build", "--source", site, "--quiet") == 0
    assert (site / "output/static/ok.txt").is_file()
    assert not (site / "output/static/leak.txt").exists()


def test_a_released_model_is_freed_without_the_garbage_collector(example: Path) -> None:
    """The preview server releases each replaced model: refcounting alone must
    then free it, or old models wait for a full collection (issue 5, memory)."""
    builder = Builder(example, serving=True)
    kept = builder.build().model
    released = builder.build().model
    assert kept is not None and released is not None
    kept_ref = weakref.ref(kept.events[0])
    released_ref = weakref.ref(released.events[0])
    gc.disable()
    try:
        released.release()
        del kept, released
        assert released_ref() is None
        assert kept_ref() is not None  # without release(), its cycles keep it
    finally:
        gc.enable()


def test_long_builds_report_progress_and_logs_stay_clean(tmp_path: Path, capsys) -> None:
    lines = "".join(
        f"أعلنت وزارة الدفاع الروسية في {1 + i % 28} تشرين الأول 2015 البيان رقم {i}.\n"
        for i in range(600)
    )
    site = write_site(
        tmp_path / "site", {"content/news/a.txt": "---\ndate: 2015-11-01\n---\n" + lines}
    )
    calls: list[tuple[str, int, int]] = []
    result = Builder(site, progress=lambda *c: calls.append(c)).build()
    reading = [c for c in calls if c[0] == "reading"]
    rendering = [c for c in calls if c[0] == "rendering"]
    assert reading and all(total == 600 for _, _, total in reading)
    pages = sum(1 for p in result.files if p.endswith(".html"))
    assert rendering and all(total == pages for _, _, total in rendering)
    assert [d for _, d, _ in rendering] == sorted(d for _, d, _ in rendering)
    # Not a terminal (a CI log): the CLI draws no progress line.
    assert tarikh("build", "--source", site) == 0
    assert "rendering" not in capsys.readouterr().err


def test_a_symlinked_folder_in_output_is_not_written_through(tmp_path: Path) -> None:
    """Each folder is resolved once per write (write.safe_target); a folder
    of output/ that points out of it is refused, however the path is asked."""
    from generator.write import safe_target

    output, outside = tmp_path / "output", tmp_path / "outside"
    output.mkdir()
    outside.mkdir()
    (output / "events").symlink_to(outside)
    folders: dict[str, Path] = {}
    assert safe_target(output, "a/b/index.html", folders) == output.resolve() / "a/b/index.html"
    assert (output / "a/b").is_dir()  # made once, remembered
    for rel in ("events/x/index.html", "events/index.html", "../x.html", "/etc/x"):
        with pytest.raises(ValueError, match="outside the output directory"):
            safe_target(output, rel, folders)
        with pytest.raises(ValueError, match="outside the output directory"):
            safe_target(output, rel)
    assert not any(outside.iterdir())
