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
A body inside a title is the role's, not an actor («الأمين العام لجامعة
الدول العربية فلان»), unless it is quoted or the sentence brings it back by
its head noun («رئيس هيئة التنسيق فلان، أن الهيئة …»); a registered person
there is part of the role («مستشار الرئيس الفرنسي»). A news agency
(«وكالة الأنباء …») reports the event: a source, not an actor. People listed
after «كل من» are read by their shape (`actor_lists`).

Then where each actor stands decides whether it acts (`actor_context`): a
title in apposition with a named person is his; the people of an earlier
event told after «عقب/بعد/منذ» and a verbal noun are background; a source,
an owner, a frame («على مستوى …»), a body being made, the host who invited
are named in passing. A person's name right after «بن», a place's noun or in
quotes after a noun («عملية "…"») names someone's father, the place or the
operation.

The readers live apart: `actor_titles` (3), `actor_groups` (1, 4, 5, 6),
`mentions` (2, and what every reader reports); the phrase shapes they read
are `phrases` (titles, organisations), `names`, `names_chain`, `names_words` and
`names_bare` (personal names). This module runs them and decides: the longest reading, countries
that act, the subject, one mention per actor.

Countries are places (`classify.find_places`); a country is also an actor
(kind `country`) where it acts, as `classify.acting_countries` reads the
subject position, and anywhere once an editor registers it: then it matches
like any alias. An unregistered country's page is named and slugged by the
gazetteer's canonical name («السعودية» for «المملكة العربية السعودية»).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import compress

from generator.arabic import phrases
from generator.arabic.actor_context import apposed, background, in_passing
from generator.arabic.actor_groups import (
    DUAL_STARTS,
    ORG_STARTS,
    SEAT_STARTS,
    read_dual,
    read_organisation,
    read_quoted,
    read_seat,
)
from generator.arabic.actor_lists import listed_people
from generator.arabic.actor_position import genitive_bodies
from generator.arabic.actor_surnames import nisba_shape, read_lone_surname, story_surnames
from generator.arabic.actor_titles import (
    read_abbreviated,
    read_bare,
    read_counterparts,
    read_titled,
)
from generator.arabic.classify import acting_countries
from generator.arabic.gazetteer import COUNTRY_NAMES, NATIONALITIES
from generator.arabic.lexicon import VERB_WORDS, Tokens, is_verb, joined, stems, tokenize
from generator.arabic.mentions import Found, Reader, discovered, read_alias
from generator.arabic.normalize import normalize
from generator.arabic.registry import ActorEntry, ActorMention, Kind, Registry, Role
from generator.arabic.words_context import (
    ISSUED_BY,
    MEETINGS,
    MOURNED,
    NOT_ACTOR_AFTER,
    STATEMENTS,
)
from generator.arabic.words_given import NAME_STARTS
from generator.arabic.words_names import (
    ABBREVIATED_TITLES,
    BARE_OPENERS,
    CALLED,
    COUNTERPARTS,
    DATE_WORDS,
    DUALS,
    EACH,
    FACILITIES,
    HEADS_CONSTRUCT,
    HEADS_DEFINITE,
    LINEAGE,
    STOP,
    TITLE_ADJECTIVES,
)

# A name with no title starts with a given name, or «عبد» written apart.
_BARE_STARTS = NAME_STARTS | BARE_OPENERS
# «نظيره» and the same after a clitic («بنظيره», «ونظيره»): asked of every sentence.
_COUNTERPART_WORDS = frozenset(p + w for w in COUNTERPARTS for p in ("", "و", "ب", "ل", "وب"))
_ABBREVIATED_STARTS = ABBREVIATED_TITLES | frozenset("و" + a for a in ABBREVIATED_TITLES)

__all__ = ["ActorEntry", "ActorMention", "Kind", "Registry", "Role", "find_actors"]


def find_actors(text: str, registry: Registry, on: dt.date | None) -> list[ActorMention]:
    t = tokenize(text)
    quoted = phrases.quotes(t)
    found: list[Found] = []
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
    if not _COUNTERPART_WORDS.isdisjoint(words):
        found += read_counterparts(t, found, registry, on)
    if "من" in words and not EACH.isdisjoint(words):
        found += listed_people(t, found)
    known: tuple[int, int | None] | None = None
    if found:  # where each stands (`actor_context`)
        first = min(f.start for f in found)
        subject_at = _subject_start(t, first)
        known = (first, subject_at)
        found = apposed(t, found, subject_at, registry.alias_starts)
        found = in_passing(t, background(t, found, subject_at), subject_at)
    if quoted and found:
        found = [f for f in found if not _names_a_thing(t, f, quoted)]
    return _finish(t, found + _countries(t, found), known)


