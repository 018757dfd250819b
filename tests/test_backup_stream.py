"""A board's backup at size: the ZIP is written and restored a table and a batch at a time, and
still comes back whole (the same rows in every table, the same checksum), on SQLite and
PostgreSQL; a member changed after it was written, or a bad row after the first batches were
written, is refused in one line with nothing left in the target; a backup taken by the
earlier ZIP writer still restores; a row of another board is never written."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

import generator as g
from generator.records.backup import (
    BACKUP_TABLES,
    export_register_zip,
    import_register_zip,
    register_checksum,
    verify_backup,
)
from generator.records.bulk import insert_rows
from generator.records.contract_csv import import_contracts_csv
from generator.records.database import RegisterError
from generator.records.register import Register
from generator.records.tables import ContractRow, LogRow, VendorRow
from generator.records.tenancy import add_board

from .test_backup_zip import _backup, _refused, _zip
from .test_register import fresh_url

OLD_BACKUP = Path(__file__).parent / "fixtures" / "register-backup-v2.zip"
MANY = 2_300  # contracts: more than two batches of rows, so a restore writes in several


@pytest.fixture(params=["sqlite", "postgresql"])
def kind(request) -> str:
    return request.param


def _many(reg: Register, folder: Path, n: int = MANY) -> None:
    """``n`` made-up contracts imported from a CSV, ten to a vendor."""
    path = folder / "contracts.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["vendor_name", "product", "executed", "term_end", "data_collected"])
        for i in range(n):
            w.writerow([f"Vendor {i // 10:04d}", f"Product {i:05d}", "2025-07-01", "2027-06-30", "name; grade"])
    import_contracts_csv(reg, path)


def _counts(reg: Register) -> dict[str, int]:
    return {model.__tablename__: reg.count(model) for model in BACKUP_TABLES}


def _second(kind: str, tmp_path: Path) -> str:
    """A second, empty register of the same kind (PostgreSQL: a board of its own)."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    return fresh_url(kind, tmp_path)


# ---------------------------------------------------------------- the round trip


def test_a_board_of_thousands_comes_back_whole(kind, tmp_path):
    with Register(fresh_url(kind, tmp_path)) as reg:
        _many(reg, tmp_path)
        before, counts = register_checksum(reg), _counts(reg)
        assert export_register_zip(reg, tmp_path / "big.zip") == counts and counts["contracts"] == MANY
    with Register(_second(kind, tmp_path)) as copy:  # PostgreSQL: the database emptied first
        assert import_register_zip(copy, tmp_path / "big.zip") == sum(counts.values())
        assert _counts(copy) == counts and register_checksum(copy) == before
        assert copy.add_contract(vendor="After", product="Restore") == MANY + 1  # ids go on from the backup's


def test_a_board_of_thousands_moves_beside_another_with_new_ids(tmp_path):
    url = fresh_url("postgresql", tmp_path)
    with Register(url) as reg:
        _many(reg, tmp_path)
        export_register_zip(reg, tmp_path / "big.zip")
        counts, products = _counts(reg), sorted((c.vendor.name, c.product) for c in reg.contracts())
        with Register(url, board_id=add_board(reg.engine, "Moved")) as moved:
            assert import_register_zip(moved, tmp_path / "big.zip", new_ids=True) == sum(counts.values())
            assert _counts(moved) == counts
            assert sorted((c.vendor.name, c.product) for c in moved.contracts()) == products
            with moved.session() as s:  # every log line follows its contract to its new id
                lines = s.execute(select(LogRow.contract_id, ContractRow.product)
                                  .join(ContractRow, ContractRow.id == LogRow.contract_id)).all()
            assert len(lines) == MANY and all(cid > MANY for cid, _ in lines)


