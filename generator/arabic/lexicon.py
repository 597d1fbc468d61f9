"""Words that steer the readers: tokens and clitics, verbs by event type, titles.

Every word here is written in the normalised spelling (`normalize`: ا for
أ/إ/آ, ه for ة, ي for ى, و for ؤ, ي for ئ) because that is what the readers
compare against. Lists are small on purpose: they carry the rules' judgement
and a reviewer should be able to read them whole.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# ------------------------------------------------------------------ tokens

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
# Letters and digits, spelled out: Arabic, Persian/Urdu additions, Latin. An
# explicit class runs three times faster than \\w on Unicode text.
_LETTERS = (
    "\u0621-\u063a\u0641-\u064a\u0660-\u0669\u066e-\u06d3\u06d5\u06e5\u06e6"
    "\u06ee-\u06ff\u0750-\u077fA-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
)
_SEP = f"[^{_LETTERS}{_MARKS}]*"
_TOKEN = re.compile(f"([{_LETTERS}{_MARKS}]+)({_SEP})")
_SEPARATOR = re.compile(_SEP)
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
        **dict(zip("أإآٱىةؤئ", "اااايهوي", strict=True)),
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


@lru_cache(maxsize=256)
def tokenize(text: str) -> Tokens:
    """Cut a sentence into words. Cached: the readers of one sentence (actors,
    type, places) share one cut; callers must not change the lists."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    brk: list[bool] = []
    cache = _FOLDED
    pos = _SEPARATOR.match(text).end()  # type: ignore[union-attr]  # always matches
    for raw, sep in _TOKEN.findall(text, pos):
        start = pos
        pos += len(raw) + len(sep)
        word = cache.get(raw)
        if word is None:
            word = raw.translate(_FOLD)
            if len(cache) < 200_000:
                cache[raw] = word
        if word:  # a lone tatweel or harakat is no word
            spans.append((start, start + len(raw)))
            words.append(word)
            brk.append(bool(sep) and not sep.isspace())
        elif brk:
            brk[-1] = True
    if brk:
        brk[-1] = True
    return Tokens(text, spans, words, brk)


_FOLDED: dict[str, str] = {}


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
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


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def is_definite(word: str) -> bool:
    return word.startswith("ال") and len(word) > 3


# ------------------------------------------------------------------ verbs

# type: (past 3rd masc., imperfect stem) pairs. Conjugated forms are generated:
# قال قالت قالا قالوا، يقول تقول يقولان تقولان يقولون.
_VERBS: dict[str, tuple[tuple[str, str], ...]] = {
    "statement": (
        ("قال", "قول"),
        ("اكد", "وكد"),
        ("اعتبر", "عتبر"),
        ("اشار", "شير"),
        ("جدد", "جدد"),
        ("اوضح", "وضح"),
        ("صرح", "صرح"),
        ("شدد", "شدد"),
        ("اعرب", "عرب"),
        ("راي", "ري"),
        ("لفت", "لفت"),
        ("نوه", "نوه"),
        ("دعا", "دعو"),
        ("حذر", "حذر"),
        ("طالب", "طالب"),
        ("افاد", "فيد"),
        ("اضاف", "ضيف"),
        ("رحب", "رحب"),
        ("ذكر", "ذكر"),
        ("تعهد", "تعهد"),
        ("وصف", "صف"),
        ("بعث", "بعث"),
        ("علق", "علق"),
    ),
    "talks": (
        ("بحث", "بحث"),
        ("ناقش", "ناقش"),
        ("التقي", "لتقي"),
        ("اجتمع", "جتمع"),
        ("استقبل", "ستقبل"),
        ("تباحث", "تباحث"),
        ("تبادل", "تبادل"),
        ("تشاور", "تشاور"),
    ),
    "announcement": (("اعلن", "علن"), ("كشف", "كشف")),
    "approval": (
        ("وافق", "وافق"),
        ("صادق", "صادق"),
        ("اقر", "قر"),
        ("صوت", "صوت"),
        ("اعتمد", "عتمد"),
        ("اجاز", "جيز"),
    ),
    "military": (
        ("قصف", "قصف"),
        ("شن", "شن"),
        ("هاجم", "هاجم"),
        ("استهدف", "ستهدف"),
        ("اغار", "غير"),
        ("اشتبك", "شتبك"),
        ("اسقط", "سقط"),
    ),
    "accusation": (("اتهم", "تهم"),),
    "condemnation": (("ادان", "دين"), ("ندد", "ندد"), ("استنكر", "ستنكر"), ("شجب", "شجب")),
    "denial": (("نفي", "نفي"),),
    "decision": (
        ("قرر", "قرر"),
        ("اصدر", "صدر"),
        ("اقال", "قيل"),
        ("فرض", "فرض"),
        ("الغي", "لغي"),
        ("مدد", "مدد"),
        ("عطل", "عطل"),
    ),
    "protest": (
        ("تظاهر", "تظاهر"),
        ("احتج", "حتج"),
        ("احتشد", "حتشد"),
        ("اعتصم", "عتصم"),
    ),
    "election": (("انتخب", "نتخب"), ("فاز", "فوز"), ("اقترع", "قترع")),
    "agreement": (("اتفق", "تفق"), ("توصل", "توصل")),
    "visit": (
        ("زار", "زور"),
        ("وصل", "صل"),
        ("غادر", "غادر"),
        ("عاد", "عود"),
        ("توجه", "توجه"),
        ("تفقد", "تفقد"),
        ("تحول", "تحول"),
    ),
    "death": (("توفي", "توفي"), ("قتل", "قتل"), ("استشهد", "ستشهد"), ("اغتيل", "غتال")),
}

