"""Fragments drawn once and shown on many pages (generator/fragments.py), and
the digest memo that flattens a listing's shared values once (deps.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import write_site

from generator.config import SiteConfig
from generator.deps import digest
from generator.render import Renderer, Theme


def _renderer(site: Path) -> Renderer:
    theme = Theme(("site",), (site / "templates",), ())
    return Renderer(theme, SiteConfig(), "test")  # type: ignore[arg-type]


def test_a_memo_changes_no_digest() -> None:
    months = tuple((2000 + i // 12, i % 12 + 1, i) for i in range(40))
    counts = {f"p{i}/": i for i in range(12)}
    value = [months, {"a": months, "b": counts}, [counts, "x"], months[:3]]
    memo: dict = {}
    assert digest(value, memo) == digest(value) == digest(value, memo)
    assert memo, "a long tuple given twice is flattened once"
    # It keeps a digest per value, not its text (every listing's events: 300 MB at 10,000)
    assert all(len(text) == 33 for _, text in memo.values())
    other = [(*months[:-1], (2003, 5, 0)), {"a": months, "b": counts}, [counts, "x"], months[:3]]
    assert digest(other, memo) != digest(value, memo)  # a new value is a new digest


def test_a_shared_partial_is_drawn_once_per_input_at_every_depth(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "templates/page.html": '{{ shared("partials/part.html", n=n) }}|{{ n }}',
            "templates/partials/part.html": (
                '{{ tick() }}<a href="{{ url("x/") }}">{{ n }}</a><a href="{{ url("") }}">h</a>'
                '<a href="{{ url("y/") ~ "#z" }}">{{ n }}</a>'
            ),
        },
    )
    renderer = _renderer(site)
    drawn: list[int] = []
    renderer.env.globals["tick"] = lambda: str(drawn.append(1) or len(drawn))
    page = renderer.render
    one = '1<a href="{0}x/">(1, 2)</a><a href="{1}">h</a><a href="{0}y/#z">(1, 2)</a>|(1, 2)'
    assert page("page.html", "a/index.html", {"n": (1, 2)}) == one.format("../", "../").encode()
    # The same input at another depth (links are relative): the same drawing,
    # with the page's own way up put in.
    assert page("page.html", "b/index.html", {"n": (1, 2)}) == one.format("../", "../").encode()
    assert page("page.html", "b/c/index.html", {"n": (1, 2)}) == (
        one.format("../../", "../../").encode()
    )
    assert page("page.html", "index.html", {"n": (1, 2)}) == one.format("", "./").encode()
    assert len(drawn) == 1
    # Another input: drawn again.
    assert page("page.html", "a/index.html", {"n": (1, 3)}).startswith(b'2<a href="../x/">')
    assert len(drawn) == 2


def test_a_partial_that_looks_at_its_links_is_drawn_per_depth(tmp_path: Path) -> None:
    """A fragment's output that depends on the real link (a test on it, a
    helper given it, a link printed twice or not at all) is drawn for each
    depth, and is what a page drawing it itself would show."""
    parts = {
        "test": '{% if url("x/").startswith("../") %}deep{% else %}top{% endif %}',
        "helper": '{{ url("x/")|upper }}',
        "python": '{{ shout(url("x/")) }}',
        "twice": '{% set u = url("x/") %}{{ u }}{{ u }}',
        "unused": '{% set u = url("x/") %}-',
        "length": '{{ url("x/")|length }}',
    }
    files = {"templates/page.html": '{{ shared("partials/" ~ kind ~ ".html", n=1) }}'}
    files |= {f"templates/partials/{k}.html": v for k, v in parts.items()}
    renderer = _renderer(write_site(tmp_path, files))
    renderer.env.globals["shout"] = lambda s: s.upper() + "!"  # str methods only: no Link

    def page(kind: str, path: str) -> str:
        return renderer.render("page.html", path, {"kind": kind}).decode()

    expected = {
        "test": ("top", "deep", "deep"),
        "helper": ("X/", "../X/", "../../X/"),
        "python": ("X/!", "../X/!", "../../X/!"),
        "twice": ("x/x/", "../x/../x/", "../../x/../../x/"),
        "unused": ("-", "-", "-"),
        "length": ("2", "5", "8"),
    }
    for kind, want in expected.items():
        for _ in range(2):  # drawn, then kept: the same either way
            got = tuple(page(kind, p) for p in ("index.html", "a/index.html", "a/b/index.html"))
            assert got == want, kind


def test_a_shared_partial_is_part_of_its_pages_template_digest(tmp_path: Path) -> None:
    files = {
        "templates/page.html": '{{ shared("partials/part.html", n=1) }}',
        "templates/partials/part.html": "{{ n }}",
    }
    before = _renderer(write_site(tmp_path / "a", files)).template_digest("page.html")
    files["templates/partials/part.html"] = "{{ n }}!"
    after = _renderer(write_site(tmp_path / "b", files)).template_digest("page.html")
    assert before != after  # editing the partial re-renders the pages that show it


def test_a_build_keeps_only_its_last_listing_fragments(tmp_path: Path) -> None:
    """With a `limit` (a `tarikh build`: jobs.py), a fragment given no model
    object is let go once `limit` newer ones were drawn, and drawn again, the
    same bytes, if asked for again; without one (the preview) all are kept."""
    site = write_site(
        tmp_path,
        {
            "templates/page.html": '{{ shared("partials/part.html", n=n) }}',
            "templates/partials/part.html": '<a href="{{ url("x/") }}">{{ n }}{{ tick() }}</a>',
        },
    )
    renderer = _renderer(site)
    drawn: list[int] = []
    renderer.env.globals["tick"] = lambda: drawn.append(1) or ""
    renderer.fragments.limit = 2
    first = renderer.render("page.html", "a/index.html", {"n": (1,)})
    for n in (1, 2, 1, 3):  # (1,) is the last used when (3,) comes: (2,) goes
        renderer.render("page.html", "b/index.html", {"n": (n,)})
    assert len(drawn) == 3
    renderer.render("page.html", "b/index.html", {"n": (1,)})
    assert len(drawn) == 3
    assert renderer.render("page.html", "a/index.html", {"n": (2,)}) == b'<a href="../x/">(2,)</a>'
    assert len(drawn) == 4  # drawn again
    assert renderer.render("page.html", "a/index.html", {"n": (1,)}) == first
    renderer.fragments.limit = 0
    for n in range(10, 20):
        renderer.render("page.html", "b/index.html", {"n": (n,)})
    drawn.clear()
    for n in range(10, 20):
        renderer.render("page.html", "c/index.html", {"n": (n,)})
    assert not drawn


def test_a_card_is_drawn_once_for_every_heading_level(tmp_path: Path) -> None:
    """The theme's own card prints its heading level and does nothing else
    with it: drawn once, each page's copy gets its own level. A card that
    looks at its level (a site's) is drawn per level, the same bytes as
    a page drawing it itself."""
    from generator.model import Event

    event = Event("e1", "title", "text", None, "type", [])
    card = '{% set level = heading|default(3) %}{{ tick() }}<h{{ level }}><a href="{{ url("e/") }}">t</a></h{{ level }}>'
    looks = '{{ tick() }}{% if heading > 4 %}small{% endif %}<h{{ heading }}>{{ "%d"|format(heading + 0) }}'
    # The card looked at: its first drawing is given up, then one per level.
    for i, (template, levels, draws) in enumerate(
        ((card, True, 1), (card, False, 2), (looks, True, 3))
    ):
        site = write_site(
            tmp_path / str(i),
            {
                "templates/page.html": "{{ card(e, n) }}",
                "templates/partials/event-card.html": template,
            },
        )
        renderer = _renderer(site)
        renderer.fragments.levels = levels
        drawn: list[int] = []
        renderer.env.globals["tick"] = lambda drawn=drawn: drawn.append(1) or ""
        pages: dict[tuple[int, str], str] = {}
        for _ in range(2):  # drawn, then kept: the same either way
            for n, path in ((4, "index.html"), (5, "a/b/index.html"), (4, "a/index.html")):
                got = renderer.render("page.html", path, {"e": event, "n": n}).decode()
                assert pages.setdefault((n, path), got) == got
        if template == card:
            assert pages[4, "index.html"] == '<h4><a href="e/">t</a></h4>'
            assert pages[5, "a/b/index.html"] == '<h5><a href="../../e/">t</a></h5>'
            assert pages[4, "a/index.html"] == '<h4><a href="../e/">t</a></h4>'
        else:
            assert pages[5, "a/b/index.html"] == "small<h5>5"
            assert pages[4, "a/index.html"] == "<h4>4"
        assert len(drawn) == draws, (levels, template)


def test_the_builtin_card_is_drawn_for_every_level_and_a_sites_own_is_not(tmp_path: Path) -> None:
    from generator.render import resolve_theme

    theme = resolve_theme(SiteConfig(), tmp_path)
    assert Renderer(theme, SiteConfig(), "t").fragments.levels
    write_site(tmp_path, {"templates/partials/date.html": "{{ date }}"})  # the card includes it
    theme = resolve_theme(SiteConfig(), tmp_path)
    assert not Renderer(theme, SiteConfig(), "t").fragments.levels


def test_cards_prints_what_a_loop_of_card_prints(tmp_path: Path) -> None:
    """`cards(events, n)`: one call for a month's list, the same bytes and the
    same reads as `<li>{{ card(e, n) }}</li>` line by line."""
    from generator.model import Event

    events = [Event(f"e{i}", f"t{i}", "x", None, "type", []) for i in range(3)]
    site = write_site(
        tmp_path,
        {
            "templates/loop.html": "{% for e in es %}<li>{{ card(e, 4) }}</li>\n{% endfor %}",
            "templates/one.html": "{{ cards(es, 4) }}",
            "templates/partials/event-card.html": (
                '<h{{ heading }}><a href="{{ url(event.slug ~ "/") }}">{{ event.title }}</a>'
            ),
        },
    )
    renderer = _renderer(site)
    for path in ("index.html", "a/b/index.html"):
        loop = renderer.render_tracked("loop.html", path, {"es": events})
        one = renderer.render_tracked("one.html", path, {"es": events})
        assert one[0] == loop[0] and one[0].count(b"<li><h4>") == 3
        assert one[1] == loop[1] and set(one[2]) == set(loop[2])
