"""Build speed on generated sites: clean build, no-op rebuild, one-edit rebuild.

Prints JSON. Medians of several runs; machines here are shared and noisy, so
read ratios (incremental / clean) rather than absolute seconds.

    python bench/build_speed.py [--events 1000 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import Builder

SUBJECTS = [
    "الرئيس الروسي فلاديمير بوتين",
    "وزير الخارجية المصري سامح شكري",
    "وزارة الدفاع الروسية",
    "المتحدث باسم الرئاسة الروسية دميتري بيسكوف",
    "رئيس الوزراء العراقي",
    "وزير الخارجية الصيني وانغ يي",
]
VERBS = ["أعلن", "أكد", "قال", "بحث", "وافق"]
MONTHS = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
]
TOPICS = [
    "تنسيق الضربات الجوية",
    "الحل السياسي للأزمة",
    "إيصال المساعدات الإنسانية",
    "مكافحة الإرهاب",
    "إعادة الإعمار",
    "ملف اللاجئين",
    "أمن الحدود",
]


def make_site(root: Path, events: int, per_file: int = 10) -> Path:
    rng = random.Random(events)
    for f in range(events // per_file):
        year = 2010 + f % 12
        lines = [f"---\ndate: {year}-12-31\n---"]
        for i in range(per_file):
            n = f * per_file + i
            lines.append(
                f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.randint(1, 28)} "
                f"{rng.choice(MONTHS)} {year} في بيان رقم {n} بشأن {rng.choice(TOPICS)} في سورية."
            )
        path = root / "content" / "news" / f"{f:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def measure(events: int, runs: int) -> dict[str, object]:
    clean, noop, edit = [], [], []
    for run in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            site = make_site(Path(tmp), events)
            builder = Builder(site, serving=True)
            t = time.perf_counter()
            result = builder.build()
            clean.append(time.perf_counter() - t)
            t = time.perf_counter()
            builder.build()
            noop.append(time.perf_counter() - t)
            target = site / "content/news/00000.txt"
            text = target.read_text(encoding="utf-8")
            target.write_text(text.replace("في بيان", f"في بيان معدل {run}", 1), encoding="utf-8")
            t = time.perf_counter()
            edited = builder.build({target})
            edit.append(time.perf_counter() - t)
    return {
        "events": events,
        "pages": sum(1 for p in result.files if p.endswith(".html")),
        "clean_build_s": round(statistics.median(clean), 3),
        "noop_rebuild_s": round(statistics.median(noop), 3),
        "one_edit_rebuild_s": round(statistics.median(edit), 3),
        "one_edit_pages_rendered": len(edited.rendered),
        "events_per_s_clean": round(events / statistics.median(clean)),
        "ratio_edit_to_clean": round(statistics.median(edit) / statistics.median(clean), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps([measure(n, args.runs) for n in args.events], indent=1))


if __name__ == "__main__":
    main()
