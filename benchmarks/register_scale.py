"""The register at a region's size: each `sdpa register` command as a user runs it (a fresh
process), timed and its peak memory read, against a floor measured in the same run.

The floor is what the database itself needs: a bare ``SELECT count(*)`` of the contracts and a
bare indexed page of 50 contracts, each in a fresh Python process that only opens SQLAlchemy.
The register is filled by `sdpa register import` from a CSV of N made-up contracts (the
import is timed too).

    python benchmarks/register_scale.py [--contracts 20000] [--db URL]

Without --db, a new SQLite file in a temporary folder. With --db, an EMPTY register (PostgreSQL:
an empty database), which the run fills.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# sdpa in a fresh process that writes its own peak memory (KB) to the file named first
WRAP = """
import atexit, resource, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))
sys.argv[0] = "sdpa"
from generator.cli import main
main()
"""


def write_contracts(path: Path, n: int, seed: int = 7) -> None:
    """A CSV of ``n`` contracts of the documented import columns, about 1 in 20 vendors repeated."""
    rng = random.Random(seed)
    start = date(2018, 7, 1)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["vendor_name", "product", "executed", "term_end", "description", "purpose",
                    "data_collected"])
        for i in range(n):
            executed = start + timedelta(days=rng.randrange(3000))
            end = executed + timedelta(days=365 * rng.choice((1, 2, 3)))
            w.writerow([f"Vendor {i // 20:05d}", f"Product {i:06d}", executed.isoformat(), end.isoformat(),
                        "Reading practice", "Instruction", "name; grade; reading level"])


def run(cmd: list[str], env: dict, tmp: Path) -> tuple[float, float, str]:
    """(seconds, peak MB, last line of output) of ``sdpa CMD`` in a fresh process."""
    rss = tmp / "rss"
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAP, str(rss), *cmd], capture_output=True, text=True,
                         env=env, cwd=ROOT)
    elapsed = time.perf_counter() - t
    if out.returncode not in (0, 1):
        raise SystemExit(f"sdpa {' '.join(cmd)} failed: {out.stderr.strip()[-400:]}")
    lines = (out.stdout or out.stderr).strip().splitlines()
    return elapsed, int(rss.read_text()) / 1024, (lines[-1] if lines else "")


def floor(args: list[str], env: dict) -> float:
    """Best of three fresh processes running the bare query."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", FLOOR, *args], check=True, capture_output=True, env=env)
        best = min(best, time.perf_counter() - t)
    return best


FLOOR = """
import sys
from sqlalchemy import create_engine, text
e = create_engine(sys.argv[1])
with e.connect() as c:
    if sys.argv[2] == "count":
        print(c.execute(text("SELECT count(*) FROM contracts")).scalar())
    else:
        rows = c.execute(text("SELECT id, product FROM contracts WHERE id > :k ORDER BY id LIMIT 50"),
                         {"k": int(sys.argv[3])}).all()
        print(len(rows))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contracts", type=int, default=20000)
    ap.add_argument("--db", help="an empty register's URL (default: a new SQLite file)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        url = args.db or f"sqlite:///{tmp / 'register.sqlite3'}"
        env = {**os.environ, "SDPA_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
        src = tmp / "contracts.csv"
        write_contracts(src, args.contracts)
        rows = []
        t, mb, line = run(["register", "import", str(src)], env, tmp)
        rows.append(("register import (CSV)", t, mb, line))
        floor_count = floor([url, "count"], env)
        floor_page = floor([url, "page", str(args.contracts // 2)], env)
        for name, cmd in (("register due", ["register", "due", "--today", "2027-01-15"]),
                          ("register list", ["register", "list", "--today", "2027-01-15"]),
                          ("register publish", ["register", "publish", "--out", str(tmp / "site")]),
                          ("register export", ["register", "export", "--out", str(tmp / "backup.json")])):
            t, mb, line = run(cmd, env, tmp)
            rows.append((name, t, mb, line[:60]))
    print(f"\n## Register at {args.contracts:,} contracts ({'SQLite' if url.startswith('sqlite') else url.split(':')[0]})\n")
    print(f"floor: SELECT count(*) {floor_count:.2f} s; one indexed page of 50 {floor_page:.2f} s "
          "(fresh processes, best of 3)\n")
    print("| command (fresh process) | seconds | × page floor | peak MB |")
    print("| --- | ---: | ---: | ---: |")
    for name, t, mb, _ in rows:
        print(f"| {name} | {t:.2f} | {t / floor_page:.1f} | {mb:.0f} |")


if __name__ == "__main__":
    main()