def test_each_table_is_a_member_with_its_rows_and_sha256(tmp_path):
    with Register(f"sqlite:///{tmp_path / 'r.sqlite3'}") as reg:
        _many(reg, tmp_path, 30)
        export_register_zip(reg, tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as z:
        manifest = json.loads(z.read("manifest.json"))
        rows = [json.loads(line) for line in z.read("tables/contracts.jsonl").splitlines()]
    assert manifest["tables"]["contracts"]["rows"] == 30 and manifest["tables"]["vendors"]["rows"] == 3
    assert [r["id"] for r in rows] == list(range(1, 31)) and rows[29]["product"] == "Product 00029"
    assert "tables" in manifest and not any(isinstance(v, list) for v in manifest["tables"].values())


def test_the_checksum_sees_one_changed_cell(tmp_path):
    with Register(f"sqlite:///{tmp_path / 'r.sqlite3'}") as reg:
        _many(reg, tmp_path, 20)
        before = register_checksum(reg)
        assert register_checksum(reg) == before
        reg.update_contract(17, title="Renewed")
        assert register_checksum(reg) != before


# ---------------------------------------------------------------- refused, nothing written


def test_a_member_changed_after_it_was_written_is_refused(tmp_path, board, vendor):
    tables, files = _backup(tmp_path, board, vendor)

    def altered(name, data):
        return data.replace(b"Reader", b"Reuder") if name == "contracts" else data

    _refused(tmp_path, tables, files, r"^the export cannot be imported: tables/contracts\.jsonl: does not "
             r"match its sha256 in the manifest", spoil=altered)


def test_a_member_damaged_on_disk_is_refused(tmp_path, board, vendor):
    tables, files = _backup(tmp_path, board, vendor)
    _zip(tmp_path / "bad.zip", tables, files)  # members stored as they are: their text is in the file
    raw = (tmp_path / "bad.zip").read_bytes()
    assert raw.index(b'"product": "Planner"') < raw.index(b"tables/log.jsonl")  # in the contracts' member
    (tmp_path / "bad.zip").write_bytes(raw.replace(b'"product": "Planner"', b'"product": "Plannex"', 1))
    with pytest.raises(RegisterError, match=r"^the export cannot be imported: tables/contracts\.jsonl: cannot be "
                                            r"read \(Bad CRC-32"):
        verify_backup(tmp_path / "bad.zip")
    with Register(f"sqlite:///{tmp_path / 'target.sqlite3'}") as target:
        with pytest.raises(RegisterError, match=r"tables/contracts\.jsonl: cannot be read"):
            import_register_zip(target, tmp_path / "bad.zip")
        assert target.count(VendorRow) == 0 and target.count(ContractRow) == 0


def test_a_member_missing_a_row_or_a_line_not_json_is_refused(tmp_path, board, vendor):
    tables, files = _backup(tmp_path, board, vendor)
    _refused(tmp_path, tables, files, r"tables/log\.jsonl: holds 10 rows; the manifest says 11",
             spoil=lambda name, data: data.split(b"\n", 1)[1] if name == "log" else data)
    _refused(tmp_path, tables, files, r"checks\[0\]: is not a JSON row",
             spoil=lambda name, data: b"{not json\n" + data if name == "checks" else data)


def test_a_manifest_that_leaves_out_a_table_is_refused_not_restored_without_it(tmp_path, board, vendor):
    tables, files = _backup(tmp_path, board, vendor)
    assert tables["log"]  # the log has lines: restored without them, the history would be lost
    _refused(tmp_path, {k: v for k, v in tables.items() if k != "log"}, files,
             r"manifest\.json: tables: missing table\(s\): log; a backup lists every table")


def test_a_name_the_register_holds_once_is_refused_when_it_comes_twice(tmp_path, board, vendor):
    tables, files = _backup(tmp_path, board, vendor)
    twin = {**tables["vendors"][0], "id": max(v["id"] for v in tables["vendors"]) + 1}
    _refused(tmp_path, {**tables, "vendors": tables["vendors"] + [twin]}, files,
             rf"vendors\[{len(tables['vendors'])}\]\.name: 'Vendor 0' appears twice; the register holds it once")


def test_a_member_the_manifest_lists_but_the_zip_lacks_is_refused(tmp_path, board, vendor):
    tables, files = _backup(tmp_path, board, vendor)
    _zip(tmp_path / "bad.zip", tables, files)
    with zipfile.ZipFile(tmp_path / "bad.zip") as z, zipfile.ZipFile(tmp_path / "short.zip", "w") as out:
        for name in z.namelist():
            if name != "tables/notices.jsonl":
                out.writestr(name, z.read(name))
    with pytest.raises(RegisterError, match=r"tables/notices\.jsonl: the backup holds no such member"):
        verify_backup(tmp_path / "short.zip")


def test_a_bad_row_after_the_first_batches_leaves_the_target_empty(kind, tmp_path):
    with Register(fresh_url(kind, tmp_path)) as reg:
        _many(reg, tmp_path)
        export_register_zip(reg, tmp_path / "good.zip")
    with zipfile.ZipFile(tmp_path / "good.zip") as z:
        tables = {name: [json.loads(line) for line in z.read(entry["member"]).splitlines()]
                  for name, entry in json.loads(z.read("manifest.json"))["tables"].items()}
    tables["contracts"][2_250]["product"] = "p" * 400
    _zip(tmp_path / "bad.zip", tables, {})
    with Register(_second(kind, tmp_path)) as target:
        with pytest.raises(RegisterError, match=r"^the export cannot be imported: contracts\[2250\]\.product: "
                                                r"400 characters; the limit is 300$"):
            import_register_zip(target, tmp_path / "bad.zip")
        assert target.count(VendorRow) == 0 and target.count(ContractRow) == 0 and target.count(LogRow) == 0


def test_a_restore_into_a_board_that_holds_records_is_refused(tmp_path):
    with Register(f"sqlite:///{tmp_path / 'r.sqlite3'}") as reg:
        _many(reg, tmp_path, 10)
        export_register_zip(reg, tmp_path / "b.zip")
        with pytest.raises(RegisterError, match="board 1 of the register is not empty"):
            import_register_zip(reg, tmp_path / "b.zip")
        assert reg.count(ContractRow) == 10


def test_a_row_of_another_board_is_never_written(kind, tmp_path):
    with Register(fresh_url(kind, tmp_path)) as reg:
        other = add_board(reg.engine, "Hillside")
        with pytest.raises(RegisterError, match=rf"another board \({other}\) cannot be written while working "
                                                r"for board 1"):
            with reg.session() as s, s.begin():
                insert_rows(s, VendorRow.__table__, [
                    {"board_id": 1, "name": "Ours", "contact_email": "", "address": ""},
                    {"board_id": other, "name": "Theirs", "contact_email": "", "address": ""}])
        with Register(reg.engine.url.render_as_string(hide_password=False), board_id=other) as theirs:
            assert theirs.count(VendorRow) == 0
        with reg.session() as s:
            assert s.scalars(select(VendorRow.name)).all() == []


# ---------------------------------------------------------------- backups taken before


def test_a_backup_from_the_earlier_zip_writer_still_restores(kind, tmp_path):
    with zipfile.ZipFile(OLD_BACKUP) as z:
        assert json.loads(z.read("manifest.json"))["version"] == 2  # one manifest of every table
    verify_backup(OLD_BACKUP)
    with Register(fresh_url(kind, tmp_path)) as reg:
        assert import_register_zip(reg, OLD_BACKUP) == 25
        assert reg.count(ContractRow) == 3 and reg.count(LogRow) == 11
        assert reg.contract_file(1) == b"%PDF-1.4 made-up signed contract"
        assert reg.contract_file(3) is None
        assert g.saved_board(reg).name == "Waterbury Board of Education"
        before = register_checksum(reg)
        export_register_zip(reg, tmp_path / "again.zip")  # and it backs up again, as version 3
    with Register(_second(kind, tmp_path)) as copy:
        import_register_zip(copy, tmp_path / "again.zip")
        assert register_checksum(copy) == before


def test_a_stored_file_of_several_pieces_comes_back_byte_for_byte(kind, tmp_path):
    body = bytes(range(256)) * (9 * 2**20 // 256) + b"the end"  # 9 MB: read from PostgreSQL in three pieces
    (tmp_path / "signed.pdf").write_bytes(body)
    with Register(fresh_url(kind, tmp_path)) as reg:
        reg.add_contract(vendor="Acme", product="Reader", file=tmp_path / "signed.pdf")
        before = register_checksum(reg)
        export_register_zip(reg, tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as z:
        assert z.read("files/1.pdf") == body
    with Register(_second(kind, tmp_path)) as copy:
        import_register_zip(copy, tmp_path / "b.zip")
        assert copy.contract_file(1) == body and register_checksum(copy) == before
