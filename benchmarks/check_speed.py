"""Time the contract check on a 30-page PDF against text extraction alone, in the same run.

Builds the PDF with LibreOffice (a long contract: the example addendum followed by filler
clauses), then times, warm and in one process: pypdf extraction, pypdfium2 extraction, and
sdpa's whole check (read + analyse); and once, the `sdpa check` command end to end.

    python benchmarks/check_speed.py [--pages 30] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from generator import convert_to_pdf, load_board, render_addendum  # noqa: E402
from generator.analysis import check_contract  # noqa: E402
from generator.extract import read_document  # noqa: E402
from generator.models import Vendor  # noqa: E402

FILLER = ("Section {n}. The parties will cooperate in good faith on the matters in this section, "
          "including scheduling, invoicing, support hours, service levels, training sessions for "
          "staff, the escalation of technical problems and the review of reports. ")


def build_pdf(folder: Path, pages: int) -> Path:
    vendor = Vendor(**json.loads((ROOT / "examples" / "vendor.json").read_text()))
    path = folder / "contract.docx"
    path.write_bytes(render_addendum(vendor, load_board()))
    d = docx.Document(str(path))
    n = 1
    while True:
        for _ in range(12):
            d.add_paragraph(FILLER.format(n=n) * 3)
            n += 1
        d.save(str(path))
        (pdf,) = convert_to_pdf([path])
        count = len(PdfReader(str(pdf)).pages)
        if count >= pages:
            return pdf


def best(fn, repeat: int) -> tuple[float, float]:
    """Best and median wall time of ``repeat`` warm calls."""
    fn()  # warm
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = build_pdf(Path(tmp), args.pages)
        data = pdf.read_bytes()
        n = len(PdfReader(str(pdf)).pages)

        def pypdf_text():
            return [p.extract_text() for p in PdfReader(str(pdf)).pages]

        def pdfium_text():
            doc = pdfium.PdfDocument(data)
            out = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
            doc.close()
            return out

        def whole_check():
            return check_contract(read_document(pdf))

        rows = [("pypdf extraction", *best(pypdf_text, args.repeat)),
                ("pypdfium2 extraction", *best(pdfium_text, args.repeat)),
                ("sdpa check (read + analyse)", *best(whole_check, args.repeat))]
        floor = min(rows[0][1], rows[1][1])
        print(f"{n}-page PDF ({len(data) / 1024:.0f} KiB), best and median of {args.repeat} warm runs\n")
        print("| step | best | median | pages/s | × the faster extractor |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, b, med in rows:
            print(f"| {name} | {b * 1000:.0f} ms | {med * 1000:.0f} ms | {n / b:.0f} | {b / floor:.2f} |")
        exe = Path(sys.executable).with_name("sdpa")
        t = time.perf_counter()
        subprocess.run([str(exe), "check", str(pdf), "--format", "json"], check=True, capture_output=True)
        print(f"\n`sdpa check` end to end (new process, cold imports): {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
