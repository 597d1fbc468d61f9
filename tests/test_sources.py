"""The scan of content/ (sources.py) finds exactly the files `Path.rglob` and the
old filters found, in their order, with one `scandir` a folder (issue 12)."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import write_site

from generator.load import Problems
from generator.sources import Sources, _files, _suffix

EVENT = "---\ntitle: {}\ndate: 2015-10-01\n---\n"
ACTOR = "---\nname: {}\n---\n"


def _rglob_files(content: Path) -> list[tuple[str, ...]]:
    """What the scan listed before: `rglob`, hidden parts out, files and links."""
    return [
        p.relative_to(content).parts
        for p in sorted(content.rglob("*"))
        if not any(part.startswith(".") for part in p.relative_to(content).parts)
        and (p.is_file() or p.is_symlink())
    ]


def test_the_walk_lists_what_rglob_listed_in_its_order(tmp_path: Path) -> None:
    content = tmp_path / "content"
    names = [
        "a-b.md",
        "a/b.md",
        "a.md",
        "a b/c.md",
        "A.md",
        "events/z.md",
        "events/sub/deep/y.md",
        "events/.hidden.md",
        ".git/x.md",
        "events/.drafts/x.md",
        "news/2015-10-01.txt",
        "نص/خبر.txt",
        "actors/ب.md",
        "actors/أ.md",
        "corrections.yaml",
    ]
    write_site(content, dict.fromkeys(names, "x"))
    (content / "events/link.md").symlink_to(content / "a.md")
    (content / "events/folder-link").symlink_to(content / "events/sub")
    (content / "dangling.md").symlink_to(tmp_path / "nothing.md")
    os.mkfifo(content / "pipe.md")
    assert [parts for parts, _ in _files(os.fspath(content))] == _rglob_files(content)


def test_suffix_is_paths() -> None:
    for name in ("a.md", "a.", ".md", "a.b.txt", "a", "..", "a..md", "خبر.txt"):
        assert _suffix(name) == Path(name).suffix, name


def test_links_hidden_files_and_order(tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text(EVENT.format("سر"), encoding="utf-8")
    site = write_site(
        tmp_path / "site",
        {
            "content/events/b.md": EVENT.format("ب"),
            "content/events/a.md": EVENT.format("أ"),
            "content/events/.draft.md": EVENT.format("مخفي"),
            "content/.trash/c.md": EVENT.format("محذوف"),
            "content/actors/z.md": ACTOR.format("زيد"),
            "content/actors/sub/y.md": ACTOR.format("ياسر"),
            "content/actors-b.md": EVENT.format("ليس فاعلا"),
        },
    )
    content = site / "content"
    (content / "events/inside.md").symlink_to(content / "events/a.md")
    (content / "events/outside.md").symlink_to(outside)
    (content / "events/dangling.md").symlink_to(tmp_path / "nothing.md")
    (content / "events/folder").symlink_to(content / "actors")
    problems = Problems()
    _, events, actors, _ = Sources(site).scan(problems)
    assert [e.file for e in events] == [
        "content/actors-b.md",
        "content/events/a.md",
        "content/events/b.md",
        "content/events/inside.md",
    ]
    assert [a.file for a in actors] == ["content/actors/sub/y.md", "content/actors/z.md"]
    errors = sorted(d.file for d in problems.items if d.level == "error")
    assert errors == ["content/events/dangling.md", "content/events/outside.md"]


def test_a_rescan_reads_only_what_changed(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {"content/events/a.md": EVENT.format("أ"), "content/events/b.md": EVENT.format("ب")},
    )
    sources = Sources(site)
    first = sources.scan(Problems())[1]
    for entry in sources._loaded.values():
        entry.racy = False  # as if read long after the files were written
    again = sources.scan(Problems())[1]
    assert [id(e) for e in again] == [id(e) for e in first]
    (site / "content/events/b.md").write_text(EVENT.format("ج"), encoding="utf-8")
    changed = sources.scan(Problems())[1]
    assert changed[0] is first[0] and changed[1].title == "ج"
    (site / "content/events/a.md").unlink()
    assert [e.title for e in sources.scan(Problems())[1]] == ["ج"]
    assert list(sources._loaded) == ["content/events/b.md"]
