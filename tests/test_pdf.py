"""DOCX → PDF through LibreOffice, from the CLI; parallel conversions do not collide."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from typer.testing import CliRunner

from generator import convert_to_pdf, render_addendum
from generator.cli.commands import app

from .conftest import ROOT, docx_text, pdf_text

runner = CliRunner()


def test_cli_addendum_docx_and_pdf(tmp_path, library, soffice):
    out = tmp_path / "out" / "a.docx"
    res = runner.invoke(app, ["addendum", "--vendor", str(ROOT / "examples/vendor.json"),
                              "--out", str(out), "--pdf"])
    assert res.exit_code == 0, res.output
    pdf = out.with_suffix(".pdf")
    assert pdf.is_file()
    vendor = json.loads((ROOT / "examples/vendor.json").read_text())
    for text in (docx_text(out), " ".join(pdf_text(pdf).split())):
        assert "BrightPath Learning, Inc." in text and "Waterbury Board of Education" in text
        for p in library.provisions:
            assert " ".join(p.citation.split()) in text
        assert vendor["deletion_method"][:60] in text
        assert "{{" not in text and "{%" not in text and "TO COMPLETE" not in text


def test_hostile_name_in_pdf(tmp_path, board, vendor, soffice):
    v = vendor.model_copy(update={"name": "O'Brien & <Sons> {{ 7*7 }} Café"})
    path = tmp_path / "h.docx"
    path.write_bytes(render_addendum(v, board))
    (pdf,) = convert_to_pdf([path])
    text = " ".join(pdf_text(pdf).split())
    assert "O'Brien & <Sons> {{ 7*7 }} Café" in text


def test_parallel_conversions_each_get_their_own_profile(tmp_path, board, vendor, soffice):
    paths = []
    for i in range(4):
        p = tmp_path / f"v{i}.docx"
        p.write_bytes(render_addendum(vendor.model_copy(update={"name": f"Vendor {i}"}), board))
        paths.append(p)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda pair: convert_to_pdf(pair), [paths[:2], paths[2:]]))
    pdfs = [p for r in results for p in r]
    assert [p.name for p in pdfs] == ["v0.pdf", "v1.pdf", "v2.pdf", "v3.pdf"]
    for i, p in enumerate(pdfs):
        assert f"Vendor {i}" in pdf_text(p)


def test_missing_libreoffice_is_a_clear_error(tmp_path, board, vendor, monkeypatch):
    monkeypatch.setenv("SDPA_SOFFICE", "")
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "a.docx"
    res = runner.invoke(app, ["addendum", "--vendor", str(ROOT / "examples/vendor.json"),
                              "--out", str(out), "--pdf"])
    assert res.exit_code == 2
    assert "LibreOffice is needed for PDF output" in res.stderr
    assert out.is_file()  # the DOCX is kept
