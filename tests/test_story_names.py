"""A family name alone is the person its story named in full: in the built
site (one actor, one page) as in `tarikh extract` and `tarikh eval`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import tarikh, write_site

STORY = """---
date: 2024-05-10
---
انتخب مجلس النواب العراقي محمود المشهداني رئيسا له يوم الخميس 9 أيار 2024.
وقال المشهداني الجمعة 10 أيار 2024 إن المجلس سيعقد جلسته المقبلة قريبا.
"""


def _site(tmp_path: Path) -> Path:
    return write_site(
        tmp_path / "site", {"site.toml": 'title = "قصة"\n', "content/news/a.txt": STORY}
    )


def test_the_family_name_is_the_person_named_before(tmp_path: Path) -> None:
    site = _site(tmp_path)
    assert tarikh("build", "--source", site, "--quiet") == 0
    events = json.loads((site / "output/events.json").read_text(encoding="utf-8"))["events"]
    second = next(e for e in events if e["source"]["line"] == 5)
    assert [(a["name"], a["mention"]) for a in second["actors"]] == [
        ("محمود المشهداني", "المشهداني")
    ]
    actors = sorted(p.parent.name for p in (site / "output/actors").glob("*/index.html"))
    assert "المشهداني" not in actors and "محمود-المشهداني" in actors


def test_extract_reads_the_story_as_build_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path)
    assert tarikh("extract", site / "content/news/a.txt", "--source", site) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[1]["actors"][0]["name"] == "محمود المشهداني"


def test_without_the_full_name_before_it_stays_a_name_of_its_own(tmp_path: Path) -> None:
    """The story is read in order: the second line alone names no one in full,
    and a rebuild after such an edit does not keep the old reading."""
    site = _site(tmp_path)
    assert tarikh("build", "--source", site, "--quiet") == 0
    news = site / "content/news/a.txt"
    lines = STORY.splitlines(keepends=True)
    news.write_text(lines[0] + lines[1] + lines[2] + lines[4], encoding="utf-8")
    assert tarikh("build", "--source", site, "--quiet") == 0
    events = json.loads((site / "output/events.json").read_text(encoding="utf-8"))["events"]
    assert all(a["name"] != "محمود المشهداني" for e in events for a in e["actors"])
