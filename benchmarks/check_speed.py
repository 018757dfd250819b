"""Time the contract check on a 30-page PDF against text extraction alone, in the same run.

Builds the PDF with LibreOffice (a long contract: the example addendum followed by filler
clauses), then times:

- cold, each in a fresh process and taking turns round by round: ``sdpa check PDF`` end to end
  (imports, clause library, reading, the first check with its automata built) beside a Python
  process that only extracts the text with pypdf (imports included);
- warm and in one process: pypdf extraction, pypdfium2 extraction, and sdpa's whole check
  (read + analyse).

    python benchmarks/check_speed.py [--pages 30] [--repeat 10] [--cold 7]
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
from generator.checking.analysis import check_contract  # noqa: E402
from generator.models import Vendor  # noqa: E402
from generator.reading.extract import read_document  # noqa: E402

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


def timed(fns: list, repeat: int) -> list[tuple[float, float]]:
    """Best and median wall time of each function over ``repeat`` warm rounds. The functions
    take turns within each round, so a burst of load on this shared machine hits all of them
    alike rather than one."""
    for fn in fns:
        fn()  # warm
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t = time.perf_counter()
            fn()
            times[i].append(time.perf_counter() - t)
    return [(min(ts), statistics.median(ts)) for ts in times]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--cold", type=int, default=7, help="rounds of fresh processes")
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

        names = ["pypdf extraction", "pypdfium2 extraction", "sdpa check (read + analyse)"]
        results = timed([pypdf_text, pdfium_text, whole_check], args.repeat)
        rows = [(name, b, med) for name, (b, med) in zip(names, results)]
        floor = min(rows[0][1], rows[1][1])
        floor_med = min(rows[0][2], rows[1][2])
        print(f"{n}-page PDF ({len(data) / 1024:.0f} KiB), best and median of {args.repeat} warm, interleaved rounds\n")
        print("| step | best | median | pages/s (best) | × faster extractor (best) | × (median) |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name, b, med in rows:
            print(f"| {name} | {b * 1000:.0f} ms | {med * 1000:.0f} ms | {n / b:.0f} | {b / floor:.2f} | {med / floor_med:.2f} |")
        cold = cold_rounds(pdf, args.cold)
        print(f"\nCold, each a fresh process, best and median of {args.cold} interleaved rounds\n")
        print("| fresh process | best | median | × pypdf (best) | × pypdf (median) |")
        print("| --- | ---: | ---: | ---: | ---: |")
        base_b, base_m = min(cold["pypdf"]), statistics.median(cold["pypdf"])
        for name, ts in cold.items():
            b, m = min(ts), statistics.median(ts)
            print(f"| {name} | {b:.2f} s | {m:.2f} s | {b / base_b:.2f} | {m / base_m:.2f} |")


PYPDF_ONLY = "import sys\nfrom pypdf import PdfReader\n[p.extract_text() for p in PdfReader(sys.argv[1]).pages]"


def cold_rounds(pdf: Path, rounds: int) -> dict[str, list[float]]:
    """Wall time of fresh processes, taking turns each round so that load on this shared
    machine falls on both alike: ``sdpa check`` (its JSON checked) and pypdf extraction only."""
    exe = Path(sys.executable).with_name("sdpa")
    commands = {"`sdpa check PDF --format json`": [str(exe), "check", str(pdf), "--format", "json"],
                "pypdf": [sys.executable, "-c", PYPDF_ONLY, str(pdf)]}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, cmd in commands.items():
            t = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            times[name].append(time.perf_counter() - t)
            if proc.returncode not in (0, 1):
                raise SystemExit(f"{name} failed: {proc.stderr.strip()}")
            if name.startswith("`sdpa"):
                json.loads(proc.stdout)  # the check really ran
    return {"pypdf": times["pypdf"], **{k: v for k, v in times.items() if k != "pypdf"}}


if __name__ == "__main__":
    main()
