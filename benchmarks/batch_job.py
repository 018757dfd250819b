"""A big batch as the app runs it: the batch page (streamlit's AppTest, in this process, which
stands for the server) is given a CSV of N vendors, asks, starts the job, and is reloaded (a new
session) every few seconds until the job is done. Prints the time, the server's peak memory and
the job's, and the size of the ZIP parts on disk.

    python benchmarks/batch_job.py --rows 20000
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def vendors_csv(n: int) -> bytes:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["vendor_name", "product", "contact_email", "contract_date"])
    for i in range(n):
        w.writerow([f"Vendor {i:05d} LLC", f"Product {i}", f"legal{i}@vendor{i}.example", "2026-09-01"])
    return out.getvalue().encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=20000)
    args = ap.parse_args()
    from streamlit.testing.v1 import AppTest

    import generator as g

    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(SDPA_BATCH_JOBS_DIR=str(Path(tmp) / "jobs"), SDPA_DATABASE_URL=f"sqlite:///{tmp}/r.sqlite3")
        os.environ.pop("SDPA_BATCH_JOB_ROWS", None)
        page = str(ROOT / "app_pages" / "batch.py")
        at = AppTest.from_file(page, default_timeout=600).run()
        at.file_uploader(key="vendors").upload("vendors.csv", vendors_csv(args.rows), "text/csv").run()
        print(at.warning[0].value[:100])
        t = time.perf_counter()
        at.button(key="start_job").click().run()
        reloads = 0
        while True:
            (job,) = g.list_jobs()
            if job["state"] not in ("starting", "running"):
                break
            time.sleep(5)
            again = AppTest.from_file(page, default_timeout=600).run()  # a reload: a new session
            reloads += 1
            assert not again.exception
        took = time.perf_counter() - t
        parts = [job["folder"] / "out" / p for p in job.get("parts", [])]
        server = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{args.rows:,} rows: {job['state']} in {took:.0f} s ({reloads} reloads); "
              f"generated {job.get('generated')}, rejected {job.get('rejected')}; "
              f"server peak {server:.0f} MB; job's largest process {job.get('peak_mb')} MB; "
              f"{len(parts)} ZIP parts, {sum(p.stat().st_size for p in parts) / 2**20:.0f} MB on disk")


if __name__ == "__main__":
    main()