# Verbs whose type is their object's: «أجرى محادثات» is talks, «أجرى انتخابات»
# an election. Each: verb forms → ((object stems), type) tried in order.
_LIGHT: dict[tuple[str, str], tuple[tuple[tuple[str, ...], str], ...]] = {
    ("اجري", "جري"): (
        (("مناقشات", "محادثات", "مباحثات", "اتصالا", "اتصال", "مكالمه", "لقاء"), "talks"),
        (("انتخابات",), "election"),
    ),
    ("عقد", "عقد"): (
        (("لقاء", "اجتماعا", "اجتماع", "جلسه", "محادثات", "مباحثات", "قمه", "مشاورات"), "talks"),
        (("موتمرا", "موتمر"), "statement"),
    ),
    ("تلقي", "تلقي"): ((("اتصالا", "اتصال", "مكالمه", "رساله", "دعوه"), "talks"),),
    ("حمل", "حمل"): ((("مسووليه", "المسووليه"), "accusation"),),
    ("وقع", "وقع"): (
        (("اتفاق", "اتفاقا", "اتفاقيه", "اتفاقيات", "مذكره", "مذكرات", "معاهده"), "agreement"),
    ),
    ("لقي", "لقي"): ((("مصرعه", "مصرعهم", "مصرعها", "حتفه", "حتفهم", "حتفها"), "death"),),
    ("ضرب", "ضرب"): ((("زلزال", "زلزالا", "اعصار", "عاصفه"), "disaster"),),
}

# Nouns that give the type when no verb does (headlines, nominal sentences).
NOUN_TYPES: dict[str, str] = {
    **dict.fromkeys(("غارات", "غاره", "ضربات", "قصف", "هجوم", "اشتباكات", "معارك"), "military"),
    **dict.fromkeys(("محادثات", "مباحثات", "مناقشات", "مشاورات", "قمه"), "talks"),
    **dict.fromkeys(("زلزال", "فيضانات", "اعصار", "حريق"), "disaster"),
    **dict.fromkeys(("انتخابات",), "election"),
    **dict.fromkeys(("مظاهرات", "تظاهرات", "احتجاجات", "اعتصام"), "protest"),
    **dict.fromkeys(("اتفاق", "اتفاقيه"), "agreement"),
    **dict.fromkeys(("مقتل", "وفاه", "مصرع", "اغتيال"), "death"),
    **dict.fromkeys(("زياره",), "visit"),
    **dict.fromkeys(("قرار", "مرسوم"), "decision"),
}


def _conjugate(past: str, stem: str) -> set[str]:
    fem = past[:-1] + "ت" if past[-1] in ("ي", "ا") else past + "ت"
    forms = {past, fem, past + "ا", past.rstrip("ي") + "وا"}
    for prefix in ("ي", "ت"):
        forms |= {prefix + stem, prefix + stem + "ان", prefix + stem + "ون"}
    return forms


VERB_TYPES: dict[str, str] = {}
for _type, _pairs in _VERBS.items():
    for _past, _stem in _pairs:
        for _form in _conjugate(_past, _stem):
            VERB_TYPES.setdefault(_form, _type)
