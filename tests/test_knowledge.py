"""The built-in knowledge base (issue 11): its data keeps its own rules, titles
resolve out of the box, the site's registry wins, and a built-in actor gets a
page only when the content names it."""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import tarikh, write_site

from generator import knowledge
from generator.arabic.actors import ActorEntry, Registry, find_actors

SAMPLE = {
    "states/egypt.yaml": """\
        country: مصر
        offices:
          foreign_minister:
            titles: [وزير الخارجية المصري, وزير خارجية مصر]
            holders:
              - name: سامح شكري
                aliases: [سامح حسن شكري]
                from: 2014-06-17
                to: 2024-07-03
                source: https://ar.wikipedia.org/wiki/سامح_شكري
              - name: بدر عبد العاطي
                from: 2024-07-03
                source: https://ar.wikipedia.org/wiki/بدر_عبد_العاطي
          head_of_government:
            titles: [رئيس الوزراء المصري]
            holders:
              - name: مصطفى مدبولي
                from: 2018-06-07
                source: https://ar.wikipedia.org/wiki/مصطفى_مدبولي
        """,
    "organisations.yaml": """\
        - name: جامعة الدول العربية
          kind: organisation
          aliases: [الجامعة العربية]
          source: https://ar.wikipedia.org/wiki/جامعة_الدول_العربية
        """,
}


def sample(tmp_path: Path, **override: str) -> Path:
    for name, text in {**SAMPLE, **override}.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    return tmp_path


# ------------------------------------------------------------ the shipped data


def test_every_data_file_reads() -> None:
    found = knowledge.entries()
    assert all(e.builtin and e.sources for e in found)
    assert all(s.startswith("https://") for e in found for s in e.sources)


def test_no_two_entries_share_a_slug() -> None:
    seen: dict[str, str] = {}
    for e in knowledge.entries():
        assert e.slug not in seen, f"{e.name} and {seen[e.slug]} share the slug {e.slug}"
        seen[e.slug] = e.name


def test_no_office_has_two_holders_at_once() -> None:
    """Apart from the handover day, and the rival governments a file declares."""
    offices: dict[tuple[str, str], list[knowledge.Term]] = defaultdict(list)
    for t in knowledge.terms():
        assert t.end is None or t.start <= t.end, f"{t.file} › {t.name}: ends before it starts"
        offices[(t.file, t.office)].append(t)
    clashes = []
    for (file, office), held in offices.items():
        if held[0].rivals:
            continue
        held.sort(key=lambda t: t.start)
        for a, b in itertools.pairwise(held):
            if a.end is None or a.end > b.start:
                clashes.append(f"{file} › {office}: {a.name} ({a.start}–{a.end}) and {b.name}")
    assert not clashes, "\n".join(clashes)


def test_each_office_reaches_back_to_2000() -> None:
    """Every term that touches 2000 or later is listed: the first holder was in
    office on 1 January 2000, or the office is younger and says since when, or
    it says from when its holders are listed (`listed_from`: ministers of
    interior, finance and oil, from 2015)."""
    first: dict[tuple[str, str], knowledge.Term] = {}
    for t in knowledge.terms():
        key = (t.file, t.office)
        if key not in first or t.start < first[key].start:
            first[key] = t
    late = [
        f"{f} › {o}: first holder from {t.start}"
        for (f, o), t in first.items()
        if t.start > max(dt.date(2000, 1, 1), t.since or t.listed_from or dt.date(2000, 1, 1))
    ]
    assert not late, "\n".join(late)


# ------------------------------------------------------------ reading with it


def test_entries_merge_one_person_across_offices(tmp_path: Path) -> None:
    data = sample(
        tmp_path,
        **{
            "states/x.yaml": """\
            country: مصر
            offices:
              head_of_state:
                titles: [الرئيس المصري]
                holders:
                  - name: سامح شكري
                    from: 2030-01-01
                    source: https://example.org/a
            """
        },
    )
    found = {e.name: e for e in knowledge._entries_via(data, None, None)}
    shoukry = found["سامح شكري"]
    assert {r.title for r in shoukry.roles} == {
        "وزير الخارجية المصري",
        "وزير خارجية مصر",
        "الرئيس المصري",
    }
    assert "سامح حسن شكري" in shoukry.aliases
    assert found["جامعة الدول العربية"].kind == "organisation"


