"""The words Arabic news writes dates with: month names in every region's
spelling, weekdays, ordinals, relative words and the words that govern a date.

Data only, in the source's spelling (hamza seats, ة, ى): the readers fold it
with `normalize` when they build their patterns and lookups, so a spelling
added here is matched in every folded form with no other change. A new month
spelling goes in its month's list; a new relative word in RELATIVE_DAYS.
"""

from __future__ import annotations

# Gregorian months: Levantine/Iraqi, Egyptian/Gulf and Maghrebi names.
GREGORIAN = {
    1: ["كانون الثاني", "كانون ثاني", "كانون 2", "يناير", "جانفي", "ينابر"],
    2: ["شباط", "فبراير", "فيفري", "فبرير"],
    3: ["آذار", "مارس"],
    4: ["نيسان", "أبريل", "إبريل", "أفريل"],
    5: ["أيار", "مايو", "ماي"],
    6: ["حزيران", "يونيو", "يونيه", "جوان"],
    7: ["تموز", "يوليو", "يوليه", "جويلية", "يوليوز", "جويلة"],
    8: ["آب", "أغسطس", "أوغسطس", "أوت", "غشت"],
    9: ["أيلول", "سبتمبر", "شتنبر"],
    10: ["تشرين الأول", "تشرين أول", "تشرين 1", "أكتوبر"],
    11: ["تشرين الثاني", "تشرين ثاني", "تشرين 2", "نوفمبر", "نونبر"],
    12: ["كانون الأول", "كانون أول", "كانون 1", "ديسمبر", "دجنبر"],
}
# Hijri months as news writes them (after a preposition: «ذي الحجة»).
HIJRI = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول"],
    4: ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع آخر"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادى أولى"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذا القعدة", "ذوالقعدة", "ذيالقعدة"],
    12: ["ذو الحجة", "ذي الحجة", "ذا الحجة", "ذوالحجة", "ذيالحجة"],
}
# The words a sentence must contain to name a Hijri month (a month's first
# word, or its second where the first is «ذو/ذي/ذا»).
HIJRI_TRIGGERS = [
    "محرم",
    "المحرم",
    "صفر",
    "ربيع",
    "جمادى",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "القعدة",
    "الحجة",
    "ذوالقعدة",  # written as one word
    "ذيالقعدة",
    "ذوالحجة",
    "ذيالحجة",
]
# Words that may follow a Hijri month's name: «رمضان المبارك».
HIJRI_EPITHETS = ["المبارك", "المعظم", "الحرام", "الخير", "الكريم", "الفضيل"]

# Monday = 0, as datetime.weekday().
WEEKDAY_NAMES = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")

# Ordinal days («السادس عشر من …»), without their «ال», so that «للسادس عشر»
# matches as well as «السادس عشر».
ORDINAL_STEMS = ["اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع"]
ORDINALS = {s: i + 1 for i, s in enumerate(ORDINAL_STEMS)} | {"عاشر": 10}
ORDINALS |= {f"{s} عشر": i + 11 for i, s in enumerate(["حادي", *ORDINAL_STEMS[1:]])}
ORDINALS |= {f"{s} والعشرين": i + 21 for i, s in enumerate(["حادي", *ORDINAL_STEMS[1:]])}
ORDINALS |= {"عشرين": 20, "ثلاثين": 30, "حادي والثلاثين": 31}
# The first of a month: «غرة رمضان», «فاتح شهر …», «مستهل …» (folded spelling).
FIRST_DAY = {"غره": 1, "فاتح": 1, "مستهل": 1, "اول ايام": 1}  # «أول أيام شهر شعبان»