def story_actors(
    text: str, actors: Sequence[ActorMention], story: Sequence[ActorMention] = ()
) -> list[ActorMention]:
    """The people of the story's earlier lines (`story`) named again by the
    family name alone, on the words `actors` left (`actor_surnames`)."""
    if not story:
        return []
    t = tokenize(text)
    found = story_surnames(t, actors, story)
    if found:  # the same positions that keep a full name from acting keep its surname
        ends = {f.end for f in found} | _ends(t, actors)
        found = in_passing(t, background(t, found, None, ends), None)
    people = {m.slug for m in actors}
    return [f.mention for f in found if f.mention.slug not in people]


def _ends(t: Tokens, actors: Sequence[ActorMention]) -> set[int]:
    """Where each of `actors` ends in the text (the index after its last word)."""
    out: set[int] = set()
    for m in actors:
        at = t.text.find(m.mention) if m.mention else -1
        if at >= 0:
            stop = at + len(m.mention)
            out.add(bisect_left([b for _, b in t.spans], stop) + 1)
    return out


def _names_a_thing(t: Tokens, f: Found, quoted: dict[int, int]) -> bool:
    """«عملية "سهام الجنوب"», «بالمركز الثقافي "خليل مطران"»: a
    person's name in quotes right after a noun names that operation or
    building. Not after a title, a verb, punctuation, «المدعو» (the man) or
    «برئاسة/بحضور» (headed by, attended by)."""
    if f.mention.kind != "person" or quoted.get(f.start) != f.end or f.start == 0:
        return False
    gap = t.text[t.spans[f.start - 1][1] : t.spans[f.start][0]]
    if gap.strip(' "«“”') != "":
        return False  # punctuation between: «…، "فلان"»
    before = t.words[f.start - 1]
    return not (
        is_verb(before)
        or before in STOP
        or not CALLED.isdisjoint(stems(before))
        or not _TITLE_WORDS.isdisjoint(stems(before))
        or before in NATIONALITIES
        or before in TITLE_ADJECTIVES
    )


_TITLE_WORDS = HEADS_DEFINITE | HEADS_CONSTRUCT


def _readers(reg: Registry, word: str) -> tuple[Reader, ...]:
    """The readers that can start on a word, through any of its readings: the
    same in every sentence, so asked once per word and registry; most words
    of a text start none, and are passed over at the cost of a look-up."""
    readings = stems(word)
    out = tuple(
        reader
        for reader, starts in (
            (read_dual, DUAL_STARTS),
            (read_alias, reg.alias_starts),
            (read_titled, reg.title_starts),
            (read_organisation, ORG_STARTS),
            (read_seat, SEAT_STARTS),
            (read_bare, _BARE_STARTS),
            (read_abbreviated, _ABBREVIATED_STARTS),
        )
        if not starts.isdisjoint(readings)
    )
    if nisba_shape(word):  # «وأوضح الحمداني»: asked once per word, not per line
        out += (read_lone_surname,)
    if len(reg.reader_memo) < 100_000:
        reg.reader_memo[word] = out
    return out


def _countries(t: Tokens, found: list[Found]) -> list[Found]:
    actors: dict[int, tuple[int, bool]] = {}
    for f in found:
        if f.end > actors.get(f.start, (f.start, False))[0]:
            and_taken = t.words[f.start][:1] == "و" and normalize(f.mention.mention)[:1] != "و"
            actors[f.start] = (f.end, and_taken)
    out: list[Found] = []
    for start, end, name, stem in acting_countries(t, actors):
        written = phrases.surface(t, start, end, stem)
        out.append(Found(start, end, discovered(name, written, "country")))
    return out


def _longest(
    t: Tokens,
    i: int,
    reg: Registry,
    on: dt.date | None,
    quoted: dict[int, int],
    readers: tuple[Reader, ...],
) -> tuple[int, list[Found]]:
    best: tuple[int, list[Found]] = (i, [])
    for reader in readers:
        end, items = reader(t, i, reg, on, quoted)
        if end > best[0]:
            best = (end, items)
    if i in quoted:
        end, items = read_quoted(t, i, reg, on, quoted)
        if end > best[0]:
            best = (end, items)
    return best


