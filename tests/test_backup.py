"""Register backups that restore, imports that are checked and all-or-nothing, and writers that
lose nothing: many processes on a new register, one new vendor added by eight at once."""

from __future__ import annotations

import base64
import copy
import re
import json
import multiprocessing
import os
from datetime import date

import pytest
from typer.testing import CliRunner

from generator.cli.commands import app
from generator.records.backup import export_register, import_register
from generator.records.database import RegisterError
from generator.records.register import Register
from generator.records.tables import ContractRow, VendorRow

from .test_register import fresh_url

runner = CliRunner()
D = date.fromisoformat
CTX = multiprocessing.get_context("fork")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    return fresh_url(request.param, tmp_path)


def _sample(reg: Register, tmp_path) -> dict:
    f = tmp_path / "signed.txt"
    f.write_text("signed contract")
    cid = reg.add_contract(vendor="Acme", product="Reader", executed=D("2026-12-22"), file=f)
    reg.record_check(cid, {"library_version": "1", "compliant": False,
                           "provisions": [{"id": "ferpa", "status": "missing"}]}, D("2027-01-02"))
    return export_register(reg)


# ---------------------------------------------------------------- imports checked before writing


def test_a_review_counsel_could_not_have_written_is_refused(tmp_path):
    from generator.records.review import review_check

    with Register(f"sqlite:///{tmp_path / 'a.sqlite3'}") as a:
        _sample(a, tmp_path)
        other = a.add_contract(vendor="Birch", product="Math")
        review_check(a, 1, role="counsel", confirm_rest=True)
        export = export_register(a)
    assert export["tables"]["reviews"]
    cases = {"reviews[0].verdict.provisions[0]": {"provisions": [{"id": "ferpa"}]},  # no status, no reason
             "reviews[0].verdict.conflicts[0]": {"provisions": [], "conflicts": [{"holding": "maybe", "reason": ""}]}}
    for where, verdict in cases.items():
        with Register(f"sqlite:///{tmp_path / f'{len(where)}.sqlite3'}") as b:
            with pytest.raises(RegisterError, match=re.escape(where)):
                import_register(b, _spoil(export, "reviews", "verdict", verdict))
    with Register(f"sqlite:///{tmp_path / 'c.sqlite3'}") as c:
        with pytest.raises(RegisterError, match=r"reviews\[0\].check_id: check 1 is not a check of contract"):
            import_register(c, _spoil(export, "reviews", "contract_id", other))
        assert import_register(c, export) > 0  # the good export still goes in


def _spoil(export: dict, table: str, column: str, value: object) -> dict:
    bad = copy.deepcopy(export)
    bad["tables"][table][0][column] = value
    return bad


@pytest.mark.parametrize(("table", "column", "value", "message"), [
    ("contracts", "id", -4, "contracts[0].id: expected a whole number from 1"),
    ("contracts", "product", "Read\x00er", "contracts[0].product: contains a control character"),
    ("contracts", "executed", "9999-12-30", "contracts[0].executed: 9999-12-30 is outside the years 1900-2199"),
    ("contracts", "executed", "yesterday", "contracts[0].executed: 'yesterday' is not a date"),
    ("contracts", "data_categories", "Student name", "contracts[0].data_categories: expected a list of text"),
    ("contracts", "vendor_id", 77, "contracts[0].vendor_id: no vendors row with id 77"),
    ("contracts", "file_sha256", "0" * 64, "contracts[0].file_sha256: does not match the stored file"),
    ("contracts", "file_data", {"base64": "!!"}, "contracts[0].file_data: is not valid base64"),
    ("contracts", "surprise", 1, "contracts[0]: unknown column(s): surprise"),
    ("checks", "report", [1, 2], "checks[0].report: expected a JSON object"),
    ("checks", "compliant", "yes", "checks[0].compliant: expected true or false"),
    ("vendors", "name", "A" * 301, "vendors[0].name: 301 characters; the limit is 300"),
])
def test_a_bad_export_is_refused_before_anything_is_written(tmp_path, table, column, value, message):
    with Register(f"sqlite:///{tmp_path / 'a.sqlite3'}") as a:
        export = _sample(a, tmp_path)
    with Register(f"sqlite:///{tmp_path / 'b.sqlite3'}") as b:
        with pytest.raises(RegisterError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[").replace("]", r"\]")):
            import_register(b, _spoil(export, table, column, value))
        assert b.count(VendorRow) == 0 and b.count(ContractRow) == 0
        assert import_register(b, export) > 0  # the good export still goes in


def test_a_stored_file_over_50_mb_is_refused(tmp_path):
    with Register(f"sqlite:///{tmp_path / 'a.sqlite3'}") as a:
        export = _sample(a, tmp_path)
    big = base64.b64encode(b"\x00" * (50 * 2**20 + 1)).decode()
    with Register(f"sqlite:///{tmp_path / 'b.sqlite3'}") as b:
        with pytest.raises(RegisterError, match="larger than 50 MB"):
            import_register(b, _spoil(export, "contracts", "file_data", {"base64": big}))


