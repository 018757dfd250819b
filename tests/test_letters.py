"""The reasonable-notice amendment letter: exactly the gaps, the conflicting term, the cure date."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from generator.cli import app

from .conftest import FIXTURES, docx_text, pdf_text

runner = CliRunner()
CONTRACT = FIXTURES / "gapwell-terms.txt"
VENDOR = FIXTURES / "gapwell-vendor.json"


def test_letter_names_exactly_the_gaps_and_the_conflict(tmp_path, library):
    out = tmp_path / "letter.docx"
    res = runner.invoke(app, ["letter", "amendment", str(CONTRACT), "--vendor", str(VENDOR),
                              "--date", "2027-01-13", "--out", str(out)])
    assert res.exit_code == 0, res.output
    text = docx_text(out)
    named = re.findall(r"^(\d+)\. .+? \((Conn\. Gen\. Stat\. [^)]+\)?)\)", text, re.M)
    assert [n for n, _ in named] == ["4", "9", "11"]
    for pid in ("review_correction", "governing_law", "no_advertising"):
        assert library.provision(pid).citation in text
    assert '"Gapwell may use student data to show personalized advertising to students and their families."' in text
    cure = json.loads(runner.invoke(app, ["deadlines", "--notice-sent", "2027-01-13", "--format", "json"]).stdout)
    assert cure["cure_deadline"] == "2027-02-16"
    assert "by February 16, 2027" in text and "void" in text
    assert "{{" not in text and "{%" not in text and "##" not in text
    addendum = docx_text(tmp_path / "letter-addendum.docx")
    assert "Gapwell Learning LLC" in addendum and "Connecticut law governs" in addendum


def test_no_letter_for_a_compliant_contract(tmp_path, addendum_files):
    out = tmp_path / "letter.docx"
    res = runner.invoke(app, ["letter", "amendment", str(addendum_files["docx"]), "--vendor", str(VENDOR),
                              "--out", str(out)])
    assert res.exit_code == 0 and "no letter is needed" in res.stdout
    assert not out.exists()


def test_letter_converts_to_pdf(tmp_path, soffice):
    out = tmp_path / "letter.docx"
    res = runner.invoke(app, ["letter", "amendment", str(CONTRACT), "--vendor", str(VENDOR),
                              "--date", "2027-01-13", "--out", str(out), "--pdf"])
    assert res.exit_code == 0, res.output
    text = " ".join(pdf_text(out.with_suffix(".pdf")).split())
    assert "Notice to amend your student data contract by February 16, 2027" in text
