"""The «مُعلَن» badge: an event dated on a day after its story's (issue 11,
`DateValue.announced`) says so where its date is shown. The partial reads the
flag from the event's date; a date without it (no flag, or an event date that
does not carry one yet) shows no badge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from generator.config import SiteConfig
from generator.render import Renderer, Theme

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "themes/default"
PAGE = {"path": "index.html", "title": "", "kind": "timeline"}


def _render(**fields: object) -> str:
    date = SimpleNamespace(
        start=dt.date(2024, 3, 10),
        end=None,
        precision="day",
        basis="weekday",
        written="يوم الأحد المقبل",
        calendar="gregorian",
        iso="2024-03-10",
        hijri=SimpleNamespace(year=1445, month=8, day=29),
        hijri_iso="1445-08-29",
        **fields,
    )
    theme = Theme(("default",), (THEME / "templates",), (THEME / "static",))
    renderer = Renderer(theme, SiteConfig(), "test")  # type: ignore[arg-type]
    return renderer.render(
        "partials/date.html", "index.html", {"date": date, "page": PAGE}
    ).decode()


def test_an_announced_date_shows_the_badge() -> None:
    html = _render(announced=True)
    assert "مُعلَن" in html
    assert 'class="date__basis date__basis--announced"' in html
    assert '<time class="date" datetime="2024-03-10">' in html


def test_a_date_that_has_come_shows_no_badge() -> None:
    assert "مُعلَن" not in _render(announced=False)


def test_a_date_without_the_flag_shows_no_badge() -> None:
    assert "مُعلَن" not in _render()


def test_a_built_site_marks_an_announced_event(tmp_path: Path) -> None:
    """The whole road: a news line about a coming day, read, modelled,
    published with the badge, and flagged in `tarikh extract`'s record."""
    import json

    from conftest import tarikh, write_site

    site = write_site(
        tmp_path / "site",
        {
            "content/news/visit.txt": (
                "---\ndate: 2024-03-07\n---\n"
                "يصل وفد الجامعة إلى بغداد يوم الأحد المقبل في زيارة تستمر يومين.\n"
                "وقال الوزير أمس إن المحادثات كانت مثمرة.\n"
            )
        },
    )
    out = tmp_path / "out"
    assert tarikh("build", "--source", site, "--output", out, "--quiet") == 0
    records = json.loads((out / "events.json").read_text("utf-8"))
    dates = {r["date"]["gregorian"]: r["date"] for r in records["events"]}
    assert dates["2024-03-10"].get("announced") is True
    assert "announced" not in dates["2024-03-06"]
    pages = {p.parent.name: p.read_text("utf-8") for p in (out / "events").glob("*/index.html")}
    coming = next(html for name, html in pages.items() if name.startswith("2024-03-10"))
    past = next(html for name, html in pages.items() if name.startswith("2024-03-06"))
    assert "مُعلَن" in coming and "مُعلَن" not in past
