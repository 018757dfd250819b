"""How a contract is cut into sentences: lists keep their lead-in at one level only, form fields
lead nothing, wrapped lines are joined first, and Markdown, text, DOCX and PDF of one contract
give the same sentences."""

from __future__ import annotations

import textwrap
from pathlib import Path

import docx
import pytest

from generator import convert_to_pdf
from generator.checking.analysis import check_contract, sentences
from generator.reading.extract import read_document

from .test_parity import text_to_docx


def cut(text: str) -> list[str]:
    return [s.text for s in sentences(read_document(text.encode(), "c.txt"))]


def test_a_lead_in_leads_only_its_own_items():
    got = cut("1. The Vendor shall not:\n(a) rent pupil files to anyone;\n(b) show pupils any ads.\n"
              "2. The Vendor shall encrypt pupil files at rest.")
    # each clause's number is where it is (its location), not part of what it says
    assert got == ["The Vendor shall not:",
                   "The Vendor shall not: (a) rent pupil files to anyone;",
                   "The Vendor shall not: (b) show pupils any ads.",
                   "The Vendor shall encrypt pupil files at rest."]


def test_nested_lists_keep_every_lead_in():
    got = cut("After an incident the Vendor shall:\n1. Within one day:\n- lock the affected systems\n"
              "2. Within three days:\n- tell the Board in writing\nThe Board may audit the Vendor.")
    assert "After an incident the Vendor shall: Within three days: - tell the Board in writing" in got
    assert got[-1] == "The Board may audit the Vendor."


def test_unmarked_items_are_read_with_their_lead_in_until_the_list_ends():
    got = cut("The Vendor promises never to:\n\nRent pupil files.\n\nShow pupils ads.\n\n## Ending\n\n"
              "Either party may end this agreement on thirty days' notice.")
    assert got[1:3] == ["The Vendor promises never to: Rent pupil files.",
                        "The Vendor promises never to: Show pupils ads."]
    assert got[-1] == "Either party may end this agreement on thirty days' notice."


@pytest.mark.parametrize("field", ["Vendor contact: Dana Reyes, records clerk:", "Term of the agreement: ________:",
                                   "Date signed [MM/DD/YYYY]:"])
def test_a_filled_in_field_ending_in_a_colon_leads_nothing(field):
    got = cut(f"{field}\n1. Ownership. Pupil files belong to the Board.\n2. Ads. The Vendor shows no ads.")
    assert "1. Ownership. Pupil files belong to the Board." not in [g for g in got if g.startswith(field)]
    assert not any(g.startswith(field) and "Ownership" in g for g in got)


@pytest.mark.parametrize("lead", ["Security: The Vendor shall:", "[Vendor] shall not:"])
def test_a_lead_in_with_a_label_or_a_placeholder_still_leads(lead):
    assert cut(f"{lead}\n- keep pupil files encrypted") == [lead, f"{lead} - keep pupil files encrypted"]


def test_a_numbered_provision_with_a_title_is_not_a_list_item():
    got = cut("The Vendor agrees as follows:\n5. Safeguards. The Vendor keeps pupil files encrypted.\n"
              "6. Notice of Unauthorized Disclosure. If the Vendor finds an unauthorized\n"
              "release of pupil files, it tells the Board within ten days.")
    assert "If the Vendor finds an unauthorized release of pupil files, it tells the Board within ten days." in got
    assert not any(g.startswith("The Vendor agrees as follows: 6.") for g in got)


def test_a_numbered_provision_is_not_a_heading(library):
    doc = read_document(b"6. Notice of Unauthorized Disclosure. If the Vendor learns of an unauthorized\n"
                        b"release of student records it notifies the Board within five days.", "c.txt")
    found = sentences(doc)
    assert [s.heading for s in found] == [False, False]
    assert check_contract(doc, library).finding("breach_notification").status == "present"


def test_hard_wrapped_text_is_joined_before_sentences_are_cut():
    prose = ("The Vendor will delete pupil files within thirty days after the Board asks in writing, "
             "and will confirm the deletion to the Board. Backups are overwritten within ninety days.")
    wrapped = "\n".join(textwrap.wrap(prose, 44))
    assert cut(wrapped) == cut(prose) == [
        "The Vendor will delete pupil files within thirty days after the Board asks in writing, "
        "and will confirm the deletion to the Board.", "Backups are overwritten within ninety days."]


def test_a_number_after_a_full_line_that_stops_mid_sentence_continues_it():
    from generator.reading.lines import reflow

    wrapped = [("Copies may be shared under the Creative Commons licence version", 0.5),
               ("2.0 for teaching only.", 40.0),
               ("The Vendor shall:", 30.0), ("(a) encrypt pupil files; and", 0.5), ("(b) log every access.", 30.0)]
    assert reflow([wrapped]) == [["Copies may be shared under the Creative Commons licence version 2.0 for teaching only.",
                                  "The Vendor shall:", "(a) encrypt pupil files; and", "(b) log every access."]]


