"""What kind of event, and where? The main verb gives the type; a gazetteer the places.

CONTRACT (used by generator/understand.py):

    event_type(text) -> str         one of EVENT_TYPES
    find_places(text) -> list[str]  canonical Arabic names, in order of appearance
    acting_countries(t, actors)     countries that act: (start, end, name, first stem)

The main verb is the first verb of `lexicon.VERB_TYPES` in the sentence
(Arabic news opens with it: «أكد …», «وقال …»); a light verb («أجرى»,
«عقد») takes its type from its object («أجرى محادثات» → talks). A sentence
with no known verb (a headline) is typed by its nouns («غارات» → military),
else "other".

Places are countries and cities of `gazetteer` named as nouns, through
proclitics («بسورية», «والعراق», «للعراق»); nationality adjectives are not
places («الضربات الروسية»), except after a place noun («الأراضي السورية»
→ سورية). «عمان» is Amman after «العاصمة» or when written with shadda
(«عمّان»), else the Sultanate.

A country that acts is also an actor (used by `actors.find_actors`): the
subject right after a sentence-initial verb («أعلنت السعودية …»), or what is
coordinated with it there («بحثت الولايات المتحدة والمملكة المتحدة»), or a
country right before a verb at the start of the sentence or of a clause after
«أن»/«إن» or «كان» («العراق عطّل …», «… أن روسيا قصفت …»). The first verb
counts as sentence-initial when a comma sets off an adverbial before it
(«منذ السبت، أطلقت الولايات المتحدة …»), and countries listed after a subject
that groups them act too («أعلن عدد من الدول، منها مصر والأردن»). Anywhere
else — object, after a preposition, in a genitive — it stays a place.
"""

from __future__ import annotations

from itertools import compress

from generator.arabic.gazetteer import COUNTRY_NAMES, NATIONALITIES, PLACE_NOUNS, PLACES
from generator.arabic.lexicon import (
    VERB_WORDS,
    Tokens,
    is_definite,
    is_verb,
    main_verb,
    stems,
    tokenize,
)
from generator.arabic.normalize import normalize
from generator.arabic.words_context import ALSO_ADJECTIVE, CAPITAL_BEFORE, CLAUSE_OPENERS
from generator.arabic.words_names import DATE_WORDS
from generator.arabic.words_verbs import (
    COUNTRY_GROUPS,
    KANA,
    LEADING,
    MEMBERS_FOLLOW,
    NOUN_TYPES,
)

EVENT_TYPES = (
    "statement",
    "talks",
    "announcement",
    "approval",
    "military",
    "accusation",
    "condemnation",
    "denial",
    "decision",
    "protest",
    "election",
    "agreement",
    "visit",
    "death",
    "disaster",
    "other",
)

# What the theme shows for each type.
TYPE_LABELS: dict[str, str] = {
    "statement": "تصريح",
    "talks": "محادثات",
    "announcement": "إعلان",
    "approval": "موافقة",
    "military": "عمل عسكري",
    "accusation": "اتهام",
    "condemnation": "إدانة",
    "denial": "نفي",
    "decision": "قرار",
    "protest": "احتجاج",
    "election": "انتخابات",
    "agreement": "اتفاق",
    "visit": "زيارة",
    "death": "وفاة",
    "disaster": "كارثة",
    "other": "خبر",
}


def event_type(text: str) -> str:
    words = tokenize(text).words
    verb = main_verb(words)
    if verb is not None:
        return verb[1]
    for word in words:
        kind = _NOUN_KIND.get(word, False)
        if kind is False:
            kind = _noun_kind(word)
            if len(_NOUN_KIND) < 100_000:
                _NOUN_KIND[word] = kind
        if kind:
            return kind
    return "other"


_NOUN_KIND: dict[str, str | None] = {}


def _noun_kind(word: str) -> str | None:
    for s in stems(word):
        kind = NOUN_TYPES.get(s) or NOUN_TYPES.get(s.removeprefix("ال"))
        if kind:
            return kind
    return None


_PLACE_NOUNS = frozenset(normalize(n) for n in PLACE_NOUNS)


def find_places(text: str) -> list[str]:
    t = tokenize(text)
    words, n = t.words, len(t.words)
    found: list[str] = []
    may = list(map(_MAY_START.get, words))
    if None in may:
        may = [_may_start(w) if m is None else m for w, m in zip(words, may, strict=True)]
    # Only the words that can start a place are visited (decided once per
    # word, `_MAY_START`): most lines have two or three, or none.
    i = 0
    for k in compress(range(n), may):
        if k < i:
            continue  # inside the place read before
        i = k
        readings = stems(words[i])
        end, place = _place_at(words, t.brk, i)
        if place and words[i] in ALSO_ADJECTIVE and i > 0 and is_definite(words[i - 1]):
            place = None
        if place == "عمّان" and end == i + 1:
            raw = t.text[t.spans[i][0] : t.spans[i][1]]
            if "\u0651" not in raw and not (i > 0 and words[i - 1] in CAPITAL_BEFORE):
                place = "سلطنة عمان"
        if (
            place is None
            and i + 1 < n
            and NATIONALITIES.get(words[i + 1])
            and not t.brk[i]
            and not _PLACE_NOUNS.isdisjoint(readings)
        ):
            place, end = NATIONALITIES[words[i + 1]], i + 2
        if place:
            found.append(place)
            i = end
    if len(found) < 2:
        return found
    return list(dict.fromkeys(found))


_MAY_START: dict[str, bool] = {}


