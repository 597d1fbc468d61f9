"""Words that shape names in Arabic news: titles, name parts, organisations, stop words.

Data only (the readers are in `phrases` and `actors`). Every word is in the
normalised spelling (`normalize`: ا for أ/إ/آ, ه for ة, ي for ى, و for ؤ, ي
for ئ) because that is what the readers compare against. Lists are small on
purpose: they carry the rules' judgement and a reviewer should read them whole.
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles that stand alone before a name or an adjective («الرئيس الروسي»).
HEADS_DEFINITE = _set(
    """الرييس الرييسه الوزير الوزيره الملك الملكه الامير الاميره الشيخ الشيخه السفير السفيره
    المتحدث المتحدثه الناطق الناطقه الامين المبعوث المبعوثه المندوب المندوبه الممثل المستشار
    المستشاره المدير المديره المرشد القايد الزعيم النايب النايبه السيناتور الجنرال
    اللواء العميد العقيد الفريق المشير البابا المفوض المفوضه السيد السيده الدكتور الدكتوره
    المهندس الاستاذ القاضي المحامي المطران البطريرك الكاردينال الامام الحاج
    المقدم الرايد النقيب الملازم البكباشي الصاغ اليوزباشي الاميرال السلطان المفتي
    نظيره نظيرته نظيرها نظيرهم القيادي القياديه القنصل القنصله"""
)
# «his counterpart»: the subject's own title, of the country the adjective
# after it names («التقى وزير الخارجية … بنظيره الروسي»).
COUNTERPARTS = frozenset(("نظيره", "نظيرته", "نظيرها", "نظيرهم", "نظيريه"))
# Title words that a registry's roles often leave out («وزير الشؤون الخارجية»
# is the registry's «وزير الخارجية»).
TITLE_FILLERS = frozenset(("الشوون",))
# Titles in construct, completed by what follows («رئيس الوزراء», «وزير الخارجية»).
HEADS_CONSTRUCT = _set(
    """رييس رييسه وزير وزيره نايب نايبه امين سفير سفيره مبعوث مبعوثه مندوب ممثل مستشار مستشاره مساعد
    مدير مديره قايد زعيم ولي عضو امير ملك حاكم محافظ متحدث متحدثه ناطق ناطقه خادم صاحب سمو
    فخامه معالي سعاده مفتي شيخ وكيل كاتب كاتبه"""
)
# Nouns that carry a construct on to the next word («رئيس مجلس إدارة شركة …»).
CONSTRUCT_NOUNS = _set(
    """مجلس هييه وزاره حكومه ديوان جمهوريه لجنه اركان اداره اداره جامعه منظمه حركه حزب جبهه
    مكتب شركه رياسه دايره قوات جيش موسسه سلطه محكمه مفوضيه وزراء شوون امانه اتحاد بنك مصرف
    صندوق وكاله دوله شبكه نقابه جمعيه معهد مركز مدينه منطقه محافظه بلديه كتله عهد تحالف
    ايتلاف جماعه تنظيم تيار"""
)
# Adjectives that stay inside a title or an organisation's name.
TITLE_ADJECTIVES = _set(
    """العام العامه الاعلي العليا الخاص الخاصه الدايم الدايمه التنفيذي التنفيذيه الاول الاولي
    المعارض المعارضه الوطني الوطنيه الشريفين الملكي الملكيه الاسلامي الاسلاميه المركزي
    المركزيه الحر الاتحادي الاتحاديه المتحده الشعبي الشعبيه الديمقراطي الديمقراطيه السابق
    العسكري العسكريه الرسمي الرسميه الراحل الراحله الفقيد المخلوع السامي الساميه بالانابه
    بالوكاله
    السابقه الاسبق الاسبقه الجديد الجديده المكلف المكلفه الاعلام العرب المستقل المستقله المدني
    المدنيه المالك المالكه الحاكم الحاكمه المسلح المسلحه"""
)
# A title with one of these names a past holder, not whoever holds it on the
# event's date («الرئيس السابق», «رئيس الجمهورية الراحل»).
# A title with one of these names no one who holds it on the date: a former
# holder, or one designate («رئيس الحكومة المكلف»), not yet in office.
FORMER = _set("السابق السابقه الاسبق الاسبقه الراحل الراحله الفقيد المخلوع الاسبقين المكلف المكلفه")
HONORIFIC_NEXT = frozenset(("السمو", "الجلاله", "الفخامه", "السماحه", "الملكي", "الحرمين"))
# Posts held for someone, whose description may come before «ل» and whose
# post it is («المستشار الإعلامي لرئيس الوزراء», «المدير التنفيذي لشركة …»).
POSTS_FOR = _set(
    """المستشار المستشاره المدير المديره المنسق المنسقه الممثل المبعوث المبعوثه المندوب
    المندوبه المفوض المفوضه"""
)
# Honorifics that stand before a title of their own («فخامة الرئيس الفرنسي»,
# «معالي الوزير»): the title after them is read as itself, not as their genitive.
HONORIFICS = frozenset(("فخامه", "معالي", "سعاده", "سمو"))
# Military ranks, and the words that qualify them before the name («الفريق
# أول ركن», «اللواء طيار», «الفريق مهندس بحري»): part of the title.
MILITARY_RANKS = _set(
    """الفريق اللواء العميد العقيد المشير المقدم الرايد النقيب الملازم الاميرال الجنرال
    العماد"""
)
RANK_QUALIFIERS = _set("اول ركن الركن مهندس بحري جوي طيار متقاعد المتقاعد")
# Titles written as one letter and a dot before a name («د. علي حيدر»,
# «ود. قدري جميل»): the dot is the abbreviation's, not a sentence's end.
ABBREVIATED_TITLES = frozenset(("د",))

# Places named after a person with his title («مطار الملك خالد», «جامعة الملك
# سعود»): a title right after one of these is part of a place's name.
FACILITIES = _set(
    """مطار مدينه جامعه مستشفي شارع قاعده ميناء جسر مسجد جامع قاعه مجمع حي ملعب استاد مدرسه
    كليه جايزه طريق ساحه ميدان منتزه حديقه مركز دار نادي موسسه كاس"""
)

# Words that link a name's parts: بن، عبد، أبو، آل.
CONNECTORS = frozenset(("بن", "ابن", "بنت", "عبد", "ابو", "ال", "ولد", "اب", "ابي"))

# Words that never begin or continue a person's name: particles, pronouns,
# prepositions, adverbs in the accusative, the verbs and nouns that follow a
# name in a report («مشيراً», «برفقة», «حفظه»). Each has a sentence written for
# it in tests/test_actors_stop.py. A date word (`DATE_WORDS`; «أمس», «غداً»,
# «يوم» are here too, for «وأمس»), «و» on a word of this list and «ـها» on a
# word end a name by their own rules.
STOP = _set(
    """ان انه انها انهم الي علي في من عن مع حول بشان خلال بعد قبل عبر ضد الذي التي الذين اللذين
    او ثم لكن كما قد لا لم لن ما هو هي هم هذا هذه ذلك تلك بين عند منذ حتي اي كل بعض غير سوي
    امام لدي نحو وفق وفقا بحسب حسب ايضا الان الله حفظه رعاه الا بل اذ اذا لما بان بانه
    التاكيد تقارير بشكل فيه به بها له لها مشيرا مشيره موكدا موكده مضيفا موضحا لافتا الاخير
    الاخيره عدد وفد وفدا سوف تم تلبيه دعوه تجاه ازاء قريبا مجددا موخرا لاحقا حاليا سابقا
    رسميا شخصيا فورا مطلقا خلفا رفقه برفقه امس غدا يوم كان كانت كانوا"""
)
WEEKDAYS = _set(
    "الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت احد اثنين ثلاثاء اربعاء خميس جمعه سبت"
)
DATE_WORDS = WEEKDAYS | _set("اليوم امس غدا مساء ظهر فجر يوم الماضي الجاري المقبل اول")

# Organisations named by a head noun and its complement («وزارة الخارجية الأمريكية»).
ORG_HEADS = _set(
    """وزاره مجلس هييه حزب حركه جبهه منظمه جماعه تنظيم رياسه جامعه لجنه مفوضيه محكمه ايتلاف
    تحالف ديوان كتايب مشيخه نقابه اتحاد محافظه عشيره قبيله جيش دايره خليه قوات مديريه"""
)
# Armed forces named by what they serve or do («قوات الاحتلال», «قوات الأمن
# الداخلي»); before a body of their own they are its («قوات الجيش السوداني»).
FORCES = frozenset(("قوات",))
# Definite heads that name an organisation only with a nationality adjective
# («الحكومة العراقية», «الإدارة الأمريكية»).
ORG_HEADS_DEFINITE = _set(
    """الحكومه الاداره الرياسه الكونغرس البرلمان الجيش الخارجيه الداخليه السلطات الشرطه
    المخابرات الاستخبارات البحريه الديوان الطيران الدفاع الوقف"""
)
# Definite heads that name an organisation with an adjective and a complement
# after «ل» («الهيئة العليا للانتخابات», «المكتب الإعلامي لرئيس الوزراء»,
# «الجبهة الشعبية للتحرير»); with the adjective alone («المكتب الإعلامي») they
# are too vague to be anyone.
ORG_HEADS_COMPLEMENT = _set(
    """الامانه الجمعيه الهييه المكتب المعهد المجلس المركز اللجنه المنظمه الاتحاد الوكاله
    المحكمه المفوضيه النقابه الشبكه الموسسه الدايره المديريه الجبهه الحركه الحزب"""
)
# Heads that are places or things as often as actors («في محافظة كركوك»,
# «عن قرار دائرة …»): an actor only as the subject right after its verb
# («قررت محافظة بابل», «اطلعت دائرة الأهلة»).
ORG_HEADS_SUBJECT_ONLY = frozenset(("محافظه", "دايره", "مديريه"))
GROUP_HEADS = frozenset(
    ("تنظيم", "جماعه", "حركه", "جبهه", "ميليشيا", "ميليشيات", "كتايب", "عشيره", "قبيله")
)
# Heads whose complement is as often a bare proper name as a definite noun
# («حركة حماس», «محافظة بابل», «قبيلة شمر»).
PROPER_NAME_HEADS = GROUP_HEADS | frozenset(("حزب", "محافظه", "تحالف", "ايتلاف"))
# Tribes are named by a chain of definite names («عشيرة الحسن الجاسم»).
KIN_HEADS = frozenset(("عشيره", "قبيله"))
# Heads that are also buildings: after «في» they say where, not who
# («استقبل … في ديوان الإمارة»).
PREMISES = frozenset(("ديوان",))
# Seats of power that news names for the government inside them: an actor,
# unless a preposition makes them a place («وصل إلى البيت الأبيض»).
SEATS = frozenset(
    (
        "البيت الابيض",
        "الكرملين",
        "الاليزيه",
        "قصر الاليزيه",
        "قصر بعبدا",
        "قصر قرطاج",
        "قصر المراديه",
        "داونينغ ستريت",
    )
)
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
# ------------------------------------------------- shapes the readers ask of a word
# (they were in the readers' code; each is what the comment above it says)

# Lineage words in a name («بن», «بنت»), and «ولد» in Mauritanian names.
LINEAGE = frozenset(("بن", "ابن", "بنت"))
# The Amazigh «أو» (son of) before a given name, written apart from it: «أحمد
# أو يحيى» is one man, as «أويحيى» is; «أو» between a given name and another
# that ends the name is no list (`names_chain`).
AMAZIGH_SON = frozenset(("او",))
LINEAGE_ON = LINEAGE | frozenset(("ولد",))
# Construct titles that also open given names («عبد الله», «أبو الغيط»).
NAME_OPENERS = frozenset(("عبد", "ابو"))
# Words that open a name with no title before it besides a given name.
BARE_OPENERS = frozenset(("عبد", "ولد"))
# Words that open a clause after «و» («وكان», «وقد»): never a name's next part.
CLAUSE_WORDS = frozenset(("كان", "كانت", "كانوا", "لكن", "قد", "هو", "هي"))
# Relative pronouns: they need a definite antecedent, so a name ends before them.
RELATIVES = frozenset(("الذي", "التي"))
# Buildings: «ب/ل» on one opens a place, not a name («استقبل الرئيس بقصر …»).
BUILDINGS = frozenset(("قصر", "مقر", "مبني"))
# Times of day that are given names too («صباح»): before a date word, the time.
TIMES_OF_DAY = frozenset(("صباح", "عصر", "ليله"))
# Title words that are family names too, after a given name and before the
# name's end: «حسين الشيخ», «محمد القاضي», «علي الحاج»; and «شيخ» inside a
# Somali name («حسن شيخ محمود», «محمد أحمد شيخ»).
TITLE_SURNAMES = frozenset(("الشيخ", "الحاج", "القاضي", "الامام", "الامير", "شيخ", "حاج"))
# Weekdays that are given names too, without the article: «جمعة», «خميس».
DAY_NAMES = frozenset(("جمعه", "خميس"))
# Words after which a quoted name is a person's: «المدعو "…"», «برئاسة "…"».
CALLED = frozenset(
    ("المدعو", "المدعوه", "المسمي", "السيد", "السيده", "رياسه", "قياده", "حضور", "مشاركه")
)
# «كل من …»: a list of actors follows.
EACH = frozenset(("كل", "وكل", "كلا", "وكلا"))

# Titles: the spokesman's («المتحدث باسم …»), «الرسمي» after it, rulers whose
# title takes a proper name («أمير قطر»), titles that stand bare before a name
# («سمو», «معالي»), ministers (who take a second portfolio after «و»).
SPEAKERS = frozenset(("المتحدث", "الناطق", "متحدث", "ناطق", "المتحدثه", "الناطقه"))
OFFICIAL = frozenset(("الرسمي", "الرسميه"))
RULERS = frozenset(("امير", "ملك", "حاكم"))
BARE_TITLES = frozenset(("سمو", "فخامه", "معالي", "سعاده", "شيخ", "امير", "ملك", "صاحب", "خادم"))
MINISTERS = frozenset(("وزير", "وزيره"))
# «عام» written between a construct title and its genitive: «أمين عام مجلس
# الشورى», «مدير عام الشركة» (the newsroom's «الأمين العام لـ…»).
GENERAL = frozenset(("عام",))
# Adjectives that take a «ب» complement: «المبعوث الخاص بالملف …».
CHARGED = frozenset(("الخاص", "الخاصه", "المكلف", "المكلفه", "المعني", "المعنيه"))
# Definite words that are no genitive of a title: a date, a relative pronoun.
NOT_GENITIVE = DATE_WORDS | frozenset(("الذي", "التي", "الذين", "الان", "التاكيد"))
# Construct nouns that start the next body after «و», not a title's next part.
NOT_CONTINUING = frozenset(("حكومه", "قوات", "جيش", "وزراء"))
# Bodies named by what they do, in a chain of nouns in construct: «لجنة تحري
# الهلال», «منظمة حظر الأسلحة الكيميائية», «مجلس حقوق الإنسان».
NAMED_BY_WHAT_THEY_DO = frozenset(("لجنه", "هييه", "مجلس", "منظمه", "مفوضيه"))
# One-word Hijri months, proper nouns that end a chain after «شهر».
MONTH_NAMES = frozenset(("محرم", "صفر", "رجب", "شعبان", "رمضان", "شوال"))

# Bodies: «دار الإفتاء المصرية» (a house, a body only with a genitive and a
# nationality); adjectives that say when, not which («المجلس الجديد للنهوض»
# names no one); what «رئاسة» must be of to be the presidency, not an office;
# the news in a news agency's name; heads that are verbal nouns too («تنظيم»).
HOUSES = frozenset(("دار",))
PASSING = frozenset(("الجديد", "الجديده", "السابق", "السابقه", "الاسبق", "المكلف", "الحالي"))
PRESIDENCY_OF = frozenset(("الجمهوريه", "الحكومه", "الوزراء", "الدوله"))
NEWS = frozenset(("الانباء", "للانباء", "انباء"))
VERBAL_HEADS = frozenset(("تنظيم",))

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
