"""What a vendor sends is what is read: text Word shows is checked wherever it sits; text Word
hides is reported and never counts; macros and a remote template never reach the redline."""

from __future__ import annotations

import io
import zipfile

import pytest

import generator as g

from .hostile.docx import (
    CONFLICTS,
    VANISH,
    WHITE_1PT,
    content_control_docx,
    footnote_docx,
    hidden_docx,
    macro_template_docx,
    package,
    para,
    run,
    text_box_docx,
)

LAW = "This agreement is governed by the laws of the State of Connecticut."


def kinds(report) -> set[str]:
    return {c.kind for c in report.conflicts}


def test_terms_inside_content_controls_are_checked():
    report = g.check_contract(g.read_document(content_control_docx(CONFLICTS), "sdt.docx"))
    plain = g.check_contract(g.read_document("\n\n".join(CONFLICTS).encode(), "plain.txt"))
    assert plain.conflicts and kinds(report) == kinds(plain)


@pytest.mark.parametrize("props,why", [(VANISH, "hidden"), (WHITE_1PT, "white"),
                                       ('<w:sz w:val="4"/>', "under 3 points")])
def test_hidden_text_is_reported_and_never_counts(props, why):
    data = hidden_docx("Terms of service.", [LAW, *CONFLICTS], props)
    report = g.check_contract(g.read_document(data, "hidden.docx"))
    assert report.finding("governing_law").status == "missing"
    assert not report.conflicts
    assert len(report.notes) == 3
    assert report.notes[0].startswith(f"hidden text in paragraph 2 of the body ({why}): “{LAW}”")
    assert "Left out by the reader" in g.report_markdown(report)
    assert "hidden text in paragraph 2" in g.report_html(report)


def test_the_same_text_visible_counts():
    report = g.check_contract(g.read_document(hidden_docx("Terms of service.", [LAW], ""), "shown.docx"))
    assert report.finding("governing_law").status == "present" and not report.notes


def test_hidden_words_inside_a_visible_paragraph_are_left_out():
    data = package(para(run("The Provider "), run("will not ", VANISH), run("sell student data.")))
    doc = g.read_document(data, "mixed.docx")
    assert "The Provider sell student data." in doc.text
    assert doc.notes == ["hidden text in paragraph 1 of the body (hidden): “will not”; "
                         "not counted toward any provision"]


def test_text_boxes_and_footnotes_are_read():
    assert "State of California" in g.read_document(text_box_docx(CONFLICTS[0]), "box.docx").text
    doc = g.read_document(footnote_docx(CONFLICTS[1]), "note.docx")
    assert any(s.location == "footnote 1" and "sell student data" in s.text for s in doc.segments)
    assert "-----" not in doc.text  # the separator line is not the vendor's text


def test_macros_and_a_remote_template_are_reported_and_left_out_of_the_redline(board, vendor):
    data = macro_template_docx([LAW, "The Provider keeps student data for ten years."])
    doc = g.read_document(data, "macro.docx")
    assert any("macros (word/vbaProject.bin)" in n for n in doc.notes)
    assert any("remote template (http://attacker.example/t.dotm)" in n for n in doc.notes)
    result = g.redline_document(data, vendor, board, name="macro.docx")
    assert result.dropped == ["macros (word/vbaProject.bin)", "a remote template (http://attacker.example/t.dotm)"]
    assert "left out of the vendor's file" in result.summary()
    with zipfile.ZipFile(io.BytesIO(result.docx)) as z:
        names = z.namelist()
        assert not any("vbaProject" in n for n in names)
        every = b"".join(z.read(n) for n in names)
    assert b"attacker.example" not in every and b"attachedTemplate" not in every
    assert "ten years" in g.read_document(result.docx, "redline.docx").text  # the vendor's text is kept
