"""An object's state digest vouches for its reads (generator/states.py).

A reused page's reads of an event whose fields digest as they did are taken
as they were, not digested again. These tests hold that shortcut to what it
may vouch for: every property it trusts is named, a changed field or a read
it does not vouch for is digested, and random edits of events' own files
(title, date, tags, place, body, actors) give, build after build in separate
processes, what a clean build gives, with templates that read events'
fields from other objects' pages.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import subprocess
import sys
from functools import cached_property
from pathlib import Path

from conftest import write_site
from test_sound_reuse import _build, _same_as_clean

from generator.deps import VOLATILE, Reads
from generator.model import Actor, Event, SiteModel, Story, Term
from generator.model_objects import EventDate, Participation, Source
from generator.states import DERIVED, STATE, VOUCHED


def test_every_property_the_shortcut_trusts_is_named() -> None:
    """A new property (it might read another object) must be named in
    DERIVED, after a look at what it reads, before the shortcut trusts it."""
    for cls, named in DERIVED.items():
        properties = {
            name
            for klass in cls.__mro__
            for name, value in vars(klass).items()
            if isinstance(value, property | cached_property)
        }
        assert properties == set(named), cls


def _model() -> tuple[SiteModel, Event, Actor]:
    actor = Actor("a", "أ", "person", [], [], None, True)
    date = EventDate(dt.date(2015, 10, 1), "day", "text", "1", "gregorian", None, None)
    event = Event("e1", "عنوان", "نص", date, "statement", [Source("f.txt", 1)])
    event.actors = [Participation(actor, "أ", "subject", None)]
    actor.events = [event]
    term = Term("t", "ت", "tag", [event])
    story = Story("s", "خبر", "f.txt", None, None, None, [event])
    event.tags, event.story = [term], story
    return SiteModel([event], [actor], [story], [], [term]), event, actor


def _record(model: SiteModel, reads: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    first = Reads(model)
    for read in reads:
        first.current(read)
    first.keep_states()
    return dict(first.table)


def _holds(model: SiteModel, reads: set[tuple[str, str]], old: dict[tuple[str, str], str]) -> bool:
    """Whether a page that made `reads` last time is reused, as reuse.py asks."""
    now = Reads(model)
    now.settle(old)
    return now.page_holds(tuple(reads), (), old)


def test_an_unchanged_object_vouches_for_its_fields_and_derived_properties() -> None:
    model, _, _ = _model()
    wanted = [("e:e1", "title"), ("e:e1", "outlets"), ("e:e1", "actors#len"), ("a:a", "name")]
    old = _record(model, wanted)
    assert ("e:e1", STATE) in old and ("a:a", STATE) in old
    again = Reads(model)
    again.current = None  # type: ignore[assignment, method-assign]  # must not be asked
    again.settle(old)
    assert again.page_holds(tuple(wanted), (), old)
    assert all(again.table[r] == old[r] for r in wanted)


def test_a_changed_field_or_an_unvouched_read_is_digested_again() -> None:
    model, event, actor = _model()
    old = _record(model, [("e:e1", "title"), ("e:e1", "sort_key"), ("a:a", "events#len")])
    event.text = "نص آخر"  # not a field the page read, but the state changed
    assert _holds(model, {("e:e1", "title")}, old)
    event.title = "عنوان آخر"
    assert not _holds(model, {("e:e1", "title")}, old)
    # A method is not vouched for: digested, it is volatile, and never holds.
    assert old[("e:e1", "sort_key")] == VOLATILE
    assert not _holds(model, {("e:e1", "sort_key")}, old)
    # Another object's change: the actor's events grow, its own state differs.
    other = dataclasses.replace(event, id="e2", actors=[])
    actor.events = [event, other]
    assert not _holds(model, {("a:a", "events#len")}, old)


def test_an_attribute_set_on_an_object_later_is_not_vouched_for() -> None:
    model, event, _ = _model()
    event.extra = "x"  # type: ignore[attr-defined]
    old = _record(model, [("e:e1", "extra")])
    event.extra = "y"  # type: ignore[attr-defined]  # its state (its fields) is the same
    assert not _holds(model, {("e:e1", "extra")}, old)


def test_a_state_is_the_same_across_processes_and_volatile_when_it_cannot_be_told() -> None:
    model, event, _ = _model()
    old = _record(model, [])
    paths = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]
    script = (
        f"import sys; sys.path[:0] = {paths!r}\n"
        "from test_states import _model, _record\n"
        "from generator.states import STATE\n"
        "print(_record(_model()[0], [])[('e:e1', STATE)])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == old[("e:e1", STATE)], done.stderr
    event.image = lambda: None  # type: ignore[assignment]  # not something bytes can tell
    assert _record(model, [])[("e:e1", STATE)] == VOLATILE


# Pages that read events' fields from other objects' pages: an actor's and a
# tag's listings print each event's date, body, tags, place and story.
ACTOR_HTML = """<!doctype html><title>{{ actor.name }}</title>
{% for e in events %}<li>{{ e.title }} {{ e.date.iso }} {{ e.date.written }} {{ e.type_label }}
{{ e.body_html }} {% for t in e.tags %}{{ t.name }}({{ t.events|length }}) {% endfor %}
{{ e.places|map(attribute="name")|join(",") }} {{ e.image }} {{ e.outlets|length }}
{% for p in e.actors %}{{ p.actor.name }}/{{ p.role }} {% endfor %}</li>{% endfor %}
"""
TERM_HTML = """<!doctype html><title>{{ term.name }}</title>
{% for e in term.events %}{{ e.title }} {{ e.text }} {{ e.date.start }} {{ e.tags|length }}
{% endfor %}
"""
ACTORS = ("فلاديمير بوتين", "سيرغي لافروف", "بشار الأسد")
TAGS = ("اقتصاد", "مساعدات", "دبلوماسية")
PLACES = ("الرياض", "موسكو", "دمشق")


def _event(rng: random.Random, n: int) -> str:
    actors = rng.sample(ACTORS, rng.randint(1, 2))
    tags = rng.sample(TAGS, rng.randint(0, 2))
    return (
        f'---\ntitle: "حدث {n} {rng.choice(ACTORS)}"\n'
        f"date: 2015-{rng.randint(9, 11):02d}-{rng.randint(1, 28):02d}\n"
        f"actors: [{', '.join(actors)}]\ntags: [{', '.join(tags)}]\n"
        f"place: {rng.choice(PLACES)}\n---\n{rng.choice(['نص.', 'نص آخر.', 'سطر ثالث.'])}\n"
    )


def test_random_edits_of_events_match_a_clean_build_after_every_step(tmp_path: Path) -> None:
    rng = random.Random(7)
    files: dict[str, str | bytes] = {
        "site.toml": 'title = "اختبار"\nreference_date = 2015-10-01\n',
        "templates/actor.html": ACTOR_HTML,
        "templates/term.html": TERM_HTML,
    }
    files.update({f"content/events/e{n}.md": _event(rng, n) for n in range(6)})
    site = write_site(tmp_path / "site", files)
    _build(site)
    for step in range(6):
        events = sorted((site / "content/events").glob("*.md"))
        target = rng.choice(events)
        kind = rng.choice(["rewrite", "append", "add", "remove"])
        if kind == "rewrite":
            target.write_text(_event(rng, step + 10), encoding="utf-8")
        elif kind == "append":
            with target.open("a", encoding="utf-8") as f:
                f.write("سطر جديد.\n")
        elif kind == "add":
            (site / f"content/events/n{step}.md").write_text(_event(rng, step), encoding="utf-8")
        elif len(events) > 2:
            target.unlink()
        _same_as_clean(site, tmp_path)
    assert set(VOUCHED) == set(DERIVED)
