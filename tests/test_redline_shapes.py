"""The redline on five shapes of vendor DOCX, each written here in our own words: manual section
numbers, Word list numbering, terms in a table, a governing-law clause of two sentences, and a
document with its own "Schedule A". For each: nothing inserted twice, no inserted reference to a
part the document lacks, every heading still followed by its own paragraph, no section number
used twice, and the result with every change accepted is compliant."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from datetime import date

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator import check_contract, read_document, redline_document
from generator.documents.tracked import accept_changes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# ---------------------------------------------------------------- the five vendor documents


def _save(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _signatures(d) -> None:
    d.add_paragraph("IN WITNESS WHEREOF, the parties have signed below.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "For the Vendor: __________", "For the District: __________"
    t.cell(1, 0).text, t.cell(1, 1).text = "Date:", "Date:"


def numbered_headings() -> bytes:
    """Headings typed with their numbers ("1. Scope"), a counterparts clause that speaks of
    signing, another state's law, and no word on advertising, review or use."""
    d = docx.Document()
    d.add_heading("Lumen Quiz Platform Agreement", 0)
    sections = [
        ("Scope", "Lumen Quiz lets teachers build short quizzes that pupils answer online."),
        ("Ownership", "Student records and student-generated content stay the property of the District "
                      "and under its control; Lumen holds no ownership of them."),
        ("Security", "Lumen maintains safeguards designed to protect the security and confidentiality "
                     "of student information."),
        ("Incidents", "If Lumen discovers an unauthorized release, disclosure or acquisition of student "
                      "information, it will notify the District without unreasonable delay and within "
                      "thirty days after the discovery."),
        ("Deletion", "The District may ask Lumen in writing to delete student data, and Lumen deletes it "
                     "within thirty days, except data the law requires it to keep and backup copies held "
                     "for disaster recovery."),
        ("End of Agreement", "When this Agreement ends, Lumen will not keep student information or make it "
                             "available to anyone, except an account a student chooses to keep."),
        ("FERPA", "Lumen and the District will each comply with FERPA, 20 U.S.C. 1232g."),
        ("Law", "This Agreement is governed by the laws of the State of Ohio."),
        ("Severability", "If a provision of this Agreement is held invalid, the other provisions remain "
                         "in effect."),
        ("Counterparts", "This Agreement may be signed in counterparts, each of which is an original."),
    ]
    for i, (title, text) in enumerate(sections, 1):
        d.add_heading(f"{i}. {title}", 1)
        d.add_paragraph(text)
    _signatures(d)
    return _save(d)


def _number(p, num_id: int, level: int = 0) -> None:
    """Give paragraph ``p`` Word's own list numbering (``w:numPr``)."""
    ppr = p._p.get_or_add_pPr()
    num = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num.append(ilvl)
    num.append(nid)
    ppr.append(num)


def _decimal_list(d) -> int:
    """A numbering definition of "1.", "2." … in the document; returns its numId."""
    numbering = d.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1.")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        lvl.append(el)
    abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return 90


def list_numbering() -> bytes:
    """Section headings numbered by Word (numPr), so their numbers are not in the text; the
    vendor claims a licence to the data and keeps it a year after termination."""
    d = docx.Document()
    d.add_heading("Canopy Reading Terms for Schools", 0)
    num = _decimal_list(d)
    sections = [
        ("Services", ["Canopy Reading (\"we\", \"us\") provides guided reading books online to pupils the "
                      "District enrols."]),
        ("Customer Data", ["The District grants us a perpetual, irrevocable, worldwide licence to use, "
                           "copy and modify the content and data pupils submit.",
                           "Canopy uses student information only to provide the service to the District."]),
        ("Security", ["Canopy takes measures designed to ensure the security and confidentiality of "
                      "student information."]),
        ("Breach", ["Canopy will notify the District of any unauthorized release, disclosure or "
                    "acquisition of student information without unreasonable delay and within thirty "
                    "days of discovering it."]),
        ("Deletion", ["The District may request deletion of student data by writing to Canopy, which "
                      "deletes it within thirty days, except copies the law requires it to keep or held "
                      "for disaster recovery."]),
        ("Term", ["Canopy keeps student data for twelve months after termination of this Agreement."]),
        ("Legal", ["Canopy and the District will each comply with FERPA, 20 U.S.C. 1232g.",
                   "These terms are governed by the laws of the State of Connecticut.",
                   "If any term is held invalid, the remaining terms stay in force."]),
    ]
    for title, paras in sections:
        h = d.add_heading(title, 1)
        _number(h, num)
        for text in paras:
            d.add_paragraph(text)
    _signatures(d)
    return _save(d)


