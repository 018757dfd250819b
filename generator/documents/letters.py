"""Letters built from a gap report, a vendor and the board profile; wording in clauses/letters/."""

from __future__ import annotations

import re
from datetime import date

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from generator.checking.voidness import Voidness, rules_apply, voidness
from generator.documents.citations import mark_unconfirmed
from generator.deadlines import cure_deadline, holiday_name, next_business_day
from generator.documents.render import (
    TEMPLATES_DIR,
    document_properties,
    long_date,
    placeholder,
    prepared,
    render_text,
    rich,
    to_blocks,
)
from generator.errors import RenderError
from generator.findings import DRAFT_MARK, GapReport
from generator.library import CLAUSES_DIR, default_library, read_clause_file
from generator.models import Board, Library, Vendor

LETTERS_DIR = CLAUSES_DIR / "letters"
LETTER_TEMPLATE = TEMPLATES_DIR / "letters" / "letter.docx"
POSTING_HTML = TEMPLATES_DIR / "notices" / "contract-posting.html"
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f<>\"'`\s]")


def letter_text(kind: str) -> tuple[dict, str]:
    """The front matter and Jinja text of ``clauses/letters/<kind>.md``."""
    path = LETTERS_DIR / f"{kind}.md"
    if not path.is_file():
        raise RenderError(f"{path}: no such letter")
    return read_clause_file(path)


_DOUBLE_STOP = re.compile(r"(?<=[A-Za-z]\.)\.(?=\s|$)")


def tidy(text: str) -> str:
    """Drop the second full stop where a sentence ends on a name that ends in one
    ("BrightPath Learning, Inc.." → "BrightPath Learning, Inc."); an ellipsis is left alone."""
    return _DOUBLE_STOP.sub("", text)


def letter_date(today: date | None = None, board: Board | None = None) -> tuple[date, str]:
    """The date a letter written on ``today`` (default: the computer's today) bears by default,
    and why it is not today.

    Returns ``(today, "")`` on a business day; on a weekend, a Connecticut legal holiday or one
    of the board's closures (``board``'s ``closures`` and ``good_friday_proclaimed``), the next
    business day and a note such as "today is a Sunday: dated Monday, December 7, 2026". The
    command line and the app both take their default from here."""
    today = today or date.today()
    closures, good_friday = (board.closures, board.good_friday_proclaimed) if board else ([], False)
    day = next_business_day(today, closures, good_friday)
    if day == today:
        return today, ""
    if today.weekday() >= 5:
        why = f"a {today:%A}"
    elif holiday := holiday_name(today, good_friday):
        why = f"{holiday}, a legal holiday"
    else:
        why = "a day the board is closed (board profile)"
    return day, f"today is {why}: dated {day:%A}, {long_date(day)}"


def render_letter(kind: str, board: Board, *, recipient: list[str], subject: str,
                  context: dict, when: date, library: Library | None = None,
                  signed: bool = True) -> bytes:
    """Render ``clauses/letters/<kind>.md`` on the board's letterhead; return DOCX bytes.
    ``signed`` adds the board signatory's closing. Each citation of the letter's wording that
    ``library`` has not verified against the statute's text reads "(to confirm)" where it is
    printed; the vendor's quoted words are left as they are."""
    library = library or default_library()
    meta, text = letter_text(kind)
    text = mark_unconfirmed(text, library)  # the wording only, before any vendor text is filled in
    body = tidy(render_text(text, {"board": board.model_dump(), **context}, f"letters/{kind}.md"))
    blocks = [{"kind": b.kind, "text": b.text} for b in to_blocks(body)]
    ctx = {
        "board": board.model_dump(), "kind_label": meta.get("title", kind), "date_words": long_date(when),
        "recipient": [rich(x) for x in recipient if x], "subject": rich(subject), "blocks": blocks,
        "signer": board.signatory.model_dump() if signed else None,
        "library_version": library.version,  # the footer: the wording a signed copy used
    }
    props = document_properties(subject, library, identifier=f"letter:{kind}:{meta.get('version', '')}")
    return prepared(str(LETTER_TEMPLATE)).render(ctx, props)


