"""Bad and hostile input at every entry point: a clean, named error or a correct result; no
traceback, no hang, nothing written outside the output folder, nothing lost."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from generator.cli.commands import app

from .conftest import ROOT, docx_text
from .hostile import measure
from .hostile.corpus import NAMES, contracts, spreadsheets
from .hostile.docx import hostile_docx

runner = CliRunner()
CLEAN = {
    "encrypted pdf, empty user password": "read", "utf-16 text": "read", "right-to-left marks": "read",
    "docx with external entity": "read", "utf-16 text, odd byte count": "read",
    "utf-16 text, lone surrogate": "read",
    **{name: "read" for name in hostile_docx()},  # read as Word shows it, hidden text reported
}


@pytest.fixture(scope="module")
def contract_files(tmp_path_factory, soffice) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("contracts")
    files = {}
    for name, (fname, data) in contracts(folder).items():
        sub = folder / str(len(files))
        sub.mkdir()
        (sub / fname).write_bytes(data)
        files[name] = sub / fname
    return files


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _one_line_error(res, name: str) -> None:
    assert res.exit_code == 2, (name, res.output)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sdpa: error: "), (name, res.stderr)
    assert "Traceback" not in res.output


def test_check_answers_every_contract(contract_files):
    for name, path in contract_files.items():
        res = runner.invoke(app, ["check", str(path), "--format", "json"])
        assert res.exception is None or isinstance(res.exception, SystemExit), (name, res.exception)
        if name in CLEAN:
            assert res.exit_code == 0, (name, res.output)
            assert "TOP-SECRET" not in res.stdout  # an external entity is never resolved
            assert json.loads(res.stdout)["document"] == path.name
        else:
            _one_line_error(res, name)
            assert path.name in res.stderr, (name, res.stderr)


def run_measured(*args: str, timeout: float = 60) -> tuple[int, str, str]:
    """Peak MB, exit code and stderr of ``sdpa *args`` in a fresh process (time: the timeout)."""
    peak, code, err, _ = measure.run_measured(*args, timeout=timeout)
    return peak, code, err


@pytest.mark.parametrize("name", ["docx zip bomb", "pdf with 5,000 empty pages", "pdf inflating to 1 GB"])
def test_check_bounded_time_and_memory(contract_files, name):
    peak, code, err = run_measured("check", str(contract_files[name]))  # time: the subprocess timeout
    assert code == "2" and contract_files[name].name in err
    assert peak < 500, peak


def test_register_check_gets_the_same_errors(contract_files, tmp_path):
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    assert runner.invoke(app, ["register", "add", "--vendor", "A", "--product", "P", "--db", db]).exit_code == 0
    for name in ("encrypted pdf, user password", "docx zip bomb", "pdf named .docx"):
        res = runner.invoke(app, ["register", "record", "check", "1", "--file", str(contract_files[name]), "--db", db])
        _one_line_error(res, name)


def test_batch_answers_every_spreadsheet(tmp_path):
    for name, (fname, data) in spreadsheets().items():
        src = tmp_path / name.replace(" ", "-") / fname
        src.parent.mkdir()
        src.write_bytes(data)
        out = src.parent / "out"
        res = runner.invoke(app, ["batch", str(src), "--out", str(out), "--jobs", "1"])
        assert res.exception is None or isinstance(res.exception, SystemExit), (name, res.exception)
        if res.exit_code == 2:
            _one_line_error(res, name)
            assert fname in res.stderr
            continue
        assert res.exit_code in (0, 1), (name, res.output)
        manifest = _read_csv(out / "manifest.csv")
        assert f"{len(manifest)} rows" in res.stdout, name
        for row in manifest + _read_csv(out / "errors.csv"):
            for cell in row.values():
                assert not cell.startswith(("=", "+", "-", "@")), (name, cell)
        for p in out.rglob("*"):
            assert p.resolve().is_relative_to(out.resolve())


@pytest.mark.parametrize("label", list(NAMES))
def test_every_writer_with_a_hostile_vendor_name(label, tmp_path):
    name = NAMES[label]
    vendor = {"name": name, "product": "P", "contact_email": "a@b.example", "contract_date": "2026-09-01",
              "purpose": "Reading practice", "data_collected": "Student name"}  # a posting notice needs both
    vfile = tmp_path / "v.json"
    vfile.write_text(json.dumps(vendor))
    out = tmp_path / "out" / "a.docx"
    res = runner.invoke(app, ["addendum", "--vendor", str(vfile), "--out", str(out)])
    if res.exit_code == 2:  # refused: it must say which field and why
        _one_line_error(res, label)
        assert "name:" in res.stderr
        return
    assert res.exit_code == 0
    assert name.strip() in docx_text(out)
    posting = tmp_path / "out" / "post.docx"
    res = runner.invoke(app, ["letter", "contract-posting", "--vendor", str(vfile), "--executed", "2026-12-22",
                              "--out", str(posting)])
    assert res.exit_code == 0
    html = posting.with_suffix(".html").read_text()
    assert "<script>" not in html and "{{" not in html.replace("{{ 7*7 }}", "")
    csv_in = tmp_path / "v.csv"
    with csv_in.open("w", newline="") as f:
        csv.writer(f).writerows([list(vendor), list(vendor.values())])
    res = runner.invoke(app, ["batch", str(csv_in), "--out", str(tmp_path / "batch"), "--jobs", "1"])
    assert res.exit_code == 0
    written = list((tmp_path / "batch" / "addenda").iterdir())
    assert len(written) == 1 and written[0].suffix == ".docx"
    assert not written[0].stem.upper().startswith(("CON.", "NUL.")) and written[0].stem.upper() != "CON"
    for p in tmp_path.rglob("*"):
        assert p.resolve().is_relative_to(tmp_path.resolve())


def test_register_never_half_writes(tmp_path, monkeypatch):
    from generator.records.register import Register
    from generator.records.tables import ContractRow, VendorRow

    with Register(f"sqlite:///{tmp_path / 'r.sqlite3'}") as reg:
        def broken_log(*args, **kwargs):
            raise RuntimeError("disk full while writing the log")

        monkeypatch.setattr(reg, "log_change", broken_log)
        monkeypatch.setattr(reg, "log_many", broken_log)  # a contract's log line is written with it
        with pytest.raises(RuntimeError):
            reg.add_contract(vendor="A", product="P")
        assert reg.count(ContractRow) == 0 and reg.count(VendorRow) == 0


def _big_csv(path: Path, n: int) -> set[int]:
    bad = set()
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["vendor_name", "product", "contact_email", "contract_date"])
        for i in range(n):
            email = f"v{i}@vendor.example"
            if i % 100 == 37:
                email, _ = "not-an-email", bad.add(i + 2)
            w.writerow([f"Vendor {i:05d}", f"P{i}", email, "2026-09-01"])
    return bad


def test_batch_killed_half_way_and_rerun(tmp_path):
    n = int(os.environ.get("SDPA_HOSTILE_ROWS", "10000"))
    src = tmp_path / "vendors.csv"
    bad = _big_csv(src, n)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "generator.cli", "batch", str(src), "--out", str(out), "--jobs", "2"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    docs = out / "addenda"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and (not docs.is_dir() or len(list(docs.glob("*.docx"))) < n // 2):
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole run, workers included, mid-write
    proc.wait()
    assert 0 < len(list(docs.glob("*.docx"))) < n - len(bad)
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr
    assert f"{n} rows: {n - len(bad)} generated" in done.stdout
    files = sorted(p.name for p in docs.iterdir())
    assert len(files) == n - len(bad) and all(f.endswith(".docx") for f in files)  # no .part, no copies
    manifest = _read_csv(out / "manifest.csv")
    assert len(manifest) == n and {int(m["line"]) for m in manifest if m["outcome"] == "rejected"} == bad
    assert len(_read_csv(out / "errors.csv")) == len(bad)


# ---------------------------------------------------------------- issue 15: bounded reading


@pytest.mark.parametrize("name", ["xlsx with 1 GB of shared strings", "xlsx declaring A1:XFD1048576"])
def test_batch_spreadsheet_bounded_time_and_memory(tmp_path, name):
    from .hostile.corpus import bounded_spreadsheets

    fname, data = bounded_spreadsheets()[name]
    (tmp_path / fname).write_bytes(data)
    peak, code, err = run_measured("batch", str(tmp_path / fname), "--out", str(tmp_path / "o"), "--jobs", "1")
    assert code == "2" and err.startswith(f"sdpa: error: {fname}: ") and len(err.splitlines()) == 1, err
    assert peak < 500, peak
    assert not (tmp_path / "o" / "addenda").exists()  # refused before anything was generated


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo", "/proc/self/environ", "folder"])
def test_devices_and_pipes_are_not_read(tmp_path, kind):
    path = {"/dev/zero": "/dev/zero", "/proc/self/environ": "/proc/self/environ",
            "fifo": str(tmp_path / "pipe.txt"), "folder": str(tmp_path)}[kind]
    if kind == "fifo":
        os.mkfifo(path)
    peak, code, err = run_measured("check", path, timeout=30)  # a FIFO read would hang: the timeout fails it
    assert code == "2" and len(err.splitlines()) == 1 and err.startswith("sdpa: error: "), err
    assert peak < 500
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    peak, code, err = run_measured("register", "add", "--vendor", "A", "--product", "P", "--file", path,
                                   "--db", db, timeout=30)
    assert code == "2" and len(err.splitlines()) == 1 and err.startswith("sdpa: error: "), err
    assert peak < 500


def test_check_time_budget_says_too_complex():
    from generator.reading.limits import TooComplex, check_time, time_budget

    with pytest.raises(TooComplex, match="too complex to check"):
        with time_budget("slow.pdf", 0.2):
            while True:  # a loop that never calls check_time is stopped by the timer signal
                pass
    with pytest.raises(TooComplex, match="^slow.pdf: this document is too complex"):
        with time_budget("slow.pdf", 0):
            check_time()
    check_time()  # outside a budget: nothing to enforce


# ---------------------------------------------------------------- issue 15: one line, never a traceback


def _sdpa(*args: str | bytes, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], input=stdin, capture_output=True,
                          timeout=120, cwd=ROOT)


def _one_line(proc: subprocess.CompletedProcess, *expect: str) -> None:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("sdpa: error: "), err
    for e in expect:
        assert e in err, err


def test_command_line_slips_are_one_line(tmp_path):
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    vendor = str(ROOT / "examples" / "vendor.json")
    (tmp_path / "afile").write_text("x")
    _one_line(_sdpa("register", "add", "--vendor", b"\xffAcme", "--product", "P", "--db", db),
              "vendor: is not valid text")
    _one_line(_sdpa("check", str(ROOT / "README.md"), "--max-mb", "nan"), "--max-mb")
    _one_line(_sdpa("addendum", "--vendor", vendor, "--out", str(tmp_path / "afile" / "a.docx")),
              "is a file, not a folder")
    _one_line(_sdpa("addendum", "--vendor", vendor, "--out", str(tmp_path)), "is a folder")
    _one_line(_sdpa("register", "export", "--out", str(tmp_path / "afile" / "x.json"), "--db", db),
              "is a file, not a folder")
    _one_line(_sdpa("addendum", "--vendor", "-", "--out", str(tmp_path / "a.docx"), stdin=b"[" * 100_000),
              "not valid JSON")


@pytest.mark.parametrize("args", [
    ["register", "add", "--vendor", "A", "--product", "P", "--executed", "9999-12-30"],
    ["register", "due", "--today", "9999-12-31"],
    ["deadlines", "--notice-sent", "9999-12-30"],
    ["register", "record", "notice", "1", "--sent", "9999-12-30"],
])
def test_dates_near_9999_are_refused_where_typed(tmp_path, args):
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    assert runner.invoke(app, ["register", "add", "--vendor", "A", "--product", "P", "--executed", "2026-09-01",
                               "--db", db]).exit_code == 0
    if args[0] == "deadlines":
        _one_line(_sdpa(*args), "outside the years 1900-2199")
    else:
        _one_line(_sdpa(*args, "--db", db), "outside the years 1900-2199")
    res = runner.invoke(app, ["register", "due", "--db", db, "--today", "2026-09-02"])
    assert res.exit_code == 0 and "post notice" in res.stdout  # and the register still answers


@pytest.mark.parametrize(("key", "value", "message"), [
    ("closures", [f"2026-0{1 + i % 9}-1{i % 10}" for i in range(40_000)], "40,000 closure dates; the limit is 1,000"),
    ("address", ["1 Main St", "x" * 12_000_000], "an address line is 12,000,000 characters long"),
    ("name", "N" * 301, "at most 300 characters"),
])
def test_board_profile_limits_name_the_field(tmp_path, key, value, message):
    import yaml

    from generator import ProfileError, board_from_dict

    data = yaml.safe_load((ROOT / "examples" / "board.example.yaml").read_text())
    with pytest.raises(ProfileError, match=message) as err:
        board_from_dict({**data, key: value}, "big.yaml")
    assert f"'{key}'" in str(err.value)
    path = tmp_path / "big.yaml"
    path.write_text(yaml.safe_dump({**data, key: value}))
    res = runner.invoke(app, ["deadlines", "--notice-sent", "2027-01-13", "--board", str(path)])
    _one_line_error(res, key)
    assert str(path) in res.stderr


def test_a_check_over_its_time_budget_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("SDPA_CHECK_SECONDS", "0.000001")
    path = tmp_path / "long.txt"
    path.write_text("The Provider deletes student data on request.\n\n" * 2000)
    res = runner.invoke(app, ["check", str(path)])
    _one_line_error(res, "budget")
    assert "long.txt: this document is too complex to check" in res.stderr


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = ["[", "](", "A. ", "word\n", "1" * 40, " days", " hours", "within ", "breach ", "notify the Board ",
          "delete student data ", ".", "\n\n", "(", ")", "## ", "- ", "|", "Connecticut law governs "]


@settings(max_examples=30, deadline=None, derandomize=True)
@given(text=st.lists(st.sampled_from(PIECES), max_size=300).map("".join))
def test_the_check_answers_random_text_within_its_budget(text):
    from generator import ExtractError, TooComplex, check_contract, read_document, time_budget

    with time_budget("fuzz.txt", 10):  # per input: past it TooComplex fails the test
        try:
            document = read_document(text.encode(), "fuzz.txt")
        except ExtractError as exc:
            assert not isinstance(exc, TooComplex)
            return
        report = check_contract(document)
    assert len(report.provisions) == 11


def test_a_spent_budget_leaves_nothing_behind():
    import signal as sig

    from generator.reading.limits import TooComplex, check_time, time_budget

    before = sig.getsignal(sig.SIGALRM)
    for _ in range(200):  # an alarm that goes off at the very end of the block, many times over
        try:
            with time_budget("tiny.txt", 0.000001):
                pass
        except TooComplex:
            pass
    check_time()  # no deadline left over
    assert sig.getsignal(sig.SIGALRM) is before and sig.getitimer(sig.ITIMER_REAL)[0] == 0
