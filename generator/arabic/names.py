"""Personal names after a title: «الرئيس رجب طيب أردوغان،», «الأمير محمد بن
سلمان», «المتحدث باسم مجلس الوزراء، حسن ناظم،».

A name is read by its shape, since no list holds every name: words that are
no particle, date, title, place or verb we know, joined by بن/عبد/أبو/آل,
with a clear boundary after a one-word name. `name_word` is also what the
organisation readers ask of a group's or a tribe's proper name.
"""

from __future__ import annotations

import re

from generator.arabic.gazetteer import PLACES
from generator.arabic.lexicon import Tokens, follows, is_definite, is_verb, joined, stems
from generator.arabic.words_names import (
    CONNECTORS,
    CONSTRUCT_NOUNS,
    DATE_WORDS,
    HEADS_CONSTRUCT,
    HEADS_DEFINITE,
    STOP,
)

_ARABIC = re.compile(r"^[\u0621-\u064a]+$")
MASDAR = re.compile(r"^ت..ي.$")  # تفعيل
_TANWEEN = re.compile("[\u064b-\u064d]")
LINEAGE = frozenset(("بن", "ابن", "بنت"))
# «سيشارك», «ستعقد», «سنعمل»: the future prefix on an imperfect verb.
_FUTURE = re.compile(r"^س[يتن].{2,}$")
# Given names that are also construct titles («عبد», «أبو» start names too).
_NAME_OPENERS = frozenset(("عبد", "ابو"))
_AND_NOT_NAME = (
    HEADS_CONSTRUCT
    | HEADS_DEFINITE
    | CONSTRUCT_NOUNS
    | frozenset(("كان", "كانت", "كانوا", "لكن", "قد", "هو", "هي"))
)


def name_word(w: str, after_connector: bool = False) -> bool:
    """A word that can be part of a personal name. After «بن»/«عبد» a name is
    certain, so a word that also reads as a verb with a clitic («فيصل»: ف + يصل)
    still counts there."""
    if w[:1] == "و" and (w[1:] in _AND_NOT_NAME or w[1:] in STOP):  # «وولي عهد», «وكان»
        return False
    if after_connector and w in ("الله", "علي"):  # «عبد الله», «أبو علي», «بن علي»
        return True
    return (
        len(w) >= 2
        and _ARABIC.match(w) is not None
        and w not in STOP
        and w not in DATE_WORDS
        and w not in HEADS_DEFINITE
        and w not in HEADS_CONSTRUCT
        and w not in CONSTRUCT_NOUNS
        and w not in PLACES
        and (after_connector or not is_verb(w))
    )


def clitic_masdar(w: str) -> bool:
    """«بتحديد», «لتعزيز»: a preposition on a verbal noun, never a name."""
    return w[:1] in ("ب", "ل") and MASDAR.match(w[1:]) is not None


def person_name(t: Tokens, j: int) -> int:
    """A personal name right after a title: 1 to 4 words, with بن/عبد/أبو/آل.

    The first word is not definite (that would be an adjective: «الرئيس الفرنسي»).
    Two words are taken; a third only before punctuation or through a connector
    («محمد بن زايد آل نهيان», «رجب طيب أردوغان،»), and a single word only when a
    clear boundary follows it, since «الرئيس X Y» runs on into the sentence.
    """
    n = len(t.words)
    if not follows(t, j):
        return j
    first = t.words[j]
    loose = joined(t, j + 1) and t.words[j + 1] in CONNECTORS  # «فيصل بن فرحان»
    opener = first in _NAME_OPENERS and joined(t, j + 1) and name_word(t.words[j + 1], True)
    if not opener and (not name_word(first, loose) or first in CONNECTORS or clitic_masdar(first)):
        return j
    if _FUTURE.match(first) and not (joined(t, j + 1) and name_word(t.words[j + 1])):
        return j  # «الرئيس السوري سيشارك في …», «الوزير سيحضر الاجتماع»
    if _FUTURE.match(first) and is_definite(t.words[j + 1]):
        return j
    lineage = False
    hamza = t.text[t.spans[j][0]] in "أإآ"  # «إليسار» folds to «اليسار» but has no article
    if not hamza and any(is_definite(s) for s in stems(first)):  # «الفرنسي», «بالملف»
        return j
    k, count = j + 1, 1
    while joined(t, k):
        w, prev = t.words[k], t.words[k - 1]
        if prev in CONNECTORS:
            if not (name_word(w, True) or w in CONNECTORS):
                return k - 1 if count > 1 else j
            lineage = lineage or prev in LINEAGE
            k += 1
            continue
        if lineage and w not in CONNECTORS:
            break  # «الأمير تركي بن عبدالله بزيارة»: after «بن X» only «بن»/«آل» go on
        if w in CONNECTORS:
            if not joined(t, k + 1) or not name_word(t.words[k + 1], True):
                break
            k += 1
            continue
        if not name_word(w) or count >= 4:
            break
        if any(is_definite(s) for s in stems(w)[1:]):  # «بالوفد»: a clitic, not a name
            break
        if count == 1 or t.brk[k] or k + 1 == n:
            k, count = k + 1, count + 1
            continue
        break
    if count == 1 and k == j + 1:
        if _TANWEEN.search(t.text, t.spans[j][0], t.spans[j][1]):
            return j  # «تقريرًا»: an indefinite noun, never a name
        after = t.words[k] if joined(t, k) else ""
        if after and not ends_name(after):
            return j
    return k


def ends_name(w: str) -> bool:
    """A word that cannot continue a one-word name after a title, so the name
    ends before it: a particle, a date, a verb, the next title in apposition
    («الأمير ويليام أمير ويلز»), or «و» opening a clause («… ويليام وكان …»)."""
    return (
        w in STOP
        or w in DATE_WORDS
        or is_verb(w)
        or w in HEADS_CONSTRUCT
        or w in HEADS_DEFINITE
        or (w[:1] == "و" and (w[1:] in STOP or w[1:] in _AND_NOT_NAME))
    )


def name_between_commas(t: Tokens, j: int) -> int:
    """«المتحدث باسم مجلس الوزراء، حسن ناظم، في …»: a name set off by commas
    after a title. Two words at least and a comma (or the end) after them, so
    that «وزير الخارجية، عقب لقائه …» stays a title alone."""
    if (
        j == 0
        or j >= len(t.words)
        or t.text[t.spans[j - 1][1] : t.spans[j][0]].strip()
        not in (
            "،",
            ",",
        )
    ):
        return j
    first = t.words[j]
    if not name_word(first) or first in CONNECTORS or any(is_definite(s) for s in stems(first)):
        return j
    k = j + 1
    while k < len(t.words) and not t.brk[k - 1] and k - j < 4:
        w = t.words[k]
        if not (name_word(w, t.words[k - 1] in CONNECTORS) or w in CONNECTORS):
            return j
        k += 1
    if k - j < 2 or not t.brk[k - 1] or t.words[k - 1] in CONNECTORS:
        return j
    if all(w.endswith("ا") for w in t.words[j:k]):  # «اتصالا هاتفيا»: noun and adjective
        return j
    gap = t.text[t.spans[k - 1][1] : t.spans[k][0]] if k < len(t.words) else ""
    return k if k == len(t.words) or gap.strip()[:1] in ("،", ",", ".") else j
