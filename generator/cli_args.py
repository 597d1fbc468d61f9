"""What `tarikh` accepts: every command, option and help text, as one argparse parser.

Cut from cli.py where "what can I type?" ends and "what does the command do?"
begins: a newcomer adding an option, or checking what --help says, reads this
file alone, and cli.py reads the parsed arguments and runs the command. Nothing
here imports more than the standard library, so `tarikh build` on an unchanged
site still starts fast (stamps.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from generator import __version__


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2015-10-01") from None


def _jobs(text: str) -> int:
    """--jobs: a whole number of processes, at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more): {text!r}")
    return int(text)


def argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tarikh",
        description="Turn Arabic news into a right-to-left timeline website, "
        "with every date in the Gregorian and Hijri calendars and a page for every actor.",
        epilog="Exit codes: 0 built, 1 content errors (the rest is published), "
        "2 usage, configuration or template errors (nothing is published).",
    )
    parser.add_argument("--version", action="version", version=f"tarikh {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    site = argparse.ArgumentParser(add_help=False)
    site.add_argument(
        "--source",
        type=Path,
        default=Path("."),
        metavar="SITE",
        help="the site directory (with site.toml and content/); default: .",
    )
    site.add_argument(
        "--reference-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the story date for news files without a 'date' in front matter",
    )
    site.add_argument(
        "--base-url",
        metavar="URL",
        help="override site.toml's base_url, e.g. https://org.github.io/repo/",
    )
    site.add_argument(
        "--verbose",
        action="store_true",
        help="print the Python traceback behind a render, watch or serve error",
    )

    b = sub.add_parser(
        "build",
        parents=[site],
        help="build the site into output/",
        description="Build SITE into a static website (default SITE/output).",
    )
    b.add_argument(
        "--output", type=Path, metavar="DIR", help="where to write (default SITE/output)"
    )
    b.add_argument("--strict", action="store_true", help="treat warnings as errors (for CI)")
    b.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary")
    b.add_argument("--watch", action="store_true", help="rebuild output/ whenever a source changes")
    b.add_argument("--poll", action="store_true", help="with --watch: poll instead of inotify")
    b.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=os.cpu_count() or 1,
        metavar="N",
        help="render with N processes (default: the number of cores, %(default)s here); "
        "the output is the same for any N",
    )

    s = sub.add_parser(
        "serve",
        parents=[site],
        help="live preview for editors",
        description="Serve a live preview that rebuilds and reloads on every save. "
        "Never writes to output/.",
    )
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    s.add_argument("--bind", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    s.add_argument("--open", action="store_true", help="open the preview in a browser")
    s.add_argument("--poll", action="store_true", help="poll for changes instead of inotify")

    n = sub.add_parser(
        "new",
        help="create a new site that builds at once",
        description="Create DIR with site.toml, a sample news file, "
        "a sample actor and a sample Markdown event.",
    )
    n.add_argument("directory", type=Path, metavar="DIR")

    e = sub.add_parser(
        "extract",
        parents=[site],
        help="print the events tarikh reads in news files, as JSON Lines",
        description="Print one JSON object per event found in FILE… "
        "(the same events `build` publishes), using the actor registry of the "
        "site that holds FILE (or --source SITE) over tarikh's knowledge base.",
    )
    e.add_argument("files", type=Path, nargs="+", metavar="FILE")
    e.add_argument("--format", choices=["jsonl", "json"], default="jsonl")

    v = sub.add_parser(
        "eval",
        help="measure date and actor extraction on a gold set",
        description="Score extraction against GOLD.jsonl: date accuracy and "
        "actor precision / recall / F1, overall and by phenomenon.",
    )
    v.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    v.add_argument("--actors", type=Path, metavar="DIR", help="actor registry for the gold set")
    v.add_argument(
        "--no-knowledge",
        dest="knowledge",
        action="store_false",
        help="leave out tarikh's built-in knowledge base of office-holders and "
        "organisations (the rules alone, or the rules and --actors)",
    )
    v.add_argument("--format", choices=["text", "json"], default="text")
    _import_parser(sub)
    return parser


def _import_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """`tarikh import timelinejs FILE`: the subcommand that reads other tools' timelines."""
    i = sub.add_parser(
        "import",
        help="turn another tool's timeline into tarikh content",
        description="Turn another tool's timeline into Markdown event files.",
    )
    kinds = i.add_subparsers(dest="importer", metavar="FORMAT", required=True)
    t = kinds.add_parser(
        "timelinejs",
        help="a TimelineJS3 JSON file, or the CSV of its Google Sheets template",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="""\
Write one Markdown event per dated slide of a TimelineJS3 timeline into
SITE/content/events/ (or --into DIR).

FILE is TimelineJS3 JSON (.json), or its Google Sheets template saved as CSV
(File > Download > CSV: columns Year, Month, Day, Time, ... Headline, Text,
Media, Media Credit, ... Group).

Maps:  start/end date (year, month, day, as precise as given) -> date, end_date
       headline -> title            text (HTML) -> the Markdown body
       group -> tags                media credit -> source
       media url -> image (an image) or url (a video, a page)
Everything else (times, captions, thumbnails, backgrounds, display dates, eras,
the title slide, unknown columns) is named per slide: by line in a CSV, by index
(events[3]) in JSON. A slide without a start year is an error and is left out;
the other slides are still written.

A file written by tarikh's own /timeline.json maps each unique_id back to its
event id: a headline and date imported unchanged keep the event's id and page.""",
        epilog="Exit codes: 0 imported, 1 some slides had errors (the rest were written), "
        "2 usage: no such FILE, or files in the way (nothing written; see --force).",
    )
    t.add_argument("file", type=Path, metavar="FILE", help="the .json or .csv to import")
    t.add_argument(
        "--source",
        type=Path,
        default=Path("."),
        metavar="SITE",
        help="the site to import into (default .): events go to SITE/content/events/",
    )
    t.add_argument("--into", type=Path, metavar="DIR", help="write the event files here instead")
    t.add_argument(
        "--dry-run", action="store_true", help="report what would be written; write nothing"
    )
    t.add_argument("--force", action="store_true", help="overwrite event files that exist")
