"""Many preview tabs in one browser: a browser keeps at most six connections to
a host, and an event stream holds one for good, so with one stream per tab the
seventh tab never loads (issue 13). One tab reads the stream and passes it on."""

from __future__ import annotations

from pathlib import Path

from test_preview import WAIT_MS, _news, chromium, pytestmark, running  # noqa: F401
from test_preview import site as site

TABS = 10


def test_ten_tabs_all_load_and_all_follow_an_edit(site: Path) -> None:
    with running(site) as url, chromium() as browser:  # ten tabs: four past the limit
        context = browser.new_context()
        pages = []
        for _ in range(TABS):
            page = context.new_page()
            page.set_default_timeout(WAIT_MS)
            page.goto(url, timeout=WAIT_MS)  # the seventh tab used to hang here
            page.wait_for_selector("html[data-tarikh-live=open]", state="attached")
            pages.append(page)
        for page in pages:
            page.evaluate("window.__before = true")

        added = "أعلنت وزارة الخارجية في 2 كانون الثاني 2015 عن زيارة مرتقبة للمبعوث الأممي."
        (site / "content/news/a.txt").write_text(_news(36) + added + "\n", encoding="utf-8")
        for page in pages:
            page.wait_for_function(
                "() => window.__before === undefined && document.body.innerText.includes("
                "'زيارة مرتقبة للمبعوث الأممي')"
            )

        # The tab that held the stream goes: another takes it over, and a
        # later edit still reaches every tab left.
        pages.pop(0).close()
        for page in pages:
            page.evaluate("window.__before = true")
        (site / "content/news/a.txt").write_text(
            _news(36) + added + "\nقال المبعوث في 3 كانون الثاني 2015 إن الزيارة تأجلت.\n",
            encoding="utf-8",
        )
        for page in pages:
            page.wait_for_function(
                "() => window.__before === undefined && document.body.innerText.includes("
                "'الزيارة تأجلت')"
            )
        context.close()
