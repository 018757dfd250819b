"""A redline of the vendor's own DOCX: each missing provision inserted and each conflicting term
struck as Word tracked changes, each with a comment that cites the law."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone

from lxml import etree

from generator.checking.analysis import check_contract
from generator.documents.citations import mark_unconfirmed
from generator.documents.letters import letter_text
from generator.documents.redline_clauses import (
    body_ppr,
    bold,
    clause_runs,
    heading_ppr,
    part_runs,
    sentence_runs,
    style_ids,
)
from generator.documents.render import render_text, to_blocks, unprotect, vendor_context
from generator.documents.tracked import (
    COMMENTS,
    DOCUMENT,
    Revisions,
    anchor_comment,
    comments_part,
    mark_paragraph,
    max_id,
    new_paragraph,
    paragraph_text,
    parse,
    runs_between,
    text_run,
    w,
    write_package,
)
from generator.documents.vendor_body import (
    Quotes,
    VendorBody,
    before_heading,
    past_heading,
    section_end,
    signature_block,
)
from generator.errors import ExtractError, InputError
from generator.findings import DRAFT_MARK, Conflict, GapReport
from generator.library import default_library
from generator.models import Board, Library, Provision, Vendor
from generator.reading.active_content import active_content, without_active_content
from generator.reading.extract import read_document
from generator.reading.sandbox import boxed

WORDING = "redline"  # clauses/letters/redline.md: the section's heading and opening, the comments
_CLAUSE_SEP = re.compile(r";\s*|,?\s+(?:but|however|although|whereas|except that)\b,?\s*", re.I)
_GOVERNING_LAW = "governing_law"
_SCHEDULE = "schedule"  # the addendum's part that inserted clauses name "Schedule A"
_SCHEDULE_NAME = re.compile(r"\bSchedule ([A-Z])\b")
# parts whose revision and comment ids share the document's numbering
_NUMBERED_PARTS = re.compile(r"word/(?:header\d*|footer\d*|footnotes|endnotes)\.xml")


@dataclass
class RedlineResult:
    """What a redline changed: the DOCX, the counts of tracked changes and comments written,
    the provisions supplied, the conflicting terms struck, and what could not be placed."""

    docx: bytes
    report: GapReport
    insertions: int = 0
    deletions: int = 0
    comments: int = 0
    supplied: list[str] = field(default_factory=list)
    struck: list[Conflict] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # the vendor's macros and remote template, left out
    confirmed_by: str = ""  # the counsel whose confirmed verdict the changes follow; "": a draft
    schedule: str = ""  # the name the board's schedule took ("Schedule A", or "Schedule B" beside the vendor's)

    @property
    def draft(self) -> bool:
        """True when the changes rest on a reading counsel has not confirmed (the document then
        opens with the draft mark)."""
        return not self.confirmed_by

    def summary(self) -> str:
        """One line, e.g. ``3 provisions inserted, 2 conflicting terms struck: 10 tracked
        insertions, 2 tracked deletions, 4 comments``."""
        s = "" if len(self.supplied) == 1 else "s"
        t = "" if len(self.struck) == 1 else "s"
        return (f"{len(self.supplied)} provision{s} inserted, "
                f"{len(self.struck)} conflicting term{t} struck: "
                f"{self.insertions} tracked insertions, {self.deletions} tracked deletions, "
                f"{self.comments} comments"
                + (f"; left out of the vendor's file: {', '.join(self.dropped)}" if self.dropped else "")
                + (f"; {DRAFT_MARK}" if self.draft else f"; following the verdict {self.confirmed_by} confirmed"))


# ---------------------------------------------------------------- choosing what to strike


def _kinds(text: str, library: Library) -> set[str]:
    """The conflict kinds the check finds in ``text`` read on its own."""
    if not text.strip():
        return set()
    try:
        doc = read_document(text.encode("utf-8"), "term.txt")
    except ExtractError:
        return set()
    return {c.kind for c in check_contract(doc, library).conflicts}


def _smallest_cut(sentence: str, kinds: set[str], library: Library) -> tuple[int, int]:
    """The smallest span of ``sentence`` whose removal leaves none of ``kinds``: one clause
    (cut at semicolons and "but", "however" …) when that is enough, else the whole sentence.
    The check itself decides, so the cut follows the library's rules as they change."""
    whole = (0, len(sentence))
    if not kinds & _kinds(sentence, library):
        return whole  # the term conflicts only in context (a lead-in, a table header)
    cuts = [m.span() for m in _CLAUSE_SEP.finditer(sentence.rstrip(".!? "))]
    if not cuts:
        return whole
    bounds = [0, *[a for a, _ in cuts], len(sentence.rstrip(".!? "))]
    after = [0, *[b for _, b in cuts]]
    spans = []
    for i in range(len(bounds) - 1):
        # a clause is struck with the separator that follows it, the last one with the one before
        span = (after[i], after[i + 1]) if i < len(bounds) - 2 else (bounds[i], bounds[i + 1])
        spans.append(span)
    for a, b in sorted(spans, key=lambda s: s[1] - s[0]):
        rest = sentence[:a] + sentence[b:]
        if not kinds & _kinds(rest, library):
            return a, b
    return whole


