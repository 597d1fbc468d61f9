"""The fast paths of the reading primitives give what the plain ones gave.

`tokenize` cuts a line with one regex split and per-spelling tables; the
date scan finds its trigger words through the line's words. Each is checked here against the plain
reading it replaced, on lines made to trip it: harakat and tatweel alone,
invisible marks inside words, hashtags, punctuation glued to words, Eastern
digits, text not in NFC.
"""

from __future__ import annotations

import random
import re
import unicodedata

from generator.arabic import date_scan, dates, lexicon
from generator.arabic.lexicon import _FOLD, _LETTERS, _MARKS, _SOFT, Tokens
from generator.arabic.normalize import _normalize, normalize

_TOKEN = re.compile(f"([{_LETTERS}{_MARKS}]+)([^{_LETTERS}{_MARKS}]*)")


def plain_tokenize(text: str) -> Tokens:
    """The word-by-word cut `tokenize` replaced."""
    text = unicodedata.normalize("NFC", text)
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    brk: list[bool] = []
    pos = re.match(f"[^{_LETTERS}{_MARKS}]*", text).end()  # type: ignore[union-attr]
    for raw, sep in _TOKEN.findall(text, pos):
        start = pos
        pos += len(raw) + len(sep)
        word = raw.translate(_FOLD)
        if word:
            spans.append((start, start + len(raw)))
            words.append(word)
            brk.append(bool(sep) and not sep.isspace() and bool(sep.strip(_SOFT)))
        elif brk:
            brk[-1] = True
    if brk:
        brk[-1] = True
    return Tokens(text, spans, words, brk)


def fields(t: Tokens) -> tuple[object, ...]:
    return (t.text, t.spans, t.words, t.brk)


_PIECES = [
    *sorted(date_scan.TRIGGER)[::7],
    *("الرئيس", "قال", "يوم", "غداً", "أمس", "الأحد", "آذار", "مارس-2015", "٢٠١٥", "5"),
    *("\u064b", "\u0651", "\u0640", "\u200c", "\u200b", "\u200e", "\ufeff", "\u0653", "e\u0301"),
    *(" ", "، ", ",", ".", "/", "(", ")", "«", "»", "-", "؛", "#", "_", "\u00a0", "!", ""),
]


def _lines(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 24))) for _ in range(n)]


def test_tokenize_is_the_plain_cut() -> None:
    lines = [*_lines(20_000, 1), "ـ", "\u064b ا", "#عبدالفتاح_البرهان", "ا\u0653مال", ""]
    for text in lines:
        assert fields(lexicon.tokenize(text)) == fields(plain_tokenize(text)), text


def _places(at: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    return {family: sorted(spans) for family, spans in at.items()}


def test_trigger_words_found_through_the_words_are_the_same() -> None:
    for text in _lines(20_000, 3):
        folded, dropped = date_scan.fold(text)
        if dropped and dates._SPLITS_WORDS.search(text):
            continue
        words = lexicon.tokenize(text).words
        cut = date_scan._triggered(folded, words)
        plain = date_scan._triggered(folded)
        assert (_places(cut[0]), cut[1]) == (_places(plain[0]), plain[1]), text


def test_normalize_keeps_no_different_key() -> None:
    for text in [*_lines(2_000, 4), "أ" * 70, " الإدارة  الأميركية "]:
        assert normalize(text) == normalize(text) == _normalize(text)


def test_stems_and_main_verb() -> None:
    assert lexicon.stems("وللرئيس") == ("وللرئيس", "الرئيس", "لرئيس", "للرئيس")
    assert lexicon.stems("وللرئيس") is lexicon.stems("وللرئيس")
    words = lexicon.tokenize("وقال الرئيس إن الوفد وصل أمس").words
    assert lexicon.main_verb(words) is not None
    assert lexicon.main_verb(["الرييس", "الوفد"]) is None


def test_presentation_forms_are_read_as_their_letters() -> None:
    """Copy from old PDFs writes «الله» as the ligature ﷲ and «لا» as ﻻ:
    matching and the readers see the letters, the text keeps what it had."""
    text = "استقبل الملك عبدﷲ الثاني وفدا وقال ﻻ تراجع"
    words = lexicon.tokenize(text).words
    assert words == normalize(text).split()
    assert words[2] == normalize("عبدالله") and words[-2] == "لا"
    assert lexicon.tokenize(text).text == text  # spans point into the text as written
    assert normalize("عبدﷲ الثاني") == normalize("عبدالله الثاني")
