"""Batch speed and memory: N vendors through `run_batch` against the floor, in the same run.

The floor writes the addendum template's package N times with no rendering, on the same number
of worker processes. Each size runs in a fresh process so its peak memory is its own.

    python benchmarks/batch.py [--n 1000] [--also 10000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import default_library, load_board  # noqa: E402
from generator.batch import run_batch  # noqa: E402
from generator.documents.render import ADDENDUM_TEMPLATE  # noqa: E402

_ENTRIES: list = []


def write_vendors(path: Path, n: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["vendor_name", "product", "contact_email", "contract_date", "purpose",
                    "data_collected", "deletion_method", "term_end"])
        for i in range(n):
            w.writerow([f"Vendor {i:05d} Learning LLC", f"Product {i}", f"privacy{i}@vendor.example",
                        "2026-09-01", "Classroom practice and progress reports",
                        "Student name; Student ID; Grade level; Assessment results",
                        "The Board emails the vendor; deletion within 14 days, confirmed in writing.",
                        "2027-06-30"])


def _floor_init() -> None:
    with zipfile.ZipFile(ADDENDUM_TEMPLATE) as zf:
        _ENTRIES[:] = [(i, zf.read(i.filename)) for i in zf.infolist()]


def _floor_one(target: str) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info, data in _ENTRIES:
            out.writestr(info, data)
    Path(target).write_bytes(buf.getvalue())


def child(n: int, jobs: int) -> dict:
    board, library = load_board(), default_library()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "vendors.csv"
        write_vendors(src, n)
        t = time.perf_counter()
        result = run_batch(src, Path(tmp) / "out", board, library, jobs=jobs)
        batch_s = time.perf_counter() - t
        assert result.generated == n, result
        floor_dir = Path(tmp) / "floor"
        floor_dir.mkdir()
        t = time.perf_counter()
        with get_context("fork").Pool(jobs, _floor_init) as pool:
            pool.map(_floor_one, [str(floor_dir / f"{i}.docx") for i in range(n)], chunksize=64)
        floor_s = time.perf_counter() - t
    return {
        "n": n, "jobs": jobs, "batch_s": batch_s, "floor_s": floor_s,
        "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--also", type=int, default=0, help="a second size, to compare peak memory")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.jobs)))
        return
    rows = []
    for n in [args.n] + ([args.also] if args.also else []):
        out = subprocess.run([sys.executable, __file__, "--child", str(n), "--jobs", str(args.jobs)],
                             check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    print(f"batch of generated vendors, {args.jobs} worker processes on {os.cpu_count()} cores\n")
    print("| vendors | batch | documents/s | floor (package rewrite) | × floor | peak RSS main | peak RSS largest worker |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['n']:,} | {r['batch_s']:.1f} s | {r['n'] / r['batch_s']:.0f} | {r['floor_s']:.1f} s | "
              f"{r['batch_s'] / r['floor_s']:.2f} | {r['self_mb']:.0f} MB | {r['worker_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
