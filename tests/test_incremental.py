"""Incremental builds: an edit re-renders exactly what depends on it, and the
result is byte-identical to a clean build (Hugo's rebuild_test, Lektor's
"second build builds nothing")."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from conftest import write_site

from generator.build import Builder
from generator.cache import Journal

NEWS_A = (
    "---\ndate: 2015-10-01\n---\n"
    "أعلن الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول بدء العملية.\n"
    "قال وزير الخارجية المصري سامح شكري إن الحل سياسي.\n"
)
NEWS_B = "---\ndate: 2015-09-30\n---\nوافق مجلس الاتحاد الروسي الأربعاء 30 أيلول على الطلب.\n"
ACTOR = "---\nname: فلاديمير بوتين\naliases: [بوتين]\nkind: person\n---\nرئيس روسيا.\n"


def _site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {
            "content/news/a.txt": NEWS_A,
            "content/news/b.txt": NEWS_B,
            "content/actors/فلاديمير-بوتين.md": ACTOR,
        },
    )


def test_second_build_builds_nothing(tmp_path: Path) -> None:
    builder = Builder(_site(tmp_path), serving=True)
    first = builder.build()
    assert first.rendered and not first.errors
    second = builder.build()
    assert second.rendered == set() and second.changed == set()
    assert second.files == first.files


def test_second_cli_build_renders_nothing_from_the_manifest(tmp_path: Path) -> None:
    site = _site(tmp_path)
    first = Builder(site)
    first.write(first.build())
    again = Builder(site)  # a fresh process: only output/ and its manifest remain
    result = again.build()
    assert result.rendered == set()
    assert again.write(result) == (0, 0)


def test_editing_one_news_file_renders_exactly_its_pages(tmp_path: Path) -> None:
    site = _site(tmp_path)
    builder = Builder(site, serving=True)
    first = builder.build()
    edited = NEWS_B.replace("على الطلب", "على الطلب الرسمي")
    (site / "content/news/b.txt").write_text(edited, encoding="utf-8")
    result = builder.build({site / "content/news/b.txt"})
    model = result.model
    [event] = [e for e in model.events if e.sources[0].file == "content/news/b.txt"]
    expected = {
        "index.html",
        f"events/{event.id}/index.html",
        "stories/b/index.html",
        *(f"{p.actor.path}index.html" for p in event.actors),
        *(f"{t.path}index.html" for t in event.places),
        # ... and the widgets that show it: the timeline's, its actors', its places'
        "embed/index.html",
        *(f"embed/{p.actor.path}index.html" for p in event.actors),
        *(f"embed/{t.path}index.html" for t in event.places),
    }  # the actors and places indexes show counts only, which did not change
    assert result.rendered == expected
    # The other story's pages were not touched.
    assert "stories/a/index.html" not in result.rendered
    # Gone: the edited event's old page, and the search index's files, whose
    # names are digests of what they hold (a changed text is a new file).
    assert set(first.files) - set(result.files) == {
        p for p in first.files if p.startswith(("events/", "pagefind/")) and p not in result.files
    }


def test_a_partial_re_renders_the_pages_that_use_it(tmp_path: Path) -> None:
    site = _site(tmp_path)
    builder = Builder(site, serving=True)
    first = builder.build()
    write_site(site, {"templates/404.html": "<p>غير موجودة</p>\n"})
    result = builder.build()
    assert result.rendered == {"404.html"}
    assert result.files["404.html"] == "<p>غير موجودة</p>\n".encode()
    assert len(first.rendered) > 5


def test_the_card_partial_re_renders_every_listing_and_nothing_else(tmp_path: Path) -> None:
    """Cards are rendered through the card() global, not an include: their
    pages must still follow the partial (and the card cache must let go)."""
    site = _site(tmp_path)
    builder = Builder(site, serving=True)
    first = builder.build()
    card = (
        '<article class="card" id="e-{{ event.slug }}">{{ event.title }} ({{ heading }})</article>'
    )
    write_site(site, {"templates/partials/event-card.html": card + "\n"})
    result = builder.build()
    listings = {
        p
        for p in first.files
        if p.endswith(".html") and p.startswith(("index", "actors/", "places/", "stories/"))
    } - {"actors/index.html", "places/index.html"}
    assert result.rendered == listings
    assert "(3)</article>" in result.files["stories/a/index.html"].decode()
    assert result.files == Builder(site, serving=True).build().files


def test_site_toml_re_renders_everything(tmp_path: Path) -> None:
    site = _site(tmp_path)
    builder = Builder(site, serving=True)
    first = builder.build()
    (site / "site.toml").write_text('digits = "arab"\n', encoding="utf-8")
    result = builder.build({site / "site.toml"})
    html_pages = {p for p in first.files if p.endswith(".html")}
    assert result.rendered == html_pages
    assert "١٤٣٦" in result.files["index.html"].decode()


def test_random_edits_stay_byte_identical_to_a_clean_build(tmp_path: Path) -> None:
    site = _site(tmp_path)
    rng = random.Random(20151001)
    builder = Builder(site, serving=True)
    builder.build()
    sentences = [
        "أكد الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول دعم الحل السياسي.",
        "التقى وزير الخارجية المصري سامح شكري نظيره الروسي في موسكو.",
        "أعلنت وزارة الدفاع الروسية الأربعاء 30 أيلول بدء الضربات.",
        "قال بوتين إن العملية محدودة.",
    ]
    for step in range(12):
        target = site / "content/news" / rng.choice(["a.txt", "b.txt", "c.txt"])
        action = rng.choice(["append", "rewrite", "delete", "actor"])
        if action == "delete" and target.exists():
            target.unlink()
        elif action == "actor":
            aliases = rng.choice(["[بوتين]", "[بوتين, الرئيس بوتين]"])
            (site / "content/actors/فلاديمير-بوتين.md").write_text(
                ACTOR.replace("[بوتين]", aliases), encoding="utf-8"
            )
        else:
            head = f"---\ndate: 2015-10-0{rng.randint(1, 5)}\n---\n"
            body = "".join(rng.choice(sentences) + "\n" for _ in range(rng.randint(1, 3)))
            if action == "append" and target.exists():
                body = target.read_text(encoding="utf-8").split("---\n", 2)[-1] + body
            target.write_text(head + body, encoding="utf-8")
        incremental = builder.build({target})
        clean = Builder(site, serving=True).build()
        assert incremental.files == clean.files, f"step {step}: {action} {target.name}"


def _tree(output: Path) -> dict[str, bytes]:
    return {
        p.relative_to(output).as_posix(): p.read_bytes()
        for p in sorted(output.rglob("*"))
        if p.is_file()
    }


def test_edits_across_processes_save_updates_and_stay_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each `tarikh build` after an edit saves the cache's large entries as
    updates of the last (cache.Journal), and the next one starts from the
    base with its updates applied; a damaged update only ends the chain
    there (the record then names an older output, and nothing of it is
    reused that should not be). Every build equals a clean one."""
    monkeypatch.setattr(Journal, "SMALL", 100.0)  # a small site's edit is a large change
    site = _site(tmp_path)
    cache = site / ".tarikh-cache"
    first = Builder(site)
    first.write(first.build())
    for step, line in enumerate(
        [
            "قال بوتين إن العملية محدودة.",
            "التقى وزير الخارجية المصري سامح شكري نظيره الروسي في موسكو.",
            "أكد الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول دعم الحل السياسي.",
        ],
        1,
    ):
        news = site / "content/news/a.txt"
        news.write_text(news.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
        if step == 3:  # the last update is damaged: the chain ends before it
            update = cache / "pages+2.bin"
            update.write_bytes(update.read_bytes()[:-5])
        builder = Builder(site)
        result = builder.build()
        assert (len(result.rendered) < result.summary["pages"]) == (step < 3)
        builder.write(result)
        assert (cache / f"pages+{min(step, 2)}.bin").is_file()
        assert (cache / f"sources+{min(step, 2)}.bin").is_file()
        fresh = tmp_path / f"clean{step}"  # a copy: one cache holds one output's record
        shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("output", ".tarikh-cache"))
        clean = Builder(fresh)
        clean.write(clean.build())
        assert _tree(site / "output") == _tree(fresh / "output"), f"step {step}"
