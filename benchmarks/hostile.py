"""How each entry point answers the hostile corpus (tests/hostile/corpus.py): cases tried and
handled cleanly, i.e. a correct result or exit 2 with one line naming the file or field, no
traceback, nothing written outside the output folder. Then each contract and spreadsheet in a
fresh process: its size, the exit code, the time and the peak memory (VmHWM), beside the same
figures for a small valid contract and vendor list measured in the same run (the floor); and
what the app's page does with the same file (the library call it makes, in this process, as the
server makes it), its answer and its time, each against the 30 s the issue allows.

    python benchmarks/hostile.py
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from typer.testing import CliRunner  # noqa: E402

from generator.cli.commands import app  # noqa: E402
from tests.hostile.corpus import NAMES, contracts, spreadsheets  # noqa: E402
from tests.hostile.measure import run_measured  # noqa: E402

runner = CliRunner()


def clean(res, expect_name: str = "") -> bool:
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        return False
    if res.exit_code in (0, 1):
        return "Traceback" not in res.output
    lines = res.stderr.strip().splitlines()
    return (res.exit_code == 2 and len(lines) == 1 and lines[0].startswith("sdpa: error: ")
            and (not expect_name or expect_name in lines[0]))


def inside(folder: Path) -> bool:
    return all(p.resolve().is_relative_to(folder.resolve()) for p in folder.rglob("*"))


def main() -> None:
    results: dict[str, list[tuple[str, bool]]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        files = {}
        for i, (name, (fname, data)) in enumerate(contracts(tmp).items()):
            (tmp / f"c{i}").mkdir()
            files[name] = tmp / f"c{i}" / fname
            files[name].write_bytes(data)
        db = f"sqlite:///{tmp / 'r.sqlite3'}"
        runner.invoke(app, ["register", "add", "--vendor", "A", "--product", "P", "--db", db])
        vendor = tmp / "v.json"
        vendor.write_text(json.dumps({"name": "Acme", "product": "P", "contact_email": "a@acme.example",
                                      "contract_date": "2026-09-01"}))
        for name, path in files.items():
            results.setdefault("sdpa check", []).append(
                (name, clean(runner.invoke(app, ["check", str(path)]), path.name)))
            results.setdefault("sdpa letter amendment", []).append(
                (name, clean(runner.invoke(app, ["letter", "amendment", str(path), "--vendor", str(vendor),
                                                 "--out", str(tmp / "l" / "x.docx")]), path.name)))
            results.setdefault("sdpa register record check", []).append(
                (name, clean(runner.invoke(app, ["register", "record", "check", "1", "--file", str(path),
                                                 "--db", db]), path.name)))
        for name, (fname, data) in spreadsheets().items():
            folder = tmp / ("s-" + name.replace(" ", "-"))
            folder.mkdir()
            (folder / fname).write_bytes(data)
            res = runner.invoke(app, ["batch", str(folder / fname), "--out", str(folder / "out"), "--jobs", "1"])
            ok = clean(res, fname) and inside(folder)
            if ok and res.exit_code in (0, 1):
                with (folder / "out" / "manifest.csv").open(encoding="utf-8-sig", newline="") as f:
                    cells = [c for row in csv.reader(f) for c in row]
                ok = not any(c.startswith(("=", "+", "-", "@")) for c in cells)
            results.setdefault("sdpa batch (spreadsheets)", []).append((name, ok))
        for i, (name, value) in enumerate(NAMES.items()):
            folder = tmp / f"n-{i}"
            folder.mkdir()
            vfile = folder / "v.json"
            vfile.write_text(json.dumps({"name": value, "product": "P", "contact_email": "a@acme.example",
                                         "contract_date": "2026-09-01", "purpose": "Reading practice",
                                         "data_collected": "Student name"}))  # a posting notice needs both
            res = runner.invoke(app, ["addendum", "--vendor", str(vfile), "--out", str(folder / "o" / "a.docx")])
            results.setdefault("sdpa addendum (vendor names)", []).append((name, clean(res, "name") and inside(folder)))
            res = runner.invoke(app, ["letter", "contract-posting", "--vendor", str(vfile), "--executed", "2026-12-22",
                                      "--out", str(folder / "o" / "p.docx")])
            html = folder / "o" / "p.html"
            ok = clean(res, "name") and (not html.exists() or "<script>" not in html.read_text())
            results.setdefault("sdpa letter contract-posting (vendor names)", []).append((name, ok))
            res = runner.invoke(app, ["register", "add", "--vendor", value, "--product", "P", "--db", db])
            results.setdefault("sdpa register add (vendor names)", []).append((name, clean(res)))
    print("| entry point | cases | handled cleanly | not handled |")
    print("| --- | ---: | ---: | --- |")
    total = good = 0
    for entry, cases in results.items():
        bad = [n for n, ok in cases if not ok]
        total, good = total + len(cases), good + len(cases) - len(bad)
        print(f"| {entry} | {len(cases)} | {len(cases) - len(bad)} | {', '.join(bad) or '-'} |")
    print(f"| **all** | **{total}** | **{good}** | |")
    print()
    measure_each()


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.1f} KB"


LIMIT = 30.0  # issue 23: every crafted file answered within 30 s, by the CLI and by the app


def app_answer(kind: str, name: str, path: Path) -> tuple[str, float]:
    """What the app's page does with the file, in this process as the server does (its boxes
    kept between files): the check page's ``check_file`` on the upload's bytes, or the batch
    page's ``rows_from_file`` on the vendor list. Returns (the answer in a few words, seconds)."""
    import io
    import time

    import generator as g

    data = path.read_bytes() if path.is_file() else b""
    start = time.monotonic()
    try:
        if kind == "check":
            report = g.check_file(data, g.default_library(), name=path.name)
            present = sum(f.status == "present" for f in report.provisions)
            answer = f"report: {present} present, {len(report.conflicts)} conflicts, {len(report.notes)} notes"
        else:
            rows = sum(1 for _ in g.rows_from_file(io.BytesIO(data), path.name))
            answer = f"{rows} rows listed"
    except g.SdpaError as exc:
        answer = "error: " + str(exc).split(": ", 1)[-1][:70]
    except Exception as exc:  # noqa: BLE001 - a figure too: what the page would show as "went wrong"
        answer = f"unexpected {type(exc).__name__}"
    return answer, time.monotonic() - start


