"""The shapes of names in Arabic news: titles, personal names, organisations, quotes.

Each function reads a `Tokens` from a word index and says where the phrase it
recognises ends (the index after its last word), or returns the index it was
given when there is none. They never cross punctuation (`Tokens.brk`): a
comma ends a title, a name, an organisation's name. They know nothing of the
registry except the first words of its aliases, so that a registered name
(«السيسي») is never swallowed as an adjective of the title before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from generator.arabic.gazetteer import NATIONALITIES, PLACES
from generator.arabic.lexicon import Tokens, fold, is_definite, is_verb, stems
from generator.arabic.words_names import (
    CONNECTORS,
    CONSTRUCT_NOUNS,
    DATE_WORDS,
    HEADS_CONSTRUCT,
    HEADS_DEFINITE,
    HONORIFIC_NEXT,
    ORG_HEADS,
    ORG_HEADS_DEFINITE,
    STOP,
    TITLE_ADJECTIVES,
)

_QUOTES = re.compile(r"«([^«»\n]{1,80})»|“([^“”\n]{1,80})”|\"([^\"\n]{1,80})\"|”([^”\n]{1,80})”")
_SPEAKERS = frozenset(("المتحدث", "الناطق", "متحدث", "ناطق", "المتحدثه", "الناطقه"))
_OFFICIAL = frozenset(("الرسمي", "الرسميه"))
_RULERS = frozenset(("امير", "ملك", "حاكم"))
_BARE_TITLES = frozenset(("سمو", "فخامه", "معالي", "شيخ", "امير", "ملك", "صاحب", "خادم"))
_NOT_GENITIVE = DATE_WORDS | frozenset(("الذي", "التي", "الذين", "الان", "التاكيد"))
_UNMARKED = str.maketrans(
    dict.fromkeys(
        [chr(c) for c in (*range(0x0610, 0x061B), *range(0x064B, 0x0660), *range(0x06D6, 0x06EE))]
        + ["\u0670", "\u0640", "\u200c", "\u200d"]
    )
)
# Nouns that continue a title after «و» («وزير الخارجية وشؤون المغتربين»); an
# organisation's head there starts the next actor («الرئاسة السورية وهيئة …»).
_CONTINUING = CONSTRUCT_NOUNS - ORG_HEADS - frozenset(("حكومه", "قوات", "جيش", "وزراء"))
_CHARGED = frozenset(("الخاص", "الخاصه", "المكلف", "المكلفه", "المعني", "المعنيه"))
_ARABIC = re.compile(r"^[\u0621-\u064a]+$")
_MASDAR = re.compile(r"^ت..ي.$")  # تفعيل
_TANWEEN = re.compile("[\u064b-\u064d]")
_LINEAGE = frozenset(("بن", "ابن", "بنت"))
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


def joined(t: Tokens, k: int) -> bool:
    """Word k exists and follows word k-1 with nothing but spaces between."""
    return k < len(t.words) and not t.brk[k - 1]


def follows(t: Tokens, k: int) -> bool:
    """Word k follows word k-1 with only spaces, a closing quote or a slash
    between: «رئيسة مجلس إدارة شركة "تلفزيون لبنان" إليسار نداف», and the
    Gulf's official style «الأمير / محمد», «الأستاذ/ خالد»."""
    if k >= len(t.words):
        return False
    gap = t.text[t.spans[k - 1][1] : t.spans[k][0]]
    return not gap.strip(' \t"»”/')


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


# ------------------------------------------------------------------ titles


def genitive(t: Tokens, k: int, quoted: dict[int, int]) -> int:
    """A construct's completion: nouns in construct, ending in a definite noun,
    a place or a quoted name («مجلس إدارة شركة "تلفزيون لبنان"»)."""
    done = k
    while k < len(t.words):
        if k in quoted:
            return quoted[k]
        if t.brk[k - 1]:
            break
        w = t.words[k]
        if w in CONSTRUCT_NOUNS:
            k += 1
            continue
        if (is_definite(w) and w not in _NOT_GENITIVE) or w in PLACES:
            return k + 1
        break
    return done


def proper_complement(t: Tokens, k: int, masculine: bool) -> int:
    """A one-word proper name completing a group's or a province's head
    («حركة حماس», «محافظة بابل»), or k. An indefinite adjective is no name
    («جماعة مسلحة», «حزب سياسي»), so a word with the head's agreement ending
    is not taken, nor one that the next word would continue."""
    if not joined(t, k):
        return k
    w = t.words[k]
    if (
        not _name_word(w)
        or is_definite(w)
        or w in CONNECTORS
        or _clitic_masdar(w)
        or _MASDAR.match(w)
        or w.endswith(("ه", "ا", "ات"))
        or (masculine and w.endswith("ي"))
        or len(w) < 3
    ):
        return k
    if joined(t, k + 1):
        after = t.words[k + 1]
        preposition = any(is_definite(s) for s in stems(after)[1:])  # «بالعاصمة»
        pronoun = after.endswith(("ها", "هم", "هما"))  # «حركة فتح رفضها»
        if not (preposition or pronoun or _ends_name(after) or after in NATIONALITIES):
            return k
    return k + 1


