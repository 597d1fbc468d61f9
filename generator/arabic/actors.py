"""Who is in the news? Registered actors by any alias, titles, duals, groups.

CONTRACT (used by generator/load.py and generator/understand.py):

    Registry(entries)                       compile once per build
    find_actors(text, registry, on) -> list[ActorMention]

`on` is the event's date (or None) for resolving dated roles
("وزير الخارجية الروسي" on 2015-10-01 → سيرغي لافروف).

How a sentence is read, left to right, one word index at a time; at each
index the longest of these wins (ties in this order):
1. a dual head and its coordinated adjectives («وزارتا الدفاع الروسية
   والأمريكية»): one actor per adjective, each mentioned by the whole phrase;
2. a registered alias, through proclitics (و ف ب ل ك, ال, لل);
3. a title (`phrases.title`) followed by a registered alias or a personal
   name (discovered, unreviewed), or standing alone and resolved through the
   registry's dated roles to whoever held it on `on`; a title nobody held
   then is no actor (a page named «وزير الخارجية» would help no reader);
4. an organisation's head and complement («هيئة X», «وزارة X», «الحكومة
   العراقية»), discovered when not registered;
5. a quoted name («داعش», “داعش”, "داعش") with a head before it («تنظيم»،
   «شركة») or an actor's context («ضد», «عناصر», «… الإرهابي»);
6. a seat of power standing for its government («ذكر البيت الأبيض»), unless
   a preposition of place makes it a place («وصل إلى البيت الأبيض»).
Registered organisations inside a title are reported too («رئيس هيئة التنسيق
… حسن عبد العظيم» names both); a registered person there is part of the role
(«مستشار خادم الحرمين الشريفين»), and organisations discovered inside a title
are not actors («رئيس مجلس الوزراء» does not make «مجلس الوزراء» one). A
news agency («وكالة الأنباء …») reports the event: a source, not an actor.

Countries are places (`classify.find_places`); a country is also an actor
(kind `country`) where it acts, as `classify.acting_countries` reads the
subject position, and anywhere once an editor registers it: then it matches
like any alias. An unregistered country's page is named and slugged by the
gazetteer's canonical name («السعودية» for «المملكة العربية السعودية»).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress

from generator.arabic import phrases
from generator.arabic.classify import acting_countries
from generator.arabic.gazetteer import NATIONALITIES, PLACES
from generator.arabic.lexicon import VERB_WORDS, Tokens, is_verb, stems, tokenize
from generator.arabic.normalize import normalize, slugify
from generator.arabic.registry import ActorEntry, ActorMention, Kind, Registry, Role
from generator.arabic.words_names import (
    ATTRIBUTION,
    DATE_WORDS,
    DUALS,
    FACILITIES,
    GROUP_HEADS,
    HEADS_CONSTRUCT,
    HEADS_DEFINITE,
    KIN_HEADS,
    ORG_HEADS,
    ORG_HEADS_COMPLEMENT,
    ORG_HEADS_DEFINITE,
    ORG_HEADS_SUBJECT_ONLY,
    ORG_STOP,
    PREMISES,
    PROPER_NAME_HEADS,
    QUOTE_CONTEXT_AFTER,
    QUOTE_CONTEXT_BEFORE,
    QUOTE_HEADS,
    SEATS,
    STOP,
    TITLE_ADJECTIVES,
)

__all__ = ["ActorEntry", "ActorMention", "Kind", "Registry", "Role", "find_actors"]


_DUAL_STARTS = frozenset(DUALS)
_ORG_STARTS = ORG_HEADS | ORG_HEADS_DEFINITE | ORG_HEADS_COMPLEMENT
# «رئاسة X» is an office («تولى رئاسة البلاد», «برئاسة الدكتور …») unless X is
# the state or the government: then it is the presidency, an institution.
# Adjectives that say when, not which: «المجلس الجديد للنهوض» names no one.
_PASSING = frozenset(("الجديد", "الجديده", "السابق", "السابقه", "الاسبق", "المكلف", "الحالي"))
_PRESIDENCY_OF = frozenset(("الجمهوريه", "الحكومه", "الوزراء", "الدوله"))
_NEWS = frozenset(("الانباء", "للانباء", "انباء"))
_SEAT_TAILS: dict[str, list[tuple[str, ...]]] = {}
for _seat_name in sorted(SEATS, key=lambda s: -len(s.split())):
    _first, *_rest = _seat_name.split()
    _SEAT_TAILS.setdefault(_first, []).append(tuple(_rest))
_SEAT_STARTS = frozenset(_SEAT_TAILS)
_LOCATIVE = frozenset(("في", "الي", "من", "داخل", "امام", "قرب", "خارج", "حتي"))


@dataclass
class _Found:
    start: int
    end: int
    mention: ActorMention


def find_actors(text: str, registry: Registry, on: dt.date | None) -> list[ActorMention]:
    t = tokenize(text)
    quoted = phrases.quotes(t)
    found: list[_Found] = []
    words = t.words
    memo = registry.reader_memo
    readers = list(map(memo.get, words))
    if None in readers:
        readers = [
            _readers(registry, w) if r is None else r for w, r in zip(words, readers, strict=True)
        ]
    starts: Iterable[int] = compress(range(len(words)), readers)
    if quoted:
        starts = sorted({*starts, *quoted})
    i = 0
    for k in starts:
        if k < i:
            continue
        end, items = _longest(t, k, registry, on, quoted, readers[k])
        found.extend(items)
        i = max(end, k + 1)
    return _finish(t, found + _countries(t, found))


_Reader = Callable[[Tokens, int, Registry, "dt.date | None", dict[int, int]], tuple[int, list]]


def _readers(reg: Registry, word: str) -> tuple[_Reader, ...]:
    """The readers that can start on a word, through any of its readings: the
    same in every sentence, so asked once per word and registry; most words
    of a text start none, and are passed over at the cost of a look-up."""
    readings = stems(word)
    out = tuple(
        reader
        for reader, starts in (
            (_dual, _DUAL_STARTS),
            (_alias, reg.alias_starts),
            (_titled, reg.title_starts),
            (_organisation, _ORG_STARTS),
            (_seat, _SEAT_STARTS),
        )
        if not starts.isdisjoint(readings)
    )
    if len(reg.reader_memo) < 100_000:
        reg.reader_memo[word] = out
    return out


def _countries(t: Tokens, found: list[_Found]) -> list[_Found]:
    actors: dict[int, tuple[int, bool]] = {}
    for f in found:
        if f.end > actors.get(f.start, (f.start, False))[0]:
            and_taken = t.words[f.start][:1] == "و" and normalize(f.mention.mention)[:1] != "و"
            actors[f.start] = (f.end, and_taken)
    out: list[_Found] = []
    for start, end, name, stem in acting_countries(t, actors):
        written = phrases.surface(t, start, end, stem)
        out.append(_Found(start, end, _discovered(name, written, "country")))
    return out


def _longest(
    t: Tokens,
    i: int,
    reg: Registry,
    on: dt.date | None,
    quoted: dict[int, int],
    readers: tuple[_Reader, ...],
) -> tuple[int, list[_Found]]:
    best: tuple[int, list[_Found]] = (i, [])
    for reader in readers:
        end, items = reader(t, i, reg, on, quoted)
        if end > best[0]:
            best = (end, items)
    if i in quoted:
        end, items = _quoted(t, i, reg, on, quoted)
        if end > best[0]:
            best = (end, items)
    return best


def _alias(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    hit = reg.match(t, i)
    if hit is None:
        return i, []
    end, entry, stem = hit
    return end, [_Found(i, end, _registered(entry, phrases.surface(t, i, end, stem)))]


def _titled(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    if i > 0 and phrases.joined(t, i) and not FACILITIES.isdisjoint(stems(t.words[i - 1])):
        return i, []  # «بمطار الملك خالد الدولي»: a place's name, not a person
    end, segments = phrases.title(t, i, q, reg.alias_starts)
    registered_title = reg.role_end(t, i)
    if registered_title is not None and registered_title[0] > end:
        end, stem = registered_title
        segments = [(i, end, stem)]
    if not segments:
        return i, []
    head = segments[0][2]
    title_text = phrases.surface(t, i, end, head)
    inside = _inside(t, i + 1, end, reg, on, q)
    if phrases.follows(t, end) and (hit := reg.match(t, end, clitics=False)):
        name_end, entry, _ = hit
        mention = _registered(entry, phrases.surface(t, i, name_end, head), title_text)
        return name_end, [_Found(i, name_end, mention), *inside]
    name_end = phrases.person_name(t, end)
    if name_end == end:
        name_end = phrases.name_between_commas(t, end)
    if name_end > end:
        name = phrases.plain(phrases.surface(t, end, name_end))
        name = _house_spelling(name)
        person = ActorMention(
            _slug(name),
            name,
            phrases.surface(t, i, name_end, head),
            registered=False,
            title=title_text,
        )
        return name_end, [_Found(i, name_end, person), *inside]
    for start, stop, seg_head in segments:
        key = (seg_head, *t.words[start + 1 : stop])
        for cut in range(len(key), 0, -1):
            entry = reg.holder(key[:cut], on)
            if entry is not None:
                mention = _registered(entry, title_text, title_text)
                return end, [_Found(i, end, mention), *inside]
    return end, inside


def _inside(
    t: Tokens, i: int, end: int, reg: Registry, on: dt.date | None, q: dict[int, int]
) -> list[_Found]:
    """Registered aliases and quoted names inside a title's words. A person
    there is part of the role («مستشار خادم الحرمين الشريفين»), not an actor."""
    out: list[_Found] = []
    alias_starts = reg.alias_starts
    while i < end:
        if i not in q and alias_starts.isdisjoint(stems(t.words[i])):
            i += 1
            continue
        stop, items = _alias(t, i, reg, on, q)
        if not items:
            stop, items = _quoted(t, i, reg, on, q)
        out.extend(f for f in items if f.end <= end and f.mention.kind != "person")
        i = max(stop, i + 1)
    return out


def _organisation(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    for head in stems(t.words[i]):
        if head in ORG_HEADS:
            if i + 1 in q:
                return i, []
            if head in PREMISES and i > 0 and (t.words[i - 1] == "في" or head != t.words[i]):
                return i, []  # «في ديوان الإمارة», «بديوان …»: where, not who
            end = phrases.genitive(t, i + 1, q)
            if end == i + 1 and head in PROPER_NAME_HEADS:
                end = phrases.proper_complement(t, i + 1, masculine=not head.endswith("ه"))
            elif head in KIN_HEADS:
                end = phrases.definite_chain(t, end)
            if end == i + 1 or t.words[end - 1] in HEADS_DEFINITE:  # «برئاسة الدكتور»
                return i, []
            if head == "رياسه" and (
                head != t.words[i] or not _PRESIDENCY_OF.intersection(t.words[i + 1 : end])
            ):
                return i, []
            if head in ORG_HEADS_SUBJECT_ONLY and not (i > 0 and is_verb(t.words[i - 1])):
                return i, []
            end = phrases.adjectives(t, end, reg.alias_starts, nisba=True)
        elif head in ORG_HEADS_COMPLEMENT:
            described = phrases.adjectives(t, i + 1, reg.alias_starts, nisba=True)
            if described == i + 1 or t.words[i + 1] in _PASSING:
                return i, []
            end = phrases.complement(t, described, reg.alias_starts)
            if end == described:
                return i, []
        elif head in ORG_HEADS_DEFINITE:
            if not phrases.joined(t, i + 1) or t.words[i + 1] not in NATIONALITIES:
                return i, []
            end = phrases.adjectives(t, i + 1, reg.alias_starts)
        else:
            continue
        words = (head, *t.words[i + 1 : end])
        if " ".join(words[:2]) in ORG_STOP or " ".join(words) in ORG_STOP:
            return i, []
        if _NEWS.intersection(words):  # a news agency reports; it is a source
            return end, []
        entry = reg.lookup(words)
        written = phrases.surface(t, i, end, head)
        if entry is not None:
            return end, [_Found(i, end, _registered(entry, written))]
        kind: Kind = "group" if head in GROUP_HEADS else "organisation"
        return end, [_Found(i, end, _discovered(phrases.plain(written), written, kind))]
    return i, []


def _seat(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    """«ذكر البيت الأبيض»: a seat of power standing for the government in it.
    After a preposition of place («إلى البيت الأبيض», «في الكرملين») it is a place."""
    for stem in stems(t.words[i]):
        for rest in _SEAT_TAILS.get(stem, ()):
            end = i + 1 + len(rest)
            if tuple(t.words[i + 1 : end]) != rest or any(t.brk[i : end - 1]):
                continue
            if stem != t.words[i].removeprefix("و") and t.words[i][:1] != "ل":
                return i, []  # «بالبيت الأبيض», «كالكرملين»
            if i > 0 and t.words[i - 1] in _LOCATIVE:
                return i, []
            written = phrases.surface(t, i, end, stem)
            return end, [
                _Found(i, end, _discovered(phrases.plain(written), written, "organisation"))
            ]
    return i, []


def _quoted(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
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
        return end, [_Found(i, end, _discovered(name, written, kind))]
    words = t.words[i:end]
    if any(
        w in STOP or w in DATE_WORDS or w in PLACES or (len(w) >= 4 and w.endswith("ا"))
        for w in words
    ) or is_verb(words[0]):
        return i, []
    after = t.words[end] if end < len(t.words) else ""
    if not (set(before) & QUOTE_CONTEXT_BEFORE or after in QUOTE_CONTEXT_AFTER):
        return i, []
    return end, [_Found(i, end, _discovered(name, written, "group"))]


def _dual(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    for stem in stems(t.words[i]):
        single = DUALS.get(stem)
        if single is not None:
            break
    else:
        return i, []
    k, body = i + 1, []
    while phrases.joined(t, k) and t.words[k].startswith("ال"):
        body.append(t.words[k])
        k += 1
    adjectives = body[-1:]
    while phrases.joined(t, k) and t.words[k].startswith("وال"):
        adjectives.append(t.words[k][1:])
        k += 1
    if len(adjectives) < 2 or not all(
        a in NATIONALITIES or a in TITLE_ADJECTIVES for a in adjectives
    ):
        return i, []
    written = phrases.surface(t, i, k, stem)
    display = _singular_display(phrases.plain(phrases.surface(t, i, i + 1, stem)), stem, single)
    middle = phrases.plain(phrases.surface(t, i + 1, i + len(body))) if len(body) > 1 else ""
    out: list[_Found] = []
    for n, adjective in enumerate(adjectives):
        words = (single, *body[:-1], adjective)
        entry = reg.lookup(words)
        bare = single.removeprefix("ال")
        if entry is None and (bare in HEADS_CONSTRUCT or single in HEADS_DEFINITE):
            entry = reg.holder(words, on)
        if entry is not None:
            out.append(_Found(i, k, _registered(entry, written)))
        elif bare in ORG_HEADS or single in ORG_HEADS_DEFINITE:
            word = t.words[i + len(body) + n] if n else t.words[i + len(body)]
            adj = phrases.plain(phrases.surface(t, i + len(body) + n, i + len(body) + n + 1))
            adj = adj[1:] if n and word[:1] == "و" else adj
            name = " ".join(p for p in (display, middle, adj) if p)
            out.append(_Found(i, k, _discovered(name, written, "organisation")))
    return (k, out) if out else (i, [])


def _singular_display(written: str, dual: str, single: str) -> str:
    """«وزارتا» → «وزارة», «الحكومتان» → «الحكومة», «مجلسا» → «مجلس»."""
    cut = len(dual) - len(single) + (1 if single.endswith("ه") else 0)
    stem = written[:-cut] if cut else written
    return stem + "ة" if single.endswith("ه") else stem


def _registered(entry: ActorEntry, mention: str, title: str | None = None) -> ActorMention:
    return ActorMention(entry.slug, entry.name, mention, kind=entry.kind, title=title)


def _discovered(name: str, mention: str, kind: Kind) -> ActorMention:
    name = _house_spelling(name)
    return ActorMention(_slug(name), name, mention, kind=kind, registered=False)


def _slug(name: str) -> str:
    """The slug of a discovered name: the same names come back line after line."""
    slug = _SLUGS.get(name)
    if slug is None:
        slug = slugify(name, max_words=20)
        if len(_SLUGS) < 50_000:
            _SLUGS[name] = slug
    return slug


_SLUGS: dict[str, str] = {}


def _house_spelling(name: str) -> str:
    """One spelling per discovered name, so «الإدارة الأميركية» and «الإدارة
    الأمريكية» are one actor with one page (the registry's spelling: أمريكي)."""
    return name.replace("أميرك", "أمريك").replace("اميرك", "امريك")


def _finish(t: Tokens, found: list[_Found]) -> list[ActorMention]:
    """Mark the subject, drop repeats (first mention wins), keep textual order."""
    found = [f for f in found if f.mention.slug]
    found.sort(key=lambda f: f.start)
    found = _surnames(found)
    subject_at = _subject_start(t, found[0].start if found else 0)
    out: dict[str, ActorMention] = {}
    for f in found:
        m = f.mention
        if f.start == subject_at and m.slug not in out:
            m = ActorMention(m.slug, m.name, m.mention, "subject", m.kind, m.registered, m.title)
        out.setdefault(m.slug, m)
    return list(out.values())


def _surnames(found: list[_Found]) -> list[_Found]:
    """«… فؤاد حسين … الوزير حسين المراحل»: a discovered name that opens with
    the last name of a person already named is that person again."""
    out: list[_Found] = []
    last_names: dict[str, ActorMention] = {}
    for f in found:
        m = f.mention
        first = m.name.split()[0] if m.name else ""
        if m.kind == "person" and not m.registered and first in last_names:
            known = last_names[first]
            f = _Found(
                f.start,
                f.end,
                ActorMention(
                    known.slug,
                    known.name,
                    m.mention,
                    kind=known.kind,
                    registered=known.registered,
                    title=m.title,
                ),
            )
        elif m.kind == "person" and len(m.name.split()) > 1:
            last_names.setdefault(m.name.split()[-1], m)
        out.append(f)
    return out


def _subject_start(t: Tokens, first_actor: int) -> int | None:
    """Where the subject of the sentence-initial verb starts, or of a nominal
    sentence (a headline) that opens with an actor."""
    if first_actor == 0:
        return 0
    words = t.words[:first_actor]
    verbs = compress(range(first_actor), map(VERB_WORDS.__contains__, words))
    v = next(verbs, None)
    if v is None:
        return None
    k = v + 1
    while k < first_actor and (words[k] in DATE_WORDS or words[k].isdigit()):
        k += 1
    return k
