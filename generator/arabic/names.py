"""Personal names after a title: «الرئيس جان بيير موران،», «الأمير فيصل بن
خالد», «المتحدث باسم الحكومة، سامي نصار،».

A name is read by its shape, since no list holds every name: words that are
no particle, date, title, place or verb we know, joined by بن/عبد/أبو/آل,
with a clear boundary after a one-word name. `name_word` is also what the
organisation readers ask of a group's or a tribe's proper name.
"""

from __future__ import annotations

import re

from generator.arabic.gazetteer import PLACES
from generator.arabic.lexicon import Tokens, follows, is_definite, is_verb, joined, stems
from generator.arabic.names_shapes import (
    FUTURE,
    FUUL,
    IMPERFECT,
    MARKS,
    MASDAR,
    TANWEEN,
    VERBAL_NOUN,
    accusative_pair,
    clitic_masdar,
    pronoun_on,
)
from generator.arabic.words_given import FOREIGN_GIVEN, GIVEN, NAME_STARTS
from generator.arabic.words_names import (
    ABBREVIATED_TITLES,
    CONNECTORS,
    CONSTRUCT_NOUNS,
    DATE_WORDS,
    FACILITIES,
    HEADS_CONSTRUCT,
    HEADS_DEFINITE,
    ORG_HEADS,
    STOP,
)

_ARABIC = re.compile(r"^[\u0621-\u064a]+$")
LINEAGE = frozenset(("بن", "ابن", "بنت"))
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
        and (after_connector or not is_verb(w) or w in GIVEN)  # «فيصل» reads ف + يصل
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
    if first in _TIMES and joined(t, j + 1) and t.words[j + 1] in DATE_WORDS:
        return j  # «… رئيس مجلس النواب صباح اليوم»: the morning, not «صباح»
    if first in _DAY_NAMES and joined(t, j + 1) and t.words[j + 1] in NAME_STARTS:
        return max(name_chain(t, j), j + 2)  # «المهندس جمعة مبارك الجنيبي»: a given name
    if first == "علي" and joined(t, j + 1):  # «علي» is the folded «على» too
        after = t.words[j + 1]
        if (after in NAME_STARTS or family_name(after)) and name_chain(t, j) > j + 1:
            return name_chain(t, j)  # «النائب علي حسن خليل»
    if first in NAME_STARTS:  # a given name: its chain reads as far as it goes
        chained = name_chain(t, j)
        if chained > j + 1:
            return chained
        if _boundary(t, j + 1) or not _part(t.words[j + 1], False):
            return j + 1  # «الأمير خالد لملك الأردن»: the given name alone
    loose = joined(t, j + 1) and t.words[j + 1] in CONNECTORS  # «فيصل بن فرحان»
    opener = first in _NAME_OPENERS and joined(t, j + 1) and name_word(t.words[j + 1], True)
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
            if name_word(w) and not is_definite(w) and _boundary(t, k + 1) and stems(w) == (w,):
                k += 1  # «السفير "علي بن حسن جعفر"»: a family name, then punctuation
            elif family_name(w) and w.endswith("ي"):
                k += 1  # «الأستاذ عيد بن محمد الثقفي»: a nisba family name
            break  # «الأمير تركي بن عبدالله بزيارة»: after «بن X» only «بن»/«آل» go on
        if w in CONNECTORS:
            if not joined(t, k + 1) or not name_word(t.words[k + 1], True):
                break
            k += 1
            continue
        if not name_word(w) or count >= 4 or _suffixed(w):
            break
        if TANWEEN.search(t.text, t.spans[k][0], t.spans[k][1]):
            break  # «… مهنئاً»: a word with tanween is no name
        if pronoun_on(t, k) and w not in NAME_STARTS:
            break  # «الوزير حرص بلاده»: «بلاده», his country
        if any(is_definite(s) for s in stems(w)[1:]):  # «بالوفد»: a clitic, not a name
            break
        if w[:1] in ("ل", "ب") and w[1:] in _NOT_AFTER_CLITIC and w not in NAME_STARTS:
            break  # «الوزير شكره لمنظمة …»: a preposition on a body's or a title's head
        if w[:1] == "و" and len(w) > 4 and w not in NAME_STARTS and w[1:] not in NAME_STARTS:
            break  # «بالمشير حفتر وقيادات الجيش»: «و» opens the next item
        if count == 1 or t.brk[k] or k + 1 == n:
            k, count = k + 1, count + 1
            continue
        k = _closed_run(t, k, 5 - count)
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


