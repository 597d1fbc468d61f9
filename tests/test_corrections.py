"""An editor's corrections (content/corrections.yaml), keyed by stable event ids."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import tarikh, write_site

NEWS = (
    "---\ndate: 2015-10-01\n---\n"
    "أعلن الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول بدء العملية الجوية في سورية.\n"
    "أعلن الرئيس الروسي فلاديمير بوتين الخميس 1 تشرين الأول بدء العملية الجوية في سوريا.\n"
    "نشرت الصحيفة صورا من الحفل.\n"
)


def _events(site: Path) -> list[dict]:
    return json.loads((site / "output/events.json").read_text(encoding="utf-8"))["events"]


def test_override_drop_unmerge_and_stale(tmp_path: Path, capsys) -> None:
    site = write_site(tmp_path, {"content/news/a.txt": NEWS})
    assert tarikh("build", "--source", site, "--quiet") == 0
    merged, photo = _events(site)
    assert len(merged["sources"]) == 2  # near-duplicates: one event, two sources

    corrections = (
        f"{merged['id']}:\n  unmerge: true\n"
        f"{photo['id']}:\n  drop: true\n"
        "2015-01-01-no-such-event-000000:\n  type: talks\n"
    )
    write_site(site, {"content/corrections.yaml": corrections})
    assert tarikh("build", "--source", site) == 0
    events = _events(site)
    assert [len(e["sources"]) for e in events] == [1, 1]
    assert photo["id"] not in {e["id"] for e in events}
    assert "no event has this id any more" in capsys.readouterr().err

    first = events[1]["id"]  # the item unmerged from the first
    write_site(
        site,
        {
            "content/corrections.yaml": corrections
            + f"{first}:\n  date: 2015-09-30\n  type: military\n  places: [روسيا]\n"
            "  actors: [وزارة الدفاع الروسية]\n"
        },
    )
    assert tarikh("build", "--source", site, "--quiet") == 0
    fixed = next(e for e in _events(site) if e["id"] == first)
    assert fixed["date"]["gregorian"] == "2015-09-30" and fixed["date"]["hijri"] == "1436-12-17"
    assert fixed["type"] == "military" and fixed["places"] == ["روسيا"]
    assert [a["name"] for a in fixed["actors"]] == ["وزارة الدفاع الروسية"]


def test_corrections_survive_edits_to_other_lines(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"content/news/a.txt": NEWS})
    assert tarikh("build", "--source", site, "--quiet") == 0
    _, photo = _events(site)
    write_site(site, {"content/corrections.yaml": f"{photo['id']}:\n  drop: true\n"})
    # Lines are added above: line numbers move, ids do not.
    edited = NEWS.replace("---\nأعلن", "---\nخبر جديد في أول الملف.\nأعلن", 1)
    write_site(site, {"content/news/a.txt": edited})
    assert tarikh("build", "--source", site, "--quiet", "--strict") == 0
    assert photo["id"] not in {e["id"] for e in _events(site)}
