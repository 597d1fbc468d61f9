"""A personal name read from its given name, with or without a title before
it: up to three plain words, and on through بن/ابن/بنت/ولد/آل/عبد/أبو
(`name_chain`). Where such a name ends is the hard part: a family name with
the article, a grandfather's name, a title in apposition, a time of day.
"""

from __future__ import annotations

from generator.arabic.gazetteer import PLACES
from generator.arabic.lexicon import Tokens, is_definite, joined, stems
from generator.arabic.names_shapes import FAMILY_PLURAL, MARKS, MASDAR, TANWEEN, pronoun_on
from generator.arabic.names_words import (
    boundary,
    ends_name,
    family_name,
    name_part,
    name_word,
    suffixed,
)
from generator.arabic.words_given import FOREIGN_GIVEN, GIVEN, NAME_STARTS
from generator.arabic.words_names import (
    AMAZIGH_SON,
    CONNECTORS,
    DATE_WORDS,
    HEADS_CONSTRUCT,
    LINEAGE_ON,
    NAME_OPENERS,
    RELATIVES,
    STOP,
    TIMES_OF_DAY,
    TITLE_SURNAMES,
)


def closed_run(t: Tokens, k: int, most: int) -> int:
    """The end of a foreign name's last words from word k («خوان بابلو
    روميرو غارسيا،», «خوسيه أنطونيو ألفاريس الذي»), or k: up to `most` more
    words that can only be a name's (no article, no clitic, no accusative or
    tanween, no verb, no particle) running to punctuation, the end, or a relative pronoun,
    which needs a definite antecedent and so a name before it."""
    n = len(t.words)
    for m in range(k, min(n, k + most)):
        w = t.words[m]
        if (
            not name_word(w)
            or suffixed(w)
            or (is_definite(w) and t.text[t.spans[m][0]] not in "أإآ")  # «ألفاريس»
            or len(stems(w)) > 1
            or (w[-1:] == "ا" and w not in NAME_STARTS)  # «… وفدا رفيعا»
            or ((MASDAR.match(w) or pronoun_on(t, m)) and w not in NAME_STARTS)  # «تشكيل حكومته»
            or TANWEEN.search(t.text, t.spans[m][0], t.spans[m][1])
            or w in CONNECTORS
        ):
            return k
        if m + 1 == n or t.brk[m] or t.words[m + 1] in RELATIVES:
            return m + 1
    return k


def _ends_here(t: Tokens, k: int) -> bool:
    """A third or fourth plain word ends the name for sure: punctuation or
    the end after it, the next item of a list («… بارو وألمانيا …»), or a
    title in apposition («علي رضا كاظمي مساعد وزير الداخلية») or a post
    in the accusative («عُيّن مالك الطيب خوجلي نائباً لرئيس …»)."""
    if k >= len(t.words) or t.brk[k - 1]:
        return True
    w = t.words[k]
    if w in CONNECTORS or (w[:1] == "و" and (w[1:] in PLACES or w[1:] in NAME_STARTS)):
        return True
    titled = (
        (w in HEADS_CONSTRUCT and w not in NAME_STARTS)
        or (  # «… كاظمي مساعد وزير»
            w[-1:] == "ا" and w[:-1] in HEADS_CONSTRUCT  # «… خوجلي نائباً لرئيس …»
        )
    )
    # the word before a title ends a name, unless it is a noun: «… النجيفي زيارةَ رئيس …»
    last = t.text[t.spans[k - 1][0] : t.spans[k - 1][1]].rstrip(MARKS)
    return titled and not (last.endswith("ة") or MASDAR.match(t.words[k - 1]))


def _given(t: Tokens, k: int) -> bool:
    """Word k, in the same phrase, is a known given name."""
    return joined(t, k) and t.words[k] in GIVEN


def _name_ends(t: Tokens, k: int) -> bool:
    """Punctuation, the end, or a word that cannot continue a name at word k."""
    return k >= len(t.words) or t.brk[k - 1] or ends_name(t.words[k])