# Relative days, folded, and how many days from the story's date they are.
RELATIVE_DAYS = {
    "اليوم": 0,
    "امس": -1,
    "الامس": -1,
    "يوم امس": -1,
    "البارحه": -1,
    "امس الاول": -2,
    "اول امس": -2,
    "اول من امس": -2,
    "غدا": 1,
    "غد": 1,
    "يوم غد": 1,
    "بعد غد": 2,
    "بعد يوم غد": 2,
    "الليله": 0,
    "الليله الماضيه": -1,
    "ليله امس": -1,
}
# «قبل يومين», «قبل ثلاثة أيام»: days before the story's date (a number of
# days in digits is read as well: «قبل 3 أيام»).
DAYS_AGO = {"يومين": 2, "ثلاثة أيام": 3, "أربعة أيام": 4, "خمسة أيام": 5, "ستة أيام": 6}
# «اليوم» followed by one of these names a day, not today: «اليوم الوطني»,
# «في اليوم التالي», «اليوم الأول من الزيارة».
NOT_TODAY = [
    "الوطني",
    "العالمي",
    "الدولي",
    "العربي",
    "التالي",
    "الأول",
    "الثاني",
    "الثالث",
    "الأخير",
    "نفسه",
    "ذاته",
]
# The words a sentence must contain to name a relative day.
RELATIVE_TRIGGERS = ["اليوم", "أمس", "الأمس", "غد", "غدا", "البارحة", "الليلة", "ليلة"]
# Periods and their parts: «مطلع الشهر الجاري», «أواخر العام الماضي».
PERIODS = ["الأسبوع", "الشهر", "العام", "السنة"]
PERIOD_PARTS = ["مطلع", "بداية", "أوائل", "منتصف", "أواسط", "أواخر", "نهاية"]
# A part of a month counted by an ordinal: «النصف الثاني من فبراير», «الأسبوع
# الأول من مارس» (the ordinal is the part's, not a day's).
PERIOD_NOUNS = ["الأسبوع", "النصف", "الربع", "الثلث", "العشر", "الشطر"]

# «هذا العام», «خلال هذا الشهر»: the period of the story's date (not
# «هذا الشهر الفضيل», a noun with its adjective).
THIS = ["هذا", "هذه"]

# Which way a month, weekday or period points from the story's date.
AHEAD = ("المقبل", "القادم", "المقبلين", "القادمين")  # «يومي 24 و25 أبريل المقبلين»
# «الفارط», «المنقضي»: the Tunisian and Algerian press's «last»; «الفائت» the Levant's.
BACK = ("الماضي", "المنصرم", "الفارط", "الفائت", "المنقضي", "الماضيين", "المنصرمين")
NOW = ("الجاري", "الحالي")
DIRECTIONS = BACK + AHEAD + NOW

# «النصف الثاني من فبراير», «الأسبوع الأخير من مارس»: an ordinal part of a month
# and «من» (not «من» alone: «كل من مارس الضغط» is «whoever practised»).
PART_OF_MONTH = [
    f"{w} من"
    for w in ("الأول", "الأولى", "الثاني", "الثانية", "الثالث", "الرابع", "الأخير", "الأخيرة")
]
# A month named with no year is a date after one of these: «في أيار», «أواخر أيلول».
MONTH_LEADS = ["في", "خلال", "منذ", "حتى", *PERIOD_PARTS, *PART_OF_MONTH]

# Words for «year» before a number: «عام 2015», «لعام 1445 هـ» (folded).
YEAR_WORDS = ["عام", "سنه", "لعام", "العام", "عامي"]  # «بين عامي 1999 و2004»
# A bare four-digit number is a year only after one of these (folded): «في 2011».
YEAR_LEADS = [
    "في",
    "منذ",
    "حتي",
    "خلال",
    "قبل",
    "بعد",
    "مطلع",
    "اوائل",
    "منتصف",
    "اواخر",
    "نهايه",
    "بدايه",
]

