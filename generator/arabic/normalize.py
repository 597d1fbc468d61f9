"""Fold Arabic spelling variants so that matching ignores them.

Newsrooms write the same name many ways: أ/إ/آ/ا, ى/ي/ی, ة/ه, ك/ک, with or without
harakat and tatweel, with Eastern or Western digits. Matching must see through
all of that; display must not, so these functions are only ever applied to a
copy of the text used as a key.
"""

from __future__ import annotations

import re
import unicodedata

# Harakat, shadda, sukun, superscript alef and Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_ALEF_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
    # Persian yeh and keheh, which some Iraqi and Gulf copy uses for ي/ى and ك.
    | {"ی": "ي", "ک": "ك"}
)

# Arabic presentation forms: ligatures (ﷲ, ﻻ) and letters' contextual shapes,
# which text copied from old PDFs and some content systems still holds;
# NFKC gives their letters («عبدﷲ» is «عبدالله»).
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")

# Eastern Arabic (U+0660…) and Persian (U+06F0…) digits to ASCII.
DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",
    "01234567890123456789",
)

# Bidi overrides/isolates, zero-width characters and BOM: invisible, and a
# "Trojan Source" risk (CVE-2021-42574) when they reach a page.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")


_INVISIBLE_BUT_ZWNJ = re.compile("[\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_STRAY_ZWNJ = re.compile(r"(?<!\w)\u200c+|\u200c+(?!\w)")


def clean(text: str) -> str:
    """Text as it should be displayed: NFC, no invisible controls, one line.

    This does not fold spelling; it only removes what no reader can see and
    what could reorder the text on screen.
    """
    text = unicodedata.normalize("NFC", text)
    if "\u200c" in text:  # ZWNJ is spelling inside a Persian or Urdu word: kept there only
        text = _STRAY_ZWNJ.sub("", _INVISIBLE_BUT_ZWNJ.sub("", text))
    else:
        text = _INVISIBLE.sub("", text)
    return text.replace("\r", " ").strip()


def to_ascii_digits(text: str) -> str:
    return text.translate(DIGITS)


def normalize(text: str) -> str:
    """A matching key: folded alef/yaa/taa marbuta/hamza seats, presentation
    forms as their letters, no harakat or tatweel, ASCII digits, single
    spaces. Never shown to a reader.

    The readers key every name and mention they report by it, line after
    line and mostly the same few thousand: a short text's key is kept (up to
    `_KEPT` of them), so that it is worked out once. A kept key is one dict
    look-up: the actor readers ask millions of times in an archive."""
    return _KEYS[text]


class _Keys(dict[str, str]):
    """The kept keys; a text not kept is worked out (and kept if short)."""

    def __missing__(self, text: str) -> str:
        key = _normalize(text)
        if len(text) <= 64 and len(self) < _KEPT:
            self[text] = key
        return key


_KEYS = _Keys()
_KEPT = 20_000


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if _PRESENTATION.search(text):  # a ligature is one word, as the tokenizer cuts it
        text = _PRESENTATION.sub(
            lambda m: unicodedata.normalize("NFKC", m.group()).replace(" ", ""), text
        )
    # What `_INVISIBLE`, `_DIACRITICS`, the tatweel, `_ALEF_FOLD` and `DIGITS`
    # take away or change, one character at a time (their sets are disjoint,
    # so the order does not matter): one regex pass and a `replace` per folded
    # letter, which cost a third of `translate`'s look-up of every character
    # of a line (dedupe folds every line of an archive).
    text = _DROPPED.sub("", text)
    for letter, folded in _FOLDS:
        text = text.replace(letter, folded)
    if _NON_ASCII_DIGIT.search(text):
        text = text.translate(DIGITS)
    return " ".join(text.split())


_DROPPED = re.compile(_DIACRITICS.pattern[:-1] + _TATWEEL + _INVISIBLE.pattern[1:])
_FOLDS = tuple((chr(k), v) for k, v in _ALEF_FOLD.items())
_NON_ASCII_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# A slug is a folder name: with a date before it and a digest after, it must
# stay under the 255 bytes most file systems allow.
MAX_SLUG_BYTES = 180


def slugify(text: str, max_words: int = 8) -> str:
    """A Unicode slug: Arabic stays Arabic (ASCII slugifiers empty it).

    Harakat and tatweel go, so the URL is stable whatever the typist did;
    letters keep their spelling. Returns "" for text with no word characters:
    callers must refuse an empty slug.
    """
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "").translate(DIGITS).lower()
    words = [w for w in _NON_WORD.split(text) if w and w != "_"]
    slug = "-".join(words[:max_words]).strip("-_")
    if len(slug.encode()) > MAX_SLUG_BYTES:  # one enormous "word": a file name has 255 bytes
        cut = slug.encode()[:MAX_SLUG_BYTES].decode(errors="ignore")
        slug = (cut.rsplit("-", 1)[0] if "-" in cut[len(cut) // 2 :] else cut).strip("-_")
    # A folder named CON, NUL, COM1… cannot exist on Windows: a site built
    # there, or unzipped there, would lose the page.
    return slug + "_" if slug in _RESERVED else slug


_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{p}{n}" for p in ("com", "lpt") for n in [*"123456789", "¹", "²", "³"]]
)