def _closed_run(t: Tokens, k: int, most: int) -> int:
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
            or _suffixed(w)
            or (is_definite(w) and t.text[t.spans[m][0]] not in "أإآ")  # «ألفاريس»
            or len(stems(w)) > 1
            or (w[-1:] == "ا" and w not in NAME_STARTS)  # «… وفدا رفيعا»
            or ((MASDAR.match(w) or pronoun_on(t, m)) and w not in NAME_STARTS)  # «تشكيل حكومته»
            or TANWEEN.search(t.text, t.spans[m][0], t.spans[m][1])
            or w in CONNECTORS
        ):
            return k
        if m + 1 == n or t.brk[m] or t.words[m + 1] in _RELATIVES:
            return m + 1
    return k


_RELATIVES = frozenset(("الذي", "التي"))


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
    if w in NAME_STARTS or w in _NAME_OPENERS:  # «عبد الله», «أبو الغيط»
        return False
    if w[:1] == "و":
        return True
    if not joined(t, j + 1):
        return False
    after = t.words[j + 1]
    if w[:1] in ("ل", "ب") and len(w) > 3:
        if is_definite(after) and not family_name(after):
            return True  # «بقصر الإليزيه»: a preposition, a noun and its genitive
        if w.endswith("ه"):
            return not (after in STOP or after in DATE_WORDS or is_verb(after))
    if w[:1] in ("ل", "ب") and (w[1:] in _NOT_AFTER_CLITIC or VERBAL_NOUN.match(w[1:])):
        return True  # «لرئيس المجلس»; «باستقبال حار», «بإعلان …»: a verbal noun
    if w.endswith("ه") and after.endswith("يه") and after not in NAME_STARTS:
        return True
    return is_definite(after) and not family_name(after)


def _suffixed(w: str) -> bool:
    """A verb or noun with an object pronoun («نقلها», «رافقهم»): never a name."""
    return len(w) > 3 and w.endswith(("ها", "هم", "هما")) and w not in NAME_STARTS


def ends_name(w: str) -> bool:
    """A word that cannot continue a one-word name after a title, so the name
    ends before it: a particle, a date, a verb, the next title in apposition
    («الأمير فيصل أمير منطقة حائل»), or «و» opening a clause («… فيصل وكان …»)."""
    return (
        w in STOP
        or w in DATE_WORDS
        or is_verb(w)
        or w in HEADS_CONSTRUCT
        or w in HEADS_DEFINITE
        or (w[:1] == "و" and (w[1:] in STOP or w[1:] in _AND_NOT_NAME))
        or _suffixed(w)
    )


# ------------------------------------------------------------ names with no title

# Words a name never runs into through a clitic: «الأمير خالد لملك الأردن».
_NOT_AFTER_CLITIC = (
    HEADS_CONSTRUCT
    | HEADS_DEFINITE
    | CONSTRUCT_NOUNS
    | ORG_HEADS
    | NAME_STARTS
    | FACILITIES  # «استقبل الرئيس بقصر قرطاج …»: where, not who
    | frozenset(("قصر", "مقر", "مبني"))
)
_LINEAGE_ON = LINEAGE | frozenset(("ولد",))


