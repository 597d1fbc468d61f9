"""Where a name stands decides whether it acts: rules on the words around an
actor already found, read after the readers (`actors.find_actors`).

- A title that names its holder only through the date («وزير الدفاع» alone),
  written right next to a named person, a space or a comma between, is that
  person's title in apposition («سليم الحداد وزير الدفاع», «رئيس الحكومة،
  وزير المالية بالنيابة، فلان الفلاني»): it names no one else, and
  the bodies inside it («… رئيس الهيئة العليا لنقابة …») are part of the role.
  Not after the subject with only a space between: there the title is the
  verb's object («طالب رئيس الحزب فلان رئيسَ الجمهورية بـ…»); nor a title
  behind a preposition («الأمير فلان لملك الأردن»): an apposition takes the
  case of its name, a preposition opens another argument.
- A name in construct with the noun of another event, after a preposition
  of time (`BACKGROUND_AFTER`: «عقب وفاة الأمير فلان», «بعد أداء وزراء
  الحكومة القسم», «منذ الإطاحة بالرئيس فلان»), took part in that earlier
  event: the sentence tells it as background. A noun with a pronoun
  («بعد لقائه الرئيسَ فلان») is the subject's own act, and its other party
  stays an actor.
- A body named in passing: the source of the news after «وفق/بحسب» and a
  statement («بحسب ما ورد في بيان لهيئة …», «وفقاً لبلاغ صادر عن …») or «ما»
  and a verb of saying right before it («بحسب ما ذكرته وزارة …»); the
  owner of a thing, behind «ل» right after an indefinite noun («أهداف لحزب
  …», «بيان لوزارة …»: GOLD.md guidelines 5 and 7); a body being made
  («بتشكيل لجنة …», `CREATING`).
- The host whose invitation the event answers («تلبيةً لدعوة الرئيس …»,
  «بدعوة كريمة تلقاها من أخيه الملك …», `INVITATION`), up to six words on
  in the same clause.
- A name in construct with a frame or a thing owned (`FRAMES`: «على مستوى
  مجلس …», «نظام الرئيس …», «ميثاق الأمم المتحدة»), a title named alone in
  another's genitive («مدير مكتب رئيس الحكومة»), a body's former name
  («… جبهة الإصلاح سابقاً»), a ministry taken as a portfolio («وسيتولى وزارة
  الخارجية فلان», `TAKING_OFFICE`), and a body behind «ل» after a post in the
  accusative («رئيساً لهيئة الأركان»).
"""

from __future__ import annotations

import re

from generator.arabic import phrases
from generator.arabic.actor_position import verb_shaped
from generator.arabic.lexicon import Tokens, is_definite, is_verb, joined, stems
from generator.arabic.mentions import Found
from generator.arabic.normalize import normalize
from generator.arabic.words_context import (
    BACKGROUND_AFTER,
    CREATING,
    ENCOUNTERS,
    FRAMES,
    INVITATION,
    SAYINGS,
    SOURCE_PREPOSITIONS,
    SPANS_OF_TIME,
    STATEMENTS,
    TAKING_OFFICE,
)
from generator.arabic.words_names import (
    CONSTRUCT_NOUNS,
    DATE_WORDS,
    HEADS_CONSTRUCT,
    HEADS_DEFINITE,
    STOP,
    TITLE_ADJECTIVES,
)

_APPOSITION_GAPS = frozenset(("", "،", ","))


def apposed(
    t: Tokens, found: list[Found], subject_at: int | None, alias_starts: frozenset[str]
) -> list[Found]:
    """`found` less the titles in apposition with a named person, and the
    bodies inside them. `subject_at`: where the main verb's subject starts;
    `alias_starts`: the registry's, so that titles read as `phrases.title` does."""
    titles = [f for f in found if f.by_title and not _behind_preposition(t, f)]
    if not titles:
        return found
    people = [f for f in found if f.mention.kind == "person" and not f.by_title]
    a = alias_starts
    spans = [
        (f.start, f.end)
        for f in titles
        if any(
            (_titles_between(t, p.end, f.start, a) and (p.start != subject_at or _comma(t, p.end)))
            or _titles_between(t, f.end, p.start, a)
            for p in people
        )
    ]
    if not spans:
        return found
    return [f for f in found if not any(a <= f.start and f.end <= b for a, b in spans)]