LIGHT_VERBS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
for (_past, _stem), _objects in _LIGHT.items():
    for _form in _conjugate(_past, _stem):
        LIGHT_VERBS.setdefault(_form, _objects)

LEADING = frozenset(("كما", "وكما", "قد", "وقد", "لقد", "ولقد", "ثم", "كذلك", "بدوره", "بدورها"))


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
    for i, word in enumerate(words):
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


def is_verb(word: str) -> bool:
    return _verb_reading(word) is not None


# ------------------------------------------------------------------ titles

# Titles that stand alone before a name or an adjective («الرئيس الروسي»).
HEADS_DEFINITE = _set(
    """الرييس الرييسه الوزير الوزيره الملك الملكه الامير الاميره الشيخ الشيخه السفير السفيره
    المتحدث المتحدثه الناطق الناطقه الامين المبعوث المبعوثه المندوب المندوبه الممثل المستشار
    المستشاره المدير المديره المرشد القايد الزعيم النايب النايبه السيناتور الجنرال
    اللواء العميد العقيد الفريق المشير البابا المفوض المفوضه السيد السيده الدكتور الدكتوره
    المهندس الاستاذ
    نظيره نظيرته نظيرها نظيرهم"""
)
# Titles in construct, completed by what follows («رئيس الوزراء», «وزير الخارجية»).
HEADS_CONSTRUCT = _set(
    """رييس رييسه وزير وزيره نايب نايبه امين سفير سفيره مبعوث مندوب ممثل مستشار مستشاره مساعد
    مدير مديره قايد زعيم ولي عضو امير ملك حاكم محافظ متحدث متحدثه ناطق ناطقه خادم صاحب سمو
    فخامه معالي مفتي شيخ وكيل"""
)
# Nouns that carry a construct on to the next word («رئيس مجلس إدارة شركة …»).
CONSTRUCT_NOUNS = _set(
    """مجلس هييه وزاره حكومه ديوان جمهوريه لجنه اركان اداره اداره جامعه منظمه حركه حزب جبهه
    مكتب شركه رياسه دايره قوات جيش موسسه سلطه محكمه مفوضيه وزراء شوون امانه اتحاد بنك مصرف
    صندوق وكاله دوله شبكه نقابه جمعيه معهد مركز مدينه منطقه محافظه بلديه"""
)
# Adjectives that stay inside a title or an organisation's name.
TITLE_ADJECTIVES = _set(
    """العام العامه الاعلي العليا الخاص الخاصه الدايم الدايمه التنفيذي التنفيذيه الاول الاولي
    المعارض المعارضه الوطني الوطنيه الشريفين الملكي الملكيه الاسلامي الاسلاميه المركزي
    المركزيه الحر الاتحادي الاتحاديه المتحده الشعبي الشعبيه الديمقراطي الديمقراطيه السابق
    السابقه الاسبق الاسبقه الجديد الجديده المكلف الاعلام العرب"""
)
HONORIFIC_NEXT = frozenset(("السمو", "الجلاله", "الفخامه", "السماحه", "الملكي", "الحرمين"))

# Places named after a person with his title («مطار الملك خالد», «جامعة الملك
# سعود»): a title right after one of these is part of a place's name.
FACILITIES = _set(
    """مطار مدينه جامعه مستشفي شارع قاعده ميناء جسر مسجد جامع قاعه مجمع حي ملعب استاد مدرسه
    كليه جايزه طريق ساحه ميدان منتزه حديقه مركز"""
)

# Words that link a name's parts: بن، عبد، أبو، آل.
CONNECTORS = frozenset(("بن", "ابن", "بنت", "عبد", "ابو", "ال", "ولد", "اب", "ابي"))

# Words that never begin or continue a person's name.
STOP = _set(
    """ان انه انها انهم الي علي في من عن مع حول بشان خلال بعد قبل عبر ضد الذي التي الذين
    اللذين او ثم لكن كما قد لا لم لن ما هو هي هم هذا هذه ذلك تلك بين عند منذ حتي اي كل بعض
    غير سوي امام لدي نحو وفق وفقا بحسب حسب ايضا الان يوم مساء ظهر فجر امس غدا اليوم الله
    حفظه رعاه وذلك وهو وهي وقد الا بل اذ اذا لما بان بانه بانها وان وانه التاكيد تقارير
    بشكل فيه فيها به بها له لها مشيرا مشيره موكدا موكده مضيفا موضحا لافتا الاخير الاخيره
    عدد وفد وفدا"""
)
WEEKDAYS = _set(
    "الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت احد اثنين ثلاثاء اربعاء خميس جمعه سبت"
)
DATE_WORDS = WEEKDAYS | _set("اليوم امس غدا مساء ظهر فجر يوم الماضي الجاري المقبل اول")