def family_name(w: str) -> bool:
    """A family name with the article: a nisba («العيساوي», «الغزواني») or a
    given name with the article, as Gulf names run («الأحمد الجابر الصباح»);
    not any definite noun («اليمين», «الأعمال»)."""
    if w == "الدين":  # «صلاح الدين», «نور الدين»
        return True
    if not (is_definite(w) and len(w) >= 5 and name_word(w)):
        return False
    return w.endswith("ي") or w[2:] in NAME_STARTS


def _part(w: str, after_connector: bool, second: bool = False) -> bool:
    """A word that continues a name: after a lineage word almost any name;
    right after the given name any name word («بشار الأسد», «محمد السادس»);
    further on, a word with the article only in a family name's shape."""
    if clitic_masdar(w) or _suffixed(w):
        return False  # «بتشكيل», «نقلها»
    if w[:1] == "و" and w[1:] in ABBREVIATED_TITLES:
        return False  # «… ود. سامر»: the next person's title
    if w[:1] == "و" and (w[1:] in PLACES or w[1:] in NAME_STARTS):
        return False  # «… وألمانيا», «… وكاترين»: the next item of a list
    if w[:1] == "و" and len(w) > 4 and w not in NAME_STARTS and not after_connector:
        return False  # «… حمدان وقيادات الجيش»: «و» opens the next item
    if w.startswith(("بال", "لل", "كال")) and len(w) > 4:
        return False  # «بالوفد», «للرئيس»: a preposition and a noun
    clitic = w[:1] in ("ل", "ب") and len(w) > 3 and w not in NAME_STARTS
    if clitic and (w[1:] in _NOT_AFTER_CLITIC or VERBAL_NOUN.match(w[1:]) or FUUL.match(w[1:])):
        return False  # «لسلطان عمان»; «… سلام لخروج الوزير»: a verbal noun
    if is_definite(w) and not (after_connector or second):
        return family_name(w)
    return name_word(w, after_connector) or family_name(w)


_TIMES = frozenset(("صباح", "عصر", "ليله"))
# Title words that are family names too, after a given name and before the
# name's end: «حسين الشيخ», «محمد القاضي», «علي الحاج».
TITLE_SURNAMES = frozenset(("الشيخ", "الحاج", "القاضي", "الامام", "الامير"))
# Weekdays that are given names too, without the article: «جمعة», «خميس».
_DAY_NAMES = frozenset(("جمعه", "خميس"))


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
        or (  # «… أنصاري مساعد وزير»
            w[-1:] == "ا" and w[:-1] in HEADS_CONSTRUCT  # «… خوجلي نائباً لرئيس …»
        )
    )
    # the word before a title ends a name, unless it is a noun: «… النجيفي زيارةَ رئيس …»
    last = t.text[t.spans[k - 1][0] : t.spans[k - 1][1]].rstrip(MARKS)
    return titled and not (last.endswith("ة") or MASDAR.match(t.words[k - 1]))


def _name_ends(t: Tokens, k: int) -> bool:
    """Punctuation, the end, or a word that cannot continue a name at word k."""
    return k >= len(t.words) or t.brk[k - 1] or ends_name(t.words[k])


def _boundary(t: Tokens, k: int) -> bool:
    """Whether a name can end before word k: punctuation, the end, a word that
    cannot continue a name, or «و» opening the next item of a list."""
    if k >= len(t.words) or t.brk[k - 1]:
        return True
    w = t.words[k]
    return ends_name(w) or w[:1] == "و" or w in CONNECTORS