def terms_in_a_table() -> bytes:
    """The data terms laid out in a table of topic and term, with a retention tail."""
    d = docx.Document()
    d.add_heading("Orbit Science Lab: Data Terms", 0)
    d.add_paragraph("This schedule sets out how Orbit handles the District's data.")
    rows = [
        ("Topic", "Term"),
        ("Ownership", "Student information and student records remain the property of the District and "
                      "under its control."),
        ("Security", "Orbit keeps safeguards designed to ensure the security and confidentiality of student "
                     "information."),
        ("Breach", "Orbit will notify the District of an unauthorized release, disclosure or acquisition of "
                   "student information without unreasonable delay and within thirty days of discovery."),
        ("Retention", "Orbit may retain student information for twelve months after termination."),
        ("FERPA", "Orbit and the District will each comply with FERPA, 20 U.S.C. 1232g."),
    ]
    t = d.add_table(rows=len(rows), cols=2)
    for r, (a, b) in enumerate(rows):
        t.cell(r, 0).text, t.cell(r, 1).text = a, b
    d.add_heading("General", 1)
    d.add_paragraph("If any part of these terms is held invalid, the rest remains in force.")
    _signatures(d)
    return _save(d)


def _document(title: str, sections: list[tuple[str, list[str]]],
              after: list[tuple[str, list[str]]] = ()) -> bytes:
    """A DOCX of a title, sections of a heading and paragraphs, the signatures, then ``after``."""
    d = docx.Document()
    d.add_heading(title, 0)
    for part in (sections, None, after):
        if part is None:
            _signatures(d)
            continue
        for heading, paras in part:
            d.add_heading(heading, 1)
            for text in paras:
                d.add_paragraph(text)
    return _save(d)


def two_sentence_law() -> bytes:
    """A governing-law clause of two sentences, both naming another state."""
    return _document("Tally Math Subscription", [
        ("Data", ["Student information and student-generated content remain the property of the District "
                  "and under its control; Tally has no ownership of them.",
                  "Tally uses student information only to provide the service and for no other purpose.",
                  "Tally maintains safeguards designed to ensure the security and confidentiality of "
                  "student information.",
                  "Tally will notify the District of an unauthorized release, disclosure or acquisition of "
                  "student information without unreasonable delay and within thirty days of discovery."]),
        ("Governing Law", ["This Agreement is governed by the laws of the State of Vermont. Any dispute under "
                           "it will be decided under Vermont law in the courts of Chittenden County."]),
        ("Miscellaneous", ["If any provision is held invalid, the remaining provisions remain in effect."]),
    ])


def own_schedule_a() -> bytes:
    """A document that already has a "Schedule A" of its own: the vendor's price list."""
    return _document("Harbor Writing Coach Order Terms", [
        ("1. Fees", ["The District pays the fees listed in Schedule A."]),
        ("2. Student Data", ["Student records remain the property of the District and under its control.",
                             "Harbor takes actions designed to ensure the security and confidentiality of "
                             "student information.",
                             "Harbor will notify the District of an unauthorized release, disclosure or "
                             "acquisition of student information without unreasonable delay and within "
                             "thirty days of discovery.",
                             "Harbor and the District will each comply with FERPA, 20 U.S.C. 1232g."]),
        ("3. General", ["This Agreement is governed by the laws of the State of Connecticut. If any provision "
                        "is held invalid, the other provisions remain in effect."]),
    ], after=[("Schedule A: Fees", ["Annual licence for up to 500 pupils: $2,400."])])


SHAPES = {"numbered headings": numbered_headings, "Word list numbering": list_numbering,
          "terms in a table": terms_in_a_table, "two-sentence governing law": two_sentence_law,
          "an existing Schedule A": own_schedule_a}


# ---------------------------------------------------------------- reading the result


def _paragraphs(data: bytes) -> list[tuple[str, bool]]:
    """Each top-level paragraph of the body (tables left out) as (text, is a heading)."""
    d = docx.Document(io.BytesIO(data))
    return [(p.text.strip(), p.style.name.lower().startswith(("heading", "title")) or _bold(p))
            for p in d.paragraphs]


def _bold(p) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs) and len(p.text) < 90


