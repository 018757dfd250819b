"""Tracked changes and comments written straight into a DOCX package's WordprocessingML.

Only what a redline needs: a paragraph's live text with a map back to its ``w:t`` elements,
runs split where a change starts or ends, ``w:del`` around deleted runs, ``w:ins`` around new
runs and new paragraphs, and comments in ``word/comments.xml`` with their relationship and
content type. Every other part of the package is copied byte for byte.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
DOCUMENT = "word/document.xml"
COMMENTS = "word/comments.xml"
DOC_RELS = "word/_rels/document.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"

# No network, no entity expansion, no huge trees: the package comes from the vendor.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          remove_blank_text=False)
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: ``w("p")`` → ``{…/main}p``."""
    return f"{{{W_NS}}}{tag}"


def parse(data: bytes) -> etree._Element:
    """Parse one XML part of the package safely."""
    return etree.fromstring(data, _PARSER)


# ---------------------------------------------------------------- reading a paragraph


def is_own(t: etree._Element, p: etree._Element) -> bool:
    """True when ``t`` belongs to paragraph ``p`` itself (not to a text box nested inside it)."""
    node = t.getparent()
    while node is not None and node.tag != w("p"):
        node = node.getparent()
    return node is p


def text_elements(p: etree._Element) -> list[etree._Element]:
    """The paragraph's live ``w:t`` elements in order (deleted text is ``w:delText``, not here)."""
    return [t for t in p.iter(w("t")) if is_own(t, p)]


def paragraph_text(p: etree._Element) -> str:
    """The text a reader sees in the paragraph (deleted text excluded)."""
    return "".join(t.text or "" for t in text_elements(p))


# ---------------------------------------------------------------- splitting runs


def _set_text(t: etree._Element, text: str) -> None:
    t.text = text
    t.set(XML_SPACE, "preserve")


def split_at(p: etree._Element, offset: int) -> None:
    """Make a run boundary at character ``offset`` of the paragraph's text (a run is split
    only when the offset falls inside it; its formatting is copied to both halves)."""
    pos = 0
    for t in text_elements(p):
        n = len(t.text or "")
        if pos < offset < pos + n or (offset == pos + n and n and t.getnext() is not None
                                      and t.getparent().tag == w("r")):
            _split_run(t, offset - pos)
            return
        pos += n
        if pos > offset:
            return


def _split_run(t: etree._Element, k: int) -> None:
    run = t.getparent()
    if run.tag != w("r"):
        return
    text = t.text or ""
    second = etree.Element(run.tag, attrib=dict(run.attrib), nsmap=run.nsmap)
    rpr = run.find(w("rPr"))
    if rpr is not None:
        second.append(copy.deepcopy(rpr))
    if k < len(text):
        t2 = etree.SubElement(second, w("t"))
        _set_text(t2, text[k:])
        _set_text(t, text[:k])
    for sib in list(t.itersiblings()):
        second.append(sib)
    if len([c for c in second if c.tag != w("rPr")]) == 0:
        return
    run.addnext(second)


