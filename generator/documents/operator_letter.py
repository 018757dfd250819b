"""The letter to an app's operator whose terms are silent or limited on a restriction of the
board's policy: it asks the operator to confirm in writing that it complies with § 10-234cc for
the board's students, naming each such restriction and what to confirm (wording in
``clauses/letters/operator.md``)."""

from __future__ import annotations

from datetime import date

from generator.documents.letters import render_letter
from generator.errors import InputError
from generator.models import Board, Library
from generator.vetting import RESTRICTION_IDS, VetReport

ASKED = ("silent", "limited")  # the statuses the letter asks the operator about


def operator_letter(report: VetReport, board: Board, *, app: str, operator: str, when: date,
                    contact: list[str] | None = None, reply_by: date | None = None,
                    confirmed_by: str = "", library: Library | None = None) -> bytes | None:
    """The letter to ``operator`` about ``app`` as DOCX bytes, or None when no restriction of
    ``report`` is silent or limited (nothing to ask). Each silent or limited restriction is named
    with what to confirm; a restriction the terms allow is named as one the board cannot accept.
    ``contact`` is the address lines under the operator's name; ``reply_by`` an optional date
    to answer by. Without ``confirmed_by`` (the counsel who confirmed the reading) the letter
    is a draft, marked "DRAFT — not confirmed by counsel" at its head and in its subject.
    Raises :class:`InputError` when ``app`` or ``operator`` is empty, and
    :class:`generator.errors.RenderError` when the letter cannot be rendered."""
    app, operator = (app or "").strip(), (operator or "").strip()
    if not app or not operator:
        raise InputError("the letter to an operator needs the app's name and its operator's name")
    readings = [report.restrictions[rid] for rid in RESTRICTION_IDS if rid in report.restrictions]
    items = [r.model_dump() for r in readings if r.status in ASKED]
    if not items:
        return None
    allowed = [r.title for r in readings if r.status == "allowed"]
    ctx = {"app": app, "operator": operator, "items": items, "allowed": allowed, "reply_by": reply_by,
           "documents": [d.name for d in report.documents] or ["your terms"], "confirmed_by": confirmed_by}
    subject = f"{app}: please confirm how you protect our students' data"
    if not confirmed_by:
        subject = f"DRAFT — not confirmed by counsel: {subject}"
    return render_letter("operator", board, recipient=[operator, *(contact or [])], subject=subject,
                         context=ctx, when=when, library=library)
