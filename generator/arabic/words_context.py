"""Words around an actor that decide whether it acts: what comes before a
name that makes it a source, an owner, a venue, background, a predecessor or
a host, not who acts in the event (`actor_context`, `actors`, `actor_groups`,
`classify`).

Data only, in the normalised spelling (`normalize`), as `words_names` is.
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Verbs of running, owning, backing and funding (imperfect, he and she), and
# participles of being backed: with an object pronoun they open a clause about
# a thing, whose owner or backer they name (`NOT_ACTOR_AFTER`).
_OWNING_VERBS = _set("يدير تدير يملك تملك يدعم تدعم يمول تمول")
_BACKED = _set(
    """المدعوم المدعومه المدعومين المدعومون مدعوم مدعومه مدعومين الممول المموله الممولين
    ممول مموله ممولين"""
)
# The words right before a name that make it no actor of the event: the one
# an official succeeds («خلفاً لسليم الحداد»), the host who invited («تلبيةً
# لدعوة من …», «بدعوة كريمة من …»). Each a tuple of the words before, in order.
# The owner after «التابعة لـ» / «تتبع» («الهيئة التابعة للوزارة», «قناة تتبع
# الحركة») is not who acts: the body that belongs to it is.
NOT_ACTOR_AFTER = frozenset(
    (
        *(("خلفا",), ("خلفا", "للراحل"), ("دعوه", "من"), ("لدعوه", "من")),
        *(("بدعوه", "من"), ("كريمه", "من")),
        *((w,) for w in ("التابع", "التابعه", "التابعين", "التابعتين", "التابعان")),
        *((w,) for w in ("تابع", "تابعه", "تابعين", "يتبع", "تتبع", "يتبعون")),
        # «مصادر مقربة من فلان»: whom the sources are close to, not who speaks
        *((w, "من") for w in ("مقرب", "مقربه", "مقربون", "مقربين", "المقربه", "المقربين")),
        # «الحزب المنتمي إلى تحالف …»: what a body belongs to, as after «التابع لـ»
        *((w, "الي") for w in ("المنتمي", "المنتميه", "المنتمين", "المنتمون", "المنضوي")),
        *((w, "الي") for w in ("المنضويه", "المنضوين", "المنضوون", "ينتمي", "تنتمي")),
        # «وكالة تديرها الجماعة», «قناة يملكها فلان», «فصائل تدعمها إيران»,
        # «القوات المدعومة من …»: who runs, owns or backs a thing named in passing
        *((v + p,) for v in _OWNING_VERBS for p in ("ه", "ها", "هم")),
        *((w, "من") for w in _BACKED),
    )
)
# «تابعة لـ» without the article: after an unnamed body («هيئة تابعة لوزارة
# …», «وحدة عسكرية تابعة للجيش»), whose owner names it (`actor_position`).
BELONGING = _set("تابع تابعه تابعين تابعتين تابعان")
# «الحكم الصادر عن محكمة …»: who issued the thing the sentence is about, not
# who acts in it; unless the thing is a statement («البيان الصادر عن
# الرئاسة»: the body speaks, GOLD.md 5).
ISSUED_BY = frozenset((w, "عن") for w in ("الصادر", "الصادره", "الصادرين", "الصادرتين"))
# Meetings an institution is only the venue or the owner of («القمة العربية
# لمنظمة …», «خلال جلسة لمجلس النواب», «انتخابات مجلس النواب»: GOLD.md, 5),
# and a parliament's sittings and terms («الدور العادي الثاني لمجلس …», «دور
# الانعقاد», «الفصل التشريعي الرابع لمجلس …»).
MEETINGS = _set(
    """قمه قمتي القمه اجتماع الاجتماع اجتماعات جلسه الجلسه جلسات دوره الدوره موتمر الموتمر
    انتخابات الانتخابات الدور دور الانعقاد الفصل"""
)
# Prepositions of time that open another event, told as background: a name
# in construct with the event's noun after them («عقب وفاة الأمير …», «منذ
# الإطاحة بالرئيس …») took part in that event, not in the sentence's. Not
# «قبل» is one too, unless it follows a name: then, unvocalised, it is the
# verb «قَبِل» («الملك … قبل استقالة الحكومة»).
BACKGROUND_AFTER = _set("عقب بعد اثر منذ ابان فور غداه قبل")
# Verbs of taking an office: a ministry right after one is the portfolio
# («وسيتولى وزارة الخارجية فلان»), not a body that acts.
TAKING_OFFICE = _set("تولي يتولي تتولي سيتولي ستتولي")
# Nouns of time after them open no event: «منذ قليل رئيسُ المجلس …», «بعد
# ساعات من …».
SPANS_OF_TIME = _set(
    """قليل قليله ساعه ساعات دقايق لحظات ايام اسبوع اسابيع شهر اشهر شهور سنه سنوات عام
    اعوام فتره مده وقت"""
)
# Nouns whose genitive is a frame or an owner, not who acts: «على مستوى مجلس
# …», «في إطار لجنة …», «دول مجلس التعاون», «قانون الحشد …», «نظام الرئيس
# …», «في عهد الملك …», «مواقع حزب …» (a target's owner: GOLD.md, objects),
# «ميثاق الأمم المتحدة», «في مقر الجامعة» (a charter, a building).
FRAMES = _set(
    """مستوي اطار دول قانون نظام عهد حقبه مواقع موقع اهداف مقرات مخازن منشات معاقل
    مستودعات ميثاق مقر قبه اعمال صور"""
)
# Unless the event is a meeting, which the sentence's subject takes part in
# («قال الوزير عقب لقاء رئيس الوزراء …»): then the other party acts too.
ENCOUNTERS = _set(
    """لقاء اللقاء اجتماع الاجتماع اجتماعات استقبال اتصال الاتصال مباحثات محادثات مشاورات
    قمه القمه جلسه الجلسه موتمر"""
)
# «According to …»: a body named after one of these and a statement («وفق
# ما جاء في بيان لـ…», «بحسب بلاغ صادر عن …») is the news's source.
SOURCE_PREPOSITIONS = _set("وفق وفقا بحسب حسب طبقا نقلا استنادا حسبما وفقما بحسبما")
# «تلبيةً لدعوة …», «بدعوة كريمة تلقاها من …»: the host whose invitation the
# event answers is not in it (GOLD.md, the unseen sets).
INVITATION = _set("تلبيه بدعوه لدعوه للدعوه")
# Verbal nouns of making a body («بتشكيل لجنة …», «استحداث هيئة …»): a body
# being made is the act's object, not yet anyone who acts.
CREATING = _set("تشكيل تاسيس انشاء استحداث")
STATEMENTS = _set("بيان البيان بلاغ البلاغ تصريح تصريحات اعلان")
# Words before a quoted source name that make it attribution, not an actor.
ATTRIBUTION = _set("نقلت نقلته نقلتها ذكرت وفق وفقا بحسب حسب افادت اوردت قالت نشرت اوردته")

# «في بيان لوزارة …», «في كلمة لرئيس …»: what a body or a person says is
# theirs to say; the speaker acts (unless a source preposition reports it).
SAYINGS = frozenset(("بيان", "بلاغ", "تصريح", "تصريحات", "كلمه", "تغريده"))
# Nouns of a body's people («وزراء الحكومة», «قوات الجيش», «مرشحي التحالف»,
# «عناصر التنظيم», «عنصراً من الحزب»): the body in their genitive, or after
# them and «من», takes part through them, where another noun's genitive is
# its owner or frame (`actor_position`).
PEOPLE_OF = _set(
    """وزراء قوات عناصر مقاتلي مقاتلو مسلحي مسلحو قاده قيادات قيادي اعضاء نواب مرشحي مرشحو
    ممثلي ممثلو منتسبي منتسبو جنود ضباط وفد عنصر مقاتل مسلح جندي ضابط"""
)
# «بوفاة/لوفاة فلان»: whom a condolence or a grief is for; «أعلن وفاة
# فلان» names the event's own subject and stays.
MOURNED = frozenset(("بوفاه", "لوفاه", "برحيل", "لرحيل"))
# Prepositions that govern a verbal noun («عن تنظيم …»: the act, not a group).
GOVERNING = frozenset(("عن", "علي", "في", "الي", "من", "حول", "بشان", "خلال", "اجل"))
# Prepositions of place: an unregistered body after one is where.
LOCATIVE = frozenset(("في", "الي", "من", "داخل", "امام", "قرب", "خارج", "حتي"))
# Prepositions that make any body after them, registered or not, the place
# or the topic of the event («في الأمم المتحدة», «حول الحزب»), not who acts;
# and the goal or the target of a motion («رفع طلباً إلى المحكمة», «وافق على
# مقترح …», «وصل إلى مقر …»), where the act ends, not who does it.
WHERE_OR_ABOUT = _set("في داخل حول بشان تجاه ازاء الي علي")
# People through whom an institution speaks («قال مسؤول في وزارة المالية»),
# and its members («الدول الأعضاء في الاتحاد الأفريقي»): the «في» before the
# body is theirs, not a place's.
SPEAKING_FOR = frozenset(
    (
        *("مسوول", "مسوولون", "مسوولين", "مسوولو", "مسووله", "مصدر", "مصادر", "متحدث", "ناطق"),
        *("عضو", "العضو", "الاعضاء", "اعضاء", "عضوا", "الاعضا"),
    )
)
# «أن»/«إن» (folded) open a clause whose subject may come first: «أن العراق عطّل».
CLAUSE_OPENERS = frozenset(("ان", "بان", "وان", "لان"))
# Words before «عمان» that make it Jordan's capital («العاصمة عمان»), not Oman.
CAPITAL_BEFORE = frozenset(("العاصمه", "مدينه", "بالعاصمه"))
# Place names that are also adjectives: «المحكمة العليا السعودية» names a court.
ALSO_ADJECTIVE = frozenset(("السعوديه",))
# Verbs whose subject is a verbal noun («تم تنظيم الدور الثاني», «يجري
# تنظيم …»): a head right after one is the act, not a body.
VERBAL_NOUN_VERBS = _set("تم يتم سيتم وتم ويتم وسيتم جري يجري سيجري وجري ويجري")
