"""The register at a region's size: each step as a user meets it, in a fresh process, timed and
its peak memory read (``ru_maxrss`` of that child), printed against the issue's targets and
against a floor measured in the same run.

The floor is what the database itself needs: a bare ``SELECT count(*)`` of the contracts and a
bare indexed page of 50 contracts, each in a fresh Python process that only opens SQLAlchemy.
The register is filled by ``sdpa register import`` from a CSV of N made-up contracts; then
``register due`` and ``register list`` (one page each, as they run by default; each three times,
a fresh process each time, the median printed; after one ``register due`` not counted, which
derives whatever an upgrade of sdpa's rules left to derive, a one-time wait), the library
calls the app's register page makes for its first view, the page itself (streamlit's AppTest),
and an export restored into a second, empty register with the counts and the checksum compared.
The backup of one board is measured on the board the CSV was imported into (all N contracts):
``register export`` to a ZIP and ``register import`` of it into an empty register, each a fresh
process against the 300 MB target, then the counts of every table and ``register_checksum``
compared.

    python benchmarks/register_scale.py                      # SQLite, 20,000 contracts, one board
    SDPA_BENCH_POSTGRES_URL=postgresql+psycopg://... python benchmarks/register_scale.py \\
        --postgres --wipe                                    # PostgreSQL, 100,000 in 50 boards
    python benchmarks/register_scale.py --single-board       # only the import and one board's backup

With --postgres the register is the database of ``$SDPA_BENCH_POSTGRES_URL``; it must be empty,
or --wipe drops its tables first (and the schemas ``bench_import``, ``bench_single`` and
``bench_restore``). It
then holds a region: ``--boards`` boards (default 50) sharing the contracts, each board's CSV
imported by its own ``sdpa register --board-id N import``. The import target is measured on one
CSV of all the contracts imported into one board (in the schema ``bench_import``), and so is
one board's backup (restored into ``bench_single``); what is due,
the lists and the page are measured for board 1 of the region; the region's export and restore
is every board exported and restored into an empty copy (``bench_restore``), each board's counts
and checksum compared.
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
TODAY = "2027-01-15"
# a fresh process that writes its own peak memory (KB) to the file named first, then runs code
WRAP = """
import atexit, resource, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))
"""
CLI = WRAP + """
sys.argv[0] = "sdpa"
from generator.cli import main
main()
"""
# the calls app_pages/register.py makes before it shows anything (its first view)
FIRST_VIEW = WRAP + """
from datetime import date
import time
import generator as g
from generator.records.register import Register
t = time.perf_counter()
reg = Register(sys.argv[1])
today, board = date.fromisoformat(sys.argv[2]), g.load_board()
t1 = time.perf_counter()
due = g.due_page(reg, today, board, limit=50)
t2 = time.perf_counter()
listed = g.contracts_page(reg, today, limit=50)
t3 = time.perf_counter()
due = g.due_page(reg, today, board, limit=25)
counts = g.status_counts(reg, today)
listed = g.contracts_page(reg, today, limit=50)
t4 = time.perf_counter()
print(f"CALLS {t1 - t + t4 - t3:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {due.total} due; {sum(counts.values())} contracts; "
      f"{len(listed.items)} listed")
"""
# the page itself, run once as streamlit runs it for a visitor (after the server has started)
PAGE = WRAP + """
import time
from streamlit.testing.v1 import AppTest
took = []
for _ in range(2):  # the server's first visitor (imports and all), then a new session on it
    at = AppTest.from_file(sys.argv[1] + "/app_pages/register.py", default_timeout=600)
    t = time.perf_counter()
    at.run()
    took.append(time.perf_counter() - t)
    assert not at.exception, at.exception
print(f"PAGE {took[0]:.3f} {took[1]:.3f} {len(''.join(h.value for h in at.html)):,} characters of tables")
"""
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
# the same bare page query as a one-command Typer app: what any command of this stack costs
FLOOR_CLI = """
import sys
import typer
from sqlalchemy import create_engine, text
app = typer.Typer()
@app.callback()
def root() -> None:
    pass
