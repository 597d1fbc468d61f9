"""A body of plain paragraphs is converted without Markdown (load.render_markdown's
fast road, issue 12): on every body it takes, it must give exactly what
Markdown and the sanitiser give, and the text readers see must be the same."""

from __future__ import annotations

import html
import random

import nh3

from generator.arabic.normalize import clean
from generator.load import Markdown, _plain_paragraphs, render_markdown

WORDS = ["أعلن", "الرئيس", "بوتين", "Lavrov", "2015", "١٤٣٦", "مُحَمَّد", "ـ", "UN", "x²"]
MARKS = [*" .,!?;:'\"()%/«»“”‘’…–—-،؛؟٪", "\u064e", "\u0670"]
TRAPS = [*"*_`#><&[]{}|~=+\\\t\u00a0\u200c\u2028", "1. ", "- ", "  ", "    ", "\n\n"]


def _slow(body: str) -> tuple[str, str]:
    converted = nh3.clean(
        Markdown()(body), url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer"
    )
    text = clean(" ".join(html.unescape(nh3.clean(converted, tags=set())).split()))
    return converted, text


def _body(rng: random.Random, traps: float) -> str:
    lines = []
    for _ in range(rng.randint(0, 6)):
        parts = [rng.choice(WORDS[:4])] if rng.random() < 0.7 else []
        for _ in range(rng.randint(0, 8)):
            roll = rng.random()
            pool = TRAPS if roll < traps else MARKS if roll < 0.4 else WORDS
            parts.append(rng.choice(pool))
            if rng.random() < 0.7:
                parts.append(" ")
        lines.append("".join(parts).rstrip(" ") if rng.random() < 0.9 else "".join(parts))
    return "\n".join(lines)


def test_plain_bodies_convert_as_markdown_converts_them() -> None:
    rng = random.Random(12)
    fast = 0
    for i in range(3000):
        body = _body(rng, 0.0 if i % 2 else 0.05)
        if not body.strip():
            continue
        slow_html, slow_text = _slow(body)
        assert render_markdown(body) == slow_html, repr(body)
        if _plain_paragraphs(body) is not None:
            fast += 1
            assert clean(" ".join(body.split())) == slow_text, repr(body)
    assert fast > 1000  # the road is taken, so the comparison means something


def test_syntax_takes_the_markdown_road() -> None:
    for body in (
        "نص\n1. بند",
        "نص\n- بند",
        "عنوان\n===",
        "عنوان\n---",
        "نص  \nسطر",
        "    شيفرة",
        "نص\n: تعريف",
        "نص *مائل*",
        "نص <b>عريض</b>",
        "نص &amp; آخر",
        "نص\u00a0آخر",
        "١. بند",
    ):
        assert _plain_paragraphs(body) is None, body


def test_a_long_body_with_a_trailing_space_is_quick() -> None:
    body = ("كلمة " * 2000 + "\n") * 200 + "كلمة "
    assert _plain_paragraphs(body) is None
