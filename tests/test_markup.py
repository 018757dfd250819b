"""Vendor text shown through Markdown stays text."""

from __future__ import annotations

import markdown_it  # shipped with rich, a dependency

from generator.documents.markup import md_escape

HOSTILE = [
    "## 12. Waiver by the Board",
    "**bold** and __bold__",
    "- a list item",
    "1. a numbered item",
    "[a link](http://example.test/)",
    "![image](http://example.test/i.png)",
    "<script>alert(1)</script>",
    ":red[coloured] :material/home: $x^2$",
    "a\n\n# heading after a blank line",
    "> quoted",
    "`code`",
]


def test_escaped_text_renders_as_the_same_characters_and_nothing_else():
    md = markdown_it.MarkdownIt("commonmark")
    for value in HOSTILE:
        html = md.render(md_escape(value))
        # one paragraph, no element other than <p>, and the text itself is all there
        assert html.startswith("<p>") and html.count("<p>") == 1, (value, html)
        for tag in ("<h", "<strong", "<em", "<ul", "<ol", "<a ", "<img", "<script", "<code", "<blockquote"):
            assert tag not in html, (value, html)
        assert " ".join(value.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
            .replace('"', "&quot;") in html


def test_plain_words_are_unchanged():
    assert md_escape("Acme Learning Inc") == "Acme Learning Inc"
    assert md_escape(None) == ""
