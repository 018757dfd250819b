"""Backups that always work: what cannot be exported is refused when typed in, the ZIP backup
(a manifest beside the stored files) restores on SQLite and PostgreSQL with the same records,
and an import refuses a broken profile, forged log lines and a named student."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from datetime import date

import pytest
from typer.testing import CliRunner

import generator as g
from generator.cli.commands import app
from generator.records.backup import (
    export_register,
    export_register_zip,
    import_register_zip,
    register_checksum,
    verify_backup,
)
from generator.records.database import RegisterError
from generator.records.duties import record_annual_notice, record_exception
from generator.records.register import Register
from generator.records.tables import ContractRow, ExceptionRow, VendorRow, column_limit

from .test_register import fresh_url

D = date.fromisoformat


@pytest.fixture(params=["sqlite", "postgresql"])
def kind(request) -> str:
    return request.param


def _fill(reg: Register, tmp_path, board, vendor) -> None:
    """A register with something in every kind of record, two stored files among them."""
    for i, body in enumerate((b"%PDF-1.4 first signed contract", b"second signed contract, as text")):
        f = tmp_path / f"signed-{i}.{'pdf' if i == 0 else 'txt'}"
        f.write_bytes(body)
        cid = reg.add_contract(vendor=f"Vendor {i}", product="Reader", executed=D("2026-09-01"), file=f,
                               data_categories=["name", "grades"], contact_email="privacy@example.com")
        reg.record_check(cid, {"library_version": "1", "compliant": False,
                               "provisions": [{"id": "ferpa", "status": "missing"}]}, D("2026-09-02"))
        reg.record_notice(cid, D("2026-09-03"), D("2026-10-03"))
    reg.add_contract(vendor="No File Inc.", product="Planner")
    g.save_board(reg, board)
    g.save_vendor(reg, vendor)
    record_annual_notice(reg, D("2026-08-20"))
    record_exception(reg, student_ref="S-1042", plan="iep", service="Speech app", effort="Asked twice",
                     signed=D("2026-03-01"), ppt_member="J. Rivera", equivalent_search="Two others tried")


# ---------------------------------------------------------------- nothing stored that cannot be exported


@pytest.mark.parametrize(("field", "limit"), [("contact_email", 320), ("title", 300), ("product", 300)])
def test_too_long_contract_fields_are_refused_by_name(kind, tmp_path, field, limit):
    with Register(fresh_url(kind, tmp_path)) as reg:
        fields = {"vendor": "Acme", "product": "Reader", field: "x" * 1010}
        with pytest.raises(RegisterError) as caught:
            reg.add_contract(**fields)
        assert str(caught.value) == f"{field.replace('_', ' ')}: 1,010 characters; the limit is {limit}"
        assert reg.count(ContractRow) == 0 and reg.count(VendorRow) == 0
        export_register(reg)  # and the register still exports


def test_a_long_iep_service_name_is_refused_and_the_register_still_exports(kind, tmp_path):
    with Register(fresh_url(kind, tmp_path)) as reg:
        with pytest.raises(RegisterError, match=r"^service: 400 characters; the limit is 300$"):
            record_exception(reg, student_ref="S1", plan="504", service="s" * 400, effort="asked",
                             signed=D("2026-01-05"))
        assert reg.count(ExceptionRow) == 0
        export_register_zip(reg, tmp_path / "b.zip")


def test_limits_come_from_the_table_definitions():
    assert column_limit(VendorRow, "contact_email") == VendorRow.__table__.c.contact_email.type.length
    assert column_limit(ExceptionRow, "student_ref") == ExceptionRow.__table__.c.student_ref.type.length
    assert column_limit(ContractRow, "purpose") >= 100_000  # a Text column: large, never unbounded


def test_an_edit_cannot_store_a_too_long_title(tmp_path):
    with Register(f"sqlite:///{tmp_path / 'r.sqlite3'}") as reg:
        cid = reg.add_contract(vendor="Acme", product="Reader")
        with pytest.raises(RegisterError, match="^title: 301 characters"):
            reg.update_contract(cid, title="t" * 301)
        assert reg.contract(cid).title == ""


def test_a_check_report_too_large_to_restore_is_refused(tmp_path):
    with Register(f"sqlite:///{tmp_path / 'r.sqlite3'}") as reg:
        cid = reg.add_contract(vendor="Acme", product="Reader")
        huge = {"library_version": "1", "provisions": [], "note": "n" * 5_000_001}
        with pytest.raises(RegisterError, match="^report: more than 5,000,000 characters of JSON"):
            reg.record_check(cid, huge, D("2026-09-02"))
        with pytest.raises(RegisterError, match="^library version: 41 characters; the limit is 40$"):
            reg.record_check(cid, {"library_version": "v" * 41, "provisions": []}, D("2026-09-02"))
        assert reg.contract(cid).checks == []


# ---------------------------------------------------------------- the ZIP backup round trip


def test_zip_round_trip_keeps_every_record(kind, tmp_path, board, vendor):
    url = fresh_url(kind, tmp_path)
    with Register(url) as reg:
        _fill(reg, tmp_path, board, vendor)
        before, counts = register_checksum(reg), export_register_zip(reg, tmp_path / "backup.zip")
    with zipfile.ZipFile(tmp_path / "backup.zip") as z:
        names = set(z.namelist())
        manifest = json.loads(z.read("manifest.json"))
        contracts = z.read("tables/contracts.jsonl")
    assert {"files/1.pdf", "files/2.txt", "manifest.json", "tables/contracts.jsonl", "tables/log.jsonl"} <= names
    assert manifest["version"] == 3 and counts["contracts"] == 3 and counts["iep_exceptions"] == 1
    assert manifest["tables"]["contracts"]["rows"] == 3 == len(contracts.splitlines())
    assert manifest["tables"]["contracts"]["sha256"] == hashlib.sha256(contracts).hexdigest()
    url = fresh_url(kind, tmp_path / "copy") if kind == "sqlite" else fresh_url(kind, tmp_path)
    (tmp_path / "copy").mkdir(exist_ok=True)
    with Register(url) as copy:
        assert import_register_zip(copy, tmp_path / "backup.zip") == sum(counts.values())
        assert register_checksum(copy) == before
        assert copy.contract_file(1) == b"%PDF-1.4 first signed contract"
        assert g.saved_board(copy).name == board.name


def test_sqlite_backup_restores_into_postgresql(tmp_path, board, vendor):
    with Register(fresh_url("sqlite", tmp_path)) as reg:
        _fill(reg, tmp_path, board, vendor)
        counts = export_register_zip(reg, tmp_path / "backup.zip")
        files = [reg.contract_file(i) for i in (1, 2, 3)]
    with Register(fresh_url("postgresql", tmp_path)) as pg:
        import_register_zip(pg, tmp_path / "backup.zip")
        assert pg.count(ContractRow) == counts["contracts"] and [pg.contract_file(i) for i in (1, 2, 3)] == files
        assert pg.add_contract(vendor="After", product="Restore") == 4  # ids go on from the backup's


def test_an_older_json_export_still_imports(tmp_path, board, vendor):
    with Register(f"sqlite:///{tmp_path / 'a.sqlite3'}") as reg:
        _fill(reg, tmp_path, board, vendor)
        old, before = json.loads(json.dumps(export_register(reg))), register_checksum(reg)
    (tmp_path / "old.json").write_text(json.dumps(old))
    result = CliRunner().invoke(app, ["register", "import", str(tmp_path / "old.json"),
                                      "--db", f"sqlite:///{tmp_path / 'b.sqlite3'}"])
    assert result.exit_code == 0, result.output
    with Register(f"sqlite:///{tmp_path / 'b.sqlite3'}") as copy:
        assert register_checksum(copy) == before


def test_export_and_import_commands_use_the_zip(tmp_path, board, vendor):
    a, b = f"sqlite:///{tmp_path / 'a.sqlite3'}", f"sqlite:///{tmp_path / 'b.sqlite3'}"
    with Register(a) as reg:
        _fill(reg, tmp_path, board, vendor)
    out = CliRunner().invoke(app, ["register", "export", "--out", str(tmp_path / "bk" / "r.zip"), "--db", a])
    assert out.exit_code == 0 and "3 contracts" in out.output
    back = CliRunner().invoke(app, ["register", "import", str(tmp_path / "bk" / "r.zip"), "--db", b])
    assert back.exit_code == 0 and back.output.startswith("imported ")
    with Register(a) as one, Register(b) as two:
        assert register_checksum(one) == register_checksum(two)


def test_twenty_one_files_of_40_mb_export_and_import(tmp_path):
    """840 MB of stored files: more than one JSON export could hold, nothing too large for a ZIP."""
    size = 40 * 2**20
    with Register(f"sqlite:///{tmp_path / 'big.sqlite3'}") as reg:
        for i in range(21):
            f = tmp_path / "contract.pdf"
            f.write_bytes(b"%PDF-1.4 " + bytes([65 + i]) * (size - 9))  # compressible, each different
            reg.add_contract(vendor=f"Vendor {i}", product="Big", file=f)
        before = register_checksum(reg)
        export_register_zip(reg, tmp_path / "big.zip")
    (tmp_path / "big.sqlite3").unlink()
    with Register(f"sqlite:///{tmp_path / 'copy.sqlite3'}") as copy:
        assert import_register_zip(copy, tmp_path / "big.zip") == 21 + 21 + 21  # vendors, contracts, log
        assert register_checksum(copy) == before
        assert len(copy.contract_file(21)) == size


# ---------------------------------------------------------------- imports that refuse


def _backup(tmp_path, board, vendor) -> tuple[dict[str, list[dict]], dict[str, bytes]]:
    """A good backup taken apart: each table's rows, and the stored files."""
    with Register(f"sqlite:///{tmp_path / 'src.sqlite3'}") as reg:
        _fill(reg, tmp_path, board, vendor)
        export_register_zip(reg, tmp_path / "good.zip")
    with zipfile.ZipFile(tmp_path / "good.zip") as z:
        tables = {name: [json.loads(line) for line in z.read(entry["member"]).splitlines()]
                  for name, entry in json.loads(z.read("manifest.json"))["tables"].items()}
        return tables, {n: z.read(n) for n in z.namelist() if n.startswith("files/")}