def name_chain(t: Tokens, j: int, strict: bool = False) -> int:
    """A personal name from a given name at word j: up to three words («محمد
    شياع السوداني», «جان نويل بارو»), and on through بن/ابن/بنت/ولد/آل/عبد/أبو
    («سالم بن علي بن سعيد الحارثي», «المختار ولد الشيخ سيديا», «عبدالرحمن صالح
    أحمد آل فلان»). The end, j when there is no name of two words or more.
    `strict`: a second word with the article must have a family name's shape
    too («أحمد العاصمة» is no one)."""
    k, plain_words, lineage = j + 1, 1, False
    while joined(t, k):
        w, prev = t.words[k], t.words[k - 1]
        if k == j + 1 and prev[:1] == "و" and prev[1:] in _NAME_OPENERS:
            prev = prev[1:]  # «… وعبد الله حسين اللافي»: the next item of a list
        if prev in CONNECTORS:
            # «آل الشيخ», «ولد الشيخ», «بن الحسين»: after a lineage word a name,
            # or a family with the article, whatever the word
            ok = _part(w, True) or (len(w) >= 3 and is_definite(w) and w not in STOP)
            if not (ok or w in CONNECTORS):
                return k - 1 if k - 1 > j + 1 else j
            lineage = lineage or prev in _LINEAGE_ON
            k += 1
            continue
        if w in CONNECTORS:
            after = t.words[k + 1] if joined(t, k + 1) else ""
            family = len(after) >= 3 and (is_definite(after) or w == "ال") and after not in STOP
            if not (after and (_part(after, True) or family)):
                break
            k += 1
            continue
        if lineage:  # after «بن X» a family name with the article ends it
            if is_definite(w) and name_word(w) and len(w) >= 5:  # «بن محمد العطية»
                k += 1
                break
            if w in GIVEN or w in FOREIGN_GIVEN:  # «ولد الشيخ أحمد»
                k += 1
            elif name_word(w) and stems(w) == (w,) and (t.brk[k] or k + 1 == len(t.words)):
                k += 1  # «خالد بن سعد حمدان،»: a family name, then punctuation
            break
        if TANWEEN.search(t.text, t.spans[k][0], t.spans[k][1]):
            break  # «سالم الكعبي مهنئاً»: a word with tanween is no name
        if w == "علي" and plain_words == 1:  # «محمد علي النفطي», not «أكد أحمد على ضرورة»
            after = t.words[k + 1] if joined(t, k + 1) else ""
            if not (after and (family_name(after) or after in GIVEN)):
                break
        elif w == "علي" and plain_words < 4:  # «أحمد الطيب علي حسن،»: a grandfather
            if joined(t, k + 1) and t.words[k + 1] in GIVEN and _ends_here(t, k + 2):
                k += 2
            break
        elif plain_words == 1 and w in TITLE_SURNAMES and _name_ends(t, k + 1):
            k += 1  # «حسين الشيخ،»: a title word as a family name, the name ending there
            break
        elif plain_words >= 4 or not (
            _part(w, False, second=plain_words == 1 and not strict)
            or (t.text[t.spans[k][0]] in "أإآ" and name_word(w))  # «ألفاريس»: no article
        ):
            break
        if w in _TIMES and (not joined(t, k + 1) or t.words[k + 1] in DATE_WORDS):
            break  # «ناصر فؤاد صباح اليوم»
        # «الأحمد الجابر الصباح»: a run of family names with the article
        run = family_name(prev) or (joined(t, k + 1) and family_name(t.words[k + 1]))
        nisba = family_name(w) and w.endswith("ي")  # «كريم جواد الساعدي متابع …»
        grandfather = w in GIVEN and joined(t, k + 1) and family_name(t.words[k + 1])
        grandfather = grandfather or w == "الدين"  # «محمد بدر الدين زايد»: a compound
        if plain_words >= 2 and not (
            _ends_here(t, k + 1)
            or (family_name(w) and (nisba or run or _boundary(t, k + 1)))
            or grandfather  # «مبارك فيصل سعود الصباح»: a grandfather, then the family
        ):
            k = _closed_run(t, k, 5 - plain_words)  # «خوان بابلو روميرو غارسيا،»
            break  # a third word only where the name clearly ends: «محمود مكيه مذكرة»
        k, plain_words = k + 1, plain_words + 1
    if k == j + 1:
        return j
    if t.words[k - 1] in CONNECTORS:
        k -= 1
    return k if k > j + 1 else j
