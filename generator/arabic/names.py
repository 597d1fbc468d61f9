"""Personal names after a title: «الرئيس جان بيير موران،», «الأمير فيصل بن
خالد», «المتحدث باسم الحكومة، سامي نصار،».

A name is read by its shape, since no list holds every name: words that are
no particle, date, title, place or verb we know, joined by بن/عبد/أبو/آل,
with a clear boundary after a one-word name. What one word can be in a name
is `names_words` (`name_word` is also what the organisation readers ask of a
group's or a tribe's proper name); a name read on from its given name is
`names_chain`; a name with no title before it, `names_bare`.
"""

from __future__ import annotations

from generator.arabic.lexicon import Tokens, follows, is_definite, is_verb, joined, stems
from generator.arabic.names_chain import closed_run, name_chain
from generator.arabic.names_shapes import (
    FUTURE,
    IMPERFECT,
    MARKS,
    MASDAR,
    MUFAALA,
    TANWEEN,
    VERBAL_NOUN,
    accusative_pair,
    clitic_masdar,
    pronoun_on,
)
from generator.arabic.names_words import (
    NOT_AFTER_CLITIC,
    boundary,
    ends_name,
    family_name,
    name_part,
    name_word,
    suffixed,
)
from generator.arabic.words_given import NAME_STARTS
from generator.arabic.words_names import (
    CONNECTORS,
    DATE_WORDS,
    DAY_NAMES,
    LINEAGE,
    NAME_OPENERS,
    STOP,
    TIMES_OF_DAY,
    TITLE_SURNAMES,
)


def person_name(t: Tokens, j: int) -> int:
    """A personal name right after a title: 1 to 4 words, with بن/عبد/أبو/آل.

    The first word is not definite (that would be an adjective: «الرئيس الفرنسي»).
    Two words are taken; a third only before punctuation or through a connector
    («حمد بن سالم آل فلان», «جان بيير موران،»), and a single word only when a
    clear boundary follows it, since «الرئيس X Y» runs on into the sentence.
    """
    n = len(t.words)
    if not follows(t, j) or opens_no_name(t, j):
        return j
    first = t.words[j]
    if first in TIMES_OF_DAY and joined(t, j + 1) and t.words[j + 1] in DATE_WORDS:
        return j  # «… رئيس مجلس النواب صباح اليوم»: the morning, not «صباح»
    if first in DAY_NAMES and joined(t, j + 1) and t.words[j + 1] in NAME_STARTS:
        return max(name_chain(t, j), j + 2)  # «المهندس جمعة مبارك الجنيبي»: a given name
    if first == "علي" and joined(t, j + 1):  # «علي» is the folded «على» too
        after = t.words[j + 1]
        if (after in NAME_STARTS or family_name(after)) and name_chain(t, j) > j + 1:
            return name_chain(t, j)  # «النائب علي حسن خليل»
    if first in NAME_STARTS:  # a given name: its chain reads as far as it goes
        chained = name_chain(t, j)
        if chained > j + 1:
            return chained
        if boundary(t, j + 1) or not name_part(t.words[j + 1], False):
            return j + 1  # «الأمير خالد لملك الأردن»: the given name alone
    loose = joined(t, j + 1) and t.words[j + 1] in CONNECTORS  # «فيصل بن فرحان»
    opener = first in NAME_OPENERS and joined(t, j + 1) and name_word(t.words[j + 1], True)
    if not opener and (not name_word(first, loose) or first in CONNECTORS or clitic_masdar(first)):
        return j
    if pronoun_on(t, j) and first not in NAME_STARTS:
        return j  # «عن الرئيس قوله», «الوزير الجديد مهامه»: a noun with «ـه», his
    if accusative_pair(t, j):
        return j  # «رئيس الوزراء اتصالاً هاتفياً»: a noun and its adjective, the object
    if VERBAL_NOUN.match(first) and first not in NAME_STARTS:
        return j  # «وزير الخارجية التركي استعدادَ بلاده»: a verbal noun, the object
    if FUTURE.match(first) and not (joined(t, j + 1) and name_word(t.words[j + 1])):
        return j  # «الرئيس التونسي سيزور …», «الوزير سيحضر الاجتماع»
    if FUTURE.match(first) and is_definite(t.words[j + 1]):
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
            if name_word(w) and not is_definite(w) and boundary(t, k + 1) and stems(w) == (w,):
                k += 1  # «السفير "علي بن حسن جعفر"»: a family name, then punctuation
            elif family_name(w) and w.endswith("ي"):
                k += 1  # «الأستاذ عيد بن محمد الثقفي»: a nisba family name
            break  # «الأمير تركي بن عبدالله بزيارة»: after «بن X» only «بن»/«آل» go on
        if w in CONNECTORS:
            if not joined(t, k + 1) or not name_word(t.words[k + 1], True):
                break
            k += 1
            continue
        if count >= 2 and w in TITLE_SURNAMES and boundary(t, k + 1):
            k += 1  # «السيد مؤمن أحمد شيخ،»: a title word before the end is a name's
            break
        if not name_word(w) or count >= 4 or suffixed(w):
            break
        if TANWEEN.search(t.text, t.spans[k][0], t.spans[k][1]):
            break  # «… مهنئاً»: a word with tanween is no name
        if pronoun_on(t, k) and w not in NAME_STARTS:
            break  # «الوزير حرص بلاده»: «بلاده», his country
        if any(is_definite(s) for s in stems(w)[1:]):  # «بالوفد»: a clitic, not a name
            break
        if (
            w[:1] in ("ل", "ب")
            and (w[1:] in NOT_AFTER_CLITIC or MUFAALA.match(w[1:]) or VERBAL_NOUN.match(w[1:]))
            and w not in NAME_STARTS
        ):
            break  # «الوزير شكره لمنظمة …»: a preposition on a body's or a title's head
        if w[:1] == "و" and len(w) > 4 and w not in NAME_STARTS and w[1:] not in NAME_STARTS:
            break  # «بالمشير حفتر وقيادات الجيش»: «و» opens the next item
        if count == 1 or t.brk[k] or k + 1 == n:
            k, count = k + 1, count + 1
            continue
        k = closed_run(t, k, 5 - count)
        break
    if count == 1 and k == j + 1:
        if TANWEEN.search(t.text, t.spans[j][0], t.spans[j][1]):
            return j  # «تقريرًا»: an indefinite noun, never a name
        if first not in NAME_STARTS and (
            (len(first) >= 4 and first[-1] == "ا")
            or IMPERFECT.match(first)
            or MASDAR.match(first.removesuffix("ه"))  # «تشكيلة»: a verbal noun
        ):
            return j  # «اتصالا» without its tanween; «يعمل», «يتركز»: a noun, a verb
        after = t.words[k] if joined(t, k) else ""
        if after and not ends_name(after):
            return j
    return k


