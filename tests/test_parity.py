"""Format parity: every labelled agreement in ../shared/eval/, as DOCX and as the PDF LibreOffice
makes of that DOCX, gets the same statuses and conflicts as its plain text.

The DOCX is built the way a plain-text contract pasted into a word processor looks: one paragraph
per line of the text, a blank line as an empty paragraph, no space between paragraphs (as
LibreOffice's own text import does). Long lines wrap in the PDF; hard-wrapped text stays wrapped,
so both kinds of line joining are exercised. All PDFs come from one LibreOffice call."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from generator import convert_to_pdf
from generator.checking.analysis import check_contract
from generator.reading.extract import read_document

from .conftest import EVAL

DOCS = sorted((EVAL / "docs").glob("*.txt")) if (EVAL / "docs").is_dir() else []


def text_to_docx(text: str, path: Path) -> None:
    """One DOCX paragraph per line of ``text``; blank lines become empty paragraphs."""
    d = docx.Document()
    fmt = d.styles["Normal"].paragraph_format
    fmt.space_before = fmt.space_after = 0
    for line in text.splitlines():
        d.add_paragraph(line)
    d.save(str(path))


@pytest.fixture(scope="session")
def converted(tmp_path_factory, soffice) -> dict[str, dict[str, Path]]:
    """name → {"txt", "docx", "pdf"} paths, every PDF made in a single LibreOffice call."""
    if not DOCS:
        pytest.skip(f"the evaluation set is not at {EVAL}")
    out = tmp_path_factory.mktemp("parity")
    files: dict[str, dict[str, Path]] = {}
    for src in DOCS:
        target = out / f"{src.stem}.docx"
        text_to_docx(src.read_text(encoding="utf-8"), target)
        files[src.stem] = {"txt": src, "docx": target}
    pdfs = convert_to_pdf([f["docx"] for f in files.values()], out, timeout=600)
    for f, pdf in zip(files.values(), pdfs):
        f["pdf"] = pdf
    return files


def _outcome(path: Path) -> tuple[dict[str, str], list[str]]:
    report = check_contract(read_document(path))
    return {f.id: f.status for f in report.provisions}, sorted({c.kind for c in report.conflicts})


@pytest.mark.parametrize("name", [d.stem for d in DOCS])
def test_docx_and_pdf_match_the_text(converted, name):
    files = converted[name]
    statuses, conflicts = _outcome(files["txt"])
    for kind in ("docx", "pdf"):
        got_statuses, got_conflicts = _outcome(files[kind])
        differ = {k: (statuses[k], got_statuses[k]) for k in statuses if statuses[k] != got_statuses[k]}
        assert not differ, f"{name}.{kind}: (text, {kind}) statuses differ: {differ}"
        assert got_conflicts == conflicts, f"{name}.{kind}: conflict kinds {got_conflicts}, text {conflicts}"