def test_link_targets_and_a_million_brackets_are_read_in_linear_time():
    assert cut("Read the [deletion rules](https://example.org/rules) first.") == ["Read the [deletion rules] first."]
    assert cut("](" * 40_000)  # finishes (the old pattern rescanned to the end at every "(")


CONTRACT = """# Pupil Records Addendum

This addendum between the Board and the Vendor governs pupil records the Vendor receives under the \
service agreement, and it prevails over any other term of that agreement that says otherwise.

## Ownership

All pupil records, and work that pupils create in the service, remain the property and under the \
control of the Board.

## Use

The Vendor shall not:

- use pupil records for any purpose that the service agreement does not authorize;
- use pupil records to target advertising at pupils or their families.

6. Notice of Unauthorized Disclosure. If the Vendor discovers an unauthorized release of pupil \
records, it shall notify the Board in writing within thirty days of the discovery, describing what \
was released and the steps it has taken.

| Record | Kept for |
|---|---|
| Attendance | the term of the agreement |

The laws of the State of Connecticut govern this addendum.
"""


def _plain(markdown: str) -> str:
    return markdown.replace("# ", "").replace("#", "")


@pytest.fixture(scope="module")
def formats(tmp_path_factory, soffice) -> dict[str, Path]:
    """One contract as Markdown, as hard-wrapped text, as a DOCX with a paragraph per printed
    line, as a DOCX with a paragraph per paragraph, and as the PDFs of both DOCX files."""
    out = tmp_path_factory.mktemp("formats")
    md = out / "contract.md"
    md.write_text(CONTRACT, encoding="utf-8")
    wrapped = "\n".join("\n".join(textwrap.wrap(line, 58)) if len(line) > 58 and not line.startswith(("|", "-"))
                        else line for line in _plain(CONTRACT).split("\n"))
    txt = out / "wrapped.txt"
    txt.write_text(wrapped, encoding="utf-8")
    lines = out / "lines.docx"
    text_to_docx(wrapped, lines)
    paras = out / "paras.docx"
    d = docx.Document()
    for block in _plain(CONTRACT).split("\n\n"):
        d.add_paragraph(block)  # a table as its Markdown lines, in one paragraph with line breaks
    d.save(str(paras))
    lines_pdf, paras_pdf = convert_to_pdf([lines, paras], out)
    return {"md": md, "txt": txt, "lines.docx": lines, "paras.docx": paras,
            "lines.pdf": lines_pdf, "paras.pdf": paras_pdf}


def test_every_format_of_one_contract_gives_the_same_sentences(formats):
    want = [s.text for s in sentences(read_document(formats["md"])) if not s.heading]
    assert "If the Vendor discovers an unauthorized release of pupil records, it shall notify the Board in " \
           "writing within thirty days of the discovery, describing what was released and the steps it has taken." in want
    for kind, path in formats.items():
        got = [s.text for s in sentences(read_document(path)) if not s.heading]
        assert got == want, kind


def test_every_format_of_one_contract_gets_the_same_report(formats, library):
    reports = {kind: check_contract(read_document(path), library) for kind, path in formats.items()}
    want = reports["md"]
    assert want.finding("breach_notification").status == "present"
    for kind, got in reports.items():
        assert [f.status for f in got.provisions] == [f.status for f in want.provisions], kind
        assert [c.kind for c in got.conflicts] == [c.kind for c in want.conflicts], kind


@pytest.mark.parametrize("name", ["c.txt", "c.md"])
def test_a_forms_blank_is_kept_and_markdown_emphasis_dropped(name):
    text = ("The Vendor will delete the records within ____ days of the request.\n"
            "Signed for the Board by: __________ on ___/___/____.\n"
            "This duty is __important__ and **binding**.\n"
            "___The Vendor will notify the Board of a breach within 30 days.___\n"
            "Vendor name:______\n")
    got = [s.text for s in sentences(read_document(text.encode(), name))]
    assert got[0] == "The Vendor will delete the records within ____ days of the request."
    assert "__________" in got[1] and "___/___/____" in got[1]
    assert got[2] == "This duty is important and binding."
    assert got[3] == "The Vendor will notify the Board of a breach within 30 days."  # bold italic
    assert got[4] == "Vendor name:______"


def test_a_documents_sentences_are_kept_by_its_text_and_forgotten_with_the_texts():
    from generator.checking.engine import forget_texts

    data = b"The Vendor shall delete student data. The Board may ask for it.\n\nQ: Who owns the data?\n\nThe Board does."
    first = sentences(read_document(data, "a.txt"))
    first.append(first[0])  # the list is the caller's own
    again = sentences(read_document(data, "b.txt"))  # the same text under another name: the same sentences
    assert len(again) == len(first) - 1 and again[0] is first[0]
    assert [s.text for s in again][-1] == "Q: Who owns the data? The Board does."
    forget_texts()
    fresh = sentences(read_document(data, "a.txt"))
    assert fresh[0] is not first[0] and [s.text for s in fresh] == [s.text for s in again]
