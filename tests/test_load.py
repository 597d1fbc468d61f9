"""Bad input gets one clear line naming file and line, and never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.load import (
    Problems,
    load_actor,
    load_event,
    load_news,
    parse_date,
    render_markdown,
)
from generator.load_text import MAX_FILE_BYTES


def _news(tmp_path: Path, data: bytes) -> tuple[object, Problems]:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    problems = Problems()
    return load_news(path, "content/a.txt", problems), problems


def test_headline_and_physical_line_numbers(tmp_path: Path) -> None:
    text = "---\ndate: 2015-10-01\nsource: وكالة\n---\nعنوان بلا نقطة\nخبر أول.\n\nخبر ثان.\n"
    news, problems = _news(tmp_path, text.encode())
    assert not problems.items
    assert news.title == "عنوان بلا نقطة"
    assert news.date == dt.date(2015, 10, 1)
    assert [(i.text, i.line) for i in news.items] == [("خبر أول.", 6), ("خبر ثان.", 8)]


def test_crlf_lone_cr_bom_and_bidi_controls(tmp_path: Path) -> None:
    data = "\ufeffخبر أول.\r\nخبر\u202e ثان.\rخبر ثالث.\n".encode()
    news, problems = _news(tmp_path, data)
    [d] = problems.items  # the bidi override is removed, with a warning naming its line
    assert (d.line, d.level) == (2, "warning") and "U+202E" in d.message
    assert [(i.text, i.line) for i in news.items] == [
        ("خبر أول.", 1),
        ("خبر ثان.", 2),
        ("خبر ثالث.", 3),
    ]


def test_broken_utf8_names_the_line(tmp_path: Path) -> None:
    news, problems = _news(tmp_path, "خبر.\nخبر".encode() + b"\xff\xfe" + b".\n")
    assert news is None
    [d] = problems.items
    assert (d.file, d.line, d.level) == ("content/a.txt", 2, "error")
    assert "UTF-8" in d.message


def test_malformed_front_matter_names_the_line(tmp_path: Path) -> None:
    news, problems = _news(
        tmp_path, "---\ndate: 2015-10-01\ntitle: [unclosed\n---\nخبر.\n".encode()
    )
    assert news is None
    [d] = problems.items
    assert d.file == "content/a.txt" and d.line in (3, 4) and "malformed YAML" in d.message


def test_unclosed_front_matter(tmp_path: Path) -> None:
    news, problems = _news(tmp_path, "---\ndate: 2015-10-01\nخبر.\n".encode())
    assert news is None and "never closed" in problems.items[0].message


def test_impossible_date_in_front_matter(tmp_path: Path) -> None:
    news, problems = _news(tmp_path, b"---\ndate: 2015-02-30\n---\nx.\n")
    assert news is None
    assert (
        "2015-02-30" in problems.items[0].message
        or "day is out of range" in problems.items[0].message
    )


def test_alias_bomb_and_duplicate_keys_are_refused(tmp_path: Path) -> None:
    bomb = "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\nخبر.\n"
    news, problems = _news(tmp_path, bomb.encode())
    assert news is None and "aliases" in problems.items[0].message
    dup = "---\ndate: 2015-10-01\ndate: 2016-10-01\n---\nخبر.\n"
    news, problems = _news(tmp_path, dup.encode())
    assert news is None and "duplicate key 'date'" in problems.items[0].message
    assert problems.items[0].line == 3


def test_yaml_no_is_not_false(tmp_path: Path) -> None:
    news, problems = _news(tmp_path, "---\ntitle: no\n---\nخبر.\n".encode())
    assert news.title == "False"
    assert any("quote it" in d.message for d in problems.items)


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    problems = Problems()
    assert load_news(path, "content/big.txt", problems) is None
    assert "limit" in problems.items[0].message


def test_markdown_is_sanitised() -> None:
    html = render_markdown(
        "<script>alert(1)</script>\n\n[x](JaVaScRiPt&colon;alert(1)) [y](https://ok.example/)"
        "\n\n<img src=x onerror=alert(1)>"
    )
    assert "<script" not in html and "onerror" not in html
    assert "javascript" not in html.lower().replace("&colon;", ":")
    assert 'href="https://ok.example/"' in html


def test_parse_date_forms() -> None:
    assert parse_date("2015-10") == (dt.date(2015, 10, 1), "month", "gregorian", "2015-10")
    assert parse_date(2015) == (dt.date(2015, 1, 1), "year", "gregorian", "2015")
    assert parse_date("1436-12-17 هـ")[0] == dt.date(2015, 9, 30)
    assert parse_date("١٤٣٦-١٢-١٨ هـ")[0] == dt.date(2015, 10, 1)
    assert isinstance(parse_date("1436-13-01 هـ"), str)
    assert isinstance(parse_date("2015-02-30"), str)
    assert isinstance(parse_date("30 شباط"), str)


def test_event_file_needs_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "e.md"
    path.write_text("---\ntitle: حدث\n---\nنص.\n", encoding="utf-8")
    problems = Problems()
    assert load_event(path, "content/e.md", problems) is None
    assert "date" in problems.items[0].message


def test_actor_roles(tmp_path: Path) -> None:
    path = tmp_path / "سيرغي-لافروف.md"
    path.write_text(
        "---\nname: سيرغي لافروف\naliases: [لافروف]\nkind: person\nroles:\n"
        "  - title: وزير الخارجية الروسي\n    from: 2004-03-09\n    to: null\n---\nدبلوماسي.\n",
        encoding="utf-8",
    )
    problems = Problems()
    actor = load_actor(path, "content/actors/x.md", problems)
    assert not problems.items
    assert actor.entry.slug == "سيرغي-لافروف"
    assert actor.entry.roles[0].title == "وزير الخارجية الروسي"
    assert actor.entry.roles[0].start == dt.date(2004, 3, 9)
    assert "<p>دبلوماسي.</p>" in actor.bio_html


def test_an_event_file_carries_what_the_model_makes_of_it(tmp_path: Path) -> None:
    """The date parses, the title's part of the id and the tags' slugs are worked
    out once by the load stage (kept with the parse, by the file's bytes)."""
    from generator.arabic.normalize import slugify
    from generator.model_objects import text_id

    path = tmp_path / "e.md"
    path.write_text(
        "---\ntitle: «حدث» كبير\ndate: 1436-12-17 هـ\nend_date: 2015-10\n"
        "tags: [اقتصاد, '!!', سياسة دولية]\n---\nنص.\n",
        encoding="utf-8",
    )
    event = load_event(path, "content/e.md", Problems())
    assert event is not None
    assert event.when == parse_date(event.date) and event.until == parse_date(event.end_date)
    assert event.title_id == text_id(event.title)
    assert event.tag_slugs == tuple((slugify(t), t) for t in event.tags if slugify(t))
    assert [name for _, name in event.tag_slugs] == ["اقتصاد", "سياسة دولية"]
    path.write_text("---\ntitle: حدث\ndate:\n---\n", encoding="utf-8")
    empty = load_event(path, "content/e.md", Problems())
    assert empty is not None and isinstance(empty.when, str) and empty.until is None
