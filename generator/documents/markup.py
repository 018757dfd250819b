"""Text that must never become markup: escaping for Markdown (Streamlit messages, Markdown reports)."""

from __future__ import annotations

import re

# Every ASCII punctuation mark Markdown (CommonMark, GitHub's and Streamlit's extensions: colour
# and emoji directives such as ``:red[x]`` or ``:smile:``, LaTeX ``$``) may read as syntax.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'/^%@])")


def md_escape(text: object) -> str:
    """``text`` as Markdown that shows exactly those characters: every punctuation mark that
    Markdown (or Streamlit's extensions) could read as syntax is backslash-escaped, and line
    breaks become spaces, so a value can never start a heading, list, link, image or HTML tag.

    Returns the escaped string; never raises (``None`` and numbers are turned into text)."""
    flat = " ".join(str("" if text is None else text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


# What can start markup inside a line (a table cell, a heading's text): emphasis, code, links and
# images (their brackets), HTML and entities, tables' bars, strikethrough, maths.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~$&])")
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto)(:)|\b(www)(\.)")


def md_inline(text: object) -> str:
    """``text`` for a file in Markdown, inside one line (a table cell, after a heading's
    ``#``): as :func:`md_escape`, it shows exactly as typed and never becomes markup, but only
    the characters that can open markup inside a line are escaped (``\\ ` * _ [ ] < > | ~ $ &``,
    and the ``:`` or ``.`` that would make a bare address a link), so the file stays readable.
    Returns the escaped string; never raises."""
    flat = " ".join(str("" if text is None else text).split())
    out = _AUTOLINK.sub(lambda m: f"{m[1] or m[3]}\\{m[2] or m[4]}", _MD_INLINE.sub(r"\\\1", flat))
    return out[:-1] + "\\#" if out.endswith("#") else out  # a heading's closing #s are not text
