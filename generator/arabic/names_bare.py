"""People named with no title right before the name: a given name and at
least one more name word («أدى كريم جواد الساعدي اليمين», «وقال عبد الملك
الحوثي»), a Mauritanian «ولد X» standing for the person after a verb, or a
name set off by commas after its title («المتحدث باسم المجلس، حسن ناظم،»).
The name's shape after its first word is `names.name_chain`'s.
"""

from __future__ import annotations

from generator.arabic.lexicon import Tokens, is_definite, is_verb, joined, stems
from generator.arabic.names_chain import name_chain
from generator.arabic.names_words import boundary, family_name, name_word
from generator.arabic.words_given import FOREIGN_GIVEN, GIVEN, GIVEN_COMMON, NAME_STARTS
from generator.arabic.words_names import (
    BARE_OPENERS,
    CONNECTORS,
    CONSTRUCT_NOUNS,
    FACILITIES,
    ORG_HEADS,
    TITLE_SURNAMES,
)
from generator.arabic.words_verbs import KANA


def bare_name(t: Tokens, j: int) -> tuple[int, str] | None:
    """A person named with no title before: a given name (after «و» in a list)
    and at least one more name word. A given name that is also a common word
    («سعيد», «صباح», «علي») needs a given or family name after it. Not a name
    inside a place's or an institution's («جامع الإمام فيصل بن تركي»,
    «مؤسسة محمد بن راشد»). Returns the end and the first word's stem."""
    w = t.words[j]
    if w == "ولد":
        return _ould(t, j)
    first = w if w in NAME_STARTS else w[1:] if w[:1] == "و" and w[1:] in NAME_STARTS else None
    if first is None and w in ("عبد", "وعبد") and joined(t, j + 1):  # «عبد الملك الحوثي»
        after = t.words[j + 1]
        first = w[-3:] if name_word(after, True) or is_definite(after) else None
    if first is None:
        return None
    for back in (j - 1, j - 2):
        if back >= 0 and joined(t, back + 1):
            word = t.words[back]
            if not FACILITIES.isdisjoint(stems(word)):
                return None
            if back == j - 1 and (word in CONSTRUCT_NOUNS or word in ORG_HEADS):
                return None  # «مؤسسة محمد بن راشد»; «برئاسة عصام شرف» is a person
    end = name_chain(t, j)
    if end <= j + 1:
        return None
    second = t.words[j + 1]
    if first == "عبد" and end <= j + 2:
        return None  # «عبد الله» alone is a given name, no one in particular
    if first in GIVEN_COMMON and first not in GIVEN and first not in FOREIGN_GIVEN:
        nisba = family_name(second) and second.endswith("ي")
        compound = second == "الدين" and end > j + 2  # «نور الدين الطبوبي»
        titled = (
            second in TITLE_SURNAMES
            and end == j + 2
            and (  # «حسين الشيخ،»
                end == len(t.words) or t.brk[end - 1]
            )
        )
        strong = second in NAME_STARTS or second in CONNECTORS or nisba or compound or titled
        if not strong:
            return None
    return end, first


def _ould(t: Tokens, j: int) -> tuple[int, str] | None:
    """«وقدم ولد بلال استقالة الحكومة»: a Mauritanian family name, «ولد» and a
    name, standing for the person as the subject right after a verb or «كان».
    At a clause's start «ولد» is the verb «was born», so a verb must come first."""
    if j == 0 or not joined(t, j) or not joined(t, j + 1):
        return None
    before, after = t.words[j - 1], t.words[j + 1]
    if not (is_verb(before) or before in KANA):
        return None
    if not name_word(after) or any(is_definite(s) for s in stems(after)):
        return None  # «ولد الشيخ» is read after «محمد»; «ولد بالعاصمة» is «was born»
    return j + 2, "ولد"


def name_between_commas(t: Tokens, j: int) -> int:
    """«المتحدث باسم الحكومة، سامي نصار، في …»: a name set off by commas
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
    if first[:1] == "و":
        return j  # «…، وعبدالله البسطي،»: the next item of a list, read with no title
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


def unknown_name(t: Tokens, start: int, end: int) -> bool:
    """Words start..end after a title that no lexicon knows as a name's
    start (no given name, «عبد», «أبو», a lineage word, a hamza that no
    article has), nor as a name's later part (a lineage word, a father's
    given name, a family name with the article), and that do not end at
    punctuation or the end; one word
    that has no family name's «ـي» before a clear end: likely the
    sentence's nouns («أصدر المدير قراراً …», «أمر النائب العام بفتح
    تحقيق»), not a name. Measured cold on the dev half's batches (each read
    by the code before it was tuned on), titled names that opened with an
    unknown word were right 14 times in 33, with a known one 69 in 80; one
    word after a title, 2 in 11."""
    first = t.words[start]
    if first in NAME_STARTS or first in CONNECTORS or first in BARE_OPENERS or first == "علي":
        return False
    if t.text[t.spans[start][0]] in "أإآ":
        return False  # «إليسار»: written with a hamza, no article, though folded like one
    rest = t.words[start + 1 : end]
    if any(w in CONNECTORS or w in NAME_STARTS or family_name(w) for w in rest):
        return False  # «… بن …», a father's given name, a nisba family name: a name
    if end - start == 1:  # «الوزير فلاني في …»: a family name's shape, before a clear end
        return not (first[-1:] == "ي" and len(first) >= 3 and boundary(t, end))
    return not (end >= len(t.words) or t.brk[end - 1])
