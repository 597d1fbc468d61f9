"""Latin runs inside Arabic text, isolated for display.

In a right-to-left paragraph a Latin acronym with a hyphen or brackets
(«(CJTF-OIR)», «F-16», «COP28») is laid out by the bidi algorithm in pieces
and may break at its hyphen: «(-CJTF» / «OIR)». Wrapped in `<bdi dir="ltr">`
it is one left-to-right unit that keeps its order, and a short one never
breaks (CSS `.ltr`). Dates written with separators («12-5-2018») get the same
treatment. The text is escaped here: the result is safe HTML.
"""

from __future__ import annotations

import re
from html import escape

# A run that holds a Latin letter: words, digits and the joiners inside them,
# words separated by single spaces, optionally in brackets.
_LATIN = r"[A-Za-z0-9][A-Za-z0-9.\-_/&+'’]*"
_RUN = re.compile(
    rf"\(?(?={_LATIN})(?:{_LATIN})(?: (?:{_LATIN}))*\)?"
    r"|\d{1,4}(?:[-/.]\d{1,4}){1,2}"
)
_LETTER = re.compile(r"[A-Za-z]")
_DATE = re.compile(r"\d{1,4}(?:[-/.]\d{1,4}){1,2}")
SHORT = 24  # a run this long or shorter never breaks across lines


def isolate_latin(text: str) -> str:
    """HTML of `text` with every Latin run (and every separated number) in
    `<bdi dir="ltr">`; plain numbers and Arabic are left as they are."""
    out: list[str] = []
    last = 0
    for m in _RUN.finditer(text):
        run = m.group()
        if not (_LETTER.search(run) or _DATE.fullmatch(run)):
            continue
        if run.startswith("(") and not run.endswith(")"):
            run = run[1:]  # an opening bracket that the run does not close stays Arabic
            start = m.start() + 1
        elif run.endswith(")") and not run.startswith("("):
            run = run[:-1]
            start = m.start()
        else:
            start = m.start()
        cls = "ltr" if len(run) <= SHORT else "ltr ltr--long"
        out.append(escape(text[last:start], quote=False))
        out.append(f'<bdi dir="ltr" class="{cls}">{escape(run, quote=False)}</bdi>')
        last = start + len(run)
    out.append(escape(text[last:], quote=False))
    return "".join(out)