def _zip(path, tables: dict[str, list[dict]], files: dict[str, bytes], spoil=None) -> None:
    """A backup put together again, its manifest counting and summing what it holds (so only
    the rows are wrong), unless ``spoil`` changes a member's bytes after they were summed."""
    entries = {}
    with zipfile.ZipFile(path, "w") as z:
        for name, rows in tables.items():
            data = b"".join(json.dumps(row).encode() + b"\n" for row in rows)
            entries[name] = {"member": f"tables/{name}.jsonl", "rows": len(rows),
                             "sha256": hashlib.sha256(data).hexdigest()}
            z.writestr(f"tables/{name}.jsonl", spoil(name, data) if spoil else data)
        for name, data in files.items():
            z.writestr(name, data)
        z.writestr("manifest.json", json.dumps({"format": "sdpa-register", "version": 3, "tables": entries}))


def _refused(tmp_path, tables: dict, files: dict[str, bytes], message: str, spoil=None) -> None:
    bad = tmp_path / "bad.zip"
    _zip(bad, tables, files, spoil)
    with pytest.raises(RegisterError, match=message) as caught:
        verify_backup(bad)
    assert "\n" not in str(caught.value)
    with Register(f"sqlite:///{tmp_path / 'target.sqlite3'}") as target:
        with pytest.raises(RegisterError, match=message):
            import_register_zip(target, bad)
        assert target.count(ContractRow) == 0 and target.count(VendorRow) == 0  # nothing written