# ---------------------------------------------------------------- the redline


@dataclass
class _Job:
    """One redline in progress: the inputs every step needs and what has been done."""

    library: Library
    context: dict
    rev: Revisions
    result: RedlineResult
    wording: tuple[dict, str]  # clauses/letters/redline.md, read once per redline
    inserted: list[etree._Element] = field(default_factory=list)  # the clause paragraphs added

    def say(self, key: str, **values: object) -> str:
        """One sentence of the redline's wording, filled in with the library's words (never the
        vendor's), each citation the library has not verified marked "(to confirm)"."""
        text = str(self.wording[0].get(key, ""))
        said = unprotect(render_text(text, values, f"letters/{WORDING}.md {key}")).strip()
        return mark_unconfirmed(said, self.library)


@boxed  # in a child process with memory, CPU and time limits (reading/sandbox.py)
def redline_document(contract: bytes, vendor: Vendor, board: Board, *, author: str | None = None,
                     when: datetime | None = None, library: Library | None = None,
                     name: str | None = None, verdict: GapReport | None = None,
                     confirmed_by: str = "") -> RedlineResult:
    """Mark up the vendor's DOCX ``contract`` with tracked changes and comments.

    The changes follow ``verdict``, counsel's confirmed verdict on this document, when
    ``confirmed_by`` names the counsel who confirmed it (see
    :func:`generator.records.review.acting_verdict`); otherwise they follow the check's own
    reading, and the document opens with an inserted paragraph marked "DRAFT — not confirmed by
    counsel".

    Each provision found missing or partial gets the library's model clause, filled for
    ``vendor`` and titled (never numbered, so it cannot clash with the vendor's numbers), as a
    tracked insertion after the section on the same subject (or the evidence quoted for it,
    never between a heading and its paragraph), else in a new "Student data privacy
    (Connecticut)" section before the signatures; the board's schedule is added there when an
    inserted clause names it (as "Schedule A", or the first letter the vendor's document does
    not use). Each conflicting term is struck as a tracked deletion of the smallest clause that
    removes the conflict; another state's law is replaced, once, by Connecticut law. Each
    change carries a comment citing the law. Changes are by ``author`` (default the board's
    name), dated ``when`` (default now, UTC).

    ``name`` is the file's name, for messages. Returns a :class:`RedlineResult`. Raises
    :class:`ExtractError` when ``contract`` is not a readable DOCX (a PDF or text file has
    nothing to mark up: the message points to ``sdpa letter amendment``), and
    :class:`InputError` when ``verdict`` is about another document. The vendor's macros
    and remote template are left out of the redline and named in ``dropped``. Runs in a box
    (reading/sandbox.py): past its memory or time limit, :class:`TooComplex`.
    """
    library = library or default_library()
    name = name or "contract"
    pdf = not contract.startswith(b"PK\x03\x04") and b"%PDF-" in contract[:1024]
    doc = None if pdf else read_document(contract, name)  # its errors name what is wrong
    if doc is None or doc.kind != "docx":
        what = "a PDF" if doc is None or doc.kind == "pdf" else "a text file"
        raise ExtractError(f"{name}: {what} has no Word text to mark up with tracked changes; "
                           "use `sdpa letter amendment`, which encloses the addendum")
    if verdict is not None and confirmed_by:
        if verdict.sha256 != doc.sha256:
            raise InputError(f"{name}: counsel's confirmed verdict is about another document "
                             f"({verdict.document}); check and confirm this one first")
        report = verdict
    else:
        report, confirmed_by = check_contract(doc, library), ""
    dropped = active_content(contract)  # macros and a remote template never reach the board's copy
    contract = without_active_content(contract)
    package = zipfile.ZipFile(io.BytesIO(contract))
    try:
        root = parse(package.read(DOCUMENT))
        old_comments = parse(package.read(COMMENTS)) if COMMENTS in package.namelist() else None
        others = [parse(package.read(n)) for n in package.namelist()
                  if _NUMBERED_PARTS.fullmatch(n)]
        package.read("[Content_Types].xml")
    except (etree.XMLSyntaxError, KeyError) as exc:
        raise ExtractError(f"{name}: the DOCX's XML is damaged ({type(exc).__name__}: "
                           f"{str(exc)[:120]})") from None
    if any(x is not None and x.getroottree().docinfo.doctype for x in (root, old_comments)):
        # Word never writes one; entities declared there would not survive the rewrite
        raise ExtractError(f"{name}: the DOCX's XML declares a document type (DTD), which Word "
                           "documents never do; refused")
    when = when or datetime.now(timezone.utc)
    rev = Revisions(author or board.name, when, max_id(root, old_comments, *others) + 1)
    body = VendorBody.read(root)
    result = RedlineResult(b"", report, dropped=dropped, confirmed_by=confirmed_by)
    context = {"vendor": vendor_context(vendor, draft=True), "board": board.model_dump()}
    job = _Job(library, context, rev, result, letter_text(WORDING))

    replaced = _strike_conflicts(job, body)
    gaps = [f for f in report.gaps if not (f.id == _GOVERNING_LAW and replaced)]
    if replaced and len(gaps) < len(report.gaps):
        result.supplied.append(_GOVERNING_LAW)
    _insert_provisions(job, body, gaps, style_ids(package), replaced)
    if result.draft and (result.supplied or result.struck):
        _mark_draft(job, body)

    result.insertions, result.deletions = rev.insertions, rev.deletions
    result.comments = len(rev.comments)
    comments = comments_part(old_comments, rev) if rev.comments else None
    result.docx = write_package(contract, root, comments)
    return result


