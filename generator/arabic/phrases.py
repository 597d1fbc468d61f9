"""The shapes of titles and organisations' names in Arabic news (quoted
stretches and a phrase's written text are `phrases_text`, re-exported here).

Each function reads a `Tokens` from a word index and says where the phrase it
recognises ends (the index after its last word), or returns the index it was
given when there is none. They never cross punctuation (`Tokens.brk`): a
comma ends a title, a name, an organisation's name. They know nothing of the
registry except the first words of its aliases, so that a registered name
(«السيسي») is never swallowed as an adjective of the title before it.
Personal names are `names`; a group's or a province's one-word proper name
(«حركة حماس») is read here, with `names.name_word` saying what a name can be.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.arabic.gazetteer import NATIONALITIES, PLACES
from generator.arabic.lexicon import Tokens, is_definite, joined, stems
from generator.arabic.names_shapes import MASDAR, clitic_masdar
from generator.arabic.names_words import ends_name, name_word
from generator.arabic.phrases_text import plain as plain  # re-exported for the readers
from generator.arabic.phrases_text import quotes as quotes
from generator.arabic.phrases_text import surface as surface
from generator.arabic.words_names import (
    BARE_TITLES,
    BUILDINGS,
    CHARGED,
    CONNECTORS,
    CONSTRUCT_NOUNS,
    FACILITIES,
    GENERAL,
    HEADS_CONSTRUCT,
    HEADS_DEFINITE,
    HONORIFIC_NEXT,
    HONORIFICS,
    LINEAGE,
    MILITARY_RANKS,
    MINISTERS,
    MONTH_NAMES,
    NAMED_BY_WHAT_THEY_DO,
    NOT_CONTINUING,
    NOT_GENITIVE,
    OFFICIAL,
    ORG_HEADS,
    ORG_HEADS_DEFINITE,
    POSTS_FOR,
    RANK_QUALIFIERS,
    RULERS,
    SPEAKERS,
    TITLE_ADJECTIVES,
)

_TANWEEN = re.compile("[\u064b-\u064d]")
# Nouns that continue a title after «و» («وزير الإعلام وشؤون الشباب»); an
# organisation's head there starts the next actor («الرئاسة السورية وهيئة …»).
_CONTINUING = CONSTRUCT_NOUNS - ORG_HEADS - NOT_CONTINUING


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
        if (is_definite(w) and w not in NOT_GENITIVE) or w in PLACES:
            return k + 1
        if k > done and t.words[k - 1] == "محافظه":  # «مجلس محافظة بابل/صلاح الدين»
            if joined(t, k + 1) and t.words[k + 1] == "الدين" and name_word(w):
                return k + 2
            if proper_complement(t, k, masculine=False) > k:
                return k + 1
        if k > done and t.words[k - 1] in NAMED_BY_WHAT_THEY_DO:
            return task_chain(t, k) if task_chain(t, k) > k else done  # «رئيس مجلس أمناء الجامعة»
        break
    return done


_PLACE_NOUNS = FACILITIES | BUILDINGS


def task_chain(t: Tokens, k: int) -> int:
    """The end of one to four nouns in construct ending in a definite noun
    from word k, or k: no particle, verb, title, date, clitic or tanween on
    the way, and no adjective at the end (a nationality says which body)."""
    for m in range(k, min(len(t.words), k + 5)):
        if t.brk[m - 1]:
            return k
        w = t.words[m]
        if w in MONTH_NAMES and t.words[m - 1] == "شهر":
            return m + 1  # «لجنة تحري هلال شهر شوال»: a month's name is definite
        if is_definite(w):
            ok = m > k and w not in NATIONALITIES and w not in NOT_GENITIVE
            return m + 1 if ok and name_word(w) else k
        if (
            not name_word(w)
            or w[:1] == "و"
            or w in _PLACE_NOUNS  # «مجلس قصر البحر»: a palace's hall, a place
            or any(is_definite(r) for r in stems(w)[1:])  # «بالعاصمة»
            or w in HEADS_CONSTRUCT
            or _TANWEEN.search(t.text, t.spans[m][0], t.spans[m][1])
        ):
            return k
    return k


def proper_complement(t: Tokens, k: int, masculine: bool) -> int:
    """A one-word proper name completing a group's or a province's head
    («حركة حماس», «محافظة بابل»), or k. An indefinite adjective is no name
    («جماعة مسلحة», «حزب سياسي»), so a word with the head's agreement ending
    is not taken, nor one that the next word would continue."""
    if not joined(t, k):
        return k
    w = t.words[k]
    if (
        not name_word(w)
        or is_definite(w)
        or w in CONNECTORS
        or clitic_masdar(w)
        or MASDAR.match(w)
        or w.endswith(("ه", "ا", "ات"))
        or (masculine and w.endswith("ي"))
        or len(w) < 3
    ):
        return k
    if joined(t, k + 1):
        after = t.words[k + 1]
        preposition = any(is_definite(s) for s in stems(after)[1:])  # «بالعاصمة»
        pronoun = after.endswith(("ها", "هم", "هما"))  # «حركة فتح رفضها»
        if not (preposition or pronoun or ends_name(after) or after in NATIONALITIES):
            return k
    return k + 1


def definite_chain(t: Tokens, k: int) -> int:
    """A tribe's name runs on through definite names: «عشيرة الحسن الجاسم»."""
    while joined(t, k) and is_definite(t.words[k]) and name_word(t.words[k]):
        if t.words[k] in NATIONALITIES or t.words[k] in NOT_GENITIVE:
            break
        k += 1
    return k