def _may_start(word: str) -> bool:
    readings = stems(word)
    may = not (_FIRSTS.isdisjoint(readings) and _PLACE_NOUNS.isdisjoint(readings))
    if len(_MAY_START) < 100_000:
        _MAY_START[word] = may
    return may


def _place_at(words: list[str], brk: list[bool], i: int) -> tuple[int, str | None]:
    """The longest place name starting at word i (through proclitics on its first word)."""
    for first in stems(words[i]):
        for rest, place in _BY_FIRST.get(first, ()):
            end = i + 1 + len(rest)
            if tuple(words[i + 1 : end]) == rest and not any(brk[i : end - 1]):
                return end, place
    return i, None


def _index(
    table: dict[str, str] = PLACES,
) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Place names by their first word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, place in table.items():
        first, *rest = key.split()
        out.setdefault(first, []).append((tuple(rest), place))
    for options in out.values():
        options.sort(key=lambda o: -len(o[0]))
    return out


_BY_FIRST = _index()
_FIRSTS = frozenset(_BY_FIRST)
_COUNTRIES_BY_FIRST = _index(COUNTRY_NAMES)
# «أن»/«إن» (folded) and «كان» open a clause whose subject may come first: «أن
# العراق عطّل», «وكانت تركيا قد أعلنت».
_CLAUSE_OPENERS = CLAUSE_OPENERS | KANA
# The words a country in a chain can be written as: its first word, or that
# word after a coordinating «و».
_COUNTRY_WORDS = frozenset(_COUNTRIES_BY_FIRST) | frozenset("و" + w for w in _COUNTRIES_BY_FIRST)


def acting_countries(
    t: Tokens, actors: dict[int, tuple[int, bool]]
) -> list[tuple[int, int, str, str]]:
    """Countries in a subject position: (start, end, canonical name, the first
    word less a coordinating «و»).

    `actors` maps where each actor already found starts to (its end, whether a
    coordinating «و» was taken off its first word), so that a country
    coordinated with an actor («السعودية والسلطة الفلسطينية») is found too.
    """
    words, n = t.words, len(t.words)
    if _COUNTRY_WORDS.isdisjoint(words):
        return []  # no country named, alone or after «و»: most sentences
    start = 0
    while start < n and words[start] in LEADING:
        start += 1
    out: list[tuple[int, int, str, str]] = []
    clauses = [start]
    verb = start if start < n and is_verb(words[start]) else _after_adverbial(t, start)
    if verb is not None:
        k = verb + 1
        while k < n and (words[k] in DATE_WORDS or words[k].isdigit()):
            k += 1
        out.extend(_chain(t, k, actors)[1])
        out.extend(_members(t, k, actors))
        clauses = [] if verb == start else clauses
    opens = map(_CLAUSE_OPENERS.__contains__, words[start : n - 1])
    clauses += [i + 1 for i in compress(range(start, n - 1), opens)]
    for k in clauses:
        end, items = _chain(t, k, actors)
        while end < n and words[end] in LEADING and not t.brk[end - 1]:
            end += 1  # «أن روسيا قد قصفت»
        if items and end < n and not t.brk[end - 1] and is_verb(words[end]):
            out.extend(items)
    return out


def _after_adverbial(t: Tokens, start: int) -> int | None:
    """The first verb, when a comma sets off what comes before it: a fronted
    adverbial («منذ صباح الأحد الماضي، أعلنت فرنسا …»), after
    which the verb and its subject come in their usual order."""
    words = t.words
    # The first verb, found with one set look-up a word at C speed (`main_verb`).
    verbs = map(VERB_WORDS.__contains__, words[start + 1 :])
    m = next(compress(range(start + 1, len(words)), verbs), None)
    if m is None:
        return None
    gap = t.text[t.spans[m - 1][1] : t.spans[m][0]]
    return m if ("،" in gap or "," in gap) else None


def _members(t: Tokens, k: int, actors: dict[int, tuple[int, bool]]) -> list:
    """Countries listed after a subject that names them as a group: «أعلن عدد
    من الدول العربية، منها السعودية وقطر» (`COUNTRY_GROUPS`, `MEMBERS_FOLLOW`)."""
    words, n = t.words, len(t.words)
    if k >= n or words[k] not in COUNTRY_GROUPS:
        return []
    for m in range(k + 1, min(n, k + 8)):
        if words[m] in MEMBERS_FOLLOW:
            return _chain(t, m + 1, actors)[1]
    return []


def _chain(
    t: Tokens, k: int, actors: dict[int, tuple[int, bool]]
) -> tuple[int, list[tuple[int, int, str, str]]]:
    """Countries and actors coordinated by «و» from word k: the chain's end and its countries."""
    words, n = t.words, len(t.words)
    items: list[tuple[int, int, str, str]] = []
    pos = k
    while pos < n:
        if pos > k:
            gap = t.text[t.spans[pos - 1][1] : t.spans[pos][0]].strip()
            if gap not in ("", "،", ",") or words[pos][:1] != "و":
                break
        if pos in actors:
            end, with_and = actors[pos]
            if pos > k and not with_and:
                break
            pos = end
            continue
        word = words[pos][1:] if pos > k else words[pos]
        end, name = _country_at(t, pos, word)
        if name is None:
            break
        items.append((pos, end, name, word))
        pos = end
    return pos, items


def _country_at(t: Tokens, i: int, first: str) -> tuple[int, str | None]:
    for rest, name in _COUNTRIES_BY_FIRST.get(first, ()):
        end = i + 1 + len(rest)
        if tuple(t.words[i + 1 : end]) == rest and not any(t.brk[i : end - 1]):
            return end, name
    return i, None
