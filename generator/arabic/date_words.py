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
    1: ["كانون الثاني", "كانون 2", "يناير", "جانفي", "ينابر"],
    2: ["شباط", "فبراير", "فيفري", "فبرير"],
    3: ["آذار", "مارس"],
    4: ["نيسان", "أبريل", "إبريل", "أفريل"],
    5: ["أيار", "مايو", "ماي"],
    6: ["حزيران", "يونيو", "يونيه", "جوان"],
    7: ["تموز", "يوليو", "يوليه", "جويلية", "يوليوز", "جويلة"],
    8: ["آب", "أغسطس", "أوغسطس", "أوت", "غشت"],
    9: ["أيلول", "سبتمبر", "شتنبر"],
    10: ["تشرين الأول", "تشرين 1", "أكتوبر"],
    11: ["تشرين الثاني", "تشرين 2", "نوفمبر", "نونبر"],
    12: ["كانون الأول", "كانون 1", "ديسمبر", "دجنبر"],
}
# Hijri months as news writes them (after a preposition: «ذي الحجة»).
HIJRI = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول"],
    4: ["ربيع الآخر", "ربيع الثاني", "ربيع ثاني"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادى أولى"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذا القعدة"],
    12: ["ذو الحجة", "ذي الحجة", "ذا الحجة"],
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
]
# Words that may follow a Hijri month's name: «رمضان المبارك».
HIJRI_EPITHETS = ["المبارك", "المعظم", "الحرام", "الخير"]

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
FIRST_DAY = {"غره": 1, "فاتح": 1, "مستهل": 1}

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
}
# The words a sentence must contain to name a relative day.
RELATIVE_TRIGGERS = ["اليوم", "أمس", "الأمس", "غد", "غدا", "البارحة"]
# Periods and their parts: «مطلع الشهر الجاري», «أواخر العام الماضي».
PERIODS = ["الأسبوع", "الشهر", "العام", "السنة"]
PERIOD_PARTS = ["مطلع", "بداية", "أوائل", "منتصف", "أواسط", "أواخر", "نهاية"]

# Which way a month, weekday or period points from the story's date.
AHEAD = ("المقبل", "القادم")
BACK = ("الماضي", "المنصرم")
NOW = ("الجاري", "الحالي")
DIRECTIONS = BACK + AHEAD + NOW

# Words for «year» before a number: «عام 2015», «لعام 1445 هـ» (folded).
YEAR_WORDS = ["عام", "سنه", "لعام", "العام"]
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

# Words before a date that mark a time other than the event's own.
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
    "مطلع",
    "نهاية",
    "أواخر",
    "أواسط",
    "المقرر",
]
