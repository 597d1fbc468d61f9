"""Where a body stands in the sentence, read from the word before it: a body
in a noun's genitive is that noun's owner or frame, not who acts.

Measured cold (each batch of the unseen dev half read by the code before any
rule was tuned on it), bodies found by their head noun or the registry were
the least precise actors: about half of them were false, and most of those
stood right after a noun in construct («الموقع الرسمي لوزارة …», «رئيس
لجنة …», «مقر مجلس …») where the bodies that acted stood after a verb, a
particle or «و». The rule asks the word before, not a
list of the nouns that own: a list learnt from dev sentences did not carry
over to unseen ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.arabic.lexicon import Tokens, is_verb, joined
from generator.arabic.mentions import Found
from generator.arabic.names_shapes import MASDAR, MUFAALA, VERBAL_NOUN
from generator.arabic.normalize import normalize
from generator.arabic.words_context import (
    CLAUSE_OPENERS,
    GOVERNING,
    LOCATIVE,
    PEOPLE_OF,
    SAYINGS,
    SPEAKING_FOR,
    WHERE_OR_ABOUT,
)
from generator.arabic.words_names import DATE_WORDS, QUOTE_CONTEXT_BEFORE, STOP

# Nouns whose genitive is a party all the same: a body's people («وزراء
# الحكومة», «عناصر التنظيم»), and what it says («في بيان لوزارة …»: the
# speaker acts, GOLD.md 5).
_PARTY_NOUNS = PEOPLE_OF | QUOTE_CONTEXT_BEFORE | SAYINGS


_BODIES = frozenset(("organisation", "group"))


def genitive_bodies(t: Tokens, found: Sequence[Found]) -> set[int]:
    """The ids of the bodies in `found` that stand in a noun's genitive
    (`in_genitive`). Not a body inside a person's title, which the title
    reader kept for a reason («رئيس الهيئة … فلان، أن الهيئة …»), nor one
    right after a person named («قال الوزير فلان لوزارة …»: whom he told)."""
    bodies = [f for f in found if f.mention.kind in _BODIES]
    out: set[int] = set()
    if not bodies:
        return out
    people = [(f.start, f.end) for f in found if f.mention.kind == "person"]
    ends = {f.end: f for f in found}
    for f in sorted(bodies, key=lambda f: f.start):
        if any(a < f.start <= b for a, b in people):
            continue
        if in_genitive(t, f.start, f.mention.mention) or _where_or_about(t, f.start):
            out.add(id(f))
        elif (first := _conjunct_before(t, f, ends)) is not None and id(first) in out:
            out.add(id(f))  # «في مجلس الدوما والحكومة»: it stands where the first does
    return out


def _conjunct_before(t: Tokens, f: Found, ends: dict[int, Found]) -> Found | None:
    """The actor that body `f`, opened by «و», is coordinated with: one ending
    right before it, a space or a comma between («مجلس الدوما، والحكومة»)."""
    k = f.start
    if k == 0 or t.words[k][:1] != "و" or normalize(f.mention.mention)[:1] == "و":
        return None
    gap = t.text[t.spans[k - 1][1] : t.spans[k][0]].strip()
    return ends.get(k) if gap in ("", "،", ",") else None


def in_genitive(t: Tokens, start: int, written: str) -> bool:
    """Whether the body at word `start`, written `written` (its clitics off),
    is a noun's genitive: right after a word that is no verb, particle, date
    word or number, with nothing but spaces between, and not coordinated.
    (Each test below can only clear the body; the cheap ones come first.)"""
    if start == 0 or not joined(t, start):
        return False
    before = t.words[start - 1]
    if is_verb(before) or _particle(before) or _party_noun(before):
        return False
    clitic = _clitic(t.words[start], normalize(written).split()[0] if written else "")
    if "و" in clitic:
        return False  # «… والهيئة العامة»: coordinated, it stands where the first does
    if "ل" in clitic and _verbs_noun(t, start - 1):
        return False  # «قصف المقر الرئيسي لحزب …»: the act's target, named by its owner
    if not clitic and before[:2] == "ال":
        return False  # «زار الوزير هيئة …»: a noun with the article owns nothing after it
    raw = _written(t, start - 1)
    if len(raw) > 3 and raw.endswith("ا") and not raw.endswith("يا"):
        return False  # «دعماً لجبهة …», «مقراً لحزب …»: an indefinite object, then whose
    return not verb_shaped(t, start - 1)


def _where_or_about(t: Tokens, start: int) -> bool:
    """«في الأمم المتحدة», «حول الحزب», «عن الحزب»: the place, the topic or
    the source, registered or not; unless an official speaks for the body
    («مسؤول في وزارة …», «مصادر عن الوزارة») or a statement is issued by it
    («بيان صادر عن …»: the body speaks, GOLD.md 5)."""
    if start == 0 or not joined(t, start):
        return False
    before = t.words[start - 1]
    if before == "عن":  # «تحدث عن الحزب», «نقلاً عن الوزارة»; not «بيان صادر عن …»
        return start < 2 or t.words[start - 2] not in _ISSUING | SPEAKING_FOR
    if before == "من":  # «قوة من الحزب», «خلو البلاد من الجماعة»: whence, of which
        return start < 2 or not _party_noun(t.words[start - 2])
    if before not in WHERE_OR_ABOUT:
        return False
    return start < 2 or t.words[start - 2] not in SPEAKING_FOR


_ISSUING = frozenset(("صادر", "الصادر", "صادره", "الصادره", "بيان", "البيان", "بلاغ", "البلاغ"))


def _particle(w: str) -> bool:
    """A particle, a preposition, a date word or a number: no noun that owns."""
    return (
        w in STOP
        or w in CLAUSE_OPENERS
        or w in GOVERNING
        or w in LOCATIVE
        or w in DATE_WORDS
        or w.isdigit()
    )


def _clitic(word: str, bare: str) -> str:
    """The proclitics on `word` before the body's own first word `bare`
    («ولوزارة» → «ول»; «للحكومة» → «ل»); none when they cannot be told."""
    if bare and word.endswith(bare):
        return word[: len(word) - len(bare)]
    if bare[:2] == "ال" and word.endswith("ل" + bare[2:]):
        return word[: len(word) - len(bare) + 1]  # ل + ال written لل
    return ""


def _verbs_noun(t: Tokens, k: int) -> bool:
    """Whether the noun phrase ending at word k (a noun and its definite
    adjectives) comes right after a verb: the subject or object it names."""
    low = max(0, k - 3)
    while k > low and t.words[k][:2] == "ال" and joined(t, k) and t.words[k - 1][:2] == "ال":
        k -= 1
    if k == 0 or not joined(t, k):
        return False
    w = t.words[k - 1]
    return is_verb(w) or (verb_shaped(t, k - 1) and not _particle(w))


def _party_noun(w: str) -> bool:
    """A body's people or saying, or a verbal noun whose genitive is its doer
    («انسحاب قوات …», «استنكار الحكومة», «استقالة الحكومة»), through «ب/ل/و»
    on the noun."""
    for s in (w, w[1:]) if w[:1] in ("ب", "ل", "و") else (w,):
        if s in _PARTY_NOUNS or (s[-1:] == "ا" and s[:-1] in PEOPLE_OF):  # «عنصراً»
            return True
        if MASDAR.match(s) or MUFAALA.match(s):
            return True
        if VERBAL_NOUN.match(s) or (s[-1:] == "ه" and VERBAL_NOUN.match(s[:-1])):
            return True
    return False


# Harakat and tatweel, which a written word may carry and its shape ignores.
_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0640", "\u0670"}


def verb_shaped(t: Tokens, k: int) -> bool:
    """Whether word k, as written, has a shape no noun in construct has, so
    that a body after it is its subject or object, not its genitive. The verb
    lexicon misses many verbs («نشرته», «نظمت», «منح»); a noun that owns the
    next noun carries no pronoun and no article, and no verb ends in «ة», so:
    - a pronoun «ـه/ـها/ـهم» written with «ه» (a noun's «ة» is written «ة»);
    - a perfect verb's «ـت» that is no plural's «ـات»;
    - an imperfect's «ي», «تت» or «ت» on four letters that are no verbal
      noun («تعلن», «تتقدم»; not «تشكيل»), a future's «سي/ست»;
    - three letters or fewer (a perfect verb: «نشر», «وضع»; «كان»)."""
    raw = _written(t, k)
    if raw[:1] in ("و", "ف") and len(raw) > 3:
        raw = raw[1:]
    if raw.endswith("ة"):
        return False  # «سيطرة», «تلبية»: a noun's «ة», whatever its first letters
    return (
        len(raw) <= 3
        or raw.endswith(("ه", "ها", "هم", "هما"))
        or (raw.endswith("ت") and not raw.endswith("ات"))
        or raw[:1] == "ي"
        or raw[:2] == "تت"
        or (raw[:1] == "ت" and len(raw) == 4)
        or raw[:2] in ("سي", "ست")
    )


def _written(t: Tokens, k: int) -> str:
    """Word k as written, without harakat or tatweel."""
    return "".join(c for c in t.text[t.spans[k][0] : t.spans[k][1]] if c not in _MARKS)
