"""Tokens, clitics and verbs: the reading primitives every Arabic reader shares.

Words are compared in their normalised spelling (`normalize`: ا for أ/إ/آ, ه
for ة, ي for ى, و for ؤ, ي for ئ). The word lists themselves live apart, as
data: `words_verbs` (event verbs) and `words_names` (titles, name parts,
organisations, stop words).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress

from generator.arabic.words_verbs import LEADING, LIGHT, VERBS

# ------------------------------------------------------------------ tokens

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
# Letters and digits, spelled out: Arabic, Persian/Urdu additions, Latin. An
# explicit class runs three times faster than \\w on Unicode text.
_LETTERS = (
    "\u0621-\u063a\u0641-\u064a\u0660-\u0669\u066e-\u06d3\u06d5\u06e5\u06e6"
    "\u06ee-\u06ff\u0750-\u077fA-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
    # Presentation forms (ligatures such as ﷲ, letters' contextual shapes),
    # but for the ornate parentheses ﴾﴿: folded to their letters (`_Folded`).
    "\ufb50-\ufd3d\ufd40-\ufdfb\ufe70-\ufefc"
)
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
# A run of letters (and marks), captured: `split` returns the separators
# between the words with the words themselves, so one C call cuts a line.
_WORD = re.compile(f"([{_LETTERS}{_MARKS}]+)")
# The same folding as normalize(), per token, without NFC (done once per text)
# so that token offsets stay those of the text.
_FOLD = str.maketrans(
    {
        **{chr(c): None for c in range(0x0610, 0x061B)},
        **{chr(c): None for c in range(0x064B, 0x0660)},
        **{chr(c): None for c in range(0x06D6, 0x06EE)},
        "\u0670": None,
        "\u0640": None,
        "\u200c": None,
        "\u200d": None,
        **dict(zip("أإآٱىةؤئیک", "اااايهوييك", strict=True)),
        **dict(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True)),
    }
)


@dataclass(frozen=True)
class Tokens:
    """A sentence cut into words: where each is, its folded form, what follows it."""

    text: str  # NFC text the spans point into
    spans: list[tuple[int, int]]
    words: list[str]  # folded (normalised) words
    brk: list[bool]  # True when anything but spaces separates word i from word i+1


def fold(word: str) -> str:
    return word.translate(_FOLD)


class _Folded(dict[str, str]):
    """Each written word's folded form, computed once per spelling: wire copy
    repeats its vocabulary, and a dict look-up costs less than `translate`."""

    def __missing__(self, raw: str) -> str:
        word = raw.translate(_FOLD)
        if _PRESENTATION.search(word):  # as normalize() does: «عبدﷲ» is «عبدالله»
            word = unicodedata.normalize("NFKC", word).translate(_FOLD).replace(" ", "")
        if len(self) < 200_000:
            self[raw] = word
        return word


class _Breaks(dict[str, bool]):
    """Whether a separator breaks a phrase: anything but spaces (and a
    hashtag's «#» and «_»: `_SOFT`) between two words. Lines share a few
    separators («، », « (», «. »), so each is decided once."""

    def __missing__(self, sep: str) -> bool:
        brk = bool(sep) and not sep.isspace() and bool(sep.strip(_SOFT))
        if len(self) < 10_000:
            self[sep] = brk
        return brk


_FOLDED = _Folded()
_BREAKS = _Breaks()
# Separators that join words like a space: a hashtag's «#» and «_»
# («الفريق أول ركن #عبدالفتاح_البرهان» is a title and a name).
_SOFT = " \t\n#_"


@lru_cache(maxsize=256)
def tokenize(text: str) -> Tokens:
    """Cut a sentence into words. Cached: the readers of one sentence (actors,
    type, places) share one cut; callers must not change the lists.

    Every line is cut, so the cut is a few C-level passes rather than a
    Python loop over its words: `split` gives separators and words in turn,
    their lengths summed give the spans, and the folded words and breaks come
    from per-spelling and per-separator tables."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    parts = _WORD.split(text)  # separator, word, separator, …, word, separator
    words = list(map(_FOLDED.__getitem__, parts[1::2]))
    if "" in words:  # a lone tatweel or harakat is no word: the careful cut
        return _tokenize_marks(text, parts, words)
    return _from_parts(text, parts, words)


def _from_parts(text: str, parts: list[str], words: list[str]) -> Tokens:
    """The Tokens of `text` split into `parts` (separator, word, …, separator),
    with `words` the folded words."""
    brk = list(map(_BREAKS.__getitem__, parts[2::2]))
    if brk:
        brk[-1] = True
    # The parts' summed lengths, taken two at a time: a separator's end starts
    # a word, the word's end closes it (the last separator's end is left over).
    bounds = accumulate(map(len, parts))
    return _tokens(text, list(zip(bounds, bounds, strict=False)), words, brk)


def _tokenize_marks(text: str, parts: list[str], folded: list[str]) -> Tokens:
    """`tokenize` for a line where a run of marks alone folds to nothing: it
    is left out, and the words on either side count as broken apart."""
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    brk: list[bool] = []
    pos = len(parts[0])
    for k, word in enumerate(folded):
        raw, sep = parts[2 * k + 1], parts[2 * k + 2]
        start = pos
        pos += len(raw) + len(sep)
        if word:
            spans.append((start, start + len(raw)))
            words.append(word)
            brk.append(_BREAKS[sep])
        elif brk:
            brk[-1] = True
    if brk:
        brk[-1] = True
    return _tokens(text, spans, words, brk)


def _tokens(text: str, spans: list[tuple[int, int]], words: list[str], brk: list[bool]) -> Tokens:
    """Tokens(text, spans, words, brk), its fields filled in directly: a frozen
    dataclass's __init__ sets each through object.__setattr__, which costs as
    much as a tenth of the cut (same fields, equality and repr)."""
    t = _new(Tokens)
    t.__dict__.update(text=text, spans=spans, words=words, brk=brk)
    return t


_new = object.__new__


def joined(t: Tokens, k: int) -> bool:
    """Word k exists and follows word k-1 with nothing but spaces between."""
    return k < len(t.words) and not t.brk[k - 1]


def follows(t: Tokens, k: int) -> bool:
    """Word k follows word k-1 with only spaces, a closing quote or a slash
    between: «رئيسة مجلس إدارة شركة "تلفزيون لبنان" إليسار نداف», and the
    Gulf's official style «الأمير / محمد», «الأستاذ/ خالد»."""
    if k >= len(t.words):
        return False
    gap = t.text[t.spans[k - 1][1] : t.spans[k][0]]
    return not gap.strip(' \t"»”/#_')


def _stems(word: str) -> tuple[str, ...]:
    """Readings of a word with its proclitics taken off, the word itself first.

    و/ف (and, so), then ب/ل/ك (prepositions); ل before ال writes لل, so «للرئيس»
    also reads «الرئيس». Only prefixes that leave at least two letters count.
    """
    out = [word]
    bases = [word]
    if word[:1] in ("و", "ف") and len(word) > 3:
        bases.append(word[1:])
    for base in bases:
        if base[:2] == "لل" and len(base) > 4:
            out.append("ال" + base[2:])
        if base[:1] in ("ب", "ل", "ك") and len(base) > 3:
            out.append(base[1:])
    out.extend(bases[1:])
    return tuple(dict.fromkeys(out))


class _Stems(dict[str, tuple[str, ...]]):
    """`_stems` of each word, computed once (up to 65,536 words)."""

    def __missing__(self, word: str) -> tuple[str, ...]:
        readings = _stems(word)
        if len(self) < 65_536:
            self[word] = readings
        return readings


# The readers ask for the stems of most words of every line, some fifty
# times a line: a dict's own look-up is the cheapest call there is for it.
stems: Callable[[str], tuple[str, ...]] = _Stems().__getitem__


def is_definite(word: str) -> bool:
    return word.startswith("ال") and len(word) > 3


# ------------------------------------------------------------------ verbs


def _conjugate(past: str, stem: str) -> set[str]:
    fem = past[:-1] + "ت" if past[-1] in ("ي", "ا") else past + "ت"
    forms = {past, fem, past + "ا", past.rstrip("ي") + "وا"}
    for prefix in ("ي", "ت"):
        forms |= {prefix + stem, prefix + stem + "ان", prefix + stem + "ون"}
    return forms


VERB_TYPES: dict[str, str] = {}
for _type, _pairs in VERBS.items():
    for _past, _stem in _pairs:
        for _form in _conjugate(_past, _stem):
            VERB_TYPES.setdefault(_form, _type)
LIGHT_VERBS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
for (_past, _stem), _objects in LIGHT.items():
    for _form in _conjugate(_past, _stem):
        LIGHT_VERBS.setdefault(_form, _objects)


def _verb_reading(word: str) -> str | None:
    """The verb a word is, through a leading و/ف, if it is one we know."""
    for form in (word, word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else ""):
        if form in VERB_TYPES or form in LIGHT_VERBS:
            return form
    return None


def main_verb(words: list[str], window: int = 12) -> tuple[int, str] | None:
    """The first verb we know and the event type it gives, as (index, type).

    A light verb («أجرى»، «عقد») takes its type from an object within `window`
    words; without one it is passed over, so a later verb can decide.
    """
    # Only the words `_verb_reading` can read as a verb (VERB_WORDS), found
    # with one set look-up each at C speed: most words of a line are none.
    for i in compress(range(len(words)), map(VERB_WORDS.__contains__, words)):
        word = words[i]
        if word in LEADING:
            continue
        form = _verb_reading(word)
        if form is None:
            continue
        if form in VERB_TYPES and form not in LIGHT_VERBS:
            return i, VERB_TYPES[form]
        ahead = words[i + 1 : i + 1 + window]
        for objects, kind in LIGHT_VERBS.get(form, ()):
            if any(s in objects for w in ahead for s in stems(w)):
                return i, kind
        if form in VERB_TYPES:
            return i, VERB_TYPES[form]
    return None


# Every word `_verb_reading` reads as a verb, spelled out: a verb form, or one
# behind «و»/«ف» that leaves at least three letters. One set look-up, since
# the readers ask this of most words of a sentence.
_VERB_FORMS = frozenset(VERB_TYPES) | frozenset(LIGHT_VERBS)
VERB_WORDS = _VERB_FORMS | frozenset(p + f for p in "وف" for f in _VERB_FORMS if len(f) > 2)


def is_verb(word: str) -> bool:
    return word in VERB_WORDS
