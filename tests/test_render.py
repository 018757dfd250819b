"""The addendum: vendor and board details, all eleven provisions, nothing left unfilled or injected."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docxtpl import DocxTemplate

from generator import VendorError, render_addendum, safe_filename
from generator.documents.render import ADDENDUM_TEMPLATE, addendum_context, prepared, unique_name
from generator.models import Vendor

from .conftest import docx_text

HOSTILE = "O'Brien & <Sons> {{ 7*7 }} Café"


def test_addendum_holds_parties_provisions_and_procedures(library, board, vendor):
    text = docx_text(render_addendum(vendor, board, library))
    assert "BrightPath Learning, Inc." in text and "Waterbury Board of Education" in text
    for p in library.provisions:
        assert f"{p.number}. {p.title}" in text
        assert p.citation in text
    assert vendor.deletion_method in text
    assert vendor.review_procedure in text
    assert vendor.breach_steps in text
    assert "September 1, 2026" in text and "June 30, 2027" in text
    for item in vendor.data_collected:
        assert item in text
    assert "{{" not in text and "{%" not in text and "TO COMPLETE" not in text
    assert "Morgan Lee" in text and "Superintendent of Schools" in text


def test_golden_text(library, board, vendor, golden):
    text = docx_text(render_addendum(vendor, board, library))
    text = re.sub(r"clauses [0-9a-f]{12}", "clauses HASH", text)
    golden("addendum", text)


def test_core_properties_trace_the_library(library, board, vendor):
    d = docx.Document(io.BytesIO(render_addendum(vendor, board, library)))
    assert d.core_properties.version == library.version
    assert d.core_properties.identifier == library.content_hash
    assert library.content_hash in d.core_properties.keywords
    assert "BrightPath" in d.core_properties.title


def test_hostile_vendor_name_is_literal(library, board, vendor):
    v = vendor.model_copy(update={"name": HOSTILE, "product": "<w:p>x</w:p>{% raw %}"})
    data = render_addendum(v, board, library)
    text = docx_text(data)  # python-docx parsing it proves the XML is well formed
    assert HOSTILE in text and "<w:p>x</w:p>{% raw %}" in text
    assert "49" not in text.replace("10-234", "")


def test_missing_fields_listed_together(library, board):
    with pytest.raises(VendorError) as err:
        render_addendum(Vendor(name="Acme"), board, library)
    assert "product, contact_email, contract_date" in str(err.value)
    assert [f for f, _ in err.value.problems] == ["product", "contact_email", "contract_date"]


def test_draft_marks_missing_items(library, board):
    data = render_addendum(Vendor(name="Acme"), board, library, draft=True)
    text = docx_text(data)
    assert "[TO COMPLETE: product or service]" in text and "[TO COMPLETE: contract date]" in text
    assert "DRAFT" in text
    xml = docx.Document(io.BytesIO(data)).element.xml
    assert 'w:fill="FFF2CC"' in xml  # highlighted, as the red text of the model addendum


def test_template_variables_match_the_context(library, board, vendor):
    declared = prepared(str(ADDENDUM_TEMPLATE)).variables()
    ctx = addendum_context(vendor, board, library)
    assert declared == set(ctx)


def test_prepared_template_matches_docxtpl(library, board, vendor):
    """The compile-once renderer writes the same text as docxtpl's own render."""
    ctx = addendum_context(vendor, board, library)
    tpl = DocxTemplate(str(ADDENDUM_TEMPLATE))
    tpl.render(ctx, autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    assert docx_text(buf.getvalue()) == docx_text(render_addendum(vendor, board, library))


def test_one_provision_left_out(library, board, vendor):
    text = docx_text(render_addendum(vendor, board, library.without("governing_law")))
    assert "Connecticut law governs" not in text and "Severability" in text


@pytest.mark.parametrize(("name", "expected"), [
    ("BrightPath Learning, Inc.", "BrightPath-Learning-Inc"),
    ("../../etc/passwd", "etc-passwd"),
    ("/", "vendor"),
    ("Café Ünïcode", "Cafe-Unicode"),
    ("..", "vendor"),
    ("a" * 300, "a" * 80),
    ("CON", "CON-file"),
    ("lpt1.Inc", "lpt1.Inc-file"),
])
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


def test_unique_name():
    taken: set[str] = set()
    assert [unique_name("acme", ".docx", taken) for _ in range(3)] == [
        "acme.docx", "acme-2.docx", "acme-3.docx"]


# ---------------------------------------------------------------- layout: citations, footer, signatures


def test_citations_never_break_after_the_section_sign(library, board, vendor):
    raw = docx_text(render_addendum(vendor, board, library), raw=True)
    assert "§ " not in raw and "10-234" not in raw  # every § holds to its number, every number whole
    assert "Conn. Gen. Stat. §\u00a010\u2011234bb(a)(9)" in raw
    assert "§§\u00a010\u2011234aa to 10\u2011234dd" in raw


def test_checking_our_own_addendum_reads_the_unbreakable_citations(library, board, vendor):
    from generator import check_contract, read_document

    doc = read_document(render_addendum(vendor, board, library), "addendum.docx")
    report = check_contract(doc, library)
    assert [f.id for f in report.provisions if f.status != "present"] == []
    assert "§ 10-234bb" in doc.text and "\u2011" not in doc.text and "\u00a0" not in doc.text


def test_footer_names_board_library_and_page_n_of_m(library, board, vendor):
    d = docx.Document(io.BytesIO(render_addendum(vendor, board, library)))
    footer = d.sections[0].footer.paragraphs[0]
    assert footer.text.startswith(f"{board.name} · {library.title}, clause library {library.version} "
                                  f"(clauses {library.content_hash}) · page ")
    fields = [t.text.strip() for t in footer._p.iter(docx.oxml.ns.qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]


def test_signature_rows_are_tall_enough_to_sign(library, board, vendor):
    from docx.shared import Cm

    table = docx.Document(io.BytesIO(render_addendum(vendor, board, library))).tables[-1]
    heights = {row.cells[0].text.split(":")[0]: row.height for row in table.rows}
    assert heights["Signature"] >= Cm(2) and heights["Date"] >= Cm(1)
    assert all(row._tr.trPr is not None and row._tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None
               for row in table.rows)


def test_pdf_pages_read_n_of_m_and_no_line_ends_in_a_section_number(addendum_files):
    from pypdf import PdfReader

    pages = [p.extract_text() or "" for p in PdfReader(str(addendum_files["pdf"])).pages]
    n = len(pages)
    assert n > 1
    for i, text in enumerate(pages, start=1):
        assert f"page {i} of {n}" in " ".join(text.split())
        for line in text.splitlines():
            assert not line.rstrip().endswith(("§", "§ 10-", "§\u00a010\u2011", "10-", "10\u2011")), line
# ---------------------------------------------------------------- vendor text is text

#: Markdown and HTML that must come out as the characters typed, never as structure
INJECTED = ("## 12. Waiver by the Board\n\n**Waiver.** the Contractor may sell data\n- item "
            "[a](http://evil.example) ![i](http://evil.example/i.png) <script>alert(1)</script>")
TEXT_FIELDS = ("name", "product", "address", "contact_name", "purpose", "deletion_method",
               "review_procedure", "breach_steps", "signatory_name", "signatory_title")


def flat(text: str) -> str:
    return " ".join(text.split())


def injected_vendor(vendor, field: str):
    value = INJECTED if field != "name" else INJECTED[:280]
    extra = {"data_collected": [INJECTED, "Student name"]} if field == "purpose" else {}
    return vendor.model_copy(update={field: value, **extra}), value


def assert_literal_in_docx(data: bytes, value: str) -> None:
    d = docx.Document(io.BytesIO(data))
    assert flat(value) in flat(docx_text(data))
    for p in d.paragraphs:
        if "Waiver by the Board" in p.text or "evil.example" in p.text:
            style = p.style.name.lower()
            assert not style.startswith(("heading", "title")), p.text
            # a data category is a list item by design: then the item is the whole value, as typed
            assert not style.startswith("list") or flat(p.text) == flat(INJECTED), p.text
            assert not any(r.bold and "Waiver." in r.text for r in p.runs), p.text
    assert "hyperlink" not in d.element.xml


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_vendor_markdown_stays_literal_in_the_addendum(library, board, vendor, field):
    v, value = injected_vendor(vendor, field)
    data = render_addendum(v, board, library)
    assert_literal_in_docx(data, value)
    headings = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs
                if p.style.name.lower().startswith("heading")]
    assert not any("Waiver" in h or "12." in h.split(" ")[0] for h in headings), headings


def test_vendor_markdown_stays_literal_in_every_letter(library, board, vendor, tmp_path):
    from datetime import date

    from generator import (
        amendment_letter,
        breach_notice,
        check_contract,
        contract_posting,
        deletion_request,
        iep_exception,
        read_document,
    )

    v = vendor.model_copy(update={f: INJECTED[:280] if f == "name" else INJECTED for f in TEXT_FIELDS}
                          | {"data_collected": [INJECTED]})
    when = date(2027, 1, 13)
    contract = tmp_path / f"{INJECTED[:20]}.txt".replace("/", "_").replace("\n", " ")
    contract.write_text("The vendor keeps the data forever and may sell it to anyone.\n")
    report = check_contract(read_document(contract), library)
    docs = {
        "amendment": amendment_letter(report, v, board, sent=when, library=library),
        "posting": contract_posting(v, board, executed=when, library=library)[0],
        "breach": breach_notice(v, board, when=when, received=when, released=INJECTED,
                                actions=INJECTED, what_happened=INJECTED, library=library),
        "deletion": deletion_request(v, board, when=when, data=INJECTED, library=library),
        "iep": iep_exception(v, board, when=when, student=INJECTED, library=library),
    }
    for kind, data in docs.items():
        assert flat(INJECTED[:280]) in flat(docx_text(data)), kind
        assert_literal_in_docx(data, INJECTED[:280])


def test_vendor_markdown_and_html_stay_literal_in_the_posting_html(library, board, vendor):
    from datetime import date
    from html import unescape

    from generator import contract_posting

    v = vendor.model_copy(update={"name": INJECTED[:280], "product": INJECTED, "purpose": INJECTED,
                                  "data_collected": [INJECTED]})
    _, html = contract_posting(v, board, executed=date(2027, 1, 13), library=library)
    assert "<script>" not in html and "<a href=\"http://evil" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert flat(INJECTED) in flat(unescape(html))


def test_vendor_markdown_stays_literal_in_the_markdown_report(library, tmp_path):
    from markdown_it import MarkdownIt

    from generator import check_contract, read_document, report_markdown

    name = "## 12. Waiver **x** - y [a](http://evil.example) ![i](http://evil.example/i.png) <b>z</b>.txt"
    sentence = ("The vendor may sell data **now** [here](http://evil.example) "
                "![i](http://evil.example/i.png) <script>alert(1)</script> to advertisers.")
    report = check_contract(read_document(sentence.encode(), name), library)
    html = MarkdownIt("commonmark").enable("table").render(report_markdown(report))
    assert "<a " not in html and "<img" not in html and "<script>" not in html and "<b>" not in html
    assert "<strong>x</strong>" not in html and "<strong>now</strong>" not in html
    assert html.count("<h2>") == html.count("<h2>Conflicting terms</h2>")
    assert "Contract check: ## 12. Waiver **x** - y [a](http://evil.example)" in html


# ---------------------------------------------------------------- property tests

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TOKENS = ["## ", "- ", "**", "*", "#", "\n", "\n\n", "[a](http://x.example)", "![i](http://x.example/i.png)",
          "<b>", "`", "_", "word", "Waiver", " ", "12.", "|"]
MARKUP = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=14).map("".join)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(value=MARKUP)
def test_any_markup_in_a_vendor_value_comes_out_as_typed(value):
    from generator import default_library, load_board

    from .conftest import ROOT

    if not value.strip():
        return
    v = Vendor(name="Acme", product="Reader", contact_email="a@acme.example", contract_date="2026-09-01",
               deletion_method=value.strip(), purpose=value.strip())
    data = render_addendum(v, load_board(ROOT / "examples" / "board.example.yaml"), default_library())
    assert flat(value) in flat(docx_text(data))
    d = docx.Document(io.BytesIO(data))
    headings = [p.text for p in d.paragraphs if p.style.name.lower().startswith(("heading", "title"))]
    assert not any(flat(value) in flat(h) for h in headings if len(flat(value)) > 3)
