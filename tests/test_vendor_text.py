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
    macro_enabled_docx,
    macro_template_docx,
    package,
    para,
    run,
    styled_docx,
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
    data = macro_template_docx([LAW, "The Provider has served schools for ten years."])
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


# ---------------------------------------------------------------- hidden by a style, not by the run

STYLED = [  # (how the vendor hid it, the styled DOCX, why the note says it is hidden)
    ("a character style that hides", dict(char_style=VANISH), "hidden, by the style “Quiet”"),
    ("a paragraph style that makes it white and tiny", dict(para_style=WHITE_1PT), "white, by the style “Fine”"),
    ("the style a paragraph style is based on", dict(para_style=WHITE_1PT, based_on=True),
     "white, by the style “Fine”"),
    ("a character style of half a point", dict(char_style='<w:sz w:val="1"/>'), "under 3 points, by the style “Quiet”"),
    ("the document's defaults", dict(defaults=VANISH), "hidden, by the document's defaults"),
]


@pytest.mark.parametrize("how,style,why", STYLED, ids=[s[0] for s in STYLED])
def test_text_a_style_hides_is_reported_and_never_counts(how, style, why):
    data = styled_docx("Terms of service.", [LAW, *CONFLICTS], **style)
    report = g.check_contract(g.read_document(data, "styled.docx"))
    assert report.finding("governing_law").status == "missing"  # the hidden Connecticut clause
    assert not report.conflicts  # nor the hidden California law and sale of data
    assert report.notes[0].startswith(f"hidden text in paragraph 2 of the body ({why}): “{LAW}”")
    assert len(report.notes) == 3


def test_a_run_that_sets_its_own_look_shows_over_its_style():
    shown = '<w:rStyle w:val="Quiet"/><w:vanish w:val="0"/>'
    data = styled_docx("Terms of service.", [], char_style=VANISH)
    doc = g.read_document(data, "styled.docx")
    assert doc.text == "Terms of service." and not doc.notes
    data = _rewrite(data, "word/document.xml", lambda x: x.replace(b"</w:body>", para(run(LAW, shown)).encode()
                                                                   + b"</w:body>"))
    doc = g.read_document(data, "styled.docx")
    assert LAW in doc.text and not doc.notes


def test_a_visible_style_leaves_the_text_counted():
    data = styled_docx("Terms of service.", [LAW], char_style='<w:color w:val="333333"/><w:sz w:val="20"/>')
    report = g.check_contract(g.read_document(data, "styled.docx"))
    assert report.finding("governing_law").status == "present" and not report.notes


def test_styles_based_on_each_other_in_a_loop_do_not_hang_the_reader():
    data = styled_docx("Terms of service.", [LAW], para_style=VANISH, based_on=True)
    data = _rewrite(data, "word/styles.xml", lambda x: x.replace(b'<w:name w:val="Base"/>',
                                                                 b'<w:name w:val="Base"/><w:basedOn w:val="Fine"/>'))
    report = g.check_contract(g.read_document(data, "loop.docx"))
    assert report.finding("governing_law").status == "missing" and report.notes


# ---------------------------------------------------------------- macro-enabled Word


@pytest.mark.parametrize("name,make", [("terms.docm", macro_template_docx), ("declared.docx", macro_enabled_docx)],
                         ids=["a .docm with macros", "a .docx declared macro-enabled"])
def test_macro_enabled_word_is_read_with_the_macros_reported_and_left_out_of_the_redline(name, make, board, vendor):
    data = make([LAW, "The Provider has served schools for ten years."])
    report = g.check_contract(g.read_document(data, name))
    assert report.finding("governing_law").status == "present"
    assert any("sdpa never runs it, and a redline leaves it out" in n for n in report.notes)
    result = g.redline_document(data, vendor, board, name=name)
    assert result.dropped
    with zipfile.ZipFile(io.BytesIO(result.docx)) as z:
        assert not any("vbaProject" in n for n in z.namelist())
        assert b"macroEnabled" not in z.read("[Content_Types].xml")
    assert "ten years" in g.read_document(result.docx, "redline.docx").text


def test_the_command_line_reads_a_docm_and_says_what_it_left_out(tmp_path):
    from typer.testing import CliRunner

    from generator.cli.commands import app

    path = tmp_path / "terms.docm"
    path.write_bytes(macro_template_docx([LAW]))
    res = CliRunner().invoke(app, ["check", str(path)])
    assert res.exit_code == 0, res.output
    assert "macros (word/vbaProject.bin)" in res.output


def _rewrite(data: bytes, part: str, change) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            body = src.read(info.filename)
            out.writestr(info, change(body) if info.filename == part else body)
    return buf.getvalue()


def test_text_in_the_themes_background_colour_is_white():
    data = hidden_docx("Terms of service.", [LAW], '<w:color w:val="auto" w:themeColor="background1"/>')
    report = g.check_contract(g.read_document(data, "theme.docx"))
    assert report.finding("governing_law").status == "missing"
    assert report.notes[0].startswith("hidden text in paragraph 2 of the body (white)")
