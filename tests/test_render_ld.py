"""An event page's JSON-LD built in Python (render.py, ld_event) prints the
same bytes and logs the same reads as the Jinja it replaced (partials/seo.html
up to session 8): reuse follows those reads (deps.py, test_sound_reuse.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from generator.config import SiteConfig
from generator.model_objects import Actor, Event, EventDate, Participation, Term
from generator.render import Renderer, resolve_theme
from generator.tracking import reads

OLD = """{% set types = {"person": "Person", "organisation": "Organization", "group": "Organization", "country": "Country"} %}
{% set ld = {} %}
{% set _ = ld.update({"@type": "Event" if event.date else "CreativeWork", "name": event.title, "description": summary}) %}
{% if event.date %}
{% set _ = ld.update({"startDate": event.date.iso, "endDate": event.date.end.isoformat() if event.date.end else event.date.iso}) %}
{% endif %}
{% set places = [] %}
{% for t in event.places %}{% set _ = places.append({"@type": "Place", "name": t.name}) %}{% endfor %}
{% if places %}{% set _ = ld.update({"location": places}) %}{% endif %}
{% set about = [] %}
{% for p in event.actors %}
{% set a = {"@type": types.get(p.actor.kind, "Organization"), "name": p.actor.name} %}
{% if canonical %}{% set _ = a.update({"url": absolute(p.actor.path)}) %}{% endif %}
{% set _ = about.append(a) %}
{% endfor %}
{% if about %}{% set _ = ld.update({"about": about}) %}{% endif %}
{% if image %}{% set _ = ld.update({"image": image}) %}{% endif %}
{{ ld|ld_json }}"""

NEW = """{% set ld = {} %}
{% set _ = ld.update(ld_event(event, summary, canonical, image)) %}
{{ ld|ld_json }}"""


def _events() -> list[Event]:
    day = dt.date(2015, 10, 1)
    one = EventDate(day, "day", "line", "1 أكتوبر", "gregorian", None, None)
    span = EventDate(day, "day", "line", "1-3 أكتوبر", "gregorian", dt.date(2015, 10, 3), None)
    month = EventDate(day, "month", "line", "أكتوبر", "gregorian", None, None)
    kinds = ("person", "organisation", "group", "country", "other")
    actors = [Actor(f"a{i}", f"فاعل {i}", k, [], [], None, True) for i, k in enumerate(kinds)]
    place = Term("dimashq", "دمشق", "place")
    out = []
    for i, date in enumerate((one, span, month, None)):
        e = Event(f"e{i}", f"عنوان <{i}> & «{i}»", "نص", date, "statement", [])
        e.actors = [Participation(a, a.name, "actor", None) for a in actors[: i + 1]]
        e.places = [place] if i % 2 else []
        e.image = "images/x.jpg" if i == 1 else None
        out.append(e)
    out.append(Event("bare", "عنوان", "نص", None, "statement", []))
    return out


@pytest.mark.parametrize("base_url", ["", "https://example.org/tl/"])
def test_ld_event_prints_and_reads_what_the_template_did(tmp_path: Any, base_url: str) -> None:
    config = SiteConfig(base_url=base_url) if base_url else SiteConfig()
    renderer = Renderer(resolve_theme(config, tmp_path), config, "test")
    renderer.begin(*_nothing())
    env = renderer.env
    old, new = env.from_string(OLD), env.from_string(NEW)
    for event in _events():
        canonical = base_url and base_url + event.path
        image = base_url + event.image if base_url and event.image else ""
        given = {"event": event, "summary": "وصف </script>", "canonical": canonical}
        given["image"] = image
        drawn = []
        for template in (old, new):
            env.log = set()
            try:
                drawn.append((template.render(given), reads(env.log)))
            finally:
                env.log = None
        assert drawn[0] == drawn[1], event.id
        assert drawn[1][1] and ("!", "printed") not in drawn[1][1]


def _nothing() -> tuple[Any, dict[Any, str]]:
    from generator.deps import Reads
    from generator.model import SiteModel

    return Reads(SiteModel([], [], [], [], [])), {}
