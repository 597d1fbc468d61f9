"""People listed after «كل من»: «وعضوية كل من مطر الطاير، وعمر العلماء».

«كل من» announces a list of people or bodies, so each item that no other
reader took is read as a personal name by its shape alone (two to four name
words, no article on the first), even when its first word is no given name
we know («مطر») or is a common word («عمر» before «العلماء»). An item ends at
a comma, at «و» opening the next item, or at a post in the accusative
(«نائباً للرئيس»); the list ends at the first item that is no name.
"""

from __future__ import annotations

from generator.arabic import phrases
from generator.arabic.lexicon import Tokens, is_definite, joined, stems
from generator.arabic.mentions import Found, discovered
from generator.arabic.names_words import ends_name, name_word
from generator.arabic.words_given import NAME_STARTS
from generator.arabic.words_names import (
    CONNECTORS,
    CONSTRUCT_NOUNS,
    DUALS,
    EACH,
    FACILITIES,
    HEADS_CONSTRUCT,
    ORG_HEADS,
)


def listed_people(t: Tokens, found: list[Found]) -> list[Found]:
    """Names in a «كل من» list that `found` does not cover yet."""
    words, n = t.words, len(t.words)
    out: list[Found] = []
    for k in range(n - 2):
        if words[k] not in EACH or words[k + 1] != "من" or t.brk[k]:
            continue
        i = k + 2
        while i < n:
            taken = next((f for f in found if f.start <= i < f.end), None)
            end = taken.end if taken else _item(t, i, first=i == k + 2)
            if end == i:
                break
            if taken is None:
                stem = words[i][1:] if i > k + 2 and words[i][:1] == "و" else words[i]
                written = phrases.surface(t, i, end, stem)
                out.append(Found(i, end, discovered(phrases.plain(written), written, "person")))
            i = _next_item(t, end)
            if i is None:
                break
    return out


def _item(t: Tokens, i: int, first: bool) -> int:
    """The end of a name of two to four words from word i, or i."""
    words, n = t.words, len(t.words)
    w = words[i] if first or words[i][:1] != "و" else words[i][1:]
    if not name_word(w) or w in CONNECTORS or any(is_definite(s) for s in stems(w)):
        return i
    if w in DUALS or w[:-1] in HEADS_CONSTRUCT:  # «وزيري الخارجية …»: titles, read by theirs
        return i
    if w in FACILITIES or w in CONSTRUCT_NOUNS or w in ORG_HEADS:
        return i  # «كل من دار القضاء العالي ونادي القضاة»: places and bodies
    k = i + 1
    while joined(t, k) and k - i < 4:
        w, prev = words[k], words[k - 1]
        if _post(w) or (w[:1] == "و" and w not in NAME_STARTS and k - i >= 2):
            break  # «نائباً»; «… وعمر الفقهاء»: the next item
        if w in CONNECTORS or name_word(w, prev in CONNECTORS):
            k += 1
            continue
        break
    if k - i < 2 or words[k - 1] in CONNECTORS:
        return i
    if k == n or t.brk[k - 1] or ends_name(words[k]) or _post(words[k]) or words[k][:1] == "و":
        return k
    return i


def _post(w: str) -> bool:
    """«نائباً»: a post in the accusative, saying what the listed person is."""
    return w[-1:] == "ا" and w[:-1] in HEADS_CONSTRUCT


def _next_item(t: Tokens, end: int) -> int | None:
    """Where the next item starts: after a comma, or at a word with «و»; past
    a post in the accusative and its complement («نائباً للرئيس،»)."""
    words, n = t.words, len(t.words)
    k = end
    if k < n and not t.brk[k - 1] and _post(words[k]):
        while k < n and not t.brk[k]:
            k += 1
        k += 1
    elif k < n and t.brk[k - 1]:
        gap = t.text[t.spans[k - 1][1] : t.spans[k][0]].strip()
        if gap not in ("،", ","):
            return None
    elif not (k < n and words[k][:1] == "و"):
        return None
    return k if k < n else None
