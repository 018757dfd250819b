"""Time `sdpa redline` on a 30-page DOCX against floors measured in the same run.

Builds the sample vendor contract of ``tools/redline_sample.py`` padded with neutral sections
until LibreOffice lays it out on at least ``--pages`` pages, then times, warm and in one
process, taking turns in each round so that load on a shared machine falls on all alike:

- the package rewrite alone (every part read and written again, as the redline does);
- python-docx open + save of the same file (the floor of any python-docx-based redline);
- the contract check alone (read + analyse: the redline runs it first);
- the whole redline;

and once, the `sdpa redline` command end to end.

When ``python_redlines`` (with its Docxodus engine) can be imported, it also times that
engine comparing the original with the accepted redline: what a comparison-based redline costs.

    python benchmarks/redline.py [--pages 30] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from generator import check_contract, convert_to_pdf, load_board, read_document, redline_document  # noqa: E402
from generator.models import Vendor  # noqa: E402
from tools.redline_sample import sample_contract  # noqa: E402


def build(pages: int, folder: Path) -> tuple[bytes, int]:
    """The sample contract padded until LibreOffice lays it out on at least ``pages`` pages."""
    extra = 60
    while True:
        data = sample_contract(extra)
        path = folder / "contract.docx"
        path.write_bytes(data)
        (pdf,) = convert_to_pdf([path])
        count = len(PdfReader(str(pdf)).pages)
        if count >= pages:
            return data, count
        extra = int(extra * pages / count) + 2


def rewrite(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, src.read(info.filename))
    return buf.getvalue()


def docx_roundtrip(data: bytes) -> bytes:
    buf = io.BytesIO()
    docx.Document(io.BytesIO(data)).save(buf)
    return buf.getvalue()


def timed(fns: dict, repeat: int) -> dict[str, tuple[float, float]]:
    for fn in fns.values():
        fn()  # warm
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeat):
        for k, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t0)
    return {k: (min(v), statistics.median(v)) for k, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    vendor = Vendor(**json.loads((ROOT / "examples" / "vendor.json").read_text()))
    board = load_board()
    with tempfile.TemporaryDirectory(prefix="sdpa-bench-") as tmp:
        data, pages = build(args.pages, Path(tmp))
        sdpa = Path(sys.executable).with_name("sdpa")
        t0 = time.perf_counter()
        subprocess.run([str(sdpa), "redline", str(Path(tmp) / "contract.docx"), "--vendor",
                        str(ROOT / "examples" / "vendor.json"), "--out", str(Path(tmp) / "out.docx")],
                       check=True, capture_output=True)
        cold = time.perf_counter() - t0
    result = redline_document(data, vendor, board)
    fns = {
        "package rewrite (zip read + write)": lambda: rewrite(data),
        "python-docx open + save": lambda: docx_roundtrip(data),
        "contract check (read + analyse)": lambda: check_contract(read_document(data, "c.docx")),
        "sdpa redline (check + mark up + write)": lambda: redline_document(data, vendor, board),
    }
    try:
        from python_redlines.engines import DocxodusEngine

        from tests.test_redline import accept_all

        engine, accepted = DocxodusEngine(), accept_all(result.docx)
        fns["python-redlines Docxodus compare (original vs accepted)"] = (
            lambda: engine.run_redline("Board", data, accepted))
    except ImportError:
        pass
    figures = timed(fns, args.repeat)
    floor = figures["python-docx open + save"][0]
    print(f"{pages} pages, {len(data) / 1024:.0f} KB DOCX; {result.summary()}; "
          f"best and median of {args.repeat} warm rounds")
    print("| step | best | median | × python-docx open+save (best) |")
    print("| --- | ---: | ---: | ---: |")
    for k, (best, med) in figures.items():
        print(f"| {k} | {best * 1000:.0f} ms | {med * 1000:.0f} ms | {best / floor:.2f} |")
    print(f"`sdpa redline` end to end (new process, cold imports): {cold:.2f} s")


if __name__ == "__main__":
    main()