def test_a_title_resolves_on_the_event_date(tmp_path: Path) -> None:
    registry = Registry(knowledge._entries_via(sample(tmp_path), None, None))

    def who(text: str, on: dt.date) -> list[str]:
        return [m.name for m in find_actors(text, registry, on)]

    assert who("وصل وزير الخارجية المصري إلى عمّان", dt.date(2020, 5, 1)) == ["سامح شكري"]
    assert who("وصل وزير الخارجية المصري إلى عمّان", dt.date(2025, 5, 1)) == ["بدر عبد العاطي"]
    # the handover day itself has two holders: no one rather than a guess
    assert who("وصل وزير خارجية مصر إلى عمّان", dt.date(2024, 7, 3)) == []
    assert who("أدانت الجامعة العربية الهجوم", dt.date(2025, 5, 1)) == ["جامعة الدول العربية"]


def test_the_site_registry_wins() -> None:
    builtin = [
        ActorEntry("سامح-شكري", "سامح شكري", builtin=True, sources=("https://a",)),
        ActorEntry("بدر-عبد-العاطي", "بدر عبد العاطي", builtin=True, sources=("https://b",)),
        ActorEntry("جامعة-الدول-العربية", "جامعة الدول العربية", "organisation", builtin=True),
    ]
    site = [
        ActorEntry("شكري", "شكري", aliases=("سامح شكري",)),  # same person, by an alias
        ActorEntry("بدر-عبد-العاطي", "بدر عبدالعاطي"),  # same slug
    ]
    merged = knowledge.merged(site, builtin)
    assert [e.name for e in merged] == ["شكري", "بدر عبدالعاطي", "جامعة الدول العربية"]


def test_a_broken_file_names_itself(tmp_path: Path) -> None:
    data = sample(
        tmp_path,
        **{
            "states/egypt.yaml": """\
            country: مصر
            offices:
              foreign_minister:
                titles: [وزير الخارجية المصري]
                holders:
                  - name: سامح شكري
                    from: 2014-06-17
                    source: http://insecure.example/
            """
        },
    )
    with pytest.raises(knowledge.KnowledgeError, match=r"egypt\.yaml › foreign_minister › سامح"):
        list(knowledge.terms(data))


# ------------------------------------------------------------ on a site


NEWS = """\
---
date: 2020-05-03
---
وصل وزير الخارجية المصري إلى عمّان يوم الأحد في زيارة رسمية.
"""


def test_a_built_in_actor_gets_a_page_only_when_named(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"content/news/visit.txt": NEWS})
    out = tmp_path / "out"
    assert tarikh("build", "--source", site, "--output", out, "--quiet") == 0
    page = (out / "actors" / "سامح-شكري" / "index.html").read_text("utf-8")
    assert "قاعدة المعارف" in page and 'href="https://' in page
    assert '"sameAs":["https://' in page  # the source, for search engines too
    assert "وزير الخارجية المصري" in page  # the role, once, with its dates
    assert page.count("وزير خارجية مصر") == 0
    assert not (out / "actors" / "بدر-عبد-العاطي").exists()  # in the data, not in the news
    assert len(list((out / "actors").glob("*/index.html"))) == 1


def test_the_site_can_turn_it_off_or_override_it(tmp_path: Path) -> None:
    site = write_site(
        tmp_path / "site",
        {
            "site.toml": "knowledge = false\n",
            "content/news/visit.txt": NEWS,
        },
    )
    out = tmp_path / "out"
    assert tarikh("build", "--source", site, "--output", out, "--quiet") == 0
    assert not (out / "actors" / "سامح-شكري").exists()

    (site / "site.toml").write_text("knowledge = true\n", "utf-8")
    actor = "---\nname: شكري\naliases: [سامح شكري]\nroles:\n- title: وزير الخارجية المصري\n---\n"
    (site / "content" / "actors").mkdir()
    (site / "content" / "actors" / "شكري.md").write_text(actor, "utf-8")
    assert tarikh("build", "--source", site, "--output", out, "--quiet") == 0
    assert (out / "actors" / "شكري" / "index.html").exists()
    assert not (out / "actors" / "سامح-شكري").exists()


def test_extract_reads_with_the_site_that_holds_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actor = "---\nname: الوزير شكري\nroles:\n- title: وزير الخارجية المصري\n---\n"
    site = write_site(
        tmp_path / "site",
        {"site.toml": "", "content/news/visit.txt": NEWS, "content/actors/شكري.md": actor},
    )
    assert tarikh("extract", site / "content" / "news" / "visit.txt") == 0
    assert '"name": "الوزير شكري"' in capsys.readouterr().out

    loose = tmp_path / "loose.txt"
    loose.write_text(NEWS, "utf-8")
    assert tarikh("extract", loose) == 0
    captured = capsys.readouterr()
    assert "in no tarikh site" in captured.err
    assert '"name": "سامح شكري"' in captured.out  # the knowledge base still reads titles