# Organisations named by a head noun and its complement («وزارة الخارجية الأمريكية»).
ORG_HEADS = _set(
    """وزاره مجلس هييه حزب حركه جبهه منظمه جماعه تنظيم رياسه جامعه لجنه مفوضيه محكمه ايتلاف
    تحالف ديوان كتايب مشيخه نقابه اتحاد محافظه"""
)
# Definite heads that name an organisation only with a nationality adjective
# («الحكومة العراقية», «الإدارة الأمريكية»).
ORG_HEADS_DEFINITE = _set(
    """الحكومه الاداره الرياسه الكونغرس البرلمان الجيش الخارجيه الداخليه السلطات الشرطه
    المخابرات الاستخبارات البحريه"""
)
# Definite heads that name an organisation with an adjective and a complement
# after «ل» («الجمعية العامة للأمم المتحدة», «المكتب الإعلامي لرئيس الوزراء»);
# with the adjective alone («المكتب الإعلامي») they are too vague to be anyone.
ORG_HEADS_COMPLEMENT = _set(
    """الامانه الجمعيه الهييه المكتب المعهد المجلس المركز اللجنه المنظمه الاتحاد الوكاله
    المحكمه المفوضيه النقابه الشبكه الموسسه الدايره المديريه"""
)
# Heads that are places as often as actors («في محافظة كركوك»): an actor only
# as the subject right after its verb («قررت محافظة بابل»).
ORG_HEADS_SUBJECT_ONLY = frozenset(("محافظه",))
GROUP_HEADS = frozenset(("تنظيم", "جماعه", "حركه", "جبهه", "ميليشيا", "ميليشيات", "كتايب"))
# Heads before a quoted name («شركة "تلفزيون لبنان"»).
QUOTE_HEADS = GROUP_HEADS | frozenset(
    ("حزب", "منظمه", "شركه", "وكاله", "قناه", "صحيفه", "موسسه", "هييه", "مجموعه", "تحالف")
)
# Phrases that look like organisations and are not actors.
ORG_STOP = frozenset(
    """مجلس الاداره|حركه السير|حركه المرور|حركه الملاحه|حركه النزوح|لجنه التحقيق
    |حركه الطيران|مجلس العزاء|لجنه الخبراء""".replace("\n", "").split("|")
)
# Context that makes a short quoted phrase an actor («ضد «داعش»»).
QUOTE_CONTEXT_BEFORE = _set(
    """ضد مع عناصر مقاتلي مقاتلو مسلحي مسلحو قاده قيادي زعيم معاقل مواقع اعضاء مقرات"""
)
QUOTE_CONTEXT_AFTER = _set("الارهابي الارهابيه المتطرف المتطرفه المسلح المسلحه المعارض المعارضه")
# Words before a quoted source name that make it attribution, not an actor.
ATTRIBUTION = _set("نقلت نقلته نقلتها ذكرت وفق وفقا بحسب حسب افادت اوردت قالت نشرت اوردته")

# Dual forms of heads → singular («وزارتا» → «وزاره»).
DUALS: dict[str, str] = {}
for _head in ORG_HEADS | HEADS_CONSTRUCT | {"حكومه", "قوات", "جيش"}:
    if _head.endswith("ه"):
        _stem = _head[:-1] + "ت"
        DUALS.update({_stem + "ا": _head, _stem + "ي": _head})
        DUALS.update({"ال" + _stem + "ان": "ال" + _head, "ال" + _stem + "ين": "ال" + _head})
    else:
        DUALS.update({_head + "ا": _head})
        DUALS.update({"ال" + _head + "ان": "ال" + _head, "ال" + _head + "ين": "ال" + _head})

# Every word a title, an organisation or a dual can start with.
STARTERS = (
    HEADS_DEFINITE
    | HEADS_CONSTRUCT
    | ORG_HEADS
    | ORG_HEADS_DEFINITE
    | ORG_HEADS_COMPLEMENT
    | frozenset(DUALS)
)
