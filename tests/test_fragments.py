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
    other = [(*months[:-1], (2003, 5, 0)), {"a": months, "b": counts}, [counts, "x"], months[:3]]
    assert digest(other, memo) != digest(value, memo)  # a new value is a new digest


def test_a_shared_partial_is_drawn_once_per_input_and_link_depth(tmp_path: Path) -> None:
    site = write_site(
        tmp_path,
        {
            "templates/page.html": '{{ shared("partials/part.html", n=n) }}|{{ n }}',
            "templates/partials/part.html": '{{ tick() }}<a href="{{ url("x/") }}">{{ n }}</a>',
        },
    )
    renderer = _renderer(site)
    drawn: list[int] = []
    renderer.env.globals["tick"] = lambda: str(drawn.append(1) or len(drawn))
    page = renderer.render
    assert page("page.html", "a/index.html", {"n": (1, 2)}) == b'1<a href="../x/">(1, 2)</a>|(1, 2)'
    # The same input at the same depth: the same drawing, not drawn again.
    assert page("page.html", "b/index.html", {"n": (1, 2)}) == b'1<a href="../x/">(1, 2)</a>|(1, 2)'
    # Another depth (links are relative) or another input: drawn again.
    assert page("page.html", "b/c/index.html", {"n": (1, 2)}) == (
        b'2<a href="../../x/">(1, 2)</a>|(1, 2)'
    )
    assert page("page.html", "a/index.html", {"n": (1, 3)}) == b'3<a href="../x/">(1, 3)</a>|(1, 3)'
    assert len(drawn) == 3


def test_a_shared_partial_is_part_of_its_pages_template_digest(tmp_path: Path) -> None:
    files = {
        "templates/page.html": '{{ shared("partials/part.html", n=1) }}',
        "templates/partials/part.html": "{{ n }}",
    }
    before = _renderer(write_site(tmp_path / "a", files)).template_digest("page.html")
    files["templates/partials/part.html"] = "{{ n }}!"
    after = _renderer(write_site(tmp_path / "b", files)).template_digest("page.html")
    assert before != after  # editing the partial re-renders the pages that show it