def _gap_items(findings: list, library: Library) -> list[dict]:
    out = []
    for f in findings:
        try:
            p = library.provision(f.id)
            extra = {"cure": p.cure, "basis_note": p.basis_note}
        except KeyError:
            extra = {"cure": "", "basis_note": ""}
        item = {**f.model_dump(), **extra}
        for key in ("citation", "cure", "basis_note", "explanation"):  # the library's words, never the vendor's
            item[key] = mark_unconfirmed(item[key], library)
        out.append(item)
    return out


def amendment_voidness(report: GapReport, vendor: Vendor, *, library: Library | None = None,
                       contract_date: date | None = None, renewed: date | None = None) -> Voidness:
    """Whether the amendment letter for ``report`` gives the § 10-234bb(f) notice: see
    :func:`generator.checking.voidness.voidness`. ``contract_date`` defaults to the vendor's."""
    library = library or default_library()
    return voidness(bool(report.a_gaps(library)), contract_date or vendor.contract_date, renewed)


def amendment_letter(report: GapReport, vendor: Vendor, board: Board, *, sent: date,
                     library: Library | None = None, contract_date: date | None = None,
                     renewed: date | None = None, confirmed_by: str = "") -> bytes | None:
    """The amendment letter for a contract with gaps or conflicts, or None when the report shows
    nothing to amend. The cure date is ``sent`` plus the board's cure period, moved to a
    business day (:func:`generator.deadlines.cure_deadline`).

    Gaps in § 10-234bb(a) provisions and gaps in the board's policy items are listed apart;
    the letter gives the § 10-234bb(f) notice (void if not amended) only for an (a) gap in a
    contract entered into on or after July 1, 2018 (``contract_date`` defaults to the vendor's;
    no date is ever assumed; a later amendment or renewal ``renewed`` is stated, and left to
    counsel: :func:`generator.checking.voidness.voidness`); a conflicting term is called void only
    in such a contract, and then on the Board's policy's word (§ 10-234bb(e) cited "see also").

    ``confirmed_by`` names the counsel who confirmed ``report``; without it the report is an
    unconfirmed reading and the letter is a draft, marked "DRAFT — not confirmed by counsel" at
    its head and in its subject.
    """
    library = library or default_library()
    if report.compliant:
        return None
    day = contract_date or vendor.contract_date
    state = amendment_voidness(report, vendor, library=library, contract_date=day, renewed=renewed)
    due = cure_deadline(sent, board.cure_period_days, board.closures, board.good_friday_proclaimed)
    ctx = {"vendor": vendor.model_dump(), "contract_date": day, "renewed": renewed,
           "confirmed_by": confirmed_by, "draft_mark": DRAFT_MARK, "rules_apply": rules_apply(day),
           "a_gaps": _gap_items(report.a_gaps(library), library),
           "policy_gaps": _gap_items(report.policy_gaps(library), library),
           "conflicts": [{**c.model_dump(), "explanation": mark_unconfirmed(c.explanation, library)}
                         for c in report.conflicts], "cure_date": due,
           "voidness": state}
    subject = f"Notice to amend your student data contract by {long_date(due)}"
    if not confirmed_by:
        subject = f"{DRAFT_MARK}: {subject}"
    return render_letter("amendment", board, recipient=_recipient(vendor), subject=subject,
                         context=ctx, when=sent, library=library)


def _recipient(vendor: Vendor) -> list[str]:
    return [vendor.contact_name or vendor.name, vendor.name if vendor.contact_name else "",
            vendor.address, vendor.contact_email]


def _families(board: Board) -> list[str]:
    return [f"Students and families of the {board.name}"]


def _safe_url(url: str) -> str:
    """``url`` when it is an http(s) address or a relative path; refuse script and data URLs."""
    from generator.errors import InputError

    text = url.strip()
    if re.match(r"^\s*(javascript|data|vbscript):", text, re.I) or _CONTROL_CHARS.search(text):
        raise InputError(f"contract URL {url!r} is not a web address")
    return text


POSTING_FIELDS = {"purpose": "the purpose of the contract",
                  "data_collected": "the student data the contract lets the vendor collect"}


