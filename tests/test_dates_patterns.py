"""The tries that replace sorted alternations must match exactly what those did."""

from __future__ import annotations

import random
import re

import pytest

from generator.arabic.date_patterns import _trie
from generator.arabic.date_words import GREGORIAN, HIJRI, ORDINALS, RELATIVE_DAYS, WEEKDAY_NAMES
from generator.arabic.normalize import normalize

TABLES = {
    "gregorian": {normalize(w) for ws in GREGORIAN.values() for w in ws},
    "hijri": {normalize(w) for ws in HIJRI.values() for w in ws},
    "weekdays": {normalize(w) for w in WEEKDAY_NAMES},
    "ordinals": set(ORDINALS),
    "relative": set(RELATIVE_DAYS),
}


def _sorted_alternation(words: set[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_trie_matches_what_the_alternation_matched(name: str) -> None:
    words = TABLES[name]
    trie = re.compile(rf"(?:{_trie(words)})(?!\w)")
    plain = re.compile(rf"(?:{_sorted_alternation(words)})(?!\w)")
    rng = random.Random(4)
    pieces = [*words, "ال", "ي", " ", "  ", "5", "ه"]
    texts = list(words) + ["".join(rng.choice(pieces) for _ in range(3)) for _ in range(3000)]
    for text in texts:
        a, b = trie.match(text), plain.match(text)
        assert (a and a.group()) == (b and b.group()), text


def test_every_spelling_is_matched_whole() -> None:
    for words in TABLES.values():
        trie = re.compile(_trie(words))
        for word in words:
            m = trie.fullmatch(word)
            assert m is not None, word
