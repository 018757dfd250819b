"""An HTML page saved from the web (an operator's terms of service or privacy policy) read as
text: no network, no scripts, styles or hidden elements, headings and list items kept as lines
the sentence reader knows ("# Heading", "- item"), within the reading's time budget."""

from __future__ import annotations

import re

from generator.errors import ExtractError
from generator.reading.limits import check_time

# elements whose content is never text a reader sees
_DROP = ("script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed",
         "canvas", "select", "button", "form", "nav", "footer")
_BLOCK = {"p", "div", "section", "article", "main", "header", "aside", "blockquote", "pre", "address",
          "table", "tbody", "thead", "tr", "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "details",
          "summary", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "hr"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
MAX_ELEMENTS = 500_000  # a page with more elements is not a page of terms


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` opens (after blanks and a byte-order mark) as an HTML page."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def html_text(data: bytes, name: str, notes: list[str] | None = None) -> str:
    """The visible text of the HTML page ``data``, one block (paragraph, heading, list item,
    table row) a line, headings marked "# " and list items "- ". Nothing is fetched: no
    network, no entities from outside, scripts and styles dropped, hidden elements left out
    (and said so in ``notes``). Raises :class:`ExtractError` naming ``name`` for a page that
    cannot be parsed or has too many elements."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                  huge_tree=False, recover=True)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError, lxml.etree.XMLSyntaxError) as exc:
        raise ExtractError(f"{name}: the HTML page cannot be read ({str(exc)[:120]})") from None
    hidden = 0
    drop = []
    for count, el in enumerate(root.iter()):
        if count > MAX_ELEMENTS:
            raise ExtractError(f"{name}: the HTML page has more than {MAX_ELEMENTS:,} elements, the limit")
        if count % 2000 == 0:
            check_time()
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in _DROP:
            drop.append(el)
        elif (el.get("hidden") is not None or el.get("aria-hidden") == "true"
              or _HIDDEN_STYLE.search(el.get("style") or "")):
            hidden += 1
            drop.append(el)
    for el in drop:
        if el.getparent() is not None:
            el.drop_tree()
    if hidden and notes is not None:
        notes.append(f"{name}: {hidden} hidden part(s) of the page left out")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in _BLOCK:
            mark = "# " if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else "- " if tag == "li" else ""
            el.text = f"\n{mark}{el.text or ''}"
            el.tail = f"\n{el.tail or ''}"
        elif tag in ("td", "th"):
            el.tail = f" | {el.tail or ''}"
    text = root.text_content()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line in ("", "-", "#"):
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    # the items of one list stay together, so each is read with its lead-in (sentences.py)
    kept = [line for i, line in enumerate(out)
            if not (line == "" and 0 < i < len(out) - 1 and out[i + 1].startswith("- ")
                    and (out[i - 1].startswith("- ") or out[i - 1].endswith(":")))]
    return "\n".join(kept).strip()