def runs_between(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs holding characters ``start`` to ``end`` of the paragraph's text, split first so
    that they hold exactly those characters; runs without text between them come along."""
    split_at(p, start)
    split_at(p, end)
    pos = 0
    first = last = None
    for t in text_elements(p):
        n = len(t.text or "")
        if n and start <= pos and pos + n <= end:
            first = first if first is not None else t.getparent()
            last = t.getparent()
        pos += n
    if first is None:
        return []
    runs = [r for r in p.iter(w("r")) if is_own(r, p)]
    i, j = runs.index(first), runs.index(last)
    return [r for r in runs[i:j + 1] if r.getparent().tag != w("del")]


# ---------------------------------------------------------------- revisions


@dataclass
class Revisions:
    """Author, date and the next free id for the revisions and comments added to one package."""

    author: str
    when: datetime
    next_id: int
    comments: list[tuple[int, str]] = field(default_factory=list)
    insertions: int = 0
    deletions: int = 0

    @property
    def date(self) -> str:
        """``when`` in UTC as Word writes it (a naive ``when`` is taken as UTC)."""
        when = self.when.astimezone(timezone.utc) if self.when.tzinfo else self.when
        return when.strftime("%Y-%m-%dT%H:%M:%SZ")

    def mark(self, tag: str) -> etree._Element:
        """A new ``w:ins``/``w:del`` (or paragraph-mark) element with id, author and date."""
        el = etree.Element(w(tag))
        el.set(w("id"), str(self.next_id))
        el.set(w("author"), self.author)
        el.set(w("date"), self.date)
        self.next_id += 1
        return el

    def delete(self, runs: list[etree._Element]) -> list[etree._Element]:
        """Wrap ``runs`` in ``w:del`` (one per stretch of runs sharing a parent), their text
        turned into ``w:delText``; return the ``w:del`` elements."""
        dels: list[etree._Element] = []
        current = None
        for r in runs:
            for t in r.iter(w("t")):
                t.tag = w("delText")
                t.set(XML_SPACE, "preserve")
            for t in r.iter(w("instrText")):
                t.tag = w("delInstrText")
            if current is None or current.getnext() is not r:
                current = self.mark("del")
                r.addprevious(current)
                dels.append(current)
                self.deletions += 1
            current.append(r)
        return dels

    def insert_runs(self, runs: list[etree._Element]) -> etree._Element:
        """A ``w:ins`` holding ``runs``."""
        ins = self.mark("ins")
        for r in runs:
            ins.append(r)
        self.insertions += 1
        return ins

    def comment(self, text: str) -> int:
        """Register a comment with ``text``; return its id for the range and reference."""
        cid = self.next_id
        self.next_id += 1
        self.comments.append((cid, text))
        return cid


def text_run(text: str, rpr: etree._Element | None = None) -> etree._Element:
    """A run with ``text`` taken literally (escaped by lxml, never parsed as markup)."""
    r = etree.Element(w("r"))
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    _set_text(etree.SubElement(r, w("t")), _XML_BAD.sub("", text))
    return r


def mark_paragraph(rev: Revisions, p: etree._Element, tag: str) -> None:
    """Mark the paragraph mark of ``p`` as inserted (``tag`` ``ins``) or deleted (``del``):
    accepting a deleted mark joins the paragraph to the next, as Word does."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        later = [el for el in ppr if el.tag in (w("sectPr"), w("pPrChange"))]
        if later:
            later[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, rev.mark(tag))


_BEFORE_NUMPR = {w(t) for t in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")}


def new_paragraph(rev: Revisions, runs: list[etree._Element],
                  ppr: etree._Element | None) -> etree._Element:
    """A paragraph whose content and paragraph mark are both tracked insertions."""
    p = etree.Element(w("p"))
    ppr = copy.deepcopy(ppr) if ppr is not None else etree.Element(w("pPr"))
    for tag in ("numPr", "sectPr", "pPrChange", "rPr"):
        for el in ppr.findall(w(tag)):
            ppr.remove(el)
    style = ppr.find(w("pStyle"))
    if style is not None:  # a style may carry list numbering: the new paragraph takes no number
        num = etree.Element(w("numPr"))
        etree.SubElement(num, w("ilvl")).set(w("val"), "0")
        etree.SubElement(num, w("numId")).set(w("val"), "0")
        before = [el for el in ppr if el.tag in _BEFORE_NUMPR]  # the schema's order
        before[-1].addnext(num)
    p.append(ppr)
    mark_paragraph(rev, p, "ins")
    p.append(rev.insert_runs(runs))
    return p


def anchor_comment(rev: Revisions, first: etree._Element, last: etree._Element, text: str) -> None:
    """Attach a comment with ``text`` to the content from ``first`` to ``last`` (siblings in
    a paragraph, or the first and last content of a run of paragraphs)."""
    cid = rev.comment(text)
    start = etree.Element(w("commentRangeStart"))
    start.set(w("id"), str(cid))
    end = etree.Element(w("commentRangeEnd"))
    end.set(w("id"), str(cid))
    ref = etree.Element(w("r"))
    etree.SubElement(ref, w("commentReference")).set(w("id"), str(cid))
    first.addprevious(start)
    last.addnext(end)
    end.addnext(ref)


def max_id(*roots: etree._Element | None) -> int:
    """The largest numeric ``w:id`` used in the given parts (0 when none)."""
    best = 0
    for root in roots:
        if root is None:
            continue
        for el in root.iter():
            v = el.get(w("id")) if isinstance(el.tag, str) else None
            if v and v.lstrip("-").isdigit():
                best = max(best, int(v))
    return best


# ---------------------------------------------------------------- the package


def comments_part(existing: etree._Element | None, rev: Revisions) -> etree._Element:
    """``word/comments.xml`` with the new comments appended to any the vendor had."""
    root = existing if existing is not None else etree.Element(w("comments"), nsmap={"w": W_NS})
    initials = "".join(part[0] for part in rev.author.split() if part[:1].isalnum())[:4].upper()
    for cid, text in rev.comments:
        c = etree.SubElement(root, w("comment"))
        c.set(w("id"), str(cid))
        c.set(w("author"), rev.author)
        c.set(w("date"), rev.date)
        if initials:
            c.set(w("initials"), initials)
        p = etree.SubElement(c, w("p"))
        etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle")).set(w("val"), "CommentText")
        etree.SubElement(etree.SubElement(p, w("r")), w("annotationRef"))  # as Word writes it
        p.append(text_run(text))
    return root


def _with_comments_rel(rels: etree._Element) -> etree._Element:
    for rel in rels:
        if rel.get("Type") == COMMENTS_TYPE:
            return rels
    ids = {rel.get("Id") for rel in rels}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    rel = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
    rel.set("Id", f"rId{n}")
    rel.set("Type", COMMENTS_TYPE)
    rel.set("Target", "comments.xml")
    return rels


def _with_comments_type(types: etree._Element) -> etree._Element:
    for o in types:
        if o.get("PartName") == "/" + COMMENTS:
            return types
    o = etree.SubElement(types, f"{{{CT_NS}}}Override")
    o.set("PartName", "/" + COMMENTS)
    o.set("ContentType", COMMENTS_CT)
    return types


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_package(original: bytes, document: etree._Element,
                  comments: etree._Element | None) -> bytes:
    """The package ``original`` with ``document`` as its main part and, when given,
    ``comments`` as its comments part (relationship and content type added when missing);
    every other part is copied unchanged."""
    src = zipfile.ZipFile(io.BytesIO(original))
    names = {i.filename for i in src.infolist()}
    replaced = {DOCUMENT: _xml(document)}
    if comments is not None:
        replaced[COMMENTS] = _xml(comments)
        rels = parse(src.read(DOC_RELS)) if DOC_RELS in names else etree.Element(
            f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
        replaced[DOC_RELS] = _xml(_with_comments_rel(rels))
        replaced[CONTENT_TYPES] = _xml(_with_comments_type(parse(src.read(CONTENT_TYPES))))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = replaced.pop(info.filename, None)
            out.writestr(info, data if data is not None else src.read(info.filename))
        # new parts are dated like the document: the same input gives the same bytes
        stamp = src.getinfo(DOCUMENT).date_time
        for name, data in replaced.items():  # parts the vendor's package did not have
            out.writestr(zipfile.ZipInfo(name, date_time=stamp), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# ---------------------------------------------------------------- accepting every change


def unwrap(el: etree._Element) -> None:
    """Put ``el``'s children in its place and remove ``el`` (a ``w:ins`` accepted)."""
    parent = el.getparent()
    for child in list(el):
        el.addprevious(child)
    parent.remove(el)


def accept_changes(data: bytes) -> bytes:
    """The DOCX ``data`` with every tracked change accepted, as Word's "Accept All Changes"
    does: deleted runs removed, a paragraph whose mark was deleted joined to the next,
    inserted runs and paragraphs kept as ordinary text; comments are left as they are.
    Returns the DOCX bytes. Raises :class:`lxml.etree.XMLSyntaxError` on a damaged body."""
    src = zipfile.ZipFile(io.BytesIO(data))
    root = parse(src.read(DOCUMENT))
    for d in list(root.iter(w("del"))):
        if d.getparent().tag != w("rPr"):
            d.getparent().remove(d)
    for p in list(root.iter(w("p"))):  # a deleted paragraph mark joins the paragraph to the next
        if p.find(f"{w('pPr')}/{w('rPr')}/{w('del')}") is not None:
            following = p.getnext()
            content = [c for c in p if c.tag != w("pPr")]
            if following is not None and following.tag == w("p"):
                at = 1 if following.find(w("pPr")) is not None else 0
                for c in reversed(content):
                    following.insert(at, c)
            p.getparent().remove(p)
    for i in list(root.iter(w("ins"))):
        if i.getparent().tag == w("rPr"):
            i.getparent().remove(i)
        else:
            unwrap(i)
    return write_package(data, root, None)