def definite_chain(t: Tokens, k: int) -> int:
    """A tribe's name runs on through definite names: «عشيرة الحسن الجاسم»."""
    while joined(t, k) and is_definite(t.words[k]) and _name_word(t.words[k]):
        if t.words[k] in NATIONALITIES or t.words[k] in _NOT_GENITIVE:
            break
        k += 1
    return k


def adjectives(t: Tokens, k: int, alias_starts: frozenset[str], nisba: bool = False) -> int:
    """Adjectives and coordinated complements that belong to the phrase before them."""
    words, brk, n = t.words, t.brk, len(t.words)
    while k < n and not brk[k - 1]:
        w = words[k]
        if k + 1 < n and not brk[k] and words[k + 1] in _LINEAGE:
            break  # «الأمير تركي بن عبدالله»: a first name, not «Turkish»
        if (
            w in NATIONALITIES
            or w in TITLE_ADJECTIVES
            or (nisba and is_definite(w) and w.endswith(("ي", "يه")) and w not in alias_starts)
        ):
            k += 1
        elif w[:1] == "و" and w[1:] in _CONTINUING and joined(t, k + 1):
            if not is_definite(t.words[k + 1]):
                break
            k += 2
        elif (
            w[:1] == "و"
            and is_definite(w[1:])
            and w[1:] not in HEADS_DEFINITE
            and w[1:] not in ORG_HEADS_DEFINITE
            and w[1:] not in alias_starts
            and w[1:] not in _NOT_GENITIVE
            and (w[1:] in NATIONALITIES or w[1:] in TITLE_ADJECTIVES or nisba)
        ):
            k += 1
        else:
            break
    return k


def complement(t: Tokens, k: int, alias_starts: frozenset[str]) -> int:
    """What an organisation is «of», after «ل»: «… للأمم المتحدة», «… لمدينة
    الرياض», «… لمجلس الوزراء», «… لرئيس مجلس الوزراء»."""
    if not joined(t, k):
        return k
    w = t.words[k]
    if w.startswith("لل") and len(w) > 4:
        return adjectives(t, k + 1, alias_starts, nisba=True)
    if w[:1] == "ل" and (w[1:] in CONSTRUCT_NOUNS or w[1:] in HEADS_CONSTRUCT):
        end = genitive(t, k + 1, {})
        return adjectives(t, end, alias_starts, nisba=True) if end > k + 1 else k
    return k


def place_end(t: Tokens, k: int) -> int:
    """The end of the longest gazetteer place written from word k, or k."""
    best = k + 1 if t.words[k] in PLACES else k
    for rest in _PLACE_TAILS.get(t.words[k], ()):
        end = k + 1 + len(rest)
        if end > best and tuple(t.words[k + 1 : end]) == rest and not any(t.brk[k : end - 1]):
            best = end
    return best


_PLACE_TAILS: dict[str, list[tuple[str, ...]]] = {}
for _place in PLACES:
    _first, *_rest = _place.split()
    if _rest:
        _PLACE_TAILS.setdefault(_first, []).append(tuple(_rest))


def _destination(t: Tokens, k: int, alias_starts: frozenset[str]) -> int:
    """«… للأمم المتحدة», «… لسوريا», «… إلى سوريا» after an envoy's title."""
    if not joined(t, k):
        return k
    w = t.words[k]
    if w.startswith("لل") and len(w) > 4:
        return adjectives(t, k + 1, alias_starts)
    if w[:1] == "ل" and w[1:] in PLACES:
        return k + 1
    if w[:1] == "ل" and w[1:] in CONSTRUCT_NOUNS:
        end = genitive(t, k + 1, {})
        return adjectives(t, end, alias_starts) if end > k + 1 else k
    if w in ("الي", "لدي") and joined(t, k + 1):  # «السفير … لدى المملكة المتحدة»
        end = place_end(t, k + 1)
        if end > k + 1:
            return end
    if w.startswith("بال") and t.words[k - 1] in _CHARGED:  # «المبعوث الخاص بالملف السوري»
        return adjectives(t, k + 1, alias_starts, nisba=True)
    return k


