"""Text of a phrase: quoted stretches as word ranges, a phrase's words as
written (less the proclitics a reader took off), and a display name without
harakat. The phrase readers (`phrases`) and the actor readers use them;
`phrases` re-exports them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from generator.arabic.lexicon import Tokens, fold

_QUOTES = re.compile(r"«([^«»\n]{1,80})»|“([^“”\n]{1,80})”|\"([^\"\n]{1,80})\"|”([^”\n]{1,80})”")
_UNMARKED = str.maketrans(
    dict.fromkeys(
        [chr(c) for c in (*range(0x0610, 0x061B), *range(0x064B, 0x0660), *range(0x06D6, 0x06EE))]
        + ["\u0670", "\u0640", "\u200c", "\u200d"]
    )
    | {ord("_"): " ", ord("#"): " "}  # a hashtag's words: «#سامي_الحسن»
)


def quotes(t: Tokens) -> dict[int, int]:
    """Quoted stretches as word ranges: first word → index after the last."""
    text = t.text
    if not ("«" in text or "“" in text or '"' in text or "”" in text):
        return {}  # most sentences: four scans in C instead of the pattern's
    out: dict[int, int] = {}
    starts: list[int] = []
    for m in _QUOTES.finditer(t.text):
        starts = starts or [a for a, _ in t.spans]
        group = next(g for g in range(1, 5) if m.group(g) is not None)
        a, b = m.span(group)
        i, j = bisect_left(starts, a), bisect_left(starts, b)
        if i < j:
            out[i] = j
    return out


def surface(t: Tokens, i: int, j: int, stem: str | None = None) -> str:
    """The words i..j-1 as written, less the proclitics that `stem` took off word i."""
    text = t.text[t.spans[i][0] : t.spans[j - 1][1]]
    word = t.words[i]
    if stem is None or stem == word:
        return text
    if word.endswith(stem):
        return _drop_letters(text, len(word) - len(stem))
    # ل + ال written لل: drop what precedes the ل, then give the article back its alef.
    return "ا" + _drop_letters(text, len(word) - len(stem) + 1)


def _drop_letters(text: str, count: int) -> str:
    for pos, ch in enumerate(text):
        if count == 0:
            return text[pos:]
        if fold(ch):
            count -= 1
    return ""


def plain(text: str) -> str:
    """A display name built from pieces of text: no harakat or tatweel."""
    return " ".join(text.translate(_UNMARKED).split())