def measure_each() -> None:
    """Per case: ``sdpa check`` / ``sdpa batch`` in a fresh process (exit code, time, peak
    memory), then what the app's page does with it (:func:`app_answer`), each against 30 s."""
    print("| command | case | input | exit | CLI s | peak MB | app: answer | app s | within 30 s |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | --- |")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        floor = tmp / "floor.txt"
        floor.write_text("Connecticut law governs this agreement. The Provider deletes student data on request.\n")
        cases = [("check", "floor: a small valid contract", floor)]
        for i, (name, (fname, data)) in enumerate(contracts(tmp).items()):
            (tmp / f"c{i}").mkdir()
            (tmp / f"c{i}" / fname).write_bytes(data)
            cases.append(("check", name, tmp / f"c{i}" / fname))
        (tmp / "floor.csv").write_text("vendor_name,product,contact_email,contract_date\n"
                                       "Acme,Reader,a@acme.example,2026-09-01\n")
        cases.append(("batch", "floor: a one-row vendor list", tmp / "floor.csv"))
        for i, (name, (fname, data)) in enumerate(spreadsheets().items()):
            (tmp / f"s{i}").mkdir()
            (tmp / f"s{i}" / fname).write_bytes(data)
            cases.append(("batch", name, tmp / f"s{i}" / fname))
        for kind, name, path in [("check", "/dev/zero", Path("/dev/zero"))] + cases:
            args = ["check", str(path)] if kind == "check" else \
                ["batch", str(path), "--out", str(path.parent / "out"), "--jobs", "1"]
            size = path.stat().st_size if path.is_file() else 0
            try:
                peak, code, _, secs = run_measured(*args, timeout=120)
                cli = f"{code} | {secs:.1f} | {peak}"
            except Exception as exc:  # noqa: BLE001 - a case that hangs is a figure too
                secs, cli = 120.0, f"- | over 120 | ({type(exc).__name__})"
            answer, app_secs = app_answer(kind, name, path) if path.is_file() else ("(a device: no upload)", 0.0)
            ok = "yes" if secs <= LIMIT and app_secs <= LIMIT else "**no**"
            print(f"| {kind} | {name} | {_size(size)} | {cli} | {answer} | {app_secs:.1f} | {ok} |", flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--measure"]:
        measure_each()
    else:
        main()
