"""People by their titles: «وزير الخارجية البرازيلي ماورو فييرا», «الرئيس السوري»
alone (resolved through the registry's dated roles), «المتحدث باسم …، حسن ناظم،»;
and people with no title, by a given name («أدى كريم جواد الساعدي اليمين»).

The title's shape is `phrases.title`; the name after it is `names`. This
module decides who the titled phrase names: a registered alias after the
title, a discovered personal name, or the holder of the title on the date.
"""

from __future__ import annotations

import datetime as dt

from generator.arabic import phrases
from generator.arabic.actor_groups import read_quoted
from generator.arabic.actor_position import verb_shaped
from generator.arabic.gazetteer import NATIONALITIES, PLACES
from generator.arabic.lexicon import (
    Tokens,
    follows,
    is_definite,
    is_verb,
    joined,
    stems,
    tokenize,
)
from generator.arabic.mentions import Found, house_spelling, read_alias, registered, slug
from generator.arabic.names import feminine_noun, person_name
from generator.arabic.names_bare import bare_name, name_between_commas, unknown_name
from generator.arabic.names_chain import name_chain
from generator.arabic.names_words import name_word
from generator.arabic.normalize import normalize
from generator.arabic.registry import ActorEntry, ActorMention, Registry
from generator.arabic.words_context import CLAUSE_OPENERS
from generator.arabic.words_names import (
    ABBREVIATED_TITLES,
    CONNECTORS,
    COUNTERPARTS,
    FACILITIES,
    FORMER,
    HEADS_CONSTRUCT,
    HEADS_DEFINITE,
    HONORIFICS,
    STOP,
    TITLE_FILLERS,
)