@app.command("page")
def page(url: str, after: int) -> None:
    with create_engine(url).connect() as c:
        rows = c.execute(text("SELECT id, product FROM contracts WHERE id > :k ORDER BY id LIMIT 50"),
                         {"k": after}).all()
    print(len(rows))
app()
"""
CHECKSUM = """
import sys
from generator.records.backup import BACKUP_TABLES, register_checksum
from generator.records.register import Register
from generator.records.tenancy import list_boards
with Register(sys.argv[1]) as reg:
    for b in list_boards(reg.engine):
        one = reg.for_board(b.id)
        print(b.id, register_checksum(one), *(one.count(t) for t in BACKUP_TABLES))
"""
# boards 2..N of an empty register (the first migration makes board 1)
BOARDS = """
import sys
from generator.records.register import Register
from generator.records.tenancy import add_board
with Register(sys.argv[1]) as reg:
    for n in range(2, int(sys.argv[2]) + 1):
        add_board(reg.engine, f"Member Board {n:02d}")
"""


def write_contracts(path: Path, n: int, seed: int = 7) -> None:
    """A CSV of ``n`` contracts of the documented import columns, 20 contracts a vendor."""
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


def child(code: str, args: list[str], env: dict, tmp: Path, ok: tuple = (0,)) -> tuple[float, float, str]:
    """(seconds, peak MB, output) of ``code`` run in a fresh Python process (exit codes ``ok``)."""
    rss = tmp / "rss"
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, str(rss), *args], capture_output=True, text=True,
                         env=env, cwd=ROOT)
    elapsed = time.perf_counter() - t
    if out.returncode not in ok:
        raise SystemExit(f"{' '.join(args)[:80]} failed: {out.stderr.strip()[-600:]}")
    return elapsed, int(rss.read_text()) / 1024, out.stdout.strip()


def floor(args: list[str], env: dict, code: str = FLOOR) -> float:
    """Best of three fresh processes running the bare query (``code``: as a bare script, or as
    a one-command Typer app)."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, env=env)
        best = min(best, time.perf_counter() - t)
    return best


def wipe(url: str) -> None:
    """Drop every table of the PostgreSQL database at ``url`` and the restore's schema."""
    from sqlalchemy import MetaData, create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        for schema in ("bench_import", "bench_single", "bench_restore"):
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        meta = MetaData()
        meta.reflect(conn)
        meta.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