def redline(contract: bytes, vendor: Vendor, board: Board, *, author: str | None = None,
            when: datetime | None = None, library: Library | None = None) -> bytes:
    """The vendor's DOCX ``contract`` with the board's tracked changes and comments (see
    :func:`redline_document`); returns the DOCX bytes. Raises :class:`ExtractError` when the
    contract is not a readable DOCX."""
    return redline_document(contract, vendor, board, author=author, when=when, library=library).docx


def _copies(every: list[tuple[etree._Element, str]], terms: set[str]) -> dict[str, list[tuple[etree._Element, int]]]:
    """Each term's copies, (paragraph, offset), in document order, not overlapping one another:
    one pass over the text with an index of the terms' first characters (a scan of every
    paragraph for every term was quadratic: minutes for a contract of a few thousand terms)."""
    terms = {t for t in terms if t}
    if not terms:
        return {}
    k = min(8, min(len(t) for t in terms))
    starting: dict[str, list[str]] = {}
    for t in terms:
        starting.setdefault(t[:k], []).append(t)
    copies: dict[str, list[tuple[etree._Element, int]]] = {}
    for q, text in every:
        free: dict[str, int] = {}  # where each term's next copy may start in this paragraph
        for i in range(len(text) - k + 1):
            for t in starting.get(text[i:i + k], ()):
                if i >= free.get(t, 0) and text.startswith(t, i):
                    copies.setdefault(t, []).append((q, i))
                    free[t] = i + len(t)
    return copies