def background(
    t: Tokens, found: list[Found], subject_at: int | None, ends: set[int] | None = None
) -> list[Found]:
    """`found` less the names inside another event's phrase of time. `ends`:
    where the sentence's actors end (those of `found` when not given)."""
    words = t.words
    if BACKGROUND_AFTER.isdisjoint(words) and _AND_BACKGROUND.isdisjoint(words):
        return found
    ends = {f.end for f in found} if ends is None else ends
    return [f for f in found if f.start == subject_at or not _in_background(t, f.start, ends)]


_AND_BACKGROUND = frozenset("و" + w for w in BACKGROUND_AFTER)
_PRONOUNS = ("ه", "ها", "هم", "هما", "هن")
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def _in_background(t: Tokens, k: int, ends: set[int]) -> bool:
    """Whether word k is at most three words after «عقب/بعد/منذ …» and the
    event noun that opens the phrase, with no verb or punctuation between.
    «قبل» right after an actor (`ends`: where each ends) is the verb «قَبِل»."""
    words = t.words
    for j in range(k - 1, max(0, k - 4), -1):
        if t.brk[j] or t.brk[j - 1] or is_verb(words[j]):
            return False
        if BACKGROUND_AFTER.isdisjoint(stems(words[j - 1])):
            continue
        if words[j - 1].removeprefix("و") == "قبل" and j - 1 in ends:
            return False
        noun = _MARKS.sub("", t.text[t.spans[j][0] : t.spans[j][1]])
        return (
            words[j] not in DATE_WORDS
            and words[j] not in SPANS_OF_TIME
            and ENCOUNTERS.isdisjoint(stems(words[j]))
            and not noun.endswith(_PRONOUNS)
        )
    return False


def in_passing(t: Tokens, found: list[Found], subject_at: int | None) -> list[Found]:
    """`found` less the bodies named as a source, an owner or a thing made,
    and the hosts who invited."""
    inviting = not INVITATION.isdisjoint(words := t.words) or not _AND_INVITATION.isdisjoint(words)
    return [
        f
        for f in found
        if f.start == subject_at
        or not (
            (inviting and _after_within(t, f.start, INVITATION, 6))
            or _framed(t, f)
            or _whose_post(t, f)
            or (
                (
                    f.mention.kind in ("organisation", "group")
                    and (_owner(t, f) or _made(t, f.start) or _source(t, f.start) or _former(t, f))
                )
                or _portfolio_taken(t, f)
            )
        )
    ]


def _framed(t: Tokens, f: Found) -> bool:
    """«على مستوى مجلس …», «لنظام الرئيس …»: in construct with a noun of
    `FRAMES`, or, named by a title alone, with any construct noun («مدير
    مكتب رئيس الحكومة»: whose office, not the president acting)."""
    k = f.start
    if k == 0 or not joined(t, k):
        return False
    before = t.words[k - 1]
    readings = stems(before)
    if FRAMES.isdisjoint(readings) and not (
        f.by_title and not CONSTRUCT_NOUNS.isdisjoint(readings)
    ):
        return False
    # a proclitic on the name («لرئيس …») makes it another argument
    return t.words[k] == normalize(f.mention.mention).split()[0]


def _whose_post(t: Tokens, f: Found) -> bool:
    """«عُيّن مستشاراً خاصاً لخادم الحرمين الشريفين», «نائباً لرئيس الوزراء»:
    a person behind «ل» after a post in the accusative (and an adjective in
    the accusative) is whose post it is, part of the role (GOLD.md 4)."""
    k = f.start
    if k == 0 or not joined(t, k) or t.words[k][:1] != "ل":
        return False
    if normalize(f.mention.mention).split()[:1] == [t.words[k]]:
        return False  # the «ل» is the name's own letter
    j = k - 1
    if t.words[j][-1:] == "ا" and t.words[j][:-1] not in HEADS_CONSTRUCT and j > 0:
        j -= 1  # «مستشاراً خاصاً لـ…»: the post's adjective
    w = t.words[j]
    return joined(t, j + 1) and w[-1:] == "ا" and w[:-1] in HEADS_CONSTRUCT


def _former(t: Tokens, f: Found) -> bool:
    """«حزب التقدم، جبهة الإصلاح سابقاً»: a body's former name, not another body."""
    return f.end < len(t.words) and t.words[f.end] == "سابقا"


_AND_INVITATION = frozenset("و" + w for w in INVITATION)


def _after_within(t: Tokens, k: int, opening: frozenset[str], span: int) -> bool:
    """Whether a word of `opening` (through «و») is at most `span` words
    before word k, in the same clause."""
    for j in range(k - 1, max(-1, k - span - 1), -1):
        if t.brk[j]:
            return False
        if t.words[j] in opening or t.words[j].removeprefix("و") in opening:
            return True
    return False


