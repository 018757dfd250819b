"""Letters built from a gap report, a vendor and the board profile; wording in clauses/letters/."""

from __future__ import annotations

from datetime import date

from .deadlines import cure_deadline
from .errors import RenderError
from .library import CLAUSES_DIR, _read_clause_file, default_library
from .models import Board, GapReport, Library, Vendor
from .render import (
    TEMPLATES_DIR,
    document_properties,
    long_date,
    prepared,
    render_text,
    rich,
    to_blocks,
)

LETTERS_DIR = CLAUSES_DIR / "letters"
LETTER_TEMPLATE = TEMPLATES_DIR / "letters" / "letter.docx"


def letter_text(kind: str) -> tuple[dict, str]:
    """The front matter and Jinja text of ``clauses/letters/<kind>.md``."""
    path = LETTERS_DIR / f"{kind}.md"
    if not path.is_file():
        raise RenderError(f"{path}: no such letter")
    return _read_clause_file(path)


def render_letter(kind: str, board: Board, *, recipient: list[str], subject: str,
                  context: dict, when: date, library: Library | None = None) -> bytes:
    """Render ``clauses/letters/<kind>.md`` on the board's letterhead; return DOCX bytes."""
    library = library or default_library()
    meta, text = letter_text(kind)
    body = render_text(text, {"board": board.model_dump(), **context}, f"letters/{kind}.md")
    blocks = [{"kind": b.kind, "text": b.text} for b in to_blocks(body)]
    ctx = {
        "board": board.model_dump(), "kind_label": meta.get("title", kind), "date_words": long_date(when),
        "recipient": [rich(x) for x in recipient if x], "subject": rich(subject), "blocks": blocks,
        "signer": board.signatory.model_dump(),
    }
    props = document_properties(subject, library, identifier=f"letter:{kind}:{meta.get('version', '')}")
    return prepared(str(LETTER_TEMPLATE)).render(ctx, props)


def amendment_letter(report: GapReport, vendor: Vendor, board: Board, *, sent: date,
                     library: Library | None = None) -> bytes | None:
    """The reasonable-notice amendment letter for a contract with gaps or conflicts, or None
    when the report shows nothing to amend. The cure date is ``sent`` plus the board's cure
    period, moved to a business day (:func:`generator.deadlines.cure_deadline`)."""
    library = library or default_library()
    if report.compliant:
        return None
    gaps = []
    for f in report.gaps:
        try:
            cure = library.provision(f.id).cure
        except KeyError:
            cure = ""
        gaps.append({**f.model_dump(), "cure": cure})
    due = cure_deadline(sent, board.cure_period_days, board.closures)
    ctx = {"vendor": vendor.model_dump(), "report": report.model_dump(), "gaps": gaps,
           "conflicts": [c.model_dump() for c in report.conflicts], "cure_date": due}
    recipient = [vendor.contact_name or vendor.name, vendor.name if vendor.contact_name else "",
                 vendor.address, vendor.contact_email]
    subject = f"Notice to amend your student data contract by {long_date(due)}"
    return render_letter("amendment", board, recipient=recipient, subject=subject, context=ctx,
                         when=sent, library=library)
