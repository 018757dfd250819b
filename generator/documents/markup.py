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
