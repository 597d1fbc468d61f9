"""Actors that are not people: organisations by their head word, seats of power,
quoted names, and dual heads that name two organisations at once.

Each reader takes (tokens, word index, registry, date, quoted stretches) and
returns where its phrase ends and what it found (`mentions.Reader`); the
order in which they are tried, and the longest-wins rule, are `actors`'.
"""

from __future__ import annotations

import datetime as dt

from generator.arabic import phrases
from generator.arabic.gazetteer import NATIONALITIES, PLACES
from generator.arabic.lexicon import Tokens, is_definite, is_verb, joined, stems
from generator.arabic.mentions import Found, discovered, registered
from generator.arabic.names_shapes import MASDAR
from generator.arabic.registry import Kind, Registry
from generator.arabic.words_context import (
    ATTRIBUTION,
    BELONGING,
    GOVERNING,
    LOCATIVE,
    SPEAKING_FOR,
    VERBAL_NOUN_VERBS,
)
from generator.arabic.words_names import (
    CONSTRUCT_NOUNS,
    DATE_WORDS,
    DUALS,
    FORCES,
    GROUP_HEADS,
    HEADS_CONSTRUCT,
    HEADS_DEFINITE,
    HOUSES,
    KIN_HEADS,
    NAMED_BY_WHAT_THEY_DO,
    NEWS,
    ORG_HEADS,
    ORG_HEADS_COMPLEMENT,
    ORG_HEADS_DEFINITE,
    ORG_HEADS_SUBJECT_ONLY,
    ORG_STOP,
    PASSING,
    PREMISES,
    PRESIDENCY_OF,
    PROPER_NAME_HEADS,
    QUOTE_CONTEXT_AFTER,
    QUOTE_CONTEXT_BEFORE,
    QUOTE_HEADS,
    SEATS,
    STOP,
    TITLE_ADJECTIVES,
    VERBAL_HEADS,
)

DUAL_STARTS = frozenset(DUALS)
ORG_STARTS = ORG_HEADS | ORG_HEADS_DEFINITE | ORG_HEADS_COMPLEMENT | HOUSES
_SEAT_TAILS: dict[str, list[tuple[str, ...]]] = {}
for _seat_name in sorted(SEATS, key=lambda s: -len(s.split())):
    _first, *_rest = _seat_name.split()
    _SEAT_TAILS.setdefault(_first, []).append(tuple(_rest))
SEAT_STARTS = frozenset(_SEAT_TAILS)


