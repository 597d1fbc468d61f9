"""Simple front matter is read without a YAML loader (load_text.simple_front_matter,
issue 12): whatever it reads must be exactly what safe_yaml reads, and
anything it cannot read must go to safe_yaml."""

from __future__ import annotations

import random

import yaml

from generator import safe_yaml
from generator.load_text import simple_front_matter

KEYS = ["title", "date", "actors", "tags", "place", "source", "end_date", "on", "null", "Title"]
PIECES = ["أعلن", "القاهرة", "وكالة", "27", "2015", "x", "Lavrov", "مُحَمَّد", "ـ", "٣"]
ODD = [*" :#,[]{}\"'\\-*&!|>%@`?\t\u00a0\u2028\ufeff", "\\n", '\\"', ": ", " #"]


def _value(rng: random.Random) -> str:
    kind = rng.random()
    text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.1:
        cut = rng.randint(0, len(text))
        text = text[:cut] + rng.choice(ODD) + text[cut:]
    if kind < 0.3:
        return f'"{text}"'
    if kind < 0.5:
        items = [f'"{rng.choice(PIECES)}"' for _ in range(rng.randint(0, 3))]
        return "[" + rng.choice([",", ", ", " , "]).join(items) + "]"
    if kind < 0.7:
        return f"{rng.randint(1990, 2030)}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}"
    return text


def _reads_the_same(lines: list[str]) -> bool:
    """Whether the fast reader gives safe_yaml's value (True) or leaves it (False)."""
    fast = simple_front_matter(lines)
    if fast is None:
        return False
    assert fast == safe_yaml.load("\n".join(lines)), lines
    assert [type(v) for v in fast.values()] == [
        type(v) for v in safe_yaml.load("\n".join(lines)).values()
    ]
    return True


def test_simple_front_matter_reads_as_safe_yaml_reads_it() -> None:
    rng = random.Random(7)
    taken = 0
    for _ in range(4000):
        lines = [
            f"{rng.choice(KEYS)}:{rng.choice([' '] * 6 + ['  ', ''])}{_value(rng)}"
            + rng.choice([""] * 9 + [" "])
            for _ in range(rng.randint(0, 5))
        ]
        try:
            taken += _reads_the_same(lines)
        except yaml.YAMLError:
            assert simple_front_matter(lines) is None, lines
    assert taken > 300  # the fast reader is taken, so the comparison means something


def test_what_it_leaves_to_yaml() -> None:
    for lines in (
        ["title: x", "title: y"],  # a duplicate key: safe_yaml's error
        ["on: نعم"],  # a key YAML 1.1 reads as True
        ["draft: true"],
        ["title: نص # تعليق"],
        ['title: "نص" # تعليق'],
        ["  title: نص"],
        ["title: نص:"],
        ["roles:", "  - title: وزير"],
        ["title: 'نص'"],
        [""],
    ):
        assert simple_front_matter(lines) is None, lines
    assert simple_front_matter(["date: 2015-02-30"]) == {"date": "2015-02-30"}
    assert simple_front_matter(["date: 2015-02-30"]) == safe_yaml.load("date: 2015-02-30")