# Words before a date that mark a time other than the event's own. The parts
# of a period («مطلع», «أواخر», «نهاية») are not among them: «أواخر أيلول 2019» is
# a month like «منتصف أيلول 2019».
NOT_EVENT = [
    "منذ",
    "حتى",
    "قبل",
    "بحلول",
    "مهلة",
    "موعد",
    "موعدا",
    "اعتبارا من",
    "ابتداء من",
    "بدءا من",
    "بعد",
    "لغاية",
    "إلى غاية",
    "خلال",
    "المقرر",
    # a document's own date: «الأمر عدد 30 لسنة 2005 المؤرخ في 12 جوان 2005»
    "المؤرخ في",
    "المؤرخة في",
    "المؤرخ",
    "المؤرخة",
    # a document or an agreement described by its date: «بموجب القانون الصادر في …»
    "الصادر في",
    "الصادرة في",
    "الصادر بتاريخ",
    "الصادرة بتاريخ",
    "الموقع في",
    "الموقعة في",
    "المبرم في",
    "المبرمة في",
]

# A sentence that reports a decision or an announcement is dated on that act,
# not on the day it announces: «أعلنت الوزارة أن غداً …», «قررت المحافظة تعطيل
# الدوام ليوم غد». Past-tense forms, without clitics.
DECIDING = [
    "أعلن",
    "أعلنت",
    "قرر",
    "قررت",
    "تقرر",
    "حدد",
    "حددت",
    "وجه",
    "وجهت",
    "أصدر",
    "أصدرت",
    "أقر",
    "أقرت",
    "تبنى",
    "تبنت",
    "اعتمد",
    "اعتمدت",
    # a call, an order, an approval, an agreement or a postponement is the act
    # reported, whatever coming day it names: «دعت النقابة إلى مسيرة تنطلق غداً»
    "دعا",
    "دعت",
    "أمر",
    "أمرت",
    "وافق",
    "وافقت",
    "اتفق",
    "اتفقت",
    "أجل",
    "أجلت",
    "أرجأ",
    "أرجأت",
]
# «أفادت الوزارة بأن الوزير سيزور …»: a body that informs announces, as «أعلن»
# does; not «أفادت مصادر بأن …», a leak, where the coming act is the news.
INFORMING = ["أفاد", "أفادت"]
LEAKERS = ["مصادر", "مصدر"]
# A sentence whose verb is the coming event itself is dated on the coming day:
# «تعقد الجمعية العامة يوم غد الخميس دورتها». Imperfective forms that name a
# scheduled act (a future «س…» verb is recognised by its prefix).
COMING = [
    "يعقد",
    "تعقد",
    "ينعقد",
    "تنعقد",
    "يتوجه",
    "تتوجه",
    "يصل",
    "تصل",
    "يغادر",
    "تغادر",
    "ينطلق",
    "تنطلق",
    "يبدأ",
    "تبدأ",
    "يزور",
    "تزور",
    "يلتقي",
    "تلتقي",
    "يجتمع",
    "تجتمع",
    "يفتتح",
    "تفتتح",
    "يختتم",
    "تختتم",
    "تستضيف",
    "يستضيف",
    "تحتضن",
    "يحتضن",
    "تقام",
    "يقام",
    "تجرى",
    "يجرى",
    "يعود",
    "تعود",
    "يستأنف",
    "تستأنف",
    "يشارك",
    "تشارك",
    "يؤدي",
    "تؤدي",
    # what a coming day's news announces: a ceremony, a debate, a vote, a match
    "ينظم",
    "تنظم",
    "يحتفل",
    "تحتفل",
    "يناقش",
    "تناقش",
    "يستقبل",
    "تستقبل",
    "يترأس",
    "تترأس",
    "يدشن",
    "تدشن",
    "يخوض",
    "تخوض",
    "يواجه",
    "تواجه",
    "يشهد",
    "تشهد",
    "يحيي",
    "تحيي",
    "يصوت",
    "تصوت",
    # «سيقوم الوزير بزيارة …», «يقوم … هذا الثلاثاء بزيارة عمل»
    "يقوم",
    "تقوم",
    # an end or a start foretold, as «يبدأ»: «تنتهي الولاية في …», «يشرع الوفد في …»
    "ينتهي",
    "تنتهي",
    "يشرع",
    "تشرع",
    "يلقي",  # not «تُلقي»: folded, it is «تلقّى» (received), a past verb news writes daily
    "يبث",
]
# «… أن أول أيام العيد سيكون يوم الخميس»: a copula that puts a bare weekday in
# the coming week (with or without the future «س»), though it is no act itself.
BEING = ["يكون", "تكون"]
# «ذكر بلاغ للحكومة أن الوزير سيترأس يوم الاثنين …»: a statement that announces a
# coming act is an announcement, dated on itself, as «أعلن» is (a leak, «كشفت
# مصادر أن …», is not: the coming act is the news).
STATEMENTS = ["بيان", "بلاغ", "تعميم"]
# Relative pronouns: a coming verb right after one («الوزير الذي سيصل الأحد») tells
# what a noun will do, not what the sentence reports.
RELATIVES = ["الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"]
# The words that name a source: a date in their clause is when the source spoke
# («…، حسبما أفاد بيان للوزارة أمس»), not when the event was.
ATTRIBUTION = ["حسبما", "حسب ما", "بحسب ما", "وفق ما", "وفقما", "وفقا لما", "طبقا لما", "كما أفاد"]
# A date in a relative clause or a pluperfect one tells the background, not the
# event, when the main clause has its own: «استقبل الرئيس أمس السفير الذي وصل في
# 2 مارس», «… وكان قد ولد في 3 مايو 1944».
BACKGROUND = [
    *RELATIVES,
    "كان قد",
    "كانت قد",
    # what the event follows or precedes: «عاد الهدوء أمس عقب اشتباكات اندلعت في
    # 1 مارس», «وصل الوفد أمس، بعد أن غادر باريس في 4 مارس»
    "إثر",
    "عقب",
    "بعد أن",
    "قبل أن",
]
# A sentence that opens on an imperfective verb («يشيع جثمان الفقيد غداً») is about
# the coming act, unless the verb frames the news rather than telling it:
# «يأتي ذلك عشية …», «يذكر أن …», «يبدو أن …».
FRAMING_VERBS = ["يأتي", "يذكر", "يشار", "يجدر", "يبدو", "يعتبر", "يعد", "يمكن", "يجب", "يتعين"]
# «من المنتظر أن يعلن المجلس تشكيلته غدا»: what is expected is the coming act, as
# a coming verb is (whatever verb follows).
EXPECTING = ["من المنتظر", "من المتوقع", "من المرتقب", "من المقرر", "يرتقب", "ينتظر", "يتوقع"]
# «تستعد بغداد لاحتضان مهرجان يقام غداً»: the preparation is the event.
PREPARING = ["يستعد", "تستعد", "تتأهب", "يتأهب", "تتهيأ", "يتهيأ"]
# A date after these, in the same clause, is the anniversary's, not the event's:
# «بمناسبة الذكرى الخامسة للانتفاضة التي اندلعت مطلع مارس 2011».
ANNIVERSARY = ["الذكرى", "ذكرى", "لذكرى", "بذكرى", "الذكريات"]
# «بمناسبة مرور عامين على …»: a date after this, a span and «على» is what the time
# is counted from, not the event's.
ELAPSED = ["مرور", "بمرور"]
# «في الساعات الأولى من يوم الأحد», «في وقت متأخر من يوم …»: before «من», a part of
# the day that follows, not «from that day on».
PART_OF_DAY = ["الأولى", "الأخيرة", "متأخر", "متأخرة", "مبكر", "مبكرة", "ساعات", "الساعات"]
# A negated sentence names no event at its «منذ» date: «لم تجتمع الحكومة منذ 12 أكتوبر».
NEGATIONS = ["لم", "لا", "لن", "ما", "ليس", "ليست"]