def _written(t: Tokens, j: int) -> str:
    """Word j as written, without its marks («ة» and «ه» apart)."""
    return t.text[t.spans[j][0] : t.spans[j][1]].rstrip(MARKS)


def feminine_noun(t: Tokens, j: int, alone: bool = False) -> bool:
    """Words j and j + 1 (word j `alone`) are written with «ة» and are no
    known given names («كلمة نيابة عن …»): after a man's title, nouns, never
    his name."""
    last = j if alone else j + 1
    return joined(t, last) and all(
        _written(t, m).endswith("ة") and t.words[m] not in NAME_STARTS for m in range(j, last + 1)
    )


def opens_no_name(t: Tokens, j: int) -> bool:
    """Word j, right after a title, opens no name but the next phrase: «و» on a
    word that is no given name («ونائبه», «وإيران», «ود.»: the conjunction
    starts the next item); a preposition on a noun in construct («لوحدة
    الشيوعيين», «بمرتبة وزير»: a surname such as «لعمامرة» stands alone); a
    noun and its adjective («رسالة خطية»); a noun in construct with a definite
    noun that is no family name («سبل التعاون», «يترأس الوفد»: «بشار الأسد»
    opens with a given name, «راشد الغنوشي» ends with a nisba). Known given
    names always open one («وليد», «بثينة»)."""
    w = t.words[j]
    if w in NAME_STARTS or w in NAME_OPENERS:  # «عبد الله», «أبو الغيط»
        return False
    if w[:1] == "و":
        return True
    if not joined(t, j + 1):
        return False
    after = t.words[j + 1]
    if w[:1] in ("ل", "ب") and len(w) > 3:
        if is_definite(after) and not family_name(after):
            return True  # «بقصر الإليزيه»: a preposition, a noun and its genitive
        if w[:1] == "ب" and not w.startswith("بو") and _written(t, j).endswith("ة"):
            return True  # «قام الوزير بجولة في …»: «ب» on a noun (not «بوتفليقة»)
        if w.endswith("ه"):
            return not (after in STOP or after in DATE_WORDS or is_verb(after))
    if w[:1] in ("ل", "ب") and (
        w[1:] in NOT_AFTER_CLITIC or VERBAL_NOUN.match(w[1:]) or MUFAALA.match(w[1:])
    ):
        return True  # «لرئيس المجلس»; «باستقبال حار», «بإعلان …»: a verbal noun
    if w.endswith("ه") and after.endswith("يه") and after not in NAME_STARTS:
        return True
    return is_definite(after) and not family_name(after)
