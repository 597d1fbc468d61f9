"""What one word can be in a personal name: a name's word, a family name with
the article, a word that continues a name or ends it. The readers of names
(`names`, `names_chain`, `names_bare`) and of organisations' proper names
(`phrases`) ask these; the shapes of words that are no name are
`names_shapes`.
"""

from __future__ import annotations

import re

from generator.arabic.gazetteer import PLACES
from generator.arabic.lexicon import Tokens, is_definite, is_verb
from generator.arabic.names_shapes import FUUL, MUFAALA, VERBAL_NOUN, clitic_masdar
from generator.arabic.words_given import GIVEN, NAME_STARTS
from generator.arabic.words_names import (
    ABBREVIATED_TITLES,
    BUILDINGS,
    CLAUSE_WORDS,
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
_AND_NOT_NAME = HEADS_CONSTRUCT | HEADS_DEFINITE | CONSTRUCT_NOUNS | CLAUSE_WORDS


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


def suffixed(w: str) -> bool:
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
        or suffixed(w)
    )


# Words a name never runs into through a clitic: «الأمير خالد لملك الأردن».
NOT_AFTER_CLITIC = (
    HEADS_CONSTRUCT
    | HEADS_DEFINITE
    | CONSTRUCT_NOUNS
    | ORG_HEADS
    | NAME_STARTS
    | FACILITIES  # «استقبل الرئيس بقصر قرطاج …»: where, not who
    | BUILDINGS
)


def family_name(w: str) -> bool:
    """A family name with the article: a nisba («العيساوي», «الغزواني») or a
    given name with the article, as Gulf names run («الأحمد الجابر الصباح»);
    not any definite noun («اليمين», «الأعمال»)."""
    if w == "الدين":  # «صلاح الدين», «نور الدين»
        return True
    if not (is_definite(w) and len(w) >= 5 and name_word(w)):
        return False
    return w.endswith("ي") or w[2:] in NAME_STARTS


def name_part(w: str, after_connector: bool, second: bool = False) -> bool:
    """A word that continues a name: after a lineage word almost any name;
    right after the given name any name word («بشار الأسد», «محمد السادس»);
    further on, a word with the article only in a family name's shape."""
    if clitic_masdar(w) or suffixed(w):
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
    if clitic and (
        w[1:] in NOT_AFTER_CLITIC
        or VERBAL_NOUN.match(w[1:])
        or FUUL.match(w[1:])
        or MUFAALA.match(w[1:])  # «… جاهز لمواجهة الأهلي»
    ):
        return False  # «لسلطان عمان»; «… سلام لخروج الوزير»: a verbal noun
    if is_definite(w) and not (after_connector or second):
        return family_name(w)
    return name_word(w, after_connector) or family_name(w)


def boundary(t: Tokens, k: int) -> bool:
    """Whether a name can end before word k: punctuation, the end, a word that
    cannot continue a name, or «و» opening the next item of a list."""
    if k >= len(t.words) or t.brk[k - 1]:
        return True
    w = t.words[k]
    return ends_name(w) or w[:1] == "و" or w in CONNECTORS