@pytest.mark.parametrize(("table", "column", "value", "message"), [
    ("iep_exceptions", "student_ref", "JaneDoe", r"iep_exceptions\[0\]\.student_ref: .*not the name"),
    ("iep_exceptions", "student_ref", "Jane Doe 4", r"iep_exceptions\[0\]\.student_ref"),
    ("log", "action", "DROP TABLE contracts;", r"log\[0\]\.action: is not an action the register writes"),
    ("log", "actor", "  ", r"log\[0\]\.actor: may not be empty"),
    ("log", "at", "2199-01-01T00:00:00+00:00", r"log\[0\]\.at: .* is in the future"),
    ("log", "contract_id", 99, r"log\[0\]\.contract_id: no contracts row with id 99"),
    ("board_profiles", "data", {"name": "Shoreline"}, r"board_profiles\[0\]\.data"),
])
def test_a_backup_with_a_bad_record_is_refused(tmp_path, board, vendor, table, column, value, message):
    tables, files = _backup(tmp_path, board, vendor)
    tables[table][0][column] = value
    _refused(tmp_path, tables, files, message)


def test_a_stored_file_that_was_changed_or_removed_is_refused(tmp_path, board, vendor):
    tables, files = _backup(tmp_path, board, vendor)
    _refused(tmp_path, tables, {**files, "files/2.txt": b"altered"}, r"contracts\[1\]\.file_sha256: does not match")
    _refused(tmp_path, tables, {"files/1.pdf": files["files/1.pdf"]}, r"contracts\[1\]\.file_data: the backup holds no file")


def test_what_is_not_a_backup_gets_one_line(tmp_path):
    (tmp_path / "x.zip").write_bytes(b"PK\x03\x04 not really")
    with zipfile.ZipFile(tmp_path / "empty.zip", "w") as z:
        z.writestr("readme.txt", "hello")
    with Register("sqlite://") as reg:
        with pytest.raises(RegisterError, match="x.zip: not a ZIP backup"):
            import_register_zip(reg, tmp_path / "x.zip")
        with pytest.raises(RegisterError, match="empty.zip: a ZIP without manifest.json"):
            import_register_zip(reg, tmp_path / "empty.zip")
        os.mkfifo(tmp_path / "pipe.zip")  # opening it for reading would wait for a writer forever
        with pytest.raises(RegisterError, match="pipe.zip: not a regular file"):
            import_register_zip(reg, tmp_path / "pipe.zip")
