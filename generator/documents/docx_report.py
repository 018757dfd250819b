"""The gap report as a DOCX on the board's letterhead (the letter template), and as a PDF."""

from __future__ import annotations

from datetime import date

from generator.checking.voidness import law_verdict
from generator.documents.citations import mark_unconfirmed
from generator.documents.letters import LETTER_TEMPLATE
from generator.documents.pdf import pdf_bytes
from generator.documents.render import Block, document_properties, long_date, plain, prepared, rich
from generator.documents.report import COUNSEL_NOTE, MARK, conflict_label, low_confidence, provision_titles
from generator.findings import GapReport
from generator.library import default_library
from generator.models import Board, Library

REPORT_TITLE = "Contract check report"


def _block(kind: str, text: str, **style: object) -> Block:
    text = plain(text)  # contract text is shown as it is: no placeholder marks, no markup
    return Block(kind, rich(text, **style), text)


def _lead(lead: str, text: str) -> Block:
    rt = rich(lead + " ", bold=True)
    rt.add(rich(plain(text)))
    return Block("para", rt, f"{lead} {text}")


def report_blocks(report: GapReport, library: Library | None = None) -> list[Block]:
    """The report's content as document blocks: what was read, the counsel note, each
    provision (its citation, and each citation in its explanation, marked "(to confirm)" where
    ``library``, default the built-in one, has not verified it; status in word and mark, confidence when known, explanation, every
    evidence sentence with its location), then each conflicting term."""
    library = library or default_library()
    titles = provision_titles(report)
    verdict = mark_unconfirmed(law_verdict(report, library), library)
    blocks = [
        _lead("Document:", report.document),
        _block("para", f"sha256 {report.sha256}", size=16),
        _lead("Result.", f"{report.summary()}. {verdict}"),
        _lead("Read against", f"clause library {report.library_version}."),
        _block("para", COUNSEL_NOTE, italic=True),
    ]
    for f in report.provisions:
        blocks.append(_block("heading", f"{f.number}. {f.title}: {MARK.get(f.status, f.status)}"))
        blocks.append(_block("cite", mark_unconfirmed(f.citation, library), italic=True, size=18))
        level = getattr(f, "confidence", None)
        status = f"{f.status}" + (f", confidence {level}" if level else "") + "."
        low = low_confidence(f)
        blocks.append(_lead("Status:", f"{status} {mark_unconfirmed(f.explanation, library)}" + (f" {low}" if low else "")))
        for e in f.evidence:
            blocks.append(_block("bullet", f"“{e.text}” ({e.location})"))
    if report.conflicts:
        blocks.append(_block("heading", "Conflicting terms (the Board's policy holds such a term void in a contract from July 1, 2018 on; § 10-234bb(e): to confirm)"))
    for c in report.conflicts:
        blocks.append(_lead(f"{conflict_label(c.kind)},", f"against {titles.get(c.provision, c.provision)}: {mark_unconfirmed(c.explanation, library)}"))
        blocks.append(_block("bullet", f"“{c.text}” ({c.location})"))
    return blocks


def report_docx(report: GapReport, board: Board, *, when: date | None = None,
                library: Library | None = None) -> bytes:
    """The report on the board's letterhead (the letter template: board name, address and
    website, the date, the page footer); returns DOCX bytes. Unsigned: it is a working paper.
    Raises :class:`RenderError` when the template is broken."""
    library = library or default_library()
    when = when or date.today()
    subject = f"{REPORT_TITLE}: {report.document}"
    ctx = {"board": board.model_dump(), "kind_label": REPORT_TITLE, "date_words": long_date(when),
           "library_version": report.library_version,
           "recipient": [], "subject": rich(plain(subject), bold=True), "signer": None,
           "blocks": [{"kind": b.kind, "text": b.text} for b in report_blocks(report, library)]}
    props = document_properties(plain(subject), library, identifier=f"check:{report.sha256}")
    return prepared(str(LETTER_TEMPLATE)).render(ctx, props)


def report_pdf(report: GapReport, board: Board, *, when: date | None = None,
               library: Library | None = None) -> bytes:
    """:func:`report_docx` turned into a PDF with LibreOffice; returns the PDF bytes. Raises
    :class:`ConversionError` when LibreOffice is missing or fails."""
    return pdf_bytes(report_docx(report, board, when=when, library=library), "contract-check")
