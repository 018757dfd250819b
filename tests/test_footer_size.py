"""The footer of a letter and of the addendum, as printed: its page numbers ("page 2 of 5") are
the same size as the footer's words, not the body's larger size."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from generator import annual_notice, pdf_bytes, render_addendum


def _footer_sizes(pdf: bytes, page: int) -> list[tuple[str, float]]:
    """Each piece of text on the last line of ``page`` (the footer) with its font size in points."""
    pieces: list[tuple[str, float]] = []

    def seen(text, cm, tm, font, size):
        if text.strip():
            pieces.append((text.strip(), size * (tm[3] if tm else 1) * (cm[3] if cm else 1)))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=seen)
    start = max(i for i, (text, _) in enumerate(pieces) if "·" in text)  # "<board> · <document> · page"
    return pieces[start:]


@pytest.mark.parametrize("document", ["letter", "addendum"])
def test_page_numbers_match_the_footer_text(document, board, library, vendor, soffice):
    if document == "letter":
        pdf, page = pdf_bytes(annual_notice(board, when=date(2026, 12, 7), library=library), "letter"), 0
    else:
        pdf, page = pdf_bytes(render_addendum(vendor, board, library), "addendum"), 1
    sizes = _footer_sizes(pdf, page)
    words = next(s for t, s in sizes if "page" in t)
    numbers = [s for t, s in sizes if t.isdigit()]
    assert len(numbers) == 2, sizes  # "page N of M"
    assert numbers == [words, words], sizes