def _finish(
    t: Tokens, found: list[Found], known: tuple[int, int | None] | None = None
) -> list[ActorMention]:
    """Mark the subject, drop repeats (first mention wins), keep textual order,
    and leave out the predecessor and the inviter (`NOT_ACTOR_AFTER`)."""
    owned = genitive_bodies(t, found)  # «الموقع الرسمي لوزارة …»: the noun's owner
    found = [f for f in found if f.mention.slug and id(f) not in owned and not _not_an_actor(t, f)]
    found.sort(key=lambda f: f.start)
    found = _surnames(found)
    first = found[0].start if found else 0
    # the subject found before the position rules, when the first actor stayed
    subject_at = known[1] if known and known[0] == first else _subject_start(t, first)
    out: dict[str, ActorMention] = {}
    for f in found:
        m = f.mention
        if f.start == subject_at and m.slug not in out:
            m = ActorMention(m.slug, m.name, m.mention, "subject", m.kind, m.registered, m.title)
        out.setdefault(m.slug, m)
    return list(out.values())


def _after_a_statement(t: Tokens, k: int) -> bool:
    """Word k («الصادر») describes a statement: «البيان الصادر عن …»."""
    return k > 0 and not (STATEMENTS.isdisjoint(stems(t.words[k - 1])))


def _for_a_country(w: str) -> bool:
    """«للعراق», «لسوريا»: «ل» on a country, whom something is for."""
    if w.startswith("لل"):
        return "ال" + w[2:] in COUNTRY_NAMES
    return w[:1] == "ل" and w[1:] in COUNTRY_NAMES


def _not_an_actor(t: Tokens, f: Found) -> bool:
    """The predecessor, the inviter, the owner (`NOT_ACTOR_AFTER`); a person
    named right after «بن/بنت», who is someone's father, not an actor; and an
    institution that is only a meeting's venue or owner (`MEETINGS`, up to
    three words back: «الدورة العادية الثالثة لمجلس …», GOLD.md guideline 5)."""
    start = f.start
    before = [
        w[1:] if w[:1] == "و" and len(w) > 4 else w for w in t.words[max(0, start - 2) : start]
    ]
    followed_up = before[-1:] in (["تابع"], ["تابعت"]) and t.words[start][:1] != "ل"
    if not followed_up and (
        tuple(before[-1:]) in NOT_ACTOR_AFTER or tuple(before) in NOT_ACTOR_AFTER
    ):  # «وتابع الرئيس …» is the verb (followed up); «تابع للوزارة», the owner
        return True
    if tuple(before) in ISSUED_BY and not _after_a_statement(t, start - 2):
        return True  # «الحكم الصادر عن محكمة …»: who issued it, not who acts
    if before[:1] == ["خلفا"] and before[-1][:1] == "ل":
        return True  # «خلفاً للدبلوماسي فلان», «خلفاً لحكومة فلان»: the one succeeded
    if f.mention.kind == "person" and before[-1:] and before[-1] in LINEAGE and joined(t, start):
        return True  # «الأمير الحسين بن عبدالله الثاني»: a father's name, not the father
    if start > 0 and joined(t, start) and t.words[start - 1] in MOURNED:
        return True  # «تعزية بوفاة الرئيس السابق فلان»: the deceased, mourned
    named_for = start > 0 and not FACILITIES.isdisjoint(stems(t.words[start - 1]))
    if f.mention.kind == "person" and named_for and joined(t, start):
        return True  # «مؤسسة زايد بن سلطان آل نهيان», «جامعة الملك سعود»: a name
    if f.mention.kind not in ("organisation", "group"):
        return False
    if (
        start > 0
        and joined(t, start)
        and t.words[start][:1] == "و"
        and _for_a_country(t.words[start - 1])
    ):
        return True  # «الدعم الروسي لسوريا والجيش السوري»: who the support is for
    if start > 0 and joined(t, start) and DUALS.get(t.words[start - 1]) in HEADS_CONSTRUCT:
        return True  # «عضوا مجلس القيادة»: two members' post, the body is their role's
    k = start - 1
    while k >= max(0, start - 3) and not t.brk[k]:
        if not MEETINGS.isdisjoint(stems(t.words[k])):
            return True
        k -= 1
    return False


def _surnames(found: list[Found]) -> list[Found]:
    """«… فؤاد حسين … الوزير حسين المراحل»: a discovered name that opens with
    the last name of a person already named is that person again."""
    out: list[Found] = []
    last_names: dict[str, ActorMention] = {}
    for f in found:
        m = f.mention
        first = m.name.split()[0] if m.name else ""
        if m.kind == "person" and not m.registered and first in last_names:
            known = last_names[first]
            f = Found(
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