def test_the_home_state_goes_by_titles_without_a_country() -> None:
    """«رئيس الجمهورية» in an Algerian newsroom's copy is Algeria's president;
    with no home state it names no one."""
    text = "وحل رئيس الجمهورية بالعاصمة البرتغالية لشبونة في زيارة دولة."
    on = dt.date(2023, 5, 22)
    home = Registry(knowledge.entries(home="الجزائر"))
    assert [m.name for m in find_actors(text, home, on)] == ["عبد المجيد تبون"]
    assert find_actors(text, Registry(knowledge.entries()), on) == []
    assert knowledge.home_of("dz") == "الجزائر"


def test_bare_titles_belong_to_the_home_state_alone() -> None:
    """A state whose holders go by titles of their own (a rival line, as in
    Yemen) must not take the home state's bare titles for its other offices:
    in an Algerian newsroom «رئيس الوزراء» alone named Yemen's prime minister."""
    text = "وقال رئيس الوزراء إن الحكومة ماضية في خطتها."
    on = dt.date(2023, 5, 22)
    assert find_actors(text, Registry(knowledge.entries()), on) == []
    home = Registry(knowledge.entries(home="الجزائر"))
    assert [m.name for m in find_actors(text, home, on)] == ["أيمن بن عبد الرحمن"]


def test_the_home_state_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = write_site(tmp_path / "site", {"site.toml": 'country = "الجزاير"\n'})
    assert tarikh("build", "--source", site, "--output", tmp_path / "out") == 2
    assert "did you mean 'الجزائر'" in capsys.readouterr().err


def test_the_compiled_copy_in_a_site_cache_is_the_data(tmp_path: Path) -> None:
    data = sample(tmp_path / "data")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "knowledge-0.json").write_text("[]", "utf-8")  # an earlier version's copy
    fresh = knowledge._entries_via(data, None, None)
    assert knowledge._entries_via(data, None, cache) == fresh  # written
    assert not list(cache.glob("knowledge-*.json"))  # the old copy is gone
    (copy,) = cache.glob("knowledge-*.bin")
    good = copy.read_bytes()
    assert knowledge._entries_via(data, None, cache) == fresh  # read back
    flipped = good[:-9] + bytes([good[-9] ^ 1]) + good[-8:]
    for bad in (good[:-7], good[:-40] + bytes(40), flipped):
        copy.write_bytes(bad)  # truncated, zeroed, changed: a miss, rebuilt
        assert knowledge._entries_via(data, None, cache) == fresh
        assert copy.read_bytes() == good
    assert knowledge._entries_via(data, "مصر", cache) == knowledge._entries_via(data, "مصر", None)
    (data / "states" / "egypt.yaml").write_text(
        (data / "states" / "egypt.yaml").read_text("utf-8").replace("2024-07-03", "2024-07-04"),
        "utf-8",
    )
    changed = knowledge._entries_via(data, None, cache)
    assert changed != fresh and changed == knowledge._entries_via(data, None, None)