def in_schema(url: str, schema: str) -> str:
    """``url`` with every connection's search path set to ``schema`` (created if missing)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
    engine.dispose()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--contracts", type=int, default=None, help="default 20,000 (SQLite), 100,000 (--postgres)")
    ap.add_argument("--postgres", action="store_true", help="use $SDPA_BENCH_POSTGRES_URL")
    ap.add_argument("--boards", type=int, default=None, help="boards sharing the contracts (default 1 on "
                    "SQLite, 50 with --postgres)")
    ap.add_argument("--wipe", action="store_true", help="drop the PostgreSQL database's tables first")
    ap.add_argument("--existing", action="store_true", help="measure the register an earlier --postgres run "
                    "filled (no import, export or restore)")
    ap.add_argument("--single-board", action="store_true", help="only the CSV import into one board and that "
                    "board's backup and restore")
    args = ap.parse_args()
    if args.single_board and args.existing:
        sys.exit("--single-board imports its board; it cannot measure an --existing register")
    n = args.contracts or (100_000 if args.postgres else 20_000)
    boards = 1 if args.single_board else args.boards or (50 if args.postgres else 1)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.postgres:
            url = os.environ.get("SDPA_BENCH_POSTGRES_URL") or sys.exit("set SDPA_BENCH_POSTGRES_URL")
            if args.wipe and not args.existing:
                wipe(url)
            import_url, restore_url = in_schema(url, "bench_import"), in_schema(url, "bench_restore")
            single_url = in_schema(url, "bench_single")
        else:
            url, restore_url = f"sqlite:///{tmp / 'register.sqlite3'}", f"sqlite:///{tmp / 'restored.sqlite3'}"
            import_url, single_url = url, f"sqlite:///{tmp / 'single.sqlite3'}"
        env = {**os.environ, "SDPA_DATABASE_URL": url, "PYTHONPATH": str(ROOT), "SDPA_BOARD_ID": "1"}
        env.pop("SDPA_BOARD", None)
        src = tmp / "contracts.csv"
        rows = []  # (what, seconds, peak MB, target seconds or None, note)
        single = ""  # the line comparing one board's backup with its restore

        def cli(name: str, cmd: list[str], target: float | None, e: dict = env, runs: int = 1) -> str:
            """``cmd`` as a user runs it, a fresh process each time; a read ``runs`` times, its
            median time and its highest peak."""
            took = [child(CLI, cmd, e, tmp, ok=(0, 1)) for _ in range(runs)]  # 1: something is overdue
            t, mb, out = sorted(x[0] for x in took)[runs // 2], max(x[1] for x in took), took[-1][2]
            rows.append((name + (f" (median of {runs})" if runs > 1 else ""), t, mb, target,
                         (out.splitlines() or [""])[-1][:70]))
            return out

        def each_board(name: str, cmd: list[str], e: dict) -> None:
            """``cmd`` (with {b} for the board) once per board, each a fresh process: the total."""
            total, peak = 0.0, 0.0
            for b in range(1, boards + 1):
                t, mb, _ = child(CLI, [x.format(b=b) for x in cmd], {**e, "SDPA_BOARD_ID": str(b)}, tmp)
                total, peak = total + t, max(peak, mb)
            rows.append((name, total, peak, None, f"{boards} processes, {total / boards:.2f} s each"))

        if not args.existing:
            write_contracts(src, n)
            cli(f"register import (CSV): {n:,} contracts into one board, due derived", ["register", "import",
                str(src)], 60.0, {**env, "SDPA_DATABASE_URL": import_url})
            single = single_board_backup(n, import_url, single_url, env, tmp, cli)
            if boards > 1:
                child(WRAP + BOARDS, [url, str(boards)], env, tmp)
                per = n // boards
                lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
                for b in range(1, boards + 1):
                    (tmp / f"board{b}.csv").write_text(lines[0] + "".join(lines[1 + (b - 1) * per:1 + b * per]),
                                                       encoding="utf-8")
                each_board(f"the region filled: each board's {per:,} imported by its own command",
                           ["register", "import", str(tmp / "board{b}.csv")], env)
        where = import_url if args.single_board else url
        floor_count = floor([where, "count"], env)
        floor_page = floor([where, "page", str(n // 2)], env)
        floor_cli = floor(["page", where, str(n // 2)], env, FLOOR_CLI)
        floors = (floor_count, floor_page, floor_cli)
        if args.single_board:
            report(args, n, boards, floors, rows, single, "", "")
            return
        child(CLI, ["register", "due", "--today", TODAY], env, tmp, ok=(0, 1))  # derives what is not stored yet
        cli("register due (one page)", ["register", "due", "--today", TODAY], 1.0, runs=3)
        cli("register list (one page)", ["register", "list", "--today", TODAY], 0.5, runs=3)
        t, mb, out = child(FIRST_VIEW, [url, TODAY], env, tmp)
        calls, due_call, list_call = (float(x) for x in out.split()[1:4])
        rows.append(("  due, one page: the library call (the register already open)", due_call, mb, 1.0, ""))
        rows.append(("  list, one page: the library call (the register already open)", list_call, mb, 0.5, ""))
        rows.append(("register page, first view: its library calls (opening the register too)", calls, mb, 1.5,
                     " ".join(out.split()[4:])))
        rows.append(("  the same, with the process's start and imports", t, mb, None, ""))
        t, mb, out = child(PAGE, [str(ROOT)], env, tmp)
        first, warm = (float(x) for x in out.split()[1:3])
        rows.append(("register page (AppTest), a new session on a running server", warm, mb, 1.5,
                     " ".join(out.split()[3:])))
        rows.append(("  the same, the server's very first view (imports and all)", first, mb, None, ""))
        before = after = ""
        if not args.existing and boards > 1:  # one board's backup is measured above
            child(WRAP + BOARDS, [restore_url, str(boards)], env, tmp)
            each_board("export (ZIP), every board", ["register", "export", "--out", str(tmp / "backup{b}.zip")], env)
            each_board("restore (ZIP) into an empty register, every board",
                       ["register", "import", str(tmp / "backup{b}.zip")], {**env, "SDPA_DATABASE_URL": restore_url})
            _, _, before = child(WRAP + CHECKSUM, [url], env, tmp)
            _, _, after = child(WRAP + CHECKSUM, [restore_url], env, tmp)
    report(args, n, boards, floors, rows, single, before, after)


def single_board_backup(n: int, url: str, target_url: str, env: dict, tmp: Path, cli) -> str:
    """``register export`` of the one board of ``url`` (its ``n`` contracts) and ``register
    import`` of that ZIP into the empty register ``target_url``, each measured as a row (``cli``);
    returns the line comparing their counts and checksums."""
    backup = tmp / "single-board.zip"
    cli(f"register export (ZIP), one board of {n:,} contracts", ["register", "export", "--out", str(backup)], None,
        {**env, "SDPA_DATABASE_URL": url})
    cli("register import of that ZIP (restore) into an empty register", ["register", "import", str(backup)], None,
        {**env, "SDPA_DATABASE_URL": target_url})
    _, _, before = child(WRAP + CHECKSUM, [url], env, tmp)
    _, _, after = child(WRAP + CHECKSUM, [target_url], env, tmp)
    counts = [line.split()[2:] for line in before.splitlines()]
    same_counts = counts == [line.split()[2:] for line in after.splitlines()]
    same_sum = [line.split()[1] for line in before.splitlines()] == [line.split()[1] for line in after.splitlines()]
    return (f"export → restore of one board, {sum(int(x) for c in counts for x in c):,} records in "
            f"{backup.stat().st_size / 2**20:.1f} MB of ZIP: counts per table {'equal' if same_counts else 'DIFFER'}; "
            f"checksum {'equal' if same_sum else 'DIFFERS'}")


def report(args, n: int, boards: int, floors: tuple[float, float, float], rows: list, single: str,
           before: str, after: str) -> None:
    """Print the table of ``rows`` against the targets and the floor, and the round trips."""
    floor_count, floor_page, floor_cli = floors
    kind = "PostgreSQL" if args.postgres else "SQLite"
    print(f"\n## Register at {n:,} contracts ({kind}, {boards} board{'s' if boards > 1 else ''}; "
          f"lists and page for board 1)\n")
    print(f"floor: SELECT count(*) {floor_count:.2f} s; one indexed page of 50 {floor_page:.2f} s; the same "
          f"page as a one-command Typer app {floor_cli:.2f} s (fresh processes, best of 3)\n")
    print("| step (fresh process) | seconds | target | × page floor | peak MB (target 300) | met |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, t, mb, target, _ in rows:
        met = (target is None or t < target) and mb < 300
        print(f"| {name} | {t:.2f} | {f'< {target:g} s' if target else '—'} | {t / floor_page:.1f} | {mb:.0f} | "
              f"{'yes' if met else 'NO'} |")
    if single:
        print(f"\n{single}")
    if before:
        old, new = before.splitlines(), after.splitlines()
        counts = [line.split()[2:] for line in old]
        same_counts = counts == [line.split()[2:] for line in new]
        same_sums = [line.split()[:2] for line in old] == [line.split()[:2] for line in new]
        records = sum(int(x) for c in counts for x in c)
        print(f"\nexport → restore of {len(old)} board(s), {records:,} records: counts per board and table "
              f"{'equal' if same_counts else 'DIFFER'}; checksum per board {'equal' if same_sums else 'DIFFERS'}")
    for name, *_, note in rows:
        if note:
            print(f"- {name}: {note}")


if __name__ == "__main__":
    main()