def _closing_family(t: Tokens, m: int) -> bool:
    """Word m can close a name as its family name, and the name clearly ends
    after it: a plain word (no article, clitic pronoun, tanween, accusative
    «ـا», verbal noun or verb) before punctuation, the end, a title or a word
    that cannot continue a name («… مساد (21 عاماً)», «… حجار وزير الحج»,
    «… خوجة من منصبه»)."""
    if not joined(t, m):
        return False
    w = t.words[m]
    if (
        not name_word(w)
        or is_definite(w)
        or suffixed(w)
        or (w[-1:] == "ا" and w not in NAME_STARTS)
        or TANWEEN.search(t.text, t.spans[m][0], t.spans[m][1])
        or ((MASDAR.match(w) or pronoun_on(t, m)) and w not in NAME_STARTS)
    ):
        return False
    return _ends_here(t, m + 1) or _name_ends(t, m + 1)


def _definite_family(t: Tokens, k: int) -> bool:
    """A family name with the article that no shape list knows, as a name's
    third word: before a title in apposition («محمد حسن التل رئيس التحرير»),
    or in the plural nisba of Levantine families («الطوالبة», «الخصاونة»)
    where the name ends."""
    w = t.words[k]
    if not (is_definite(w) and name_word(w)):
        return False
    after = t.words[k + 1] if joined(t, k + 1) else ""
    if after in HEADS_CONSTRUCT and after not in NAME_STARTS:
        return True
    return FAMILY_PLURAL.match(w) is not None and _name_ends(t, k + 1)


def _nasab(t: Tokens, k: int, j: int) -> int:
    """After «بن X»: more given names (the father's father, and on: «بندر بن
    محمد حمزة أسعد …») while the name has fewer than six words, then a plain
    family name where the name clearly ends (`_closing_family`)."""
    while joined(t, k) and k - j < 6 and t.words[k] in NAME_STARTS:
        k += 1
    return k + 1 if k - j < 7 and _closing_family(t, k) else k