def test_import_of_an_export_that_names_a_later_vendor_keeps_list_and_due_working(tmp_path):
    with Register(f"sqlite:///{tmp_path / 'a.sqlite3'}") as a:
        export = _sample(a, tmp_path)
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(export))
    db = f"sqlite:///{tmp_path / 'b.sqlite3'}"
    assert runner.invoke(app, ["register", "import", str(path), "--db", db]).exit_code == 0
    for cmd in (["list"], ["due", "--today", "2027-01-05"], ["show", "1"]):
        res = runner.invoke(app, ["register", *cmd, "--db", db])
        assert res.exit_code == 0, (cmd, res.output)


# ---------------------------------------------------------------- CSV imports all-or-nothing


def test_a_csv_import_with_one_bad_row_adds_nothing(tmp_path):
    (tmp_path / "ok.txt").write_text("signed")
    rows = ["vendor_name,product,executed,contract_file"]
    rows += [f"Vendor {i},P,2026-09-01,ok.txt" for i in range(48)]
    rows += ["Vendor bad,P,2026-02-30,"]
    src = tmp_path / "contracts.csv"
    src.write_text("\n".join(rows) + "\n")
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    res = runner.invoke(app, ["register", "import", str(src), "--db", db])
    assert res.exit_code == 2 and "line 50" in res.stderr and "nothing was imported" in res.stderr
    with Register(db) as r:
        assert r.count(ContractRow) == 0
    src.write_text("\n".join(rows[:-1]) + "\n")  # fixed: re-running adds each contract once
    assert runner.invoke(app, ["register", "import", str(src), "--db", db]).exit_code == 0
    with Register(db) as r:
        assert r.count(ContractRow) == 48


def test_a_csv_import_names_every_bad_row_in_one_line_and_adds_nothing(tmp_path):
    (tmp_path / "ok.txt").write_text("signed")
    rows = ["vendor_name,product,executed,contract_file,contact_email"]
    rows += [f"Vendor {i},P,2026-09-01,ok.txt," for i in range(30)]
    rows[4] = "Bad date,P,2026-02-30,,"               # line 5: found while reading the file
    rows[9] = ",Nameless,2026-09-01,,"                # line 10: found when the contract is checked
    rows[17] = "Elsewhere,P,2026-09-01,../x.txt,"     # line 18: a file outside the CSV's folder
    rows[25] = "Mail,P,2026-09-01,,not-an-email"      # line 26
    src = tmp_path / "contracts.csv"
    src.write_text("\n".join(rows) + "\n")
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    res = runner.invoke(app, ["register", "import", str(src), "--db", db])
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1
    err = res.stderr
    assert "contracts.csv: 4 rows cannot be imported; nothing was imported: line 5: " in err
    positions = [err.index(f"line {n}: ") for n in (5, 10, 18, 26)]
    assert positions == sorted(positions)
    assert "not a real date" in err and "vendor and a product" in err and "email" in err
    with Register(db) as r:
        assert r.count(ContractRow) == 0


def test_a_csv_import_with_many_bad_rows_names_the_first_twenty_and_counts_the_rest(tmp_path):
    src = tmp_path / "contracts.csv"
    src.write_text("vendor_name,product\n" + "Good,P\n" * 1500 + ",P\n" * 25)
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    res = runner.invoke(app, ["register", "import", str(src), "--db", db])
    assert res.exit_code == 2 and "25 rows cannot be imported" in res.stderr
    assert "line 1521: " in res.stderr and "line 1522: " not in res.stderr and "and 5 more" in res.stderr
    with Register(db) as r:  # the first thousand good rows, already written, were taken back
        assert r.count(ContractRow) == 0


@pytest.mark.parametrize("value", ["/etc/passwd", "../outside.txt", "link.txt", "/proc/self/environ"])
def test_register_import_attaches_only_files_in_the_csv_folder(tmp_path, value):
    folder = tmp_path / "in"
    folder.mkdir()
    (tmp_path / "outside.txt").write_text("not for the register")
    (folder / "link.txt").symlink_to(tmp_path / "outside.txt")
    src = folder / "contracts.csv"
    src.write_text(f"vendor_name,product,contract_file\nAcme,Reader,{value}\n")
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    res = runner.invoke(app, ["register", "import", str(src), "--db", db])
    assert res.exit_code == 2 and "line 2" in res.stderr and "outside" in res.stderr, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    with Register(db) as r:
        assert r.count(ContractRow) == 0


def test_a_manifest_reads_back_the_names_sdpa_neutralised(tmp_path):
    src = tmp_path / "v.csv"
    src.write_text("vendor_name,product,contact_email,contract_date\n"
                   "@Home Learning,Reader,a@home.example,2026-09-01\n=Sum Co,Math,s@sum.example,2026-09-01\n")
    assert runner.invoke(app, ["batch", str(src), "--out", str(tmp_path / "b"), "--jobs", "1"]).exit_code == 0
    db = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    assert runner.invoke(app, ["register", "import", str(tmp_path / "b" / "manifest.csv"), "--db", db]).exit_code == 0
    with Register(db) as r:
        assert sorted(c.vendor.name for c in r.contracts()) == ["=Sum Co", "@Home Learning"]


