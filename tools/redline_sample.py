"""A sample vendor contract for the redline, and the screenshot of its redline in LibreOffice.

The contract is written for sdpa (no other agreement's text): a vendor's terms that lack
provisions 4 (review and correction), 9 (Connecticut law) and 11 (no advertising), with an
advertising term and another state's governing law. The tests, the benchmark and the
screenshot use it.

    python tools/redline_sample.py        # rewrites docs/redline.png
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent

AD_TERM = ("The Company may use information collected through the Service, including student data, "
           "to show personalized ads to users; the Company also uses it to improve its lessons.")
LAW_TERM = "This Agreement is governed by the laws of the State of Texas."
SECTIONS = [
    ("Services", ["Northwind Tutor is an online homework helper that teachers assign to pupils in "
                  "grades three to eight.",
                  "The Company will keep the Service available during school hours, except for "
                  "announced maintenance windows."]),
    ("Ownership of Records", ["All student records, student information and student-generated "
                              "content remain the property of the District and under its control; "
                              "the Company holds no ownership interest in any of them."]),
    ("Use of Student Data", ["The Company uses student information only to provide the Service to "
                             "the District and for no other purpose."]),
    ("Data Security", ["The Company maintains administrative, technical and physical safeguards "
                       "designed to protect the security and confidentiality of student information."]),
    ("Security Incidents", ["If the Company discovers an unauthorized release, disclosure or "
                            "acquisition of student information, the Company will notify the "
                            "District without unreasonable delay and no later than thirty days "
                            "after the discovery."]),
    ("Retention and Deletion", ["The District may ask the Company to delete student data by written "
                                "request to the Company's privacy office; the Company deletes it "
                                "within thirty days, except data it must keep by law or backup "
                                "copies held for disaster recovery.",
                                "When this Agreement ends, the Company will not retain student "
                                "information or make it available to any party, except an account "
                                "a student chooses to keep."]),
    ("Compliance with Laws", ["The Company and the District will each comply with FERPA, 20 U.S.C. "
                              "1232g, in handling education records."]),
    ("Advertising and Communications", ["The Company sends the District a newsletter each term. " + AD_TERM]),
    ("General Terms", [LAW_TERM + " If any provision of this Agreement is held invalid, the "
                       "remaining provisions remain in full force and effect."]),
]
FILLER = ("The parties will meet each term to review usage, support requests, training for staff "
          "and the schedule of planned maintenance, and will keep minutes of each meeting.")


def sample_contract(extra_sections: int = 0) -> bytes:
    """The sample vendor contract as DOCX bytes: a header and a footer, headings, paragraphs of
    two runs (plain, then italic, so that changes must split runs), and a signature table.
    ``extra_sections`` adds that many sections of neutral filler (for a long contract)."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Northwind Tutor - District Terms"
    d.sections[0].footer.paragraphs[0].text = "Confidential"
    d.add_heading("Northwind Tutor Services Agreement", 0)
    sections = list(SECTIONS)
    for n in range(extra_sections):
        sections.insert(1, (f"Operations, Part {n + 1}", [FILLER] * 4))
    for i, (title, paras) in enumerate(sections, 1):
        d.add_heading(f"{i}. {title}", 1)
        for text in paras:
            p = d.add_paragraph()
            words = text.split(" ")
            half = len(words) // 2
            p.add_run(" ".join(words[:half]) + " ")
            p.add_run(" ".join(words[half:])).italic = True
    d.add_paragraph("IN WITNESS WHEREOF, the parties sign this Agreement below.")
    t = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "For the Company: ____________", (0, 1): "For the District: ____________",
                         (1, 0): "Date:", (1, 1): "Date:"}.items():
        t.cell(r, c).text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def screenshot(out: Path) -> Path:
    """Redline the sample for the example vendor, have LibreOffice convert it to PDF (comments
    as annotations), and save the first page that shows Connecticut law as a PNG at ``out``."""
    sys.path.insert(0, str(ROOT))
    from pypdf import PdfReader

    from generator import load_board, redline
    from generator.documents.pdf import soffice_path
    from generator.models import Vendor

    vendor = Vendor(**json.loads((ROOT / "examples" / "vendor.json").read_text()))
    when = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory(prefix="sdpa-redline-") as tmp:
        path = Path(tmp) / "northwind-redline.docx"
        path.write_bytes(redline(sample_contract(), vendor, load_board(), when=when))
        # the comments come out as PDF annotations, so their marks show beside the changes
        options = '{"ExportNotes":{"type":"boolean","value":"true"}}'
        subprocess.run([soffice_path() or "soffice", f"-env:UserInstallation={Path(tmp, 'lo').as_uri()}",
                        "--headless", "--convert-to", f"pdf:writer_pdf_Export:{options}",
                        "--outdir", tmp, str(path)], check=True, capture_output=True, timeout=300)
        pdf = path.with_suffix(".pdf")
        pages = [p.extract_text() or "" for p in PdfReader(str(pdf)).pages]
        page = next((i + 1 for i, t in enumerate(pages) if "Connecticut" in t), 1)
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(stem)], check=True, capture_output=True)
        out.write_bytes(stem.with_suffix(".png").read_bytes())
    return out


if __name__ == "__main__":
    print(f"wrote {screenshot(ROOT / 'docs' / 'redline.png')}")
