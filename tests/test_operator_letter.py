"""The letter to an app's operator: it names each restriction the terms leave silent or limited
and what to confirm, names what the board cannot accept, is a draft until counsel confirmed the
verdict on the same documents, opens in LibreOffice, and `sdpa letter operator` writes it."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

import generator as g
from generator.cli.commands import app as cli
from generator.records.register import Register

from .conftest import docx_text, pdf_text
from .test_apps import vet_report

runner = CliRunner()
WHEN = date(2026, 12, 7)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_letter_names_each_silent_or_limited_restriction_and_opens_in_libreoffice(board, soffice, tmp_path):
    report = vet_report(profiling="silent", sale="limited", disclosure="allowed")
    letter = g.operator_letter(report, board, app="Quizly", operator="Quizly Inc.", when=WHEN,
                               contact=["privacy@quizly.example"])
    path = tmp_path / "quizly-letter.docx"
    path.write_bytes(letter)
    (pdf,) = g.convert_to_pdf([path])
    text = _words(pdf_text(pdf))
    assert "DRAFT — not confirmed by counsel" in text
    assert "Profiling of students: your terms do not say." in text
    assert "build a profile of a student for any purpose other than school purposes" in text
    assert "Sale of student information: your terms make a promise, but with an exception" in text
    assert "sharing with affiliates is excepted" in text
    assert "do not sell, rent or trade" in text
    # targeted advertising is prohibited by the terms: nothing to ask about it
    assert "Targeted advertising:" not in text and "advertisements chosen" not in text
    # disclosure is allowed by the terms: the board cannot accept it, and says so
    assert "What the Board cannot accept" in text and "Disclosure of student information" in text
    assert "§ 10-234cc" in text and "to confirm" in text
    assert "privacy@quizly.example" in text and "terms.txt, privacy.txt" in text


def test_no_letter_when_nothing_is_silent_or_limited(board):
    assert g.operator_letter(vet_report(), board, app="Quizly", operator="Quizly Inc.", when=WHEN) is None
    with pytest.raises(g.InputError, match="operator's name"):
        g.operator_letter(vet_report(sale="silent"), board, app="Quizly", operator=" ", when=WHEN)


def test_the_operator_name_is_text_not_markup(board):
    letter = g.operator_letter(vet_report(sale="silent"), board, app="**Bold** {{ 7*7 }}",
                               operator="- O'Brien & <Sons>", when=WHEN)
    text = docx_text(letter)
    assert "**Bold** {{ 7*7 }}" in text and "- O'Brien & <Sons>" in text and "49" not in text


def test_the_command_writes_a_final_letter_once_counsel_confirmed_these_documents(tmp_path, monkeypatch):
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    monkeypatch.setenv("SDPA_USER", "lee@district.example")
    monkeypatch.delenv("SDPA_BOARD", raising=False)
    report = vet_report(targeted_advertising="silent")
    path = tmp_path / "quizly.json"
    path.write_text(json.dumps(report.to_json_dict()))
    out = tmp_path / "letter.docx"
    args = ["letter", "operator", str(path), "--app", "Quizly", "--operator", "Quizly Inc.", "--out", str(out),
            "--db", db]
    res = runner.invoke(cli, args)
    assert res.exit_code == 0, res.output
    assert "DRAFT" in res.output and "DRAFT — not confirmed by counsel" in docx_text(out)
    with Register(db, actor="lee@district.example") as reg:
        g.record_vetting(reg, report, app="Quizly", role="editor")
        g.confirm_app(reg, "Quizly", role="counsel")
    res = runner.invoke(cli, args)
    assert res.exit_code == 0, res.output
    text = docx_text(out)
    assert "DRAFT" not in text and "Targeted advertising" in text
    # other documents than those counsel confirmed: a draft again
    path.write_text(json.dumps(vet_report(version="v2", targeted_advertising="silent").to_json_dict()))
    assert runner.invoke(cli, args).exit_code == 0 and "DRAFT" in docx_text(out)


def test_the_closing_and_signature_are_kept_on_one_page(board):
    """Word and LibreOffice keep a paragraph marked "keep with next" on the page of the one after it: the
    closing, the signature line, the name and the title move with the board's name."""
    import io

    import docx

    letter = g.operator_letter(vet_report(sale="silent"), board, app="Quizly", operator="Quizly Inc.", when=WHEN)
    paragraphs = docx.Document(io.BytesIO(letter)).paragraphs
    start = [p.text for p in paragraphs].index("Sincerely,")
    block = paragraphs[start:start + 5]
    assert block[-1].text == board.name
    assert all(p.paragraph_format.keep_with_next for p in block[:-1])
