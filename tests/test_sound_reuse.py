"""Reuse is sound: a page is reused only when nothing it could read changed.

Each test builds a site with `tarikh build` in a separate process, edits it,
builds again in another process (with the cache and output/ of the first),
and compares output/ byte for byte with a clean build of the edited site in a
fresh directory. The site's own templates read across objects (an actor's
events from an event page, an event's actors from an actor page, a story's
events from a card), which no hand-picked fingerprint covers (issue 12).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, snapshot, write_site

LAVROV = (
    "---\nname: سيرغي لافروف\naliases: [لافروف]\nkind: person\n"
    "roles:\n  - title: وزير الخارجية الروسي\n    from: 2004-03-09\n---\nوزير.\n"
)
PUTIN = "---\nname: فلاديمير بوتين\naliases: [بوتين]\nkind: person\n---\nرئيس.\n"
STORY_A = (
    "---\ndate: 2015-10-01\nsource: وكالة أ\n---\n"
    "التقى لافروف نظيره الأمريكي في نيويورك الخميس 1 تشرين الأول.\n"
    "أعلن بوتين الخميس 1 تشرين الأول بدء العملية الجوية في سورية.\n"
)
STORY_B = (
    "---\ndate: 2015-10-05\nsource: وكالة ب\n---\n"
    "قال لافروف الاثنين 5 تشرين الأول إن موسكو مستعدة للحوار.\n"
)
# Templates that read across objects.
EVENT_HTML = """<!doctype html><title>{{ event.title }}</title>
{% for p in event.actors %}<p>{{ p.actor.name }}: {{ p.actor.events|length }} أحداث
{% for e in p.actor.events %}<a href="{{ url(e.path) }}">{{ e.title }}</a>{% endfor %}
{{ p.actor.aliases|join("، ") }}</p>{% endfor %}
{% if event.story %}{{ event.story.events|length }} في الخبر{% endif %}
"""
ACTOR_HTML = """<!doctype html><title>{{ actor.name }}</title>
{{ shared("partials/count.html", who=actor) }}
{% for e in events %}<li>{{ e.title }}: {% for p in e.actors %}{{ p.actor.name }}
({{ p.actor.events|length }}) {% endfor %}{{ card(e) }}</li>{% endfor %}
"""
# Drawn once and shown on many pages (generator/fragments.py), reading across objects.
COUNT_HTML = """<p>{{ who.name }}: {{ who.events|length }} أحداث
{% if who.events %}، أولها {{ who.events[0].title }}{% endif %}</p>
"""
CARD_HTML = """<article>{{ event.title }} · {% if event.story %}{{ event.story.title }}
({{ event.story.events|length }}){% endif %}
{% for p in event.actors %}{{ p.actor.name }}={{ p.actor.events|map(attribute="id")|join(",") }}
{% endfor %}</article>
"""


def _site(root: Path) -> Path:
    return write_site(
        root,
        {
            "site.toml": 'title = "اختبار"\nreference_date = 2015-10-01\n',
            "content/actors/سيرغي-لافروف.md": LAVROV,
            "content/actors/فلاديمير-بوتين.md": PUTIN,
            "content/news/a.txt": STORY_A,
            "templates/event.html": EVENT_HTML,
            "templates/actor.html": ACTOR_HTML,
            "templates/partials/event-card.html": CARD_HTML,
            "templates/partials/count.html": COUNT_HTML,
        },
    )


def _build(site: Path, *args: str) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1443657600", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--source", str(site), "--quiet", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr


def _clean(site: Path, tmp: Path) -> dict[str, bytes]:
    fresh = tmp / f"clean-{len(list(tmp.iterdir()))}"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("output", ".tarikh-cache"))
    _build(fresh)
    return _published(fresh)


def _published(site: Path) -> dict[str, bytes]:
    return {p: b for p, b in snapshot(site / "output").items() if not p.startswith(".tarikh")}


def _same_as_clean(site: Path, tmp: Path) -> None:
    _build(site)
    cached, clean = _published(site), _clean(site, tmp)
    assert sorted(cached) == sorted(clean)
    stale = [p for p in clean if cached[p] != clean[p]]
    assert not stale, f"pages reused stale: {stale[:5]}"


def test_a_new_story_updates_older_event_pages_that_count_an_actors_events(
    tmp_path: Path,
) -> None:
    """The issue's example: Lavrov's older event page must say 2 once a story
    that names him is added, as a clean build does."""
    site = _site(tmp_path / "site")
    _build(site)
    assert (site / ".tarikh-cache/.gitignore").is_file()
    (site / "content/news/b.txt").write_text(STORY_B, encoding="utf-8")
    _build(site)
    pages = [
        p.read_text(encoding="utf-8")
        for p in (site / "output/events").glob("*/index.html")
        if "<title>التقى لافروف" in p.read_text(encoding="utf-8")
    ]
    assert len(pages) == 1 and "سيرغي لافروف: 2 أحداث" in pages[0]
    _same_as_clean(site, tmp_path)


@pytest.mark.parametrize(
    "edit",
    ["new story", "appended line", "alias", "removal", "template", "config"],
)
def test_each_kind_of_edit_matches_a_clean_build(tmp_path: Path, edit: str) -> None:
    site = _site(tmp_path / "site")
    (site / "content/news/b.txt").write_text(STORY_B, encoding="utf-8")
    _build(site)
    news_a = site / "content/news/a.txt"
    if edit == "new story":
        text = "---\ndate: 2015-10-07\n---\nاتصل بوتين بلافروف الأربعاء 7 تشرين الأول.\n"
        (site / "content/news/c.txt").write_text(text, encoding="utf-8")
    elif edit == "appended line":
        with news_a.open("a", encoding="utf-8") as f:
            f.write("وقال بوتين الجمعة 2 تشرين الأول إن العملية محدودة.\n")
    elif edit == "alias":
        actor = site / "content/actors/فلاديمير-بوتين.md"
        actor.write_text(PUTIN.replace("[بوتين]", "[بوتين, الرئيس بوتين]"), encoding="utf-8")
    elif edit == "removal":
        (site / "content/news/b.txt").unlink()
    elif edit == "template":
        card = site / "templates/partials/event-card.html"
        card.write_text(CARD_HTML.replace("<article>", "<article class=x>"), encoding="utf-8")
    else:
        (site / "site.toml").write_text(
            'title = "اختبار آخر"\nreference_date = 2015-10-01\ndigits = "arab"\n',
            encoding="utf-8",
        )
    _same_as_clean(site, tmp_path)


LINES = [
    "التقى لافروف وزير الخارجية السعودي في موسكو الثلاثاء 6 تشرين الأول.",
    "أكد بوتين الأربعاء 7 تشرين الأول أن الضربات ستستمر.",
    "قال وزير الخارجية الروسي السبت 10 تشرين الأول إن الحل سياسي.",
    "اجتمع بوتين ولافروف الأحد 11 تشرين الأول في الكرملين.",
    "أعلنت وزارة الدفاع الروسية الخميس 8 تشرين الأول تدمير مواقع.",
]


def test_random_edit_sequences_match_a_clean_build_after_every_step(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    rng = random.Random(12)
    _build(site)
    for step in range(6):
        news = sorted((site / "content/news").glob("*.txt"))
        kind = rng.choice(["add", "append", "drop line", "remove", "alias", "md"])
        if kind == "add" or not news:
            line = rng.choice(LINES)
            body = f"---\ndate: 2015-10-{rng.randint(1, 9):02d}\n---\n{line}\n"
            (site / f"content/news/n{step}.txt").write_text(body, encoding="utf-8")
        elif kind == "append":
            with rng.choice(news).open("a", encoding="utf-8") as f:
                f.write(rng.choice(LINES) + "\n")
        elif kind == "drop line":
            target = rng.choice(news)
            lines = target.read_text(encoding="utf-8").splitlines()
            if len(lines) > 4:
                del lines[-1]
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        elif kind == "remove":
            rng.choice(news).unlink()
        elif kind == "alias":
            actor = site / "content/actors/سيرغي-لافروف.md"
            alias = rng.choice(["سيرجي لافروف", "الوزير لافروف", "لافروف"])
            actor.write_text(LAVROV.replace("[لافروف]", f"[لافروف, {alias}]"), encoding="utf-8")
        else:
            event = (
                "---\ntitle: لقاء في موسكو\ndate: 2015-10-0" + str(rng.randint(1, 9)) + "\n"
                f"actors: [{rng.choice(['سيرغي لافروف', 'فلاديمير بوتين'])}]\n---\nنص.\n"
            )
            (site / "content/events").mkdir(exist_ok=True)
            (site / "content/events/x.md").write_text(event, encoding="utf-8")
        _same_as_clean(site, tmp_path)


def _cache_file(site: Path) -> Path:
    [entry] = [p for p in (site / ".tarikh-cache").glob("*.bin") if p.name == "pages.bin"]
    return entry


@pytest.mark.parametrize("damage", ["corrupt", "truncated", "older version", "deleted"])
def test_a_damaged_or_stale_cache_is_rebuilt_never_used(tmp_path: Path, damage: str) -> None:
    """The cache's record says what each page read; a bad record must not let a
    page that changed be reused. The edit here changes what Lavrov's older
    event page shows, so a cache that were trusted would leave it stale."""
    site = _site(tmp_path / "site")
    _build(site)
    entry = _cache_file(site)
    raw = entry.read_bytes()
    if damage == "corrupt":
        middle = len(raw) // 2
        entry.write_bytes(raw[:middle] + bytes([raw[middle] ^ 0xFF]) + raw[middle + 1 :])
    elif damage == "truncated":
        entry.write_bytes(raw[: len(raw) // 3])
    elif damage == "older version":
        entry.write_bytes(raw.replace(b"tarikh-cache 1\n", b"tarikh-cache 0\n", 1))
    else:
        shutil.rmtree(site / ".tarikh-cache")
    (site / "content/news/b.txt").write_text(STORY_B, encoding="utf-8")
    _same_as_clean(site, tmp_path)


def test_the_cache_loads_only_tarikhs_own_types(tmp_path: Path) -> None:
    """A planted cache file with a valid checksum cannot run code when loaded."""
    import hashlib
    import pickle

    from generator import cache

    class Boom:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, ("touch " + str(tmp_path / "pwned"),))

    store = cache.DiskCache(tmp_path)
    assert store.save("pages", "k", {"fine": 1})
    assert store.load("pages", "k") == {"fine": 1}
    payload = pickle.dumps(Boom())
    head = cache._MAGIC + cache._key("pages", "k")
    check = hashlib.blake2b(payload, digest_size=32).digest()
    (tmp_path / ".tarikh-cache/pages.bin").write_bytes(head + check + payload)
    assert store.load("pages", "k") is None
    assert not (tmp_path / "pwned").exists()
    assert store.load("pages", "another key") is None


def test_a_template_that_prints_a_model_object_or_hands_it_to_python_is_never_reused(
    tmp_path: Path,
) -> None:
    """What Python code or str() reads of an object cannot be followed: such a
    page is rendered again every build (speed, never correctness)."""
    from generator.build import Builder

    site = _site(tmp_path / "site")
    write_site(site, {"templates/event.html": "{{ event.actors|join(',') }} {{ event|string }}"})
    builder = Builder(site, serving=True)
    first = builder.build()
    again = builder.build()
    events = {p for p in first.files if p.startswith("events/")}
    assert events and events <= again.rendered
    assert not (again.rendered - events)


def _run(site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1443657600", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--source", str(site)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_an_unchanged_build_writes_nothing_and_says_what_the_last_one_said(
    tmp_path: Path,
) -> None:
    site = _site(tmp_path / "site")
    (site / "content/news/c.txt").write_text("سطر بلا تاريخ يذكر فيه بوتين.\n", encoding="utf-8")
    first = _run(site)
    before = {p: p.stat().st_mtime_ns for p in (site / "output").rglob("*") if p.is_file()}
    again = _run(site)
    assert again.returncode == first.returncode
    assert "0 rendered, 0 written, 0 removed" in again.stdout
    assert again.stderr == first.stderr  # the same warnings, in the same order
    after = {p: p.stat().st_mtime_ns for p in (site / "output").rglob("*") if p.is_file()}
    assert after == before
    # A published file deleted by hand: the build is no longer "unchanged".
    victim = next((site / "output/events").glob("*/index.html"))
    victim.unlink()
    assert "1 written" in _run(site).stdout and victim.is_file()
    # Another output folder is another build.
    other = tmp_path / "elsewhere"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--source", str(site), "--output", str(other)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode in (0, 1) and (other / "index.html").is_file()


def test_a_changed_build_date_is_a_changed_input(tmp_path: Path) -> None:
    """Without a reference date, year-less dates hang on the build date."""
    site = _site(tmp_path / "site")
    (site / "site.toml").write_text('title = "اختبار"\n', encoding="utf-8")
    (site / "content/news/a.txt").write_text(
        "قال لافروف الخميس 1 تشرين الأول إن الحل سياسي.\n", encoding="utf-8"
    )
    _build(site)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1475280000", "PYTHONPATH": str(ROOT)}  # 2016
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--source", str(site), "--quiet"],
        env=env,
        capture_output=True,
        timeout=120,
    )
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("output", ".tarikh-cache"))
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--source", str(fresh), "--quiet"],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert _published(site) == _published(fresh)


def test_a_fresh_build_parses_only_the_files_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parsed files come back from the cache; an edit parses its file alone."""
    import generator.sources as sources
    from generator.build import Builder

    site = _site(tmp_path / "site")
    (site / "content/news/b.txt").write_text(STORY_B, encoding="utf-8")
    first = Builder(site)
    first.write(first.build())
    parsed: list[str] = []
    real = sources.load_news

    def counting(path: Path, rel: str, problems: object) -> object:
        parsed.append(rel)
        return real(path, rel, problems)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "load_news", counting)
    with (site / "content/news/b.txt").open("a", encoding="utf-8") as f:
        f.write("وقال لافروف إن الحوار مستمر.\n")
    second = Builder(site)
    result = second.build()
    assert parsed == ["content/news/b.txt"]
    assert not result.unchanged and result.rendered
    # `tarikh serve` starts from the same cache (it renders in memory, but
    # parses only what changed), and its first build equals a clean one.
    second.write(result)
    parsed.clear()
    (site / "content/news/a.txt").write_text(STORY_A + "سطر آخر.\n", encoding="utf-8")
    served = Builder(site, serving=True).build()
    assert parsed == ["content/news/a.txt"]
    parsed.clear()
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("output", ".tarikh-cache"))
    assert served.files == Builder(clean, serving=True).build().files