def _inserted_paragraphs(data: bytes) -> list[str]:
    """The text of each paragraph the redline inserted (its mark a tracked insertion)."""
    root = docx.Document(io.BytesIO(data)).element.body
    return ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")
            if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]


def _inserted_sentences(data: bytes) -> list[str]:
    root = docx.Document(io.BytesIO(data)).element.body
    text = " ".join("".join(t.text or "" for t in i.iter(W + "t")) for i in root.iter(W + "ins")
                    if i.getparent().tag != W + "rPr")
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if len(s.strip()) > 30]


def _numbers(data: bytes) -> list[str]:
    """The section numbers a reader sees on headings: typed ("3. Security") or drawn by Word."""
    out = []
    counter = 0
    for p in docx.Document(io.BytesIO(data)).paragraphs:
        if not p.style.name.lower().startswith("heading") and not _bold(p):
            continue
        if p._p.find(f"{W}pPr/{W}numPr") is not None:
            num = p._p.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val")
            if num != "0":
                counter += 1
                out.append(str(counter))
                continue
        m = re.match(r"(\d+)\.\s", p.text)
        if m:
            out.append(m.group(1))
    return out


# ---------------------------------------------------------------- the tests


@pytest.fixture(scope="module", params=list(SHAPES))
def shape(request, board, library):
    from generator.models import Vendor
    from tests.conftest import ROOT

    vendor = Vendor(**json.loads((ROOT / "examples" / "vendor.json").read_text()))
    original = SHAPES[request.param]()
    result = redline_document(original, vendor, board, library=library, name="vendor.docx")
    return request.param, original, result


def test_the_vendor_document_needs_changes(shape, library):
    name, original, result = shape
    report = check_contract(read_document(original, "vendor.docx"), library)
    assert report.gaps and result.supplied, name


def test_every_conflicting_term_is_struck(shape):
    name, _, result = shape
    assert result.unplaced == [], name
    assert sorted(c.text for c in result.struck) == sorted(c.text for c in result.report.conflicts), name
    kinds = {"Word list numbering": {"ownership", "retention"}, "terms in a table": {"retention"},
             "two-sentence governing law": {"governing_law_other_state"},
             "numbered headings": {"governing_law_other_state"}}
    assert {c.kind for c in result.struck} == kinds.get(name, set()), name


def test_nothing_is_inserted_twice(shape):
    name, _, result = shape
    paragraphs = [p for p in _inserted_paragraphs(result.docx) if p.strip()]
    assert not [p for p, n in Counter(paragraphs).items() if n > 1], name
    sentences = _inserted_sentences(result.docx)
    assert not [s for s, n in Counter(sentences).items() if n > 1], name
    law = [s for s in sentences if s.startswith("The laws of the State of Connecticut govern")]
    assert len(law) <= 1, name


def test_every_schedule_an_insertion_names_is_in_the_document(shape):
    name, _, result = shape
    accepted = docx.Document(io.BytesIO(accept_changes(result.docx)))
    text = "\n".join(p.text for p in accepted.paragraphs)
    for ins in _inserted_sentences(result.docx):
        for ref in re.findall(r"Schedule [A-Z]\b", ins):
            titles = [p.text for p in accepted.paragraphs if p.text.startswith(ref)
                      and (p.style.name.lower().startswith("heading") or _bold(p))]
            assert titles, f"{name}: {ref} is named but no part of the document is titled so"
    if name == "an existing Schedule A":
        # the vendor's price list keeps its name; the board's schedule takes another
        schedules = [p.text for p in accepted.paragraphs if re.match(r"Schedule [A-Z]:", p.text)]
        assert "Schedule A: Fees" in schedules and len(schedules) == len(set(s[:10] for s in schedules))
        assert "fees listed in Schedule A" in text


def test_every_heading_keeps_its_own_paragraph(shape):
    name, original, result = shape
    before = _paragraphs(original)
    follows = {text: before[i + 1][0] for i, (text, heading) in enumerate(before[:-1])
               if heading and text and not before[i + 1][1]}
    marked = docx.Document(io.BytesIO(result.docx)).paragraphs
    for i, p in enumerate(marked[:-1]):
        if p.text.strip() in follows and p._p.find(f"{W}pPr/{W}rPr/{W}ins") is None:
            nxt = marked[i + 1]._p
            assert nxt.find(f"{W}pPr/{W}rPr/{W}ins") is None, f"{name}: an insertion after {p.text!r}"
            # the vendor's own paragraph, whatever was struck in it or added to it
            vendor_text = "".join(t.text or "" for t in nxt.iter(W + "t", W + "delText")
                                  if t.getparent().getparent().tag != W + "ins")
            assert vendor_text == follows[p.text.strip()], name