def adjectives(t: Tokens, k: int, alias_starts: frozenset[str], nisba: bool = False) -> int:
    """Adjectives and coordinated complements that belong to the phrase before them."""
    words, brk, n = t.words, t.brk, len(t.words)
    while k < n and not brk[k - 1]:
        w = words[k]
        if k + 1 < n and not brk[k] and words[k + 1] in LINEAGE:
            break  # «الأمير تركي بن فهد»: a first name, not «Turkish»
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
            and w[1:] not in NOT_GENITIVE
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


def _described_for(t: Tokens, k: int) -> bool:
    """Word k is a nisba adjective («الإعلامي», «التنفيذي») and «ل» and a title
    or a body follow it: a definite title's description before whose it is.
    (A nisba alone after a definite title may be a family name: «اللواء
    الزبيدي».)"""
    if not (joined(t, k) and joined(t, k + 1)):
        return False
    w, after = t.words[k], t.words[k + 1]
    if not (is_definite(w) and w.endswith(("ي", "يه")) and w not in NATIONALITIES):
        return False
    return after[:1] == "ل" and (after[1:] in HEADS_CONSTRUCT or after[1:] in CONSTRUCT_NOUNS)


def _destination(t: Tokens, k: int, alias_starts: frozenset[str], owned: bool = False) -> int:
    """«… للأمم المتحدة», «… لسوريا», «… إلى سوريا» after an envoy's title.
    `owned`: the title has its genitive already («رئيس الوزراء»), so «ل» and
    another title after it is another argument («أوعز رئيس الوزراء لوزير
    الداخلية»), not whose deputy he is («النائب الأول لرئيس الوزراء»)."""
    if not joined(t, k):
        return k
    w = t.words[k]
    if w.startswith("لل") and len(w) > 4:
        end = adjectives(t, k + 1, alias_starts)
        if "ال" + w[2:] in HEADS_DEFINITE:  # «… للمبعوث الخاص للاتحاد الأوروبي»: his, of it
            return _destination(t, end, alias_starts)
        return end
    if w[:1] == "ل" and w[1:] in PLACES:
        return k + 1
    if w[:1] == "ل" and (w[1:] in CONSTRUCT_NOUNS or (w[1:] in HEADS_CONSTRUCT and not owned)):
        # «النائب الثاني لرئيس الحكومة»: a title of a title is one role
        end = genitive(t, k + 1, {})
        return adjectives(t, end, alias_starts) if end > k + 1 else k
    if w in ("الي", "لدي") and joined(t, k + 1):  # «السفير … لدى المملكة المتحدة»
        end = place_end(t, k + 1)
        if end > k + 1:
            return end
    if w == "لدي" and joined(t, k + 1):
        after = t.words[k + 1]
        if after in HEADS_CONSTRUCT:  # «كاتب الدولة لدى وزير الخارجية»: one role
            inner = title(t, k + 1, {}, alias_starts)[0]
            return inner if inner > k + 1 else k
        if after in CONSTRUCT_NOUNS:  # «المندوب الدائم لدى جامعة الدول العربية»
            end = genitive(t, k + 1, {})
            return adjectives(t, end, alias_starts) if end > k + 1 else k
    if w.startswith("بال") and t.words[k - 1] in CHARGED:  # «المبعوث الخاص بالملف السوري»
        return adjectives(t, k + 1, alias_starts, nisba=True)
    if w[:1] == "ب" and len(w) > 3 and t.words[k - 1] in CHARGED:  # «الوزير المكلف بديوانه»
        return genitive(t, k + 1, {})  # «… بملف اللاجئين»: and its genitive
    return k


