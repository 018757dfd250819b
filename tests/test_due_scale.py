"""What is due, kept in the database: the same items, on any day and for any profile, as working
it out contract by contract from every record (the computation sdpa used before, kept here only
as the oracle); pages and filters done by the server; kept up to date by every write; and the
contracts list paged and filtered by status and vendor."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest
from typer.testing import CliRunner

from generator.cli.commands import app
from generator.deadlines import parent_breach_notice_due, website_notice_due
from generator.records.contract_csv import import_contracts_csv
from generator.records.duties import annual_notice_due, record_annual_notice
from generator.records.register import Register
from generator.records.review import AWAITING, Decision, current_review, record_void, review_check
from generator.records.status import (
    DueItem,
    contract_status,
    contracts_page,
    due_items,
    due_page,
    refresh_due,
    void_applies,
)
from generator.records.database import RegisterError
from generator.records.tables import DueStateRow, LogRow

from .test_register import fresh_url
from .test_review import READING

runner = CliRunner()
D = date.fromisoformat

GOOD = {**READING, "compliant": True,
        "provisions": [{**p, "status": "present"} for p in READING["provisions"]]}


def oracle(reg: Register, today: date, board) -> list[DueItem]:
    """What is due, worked out in Python from every contract and all its records."""
    items = []
    for c in reg.contracts():
        for b in c.breaches:
            d = parent_breach_notice_due(b.notice_received, board.good_friday_proclaimed)
            if not b.families_notified:
                items.append(DueItem(c.id, c.vendor.name, "notify the affected students and parents of the breach",
                                     d, today > d, "board policy; § 10-234dd (to confirm): 2 business days"))
            if not b.posted:
                items.append(DueItem(c.id, c.vendor.name, "post notice of the breach on the website", d, today > d,
                                     "board policy"))
        st = contract_status(c, today)
        if st.status == "ended":
            continue
        if c.executed and c.executed >= board.posting_from and not c.postings:
            d = website_notice_due(c.executed, board.good_friday_proclaimed)
            items.append(DueItem(c.id, c.vendor.name, "post notice of the executed contract on the website",
                                 d, today > d, "board policy; § 10-234bb (to confirm): 5 business days"))
        open_ = [n for n in c.notices if not n.outcome]
        if open_:
            n = open_[-1]
            if n.cure_date >= today:
                items.append(DueItem(c.id, c.vendor.name, "vendor must amend the contract", n.cure_date, False,
                                     "§ 10-234bb(f) (to confirm)" if void_applies(c) else "board policy"))
            else:
                items.append(DueItem(c.id, c.vendor.name, "cure date passed without amendment: counsel to decide "
                                     "whether the contract is void (counsel records it) and whether to keep "
                                     "sharing student data", n.cure_date, True,
                                     "§ 10-234bb(f) (to confirm); board policy" if void_applies(c) else "board policy"))
        if (open_ or st.status == AWAITING) and c.checks and current_review(c) is None:
            # a notice sent on a reading counsel never confirmed leaves counsel's review due
            items.append(DueItem(c.id, c.vendor.name, "counsel to confirm the check, provision by provision",
                                 c.checks[-1].checked, False, "board practice: a check is a reading"))
        if not open_ and st.status == "gaps found":
            items.append(DueItem(c.id, c.vendor.name, "send the vendor notice to amend", c.checks[-1].checked,
                                 False, "§ 10-234bb(f) (to confirm)" if void_applies(c) else "board policy"))
    due, overdue = annual_notice_due(reg, today)
    items.append(DueItem(None, "", f"annual notice to students and parents of {board.public_page}",
                         due, overdue, "board policy: by September 1"))
    return sorted(items, key=lambda i: (not i.overdue, i.due, i.contract_id or 0))


def varied_register(reg: Register, n: int = 60, seed: int = 3) -> None:
    """``n`` contracts with every kind of record, in many combinations."""
    rng = random.Random(seed)
    day = lambda lo, hi: D(lo) + timedelta(days=rng.randrange((D(hi) - D(lo)).days))  # noqa: E731
    for i in range(n):
        executed = day("2016-01-01", "2027-03-01") if rng.random() < 0.8 else None
        end = executed + timedelta(days=rng.choice((200, 400, 900))) if executed and rng.random() < 0.5 else None
        cid = reg.add_contract(vendor=f"Vendor {i % 7} {'Learning' if i % 2 else 'Labs'}", product=f"Product {i}",
                               executed=executed, term_end=end)
        if rng.random() < 0.3:
            reg.record_posting(cid, day("2026-01-01", "2027-03-01"))
        if rng.random() < 0.5:
            reg.record_check(cid, rng.choice((READING, GOOD)), day("2026-06-01", "2027-02-01"))
            if rng.random() < 0.6:
                review_check(reg, cid, role="counsel", confirm_rest=True)
        if rng.random() < 0.4:
            sent = day("2026-09-01", "2027-02-01")
            reg.record_notice(cid, sent, sent + timedelta(days=rng.choice((10, 30, 60))))
            roll = rng.random()
            if roll < 0.2:
                reg.record_outcome(cid, "amended", sent + timedelta(days=5))
            elif roll < 0.3:
                reg.record_outcome(cid, "withdrawn", sent + timedelta(days=5))
            elif roll < 0.4 and executed and void_applies(reg.contract(cid)):
                record_void(reg, cid, role="counsel", when=sent + timedelta(days=90), reason="not amended")
        if rng.random() < 0.2:
            bid = reg.record_breach(cid, notice_received=day("2026-10-01", "2027-02-01"))
            if rng.random() < 0.5:
                reg.update_breach(bid, families_notified=D("2027-02-02"))


@pytest.fixture(params=["sqlite", "postgresql"])
def reg(request, tmp_path):
    with Register(fresh_url(request.param, tmp_path), actor="tester") as r:
        yield r


DAYS = [D(x) for x in ("2026-08-15", "2026-11-20", "2027-01-05", "2027-02-17", "2027-06-30", "2029-01-01")]


def test_the_stored_items_equal_the_old_computation_on_any_day_and_profile(reg, board):
    varied_register(reg)
    record_annual_notice(reg, D("2026-08-20"))
    profiles = [board, board.model_copy(update={"good_friday_proclaimed": True}),
                board.model_copy(update={"posting_from": D("2026-07-01")})]
    kinds = set()
    for profile in profiles:
        for today in DAYS:
            expected = oracle(reg, today, profile)
            assert due_items(reg, today, profile) == expected, (today, profile.posting_from)
            kinds |= {(i.what.split(":")[0], i.overdue) for i in expected}
    # the register really was varied: every kind of item, due and overdue where it can be
    assert len(kinds) >= 8


def test_pages_put_together_are_the_whole_list_and_filters_match(reg, board):
    varied_register(reg, n=40, seed=11)
    for today in (D("2026-11-20"), D("2027-02-17")):
        whole = due_items(reg, today, board)
        for per in (1, 7, 50):
            pages = [due_page(reg, today, board, offset=o, limit=per) for o in range(0, len(whole), per)]
            assert [i for p in pages for i in p.items] == whole
            assert {p.total for p in pages} == {len(whole)}
        vendor = due_page(reg, today, board, vendor="vendor 3", limit=None)
        assert vendor.items == [i for i in whole if "vendor 3" in i.vendor.lower()]
        before = due_page(reg, today, board, before=D("2026-12-31"), limit=None)
        assert before.items == [i for i in whole if i.due <= D("2026-12-31")]
        assert before.total == len(before.items)


def test_every_write_brings_its_contract_up_to_date(reg, board):
    today = D("2027-01-10")
    cid = reg.add_contract(vendor="Acme", product="Reader", executed=D("2027-01-04"))
    posting = [i for i in due_items(reg, today, board) if i.contract_id == cid]
    assert [i.what for i in posting] == ["post notice of the executed contract on the website"]
    reg.record_posting(cid, D("2027-01-08"))
    assert [i for i in due_items(reg, today, board) if i.contract_id == cid] == []
    reg.record_check(cid, READING, D("2027-01-09"))
    assert [i.what for i in due_items(reg, today, board) if i.contract_id == cid] == [
        "counsel to confirm the check, provision by provision"]
    review_check(reg, cid, role="counsel", provisions={"security": Decision("missing", "no encryption")},
                 confirm_rest=True)
    assert [i.what for i in due_items(reg, today, board) if i.contract_id == cid] == ["send the vendor notice to amend"]
    reg.update_contract(cid, term_end=D("2027-01-09"))  # an edit that ends the term drops what was due
    assert [i for i in due_items(reg, today, board) if i.contract_id == cid] == []
    assert refresh_due(reg) == 0  # nothing left to derive


def test_a_register_restored_or_migrated_without_stored_items_gets_them_on_first_read(reg, board):
    varied_register(reg, n=15, seed=5)
    expected = due_items(reg, D("2027-02-17"), board)
    with reg.session() as s, s.begin():
        s.query(DueStateRow).delete()
    assert refresh_due(reg) == 15
    assert due_items(reg, D("2027-02-17"), board) == expected


def test_the_contracts_list_pages_and_filters_on_the_server(reg):
    varied_register(reg, n=30, seed=2)
    today = D("2027-02-17")
    everyone = [(c.id, contract_status(c, today)) for c in reg.contracts()]
    got = [(c.id, s) for o in range(0, 30, 8) for c, s in contracts_page(reg, today, offset=o, limit=8).items]
    assert got == everyone
    for status in {s.status for _, s in everyone}:
        found = contracts_page(reg, today, statuses=[status], limit=None)
        assert [(c.id, s) for c, s in found.items] == [x for x in everyone if x[1].status == status]
    labs = contracts_page(reg, today, vendor="LABS", limit=5)
    assert labs.total == 15 and [c.vendor.name.endswith("Labs") for c, _ in labs.items] == [True] * 5
    assert contracts_page(reg, today, search="product 2", limit=None).total == len(
        [x for x in range(30) if str(x).startswith("2")])


def test_cli_due_and_list_show_one_page_and_all_on_request(tmp_path, board):
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    with Register(url) as reg:
        for i in range(60):
            reg.add_contract(vendor=f"V{i:02d}", product="P", executed=D("2027-01-04"))
    env = {"SDPA_DATABASE_URL": url}
    listed = runner.invoke(app, ["register", "list", "--today", "2027-01-05"], env=env)
    assert listed.exit_code == 0 and len(listed.stdout.splitlines()) == 50
    assert "page 1 of 2 (60 in all)" in listed.stderr
    second = runner.invoke(app, ["register", "list", "--today", "2027-01-05", "--page", "2"], env=env)
    assert [line.split()[0] for line in second.stdout.splitlines()] == [str(i) for i in range(51, 61)]
    every = runner.invoke(app, ["register", "due", "--today", "2027-01-20", "--all"], env=env)
    assert len(every.stdout.splitlines()) == 61 and "page" not in every.stderr
    some = runner.invoke(app, ["register", "due", "--today", "2027-01-20", "--per-page", "5", "--vendor", "v1"],
                         env=env)
    assert [line.split("#")[1].split(":")[0].split()[1] for line in some.stdout.splitlines()] == [
        f"V{i}" for i in range(10, 15)]
    assert "page 1 of 2 (10 in all)" in some.stderr
    cut = runner.invoke(app, ["register", "due", "--today", "2027-01-05", "--due-before", "2027-01-01"], env=env)
    assert cut.stdout.strip() == ""
    # a page past the last, or a status no contract can have, is a one-line error
    past = runner.invoke(app, ["register", "list", "--today", "2027-01-05", "--page", "9"], env=env)
    assert past.exit_code == 2 and "--page 9: there are 2 pages (60 in all)" in past.stderr
    odd = runner.invoke(app, ["register", "list", "--status", "signed"], env=env)
    assert odd.exit_code == 2 and "status 'signed' is not a contract's status" in odd.stderr
    # a script asking for JSON gets the whole list, unless it names a page
    whole = runner.invoke(app, ["register", "list", "--today", "2027-01-05", "--format", "json"], env=env)
    assert len(json.loads(whole.stdout)) == 60 and "page" not in whole.stderr
    paged = runner.invoke(app, ["register", "due", "--today", "2027-01-20", "--format", "json", "--page", "2"], env=env)
    assert len(json.loads(paged.stdout)) == 11 and "page 2 of 2 (61 in all)" in paged.stderr


def test_a_large_csv_import_keeps_every_row_and_names_a_bad_one(reg, tmp_path, board):
    src = tmp_path / "contracts.csv"
    rows = [f"Vendor {i % 40},Product {i},2026-0{1 + i % 9}-15,{'2026-12-31' if i % 3 else ''},,name; grade"
            for i in range(2500)]
    src.write_text("vendor_name,product,executed,term_end,purpose,data_collected\n" + "\n".join(rows) + "\n")
    ids = import_contracts_csv(reg, src)
    assert len(ids) == 2500 and ids == sorted(ids)
    last = reg.contract(ids[-1])
    assert (last.vendor.name, last.product, last.executed) == ("Vendor 19", "Product 2499", D("2026-07-15"))  # 2499 % 9 == 6
    assert last.data_categories == ["name", "grade"] and last.term_end is None and reg.contract(ids[1]).term_end
    # what is due was stored with the import (nothing left to derive), and it is what the records say
    assert refresh_due(reg) == 0
    for today in (D("2026-03-01"), D("2027-01-05")):
        assert due_items(reg, today, board) == oracle(reg, today, board)
    logged = [entry for entry in reg.log() if entry.action == "add contract"]
    assert [entry.contract_id for entry in logged] == ids and logged[0].details["product"] == "Product 0"
    assert reg.count(LogRow) == 2500
    bad = tmp_path / "bad.csv"
    bad.write_text("vendor_name,product,executed\nGood,Reader,2026-01-02\n,Nameless,2026-01-02\n")
    with pytest.raises(Exception, match="bad.csv: 1 row cannot be imported; nothing was imported: line 3: a contract needs a vendor and a product"):
        import_contracts_csv(reg, bad)
    assert reg.count(LogRow) == 2500


def test_the_register_page_shows_one_page_at_a_time(fresh_register):
    from streamlit.testing.v1 import AppTest

    from .conftest import ROOT

    with Register(fresh_register) as reg:
        for i in range(60):
            reg.add_contract(vendor=f"Vendor {i:02d}", product="Reader", executed=date.today() - timedelta(days=400))
    at = AppTest.from_file(str(ROOT / "app_pages" / "register.py"), default_timeout=60).run()
    assert not at.exception and not at.error
    assert at.subheader[1].value == "Contracts (60)"
    listed = lambda: [line for line in at.html[1].value.split("<tr>")[2:]]  # noqa: E731  (rows after the header)
    assert len(listed()) == 50 and "Vendor 00" in listed()[0]
    assert any(c.value.startswith("Page 1 of 2 (60 in all)") for c in at.caption)
    at.button(key="list_page_next").click().run()
    assert not at.exception
    assert len(listed()) == 10 and "Vendor 50" in listed()[0]
    assert any(c.value.startswith("Page 2 of 2") for c in at.caption)
    # what is due: 60 postings overdue and the annual notice, 25 a page
    assert any(c.value.startswith("Page 1 of 3 (61 in all)") for c in at.caption)
    at.text_input(key="due_vendor").input("vendor 0").run()
    assert at.html[0].value.count("OVERDUE") == 10
    at.text_input(key="search").input("vendor 3").run()
    assert len(listed()) == 10 and any(c.value.startswith("10 of 60 shown") for c in at.caption)
    # a form picks from every contract, not only the page listed: labels only, the one picked loaded
    at.selectbox(key="action").set_value("See the history of a contract").run()
    assert len(at.selectbox(key="h_contract").options) == 60
    at.selectbox(key="h_contract").set_value(55).run()
    assert not at.exception and "Vendor 54" in at.html[-1].value


class NoStatutoryTerms:
    """A library under which no provision is a § 10-234bb(a) term (so § 10-234bb(f) never applies)."""

    def a_provisions(self) -> set[str]:
        return set()


def test_items_that_depend_on_the_library_follow_the_library_asked_for(reg, board):
    today = D("2027-02-01")
    checked = reg.add_contract(vendor="Readwell", product="Reader", executed=D("2019-03-01"))
    reg.record_posting(checked, D("2019-03-02"))
    reg.record_check(checked, READING, D("2027-01-04"))
    review_check(reg, checked, role="counsel", confirm_rest=True)
    reg.add_contract(vendor="Plain", product="Pad", executed=D("2027-01-25"))
    mine = lambda library: [(i.what, i.citation) for i in due_items(reg, today, board, library)  # noqa: E731
                            if i.contract_id == checked]
    assert mine(None) == [("send the vendor notice to amend", "§ 10-234bb(f) (to confirm)")]
    assert mine(NoStatutoryTerms()) == [("send the vendor notice to amend", "board policy")]
    assert refresh_due(reg) == 1  # only the contract whose items depend on the library is derived again
    assert mine(None) == [("send the vendor notice to amend", "§ 10-234bb(f) (to confirm)")]


def test_many_rows_in_one_statement_keep_every_value_and_their_order(reg):
    """The bulk insert the imports use: ids in the order of the rows; dates, JSON, bytes, nothing."""
    from generator.records.bulk import insert_rows
    from generator.records.tables import ContractRow, VendorRow

    with reg.session() as s, s.begin():
        (vid,) = insert_rows(s, VendorRow.__table__, [{"board_id": reg.board_id, "name": "Bulk Co",
                                                       "contact_email": "", "address": "1 Main St"}], new_ids=True)
        rows = [{"board_id": reg.board_id, "vendor_id": vid, "product": f"P{i}", "title": "", "description": "",
                 "purpose": "it's \"quoted\", {braced}", "executed": D("2026-01-02") if i % 2 else None,
                 "term_end": None, "data_categories": ["name", f"n{i}"] if i else [], "file_name": "",
                 "file_sha256": "", "file_data": b"\x00\xffbytes" if i == 3 else None, "withheld_reason": ""}
                for i in range(5)]
        ids = insert_rows(s, ContractRow.__table__, rows, new_ids=True)
    assert len(ids) == 5 and ids == sorted(ids)
    got = {c.id: c for c in reg.contracts(ids)}
    assert [got[i].product for i in ids] == ["P0", "P1", "P2", "P3", "P4"]
    assert got[ids[1]].executed == D("2026-01-02") and got[ids[0]].executed is None
    assert got[ids[0]].data_categories == [] and got[ids[4]].data_categories == ["name", "n4"]
    assert got[ids[0]].purpose == "it's \"quoted\", {braced}"
    assert reg.contract_file(ids[3]) == b"\x00\xffbytes" and reg.contract_file(ids[2]) is None
    assert reg.add_contract(vendor="Bulk Co", product="After") > ids[-1]  # the id sequence moved past them


def test_the_head_read_from_the_migration_files_is_alembics():
    """Opening a register compares its revision with the head read from the files (no Alembic
    import when nothing is to do): that head must be the one Alembic would migrate to."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from generator.records.database import MIGRATIONS, head_revision

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(cfg).get_current_head() == "0008"


def test_many_rows_for_another_board_are_refused_as_one_row_is(reg):
    from generator.records.bulk import insert_rows
    from generator.records.tables import VendorRow

    with reg.session() as s, s.begin(), pytest.raises(RegisterError, match="another board"):
        insert_rows(s, VendorRow.__table__, [{"board_id": reg.board_id + 1, "name": "Elsewhere", "contact_email": "",
                                              "address": ""}])
    assert reg.count(VendorRow) == 0