def title(
    t: Tokens, i: int, quoted: dict[int, int], alias_starts: frozenset[str]
) -> tuple[int, list[tuple[int, int, str]]]:
    """A title from word i: its end, and its segments as (start, end, head stem).

    Segments chain without punctuation: «نائب رئيس مجلس الوزراء وزير الخارجية»,
    «صاحب السمو الشيخ», «السيد الرئيس الدكتور».
    """
    segments: list[tuple[int, int, str]] = []
    words, n = t.words, len(t.words)
    j = i
    while j < n and (j == i or not t.brk[j - 1]):
        w = words[j]
        if j == i:
            head = _opening_head(w)
        else:  # a chained title is the word itself or the word after «و»
            head = (
                w
                if w in _TITLE_HEADS
                else w[1:]
                if w[:1] == "و" and w[1:] in _TITLE_HEADS
                else None
            )
        if head is None:
            break
        k = j + 1
        if head in HEADS_CONSTRUCT:
            if joined(t, k) and words[k] in HONORIFIC_NEXT:
                k += 1
                while joined(t, k) and words[k] in _HONORIFIC_RUN:
                    k += 1
            else:
                end = genitive(t, k, quoted)
                if end == k and joined(t, k) and t.words[k] in HEADS_CONSTRUCT:
                    # «نائب رئيس الوزراء», «مستشار خادم الحرمين»: a title in
                    # construct with the next one is one title, not two.
                    inner = title(t, k, quoted, alias_starts)[1]
                    end = inner[0][1] if inner else k
                if end == k and head not in _BARE_TITLES:
                    break
                if end == k and head in _RULERS and _proper_genitive(t, k):
                    end = k + 1  # «أمير ويلز»: the land he is prince of, not his name
                k = end
        elif head in _SPEAKERS and joined(t, k):
            by = k + 1 if t.words[k] in _OFFICIAL and joined(t, k + 1) else k
            if t.words[by] == "باسم":  # «المتحدث (الرسمي) باسم وزارة الخارجية»
                end = genitive(t, by + 1, quoted)
                if end == by + 1:
                    break
                k = end
        k = adjectives(t, k, alias_starts, nisba=head in HEADS_CONSTRUCT)
        k = _destination(t, k, alias_starts)
        segments.append((j, k, head))
        j = k
    return (segments[-1][1] if segments else i), segments


_TITLE_HEADS = HEADS_DEFINITE | HEADS_CONSTRUCT
_HONORIFIC_RUN = HONORIFIC_NEXT | TITLE_ADJECTIVES


@lru_cache(maxsize=16384)
def _opening_head(word: str) -> str | None:
    """The title a word opens, through its proclitics («وللرئيس» → «الرئيس»)."""
    return next((s for s in stems(word) if s in _TITLE_HEADS), None)


def _proper_genitive(t: Tokens, k: int) -> bool:
    """Word k completes an indefinite ruler's title as a proper name: one word,
    not a name's first part, not a title, an article or a particle."""
    if not joined(t, k) or (joined(t, k + 1) and t.words[k + 1] in CONNECTORS):
        return False
    w = t.words[k]
    return _name_word(w) and w not in CONNECTORS and not is_definite(w)


# ------------------------------------------------------------------ names


def _name_word(w: str, after_connector: bool = False) -> bool:
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


def _clitic_masdar(w: str) -> bool:
    """«بتحديد», «لتعزيز»: a preposition on a verbal noun, never a name."""
    return w[:1] in ("ب", "ل") and _MASDAR.match(w[1:]) is not None


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
    opener = first in _NAME_OPENERS and joined(t, j + 1) and _name_word(t.words[j + 1], True)
    if not opener and (
        not _name_word(first, loose) or first in CONNECTORS or _clitic_masdar(first)
    ):
        return j
    if _FUTURE.match(first) and not (joined(t, j + 1) and _name_word(t.words[j + 1])):
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
            if not (_name_word(w, True) or w in CONNECTORS):
                return k - 1 if count > 1 else j
            lineage = lineage or prev in _LINEAGE
            k += 1
            continue
        if lineage and w not in CONNECTORS:
            break  # «الأمير تركي بن عبدالله بزيارة»: after «بن X» only «بن»/«آل» go on
        if w in CONNECTORS:
            if not joined(t, k + 1) or not _name_word(t.words[k + 1], True):
                break
            k += 1
            continue
        if not _name_word(w) or count >= 4:
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
        if after and not _ends_name(after):
            return j
    return k


def _ends_name(w: str) -> bool:
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
    if not _name_word(first) or first in CONNECTORS or any(is_definite(s) for s in stems(first)):
        return j
    k = j + 1
    while k < len(t.words) and not t.brk[k - 1] and k - j < 4:
        w = t.words[k]
        if not (_name_word(w, t.words[k - 1] in CONNECTORS) or w in CONNECTORS):
            return j
        k += 1
    if k - j < 2 or not t.brk[k - 1] or t.words[k - 1] in CONNECTORS:
        return j
    if all(w.endswith("ا") for w in t.words[j:k]):  # «اتصالا هاتفيا»: noun and adjective
        return j
    gap = t.text[t.spans[k - 1][1] : t.spans[k][0]] if k < len(t.words) else ""
    return k if k == len(t.words) or gap.strip()[:1] in ("،", ",", ".") else j