def test_listing_never_loads_stored_files(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"x" * 100_000)
    with Register(f"sqlite:///{tmp_path / 'r.sqlite3'}") as r:
        cid = r.add_contract(vendor="A", product="P", file=f)
        (c,) = r.contracts()
        assert "file_data" not in c.__dict__  # deferred: not read with the row
        assert r.contract_file(cid) == f.read_bytes()


# ---------------------------------------------------------------- many writers at once


def _writer(url: str, name: str, n: int, barrier) -> None:
    barrier.wait()
    with Register(url, actor=name) as r:
        for i in range(n):
            r.add_contract(vendor=f"Vendor {i % 4}", product=f"{name}-{i}", executed=D("2026-09-01"))


def _exporter(url: str, folder: str, stop, barrier) -> None:
    barrier.wait()
    k = 0
    with Register(url) as r:
        while not stop.is_set() or k == 0:
            with open(os.path.join(folder, f"export-{k}.json"), "w") as fh:
                json.dump(export_register(r, verify=False), fh)
            k += 1


def _run_with_exporter(url: str, folder, make_targets) -> None:
    """Start the writers ``make_targets(barrier)`` gives, with an exporter taking exports into
    ``folder`` all the while; every process must end cleanly."""
    n = len(make_targets(None))
    barrier, stop = CTX.Barrier(n + 1), CTX.Event()
    exporter = CTX.Process(target=_exporter, args=(url, str(folder), stop, barrier))
    exporter.start()
    procs = [CTX.Process(target=t, args=a) for t, a in make_targets(barrier)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)
    stop.set()
    exporter.join(120)
    assert [p.exitcode for p in procs] == [0] * n and exporter.exitcode == 0


def _all_exports_restore(folder) -> int:
    exports = sorted(folder.glob("export-*.json"))
    assert exports
    for path in exports:
        with Register("sqlite://") as check:
            import_register(check, json.loads(path.read_text()))
    return len(exports)


def test_twenty_processes_on_a_new_sqlite_register(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"  # does not exist yet: every process opens it first
    _run_with_exporter(url, tmp_path, lambda b: [(_writer, (url, f"w{k}", 20, b)) for k in range(20)])
    with Register(url) as r:
        assert r.count(ContractRow) == 400 and r.count(VendorRow) == 4
    assert _all_exports_restore(tmp_path) >= 1


def test_eight_simultaneous_adds_of_one_new_vendor(url, tmp_path):
    with Register(url):
        pass  # the schema exists; the race is on the vendor row
    _run_with_exporter(url, tmp_path, lambda b: [(_one_new_vendor, (url, k, b)) for k in range(8)])
    with Register(url) as r:
        assert r.count(ContractRow) == 8 and r.count(VendorRow) == 1
    assert _all_exports_restore(tmp_path) >= 1


def _one_new_vendor(url: str, k: int, barrier) -> None:
    with Register(url, actor=f"p{k}") as r:
        barrier.wait()
        r.add_contract(vendor="Brand New Vendor", product=f"P{k}")


def test_reading_never_waits_for_a_writer(tmp_path):
    """A long import holds SQLite's write lock; listing meanwhile still answers (WAL readers)."""
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    with Register(url) as writer, Register(url) as reader:
        writer.add_contract(vendor="Before", product="P")
        with writer.session() as s, s.begin():
            writer.insert_contract(s, vendor="During", product="P")  # not committed yet
            # a read that needed the lock would wait out the 30 s busy timeout and fail here
            assert [c.vendor.name for c in reader.contracts()] == ["Before"]
            assert reader.count(ContractRow) == 1
        assert reader.count(ContractRow) == 2


def test_an_export_keeps_the_boards_setup_and_duties(tmp_path, board, vendor):
    """A backup restores everything the board recorded, not only contracts: its saved profile,
    the vendor directory, the year's annual notice and an IEP/504 exception."""
    from datetime import date

    import generator as g
    from generator.records.backup import export_register, import_register
    from generator.records.duties import exceptions_in_year, record_annual_notice, record_exception
    from generator.records.register import Register

    with Register(f"sqlite:///{tmp_path / 'a.sqlite3'}") as reg:
        g.save_board(reg, board)
        g.save_vendor(reg, vendor)
        record_annual_notice(reg, date(2027, 8, 20))
        record_exception(reg, student_ref="S1042", plan="504", service="Speech app", effort="Asked twice",
                         signed=date(2027, 3, 1))
        data = export_register(reg)
    with Register(f"sqlite:///{tmp_path / 'b.sqlite3'}") as copy:
        import_register(copy, data)
        assert g.saved_board(copy).name == board.name
        assert [v.name for v in g.directory_vendors(copy)] == [vendor.name]
        assert [e.student_ref for e in exceptions_in_year(copy, 2027)] == ["S1042"]
        assert export_register(copy) == data