def contract_posting(vendor: Vendor, board: Board, *, executed: date, contract_url: str = "",
                     library: Library | None = None, draft: bool = False) -> tuple[bytes, str]:
    """The website notice of an executed contract: DOCX bytes and an HTML fragment to paste
    into the board's website, every field escaped. The notice must state the contract's
    purpose and the student data that may be collected: without ``vendor.purpose`` and
    ``vendor.data_collected`` it raises :class:`InputError` naming both, unless ``draft``, which
    marks each for completion."""
    from generator.errors import InputError

    missing = [f for f in POSTING_FIELDS if not getattr(vendor, f)]
    if missing and not draft:
        raise InputError("the posting notice must state " + " and ".join(POSTING_FIELDS[f] for f in missing)
                         + ": the vendor file lacks " + ", ".join(missing) + " (or use --draft)")
    url = _safe_url(contract_url) if contract_url else ""
    fields = vendor.model_dump()
    shown = dict(fields)
    for f in missing:
        label = f"[TO COMPLETE: {POSTING_FIELDS[f]}]"
        fields[f] = placeholder(POSTING_FIELDS[f]) if f == "purpose" else [placeholder(POSTING_FIELDS[f])]
        shown[f] = label if f == "purpose" else [label]
    ctx = {"vendor": fields, "executed": executed, "contract_url": url}
    docx = render_letter("contract-posting", board, recipient=[board.public_page],
                         subject=f"Student data contract with {vendor.name}", context=ctx,
                         when=executed, library=library, signed=False)
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    html = env.from_string(POSTING_HTML.read_text(encoding="utf-8")).render(
        board=board.model_dump(), executed_words=long_date(executed), **{**ctx, "vendor": shown})
    return docx, html


def annual_notice(board: Board, *, when: date, library: Library | None = None) -> bytes:
    """The yearly electronic notice to students and parents of the website's address (by
    September 1, as the board's policy requires)."""
    start = when.year if when.month >= 7 else when.year - 1
    ctx = {"school_year": f"{start}-{start + 1}"}
    return render_letter("annual-notice", board, recipient=_families(board),
                         subject=f"Where to find our student data contracts ({start}-{start + 1})",
                         context=ctx, when=when, library=library)


def breach_notice(vendor: Vendor, board: Board, *, when: date, received: date, released: str,
                  actions: str, what_happened: str = "", discovered: date | None = None,
                  library: Library | None = None) -> bytes:
    """The board's electronic notice to affected students and parents of a contractor's breach,
    due two business days after the contractor's notice (§ 10-234dd)."""
    ctx = {"vendor": vendor.model_dump(), "received": received, "discovered": discovered,
           "released": released, "actions": actions, "what_happened": what_happened}
    return render_letter("breach-notice", board, recipient=["To the family of an affected student"],
                         subject=f"Important: a data security incident at {vendor.name}",
                         context=ctx, when=when, library=library)


def deletion_request(vendor: Vendor, board: Board, *, when: date, data: str, operator: bool = False,
                     library: Library | None = None) -> bytes:
    """The board's request that a contractor delete named student data under the contract's
    deletion provision (the one § 10-234bb(a)(2) requires), with the two statutory exceptions;
    with ``operator``, also the operator's own duty to delete on request (§ 10-234cc(a))."""
    return render_letter("deletion-request", board, recipient=_recipient(vendor),
                         subject="Request to delete student data", when=when, library=library,
                         context={"vendor": vendor.model_dump(), "data": data, "operator": operator})


def iep_exception(vendor: Vendor, board: Board, *, when: date, student: str, iep: bool = True,
                  library: Library | None = None, effort: str = "", equivalent_search: str = "",
                  assurances: str = "", assurance_source: str = "") -> bytes:
    """The acknowledgement and authorization a parent (and, for a child with an IEP, a member
    of the planning and placement team) signs when a service unique and necessary to the
    child's IEP or Section 504 plan cannot comply with the policy. It states the Board's effort
    to contract, its search for an equivalent, and the service's FERPA / HIPAA / § 10-234cc
    assurances (with their source) only as given; each fact not given is marked TO COMPLETE.
    Raises :class:`InputError` when ``assurances`` are given without ``assurance_source``."""
    from generator.errors import InputError

    if assurances.strip() and not assurance_source.strip():
        raise InputError("assurance_source: say where the service's assurances come from")
    ctx = {"vendor": vendor.model_dump(), "student": student, "iep": iep, "effort": effort.strip(),
           "equivalent_search": equivalent_search.strip(), "assurances": assurances.strip(),
           "assurance_source": assurance_source.strip()}
    return render_letter("iep-exception", board, recipient=[f"Parent or guardian of {student}"],
                         subject="Acknowledgement and authorization", when=when, library=library,
                         context=ctx, signed=False)