def test_the_compiled_copy_is_in_the_user_cache_when_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build keeps the copy in tarikh's folder of the user's cache (every
    new site's first build finds it there), else in the site's cache."""
    data = sample(tmp_path / "data")
    site_cache = tmp_path / "site" / ".tarikh-cache"
    monkeypatch.setattr(knowledge, "_READ", {})
    monkeypatch.setenv("TARIKH_CACHE", str(tmp_path / "user"))
    fresh = knowledge.entries(data, None, site_cache)
    assert list((tmp_path / "user" / "knowledge").glob("knowledge-*.bin"))
    assert not site_cache.exists()
    monkeypatch.setattr(knowledge, "_READ", {})
    assert knowledge.entries(data, None, site_cache) == fresh  # read back
    monkeypatch.setattr(knowledge, "_READ", {})
    monkeypatch.setenv("TARIKH_CACHE", "")
    assert knowledge.entries(data, None, site_cache) == fresh
    assert list(site_cache.glob("knowledge-*.bin"))


def test_countries_are_kept_in_the_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = sample(tmp_path / "data")
    monkeypatch.setenv("TARIKH_CACHE", "")
    fresh = knowledge.countries(data)
    assert fresh == {"مصر": "egypt.yaml"}
    monkeypatch.setenv("TARIKH_CACHE", str(tmp_path / "user"))
    assert knowledge.countries(data) == fresh  # written
    (kept,) = (tmp_path / "user" / "knowledge").glob("countries-*.bin")
    assert knowledge.countries(data) == fresh  # read back
    kept.write_bytes(kept.read_bytes()[:-3])  # damaged: a miss
    assert knowledge.countries(data) == fresh
    (data / "states" / "x.yaml").write_text("country: ليبيا\noffices: {}\n", "utf-8")
    assert knowledge.countries(data) == {**fresh, "ليبيا": "x.yaml"}


def test_two_tarikhs_keep_a_copy_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two installs (or a tarikh edited in place) do not overwrite each
    other's copy in turn; a folder keeps the KEPT newest."""
    from generator import cache as disk
    from generator.knowledge import kept

    data = sample(tmp_path / "data")
    cache = tmp_path / "cache"
    made = {}
    for version in ("a", "b", "a"):
        monkeypatch.setattr(disk, "code_key", lambda v=version: v)
        knowledge._entries_via(data, None, cache)
        made.setdefault(version, {p.name: p.stat().st_ino for p in cache.glob("knowledge-*")})
    assert len(made["b"]) == 2
    assert {p.name: p.stat().st_ino for p in cache.glob("knowledge-*")} == made["b"]  # a: read
    for version in "cdef":
        monkeypatch.setattr(disk, "code_key", lambda v=version: v)
        knowledge._entries_via(data, None, cache)
    assert len(list(cache.glob("knowledge-*.bin"))) == kept.KEPT


def test_merged_is_the_same_with_the_cached_keys(tmp_path: Path) -> None:
    """`merged` compares the built-in names by keys the compiled copy holds:
    read back, they decide as the names folded afresh do."""
    data = sample(tmp_path / "data")
    cache = tmp_path / "cache"
    cache.mkdir()
    knowledge._entries_via(data, None, cache)
    builtin = knowledge._entries_via(data, None, cache)  # read back, keys noted
    assert id(builtin) in knowledge._KEYS
    for site in (
        [],
        [ActorEntry(slug="x", name="شكري", aliases=("سامح شكري",))],
        [ActorEntry(slug=builtin[0].slug, name="اسم آخر")],
    ):
        assert knowledge.merged(site, builtin) == knowledge.merged(site, list(builtin))


def test_build_still_defaults_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """extract's own default (the site holding FILE) must not leak into build's."""
    site = write_site(tmp_path / "site", {"content/news/visit.txt": NEWS})
    monkeypatch.chdir(site)
    assert tarikh("build", "--output", tmp_path / "out", "--quiet") == 0
    assert (tmp_path / "out" / "index.html").is_file()


def test_a_rival_line_goes_by_its_own_titles(tmp_path: Path) -> None:
    """Two governments at once: the generic title names the recognised one,
    the rival line's own title names its holder."""
    data = sample(
        tmp_path,
        **{
            "states/x.yaml": """\
            country: اليمن
            offices:
              head_of_state:
                rivals: "حكومتان"
                titles: [الرئيس اليمني]
                holders:
                  - name: رشاد العليمي
                    from: 2022-04-07
                    source: https://example.org/a
                  - name: مهدي المشاط
                    titles: [رئيس المجلس السياسي الأعلى]
                    from: 2018-04-23
                    source: https://example.org/b
            """
        },
    )
    registry = Registry(knowledge._entries_via(data, None, None))
    on = dt.date(2023, 1, 5)
    assert [m.name for m in find_actors("قال الرئيس اليمني إن", registry, on)] == ["رشاد العليمي"]
    said = find_actors("قال رئيس المجلس السياسي الأعلى إن", registry, on)
    assert [m.name for m in said] == ["مهدي المشاط"]


def test_the_shipped_rival_governments_resolve() -> None:
    registry = Registry(knowledge.entries())

    def who(text: str, on: dt.date) -> list[str]:
        return [m.name for m in find_actors(text, registry, on)]

    assert who("قال الرئيس اليمني إن", dt.date(2020, 1, 5)) == ["عبد ربه منصور هادي"]
    assert who("قال رئيس الوزراء الفلسطيني إن", dt.date(2010, 1, 5)) == ["سلام فياض"]
    assert who("قال رئيس الحكومة الليبية إن", dt.date(2022, 6, 5)) == ["عبد الحميد الدبيبة"]