def test_no_section_number_is_used_twice(shape):
    name, _, result = shape
    numbers = _numbers(accept_changes(result.docx))
    assert len(numbers) == len(set(numbers)), f"{name}: {numbers}"


def test_accepting_every_change_gives_eleven_of_eleven_and_no_conflict(shape, library):
    name, _, result = shape
    report = check_contract(read_document(accept_changes(result.docx), "accepted.docx"), library)
    assert [f.id for f in report.gaps] == [], f"{name}: {report.summary()}"
    assert report.conflicts == [], f"{name}: {[c.text for c in report.conflicts]}"


def test_an_unconfirmed_redline_says_it_is_a_draft(shape):
    name, _, result = shape
    from generator.findings import DRAFT_MARK

    assert result.draft
    assert any(DRAFT_MARK in p for p in _inserted_paragraphs(result.docx)), name


# ---------------------------------------------------------------- counsel's verdict


def test_the_redline_follows_counsels_confirmed_verdict(board, library, vendor):
    original = two_sentence_law()
    reading = check_contract(read_document(original, "vendor.docx"), library)
    assert reading.conflicts and reading.finding("review_correction").status == "missing"
    # counsel holds the governing-law terms no conflict and review and correction present
    confirmed = reading.model_copy(update={
        "conflicts": [],
        "provisions": [f.model_copy(update={"status": "present"}) if f.id == "review_correction" else f
                       for f in reading.provisions]})
    result = redline_document(original, vendor, board, library=library, verdict=confirmed,
                              confirmed_by="lee.counsel@district.example")
    assert not result.draft and result.deletions == 0
    inserted = _inserted_paragraphs(result.docx)
    assert not any("DRAFT" in p for p in inserted)
    assert "Review and correction by students and parents" not in inserted
    assert "no_advertising" in result.supplied and "review_correction" not in result.supplied
    assert "lee.counsel@district.example" in result.summary()


def test_a_verdict_on_another_document_is_refused(board, library, vendor):
    from generator import InputError

    other = check_contract(read_document(numbered_headings(), "other.docx"), library)
    with pytest.raises(InputError, match="another document"):
        redline_document(two_sentence_law(), vendor, board, library=library, verdict=other,
                         confirmed_by="lee.counsel@district.example")


def test_the_cli_redline_is_a_draft_until_counsel_confirms(tmp_path):
    from typer.testing import CliRunner

    from generator.cli.commands import app
    from generator.records.register import Register
    from generator.records.review import Decision, review_check
    from tests.conftest import ROOT

    src = tmp_path / "tally.docx"
    src.write_bytes(two_sentence_law())
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    with Register(url, actor="lee@district.example") as reg:
        cid = reg.add_contract(vendor="Tally", product="Tally Math", executed=date(2019, 3, 1))
        reading = check_contract(read_document(src), None)
        reg.record_check(cid, reading.model_dump(mode="json"), date(2027, 1, 4))
    args = ["redline", str(src), "--vendor", str(ROOT / "examples" / "vendor.json"),
            "--register-contract", str(cid), "--db", url]
    runner = CliRunner()
    res = runner.invoke(app, [*args, "--out", str(tmp_path / "draft.docx")])
    assert res.exit_code == 0, res.output
    assert "DRAFT" in res.stdout
    assert any(p.startswith("DRAFT — not confirmed by counsel") for p in
               _inserted_paragraphs((tmp_path / "draft.docx").read_bytes()))
    with Register(url, actor="lee@district.example") as reg:
        review_check(reg, cid, role="counsel", confirm_rest=True,
                     conflicts={i: Decision("no conflict", "counsel accepts the Vermont venue")
                                for i in range(1, len(reading.conflicts) + 1)})
    res = runner.invoke(app, [*args, "--out", str(tmp_path / "final.docx")])
    assert res.exit_code == 0 and "confirmed by lee@district.example" in res.stdout
    final = (tmp_path / "final.docx").read_bytes()
    assert not any("DRAFT" in p for p in _inserted_paragraphs(final))
    accepted = "\n".join(p.text for p in docx.Document(io.BytesIO(accept_changes(final))).paragraphs)
    assert "laws of the State of Vermont" in accepted  # counsel let the term stand
