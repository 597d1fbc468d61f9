"""Every message a user can meet, met: each is produced here by the input that
causes it, and names file and line where it has them (issue 13, "Measured").

The adversarial corpus (tests/adversarial/) meets most of them; these are the
ones it does not, each in the smallest site that shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import tarikh, write_site

NEWS = "أعلن وزير الخارجية المصري سامح شكري الخميس 1 تشرين الأول 2015 بيانًا جديدًا.\n"

CASES: dict[str, tuple[dict[str, str | bytes], int, str]] = {
    # Two registry files for one actor, written with and without the hamza.
    "actor-alef-twins": (
        {
            "content/actors/أحمد-الشرع.md": "---\nname: أحمد الشرع\n---\n",
            "content/actors/احمد-الشرع.md": "---\nname: احمد الشرع\n---\n",
        },
        1,
        "content/actors/احمد-الشرع.md: error: actor 'احمد-الشرع' is the same actor as "
        "content/actors/أحمد-الشرع.md (the file names differ only in alef/hamza form or case)",
    ),
    "date-not-iso": (
        {"content/events/b.md": "---\ntitle: حدث\ndate: 15/10/2015\n---\nنص\n"},
        1,
        "content/events/b.md:3: error: 'date': date '15/10/2015' is not YYYY-MM-DD, YYYY-MM, "
        "YYYY or YYYY-MM-DD هـ",
    ),
    "date-impossible": (
        {"content/events/a.md": "---\ntitle: حدث\ndate: 2015-13-45\n---\nنص\n"},
        1,
        "content/events/a.md:3: error: 'date': date 2015-13-45 does not exist",
    ),
    "two-events-one-page": (
        {
            "content/events/a.md": "---\ntitle: افتتاح الدورة\ndate: 2015-10-01\n---\n",
            "content/events/b.md": "---\ntitle: افتتاح الدورة\ndate: 2015-10-01\n---\n",
        },
        1,
        "is wanted by both content/events/a.md:1 and content/events/b.md:1 (same date and "
        "text); the second is left out",
    ),
    "no-reference-date": (
        {"content/news/n.txt": NEWS},
        0,
        "content/news/n.txt:1: warning: no reference date: year-less and relative dates cannot "
        "be fixed",
    ),
    "config-invalid": (
        {"site.toml": 'titel = "x"\norder = "sideways"\n', "content/news/n.txt": NEWS},
        2,
        "invalid configuration:",
    ),
    "config-not-utf8": (
        {
            "site.toml": 'title = "\xd2\xc7\xd1\xed\xce"\n'.encode("latin-1"),
            "content/news/n.txt": NEWS,
        },
        2,
        "site.toml: not UTF-8 (",
    ),
    "template-not-found": (
        {
            "content/news/n.txt": NEWS,
            "templates/404.html": '{% include "partials/nothing.html" %}\n',
        },
        2,
        "template 'partials/nothing.html' not found (needed by 404.html)",
    ),
    "template-fails-while-rendering": (
        {
            "content/news/n.txt": NEWS,
            "templates/404.html": "<p>\n{{ page.title.nothing() }}\n</p>\n",
        },
        2,
        "templates/404.html:2: while rendering 404.html:",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_message_is_met(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    files, code, expected = CASES[case]
    files = {"site.toml": 'title = "رسائل"\n', **files}
    site = write_site(tmp_path / "site", files)
    assert tarikh("build", "--source", site) == code
    err = capsys.readouterr().err
    assert expected in err, err
    assert "Traceback" not in err
