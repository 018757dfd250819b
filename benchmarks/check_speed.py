"""Time the contract check on a PDF of real agreements against text extraction alone, in the
same run.

Builds the PDF with LibreOffice from three agreements of the development set of
../shared/eval/ (a student DPA, a district data exchange agreement and DPA standard terms: about 30 pages of
real contract prose, not repeated filler, on which pypdf is unusually slow), then times:

- warm and in one process, taking turns round by round: pypdf extraction, pypdfium2 extraction,
  sdpa's reading alone (in its box), ``check_file`` (read and check in one box task: what
  ``sdpa check`` and the app's check page run) and ``check_contract(read_document(pdf))`` (the
  notebook's two steps, two box tasks). A second check of the same PDF finds its sentences'
  pattern hits and frames kept from the first; the last row (in this process, unboxed) empties
  them first (``forget_texts``), as for a document the process has not seen;
- cold, each in a fresh process and taking turns round by round: ``sdpa check PDF`` end to end
  (imports, clause library, reading, the first check with its automata built) beside Python
  processes that only extract the text, with pypdfium2 and with pypdf (imports included), in
  wall time and in CPU seconds (what the machine's load does not stretch). ``sdpa check`` reads
  the PDF in a box of its own while the command loads the library and compiles the patterns, so
  its wall time is shorter than its CPU seconds when the machine has a core to spare: compare
  the two tables, and the load average.

The machine's load average is printed before and after: on a shared machine the wall times
stretch with it, the ratios of rounds taken in turn much less.

The package's own modules are compiled to bytecode first (``compileall``), as installing it
does: this machine sets ``PYTHONDONTWRITEBYTECODE``, and without it every fresh process would
compile sdpa's source again while pypdfium2's is compiled (about 60 ms of difference).

Targets (issue 19): a fresh ``sdpa check`` within 3× a fresh pypdfium2 extraction, a warm check
within 2× pypdfium2 extraction alone.

    python benchmarks/check_speed.py [--eval DIR] [--repeat 10] [--cold 7]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
import docx.shared  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from generator import convert_to_pdf  # noqa: E402
from generator.checking.analysis import check_contract  # noqa: E402
from generator.checking.engine import forget_texts  # noqa: E402
from generator.checking.one_file import check_file  # noqa: E402
from generator.library import default_library  # noqa: E402
from generator.reading.extract import read_data, read_document  # noqa: E402
from generator.reading.sandbox import unboxed  # noqa: E402

#: three agreements of the development set (never the held-back 53–59)
AGREEMENTS = ("02_sprout-student-dpa", "62_sfusd-stanford-data-exchange-agreement", "82_commonpaper-dpa-standard-terms")


def build_pdf(folder: Path, eval_dir: Path) -> Path:
    """A PDF of the three agreements one after another, each paragraph of their text one
    paragraph of the document."""
    d = docx.Document()
    d.styles["Normal"].font.size = docx.shared.Pt(10)  # a contract's usual type, not the 11 pt default
    for section in d.sections:
        section.left_margin = section.right_margin = docx.shared.Inches(0.8)
    for name in AGREEMENTS:
        for para in (eval_dir / "docs" / f"{name}.txt").read_text().split("\n"):
            if para.strip():
                d.add_paragraph(para.strip())
    path = folder / "contract.docx"
    d.save(str(path))
    (pdf,) = convert_to_pdf([path])
    return pdf


def timed(fns: list, repeat: int, clock=time.perf_counter) -> list[tuple[float, float]]:
    """Best and median time (wall, or ``clock``) of each function over ``repeat`` warm rounds.
    The functions take turns within each round, so a burst of load on this shared machine hits
    all of them alike rather than one."""
    for fn in fns:
        fn()  # warm
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t = clock()
            fn()
            times[i].append(clock() - t)
    return [(min(ts), statistics.median(ts)) for ts in times]


def print_rows(rows: list[tuple[str, float, float]], pages: int) -> None:
    """A Markdown table of ``rows`` (name, best, median in seconds), each against the second
    row, pypdfium2's extraction."""
    floor, floor_med = rows[1][1], rows[1][2]
    print("| step | best | median | pages/s (best) | × pypdfium2 (best) | × (median) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, b, med in rows:
        print(f"| {name} | {b * 1000:.0f} ms | {med * 1000:.0f} ms | {pages / b:.0f} | {b / floor:.2f} | {med / floor_med:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = next((d for d in (ROOT.parent / "shared" / "eval", ROOT.parent.parent / "shared" / "eval")
                    if d.is_dir()), ROOT.parent / "shared" / "eval")
    ap.add_argument("--eval", type=Path, default=default)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--cold", type=int, default=7, help="rounds of fresh processes")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = build_pdf(Path(tmp), args.eval)
        data = pdf.read_bytes()
        n = len(PdfReader(str(pdf)).pages)

        def pypdf_text():
            return [p.extract_text() for p in PdfReader(str(pdf)).pages]

        def pdfium_text():
            doc = pdfium.PdfDocument(data)
            out = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
            doc.close()
            return out

        library = default_library()

        def reading():
            return read_document(pdf)

        def one_box():
            return check_file(pdf, library)

        def two_steps():
            return check_contract(read_document(pdf))

        def as_new():
            with unboxed():
                forget_texts()
                return check_contract(read_data(data, pdf.name), library)

        names = ["pypdf extraction", "pypdfium2 extraction", "sdpa reading alone (`read_document`, boxed)",
                 "sdpa check, second of this PDF: `check_file` (read + check, one box)",
                 "sdpa check, second of this PDF: `check_contract(read_document(pdf))` (two boxes)",
                 "sdpa check with no hits or frames kept (`forget_texts()` first; unboxed)"]
        print(f"load average before: {_load()}")
        results = timed([pypdf_text, pdfium_text, reading, one_box, two_steps, as_new], args.repeat)
        print(f"{n}-page PDF of {', '.join(AGREEMENTS)} ({len(data) / 1024:.0f} KiB), "
              f"best and median of {args.repeat} warm, interleaved rounds\n")
        print_rows([(name, b, med) for name, (b, med) in zip(names, results)], n)

        def read_here():
            with unboxed():
                return read_data(data, pdf.name)

        def check_here():
            with unboxed():
                return check_contract(read_data(data, pdf.name), library)

        cpu_names = ["pypdf extraction", "pypdfium2 extraction", "sdpa reading alone",
                     "sdpa check (read + check), second of this PDF", "sdpa check with no hits or frames kept"]
        results = timed([pypdf_text, pdfium_text, read_here, check_here, as_new], args.repeat, time.process_time)
        print(f"\nThe same warm steps in this process (unboxed), in CPU time: what the machine's load does not "
              f"stretch; best and median of {args.repeat} interleaved rounds\n")
        print_rows([(name, b, med) for name, (b, med) in zip(cpu_names, results)], n)
        compileall.compile_dir(str(ROOT / "generator"), quiet=1)
        cold = cold_rounds(pdf, args.cold)
        print(f"\nCold, each a fresh process, best and median of {args.cold} interleaved rounds\n")
        print("| fresh process | best | median | × pypdfium2 (best) | × pypdfium2 (median) |")
        print("| --- | ---: | ---: | ---: | ---: |")
        base_b, base_m = min(cold["pypdfium2"]), statistics.median(cold["pypdfium2"])
        for name, ts in cold.items():
            b, m = min(ts), statistics.median(ts)
            print(f"| {name} | {b:.2f} s | {m:.2f} s | {b / base_b:.2f} | {m / base_m:.2f} |")
        print("\nThe same fresh processes in CPU seconds (user + system, a box included): what the machine's "
              "load does not stretch\n")
        print("| fresh process | best | median | × pypdfium2 (best) | × pypdfium2 (median) |")
        print("| --- | ---: | ---: | ---: | ---: |")
        base_b, base_m = min(CPU["pypdfium2"]), statistics.median(CPU["pypdfium2"])
        for name in cold:
            b, m = min(CPU[name]), statistics.median(CPU[name])
            print(f"| {name} | {b:.2f} s | {m:.2f} s | {b / base_b:.2f} | {m / base_m:.2f} |")
        print(f"\nload average after: {_load()}")


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 minutes)"
    except OSError:
        return "unknown"


