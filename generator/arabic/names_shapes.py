"""The shapes of Arabic words that are no personal name, whatever list they
are missing from: verbal nouns (تفعيل, استفعال …), imperfect and future
verbs, tanween, a pronoun on a noun («قوله»), an indefinite noun and its
adjective in the accusative («اتصالاً هاتفياً»). `names` asks them of the
words after a title; they read the word as written where folding hides the
difference («ـه» and «ـة»).
"""

from __future__ import annotations

import re

from generator.arabic.lexicon import Tokens, joined
from generator.arabic.words_given import NAME_STARTS

MASDAR = re.compile(r"^ت..ي.$")  # تفعيل
TANWEEN = re.compile("[\u064b-\u064d]")
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
# «سيشارك», «ستعقد», «سنعمل»: the future prefix on an imperfect verb.
FUTURE = re.compile(r"^س[يتن].{2,}$")
# The imperfect's shapes يفعل, يتفعّل, يستفعل: a word alone after a title in
# one of them is a verb («السفير يعمل …»), unless it is a known given name.
IMPERFECT = re.compile(r"^ي(?:...|ت...|ست...)$")
# Verbal nouns that open with alif: استفعال, انفعال, افتعال, إفعال («استقبال»,
# «انسحاب», «اجتماع», «إعلان»): behind «ب/ل» right after a title, no name.
VERBAL_NOUN = re.compile(r"^(?:است..ا.|ان..ا.|ا.ت.ا.|ا..ا.)$")
FUUL = re.compile(r"^..و.$")  # فُعول: «خروج», «وصول», «دخول»
# مُفاعَلة, a verbal noun: «مواجهة», «مشاركة», «محاولة» (folded «ة» is «ه»).
MUFAALA = re.compile(r"^م.ا..ه$")
# فعاللة with the article, the plural nisba of Levantine families («الطوالبة»,
# «الخصاونة», «العضايلة»); not مفاعلة, a verbal noun («المشاركة», «المحافظة»).
FAMILY_PLURAL = re.compile(r"^ال[^م].ا..ه$")


def clitic_masdar(w: str) -> bool:
    """«بتحديد», «لتعزيز»: a preposition on a verbal noun, never a name."""
    return w[:1] in ("ب", "ل") and MASDAR.match(w[1:]) is not None


def pronoun_on(t: Tokens, j: int) -> bool:
    """Word j as written ends in «ـه» (his), not «ـة»: a noun or a verb with a
    pronoun («قوله», «مهامه», «استقباله»), which folding «ة» to «ه» hides. A
    name ending so has «ـيه» («نزيه», «وجيه») or is a known given name."""
    written = t.text[t.spans[j][0] : t.spans[j][1]].rstrip(MARKS)
    return len(written) >= 4 and written[-1] == "ه" and written[-2] != "ي" and written != "زاده"


def accusative_pair(t: Tokens, j: int) -> bool:
    """Two words in the accusative, the second a nisba («اتصالا هاتفيا»,
    «بيانا رسميا»): an indefinite noun and its adjective, never a name
    («كمالا هاريس», «أنجيلا ميركل» end otherwise)."""
    first = t.words[j]
    if first in NAME_STARTS or len(first) < 4 or first[-1] != "ا" or not joined(t, j + 1):
        return False
    second = t.words[j + 1]
    return len(second) >= 4 and second.endswith("يا")