def _strike_conflicts(job: _Job, body: VendorBody) -> bool:
    """Strike each conflicting term; return True when a governing-law term was replaced by
    Connecticut law."""
    library, rev, result = job.library, job.rev, job.result
    found: dict[tuple[int, int, int], list[Conflict]] = {}
    paras: dict[int, etree._Element] = {}
    every = [(q, paragraph_text(q)) for q in body.all_paragraphs()]
    terms: list[tuple[Conflict, str]] = []
    quotes = Quotes(body.all_paragraphs())
    for c in result.report.conflicts:
        hit = quotes.find(c.text)
        if hit is None:
            result.unplaced.append(f"{c.kind} at {c.location}: {c.text}")
            continue
        p, a, b = hit
        terms.append((c, paragraph_text(p)[a:b]))
    # the check quotes a term once however often it appears: strike each copy of it
    copies = _copies(every, {term for _, term in terms})
    for c, term in terms:
        for q, at in copies.get(term, []):
            paras[id(q)] = q
            found.setdefault((id(q), at, at + len(term)), []).append(c)
    replaced = False
    order = {id(p): i for i, p in enumerate(body.all_paragraphs())}
    # in document order, right to left within a paragraph so that earlier offsets stay valid
    for (pid, a, b), conflicts in sorted(found.items(),
                                         key=lambda kv: (order[kv[0][0]], -kv[0][1])):
        p = paras[pid]
        sentence = paragraph_text(p)[a:b]
        x, y = _smallest_cut(sentence, {c.kind for c in conflicts}, library)
        start, end = a + x, a + y
        text = paragraph_text(p)
        if (x, y) == (0, len(sentence)):  # a whole sentence goes with the space beside it
            if end < len(text) and text[end] == " ":
                end = len(text) - len(text[end:].lstrip(" "))
            elif start > 0 and text[start - 1] == " ":
                start = len(text[:start].rstrip(" "))
        # a sentence that loses its opening clause starts again with a capital letter
        capital = x == 0 and y < len(sentence) and end < len(text) and text[end].islower()
        if capital:
            end += 1
        runs = runs_between(p, start, end)
        if not runs:
            result.unplaced.extend(f"{c.kind} at {c.location}: {c.text}" for c in conflicts)
            continue
        rpr = runs[-1].find(w("rPr"))
        dels = rev.delete(runs)
        last = dels[-1]
        if capital:
            ins = rev.insert_runs([text_run(text[end - 1].upper(), rpr)])
            last.addnext(ins)
            last = ins
        elif any(c.provision == _GOVERNING_LAW for c in conflicts) and not replaced:
            # Connecticut law once, in place of the first term naming another state's
            law = library.provision(_GOVERNING_LAW)
            new = sentence_runs(law, job.context)
            for r in new:
                if rpr is not None and r.find(w("rPr")) is None:
                    r.insert(0, copy.deepcopy(rpr))
            if new and end < len(text):
                new.append(text_run(" ", rpr))
            ins = rev.insert_runs(new)
            last.addnext(ins)
            last = ins
            replaced = True
        elif (start, end) == (0, len(text)) and _joins_alike(p):  # the whole paragraph goes, its mark too
            mark_paragraph(rev, p, "del")
        for c in conflicts:
            anchor_comment(rev, dels[0], last, _conflict_comment(job, c))
            if not any(c is x for x in result.struck):
                result.struck.append(c)
    return replaced


def _joins_alike(p: etree._Element) -> bool:
    """Whether deleting ``p``'s paragraph mark joins it to a paragraph formatted as it is (a
    sibling list item, plain text). Joined to a heading, LibreOffice shows the heading with
    ``p``'s formatting, its number lost: the mark then stays, an empty line once accepted."""
    nxt = p.getnext()
    if nxt is None or nxt.tag != w("p"):
        return False

    def props(q: etree._Element) -> bytes:
        ppr = copy.deepcopy(q.find(w("pPr")))
        if ppr is None:
            return b""
        for rpr in ppr.findall(w("rPr")):
            ppr.remove(rpr)
        return etree.tostring(ppr, method="c14n")

    return props(p) == props(nxt)


def _conflict_comment(job: _Job, c: Conflict) -> str:
    key = "replaced" if c.provision == _GOVERNING_LAW else "struck"
    return job.say(key, explanation=c.explanation.strip(), kind=c.kind)


def _provision_comment(job: _Job, p: Provision, status: str) -> str:
    req = p.requirement.strip()
    req = req[:1].lower() + req[1:]
    if not req.endswith("."):
        req += "."
    key = "added" if status == "missing" else "partial"
    return job.say(key, citation=p.citation, requirement=req)


