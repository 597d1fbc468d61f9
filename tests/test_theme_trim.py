"""The shipped theme's templates are read without their indentation
(theme.trimmed): what a reader's browser shows must not change, so wherever
the template printed whitespace it still prints some, and nowhere else."""

from __future__ import annotations

import re

import jinja2
import pytest

from generator.theme import BUILTIN_THEMES, trimmed

SETTINGS = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}
CASES = [
    "<ul>\n  {% for x in xs %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>\n",
    '<p>{% if a %}<span>a</span>{% endif %}\n      <span class="n">{{ b }}</span></p>\n',
    "<p>\n  {{ a }}\n\n   \n  {{ b }}\n</p>\n",
    "{% if a %}\n    x\n{% endif %}\n  y {#- note -#}\n   z {# note #}\n  w\n",
    "<a>{{ a -}}\n    </a>{%- if b %} b{% endif %}\n   <i>{{ b }}</i>",
]


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("source", CASES)
def test_whitespace_stays_where_it_was_printed(source: str) -> None:
    env = jinja2.Environment(**SETTINGS)
    given = {"xs": [1, 2], "a": 1, "b": 2}
    before = env.from_string(source).render(given)
    after = env.from_string(trimmed(source)).render(given)
    assert _spaced(after) == _spaced(before)
    assert len(after) <= len(before)


def test_every_shipped_template_still_parses_and_is_smaller() -> None:
    env = jinja2.Environment(**SETTINGS)
    for path in (BUILTIN_THEMES / "default" / "templates").rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        assert "<pre" not in source  # where whitespace is printed as it is
        env.parse(trimmed(source))
        assert len(trimmed(source)) <= len(source)
