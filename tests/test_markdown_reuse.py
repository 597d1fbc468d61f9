"""One Markdown converter reset per document gives what a new one gives:
nothing of one document (footnotes, abbreviations, link references) leaks
into the next (issue 12)."""

from __future__ import annotations

from generator.load import Markdown, render_markdown

DOCS = [
    "نص مع حاشية[^1].\n\n[^1]: الحاشية الأولى.\n",
    "نص بلا حاشية، ومرجع [رابط][r].\n\n[r]: https://example.org/a\n",
    "*[UN]: الأمم المتحدة\n\nقالت UN إن الوضع خطير.\n",
    "UN مرة أخرى، و[رابط][r] بلا تعريف.\n",
    "| أ | ب |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>\n",
    "نص[^1] آخر.\n\n[^1]: حاشية ثانية.\n",
]


def test_a_reused_converter_renders_each_document_as_a_new_one_would() -> None:
    shared = Markdown()
    for doc in DOCS + DOCS[::-1]:
        assert render_markdown(doc, shared) == render_markdown(doc)
