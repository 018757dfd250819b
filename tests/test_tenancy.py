"""Boards as tenants: one register holding several boards, each seeing only its own records, with
the database enforcing it on PostgreSQL; shared agreements; a single-board register upgraded in
place with nothing lost."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from typer.testing import CliRunner

from generator.cli.commands import app
from generator.records.backup import export_register, export_register_zip, import_register_zip
from generator.records.database import RegisterError
from generator.records.publish import publish
from generator.records.register import Register
from generator.records.sharing import adopt_agreement, offer_agreement, offers, withdraw_offer
from generator.records.status import due_items, refresh_due
from generator.records.tables import BOARD_OWNED, DERIVED_OWNED, ContractRow, VendorRow
from generator.records.tenancy import add_board, board_id_in_use, list_boards

from .test_register import PG, fresh_url

D = date.fromisoformat
FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    return fresh_url(request.param, tmp_path)


def two_boards(url: str, tmp_path: Path) -> tuple[Register, Register]:
    """Board 1 (Shoreline) and a new board (Hillside), each with one executed contract of its own
    and a stored file; the same vendor name in both."""
    with Register(url) as first:
        hill = add_board(first.engine, "Hillside Board of Education")
    a, b = Register(url, actor="clerk@shoreline.example"), Register(url, actor="clerk@hillside.example", board_id=hill)
    for reg, product in ((a, "Shoreline Reader"), (b, "Hillside Atlas")):
        f = tmp_path / f"{product}.txt"
        f.write_text(f"signed agreement for {product}")
        cid = reg.add_contract(vendor="Acme Learning", product=product, executed=D("2026-09-02"),
                               purpose="instruction", data_categories=["name"], file=f)
        reg.record_posting(cid, D("2026-09-03"), f"https://example.org/{cid}")
    return a, b


def every_text(data: object) -> str:
    return json.dumps(data, default=str)


# ---------------------------------------------------------------- each board sees only its own


def test_each_board_sees_only_its_own_records(url, tmp_path, board):
    a, b = two_boards(url, tmp_path)
    with a, b:
        assert [c.product for c in a.contracts()] == ["Shoreline Reader"]
        assert [c.product for c in b.contracts()] == ["Hillside Atlas"]
        # the same vendor name is a separate vendor in each board
        assert a.contracts()[0].vendor_id != b.contracts()[0].vendor_id
        # a deliberately unfiltered query, in board A's session: nothing of board B
        with a.session() as s:
            assert [c.product for c in s.scalars(select(ContractRow))] == ["Shoreline Reader"]
            assert len(list(s.scalars(select(VendorRow)))) == 1
        with a.session() as s, pytest.raises(RegisterError, match="no contract"):
            a.contract_in(s, b.contracts()[0].id)
        b.add_contract(vendor="Hillside Vendor", product="Unposted", executed=D("2026-09-08"))
        a.add_contract(vendor="Shoreline Vendor", product="Unposted", executed=D("2026-09-08"))
        due = due_items(a, D("2026-09-10"), board)
        assert {i.vendor for i in due if i.contract_id} == {"Shoreline Vendor"}
        exported = export_register(a)
        assert "Hillside" not in every_text(exported) and "Shoreline Reader" in every_text(exported)
        page, csv = publish(a, tmp_path / "public-a", board, D("2026-09-10"), draft=True)
        assert "Shoreline Reader" in page.read_text() and "Hillside" not in page.read_text()
        assert "Hillside" not in csv.read_text()
        assert len(list((tmp_path / "public-a" / "contracts").iterdir())) == 1  # A's one stored file


def test_a_session_cannot_write_into_another_board(url, tmp_path):
    a, b = two_boards(url, tmp_path)
    with a, b:
        with pytest.raises(RegisterError, match="board"):
            with a.session() as s, s.begin():
                s.add(ContractRow(board_id=b.board_id, vendor_id=b.contracts()[0].vendor_id, product="Sneaked in"))
        assert [c.product for c in b.contracts()] == ["Hillside Atlas"]


def test_board_ids_are_checked():
    assert board_id_in_use(None) == 1
    assert board_id_in_use("3") == 3
    for bad in ("0", "-2", "two", "1.5"):
        with pytest.raises(RegisterError, match="board id"):
            board_id_in_use(bad)


def test_unknown_board_is_refused_and_names_must_differ(tmp_path):
    url = fresh_url("sqlite", tmp_path)
    with pytest.raises(RegisterError, match="no board 7"):
        Register(url, board_id=7)
    with Register(url) as reg:
        add_board(reg.engine, "Hillside")
        with pytest.raises(RegisterError, match="already a board"):
            add_board(reg.engine, "  hillside ")
        assert [(x.id, x.slug) for x in list_boards(reg.engine)] == [(1, "board-1"), (2, "hillside")]


# ---------------------------------------------------------------- the database enforces it


def pg_url(tmp_path) -> str:
    if not PG:
        fresh_url("postgresql", tmp_path)  # skips, or fails in CI
    return fresh_url("postgresql", tmp_path)


def test_postgresql_row_level_security_hides_other_boards_rows(tmp_path, board):
    url = pg_url(tmp_path)
    a, b = two_boards(url, tmp_path)
    with a, b:
        assert a.database_filters, "sdpa's role must not bypass row-level security in this test"
        assert refresh_due(a) == 1 and refresh_due(b) == 1  # each board's due rows, stored
        with a.session() as s:  # nothing in the application filters this session's queries
            assert [c.product for c in s.scalars(select(ContractRow))] == ["Shoreline Reader"]
            assert s.scalar(text("SELECT count(*) FROM contracts")) == 1
            assert s.scalar(text("SELECT count(*) FROM due_state")) == 1
            for model in [*BOARD_OWNED, *DERIVED_OWNED]:
                boards = set(s.scalars(text(f"SELECT DISTINCT board_id FROM {model.__tablename__}")))
                assert boards <= {a.board_id}, model.__tablename__
        with a.engine.connect() as conn:  # a connection that names no board sees no board's rows
            assert conn.scalar(text("SELECT count(*) FROM contracts")) == 0
            assert conn.scalar(text("SELECT count(*) FROM due_items")) == 0
        # writing a row of board B from board A's transaction is refused by the database too
        with a.engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT set_config('sdpa.board_id', :b, true)"), {"b": str(a.board_id)})
            with pytest.raises(Exception, match="row-level security"):
                conn.execute(text("INSERT INTO vendors (board_id, name, contact_email, address) "
                                  "VALUES (:b, 'Sneaky', '', '')"), {"b": b.board_id})
        exported = export_register(a)
        assert "Hillside" not in every_text(exported)
        page, _ = publish(a, tmp_path / "public-a", board, D("2026-09-10"))
        assert "Hillside" not in page.read_text() and "Shoreline Reader" in page.read_text()


def test_without_the_policies_the_same_query_sees_other_boards(tmp_path):
    """The control: the isolation test above would fail without row-level security."""
    url = pg_url(tmp_path)
    a, b = two_boards(url, tmp_path)
    with a, b:
        with a.engine.begin() as conn:
            conn.execute(text("DROP POLICY board_only ON contracts"))
            conn.execute(text("ALTER TABLE contracts DISABLE ROW LEVEL SECURITY"))
        with a.session() as s:
            assert sorted(c.product for c in s.scalars(select(ContractRow))) == ["Hillside Atlas", "Shoreline Reader"]


# ---------------------------------------------------------------- backups of one board


def test_a_boards_backup_moves_into_a_new_board_with_new_ids(url, tmp_path):
    a, b = two_boards(url, tmp_path)
    with a, b:
        a.record_notice(a.contracts()[0].id, D("2026-09-20"), D("2026-10-20"))
        zipped = tmp_path / "shoreline.zip"
        export_register_zip(a, zipped)
        new = add_board(a.engine, "Shoreline (moved)")
        with Register(url, board_id=new) as moved:
            with pytest.raises(RegisterError, match="new ids|UNIQUE|duplicate"):
                import_register_zip(moved, zipped)  # the ids are taken by board A
            assert moved.count(ContractRow) == 0  # nothing half-written
            assert import_register_zip(moved, zipped, new_ids=True) > 0
            (c,) = moved.contracts()
            assert c.id != a.contracts()[0].id and c.product == "Shoreline Reader"
            assert [x.sent for x in c.notices] == [D("2026-09-20")] and len(c.postings) == 1
            assert moved.contract_file(c.id) == a.contract_file(a.contracts()[0].id)
            assert {line.contract_id for line in moved.log() if line.contract_id} == {c.id}
        assert [c.product for c in b.contracts()] == ["Hillside Atlas"]
        assert [c.product for c in a.contracts()] == ["Shoreline Reader"]


# ---------------------------------------------------------------- shared agreements


def test_a_general_offer_is_adopted_with_its_own_dates_and_posting_duty(url, tmp_path, board):
    a, b = two_boards(url, tmp_path)
    with a, b:
        original = a.contracts()[0].id
        offer_id = offer_agreement(a, original, D("2026-09-05"))
        with pytest.raises(RegisterError, match="already offered"):
            offer_agreement(a, original, D("2026-09-06"))
        with pytest.raises(RegisterError, match="no contract"):
            offer_agreement(b, original, D("2026-09-06"))  # board B cannot offer A's contract
        (seen,) = offers(b)
        assert (seen.board, seen.product, seen.executed) == ("Board 1", "Shoreline Reader", D("2026-09-02"))
        with pytest.raises(RegisterError, match="own contract"):
            adopt_agreement(a, offer_id, executed=D("2026-10-01"))
        cid = adopt_agreement(b, offer_id, executed=D("2026-10-01"))
        adopted = b.contract(cid)
        assert (adopted.adopted_from, adopted.executed, adopted.vendor.name) == (original, D("2026-10-01"), "Acme Learning")
        assert adopted.purpose == "instruction" and adopted.data_categories == ["name"]
        # board B's own duty: post notice of its adoption within five business days of its date
        duties = [i for i in due_items(b, D("2026-10-02"), board) if i.contract_id == cid]
        assert duties and "post notice" in duties[0].what
        with pytest.raises(RegisterError, match="already adopted"):
            adopt_agreement(b, offer_id, executed=D("2026-10-02"))
        assert [c.product for c in a.contracts()] == ["Shoreline Reader"]  # A's register is unchanged
        withdraw_offer(a, offer_id, D("2026-11-01"))
        assert offers(b) == [] and len(offers(b, include_withdrawn=True)) == 1
        assert b.contract(cid).adopted_from == original  # an adoption outlives the withdrawal


def test_offer_and_adopt_from_the_command_line(tmp_path):
    url = fresh_url("sqlite", tmp_path)
    res = runner.invoke(app, ["board", "add", "Hillside", "--db", url])
    assert res.exit_code == 0, res.output
    assert "board 2" in res.output
    res = runner.invoke(app, ["register", "--board-id", "1", "add", "--db", url, "--vendor", "Acme",
                              "--product", "Reader", "--executed", "2026-09-02"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["register", "offer", "1", "--db", url, "--date", "2026-09-05"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["register", "--board-id", "2", "offers", "--db", url])
    assert "Reader" in res.output and "Board 1" in res.output
    res = runner.invoke(app, ["register", "--board-id", "2", "adopt", "1", "--db", url, "--executed", "2026-10-01"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["register", "--board-id", "2", "list", "--db", url, "--format", "json"])
    listed = json.loads(res.output)
    assert [(c["vendor"], c["product"]) for c in listed] == [("Acme", "Reader")]
    res = runner.invoke(app, ["register", "--board-id", "3", "list", "--db", url])
    assert res.exit_code == 2 and "no board 3" in res.output
    res = runner.invoke(app, ["board", "list", "--db", url])
    assert "Hillside" in res.output and "Board 1" in res.output


# ---------------------------------------------------------------- upgrading in place


def _without_board_fields(export: dict) -> dict:
    tables = {name: [{k: v for k, v in row.items() if k not in ("board_id", "adopted_from")} for row in rows]
              for name, rows in export["tables"].items()}
    return {**export, "tables": tables}


def _digest(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def test_a_single_board_sqlite_register_at_0004_upgrades_in_place(tmp_path, board):
    db = tmp_path / "register.sqlite3"
    shutil.copy(FIXTURES / "register-0004.db", db)
    before = json.loads((FIXTURES / "register-0004-export.json").read_text())
    with Register(f"sqlite:///{db}") as reg:  # opening it runs the migrations, no other step
        after = export_register(reg)
        assert reg.board_id == 1 and reg.board_name == board.name  # named from its saved profile
        assert {row["board_id"] for rows in after["tables"].values() for row in rows} == {1}
        # the tables that came after 0004 (the approved-apps list) are there, and empty
        later = {name: rows for name, rows in after["tables"].items() if name not in before["tables"]}
        assert later and not any(later.values())
        after["tables"] = {name: rows for name, rows in after["tables"].items() if name in before["tables"]}
        assert _without_board_fields(after) == before
        assert _digest(_without_board_fields(after)) == _digest(before)
        assert sum(len(rows) for rows in after["tables"].values()) == sum(len(r) for r in before["tables"].values())
        cid = reg.add_contract(vendor="Acme Learning", product="Writer")  # the old vendor, reused
        assert reg.contract(cid).vendor_id == reg.contracts()[0].vendor_id


def test_a_letter_names_the_board_chosen_with_board_id(tmp_path, board, monkeypatch):
    from .conftest import docx_text

    url = fresh_url("sqlite", tmp_path)
    monkeypatch.setenv("SDPA_DATABASE_URL", url)
    monkeypatch.delenv("SDPA_BOARD", raising=False)
    from generator.records.directory import save_board

    with Register(url) as first:
        hill = add_board(first.engine, "Hillside")
        save_board(first, board.model_copy(update={"name": "Shoreline Board of Education"}))
        save_board(first.for_board(hill), board.model_copy(update={"name": "Hillside Board of Education"}))
    out = tmp_path / "annual.docx"
    res = runner.invoke(app, ["letter", "--board-id", str(hill), "annual-notice", "--out", str(out)])
    assert res.exit_code == 0, res.output
    text = docx_text(out)
    assert "Hillside Board of Education" in text and "Shoreline" not in text


def test_a_districts_sqlite_register_moves_into_the_region_as_a_new_board(tmp_path):
    district = f"sqlite:///{tmp_path / 'shoreline.sqlite3'}"
    region = fresh_url("sqlite", tmp_path)
    with Register(district) as reg:
        cid = reg.add_contract(vendor="Acme Learning", product="Shoreline Reader", executed=D("2026-09-02"))
        reg.record_posting(cid, D("2026-09-03"))
    with Register(region) as reg:
        reg.add_contract(vendor="Acme Learning", product="Region Planner")  # id 1 is taken here
    res = runner.invoke(app, ["register", "export", "--db", district, "--out", str(tmp_path / "shoreline.zip")])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["board", "import-register", str(tmp_path / "shoreline.zip"), "--name", "Shoreline",
                              "--db", region])
    assert res.exit_code == 0, res.output
    with Register(region, board_id=2) as moved:
        (c,) = moved.contracts()
        assert (c.product, c.id, len(c.postings)) == ("Shoreline Reader", 2, 1)
    with Register(region) as reg:
        assert [c.product for c in reg.contracts()] == ["Region Planner"]
    # a backup that does not import leaves no empty board behind
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    res = runner.invoke(app, ["board", "import-register", str(tmp_path / "bad.zip"), "--name", "Broken", "--db", region])
    assert res.exit_code == 2 and "not a ZIP backup" in res.output
    with Register(region) as reg:
        assert [b.name for b in list_boards(reg.engine)] == ["Board 1", "Shoreline"]


def test_a_persons_boards_are_those_whose_own_profile_gives_them_a_role(tmp_path, board):
    from generator.records.access import boards_for
    from generator.records.directory import save_board

    url = fresh_url("sqlite", tmp_path)
    with Register(url) as first:
        hill = add_board(first.engine, "Hillside")
        for reg, name, access in ((first, "Shoreline", {"admin": ["ria@region.example"], "editor": ["@shoreline.example"]}),
                                  (first.for_board(hill), "Hillside", {"viewer": ["ria@region.example"]})):
            save_board(reg, board.model_copy(update={"name": name, "access": board.access.model_copy(update=access)}))
    assert boards_for(url, "ria@region.example") == [(1, "Shoreline", "admin"), (hill, "Hillside", "viewer")]
    assert boards_for(url, "pat@shoreline.example") == [(1, "Shoreline", "editor")]
    assert boards_for(url, "someone@elsewhere.example") == []


def test_a_command_opens_the_register_once_and_uses_the_profile_saved_there(tmp_path, monkeypatch):
    """The register holding the saved profile is the board's register: a command opens it once
    (reads the profile from it and works in it); a profile file that names its database sends
    the command to that register; with no register yet, the example profile and a new register."""
    from generator.records import register as register_module
    from generator.records.board import open_with_board, read_board_file
    from generator.records.directory import save_board

    monkeypatch.delenv("SDPA_BOARD", raising=False)
    monkeypatch.delenv("SDPA_DATABASE_URL", raising=False)
    here, elsewhere = tmp_path / "here.sqlite3", tmp_path / "elsewhere.sqlite3"
    example = read_board_file(Path(__file__).resolve().parent.parent / "examples" / "board.example.yaml")
    with Register(f"sqlite:///{here}") as reg:
        save_board(reg, example.model_copy(update={"name": "Shoreline Board of Education"}))
    opened = []
    real_init = register_module.Register.__init__

    def counting(self, url, *args, **kwargs):
        opened.append(url)
        real_init(self, url, *args, **kwargs)

    monkeypatch.setattr(register_module.Register, "__init__", counting)
    reg, profile = open_with_board(register_url=str(here))
    reg.close()
    assert profile.name == "Shoreline Board of Education"
    assert opened == [f"sqlite:///{here}"], "the register was opened more than once"

    monkeypatch.chdir(tmp_path)  # a profile file (--board) that names its database: that register
    from generator.records.directory import board_yaml

    named = tmp_path / "board.yaml"
    named.write_text(board_yaml(example.model_copy(update={"name": "Hillside"})) + f"database: {elsewhere}\n")
    opened.clear()
    reg, profile = open_with_board(named)
    reg.close()
    assert profile.name == "Hillside" and opened == [f"sqlite:///{elsewhere}"] and elsewhere.is_file()

    opened.clear()  # no register there yet: the example profile, and the register made there once
    missing = tmp_path / "missing.sqlite3"
    reg, profile = open_with_board(register_url=str(missing))
    reg.close()
    assert profile.name == example.name and opened == [f"sqlite:///{missing}"]


def test_a_board_the_register_does_not_hold_is_named_as_such_not_as_a_profile_problem(tmp_path, monkeypatch):
    url = fresh_url("sqlite", tmp_path)
    monkeypatch.setenv("SDPA_DATABASE_URL", url)
    monkeypatch.delenv("SDPA_BOARD", raising=False)
    with Register(url) as reg:
        reg.add_contract(vendor="Acme Learning", product="Reader")
    res = runner.invoke(app, ["register", "--board-id", "9", "list"])
    assert res.exit_code == 2
    assert "there is no board 9 in this register" in res.output and "profile" not in res.output


def test_board_list_shows_the_name_of_each_boards_saved_profile(url, tmp_path, board):
    from generator.records.directory import save_board

    with Register(url) as first:
        hill = add_board(first.engine, "Hillside")
        add_board(first.engine, "Lakeside Board of Education")
        save_board(first, board.model_copy(update={"name": "Waterbury Board of Education"}))
        save_board(first.for_board(hill), board.model_copy(update={"name": "Hillside Regional Board of Education"}))
    res = runner.invoke(app, ["board", "list", "--db", url])
    assert res.exit_code == 0, res.output
    rows = [line.split(None, 2) for line in res.stdout.splitlines()]
    assert [(r[0], r[2]) for r in rows] == [("1", "Waterbury Board of Education"),
                                            (str(hill), "Hillside Regional Board of Education"),
                                            (str(hill + 1), "Lakeside Board of Education")]  # none saved: its own