def _insert_provisions(job: _Job, body: VendorBody, gaps: list, styles: set[str],
                       replaced: bool) -> None:
    """Insert each gap's clause after the block on its subject (past a heading, never between
    it and its paragraph), else in the board's section before the signatures. That section,
    opened by the paragraph that defines the words the clauses use, is added whenever any
    clause text is, and ends with the board's schedule when an inserted clause names it."""
    library, rev, result = job.library, job.rev, job.result
    signatures = signature_block(body)
    taken = set(_SCHEDULE_NAME.findall("\n".join(paragraph_text(p) for p in body.all_paragraphs())))
    quotes = Quotes(body.all_paragraphs())  # the text as it stands after the strikes
    placed: dict[int, tuple[etree._Element, list[tuple[Provision, str]]]] = {}
    homeless: list[tuple[Provision, str]] = []
    for f in gaps:
        try:
            p = library.provision(f.id)
        except KeyError:
            continue
        anchor = None
        for ev in f.evidence:
            hit = quotes.find(ev.text) if anchor is None else None
            anchor = body.block_holding(hit[0]) if hit else anchor
        anchor = anchor if anchor is not None else section_end(body, p, signatures)
        if anchor is None:
            homeless.append((p, f.status))
        else:
            anchor = past_heading(body, anchor)
            placed.setdefault(id(anchor), (anchor, []))[1].append((p, f.status))
    for anchor, items in placed.values():
        last = anchor
        for p, status in sorted(items, key=lambda x: x[0].number):
            last = _insert_clause(job, last, p, status, body_ppr(anchor))
            result.supplied.append(p.id)
    if not (homeless or placed or replaced):
        return
    meta, text = job.wording
    ppr = heading_ppr(styles)
    last = new_paragraph(rev, [text_run(str(meta.get("title", "")), None if ppr is not None else bold())], ppr)
    before = before_heading(signatures) if signatures is not None else body.body.find(w("sectPr"))
    if before is not None:
        before.addprevious(last)
    else:
        body.body.append(last)
    for block in to_blocks(render_text(text, job.context, f"letters/{WORDING}.md")):
        para = new_paragraph(rev, [text_run(block.raw)], None)
        last.addnext(para)
        last = para
    for p, status in sorted(homeless, key=lambda x: x[0].number):
        last = _insert_clause(job, last, p, status, None)
        result.supplied.append(p.id)
    _insert_schedule(job, last, taken)


def _insert_schedule(job: _Job, after: etree._Element, taken: set[str]) -> None:
    """When an inserted clause names "Schedule A", add the board's schedule after ``after``:
    as Schedule A, or, when the vendor's document has a Schedule A of its own, under the first
    letter it does not use, with the inserted clauses renamed to match."""
    if _SCHEDULE not in job.library.parts or not any("Schedule A" in paragraph_text(p) for p in job.inserted):
        return
    letter = next((x for x in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if x not in taken), "Z")
    new = [new_paragraph(job.rev, runs, None) for runs in part_runs(job.library, _SCHEDULE, job.context)]
    for para in new:
        after.addnext(para)
        after = para
    if letter != "A":
        for p in [*job.inserted, *new]:
            for t in p.iter(w("t")):
                t.text = (t.text or "").replace("Schedule A", f"Schedule {letter}")
    job.result.schedule = f"Schedule {letter}"
    anchor_comment(job.rev, new[0].find(w("ins")), new[-1].find(w("ins")), job.say("schedule"))


def _mark_draft(job: _Job, body: VendorBody) -> None:
    """Open the document with the draft mark: the changes rest on a reading counsel has not
    confirmed."""
    rpr = bold()
    etree.SubElement(rpr, w("color")).set(w("val"), "C00000")
    para = new_paragraph(job.rev, [text_run(f"{DRAFT_MARK}. {job.say('draft')}", rpr)], None)
    first = next((el for el in body.body if el.tag in (w("p"), w("tbl"), w("sdt"))), None)
    if first is not None:
        first.addprevious(para)
    else:
        body.body.insert(0, para)


def _insert_clause(job: _Job, after: etree._Element, p: Provision, status: str,
                   ppr: etree._Element | None) -> etree._Element:
    """Insert the provision's clause as tracked paragraphs after ``after``, with a comment;
    return the last paragraph inserted."""
    rev = job.rev
    new = [new_paragraph(rev, runs, ppr) for runs in clause_runs(job.library, p, job.context)]
    job.inserted += new
    last = after
    for para in new:
        last.addnext(para)
        last = para
    first_ins, last_ins = new[0].find(w("ins")), new[-1].find(w("ins"))
    anchor_comment(rev, first_ins, last_ins, _provision_comment(job, p, status))
    return last
