"""`tarikh new DIR`: a small site that builds at once and shows every input kind."""

from __future__ import annotations

import sys
from pathlib import Path

FILES = {
    "site.toml": """\
# Settings of this site; every key is optional. See the README for all of them.
title = "خط زمني جديد"
description = ""
base_url = ""          # e.g. "https://org.github.io/repo/" when published under a sub-path
theme = "default"
digits = "latn"        # "latn" 0-9 or "arab" ٠-٩
months = "levant"      # "levant" كانون الثاني… / "egypt" يناير… / "maghreb" جانفي…
calendar = "gregorian" # the calendar shown first
order = "asc"          # "asc" oldest first, "desc" newest first
hijri_adjust = 0       # local moon sighting: -2…2 days
page_size = 200        # events per page; longer listings are cut by year, then month
""",
    "content/news/sample.txt": """\
---
date: 2024-03-14
source: وكالة مثال
---
اجتماع وزاري عربي في القاهرة لبحث الأوضاع الإنسانية
بحث وزير الخارجية المصري سامح شكري مع نظرائه العرب الأربعاء 13 آذار في القاهرة تنسيق إيصال المساعدات الإنسانية.
أعلنت جامعة الدول العربية اليوم عن عقد اجتماع طارئ على مستوى المندوبين.
""",
    "content/actors/سامح-شكري.md": """\
---
name: سامح شكري
aliases: [شكري]
kind: person
roles:
  - title: وزير الخارجية المصري
    from: 2014-06-17
    to: 2024-07-03
---
دبلوماسي مصري تولّى وزارة الخارجية بين عامَي 2014 و2024.
""",
    "content/events/sample-event.md": """\
---
title: افتتاح الدورة الجديدة لمجلس الجامعة العربية
date: 2024-03-05
actors: [جامعة الدول العربية]
place: القاهرة
tags: [دبلوماسية]
---
افتُتحت في **القاهرة** الدورة العادية لمجلس جامعة الدول العربية على المستوى الوزاري.
""",
}


def create_site(directory: Path) -> int:
    if directory.exists() and any(directory.iterdir()):
        print(
            f"tarikh: error: {directory} exists and is not empty; choose a new directory",
            file=sys.stderr,
        )
        return 2
    for rel, text in FILES.items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"created a new site in {directory}\nnext: tarikh build --source {directory}")
    return 0