def name_chain(t: Tokens, j: int, strict: bool = False) -> int:
    """A personal name from a given name at word j: up to three words («كريم
    جواد الساعدي», «جان نويل بارو»), and on through بن/ابن/بنت/ولد/آل/عبد/أبو
    («سالم بن علي بن سعيد الحارثي», «المختار ولد الشيخ سيديا», «عبدالرحمن صالح
    أحمد آل فلان»). The end, j when there is no name of two words or more.
    `strict`: a second word with the article must have a family name's shape
    too («أحمد العاصمة» is no one)."""
    k, plain_words, lineage = j + 1, 1, False
    while joined(t, k):
        w, prev = t.words[k], t.words[k - 1]
        if k == j + 1 and prev[:1] == "و" and prev[1:] in NAME_OPENERS:
            prev = prev[1:]  # «… وعبد الله حسين اللافي»: the next item of a list
        if prev in CONNECTORS:
            # «آل الشيخ», «ولد الشيخ», «بن الحسين»: after a lineage word a name,
            # or a family with the article, whatever the word
            ok = name_part(w, True) or (len(w) >= 3 and is_definite(w) and w not in STOP)
            if not (ok or w in CONNECTORS):
                return k - 1 if k - 1 > j + 1 else j
            lineage = lineage or prev in LINEAGE_ON
            k += 1
            continue
        if w in CONNECTORS:
            after = t.words[k + 1] if joined(t, k + 1) else ""
            family = len(after) >= 3 and (is_definite(after) or w == "ال") and after not in STOP
            if not (after and (name_part(after, True) or family)):
                break
            k += 1
            continue
        if lineage:  # after «بن X» a family name with the article ends it
            if (
                is_definite(w)
                and name_word(w)
                and len(w) >= 5
                and (
                    family_name(w)
                    or FAMILY_PLURAL.match(w)
                    or _name_ends(t, k + 1)
                    or _ends_here(t, k + 1)
                )
            ):  # «بن محمد العطية إن», «بن علي الحارثي»; not «بن راشد الاجتماع الأول»
                k += 1
                if w == "الدين" and _closing_family(t, k):
                    k += 1  # «بن محيي الدين خوجة من …»: a compound, then the family
                break
            if w in GIVEN or w in FOREIGN_GIVEN:  # «ولد الشيخ أحمد»
                k = _nasab(t, k + 1, j)
            elif w in NAME_STARTS and _nasab(t, k + 1, j) > k + 1:
                k = _nasab(t, k + 1, j)  # «بن عبدالله حسن مرزوق وزير …»: «حسن» is a name
            elif name_word(w) and stems(w) == (w,) and (t.brk[k] or k + 1 == len(t.words)):
                k += 1  # «خالد بن سعد حمدان،»: a family name, then punctuation
            break
        if TANWEEN.search(t.text, t.spans[k][0], t.spans[k][1]):
            break  # «سالم الكعبي مهنئاً»: a word with tanween is no name
        if w in AMAZIGH_SON:  # «أحمد أو يحيى»: the son of, then the name ends
            given = plain_words == 1 and joined(t, k + 1) and t.words[k + 1] in NAME_STARTS
            if given and not (joined(t, k + 2) and t.words[k + 2] in NAME_STARTS):
                k += 2  # not before a third given name: «أحمد أو محمد علي» is a list
            break
        if w == "علي" and plain_words == 1:  # «محمد علي النفطي», not «أكد أحمد على ضرورة»
            after = t.words[k + 1] if joined(t, k + 1) else ""
            if not (after and (family_name(after) or after in GIVEN)):
                break
        elif w == "علي" and plain_words < 4:  # «أحمد الطيب علي حسن،»: a grandfather
            if joined(t, k + 1) and t.words[k + 1] in GIVEN and _ends_here(t, k + 2):
                k += 2
            break
        elif plain_words <= 2 and w in TITLE_SURNAMES and _name_ends(t, k + 1):
            k += 1  # «حسين الشيخ،», «محمد أحمد شيخ،»: a title word as a family name,
            break  # the name ending there (a title needs a holder after it)
        elif plain_words == 1 and w in TITLE_SURNAMES and w[:2] != "ال" and _given(t, k + 1):
            k += 1  # «حسن شيخ محمود»: a bare title word between given names is a name's
            continue  # («أشرف الأمير خالد» is a verb, a title and a name)
        elif plain_words >= 4 or not (
            name_part(w, False, second=plain_words == 1 and not strict)
            or (t.text[t.spans[k][0]] in "أإآ" and name_word(w))  # «ألفاريس»: no article
            or (plain_words == 2 and _definite_family(t, k))
        ):
            break
        if w in TIMES_OF_DAY and (not joined(t, k + 1) or t.words[k + 1] in DATE_WORDS):
            break  # «ناصر فؤاد صباح اليوم»
        # «الأحمد الجابر الصباح»: a run of family names with the article
        run = family_name(prev) or (joined(t, k + 1) and family_name(t.words[k + 1]))
        nisba = family_name(w) and w.endswith("ي")  # «كريم جواد الساعدي متابع …»
        after = t.words[k + 1] if joined(t, k + 1) else ""
        grandfather = (
            w in GIVEN
            and bool(after)
            and (family_name(after) or after in GIVEN or _closing_family(t, k + 1))
        )  # «أحمد محمد فتحي سالم (…»: the father's and the grandfather's names
        grandfather = grandfather or w == "الدين"  # «محمد بدر الدين زايد»: a compound
        if (
            plain_words >= 2
            and not (
                _ends_here(t, k + 1)
                or (family_name(w) and (nisba or run or boundary(t, k + 1)))
                or grandfather  # «مبارك فيصل سعود الصباح»: a grandfather, then the family
                or (plain_words >= 3 and prev in GIVEN and _closing_family(t, k))
                or (plain_words == 2 and _definite_family(t, k))
                or (  # «زكريا إسماعيل فارح على …»: a given name and the father's, then the family
                    plain_words == 2
                    and prev in GIVEN
                    and t.words[k - 2] in GIVEN
                    and _closing_family(t, k)
                    and not t.text[t.spans[k][0] : t.spans[k][1]].rstrip(MARKS).endswith("ة")
                )
            )
        ):
            k = closed_run(t, k, 5 - plain_words)  # «خوان بابلو روميرو غارسيا،»
            break  # a third word only where the name clearly ends: «محمود مكيه مذكرة»
        k, plain_words = k + 1, plain_words + 1
    if k == j + 1:
        return j
    if t.words[k - 1] in CONNECTORS:
        k -= 1
    return k if k > j + 1 else j