def read_organisation(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    for head in stems(t.words[i]):
        if head in ORG_HEADS:
            if i + 1 in q:
                return i, []
            if joined(t, i + 1) and t.words[i + 1] in BELONGING:
                return i, []  # «هيئة تابعة لوزارة …»: unnamed; its owner names it
            if head in PREMISES and i > 0 and (t.words[i - 1] == "في" or head != t.words[i]):
                return i, []  # «في ديوان الإمارة», «بديوان …»: where, not who
            if head in FORCES and joined(t, i + 1) and _a_body(t.words[i + 1], reg):
                return i, []  # «قوات الجيش السوداني»: the army acts, read from there
            end = phrases.genitive(t, i + 1, q)
            if end == i + 1 and head in NAMED_BY_WHAT_THEY_DO:
                end = phrases.task_chain(t, i + 1)  # «لجنة تقصي الأهلة»
            if end == i + 1 and head in PROPER_NAME_HEADS:
                end = phrases.proper_complement(t, i + 1, masculine=not head.endswith("ه"))
            elif head in KIN_HEADS:
                end = phrases.definite_chain(t, end)
            if end == i + 1 or t.words[end - 1] in HEADS_DEFINITE:  # «برئاسة الدكتور»
                return i, []
            if head == "رياسه" and (
                head != t.words[i] or not PRESIDENCY_OF.intersection(t.words[i + 1 : end])
            ):
                return i, []
            if head in ORG_HEADS_SUBJECT_ONLY and not (i > 0 and is_verb(t.words[i - 1])):
                return i, []
            end = phrases.adjectives(t, end, reg.alias_starts, nisba=True)
            end = phrases.complement(t, end, reg.alias_starts)  # «… المستقلة للانتخابات»
        elif head in ORG_HEADS_COMPLEMENT:
            described = phrases.adjectives(t, i + 1, reg.alias_starts, nisba=True)
            if described == i + 1 or t.words[i + 1] in PASSING:
                return i, []
            end = phrases.complement(t, described, reg.alias_starts)
            if end == described:
                return i, []
        elif head in ORG_HEADS_DEFINITE or head in HOUSES:
            k = i + 1  # «الديوان الملكي السعودي», «الطيران المدني الكويتي»
            if head in HOUSES:  # «دار الإفتاء المصرية»; «ودار الحديث حول …» is a verb
                if not (joined(t, k) and is_definite(t.words[k])):
                    return i, []
                k += 1
            while joined(t, k) and (t.words[k] in TITLE_ADJECTIVES or _nisba(t.words[k])):
                k += 1  # «الوقف السني العراقي»
            if not joined(t, k) or t.words[k] not in NATIONALITIES:
                return i, []
            end = phrases.adjectives(t, k, reg.alias_starts)
        else:
            continue
        words = (head, *t.words[i + 1 : end])
        if " ".join(words[:2]) in ORG_STOP or " ".join(words) in ORG_STOP:
            return i, []
        if NEWS.intersection(words):  # a news agency reports; it is a source
            return end, []
        if _doing(head, t, i):  # «بتنظيم مركز قطر …»: the act, then who does it
            words, head, start = tuple(t.words[i + 1 : end]), t.words[i + 1], i + 1
        else:
            start = i
        entry = reg.lookup(words) or _proper_described(words, head, reg)
        written = phrases.surface(t, start, end, head)
        if entry is not None:
            return end, [Found(start, end, registered(entry, written))]
        if head in VERBAL_HEADS and _governed(t, i, head):
            return end, []  # «المسؤولة عن تنظيم الامتحانات»: organising, no group
        if start == i and _where(t, i, head):
            return end, []  # «في الحكومة البريطانية», «بمقر الأمانة العامة لـ…»: where
        kind: Kind = "group" if head in GROUP_HEADS and start == i else "organisation"
        return end, [Found(start, end, discovered(phrases.plain(written), written, kind))]
    return i, []


def _a_body(w: str, reg: Registry) -> bool:
    """A word that opens a body of its own: an organisation's head or a
    registered name («الجيش», «الشرطة», «الدعم السريع»)."""
    readings = stems(w)
    return not (ORG_STARTS.isdisjoint(readings) and reg.alias_starts.isdisjoint(readings))


def _nisba(w: str) -> bool:
    """A definite adjective of relation that is no nationality («السني»)."""
    return is_definite(w) and w.endswith(("ي", "يه")) and w not in NATIONALITIES


def _governed(t: Tokens, i: int, head: str) -> bool:
    """Word i behind a preposition, as a word before it or a clitic on it, or
    the subject of «تم/يجري» (`VERBAL_NOUN_VERBS`), which is a verbal noun."""
    before = t.words[i - 1] if i > 0 and joined(t, i) else ""
    return (t.words[i][:1] in ("ب", "ل") and t.words[i] != head) or (
        before in GOVERNING or before in VERBAL_NOUN_VERBS
    )


def _proper_described(words: tuple[str, ...], head: str, reg: Registry):
    """«حركة حماس الفلسطينية»: a group's proper name and adjectives that only
    describe it are the registered group. Not a common noun's («وزارة
    الخارجية الأمريكية»): there the adjective says which ministry."""
    if head not in PROPER_NAME_HEADS:
        return None
    k = len(words)
    while k > 2 and (words[k - 1] in NATIONALITIES or words[k - 1] in TITLE_ADJECTIVES):
        k -= 1
    if k == len(words) or is_definite(words[k - 1]):
        return None
    return reg.lookup(words[:k])


def _doing(head: str, t: Tokens, i: int) -> bool:
    """A head that is also a verbal noun («تنظيم»: organising), in construct
    with an institution's own head («تنظيم مركز …», «تنظيم وزارة …»): the
    verbal noun is the act, the institution the one who does it."""
    return MASDAR.match(head) is not None and joined(t, i + 1) and t.words[i + 1] in CONSTRUCT_NOUNS


def _where(t: Tokens, i: int, head: str) -> bool:
    """An institution not registered, named as a place: after «في» or «مقر»,
    or with «ب» on its first word («بالمركز الدولي»), unless an official
    speaks for it («مسؤول في وزارة …»). Registered ones are left to the
    registry, which knows them."""
    word = t.words[i]
    if word != head and word.startswith(("ب", "وب")):
        return True  # «بالمركز الدولي …», «بمعتمدية …»: where
    if i == 0 or not joined(t, i):
        return False
    before = t.words[i - 1]
    if before in ("مقر", "بمقر", "ومقر"):
        return True
    return before == "في" and (i < 2 or t.words[i - 2] not in SPEAKING_FOR)


def read_seat(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    """«ذكر البيت الأبيض»: a seat of power standing for the government in it.
    After a preposition of place («إلى البيت الأبيض», «في الكرملين») it is a place."""
    if i > 0 and joined(t, i) and _seat_goes_on(t.words[i - 1], t.words[i]):
        return i, []  # «بقصر الإليزيه»: the end of a seat named as a place
    for stem in stems(t.words[i]):
        for rest in _SEAT_TAILS.get(stem, ()):
            end = i + 1 + len(rest)
            if tuple(t.words[i + 1 : end]) != rest or any(t.brk[i : end - 1]):
                continue
            if stem != t.words[i].removeprefix("و") and t.words[i][:1] != "ل":
                return i, []  # «بالبيت الأبيض», «كالكرملين»
            if i > 0 and t.words[i - 1] in LOCATIVE:
                return i, []
            written = phrases.surface(t, i, end, stem)
            return end, [Found(i, end, discovered(phrases.plain(written), written, "organisation"))]
    return i, []


def _seat_goes_on(before: str, word: str) -> bool:
    """Whether `word` continues a seat's name that `before` opens («قصر»)."""
    return any(rest[:1] == (word,) for s in stems(before) for rest in _SEAT_TAILS.get(s, ()))


def read_quoted(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    end = q.get(i)
    if end is None or end - i > 3:
        return i, []
    if reg.match(t, i) is not None:
        return i, []
    before = stems(t.words[i - 1]) if i > 0 else ()
    head = next((s for s in before if s in QUOTE_HEADS), None)
    written = phrases.surface(t, i, end)
    name = phrases.plain(written)
    if head is not None:
        context = t.words[max(0, i - 4) : i - 1]
        if any(s in ATTRIBUTION for w in context for s in stems(w)):
            return i, []
        kind: Kind = "group" if head in GROUP_HEADS else "organisation"
        return end, [Found(i, end, discovered(name, written, kind))]
    words = t.words[i:end]
    if any(
        w in STOP or w in DATE_WORDS or w in PLACES or (len(w) >= 4 and w.endswith("ا"))
        for w in words
    ) or is_verb(words[0]):
        return i, []
    after = t.words[end] if end < len(t.words) else ""
    if not (set(before) & QUOTE_CONTEXT_BEFORE or after in QUOTE_CONTEXT_AFTER):
        return i, []
    return end, [Found(i, end, discovered(name, written, "group"))]


def read_dual(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    for stem in stems(t.words[i]):
        single = DUALS.get(stem)
        if single is not None:
            break
    else:
        return i, []
    k, body = i + 1, []
    while joined(t, k) and t.words[k].startswith("ال"):
        body.append(t.words[k])
        k += 1
    adjectives = body[-1:]
    while joined(t, k) and t.words[k].startswith("وال"):
        adjectives.append(t.words[k][1:])
        k += 1
    if len(adjectives) < 2 or not all(
        a in NATIONALITIES or a in TITLE_ADJECTIVES for a in adjectives
    ):
        return i, []
    written = phrases.surface(t, i, k, stem)
    display = _singular_display(phrases.plain(phrases.surface(t, i, i + 1, stem)), stem, single)
    middle = phrases.plain(phrases.surface(t, i + 1, i + len(body))) if len(body) > 1 else ""
    out: list[Found] = []
    for n, adjective in enumerate(adjectives):
        words = (single, *body[:-1], adjective)
        entry = reg.lookup(words)
        bare = single.removeprefix("ال")
        if entry is None and (bare in HEADS_CONSTRUCT or single in HEADS_DEFINITE):
            entry = reg.holder(words, on)
        if entry is not None:
            out.append(Found(i, k, registered(entry, written)))
        elif bare in ORG_HEADS or single in ORG_HEADS_DEFINITE:
            word = t.words[i + len(body) + n] if n else t.words[i + len(body)]
            adj = phrases.plain(phrases.surface(t, i + len(body) + n, i + len(body) + n + 1))
            adj = adj[1:] if n and word[:1] == "و" else adj
            name = " ".join(p for p in (display, middle, adj) if p)
            out.append(Found(i, k, discovered(name, written, "organisation")))
    return (k, out) if out else (i, [])


def _singular_display(written: str, dual: str, single: str) -> str:
    """«وزارتا» → «وزارة», «الحكومتان» → «الحكومة», «مجلسا» → «مجلس»."""
    cut = len(dual) - len(single) + (1 if single.endswith("ه") else 0)
    stem = written[:-cut] if cut else written
    return stem + "ة" if single.endswith("ه") else stem