def _portfolio_taken(t: Tokens, f: Found) -> bool:
    """«وسيتولى وزارة الخارجية فلان»: a ministry right after a verb of
    taking office is the portfolio."""
    k = f.start
    return (
        f.mention.kind == "organisation"
        and k > 0
        and joined(t, k)
        and t.words[k - 1].removeprefix("و") in TAKING_OFFICE
    )


def _made(t: Tokens, k: int) -> bool:
    """«بتشكيل لجنة …»: right after a verbal noun of making a body."""
    return k > 0 and joined(t, k) and not CREATING.isdisjoint(stems(t.words[k - 1]))


def _owner(t: Tokens, f: Found) -> bool:
    """«أهداف لحزب …»: a body behind «ل» right after an indefinite noun, or
    after a post in the accusative («عُيّن رئيساً لهيئة الأركان»). Not after
    a verb («قال لوزارة …»), a title, a particle, or another noun in the
    accusative («دعماً لحركة …»: what the body receives)."""
    k = f.start
    word = t.words[k]
    if k == 0 or not joined(t, k) or word[:1] != "ل":
        return False
    if normalize(f.mention.mention).split()[:1] == [word]:
        return False  # the «ل» is the name's own letter
    before = t.words[k - 1]
    if before[-1:] == "ا" and before[:-1] in HEADS_CONSTRUCT:
        return True  # «رئيساً لهيئة الأركان»: whose head he is named
    return not (
        is_definite(before)
        or is_verb(before)
        or before[-1:] == "ا"
        or before in STOP
        or before in DATE_WORDS
        or before in CONSTRUCT_NOUNS
        or not _NOT_OWNERS.isdisjoint(stems(before))
        or not before.isalpha()
    )


_NOT_OWNERS = HEADS_CONSTRUCT | HEADS_DEFINITE | SAYINGS


def _source(t: Tokens, k: int) -> bool:
    """«بحسب ما ورد في بيان لهيئة …»: «وفق/بحسب» and a statement at most six
    words before word k, in the same clause, or «وفق/بحسب ما» and a verb
    right before it (`_what_it_said`)."""
    words = t.words
    for j in range(k - 1, max(-1, k - 7), -1):
        if t.brk[j]:
            return False
        if not SOURCE_PREPOSITIONS.isdisjoint(stems(words[j])):
            return not STATEMENTS.isdisjoint(words[j + 1 : k]) or _what_it_said(t, j, k)
    return False


def _what_it_said(t: Tokens, j: int, k: int) -> bool:
    """«بحسب ما ذكرته وزارة …», «وفقاً لما نشرته هيئة …», «حسبما أفادت …»:
    the preposition, «ما» and a verb of saying or publishing right before
    the body (GOLD.md 7: a body that only reports is a source)."""
    words = t.words
    m = j if words[j].endswith("ما") and words[j] != "ما" else j + 1
    if m > j and (m >= k or words[m] not in ("ما", "لما")):
        return False
    return m + 2 == k and (is_verb(words[m + 1]) or verb_shaped(t, m + 1))


def _behind_preposition(t: Tokens, f: Found) -> bool:
    """Whether the title's first word carries a proclitic preposition («لرئيس»)."""
    first = normalize(f.mention.mention).split()[:1]
    word = t.words[f.start]
    return first != [word] and first != [word.removeprefix("و")]


def _comma(t: Tokens, k: int) -> bool:
    return k > 0 and t.text[t.spans[k - 1][1] : t.spans[k][0]].strip() in ("،", ",")


def _titles_between(t: Tokens, end: int, start: int, alias_starts: frozenset[str]) -> bool:
    """Whether a phrase ending before word `end` is followed by one starting
    at word `start` with only spaces, commas and titles between them («خليفة
    بن حمد، ولي عهد المنامة نائب رئيس مجلس الوزراء»: «ولي عهد المنامة» names no one
    and is read over)."""
    if end == 0 or start < end or start >= len(t.words):
        return False
    k = end
    while True:
        if t.text[t.spans[k - 1][1] : t.spans[k][0]].strip() not in _APPOSITION_GAPS:
            return False
        if k == start:
            return True
        if t.words[k] in TITLE_ADJECTIVES:  # «…، بالإنابة الشيخ فلان»
            k += 1
            continue
        after = phrases.title(t, k, {}, alias_starts)[0]
        if after == k or after > start:
            return False
        k = after
