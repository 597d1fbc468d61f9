"""Past `events_json_limit` events (site.toml), /events.json is an index of
one file per Gregorian year, each in events.json's own shape, together
holding every event once, in the same order as the whole file would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import tarikh, write_site

from generator.config import parse_config
from generator.errors import ConfigError

EVENT = "---\ntitle: {title}\ndate: {date}\n---\nنص الحدث {title}.\n"
DATES = ["2014-03-01", "2015-10-01", "2015-11-02", "2016", "2016-01-05"]


def _site(root: Path, limit: int | None) -> Path:
    files = {
        f"content/events/e{i}.md": EVENT.format(title=f"حدث {i}", date=d)
        for i, d in enumerate(DATES)
    }
    toml = 'title = "أرشيف"\n' + (f"events_json_limit = {limit}\n" if limit is not None else "")
    files["site.toml"] = toml
    write_site(root, files)
    assert tarikh("build", "--source", root, "--quiet") in (0, 1)
    return root / "output"


def _load(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_a_small_site_keeps_one_events_json(tmp_path: Path) -> None:
    out = _site(tmp_path / "whole", None)
    assert len(_load(out / "events.json")["events"]) == len(DATES)  # type: ignore[arg-type]
    assert not list((out / "events").glob("*.json"))


def test_past_the_limit_events_json_is_an_index_of_years(tmp_path: Path) -> None:
    whole = _load(_site(tmp_path / "whole", 0) / "events.json")
    out = _site(tmp_path / "split", 2)
    index = _load(out / "events.json")
    assert "events" not in index
    assert index["count"] == len(DATES)
    files = index["files"]
    assert [f["year"] for f in files] == ["2014", "2015", "2016"]  # type: ignore[index]
    assert [f["count"] for f in files] == [1, 2, 2]  # type: ignore[index]
    events = []
    for f in files:  # type: ignore[attr-defined]
        part = _load(out / f["url"])
        assert part["year"] == f["year"] and part["title"] == "أرشيف"
        assert len(part["events"]) == f["count"]  # type: ignore[arg-type]
        events += part["events"]  # type: ignore[operator]
    assert events == whole["events"]


def test_the_limit_is_a_whole_number() -> None:
    assert parse_config({"events_json_limit": 5}).events_json_limit == 5
    with pytest.raises(ConfigError, match="events_json_limit"):
        parse_config({"events_json_limit": -1})
    with pytest.raises(ConfigError, match="events_json_limit"):
        parse_config({"events_json_limit": "many"})
