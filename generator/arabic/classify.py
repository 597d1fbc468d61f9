"""What kind of event, and where? The main verb gives the type; a gazetteer the places.

CONTRACT (used by generator/understand.py):

    event_type(text) -> str         one of EVENT_TYPES
    find_places(text) -> list[str]  canonical Arabic names, in order of appearance

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
"""

from __future__ import annotations

from generator.arabic.gazetteer import NATIONALITIES, PLACE_NOUNS, PLACES
from generator.arabic.lexicon import NOUN_TYPES, is_definite, main_verb, stems, tokenize
from generator.arabic.normalize import normalize

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
        for s in stems(word):
            kind = NOUN_TYPES.get(s) or NOUN_TYPES.get(s.removeprefix("ال"))
            if kind:
                return kind
    return "other"


_PLACE_NOUNS = frozenset(normalize(n) for n in PLACE_NOUNS)
_AMMAN_AFTER = frozenset(("العاصمه", "مدينه", "بالعاصمه"))  # not «عاصمة عمان»: Oman's
# Place names that are also adjectives: «المحكمة العليا السعودية» names a court.
_ALSO_ADJECTIVE = frozenset(("السعوديه",))


def find_places(text: str) -> list[str]:
    t = tokenize(text)
    words, n = t.words, len(t.words)
    found: list[str] = []
    i = 0
    while i < n:
        readings = stems(words[i])
        if _FIRSTS.isdisjoint(readings) and _PLACE_NOUNS.isdisjoint(readings):
            i += 1
            continue
        end, place = _place_at(words, t.brk, i)
        if place and words[i] in _ALSO_ADJECTIVE and i > 0 and is_definite(words[i - 1]):
            place = None
        if place == "عمّان" and end == i + 1:
            raw = t.text[t.spans[i][0] : t.spans[i][1]]
            if "\u0651" not in raw and not (i > 0 and words[i - 1] in _AMMAN_AFTER):
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
        else:
            i += 1
    return list(dict.fromkeys(found))


def _place_at(words: list[str], brk: list[bool], i: int) -> tuple[int, str | None]:
    """The longest place name starting at word i (through proclitics on its first word)."""
    for first in stems(words[i]):
        for rest, place in _BY_FIRST.get(first, ()):
            end = i + 1 + len(rest)
            if tuple(words[i + 1 : end]) == rest and not any(brk[i : end - 1]):
                return end, place
    return i, None


def _index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Place names by their first word, longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, place in PLACES.items():
        first, *rest = key.split()
        out.setdefault(first, []).append((tuple(rest), place))
    for options in out.values():
        options.sort(key=lambda o: -len(o[0]))
    return out


_BY_FIRST = _index()
_FIRSTS = frozenset(_BY_FIRST)