def title(
    t: Tokens, i: int, quoted: dict[int, int], alias_starts: frozenset[str]
) -> tuple[int, list[tuple[int, int, str]]]:
    """A title from word i: its end, and its segments as (start, end, head stem).

    Segments chain without punctuation: «نائب رئيس الحكومة وزير المالية»,
    «صاحب السمو الشيخ», «السيد الرئيس الدكتور».
    """
    segments: list[tuple[int, int, str]] = []
    words, n = t.words, len(t.words)
    j = i
    while j < n and (j == i or not t.brk[j - 1]):
        w = words[j]
        if j == i:
            head = opening_head(w)
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
        owned = False  # a construct title with its genitive («رئيس الوزراء»)
        if head in MILITARY_RANKS:
            while joined(t, k) and words[k] in RANK_QUALIFIERS:
                k += 1
        if head in HONORIFICS and joined(t, k) and words[k] in _TITLE_HEADS:
            pass  # «فخامة الرئيس الفرنسي», «معالي الوزير»: the next title is a segment of its own
        elif head in HEADS_CONSTRUCT:
            if joined(t, k) and words[k] in HONORIFIC_NEXT:
                k += 1
                while joined(t, k) and words[k] in _HONORIFIC_RUN:
                    k += 1
            else:
                if joined(t, k) and words[k] in GENERAL and genitive(t, k + 1, quoted) > k + 1:
                    k += 1  # «أمين عام مجلس الشورى»: «عام» between the title and its genitive
                end = genitive(t, k, quoted)
                if end == k and joined(t, k) and t.words[k] in HEADS_CONSTRUCT:
                    # «نائب رئيس الوزراء», «مستشار خادم الحرمين»: a title in
                    # construct with the next one is one title, not two.
                    inner = title(t, k, quoted, alias_starts)[1]
                    end = inner[0][1] if inner else k
                if end == k and head not in BARE_TITLES:
                    break
                if end == k and head in RULERS and _proper_genitive(t, k):
                    end = k + 1  # «أمير ويلز»: the land he is prince of, not his name
                owned = end > k
                k = end
        elif head in SPEAKERS and joined(t, k):
            by = k + 1 if t.words[k] in OFFICIAL and joined(t, k + 1) else k
            if t.words[by] in ("باسم", "بلسان"):  # «المتحدث (الرسمي) باسم وزارة …»
                end = genitive(t, by + 1, quoted)
                if end == by + 1:
                    break
                k = end
        k = adjectives(t, k, alias_starts, nisba=head in HEADS_CONSTRUCT)
        if k == j + 1 and head in POSTS_FOR and _described_for(t, k):
            k += 1  # «المستشار الإعلامي لرئيس الوزراء»: an adjective, then whose adviser
        while head in MINISTERS and joined(t, k) and _portfolio(t, k):
            # «وزير الدفاع والداخلية», «… الخارجية والاتحاد الأوروبي»: one minister
            k = adjectives(t, k + 1, alias_starts, nisba=True)
        k = _destination(t, k, alias_starts, owned)
        segments.append((j, k, head))
        j = k
    return (segments[-1][1] if segments else i), segments


_TITLE_HEADS = HEADS_DEFINITE | HEADS_CONSTRUCT
_HONORIFIC_RUN = HONORIFIC_NEXT | TITLE_ADJECTIVES


@lru_cache(maxsize=16384)
def opening_head(word: str) -> str | None:
    """The title a word opens, through its proclitics («وللرئيس» → «الرئيس»)."""
    return next((s for s in stems(word) if s in _TITLE_HEADS), None)


def _portfolio(t: Tokens, k: int) -> bool:
    """«… والداخلية»: a second portfolio coordinated with the first."""
    w = t.words[k]
    return w[:3] == "وال" and len(w) > 5 and w[1:] not in NATIONALITIES


def _proper_genitive(t: Tokens, k: int) -> bool:
    """Word k completes an indefinite ruler's title as a proper name: one word,
    not a name's first part, not a title, an article or a particle."""
    if not joined(t, k) or (joined(t, k + 1) and t.words[k + 1] in CONNECTORS):
        return False
    w = t.words[k]
    return name_word(w) and w not in CONNECTORS and not is_definite(w)
