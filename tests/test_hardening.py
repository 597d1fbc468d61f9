"""Issue 13: each failure found by trying tarikh as a new user and an attacker would."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.load import Problems, load_event, load_news, plain_text
from generator.write import MANIFEST
from tests.conftest import snapshot, tarikh, write_site

NEWS = "---\ndate: 2015-10-01\nsource: وكالة\n---\nأجرت وزارتا الدفاع الروسية والأمريكية الخميس 1 تشرين الأول محادثات.\n"


def _built(site: Path) -> tuple[list[dict], str]:
    events = json.loads((site / "output/events.json").read_text(encoding="utf-8"))["events"]
    pages = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in (site / "output").rglob("*")
        if p.suffix in (".html", ".xml", ".json")
    )
    return events, pages


def test_nul_and_control_characters_never_reach_the_site(tmp_path: Path, capsys) -> None:
    line = "أعلن\x00 الوزير\x07 في 1 تشرين الأول 2015\x1b[31m عن خطة\x85 جديدة.\n"
    site = write_site(tmp_path, {"content/a.txt": ("---\ndate: 2015-10-01\n---\n" + line).encode()})
    assert tarikh("build", "--source", site) == 0
    err = capsys.readouterr().err
    assert "content/a.txt:4: warning: removed control characters (U+0000, U+0007" in err
    events, pages = _built(site)
    assert events and "الوزير" in events[0]["text"]
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", pages)
    assert "\\u0000" not in pages and "&#0;" not in pages


def test_actor_files_differing_only_in_alef_form_or_case(tmp_path: Path, capsys) -> None:
    actor = "---\nname: {}\n---\n"
    site = write_site(
        tmp_path,
        {
            "content/a.txt": NEWS,
            "content/actors/أحمد-الشرع.md": actor.format("أحمد الشرع"),
            "content/actors/احمد-الشرع.md": actor.format("احمد الشرع"),
            "content/actors/Ali-Baba.md": actor.format("Ali Baba"),
            "content/actors/ali-baba.md": actor.format("ali baba"),
        },
    )
    assert tarikh("build", "--source", site, "--quiet") == 1
    err = capsys.readouterr().err
    assert re.search(r"content/actors/احمد-الشرع\.md: error: .*content/actors/أحمد-الشرع\.md", err)
    assert re.search(r"content/actors/ali-baba\.md: error: .*content/actors/Ali-Baba\.md", err)
    assert "alef" in err


@pytest.mark.parametrize(
    "text, plain",
    [
        ("<b onmouseover=alert(5)>أعلن</b> الوزير.", "أعلن الوزير."),
        ("قال <script>alert(1)</script>الوزير.", "قال الوزير."),
        ("&lt;img src=x onerror=alert(1)&gt;أعلن الوزير.", "أعلن الوزير."),
        ("السعر <5 دولارات & أكثر.", "السعر <5 دولارات & أكثر."),
        ("الوزير &amp; السفير.", "الوزير & السفير."),
    ],
)
def test_plain_text_takes_markup_out(text: str, plain: str) -> None:
    assert plain_text(text) == plain


def test_markup_in_wire_copy(tmp_path: Path) -> None:
    line = "<b onmouseover=alert(5)>أعلن</b> وزير الخارجية الخميس 1 تشرين الأول عن خطة."
    site = write_site(tmp_path, {"content/a.txt": "---\ndate: 2015-10-01\n---\n" + line + "\n"})
    assert tarikh("build", "--source", site, "--quiet") == 0
    events, pages = _built(site)
    [event] = events
    assert event["text"].startswith("أعلن وزير الخارجية")
    assert "<" not in json.dumps(events, ensure_ascii=False)
    assert "onmouseover" not in event["id"] and "onmouseover" not in pages
    assert "&lt;b" not in pages  # readers see the text, not escaped tags


def test_bad_date_in_front_matter_names_its_line_and_field(tmp_path: Path) -> None:
    for name, date, wanted in [
        ("a.md", "2015-13-01", "'date': date 2015-13-01 does not exist"),
        ("b.md", "2015-02-30", "'date': date 2015-02-30 does not exist"),
        ("c.md", "1436-13-01 هـ", "'date': Hijri date 1436-13-01 هـ"),
    ]:
        path = tmp_path / name
        path.write_text(f"---\ntitle: حدث\ndate: {date}\n---\nنص.\n", encoding="utf-8")
        problems = Problems()
        assert load_event(path, name, problems) is None
        [d] = problems.items
        assert (d.file, d.line, d.level) == (name, 3, "error")
        assert d.message.startswith(wanted), d.message
    path = tmp_path / "n.txt"
    path.write_text("---\nsource: وكالة\ndate: 2015-02-30\n---\nخبر.\n", encoding="utf-8")
    problems = Problems()
    assert load_news(path, "n.txt", problems) is None
    assert [(d.line, d.message[:7]) for d in problems.items] == [(3, "'date':")]
    path.write_text("---\ntitle: x\nend_date: 2015-02-30\ndate: 2015\n---\n", encoding="utf-8")
    problems = Problems()
    assert load_event(path, "n.md", problems) is None
    assert [(d.line, d.message[:11]) for d in problems.items] == [(3, "'end_date':")]


def test_build_in_a_directory_that_is_not_a_site(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("x\n", encoding="utf-8")
    assert tarikh("build", "--source", tmp_path) == 2
    assert tarikh("serve", "--source", tmp_path) == 2
    err = capsys.readouterr().err
    assert "is not a tarikh site (it has neither site.toml nor content/)" in err
    assert "tarikh new" in err
    assert not (tmp_path / "output").exists()
    (tmp_path / "site.toml").write_text('title = "x"\n', encoding="utf-8")
    assert tarikh("build", "--source", tmp_path, "--quiet") == 0  # site.toml alone: a site


def test_windows_1256_is_named_with_a_conversion_command(tmp_path: Path, capsys) -> None:
    site = write_site(
        tmp_path,
        {
            "content/good.txt": NEWS,
            "content/win.txt": "خبر أول.\nأعلن الوزير عن خطة.\n".encode("cp1256"),
            "content/utf16.txt": "\ufeffخبر.\n".encode("utf-16-le"),
            "content/latin.txt": b"caf\xe9 au lait.\n",
        },
    )
    assert tarikh("build", "--source", site, "--quiet") == 1
    err = capsys.readouterr().err
    assert re.search(
        r"content/win\.txt:1: error: not valid UTF-8: byte 0x[0-9a-f]{2} at offset 0; it looks "
        r"like Windows Arabic \(Windows-1256\)\. Convert it: iconv -f WINDOWS-1256 -t UTF-8 "
        r"content/win\.txt",
        err,
    )
    assert (
        "content/utf16.txt:1: error: not valid UTF-8: byte 0xff at offset 0; the file is UTF-16"
        in err
    )
    assert (
        "content/latin.txt:1: error: not valid UTF-8: byte 0xe9 at offset 3; save it as UTF-8"
        in err
    )
    assert len(_built(site)[0]) == 1  # the rest is published


def test_an_unreadable_news_file_is_an_error(tmp_path: Path, capsys, monkeypatch) -> None:
    site = write_site(tmp_path, {"content/good.txt": NEWS, "content/locked.txt": NEWS})
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert tarikh("build", "--source", site, "--quiet") == 1
    assert "content/locked.txt: error: cannot read: Permission denied" in capsys.readouterr().err
    assert len(_built(site)[0]) == 1


def test_a_corrupt_manifest_is_reported_and_nothing_unknown_is_removed(
    tmp_path: Path, capsys
) -> None:
    site = write_site(
        tmp_path, {"content/a.txt": NEWS, "content/b.txt": NEWS.replace("1 ت", "2 ت")}
    )
    assert tarikh("build", "--source", site, "--quiet") == 0
    (site / "output/mine.html").write_text("hand-placed", encoding="utf-8")
    for corrupt in (b"{not json", b'{"files": [1, 2]}', b"\xff\xfe", b'"files"'):
        (site / "output" / MANIFEST).write_bytes(corrupt)
        capsys.readouterr()
        assert tarikh("build", "--source", site, "--quiet") == 0
        err = capsys.readouterr().err
        assert f"output/{MANIFEST}: warning: the record of what tarikh wrote is corrupt" in err
        assert (site / "output/mine.html").read_text(encoding="utf-8") == "hand-placed"
        json.loads((site / "output" / MANIFEST).read_text(encoding="utf-8"))  # whole again
    (site / "content/b.txt").unlink()
    before = set(snapshot(site / "output"))
    assert tarikh("build", "--source", site, "--quiet") == 0  # the record is back: stale pages go
    after = set(snapshot(site / "output"))
    assert "mine.html" in after and len(after) < len(before)


def test_output_or_new_site_under_a_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    site = write_site(tmp_path / "site", {"content/a.txt": NEWS})
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert tarikh("build", "--source", site, "--output", tmp_path / "file") == 2
    assert tarikh("build", "--source", site, "--output", tmp_path / "file/out") == 2
    assert tarikh("new", tmp_path / "file") == 2
    assert tarikh("new", tmp_path / "file/site") == 2
    assert tarikh("build", "--source", site, "--output", site) == 2
    assert tarikh("build", "--source", site, "--output", tmp_path) == 2
    assert tarikh("build", "--source", site, "--output", site / "content/out") == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"--output: {tmp_path / 'file'} is a file, not a directory" in err
    assert f"{tmp_path / 'file/site'} is under {tmp_path / 'file'}, which is a file" in err
    assert "is the site directory or holds it" in err and "is inside content/" in err
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"
    assert not (site / "output").exists()


def test_verbose_gives_the_traceback_back(tmp_path: Path, capsys) -> None:
    site = write_site(
        tmp_path,
        {
            "content/a.txt": NEWS,
            "templates/event.html": "{% extends 'base.html' %}{% block main %}{{ 1 / 0 }}{% endblock %}",
        },
    )
    assert tarikh("build", "--source", site) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "--verbose" in err
    assert tarikh("build", "--source", site, "--verbose") == 2
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "ZeroDivisionError" in err


def test_verbose_preview_logs_the_traceback(tmp_path: Path) -> None:
    from generator.build import Builder
    from generator.preview.serve import Preview

    site = write_site(
        tmp_path,
        {"content/a.txt": NEWS, "templates/event.html": "{{ 1 / 0 }}"},
    )
    lines: list[str] = []
    preview = Preview(Builder(site, serving=True), log=lines.append)
    preview.rebuild(None)
    assert not any("Traceback" in line for line in lines)
    preview.verbose = True
    preview.rebuild(None)
    assert any("ZeroDivisionError" in line and "Traceback" in line for line in lines)


def test_the_overlay_speaks_arabic(tmp_path: Path) -> None:
    from generator.build import Builder
    from generator.preview.livereload import overlay_html
    from generator.preview.serve import Preview

    site = write_site(
        tmp_path,
        {
            "content/a.txt": NEWS,
            "content/e.md": "---\ntitle: حدث\ndate: 2015-02-30\n---\nنص.\n",
            "content/w.txt": "خبر.\n".encode("cp1256"),
        },
    )
    preview = Preview(Builder(site, serving=True), log=lambda line: None)
    preview.rebuild(None)
    shown = preview.state()["problems"]
    assert shown["title"] == "أخطاء في المحتوى"
    by_file = {e["file"]: e for e in shown["errors"]}
    assert by_file["content/e.md"]["line"] == 3
    assert (
        by_file["content/e.md"]["message"]
        == "الحقل «date»: التاريخ 2015-02-30 غير موجود في التقويم."
    )
    assert by_file["content/e.md"]["original"] == "'date': date 2015-02-30 does not exist"
    assert "ويندوز العربي (Windows-1256)" in by_file["content/w.txt"]["message"]
    assert "iconv -f WINDOWS-1256 -t UTF-8 content/w.txt" in by_file["content/w.txt"]["message"]
    page = overlay_html(preview.snapshot)
    assert "غير موجود في التقويم" in page and "day is out of range" not in page


def test_the_message_catalogue_is_whole() -> None:
    import string

    from generator.messages import arabic, catalogue

    entries = catalogue()
    assert len({e.en for e in entries}) == len(entries), "an English template twice"
    for entry in entries:
        names = {n for _, n, _, _ in string.Formatter().parse(entry.en) if n}
        used = {n for _, n, _, _ in string.Formatter().parse(entry.ar) if n}
        assert used <= names, entry.en
        assert any("\u0600" <= c <= "\u06ff" for c in entry.ar), entry.en
        sample = entry.en.format(**{n: f"X{n}" for n in names})
        assert arabic(sample) is not None, entry.en  # no earlier entry hides it
    assert arabic("something tarikh never says") is None


def test_each_configuration_problem_is_said_in_arabic() -> None:
    """site.toml's problems come as one message, a line each: the overlay
    translates every line, not only the heading."""
    from generator.config import parse_config
    from generator.errors import ConfigError
    from generator.messages import for_editor

    bad = {
        "titel": "x",
        "page_size": -1,
        "base_url": "ftp://x",
        "knowledge": "yes",
        "country": "EGG",
        "digits": "roman",
        "description": 3,
        "hijri_adjust": 7,
        "reference_date": "أمس",
    }
    with pytest.raises(ConfigError) as raised:
        parse_config(bad)
    english = raised.value.message
    shown = for_editor(english).split("\n")
    assert shown[0] == "إعدادات الموقع غير صالحة:"
    assert len(shown) == len(english.split("\n")) == 10
    for line in shown[1:]:
        assert any("\u0600" <= c <= "\u06ff" for c in line), line
        assert "expected" not in line and "unknown key" not in line, line
    assert "  المفتاح 'titel' غير معروف؛ هل تقصد 'title'؟" in shown


def test_tabs_that_share_a_stream_ask_for_the_state(tmp_path: Path) -> None:
    import http.client

    from generator.build import Builder
    from generator.preview.httpd import PreviewServer
    from generator.preview.serve import Preview

    site = write_site(tmp_path, {"content/a.txt": NEWS})
    preview = Preview(Builder(site, serving=True), log=lambda line: None)
    preview.rebuild(None)
    server = PreviewServer(preview, port=0)
    thread = server.start_in_thread()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        conn.request("GET", "/__tarikh/state")
        response = conn.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type") == "application/json; charset=utf-8"
        state = json.loads(response.read())
        assert state == {
            "instance": preview.instance,
            "build": preview.snapshot.build,
            "problems": preview.snapshot.errors_json(),
        }
        conn.close()
    finally:
        server.shutdown()
        server.close()
        thread.join(10)


def test_zwnj_is_kept_in_display_text_and_never_in_slugs() -> None:
    from generator.arabic.normalize import clean, slugify

    word = "می\u200cخواهد"
    assert clean(f"\u200c{word}\u200c \u202e") == word  # inside a word only
    assert "\u200c" not in slugify(word) and slugify(word) == "میخواهد"