PYPDF_ONLY = "import sys\nfrom pypdf import PdfReader\n[p.extract_text() for p in PdfReader(sys.argv[1]).pages]"
PDFIUM_ONLY = ("import sys\nimport pypdfium2 as pdfium\nd = pdfium.PdfDocument(sys.argv[1])\n"
               "[d[i].get_textpage().get_text_range() for i in range(len(d))]")


CPU: dict[str, list[float]] = {}  # CPU seconds (user + system) of each fresh process, its box included


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def cold_rounds(pdf: Path, rounds: int) -> dict[str, list[float]]:
    """Wall time of fresh processes, taking turns each round so that load on this shared
    machine falls on all alike: ``sdpa check`` (its JSON checked), and extraction only with
    pypdfium2 and with pypdf."""
    exe = Path(sys.executable).with_name("sdpa")
    commands = {"`sdpa check PDF --format json`": [str(exe), "check", str(pdf), "--format", "json"],
                "pypdfium2": [sys.executable, "-c", PDFIUM_ONLY, str(pdf)],
                "pypdf": [sys.executable, "-c", PYPDF_ONLY, str(pdf)]}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, cmd in commands.items():
            t, before = time.perf_counter(), _children_cpu()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            times[name].append(time.perf_counter() - t)
            CPU.setdefault(name, []).append(_children_cpu() - before)
            if proc.returncode not in (0, 1):
                raise SystemExit(f"{name} failed: {proc.stderr.strip()}")
            if name.startswith("`sdpa"):
                json.loads(proc.stdout)  # the check really ran
    return {"pypdfium2": times["pypdfium2"], **{k: v for k, v in times.items() if k != "pypdfium2"}}


if __name__ == "__main__":
    main()
