"""Batch: every row accounted for, bad rows named, good rows generated, nothing a spreadsheet runs."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from generator import InputError
from generator.batch import run_batch
from generator.cli.commands import app
from generator.reading.spreadsheets import REQUIRED, column_key, rows_from_file

from .conftest import ROOT, docx_text

runner = CliRunner()
HEADER = ["vendor_name", "product", "contact_email", "contract_date", "data_collected", "purpose"]
HYPERLINK = '=HYPERLINK("http://example.org","click")'


def big_rows(n: int = 1000) -> tuple[list[list[str]], dict[int, str]]:
    """n rows; ten bad ones (missing fields, impossible dates, bad emails) and a formula vendor."""
    rows, bad = [], {}
    for i in range(n):
        rows.append([f"Vendor {i:04d} LLC", f"Product {i}", f"v{i}@vendor.example", "2026-09-01",
                     "Student name; Grades", "Homework help"])
    breaks = {10: (2, "", "contact_email"), 120: (3, "2026-02-30", "contract_date"),
              230: (2, "not-an-email", "contact_email"), 340: (0, "", "vendor_name"),
              450: (1, "", "product"), 560: (3, "13/45/2026", "contract_date"),
              670: (2, "a@b", "contact_email"), 780: (3, "", "contract_date"),
              890: (2, "two@@signs.example", "contact_email"), 995: (3, "yesterday", "contract_date")}
    for i, (col, value, name) in breaks.items():
        rows[i][col] = value
        bad[i + 2] = name  # line numbers: the header is line 1
    rows[500][0] = HYPERLINK
    return rows, bad


def write_csv(path: Path, rows, header=HEADER, encoding="utf-8", delimiter=",") -> Path:
    with path.open("w", newline="", encoding=encoding) as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def check_big_run(out: Path, bad: dict[int, str], exit_code: int) -> None:
    assert exit_code == 1
    manifest, errors = read_csv(out / "manifest.csv"), read_csv(out / "errors.csv")
    assert len(manifest) == 1000
    assert [int(m["line"]) for m in manifest] == list(range(2, 1002))
    rejected = {int(m["line"]) for m in manifest if m["outcome"] == "rejected"}
    assert rejected == set(bad)
    assert {int(e["line"]): e["column"] for e in errors} == bad
    assert all(e["reason"] for e in errors)
    docs = list((out / "addenda").glob("*.docx"))
    assert len(docs) == 990
    for cell in [c for r in manifest + errors for c in r.values()]:
        assert not cell.startswith(("=", "+", "-", "@")), cell
    hyper = next(m for m in manifest if m["vendor"].startswith("'="))
    assert hyper["vendor"] == "'" + HYPERLINK and hyper["outcome"] == "generated"
    text = docx_text(out / hyper["files"])
    assert HYPERLINK in text


def test_example_csv(tmp_path):
    res = runner.invoke(app, ["batch", str(ROOT / "examples/vendors.csv"), "--out", str(tmp_path), "--jobs", "2"])
    assert res.exit_code == 0, res.output
    manifest = read_csv(tmp_path / "manifest.csv")
    source = read_csv(ROOT / "examples/vendors.csv")
    assert len(manifest) == len(source) == 12
    for m, s in zip(manifest, source):
        text = docx_text(tmp_path / m["files"].split()[0])
        assert s["vendor_name"] in text and s["product"] in text and s["contact_email"] in text
        for item in s["data_collected"].split(";"):
            assert item.strip() in text
    letters = [m for m in manifest if m["outcome"] == "letter written"]
    assert len(letters) == 2
    assert "Connecticut law governs" in docx_text(tmp_path / letters[0]["files"].split()[1])


def test_thousand_rows_csv(tmp_path):
    rows, bad = big_rows()
    src = write_csv(tmp_path / "vendors.csv", rows)
    res = runner.invoke(app, ["batch", str(src), "--out", str(tmp_path / "out"), "--jobs", "2"])
    assert "1000 rows: 990 generated" in res.stdout
    check_big_run(tmp_path / "out", bad, res.exit_code)


def test_thousand_rows_xlsx(tmp_path):
    rows, bad = big_rows()
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    ws.cell(502, 1).data_type = "s"  # the vendor is named =HYPERLINK(...): text, not a formula
    src = tmp_path / "vendors.xlsx"
    wb.save(src)
    res = runner.invoke(app, ["batch", str(src), "--out", str(tmp_path / "out"), "--jobs", "2"])
    check_big_run(tmp_path / "out", bad, res.exit_code)


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ","),
                                                     ("utf-16", "\t")])
def test_encodings_and_delimiters(tmp_path, encoding, delimiter):
    rows = [["Café Ölund", "Lesson plans", "a@cafe.example", "9/1/2026", "Student name", "Line one\nline two"]]
    src = write_csv(tmp_path / "v.csv", rows, encoding=encoding, delimiter=delimiter)
    with src.open("rb") as fh:
        (row,) = list(rows_from_file(fh, "v.csv"))
    assert row.line == 2 and row.cells["vendor_name"] == "Café Ölund"
    assert row.cells["purpose"] == "Line one\nline two" and row.cells["contract_date"] == "9/1/2026"


def test_column_spellings():
    assert [column_key(h) for h in ["Vendor Name", "CONTACT-EMAIL", " contract date ", "Data.Collected", "Vendor"]] == [
        "vendor_name", "contact_email", "contract_date", "data_collected", "vendor_name"]


def test_quoted_newlines_keep_line_numbers(tmp_path):
    rows = [["A", "P", "a@a.example", "2026-09-01", "x", "two\nlines"], ["B", "P", "", "2026-09-01", "x", "y"]]
    out = run_batch(write_csv(tmp_path / "v.csv", rows), tmp_path / "o", *_profile(), jobs=1)
    manifest = read_csv(out.manifest)
    assert [m["line"] for m in manifest] == ["2", "4"] and manifest[1]["outcome"] == "rejected"


def test_same_vendor_twice_never_overwrites(tmp_path):
    rows = [["Acme", "P1", "a@a.example", "2026-09-01", "x", "y"], ["Acme", "P2", "a@a.example", "2026-09-01", "x", "y"],
            ["acme", "P3", "a@a.example", "2026-09-01", "x", "y"]]
    out = run_batch(write_csv(tmp_path / "v.csv", rows), tmp_path / "o", *_profile(), jobs=1)
    files = [m["files"] for m in read_csv(out.manifest)]
    assert files == ["addenda/Acme.docx", "addenda/Acme-2.docx", "addenda/acme-3.docx"]
    assert "P2" in docx_text(tmp_path / "o" / files[1])


def test_zip_output(tmp_path):
    res = runner.invoke(app, ["batch", str(ROOT / "examples/vendors.csv"), "--out", str(tmp_path), "--zip",
                              "--jobs", "1"])
    assert res.exit_code == 0
    with zipfile.ZipFile(tmp_path / "documents.zip") as z:
        names = z.namelist()
        assert "manifest.csv" in names and "addenda/Harbor-Lane-Software.docx" in names
        assert "Harbor Lane Software" in docx_text(z.read("addenda/Harbor-Lane-Software.docx"))
    assert not (tmp_path / "addenda").exists()


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"name,product\nAcme,P\n", "required column(s) missing: contact_email, contract_date"),
    (b"vendor_name,vendor,product,contact_email,contract_date\n", "the column vendor_name appears twice"),
    (b"\x00\x01\x02\x03garbage", "binary file"),
    (b"PK\x03\x04broken", "the XLSX is damaged or truncated"),
])
def test_unreadable_files_exit_2(tmp_path, content, message):
    src = tmp_path / "bad.csv"
    src.write_bytes(content)
    res = runner.invoke(app, ["batch", str(src), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2 and message in res.stderr and res.stderr.startswith("sdpa: error: bad.csv:")


def test_required_columns_documented():
    readme = (ROOT / "docs" / "cli.md").read_text()
    for col in REQUIRED:
        assert f"`{col}`" in readme


def _profile():
    from generator import default_library, load_board

    return load_board(ROOT / "examples" / "board.example.yaml"), default_library()


def test_input_error_for_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        run_batch(tmp_path / "nope.csv", tmp_path / "o", *_profile())


def test_rows_stream(tmp_path):
    src = write_csv(tmp_path / "v.csv", [["A", "P", "a@a.example", "2026-09-01", "x", "y"]] * 5)
    with src.open("rb") as fh:
        it = rows_from_file(fh, "v.csv")
        assert next(it).line == 2  # a generator: rows arrive one by one
        it.close()


def test_batch_pdf(tmp_path, soffice):
    rows = [[f"Vendor {i}", "P", f"v{i}@v.example", "2026-09-01", "Student name", "Homework"] for i in range(3)]
    res = runner.invoke(app, ["batch", str(write_csv(tmp_path / "v.csv", rows)), "--out", str(tmp_path / "o"),
                              "--pdf", "--jobs", "2"])
    assert res.exit_code == 0 and "wrote 3 PDFs" in res.stdout
    from .conftest import pdf_text

    assert "Vendor 2" in pdf_text(tmp_path / "o" / "addenda" / "Vendor-2.pdf")


# ---------------------------------------------------------------- issue 15: batches that lose nothing

C_HEADER = ["vendor_name", "product", "contact_email", "contract_date", "contract_file"]


def _contract_rows(tmp_path: Path, *files: str) -> Path:
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "ours.txt").write_text("The vendor keeps student data as long as it likes.\n")
    rows = [[f"Vendor {i}", "P", f"v{i}@v.example", "2026-09-01", f] for i, f in enumerate(files)]
    return write_csv(tmp_path / "in" / "v.csv", rows, header=C_HEADER)


@pytest.mark.parametrize("where", ["absolute", "dotdot", "symlink", "device", "fifo"])
def test_contract_file_outside_the_csv_folder_is_refused_unread(tmp_path, where):
    import os

    outside = tmp_path / "secret.txt"
    outside.write_text("The vendor may sell student data.\n")
    (tmp_path / "in").mkdir()
    value = {"absolute": str(outside), "dotdot": "../secret.txt", "symlink": "link.txt",
             "device": "/dev/zero", "fifo": "pipe.txt"}[where]
    if where == "symlink":
        (tmp_path / "in" / "link.txt").symlink_to(outside)
    if where == "fifo":
        os.mkfifo(tmp_path / "in" / "pipe.txt")
    src = _contract_rows(tmp_path, "ours.txt", value)
    res = runner.invoke(app, ["batch", str(src), "--out", str(tmp_path / "o"), "--jobs", "1"])
    assert res.exit_code == 1, res.output
    manifest, errors = read_csv(tmp_path / "o" / "manifest.csv"), read_csv(tmp_path / "o" / "errors.csv")
    assert manifest[0]["outcome"] == "letter written"  # the contract in the CSV's folder is still checked
    assert manifest[1]["outcome"] == "rejected"
    assert errors == [{"line": "3", "column": "contract_file", "reason": errors[0]["reason"]}]
    assert value in errors[0]["reason"] or where == "device"
    assert ("outside" in errors[0]["reason"]) or ("not a regular file" in errors[0]["reason"])


def test_contracts_dir_option(tmp_path):
    other = tmp_path / "contracts"
    other.mkdir()
    (other / "theirs.txt").write_text("The vendor keeps student data as long as it likes.\n")
    src = _contract_rows(tmp_path, "theirs.txt")
    res = runner.invoke(app, ["batch", str(src), "--out", str(tmp_path / "o"), "--jobs", "1",
                              "--contracts-dir", str(other)])
    assert res.exit_code == 0, res.output
    assert read_csv(tmp_path / "o" / "manifest.csv")[0]["outcome"] == "letter written"


def test_an_unreadable_contract_is_a_manifest_row(tmp_path, monkeypatch):
    import generator.checking.one_file

    def broken(source, library=None):
        if "bad" in str(source):
            raise RecursionError("maximum recursion depth exceeded")
        return real(source, library)

    real = generator.checking.one_file.check_file
    monkeypatch.setattr(generator.checking.one_file, "check_file", broken)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_text("Terms.\n")
    src = _contract_rows(tmp_path, "ours.txt", "bad.txt", "ours.txt")
    result = run_batch(src, tmp_path / "o", *_profile(), jobs=1)
    manifest = read_csv(result.manifest)
    assert [m["outcome"] for m in manifest] == ["letter written", "generated", "letter written"]
    assert "bad.txt: cannot be read (RecursionError)" in manifest[1]["reason"]


def test_zip_removes_only_what_this_run_wrote(tmp_path):
    signed = tmp_path / "addenda" / "signed"
    signed.mkdir(parents=True)
    (signed / "Acme-signed.pdf").write_bytes(b"%PDF signed copy")
    (tmp_path / "addenda" / "notes.txt").write_text("keep me")
    res = runner.invoke(app, ["batch", str(ROOT / "examples/vendors.csv"), "--out", str(tmp_path), "--zip",
                              "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert (signed / "Acme-signed.pdf").read_bytes() == b"%PDF signed copy"
    assert (tmp_path / "addenda" / "notes.txt").read_text() == "keep me"
    assert not list((tmp_path / "addenda").glob("*.docx"))
    with zipfile.ZipFile(tmp_path / "documents.zip") as z:
        assert not any("notes" in n or "signed" in n for n in z.namelist())


def test_a_second_batch_into_the_same_folder_is_refused(tmp_path):
    from generator.batch import batch_lock

    out = tmp_path / "o"
    out.mkdir()
    src = write_csv(tmp_path / "v.csv", [["A", "P", "a@a.example", "2026-09-01", "x", "y"]])
    with batch_lock(out):  # as a run in another process holds it
        res = runner.invoke(app, ["batch", str(src), "--out", str(out), "--jobs", "1"])
        assert res.exit_code == 2 and "another batch is writing to this folder" in res.stderr
        assert not (out / "manifest.csv").exists()
    assert runner.invoke(app, ["batch", str(src), "--out", str(out), "--jobs", "1"]).exit_code == 0


def test_row_limit_refuses_before_generating(tmp_path, monkeypatch):
    import generator.reading.spreadsheets

    monkeypatch.setattr(generator.reading.spreadsheets, "MAX_ROWS", 5)
    src = write_csv(tmp_path / "v.csv", [["A", "P", "a@a.example", "2026-09-01", "x", "y"]] * 3
                    + [[""] * 6] * 3)  # blank rows count too
    res = runner.invoke(app, ["batch", str(src), "--out", str(tmp_path / "o"), "--jobs", "1"])
    assert res.exit_code == 2 and "more than 5 rows" in res.stderr
    assert not (tmp_path / "o" / "addenda").exists()


def test_out_that_is_a_file(tmp_path):
    src = write_csv(tmp_path / "v.csv", [["A", "P", "a@a.example", "2026-09-01", "x", "y"]])
    (tmp_path / "o").write_text("a file")
    res = runner.invoke(app, ["batch", str(src), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2 and "is a file, not a folder" in res.stderr
    res = runner.invoke(app, ["batch", str(src), "--out", str(tmp_path / "o" / "sub")])
    assert res.exit_code == 2 and "cannot create the folder" in res.stderr


@pytest.mark.parametrize("value", ["=1+1", "@Home Learning", "+Plus", "-Minus", "'quoted", "plain"])
def test_neutralised_cells_read_back_as_written(value):
    from generator.reading.spreadsheets import read_cell, safe_cell

    assert read_cell(safe_cell(value)) == value
    assert not safe_cell(value).startswith(("=", "+", "-", "@"))