def read_titled(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    if i > 0 and joined(t, i) and not FACILITIES.isdisjoint(stems(t.words[i - 1])):
        return i, []  # «بمطار الأمير نايف الدولي»: a place's name, not a person
    end, segments = phrases.title(t, i, q, reg.alias_starts)
    registered_title = reg.role_end(t, i)
    if registered_title is not None and (
        registered_title[0] > end or (registered_title[0] == end and len(segments) > 1)
    ):  # a registered title that spans the segments is one («سمو الأمير»)
        end, stem = registered_title
        segments = [(i, end, stem)]
    if not segments:
        head = phrases.opening_head(t.words[i])
        body = _registered_body(t, i + 1, reg) if head in HEADS_CONSTRUCT else i + 1
        if body == i + 1:
            return i, []
        end, segments = body, [(i, body, head)]  # «زعيم جماعة الإخوان»
    head = segments[0][2]
    if _post_of(t, i, head):
        return end, []
    if joined(t, end) and t.words[end][:1] == "ل":
        end = _registered_body(t, end, reg)  # «رئيس الهيئة العليا لاتحاد الكتاب …»
    title_text = phrases.surface(t, i, end, head)
    inside = _inside(t, i + 1, end, reg, on, q)
    hit = reg.match(t, end, clitics=False) if follows(t, end) else None
    if hit is not None and hit[1].kind == "person":  # a body after a title is another party
        name_end, entry, _ = hit
        mention = registered(entry, phrases.surface(t, i, name_end, head), title_text)
        return name_end, [Found(i, name_end, mention), *inside]
    name_end = person_name(t, end)
    masculine = _a_mans_title(t.words[i:end])
    if name_end > end and masculine and feminine_noun(t, end):
        name_end = end  # «ألقى رئيس الوزراء كلمة …»: a man's title, then a noun
    # «أعطى جلالة الملك انطلاقة أشغال …»: a noun with «ة» after a man's title
    # that names someone on the date is the object, unless no one holds it
    doubtful = name_end > end and masculine and feminine_noun(t, end, alone=True)
    if name_end == end:
        name_end = name_between_commas(t, end)
    name_start = end
    if name_end == end and _posted_in(t, end):  # «السفير الأمريكي في بغداد فلان»
        name_start = end + 2
        name_end = person_name(t, name_start)
    unknown = name_end > name_start and not doubtful and unknown_name(t, name_start, name_end)
    if name_end > name_start and not doubtful and not unknown:
        return name_end, [_named(t, i, name_start, name_end, head, title_text), *inside]
    if not FORMER.isdisjoint(t.words[i:end]):
        return end, []  # «رئيس الجمهورية السابق/الراحل»: not whoever holds it on the date
    for start, stop, seg_head in segments:
        for key, dropped in _title_keys((seg_head, *t.words[start + 1 : stop])):
            entry = reg.holder(key, on)
            if entry is not None and _of_nation(entry, dropped):
                mention = registered(entry, title_text, title_text)
                return end, [Found(i, end, mention, by_title=True), *inside]
    if doubtful and head in COUNTERPARTS:
        return end, []  # «… نظيره الإيطالي ضرورة …»: `read_counterparts` names him
    if doubtful:
        return name_end, [_named(t, i, name_start, name_end, head, title_text), *inside]
    # A title that names no one describes someone named already («حفتر، القائد
    # العام للجيش …»): the body inside it is reported only with a person.
    return end, []


def _title_keys(words: tuple[str, ...]) -> list[tuple[tuple[str, ...], str | None]]:
    """The keys a title is looked up by, longest first, each with the
    nationality its cut dropped (or None): its words, then the same without
    fillers («وزير الشؤون الخارجية الإيراني» is «وزير الخارجية الإيراني»),
    each cut from the end. Only a state's nationality counts («الأممي»,
    «العربية» name no state)."""
    plain = tuple(w for w in words if w not in TITLE_FILLERS)
    out: list[tuple[tuple[str, ...], str | None]] = []
    for key in (words, plain) if plain != words else (words,):
        nation = [w for w in key if NATIONALITIES.get(w)]
        last = max((k for k, w in enumerate(key) if w in nation), default=-1)
        for cut in range(len(key), 0, -1):
            out.append((key[:cut], key[last] if cut <= last else None))
    return out


def _of_nation(entry: ActorEntry, nationality: str | None) -> bool:
    """Whether a holder found by a title cut short of `nationality` is of that
    nation: one of his roles says so. «وزير الخارجية الموريتاني» in a
    Lebanese outlet is not the home state's «وزير الخارجية»; «وزير الداخلية
    العراقي» in an Iraqi one may be, when his roles write it."""
    if nationality is None:
        return True
    forms = {nationality, "ال" + nationality.removeprefix("ال")}
    return any(not forms.isdisjoint(normalize(r.title).split()) for r in entry.roles)


def _a_mans_title(words: list[str]) -> bool:
    """No title word of these is feminine («رئيسة», «السفيرة», «نظيرته»); an
    honorific («جلالة», «سعادة») says nothing of who holds the title."""
    for w in words:
        if w in COUNTERPARTS:
            feminine = "نظيرت" in w
        else:
            title_word = (w in HEADS_CONSTRUCT or w in HEADS_DEFINITE) and w not in HONORIFICS
            feminine = title_word and w.endswith("ه")
        if feminine:
            return False
    return True


def _named(t: Tokens, i: int, start: int, end: int, head: str, title_text: str) -> Found:
    """The person named by words start..end after the title at word i."""
    name = house_spelling(phrases.plain(phrases.surface(t, start, end)))
    person = ActorMention(
        slug(name), name, phrases.surface(t, i, end, head), registered=False, title=title_text
    )
    return Found(i, end, person)


def _posted_in(t: Tokens, k: int) -> bool:
    """«في» and a place at word k, right after a title: where the post is held
    («السفيرة الأمريكية في بغداد ألينا رومانوسكي», «مدير الصحة في البصرة …»);
    a name may follow."""
    return joined(t, k + 1) and t.words[k] == "في" and t.words[k + 1] in PLACES


def _registered_body(t: Tokens, k: int, reg: Registry) -> int:
    """The end of a registered body's name at word k (through «ل»), or k: a
    title's complement that `phrases.title` cannot read by shape."""
    if not joined(t, k):
        return k
    hit = reg.match(t, k)
    return hit[0] if hit is not None and hit[1].kind != "person" else k


def _post_of(t: Tokens, i: int, head: str) -> bool:
    """«عُيّن فلان نائباً لرئيس مجلس الوزراء»: a title behind «ل» right after a
    post named in the accusative (a construct title with the «ـاً» ending) is
    whose deputy or adviser he is, a role and no one's mention."""
    if i == 0 or not joined(t, i) or t.words[i][:1] != "ل" or t.words[i] == head:
        return False
    before = t.words[i - 1]
    return before[-1:] == "ا" and before[:-1] in HEADS_CONSTRUCT


def _inside(
    t: Tokens, i: int, end: int, reg: Registry, on: dt.date | None, q: dict[int, int]
) -> list[Found]:
    """Bodies inside a title's words that act with the person it names: a
    quoted name («المديرة العامة لمؤسسة "…" فلانة»), or a registered body
    the sentence brings back by its head noun («رئيس هيئة التنسيق فلان، أن
    الهيئة …»). Any other body there is the role's («الأمين العام لجامعة
    الدول العربية فلان», «قائد الجيش … المشير فلان»): the person acts. A
    person there is part of the role («مستشار الرئيس الفرنسي»)."""
    out: list[Found] = []
    alias_starts = reg.alias_starts
    while i < end:
        if i not in q and alias_starts.isdisjoint(stems(t.words[i])):
            i += 1
            continue
        stop, items = read_alias(t, i, reg, on, q)
        if not items:
            stop, items = read_quoted(t, i, reg, on, q)
        out.extend(
            f
            for f in items
            if f.end <= end
            and f.mention.kind != "person"
            and (f.start in q or _named_again(t, f.mention.mention, end))
        )
        i = max(stop, i + 1)
    return out


def _named_again(t: Tokens, written: str, end: int) -> bool:
    """Whether the head noun of a body (as `written`) comes back, with the
    article, after the title ending at `end` («… أن الهيئة تنتظر»)."""
    head = normalize(written).split()[0]
    again = "ال" + head.removeprefix("ال")
    # as a subject or an object, not behind a preposition («… للاتحاد»: an owner)
    # nor in a noun's genitive («أعضاء المجلس», «خدمات المصرف», «سيطرة الجيش»):
    # after a verb, «أن/إن» or punctuation, or coordinated
    words = t.words
    for k in range(end, len(words)):
        w = words[k]
        if again not in (w, w[1:]) or w[:1] not in ("ا", "و", "ف"):
            continue
        before = words[k - 1]
        if (
            w != again
            or t.brk[k - 1]
            or before in CLAUSE_OPENERS
            or is_verb(before)
            or (verb_shaped(t, k - 1) and before not in STOP)
        ):
            return True
    return False


def read_abbreviated(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    """«د. علي حيدر»: a title written as a letter and a dot (`ABBREVIATED_TITLES`)
    and a name of two words or more after it, as after any title; the dot
    keeps `person_name` from reading on, so the name is read here."""
    j = i + 1
    stem = next((s for s in (t.words[i], t.words[i][1:]) if s in ABBREVIATED_TITLES), None)
    if stem is None or j >= len(t.words) or t.text[t.spans[i][1] : t.spans[j][0]].strip() != ".":
        return i, []
    if (hit := reg.match(t, j, clitics=False)) is not None:
        end, entry, _ = hit
        return end, [Found(i, end, registered(entry, phrases.surface(t, i, end, stem)))]
    first = t.words[j]
    if not name_word(first, True) or first in CONNECTORS or is_definite(first):
        return i, []
    end = name_chain(t, j)
    if end <= j + 1:
        return i, []
    name = house_spelling(phrases.plain(phrases.surface(t, j, end)))
    written = phrases.surface(t, i, end, stem)
    return end, [Found(i, end, ActorMention(slug(name), name, written, registered=False))]


def read_bare(t: Tokens, i: int, reg: Registry, on: dt.date | None, q: dict[int, int]):
    """A person named with no title before the name (`names_bare.bare_name`):
    discovered, unreviewed, unless the registry knows the name."""
    if not joined(t, i + 1):
        return i, []
    found = bare_name(t, i)
    if found is None:
        return i, []
    end, stem = found
    registered_start = not reg.alias_starts.isdisjoint(stems(t.words[i]))
    if registered_start and (hit := reg.match(t, i)) and hit[0] >= end:
        return i, []  # the registered alias reads it, with its entry
    name = house_spelling(phrases.plain(phrases.surface(t, i, end, stem)))
    mention = phrases.surface(t, i, end, stem)
    return end, [Found(i, end, ActorMention(slug(name), name, mention, registered=False))]


def read_counterparts(
    t: Tokens, found: list[Found], reg: Registry, on: dt.date | None
) -> list[Found]:
    """«التقى وزير الخارجية المغربي … بنظيره الروسي»: the counterpart holds the
    title of the person named before him, in the country of the adjective
    after «نظيره», and is whoever held that title on the date (the registry's
    dated roles). The title is the one the sentence gave that person, else
    the role the registry knows him by on that date."""
    out: list[Found] = []
    for k, word in enumerate(t.words):
        stem = next((s for s in stems(word) if s in COUNTERPARTS), None)
        if stem is None or not joined(t, k + 1) or t.words[k + 1] not in NATIONALITIES:
            continue
        before = [f for f in found if f.end <= k and f.mention.kind == "person"]
        if not before or any(f.start == k for f in found):
            continue  # «… من نظيره الإسرائيلي، فلان»: the title reader named him
        entry = _counterpart(before[-1].mention, t.words[k + 1], reg, on)
        if entry is not None:
            written = phrases.surface(t, k, k + 2, stem)
            out.append(Found(k, k + 2, registered(entry, written, written)))
    return out


def _counterpart(person: ActorMention, nationality: str, reg: Registry, on: dt.date | None):
    titles = [person.title] if person.title else []
    entry = reg.by_name().get(normalize(person.name)) if person.registered else None
    if entry is not None:
        titles += [r.title for r in entry.roles if _held(r.start, r.end, on)]
    for title in titles:
        words = [w for w in tokenize(title).words if w not in NATIONALITIES]
        for key in (words, [w for w in words if w not in TITLE_FILLERS]):
            for cut in range(len(key), 0, -1):
                holder = reg.holder((*key[:cut], nationality), on)
                if holder is not None and holder.slug != person.slug:
                    return holder
    return None


def _held(start: dt.date | None, end: dt.date | None, on: dt.date | None) -> bool:
    if on is None:
        return end is None
    return (start is None or start <= on) and (end is None or on <= end)
